"""Input order does not change the report: the same articles given in any order, listed by the
file system in any order, or as JSON Lines in any line order give the same bytes out."""
from __future__ import annotations

import io
import itertools
import json
import os
import random
from pathlib import Path

import pytest

from reconcile.cli import main

ARTICLES = {
    "river-times.md": """---
title: City approves $12 million bridge repair
date: 2025-03-04
outlet: River Times
---
The city council on Monday approved a $12 million repair of the Elm Street bridge, closing it
to traffic for about 14 months. "The bridge cannot wait another winter," Mayor Dana Ruiz said.
""",
    "valley-post.md": """---
title: Council backs Elm Street bridge repair
date: 2025-03-05
outlet: Valley Post
---
Councillors voted 7-2 on Monday for a $15 million repair of the Elm Street bridge, which will
be closed to traffic for about 14 months. "The bridge cannot wait another winter," Mayor Dana
Ruiz said after the vote.
""",
    "harbour-news.txt": """Storm floods harbour district

Heavy rain on Sunday flooded 40 homes in the harbour district, and about 300 people spent the
night in shelters, the fire service said. Damage is put at $2 million.
""",
    "coast-daily.md": """---
title: Harbour district flooded after storm
date: 2025-03-03
outlet: Coast Daily
---
A storm on Sunday flooded 42 homes in the harbour district. Roughly 300 residents were moved
to shelters overnight, fire chief Lena Ortiz said, and damage is estimated at $2.1 million.
""",
    "wire.jsonl": "".join(json.dumps(item) + "\n" for item in [
        {"id": "wire-bridge", "title": "Elm Street bridge to close for repairs",
         "published": "2025-03-05", "outlet": "Wire",
         "text": "The Elm Street bridge will close for about 14 months for a $12 million repair, "
                 "the city said."},
        {"id": "wire-storm", "title": "Storm floods 40 homes", "published": "2025-03-03",
         "outlet": "Wire", "text": "Sunday's storm flooded 40 homes; about 300 people were "
                                   "sheltered overnight and damage is estimated at $2 million."},
    ]),
    "broken.json": '{"title": "half a file", "text": ',
}
FORMATS = ["json", "markdown", "csv", "terminal", "html"]


def write_articles(folder: Path) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return [str(folder / name) for name in ARTICLES]


def report(paths: list[str], fmt: str) -> bytes:
    out, err = io.StringIO(), io.StringIO()
    code = main(["report", *paths, "--format", fmt, "--quiet"], stdin=io.StringIO(""),
                stdout=out, stderr=err)
    assert code == 0, err.getvalue()
    return out.getvalue().encode("utf-8")


@pytest.mark.parametrize("fmt", FORMATS)
def test_reliability_shuffled_arguments_same_bytes(tmp_path, monkeypatch, fmt):
    monkeypatch.chdir(tmp_path)
    paths = [os.path.relpath(p) for p in write_articles(tmp_path / "in")]
    expected = report(paths, fmt)
    orders = [list(reversed(paths))]
    orders += [random.Random(seed).sample(paths, len(paths)) for seed in (1, 2)]
    for order in orders:
        assert report(order, fmt) == expected, order


def test_reliability_every_permutation_of_four_files(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    paths = [os.path.relpath(p) for p in write_articles(tmp_path / "in")][:4]
    outputs = {report(list(order), "json") for order in itertools.permutations(paths)}
    assert len(outputs) == 1


def test_reliability_folder_listing_order_does_not_matter(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_articles(tmp_path / "in")
    expected = report(["in"], "json")
    real_scandir = os.scandir

    class Reversed:
        """os.scandir as a file system that lists newest first would."""

        def __init__(self, path):
            self.entries = list(reversed(list(real_scandir(path))))

        def __enter__(self):
            return iter(self.entries)

        def __exit__(self, *exc):
            return False

        def __iter__(self):
            return iter(self.entries)

    monkeypatch.setattr(os, "scandir", Reversed)
    assert report(["in"], "json") == expected


def test_reliability_jsonl_line_order_does_not_matter(tmp_path, monkeypatch):
    """Lines with their own ids: the report is the same whatever order the feed lists them in."""
    monkeypatch.chdir(tmp_path)
    write_articles(tmp_path / "in")
    expected = report(["in"], "json")
    lines = ARTICLES["wire.jsonl"].splitlines(keepends=True)
    (tmp_path / "in" / "wire.jsonl").write_text("".join(reversed(lines)), encoding="utf-8")
    assert report(["in"], "json") == expected


def test_reliability_same_run_twice_same_bytes(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_articles(tmp_path / "in")
    first = report(["in"], "json")
    assert report(["in"], "json") == first
    data = json.loads(first)
    assert [e["path"] for e in data["errors"]] == ["in/broken.json"]
    assert data["errors"][0]["error"].startswith("skipped: invalid JSON")
    assert any(g["verdict"] == "conflict" for g in data["groups"])  # a report worth comparing


@pytest.mark.parametrize("fmt", ["text", "json", "sarif"])
def test_reliability_check_shuffled_articles_same_bytes(tmp_path, monkeypatch, fmt):
    """`check` of several new articles: the findings come out in the same order whatever the
    order of the arguments (the archive holds the other reports of the same events)."""
    monkeypatch.chdir(tmp_path)
    paths = [os.path.relpath(p) for p in write_articles(tmp_path / "in")]
    archive = tmp_path / "archive"
    archive.mkdir()
    for path in paths[:2]:
        os.replace(path, archive / Path(path).name)
    new = paths[2:]

    def check(order: list[str]) -> tuple[int, str]:
        out, err = io.StringIO(), io.StringIO()
        code = main(["check", *order, "--against", "archive", "--format", fmt, "--quiet",
                     "--index", "index.sqlite"], stdin=io.StringIO(""), stdout=out, stderr=err)
        return code, out.getvalue()

    expected = check(new)
    assert expected[0] == 1  # conflicts found: the comparison is not empty
    assert check(list(reversed(new))) == expected
    assert check(random.Random(3).sample(new, len(new))) == expected
