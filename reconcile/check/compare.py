"""Compare checked articles with their archive candidates: the report pipeline, minus reading.

The stages are the report's own (reconcile.cluster, match, judge): stories first, so that only
articles about the same event are compared, then fact groups and verdicts. Two things differ:
archive claims come from the index rather than from extraction, and story similarity is
weighted by the archive's document frequencies (reconcile.check.terms). Only the stories that
hold a checked article are matched and judged; the archive's own stories are not this run's
business.

Nor are figures that differ between reports written weeks apart an update here
(`update_after_days`): a report reads them as a later state or the next instance of a
series, but a new article that gives another figure than the archive published, however long
ago, is for an editor to confirm before it goes out ("$17 million" now for the repair the
archive gave as "$27 million" in March). A toll that rises is still an update.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from reconcile.check import terms as tfidf
from reconcile.model import Claim, Group, InputError, Report, Source
from reconcile.rules import Rules


@dataclass(frozen=True, slots=True)
class Article:
    """One article taking part in a comparison: its source, its claims, its lead terms."""

    source: Source
    claims: tuple[Claim, ...]
    terms: Mapping[str, int]
    checked: bool


def compare(articles: Sequence[Article], rules: Rules, frequencies: Mapping[str, int],
            documents: int, errors: Sequence[InputError] = ()) -> Report:
    """The report over `articles` with the groups of every story that holds a checked one."""
    from reconcile.cluster import ClusterSettings, cluster_sources
    from reconcile.judge import judge_group
    from reconcile.match import MatchSettings, match_story
    from reconcile.pipeline import number_claims, syndicated_copies

    ordered = sorted(articles, key=lambda a: a.source.id)
    sources = [a.source for a in ordered]
    by_source = number_claims(sources, {a.source.id: [_owned(c, a.source.id) for c in a.claims]
                                        for a in ordered})
    weights = tfidf.weights_for((a.terms for a in ordered), frequencies, documents)
    vectors = {a.source.id: tfidf.vector(a.terms, weights) for a in ordered}
    tol = rules.tolerances
    stories = cluster_sources(sources, by_source, ClusterSettings.from_tolerances(tol),
                              similarity=tfidf.similarity(vectors))
    checked = {a.source.id for a in ordered if a.checked}
    settings = MatchSettings.from_rules(rules)
    source_map = {s.id: s for s in sources}
    update_words = frozenset(tol.get("update_words", ()))
    groups: list[Group] = []
    for story in stories:
        if not checked.intersection(story.sources) or len(story.sources) < 2:
            continue
        canonical = syndicated_copies(sources, story)
        story_claims = [c for sid in story.sources for c in by_source[sid]]
        matched, _ = match_story(story_claims, settings, canonical)
        for claims in matched:
            groups.append(judge_group(f"g{len(groups) + 1}", story.id, claims, source_map,
                                      canonical, update_words))
    story_of = {sid: story.id for story in stories for sid in story.sources}
    return Report(sources=tuple(sources), stories=tuple(stories),
                  claims=tuple(c for s in sources for c in by_source[s.id]),
                  groups=tuple(groups), errors=tuple(errors), story_of=story_of)


def _owned(claim: Claim, source_id: str) -> Claim:
    from dataclasses import replace

    return replace(claim, source=source_id, id="")
