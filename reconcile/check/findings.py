"""Findings of `check`: conflict groups seen from a checked article, with places and words.

A finding is one checked article's side of a conflict group: the claim it makes (anchored at
its line and column), the sources whose claims cannot be reconciled with it (their paths,
dates and exact words), and the sources that agree. A group of archive articles that conflict
among themselves is not a finding of a check, and neither is a group where the checked
article's claim is compatible with every other.

Each finding carries the group's stable id and fingerprint (reconcile.decisions): an accepted
difference or false positive recorded on the same wording silences it; a decision made on other
wording is stale, and the finding is reported with a note saying so.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from reconcile.check.articles import Locator, Position, position_at
from reconcile.model import Claim, DateValue, InputError, QuoteValue, Report, Verdict

SCHEMA = "reconcile-check/1"
FAIL_LEVELS = ("conflict", "never")


@dataclass(frozen=True, slots=True)
class Rule:
    """A kind of finding, as SARIF and the other formats name and describe it."""

    id: str
    name: str
    summary: str
    help: str


RULES: Mapping[str, Rule] = {
    kind: Rule(f"{kind}-conflict", f"{kind.capitalize()}Conflict", summary, help_text)
    for kind, summary, help_text in (
        ("money", "An amount of money conflicts with the archive",
         "The checked article states an amount whose interval (after rounding and hedges) "
         "does not overlap what an archive article states for the same fact."),
        ("count", "A count conflicts with the archive",
         "The checked article counts something differently from an archive article on the "
         "same event, beyond what rounding and hedges allow."),
        ("percent", "A percentage conflicts with the archive",
         "The checked article gives a percentage that cannot be reconciled with an archive "
         "article's figure for the same fact."),
        ("quantity", "A quantity conflicts with the archive",
         "The checked article gives a measured quantity that cannot be reconciled with an "
         "archive article's figure for the same fact."),
        ("date", "A date conflicts with the archive",
         "The checked article dates an event to a period that does not overlap the period an "
         "archive article gives."),
        ("quote", "A quotation differs from the archive",
         "The words inside the quotation marks differ from the same speaker's quote in an "
         "archive article: a misquote, or a different quote that looks alike."),
    )
}


@dataclass(frozen=True, slots=True)
class Statement:
    """What one source says about the fact, and where."""

    source: str
    path: str
    words: str
    published: str | None = None
    outlet: str | None = None
    title: str | None = None
    start: Position | None = None
    end: Position | None = None
    checked: bool = False

    @property
    def label(self) -> str:
        """The source as a reader finds it: its path, outlet and date."""
        extra = ", ".join(x for x in (self.outlet, self.published or "undated") if x)
        return f"{self.path} ({extra})"

    @property
    def quoted(self) -> str:
        return f"“{' '.join(self.words.split())}”"

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "path": self.path, "words": self.words,
                "published": self.published, "outlet": self.outlet, "title": self.title,
                "line": self.start.line if self.start else None,
                "column": self.start.column if self.start else None}


@dataclass(frozen=True, slots=True)
class Finding:
    """One checked article's side of one conflict group."""

    id: str
    fingerprint: str
    kind: str
    subject: str
    says: Statement
    conflicts: tuple[Statement, ...]
    agrees: tuple[Statement, ...] = ()
    sources: tuple[str, ...] = ()  # every source of the group (the finding id is made of them)
    reason: str = ""
    note: str = ""
    level: str = "conflict"
    decision: str = ""  # the silencing decision's status, for accepted findings

    @property
    def rule(self) -> Rule:
        return RULES[self.kind]

    @property
    def path(self) -> str:
        return self.says.path

    @property
    def start(self) -> Position:
        return self.says.start or Position(1, 1, 1)

    @property
    def end(self) -> Position:
        return self.says.end or self.start

    def message(self) -> str:
        """One line: the checked words, who disagrees with what words, and the finding id."""
        subject = f" ({self.subject})" if self.subject else ""
        verb = "differs from" if self.kind == "quote" else "conflicts with"
        others = "; ".join(f"{s.quoted} in {s.label}" for s in self.conflicts)
        text = f"{self.says.quoted}{subject} {verb} {others}."
        if self.agrees:
            text += " Agrees with " + ", ".join(s.label for s in self.agrees) + "."
        if self.note:
            text += f" {self.note}"
        return " ".join(f"{text} [{self.id}]".split())

    def sort_key(self) -> tuple:
        return (self.path, self.start.line, self.start.column, self.rule.id, self.id)

    def to_dict(self) -> dict[str, Any]:
        data = {"id": self.id, "fingerprint": self.fingerprint, "rule": self.rule.id,
                "level": self.level, "kind": self.kind, "subject": self.subject,
                "path": self.path, "line": self.start.line, "column": self.start.column,
                "end_line": self.end.line, "end_column": self.end.column,
                "message": self.message(), "says": self.says.to_dict(),
                "conflicts": [s.to_dict() for s in self.conflicts],
                "agrees": [s.to_dict() for s in self.agrees], "reason": self.reason,
                "note": self.note}
        if self.decision:
            data["decision"] = self.decision
        return data


