"""The work an engine hands out: extracting a batch of articles, matching a batch of stories.

Both are plain functions of picklable values, importable by name, so that a worker process
(local or on a Dask cluster) runs exactly the code the single-process run does. Each returns
its results in input order together with the CPU seconds it spent, so that a run can say
where its time went even when the work ran elsewhere.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TypeVar

from reconcile.match import MatchSettings
from reconcile.model import Claim, Group, Source, Story
from reconcile.rules import Rules

# Syndicated copies are told apart by their opening: the first 3,000 characters are enough
# for two copies of one wire story to score over 90, and cheap enough to compare pairwise.
SYNDICATION_CHARS = 3000

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class ExtractItem:
    """One article to extract: its id (set on every claim), body and publication date."""

    source: str
    text: str
    published: str | None


@dataclass(frozen=True, slots=True)
class Extracted:
    """The claims of one article, or why there are none (an extractor failed on it)."""

    claims: tuple[Claim, ...]
    error: str | None = None


@dataclass(frozen=True, slots=True)
class StoryTask:
    """One story to match and judge: its sources (texts cut to what syndication needs) and
    its claims, already numbered."""

    story: Story
    sources: tuple[Source, ...]
    claims: tuple[Claim, ...]


@dataclass(frozen=True, slots=True)
class StorySettings:
    """What matching and judging take from the rules."""

    match: MatchSettings
    update_words: frozenset[str]
    update_after_days: float | None = None


@dataclass(frozen=True, slots=True)
class Judged:
    """The groups of one story (ids still blank: the pipeline numbers them across stories)
    and the number of candidate claim pairs matching scored, or why there are none."""

    groups: tuple[Group, ...]
    candidate_pairs: int
    error: str | None = None


@dataclass(frozen=True, slots=True)
class BatchResult:
    """What a worker sends back for one batch: results in input order and its CPU seconds."""

    results: tuple
    cpu_seconds: float


@lru_cache(maxsize=4)
def _rules(rules_dir: str | None) -> Rules:
    """Rules loaded once per worker process and rules folder."""
    from reconcile.rules import load_rules

    return load_rules(rules_dir)


def extract_one(item: ExtractItem, rules: Rules) -> Extracted:
    """The claims of one article; an extractor that fails on it costs only this article."""
    from reconcile.extract import extract_claims

    try:
        claims = extract_claims(item.text, item.published, rules)
    except Exception as err:  # noqa: BLE001 - one odd article must not end the run
        return Extracted((), f"claims could not be extracted ({type(err).__name__}: {err})")
    return Extracted(tuple(_compact(claims, item.source)))


def _compact(claims: Sequence[Claim], source: str) -> Iterator[Claim]:
    """The claims with their source set and one string object per distinct sentence.

    Claims of one sentence hold equal but separate strings; sharing one halves the sentence
    text a report holds, and pickle sends a shared string once."""
    sentences: dict[str, str] = {}
    for claim in claims:
        sentence = sentences.setdefault(claim.sentence, claim.sentence)
        yield replace(claim, source=source, sentence=sentence)


def extract_batch(items: Sequence[ExtractItem], rules_dir: str | None,
                  rules: Rules | None = None) -> BatchResult:
    """Extract a batch of articles (the unit of work sent to a worker) with `rules`, or with
    the rules of `rules_dir` (loaded once per worker) when none are given."""
    started = time.process_time()
    rules = rules or _rules(rules_dir)
    results = tuple(extract_one(item, rules) for item in items)
    return BatchResult(results, time.process_time() - started)


def syndicated_copies(sources: Sequence[Source], story: Story) -> dict[str, str]:
    """Map each source of a story that repeats another's text to the earliest such source."""
    from rapidfuzz import fuzz, utils

    wanted = set(story.sources)
    members = [s for s in sources if s.id in wanted]
    openings = [utils.default_process(s.text[:SYNDICATION_CHARS]) for s in members]
    canonical: dict[str, str] = {}
    for i, a in enumerate(members):
        if a.id in canonical:
            continue
        for j in range(i + 1, len(members)):
            b = members[j]
            if b.id in canonical:
                continue
            if fuzz.ratio(openings[i], openings[j], score_cutoff=90):
                canonical[b.id] = a.id
    return canonical


def judge_story(task: StoryTask, settings: StorySettings) -> Judged:
    """Match a story's claims into groups and judge each group."""
    from reconcile.judge import judge_group
    from reconcile.match import match_story

    try:
        canonical = syndicated_copies(task.sources, task.story)
        matched, pairs = match_story(list(task.claims), settings.match, canonical)
        by_id = {s.id: s for s in task.sources}
        groups = tuple(judge_group("", task.story.id, claims, by_id, canonical,
                                   settings.update_words, settings.update_after_days)
                       for claims in matched)
    except Exception as err:  # noqa: BLE001 - one odd story must not end the run
        return Judged((), 0, f"claims could not be compared ({type(err).__name__}: {err})")
    return Judged(groups, pairs)


def judge_batch(tasks: Sequence[StoryTask], settings: StorySettings) -> BatchResult:
    """Match and judge a batch of stories (the unit of work sent to a worker)."""
    started = time.process_time()
    results = tuple(judge_story(task, settings) for task in tasks)
    return BatchResult(results, time.process_time() - started)


def story_cost(batch: Sequence[StoryTask]) -> int:
    """A guess at a batch's matching time: claims pair up within a story, so its square."""
    return sum(len(task.claims) ** 2 for task in batch)


def heaviest_first(work: Sequence[Sequence[T]], cost: Callable[[Sequence[T]], int]) -> list[int]:
    """Batch indexes, costliest first: a story of hundreds of claims (a table of figures)
    started last would keep one worker busy after the others are done."""
    return sorted(range(len(work)), key=lambda k: (-cost(work[k]), k))


def batches(items: Sequence[T], weight: Callable[[T], int], target: int,
            most: int) -> list[list[T]]:
    """Consecutive runs of `items` of about `target` total weight and at most `most` items.

    Batches keep the input order, so results joined batch after batch are in input order."""
    out: list[list[T]] = []
    current: list[T] = []
    load = 0
    for item in items:
        current.append(item)
        load += weight(item)
        if load >= target or len(current) >= most:
            out.append(current)
            current, load = [], 0
    if current:
        out.append(current)
    return out
