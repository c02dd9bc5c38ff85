"""Engines: the same report, byte for byte, from one process, local worker processes and a
Dask cluster of two workers; clear errors when the engine cannot run; one failing article or
story costs only itself; the run's figures (candidate pairs against all pairs, stage times).

The articles are the bundled sources/ and a few written here for these tests (invented
outlets, events and figures)."""
from __future__ import annotations

import io
import multiprocessing
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from reconcile.cli import main
from reconcile.engine import local as local_engine
from reconcile.engine import open_engine
from reconcile.engine.local import LocalEngine
from reconcile.engine.tasks import batches, heaviest_first, syndicated_copies
from reconcile.errors import UsageError
from reconcile.ingest import read_sources
from reconcile.model import Source, Story
from reconcile import pipeline
from reconcile.cluster import ClusterSettings, lead_profiles, similarity_pairs
from reconcile.pipeline import PROGRESS_STEPS, build_report
from reconcile.report import render
from reconcile.rules import load_rules

ROOT = Path(__file__).resolve().parent.parent

ARTICLES = {
    "bay-herald-ferry.md": """---
title: Ferry fire injures 14 on morning crossing
date: 2025-06-10
outlet: Bay Herald
---
A fire in the engine room of the ferry Northern Star injured 14 passengers on Tuesday morning,
about 20 minutes into the crossing to Kell Island. The ferry carried 212 passengers and 9 crew.

Harbour master Ines Calloway said the damage would cost about $2.3 million to repair. "The crew
had the fire out within eleven minutes," Calloway said.
""",
    "island-voice-ferry.md": """---
title: Fifteen hurt as fire breaks out on Northern Star ferry
date: 2025-06-10
outlet: Island Voice
---
Fifteen passengers were hurt on Tuesday when fire broke out in the engine room of the Northern
Star, the ferry that links the city with Kell Island. The vessel had 212 passengers on board.

The harbour master, Ines Calloway, put the cost of repairs at $2.3 million. "The crew had the
fire out within eleven minutes," she said.
""",
    "coast-daily-ferry.md": """---
title: Northern Star ferry out of service after engine-room fire
date: 2025-06-11
outlet: Coast Daily
---
The Northern Star will be out of service for at least six weeks after Tuesday's engine-room fire,
which injured 14 passengers. Repairs are expected to cost nearly $2.5 million, the ferry operator
said, and a replacement vessel with room for 150 passengers will run a reduced timetable.
""",
    "valley-post-schools.md": """---
title: School board adopts $48.5 million budget
date: 2025-05-02
outlet: Valley Post
---
The Ashford school board on Thursday adopted a $48.5 million budget for next year, a rise of
3.2% that pays for 11 new teaching posts. The vote was 5-2.
""",
    "ashford-record-schools.md": """---
title: Ashford schools budget passes on 5-2 vote
date: 2025-05-03
outlet: Ashford Record
---
Ashford's school board approved a budget of nearly $49 million on Thursday, up 3.2% from this
year, adding 12 teaching posts. Board chair Tomas Reyes said: "We kept class sizes under 25."
""",
}