@dataclass(frozen=True, slots=True)
class Checked:
    """A checked article, for summaries."""

    source: str
    path: str
    title: str | None
    published: str | None
    claims: int
    switched_off: int = 0  # claims inside <!-- reconcile off --> passages

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "path": self.path, "title": self.title,
                "published": self.published, "claims": self.claims,
                "switched_off": self.switched_off}


@dataclass(frozen=True, slots=True)
class CheckResult:
    """Everything one check found, ready for any output format."""

    findings: tuple[Finding, ...]
    accepted: tuple[Finding, ...] = ()
    checked: tuple[Checked, ...] = ()
    errors: tuple[InputError, ...] = ()
    archive: str = ""
    archive_articles: int = 0
    fail_on: str = "conflict"
    version: str = ""
    archive_errors: tuple[InputError, ...] = field(default=())

    @property
    def failed(self) -> bool:
        """Whether the findings reach the --fail-on level (exit code 1)."""
        return self.fail_on == "conflict" and bool(self.findings)

    def summary(self) -> str:
        """One sentence: what was checked against what, and what came of it."""
        articles = _plural(len(self.checked), "article")
        conflicts = _plural(len(self.findings), "conflict")
        accepted = f" ({len(self.accepted)} accepted)" if self.accepted else ""
        unreadable = (f"; {_plural(len(self.errors), 'input')} could not be read"
                      if self.errors else "")
        return (f"checked {articles} against {_plural(self.archive_articles, 'archive article')}"
                f": {conflicts}{accepted}{unreadable}")

    def to_dict(self) -> dict[str, Any]:
        return {"schema": SCHEMA, "archive": self.archive,
                "archive_articles": self.archive_articles, "fail_on": self.fail_on,
                "failed": self.failed, "checked": [c.to_dict() for c in self.checked],
                "findings": [f.to_dict() for f in self.findings],
                "accepted": [f.to_dict() for f in self.accepted],
                "errors": [e.to_dict() for e in self.errors],
                "archive_errors": [e.to_dict() for e in self.archive_errors]}


def _plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}" + ("" if count == 1 else "s")


def disagree(a: Claim, b: Claim) -> bool:
    """Whether two claims of one fact group cannot both be right."""
    if isinstance(a.value, QuoteValue):
        from reconcile.extract.quotes import compare_quotes

        return compare_quotes(a.value.stated, b.value.stated) not in ("same", "excerpt")
    from reconcile.match import dates_overlap, numbers_overlap

    if isinstance(a.value, DateValue):
        return not dates_overlap(a, b)
    return not numbers_overlap(a, b)


@dataclass(frozen=True, slots=True)
class Places:
    """How to place a source's claims in its file: locators of checked articles, body lines of
    archive articles (None when the body is not the file's tail), display paths."""

    locators: Mapping[str, Locator]
    body_lines: Mapping[str, int | None]
    paths: Mapping[str, str]


