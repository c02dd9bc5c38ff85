"""Calendar arithmetic shared by the readers: periods as (first day, last day, granularity),
the nearest yearly occurrence, the tense of a sentence, early/mid/late parts."""
from __future__ import annotations

import calendar
import datetime as dt

from reconcile.extract.context import Context
from reconcile.extract.dates._vocab import (
    _CORE_DECADE_PARTS, _CORE_MONTH_PARTS, _CORE_PARTS,
    _CUE_WORD, _DECADE_PARTS, _FUTURE_CUES, _MONTH_NUMBER, _MONTH_PARTS, _NOT_PAST_ED,
    _ORDINAL_NUMBER, _PARTS, _PAST_CUES, _SEASON_START, _YEAR_PARTS)
from reconcile.extract.dates._patterns import _NEXT_WORD, _PREV_WORD, _SPACES

_Period = tuple[dt.date, dt.date, str]  # first day, last day, granularity


class _Unresolved:
    """A relative expression found without a publication date; carries its granularity."""

    __slots__ = ("granularity",)

    def __init__(self, granularity: str):
        self.granularity = granularity


# ---------------------------------------------------------------------------------------------
# calendar helpers


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _month(year: int, month: int) -> _Period:
    return dt.date(year, month, 1), _month_end(year, month), "month"


def _add_months(year: int, month: int, n: int) -> tuple[int, int]:
    y, m = divmod(month - 1 + n, 12)
    return year + y, m + 1


def _year(year: int) -> _Period:
    return dt.date(year, 1, 1), dt.date(year, 12, 31), "year"


def _quarter(year: int, quarter: int) -> _Period:
    first = 3 * quarter - 2
    return dt.date(year, first, 1), _month_end(year, first + 2), "quarter"


def _season(year: int, season: str) -> _Period:
    first = _SEASON_START[season]
    end_year, end_month = _add_months(year, first, 2)
    return dt.date(year, first, 1), _month_end(end_year, end_month), "season"


def _week(day: dt.date) -> _Period:
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6), "week"


def _day(day: dt.date) -> _Period:
    return day, day, "day"


def _latest(make, published: dt.date, lean: int = 0) -> _Period | None:
    """The yearly instance nearest to publication: the past one, the future one, or (lean 0)
    whichever is closer, the past one on a tie (see the module docstring)."""
    past = future = None
    for year in range(published.year + 1, published.year - 3, -1):
        try:
            period = make(year)
        except ValueError:  # February 29 in a common year
            continue
        if period is None:
            continue
        if period[0] <= published:
            if period[1] >= published:
                return period  # the instance under way at publication, whatever the tense
            past = period
            break
        future = period
    if lean < 0 or future is None:
        return past or future
    if lean > 0 or past is None:
        return future
    return past if (published - past[1]).days <= (future[0] - published).days else future


def _lean(text: str, start: int, end: int, ctx: Context) -> int:
    """-1 when the words around a date say past, +1 when they say future, 0 when silent."""
    lo, hi = ctx.sentence_span(start)
    before = _CUE_WORD.findall(text, max(lo, start - 60), start)[-8:]
    for at in range(len(before) - 1, -1, -1):
        word = before[at].lower()
        if at and before[at - 1].lower() == "be" and word.endswith("ed"):
            continue  # "to be reconnected by Wednesday": a passive, no tense of its own
        lean = _cue(word)
        if lean:
            return lean
    for word in _CUE_WORD.findall(text, end, min(hi, end + 50))[:6]:
        lean = _cue(word.lower())
        if lean:
            return lean
    return 0


def _cue(word: str) -> int:
    if word in _FUTURE_CUES:
        return 1
    if word in _PAST_CUES or (word.endswith("ed") and len(word) > 4 and word not in _NOT_PAST_ED):
        return -1
    return 0


def _narrow(first: dt.date, last: dt.date, granularity: str, part: str,
            core: bool = False) -> tuple[dt.date, dt.date]:
    """The early/mid/late part of a period: with `core` the part a reader names (thirds),
    else the wider part a claim is compatible with (see _PARTS)."""
    if granularity == "year" and first.month == 1 and first.day == 1:
        a, b = _YEAR_PARTS[part]
        return dt.date(first.year, a, 1), _month_end(first.year, b)
    if granularity == "month" and first.day == 1:
        a, b = (_CORE_MONTH_PARTS if core else _MONTH_PARTS)[part]
        return first.replace(day=a), min(last, first.replace(day=min(b, last.day)))
    if granularity == "decade":
        a, b = (_CORE_DECADE_PARTS if core else _DECADE_PARTS)[part]
        return dt.date(first.year + a, 1, 1), dt.date(first.year + b, 12, 31)
    if granularity == "day":
        return first, last
    lo, hi = (_CORE_PARTS if core else _PARTS)[part]
    days = (last - first).days + 1
    return (first + dt.timedelta(days=int(lo * days)),
            first + dt.timedelta(days=max(int(lo * days), round(hi * days) - 1)))


def _year_of(raw: str | None) -> int | None:
    """A year as written: "2025", "'25" (two digits read as 19xx from 30 on, else 20xx)."""
    if not raw:
        return None
    digits = raw.lstrip("'’")
    if len(digits) == 2:
        n = int(digits)
        return 1900 + n if n >= 30 else 2000 + n
    return int(digits)


def _month_of(raw: str) -> int:
    return _MONTH_NUMBER[raw.lower().rstrip(".")]


def _day_of(raw: str) -> int:
    raw = raw.lower()
    if raw[0].isdigit():
        return int(raw.rstrip("stndrh"))
    return _ORDINAL_NUMBER[_SPACES.sub(" ", raw)]


def _prev_word(text: str, start: int) -> str:
    found = _PREV_WORD.search(text, max(0, start - 24), start)
    return found.group(1).lower() if found else ""


def _next_word(text: str, end: int) -> str:
    found = _NEXT_WORD.match(text, end)
    return found.group(1) if found else ""


# ---------------------------------------------------------------------------------------------
# readers: one per alternative; each returns (period | _Unresolved, relative[, span]) or None


def _relative(make, published: dt.date | None, granularity: str):
    """A period that needs the publication date, or an unresolved marker without one."""
    if published is None:
        return _Unresolved(granularity), True
    period = make(published)
    return (period, True) if period is not None else None


def _ymd(year: int | None, month: int, day: int | None, published: dt.date | None,
         lean: int = 0):
    """A day or month with or without its year."""
    if year is not None:
        return (_day(dt.date(year, month, day)) if day else _month(year, month)), False
    if day is not None:
        dt.date(2000, month, day)  # raises for "February 30" in any year
        return _relative(lambda p: _latest(lambda y: _day(dt.date(y, month, day)), p, lean),
                         published, "day")
    return _relative(lambda p: _latest(lambda y: _month(y, month), p, lean), published, "month")


def _shift(rel: str) -> int:
    """-1, 0 or +1 for last/this/next."""
    rel = _SPACES.sub(" ", rel.lower())
    if rel in ("last", "previous", "past", "this past"):
        return -1
    if rel in ("next", "coming", "upcoming", "following"):
        return 1
    return 0
