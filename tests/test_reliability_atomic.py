"""Writes that matter are atomic: the archive index survives a process killed mid-update, and the
accepted-findings file is never left half-written (by a kill, a full disk or a failed rename).

The kills are real: a child process runs reconcile and gets SIGKILL, with no chance to clean
up. To kill the index update mid-way rather than before or after it, the child's extraction
step tells the test (a marker file) when it is half-way through and then waits to be killed.
"""
from __future__ import annotations

import io
import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from reconcile.cli import main
from reconcile.decisions import Decision, load_decisions, save_decisions

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")

ARCHIVE_SIZE = 40
NEW_ARTICLE = """---
title: Harbour bridge repair approved
date: 2025-06-02
outlet: Coast Daily
---
The council approved a $17 million repair of the harbour bridge on Monday, officials said.
"""


def _archive_article(number: int, amount: int) -> str:
    # each article about another bridge, except number 7, the same story as NEW_ARTICLE
    place = "harbour" if number == 7 else f"route {number}"
    return (f"---\ntitle: Council approves {place} bridge repair\ndate: 2025-05-{1 + number % 28:02d}"
            f"\noutlet: Wire {number}\n---\nThe council approved a ${amount} million repair of the "
            f"{place} bridge on Monday, officials said. Work starts in {number % 9 + 2} weeks.\n")


def _write_archive(folder: Path, amounts: dict[int, int]) -> None:
    folder.mkdir(exist_ok=True)
    for number, amount in amounts.items():
        (folder / f"article-{number:03d}.md").write_text(_archive_article(number, amount))


def _check(new: Path, archive: Path, index: Path) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["check", str(new), "--against", str(archive), "--index", str(index),
                 "--format", "json", "--jobs", "1", "--quiet"],
                stdin=io.StringIO(""), stdout=out, stderr=err)
    assert code in (0, 1), err.getvalue()
    return code, out.getvalue()


# The child: reconcile check, with its extraction step slowed after `stop_after` articles so
# the parent can kill it there (marker written, then a long sleep inside the transaction).
_CHILD = textwrap.dedent("""
    import sys, time
    import reconcile.check.archive as archive
    marker, stop_after = sys.argv[1], int(sys.argv[2])
    real = archive._extract
    calls = [0]
    def slow(work):
        calls[0] += 1
        if calls[0] == stop_after:
            open(marker, "w").close()
            time.sleep(300)
        return real(work)
    archive._extract = slow
    from reconcile.cli import main
    sys.exit(main(sys.argv[3:]))
""")


def _start_child(marker: Path, stop_after: int, argv: list[str]) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", _CHILD, str(marker), str(stop_after), *argv],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _wait_for(marker: Path, child: subprocess.Popen, seconds: float = 120.0) -> None:
    deadline = time.monotonic() + seconds
    while not marker.exists():
        if child.poll() is not None:
            raise AssertionError(f"child ended early: {child.stderr.read().decode()}")
        if time.monotonic() > deadline:
            child.kill()
            raise AssertionError("child never reached the middle of the update")
        time.sleep(0.05)


def _kill(child: subprocess.Popen) -> None:
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL


def _index_state(index: Path) -> tuple[str, int, dict[str, str]]:
    """(integrity check, article count, file -> sha256) read with plain sqlite3."""
    with sqlite3.connect(index) as db:
        integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
        count = db.execute("SELECT count(*) FROM articles").fetchone()[0]
        files = dict(db.execute("SELECT path, sha256 FROM files"))
    return integrity, count, files


def test_reliability_index_survives_a_kill_mid_update(tmp_path):
    archive, index, new = tmp_path / "archive", tmp_path / "index.sqlite", tmp_path / "new.md"
    new.write_text(NEW_ARTICLE)
    _write_archive(archive, {n: 20 + n for n in range(ARCHIVE_SIZE)})
    code, before = _check(new, archive, index)
    assert code == 1  # article 7 says $27 million, the new article $17 million
    state_before = _index_state(index)
    assert state_before[0] == "ok" and state_before[1] == ARCHIVE_SIZE

    # every archive article changes and as many again are added; the update is killed half-way
    _write_archive(archive, {n: 50 + n for n in range(ARCHIVE_SIZE * 2)})
    marker = tmp_path / "half-way"
    child = _start_child(marker, ARCHIVE_SIZE, ["check", str(new), "--against", str(archive),
                                                "--index", str(index), "--jobs", "1"])
    _wait_for(marker, child)
    _kill(child)

    # the index is whole and is still the one from before the update
    assert _index_state(index) == state_before
    # the next run completes, and says what a run on a fresh index says
    code_after, after = _check(new, archive, index)
    code_fresh, fresh = _check(new, archive, tmp_path / "fresh.sqlite")
    assert (code_after, after) == (code_fresh, fresh)
    assert after != before  # the update did happen this time
    integrity, count, _ = _index_state(index)
    assert (integrity, count) == ("ok", ARCHIVE_SIZE * 2)


