"""The HTML report (reconcile.report.html): self-contained, escaped, ordered, printable.

The browser-side behaviour (sorting, search, filters) is tested in tests/test_browser.py.
"""
from __future__ import annotations

import base64
import dataclasses
import hashlib
import re
from html.parser import HTMLParser

import pytest

from reconcile.decisions import Decision, apply_decisions, finding_index
from reconcile.model import Report
from reconcile.report import render
from reconcile.report.html_page import esc, safe_url
from report_fixtures import sample_report

HOSTILE_TITLE = "<script>window.pwned=1</script>"
HOSTILE_OUTLET = '<img src=x onerror="window.pwned=2">'


@pytest.fixture(scope="module")
def report() -> Report:
    return sample_report()


def hostile_report(url: str = "javascript:window.pwned=3") -> Report:
    """The sample report with markup and a script URL in every place article data can reach."""
    base = sample_report()
    sources = tuple(dataclasses.replace(s, title=HOSTILE_TITLE, outlet=HOSTILE_OUTLET, url=url)
                    if s.id == "blog-taiwan" else s for s in base.sources)
    claims = tuple(dataclasses.replace(c, sentence=c.sentence + ' <a href="javascript:x">x</a>')
                   if c.id == "c9" else c for c in base.claims)
    stories = tuple(dataclasses.replace(s, label=s.label + "</section><svg onload=x>")
                    for s in base.stories)
    return dataclasses.replace(base, sources=sources, claims=claims, stories=stories)


class _Cells(HTMLParser):
    """Counts the cells of each row of each facts table, and collects every tag and attribute."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[list[int]] = []
        self.tags: list[tuple[str, dict]] = []
        self.in_facts = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if tag == "table":
            self.in_facts = "facts" in (attributes.get("class") or "")
            if self.in_facts:
                self.tables.append([])
        if tag == "tr" and self.in_facts:
            self.tables[-1].append(0)
        if tag in ("td", "th") and self.in_facts:
            self.tables[-1][-1] += 1

    def handle_endtag(self, tag):
        if tag == "table":
            self.in_facts = False


def _parse(text: str) -> _Cells:
    parser = _Cells()
    parser.feed(text)
    return parser


def test_html_report_is_one_self_contained_file(report):
    page = render(report, "html")
    assert page.startswith("<!DOCTYPE html>") and page.endswith("</html>\n")
    tags = _parse(page).tags
    for tag, attributes in tags:
        assert tag not in ("link", "iframe", "object", "embed", "img")
        assert "src" not in attributes
        if tag == "script":
            assert attributes in ({}, {"type": "application/json", "id": "review-data"})
    assert "@import" not in page and "url(" not in page
    assert "http://" not in page and "https://" not in page  # the fixture has no URLs


def test_html_report_policy_allows_exactly_its_own_style_and_script(report):
    page = render(report, "html")
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert "default-src 'none'" in policy
    for block in ("style", "script"):
        body = re.search(rf"<{block}>(.*?)</{block}>", page, flags=re.S).group(1)
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
        assert f"{block}-src 'sha256-{digest}'" in policy


@pytest.mark.parametrize("fmt", ["html"])
def test_html_report_same_report_same_bytes(report, fmt):
    assert render(report, fmt) == render(sample_report(), fmt)


def test_html_report_escapes_every_piece_of_article_data():
    page = render(hostile_report(), "html")
    assert HOSTILE_TITLE not in page and esc(HOSTILE_TITLE) in page
    assert HOSTILE_OUTLET not in page and esc(HOSTILE_OUTLET) in page
    assert "<svg" not in page and "</section><svg" not in page
    assert 'href="javascript:' not in page and "<a href=\"javascript" not in page
    for tag, attributes in _parse(page).tags:
        assert not any(name.startswith("on") for name in attributes), (tag, attributes)
        href = attributes.get("href")
        assert href is None or href.startswith(("#", "http://", "https://")), href


@pytest.mark.parametrize("url, linked", [
    ("https://example.org/a?b=1&c=2", True), ("http://example.org", True),
    ("javascript:alert(1)", False), ("JaVaScRiPt:alert(1)", False), (" javascript:x", False),
    ("data:text/html,<b>", False), ("//evil.example/x", False), ("https://", False),
    ("https://exa mple.org", False), ("vbscript:x", False), (None, False),
])
def test_html_report_links_only_http_urls(url, linked):
    assert (safe_url(url) is not None) == linked
    page = render(hostile_report(url), "html")
    hrefs = [attributes["href"] for tag, attributes in _parse(page).tags if "href" in attributes]
    outside = [href for href in hrefs if not href.startswith("#")]
    assert outside == ([url] if linked else [])
    if linked:
        assert f'<a href="{esc(url)}" rel="noopener noreferrer nofollow">' in page


def test_html_report_has_a_summary_and_conflicts_first(report):
    page = render(report, "html")
    assert "<li><b>5</b>sources</li>" in page and "<li><b>2</b>stories</li>" in page
    assert '<li class="v-conflict"><b>2</b>conflicts</li>' in page
    assert '<li class="v-agree"><b>2</b>agreements</li>' in page
    assert '<li class="v-single"><b>7</b>single-source facts</li>' in page
    verdicts = re.findall(r'<tr class="r-\w+" data-verdict="(\w+)"', page)
    assert verdicts == ["conflict", "conflict", "agree", "single", "single", "single", "single",
                        "single", "update", "agree", "single", "single"]


def test_html_report_rows_have_a_cell_per_column(report):
    tables = _parse(render(report, "html")).tables
    assert [len(rows) for rows in tables] == [1 + 8, 1 + 4]
    for rows in tables:
        assert len(set(rows)) == 1  # header and every row: fact, kind, verdict, one per source
    assert tables[0][0] == 3 + 3 and tables[1][0] == 3 + 2


def test_html_report_shows_the_claim_words_and_where_dates_came_from(report):
    page = render(report, "html")
    assert "in a package valued at <mark>$698.9 million</mark>." in page
    assert "2025-11-14 (from front matter)" in page
    assert '<span class="badge v-conflict">outlier</span>' in page
    assert "Inputs not read (2)" in page and "sources/broken|feed.xml" in page


def test_html_report_prints_cleanly(report):
    page = render(report, "html")
    printing = page[page.index("@media print"):]
    assert ".toolbar" in printing and "display: none" in printing
    assert "break-inside: avoid" in printing and "@page" in printing


def test_html_report_shows_decided_findings_with_the_note(report):
    index = finding_index(report)
    ident, mark = index["g1"]
    decided = apply_decisions(report, {ident: Decision(ident, "accepted difference",
                                                       note="<b>known</b>", reviewer="jd",
                                                       fingerprint=mark)})
    page = render(decided, "html")
    assert 'data-verdict="decided"' in page
    assert "Decision: accepted difference (jd): &lt;b&gt;known&lt;/b&gt;" in page
    assert '<li class="v-decided"><b>1</b>decided by an editor</li>' in page
    stale = apply_decisions(report, {ident: Decision(ident, "false positive", fingerprint="x")})
    page = render(stale, "html")
    assert 'class="decision stale"' in page and "stale: the claims changed" in page
