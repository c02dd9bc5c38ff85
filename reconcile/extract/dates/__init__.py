"""Date claims: locate date expressions with precompiled patterns, then compute their periods.

Every date becomes a period of inclusive ISO days plus the interval its hedge allows
(DESIGN.md section 2). The choices this module makes, so that editors can predict them:

- Dates written without a year ("Feb. 6", "in March", "July 13-15"), holidays, quarters and
  seasons without a year, and bare weekdays ("on Sunday") take the occurrence nearest to
  publication, past or future, unless the sentence says which: the nearest tense word before
  the date (else after it) decides - "will", "scheduled", "due", "next", "upcoming" mean the
  future one, "was", "said", "ago", "last", a past "-ed" verb the past one. An occurrence
  under way at publication ("from Sep to Nov" read on Sep 7) is taken whatever the tense.
  Without a publication date they stay unresolved (`stated` None, `relative` True), never
  resolved against today.
- "last/previous Thursday" is the Thursday of the previous Monday-Sunday week, "next/following
  Friday" the Friday of the next week, "this Friday" the one of the publication week, "coming
  Friday" the first one after publication, "Friday after next" the Friday two weeks on;
  "next week Wednesday" and "Wednesday of last week" name the day of that week. A weekday
  given with a year-less date ("Fri, Jul 18", "Monday 21") picks the nearest year (or month)
  where the two agree.
- Abbreviated weekdays count only where they cannot be words: "Thu", "Fri", "Tue", or with a
  period ("Sat.", "Mon."), or next to a date or a relative word.
- Weeks run Monday to Sunday; "the week of March 3" is the week that holds March 3.
- Fiscal years follow the US federal year: FY2026 = 2025-10-01..2026-09-30.
- Seasons are northern meteorological: spring Mar-May, summer Jun-Aug, fall Sep-Nov, winter
  Dec-Feb ("winter 2024" = 2024-12-01..2025-02-28).
- "early/mid/late", "the end of", "earlier/later this month" state the part they name as a
  range ("late March" = March 21-31); `low`/`high` keep the slightly wider part a claim is
  compatible with (see _PARTS). by/before/after/since keep the named period as `stated`.
- Counted periods ("in two weeks", "three months ago", "the next three months", "the past two
  years", "within a year") are read in _counted; "three days after Easter" in _offset.
- Two dates with a range word between them ("from 10/1 to 11/7", "between Jan 2019 and now")
  become one range (_join). Holidays, including Hebrew and Islamic ones, are in _holidays.
- One impossible date ("February 30, 2025") gives no claim; the scan goes on after it.

Module map: _vocab (words), _patterns (regexes, tried in order at each anchor), _periods
(calendar arithmetic), _absolute / _relative / _counted / _holidays (readers, one per pattern
alternative), _join and _offset (passes over the claims found).
"""
from __future__ import annotations

import datetime as dt
import re

from reconcile.extract.context import Context
from reconcile.extract.dates._absolute import (
    _read_between, _read_century, _read_day, _read_decade, _read_fiscal, _read_from, _read_half,
    _read_iso, _read_iso_week, _read_month_numeric, _read_month_year, _read_num_month,
    _read_numeric, _read_on_numeric, _read_quarter, _read_season, _read_weekof, _read_year,
    _read_year_month)
from reconcile.extract.dates._counted import _read_ago, _read_in_units, _read_next_n
from reconcile.extract.dates._holidays import _read_holiday
from reconcile.extract.dates._join import join_ranges
from reconcile.extract.dates._offset import apply_offsets
from reconcile.extract.dates._patterns import (
    _ALT_NAMES, _ANCHOR, _ANCHOR_LOWER, _BY_FIRST_CHAR, _COUNT_OPENERS, _COUNTED_SPAN,
    _DIGIT_DATE, _DIGIT_UNIT, _JOINERS, _LEAD_WORDS, _NUMBER_LEADS, _NUMBER_NEXT,
    _NUMERIC_DATE_BEFORE, _NUMERIC_DATE_NEXT, _OUTER_BEFORE, _OUTER_HEDGE, _PART_BEFORE,
    _PART_HEDGE, _PASS_WORDS, _SINGLE, _SPACES, _UNIT_ANCHORS, _UNIT_OPENS, _WORD_BACK)
