"""The values that flow through the pipeline: frozen dataclasses and enums only."""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Kind(StrEnum):
    """What sort of checkable fact a claim states."""

    MONEY = "money"
    COUNT = "count"
    PERCENT = "percent"
    QUANTITY = "quantity"
    DATE = "date"
    QUOTE = "quote"


NUMERIC_KINDS = frozenset({Kind.MONEY, Kind.COUNT, Kind.PERCENT, Kind.QUANTITY})


class Verdict(StrEnum):
    """How the sources of one fact group relate to each other."""

    AGREE = "agree"
    CONFLICT = "conflict"
    UPDATE = "update"
    SINGLE = "single"


@dataclass(frozen=True, slots=True)
class Source:
    """One article as read: its metadata and the body text that claims point into."""

    id: str
    path: str
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None  # ISO date "YYYY-MM-DD"
    published_from: str = "none"  # front matter | sidecar | metadata | none
    format: str = "text"

    def to_dict(self, story: str | None = None) -> dict[str, Any]:
        return {"id": self.id, "path": self.path, "title": self.title, "outlet": self.outlet,
                "url": self.url, "published": self.published,
                "published_from": self.published_from, "story": story}


@dataclass(frozen=True, slots=True)
class NumberValue:
    """A number as an interval: what was stated, and the true values it is compatible with."""

    stated: float | tuple[float, float]
    low: float | None
    high: float | None
    unit: str
    hedge: str | None = None
    scope: str | None = None  # "including the gunman", "this year", ...
    period: str | None = None  # the span a period total is given for: "2015", "two days"

    def to_dict(self) -> dict[str, Any]:
        stated = list(self.stated) if isinstance(self.stated, tuple) else self.stated
        return {"stated": _plain(stated), "low": _plain(self.low), "high": _plain(self.high),
                "unit": self.unit, "hedge": self.hedge, "scope": self.scope,
                "period": self.period}


@dataclass(frozen=True, slots=True)
class DateValue:
    """A date as a period (inclusive ISO days) and the interval compatible with its hedge."""

    stated: tuple[str, str] | None  # None when a relative date could not be resolved
    granularity: str  # day|week|month|quarter|season|year|decade|range
    low: str | None
    high: str | None
    hedge: str | None = None  # by|before|after|since|early|mid|late
    anchor: str | None = None  # publication date a relative expression was resolved against
    relative: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"stated": list(self.stated) if self.stated else None,
                "granularity": self.granularity, "low": self.low, "high": self.high,
                "hedge": self.hedge, "anchor": self.anchor}


@dataclass(frozen=True, slots=True)
class QuoteValue:
    """A direct quotation: its words and who said them."""

    stated: str
    speaker: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"stated": self.stated, "speaker": self.speaker}


Value = NumberValue | DateValue | QuoteValue

# The scope of a figure that counts part of a group ("three of the victims"): set by
# reconcile.extract.scope, read by matching (parts compare only when equal).
PART_OF_A_GROUP = "part of a group"


@dataclass(frozen=True, slots=True)
class Claim:
    """One checkable statement with its evidence: exact text, offsets into the body, sentence."""

    kind: Kind
    text: str
    start: int
    end: int
    sentence: str
    subject: str
    value: Value
    source: str = ""
    id: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "source": self.source, "kind": str(self.kind), "text": self.text,
                "start": self.start, "end": self.end, "sentence": self.sentence,
                "subject": self.subject, "value": self.value.to_dict()}


@dataclass(frozen=True, slots=True)
class Story:
    """Articles about the same event; claims are only compared within a story."""

    id: str
    label: str
    sources: tuple[str, ...]
    names: tuple[Any, ...] = ()  # reconcile.names.NameVariant: one name spelled two ways

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "label": self.label, "sources": list(self.sources)}
        if self.names:
            data["name_variants"] = [variant.to_dict() for variant in self.names]
        return data


@dataclass(frozen=True, slots=True)
class GroupDecision:
    """An editor's decision on a flagged group, as applied from the accepted-findings file.

    `silenced` groups (accepted difference, false positive) no longer count as conflicts. A
    `stale` decision was made on other words than the sources now say: it is reopened (status
    `open`) and keeps what was decided in `decided_status` for the reader."""

    finding: str
    status: str
    note: str = ""
    reviewer: str = ""
    silenced: bool = False
    stale: bool = False
    decided_status: str = ""

    def to_dict(self) -> dict[str, Any]:
        data = {"finding": self.finding, "status": self.status, "note": self.note,
                "reviewer": self.reviewer, "silenced": self.silenced, "stale": self.stale}
        if self.stale:
            data["decided_status"] = self.decided_status
        return data


@dataclass(frozen=True, slots=True)
class Group:
    """The same fact as stated by one or more sources, with its verdict."""

    id: str
    story: str
    kind: Kind
    subject: str
    claims: tuple[str, ...]
    sources: tuple[str, ...]
    verdict: Verdict
    consensus: dict[str, Any] | None
    outliers: tuple[str, ...] = ()
    reason: str = ""
    decision: GroupDecision | None = None  # set by decisions.apply_decisions

    @property
    def decided(self) -> bool:
        """An editor took this group out of the conflicts (accepted difference, false positive)."""
        return self.decision is not None and self.decision.silenced

    def to_dict(self) -> dict[str, Any]:
        data = {"id": self.id, "story": self.story, "kind": str(self.kind),
                "subject": self.subject, "claims": list(self.claims),
                "sources": list(self.sources), "verdict": str(self.verdict),
                "consensus": self.consensus, "outliers": list(self.outliers),
                "reason": self.reason}
        if self.decision is not None:  # undecided groups keep the reconcile-report/1 shape
            data["decision"] = self.decision.to_dict()
        return data


@dataclass(frozen=True, slots=True)
class InputError:
    """An input that could not be read (or was only partly read), with the reason."""

    path: str
    error: str

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "error": self.error}


@dataclass(frozen=True, slots=True)
class Report:
    """Everything one run found: the JSON report contract as typed values."""

    sources: tuple[Source, ...]
    stories: tuple[Story, ...]
    claims: tuple[Claim, ...]
    groups: tuple[Group, ...]
    errors: tuple[InputError, ...] = ()
    story_of: dict[str, str] = field(default_factory=dict)  # source id -> story id

    def to_dict(self) -> dict[str, Any]:
        return {key: value if isinstance(value, str) else list(value)
                for key, value in self.sections()}

    def sections(self) -> list[tuple[str, Any]]:
        """The contract's keys in order, each list as a generator of item dicts (the JSON
        renderer writes them one at a time)."""
        return [
            ("schema", "reconcile-report/1"),
            ("sources", (s.to_dict(self.story_of.get(s.id)) for s in self.sources)),
            ("stories", (s.to_dict() for s in self.stories)),
            ("claims", (c.to_dict() for c in self.claims)),
            ("groups", (g.to_dict() for g in self.groups)),
            ("errors", (e.to_dict() for e in self.errors)),
        ]


def _plain(number: Any) -> Any:
    """Whole floats as ints so that JSON reads 698900000, not 698900000.0."""
    if isinstance(number, list):
        return [_plain(x) for x in number]
    if isinstance(number, float) and number.is_integer() and abs(number) < 2**53:
        return int(number)
    return number
