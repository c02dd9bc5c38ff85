"""Event attributes of an article: the days it says things happened, the streets it names,
the figures it states.

Words tell two articles' topic; they do not tell two shootings in one city apart, nor join a
follow-up written weeks later in other words. The day an article says the event happened
("on Saturday night", resolved against its publication date by the date extractor) and the
street it happened on do both. reconcile.cluster turns these into a bonus when two articles
share them and a penalty when both state them and share none.

Nor do words tell apart two events of one template: the quarterly results of two companies
("Shr 12 cts vs 10 cts / Net ... / Revs ..."), a central bank's money-market help on two days.
Their figures do: two reports of one event state some of the same figures, two events of one
template state their own. So are the comparable claims of two articles (Figures), and the
numbers written in their openings (Numbers).
"""
from __future__ import annotations

import datetime as dt
import functools
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from reconcile.extract.context import parse_published as _date
from reconcile.extract.words import (MONTH_ALTERNATION, MONTH_NAMES, MONTH_NUMBER, QUARTER_NUMBER,
                                    QUARTER_ORDINALS)
from reconcile.match import block_key
from reconcile.model import NUMERIC_KINDS, Claim, Kind, NumberValue, Source

# Street names are looked for in the opening, where local news places the event; deeper in
# a page come related stories and other incidents.
PLACE_CHARS = 3000
# A street type word is ambiguous after some capitalised words ("Superior Court", "Dr. Ruth"),
# so the rules list only types that name streets; these are the defaults.
STREET_WORDS = ("street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "drive",
                "lane", "ln", "way", "place", "parkway", "pkwy", "highway", "hwy", "circle",
                "terrace", "trail", "pike")
# Numbers are read from the title and this much of the opening, where a template puts the
# figures that identify its event (the amount, the results) and before the notes and tables
# that follow. An article needs this many distinct numbers there for them to tell its event
# from another, and two articles whose numbers are less alike than NUMBERS_ALIKE (IDF-weighted
# cosine: shared distinctive figures weigh much, a shared "1987" or "two" little) state
# different figures. On the candidate pairs of gun_violence (training incidents) and ECB+,
# 13-14% of same-event pairs with enough numbers fall below 0.1, against 59-70% of
# different-event pairs and 67% of the story pairs Reuters-21578 had.
NUMBER_CHARS = 1500
MIN_NUMBERS = 3
NUMBERS_ALIKE = 0.1
# A number not glued to a word or a decimal point before it, and a thousands separator. Each
# pattern opens with what it matches (a digit, a comma) and looks behind only after it, so
# the search skips ahead to candidates instead of trying a look-behind at every position
# (the same matches as "(?<![\w.])\d+..." and "(?<=\d),...": 35-70% less time).
_NUMBER = re.compile(r"\d(?<![\w.]\d)\d*(?:[.,/-]\d+)*")
_THOUSANDS = re.compile(r",(?<=\d,)(?=\d\d\d(?!\d))")


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


@dataclass(frozen=True, slots=True)
class Figures:
    """The figures an article's opening states, by the block claim matching compares them in
    (kind and unit: a count of killed, money in USD), as (low, high) intervals."""

    blocks: Mapping[tuple[str, str], tuple[tuple[float, float], ...]]

    def disagree(self, other: Figures, several: int) -> bool:
        """True when two articles' figures disagree on `several` or more and agree on none:
        two events of one template, not two reports of one event.

        Only the blocks both articles state figures in count. Two figures agree when their
        intervals overlap; the disagreements are the fewer of the two articles' figures in
        those blocks, so that a long article's many figures do not count against a short
        one's few."""
        first = second = 0
        for key in self.blocks.keys() & other.blocks.keys():
            mine, theirs = self.blocks[key], other.blocks[key]
            for low, high in mine:
                for other_low, other_high in theirs:
                    if low <= other_high and other_low <= high:
                        return False
            first += len(mine)
            second += len(theirs)
        return min(first, second) >= several


