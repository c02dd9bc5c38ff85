"""Readers of dates that name their period: days, months, numeric and ISO dates, ranges,
quarters, halves, fiscal years, seasons, decades, centuries and years."""
from __future__ import annotations

import datetime as dt
import re

from reconcile.extract.dates._vocab import (
    _DECADE_WORDS, _MONTH_CUES, _NOT_YEAR_BEFORE, _QUARTER_WORDS, _STRICT_MONTH_CUES,
    _WEEKDAY_NUMBER, _YEAR_CUES, _YEAR_NOUNS)
from reconcile.extract.dates._patterns import _POINT, _STREET
from reconcile.extract.dates._periods import (
    _day, _day_of, _latest, _lean, _month, _month_end, _month_of, _next_word, _Period,
    _prev_word, _quarter, _relative, _season, _shift, _Unresolved, _week, _year, _year_of, _ymd)

def _mdy_parts(m: re.Match, p: str) -> tuple[int | None, int, int] | None:
    for i in "123":
        month = m.group(p + "m" + i)
        if month:
            return _year_of(m.group(p + "y")), _month_of(month), _day_of(m.group(p + "d" + i))
    return None


def _read_day(m: re.Match, text: str, published, ctx):
    year, month, day = _mdy_parts(m, "dd")
    month_word = m.group("ddm1") or ""
    if month_word.lower() in ("may", "march") and not month_word[0].isupper() \
            and not m.group("ddd1")[0].isdigit() and year is None \
            and _prev_word(text, m.start()) not in _STRICT_MONTH_CUES:
        return None  # "may first", "march third": a verb, not a date
    lean = _lean(text, m.start(), m.end(), ctx)
    if m["ddwd"] and year is None:
        # "Fri, Jul 18": the year (next to publication) in which Jul 18 is a Friday
        weekday = _WEEKDAY_NUMBER[m["ddwd"].lower().rstrip(".")]
        dt.date(2000, month, day)  # raises for "February 30"
        return _relative(lambda p: _agreeing(month, day, weekday, p, lean), published, "day")
    return _ymd(year, month, day, published, lean)


def _read_num_month(m: re.Match, text: str, published, ctx):
    month = int(m["nm_m"]) if m["nm_m"] else _month_of(m["nm_mn"])
    return _month(int(m["nm_y"]), month), False


def _read_iso_week(m: re.Match, text: str, published, ctx):
    """"week 3 of 2027": ISO weeks (week 1 holds the year's first Thursday)."""
    number = int(m["iw_n"])

    def week(year: int) -> _Period | None:
        if number > dt.date(year, 12, 28).isocalendar()[1]:
            return None  # "week 53" of a year with 52
        monday = dt.date.fromisocalendar(year, number, 1)
        return monday, monday + dt.timedelta(days=6), "week"
    if m["iw_y"]:
        found = week(int(m["iw_y"]))
        return (found, False) if found else None
    return _relative(lambda p: week(p.year + _shift(m["iw_rel"])), published, "week")


def _read_weekof(m: re.Match, text: str, published, ctx):
    year, month, day = _mdy_parts(m, "wk")
    reading = _ymd(year, month, day, published, _lean(text, m.start(), m.end(), ctx))
    if reading is None or isinstance(reading[0], _Unresolved):
        return (_Unresolved("week"), True) if reading else None
    first = reading[0][0]
    if m.group("wk_how").lower() == "of":
        return _week(first), reading[1]
    return (first, first + dt.timedelta(days=6), "week"), reading[1]


def _read_iso(m: re.Match, text: str, published, ctx):
    month = int(m["iso_m"]) if m["iso_m"] else _month_of(m["iso_mn"])
    return _day(dt.date(int(m["iso_y"]), month, int(m["iso_d"]))), False


def _read_numeric(m: re.Match, text: str, published, ctx):
    a, b = int(m["num_a"]), int(m["num_b"])
    year = _year_of(m["num_y"])
    if m["num_s"] != "/" and len(m["num_y"]) == 2:
        return None  # "5-4-21" and "1.5.25" are more often scores or versions than dates
    month, day = (a, b) if a <= 12 else (b, a)  # US order unless the first cannot be a month
    return _day(dt.date(year, month, day)), False


