"""The report arranged for reading, shared by the human formats: stories, ordered groups, excerpts.

Every renderer walks the same arrangement so that the formats agree on order and counts:
stories in report order, and inside a story conflicts, then updates, then agreements, then
single-source facts, each by group id in natural order (g2 before g10).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from reconcile.decisions import FINDING_VERDICTS, STALE_NOTE
from reconcile.model import Claim, Group, Report, Source, Story

# "decided": a conflict or update that an editor accepted or marked a false positive
VERDICT_ORDER = ("conflict", "update", "decided", "agree", "single")
UNASSIGNED_LABEL = "(facts whose story is not in the report)"


@dataclass(frozen=True, slots=True)
class ClaimView:
    """One claim of a group with its source and whether the judge named it an outlier."""

    claim: Claim
    source: Source
    outlier: bool


@dataclass(frozen=True, slots=True)
class GroupView:
    """A fact group with its claims resolved."""

    group: Group
    verdict: str
    claims: tuple[ClaimView, ...]


@dataclass(frozen=True, slots=True)
class StoryView:
    """A story with its sources and its groups in reading order."""

    story: Story
    sources: tuple[Source, ...]
    groups: tuple[GroupView, ...]
    left_out: int = 0  # groups that --findings-only leaves out

    @property
    def empty_note(self) -> str:
        """What a story without groups to show says instead."""
        if self.left_out:
            return "No conflicts or updates in this story; only its names are shown."
        return "No facts to compare in this story."

    def with_verdict(self, *verdicts: str) -> tuple[GroupView, ...]:
        """The groups of this story whose verdict is one of `verdicts`, in reading order."""
        return tuple(g for g in self.groups if g.verdict in verdicts)


@dataclass(frozen=True, slots=True)
class Summary:
    """The counts of the summary line."""

    sources: int
    stories: int
    facts: int
    conflicts: int
    updates: int
    agreements: int
    singles: int
    errors: int
    decided: int = 0

    def sentence(self) -> str:
        """"3 sources, 2 stories, 9 facts compared: 1 conflict, 1 update, ..." as plain text."""
        decided = f"{self.decided} decided, " if self.decided else ""
        return (f"{_plural(self.sources, 'source')}, {_plural(self.stories, 'story', 'stories')}, "
                f"{_plural(self.facts, 'fact')} compared: {_plural(self.conflicts, 'conflict')}, "
                f"{_plural(self.updates, 'update')}, {decided}"
                f"{_plural(self.agreements, 'agreement')}, {self.singles} single-source")


def summarize(report: Report) -> Summary:
    """Count sources, stories and fact groups by verdict (decided groups on their own)."""
    verdicts = [display_verdict(g) for g in report.groups]
    return Summary(sources=len(report.sources), stories=len(report.stories),
                   facts=len(verdicts), conflicts=verdicts.count("conflict"),
                   updates=verdicts.count("update"), agreements=verdicts.count("agree"),
                   singles=verdicts.count("single"), errors=len(report.errors),
                   decided=verdicts.count("decided"))


def display_verdict(group: Group) -> str:
    """The verdict a reader sees: the judge's, or "decided" once an editor has settled it."""
    return "decided" if getattr(group, "decided", False) else str(group.verdict)


def decision_text(group: Group) -> str:
    """An editor's decision on the group for people ("" when there is none).

    "accepted difference (jd): the $330 million includes training", or for a reopened one
    "open; stale: the claims changed since the decision (was: false positive (jd): ...)"."""
    decision = getattr(group, "decision", None)
    if decision is None:
        return ""
    said = _squash(decision.status + (f" ({decision.reviewer})" if decision.reviewer else "")
                   + (f": {decision.note}" if decision.note else ""))
    if not decision.stale:
        return said
    was = _squash(decision.decided_status
                  + (f" ({decision.reviewer})" if decision.reviewer else "")
                  + (f": {decision.note}" if decision.note else ""))
    return f"open; {STALE_NOTE} (was: {was})"