def figures(claims: Iterable[Claim], chars: int) -> Figures:
    """The figures of the numeric claims that start within an article's first `chars`
    characters; a bare number ('12', no unit) is not compared, as in claim matching."""
    blocks: dict[tuple[str, str], set[tuple[float, float]]] = {}
    for claim in claims:
        if claim.start > chars or claim.kind not in NUMERIC_KINDS:
            continue
        key = block_key(claim)
        if key is not None and isinstance(claim.value, NumberValue):
            blocks.setdefault(key, set()).add(_bounds(claim.value))
    return Figures({key: tuple(sorted(found)) for key, found in sorted(blocks.items())})


def _bounds(value: NumberValue) -> tuple[float, float]:
    """The values a figure is compatible with; an open side ("at least five") is unbounded,
    so that it agrees with any figure beyond its bound (as in claim matching)."""
    stated = value.stated
    low, high = stated if isinstance(stated, tuple) else (stated, stated)
    if value.low is not None or value.high is not None:
        low = value.low if value.low is not None else -math.inf
        high = value.high if value.high is not None else math.inf
    return low, high


@dataclass(frozen=True, slots=True)
class Numbers:
    """The numbers written in an article's title and opening, as IDF weights of unit length:
    a number few articles write ('437', '1543000') weighs more than one many do ('1987')."""

    weights: Mapping[str, float]

    def counted(self) -> bool:
        """True when the article writes enough numbers to tell its figures from another's."""
        return len(self.weights) >= MIN_NUMBERS

    def differ(self, other: Numbers) -> bool:
        """True when both articles write enough numbers and they are not alike: different
        figures. Bare numbers count too: a results table's figures carry no unit."""
        if not (self.counted() and other.counted()):
            return False
        shared = self.weights.keys() & other.weights.keys()
        return sum(self.weights[n] * other.weights[n] for n in shared) < NUMBERS_ALIKE


def numbers_in(source: Source, chars: int = NUMBER_CHARS) -> frozenset[str]:
    """The numbers of an article's title and first `chars` characters, thousands separators
    dropped ('1,543,000' -> '1543000')."""
    text = _THOUSANDS.sub("", f"{source.title or ''}\n{source.text[:chars]}")
    return frozenset(_NUMBER.findall(text))


# The period a title names: "U.S. HOUSING STARTS FELL 2.7 PCT IN MAY", "SALES ROSE IN
# FEBRUARY", "TECH DATA <TECD> 4TH QTR ENDS JAN 31 NET". A month counts after a word that
# dates ("in", "for", "ended"...) or before a day, as titles in capitals write "MAY" the verb
# too. A month's full name other than May also counts before the noun it dates ("FEBRUARY
# SALES RISE", "MARCH LOAD FACTOR FALLS"), but not before a word that makes it a verb or a
# name's part ("Thousands March on City Hall", "March to the Sea"). A quarter is an ordinal
# before "qtr" or "quarter".
_FULL_MONTHS = "|".join(name for name in MONTH_NAMES if name != "may")
_TITLE_MONTH = re.compile(
    rf"\b(?:in|for|of|ends|ended|ending|through|since|during)\s+({MONTH_ALTERNATION})\b\.?"
    rf"|\b({MONTH_ALTERNATION})\.?\s+\d{{1,2}}\b"
    rf"|\b({_FULL_MONTHS})\s+(?!(?:on|to|in|into|for|from|against|through|with|at|by|the|a|an|"
    rf"and|or|of|past|toward|towards|across|around|madness)\b)(?=[a-z])", re.IGNORECASE)
_TITLE_QUARTER = re.compile(rf"\b({QUARTER_ORDINALS})\s+(?:qtr|quarter)\b", re.IGNORECASE)


