"""Named holidays as periods of any year: fixed days, nth weekdays, days counted from Western or
Orthodox Easter, and days of the Hebrew and Islamic calendars (names in _holiday_names).

Jewish holidays begin at sundown: their period starts the evening before (Yom Kippur 2018 is
2018-09-18..2018-09-19). Islamic holidays follow the tabular (arithmetic) calendar, which can
be a day or two off the sighted moon and differs between countries, so their `low`/`high`
allow two days either side.
"""
from __future__ import annotations

import datetime as dt
import re

from reconcile.extract.dates._holiday_names import HOLIDAYS, NAMES_TOO
from reconcile.extract.dates._periods import _latest, _lean, _month_end, _Period, _relative

_NAMES = tuple((key, re.compile(regex, re.IGNORECASE), rule) for key, regex, rule in HOLIDAYS)
# Names that are also ordinary words: only capitalised ("Lent", not "he lent").
_CAPITALISED = frozenset(("lent", "may day", "clean monday", "ashura", "good friday",
                          "black friday", "cyber monday", "holy saturday", "maundy thursday"))
_NAMES_TOO = {key: (re.compile(before, re.IGNORECASE), re.compile(after, re.IGNORECASE))
              for key, (before, after) in NAMES_TOO.items()}
# how far before and after a name its context words are looked for
_CONTEXT_CHARS = 40
_ISLAMIC_SLACK = dt.timedelta(days=2)
_HEBREW_EPOCH = -1373427  # R.D. (= date.toordinal) of 1 Tishrei AM 1
_ISLAMIC_EPOCH = 227015  # R.D. of 1 Muharram AH 1 (Julian 16 July 622)


def holiday_key(name: str, strict: bool = True) -> tuple[str, tuple] | None:
    """(key, rule) of a holiday name as written, None when it is not one (or, when `strict`,
    a name that is also a word written in lower case)."""
    for key, regex, rule in _NAMES:
        if regex.fullmatch(name):
            if strict and key in _CAPITALISED and not name[:1].isupper():
                return None
            return key, rule
    return None


def _said_as_holiday(key: str, text: str, start: int, end: int) -> bool:
    """Whether the words around a name that is also a place's or a person's make it the
    holiday (NAMES_TOO)."""
    before, after = _NAMES_TOO[key]
    return bool(before.search(text[max(0, start - _CONTEXT_CHARS):start])
                or after.match(text[end:end + _CONTEXT_CHARS]))


def holiday_period(rule: tuple, year: int) -> tuple[dt.date, dt.date, dt.date, dt.date] | None:
    """(first, last, low, high) of the holiday in a Gregorian year; None where it has none."""
    kind = rule[0]
    if kind == "fixed":
        day = dt.date(year, rule[1], rule[2])
        return day, day, day, day
    if kind == "nth":
        day = _nth_weekday(year, rule[1], rule[2], rule[3])
        return day, day, day, day
    if kind == "after_thanksgiving":
        day = _nth_weekday(year, 11, 3, 4) + dt.timedelta(days=rule[1])
        return day, day, day, day
    if kind == "boss":
        day = dt.date(year, 10, 16)  # the nearest weekday when it falls on a weekend
        day += dt.timedelta(days={5: -1, 6: 1}.get(day.weekday(), 0))
        return day, day, day, day
    if kind == "easter":
        first = _easter(year) + dt.timedelta(days=rule[1])
        last = first + dt.timedelta(days=rule[2] - 1)
        return first, last, first, last
    if kind == "orthodox":
        day = _orthodox_easter(year) + dt.timedelta(days=rule[1])
        return day, day, day, day
    if kind == "hebrew":
        return _hebrew_holiday(year, rule[1], rule[2], rule[3])
    return _islamic_holiday(year, rule[1], rule[2], rule[3])


def _read_holiday(m: re.Match, text: str, published, ctx):
    strict = not (m["hol_y"] or m["hol_rel"] or m["hol_rel2"])
    found = holiday_key(m["hol_n"], strict=strict)
    if found is None:
        return None
    key, rule = found
    if strict and key in _NAMES_TOO and not _said_as_holiday(key, text, m.start("hol_n"),
                                                             m.end("hol_n")):
        return None
    year = m["hol_y"]
    if year:
        return _as_reading(holiday_period(rule, int(year)), False)
    if m["hol_rel2"]:
        # "Thanksgiving of next year": the one in that calendar year
        shift = {"last": -1, "this": 0, "next": 1}[m["hol_rel2"].lower()]
        return _relative(lambda p: holiday_period(rule, p.year + shift), published,
                         _granularity(rule)) if published is None else \
            _as_reading(holiday_period(rule, published.year + shift), True)
    rel = (m["hol_rel"] or "").lower()
    lean = _lean(text, m.start(), m.end(), ctx)

    def period(y: int) -> _Period | None:
        found = holiday_period(rule, y)
        return (found[0], found[1], "day") if found else None

    def make(p: dt.date):
        if rel in ("last", "previous"):
            year = next((y for y in (p.year, p.year - 1) if (x := period(y)) and x[0] < p),
                        p.year - 1)
        elif rel in ("next", "following", "coming", "upcoming"):
            year = next((y for y in (p.year, p.year + 1) if (x := period(y)) and x[0] > p),
                        p.year + 1)
        elif rel == "this":
            year = p.year
        else:
            chosen = _latest(period, p, lean)
            year = chosen[0].year if chosen else None
        return holiday_period(rule, year) if year else None

    if published is None:
        return _relative(make, published, _granularity(rule))
    return _as_reading(make(published), True)


