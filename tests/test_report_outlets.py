"""Per-outlet agreement with the consensus, shown in the terminal and Markdown reports."""
from __future__ import annotations

from reconcile.model import Claim, Group, Kind, NumberValue, Report, Source, Story, Verdict
from reconcile.report import render
from reconcile.report.outlets import outlet_records


def _claim(cid, source, value):
    return Claim(kind=Kind.MONEY, text=f"${value}m", start=0, end=5, sentence="s", subject="sale",
                 value=NumberValue(stated=value * 1e6, low=value * 1e6, high=value * 1e6,
                                   unit="USD"), source=source, id=cid)


def _report():
    sources = (Source("a", "a.md", "x", outlet="Alpha"), Source("b", "b.md", "x", outlet="Beta"),
               Source("c", "c.md", "x", outlet=None))
    claims = (_claim("c1", "a", 300), _claim("c2", "b", 330), _claim("c3", "c", 330),
              _claim("c4", "a", 700), _claim("c5", "b", 700), _claim("c6", "a", 5))
    groups = (
        Group("g1", "s1", Kind.MONEY, "package", ("c1", "c2", "c3"), ("a", "b", "c"),
              Verdict.CONFLICT, {"stated": 3.3e8}, outliers=("c1",)),
        Group("g2", "s1", Kind.MONEY, "sale", ("c4", "c5"), ("a", "b"), Verdict.AGREE,
              {"stated": 7e8}),
        Group("g3", "s1", Kind.MONEY, "fee", ("c6",), ("a",), Verdict.SINGLE, None),
    )
    return Report(sources, (Story("s1", "Sale", ("a", "b", "c")),), claims, groups,
                  story_of={"a": "s1", "b": "s1", "c": "s1"})


def test_outlets_count_shared_facts_and_outliers_most_often_outlier_first():
    records = [(r.outlet, r.shared, r.agreed, r.outlier) for r in outlet_records(_report())]
    assert records == [("Alpha", 2, 1, 1), ("Beta", 2, 2, 0), ("c", 1, 1, 0)]


def test_outlet_table_is_in_the_markdown_and_terminal_reports():
    markdown = render(_report(), "markdown")
    assert "## Sources and the consensus" in markdown
    assert "| Alpha | 2 | 1 | 1 |" in markdown
    assert "Sources and the consensus" in render(_report(), "terminal")


def test_outlet_table_and_name_variants_are_in_the_html_report():
    from dataclasses import replace

    from reconcile.names import NameVariant

    report = _report()
    story = replace(report.stories[0], names=(NameVariant(
        spellings=(("Ray <b>Green</b>", ("c",)), ("Ray Greene", ("a", "b")))),))
    html = render(replace(report, stories=(story,)), "html")
    assert "Sources and the consensus" in html and "<td>Alpha</td><td>2</td><td>1</td><td>1</td>" in html
    assert "Name spelled differently" in html and "Ray &lt;b&gt;Green&lt;/b&gt;" in html
