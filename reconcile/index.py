"""The archive index of `reconcile check`: the archive's articles and claims in one SQLite file.

A check compares a new article with an archive of thousands of published ones and must answer
in well under a second, so it never re-reads the archive. This file keeps, per archive article,
its metadata, its text, its extracted claims and the term counts of its title and opening; an
FTS5 table over title and opening finds the few archive articles most like a new one (bm25),
and a document-frequency table weights the story similarity the way a full report would.

Updates are incremental and by content: each file's size and modification time are compared
first, then its SHA-256, and only new or changed files are read and extracted again; rows of
files that are gone are deleted. A file's sidecar metadata (NAME.meta.yaml, sources.meta.yaml)
is tracked too, and a change to one re-reads the articles of its folder. Everything one update
does happens in one transaction (WAL journal), so a killed process leaves the previous index
as it was. A change of the extractor, the rules or the settings that shape the stored data
empties the index within that same transaction and builds it again.

    meta(key, value)                        schema, identity fingerprints, stop words
    files(path, kind, size, mtime_ns, sha256, hashed_ns)   paths relative to the archive root
    articles(id, file, position, short_id, source, claims, terms, lead, body_line)
    leads                                   FTS5 over title and opening (contentless;
                                            rowid = articles.id)
    df(term, n)                             articles whose title and opening hold the term
    errors(file, error)                     what could not be read, and why
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import sqlite3
import time
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, NamedTuple

from reconcile.errors import ReconcileError
from reconcile.model import Claim, DateValue, InputError, Kind, NumberValue, QuoteValue, Source

SCHEMA = "2"
# A file modified within this long of being hashed may have changed again in the same clock
# tick; its size and time are then not trusted and it is hashed again on the next update.
RACY_NS = 2_000_000_000
HASH_CHUNK = 1 << 20

# meta keys that are not part of the index's identity
_NOT_IDENTITY = frozenset({"stop_words", "listing", "listing_ns"})
_VALUE_TYPES = {"number": NumberValue, "date": DateValue, "quote": QuoteValue}
_VALUE_TAGS = {cls: tag for tag, cls in _VALUE_TYPES.items()}

_SCHEMA_SQL = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files(path TEXT PRIMARY KEY, kind TEXT NOT NULL, size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL, sha256 TEXT NOT NULL, hashed_ns INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS articles(id INTEGER PRIMARY KEY, file TEXT NOT NULL,
    position INTEGER NOT NULL, short_id TEXT NOT NULL, source BLOB NOT NULL,
    claims BLOB NOT NULL, terms BLOB NOT NULL, lead BLOB NOT NULL, body_line INTEGER);
CREATE INDEX IF NOT EXISTS articles_file ON articles(file);
CREATE INDEX IF NOT EXISTS articles_short_id ON articles(short_id);
CREATE VIRTUAL TABLE IF NOT EXISTS leads USING fts5(lead, content='');
CREATE TABLE IF NOT EXISTS df(term TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS errors(file TEXT NOT NULL, path TEXT NOT NULL, error TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS errors_file ON errors(file);
"""


class ArchiveIndexError(ReconcileError):
    """The archive index cannot be opened, read or written."""


class FileState(NamedTuple):
    """One archive file as found on disk: path relative to the archive root, and its stat.

    A named tuple rather than a frozen dataclass: every check makes one per archive file, and
    tuples are made several times faster."""

    path: str
    full: str  # the path to open
    size: int
    mtime_ns: int
    kind: str = "article"  # article | sidecar


@dataclass(frozen=True, slots=True)
class Entry:
    """One archive article as the reader made it, ready to store."""

    short_id: str
    source: Source
    claims: tuple[Claim, ...]
    terms: Mapping[str, int]
    lead: str
    body_line: int | None = None  # 0-based line of the file where the body starts, when exact


@dataclass(frozen=True, slots=True)
class FileResult:
    """What reading one changed archive file gave: its articles and what went wrong."""

    path: str
    entries: tuple[Entry, ...] = ()
    errors: tuple[InputError, ...] = ()