@pytest.fixture(scope="module")
def articles(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("engine-articles")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def inputs(articles):
    rules = load_rules()
    sources, errors = read_sources([str(ROOT / "sources"), str(articles)], rules=rules)
    assert len(sources) == 14 and not errors
    return rules, sources, errors


@pytest.fixture
def small_batches(monkeypatch):
    """Batches of two articles and a few stories, and no minimum run size, so that a test
    run of 14 articles spreads over every worker as a big archive would."""
    monkeypatch.setattr(local_engine, "PARALLEL_MIN_SOURCES", 1)
    monkeypatch.setattr(pipeline, "PARALLEL_SIMILARITY_MIN", 1)
    monkeypatch.setattr(local_engine, "EXTRACT_BATCH_ITEMS", 2)
    monkeypatch.setattr(local_engine, "JUDGE_BATCH_STORIES", 2)


def _json(inputs, engine=None, jobs=1, progress=None, stages=None) -> str:
    rules, sources, errors = inputs
    report, stats = build_report(sources, errors, rules, jobs=jobs, engine=engine,
                                 progress=progress)
    if stages is not None:
        stages.extend(stats.stages)
    return render(report, "json")


@pytest.fixture(scope="module")
def single_process_json(inputs) -> str:
    return _json(inputs, jobs=1)


def _start_methods() -> list[str]:
    return [m for m in ("fork", "spawn") if m in multiprocessing.get_all_start_methods()]


@pytest.mark.parametrize("start_method", _start_methods())
def test_engine_local_workers_give_the_single_process_report(inputs, single_process_json,
                                                            small_batches, start_method):
    steps, stages = [], []
    with LocalEngine(jobs=2, start_method=start_method) as engine:
        assert _json(inputs, engine, progress=steps.append, stages=stages) == single_process_json
    assert len(steps) > 4  # it did run in batches
    assert sum(steps) == PROGRESS_STEPS * len(inputs[1])
    # article similarity ran in a thread while the workers extracted
    assert [(s.name, s.alongside) for s in stages] == [
        ("extract", None), ("similarity", "extract"), ("cluster", None), ("match", None)]


@pytest.fixture(scope="module")
def dask_cluster():
    # no skip without Dask: the test extra installs it, and CI must run this test
    import logging

    import distributed

    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=None, silence_logs=logging.ERROR)
    yield cluster
    cluster.close()


def test_engine_dask_two_workers_give_the_local_report(inputs, single_process_json,
                                                       dask_cluster, monkeypatch):
    from reconcile.engine import dask as dask_engine

    monkeypatch.setattr(dask_engine, "EXTRACT_BATCH_ITEMS", 2)
    monkeypatch.setattr(dask_engine, "JUDGE_BATCH_STORIES", 2)
    from distributed import get_task_stream

    steps = []
    with open_engine("dask", scheduler=dask_cluster.scheduler_address) as engine:
        with get_task_stream(client=engine.client) as tasks:
            assert _json(inputs, engine, progress=steps.append) == single_process_json
        workers = set(engine.client.scheduler_info()["workers"])
    assert sum(steps) == PROGRESS_STEPS * len(inputs[1])
    # every batch (one progress step each) ran as a task on the cluster's two workers
    ran = [task for task in tasks.data
           if str(task["key"]).startswith(("extract_batch", "judge_batch"))]
    assert len(ran) == len(steps) > 4
    assert len(workers) == 2 and {task["worker"] for task in ran} <= workers


def test_engine_dask_from_the_command_line(articles, dask_cluster, tmp_path):
    local_out, dask_out = tmp_path / "local.json", tmp_path / "dask.json"
    err = io.StringIO()
    assert main(["report", str(articles), "-f", "json", "-o", str(local_out), "-q", "-j", "1"],
                stderr=err) == 0
    assert main(["report", str(articles), "-f", "json", "-o", str(dask_out), "-q", "--stats",
                 "--engine", "dask", "--scheduler", dask_cluster.scheduler_address],
                stderr=err) == 0
    assert dask_out.read_bytes() == local_out.read_bytes()
    assert "(engine: dask)" in err.getvalue()


def run_cli(argv):
    out, err = io.StringIO(), io.StringIO()
    return main(argv, stdin=io.StringIO(""), stdout=out, stderr=err), out.getvalue(), err.getvalue()


