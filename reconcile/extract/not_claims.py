"""Numbers that are not claims: names ("737 MAX 9", "COVID-19", "S&P 500", "category 4"),
scores ("a 5-4 vote"), times, phone numbers, street addresses, ordinals, days of the month.

A number wrongly read as a claim is worse than a missed one: it can conflict with a real fact.
So where a number could be part of a name, it is left out.
"""
from __future__ import annotations

import re

from reconcile.extract.context import is_abbreviation
from reconcile.extract.numbers import Number
from reconcile.extract.words import MONTH_NUMBER, STOPWORDS, WEEKDAY_NUMBER, looks_plural
from reconcile.rules import Rules, Unit

MONTHS = list(MONTH_NUMBER)  # with their abbreviations
WEEKDAYS = [day for day in WEEKDAY_NUMBER if day.endswith("day")]  # without theirs
_MONTH_BEFORE = re.compile(r"\b(?:%s)\.?\s*$" % "|".join(MONTHS), re.IGNORECASE)
_LONGEST_MONTH = max(len(m) for m in MONTHS)
_MONTH_AFTER = re.compile(r"(?:st|nd|rd|th)?\s+(?:of\s+)?(?:%s)\b" % "|".join(MONTHS),
                          re.IGNORECASE)
_PHONE = re.compile(r"\(?\b\d{3}\)?[ .\-]\d{3}[.\-]\d{4}\b|\b\d{3}-\d{4}\b")
_STREET = re.compile(r"\s+(?:[NSEW]\.?\s+)?(?:[A-Z][a-z]+\.?\s+){1,3}(?:Street|St|Avenue|Ave|"
                     r"Road|Rd|Boulevard|Blvd|Drive|Dr|Lane|Ln|Way|Court|Ct|Place|Pl|Terrace|"
                     r"Highway|Hwy|Parkway|Pkwy|Circle|Square)\b\.?")
_BLOCK = re.compile(r"(?:\s+|-)bl(?:oc)?k\b", re.IGNORECASE)  # "the 3600 block", "3600 blk", "2300-block"
_WORD_HYPHEN_END = re.compile(r"([A-Za-z]+)-$")
_ORDINAL = re.compile(r"(?:st|nd|rd|th)\b", re.IGNORECASE)
# words glued to a number by a hyphen that do not make it a name ("sub-300", "minus-5")
_HYPHEN_PREFIXES = frozenset("sub minus negative plus".split())
_SENTENCE_START_WORDS = STOPWORDS | frozenset(MONTHS) | frozenset(WEEKDAYS)
_SCORE_AFTER = re.compile(r"[-–](\d+)(?![\d,%]|\.\d)[ \u00a0]?(?P<rest>[A-Za-z]*)")
_SCORE_BEFORE = re.compile(r"(?<![\d.,])\d+[-–]$")
_WORD_AFTER = re.compile(r"\s*([A-Za-z]+)")
_NAME_BEFORE = re.compile(r"([A-Za-z&][\w&.\-]*)[ \u00a0]$")
# "Image 8 of 11", "Photo 3 of 12": where a photo gallery counts its pictures
_PAGER_BEFORE = re.compile(r"\b(?:image|photo|picture|slide)\s+\d+\s+of\s+$", re.IGNORECASE)
# "Dak Prescott (4) celebrates": a small number alone in parentheses after a name
_JERSEY = re.compile(r"[A-Z][a-z]+[ \u00a0]\($")


