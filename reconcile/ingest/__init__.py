"""Read articles from files, folders and stdin into Sources, and list what could not be read.

Each input format is one module with a `read(Input) -> Parsed` function and one line in FORMATS.
The extension picks the reader; where it is ambiguous the content decides: a .xml file must be
an RSS or Atom feed, a .json/.jsonl object may be a plain article or an IPTC ninjs item, and a
.txt file, a file without extension or standard input may turn out to be an HTML page or a feed.
"""
from __future__ import annotations

import io
import re
import sys
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath
from types import MappingProxyType
from typing import BinaryIO, TextIO

from reconcile.errors import IngestError, ReconcileError
from reconcile.ingest import feed, html, jsonfile, jsonl, markdown, sidecar, text
from reconcile.ingest._base import (DEFAULT_MAX_BYTES, Article, Input, Parsed,
                                    without_controls)
from reconcile.ingest._meta import FIELD_ALIASES, field_aliases, guess_title
from reconcile.ingest._walk import STDIN, Found, discover
from reconcile.model import InputError, Source
from reconcile.rules import Rules

__all__ = ["DEFAULT_MAX_BYTES", "FORMATS", "Format", "format_for", "read_sources"]


@dataclass(frozen=True, slots=True)
class Format:
    """An input format: its name (Source.format), file extensions and reader."""

    name: str
    extensions: tuple[str, ...]  # lower case with the dot; "" for files without an extension
    read: Callable[[Input], Parsed]
    sidecars: bool = False  # whether NAME.meta.yaml / sources.meta.yaml may add metadata


FORMATS: tuple[Format, ...] = (
    Format("markdown", (".md", ".markdown"), markdown.read, sidecars=True),
    Format("text", (".txt", ".text", ""), text.read, sidecars=True),
    Format("html", (".html", ".htm", ".xhtml"), html.read, sidecars=True),
    Format("feed", (".rss", ".atom", ".xml"), feed.read),
    Format("jsonl", (".jsonl", ".ndjson"), jsonl.read),
    Format("json", (".json",), jsonfile.read),
)

_BY_EXTENSION: Mapping[str, Format] = MappingProxyType(
    {extension: fmt for fmt in FORMATS for extension in fmt.extensions})


def format_for(path: str) -> tuple[Format | None, str]:
    """The format that reads `path` (None when unsupported) and the extension it was chosen by."""
    suffix = PurePosixPath(Path(path).name).suffix
    # "notes.2025" or "v1.2-draft": a suffix with spaces or only digits is part of the name
    if suffix and (not re.fullmatch(r"\.[A-Za-z][A-Za-z0-9]{0,9}", suffix)):
        suffix = ""
    return _BY_EXTENSION.get(suffix.lower()), suffix


def _stem(path: str) -> str:
    """The file name without the extension format_for() chose the format by."""
    name = Path(path).name
    return name[:len(name) - len(format_for(path)[1])] if format_for(path)[1] else name


@dataclass(frozen=True, slots=True)
class _Pending:
    """An article read, waiting for its id: the ids it may take, most preferred first."""

    article: Article
    path: str
    format: str
    candidates: tuple[str, ...]