def arrange(report: Report, findings_only: bool = False) -> tuple[StoryView, ...]:
    """Stories in report order with their sources and groups; unknown ids never raise.

    With `findings_only`, only the stories with a conflict, an update or a name spelled two
    ways, and in them only the conflicts and updates (an archive's report is mostly
    agreements and single-source facts)."""
    sources = {s.id: s for s in report.sources}
    claims = {c.id: c for c in report.claims}
    groups_by_story: dict[str, list[Group]] = {}
    for group in report.groups:
        groups_by_story.setdefault(group.story, []).append(group)

    stories = list(report.stories)
    known = {s.id for s in stories}
    # groups that point at a story the report does not list still get shown, at the end
    for story_id in groups_by_story:
        if story_id not in known:
            stories.append(Story(id=story_id, label=UNASSIGNED_LABEL, sources=()))
            known.add(story_id)

    views = []
    for story in stories:
        members = tuple(sources.get(sid) or _stub(sid) for sid in story.sources)
        ordered = sorted(groups_by_story.get(story.id, ()), key=group_order)
        left_out = 0
        if findings_only:
            # the open findings: a decided one shows as "decided", and is left out
            shown = [g for g in ordered if display_verdict(g) in FINDING_VERDICTS]
            if not shown and not story.names:
                continue
            ordered, left_out = shown, len(ordered) - len(shown)
        views.append(StoryView(story=story, sources=members,
                               groups=tuple(_group_view(g, claims, sources) for g in ordered),
                               left_out=left_out))
    return tuple(views)


def findings_note(stories: tuple[StoryView, ...]) -> str:
    """The line that says a report shows only its findings."""
    count = sum(len(view.groups) for view in stories)
    if not stories:
        return ("Shown: nothing, as no story has a conflict, an update or a name spelled two "
                "ways (--findings-only)")
    return (f"Shown: only the {_plural(len(stories), 'story', 'stories')} with a conflict, an "
            f"update or a name spelled two ways, and in them only the "
            f"{_plural(count, 'conflict or update', 'conflicts and updates')}; agreements, "
            "single-source facts and decided findings are left out (--findings-only)")


def group_order(group: Group) -> tuple:
    """Sort key: verdict (conflict, update, agree, single), then id in natural order."""
    verdict = display_verdict(group)
    rank = VERDICT_ORDER.index(verdict) if verdict in VERDICT_ORDER else len(VERDICT_ORDER)
    return (rank, natural_key(group.id))


def natural_key(text: str) -> tuple:
    """"g10" sorts after "g2"."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part)
                 for part in re.split(r"(\d+)", text))


def excerpt(sentence: str, words: str, limit: int = 200) -> tuple[str, str, str]:
    """The sentence around the claim's words as (before, words, after), trimmed to ~limit chars.

    Whitespace runs become one space. When the words are not in the sentence, they come back
    empty and the sentence is trimmed from its start.
    """
    sentence = _squash(sentence)
    words = _squash(words)
    at = sentence.find(words) if words else -1
    if at < 0:
        return (_cut_right(sentence, limit), "", "")
    before, after = sentence[:at], sentence[at + len(words):]
    if len(sentence) <= limit:
        return (before, words, after)
    room = max(limit - len(words), 0)
    left = min(len(before), room // 2)
    right = min(len(after), room - left)
    left = min(len(before), room - right)
    return (_cut_left(before, left), words, _cut_right(after, right))


def source_line(source: Source) -> str:
    """"Outlet, 2025-11-19" with whatever of the two is known ("" when neither)."""
    return ", ".join(part for part in (source.outlet, source.published) if part)


def _group_view(group: Group, claims: dict[str, Claim], sources: dict[str, Source]) -> GroupView:
    outliers = set(group.outliers)
    views = []
    for claim_id in group.claims:
        claim = claims.get(claim_id)
        if claim is None:
            continue
        source = sources.get(claim.source) or _stub(claim.source)
        views.append(ClaimView(claim=claim, source=source, outlier=claim_id in outliers))
    return GroupView(group=group, verdict=display_verdict(group), claims=tuple(views))


def _stub(source_id: str) -> Source:
    return Source(id=source_id, path="", text="")


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


def _cut_left(text: str, keep: int) -> str:
    if len(text) <= keep:
        return text
    tail = text[len(text) - keep:]
    space = tail.find(" ")
    # start at a word boundary unless that would drop most of the kept text
    if 0 <= space < keep // 2:
        tail = tail[space + 1:]
    return "…" + tail


def _cut_right(text: str, keep: int) -> str:
    if len(text) <= keep:
        return text
    head = text[:keep]
    space = head.rfind(" ")
    if space > keep // 2:
        head = head[:space]
    return head + "…"


def _plural(number: int, word: str, plural: str | None = None) -> str:
    return f"{number} {word if number == 1 else (plural or word + 's')}"
