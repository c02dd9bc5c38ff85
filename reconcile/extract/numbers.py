"""Find numbers in text, written in digits or in words, with the precision they were stated at.

This module only locates and reads numbers; deciding what a number counts (money, percent,
quantity, count) happens in `reconcile.extract.quantities`.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from reconcile.extract.fastre import trie_alternation
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
# plural and abbreviated multipliers after number words: "three billions", "three hundred
# crores", "twelve lac" (Indian English writes "lakh" as lac/lkh and "crore" as cr)
MULTIPLIERS.update({"hundreds": 100, "thousands": 1_000, "millions": 1_000_000,
                    "billions": 1_000_000_000, "trillions": 1_000_000_000_000,
                    "lakhs": 100_000, "lac": 100_000, "lacs": 100_000, "lkh": 100_000,
                    "lkhs": 100_000, "crores": 10_000_000, "cr": 10_000_000})
FRACTIONS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
             "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6,
             "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9,
             "tenth": 10, "tenths": 10, "hundredth": 100, "hundredths": 100,
             "thousandth": 1000, "thousandths": 1000, "millionth": 10**6, "millionths": 10**6,
             "billionth": 10**9, "billionths": 10**9, "trillionth": 10**12,
             "trillionths": 10**12}
# Vague plurals: "thousands of people" is stated as the order it names (1,000..10,000); the
# claim's interval starts at two of the unit ("at least a couple of thousand") and is open above.
VAGUE = {"dozens": (12.0, 120.0), "scores": (20.0, 200.0), "hundreds": (100.0, 1000.0),
         "thousands": (1e3, 1e4), "millions": (1e6, 1e7), "billions": (1e9, 1e10),
         "tens of thousands": (1e4, 1e5), "hundreds of thousands": (1e5, 1e6),
         "tens of millions": (1e7, 1e8), "hundreds of millions": (1e8, 1e9),
         "tens of billions": (1e10, 1e11), "hundreds of billions": (1e11, 1e12)}
UNICODE_FRACTIONS = {"½": 0.5, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 0.25, "¾": 0.75, "⅕": 0.2,
                     "⅖": 0.4, "⅗": 0.6, "⅘": 0.8, "⅙": 1 / 6, "⅚": 5 / 6, "⅛": 0.125,
                     "⅜": 0.375, "⅝": 0.625, "⅞": 0.875}

_WORD_ALTERNATION = "|".join(sorted([*UNITS, *TENS, *MULTIPLIERS, "dozens", "dozen", "point",
                                     *[f for f in FRACTIONS]], key=len, reverse=True))
_MULTIPLIER_ALTERNATION = "|".join(sorted([*MULTIPLIERS, "dozens", "dozen"], key=len, reverse=True))
# A run of number words: "twenty-six", "one hundred and six", "three and a fifth"; digits may
# lead when a multiplier word follows them ("4 thousand 3 hundred and 21").
_FIRST_LETTERS = "".join(sorted({w[0] for w in _WORD_ALTERNATION.split("|")} | {"a"} | set("0123456789")))
SPELLED = re.compile(
    rf"(?=[{_FIRST_LETTERS}])\b(?:(?:a|an)\s+|\d+(?:\.\d+)?\s+(?=(?:{_MULTIPLIER_ALTERNATION})\b|point\s+\d))?(?:{_WORD_ALTERNATION})"
    rf"(?:(?:\s*-\s*|\s+and\s+(?:a\s+|an\s+)?|\s+(?:a\s+)?|,\s+)(?:{_WORD_ALTERNATION}|\d+(?:\.\d+)?)\b)*\b",
    re.IGNORECASE)
VAGUE_RE = re.compile(r"(?=[tdshmb])\b(?:(?:tens|hundreds) of (?:thousands|millions|billions)|"
                      r"dozens|scores|hundreds|thousands|millions|billions)\b(?=\s+of\b)",
                      re.IGNORECASE)

# Digits: 1,234,567.89 | 12,34,567.89 (Indian grouping) | 1234.5 | .5 | 1 414 021 100 (space
# groups, at least two of them) | 5, 000 and 100, 000 (a tokenised text's thousands: only
# "000" groups, as "2, 500" may be a list) and decimals ("$1. 29", "6. 1-magnitude", "13. 6
# percent", "4. 6 magnitude", "a 2. 8GHz processor", "1. 5 miles": after a currency sign or
# before a unit, where no sentence ends; not before an age, "... on July 3. 7-year-old Blake
# was", nor before a count's noun, "... on July 3. 7 people were"). Letters may touch
# the digits ("USD3.14", "Rs20"); the classifier decides if they are a code.
DIGITS = re.compile(  # the leading lookahead lets the scan skip non-digit positions fast
    r"(?=[\d.])(?<![\d.,_])(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?"
    r"|\d{1,3}(?:[ \u00a0\u202f]\d{3}){2,}(?![\d,])|\d{1,3}(?:[\u00a0\u202f]\d{3}|[ ]000)(?![\d,.])"
    r"|\d{1,3}(?:, 000)+(?![\d,.])"
    r"|\d+ \. \d+(?= ?(?:%|per))|(?<=[$€£¥])\d{1,3}\. \d{1,2}(?![\d,])"
    r"|\d{1,3}\. \d{1,2}(?=%|(?:bn|m|k)\b|-(?!(?:year|month|week|day)s?-old\b)[a-z]"
    r"|[ ]?(?i:percent|per ?cent|points?|magnitude|quake|earthquake|temblor|million|billion"
    r"|trillion|[gmkt]hz|[gmt]b|miles?|mph|km|kilometres?|kilometers?|metres?|meters?|feet|foot"
    r"|inch(?:es)?|yards?|pounds?|kg|kilograms?|tons?|tonnes?|degrees?|litres?|liters?|gallons?"
    r"|hours?|seconds?)\b)|\d+(?:\.\d+)?|\.\d+)(?![\d])")
# A proper fraction in digits ("1/2 pound", "2 1/4 inches"); dates like "3/4" are taken first
# by the date extractor, and chains such as "5/17/2018" or "24/7" are not fractions.
DIGIT_FRACTION = re.compile(r"(?<![\d/.,])(?:(?P<whole>\d{1,3})[ \u00a0]+)?(?P<num>\d{1,3})\s?[/⁄]\s?"
                            r"(?P<den>\d{1,3})(?![\d/.,])")
# Scientific notation: "1.3e6", "6.23x10^-4", "2.998×10−8", and powers "1.1^23".
SCIENTIFIC = re.compile(r"(?<![\w.^])(?P<mant>\d+(?:\.\d+)?)(?:[eE](?P<exp>[+-]?\d{1,3})|"
                        r"[ \u00a0]?[x×][ \u00a0]?10(?:\^|(?=[−-]))(?P<exp10>[+−-]?\d{1,3})|"
                        r"\^(?P<pow>[+−-]?\d{1,2}))(?![\w^]|\.\d)")
UNICODE_FRACTION = re.compile(r"(?<![\d.,])(?:(?P<whole>\d{1,3})[ \u00a0]?)?(?P<frac>[%s])"
                              % "".join(UNICODE_FRACTIONS))


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


_DIGIT_NOISE = re.compile(r"[,\s\u00a0\u202f]")


def _digits_value(raw: str) -> tuple[float, float, bool] | None:
    """Value, step and roundness of a digit string such as "1,234.50"."""
    clean = raw if raw.isdigit() else _DIGIT_NOISE.sub("", raw)  # also joins tokenised "6 . 2"
    try:
        value = float(clean)
    except ValueError:
        return None
    if not math.isfinite(value) or len(clean) > 300:
        return None  # past what a float holds: no number rather than infinity
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


_MULT_VALUE = {**MULTIPLIERS, "dozen": 12, "dozens": 12}
_RUN_TOKEN = re.compile(r"[A-Za-z]+|\d+(?:\.\d+)?")


def _category(token: str) -> str:
    lower = token.lower()
    if lower in ("a", "an"):
        return "a"
    if lower == "and":
        return "and"
    if lower == "point":
        return "point"
    if lower in MULTIPLIERS or lower in ("dozen", "dozens"):
        return "mult"
    if lower in FRACTIONS:
        return "frac"
    if lower in TENS:
        return "tens"
    return "digit" if lower[0].isdigit() else "unit"


def split_runs(raw: str) -> list[tuple[int, int]]:
    """Split a run of number words into the numbers it holds: "three-nought-four" is three
    numbers, "four thousand three hundred and 21" one; "5 million 30" stops before the 30."""
    tokens = [(m.group(0), m.start(), m.end()) for m in _RUN_TOKEN.finditer(raw)]
    cats = [_category(t[0]) for t in tokens]
    runs: list[tuple[int, int]] = []
    start = 0
    decimals = False
    for i in range(1, len(tokens) + 1):
        if i < len(tokens):
            prev, cur = cats[i - 1], cats[i]
            nxt = cats[i + 1] if i + 1 < len(tokens) else ""
            gap = raw[tokens[i - 1][2]:tokens[i][1]]
            value = UNITS.get(tokens[i][0].lower(), 0)
            if prev == "point":
                decimals = True
            ok = True
            if decimals:
                ok = cur in ("unit", "digit", "tens", "mult")
                decimals = cur != "mult" and ok
            elif "," in gap and prev != "mult":
                ok = False
            elif cur == "and":
                ok = prev in ("mult", "unit", "tens", "digit") and (
                    prev == "mult" or nxt in ("a", "unit", "tens", "digit") and any(
                        c == "frac" for c in cats[i + 1:i + 4]))
            elif cur == "digit":
                ok = prev in ("mult", "and") and (nxt == "mult" or prev == "and" and
                                                   float(tokens[i][0]) < 100)
            elif prev in ("unit", "digit") and cur in ("unit", "tens"):
                ok = False
            elif prev == "tens" and (cur == "tens" or cur == "unit" and value >= 10):
                ok = False
            elif prev == cur == "mult" and tokens[i][0].lower() in MULTIPLIERS and \
                    MULTIPLIERS[tokens[i][0].lower()] <= _MULT_VALUE.get(tokens[i - 1][0].lower(), 12):
                ok = False  # "thousand thousand": two numbers; "hundred thousand", "lakh crore": one
            elif prev == "frac" and cur != "mult" and not (cur == "a" and nxt == "mult"):
                ok = False  # but "half a dozen"
            if ok:
                continue
            end_token = i - 1
            if cats[end_token] == "and":
                end_token -= 1
            runs.append((tokens[start][1], tokens[end_token][2]))
            start = i + 1 if cur == "and" else i
            decimals = False
            if start >= len(tokens):
                break
        else:
            end_token = len(tokens) - 1
            while end_token > start and cats[end_token] in ("and", "a", "point"):
                end_token -= 1
            runs.append((tokens[start][1], tokens[end_token][2]))
    return [r for r in runs if r[1] > r[0]]


def parse_spelled(words: str) -> tuple[float, float, bool] | None:
    """Value, step and roundness of number words: "twenty-six", "three and a fifth"."""
    tokens = [t.lower() for t in _RUN_TOKEN.findall(words)]
    if not tokens:
        return None
    total = 0.0
    current = 0.0
    seen_number = False
    and_added: float | None = None  # the part after the last "and": a fraction's numerator
    a_after_and = False
    last_scale = 0.0
    decimals: str | None = None
    pending_a = False
    step_override: float | None = None
    i = 0
    while i < len(tokens):
        token = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if token in ("a", "an"):
            pending_a = True
            a_after_and = and_added == 0.0
            i += 1
            continue
        if token == "and":
            and_added, a_after_and = 0.0, False
            i += 1
            continue
        if decimals is not None:
            if token in UNITS and UNITS[token] < 10 or _ALL_DIGITS.fullmatch(token):
                decimals += str(UNITS.get(token, token))
                i += 1
                continue
            if token in TENS:
                tens = TENS[token]
                if nxt in UNITS and 0 < UNITS[nxt] < 10:
                    tens += UNITS[nxt]
                    i += 1
                decimals += str(tens)
                i += 1
                continue
            if token in MULTIPLIERS and decimals:
                current += float("0." + decimals)
                step_override = 10.0 ** -len(decimals)
                decimals = None
                continue  # the multiplier scales the whole decimal ("two point two million")
            break
        if token == "point":
            decimals = ""
            i += 1
            continue
        if _PLAIN_NUMBER.fullmatch(token):
            current += float(token)
            seen_number = True
            if and_added is not None:
                and_added += float(token)
        elif token in UNITS or token in TENS:
            value = UNITS.get(token, TENS.get(token, 0))
            current += value
            seen_number = True
            if and_added is not None:
                and_added += value
        elif token in ("dozen", "dozens"):
            current = (current or 1.0) * 12
            seen_number = True
        elif token in MULTIPLIERS:
            factor = MULTIPLIERS[token]
            if not (current or seen_number or pending_a):
                return None
            base = current or 1.0
            if step_override is not None:
                step_override *= factor
            if factor == 100:
                current = base * 100
            elif not current and total and factor > last_scale:
                total *= factor  # "three lakh crore", "three thousand millions"
                last_scale = factor
            else:
                total += base * factor
                current = 0.0
                last_scale = factor
            seen_number = True
            and_added = None
        elif token in FRACTIONS:
            denominator = FRACTIONS[token]
            numerator = (and_added or (1.0 if a_after_and else 0.0)) if and_added is not None else 0.0
            if numerator:
                # "three and a fifth", "twenty and three fifths", "a million and a half"
                rest = current - and_added
                part = numerator / denominator
                if rest == 0.0 and last_scale and nxt not in MULTIPLIERS:
                    total += last_scale * part
                    current = 0.0
                else:
                    current = rest + part
            elif current:
                current = current / denominator  # "three fifths", "a hundred trillionths"
            else:
                current = 1.0 / denominator  # "a third", "one-half"
            seen_number = True
            and_added = None
            step_override = 0.0
        else:
            break
        pending_a = False
        i += 1
    if decimals:
        current += float("0." + decimals)
        step_override = 10.0 ** -min(len(decimals), 300)
    if not seen_number:
        return None
    value = total + current
    if not math.isfinite(value) or abs(value) > 1e300:
        return None  # "10...0 hundred" past what a float holds
    if step_override is not None:
        return value, step_override, False
    whole = int(value) if value == int(value) else None
    if whole is None:
        return value, 0.0, False
    zeros = len(str(whole)) - len(str(whole).rstrip("0")) if whole else 0
    return value, 10.0 ** zeros, zeros > 0


_PLAIN_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_ALL_DIGITS = re.compile(r"\d+")
_WORD_GAPS = re.compile(r"[\s\-]+")
_OF_AFTER = re.compile(r"\s+of\b")
# "4 thousand 3 hundred and 21": digits that lead a run of words, read as words
_WORDS_AFTER_DIGITS = re.compile(r"\s(?:and|[A-Za-z]+\s+(?:[A-Za-z]|\d))")
_INNER_WORD = re.compile(r"\s[A-Za-z]+\s")

_ORDINAL_LEAD = re.compile(r"\b(?:the|first|second|last|next|past|previous|final|those|these|"
                           r"its|their|his|her|our|other)\s+$", re.IGNORECASE)


_HEDGES_BEFORE_SHARE = "than|nearly|almost|about|around|roughly|over|under|some|just|barely|only"
_HALF_LEAD = re.compile(rf"\b(?:{_HEDGES_BEFORE_SHARE})\s+$", re.IGNORECASE)
_HALF_AFTER = re.compile(r"\s+(?:of|the|its|their|his|her|our|a|an)\b", re.IGNORECASE)
# what makes "a third." at a clause's end a share: "cut by a third.", "nearly a fourth."
_FRACTION_LEAD = re.compile(rf"\b(?:by|up\s+to|{_HEDGES_BEFORE_SHARE})\s+$", re.IGNORECASE)
_WORD_BEFORE = re.compile(r"\w\s+$")
_CLAUSE_END = re.compile(r"\s*(?:[.,;:!?)]|$)")


def _fraction_ok(raw: str, text: str, start: int, end: int) -> bool:
    """A fraction word is a number only as "a third of", "two thirds", "one and a half",
    "more than half", "cut by a third.": never as an ordinal ("third quarter", "Fourth of
    July", "a third suspect") or a bare "half" ("half-time", "in half")."""
    words = [w for w in _WORD_GAPS.split(raw.lower().strip()) if w]
    if not words or words[-1] not in FRACTIONS:
        return True
    if len(words) == 1:
        if words[0] != "half" or _ORDINAL_LEAD.search(text, max(0, start - 12), start):
            return False  # "the first half of 2021", "the other half"
        return bool(_HALF_AFTER.match(text, end) or
                    _HALF_LEAD.search(text, max(0, start - 12), start))
    of_after = bool(_OF_AFTER.match(text[end:end + 6]))
    if "and" in words:
        return True
    if _ORDINAL_LEAD.search(text[max(0, start - 12):start]):
        return False  # "the first three quarters", "the past two quarters"
    if words[-2] in ("a", "an", "the") or words[-1].startswith(("quarter", "half", "halves")):
        # "a third suspect", "two quarters" of a year; but "cut by a third."
        if of_after:
            return True
        if words[-2] == "the" or not _CLAUSE_END.match(text, end):
            return False
        # "killed three people and injured a fourth.": a fourth person, not a quarter
        return (len(words) > 2 or words[-2] not in ("a", "an")
                or not _WORD_BEFORE.search(text, max(0, start - 30), start)
                or bool(_FRACTION_LEAD.search(text, max(0, start - 12), start)))
    return True


def _digit_fraction(match: re.Match[str]) -> tuple[float, float] | None:
    numerator, denominator = int(match.group("num")), int(match.group("den"))
    if not 0 < numerator < denominator or denominator > 128:
        return None
    whole = int(match.group("whole")) if match.group("whole") else 0
    return whole + numerator / denominator, 0.0


_NUMBER_WORDS = frozenset(w.lower() for w in _WORD_ALTERNATION.split("|"))
# A number word standing as a whole run of letters in the lower-cased text ("4million" holds
# one): the scan that tells where spelled numbers may start, a prefix tree for speed.
_NUMBER_WORD = re.compile(r"(?<![a-z])(?:" + trie_alternation(_NUMBER_WORDS) + r")(?![a-z])")
# what may lead a run of number words: "a million", "an eighth", "4 thousand", "1 point 5"
_RUN_LEAD = re.compile(r"(?:\b(?:a|an)|\d+(?:\.\d+)?)\s+$", re.IGNORECASE)


def _spelled_runs(text: str, lower: str, number_words: list[re.Match[str]]):
    """The matches of SPELLED in the text, found by trying it only where a number word is:
    a scan of the whole text with an alternation of ~90 words is the costliest step of
    reading numbers, and most sentences hold few number words. `lower` is text.lower() and
    `number_words` the _NUMBER_WORD matches in it."""
    if len(lower) != len(text):  # "İ" lowers to two characters: offsets would drift
        yield from SPELLED.finditer(text)
        return
    end = 0
    for word in number_words:
        if word.start() < end:
            continue
        lead = _RUN_LEAD.search(text, max(end, word.start() - 16), word.start())
        match = SPELLED.match(text, lead.start()) if lead else None
        if match is None or match.end() <= word.start():
            match = SPELLED.match(text, word.start())
        if match is not None:
            end = match.end()
            yield match


_ARTICLE = re.compile(r"an?\s+", re.IGNORECASE)
# "1e6", "x10", "1^2" (written to begin with a character class, which `re` scans for fast)
_SCIENTIFIC_HINT = re.compile(r"[\dx×](?:(?<=\d)[eE][+-]?\d|(?<=[x×])[ \u00a0]?10|(?<=\d)\^)")


def _scientific(match: re.Match[str]) -> tuple[float, float] | None:
    """Value and step of "1.3e6", "6.23x10^-4", "1.1^23"."""
    mantissa = match.group("mant")
    try:
        base = float(mantissa)
        if match.group("pow") is not None:
            return base ** int(match.group("pow").replace("−", "-")), 0.0
        exponent = int((match.group("exp") or match.group("exp10")).replace("−", "-"))
        value = float(f"{mantissa}e{exponent}")  # parsed as written: 6.23e-4, not 6.23 * 1e-4
        decimals = len(mantissa.split(".", 1)[1]) if "." in mantissa else 0
        step = 10.0 ** (exponent - decimals)
    except (ValueError, OverflowError, ZeroDivisionError):
        return None
    return (value, step) if math.isfinite(value) else None


_FRACTION_OF_SCALE = re.compile(r"\s+of\s+a\s+(?P<scale>million|billion|trillion|thousand)\b",
                                re.IGNORECASE)


def find_numbers(text: str, rules: Rules) -> list[Number]:
    """Every number in the text, in digits or words, with any scale word folded in."""
    found: list[Number] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return not any(s < end and start < e for s, e in taken)

    # Speed: one scan for number words tells whether a spelled number or vague plural
    # ("dozens of") may be in the text; most sentences have none, and their scans are skipped.
    lower = text.lower()
    number_words = list(_NUMBER_WORD.finditer(lower))
    if number_words or "scores" in lower:
        for match in VAGUE_RE.finditer(text):
            lo, hi = VAGUE[match.group(0).lower()]
            found.append(Number(match.start(), match.end(), lo, 1.0, True, spelled=True,
                                vague=(lo, hi)))
            taken.append(match.span())
    if "/" in text or "⁄" in text:
        for match in DIGIT_FRACTION.finditer(text):
            parsed = _digit_fraction(match)
            if parsed is not None and free(*match.span()):
                found.append(Number(match.start(), match.end(), parsed[0], parsed[1], False))
                taken.append(match.span())
    if _SCIENTIFIC_HINT.search(text):
        for match in SCIENTIFIC.finditer(text):
            parsed = _scientific(match)
            if parsed is not None and free(*match.span()):
                found.append(Number(match.start(), match.end(), parsed[0], parsed[1], False))
                taken.append(match.span())
    if not text.isascii() and any(ch in text for ch in UNICODE_FRACTIONS):
        for match in UNICODE_FRACTION.finditer(text):
            whole = int(match.group("whole")) if match.group("whole") else 0
            found.append(Number(match.start(), match.end(),
                                whole + UNICODE_FRACTIONS[match.group("frac")], 0.0, False))
            taken.append(match.span())
    spelled = []
    for match in _spelled_runs(text, lower, number_words) if number_words else ():
        raw = match.group(0)
        if raw[0].isdigit() and not _WORDS_AFTER_DIGITS.search(raw):
            continue  # "4 million" alone is digits and a scale word, read below
        for run_start, run_end in split_runs(raw):
            start, end = match.start() + run_start, match.start() + run_end
            words = text[start:end]
            if words[0].isdigit() and not _INNER_WORD.search(words):
                continue
            spelled.append((start, end, words))
    for start, end, words in spelled:
        if words[0].isdigit() and free(start, end):
            parsed = parse_spelled(words)
            if parsed is not None:
                found.append(Number(start, end, *parsed, spelled=True, scaled=True))
                taken.append((start, end))
    earlier = list(taken)  # digit matches never overlap one another: check only what came before
    for match in DIGITS.finditer(text):
        if earlier and any(s < match.end() and match.start() < e for s, e in earlier):
            continue
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
    for start, end, words in spelled:
        if not free(start, end) or not _fraction_ok(words, text, start, end):
            continue
        if words.lower() in ("a", "an"):
            continue
        article = _ARTICLE.match(words)
        if article and _category(words[article.end():].split()[0].split("-")[0]) in ("unit", "tens"):
            start, words = start + article.end(), words[article.end():]  # "a three-bed flat"
        parsed = parse_spelled(words)
        if parsed is None:
            continue
        value, step, is_round = parsed
        scale = _FRACTION_OF_SCALE.match(text, end) if value < 1 else None
        if scale:  # "two thirds of a million"
            factor = MULTIPLIERS[scale.group("scale").lower()]
            value, step, end = value * factor, step * factor, scale.end()
        found.append(Number(start, end, value, step, is_round, spelled=True))
    found.sort(key=lambda n: (n.start, -n.end))
    return found
