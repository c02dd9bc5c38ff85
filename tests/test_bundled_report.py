"""The bundled example articles: the report they give, and the committed copy in reports/.

The expectations follow what the articles in sources/ were written to show (two arms-sale
stories, a local storm, agreements, a conflict with an outlier, a misquote).
"""
from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from reconcile.cli import main
from reconcile.pipeline import run_report

ROOT = Path(__file__).resolve().parent.parent
REGENERATE = "reconcile report sources --format markdown --output reports/sources.md"


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        return run_report(["sources"])[0]
    finally:
        os.chdir(cwd)


def _group_with(report, kind, *texts):
    claims = {c.id: c for c in report.claims}
    for group in report.groups:
        words = {claims[c].text for c in group.claims}
        if group.kind.value == kind and all(t in words for t in texts):
            return group, claims
    raise AssertionError(f"no {kind} group holds {texts}")


def test_bundled_sources_form_separate_stories(report):
    story = report.story_of
    assert story["daily-meridian-nasams"] == story["harbor-ledger-nasams"] == story["pacific-wire-nasams"]
    assert story["capital-courier-taiwan-package"] == story["northern-gazette-himars"]
    assert story["daily-meridian-nasams"] != story["capital-courier-taiwan-package"]
    assert story["westbury-storm"] == story["lakeside-tribune-storm"]
    assert story["westbury-storm"] != story["daily-meridian-nasams"]


def test_bundled_sources_agree_on_the_nasams_price(report):
    group, _ = _group_with(report, "money", "$698.9 million", "$699 million")
    assert group.verdict.value == "agree"


def test_bundled_sources_conflict_on_the_earlier_sale_with_one_outlier(report):
    group, claims = _group_with(report, "money", "about $300 million", "$330 million")
    assert group.verdict.value == "conflict"
    assert [claims[c].source for c in group.outliers] == ["daily-meridian-nasams"]


def test_bundled_sources_conflict_on_the_launcher_count(report):
    group, claims = _group_with(report, "count", "84 HIMARS launchers")
    assert group.verdict.value == "conflict"
    assert [claims[c].source for c in group.outliers] == ["northern-gazette-himars"]


def test_bundled_sources_never_compare_claims_across_stories(report):
    story_of = report.story_of
    claims = {c.id: c for c in report.claims}
    for group in report.groups:
        assert {story_of[claims[c].source] for c in group.claims} == {group.story}


def test_bundled_sources_flag_the_misquote(report):
    quotes = [g for g in report.groups if g.kind.value == "quote" and g.verdict.value == "conflict"]
    assert quotes, "the changed words inside the quotation marks should be a conflict"


def test_bundled_report_in_reports_is_up_to_date(monkeypatch):
    monkeypatch.chdir(ROOT)
    out = io.StringIO()
    code = main(["report", "sources", "--format", "markdown", "--quiet"], stdout=out,
                stderr=io.StringIO())
    assert code == 0
    committed = (ROOT / "reports" / "sources.md").read_text(encoding="utf-8")
    assert out.getvalue() == committed, f"reports/sources.md is stale: run `{REGENERATE}`"
