"""Readers of counted periods from publication: "two weeks ago", "in three months", "within
a year", "the next three months", "the past five years".

- "N units ago", "N units from now", "in N units" name one day, N units from publication.
  Counts of weeks and longer are approximate ("two months ago" is seldom exactly 61 days), so
  `low`/`high` allow a quarter of the unit either side (_TOLERANCE_DAYS).
- "within N units" is the span from publication to N units on.
- "the past/last N units" is the rolling span of N units that ends the day before publication.
- "the next/coming N units" is the N whole units after the current one (the next three months
  read in November: December to February), compatible with anything from the day after
  publication on.
"""
from __future__ import annotations

import datetime as dt
import re

from reconcile.extract.dates._patterns import _SPACES
from reconcile.extract.dates._periods import (
    _add_months, _month_end, _Period, _relative, _Unresolved, _week)
from reconcile.extract.dates._vocab import _DURATION_WORDS, _SMALL_NUMBERS

# Half-width of the interval an approximate count allows, by unit: a quarter of the unit.
_TOLERANCE_DAYS = {"day": 0, "week": 2, "fortnight": 3, "month": 7, "quarter": 23, "year": 91,
                   "decade": 913}
_PAST_WORDS = frozenset("past last previous preceding".split())
_MONTHS_PER = {"month": 1, "quarter": 3, "year": 12, "decade": 120}
# Words after a count that tie it to an event of the story, not to publication.
_EVENT_AFTER = re.compile(r"['’]?\s+(?:of|after|before|since|from|worth)\b(?!\s+(?:now|today)\b)",
                          re.IGNORECASE)
# What makes "a year" a year described, not a year counted from now: "in a year when prices
# rose", "in a week that saw record rain", "in a decade marked by war", "in a year like no
# other", "in a year-long study", "in a day's work" (but "in a week's time").
_DESCRIBED_AFTER = re.compile(
    r"\s+(?:when|where|that|which|whose|like|(?:in|during|on|at)\s+which|"
    r"[a-z]+ed\s+(?:by|with)\b)\b|-[a-z]|['’]s?\s+(?!time\b)[a-z]", re.IGNORECASE)


# "more than 20 years ago", "less than two weeks ago": the count is a bound, not the day
_BOUND_BEFORE = re.compile(r"\b(?P<bound>more\s+than|over|less\s+than|under)\s+$", re.IGNORECASE)


def _count(raw: str) -> int:
    raw = _SPACES.sub(" ", raw.lower())
    return int(raw) if raw.isdigit() else _SMALL_NUMBERS[raw]


def _unit(raw: str) -> str:
    unit = raw.lower().rstrip("s")
    return "fortnight" if unit.startswith("fortnight") else unit


def _moved(day: dt.date, n: int, unit: str) -> dt.date:
    """`day` moved by n units (months keep the day of the month where it exists)."""
    if unit in ("day", "week", "fortnight"):
        return day + dt.timedelta(days=n * {"day": 1, "week": 7, "fortnight": 14}[unit])
    year, month = _add_months(day.year, day.month, n * _MONTHS_PER[unit])
    return min(day.replace(year=year, month=month, day=1) + dt.timedelta(days=day.day - 1),
               _month_end(year, month))


def _approximate(n: int, unit: str, published: dt.date | None):
    """The day n units from publication (n < 0: before), with the unit's tolerance."""
    if published is None:
        return _Unresolved("day"), True
    day = _moved(published, n, unit)
    tolerance = dt.timedelta(days=_TOLERANCE_DAYS[unit])
    return (day, day, "day"), True, None, (day - tolerance, day + tolerance)


def _read_ago(m: re.Match, text: str, published, ctx):
    direction = _SPACES.sub(" ", m["ago_dir"].lower())
    if direction in ("later", "earlier"):
        return None  # "two days later" counts from an event in the story, not from publication
    n = _count(m["ago_n"])
    if direction.endswith(("tomorrow", "yesterday")):
        # "three weeks from tomorrow": counted from the day after publication
        if published is None:
            return _Unresolved("day"), True
        base = published + dt.timedelta(days=1 if direction.endswith("tomorrow") else -1)
        return _approximate(n, _unit(m["ago_u"]), base)
    reading = _approximate(-n if direction == "ago" else n, _unit(m["ago_u"]), published)
    bound = _BOUND_BEFORE.search(text, max(0, m.start() - 16), m.start())
    if bound is None or direction != "ago" or published is None:
        return reading
    period, relative, _, (low, high) = reading
    if bound["bound"].lower().startswith(("less", "under")):
        low, high = low, published  # "less than two years ago": since then
    else:
        low = None  # "more than 20 years ago": any time before then
    return period, relative, (bound.start(), m.end()), (low, high)


def _read_in_units(m: re.Match, text: str, published, ctx):
    before = text[max(0, m.start() - 40):m.start()].lower().split()[-4:]
    if any(w.endswith("est") or w in _DURATION_WORDS for w in before):
        return None  # "the highest in 10 years", "for the first time in two weeks"
    if _EVENT_AFTER.match(text, m.end()):
        return None  # "within two weeks of the attack": counted from the attack
    if m["in_n"].lower() in ("a", "an") and _DESCRIBED_AFTER.match(text, m.end()):
        return None  # "in a year when many are still cleaning up": a year, not a year on
    n, unit = _count(m["in_n"]), _unit(m["in_u"])
    if not m.group(0).lower().startswith("within"):
        return _approximate(n, unit, published)

    def make(p: dt.date) -> _Period:
        return p, _moved(p, n, unit) - dt.timedelta(days=1), "range"
    return _relative(make, published, "range")


def rolling_past(unit: str, published: dt.date | None):
    """"over the past year", "in the last month": the span of one unit that ends the day
    before publication, as "the past one year" would be, not the previous calendar year."""
    if published is None:
        return _Unresolved("range"), True
    return (_moved(published, -1, unit), published - dt.timedelta(days=1), "range"), True


def _read_next_n(m: re.Match, text: str, published, ctx):
    rel = (m["nx_rel"] or m["nx_rel2"]).lower()
    raw = m["nx_n"] or m["nx_n2"]
    n = 3 if raw.lower() in ("few", "a few") else _count(raw)
    unit = _unit(m["nx_u"] or m["nx_u2"])
    if n < 1 or _EVENT_AFTER.match(text, m.end()):
        return None  # "the last two weeks of the campaign": not counted from publication
    if published is None:
        return _Unresolved("range"), True
    if rel in _PAST_WORDS:
        first = _moved(published, -n, unit)
        return (first, published - dt.timedelta(days=1), "range"), True
    first, last = _following(published, n, unit)
    return (first, last, "range"), True, None, (published + dt.timedelta(days=1), last)


def _following(p: dt.date, n: int, unit: str) -> tuple[dt.date, dt.date]:
    """The n whole units after the one that holds p (days: from the day after p)."""
    if unit == "day":
        return p + dt.timedelta(days=1), p + dt.timedelta(days=n)
    if unit in ("week", "fortnight"):
        monday = _week(p)[0] + dt.timedelta(days=7)
        return monday, monday + dt.timedelta(days=7 * n * (2 if unit == "fortnight" else 1) - 1)
    months = _MONTHS_PER[unit]
    if unit == "decade":
        start_year, start_month = p.year // 10 * 10 + 10, 1
    else:
        index = (p.year * 12 + p.month - 1) // months * months + months
        start_year, start_month = divmod(index, 12)
        start_month += 1
    end_year, end_month = _add_months(start_year, start_month, n * months - 1)
    return dt.date(start_year, start_month, 1), _month_end(end_year, end_month)