def not_a_claim(text: str, n: Number, prefix: str, suffix: str,
                unit_match: tuple[Unit, int] | None, rules: Rules) -> bool:
    """Whether a number written in digits is part of a name, score, time, date or address."""
    start, end = n.start, n.end
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    if before in ":#" and before or after == ":" or (
            after == "/" and not n.scaled and end + 1 < len(text) and text[end + 1].isdigit()):
        return True
    if before == "/" and start > 1 and text[start - 2].isdigit():
        return True
    if before == "-" and start > 1 and text[start - 2].isalpha():
        word = _WORD_HYPHEN_END.search(prefix)
        if not word or word.group(1).lower() not in _HYPHEN_PREFIXES:
            return True  # COVID-19, F-35, B-52; but "sub-300 sq m", "minus-5 yards"
    if after.isalpha() and not n.scaled and _ORDINAL.match(suffix):
        return True  # "10th", "3rd"; units and codes glued to digits are matched elsewhere
    if not n.scaled and n.value < 32 and (_month_before(prefix) or
                                          _MONTH_AFTER.match(suffix)):
        return True
    if _BLOCK.match(suffix):
        return True
    if suffix[:1].isspace() and suffix.lstrip()[:1].isupper() and _STREET.match(suffix):
        return True
    if end - start in (3, 4) and _in_phone_number(text, start, end):
        return True  # phone numbers are groups of three and four digits
    if not n.scaled and _is_score(text, n, prefix, suffix, unit_match, rules):
        return True
    if before == "(" and after == ")" and n.value < 100 and _JERSEY.search(prefix):
        return True
    if before == "[" and after == "]":
        return True  # "found at the scene.[14][6]": a reference mark
    if _PAGER_BEFORE.search(prefix):
        return True  # "Image 8 of 11": the size of a photo gallery
    if before == "(" and after == ")" and _spelled_on_keypad(prefix, text[start:end]):
        return True  # "800-222-TIPS (8477)", "text CRIMES (274637)": a phone number's letters
    acronym = _ACRONYM_BEFORE.search(prefix) if n.scaled else None
    if acronym and text[end - 1:end].isupper() and text[end - 2:end - 1].isdigit() \
            and acronym.group(1) not in rules.currency_codes:
        return True  # "TOW 2B missiles": a model's letter after a system's name, not billions
    return _after_name(prefix, n, after, unit_match, rules)


def _month_before(prefix: str) -> bool:
    """"Jan. 5", "May 9": a month name ends the prefix. Speed: the month and its period end
    where the trailing white space starts, so only the last few characters are searched."""
    start = len(prefix.rstrip()) - _LONGEST_MONTH - 1
    return bool(_MONTH_BEFORE.search(prefix, max(0, start)))


def _in_phone_number(text: str, start: int, end: int) -> bool:
    phone = _PHONE.search(text, max(0, start - 6), min(len(text), end + 10))
    return bool(phone and phone.start() <= start < phone.end())


# the letters on a telephone keypad's digit keys
_KEYPAD = {letter: digit for digit, letters in (("2", "ABC"), ("3", "DEF"), ("4", "GHI"),
                                                 ("5", "JKL"), ("6", "MNO"), ("7", "PQRS"),
                                                 ("8", "TUV"), ("9", "WXYZ"))
           for letter in letters}
_CAPITALS_BEFORE = re.compile(r"\b([A-Z]{3,})[ \u00a0]?\($")


def _spelled_on_keypad(prefix: str, digits: str) -> bool:
    """Whether the digits in parentheses are the capitals before them typed on a phone."""
    word = _CAPITALS_BEFORE.search(prefix)
    return bool(word) and "".join(_KEYPAD[ch] for ch in word.group(1)) == digits


def _is_score(text: str, n: Number, prefix: str, suffix: str, unit_match, rules: Rules) -> bool:
    """"a 5-4 vote", "2-2 on aggregate", "ISO 3888-2"; a range counts a noun or has a unit
    ("25-40 people", "5-10W laser", "15-22 miles per hour")."""
    if prefix.rstrip()[-1:] in ("$", "€", "£", "¥"):
        return False  # "$5-10": an amount
    score = _SCORE_AFTER.match(suffix) if suffix[:1] in ("-", "–") else None
    if score and n.value < 10000:
        rest = score.group("rest")
        if not _counts_something(rest, suffix[score.end():], rules):
            return True
    if prefix.endswith(("-", "–")) and _SCORE_BEFORE.search(prefix) and n.value < 10000:
        if unit_match is not None or suffix.lstrip().startswith("%"):
            return False
        rest = _WORD_AFTER.match(suffix)
        return not rest or not _counts_something(rest.group(1), "", rules)
    return False