def title_periods(title: str | None) -> frozenset[tuple[str, int]]:
    """The months and quarters a title names, as ("month", 1-12) and ("quarter", 1-4)."""
    found: set[tuple[str, int]] = set()
    for match in _TITLE_MONTH.finditer(title or ""):
        name = match.group(1) or match.group(2) or match.group(3)
        found.add(("month", MONTH_NUMBER[name.lower()]))
    for match in _TITLE_QUARTER.finditer(title or ""):
        found.add(("quarter", QUARTER_NUMBER[match.group(1).lower()]))
    return frozenset(found)


# A company's stock ticker in a title: a wire's "<LOR>" or "<FFED.O>", "(NYSE: LOR)"; or the
# name the wire marks in its place when the company is not listed: "<DOUGLAS COMPUTER INC>"
_TITLE_TICKER = re.compile(r"<([A-Z][A-Z0-9&]{0,9})(?:\.[A-Z]{1,2})?>"
                           r"|\((?:NYSE|NASDAQ|Nasdaq|AMEX|LSE|TSX|ASX)\s*:\s*([A-Z][A-Z0-9]{0,9})"
                           r"(?:\.[A-Z]{1,2})?\)"
                           r"|<([A-Z][A-Z0-9&'.,-]*(?: [A-Z0-9&'.,/-]+){1,6})>")
# the words of a marked name that any company's may end with
_COMPANY_SUFFIXES = frozenset("INC INC. CORP CORP. CO CO. LTD LTD. PLC LLC LP AG SA NV BV".split())


def title_tickers(title: str | None) -> frozenset[str]:
    """The stock tickers a title names, without their exchange suffix ("<FFED.O>" -> FFED), and
    the names of companies marked in their place ("<DOUGLAS COMPUTER INC>" -> "DOUGLAS
    COMPUTER")."""
    found = set()
    for match in _TITLE_TICKER.finditer(title or ""):
        if match.group(3):
            found.add(_company_name(match.group(3)))
        else:
            found.add(match.group(1) or match.group(2))
            if match.start() > 0:
                # "ROYAL GOLD AND SILVER CORP <RGS.TO>": the name before the ticker is the
                # company's too, as another title may mark it ("<ROYAL GOLD AND SILVER CORP>")
                found.add(_company_name(title[:match.start()]))
    return frozenset(found)


def _company_name(text: str) -> str:
    words = [w.strip(",") for w in text.split()]
    while len(words) > 1 and words[-1] in _COMPANY_SUFFIXES:
        words.pop()
    return " ".join(words)


# A title's headline figure: a number with a unit of money, share or goods ("FORECAST AT 700
# MLN STG", "RISES 9.0 PCT", "$1.2 billion deal", "BUYS 340,000 TONNES"); not a count of
# people or things, which a later report of the same event may raise ("2 killed" / "3 dead").
_TITLE_FIGURE = re.compile(
    r"(?:[$£€]\s?)(\d[\d,]*(?:\.\d+)?)"
    r"|(?<![\w.])(\d[\d,]*(?:\.\d+)?)(?:\s*%|\s+(?:pct|percent|per\s+cent|mln|million|bln|"
    r"billion|trillion|dlrs?|dollars?|cts|cents|stg|yen|marks|francs|tonnes|tons|barrels|bpd|"
    r"ounces|bushels)\b)", re.IGNORECASE)


def title_figures(title: str | None) -> frozenset[float]:
    """The headline figures a title states, as numbers ("700 MLN STG" -> 700.0)."""
    found = set()
    for match in _TITLE_FIGURE.finditer(title or ""):
        found.add(float((match.group(1) or match.group(2)).replace(",", "")))
    return frozenset(found)