def find(report: Report, checked: set[str], places: Places,
         decisions: Mapping[str, Any]) -> tuple[list[Finding], list[Finding]]:
    """(reported, silenced) findings of the report's conflict groups, sorted by place."""
    from reconcile.decisions import finding_index, lookup

    claims = {c.id: c for c in report.claims}
    sources = {s.id: s for s in report.sources}
    index = finding_index(report)
    reported: list[Finding] = []
    silenced: list[Finding] = []
    for group in report.groups:
        if group.verdict != Verdict.CONFLICT:
            continue
        members = [claims[cid] for cid in group.claims]
        if not any(c.source in checked for c in members):
            continue
        ident, mark = index[group.id]
        decision, stale = lookup(decisions, ident, mark)
        for source_id in sorted({c.source for c in members if c.source in checked}):
            finding = _finding(group, members, source_id, ident, mark, sources, places, checked)
            if finding is None:
                continue
            if decision is not None and decision.silences and not stale:
                silenced.append(_with_decision(finding, decision, stale=False))
            elif decision is not None:
                reported.append(_with_decision(finding, decision, stale))
            else:
                reported.append(finding)
    return sorted(reported, key=Finding.sort_key), sorted(silenced, key=Finding.sort_key)


def _finding(group, members: Sequence[Claim], source_id: str, ident: str, mark: str,
             sources: Mapping, places: Places, checked: set[str]) -> Finding | None:
    own = sorted((c for c in members if c.source == source_id), key=lambda c: c.start)
    others = [c for c in members if c.source != source_id]
    for anchor in own:
        against = _one_per_source(c for c in others if disagree(anchor, c))
        if against:
            break
    else:
        return None  # compatible with every other source: the conflict is not this article's
    conflicting = {c.source for c in against}
    agreeing = _one_per_source(c for c in others if c.source not in conflicting)

    def say(claim: Claim) -> Statement:
        return _statement(claim, sources[claim.source], places, claim.source in checked)

    return Finding(id=ident, fingerprint=mark, kind=str(group.kind), subject=group.subject,
                   says=say(anchor), conflicts=tuple(say(c) for c in against),
                   agrees=tuple(say(c) for c in agreeing), sources=tuple(group.sources),
                   reason=group.reason)


def _one_per_source(claims) -> list[Claim]:
    first: dict[str, Claim] = {}
    for claim in claims:
        first.setdefault(claim.source, claim)
    return [first[key] for key in sorted(first)]


def _statement(claim: Claim, source, places: Places, checked: bool) -> Statement:
    start = end = None
    locator = places.locators.get(claim.source)
    if locator is not None:
        start = locator.position(claim.start, claim.text)
        offset = locator.offset(claim.start, claim.text)
        end = position_at(locator.file_text, offset + len(claim.text)) if offset is not None \
            else start
    elif places.body_lines.get(claim.source) is not None:
        shift = places.body_lines[claim.source]
        start, end = (_shifted(position_at(source.text, offset), shift)
                      for offset in (claim.start, claim.end))
    return Statement(source=claim.source, path=places.paths.get(claim.source, source.path),
                     words=claim.text, published=source.published, outlet=source.outlet,
                     title=source.title, start=start, end=end, checked=checked)


def _shifted(position: Position, lines: int) -> Position:
    return Position(position.line + lines, position.column, position.byte_column)


def _with_decision(finding: Finding, decision, stale: bool) -> Finding:
    from dataclasses import replace

    if not stale:
        if decision.silences:
            return replace(finding, decision=decision.status)
        note = f"An editor marked this “{decision.status}”"
        return replace(finding, note=note + (f": {decision.note}" if decision.note else "."))
    who = f" by {decision.reviewer}" if decision.reviewer else ""
    return replace(finding, note=f"The decision “{decision.status}”{who} was made on other "
                                 "wording and is stale: review it again.")