def test_engine_dask_missing_is_a_usage_error(articles, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed now fails
    code, out, err = run_cli(["report", str(articles), "--engine", "dask"])
    assert code == 2 and out == ""
    assert "pip install 'reconcile[dask]'" in err and err.startswith("reconcile: error: ")


@pytest.mark.parametrize("argv, message", [
    (["--engine", "local", "--scheduler", "tcp://127.0.0.1:8786"],
     "--scheduler needs --engine dask"),
    (["--engine", "spark"], "invalid choice: 'spark'"),
], ids=["scheduler-with-local", "unknown-engine"])
def test_engine_bad_choice_exits_2(articles, argv, message, capsys):
    code, _, err = run_cli(["report", str(articles), *argv])
    assert code == 2
    assert message in err + capsys.readouterr().err


def test_engine_open_unknown_name_lists_the_engines():
    with pytest.raises(UsageError, match="local, dask"):
        open_engine("spark")


def test_engine_stats_report_candidate_pairs_against_all_pairs(inputs):
    rules, sources, errors = inputs
    report, stats = build_report(sources, errors, rules, jobs=1)
    assert (stats.sources, stats.claims) == (len(report.sources), len(report.claims))
    assert (stats.stories, stats.groups) == (len(report.stories), len(report.groups))
    assert stats.all_pairs == stats.claims * (stats.claims - 1) // 2
    assert 0 < stats.candidate_pairs < stats.all_pairs
    assert stats.source_pairs == 14 * 13 // 2
    assert 0 < stats.story_candidate_pairs < stats.source_pairs
    assert [s.name for s in stats.stages] == ["extract", "cluster", "match"]
    assert all(s.wall >= 0 and s.cpu >= 0 for s in stats.stages)
    summary = "\n".join(stats.summary())
    assert f"{stats.candidate_pairs:,} of {stats.all_pairs:,}" in summary


def test_engine_stats_flag_prints_even_when_quiet(articles):
    code, out, err = run_cli(["report", str(articles), "-q", "--stats", "-f", "json"])
    assert code == 0 and out.startswith("{")
    lines = err.splitlines()
    assert lines[0].startswith("reconcile: 5 articles, ")
    assert any(line.startswith("reconcile: claim candidates: ") for line in lines)
    assert any("cluster" in line and "CPU" in line for line in lines)


def test_engine_failing_extraction_costs_only_that_article(inputs, monkeypatch):
    import importlib

    extract = importlib.import_module("reconcile.extract")  # reconcile.extract is also a function
    real = extract.extract_claims

    def fragile(text, published=None, rules=None):
        if "Kell Island" in text and "Fifteen" in text:
            raise ZeroDivisionError("float division by zero")
        return real(text, published, rules)

    monkeypatch.setattr(extract, "extract_claims", fragile)
    rules, sources, errors = inputs
    report, _ = build_report(sources, errors, rules, jobs=1)
    [error] = report.errors
    assert error.path.endswith("island-voice-ferry.md")
    assert error.error == ("claims could not be extracted "
                           "(ZeroDivisionError: float division by zero)")
    claimed = {c.source for c in report.claims}
    assert "island-voice-ferry" not in claimed and "bay-herald-ferry" in claimed
    assert "island-voice-ferry" in report.story_of  # still reported, with no claims


def test_engine_failing_extraction_is_an_error_row_of_the_extract_command(articles,
                                                                          monkeypatch):
    import importlib
    import json

    extract = importlib.import_module("reconcile.extract")
    real = extract.extract_claims

    def fragile(text, published=None, rules=None):
        if "Ashford school board on Thursday" in text:
            raise IndexError("string index out of range")
        return real(text, published, rules)

    monkeypatch.setattr(extract, "extract_claims", fragile)
    code, out, _ = run_cli(["extract", str(articles), "-j", "1"])
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert [row for row in rows if "error" in row] == [{
        "error": "claims could not be extracted (IndexError: string index out of range)",
        "path": str(articles / "valley-post-schools.md")}]
    assert {row["source"] for row in rows if "source" in row} == {
        Path(name).stem for name in ARTICLES} - {"valley-post-schools"}


def test_engine_failing_story_costs_only_that_story(inputs, monkeypatch):
    import reconcile.match as match

    real = match.match_story

    def fragile(claims, settings, canonical=None):
        if any(c.source == "valley-post-schools" for c in claims):
            raise ValueError("no interval")
        return real(claims, settings, canonical)

    monkeypatch.setattr(match, "match_story", fragile)
    rules, sources, errors = inputs
    report, _ = build_report(sources, errors, rules, jobs=1)
    story = report.story_of["valley-post-schools"]
    members = next(s.sources for s in report.stories if s.id == story)
    assert sorted(Path(e.path).stem for e in report.errors) == sorted(members)
    assert all(e.error == f"story {story}: claims could not be compared (ValueError: no interval)"
               for e in report.errors)
    assert not any(g.story == story for g in report.groups)
    assert any(g.story == report.story_of["bay-herald-ferry"] for g in report.groups)
    assert [g.id for g in report.groups] == [f"g{k}" for k in range(1, len(report.groups) + 1)]


def test_engine_similarity_ahead_is_the_similarity_of_the_articles_asked_for(inputs,
                                                                             monkeypatch):
    monkeypatch.setattr(pipeline, "PARALLEL_SIMILARITY_MIN", 1)
    sources = sorted(inputs[1], key=lambda s: s.id)
    settings = ClusterSettings()
    floor = max(0.05, settings.similarity - settings.amount_bonus)
    ahead = pipeline._SimilarityAhead(sources, settings)
    ahead.start()
    assert ahead(sources, floor) == similarity_pairs(sources, floor)
    assert ahead.pairs == len(similarity_pairs(sources, floor)) > 0
    # fewer articles (some over the claim limit) or another threshold: computed afresh
    ahead = pipeline._SimilarityAhead(sources, settings)
    ahead.start()
    assert ahead(sources[1:], floor) == similarity_pairs(sources[1:], floor)
    assert ahead(sources, 0.3) == similarity_pairs(sources, 0.3)


@pytest.mark.parametrize("series_factor", [1.0, 0.5])
def test_engine_lead_profiles_ahead_are_those_of_the_articles_asked_for(inputs, monkeypatch,
                                                                        series_factor):
    monkeypatch.setattr(pipeline, "PARALLEL_SIMILARITY_MIN", 1)
    sources = sorted(inputs[1], key=lambda s: s.id)
    settings = replace(ClusterSettings(), series_factor=series_factor)
    ahead = pipeline._SimilarityAhead(sources, settings)
    ahead.start()
    expected = lead_profiles(sources, settings)
    assert ahead.leads(sources, settings) == expected
    assert any(expected.names) and bool(expected.numbers) == (series_factor != 1.0)
    # fewer articles (some over the claim limit) or other settings: computed afresh
    ahead = pipeline._SimilarityAhead(sources, settings)
    ahead.start()
    assert ahead.leads(sources[1:], settings) == lead_profiles(sources[1:], settings)
    other = replace(settings, name_max_sources=1)
    assert ahead.leads(sources, other) == lead_profiles(sources, other)


def _source(source_id: str, text: str) -> Source:
    return Source(id=source_id, path=f"{source_id}.md", text=text)


def test_engine_syndicated_copies_point_to_the_first_copy():
    wire = "Officials said the bridge would reopen in March after repairs costing $4 million. " * 3
    sources = [_source("a", "A different story about a parade and 300 marchers. " * 3),
               _source("b", wire), _source("c", "Update: " + wire), _source("d", wire),
               _source("e", wire)]
    story = Story(id="s1", label="bridge", sources=("b", "c", "d"))
    assert syndicated_copies(sources, story) == {"c": "b", "d": "b"}


@pytest.mark.parametrize("sizes, target, most, expected", [
    ([5, 5, 5, 5], 10, 10, [[5, 5], [5, 5]]),
    ([1, 1, 1, 1, 1], 100, 2, [[1, 1], [1, 1], [1]]),
    ([30, 1, 1], 10, 10, [[30], [1, 1]]),
    ([], 10, 10, []),
], ids=["by-weight", "by-count", "heavy-item-alone", "empty"])
def test_engine_batches_keep_order_and_limits(sizes, target, most, expected):
    assert batches(sizes, lambda n: n, target, most) == expected


def test_engine_heaviest_batches_go_first_and_ties_keep_their_order():
    work = [[1], [3, 3], [2], [1, 1, 1], [6]]
    assert heaviest_first(work, sum) == [1, 4, 3, 2, 0]


def test_engine_local_results_come_back_in_batch_order_whatever_the_run_order():
    from reconcile.engine.local import _collect
    from reconcile.engine.tasks import BatchResult

    work = [["a"], ["b", "c"], ["d"]]
    order = [1, 2, 0]
    done = [BatchResult(tuple(work[k]), 1.0) for k in order]
    steps = []
    assert _collect(done, work, len, steps.append, order=order) == BatchResult(
        ("a", "b", "c", "d"), 3.0)
    assert steps == [2, 1, 1]
