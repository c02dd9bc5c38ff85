"""Tests of the report renderers (reconcile.report) on a hand-built two-story Report.

The golden Markdown file is tests/golden/report_sample.md. After an intended change to the
Markdown layout, regenerate it and review the diff:

    RECONCILE_REGEN_GOLDEN=1 .venv/bin/pytest tests/test_report_render.py -q
"""
from __future__ import annotations

import csv
import dataclasses
import io
import json
import os
import re
from pathlib import Path

import pytest

from reconcile.errors import UsageError
from reconcile.model import (Claim, DateValue, Group, InputError, Kind, NumberValue, QuoteValue,
                             Report, Source, Story, Verdict)
from reconcile.report import FORMATS, render
from reconcile.report.csv_format import COLUMNS, neutralise
from reconcile.report.markdown import md_text
from reconcile.report.values import UNRESOLVED_DATE, format_value
from reconcile.report.view import excerpt, natural_key
from report_fixtures import sample_report

GOLDEN = Path(__file__).parent / "golden" / "report_sample.md"
ALL_FORMATS = sorted(FORMATS)
HUMAN_FORMATS = ["markdown", "terminal"]


@pytest.fixture(scope="module")
def report() -> Report:
    return sample_report()


def _empty_report(**changes) -> Report:
    return dataclasses.replace(Report(sources=(), stories=(), claims=(), groups=()), **changes)


# --- every format -------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", ALL_FORMATS)
def test_report_render_is_deterministic(report, fmt):
    first = render(report, fmt)
    assert first == render(sample_report(), fmt)
    assert first.endswith("\n")


@pytest.mark.parametrize("fmt", ALL_FORMATS)
@pytest.mark.parametrize("color", [False, True], ids=["plain", "color"])
def test_report_render_empty_report(fmt, color):
    assert render(_empty_report(), fmt, color=color)


@pytest.mark.parametrize("fmt", ALL_FORMATS)
def test_report_render_lists_every_input_error(report, fmt):
    text = render(report, fmt)
    for error in report.errors:
        for part in (error.path, error.error):
            plain = re.escape(part).replace("\\|", r"\\?\|").replace("<", "(?:<|&lt;)") \
                .replace(">", "(?:>|&gt;)")
            assert re.search(plain, text), (fmt, part)


@pytest.mark.parametrize("fmt", ALL_FORMATS)
def test_report_render_errors_only_report(fmt):
    errors = (InputError(path="in/a.md", error="not UTF-8 text"),)
    assert "in/a.md" in render(_empty_report(errors=errors), fmt)


@pytest.mark.parametrize("fmt", HUMAN_FORMATS + ["csv"])
def test_report_render_conflicts_before_updates_before_agreements(report, fmt):
    text = render(report, fmt)
    # g1 and g10 conflict, g2 agrees (all story s1); g8 update before g9 agreement (story s2)
    order = [text.index(marker) for marker in ("(g1)" if fmt != "csv" else "\ng1,",
                                               "(g10)" if fmt != "csv" else "\ng10,",
                                               "(g2)" if fmt != "csv" else "\ng2,")]
    assert order == sorted(order)
    order = [text.index(marker) for marker in (("(g8)", "(g9)") if fmt != "csv"
                                               else ("\ng8,", "\ng9,"))]
    assert order == sorted(order)


def test_report_render_unknown_format_lists_formats(report):
    with pytest.raises(UsageError) as caught:
        render(report, "yaml")
    message = str(caught.value)
    assert "yaml" in message
    for name in FORMATS:
        assert name in message


@pytest.mark.parametrize("fmt", ["json", "markdown", "terminal", "csv"])
def test_report_render_registry_has_format(fmt):
    assert callable(FORMATS[fmt])


@pytest.mark.parametrize("fmt", ALL_FORMATS)
def test_report_render_survives_dangling_ids(fmt):
    """Groups pointing at missing claims, sources and stories still render."""
    claim = Claim(kind=Kind.COUNT, text="12", start=0, end=2, sentence="12 boats sank.",
                  subject="boats", value=NumberValue(stated=12, low=12, high=12, unit="boat"),
                  source="ghost", id="c1")
    group = Group(id="g1", story="s9", kind=Kind.COUNT, subject="boats",
                  claims=("c1", "c404"), sources=("ghost",), verdict=Verdict.SINGLE,
                  consensus={"stated": "odd"})
    story = Story(id="s1", label="Nothing", sources=("missing-source",))
    text = render(_empty_report(stories=(story,), claims=(claim,), groups=(group,)), fmt)
    assert "12" in text