from reconcile.extract.dates._periods import _narrow, _prev_word, _Unresolved
from reconcile.extract.dates._relative import (
    _read_bare_unit, _read_month, _read_month_day, _read_nthday, _read_reldays, _read_relunit,
    _read_rest_of, _read_theweekend, _read_week_weekday, _read_weekday, _read_year_to_date)
from reconcile.extract.dates._vocab import _DATE_WORDS
from reconcile.extract.words import content_words
from reconcile.model import Claim, DateValue, Kind

# ---------------------------------------------------------------------------------------------
# public entry point


def extract_dates(ctx: Context) -> list[Claim]:
    """Every date expression of the body as a DATE claim, in text order."""
    claims: list[Claim] = []
    text = ctx.text
    # Anchors are found case-sensitively in the lower-cased text (three times faster than an
    # IGNORECASE scan); lower() can change the length of a few non-ASCII strings, then not.
    lowered = text.lower()
    anchors, scanned = (_ANCHOR_LOWER, lowered) if len(lowered) == len(text) else (_ANCHOR, text)
    position = 0
    # Speed: the full pattern is only tried where a date word or digit ("anchor") is near,
    # starting from the leading words that may belong to the date ("from the", "in two").
    while (anchor := anchors.search(scanned, position)) is not None:
        try:
            position, claim = _read_at(ctx, anchor, scanned, position)
        except (ValueError, OverflowError, IndexError, KeyError, TypeError):
            # a date the calendar cannot hold ("February 30", year 0) is skipped, not the
            # rest of the article
            position, claim = anchor.end(), None
        if claim is not None:
            claims.append(claim)
    claims = join_ranges(ctx, apply_offsets(ctx, claims, _subject_at), _subject_at)
    return [claim for claim in claims if not _page_stamp(text, claim)]


# A page's own time stamp: a date with a clock time, right after or before "Posted",
# "Updated", "Published" ("Updated 4/9/2007 6:04 PM", "posted at 10:04 am on May 14, 2013",
# "21 July 2013 Last updated at 11:11 GMT"). It tells when the page was written, not a fact
# of the story, and two outlets' stamps would otherwise agree or conflict.
_CLOCK = r"\d{1,2}:\d\d(?::\d\d)?\s*(?:[ap]\.?\s?m\.?)?\s*(?:\(?[A-Z]{2,4}\)?)?"
_STAMP_LABEL = r"\b(?:first\s+|last\s+)?(?:posted|updated|published|modified)(?:\s+time)?"
_STAMP_BEFORE = re.compile(_STAMP_LABEL + r"\s*:?\s*(?:(?:on|at)\s+)?(?:" + _CLOCK
                           + r"\s*,?\s*(?:on\s+)?)?$", re.IGNORECASE)
_CLOCK_AFTER = re.compile(r"\s*[,:]?\s*(?:at\s+|-\s*)?" + _CLOCK, re.IGNORECASE)
_HAS_CLOCK = re.compile(r"\d:\d\d")
_STAMP_AFTER = re.compile(r"\s*,?\s*(?:at\s+|-\s*)?(?:" + _CLOCK + r"\s*[,|]?\s*)?"
                          + _STAMP_LABEL + r"\b", re.IGNORECASE)


def _page_stamp(text: str, claim: Claim) -> bool:
    """Whether a date claim is the page's time stamp (see above): a stamp label right before
    or after it, and a clock time beside the two ("On Monday, updated figures showed" keeps
    its Monday)."""
    before = _STAMP_BEFORE.search(text, max(0, claim.start - 48), claim.start)
    if before is not None and "\n" not in before.group(0):  # a stamp line, not the line above
        return bool(_HAS_CLOCK.search(before.group(0))) or bool(
            _CLOCK_AFTER.match(text, claim.end))
    after = _STAMP_AFTER.match(text, claim.end)
    return after is not None and "\n" not in after.group(0) and (
        bool(_HAS_CLOCK.search(after.group(0))) or bool(_CLOCK_AFTER.match(text, after.end())))


