"""Latency of `reconcile check` against a large archive: the 21,578 Reuters stories.

Run on demand: `python -m pytest tests/bench/test_check_latency.py -s`. The JSONL corpus is
turned into an archive as a newsroom would keep it (one Markdown file per story with front
matter, one folder per month); a few stories are held out as the new articles. Printed:
the time to build the index from scratch, the wall time of each check as a subprocess
(Python start-up included) against the built index, and the time of a check after one
archive article changed. Timings are printed, never asserted: the machine may be shared.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest

HOLD_OUT_AT = (2000, 6000, 10000, 14000, 18000)  # records after which a story is held out
RUNS = 5              # timed checks per held-out story
MONTHS = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
                                      "sep", "oct", "nov", "dec"), start=1)}


def _published(record: dict) -> str | None:
    """The story's date, or the month and day of its dateline in 1987 (the corpus year)."""
    if record.get("date"):
        return record["date"][:10]
    match = re.search(r"\b([A-Z][a-z]{2})[a-z]*\.?\s+(\d{1,2})\b", record.get("dateline") or "")
    if match and match[1].lower() in MONTHS:
        try:
            return dt.date(1987, MONTHS[match[1].lower()], int(match[2])).isoformat()
        except ValueError:
            return None
    return None


def _markdown(record: dict, published: str | None) -> str:
    front = [f"title: {json.dumps(record.get('title') or '')}", "outlet: Reuters"]
    if published:
        front.append(f"date: {published}")
    return "---\n" + "\n".join(front) + "\n---\n" + (record.get("body") or "").strip() + "\n"


@pytest.fixture(scope="module")
def archive(shared, tmp_path_factory):
    """(archive folder, held-out articles, stories in the archive, records read)."""
    corpus = shared / "corpora" / "reuters21578" / "articles.jsonl"
    root = tmp_path_factory.mktemp("reuters")
    archive_dir, new_dir = root / "archive", root / "new"
    new_dir.mkdir()
    written = records = 0
    held: list[Path] = []
    with corpus.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            records += 1
            if not (record.get("body") or "").strip():
                continue  # a headline without a story is not an article
            published = _published(record)
            text = _markdown(record, published)
            # hold out a few long stories spread over the corpus: the first one past each
            # mark with some length to it, so that the checks have claims to compare
            if len(held) < len(HOLD_OUT_AT) and records >= HOLD_OUT_AT[len(held)] \
                    and len(record["body"]) > 1500:
                path = new_dir / f"reuters-{record['id']}.md"
                held.append(path)
            else:
                folder = archive_dir / (published[:7] if published else "undated")
                folder.mkdir(parents=True, exist_ok=True)
                path = folder / f"reuters-{record['id']}.md"
                written += 1
            path.write_text(text, encoding="utf-8")
    return archive_dir, held, written, records


def _check(paths, archive_dir: Path, index: Path, *extra: str) -> tuple[float, int, str, str]:
    started = time.perf_counter()
    # run from the archive's project folder, as a newsroom's CI job would (and so that
    # `python -m` does not pick up a checkout's reconcile/ from the working folder)
    done = subprocess.run([sys.executable, "-m", "reconcile", "check", *map(str, paths),
                           "--against", str(archive_dir), "--index", str(index), *extra],
                          capture_output=True, text=True, check=False, cwd=archive_dir.parent)
    return time.perf_counter() - started, done.returncode, done.stdout, done.stderr


def _load() -> str:
    return "load average %.1f %.1f %.1f" % os.getloadavg()


def test_check_latency_against_reuters(archive, tmp_path):
    archive_dir, held, written, records = archive
    index = tmp_path / "index.sqlite"
    print(f"\narchive: {written:,} stories with a body of {records:,} records; "
          f"{len(held)} held out as new articles; {os.cpu_count()} CPUs; {_load()}")

    seconds, code, out, err = _check([held[0]], archive_dir, index, "--rebuild-index")
    assert code in (0, 1), err
    print(f"index built from scratch (and one check): {seconds:.1f} s wall, "
          f"{index.stat().st_size / 1e6:.0f} MB; {_load()}")
    print("  " + " | ".join(line for line in err.splitlines() if "index" in line))

    walls = []
    for path in held:
        times = []
        for _ in range(RUNS):
            seconds, code, out, err = _check([path], archive_dir, index, "--quiet")
            assert code in (0, 1), err
            assert "archive index" not in err  # nothing was rebuilt between the runs
            times.append(seconds)
        walls += times
        _, _, out, _ = _check([path], archive_dir, index, "--format", "json")
        data = json.loads(out)
        assert data["archive_articles"] == written
        print(f"check {path.name}: min {min(times):.2f} s, median "
              f"{statistics.median(times):.2f} s, max {max(times):.2f} s; "
              f"{len(data['findings'])} finding(s), {data['checked'][0]['claims']} claims; "
              f"{_load()}")
    print(f"all {len(walls)} checks: median {statistics.median(walls):.2f} s, "
          f"max {max(walls):.2f} s, {sum(w <= 1.0 for w in walls)} of {len(walls)} within 1.0 s")

    edited = next(archive_dir.rglob("*.md"))
    edited.write_text(edited.read_text(encoding="utf-8") + "\nThe company said profit rose "
                      "12 pct to 4.5 mln dlrs.\n", encoding="utf-8")
    seconds, code, _, err = _check([held[0]], archive_dir, index)
    assert code in (0, 1), err
    assert "1 changed" in err
    print(f"check after one archive article changed (incremental update included): "
          f"{seconds:.2f} s wall; {_load()}")