@functools.lru_cache(maxsize=8)
def country_pattern(countries: tuple[str, ...]) -> tuple[re.Pattern[str], dict[str, str]] | None:
    """A pattern for the countries of matching.yaml's story_countries, each entry its names
    split by "/" ("Japan/Japanese"), and the map of each name, lower-cased, to its entry's
    first name. None for no countries. Compiled once per list."""
    canonical: dict[str, str] = {}
    for entry in countries:
        names = [name.strip() for name in entry.split("/") if name.strip()]
        for name in names:
            canonical.setdefault(name.lower(), names[0].lower())
    if not canonical:
        return None
    alternation = "|".join(re.escape(name).replace(r"\ ", r"\s+")
                           for name in sorted(canonical, key=lambda n: (-len(n), n)))
    # not inside a word or a longer name: "New Mexico", "U.S.A." are no "Mexico", "U.S."
    return (re.compile(rf"(?<![\w.])(?<!New\s)(?:{alternation})(?![\w-]|\.\w)", re.IGNORECASE),
            canonical)


def title_countries(title: str | None,
                    pattern: tuple[re.Pattern[str], dict[str, str]] | None) -> frozenset[str]:
    """The countries a title names, by their first name in story_countries."""
    if pattern is None or not title:
        return frozenset()
    regex, canonical = pattern
    return frozenset(canonical[re.sub(r"\s+", " ", m.group(0)).lower()]
                     for m in regex.finditer(title))


def other_figures(first: frozenset[float], second: frozenset[float]) -> bool:
    """True when two titles state headline figures and none in common."""
    return bool(first and second) and first.isdisjoint(second)


def other_countries(first: frozenset[str], second: frozenset[str]) -> bool:
    """True when each of two titles names a country the other does not: "JAPAN BUYS U.S.
    MAIZE" / "TAIWAN BUYS U.S. MAIZE" are two buyers, but "JAPAN GDP RISES" and "U.S. PRESSES
    JAPAN" may be one story."""
    return bool(first - second) and bool(second - first)


def other_tickers(first: frozenset[str], second: frozenset[str]) -> bool:
    """True when two titles name tickers and none in common; a class of a company's shares,
    one letter more, is the company ("KDNY" / "KDNYP")."""
    return bool(first and second) and not any(_one_company(a, b) for a in first for b in second)


def _one_company(a: str, b: str) -> bool:
    short, long = sorted((a, b), key=len)
    return short == long or len(short) >= 3 and len(long) == len(short) + 1 and long.startswith(short)


# "in the week ended February 22", "for the two weeks ending March 4": the week a weekly
# report is of
_WEEK_ENDED = re.compile(rf"\bweeks?\s+(?:ended|ending)\s+(?:[a-z]+day,?\s+)?"
                         rf"({MONTH_ALTERNATION})\.?\s+(\d{{1,2}})\b", re.IGNORECASE)


def week_periods(lead: str) -> frozenset[tuple[str, int]]:
    """The weeks an article's opening says it reports on, by their last day, as ("week",
    month * 100 + day): one weekly series' reports of two weeks name two."""
    return frozenset(("week", MONTH_NUMBER[m.group(1).lower()] * 100 + int(m.group(2)))
                     for m in _WEEK_ENDED.finditer(lead))


def other_periods(first: frozenset[tuple[str, int]], second: frozenset[tuple[str, int]]) -> bool:
    """True when two articles name periods of one kind and none in common: the figures of
    February against those of May, a first quarter against a fourth, the week ended February
    22 against the week ended March 1."""
    for kind in ("month", "quarter", "week"):
        a = {n for k, n in first if k == kind}
        b = {n for k, n in second if k == kind}
        if a and b and a.isdisjoint(b):
            return True
    return False


def number_profiles(sources: Sequence[Source], chars: int = NUMBER_CHARS) -> list[Numbers]:
    """Numbers of every source, weighted by how few of these sources write them (smooth
    IDF, as scikit-learn's)."""
    found = [numbers_in(source, chars) for source in sources]
    counts = Counter(number for numbers in found for number in numbers)
    total = len(sources)
    profiles = []
    for numbers in found:
        weights = {n: math.log((1 + total) / (1 + counts[n])) + 1.0 for n in sorted(numbers)}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        profiles.append(Numbers({n: w / norm for n, w in weights.items()}))
    return profiles
