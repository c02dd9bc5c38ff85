"""Readers of dates counted from publication: yesterday, last year, two weeks ago, in two
weeks, weekdays, bare months and days of the current month."""
from __future__ import annotations

import calendar
import datetime as dt
import re

from reconcile.extract.dates._vocab import (
    _MONTH_CUES, _MONTH_NUMBER, _QUARTER_WORDS,
    _STOP_AFTER_DAY, _STRICT_MONTH_CUES, _WEEKDAY_NUMBER)
from reconcile.extract.dates._patterns import (
    _CAPITAL_AFTER, _DATE_AFTER_WEEKDAY, _NAMED_DAY_BEFORE, _PART_BEFORE, _SPACES)
from reconcile.extract.dates._periods import (
    _add_months, _day, _day_of, _latest, _lean, _month, _month_end, _month_of, _next_word,
    _Period, _prev_word, _relative, _shift, _Unresolved, _week, _year, _ymd)
from reconcile.extract.dates._counted import _EVENT_AFTER, rolling_past
from reconcile.extract.dates._holidays import _nth_weekday

def _read_reldays(m: re.Match, text: str, published, ctx):
    word = _SPACES.sub(" ", m["rd_w"].lower())
    shift = {"yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
             "the day after tomorrow": 2}.get(word, 0)
    return _relative(lambda p: _day(p + dt.timedelta(days=shift)), published, "day")


# "in the past year", "over the last month": a rolling span, not the calendar unit before
_ROLLING_BEFORE = re.compile(r"\b(?:in|over|during|within|throughout)\s+the\s+$", re.IGNORECASE)
_ROLLING_UNITS = frozenset("week month year decade".split())


def _read_relunit(m: re.Match, text: str, published, ctx):
    unit = m["ru_u"].lower().replace("yr", "year")
    if (m["ru_rel"] or "").lower() in ("past", "last") and unit in _ROLLING_UNITS \
            and _ROLLING_BEFORE.search(text, max(0, m.start() - 20), m.start()):
        if _EVENT_AFTER.match(text, m.end()):
            return None  # "in the last year of his term": counted back from the term's end
        return rolling_past(unit, published)
    shift = _shift(m["ru_rel"]) if m["ru_rel"] else 0
    when = (m["ru_el"] or "").lower()
    reading = _read_relunit_unit(unit, shift, published)
    if when and reading:
        if isinstance(reading[0], _Unresolved):
            return _Unresolved("range"), True
        # "earlier this month" names the part of the month before publication, "later" the rest
        first, last, _ = reading[0]
        if when == "earlier":
            return (first, max(first, min(last, published - dt.timedelta(days=1))), "range"), True
        return (min(last, max(first, published)), last, "range"), True
    return reading


def _read_relunit_unit(unit: str, shift: int, published: dt.date | None):
    """This (shift 0), last (-1) or next (+1) week, weekend, month, year or decade."""
    granularity = "range" if unit == "weekend" else unit

    def make(p: dt.date) -> _Period:
        if unit == "week":
            first, last, _ = _week(p + dt.timedelta(days=7 * shift))
        elif unit == "weekend":
            saturday = p - dt.timedelta(days=p.weekday()) + dt.timedelta(days=5 + 7 * shift)
            first, last = saturday, saturday + dt.timedelta(days=1)
        elif unit == "month":
            first, last, _ = _month(*_add_months(p.year, p.month, shift))
        elif unit == "year":
            first, last, _ = _year(p.year + shift)
        else:
            decade = p.year // 10 * 10 + 10 * shift
            first, last = dt.date(decade, 1, 1), dt.date(decade + 9, 12, 31)
        return first, last, granularity
    return _relative(make, published, granularity)


def _read_year_to_date(m: re.Match, text: str, published, ctx):
    """"year to date", "so far this year": from January 1 to publication."""
    return _relative(lambda p: (dt.date(p.year, 1, 1), p, "range"), published, "range")


def _read_rest_of(m: re.Match, text: str, published, ctx):
    """"the rest of the year": from publication to the end of the week, month or year."""
    unit = m["ro_u"].lower()

    def make(p: dt.date) -> _Period:
        if unit == "week":
            last = _week(p)[1]
        elif unit == "month":
            last = _month_end(p.year, p.month)
        else:
            last = dt.date(p.year, 12, 31)
        return p, last, "range"
    return _relative(make, published, "range")


