"""Markdown and plain text, with YAML (---), TOML (+++) or JSON ({...}) front matter or none.

JSON front matter is Hugo's form: the file opens with a JSON object and the body follows its
closing brace. A file that opens with "{{" or "{%" (a Hugo shortcode, a Liquid tag) is body.

A front matter block that cannot be parsed is not a reason to lose the article: the body after
the closing fence is read as usual, without that metadata, and the reason is reported. A block
that opens but never closes is treated as no front matter at all (a Markdown file may start with
a `---` rule), so the whole file is the body, again with a reported reason.
"""
from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from reconcile.errors import IngestError
from reconcile.ingest._base import Article, Input, Parsed, read_text, safe_yaml
from reconcile.ingest._meta import FIELD_ALIASES, metadata_from

_FENCES = {"---": "YAML", "+++": "TOML"}
_NOT_FRONT_MATTER = object()
_CLOSERS = {"---": re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE),
            "+++": re.compile(r"^\+\+\+[ \t]*$", re.MULTILINE)}


def read(source: Input) -> Parsed:
    """One article from a Markdown or text file; front matter gives its metadata."""
    text, problems = read_text(source)
    return parse(text, problems, source.front_matter)


def parse(text: str, problems: list[str] | None = None,
          aliases: Mapping[str, tuple[str, ...]] | None = None) -> Parsed:
    """Split normalised text into front matter and body; the body keeps its exact characters.

    `aliases` are the front matter key names per field (default: the common ones)."""
    problems = list(problems or [])
    aliases = aliases or FIELD_ALIASES
    if text.startswith("{") and not text.startswith(("{{", "{%")):
        return _json_front_matter(text, problems, aliases)
    first_line, _, rest = text.partition("\n")
    fence = first_line.rstrip(" \t")
    if fence not in _FENCES:
        return _article(text, None, problems)
    language = _FENCES[fence]
    closing = _CLOSERS[fence].search(rest)
    if closing is None:
        problems.append(f"front matter: opened with '{fence}' on line 1 but never closed; "
                        "whole file read as body")
        return _article(text, None, problems)
    block = rest[:closing.start()]
    body = rest[closing.end() + 1:]
    data = _load(block, language, problems)
    if data is _NOT_FRONT_MATTER:
        return _article(text, None, problems)
    return _article(body, data, problems, aliases, fenced=True)


def _json_front_matter(text: str, problems: list[str],
                       aliases: Mapping[str, tuple[str, ...]]) -> Parsed:
    """Hugo's JSON front matter: the object at the start, the body after its closing brace."""
    try:
        data, end = json.JSONDecoder().raw_decode(text)
    except (json.JSONDecodeError, RecursionError) as err:
        reason = f"{err.msg} at line {err.lineno}" if isinstance(err, json.JSONDecodeError) else (
            "nested too deeply")
        problems.append(f"front matter: opens with '{{' but is not valid JSON ({reason}); "
                        "whole file read as body")
        return _article(text, None, problems)
    line_end = text.find("\n", end)
    rest_of_line = text[end:] if line_end < 0 else text[end:line_end]
    if rest_of_line.strip():
        # "{a, b} are the two sets" is prose that happens to start with a brace
        problems.append("front matter: text follows the closing '}' on its line; whole file read "
                        "as body")
        return _article(text, None, problems)
    body = "" if line_end < 0 else text[line_end + 1:]
    return _article(body, data, problems, aliases, fenced=True)


def _load(block: str, language: str, problems: list[str]) -> Any:
    """The front matter as a mapping, or None with the reason added to problems.

    A block that parses to a plain string or list was prose between two rules, not metadata:
    that returns _NOT_FRONT_MATTER so the whole file is read as body.
    """
    if not block.strip():
        return None
    if language == "TOML":
        import tomllib

        try:
            data: Any = tomllib.loads(block)
        except tomllib.TOMLDecodeError as err:
            problems.append(f"front matter: invalid TOML ({err}); body read without it")
            return None
    else:
        import yaml

        try:
            data = safe_yaml(block)  # tags never build objects; dates stay text
        except (yaml.YAMLError, ValueError, TypeError, RecursionError) as err:
            # ValueError: a well-formed but impossible timestamp ("date: 2025-13-45")
            mark = getattr(err, "problem_mark", None)
            # +2: the mark counts from 0 inside the block, which starts on the file's line 2
            where = f" at line {mark.line + 2}" if mark is not None else ""
            reason = getattr(err, "problem", None) or str(err).splitlines()[0]
            problems.append(f"front matter: invalid YAML{where} ({reason}); body read without it")
            return None
    if not isinstance(data, dict):
        problems.append(f"front matter: expected key: value pairs, got {type(data).__name__}; "
                        "whole file read as body")
        return _NOT_FRONT_MATTER
    return data


def _article(body: str, data: dict[Any, Any] | None, problems: list[str],
             aliases: Mapping[str, tuple[str, ...]] = FIELD_ALIASES,
             fenced: bool = False) -> Parsed:
    if not body.strip():
        raise IngestError("skipped: no article text after the front matter" if fenced
                          else "skipped: empty file")
    if data is None:
        return Parsed((Article(text=body),), tuple(problems))
    meta = metadata_from(data, "front matter: date", aliases)
    article = Article(text=body, title=meta.title, outlet=meta.outlet, url=meta.url,
                      published=meta.published,
                      published_from="front matter" if meta.published else "none")
    return Parsed((article,), tuple(problems) + meta.problems)
