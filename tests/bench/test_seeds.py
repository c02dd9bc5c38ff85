"""The end-to-end example of issue 2 on the five real seed articles in ../shared/seeds."""
from __future__ import annotations

import io
import json

import pytest

from reconcile.cli import main


@pytest.fixture(scope="module")
def seeds_report(shared):
    out = io.StringIO()
    assert main(["report", str(shared / "seeds"), "--format", "json", "--quiet"], stdout=out) == 0
    return out.getvalue()


def _prefix(source_id):
    return source_id.split("_")[0]


def _groups(report):
    claims = {c["id"]: c for c in report["claims"]}
    return claims, [(g, [(_prefix(claims[c]["source"]), claims[c]["text"]) for c in g["claims"]])
                    for g in report["groups"]]


def test_seeds_form_two_stories(seeds_report):
    report = json.loads(seeds_report)
    stories = sorted(sorted(_prefix(s) for s in st["sources"]) for st in report["stories"])
    assert stories == [["000", "001", "002"], ["003", "004"]]


def test_seeds_agree_on_the_nasams_price(seeds_report):
    _, groups = _groups(json.loads(seeds_report))
    wanted = {("000", "nearly $700 million"), ("001", "$698.9 million"), ("002", "$699 million")}
    matching = [g for g, words in groups if wanted <= set(words)]
    assert [g["verdict"] for g in matching] == ["agree"]


def test_seeds_conflict_300_against_330_with_000_as_outlier(seeds_report):
    claims, groups = _groups(json.loads(seeds_report))
    matching = [g for g, words in groups
                if ("000", "about $300 million") in words and ("001", "$330 million") in words
                and ("002", "$330 million") in words]
    assert [g["verdict"] for g in matching] == ["conflict"]
    assert [_prefix(claims[c]["source"]) for c in matching[0]["outliers"]] == ["000"]


def test_seeds_agree_on_11_1_billion(seeds_report):
    _, groups = _groups(json.loads(seeds_report))
    matching = [g for g, words in groups
                if {s for s, t in words if "11.1 billion" in t} >= {"003", "004"}]
    assert [g["verdict"] for g in matching] == ["agree"]


def test_seeds_never_compare_across_stories(seeds_report):
    report = json.loads(seeds_report)
    story = {s["id"]: s["story"] for s in report["sources"]}
    claims = {c["id"]: c for c in report["claims"]}
    for group in report["groups"]:
        assert {story[claims[c]["source"]] for c in group["claims"]} == {group["story"]}


def test_seeds_json_contract_offsets_and_stability(shared, seeds_report):
    from reconcile.ingest import read_sources

    report = json.loads(seeds_report)
    sources, _ = read_sources([str(shared / "seeds")])
    bodies = {s.id: s.text for s in sources}
    for claim in report["claims"]:
        assert bodies[claim["source"]][claim["start"]:claim["end"]] == claim["text"]
    again = io.StringIO()
    main(["report", str(shared / "seeds"), "--format", "json", "--quiet"], stdout=again)
    assert again.getvalue() == seeds_report


def test_seeds_page_noise_gives_no_claims(shared, seeds_report):
    report = json.loads(seeds_report)
    texts = [c["sentence"] for c in report["claims"] if c["source"].startswith("004")]
    assert not any(t.startswith("Also Read") for t in texts)
