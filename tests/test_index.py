"""The archive index: incremental updates by content hash, no stale claims, one transaction."""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from reconcile.check.archive import identity, reader, walk_archive
from reconcile.index import (ArchiveIndex, claim_from_json, claim_to_json, source_from_json,
                             source_to_json)
from reconcile.model import Claim, DateValue, Kind, NumberValue, QuoteValue, Source

STOP_WORDS = frozenset({"the", "a", "of", "and", "on", "in", "to", "for", "it", "said"})

BRIDGE = """---
title: Riverside bridge repairs to cost $12 million
date: 2024-03-05
outlet: Valley Post
---
The county will spend $12 million repairing the Riverside bridge, officials said on Tuesday.
"""

FERRY = """---
title: Ferry service adds two boats
date: 2024-03-06
outlet: Valley Post
---
The ferry operator added 2 boats to the morning crossing, carrying 400 passengers a day.
"""


@pytest.fixture()
def archive(tmp_path):
    root = tmp_path / "archive"
    (root / "2024").mkdir(parents=True)
    (root / "2024" / "bridge.md").write_text(BRIDGE)
    (root / "2024" / "ferry.md").write_text(FERRY)
    return root


def _sync(archive: Path, index_path: Path, rules, rebuild: bool = False, ident=None):
    with ArchiveIndex(index_path) as index:
        read = reader(rules, None, 1, {}, index.stop_words)
        stats = index.sync(walk_archive(archive).files, read,
                           ident or identity(rules, None, {}), lambda: STOP_WORDS,
                           rebuild=rebuild)
        stored = {a.file: a for a in index.articles()}
        frequencies = dict(index.db.execute("SELECT term, n FROM df"))
        leads = index.db.execute("SELECT count(*) FROM leads").fetchone()[0]
    return stats, stored, frequencies, leads


def _claim_texts(article) -> list[str]:
    return [c.text for c in article.claims]


def _age(path: Path, seconds: int = 60) -> None:
    """Move a file's modification time into the past, as if it had been written long ago."""
    info = path.stat()
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns - seconds * 1_000_000_000))


def test_index_first_update_reads_every_article(archive, tmp_path, rules):
    stats, stored, frequencies, leads = _sync(archive, tmp_path / "i.sqlite", rules)
    assert stats.rebuilt and stats.added == 2 and stats.articles == 2
    assert sorted(stored) == ["2024/bridge.md", "2024/ferry.md"]
    assert "$12 million" in _claim_texts(stored["2024/bridge.md"])
    assert stored["2024/bridge.md"].short_id == "bridge"
    assert stored["2024/bridge.md"].source.published == "2024-03-05"
    assert stored["2024/bridge.md"].body_line == 5  # four lines of front matter, then the body
    assert frequencies["riverside"] == 1 and frequencies["county"] == 1
    assert "valley" not in frequencies  # the outlet is metadata, not the title or the opening
    assert leads == 2


def test_index_unchanged_archive_reads_nothing(archive, tmp_path, rules):
    for path in archive.rglob("*.md"):
        _age(path)
    _sync(archive, tmp_path / "i.sqlite", rules)
    stats, *_ = _sync(archive, tmp_path / "i.sqlite", rules)
    assert (stats.added, stats.changed, stats.removed, stats.articles) == (0, 0, 0, 0)
    assert stats.unchanged == 2 and not stats.rebuilt


def test_index_added_article_is_read(archive, tmp_path, rules):
    _sync(archive, tmp_path / "i.sqlite", rules)
    (archive / "2024" / "tunnel.md").write_text(
        BRIDGE.replace("Riverside bridge", "Hill tunnel").replace("$12 million", "$30 million"))
    stats, stored, frequencies, leads = _sync(archive, tmp_path / "i.sqlite", rules)
    assert stats.added == 1 and stats.articles == 1
    assert "$30 million" in _claim_texts(stored["2024/tunnel.md"])
    assert frequencies["tunnel"] == 1 and leads == 3


def test_index_changed_article_leaves_no_stale_claims(archive, tmp_path, rules):
    _sync(archive, tmp_path / "i.sqlite", rules)
    bridge = archive / "2024" / "bridge.md"
    bridge.write_text(BRIDGE.replace("$12 million", "$15 million")
                      .replace("Riverside bridge", "Riverside viaduct"))
    stats, stored, frequencies, leads = _sync(archive, tmp_path / "i.sqlite", rules)
    assert stats.changed == 1 and stats.articles == 1
    texts = _claim_texts(stored["2024/bridge.md"])
    assert "$15 million" in texts and "$12 million" not in texts
    assert frequencies.get("viaduct") == 1 and frequencies.get("riverside") == 1
    assert leads == 2


