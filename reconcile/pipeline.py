"""ingest -> extract -> cluster -> match -> judge: the whole run as one function.

The stages that split into independent pieces (extraction per article, matching and judging
per story) run on an engine (reconcile.engine: local processes by default, or Dask);
clustering and numbering run here. The report does not depend on the engine or on the number
of workers: results come back in input order and ids are given here.
"""
from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, TextIO

from reconcile.cluster import (ClusterSettings, LeadProfiles, cluster_sources, lead_profiles,
                               similarity_pairs)
from reconcile.engine.tasks import (SYNDICATION_CHARS, ExtractItem, StorySettings, StoryTask,
                                    syndicated_copies)
from reconcile.limits import within_claim_limit
from reconcile.match import MatchSettings
from reconcile.model import Claim, Group, InputError, Report, Source, Story
from reconcile.rules import Rules, load_rules

if TYPE_CHECKING:
    from reconcile.engine import Engine

__all__ = ["PROGRESS_STEPS", "RunStats", "StageTime", "Extraction", "build_report",
           "extract_all", "extract_sources", "number_claims", "run_report", "syndicated_copies"]

# Below this many articles, article similarity takes too little time to be worth a thread.
PARALLEL_SIMILARITY_MIN = 200
# The progress callback advances once per article in extraction and once per article again
# when its story has been matched: a bar's total is PROGRESS_STEPS * the number of articles.
PROGRESS_STEPS = 2


@dataclass(frozen=True, slots=True)
class StageTime:
    """Wall seconds of one stage, and CPU seconds of this process plus its workers; a stage
    that ran in a thread alongside another names it, and its time is not in the other's CPU."""

    name: str
    wall: float
    cpu: float
    alongside: str | None = None

    def describe(self) -> str:
        during = f" alongside {self.alongside}" if self.alongside else ""
        return f"{self.name} {self.wall:.1f} s{during} (CPU {self.cpu:.1f} s)"


@dataclass(frozen=True, slots=True)
class RunStats:
    """Figures about one run: sizes, candidate pairs against all pairs, time per stage."""

    sources: int
    claims: int
    candidate_pairs: int   # claim pairs matching scored (same story, same block, values near)
    all_pairs: int         # every pair of claims: what matching without blocking would score
    stories: int = 0
    groups: int = 0
    story_candidate_pairs: int = 0  # article pairs similar enough to be weighed for one story
    source_pairs: int = 0           # every pair of articles
    engine: str = "local"
    stages: tuple[StageTime, ...] = ()

    def summary(self) -> list[str]:
        """A few readable lines for standard error (`reconcile report --stats`)."""
        lines = [f"{self.sources:,} articles, {self.claims:,} claims, {self.stories:,} stories, "
                 f"{self.groups:,} fact groups (engine: {self.engine})",
                 f"story candidates: {_share(self.story_candidate_pairs, self.source_pairs)} "
                 "article pairs",
                 f"claim candidates: {_share(self.candidate_pairs, self.all_pairs)} claim pairs"]
        if self.stages:
            lines.append("time: " + ", ".join(stage.describe() for stage in self.stages))
        return lines


def _share(part: int, whole: int) -> str:
    percent = f" ({100 * part / whole:.4g}%)" if whole else ""
    return f"{part:,} of {whole:,}{percent}"


@dataclass(frozen=True, slots=True)
class Extraction:
    """The claims of every article (keyed by source id, `source` set) and the articles an
    extractor failed on, as errors."""

    claims: dict[str, list[Claim]]
    errors: tuple[InputError, ...]
    cpu_seconds: float  # spent by worker processes (not this one)


def extract_all(sources: Sequence[Source], rules: Rules | None = None,
                rules_dir: str | None = None, *, engine: Engine | None = None,
                jobs: int | None = None, progress: Callable[[int], None] | None = None,
                on_started: Callable[[], None] | None = None) -> Extraction:
    """Extract every source on `engine` (default: local processes, `jobs` of them);
    `on_started()` is called once the workers have their work."""
    rules = rules or load_rules(rules_dir)
    items = [ExtractItem(s.id, s.text, s.published) for s in sources]
    with _engine(engine, jobs) as running:
        done = running.extract(items, rules, rules_dir, progress, on_started)
    shared = Counter(s.path for s in sources)
    errors = tuple(InputError(s.path or s.id, _where(s, shared) + result.error)
                   for s, result in zip(sources, done.results) if result.error)
    claims = {s.id: list(result.claims) for s, result in zip(sources, done.results)}
    return Extraction(claims, errors, done.cpu_seconds)


def extract_sources(sources: Sequence[Source], rules_dir: str | None = None,
                    jobs: int | None = None,
                    progress: Callable[[int], None] | None = None) -> dict[str, list[Claim]]:
    """Claims of every source, keyed by source id, with `source` set; parallel for big inputs.

    An article an extractor failed on has no claims here; extract_all also says why."""
    return extract_all(sources, rules_dir=rules_dir, jobs=jobs, progress=progress).claims