def _read_month_numeric(m: re.Match, text: str, published, ctx):
    if m["mo_m1"]:
        return _day(dt.date(int(m["mo_y"]), _month_of(m["mo_m1"]), int(m["mo_d"]))), False
    return _ymd(None, _month_of(m["mo_m2"]), int(m["mo_d2"]), published,
                _lean(text, m.start(), m.end(), ctx))


def _read_on_numeric(m: re.Match, text: str, published, ctx):
    month, day = int(m["on_a"]), int(m["on_b"])
    spoken = m.group(0)[:2].lower() == "on"
    if m["on_s"] != "/" and not m["on_wd"]:
        return None  # "7.6", "7-6" are numbers or scores unless a weekday says otherwise
    if month > 12:
        if not (spoken or m["on_wd"]):
            return None
        month, day = day, month  # "on 22/04": day first where the first cannot be a month
    if not spoken and not m["on_wd"]:
        if (month, day) == (9, 11) or (day <= 4 and month < day):
            return None  # "9/11" names the 2001 attacks; "1/2", "3/4" are fractions
        if text[m.end():m.end() + 3].lower() == " of":
            return None  # "2/3 of voters"
    start = m.start("on_a") if spoken else m.start()
    if m["on_wd"]:
        weekday = _WEEKDAY_NUMBER[m["on_wd"].lower().rstrip(".")]
        dt.date(2000, month, day)
        return (*_relative(lambda p: _agreeing(month, day, weekday, p), published, "day"),
                (start, m.end()))
    return (*_ymd(None, month, day, published, _lean(text, m.start(), m.end(), ctx)),
            (start, m.end()))


def _agreeing(month: int, day: int, weekday: int, p: dt.date, lean: int = 0) -> _Period | None:
    """The year-less date, in the year before, of or after publication, that falls on the
    weekday given with it; the nearest one as usual when none does (a wrong weekday is more
    often a slip than a date years away)."""
    best = None
    for year in range(p.year - 1, p.year + 2):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if candidate.weekday() == weekday and (
                best is None or abs((candidate - p).days) < abs((best - p).days)):
            best = candidate
    if best is not None:
        return _day(best)
    return _latest(lambda y: _day(dt.date(y, month, day)), p, lean)


def _range_end(raw: str, published: dt.date | None) -> tuple[int | None, int | None, int | None, bool] | None:
    """(year, month, day, two_digit) of a range end read on its own."""
    m = _POINT.fullmatch(raw)
    if m is None:
        return None
    if m["pday"]:
        digits = m["pday"].rstrip("stndrhSTNDRH")
        year = int(m["pdy"]) if m["pdy"] else None
        return year, None, int(digits), len(m["pday"]) == 2 and m["pday"].isdigit() and not year
    parts = _mdy_parts(m, "pa")
    if parts:
        return (*parts, False)
    if m["pm"]:
        return _year_of(m["py"]), _month_of(m["pm"]), None, False
    return int(m["pyy"]), None, None, False


def _read_range(a_raw: str, b_raw: str, dash: bool, published: dt.date | None, lean: int = 0):
    a, b = _range_end(a_raw, published), _range_end(b_raw, published)
    if a is None or b is None:
        return None
    (ay, am, ad, _), (by, bm, bd, b_two) = a, b
    if am is None and ad is None and ay is not None and bm is None and by is None and bd is not None:
        if not (dash and b_two):
            return None  # "2010 to 20": only "2024-25" reads as two years
        by = ay // 100 * 100 + bd
        if not 0 < by - ay <= 10:
            return None  # "2015-32" is not a span of years
        bd = None
    if am is None and bm is None and not (ay and by):
        return None  # "from 9 to 5" names no month and no year
    if (am is not None and ad is None and bm is None and bd is not None) or \
            (am is None and ad is not None and bm is not None and bd is None):
        return None  # "Jun-15", "05-Aug": one day written with a dash
    if bm is None and bd is not None:
        bm, by = am, by or ay  # "November 19-20", "November 19-22, 2025"
    if am is None and ad is not None:
        am, ay = bm, by  # "3-5 March 2025"
    if ay is None and by is None:
        return _read_range_relative(am, ad, bm, bd, published, lean)
    if by is None:
        by = ay + (1 if (bm or 1) < (am or 1) else 0)
    if ay is None:
        ay = by - (1 if am and bm and (am, ad or 0) > (bm, bd or 0) else 0)
    first = _ends(ay, am, ad)[0]
    last = _ends(by, bm, bd)[1]
    if last < first:
        return None
    return (first, last, "range"), False