# --- findings only --------------------------------------------------------------------------------

def _with_quiet_stories(report: Report) -> Report:
    """The sample plus a story of agreements only and one of a single fact with two spellings."""
    from reconcile.names import NameVariant

    quiet = Story(id="s3", label="Quiet story", sources=("avalanche-sat",))
    named = Story(id="s4", label="Named story", sources=("avalanche-sun",), names=(NameVariant(
        spellings=(("Anna Berger", ("avalanche-sat",)), ("Ana Berger", ("avalanche-sun",)))),))
    extra = (Group(id="g11", story="s3", kind=Kind.COUNT, subject="quiet rescuers",
                   claims=("c14",), sources=("avalanche-sat",), verdict=Verdict.AGREE,
                   consensus=None),
             Group(id="g12", story="s4", kind=Kind.COUNT, subject="named rescuers",
                   claims=("c17",), sources=("avalanche-sun",), verdict=Verdict.SINGLE,
                   consensus=None))
    return dataclasses.replace(report, stories=(*report.stories, quiet, named),
                               groups=(*report.groups, *extra))


@pytest.mark.parametrize("fmt", ["markdown", "terminal", "html"])
def test_report_render_findings_only_keeps_conflicts_updates_and_names(report, fmt):
    full = _with_quiet_stories(report)
    everything = render(full, fmt)
    shown = render(full, fmt, findings_only=True)
    summary = re.search(r"\d+ sources, .*? single-source", everything).group(0)
    assert summary in shown  # the summary still counts the whole report
    assert "Shown: only the 3 stories with a conflict, an update or a name spelled" in shown
    for kept in ("g1", "g10", "g8", "Ana Berger", "Named story",
                 "No conflicts or updates in this story"):
        assert kept in shown
    # agreements by id, single-source facts by their subject
    for left in ("g2", "g9", "g11", "Quiet story", "defence budget rise", "named rescuers"):
        assert left in everything and not re.search(rf"\b{left}\b", shown)


@pytest.mark.parametrize("fmt", ["markdown", "terminal", "html"])
def test_report_render_findings_only_says_when_there_is_nothing_to_show(report, fmt):
    quiet = dataclasses.replace(report, groups=tuple(
        g for g in report.groups if str(g.verdict) not in ("conflict", "update")))
    shown = render(quiet, fmt, findings_only=True)
    assert "Shown: nothing, as no story has a conflict, an update or a name" in shown
    assert "Story s1" not in shown and "No articles to compare" not in shown


def test_report_render_findings_only_leaves_out_decided_findings(report):
    from reconcile.model import GroupDecision

    decided = GroupDecision(finding="F1", status="false-positive", silenced=True)
    groups = tuple(dataclasses.replace(g, decision=decided) if g.id == "g10" else g
                   for g in report.groups)
    shown = render(dataclasses.replace(report, groups=groups), "markdown", findings_only=True)
    assert "(g1)" in shown and "(g10)" not in shown


def test_report_render_findings_only_csv_keeps_the_rows_of_findings_and_errors(report):
    rows = list(csv.DictReader(io.StringIO(render(report, "csv", findings_only=True))))
    assert {r["group"] for r in rows if r["verdict"] != "error"} == {"g1", "g10", "g8"}
    assert {r["verdict"] for r in rows} == {"conflict", "update", "error"}


def test_report_render_findings_only_refuses_json(report):
    with pytest.raises(UsageError, match="always the complete report"):
        render(report, "json", findings_only=True)


# --- JSON ---------------------------------------------------------------------------------------

def test_report_render_json_equals_to_dict(report):
    text = render(report, "json")
    assert json.loads(text) == report.to_dict()
    assert "\u2014" in text  # ensure_ascii=False keeps the em dash as written


