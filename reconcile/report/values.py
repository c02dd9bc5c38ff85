"""Claim values and group consensus as short phrases for people, shared by every report format.

Values arrive as the dicts of the JSON report (`Claim.value.to_dict()`, `Group.consensus`), so the
same code formats a claim and a consensus. Odd or partial dicts give a plainer phrase, never an
error: a report must render whatever the pipeline produced.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from reconcile.model import Claim

UNRESOLVED_DATE = "unresolved (no publication date)"

# Only symbols that name one currency unambiguously; every other code is written out ("CHF 5").
_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "INR": "₹", "KRW": "₩"}

_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))

_HEDGES = {
    "approximately": "about",
    "nearly": "nearly",
    "more_than": "more than",
    "at_least": "at least",
    "less_than": "less than",
    "at_most": "at most",
    "up_to": "up to",
}

# Nouns whose plural is the word itself (counts keep the counted noun as the extractor gave it).
_UNCHANGED_PLURALS = frozenset({
    "people", "police", "personnel", "staff", "aircraft", "sheep", "fish", "deer", "series",
    "species", "troops", "children", "men", "women", "casualties", "civilians", "data",
})
_IRREGULAR_PLURALS = {"person": "people", "man": "men", "woman": "women", "child": "children"}

_DATE_HEDGES_BEFORE = {"by": "by", "before": "before", "after": "after", "since": "since"}
_DATE_PARTS = {"early": "early", "mid": "mid", "late": "late"}


def format_claim_value(claim: Claim) -> str:
    """The value of one claim as a short phrase: "nearly $700 million", "February 2031"."""
    try:
        value = claim.value.to_dict()
    except AttributeError:
        return ""
    return format_value(str(claim.kind), value)


def value_note(claim: Claim) -> str:
    """What a reader needs beside a claim's words: "= $700 million", or who said a quote."""
    value = format_claim_value(claim)
    if str(claim.kind) == "quote":
        speaker = getattr(claim.value, "speaker", None)
        return f"quote by {speaker}" if speaker else "quote, no speaker named"
    if " ".join(claim.text.split()).casefold() == value.casefold():
        return ""
    return f"= {value}"


def format_value(kind: str, value: Mapping[str, Any] | None) -> str:
    """A value dict of the JSON report (a claim's `value` or a group's `consensus`) for people."""
    if not isinstance(value, Mapping):
        return "—"
    kind = str(kind)
    try:
        if kind == "quote":
            return _quote(value)
        if kind == "date":
            return _date(value)
        return _number_value(kind, value)
    except (TypeError, ValueError, OverflowError):
        # a malformed dict from an older or foreign report: show what is there
        return str(value.get("stated", ""))


def _quote(value: Mapping[str, Any]) -> str:
    words = str(value.get("stated") or "")
    speaker = value.get("speaker")
    return f"“{words}” ({speaker})" if speaker else f"“{words}” (no speaker)"


def _number_value(kind: str, value: Mapping[str, Any]) -> str:
    unit = str(value.get("unit") or "")
    stated = value.get("stated")
    if isinstance(stated, (list, tuple)) and len(stated) == 2:
        low, high = float(stated[0]), float(stated[1])
        if kind == "money":
            text = f"{_money(low, unit)}–{_money(high, unit)}"
        elif kind == "percent":
            text = f"{_plain_number(low)}–{_percent(high, unit)}"
        else:
            text = f"{_plain_number(low)}–{_plain_number(high)}{_unit_suffix(kind, unit, high)}"
    elif isinstance(stated, (int, float)) and not isinstance(stated, bool):
        number = float(stated)
        if kind == "money":
            text = _money(number, unit)
        elif kind == "percent":
            text = _percent(number, unit)
        else:
            text = f"{_plain_number(number)}{_unit_suffix(kind, unit, number)}"
    else:
        text = f"{stated} {unit}".strip()
    hedge = value.get("hedge")
    if hedge:
        word = _HEDGES.get(str(hedge), str(hedge).replace("_", " "))
        if word == "less than" and kind == "count":
            word = "fewer than"
        text = f"{word} {text}"
    scope = value.get("scope")
    if scope:
        period = value.get("period")
        text = f"{text} ({scope}: {period})" if period else f"{text} ({scope})"
    return text


def _money(number: float, unit: str) -> str:
    code, _, per = unit.partition("/")
    sign = "-" if number < 0 else ""
    amount = _scaled(abs(number), money=True)
    symbol = _SYMBOLS.get(code)
    text = f"{sign}{symbol}{amount}" if symbol else f"{sign}{code} {amount}".strip()
    return f"{text} per {per}" if per else text