# The reader is given the changed article files and yields one FileResult per file.
Reader = Callable[[Sequence[FileState]], Iterable[FileResult]]


@dataclass(frozen=True, slots=True)
class SyncStats:
    """What one update did."""

    added: int = 0
    changed: int = 0
    removed: int = 0
    unchanged: int = 0
    articles: int = 0
    rebuilt: bool = False
    seconds: float = 0.0


@dataclass(frozen=True, slots=True)
class IndexedArticle:
    """An archive article as stored: its file, position in the file, short id, source, claims."""

    key: int
    file: str
    position: int
    short_id: str
    source: Source
    claims: tuple[Claim, ...]
    terms: Mapping[str, int] = field(default_factory=dict)
    body_line: int | None = None


class ArchiveIndex:
    """An open index file. Use as a context manager; every update is one transaction."""

    def __init__(self, path: Path, timeout: float = 60.0):
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # isolation_level=None: transactions are opened and closed explicitly below
            self.db = sqlite3.connect(str(self.path), timeout=timeout, isolation_level=None)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self._create_tables()
        except (OSError, sqlite3.Error) as err:
            raise ArchiveIndexError(f"{self.path}: cannot open the archive index ({err}); "
                                    "delete the file to build it again") from err

    def _create_tables(self) -> None:
        """The tables, made anew when the file was written by another schema version (the
        next update then fills them)."""
        statements = [x for x in _SCHEMA_SQL.split(";") if x.strip()]
        self.db.execute(statements[0])  # meta
        schema = self.meta("schema")
        names = {row[0] for row in self.db.execute("SELECT name FROM sqlite_master")}
        if schema == SCHEMA and {"files", "articles", "leads", "df", "errors"} <= names:
            return  # nothing to write: opening never waits for another process's update
        self.db.execute("BEGIN IMMEDIATE")
        try:
            if schema not in (None, SCHEMA):
                for table in ("files", "articles", "leads", "df", "errors"):
                    self.db.execute(f"DROP TABLE IF EXISTS {table}")
                self.db.execute("DELETE FROM meta")
            for statement in statements[1:]:
                self.db.execute(statement)
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise

    def __enter__(self) -> ArchiveIndex:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    # -- reading -----------------------------------------------------------------------------

    def meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def stop_words(self) -> frozenset[str]:
        return frozenset(json.loads(self.meta("stop_words") or "[]"))

    def article_count(self) -> int:
        return self.db.execute("SELECT count(*) FROM articles").fetchone()[0]

    def document_frequencies(self, terms: Iterable[str]) -> dict[str, int]:
        """How many archive articles hold each term in their title and opening."""
        wanted = sorted(set(terms))
        found: dict[str, int] = {}
        for start in range(0, len(wanted), 900):
            chunk = wanted[start:start + 900]
            marks = ",".join("?" * len(chunk))
            found.update(self.db.execute(f"SELECT term, n FROM df WHERE term IN ({marks})",
                                         chunk).fetchall())
        return found

    def short_id_counts(self, ids: Iterable[str]) -> dict[str, int]:
        """How many archive articles share each short id (1: the id is unique in the archive)."""
        wanted = sorted(set(ids))
        marks = ",".join("?" * len(wanted))
        return dict(self.db.execute(f"SELECT short_id, count(*) FROM articles WHERE short_id IN "
                                    f"({marks}) GROUP BY short_id", wanted).fetchall())

    def similar(self, terms: Sequence[str], limit: int,
                exclude_files: Iterable[str] = ()) -> list[IndexedArticle]:
        """The archive articles whose title and opening best match `terms` (bm25), best first."""
        if not terms or limit <= 0:
            return []
        excluded = set(exclude_files)
        query = " OR ".join('"' + term.replace('"', '""') + '"' for term in terms)
        rows = self.db.execute(
            "SELECT a.id, a.file, a.position, a.short_id, a.source, a.claims, a.terms, "
            "a.body_line "
            "FROM leads JOIN articles a ON a.id = leads.rowid WHERE leads MATCH ? "
            "ORDER BY rank, a.id LIMIT ?", (query, limit + len(excluded))).fetchall()
        found = [_article(row) for row in rows if row[1] not in excluded]
        return found[:limit]

    def articles(self, files: Iterable[str] | None = None) -> Iterator[IndexedArticle]:
        """Every stored article (of `files` when given), in path and position order."""
        columns = "id, file, position, short_id, source, claims, terms, body_line"
        if files is None:
            rows = self.db.execute(f"SELECT {columns} FROM articles ORDER BY file, position")
        else:
            wanted = sorted(set(files))
            rows = self.db.execute(f"SELECT {columns} FROM articles WHERE file IN "
                                   f"({','.join('?' * len(wanted))}) ORDER BY file, position",
                                   wanted)
        for row in rows.fetchall():
            yield _article(row)

    def errors(self) -> list[InputError]:
        """What could not be read in the archive, by file."""
        return [InputError(path, error) for path, error in
                self.db.execute("SELECT path, error FROM errors ORDER BY file, rowid")]

    def files(self) -> dict[str, tuple[str, int, int, str, int]]:
        return {row[0]: tuple(row[1:]) for row in self.db.execute(
            "SELECT path, kind, size, mtime_ns, sha256, hashed_ns FROM files")}

    # -- updating ----------------------------------------------------------------------------

    def sync(self, found: Sequence[FileState], reader: Reader, identity: Mapping[str, str],
             stop_words: Callable[[], frozenset[str]], rebuild: bool = False) -> SyncStats:
        """Bring the index in line with the archive files `found`, in one transaction.

        `identity` names what the stored data depends on (schema, extractor, rules, settings);
        when it differs from what the index was built with, or `rebuild` is set, the index is
        emptied and built again. `stop_words` gives the stop word list of a new index (stored,
        then reused)."""
        started, walked_ns = time.perf_counter(), time.time_ns()
        listing = _listing(found)
        if not rebuild and self._current(identity, listing):
            return SyncStats(unchanged=len(found), seconds=time.perf_counter() - started)
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as err:
            raise ArchiveIndexError(f"{self.path}: the archive index is busy or read-only "
                                    f"({err})") from err
        try:
            rebuilt = self._reset_if_stale(identity, stop_words, rebuild)
            stats = self._apply(found, reader)
            self._remember(listing, walked_ns)
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        return dataclasses.replace(stats, rebuilt=rebuilt,
                                   seconds=time.perf_counter() - started)

    def _identity(self) -> dict[str, str]:
        return {key: value for key, value in self.db.execute("SELECT key, value FROM meta")
                if key not in _NOT_IDENTITY}

    def _current(self, identity: Mapping[str, str], listing: str | None) -> bool:
        """Whether the index already holds exactly these files, built the same way: the
        listing of paths, sizes and times is the one stored after the last update, and none of
        those times is recent enough to hide a second change in the same clock tick."""
        if listing is None or self.meta("listing") != listing:
            return False
        recorded = int(self.meta("listing_ns") or 0)
        return (self._identity() == dict(identity, schema=SCHEMA)
                and int(listing.split(":")[0]) + RACY_NS < recorded)

    def _remember(self, listing: str | None, walked_ns: int) -> None:
        """Store the listing the index now reflects, and when the files were listed (the
        update's start, so that a file changed while it ran is never taken as current)."""
        unreadable = self.db.execute("SELECT 1 FROM files WHERE sha256 = '' LIMIT 1").fetchone()
        for key, value in (("listing", None if unreadable else listing),
                           ("listing_ns", str(walked_ns))):
            self.db.execute("DELETE FROM meta WHERE key = ?", (key,))
            if value is not None:
                self.db.execute("INSERT INTO meta(key, value) VALUES (?, ?)", (key, value))

    def _reset_if_stale(self, identity: Mapping[str, str],
                        stop_words: Callable[[], frozenset[str]], rebuild: bool) -> bool:
        wanted = dict(identity, schema=SCHEMA)
        stored = self._identity()
        if stored == wanted and self.meta("stop_words") is not None and not rebuild:
            return False
        for table in ("meta", "files", "articles", "df", "errors"):
            self.db.execute(f"DELETE FROM {table}")
        self.db.execute("INSERT INTO leads(leads) VALUES ('delete-all')")
        rows = [*wanted.items(), ("stop_words", json.dumps(sorted(stop_words())))]
        self.db.executemany("INSERT INTO meta(key, value) VALUES (?, ?)", rows)
        return True

    def _apply(self, found: Sequence[FileState], reader: Reader) -> SyncStats:
        stored = self.files()
        now = time.time_ns()
        dirty: list[FileState] = []
        dirty_folders: set[str] = set()
        counts = Counter()
        for state in found:
            row = stored.pop(state.path, None)
            status, digest = _compare(state, row)
            counts[status] += 1
            if status == "unchanged":
                continue
            self.db.execute(
                "INSERT OR REPLACE INTO files(path, kind, size, mtime_ns, sha256, hashed_ns) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (state.path, state.kind, state.size, state.mtime_ns, digest, now))
            if status == "touched":
                continue
            if state.kind == "sidecar":
                dirty_folders.add(_folder(state.path))
            else:
                dirty.append(state)
        for path, row in stored.items():  # files that are gone
            counts["removed"] += 1
            self.db.execute("DELETE FROM files WHERE path = ?", (path,))
            if row[0] == "sidecar":
                dirty_folders.add(_folder(path))
            else:
                self._forget(path)
        if dirty_folders:
            named = {state.path for state in dirty}
            dirty.extend(state for state in found if state.kind == "article"
                         and state.path not in named and _folder(state.path) in dirty_folders)
        frequencies: Counter[str] = Counter()
        for state in dirty:
            frequencies.subtract(self._forget(state.path, count=False))
        articles = 0
        for result in reader(sorted(dirty, key=lambda s: s.path)):
            articles += self._store(result, frequencies)
        self._apply_frequencies(frequencies)
        return SyncStats(added=counts["added"], changed=counts["changed"],
                         removed=counts["removed"],
                         unchanged=counts["unchanged"] + counts["touched"], articles=articles)

    def _forget(self, path: str, count: bool = True) -> Counter[str]:
        """Delete a file's articles and errors; returns the terms whose frequencies drop."""
        dropped: Counter[str] = Counter()
        for key, terms, lead in self.db.execute(
                "SELECT id, terms, lead FROM articles WHERE file = ?", (path,)).fetchall():
            dropped.update(_unpack(terms).keys())
            # the full-text table keeps no copy of the text: removing a row takes its words
            self.db.execute("INSERT INTO leads(leads, rowid, lead) VALUES ('delete', ?, ?)",
                            (key, _unpack(lead)))
        self.db.execute("DELETE FROM articles WHERE file = ?", (path,))
        self.db.execute("DELETE FROM errors WHERE file = ?", (path,))
        if count:
            negative = Counter()
            negative.subtract(dropped)
            self._apply_frequencies(negative)
        return dropped

    def _store(self, result: FileResult, frequencies: Counter[str]) -> int:
        for position, entry in enumerate(result.entries):
            cursor = self.db.execute(
                "INSERT INTO articles(file, position, short_id, source, claims, terms, lead, "
                "body_line) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (result.path, position, entry.short_id, _pack(source_to_json(entry.source)),
                 _pack([claim_to_json(c) for c in entry.claims]), _pack(dict(entry.terms)),
                 _pack(entry.lead), entry.body_line))
            self.db.execute("INSERT INTO leads(rowid, lead) VALUES (?, ?)",
                            (cursor.lastrowid, entry.lead))
            frequencies.update(entry.terms.keys())
        self.db.executemany("INSERT INTO errors(file, path, error) VALUES (?, ?, ?)",
                            [(result.path, e.path, e.error) for e in result.errors])
        return len(result.entries)

    def _apply_frequencies(self, delta: Mapping[str, int]) -> None:
        changes = [(term, n) for term, n in delta.items() if n]
        self.db.executemany("INSERT INTO df(term, n) VALUES (?, ?) ON CONFLICT(term) "
                            "DO UPDATE SET n = n + excluded.n", changes)
        self.db.execute("DELETE FROM df WHERE n <= 0")