@pytest.mark.parametrize("empty", [False, True])
def test_report_render_json_one_item_per_line(report, empty):
    """Written item by item, the JSON report is the contract object with one list item per
    line, so that a diff of two reports names the claims that changed."""
    from reconcile.report import stream

    if empty:
        report = _empty_report()
    pieces = list(stream(report, "json"))
    text = "".join(pieces)
    assert json.loads(text) == report.to_dict()
    lines = text.splitlines()
    items = sum(len(value) for value in report.to_dict().values() if isinstance(value, list))
    assert len(lines) == 2 + 6 + items + sum(
        1 for value in report.to_dict().values() if isinstance(value, list) and value)
    for item in report.claims:
        assert json.dumps(item.to_dict(), ensure_ascii=False, separators=(", ", ": ")) in lines[
            lines.index('  "claims": [') + 1 + report.claims.index(item)]
    if not empty:
        assert len(pieces) > len(report.claims)  # one piece per item, not one string


@pytest.mark.parametrize("fmt", ["markdown", "terminal", "csv", "html"])
def test_report_render_stream_of_other_formats_is_render(report, fmt):
    from reconcile.report import stream

    assert "".join(stream(report, fmt)) == render(report, fmt)


# --- Markdown -----------------------------------------------------------------------------------

def test_report_render_markdown_golden(report):
    text = render(report, "markdown")
    if os.environ.get("RECONCILE_REGEN_GOLDEN") == "1":
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_text(text, encoding="utf-8", newline="\n")
    assert text == GOLDEN.read_text(encoding="utf-8")


def test_report_render_markdown_no_raw_html_or_broken_tables(report):
    text = render(report, "markdown")
    assert "<script>" not in text
    assert "&lt;script&gt;" in text
    markdown_it = pytest.importorskip("markdown_it")  # installed with rich
    html = markdown_it.MarkdownIt("commonmark", {"html": True}).enable("table").render(text)
    assert "<script>" not in html
    assert "<strong>bold</strong>" not in html and "[bold]" in html
    # a pipe in article text stays inside its cell (extra cells would be silently dropped)
    assert "<td>Taiwan | arms sale</td>" in html
    assert "<strong>$330 million</strong> | was signed" in html
    assert "<li>sources/broken|feed.xml: not well-formed XML" in html
    for table in re.findall(r"<table>.*?</table>", html, flags=re.S):
        widths = {len(re.findall(r"<t[hd][ >]", row)) for row in
                  re.findall(r"<tr>.*?</tr>", table, flags=re.S)}
        assert len(widths) == 1, table


def test_report_render_markdown_sections(report):
    text = render(report, "markdown")
    assert text.startswith("# Consistency report\n")
    assert ("5 sources, 2 stories, 12 facts compared: 2 conflicts, 1 update, 2 agreements, "
            "7 single-source.") in text
    assert "## Inputs not read" in text
    assert "**OUTLIER** blog-taiwan" in text
    assert UNRESOLVED_DATE in text
    assert "<details>" in text
    assert text.index("## Story s1") < text.index("## Story s2") < text.index("## Inputs not read")


def test_report_render_markdown_no_errors_section_without_errors(report):
    text = render(dataclasses.replace(report, errors=()), "markdown")
    assert "Inputs not read" not in text


@pytest.mark.parametrize("raw, escaped", [
    pytest.param("a | b", r"a \| b", id="pipe"),
    pytest.param("line one\nline two", "line one line two", id="newline"),
    pytest.param("`rm -rf`", r"\`rm -rf\`", id="backtick"),
    pytest.param("<b>x</b> & y", "&lt;b&gt;x&lt;/b&gt; &amp; y", id="html"),
    pytest.param("$5 and $6", r"\$5 and \$6", id="github-math-dollars"),
    pytest.param("*not* _emphasis_", r"\*not\* \_emphasis\_", id="emphasis"),
    pytest.param("[link](http://x)", r"\[link\](http://x)", id="link"),
    pytest.param(None, "", id="none"),
])
def test_report_render_markdown_escapes(raw, escaped):
    assert md_text(raw) == escaped


