"""Ranges written as two complete dates: "from 10/1/2018 to 10/7/2018", "between Jan 2019 and
today", "from this May to Oct 2020", "2014 through May 2nd 2018".

The patterns read ranges whose ends share a month or a year ("November 19-22, 2025"); any two
dates found next to each other with a range word between them are joined here, whatever their
form. An open end written as "now", "today", "to date" or "the present" is the publication day.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import replace

from reconcile.extract.context import Context
from reconcile.extract.dates._vocab import _MONTH_NUMBER
from reconcile.model import Claim, DateValue, Kind

Subject = Callable[[Context, int, int], str]  # the subject words of a date at [start, end)

_BETWEEN = re.compile(r"\s*(?:-|–|—|~|to|until|till|through|thru|and)\s*", re.IGNORECASE)
_OPENER = re.compile(r"(?:\b(?P<word>from|between)\s+(?:the\s+)?)$", re.IGNORECASE)
_YEAR_DIGITS = re.compile(r"\d{4}|['’]\d\d")
_UNTIL = re.compile(r"(?:until|till)\s+", re.IGNORECASE)
_WEEKDAY = re.compile(r"(?:mon|tues|wednes|thurs|fri|satur|sun)day", re.IGNORECASE)
_FROM_NOW = re.compile(r"\b(?P<word>from|between)\s+now\s+(?P<sep>and|to|until|till|through)\s+$",
                       re.IGNORECASE)
_TO_NOW = re.compile(r"\s*(?P<sep>-|–|to|until|till|through|thru|and)\s+(?:the\s+)?"
                     r"(?:now|present(?:\s+day)?|date|current\s+date)\b", re.IGNORECASE)


# "March and May 2015", "Jan. 3, Feb. 9 and March 1, 2014": a list of dates that states its
# year once, at the end
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and|or|&)?|and|or|&)\s*", re.IGNORECASE)


def share_list_years(ctx: Context, claims: list[Claim]) -> list[Claim]:
    """Year-less dates of a list read in the year its last date states ("in March and May
    2015": March 2015, not the March nearest to publication)."""
    out = list(claims)
    for i in range(len(out) - 1, 0, -1):
        last = out[i]
        if last.value.relative or not last.value.stated or not _YEAR_DIGITS.search(last.text):
            continue
        k = i - 1
        while k >= 0 and _LIST_GAP.fullmatch(ctx.text, out[k].end, out[k + 1].start) \
                and _yearless(out[k]):
            moved = _last_before(out[k].value, last.value, out[k].text)
            out[k] = replace(out[k], value=moved)
            k -= 1
    return out


def _yearless(claim: Claim) -> bool:
    value = claim.value
    # a month name first: "March", "Jan. 3" (not "today", "Friday", "last week")
    first = _FIRST_WORD.match(claim.text)
    return (value.relative and value.stated is not None and value.granularity in ("day", "month")
            and first is not None and first.group(0).lower() in _MONTH_NUMBER
            and not _YEAR_DIGITS.search(claim.text))


_FIRST_WORD = re.compile(r"[A-Za-z]+")


def join_ranges(ctx: Context, claims: list[Claim], subject: Subject) -> list[Claim]:
    """The claims with each pair of neighbouring dates joined by a range word made one range."""
    claims = share_list_years(ctx, claims)
    out: list[Claim] = []
    i = 0
    while i < len(claims):
        first = claims[i]
        second = claims[i + 1] if i + 1 < len(claims) else None
        joined = _join(ctx, first, second, subject) if second is not None else None
        if joined is not None:
            out.append(joined)
            i += 2
            continue
        out.append(_to_now(ctx, first, subject) or first)
        i += 1
    return out


def _join(ctx: Context, a: Claim, b: Claim, subject: Subject) -> Claim | None:
    text = ctx.text
    gap = _BETWEEN.fullmatch(text, a.end, b.start)
    if gap is None and b.value.hedge == "by" and _UNTIL.match(b.text) \
            and not text[a.end:b.start].strip():
        gap = _UNTIL.match(b.text)  # "from April until the end of June"
    if gap is None or not _joinable(a) or not (_joinable(b) or b.value.hedge == "by"):
        return None
    opener = _OPENER.search(text, max(0, a.start - 16), a.start)
    word = gap.group(0).strip().lower()
    if word == "and" and not (opener and opener["word"].lower() == "between"):
        return None  # "in 2019 and 2020" lists two years
    if word in ("-", "–", "—", "~") and _point_like(a) != _point_like(b):
        return None  # "2015 - 32", "Friday - 2018": a dash joins like with like
    if b.value.hedge == "by" and not _UNTIL.match(b.text):
        return None
    start = opener.start() if opener else a.start
    first_value, last_value = _last_before(a.value, b.value, a.text), b.value
    last_value = _first_after(_after(last_value, first_value, b.text), first_value, b.text)
    if first_value.stated and last_value.stated and last_value.stated[1] < first_value.stated[0]:
        return None
    return _range_claim(ctx, start, b.end, first_value, last_value, subject)


def _after(b: DateValue, a: DateValue, b_text: str) -> DateValue:
    """A bare weekday that ends a range is the first one on or after its start ("from next
    Monday to Friday"), not the one nearest to publication."""
    if not (a.stated and b.stated and b.granularity == "day" and _WEEKDAY.fullmatch(b_text)):
        return b
    day, start = dt.date.fromisoformat(b.stated[0]), dt.date.fromisoformat(a.stated[0])
    if day >= start:
        return b
    day += dt.timedelta(days=7 * ((start - day).days // 7 + (1 if (start - day).days % 7 else 0)))
    iso = day.isoformat()
    return DateValue((iso, iso), "day", iso, iso, None, b.anchor, b.relative)


def _to_now(ctx: Context, a: Claim, subject: Subject) -> Claim | None:
    """"from 2010 to date", "between Jan 2019 and now", "between now and November 15th": a
    range with publication as one end."""
    if not _joinable(a):
        return None
    text = ctx.text
    now = _now(ctx)
    end = _TO_NOW.match(text, a.end)
    if end is not None:
        opener = _OPENER.search(text, max(0, a.start - 16), a.start)
        if opener is None or (end["sep"].lower() == "and" and opener["word"].lower() != "between"):
            return None
        return _range_claim(ctx, opener.start(), end.end(), a.value, now, subject)
    begin = _FROM_NOW.search(text, max(0, a.start - 24), a.start)
    if begin is None or (begin["sep"].lower() == "and") != (begin["word"].lower() == "between"):
        return None
    return _range_claim(ctx, begin.start(), a.end, now, a.value, subject)


def _first_after(value: DateValue, start: DateValue, text: str) -> DateValue:
    """A year-less range end read in the year that puts it first after the range's start
    ("from April until the end of June": the June after that April)."""
    if not (value.relative and value.stated and start.stated) or _YEAR_DIGITS.search(text):
        return value
    for years in (-1, 0, 1):
        moved = _years_on(value, years)
        if moved is not None and moved.stated[1] >= start.stated[0]:
            return moved
    return value


def _last_before(value: DateValue, end: DateValue, text: str) -> DateValue:
    """A year-less range start read in the year before the range's dated end ("from 5/1 to
    5/7/2020": May 1, 2020), not in the year nearest to publication."""
    if not (value.relative and value.stated and end.stated) or end.relative \
            or _YEAR_DIGITS.search(text):
        return value
    gap = int(end.stated[1][:4]) - int(value.stated[0][:4])
    for years in (gap, gap - 1):
        moved = _years_on(value, years)
        if moved is not None and moved.stated[0] <= end.stated[1]:
            return moved
    return value


def _years_on(value: DateValue, years: int) -> DateValue | None:
    def move(iso: str | None) -> str | None:
        if iso is None:
            return None
        day = dt.date.fromisoformat(iso)
        return day.replace(year=day.year + years, day=min(day.day, 28) if (day.month, day.day)
                           == (2, 29) else day.day).isoformat()
    try:
        return DateValue((move(value.stated[0]), move(value.stated[1])), value.granularity,
                         move(value.low), move(value.high), value.hedge, value.anchor, True)
    except (ValueError, OverflowError):
        return None


def _now(ctx: Context) -> DateValue:
    if ctx.published is None:
        return DateValue(None, "day", None, None, relative=True)
    day = ctx.published.isoformat()
    return DateValue((day, day), "day", day, day, anchor=day, relative=True)


def _joinable(claim: Claim) -> bool:
    """A date that may end a range: no by/before/after/since of its own, not a range."""
    value = claim.value
    return value.hedge in (None, "early", "mid", "late") and not (
        value.granularity == "range" and value.hedge is None)


def _point_like(claim: Claim) -> bool:
    """True for a date with a day or month in it, False for a bare year."""
    return claim.value.granularity not in ("year", "decade")


def _range_claim(ctx: Context, start: int, end: int, a: DateValue, b: DateValue,
                 subject: Subject) -> Claim:
    relative = a.relative or b.relative
    if a.stated is None or b.stated is None:
        value = DateValue(None, "range", None, None, None, None, relative)
    else:
        low = a.low or a.stated[0]
        high = b.high or b.stated[1]
        anchor = a.anchor or b.anchor
        value = DateValue((a.stated[0], b.stated[1]), "range", min(low, a.stated[0]),
                          max(high, b.stated[1]), None, anchor, relative)
    return Claim(kind=Kind.DATE, text=ctx.quote(start, end), start=start, end=end,
                 sentence=ctx.sentence_of(start), subject=subject(ctx, start, end), value=value)
