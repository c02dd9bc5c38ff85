"""YAML read as plain data, for every file an editor or a newsroom writes (front matter,
sidecars, rules).

Tags never build objects (this is PyYAML's safe loader underneath), and dates stay the text
they were written as: with PyYAML's own timestamp reading, one impossible date ("date:
2025-02-30") raises for the whole document and takes every other key with it; as text, the
date is checked on its own by whoever needs it, and only the date is lost.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any


def load_plain_yaml(text: str) -> Any:
    """The YAML document in `text` as dicts, lists, strings, numbers, booleans and None."""
    import yaml

    try:
        return yaml.load(text, Loader=_plain_loader(True))  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError:
        # libyaml words its errors its own way: the Python parser says what went wrong
        return yaml.load(text, Loader=_plain_loader(False))  # noqa: S506


@lru_cache(maxsize=2)
def _plain_loader(fast: bool) -> type:
    import yaml

    # `fast`: libyaml's parser when PyYAML was built with it, the same data in a tenth of the
    # time (reading the rules is a tenth of what `reconcile check` may take)
    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader) if fast else yaml.SafeLoader

    class PlainLoader(base):
        """SafeLoader without the implicit timestamp type."""

    PlainLoader.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers
                if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}
    return PlainLoader
