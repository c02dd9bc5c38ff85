"""The command line: help text, exit codes, the JSON report contract, stable output."""
from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from reconcile.cli import _parser, main

ROOT = Path(__file__).resolve().parent.parent

ARTICLE_A = """---
title: City approves $12 million bridge repair
date: 2025-03-04
outlet: River Times
---
The city council on Monday approved a $12 million repair of the Elm Street bridge, closing it
to traffic for about 14 months. "The bridge cannot wait another winter," Mayor Dana Ruiz said.
"""

ARTICLE_B = """---
title: Council backs Elm Street bridge repair
date: 2025-03-05
outlet: Valley Post
---
Councillors voted 7-2 on Monday for a $15 million repair of the Elm Street bridge, which will
be closed to traffic for about 14 months. "The bridge cannot wait another winter," Mayor Dana
Ruiz said after the vote.
"""


def run(argv, stdin_text=""):
    out, err = io.StringIO(), io.StringIO()
    code = main(argv, stdin=io.StringIO(stdin_text), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def articles(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "river-times.md").write_text(ARTICLE_A, encoding="utf-8")
    (folder / "valley-post.md").write_text(ARTICLE_B, encoding="utf-8")
    return folder


def _commands():
    parser, _ = _parser()
    action = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    return action, parser


@pytest.mark.parametrize("command", ["report", "extract"])
def test_cli_every_command_has_help_text(command):
    action, _ = _commands()
    assert command in action.choices
    sub = action.choices[command]
    assert sub.description
    for option in sub._actions:
        if option.dest != "help":
            assert option.help, f"{command} {option.dest} has no help text"


def test_cli_help_exits_zero():
    code, out, _ = run(["--help"])
    assert code == 0


@pytest.mark.parametrize("argv", [["report", "--format", "yaml"], ["nonsense"], []],
                         ids=["bad-format", "unknown-command", "no-command"])
def test_cli_bad_usage_exits_two(argv):
    code, _, _ = run(argv)
    assert code == 2


def test_cli_report_without_readable_input_exits_two(tmp_path):
    code, _, err = run(["report", str(tmp_path / "missing")])
    assert code == 2
    assert "no readable input" in err


def test_cli_report_bad_rules_exits_two_naming_file_and_key(tmp_path, articles):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "hedges.yaml").write_text("words:\n  about: roughly_maybe\nwiden: {}\n", encoding="utf-8")
    code, _, err = run(["report", str(articles), "--rules", str(rules)])
    assert code == 2
    assert "hedges.yaml: words.about: expected one of" in err


def test_cli_report_json_follows_the_contract(articles):
    code, out, _ = run(["report", str(articles), "--format", "json"])
    assert code == 0
    report = json.loads(out)
    assert report["schema"] == "reconcile-report/1"
    assert set(report) >= {"sources", "stories", "claims", "groups", "errors"}
    bodies = {}
    for source in report["sources"]:
        assert set(source) >= {"id", "path", "title", "outlet", "url", "published", "story"}
        text = Path(source["path"]).read_text(encoding="utf-8")
        bodies[source["id"]] = text.split("---\n", 2)[2]
    for claim in report["claims"]:
        assert set(claim) >= {"id", "source", "kind", "text", "start", "end", "sentence",
                              "subject", "value"}
        assert bodies[claim["source"]][claim["start"]:claim["end"]] == claim["text"]
        assert claim["kind"] in ("money", "count", "percent", "quantity", "date", "quote")
    for group in report["groups"]:
        assert set(group) >= {"id", "story", "kind", "subject", "claims", "sources", "verdict",
                              "consensus", "outliers", "reason"}
        assert group["verdict"] in ("agree", "conflict", "update", "single")
    assert len(report["stories"]) == 1


def test_cli_report_finds_the_conflict_and_the_agreement(articles):
    _, out, _ = run(["report", str(articles), "--format", "json"])
    report = json.loads(out)
    claims = {c["id"]: c for c in report["claims"]}
    verdicts = {(g["kind"], tuple(sorted(claims[c]["text"] for c in g["claims"]))): g["verdict"]
                for g in report["groups"]}
    assert verdicts[("money", ("$12 million", "$15 million"))] == "conflict"
    quotes = [g for g in report["groups"] if g["kind"] == "quote"]
    assert [(g["verdict"], g["sources"]) for g in quotes] == [
        ("agree", ["river-times", "valley-post"])]


def test_cli_report_is_identical_on_a_second_run_and_in_any_input_order(articles, tmp_path):
    first = run(["report", str(articles), "--format", "json"])[1]
    second = run(["report", str(articles / "valley-post.md"), str(articles / "river-times.md"),
                  "--format", "json"])[1]
    assert first == run(["report", str(articles), "--format", "json"])[1]
    assert json.loads(first)["groups"] == json.loads(second)["groups"]


def test_cli_report_reads_standard_input(articles):
    code, out, _ = run(["report", "-", "--format", "json"], stdin_text=ARTICLE_A)
    assert code == 0
    assert json.loads(out)["sources"][0]["id"] == "stdin"