def read_sources(paths: Sequence[str], *, stdin: TextIO | None = None,
                 rules: Rules | None = None, max_bytes: int | None = None,
                 front_matter: Mapping[str, Sequence[str]] | None = None,
                 ) -> tuple[list[Source], list[InputError]]:
    """Read every article under `paths` (files, folders, "-" for stdin); never raises on input.

    `front_matter` maps "date", "outlet", "title", "url" to the front matter keys to try, in
    order (reconcile.toml [front_matter]); a field it leaves out keeps the common names.
    Raises ValueError for another field name: that is a mistake in the caller, not the input.
    `max_bytes` defaults to the rules' max_article_bytes (rules/limits.yaml)."""
    if max_bytes is None:
        max_bytes = rules.max_article_bytes if rules is not None else DEFAULT_MAX_BYTES
    aliases = field_aliases(front_matter)
    keys = None if aliases is FIELD_ALIASES else aliases
    walk = discover(paths)
    errors: list[InputError] = list(walk.errors)
    boilerplate = _boilerplate(rules)
    cache = sidecar.SidecarCache()
    pending: list[_Pending] = []
    for found in walk.files:
        if found.is_stdin:
            fmt, stem, candidates = _BY_EXTENSION[""], "stdin", ("stdin",)
            try:
                source = replace(_stdin_input(stdin, max_bytes), front_matter=keys)
            except (OSError, ValueError) as err:  # ValueError: closed stream, undecodable text
                errors.append(InputError(STDIN, f"skipped: cannot read ({err})"))
                continue
        else:
            fmt, suffix = format_for(found.path)
            if fmt is None:
                errors.append(InputError(found.path, f"skipped: unsupported format {suffix}"))
                continue
            stem = _stem(found.path)
            candidates = _id_candidates(found, suffix, stem)
            source = Input(found.path, stem, opener=_opener(found.path), max_bytes=max_bytes,
                           front_matter=keys)
        parsed = _read_one(fmt, source, errors)
        if parsed is None:
            continue
        errors.extend(InputError(found.path, problem) for problem in parsed.problems)
        if parsed.format == "html" and _only_boilerplate(parsed.articles, boilerplate):
            # a consent wall or a paywall saved instead of the article
            errors.append(InputError(found.path, "skipped: the page holds no article, only page "
                                                 "furniture (cookie notice, navigation, "
                                                 "subscription prompt)"))
            continue
        # a sidecar describes one article: never the items of a feed that came as .txt
        sidecars = fmt.sidecars and not found.is_stdin and len(parsed.articles) == 1
        for article in parsed.articles:
            if sidecars:
                article = _with_sidecars(article, Path(found.path), stem, cache, errors)
            if article.title is None:
                article = replace(article, title=guess_title(article.text, boilerplate))
            article, controls = without_controls(article)
            if controls:
                errors.append(InputError(found.path, f"{controls} control character"
                                         f"{'s' if controls > 1 else ''} replaced by U+FFFD"))
            pending.append(_Pending(article, found.path, parsed.format or fmt.name,
                                    _article_candidates(article, candidates, len(parsed.articles))))
    errors.extend(_orphan_sidecars(walk.sidecars, walk.files))
    ids = _assign_ids([p.candidates for p in pending])
    sources = [Source(id=source_id, path=p.path, text=p.article.text, title=p.article.title,
                      outlet=p.article.outlet, url=p.article.url, published=p.article.published,
                      published_from=p.article.published_from, format=p.format)
               for source_id, p in zip(ids, pending)]
    return sources, errors


def _only_boilerplate(articles: Sequence[Article],
                      boilerplate: Sequence[re.Pattern[str]]) -> bool:
    """Whether every line of every article is a boilerplate line (rules/boilerplate.yaml)."""
    lines = [line.strip() for article in articles for line in article.text.split("\n")]
    lines = [line for line in lines if line]
    return bool(boilerplate) and all(any(p.fullmatch(line) for p in boilerplate)
                                     for line in lines)


def _read_one(fmt: Format, source: Input, errors: list[InputError]) -> Parsed | None:
    try:
        return fmt.read(source)
    except IngestError as err:
        errors.append(InputError(source.path, str(err)))
    except OSError as err:
        errors.append(InputError(source.path, f"skipped: cannot read ({err.strerror or err})"))
    except Exception as err:  # noqa: BLE001 - one odd file must not end the run for the others
        errors.append(InputError(source.path, f"skipped: could not be read "
                                              f"({type(err).__name__}: {err})"))
    return None


def _opener(path: str) -> Callable[[], BinaryIO]:
    return lambda: open(path, "rb")  # noqa: SIM115 - the reader closes it with `with`