def _read_range_relative(am, ad, bm, bd, published, lean):
    if am is None or bm is None:
        return None

    def make(p: dt.date):
        period = _latest(lambda y: (_ends(y, am, ad)[0], _ends(y if bm >= am else y + 1, bm, bd)[1],
                                    "range"), p, lean)
        return period if period and period[0] <= period[1] else None
    return _relative(make, published, "range")


def _ends(year: int, month: int | None, day: int | None) -> tuple[dt.date, dt.date]:
    if month is None:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if day is None:
        return dt.date(year, month, 1), _month_end(year, month)
    return dt.date(year, month, day), dt.date(year, month, day)


def _read_between(m: re.Match, text: str, published, ctx):
    return _read_range(m["ba"], m["bb"], False, published, _lean(text, m.start(), m.end(), ctx))


def _read_from(m: re.Match, text: str, published, ctx):
    dash = m["fs"].strip() in "-–—"
    if dash and m["fa"].isdigit() and m["fb"].isdigit() and len(m["fa"]) <= 2:
        return None  # "5-4": a score
    if m["fs"] in ("-", "–") and m["fa"].isdigit() and m["fb"][:1].isalpha():
        return None  # "2019-aug-01" is one day
    return _read_range(m["fa"], m["fb"], dash, published, _lean(text, m.start(), m.end(), ctx))


def _read_quarter(m: re.Match, text: str, published, ctx):
    lean = _lean(text, m.start(), m.end(), ctx)
    word = m["q_w"]
    if word:
        quarter = _QUARTER_WORDS[word.lower()]
        year = m["q_y"] or m["q_y2"]
        if word.lower() in ("last", "final") and not (year or m["q_rel"] or "year" in m.group(0)[-5:]):
            return _read_relative_quarter("last", published)  # "the last quarter"
        if year:
            return _quarter(int(year), quarter), False
        rel = (m["q_rel"] or "this").lower()
        return _relative(lambda p: _quarter(p.year + _shift(rel), quarter), published, "quarter") \
            if m["q_rel"] or m.group(0).lower().endswith("year") else \
            _relative(lambda p: _latest(lambda y: _quarter(y, quarter), p, lean), published, "quarter")
    if m["q_n"]:
        quarter = int(m["q_n"][1])
        if m["q_y3"]:
            return _quarter(_year_of(m["q_y3"]), quarter), False
        return _relative(lambda p: _latest(lambda y: _quarter(y, quarter), p, lean), published, "quarter")
    if m["q_n2"]:
        return _quarter(int(m["q_y4"]), int(m["q_n2"][1])), False
    return _read_relative_quarter(m["q_rel2"], published)