def test_cli_report_lists_unreadable_inputs_and_reports_the_rest(articles):
    (articles / "broken.md").write_bytes(b"\x00\x01binary\x00")
    code, out, err = run(["report", str(articles), "--format", "json"])
    assert code == 0
    report = json.loads(out)
    assert [e["path"].endswith("broken.md") for e in report["errors"]] == [True]
    assert len(report["sources"]) == 2
    assert "broken.md" in err


@pytest.mark.parametrize("fmt", ["terminal", "markdown", "csv", "json"])
def test_cli_report_writes_each_format_to_a_file(articles, tmp_path, fmt):
    target = tmp_path / "out" / f"report.{fmt}"
    code, out, _ = run(["report", str(articles), "--format", fmt, "--output", str(target)])
    assert code == 0 and out == ""
    assert "15 million" in target.read_text(encoding="utf-8")


@pytest.mark.parametrize("name, opening", [
    ("report.md", "# Consistency report"), ("report.markdown", "# Consistency report"),
    ("report.json", "{"), ("report.html", "<!DOCTYPE html>"), ("report.HTM", "<!DOCTYPE html>"),
    ("report.csv", "group,story,kind"), ("report.txt", "╭─ reconcile"), ("report", "╭─ reconcile"),
])
def test_cli_report_format_follows_the_output_extension(articles, tmp_path, name, opening):
    target = tmp_path / name
    code, _, _ = run(["report", str(articles), "--output", str(target)])
    assert code == 0
    assert target.read_text(encoding="utf-8").startswith(opening)


def test_cli_report_explicit_format_wins_over_the_extension(articles, tmp_path):
    target = tmp_path / "report.md"
    code, _, _ = run(["report", str(articles), "--format", "json", "--output", str(target)])
    assert code == 0
    assert json.loads(target.read_text(encoding="utf-8"))["schema"].startswith("reconcile-report")


@pytest.mark.parametrize("name, csv", [("claims.csv", True), ("claims.jsonl", False),
                                       ("claims.txt", False)])
def test_cli_extract_format_follows_the_output_extension(articles, tmp_path, name, csv):
    target = tmp_path / name
    code, _, _ = run(["extract", str(articles), "--output", str(target)])
    assert code == 0
    first = target.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("id,source,kind") is csv
    assert first.startswith("{") is not csv


def test_cli_report_findings_only_shows_the_conflict_not_the_agreement(articles):
    code, out, _ = run(["report", str(articles), "--format", "markdown", "--findings-only"])
    assert code == 0
    assert "15 million" in out and "Shown: only the 1 story" in out
    assert "### Agreements" not in out


def test_cli_report_findings_only_refuses_json_before_reading(tmp_path):
    missing = tmp_path / "no-such-folder"
    code, out, err = run(["report", str(missing), "--format", "json", "--findings-only"])
    assert code == 2 and out == ""
    assert "--findings-only does not apply to the json format" in err
    assert "no-such-folder" not in err  # refused before any input was read


def test_cli_extract_writes_one_json_line_per_claim(articles):
    code, out, _ = run(["extract", str(articles)])
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert {r["source"] for r in rows} == {"river-times", "valley-post"}
    assert any(r["kind"] == "money" and r["text"] == "$15 million" for r in rows)


def test_cli_extract_csv_has_a_header(articles):
    code, out, _ = run(["extract", str(articles), "--format", "csv"])
    assert code == 0
    assert out.splitlines()[0].startswith("id,source,kind,text,start,end")


def test_cli_extract_csv_shows_scope_and_period(tmp_path):
    (tmp_path / "a.txt").write_text("In 2015, 73 officers were shot dead. A bystander was hurt.\n",
                                    encoding="utf-8")
    code, out, _ = run(["extract", str(tmp_path), "--format", "csv"])
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    officers = next(r for r in rows if r["text"] == "73 officers")
    assert (officers["scope"], officers["period"]) == ("over a period", "2015")
    assert all(len(r) == len(rows[0]) for r in rows)


def test_cli_report_defaults_to_the_bundled_sources(monkeypatch, tmp_path):
    shutil.copytree(ROOT / "sources", tmp_path / "sources")
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(["report", "--format", "json"])
    assert code == 0
    assert all(s["path"].startswith("sources/") for s in json.loads(out)["sources"])


class _Terminal(io.StringIO):
    def isatty(self):
        return True


@pytest.mark.parametrize("quiet,tty,shown", [
    pytest.param(False, True, True, id="terminal"),
    pytest.param(True, True, False, id="quiet"),
    pytest.param(False, False, False, id="not-a-terminal"),
])
def test_cli_progress_bar_only_on_a_terminal_and_never_when_quiet(tmp_path, quiet, tty, shown):
    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(60):
        (folder / f"a{number:02d}.md").write_text(ARTICLE_A, encoding="utf-8")
    err = _Terminal() if tty else io.StringIO()
    argv = ["report", str(folder), "--format", "json", "--jobs", "1"] + (["--quiet"] if quiet else [])
    assert main(argv, stdin=io.StringIO(), stdout=io.StringIO(), stderr=err) == 0
    assert ("reading articles" in err.getvalue()) == shown