def _listing(found: Sequence[FileState]) -> str | None:
    """`newest mtime:digest` of the paths, kinds, sizes and mtimes (None for no files)."""
    if not found:
        return None
    digest = hashlib.sha256()
    for state in found:
        digest.update(f"{state.path}\0{state.kind}\0{state.size}\0{state.mtime_ns}\n".encode())
    return f"{max(state.mtime_ns for state in found)}:{digest.hexdigest()}"


def _compare(state: FileState, row: tuple | None) -> tuple[str, str]:
    """(added | changed | touched | unchanged, content hash) of one file against its row."""
    if row is not None:
        _, size, mtime_ns, digest, hashed_ns = row
        if (digest and size == state.size and mtime_ns == state.mtime_ns
                and mtime_ns + RACY_NS < hashed_ns):
            return "unchanged", digest
    current = file_hash(state.full)
    if row is None:
        return "added", current
    return ("touched" if current == row[3] and current else "changed"), current


def file_hash(path: str | Path) -> str:
    """SHA-256 of a file's bytes; '' when it cannot be read (the reader reports why)."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            while chunk := handle.read(HASH_CHUNK):
                digest.update(chunk)
    except OSError:
        return ""
    return digest.hexdigest()


def _pack(data: Any) -> bytes:
    """Compact JSON, compressed: claims repeat their sentences, and the index file is what
    CI caches between runs (a fifth of the size)."""
    return zlib.compress(json.dumps(data, separators=(",", ":"),
                                    ensure_ascii=False).encode("utf-8"), 6)


def _unpack(blob: bytes) -> Any:
    return json.loads(zlib.decompress(blob).decode("utf-8"))


def _folder(path: str) -> str:
    return str(PurePosixPath(path).parent)


def _article(row: tuple) -> IndexedArticle:
    key, file, position, short_id, source, claims, terms, body_line = row
    return IndexedArticle(key=key, file=file, position=position, short_id=short_id,
                          source=source_from_json(_unpack(source)),
                          claims=tuple(claim_from_json(c) for c in _unpack(claims)),
                          terms=_unpack(terms), body_line=body_line)


# -- serialisation: every field, so that a stored claim is the claim extraction gave ---------

def source_to_json(source: Source) -> dict[str, Any]:
    return {f.name: getattr(source, f.name) for f in dataclasses.fields(source)}


def source_from_json(data: Mapping[str, Any]) -> Source:
    names = {f.name for f in dataclasses.fields(Source)}
    return Source(**{key: value for key, value in data.items() if key in names})


def claim_to_json(claim: Claim) -> list[Any]:
    value = claim.value
    fields = {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
    return [str(claim.kind), claim.text, claim.start, claim.end, claim.sentence, claim.subject,
            _VALUE_TAGS[type(value)], fields]


def claim_from_json(data: Sequence[Any]) -> Claim:
    kind, text, start, end, sentence, subject, tag, fields = data
    cls = _VALUE_TYPES[tag]
    known = {f.name for f in dataclasses.fields(cls)}
    value = cls(**{key: tuple(v) if isinstance(v, list) else v
                   for key, v in fields.items() if key in known})
    return Claim(kind=Kind(kind), text=text, start=start, end=end, sentence=sentence,
                 subject=subject, value=value)