def number_spans(dates: list[Claim]) -> tuple[tuple[int, int], ...]:
    """Spans of date claims whose numbers are not also number claims: day-of-month numbers
    and years are dates, not counts. A counted period ("in 15 years", "the past two weeks")
    also states a duration, so its count stays readable as a quantity."""
    return tuple((c.start, c.end) for c in dates if not _COUNTED_SPAN.fullmatch(c.text))


def _read_at(ctx: Context, anchor: re.Match, scanned: str, position: int):
    """(where to scan on, the claim found at this anchor or None)."""
    text = ctx.text
    if text[anchor.start()].isdigit() and not _DIGIT_DATE.match(text, anchor.start()) \
            and not ((unit := _DIGIT_UNIT.match(text, anchor.start()))
                     and (unit["direction"]
                          or _prev_word(text, anchor.start()) in _COUNT_OPENERS)):
        return anchor.end(), None  # "$15", "3.5%", "200 people": no date starts here
    starts = _starts(text, anchor.start(), position)
    if len(starts) == 1 and anchor.group(0) in _UNIT_ANCHORS \
            and not _UNIT_OPENS.match(scanned, anchor.end()) \
            and not _PART_BEFORE.search(text, max(0, anchor.start() - 40), anchor.start()):
        return anchor.end(), None  # "per year", "5-day": a unit word opens no date alone
    found = None
    for start in starts:
        found = _first_reading(text, start, ctx.published, ctx)
        if found is not None:
            break
    if found is None:
        return anchor.end(), None
    start, end, reading, relative, bounds = found
    position = max(end, anchor.end())
    if reading is None:
        return position, None
    return position, _claim(ctx, start, end, reading, relative, bounds)


def _starts(text: str, anchor: int, floor: int) -> list[int]:
    """Where a date holding the anchor may begin: leading words first, then the anchor."""
    starts = [anchor]
    end = anchor
    for word in reversed(_WORD_BACK.findall(text, max(floor, anchor - 48), anchor)):
        word_end = text.rfind(word, 0, end)
        if word_end < 0 or text[word_end + len(word):end].strip(" ,") or \
                word.lower() not in _LEAD_WORDS or len(starts) > 5:
            break
        lower = word.lower()
        if lower not in _PASS_WORDS and (lower not in _NUMBER_LEADS
                                         or _NUMBER_NEXT.match(text, word_end + len(word))):
            starts.append(word_end)
        end = word_end
    starts.reverse()
    return starts


def _first_reading(text: str, start: int, published: dt.date | None, ctx: Context):
    """The first alternative at this position whose words read as a date, with its span.

    Each alternative is its own pattern, tried in order: one pattern joining them all would
    be slower, since every failed branch restores all of its hundreds of groups."""
    if ctx.skipped(start) or (text[start - 1:start] in _JOINERS and start > 1
                              and text[start - 2].isdigit()
                              and not _NUMERIC_DATE_BEFORE.search(text, max(0, start - 12), start)):
        return None  # "138-2010-2015": part of a phone or serial number
    for pattern, reader in _TRIES.get(text[start:start + 1].lower(), _ALL_TRIES):
        match = pattern.match(text, start)
        if match is None:
            continue
        try:
            reading = reader(match, text, published, ctx)
        except (ValueError, OverflowError):
            # "February 30, 2025" is no date at all: not "February" plus a year either
            return match.start(), match.end(), None, False, None
        if reading is not None:
            period, relative, span, bounds = (*reading, None, None)[:4]
            s, e = span or match.span()
            if text[e:e + 1] in _JOINERS and text[e + 1:e + 2].isdigit() \
                    and not _NUMERIC_DATE_NEXT.match(text, e):
                continue  # "2019-aug-01" is not the range "2019-aug": a longer form may be
            return s, e, period, relative, bounds
    return None