def test_report_render_markdown_excerpt_line_start_is_not_a_list():
    sentence = "- 1. Rescue teams found 12 survivors."
    claim = Claim(kind=Kind.COUNT, text="12 survivors", start=0, end=0, sentence=sentence,
                  subject="survivors", value=NumberValue(stated=12, low=12, high=12,
                                                         unit="survivor"),
                  source="a", id="c1")
    other = dataclasses.replace(claim, id="c2", source="b", text="12 survivors")
    group = Group(id="g1", story="s1", kind=Kind.COUNT, subject="survivors",
                  claims=("c1", "c2"), sources=("a", "b"), verdict=Verdict.CONFLICT,
                  consensus=None)
    text = render(_empty_report(stories=(Story("s1", "x", ("a", "b")),),
                                claims=(claim, other), groups=(group,)), "markdown")
    assert "  > \\- 1. Rescue" in text


# --- terminal -----------------------------------------------------------------------------------

def test_report_render_terminal_plain_has_no_ansi(report):
    text = render(report, "terminal")
    assert "\x1b[" not in text
    assert "«$330 million»" in text  # the claim is marked inside its sentence without colour
    assert "✗ OUTLIER blog-taiwan" in text


def test_report_render_terminal_color_has_ansi(report):
    text = render(report, "terminal", color=True)
    assert "\x1b[" in text
    assert "\x1b[1;7m$330 million\x1b[0m" in text  # highlighted claim span


def test_report_render_terminal_does_not_read_article_markup(report):
    text = render(report, "terminal", width=200)
    assert "[bold]not bold[/bold]" in text
    assert "<script>alert(1)</script>" in text  # a terminal shows text; nothing runs it


@pytest.mark.parametrize("width", [40, 80, 160])
def test_report_render_terminal_respects_width(report, width):
    text = render(report, "terminal", width=width)
    assert max(len(line) for line in text.splitlines()) <= width


def test_report_render_terminal_ignores_environment(report, monkeypatch):
    expected = render(report, "terminal", color=True)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "33")
    monkeypatch.setenv("TERM", "dumb")
    assert render(report, "terminal", color=True) == expected


def test_report_render_terminal_sections(report):
    text = render(report, "terminal")
    assert "5 sources, 2 stories, 12 facts compared" in text
    assert "Inputs not read (2)" in text
    assert "Single-source facts (5)" in text
    assert "unresolved (no" in text


def test_report_render_terminal_agreements_give_each_wording_a_line(report):
    lines = [line.rstrip() for line in render(report, "terminal", width=200).splitlines()]
    # by outlet where the outlet names one source of the group
    assert any(line.endswith("│ “three”: Harbor Wire") for line in lines)
    assert any(line.endswith("│ “3 NASAMS batteries”: The Daily Ledger") for line in lines)
    # two articles of one outlet (Alpine Post) by their ids
    assert any(line.endswith("│ “More than 200 rescuers”: avalanche-sat") for line in lines)
    # one wording of several sources: once, with all of them
    same = dataclasses.replace(report, claims=tuple(
        dataclasses.replace(c, text="About 220 rescuers") if c.id == "c14" else c
        for c in report.claims))
    lines = [line.rstrip() for line in render(same, "terminal", width=200).splitlines()]
    assert any(line.endswith("│ “About 220 rescuers”: avalanche-sat, avalanche-sun")
               for line in lines)


# --- CSV ----------------------------------------------------------------------------------------

def _csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_report_render_csv_columns_and_rows(report):
    text = render(report, "csv")
    assert text.splitlines()[0] == ",".join(COLUMNS)
    assert "\r" not in text
    rows = _csv_rows(text)
    assert len(rows) == len(report.claims) + len(report.errors)
    errors = [row for row in rows if row["verdict"] == "error"]
    assert [(row["group"], row["source"]) for row in errors] == [
        ("", "sources/broken|feed.xml"), ("", "sources/scan.pdf")]
    outliers = {row["claim"] for row in rows if row["outlier"] == "yes"}
    assert outliers == {"c9", "c7"}


def test_report_render_csv_neutralises_formulas(report):
    rows = {row["claim"]: row for row in _csv_rows(render(report, "csv")) if row["claim"]}
    assert rows["c11"]["text"] == "'=SUM(B2:B9) is all the budget office ever sends us,"
    assert rows["c11"]["subject"].startswith("'=SUM(")
    assert rows["c12"]["sentence"].startswith("'-2+3 was how")
    assert rows["c15"]["text"] == "'-18 degrees"
    # plain negative numbers in numeric columns stay numbers
    assert (rows["c15"]["stated"], rows["c15"]["low"], rows["c15"]["high"]) == \
        ("-18", "-18.5", "-17.5")
    for row in rows.values():
        for column, cell in row.items():
            if column not in ("stated", "low", "high"):
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (column, cell)


