"""The archive side of `check`: find its files, read and extract the changed ones for the index.

The archive is walked on every check to keep the index honest (a stat per file; tens of
milliseconds for twenty thousand files), and only files whose content changed are read again.
Hidden files and folders are skipped as `report` skips them; files of formats reconcile does
not read (images, stylesheets) are not articles and are only counted.
"""
from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from reconcile.check.articles import Locator, off_regions, outside
from reconcile.check.terms import lead_terms
from reconcile.cluster import lead_text
from reconcile.index import Entry, FileResult, FileState
from reconcile.model import Claim, InputError, Source
from reconcile.rules import Rules

# Changed files are read and extracted this many at a time: enough to keep worker processes
# busy, few enough that memory stays flat on a first build of a large archive.
BATCH_FILES = 256
# Below this many changed files, starting worker processes costs more than it saves.
PARALLEL_MIN_FILES = 40
# Files whose content shapes the index: a new reconcile version rebuilds it.
_CODE_PACKAGES = ("extract", "ingest")
_CODE_FILES = ("model.py", "index.py", "cluster.py", "check/terms.py", "check/articles.py",
               "check/archive.py")


@dataclass(frozen=True, slots=True)
class ArchiveFiles:
    """The archive's files: articles and sidecars to index, and how many were not articles."""

    files: tuple[FileState, ...]
    ignored: int = 0
    errors: tuple[InputError, ...] = ()


def walk_archive(root: Path, selects: Callable[[Path], bool] | None = None) -> ArchiveFiles:
    """Every article and sidecar file under `root` (sorted), with its size and mtime.

    Called on every check, so it stays lean: one scandir and one stat per file, no Path
    objects per file (pathlib alone made it ten times slower on twenty thousand files)."""
    from reconcile.ingest.sidecar import is_sidecar

    found: list[FileState] = []
    errors: list[InputError] = []
    ignored = 0
    readable: dict[str, bool] = {}  # file name suffix -> whether ingest reads it
    seen_folders: set[tuple[int, int]] = set()
    pending = [(str(root), "")]
    while pending:
        folder, relative = pending.pop()
        try:
            info = os.stat(folder)
            if (info.st_dev, info.st_ino) in seen_folders:
                continue  # a second link to a folder (or a loop) adds nothing
            seen_folders.add((info.st_dev, info.st_ino))
            with os.scandir(folder) as listing:
                entries = list(listing)
        except OSError as err:
            errors.append(InputError(folder, f"skipped: cannot read folder "
                                             f"({err.strerror or err})"))
            continue
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            inner = f"{relative}/{name}" if relative else name
            try:
                info = entry.stat()
            except OSError as err:
                errors.append(InputError(entry.path, f"skipped: cannot read "
                                                     f"({err.strerror or err})"))
                continue
            if stat.S_ISDIR(info.st_mode):
                pending.append((entry.path, inner))
            elif not stat.S_ISREG(info.st_mode):
                continue
            elif ".meta." in name.lower() and is_sidecar(name):
                found.append(FileState(inner, entry.path, info.st_size, info.st_mtime_ns,
                                       "sidecar"))
            elif not _readable(name, readable) or (selects and not selects(Path(entry.path))):
                ignored += 1
            else:
                found.append(FileState(inner, entry.path, info.st_size, info.st_mtime_ns))
    found.sort(key=lambda f: f.path)
    return ArchiveFiles(tuple(found), ignored, tuple(errors))


def _readable(name: str, known: dict[str, bool]) -> bool:
    """Whether ingest has a format for the file name (decided once per suffix)."""
    from reconcile.ingest import format_for

    suffix = os.path.splitext(name)[1]
    if suffix not in known:
        known[suffix] = format_for(name)[0] is not None
    return known[suffix]