def _claim(ctx: Context, start: int, end: int, period, relative: bool,
           bounds: tuple[dt.date, dt.date] | None) -> Claim | None:
    text = ctx.text
    hedge, part = None, None
    prefix = text[max(0, start - 40):start]
    found = _PART_BEFORE.search(prefix)
    if found:
        part = _PART_HEDGE[(found["pw"] or found["pe"]).lower()]
        start -= len(prefix) - found.start()
        prefix = prefix[:found.start()]
    found = _OUTER_BEFORE.search(prefix)
    if found:
        hedge = _OUTER_HEDGE[_SPACES.sub(" ", found["o"].lower())]
        start -= len(prefix) - found.start()
    anchor = ctx.published.isoformat() if relative and ctx.published else None
    if isinstance(period, _Unresolved):
        granularity = "range" if part and period.granularity != "day" else period.granularity
        value = DateValue(None, granularity, None, None, hedge or part, None, True)
    else:
        first, last, granularity = period
        low, high = bounds or (first, last)
        if part and granularity != "day":
            # "late March" names March 21-31 (stated); it is compatible with March 20-31
            low, high = _narrow(low, high, granularity, part)
            first, last = _narrow(first, last, granularity, part, core=True)
            granularity = "range"
        if hedge == "by":
            low = None
        elif hedge == "before":
            low, high = None, low - dt.timedelta(days=1)
        elif hedge == "after":
            low, high = high + dt.timedelta(days=1), None
        elif hedge == "since":
            high = None
        value = DateValue((first.isoformat(), last.isoformat()), granularity,
                          low.isoformat() if low else None, high.isoformat() if high else None,
                          hedge or part, anchor, relative)
    return ctx.claim(Kind.DATE, start, end, value, _subject_at(ctx, start, end))


def _subject_at(ctx: Context, start: int, end: int) -> str:
    lo, hi = ctx.sentence_span(start)
    return _subject(ctx.text, start, end, lo, hi)


def _subject(text: str, start: int, end: int, lo: int, hi: int) -> str:
    """Content words within six words either side of the date, date words left out."""
    first, last = max(lo, start - 80), min(hi, end + 80)
    # whole words only: a window cut inside "expected" would give "ected"
    while lo < first < start and text[first - 1].isalnum():
        first += 1
    while end < last < hi and text[last].isalnum():
        last -= 1
    before = [w for w in (x.strip("-") for x in content_words(text[first:start]))
              if len(w) > 2 and w not in _DATE_WORDS]
    after = [w for w in (x.strip("-") for x in content_words(text[end:last]))
             if len(w) > 2 and w not in _DATE_WORDS]
    return " ".join(before[-6:] + after[:6])


_READERS = {
    "brange": _read_between, "frange": _read_from, "weekof": _read_weekof, "isod": _read_iso,
    "numd": _read_numeric, "monum": _read_month_numeric, "onnum": _read_on_numeric,
    "dayd": _read_day, "quarter": _read_quarter, "half": _read_half, "fiscal": _read_fiscal,
    "season": _read_season, "monthyear": _read_month_year, "decade": _read_decade,
    "century": _read_century, "reldays": _read_reldays, "ytd": _read_year_to_date,
    "restof": _read_rest_of, "ago": _read_ago, "relunit": _read_relunit,
    "theweekend": _read_theweekend, "holiday": _read_holiday, "nextn": _read_next_n,
    "weekday": _read_weekday, "weekwd": _read_week_weekday, "nthday": _read_nthday,
    "yearmonth": _read_year_month, "nummonth": _read_num_month, "isoweek": _read_iso_week,
    "monthday": _read_month_day, "inunits": _read_in_units, "bareunit": _read_bare_unit,
    "month": _read_month, "year": _read_year,
}
# (pattern, reader) of the alternatives to try for each first character, in order
_TRIES = {c: tuple((_SINGLE[n], _READERS[n]) for n in names) for c, names in _BY_FIRST_CHAR.items()}
_ALL_TRIES = tuple((_SINGLE[n], _READERS[n]) for n in _ALT_NAMES)