def _as_reading(found, relative: bool):
    if found is None:
        return None
    first, last, low, high = found
    granularity = "day" if first == last else "range"
    bounds = None if (low, high) == (first, last) else (low, high)
    return (first, last, granularity), relative, None, bounds


def _granularity(rule: tuple) -> str:
    one_day = rule[0] in ("fixed", "nth", "after_thanksgiving", "boss", "orthodox") or \
        (rule[0] in ("easter", "islamic") and rule[-1] == 1)
    return "day" if one_day else "range"


# ---------------------------------------------------------------------------------------------
# calendars


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The n-th given weekday of a month; n = -1 for the last one."""
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = _month_end(year, month)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def _easter(year: int) -> dt.date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _orthodox_easter(year: int) -> dt.date:
    """Orthodox Easter Sunday: the Julian computus, moved to the Gregorian calendar."""
    a, b, c = year % 4, year % 7, year % 19
    d = (19 * c + 15) % 30
    e = (2 * a + 4 * b - d + 34) % 7
    month, day = divmod(d + e + 114, 31)
    julian_gap = year // 100 - year // 400 - 2  # days the Julian calendar lags behind
    return dt.date(year, month, day + 1) + dt.timedelta(days=julian_gap)


def _hebrew_elapsed(year: int) -> int:
    """Days from the Hebrew epoch to Rosh Hashanah of `year` before the postponements."""
    months = (235 * year - 234) // 19
    parts = 12084 + 13753 * months
    day = 29 * months + parts // 25920
    return day + 1 if (3 * (day + 1)) % 7 < 3 else day


def _hebrew_new_year(year: int) -> int:
    """R.D. of 1 Tishrei of a Hebrew year (with the year-length postponements)."""
    ny0, ny1, ny2 = _hebrew_elapsed(year - 1), _hebrew_elapsed(year), _hebrew_elapsed(year + 1)
    correction = 2 if ny2 - ny1 == 356 else 1 if ny1 - ny0 == 382 else 0
    return _HEBREW_EPOCH + ny1 + correction


def _hebrew_month_days(year: int, month: int) -> int:
    leap = (7 * year + 1) % 19 < 7
    length = _hebrew_new_year(year + 1) - _hebrew_new_year(year)
    if month in (2, 4, 6, 10, 13) or (month == 12 and not leap):
        return 29
    if month == 8:
        return 30 if length % 10 == 5 else 29
    if month == 9:
        return 29 if length % 10 == 3 else 30
    return 30


def _hebrew_day(year: int, month: int, day: int) -> dt.date:
    """A Hebrew date (months from Nisan = 1; the year begins at Tishrei = 7)."""
    leap = (7 * year + 1) % 19 < 7
    if month == 12 and leap:
        month = 13  # Purim falls in Adar II in a leap year
    order = [7, 8, 9, 10, 11, 12] + ([13] if leap else []) + [1, 2, 3, 4, 5, 6]
    fixed = _hebrew_new_year(year) + day - 1
    for earlier in order[:order.index(month)]:
        fixed += _hebrew_month_days(year, earlier)
    return dt.date.fromordinal(fixed)


def _hebrew_holiday(year: int, month: int, day: int, length: int):
    # Tishrei..Kislev fall in the autumn of Gregorian `year` (Hebrew year year + 3761); the
    # months from Tevet on in the Hebrew year that began the autumn before
    hebrew_year = year + 3761 if month in (7, 8, 9) else year + 3760
    first = _hebrew_day(hebrew_year, month, day)
    if first.year != year:
        return None
    evening = first - dt.timedelta(days=1)
    last = first + dt.timedelta(days=length - 1)
    return evening, last, evening, last


def _islamic_day(year: int, month: int, day: int) -> dt.date:
    return dt.date.fromordinal(_ISLAMIC_EPOCH - 1 + day + 29 * (month - 1) + month // 2
                               + 354 * (year - 1) + (3 + 11 * year) // 30)


def _islamic_holiday(year: int, month: int, day: int, length: int):
    """The first occurrence in Gregorian `year` (Islamic years are 11 days shorter)."""
    guess = int((year - 622) * 33 / 32)
    for hijri in range(guess - 1, guess + 3):
        first = _islamic_day(hijri, month, day)
        if first.year == year:
            last = first + dt.timedelta(days=length - 1)
            if length > 1:  # Ramadan: until the day before the next month begins
                last = _islamic_day(hijri + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)
            return first, last, first - _ISLAMIC_SLACK, last + _ISLAMIC_SLACK
    return None