def _counts_something(word: str, after: str, rules: Rules) -> bool:
    """Whether the word after "N-M" makes the pair a range: a plural noun or a unit."""
    if not word:
        return False
    lower = word.lower()
    if lower in rules.count_nouns_not or lower in STOPWORDS:
        return False
    if looks_plural(word) or lower in rules.scales:
        return True  # "25-40 people", "$5-10 million"
    unit = rules.units.get(word) or (rules.units.get(lower) if len(word) > 3 else None)
    return unit is not None and not after[:1].isalpha()


_ACRONYM_BEFORE = re.compile(r"\b([A-Z]{2,})[ \u00a0]$")


def _after_name(prefix: str, n: Number, after: str, unit_match, rules: Rules) -> bool:
    """A number right after a name is part of the name: "MAX 9", "Model 3", "S&P 500"; a unit
    after the number makes it a measure, even after a name ("Tylenol 500mg")."""
    if n.scaled or not prefix.endswith((" ", "\u00a0")):
        return False
    prev = _NAME_BEFORE.search(prefix, max(0, len(prefix) - 24))
    if not prev:
        return False
    word = prev.group(1)
    if _ends_sentence(word):
        return False  # "shot in Miami. 5 people": the number starts a sentence of its own
    lower = word.lower().rstrip(".")
    measured = unit_match is not None and (unit_match[0].dimension != "time" or after.isalpha())
    if lower in rules.number_names or lower in rules.numeral_names and word[0].isupper():
        return not measured or unit_match[0].dimension == "time"
    code = word.upper()
    if measured or code in rules.currency_codes or code[:1] == "M" and code[1:] in rules.currency_codes:
        return False  # "USD 50", "MUSD 30": a currency, read as money
    return ((word[0].isupper() or any(ch.isupper() for ch in word[1:]))
            and lower not in _SENTENCE_START_WORDS
            and not _sentence_initial(prefix, prev.start(1)))


def _ends_sentence(word: str) -> bool:
    """Whether the period after a word ends its sentence: "Miami.", but not "U.S." or "Mr."."""
    return word.endswith(".") and not is_abbreviation(word)


def _sentence_initial(prefix: str, position: int) -> bool:
    head = prefix[:position].rstrip()
    return not head or head[-1] in ".!?\n\"“;"


# "the One China policy", "adhere to “One China”": a capitalised number word inside a sentence,
# after a lower-case word or an opening quote, that starts a capitalised name
_LOWER_WORD_OR_QUOTE_BEFORE = re.compile(r"(?:\b[a-z][\w’'\-]*\s+|[“\"‘])$")
_CAPITALISED_AFTER = re.compile(r"\s+[A-Z][a-z]")


def spelled_in_name(text: str, n: Number, prefix: str, rules: Rules) -> bool:
    """"the Kick Six win", "BBC One", "category one hurricane", "the One China policy": a
    number word in a name."""
    if text[n.start:n.start + 1].isupper() and _CAPITALISED_AFTER.match(text, n.end) \
            and _LOWER_WORD_OR_QUOTE_BEFORE.search(prefix):
        return True
    if not prefix.endswith((" ", "\u00a0")):
        return False
    prev = _NAME_BEFORE.search(prefix, max(0, len(prefix) - 24))
    if not prev:
        return False
    word = prev.group(1)
    if word.lower().rstrip(".") in rules.number_names:
        return True
    if _ends_sentence(word):
        return False  # "in Miami. Seven people were killed"
    return (text[n.start:n.start + 1].isupper() and word[:1].isupper()
            and word.lower() not in _SENTENCE_START_WORDS
            and not _sentence_initial(prefix, prev.start(1)))