@pytest.mark.parametrize("cell, numeric, expected", [
    pytest.param("=SUM(A1:A3)", False, "'=SUM(A1:A3)", id="equals"),
    pytest.param("+1-555-0100", False, "'+1-555-0100", id="plus"),
    pytest.param("-2+3", False, "'-2+3", id="minus"),
    pytest.param("-2+3", True, "'-2+3", id="minus-formula-in-numeric-column"),
    pytest.param("@cmd", False, "'@cmd", id="at"),
    pytest.param("\tx", False, "'\tx", id="tab"),
    pytest.param("\rx", False, "'\rx", id="carriage-return"),
    pytest.param("-18", True, "-18", id="negative-number"),
    pytest.param("-1.5e+20", True, "-1.5e+20", id="negative-exponent"),
    pytest.param("-18", False, "'-18", id="negative-number-in-text-column"),
    pytest.param("plain", False, "plain", id="plain"),
])
def test_report_render_csv_neutralise(cell, numeric, expected):
    assert neutralise(cell, numeric) == expected


def test_report_render_csv_unresolved_date_row(report):
    rows = {row["claim"]: row for row in _csv_rows(render(report, "csv")) if row["claim"]}
    assert rows["c10"]["value"] == UNRESOLVED_DATE
    assert rows["c10"]["stated"] == ""
    assert rows["c4"]["stated"] == "2031-01-01..2031-12-31"
    assert rows["c4"]["hedge"] == "by"


# --- value display ------------------------------------------------------------------------------

@pytest.mark.parametrize("kind, value, expected", [
    pytest.param("money", {"stated": 698900000, "unit": "USD"}, "$698.9 million", id="usd-million"),
    pytest.param("money", {"stated": 700000000, "unit": "USD", "hedge": "nearly"},
                 "nearly $700 million", id="hedge-nearly"),
    pytest.param("money", {"stated": 1e9, "unit": "USD", "hedge": "more_than"},
                 "more than $1 billion", id="hedge-more-than"),
    pytest.param("money", {"stated": 5e10, "unit": "EUR"}, "€50 billion", id="eur-billion"),
    pytest.param("money", {"stated": 1.2e6, "unit": "CHF"}, "CHF 1.2 million", id="code-prefix"),
    pytest.param("money", {"stated": [15, 20], "unit": "USD"}, "$15–$20", id="range"),
    pytest.param("money", {"stated": 80, "unit": "USD/barrel"}, "$80 per barrel", id="rate"),
    pytest.param("money", {"stated": 15.5, "unit": "GBP"}, "£15.50", id="pence"),
    pytest.param("count", {"stated": 82, "unit": "launcher"}, "82 launchers", id="count"),
    pytest.param("count", {"stated": 3, "unit": "battery"}, "3 batteries", id="count-y-plural"),
    pytest.param("count", {"stated": 1, "unit": "person"}, "1 person", id="count-one"),
    pytest.param("count", {"stated": 40, "unit": "HIMARS"}, "40 HIMARS", id="count-acronym"),
    pytest.param("count", {"stated": 4, "unit": "people", "scope": "including the gunman"},
                 "4 people (including the gunman)", id="count-scope"),
    pytest.param("count", {"stated": 10, "unit": "people", "hedge": "less_than"},
                 "fewer than 10 people", id="count-fewer"),
    pytest.param("count", {"stated": [30000, 40000], "unit": "people"}, "30,000–40,000 people",
                 id="count-range"),
    pytest.param("percent", {"stated": 12.5, "unit": "%"}, "12.5%", id="percent"),
    pytest.param("percent", {"stated": 2, "unit": "pp"}, "2 percentage points", id="points"),
    pytest.param("quantity", {"stated": 420, "unit": "kilometre"}, "420 kilometres",
                 id="quantity"),
    pytest.param("quantity", {"stated": -18, "unit": "degree"}, "-18 degrees", id="negative"),
    # a unit of several words takes its plural on its head noun
    pytest.param("quantity", {"stated": 67, "unit": "year of age"}, "67 years of age", id="age"),
    pytest.param("quantity", {"stated": 68, "unit": "mile per hour"}, "68 miles per hour",
                 id="per-unit"),
    pytest.param("quantity", {"stated": 40, "unit": "square mile"}, "40 square miles",
                 id="square-unit"),
    pytest.param("quantity", {"stated": 1, "unit": "year of age"}, "1 year of age", id="one-year"),
    pytest.param("count", {"stated": 60, "unit": "self-propelled howitzer"},
                 "60 self-propelled howitzers", id="count-compound"),
    pytest.param("date", {"stated": ["2031-02-01", "2031-02-28"], "granularity": "month"},
                 "February 2031", id="month"),
    pytest.param("date", {"stated": ["2031-01-01", "2031-12-31"], "granularity": "year"},
                 "2031", id="year"),
    pytest.param("date", {"stated": ["2031-01-01", "2031-12-31"], "hedge": "by"}, "by 2031",
                 id="by-year"),
    pytest.param("date", {"stated": ["2025-11-20", "2025-11-30"], "hedge": "late"},
                 "2025-11-20..2025-11-30", id="late-november-range"),
    pytest.param("date", {"stated": ["2025-11-01", "2025-11-30"], "hedge": "late"},
                 "late November 2025", id="late-november-month"),
    pytest.param("date", {"stated": ["2025-11-13", "2025-11-13"], "anchor": "2025-11-19"},
                 "13 November 2025 (relative to 2025-11-19)", id="relative-resolved"),
    pytest.param("date", {"stated": None, "granularity": "day"}, UNRESOLVED_DATE,
                 id="relative-unresolved"),
    pytest.param("quote", {"stated": "We will rebuild", "speaker": "Anna Berger"},
                 "“We will rebuild” (Anna Berger)", id="quote"),
    pytest.param("quote", {"stated": "We will rebuild", "speaker": None},
                 "“We will rebuild” (no speaker)", id="quote-no-speaker"),
    pytest.param("money", None, "—", id="no-consensus"),
    pytest.param("money", {"stated": "odd"}, "odd", id="malformed"),
])
def test_report_render_format_value(kind, value, expected):
    assert format_value(kind, value) == expected