def _read_theweekend(m: re.Match, text: str, published, ctx):
    def make(p: dt.date) -> _Period:
        saturday = p - dt.timedelta(days=p.weekday()) + dt.timedelta(days=5)
        if saturday > p:
            saturday -= dt.timedelta(days=7)
        return saturday, saturday + dt.timedelta(days=1), "range"
    return _relative(make, published, "range")



def _read_weekday(m: re.Match, text: str, published, ctx):
    word = m["wd_d"]
    weekday = _WEEKDAY_NUMBER[word.lower().rstrip(".")]
    rel = _SPACES.sub(" ", (m["wd_rel"] or "").lower())
    week_rel = (m["wd_rel2"] or "").lower()
    if _DATE_AFTER_WEEKDAY.match(text, m.end()):
        return None  # "Friday 7/6", "Thu 15th": the date that follows decides
    if not rel and not week_rel and not m["wd_after"]:
        if len(word.rstrip(".")) < 6 and not word.endswith(".") \
                and word.lower() not in ("tue", "tues", "thu", "thur", "thurs", "fri"):
            return None  # "sun", "sat", "wed", "Mon" are words and names more often than days
        word_after = _CAPITAL_AFTER.match(text, m.end())
        if word_after and _next_word(text, m.end()).lower() not in _MONTH_NUMBER:
            return None  # "the Sunday Times", "Monday Night Football"
        if _prev_word(text, m.start()) in _NAMED_DAY_BEFORE:
            return None  # named days that are not simply the weekday
    lean = 0 if rel or week_rel else _lean(text, m.start(), m.end(), ctx)
    after_next = bool(m["wd_after"])
    return _relative(lambda p: _weekday(p, weekday, rel, week_rel, after_next, lean), published, "day")


def _weekday(p: dt.date, weekday: int, rel: str, week_rel: str, after_next: bool,
             lean: int) -> _Period:
    """A weekday resolved against publication (see the module docstring for the rules)."""
    monday = p - dt.timedelta(days=p.weekday())
    if week_rel or rel in ("last", "previous", "next", "following", "this", "current"):
        # "last Wednesday", "Wednesday next week": that weekday of the named Monday-Sunday week
        return _day(monday + dt.timedelta(days=7 * _shift(week_rel or rel) + weekday))
    back = p - dt.timedelta(days=(p.weekday() - weekday) % 7)
    ahead = p + dt.timedelta(days=(weekday - p.weekday()) % 7)
    if after_next:
        return _day(monday + dt.timedelta(days=14 + weekday))
    if rel in ("past", "this past"):
        return _day(back if back < p else back - dt.timedelta(days=7))
    if rel in ("coming", "upcoming"):
        return _day(ahead if ahead > p else ahead + dt.timedelta(days=7))
    if lean > 0 or (lean == 0 and (ahead - p) < (p - back)):
        return _day(ahead)
    return _day(back)


def _read_week_weekday(m: re.Match, text: str, published, ctx):
    weekday = _WEEKDAY_NUMBER[m["ww_d"].lower().rstrip(".")]
    rel = _SPACES.sub(" ", m["ww_rel"].lower())
    return _relative(lambda p: _weekday(p, weekday, "", rel, False, 0), published, "day")


def _read_month(m: re.Match, text: str, published, ctx):
    word = m["mn_m"]
    month = _month_of(word)
    rel = (m["mn_rel"] or "").lower()
    if rel == "this" and word.lower() in ("may", "march") and not word[0].isupper():
        return None  # "this may take longer"
    if not rel:
        if word.endswith(".") or len(word) <= 4 and word.lower() not in ("june", "july", "may"):
            return None  # "Jan", "Mar.": abbreviations are names or verbs without a day or year
        previous = _prev_word(text, m.start())
        if word.lower() in ("may", "march"):
            if previous not in _STRICT_MONTH_CUES:
                return None  # "Theresa May", "this may take", "march on"
        elif previous not in _MONTH_CUES and not word[0].isupper():
            return None
        return _ymd(None, month, None, published, _lean(text, m.start(), m.end(), ctx))
    shift = _shift(rel)

    def make(p: dt.date) -> _Period:
        if shift < 0:
            year = p.year if month < p.month else p.year - 1
        elif shift > 0:
            year = p.year if month > p.month else p.year + 1
        else:
            year = p.year
        return _month(year, month)
    return _relative(make, published, "month")