def test_index_same_size_edit_within_the_clock_tick_is_caught(archive, tmp_path, rules):
    """A file rewritten with the same size right after it was hashed keeps its size, and may
    keep its mtime on coarse clocks: such recent files are hashed again."""
    bridge = archive / "2024" / "bridge.md"
    _sync(archive, tmp_path / "i.sqlite", rules)
    before = bridge.stat()
    bridge.write_text(BRIDGE.replace("$12 million", "$13 million"))
    os.utime(bridge, ns=(before.st_atime_ns, before.st_mtime_ns))  # same size, same mtime
    stats, stored, *_ = _sync(archive, tmp_path / "i.sqlite", rules)
    assert stats.changed == 1
    assert "$13 million" in _claim_texts(stored["2024/bridge.md"])


def test_index_touched_but_identical_file_is_not_read_again(archive, tmp_path, rules):
    _sync(archive, tmp_path / "i.sqlite", rules)
    os.utime(archive / "2024" / "bridge.md")  # a fresh checkout gives every file a new mtime
    stats, *_ = _sync(archive, tmp_path / "i.sqlite", rules)
    assert stats.changed == 0 and stats.articles == 0 and stats.unchanged == 2


def test_index_deleted_article_is_forgotten(archive, tmp_path, rules):
    _sync(archive, tmp_path / "i.sqlite", rules)
    (archive / "2024" / "bridge.md").unlink()
    stats, stored, frequencies, leads = _sync(archive, tmp_path / "i.sqlite", rules)
    assert stats.removed == 1
    assert sorted(stored) == ["2024/ferry.md"]
    assert "riverside" not in frequencies and "bridge" not in frequencies
    assert leads == 1
    with ArchiveIndex(tmp_path / "i.sqlite") as index:
        assert index.similar(["riverside", "bridge"], 5) == []  # its words left the search


def test_index_sidecar_change_rereads_its_folder(tmp_path, rules):
    archive = tmp_path / "archive"
    archive.mkdir()
    (archive / "storm.txt").write_text("Storm closes schools\n\nThe storm closed 14 schools on "
                                       "Monday.\n")
    (archive / "storm.meta.yaml").write_text("date: 2024-01-08\noutlet: Coast Radio\n")
    _, stored, *_ = _sync(archive, tmp_path / "i.sqlite", rules)
    assert stored["storm.txt"].source.outlet == "Coast Radio"
    (archive / "storm.meta.yaml").write_text("date: 2024-01-09\noutlet: Coast Radio News\n")
    stats, stored, *_ = _sync(archive, tmp_path / "i.sqlite", rules)
    assert stats.articles == 1
    assert stored["storm.txt"].source.outlet == "Coast Radio News"
    assert stored["storm.txt"].source.published == "2024-01-09"


def test_index_other_identity_rebuilds_from_scratch(archive, tmp_path, rules):
    _sync(archive, tmp_path / "i.sqlite", rules)
    ident = dict(identity(rules, None, {}), rules="edited")
    stats, stored, *_ = _sync(archive, tmp_path / "i.sqlite", rules, ident=ident)
    assert stats.rebuilt and stats.articles == 2 and len(stored) == 2


def test_index_failed_update_leaves_the_previous_index(archive, tmp_path, rules):
    index_path = tmp_path / "i.sqlite"
    _sync(archive, index_path, rules)
    (archive / "2024" / "bridge.md").write_text(BRIDGE.replace("$12 million", "$99 million"))
    (archive / "2024" / "ferry.md").unlink()

    def failing_reader(states):
        raise KeyboardInterrupt  # the process is interrupted mid-update

    with ArchiveIndex(index_path) as index, pytest.raises(KeyboardInterrupt):
        index.sync(walk_archive(archive).files, failing_reader, identity(rules, None, {}),
                   lambda: STOP_WORDS)
    with ArchiveIndex(index_path) as index:
        stored = {a.file: a for a in index.articles()}
    assert sorted(stored) == ["2024/bridge.md", "2024/ferry.md"]
    assert "$12 million" in _claim_texts(stored["2024/bridge.md"])
    # and the next update catches up
    _, stored, *_ = _sync(archive, index_path, rules)
    assert sorted(stored) == ["2024/bridge.md"]
    assert "$99 million" in _claim_texts(stored["2024/bridge.md"])


def test_index_unreadable_article_is_recorded_with_its_reason(archive, tmp_path, rules):
    (archive / "2024" / "empty.md").write_text("---\ntitle: x\n---\n\n")
    with ArchiveIndex(tmp_path / "i.sqlite") as index:
        index.sync(walk_archive(archive).files, reader(rules, None, 1, {}, index.stop_words),
                   identity(rules, None, {}), lambda: STOP_WORDS)
        errors = index.errors()
    assert len(errors) == 1 and errors[0].path.endswith("empty.md")
    assert "no article text" in errors[0].error