def test_reliability_index_survives_kills_at_random_moments(tmp_path):
    """Kills at arbitrary moments of a full rebuild: each leaves a whole index, either the old
    one or the new one, never a mixture."""
    archive, index, new = tmp_path / "archive", tmp_path / "index.sqlite", tmp_path / "new.md"
    new.write_text(NEW_ARTICLE)
    _write_archive(archive, {n: 10 + n for n in range(ARCHIVE_SIZE)})
    _check(new, archive, index)
    old = _index_state(index)
    rng = random.Random(11)
    for _ in range(2):
        child = subprocess.Popen([sys.executable, "-m", "reconcile", "check", str(new),
                                  "--against", str(archive), "--index", str(index),
                                  "--rebuild-index", "--jobs", "1"],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.2, 3.0))
        if child.poll() is None:
            _kill(child)
        integrity, count, files = _index_state(index)
        assert integrity == "ok"
        assert (count, files) == old[1:]  # a rebuild of the same archive: the same rows
    code, out = _check(new, archive, index)
    assert (code, out) == _check(new, archive, tmp_path / "fresh.sqlite")


# ---------------------------------------------------------------------------------------------
# the accepted-findings file


def _decisions(tag: str, count: int = 800) -> dict[str, Decision]:
    """Many decisions, so that one write takes long enough to be killed in the middle."""
    return {f"F{number:012x}": Decision(id=f"F{number:012x}", status="accepted difference",
                                        note=f"{tag}: checked with the ministry ({number})",
                                        reviewer="jd", fingerprint=f"{number:012x}",
                                        kind="money", subject="repair cost",
                                        sources=("river-times", "valley-post"))
            for number in range(count)}


_WRITER = textwrap.dedent("""
    import sys
    from reconcile.decisions import Decision, save_decisions
    path = sys.argv[1]
    sets = []
    for tag in ("first", "second"):
        sets.append({f"F{n:012x}": Decision(id=f"F{n:012x}", status="accepted difference",
                     note=f"{tag}: checked with the ministry ({n})", reviewer="jd",
                     fingerprint=f"{n:012x}", kind="money", subject="repair cost",
                     sources=("river-times", "valley-post")) for n in range(800)})
    print("ready", flush=True)
    while True:
        for decisions in sets:
            save_decisions(path, decisions)
""")


def test_reliability_accepted_file_whole_after_kills(tmp_path):
    path = tmp_path / "reconcile-accepted.yaml"
    first, second = _decisions("first"), _decisions("second")
    save_decisions(path, first)
    rng = random.Random(5)
    for _ in range(2):
        child = subprocess.Popen([sys.executable, "-c", _WRITER, str(path)],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        assert child.stdout.readline() == b"ready\n", child.stderr.read()
        time.sleep(rng.uniform(0.05, 0.4))  # somewhere in a stream of whole-file writes
        _kill(child)
        assert load_decisions(path) in (first, second)


def test_reliability_accepted_file_untouched_when_the_disk_is_full(tmp_path, monkeypatch):
    path = tmp_path / "reconcile-accepted.yaml"
    save_decisions(path, _decisions("first", 10))
    before = path.read_bytes()
    real_fdopen = os.fdopen

    class FullDisk:
        def __init__(self, handle):
            self.handle = handle

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()
            return False

        def write(self, data):
            self.handle.write(data[:len(data) // 2])
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fdopen", lambda fd, mode="r", *a, **k: FullDisk(
        real_fdopen(fd, mode, *a, **k)))
    with pytest.raises(OSError, match="No space left"):
        save_decisions(path, _decisions("second", 10))
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]  # no temporary file left


def test_reliability_accepted_file_untouched_when_the_rename_fails(tmp_path, monkeypatch):
    path = tmp_path / "reconcile-accepted.yaml"
    save_decisions(path, _decisions("first", 10))
    before = path.read_bytes()

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(PermissionError):
        save_decisions(path, _decisions("second", 10))
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]


def test_reliability_report_output_file_whole_or_absent(tmp_path, monkeypatch):
    """--output goes through the same atomic write: a failed write leaves the old report."""
    article = tmp_path / "a.md"
    article.write_text(NEW_ARTICLE)
    output = tmp_path / "report.json"
    output.write_text("old report\n")

    def refuse(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    out, err = io.StringIO(), io.StringIO()
    code = main(["report", str(article), "--format", "json", "--output", str(output), "--quiet"],
                stdin=io.StringIO(""), stdout=out, stderr=err)
    assert (code, out.getvalue()) == (2, "")
    assert err.getvalue() == (f"reconcile: error: {output}: cannot write (No space left on "
                              "device); nothing was written\n")
    assert output.read_text() == "old report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md", "report.json"]


def test_write_atomic_in_pieces_writes_them_all(tmp_path):
    from reconcile.fileio import write_atomic

    target = tmp_path / "report.json"
    write_atomic(target, (f"piece {n} \u00e9\n" for n in range(3)))
    assert target.read_text(encoding="utf-8") == "piece 0 \u00e9\npiece 1 \u00e9\npiece 2 \u00e9\n"


def test_write_atomic_pieces_that_fail_midway_keep_the_old_file(tmp_path):
    from reconcile.fileio import write_atomic

    target = tmp_path / "report.json"
    target.write_text("old report\n", encoding="utf-8")

    def pieces():
        yield "new begins"
        raise RuntimeError("renderer failed")

    with pytest.raises(RuntimeError):
        write_atomic(target, pieces())
    assert target.read_text(encoding="utf-8") == "old report\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]  # no temporary file left