def _read_nthday(m: re.Match, text: str, published, ctx):
    raw = m["nd_n"].lower()
    n = -1 if raw == "last" else _QUARTER_WORDS.get(raw) or {"fifth": 5, "5th": 5}[raw]
    what = m["nd_what"].lower()
    month = _month_of(m["nd_m"]) if m["nd_m"] else None
    explicit = m["nd_y"] or m["nd_y2"]
    granularity = "week" if what == "week" else "day"

    def period(year: int, month: int | None = month) -> _Period | None:
        if month is None:
            first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
        else:
            first, last = dt.date(year, month, 1), _month_end(year, month)
        if what == "day":
            return _day(first + dt.timedelta(days=n - 1) if n > 0 else last)
        if what == "week" and month is None:
            # weeks of a year are ISO weeks: week 1 holds January 4, the last one December 28
            number = n if n > 0 else dt.date(year, 12, 28).isocalendar()[1]
            return _week(dt.date.fromisocalendar(year, number, 1))
        if what == "week":
            # the first (last) Monday-Sunday week wholly inside the month
            monday = first + dt.timedelta(days=-first.weekday() % 7)
            if n < 0:
                monday = last - dt.timedelta(days=(last.weekday() + 1) % 7 + 6)
            return _week(monday + dt.timedelta(days=7 * (n - 1) if n > 0 else 0))
        if month is None:
            return None
        return _day(_nth_weekday(year, month, _WEEKDAY_NUMBER[what], n))
    if explicit:
        found = period(int(explicit))
        return (found, False) if found else None
    if month is None:
        if not m.group(0).lower().endswith("month"):
            return None  # "the first day of school"
        shift = _shift(m["nd_rel"] or "this")
        return _relative(lambda p: period(*_add_months(p.year, p.month, shift)), published,
                         granularity)
    lean = _lean(text, m.start(), m.end(), ctx)
    return _relative(lambda p: _latest(period, p, lean), published, granularity)


def _read_month_day(m: re.Match, text: str, published, ctx):
    day = _day_of(m["md_d"])
    weekday = _WEEKDAY_NUMBER[m["md_wd"].lower().rstrip(".")] if m["md_wd"] else None
    if m["md_d"].isdigit() and weekday is None and not m.group(0).lower().startswith("the"):
        return None  # "by 21": a bare number is a day only with a weekday or "the"
    if m["md_rel"]:
        shift = _shift(m["md_rel"])
        return _relative(lambda p: _day(dt.date(*_add_months(p.year, p.month, shift), day)),
                         published, "day")
    if weekday is None:
        if _prev_word(text, m.start()) not in ("on", "by", "since", "until", "till", "before",
                                               "after", "from"):
            return None
        following = _next_word(text, m.end())
        if following and following.islower() and following not in _STOP_AFTER_DAY \
                and not text[m.end():m.end() + 1] in ",.;:":
            return None  # "on the 4th floor", "by the third day"

    def make(p: dt.date) -> _Period | None:
        if weekday is None:
            return _day(dt.date(p.year, p.month, day))  # the publication month
        # "Tuesday the 19th": the nearest date where day and weekday agree
        best = None
        for shift in range(-12, 13):
            year, month = _add_months(p.year, p.month, shift)
            if day <= calendar.monthrange(year, month)[1]:
                candidate = dt.date(year, month, day)
                if candidate.weekday() == weekday and (
                        best is None or (abs((candidate - p).days), candidate > p)
                        < (abs((best - p).days), best > p)):
                    best = candidate
        return _day(best) if best else None
    return _relative(make, published, "day")


def _read_bare_unit(m: re.Match, text: str, published, ctx):
    if not _PART_BEFORE.search(text, max(0, m.start() - 30), m.start()):
        return None  # only "the end of the week", "beginning of the year"
    unit = m["bu_u"].lower()
    return _read_relunit_unit(unit, 0, published)