def _read_relative_quarter(rel: str, published: dt.date | None):
    def make(p: dt.date) -> _Period:
        index = p.year * 4 + (p.month - 1) // 3 + _shift(rel)
        return _quarter(index // 4, index % 4 + 1)
    return _relative(make, published, "quarter")



def _read_half(m: re.Match, text: str, published, ctx):
    word = (m["h_w"] or m["h_n"] or m["h_n2"]).lower()
    half = 1 if word in ("first", "1st", "h1") else 2

    def period(year: int) -> _Period:
        return dt.date(year, 6 * half - 5, 1), _month_end(year, 6 * half), "range"
    year = m["h_y"] or m["h_y2"] or m["h_y3"]
    if year:
        return period(int(year)), False
    rel = m["h_rel"] or "this"
    return _relative(lambda p: period(p.year + _shift(rel)), published, "range")


def _read_fiscal(m: re.Match, text: str, published, ctx):
    # US federal fiscal year: FY2026 runs 2025-10-01..2026-09-30. "FY2024-25" is read as the
    # year that ends in 2025.
    first = _year_of(m["fy_y"] or m["fy_y3"] or m["fy_y5"])
    second = m["fy_y2"] or m["fy_y4"]
    year = first
    if second:
        year = _year_of(second) if len(second) == 4 else first // 100 * 100 + int(second)
        if year != first + 1:
            return None
    return (dt.date(year - 1, 10, 1), dt.date(year, 9, 30), "year"), False


def _read_season(m: re.Match, text: str, published, ctx):
    season = m["s_s"].lower()
    rel = (m["s_rel"] or "").lower()
    after = text[m.end():m.end() + 4].lower()
    if m["s_y"]:
        return _season(int(m["s_y"]), season), False
    if season in ("fall", "spring") and after.startswith(" of"):
        return None  # "the fall of Kabul"
    if rel in ("", "the") and _prev_word(text, m.start()) not in _MONTH_CUES:
        return None  # "prices fall", "a hot spring"
    if rel in ("", "the"):
        lean = _lean(text, m.start(), m.end(), ctx)
        return _relative(lambda p: _latest(lambda y: _season(y, season), p, lean), published, "season")

    def make(p: dt.date) -> _Period:
        current = p.year - 1 if season == "winter" and p.month <= 2 else p.year
        shift = _shift(rel)
        if shift < 0 and _season(current, season)[0] <= p:
            return _season(current - 1, season) if _season(current, season)[1] >= p else \
                _season(current, season)
        return _season(current + shift, season)
    return _relative(make, published, "season")


def _read_month_year(m: re.Match, text: str, published, ctx):
    return _month(_year_of(m["my_y"]), _month_of(m["my_m"])), False


def _read_decade(m: re.Match, text: str, published, ctx):
    if m["dec_y"]:
        year = int(m["dec_y"])
    elif m["dec_yy"]:
        year = _year_of(m["dec_yy"])
    else:
        if not m.group(0).lower().startswith("the"):
            return None
        year = 1900 + _DECADE_WORDS[m["dec_w"].lower()]
    return (dt.date(year, 1, 1), dt.date(year + 9, 12, 31), "decade"), False


def _read_century(m: re.Match, text: str, published, ctx):
    # "the 20th century" as 1900-1999, the reading news uses, not the strict 1901-2000
    first = (int(m["c_n"]) - 1) * 100
    if first < 1:
        return None
    return (dt.date(first, 1, 1), dt.date(first + 99, 12, 31), "range"), False



def _read_year(m: re.Match, text: str, published, ctx):
    year = int(m["yr_y"])
    start, end = m.span("yr_y")
    if text[start - 1:start] in "$€£¥#" and start:
        return None
    before = _prev_word(text, m.start())
    if before in _NOT_YEAR_BEFORE:
        return None
    if year < 1900 and before not in _YEAR_CUES:
        return None  # "1600 Pennsylvania Avenue", "1,500" written without its comma
    if _STREET.match(text, end):
        return None
    after = _next_word(text, end)
    if after and text[end:end + 1] == " ":
        lower = after.lower()
        if lower in ctx.rules.scales or after in ctx.rules.units or lower in ctx.rules.units:
            return None  # "2024 million", "2024 km", "2024 years"
        if (after.islower() and lower.endswith("s") and not lower.endswith(("'s", "’s"))
                and lower not in _YEAR_NOUNS and before not in _YEAR_CUES):
            return None  # "2024 people attended"
    return _year(year), False




def _read_year_month(m: re.Match, text: str, published, ctx):
    return _month(int(m["ym_y"]), int(m["ym_m"])), False