def test_index_similar_finds_the_story_and_leaves_out_excluded_files(archive, tmp_path, rules):
    _sync(archive, tmp_path / "i.sqlite", rules)
    with ArchiveIndex(tmp_path / "i.sqlite") as index:
        found = index.similar(["riverside", "bridge"], 5)
        assert [a.file for a in found] == ["2024/bridge.md"]
        assert index.similar(["riverside", "bridge"], 5, exclude_files={"2024/bridge.md"}) == []


def test_index_is_not_a_database(tmp_path):
    bad = tmp_path / "i.sqlite"
    bad.write_text("not a database at all, just text " * 100)
    from reconcile.index import ArchiveIndexError

    with pytest.raises(ArchiveIndexError, match="cannot open the archive index"):
        ArchiveIndex(bad)


@pytest.mark.parametrize("claim", [
    Claim(Kind.MONEY, "$1.2 billion", 4, 16, "s", "deal", NumberValue(1.2e9, 1.15e9, 1.25e9,
                                                                      "USD", "approximately")),
    Claim(Kind.COUNT, "30-40 people", 0, 12, "s", "", NumberValue((30.0, 40.0), 30.0, 40.0,
                                                                  "people", None, "this week")),
    Claim(Kind.DATE, "by 2031", 0, 7, "s", "work", DateValue(("2031-01-01", "2031-12-31"),
                                                             "year", None, "2031-12-31", "by")),
    Claim(Kind.DATE, "last Thursday", 0, 13, "s", "", DateValue(None, "day", None, None,
                                                                relative=True)),
    Claim(Kind.QUOTE, "\"We are ready\"", 0, 14, "s", "", QuoteValue("We are ready", "Koo")),
    Claim(Kind.PERCENT, "over 3%", 0, 7, "s", "", NumberValue(3.0, 3.0, None, "%", "more_than")),
], ids=["money", "range", "date-hedge", "unresolved-date", "quote", "open-interval"])
def test_index_claims_round_trip_exactly(claim):
    import json

    assert claim_from_json(json.loads(json.dumps(claim_to_json(claim)))) == claim


def test_index_sources_round_trip_exactly():
    source = Source(id="a", path="x/a.md", text="Body\n", title="T", outlet="O", url="u",
                    published="2024-01-01", published_from="front matter", format="markdown")
    assert source_from_json(source_to_json(source)) == source


def test_index_file_is_sqlite_in_wal_mode(archive, tmp_path, rules):
    _sync(archive, tmp_path / "i.sqlite", rules)
    connection = sqlite3.connect(tmp_path / "i.sqlite")
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    connection.close()


def test_index_unchanged_archive_needs_no_write_lock(archive, tmp_path, rules):
    """A check against an unchanged archive only reads the index: it works while another
    process holds the write lock (a second CI job, a pre-commit run)."""
    for path in archive.rglob("*.md"):
        _age(path)
    index_path = tmp_path / "i.sqlite"
    _sync(archive, index_path, rules)
    writer = sqlite3.connect(index_path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    try:
        with ArchiveIndex(index_path, timeout=0.2) as index:
            stats = index.sync(walk_archive(archive).files, lambda states: iter(()),
                               identity(rules, None, {}), lambda: STOP_WORDS)
        assert stats.unchanged == 2 and stats.articles == 0
        (archive / "2024" / "ferry.md").write_text(FERRY + "\nMore.\n")
        from reconcile.index import ArchiveIndexError

        with ArchiveIndex(index_path, timeout=0.2) as index, \
                pytest.raises(ArchiveIndexError, match="busy"):
            index.sync(walk_archive(archive).files, lambda states: iter(()),
                       identity(rules, None, {}), lambda: STOP_WORDS)
    finally:
        writer.execute("ROLLBACK")
        writer.close()


def test_index_of_an_older_schema_is_rebuilt_with_the_current_tables(archive, tmp_path, rules):
    index_path = tmp_path / "i.sqlite"
    old = sqlite3.connect(index_path)
    old.executescript("CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
                      "INSERT INTO meta VALUES ('schema', '0');"
                      "CREATE TABLE articles(id INTEGER PRIMARY KEY, file TEXT);")
    old.close()
    stats, stored, *_ = _sync(archive, index_path, rules)
    assert stats.rebuilt and sorted(stored) == ["2024/bridge.md", "2024/ferry.md"]


def test_index_stop_words_are_the_ones_report_clustering_removes():
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    from reconcile.check.terms import english_stop_words

    assert english_stop_words() == frozenset(ENGLISH_STOP_WORDS)


def test_index_articles_of_chosen_files(archive, tmp_path, rules):
    _sync(archive, tmp_path / "i.sqlite", rules)
    with ArchiveIndex(tmp_path / "i.sqlite") as index:
        assert [a.file for a in index.articles({"2024/ferry.md"})] == ["2024/ferry.md"]
        assert [a.file for a in index.articles()] == ["2024/bridge.md", "2024/ferry.md"]
