"""ingest -> extract -> cluster -> match -> judge: the whole run as one function."""
from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from typing import TextIO

from reconcile.cluster import ClusterSettings, cluster_sources
from reconcile.judge import judge_group
from reconcile.match import MatchSettings, match_story
from reconcile.model import Claim, Group, InputError, Report, Source, Story
from reconcile.rules import Rules, load_rules

# Below this many articles, starting worker processes costs more than it saves.
PARALLEL_MIN_SOURCES = 40


@dataclass(frozen=True, slots=True)
class RunStats:
    """Figures about one run, for progress and benchmark output."""

    sources: int
    claims: int
    candidate_pairs: int
    all_pairs: int


def _extract_one(args: tuple[str, str | None, str | None]) -> list[Claim]:
    from reconcile.extract import extract_claims

    text, published, rules_dir = args
    return extract_claims(text, published, load_rules(rules_dir))


def extract_sources(sources: Sequence[Source], rules_dir: str | None = None, jobs: int | None = None,
                    progress: Callable[[int], None] | None = None) -> dict[str, list[Claim]]:
    """Claims of every source, keyed by source id, with `source` set; parallel for big inputs."""
    jobs = jobs or os.cpu_count() or 1
    work = [(s.text, s.published, rules_dir) for s in sources]
    if jobs > 1 and len(sources) >= PARALLEL_MIN_SOURCES:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            results = []
            for claims in pool.map(_extract_one, work, chunksize=16):
                results.append(claims)
                if progress:
                    progress(1)
    else:
        results = []
        for item in work:
            results.append(_extract_one(item))
            if progress:
                progress(1)
    return {s.id: [replace(c, source=s.id) for c in claims] for s, claims in zip(sources, results)}


def number_claims(sources: Sequence[Source],
                  by_source: dict[str, list[Claim]]) -> dict[str, list[Claim]]:
    """The claims with report ids c1, c2, ... in source order, then position in the source."""
    numbered: dict[str, list[Claim]] = {}
    counter = 0
    for source in sources:
        numbered[source.id] = []
        for claim in by_source[source.id]:
            counter += 1
            numbered[source.id].append(replace(claim, id=f"c{counter}"))
    return numbered


def syndicated_copies(sources: Sequence[Source], story: Story) -> dict[str, str]:
    """Map each source of a story that repeats another's text to the earliest such source."""
    from rapidfuzz import fuzz, utils

    members = [s for s in sources if s.id in story.sources]
    canonical: dict[str, str] = {}
    for i, a in enumerate(members):
        if a.id in canonical:
            continue
        for b in members[i + 1:]:
            if b.id in canonical:
                continue
            score = fuzz.ratio(a.text[:3000], b.text[:3000], processor=utils.default_process,
                               score_cutoff=90)
            if score:
                canonical[b.id] = a.id
    return canonical


def build_report(sources: Sequence[Source], errors: Sequence[InputError],
                 rules: Rules | None = None, rules_dir: str | None = None, jobs: int | None = None,
                 progress: Callable[[int], None] | None = None) -> tuple[Report, RunStats]:
    """Extract, cluster, match and judge already-read sources into a Report."""
    rules = rules or load_rules(rules_dir)
    sources = sorted(sources, key=lambda s: s.id)
    by_source = number_claims(sources, extract_sources(sources, rules_dir, jobs, progress))
    all_claims = [claim for source in sources for claim in by_source[source.id]]
    tol = rules.tolerances
    defaults = ClusterSettings()
    stories = cluster_sources(sources, by_source, ClusterSettings(
        similarity=float(tol.get("story_similarity", defaults.similarity)),
        date_window=int(tol.get("story_date_window", defaults.date_window)),
        date_factor=float(tol.get("story_date_factor", defaults.date_factor))))
    settings = MatchSettings(subject_similarity=float(tol.get("subject_similarity", 40)))
    source_map = {s.id: s for s in sources}
    update_words = frozenset(tol.get("update_words", ()))
    groups: list[Group] = []
    candidates = 0
    for story in stories:
        canonical = syndicated_copies(sources, story)
        story_claims = [c for sid in story.sources for c in by_source[sid]]
        matched, pairs = match_story(story_claims, settings, canonical)
        candidates += pairs
        for claims in matched:
            groups.append(judge_group(f"g{len(groups) + 1}", story.id, claims, source_map, canonical,
                                      update_words))
    story_of = {sid: story.id for story in stories for sid in story.sources}
    report = Report(sources=tuple(sources), stories=tuple(stories), claims=tuple(all_claims),
                    groups=tuple(groups), errors=tuple(sorted(errors, key=lambda e: (e.path, e.error))),
                    story_of=story_of)
    n = len(all_claims)
    return report, RunStats(len(sources), n, candidates, n * (n - 1) // 2)


def run_report(paths: Sequence[str], *, stdin: TextIO | None = None, rules_dir: str | None = None,
               jobs: int | None = None) -> tuple[Report, RunStats]:
    """Read the inputs and build their report (the library form of `reconcile report`)."""
    from reconcile.ingest import read_sources

    rules = load_rules(rules_dir)
    sources, errors = read_sources(list(paths), stdin=stdin, rules=rules)
    return build_report(sources, errors, rules, rules_dir, jobs)