def identity(rules: Rules, rules_dir: str | None,
             front_matter: Mapping[str, Sequence[str]]) -> dict[str, str]:
    """What the stored claims depend on: reconcile's extraction code, the rules, the settings.

    An index built under another identity is rebuilt, so an upgrade or a rules edit never
    leaves claims extracted the old way."""
    from reconcile import __version__
    from reconcile.rules import READERS, default_rules_dir

    package = Path(__file__).resolve().parent.parent
    code = hashlib.sha256(__version__.encode())
    paths = [p for name in _CODE_PACKAGES for p in sorted((package / name).rglob("*.py"))]
    paths += [package / name for name in _CODE_FILES]
    for path in paths:
        code.update(path.relative_to(package).as_posix().encode() + b"\0")
        code.update(path.read_bytes() if path.is_file() else b"")
    rules_hash = hashlib.sha256()
    override = Path(rules_dir) if rules_dir else None
    for name in sorted(READERS):
        path = override / name if override and (override / name).is_file() else \
            Path(default_rules_dir()) / name
        rules_hash.update(name.encode() + b"\0" + (path.read_bytes() if path.is_file() else b""))
    settings = ";".join(f"{key}={','.join(keys)}" for key, keys in sorted(front_matter.items()))
    return {"extractor": code.hexdigest()[:16], "rules": rules_hash.hexdigest()[:16],
            "settings": settings}


def read_with(front_matter: Mapping[str, Sequence[str]]) -> Callable[..., tuple]:
    """read_sources with the configured front matter key names."""
    from reconcile.ingest import read_sources

    return lambda paths, **kw: read_sources(paths, front_matter=dict(front_matter) or None, **kw)


def reader(rules: Rules, rules_dir: str | None, jobs: int | None,
           front_matter: Mapping[str, Sequence[str]], stop_words: Callable[[], frozenset[str]]):
    """The index's reader: reads the changed files in batches and extracts their claims, in
    worker processes when there are many (one pool for the whole update)."""
    read = read_with(front_matter)

    def read_files(states: Sequence[FileState]) -> Iterator[FileResult]:
        words = stop_words()
        workers = jobs or os.cpu_count() or 1
        if workers > 1 and len(states) >= PARALLEL_MIN_FILES:
            from concurrent.futures import ProcessPoolExecutor

            with ProcessPoolExecutor(max_workers=workers) as pool:
                def extract(work):
                    return list(pool.map(_extract, work, chunksize=8))
                for first in range(0, len(states), BATCH_FILES):
                    yield from _read_batch(states[first:first + BATCH_FILES], read, rules,
                                           rules_dir, words, extract)
        else:
            def extract(work):
                return [_extract(item) for item in work]
            for first in range(0, len(states), BATCH_FILES):
                yield from _read_batch(states[first:first + BATCH_FILES], read, rules, rules_dir,
                                       words, extract)

    return read_files


def _extract(work: tuple[str, str | None, str | None]) -> list[Claim]:
    """The claims of one body (run in a worker process: rules are loaded once per worker)."""
    from reconcile.extract import extract_claims
    from reconcile.rules import load_rules

    text, published, rules_dir = work
    return extract_claims(text, published, load_rules(rules_dir))


def _read_batch(states: Sequence[FileState], read: Callable[..., tuple], rules: Rules,
                rules_dir: str | None, stop_words: frozenset[str],
                extract: Callable[[list], list[list[Claim]]]) -> Iterator[FileResult]:
    per_file: list[tuple[FileState, list[Source], list[InputError], str | None]] = []
    for state in states:
        sources, errors = read([str(state.full)], rules=rules)
        per_file.append((state, sources, errors,
                         file_text(Path(state.full)) if sources else None))
    claims = iter(extract([(s.text, s.published, rules_dir)
                           for _, sources, _, _ in per_file for s in sources]))
    for state, sources, errors, text in per_file:
        entries = []
        for source in sources:
            locator = Locator.for_file(text, source.text)
            kept = outside(next(claims), off_regions(source.text))
            entries.append(Entry(short_id=source.id, source=replace(source, path=state.path),
                                 claims=tuple(kept), terms=lead_terms(source, stop_words),
                                 lead=lead_text(source), body_line=locator.body_line))
        yield FileResult(state.path, tuple(entries), tuple(errors))


def file_text(path: Path) -> str | None:
    """The file as ingest normalises it (for line numbers); None when it cannot be read."""
    from reconcile.ingest._base import Input, read_text
    from reconcile.errors import ReconcileError

    try:
        text, _ = read_text(Input(str(path), path.stem, opener=lambda: open(path, "rb")))
    except (OSError, ReconcileError):
        return None
    return text