def _percent(number: float, unit: str) -> str:
    if unit == "pp":
        return f"{_plain_number(number)} percentage points"
    return _plain_number(number) + ("%" if unit in ("%", "") else f" {unit}")


def _unit_suffix(kind: str, unit: str, number: float) -> str:
    if not unit:
        return ""
    if kind == "count" and number != 1:
        # the head of a compound is its last word: "60 self-propelled howitzers"
        rest, _, head = unit.rpartition(" ")
        return f" {rest + ' ' if rest else ''}{_plural(head)}"
    if kind == "quantity" and number != 1:
        if re.fullmatch(r"[a-z]+", unit):
            return f" {_plural(unit)}"
        # "68 miles per hour", "67 years of age", "40 square miles"
        head = re.fullmatch(r"([a-z]+)( (?:per|of) [a-z ]+)", unit)
        if head:
            return f" {_plural(head.group(1))}{head.group(2)}"
        head = re.fullmatch(r"((?:square|cubic) )([a-z]+)", unit)
        if head:
            return f" {head.group(1)}{_plural(head.group(2))}"
    return f" {unit}"


def _plural(noun: str) -> str:
    """A simple English plural for display; anything unusual is shown as given."""
    if not re.fullmatch(r"[A-Za-z]+", noun) or noun.lower() in _UNCHANGED_PLURALS:
        return noun
    if noun.lower() in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[noun.lower()]
    if noun.isupper():  # acronyms: "HIMARS", "ATACMS"
        return noun
    if re.search(r"(s|x|z|ch|sh)$", noun):
        return noun + "es"
    if re.search(r"[^aeiou]y$", noun):
        return noun[:-1] + "ies"
    return noun + "s"


def _scaled(number: float, *, money: bool) -> str:
    for size, word in _SCALES:
        if number >= size:
            return f"{_trim(number / size, 3)} {word}"
    if money and not float(number).is_integer():
        return f"{number:,.2f}"
    return _plain_number(number)


def _plain_number(number: float) -> str:
    """12.5 -> "12.5", 30000 -> "30,000", 1500000 -> "1.5 million"."""
    if abs(number) >= 1e6:
        sign = "-" if number < 0 else ""
        return sign + _scaled(abs(number), money=False)
    if float(number).is_integer():
        return f"{int(number):,}"
    return _trim(number, 4, grouping=True)


def _trim(number: float, decimals: int, grouping: bool = False) -> str:
    text = f"{number:,.{decimals}f}" if grouping else f"{number:.{decimals}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _date(value: Mapping[str, Any]) -> str:
    stated = value.get("stated")
    if not stated:
        return UNRESOLVED_DATE
    first, last = str(stated[0]), str(stated[-1])
    period = _period(first, last, str(value.get("granularity") or ""))
    hedge = value.get("hedge")
    if hedge in _DATE_HEDGES_BEFORE:
        period = f"{_DATE_HEDGES_BEFORE[hedge]} {period}"
    elif hedge in _DATE_PARTS:
        # "late November 2025" for a named period; a range of days already is the narrowed part
        if ".." not in period:
            period = f"{_DATE_PARTS[hedge]} {period}"
    elif hedge:
        period = f"{hedge} {period}"
    anchor = value.get("anchor")
    if anchor:
        period = f"{period} (relative to {anchor})"
    return period


def _period(first: str, last: str, granularity: str) -> str:
    """Name a period when it is a whole day, month, quarter, year or decade; else "a..b"."""
    try:
        start, end = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
    except ValueError:
        return first if first == last else f"{first}..{last}"
    if start == end:
        return f"{start.day} {calendar.month_name[start.month]} {start.year}"
    month_end = calendar.monthrange(end.year, end.month)[1]
    if start.day == 1 and end.day == month_end:
        if (start.year, start.month) == (end.year, end.month):
            return f"{calendar.month_name[start.month]} {start.year}"
        if start.year == end.year and start.month == 1 and end.month == 12:
            return str(start.year)
        if start.month == 1 and end.month == 12 and start.year % 10 == 0 \
                and end.year == start.year + 9 and granularity in ("decade", ""):
            return f"the {start.year}s"
        if start.year == end.year and start.month % 3 == 1 and end.month == start.month + 2:
            return f"Q{start.month // 3 + 1} {start.year}"
    return f"{first}..{last}"
