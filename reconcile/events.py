"""Event attributes of an article: the days it says things happened, the streets it names.

Words tell two articles' topic; they do not tell two shootings in one city apart, nor join a
follow-up written weeks later in other words. The day an article says the event happened
("on Saturday night", resolved against its publication date by the date extractor) and the
street it happened on do both. reconcile.cluster turns these into a bonus when two articles
share them and a penalty when both state them and share none.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reconcile.extract.context import parse_published as _date
from reconcile.model import Claim, Kind, Source

# Street names are looked for in the opening, where local news places the event; deeper in
# a page come related stories and other incidents.
PLACE_CHARS = 3000
# A street type word is ambiguous after some capitalised words ("Superior Court", "Dr. Ruth"),
# so the rules list only types that name streets; these are the defaults.
STREET_WORDS = ("street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "drive",
                "lane", "ln", "way", "place", "parkway", "pkwy", "highway", "hwy", "circle",
                "terrace", "trail", "pike")


def event_days(source: Source, claims: Iterable[Claim], chars: int) -> frozenset[dt.date]:
    """The days the opening of an article (its first `chars` characters) names, up to its
    publication.

    Days after publication are hearings and funerals still to come, not the event. An article
    that names no day is taken to report the event of its publication day or the day before,
    which is when local news reports a shooting; without a publication date it has no days."""
    published = _date(source.published)
    days = set()
    for claim in claims:
        if claim.kind != Kind.DATE or claim.start > chars:
            continue
        value = claim.value
        if getattr(value, "granularity", None) != "day" or not value.stated:
            continue  # a month or a year does not tell two incidents apart
        day = _date(value.stated[0])
        if day and (published is None or day <= published):
            days.add(day)
    if not days and published:
        days = {published - dt.timedelta(days=1), published}
    return frozenset(days)


@dataclass(frozen=True, slots=True)
class EventMarks:
    """What tells an article's event from lookalikes: the days it names (day numbers, and the
    days within a tolerance of them: "late Wednesday" and "early Thursday" are one night) and
    the streets it names."""

    days: frozenset[int] = frozenset()
    near: frozenset[int] = frozenset()
    streets: frozenset[str] = frozenset()

    def same_day(self, other: EventMarks) -> bool | None:
        """True when both name a common day, False when both name days and none is common,
        None when either names none."""
        if not self.days or not other.days:
            return None
        return not self.near.isdisjoint(other.days)

    def same_street(self, other: EventMarks) -> bool | None:
        """As same_day, for the streets."""
        if not self.streets or not other.streets:
            return None
        return not self.streets.isdisjoint(other.streets)


def event_marks(source: Source, claims: Iterable[Claim], pattern: re.Pattern[str],
                chars: int = PLACE_CHARS, tolerance: int = 1) -> EventMarks:
    """The days and streets of one article, ready to be compared pair by pair."""
    days = frozenset(day.toordinal() for day in event_days(source, claims, chars))
    near = frozenset(day + step for day in days for step in range(-tolerance, tolerance + 1))
    return EventMarks(days, near, streets(source, pattern, chars))


def street_pattern(words: Sequence[str]) -> re.Pattern[str]:
    """A pattern for the last word of a street name, a capitalised word or an ordinal ('105th'),
    before a street type word ('Genesee Street', 'W. 70th St.', 'Martin Luther King Blvd')."""
    types = "|".join(sorted((re.escape(w) for w in words), key=lambda w: (-len(w), w)))
    return re.compile(rf"\b([A-Z][a-z]+|\d+(?:st|nd|rd|th))\s+(?i:{types})\b")


def streets(source: Source, pattern: re.Pattern[str], chars: int = PLACE_CHARS) -> frozenset[str]:
    """The streets an article's title and opening name, as the last word of the name
    ('genesee'), so that 'Genesee Street' and 'Genesee St.' are one street."""
    text = f"{source.title or ''}\n{source.text[:chars]}"
    return frozenset(match.group(1).lower() for match in pattern.finditer(text))
