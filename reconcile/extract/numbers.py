"""Find numbers in text, written in digits or in words, with the precision they were stated at.

This module only locates and reads numbers; deciding what a number counts (money, percent,
quantity, count) happens in `reconcile.extract.quantities`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from reconcile.rules import Rules

UNITS = {
    "zero": 0, "naught": 0, "nought": 0, "nil": 0, "one": 1, "two": 2, "three": 3, "four": 4,
    "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
    "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
        "seventy": 70, "eighty": 80, "ninety": 90}
MULTIPLIERS = {"hundred": 100, "thousand": 1_000, "million": 1_000_000,
               "billion": 1_000_000_000, "trillion": 1_000_000_000_000,
               "lakh": 100_000, "crore": 10_000_000}
FRACTIONS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
             "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6,
             "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9,
             "tenth": 10, "tenths": 10}
# Vague plurals: "dozens of people" is 24..120 or so; stated as a range of their order.
VAGUE = {"dozens": (24.0, 120.0), "scores": (40.0, 200.0), "hundreds": (200.0, 1000.0),
         "thousands": (2000.0, 10000.0), "millions": (2e6, 1e7), "billions": (2e9, 1e10),
         "tens of thousands": (20000.0, 100000.0), "hundreds of thousands": (200000.0, 1e6)}

_WORD_ALTERNATION = "|".join(sorted([*UNITS, *TENS, *MULTIPLIERS, "dozen", "point",
                                     *[f for f in FRACTIONS]], key=len, reverse=True))
# A run of number words: "twenty-six", "one hundred and six", "three and a fifth".
SPELLED = re.compile(
    rf"\b(?:(?:a|an)\s+)?(?:{_WORD_ALTERNATION})"
    rf"(?:(?:\s*-\s*|\s+and\s+(?:a\s+)?|\s+(?:a\s+)?|,\s+)(?:{_WORD_ALTERNATION}|\d+(?:\.\d+)?)\b)*\b",
    re.IGNORECASE)
VAGUE_RE = re.compile(r"\b(?:tens of thousands|hundreds of thousands|dozens|scores|hundreds|"
                      r"thousands|millions|billions)\b(?=\s+of\b)", re.IGNORECASE)

# Digits: 1,234,567.89 | 1234.5 | .5 | 1 414 021 100 (space groups, at least two of them)
# Letters may touch the digits ("USD3.14", "Rs20"); the classifier decides if they are a code.
DIGITS = re.compile(
    r"(?<![\d.,_])(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u00a0\u202f]\d{3}){2,}(?![\d,])"
    r"|\d+ \. \d+(?= ?(?:%|per))|\d+(?:\.\d+)?|\.\d+)(?![\d])")


@dataclass(frozen=True, slots=True)
class Number:
    """A number found in the text: its value and how precisely it was written."""

    start: int
    end: int
    value: float
    step: float  # the place value of the last digit written, after scaling (698.9 million: 1e5)
    round: bool  # written with trailing zeros, so the real rounding is unknown
    spelled: bool = False
    scaled: bool = False
    vague: tuple[float, float] | None = None  # "dozens of": a range, not a point


def _digits_value(raw: str) -> tuple[float, float, bool] | None:
    """Value, step and roundness of a digit string such as "1,234.50"."""
    clean = re.sub(r"[,\s\u00a0\u202f]", "", raw)  # also joins tokenised "6 . 2"
    try:
        value = float(clean)
    except ValueError:
        return None
    if "." in clean:
        decimals = len(clean.split(".", 1)[1])
        return value, 10.0 ** -decimals, False
    stripped = clean.lstrip("0") or "0"
    zeros = len(stripped) - len(stripped.rstrip("0")) if stripped != "0" else 0
    # one significant digit ("$1 billion", "2 million") is as round as trailing zeros
    single = len(stripped.rstrip("0")) == 1
    return value, 10.0 ** zeros, zeros > 0 or single


@lru_cache(maxsize=8)
def _scale_pattern(rules: Rules) -> re.Pattern[str]:
    words = sorted(rules.scales, key=len, reverse=True)
    glued = "|".join(re.escape(w) for w in words if w not in rules.scales_spaced_only)
    spaced = "|".join(re.escape(w) for w in words if len(w) > 1)
    return re.compile(rf"(?:(?P<glued>{glued})|[ \u00a0]?-?[ \u00a0]?(?P<spaced>{spaced}))"
                      r"(?![A-Za-z0-9])", re.IGNORECASE)


def scale_after(text: str, end: int, rules: Rules) -> tuple[int, float] | None:
    """A scale word right after a number ("million", "bn", "m"): its end and multiplier."""
    found = _scale_pattern(rules).match(text, end)
    if not found:
        return None
    word = (found.group("glued") or found.group("spaced")).lower()
    # "m" and "b" glued to the digits only ("$950m"); "5 m" is metres, not millions
    if found.group("glued") and len(word) == 1 and found.start() != end:
        return None
    return found.end(), rules.scales[word]


def parse_spelled(words: str) -> tuple[float, float, bool] | None:
    """Value, step and roundness of number words: "twenty-six", "three and a fifth"."""
    tokens = [t for t in re.split(r"[\s,\-]+", words.lower()) if t and t != "and"]
    if not tokens:
        return None
    total = 0.0
    current = 0.0
    seen_number = False
    fraction_of: float | None = None
    decimals: str | None = None
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token in ("a", "an"):
            current = current or 0.0
            fraction_of = 1.0
            i += 1
            continue
        if decimals is not None:
            if token in UNITS and UNITS[token] < 10:
                decimals += str(UNITS[token])
                i += 1
                continue
            if re.fullmatch(r"\d+", token):
                decimals += token
                i += 1
                continue
            break
        if token == "point":
            decimals = ""
            i += 1
            continue
        if re.fullmatch(r"\d+(?:\.\d+)?", token):
            current += float(token)
            seen_number = True
        elif token in UNITS:
            current += UNITS[token]
            seen_number = True
        elif token in TENS:
            current += TENS[token]
            seen_number = True
        elif token == "dozen":
            current = (current or 1.0) * 12
            seen_number = True
        elif token in MULTIPLIERS:
            factor = MULTIPLIERS[token]
            base = current or (1.0 if (seen_number or fraction_of) else 0.0)
            if not base and not seen_number and fraction_of is None:
                return None
            base = base or 1.0
            if factor == 100:
                current = base * 100
            else:
                total += base * factor
                current = 0.0
            seen_number = True
        elif token in FRACTIONS:
            denominator = FRACTIONS[token]
            numerator = current if (current and fraction_of is None and not total) else 1.0
            if current and fraction_of is None and not total:
                # "three fifths" -> 3/5
                current = numerator / denominator
            elif fraction_of is not None and (total or current):
                # "three and a fifth" -> 3 + 1/5 (previous whole number kept)
                current += 1.0 / denominator
            else:
                current = 1.0 / denominator
            fraction_of = None
            seen_number = True
        else:
            break
        fraction_of = None if token not in ("a", "an") else fraction_of
        i += 1
    if not seen_number:
        return None
    value = total + current
    if decimals:
        value += float("0." + decimals)
        return value, 10.0 ** -len(decimals), False
    whole = int(value) if value == int(value) else None
    if whole is None:
        return value, 0.0, False
    zeros = len(str(whole)) - len(str(whole).rstrip("0")) if whole else 0
    return value, 10.0 ** zeros, zeros > 0


def _fraction_ok(raw: str, text: str, end: int) -> bool:
    """A fraction word is a number only as "a third of", "two thirds", "one-third of":
    never as an ordinal ("third quarter", "Fourth of July") or a bare "half"."""
    words = re.split(r"[\s\-]+", raw.lower().strip())
    if words[-1] not in FRACTIONS:
        return True
    if len(words) == 1:
        return False
    after = text[end:end + 12].lower()
    return bool(re.match(r"\s+of\b", after)) and words[-2] not in ("the",)


def find_numbers(text: str, rules: Rules) -> list[Number]:
    """Every number in the text, in digits or words, with any scale word folded in."""
    found: list[Number] = []
    taken: list[tuple[int, int]] = []
    for match in VAGUE_RE.finditer(text):
        lo, hi = VAGUE[match.group(0).lower()]
        found.append(Number(match.start(), match.end(), lo, 1.0, True, spelled=True,
                            vague=(lo, hi)))
        taken.append(match.span())
    for match in DIGITS.finditer(text):
        parsed = _digits_value(match.group(0))
        if parsed is None:
            continue
        value, step, is_round = parsed
        end = match.end()
        scaled = False
        scale = scale_after(text, end, rules)
        if scale:
            end, factor = scale
            value, step, scaled = value * factor, step * factor, True
        found.append(Number(match.start(), end, value, step, is_round, scaled=scaled))
        taken.append((match.start(), end))
    for match in SPELLED.finditer(text):
        start, end = match.span()
        if any(s < end and start < e for s, e in taken):
            continue
        raw = match.group(0)
        if not _fraction_ok(raw, text, end):
            continue
        parsed = parse_spelled(raw)
        if parsed is None:
            continue
        value, step, is_round = parsed
        found.append(Number(start, end, value, step, is_round, spelled=True))
    found.sort(key=lambda n: (n.start, -n.end))
    return found