def test_report_render_format_value_of_model_values():
    date = DateValue(stated=None, granularity="day", low=None, high=None, relative=True)
    quote = QuoteValue(stated="We will rebuild", speaker="Anna Berger")
    assert format_value("date", date.to_dict()) == UNRESOLVED_DATE
    assert format_value("quote", quote.to_dict()) == "“We will rebuild” (Anna Berger)"


# --- helpers ------------------------------------------------------------------------------------

def test_report_render_excerpt_trims_around_claim():
    sentence = ("word " * 80) + "$5 billion" + (" more" * 80)
    before, words, after = excerpt(sentence, "$5 billion", 100)
    assert words == "$5 billion"
    assert before.startswith("…") and after.endswith("…")
    assert len(before) + len(words) + len(after) <= 104


def test_report_render_excerpt_missing_words():
    assert excerpt("Officials gave no figure.", "$5 billion") == (
        "Officials gave no figure.", "", "")


def test_report_render_natural_group_order():
    assert sorted(["g10", "g2", "g1"], key=natural_key) == ["g1", "g2", "g10"]


def test_report_render_fixture_offsets_match_text(report):
    bodies = {s.id: s.text for s in report.sources}
    for claim in report.claims:
        assert bodies[claim.source][claim.start:claim.end] == claim.text


def test_report_render_source_without_metadata():
    source = Source(id="bare", path="bare.txt", text="Five boats sank.")
    claim = Claim(kind=Kind.COUNT, text="Five boats", start=0, end=10, sentence="Five boats sank.",
                  subject="boats sank", value=NumberValue(stated=5, low=5, high=5, unit="boat"),
                  source="bare", id="c1")
    group = Group(id="g1", story="s1", kind=Kind.COUNT, subject="boats sank", claims=("c1",),
                  sources=("bare",), verdict=Verdict.SINGLE, consensus=None)
    report = _empty_report(sources=(source,), stories=(Story("s1", "Boats", ("bare",)),),
                           claims=(claim,), groups=(group,), story_of={"bare": "s1"})
    for fmt in FORMATS:
        assert "Five boats" in render(report, fmt)
