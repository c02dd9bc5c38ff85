"""Dates counted from another date: "three days after Easter", "2 weeks before May 13 1999",
"16 days from 01/02/2018", "a year from Christmas".

The count moves the first day of the date it is counted from; the result is a day, with the
tolerance of an approximate count (_counted._TOLERANCE_DAYS) for weeks and longer.
"""
from __future__ import annotations

import datetime as dt
import re

from reconcile.extract.context import Context
from reconcile.extract.dates._counted import _TOLERANCE_DAYS, _count, _moved, _unit
from reconcile.extract.dates._join import Subject
from reconcile.extract.dates._patterns import _COUNT
from reconcile.model import Claim, DateValue, Kind

_BEFORE_DATE = re.compile(rf"(?<![\w.,])(?P<n>{_COUNT})\s+(?P<u>days?|weeks?|fortnights?|months?|"
                          rf"years?)\s+(?P<from>from\s+)?$", re.IGNORECASE)
_DIRECTION = re.compile(r"(?P<dir>before|after|prior\s+to)\s", re.IGNORECASE)


def apply_offsets(ctx: Context, claims: list[Claim], subject: Subject) -> list[Claim]:
    """The claims, each date with a count of units before it moved by that count."""
    return [_offset(ctx, claim, subject) or claim for claim in claims]


def _offset(ctx: Context, claim: Claim, subject: Subject) -> Claim | None:
    value = claim.value
    direction = _DIRECTION.match(claim.text)
    if value.hedge in ("before", "after") and direction is None:
        return None
    count = _BEFORE_DATE.search(ctx.text, max(0, claim.start - 40), claim.start)
    if count is None or (direction is None) != bool(count["from"]) or \
            (direction is not None and value.hedge not in ("before", "after")):
        return None
    n, unit = _count(count["n"]), _unit(count["u"])
    sign = -1 if direction is not None and direction["dir"].lower() != "after" else 1
    start, end = count.start(), claim.end
    if value.stated is None:
        moved = DateValue(None, "day", None, None, None, None, value.relative)
    else:
        day = _moved(dt.date.fromisoformat(value.stated[0]), sign * n, unit)
        tolerance = dt.timedelta(days=_TOLERANCE_DAYS[unit])
        moved = DateValue((day.isoformat(), day.isoformat()), "day",
                          (day - tolerance).isoformat(), (day + tolerance).isoformat(), None,
                          value.anchor, value.relative)
    return Claim(kind=Kind.DATE, text=ctx.quote(start, end), start=start, end=end,
                 sentence=ctx.sentence_of(start), subject=subject(ctx, start, end), value=moved)