def _stdin_input(stdin: TextIO | None, max_bytes: int) -> Input:
    """Standard input as one article; the process's own stdin is decoded like a file."""
    # the real standard input (given or not) is read as bytes, so that its encoding is detected
    # like a file's; a StringIO (tests, library callers) has no buffer and is taken as text
    buffer = getattr(sys.stdin if stdin is None else stdin, "buffer", None)
    if buffer is not None:
        # one byte past the limit is enough to tell it was exceeded
        data = buffer.read(max_bytes + 1)
        return Input(STDIN, "stdin", opener=lambda: io.BufferedReader(io.BytesIO(data)),
                     max_bytes=max_bytes)
    stream = stdin if stdin is not None else sys.stdin
    return Input(STDIN, "stdin", text=stream.read(max_bytes + 1) or "", max_bytes=max_bytes)


def _boilerplate(rules: Rules | None) -> tuple[re.Pattern[str], ...]:
    """Boilerplate line patterns, so that "Advertisement" is never taken for a headline."""
    if rules is None:
        from reconcile.rules import load_rules

        try:
            rules = load_rules()
        except ReconcileError:
            return ()  # a broken rules folder is reported by whoever needs the rules
    return tuple(rules.boilerplate)


def _with_sidecars(article: Article, path: Path, stem: str, cache: sidecar.SidecarCache,
                   errors: list[InputError]) -> Article:
    """Fill fields the article does not state from NAME.meta.* and then sources.meta.yaml."""
    own, shared, problems = sidecar.lookup(path, stem, cache)
    errors.extend(InputError(where, reason) for where, reason in problems)
    published, published_from = article.published, article.published_from
    if not published and (own.published or shared.published):
        published, published_from = own.published or shared.published, "sidecar"
    return replace(article, title=article.title or own.title or shared.title,
                    outlet=article.outlet or own.outlet or shared.outlet,
                    url=article.url or own.url or shared.url,
                    published=published, published_from=published_from)


def _orphan_sidecars(sidecars: Sequence[str], files: Sequence[Found]) -> list[InputError]:
    """NAME.meta.yaml with no NAME.* beside it: probably a renamed article, worth a line."""
    articles = {(str(Path(f.path).parent), _stem(f.path)) for f in files}
    errors = []
    for path in sidecars:
        stem = sidecar.sidecar_article_stem(Path(path).name)
        if stem is not None and (str(Path(path).parent), stem) not in articles:
            errors.append(InputError(path, f"sidecar: no article named {stem} beside it; "
                                           "ignored"))
    return errors


def _id_candidates(found: Found, suffix: str, stem: str) -> tuple[str, ...]:
    """The file stem; then the path from the input root without, then with, its extension.

    Repeats are kept (a top-level file's stem and path are the same) so that every article
    moves one level per round in _assign_ids and a top-level file keeps its short id.
    """
    relative = found.relative
    without = relative[:len(relative) - len(suffix)] if suffix else relative
    return (stem, without, relative)


def _article_candidates(article: Article, file_ids: tuple[str, ...],
                        count: int) -> tuple[str, ...]:
    """An article's ids: its file's, or its own id or "<stem>-<n>" when a file holds several."""
    if article.id:
        return (article.id, *(f"{f}/{article.id}" for f in file_ids[1:]))
    if article.fallback_id and (count > 1 or article.fallback_id != file_ids[0]):
        suffix = article.fallback_id[len(file_ids[0]):]  # "-<line>"
        return tuple(f"{f}{suffix}" for f in file_ids)
    return file_ids


def _assign_ids(candidates: Sequence[tuple[str, ...]]) -> list[str]:
    """Unique ids: an article moves to its next, longer id only while it collides with another."""
    level = [0] * len(candidates)
    while True:
        ids = [c[min(level[i], len(c) - 1)] for i, c in enumerate(candidates)]
        counts = Counter(ids)
        moved = False
        for i, source_id in enumerate(ids):
            if counts[source_id] > 1 and level[i] < len(candidates[i]) - 1:
                level[i] += 1
                moved = True
        if not moved:
            break
    # still equal after every candidate (stdin next to a file named "stdin"): number them in order
    taken = set(ids)
    seen: set[str] = set()
    unique = []
    for source_id in ids:
        final = source_id
        number = 2
        while final in seen or (final != source_id and final in taken):
            final = f"{source_id}-{number}"
            number += 1
        seen.add(final)
        unique.append(final)
    return unique
