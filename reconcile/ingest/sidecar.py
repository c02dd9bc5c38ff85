"""Metadata kept beside articles that have no front matter.

`NAME.meta.yaml` (or `.meta.yml`, `.meta.json`, `.meta.toml`) next to `NAME.txt` gives that
article's date, outlet, title and URL; a folder's `sources.meta.yaml` maps file names to the same
keys. Precedence, most specific first: front matter, then `NAME.meta.*`, then `sources.meta.yaml`
— a field is only taken from a sidecar when the article itself does not state it, because the
article travels with its own front matter while a sidecar can go stale.

A sidecar is only ever looked up inside the folder of its article, and one whose real path
leaves that folder (a symbolic link elsewhere) is refused, so a sidecar cannot be made to read
outside its folder; entries of `sources.meta.yaml` must be plain file names of that folder.
"""
from __future__ import annotations

import json
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reconcile.errors import IngestError
from reconcile.ingest._base import decode, normalise_newlines, safe_yaml
from reconcile.ingest._meta import Metadata, metadata_from

SIDECAR_SUFFIXES = (".meta.yaml", ".meta.yml", ".meta.json", ".meta.toml")
FOLDER_SIDECARS = ("sources.meta.yaml", "sources.meta.yml")
# Sidecars hold a few keys; anything bigger is a mistake, not metadata worth reading.
SIDECAR_MAX_BYTES = 1024 * 1024


def is_sidecar(name: str) -> bool:
    """Whether a file name is sidecar metadata rather than an article."""
    lowered = name.lower()
    return any(lowered.endswith(s) and len(lowered) > len(s) for s in SIDECAR_SUFFIXES)


def sidecar_article_stem(name: str) -> str | None:
    """NAME for NAME.meta.yaml; None for the folder-level file."""
    if name.lower() in FOLDER_SIDECARS or not is_sidecar(name):
        return None
    return name[:name.lower().rindex(".meta.")]


@dataclass(slots=True)
class SidecarCache:
    """Sidecars already read during one read_sources() call, so each is read and reported once."""

    # mutable on purpose: it lives for one call and is never shared between calls

    folders: dict[Path, tuple[dict[str, Metadata], list[tuple[str, str]]]] = field(
        default_factory=dict)


def lookup(article: Path, stem: str,
           cache: SidecarCache) -> tuple[Metadata, Metadata, list[tuple[str, str]]]:
    """(per-file sidecar, folder sidecar entry, problems as (path, reason)) for one article."""
    folder = article.parent
    problems: list[tuple[str, str]] = []
    own = Metadata()
    for suffix in SIDECAR_SUFFIXES:
        candidate = folder / (stem + suffix)
        if candidate.exists() or candidate.is_symlink():
            data = _load(candidate, problems)
            if isinstance(data, dict):
                own = _meta(data, str(candidate), problems)
            break
    if folder not in cache.folders:
        cache.folders[folder] = _folder_entries(folder)
        problems.extend(cache.folders[folder][1])
    entries = cache.folders[folder][0]
    shared = entries.get(article.name) or entries.get(stem) or Metadata()
    return own, shared, problems


def _folder_entries(folder: Path) -> tuple[dict[str, Metadata], list[tuple[str, str]]]:
    problems: list[tuple[str, str]] = []
    entries: dict[str, Metadata] = {}
    for name in FOLDER_SIDECARS:
        path = folder / name
        if not (path.exists() or path.is_symlink()):
            continue
        data = _load(path, problems)
        if not isinstance(data, dict):
            break
        for key, value in data.items():
            key = str(key)
            if "/" in key or "\\" in key or key in (".", "..") or not key.strip():
                problems.append((str(path), f"entry {key!r}: not a file name in this folder; "
                                            "ignored"))
            elif not isinstance(value, dict):
                problems.append((str(path), f"entry {key!r}: expected key: value pairs, got "
                                            f"{type(value).__name__}; ignored"))
            else:
                entries[key] = _meta(value, str(path), problems, label=f"entry {key!r}: ")
        break
    return entries, problems


def _meta(data: dict[Any, Any], path: str, problems: list[tuple[str, str]],
          label: str = "") -> Metadata:
    meta = metadata_from(data, f"{label}date")
    problems.extend((path, problem) for problem in meta.problems)
    return meta


def _load(path: Path, problems: list[tuple[str, str]]) -> Any:
    """The parsed sidecar, or None with the reason added to problems."""
    try:
        real = path.resolve(strict=True)
        if real.parent != path.parent.resolve():
            problems.append((str(path), "sidecar: points outside its folder; ignored"))
            return None
        info = real.stat()
        if not stat.S_ISREG(info.st_mode):
            problems.append((str(path), "sidecar: not a regular file; ignored"))
            return None
        if info.st_size > SIDECAR_MAX_BYTES:
            problems.append((str(path), "sidecar: larger than 1 MB; ignored"))
            return None
        with open(real, "rb") as stream:
            text, _ = decode(stream.read(SIDECAR_MAX_BYTES + 1))
    except (OSError, RuntimeError) as err:  # RuntimeError: symlink loop on older Pythons
        problems.append((str(path), f"sidecar: cannot read ({getattr(err, 'strerror', err)}); "
                                    "ignored"))
        return None
    except IngestError as err:  # a binary sidecar
        problems.append((str(path), f"sidecar: {err}; ignored"))
        return None
    text = normalise_newlines(text)
    import tomllib

    import yaml

    suffix = path.suffix.lower()
    try:
        if suffix == ".json":
            data = json.loads(text)
        elif suffix == ".toml":
            data = tomllib.loads(text)
        else:
            data = safe_yaml(text)  # tags never build objects; dates stay text
    # JSON and TOML errors are ValueErrors, and so is an impossible YAML timestamp
    except (ValueError, TypeError, RecursionError, yaml.YAMLError) as err:
        reason = str(err).splitlines()[0] if str(err) else type(err).__name__
        problems.append((str(path), f"sidecar: invalid {suffix.lstrip('.').upper()} ({reason}); "
                                    "ignored"))
        return None
    if not isinstance(data, dict):
        problems.append((str(path), f"sidecar: expected key: value pairs, got "
                                    f"{type(data).__name__}; ignored"))
        return None
    return data
