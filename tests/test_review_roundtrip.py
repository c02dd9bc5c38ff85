"""End to end through the command line: export, decide in xlsx and csv, import, report again.

Two articles of our own on one ferry-terminal story disagree on the price ($48 million or $53
million) and on how long a pier closes (about 10 months or 14 months): two conflicts.
"""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from reconcile.cli import _parser, main
from test_review import fill_csv, fill_xlsx

HARBOUR_TIMES = """---
title: Port authority approves $48 million ferry terminal upgrade
date: 2025-06-02
outlet: Harbour Times
---
The port authority on Monday approved a $48 million upgrade of the Kelp Bay ferry terminal,
which will close the north pier for about 10 months. "We have patched this pier for twenty years,
and the patches are now older than some of our crew," harbour master Ines Okafor said.
"""

ISLAND_POST = """---
title: Ferry terminal upgrade approved at $53 million
date: 2025-06-03
outlet: Island Post
---
Kelp Bay's ferry terminal will get a $53 million makeover after the port authority voted on
Monday, closing the north pier for 14 months. "We have patched this pier for twenty years,
and the patches are now older than our boats," harbour master Ines Okafor said.
"""


def run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(argv, stdin=io.StringIO(""), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def articles(tmp_path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "harbour-times.md").write_text(HARBOUR_TIMES, encoding="utf-8")
    (folder / "island-post.md").write_text(ISLAND_POST, encoding="utf-8")
    return folder


def _report(articles: Path) -> dict:
    """The JSON report, with the decisions of the accepted-findings file in force."""
    code, out, err = run(["report", str(articles), "--format", "json", "-q"])
    assert code == 0, err
    return json.loads(out)


def _conflicts(report: dict) -> dict[str, dict]:
    """The conflict groups by kind (one money and one quantity conflict in these articles)."""
    return {g["kind"]: g for g in report["groups"] if g["verdict"] == "conflict"}


def _finding_ids(path: Path) -> dict[str, str]:
    """Finding id by kind, read from an exported CSV."""
    records = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    return {r["kind"]: r["finding"] for r in records}


def test_review_roundtrip_export_decide_import_and_report(articles, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # the default accepted-findings file is in the project folder
    accepted = tmp_path / "reconcile-accepted.yaml"
    before = _report(articles)
    assert set(_conflicts(before)) == {"money", "quantity"}
    xlsx, csv_file = tmp_path / "review.xlsx", tmp_path / "review.csv"
    for path in (xlsx, csv_file):
        code, out, err = run(["review", "export", str(articles), "--output", str(path)])
        assert code == 0 and out == "" and "2 findings to review (2 conflicts" in err
    ids = _finding_ids(csv_file)

    # one editor decides in the workbook, another in the CSV file
    fill_xlsx(xlsx, {ids["money"]: ("accepted difference", "$53 million includes the car park",
                                    "jd")})
    fill_csv(csv_file, {ids["quantity"]: ("false positive", "two different piers", "mk")})
    for path in (xlsx, csv_file):
        code, out, err = run(["review", "import", str(path)])
        assert code == 0, err
        assert "1 decision added" in out and f"wrote {accepted}" in out

    after = _report(articles)
    assert _conflicts(after)["money"]["decision"] == {
        "finding": ids["money"], "status": "accepted difference",
        "note": "$53 million includes the car park", "reviewer": "jd", "silenced": True,
        "stale": False}
    assert _conflicts(after)["quantity"]["decision"]["status"] == "false positive"
    code, markdown, _ = run(["report", str(articles), "--format", "markdown", "-q"])
    assert "0 conflicts, 0 updates, 2 decided" in markdown
    assert "### Decided by an editor (2)" in markdown and "### Conflicts" not in markdown
    assert "two different piers" in markdown

    # a second import of either file changes nothing
    saved = accepted.read_bytes()
    for path in (xlsx, csv_file):
        code, out, _ = run(["review", "import", str(path), "--accepted", str(accepted)])
        assert code == 0 and "0 decisions added, 0 changed, 1 unchanged" in out
        assert "is unchanged" in out
    assert accepted.read_bytes() == saved

    # an article changes its figure: the decision on the old words is reopened
    (articles / "island-post.md").write_text(ISLAND_POST.replace("$53 million", "$55 million"),
                                             encoding="utf-8")
    changed = _report(articles)
    money = _conflicts(changed)["money"]
    assert money["decision"]["stale"] is True and money["decision"]["status"] == "open"
    assert money["decision"]["decided_status"] == "accepted difference"
    assert _conflicts(changed)["quantity"]["decision"]["stale"] is False
    code, markdown, _ = run(["report", str(articles), "--format", "markdown", "-q"])
    assert "1 conflict, 0 updates, 1 decided" in markdown
    assert "stale: the claims changed since the decision" in markdown

    # importing the old table against the changed articles says which decision is stale
    code, out, _ = run(["review", "import", str(xlsx), str(articles), "-q"])
    assert code == 0 and "stale: row 2" in out and ids["money"] in out
    # a fresh export shows the reopened decision and leaves its status empty
    code, out, _ = run(["review", "export", str(articles), "--format", "csv", "--accepted",
                        str(accepted), "-q"])
    rows = {r["finding"]: r for r in csv.DictReader(io.StringIO(out.lstrip("\ufeff")))}
    assert rows[ids["money"]]["status"] == ""
    assert rows[ids["money"]]["earlier decision"].startswith("accepted difference (jd)")
    assert rows[ids["quantity"]]["status"] == "false positive"


def test_review_roundtrip_locked_edit_is_refused_by_the_command(articles, tmp_path,
                                                               monkeypatch):
    monkeypatch.chdir(tmp_path)
    accepted = tmp_path / "accepted.yaml"
    path = tmp_path / "review.csv"
    assert run(["review", "export", str(articles), "-o", str(path), "-q"])[0] == 0
    ids = _finding_ids(path)
    fill_csv(path, {ids["money"]: ("confirmed conflict", "", "jd")},
             edit=(ids["money"], "A values", "harbour-times: $50 million"))
    code, out, err = run(["review", "import", str(path), "--accepted", str(accepted)])
    assert code == 2 and out == ""
    assert f"review.csv: row 2 ({ids['money']}" in err and "'A values' was edited" in err
    assert "nothing was imported" in err
    assert not accepted.exists()


def test_review_roundtrip_default_accepted_file_comes_from_the_config(articles, tmp_path,
                                                                     monkeypatch):
    (tmp_path / "reconcile.toml").write_text('accepted = "desk/decisions.yaml"\n')
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "review.xlsx"
    assert run(["review", "export", "articles", "-o", str(path), "-q"])[0] == 0
    ids = _finding_ids_from_xlsx(path)
    fill_xlsx(path, {ids["money"]: ("false positive", "", "")})
    assert run(["review", "import", str(path)])[0] == 0
    assert (tmp_path / "desk" / "decisions.yaml").is_file()
    report = json.loads(run(["report", "articles", "--format", "json", "-q"])[1])
    assert _conflicts(report)["money"]["decision"]["status"] == "false positive"


def _finding_ids_from_xlsx(path: Path) -> dict[str, str]:
    from reconcile.review.xlsx import read_xlsx

    return {cells["kind"]: cells["finding"] for _, cells in read_xlsx(path).records()}


@pytest.mark.parametrize("argv, message", [
    (["review", "export", "--format", "xlsx"], "give --output FILE.xlsx"),
    (["review"], "say `export` or `import`"),
    (["report", "--accepted", "no-such-decisions.yaml"], "no such accepted-findings file"),
    (["review", "export", "--accepted", "no-such.yaml"], "no such accepted-findings file"),
    (["review", "import", "no-such-table.xlsx"], "no-such-table.xlsx: no such file"),
])
def test_review_roundtrip_usage_mistakes_exit_two(argv, message):
    code, _, err = run(argv)
    assert code == 2 and message in err


def test_review_roundtrip_every_option_has_help():
    parser, _ = _parser()
    commands = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    review = commands.choices["review"]
    actions = next(a for a in review._actions if a.__class__.__name__ == "_SubParsersAction")
    assert set(actions.choices) == {"export", "import"}
    for name, sub in actions.choices.items():
        assert sub.description
        for option in sub._actions:
            if option.dest != "help":
                assert option.help, f"review {name} {option.dest} has no help text"