def number_claims(sources: Sequence[Source],
                  by_source: Mapping[str, Sequence[Claim]]) -> dict[str, list[Claim]]:
    """The claims with report ids c1, c2, ... in source order, then position in the source."""
    numbered: dict[str, list[Claim]] = {}
    counter = 0
    for source in sources:
        numbered[source.id] = []
        for claim in by_source[source.id]:
            counter += 1
            numbered[source.id].append(replace(claim, id=f"c{counter}"))
    return numbered


def build_report(sources: Sequence[Source], errors: Sequence[InputError],
                 rules: Rules | None = None, rules_dir: str | None = None, jobs: int | None = None,
                 progress: Callable[[int], None] | None = None,
                 engine: Engine | None = None) -> tuple[Report, RunStats]:
    """Extract, cluster, match and judge already-read sources into a Report.

    `engine` runs extraction and matching (default: local processes, `jobs` of them; the
    caller closes an engine it passes). `progress(n)` is called as articles advance, up to
    PROGRESS_STEPS times the number of sources in all."""
    rules = rules or load_rules(rules_dir)
    sources = sorted(sources, key=lambda s: s.id)
    clock = _Clock()
    cluster_settings = _cluster_settings(rules)
    similarity = _SimilarityAhead(sources, cluster_settings)
    with _engine(engine, jobs) as running:
        extraction = extract_all(sources, rules, rules_dir, engine=running, progress=progress,
                                 on_started=similarity.start)
        # an article with more claims than rules/limits.yaml allows is listed in errors, not
        # compared
        kept, extracted, over_limit = within_claim_limit(sources, extraction.claims,
                                                         rules.max_claims_per_article)
        if progress and len(kept) < len(sources):
            progress(len(sources) - len(kept))  # they skip the story stage
        sources = kept
        errors = [*errors, *extraction.errors, *over_limit]
        by_source = number_claims(sources, extracted)
        ahead = similarity.wait()
        clock.lap("extract", extraction.cpu_seconds - (ahead.cpu if ahead else 0.0))
        if ahead:
            clock.add(ahead)
        stories = cluster_sources(sources, by_source, cluster_settings, similarity=similarity,
                                  leads=similarity.leads)
        clock.lap("cluster")
        judged = running.judge(_story_tasks(sources, stories, by_source), _story_settings(rules),
                               progress)
        clock.lap("match", judged.cpu_seconds)
        engine_name = running.name
    groups, candidates, story_errors = _number_groups(sources, stories, judged.results)
    all_claims = [claim for source in sources for claim in by_source[source.id]]
    story_of = {sid: story.id for story in stories for sid in story.sources}
    report = Report(sources=tuple(sources), stories=tuple(stories), claims=tuple(all_claims),
                    groups=tuple(groups),
                    errors=tuple(sorted([*errors, *story_errors], key=lambda e: (e.path, e.error))),
                    story_of=story_of)
    n, m = len(all_claims), len(sources)
    return report, RunStats(m, n, candidates, n * (n - 1) // 2, len(stories), len(groups),
                            similarity.pairs, m * (m - 1) // 2, engine_name, clock.stages)


def run_report(paths: Sequence[str], *, stdin: TextIO | None = None, rules_dir: str | None = None,
               jobs: int | None = None, engine: Engine | None = None) -> tuple[Report, RunStats]:
    """Read the inputs and build their report (the library form of `reconcile report`)."""
    from reconcile.ingest import read_sources

    rules = load_rules(rules_dir)
    sources, errors = read_sources(list(paths), stdin=stdin, rules=rules)
    return build_report(sources, errors, rules, rules_dir, jobs, engine=engine)


def _engine(engine: Engine | None, jobs: int | None):
    """The engine to run on as a context manager; one the caller passed stays open after."""
    if engine is not None:
        from contextlib import nullcontext

        return nullcontext(engine)
    from reconcile.engine.local import LocalEngine

    return LocalEngine(jobs)


def _cluster_settings(rules: Rules) -> ClusterSettings:
    return ClusterSettings.from_tolerances(rules.tolerances)


def _story_settings(rules: Rules) -> StorySettings:
    return StorySettings(MatchSettings.from_rules(rules),
                         frozenset(rules.tolerances.get("update_words", ())),
                         rules.tolerances.get("update_after_days"))


def _story_tasks(sources: Sequence[Source], stories: Sequence[Story],
                 by_source: Mapping[str, Sequence[Claim]]) -> list[StoryTask]:
    """One task per story: its sources with only the text syndication compares, its claims."""
    by_id = {s.id: s for s in sources}
    return [StoryTask(story,
                      tuple(replace(by_id[sid], text=by_id[sid].text[:SYNDICATION_CHARS])
                            for sid in story.sources),
                      tuple(c for sid in story.sources for c in by_source[sid]))
            for story in stories]


def _number_groups(sources: Sequence[Source], stories: Sequence[Story],
                   judged: Sequence) -> tuple[list[Group], int, list[InputError]]:
    """Groups with ids g1, g2, ... in story order; candidate pairs; stories that failed."""
    by_id = {s.id: s for s in sources}
    shared = Counter(s.path for s in sources)
    groups: list[Group] = []
    errors: list[InputError] = []
    candidates = 0
    for story, result in zip(stories, judged):
        candidates += result.candidate_pairs
        first = len(groups) + 1
        groups.extend(replace(g, id=f"g{first + k}") for k, g in enumerate(result.groups))
        if result.error:
            errors.extend(InputError(by_id[sid].path or sid,
                                     _where(by_id[sid], shared) + f"story {story.id}: "
                                     + result.error) for sid in story.sources)
    return groups, candidates, errors


def _where(source: Source, shared_paths: Counter) -> str:
    """The article's id before an error when its file holds other articles too."""
    return f"{source.id}: " if shared_paths[source.path] > 1 else ""


class _SimilarityAhead:
    """similarity_pairs and lead_profiles, computed in a thread while the workers extract, and
    the number of candidate article pairs it gave.

    Article similarity and the lead profiles need only titles and openings, not claims, so they
    need not wait for extraction; on two cores this moves about 11 CPU seconds of
    Reuters-21578 out of the serial clustering stage. Used as cluster_sources' `similarity`
    and `leads`, it hands over its results when asked for the same articles with the settings
    it guessed, else computes afresh."""

    def __init__(self, sources: Sequence[Source], settings: ClusterSettings):
        self.ids = tuple(s.id for s in sources)
        self.settings = settings
        # cluster_sources' own floor: pairs a shared key amount could lift over the threshold
        self.threshold = max(0.05, settings.similarity - settings.amount_bonus)
        self.pairs = 0
        self._sources = sources
        self._thread: threading.Thread | None = None
        self._result: dict[tuple[int, int], float] | BaseException | None = None
        self._leads: LeadProfiles | BaseException | None = None
        self._time: StageTime | None = None

    def start(self) -> None:
        if len(self._sources) < PARALLEL_SIMILARITY_MIN or self._thread is not None:
            return
        # a daemon, so that a run that fails in extraction does not wait for it to end
        self._thread = threading.Thread(target=self._compute, name="similarity", daemon=True)
        self._thread.start()

    def _compute(self) -> None:
        wall, cpu = time.perf_counter(), time.thread_time()
        try:
            self._result = similarity_pairs(self._sources, self.threshold)
            self._leads = lead_profiles(self._sources, self.settings)
        except BaseException as err:  # noqa: BLE001 - raised again in the caller's thread
            self._result = self._leads = err
        self._time = StageTime("similarity", time.perf_counter() - wall,
                               time.thread_time() - cpu, alongside="extract")

    def wait(self) -> StageTime | None:
        """Wait for the thread, if one was started; its time."""
        if self._thread is None:
            return None
        self._thread.join()
        return self._time

    def _ready(self, sources: Sequence[Source]) -> bool:
        """Whether the thread worked on these very sources (none left over the claim limit)."""
        if self._thread is None or tuple(s.id for s in sources) != self.ids:
            return False
        self._thread.join()
        return True

    def leads(self, sources: Sequence[Source], settings: ClusterSettings) -> LeadProfiles:
        found = self._leads if self._ready(sources) and settings == self.settings else None
        self._leads = None
        if isinstance(found, BaseException):
            raise found
        return found if found is not None else lead_profiles(sources, settings)

    def __call__(self, sources: Sequence[Source], threshold: float) -> dict[tuple[int, int], float]:
        if self._ready(sources) and threshold == self.threshold:
            found, self._result = self._result, None
            if isinstance(found, BaseException):
                raise found
        else:  # articles over the claim limit left, or another threshold: compute afresh
            found = similarity_pairs(sources, threshold)
        self._sources = ()
        self.pairs = len(found)
        return found


class _Clock:
    """Wall and CPU time per stage; worker CPU is added by the stage that used workers."""

    def __init__(self) -> None:
        self.stages: tuple[StageTime, ...] = ()
        self._wall, self._cpu = time.perf_counter(), time.process_time()

    def lap(self, name: str, worker_cpu: float = 0.0) -> None:
        wall, cpu = time.perf_counter(), time.process_time()
        self.stages += (StageTime(name, wall - self._wall, cpu - self._cpu + worker_cpu),)
        self._wall, self._cpu = wall, cpu

    def add(self, stage: StageTime) -> None:
        """A stage timed elsewhere (a thread alongside the last one)."""
        self.stages += (stage,)
