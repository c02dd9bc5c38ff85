"""Date vocabulary: month, weekday, ordinal and number words, and the cue words that decide
whether a word is a date and which occurrence of a year-less date is meant."""
from __future__ import annotations

import re

from reconcile.extract.words import MONTH_NUMBER, QUARTER_NUMBER, WEEKDAY_NUMBER

# ---------------------------------------------------------------------------------------------
# vocabulary

_MONTH_NUMBER = MONTH_NUMBER
_WEEKDAY_NUMBER = WEEKDAY_NUMBER
_ORDINAL_WORDS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh "
                  "twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth "
                  "nineteenth twentieth").split()
_ORDINAL_NUMBER = {word: i + 1 for i, word in enumerate(_ORDINAL_WORDS)}
for _i, _word in enumerate(_ORDINAL_WORDS[:9]):
    _ORDINAL_NUMBER[f"twenty-{_word}"] = 21 + _i
    _ORDINAL_NUMBER[f"twenty {_word}"] = 21 + _i
_ORDINAL_NUMBER.update({"thirtieth": 30, "thirty-first": 31, "thirty first": 31})
_SMALL_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
                  "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
                  "twelve": 12, "a couple of": 2}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
_SMALL_NUMBERS.update({"couple": 2, "couple of": 2, "a couple": 2, "thirteen": 13,
                       "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
                       "eighteen": 18, "nineteen": 19, **_TENS})
_SMALL_NUMBERS.update({f"{tens} {unit}": value + _SMALL_NUMBERS[unit]
                       for tens, value in _TENS.items()
                       for unit in "one two three four five six seven eight nine".split()})
_QUARTER_WORDS = QUARTER_NUMBER
_SEASON_START = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}
_DECADE_WORDS = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
                 "seventies": 70, "eighties": 80, "nineties": 90}

# early/mid/late as fractions of the named period, overlapping by a little so that "mid-May"
# and "May 20" are not called a conflict. Years split into months (brief: early = Jan-Apr,
# mid = May-Aug, late = Sep-Dec); months into days 1-10 / 10-20 / 20-end; other periods
# (decades, quarters, seasons, weeks, ranges) into fractions of their days.
_PARTS = {"early": (0.0, 0.34), "mid": (0.3, 0.7), "late": (0.66, 1.0)}
_YEAR_PARTS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}
_DECADE_PARTS = {"early": (0, 3), "mid": (3, 6), "late": (6, 9)}  # years of the decade
_MONTH_PARTS = {"early": (1, 10), "mid": (10, 20), "late": (20, 31)}
# The part a reader names, `stated` (the overlaps above are only tolerance): thirds without
# overlap, so that "late March" is March 21-31 and "the end of 2000" September-December.
_CORE_PARTS = {"early": (0.0, 1 / 3), "mid": (1 / 3, 2 / 3), "late": (2 / 3, 1.0)}
_CORE_DECADE_PARTS = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}
_CORE_MONTH_PARTS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}

# Tense cues that choose between the past and the future occurrence of a year-less date.
_FUTURE_CUES = frozenset("""will 'll ’ll shall won't won’t scheduled slated due upcoming planned
plans plan expected expects expect going coming next tomorrow intends aims aim until
till""".split())
_PAST_CUES = frozenset("""was were had did said told ago last earlier yesterday since has have
previous past met took began came went held saw made gave fell rose won lost left ran hit struck
sold brought fought spoke wrote became got found kept led paid sent spent stood thought shot
broke drove flew grew knew swore threw wore""".split())
_NOT_PAST_ED = frozenset("scheduled slated planned expected proposed delayed postponed".split())
_CUE_WORD = re.compile(r"[A-Za-z]+(?:['’]ll|n['’]t)?")

# Words before a bare month or season that make it a date ("in May", not "Theresa May").
_MONTH_CUES = frozenset("""in since by until till through throughout during of from to before
after early mid late last next this end beginning start middle around and or between
last this next coming previous""".split())
# The same for "May" and "March", which are also a verb and a name.
_STRICT_MONTH_CUES = frozenset("""in since by until till through throughout during of from before
after early mid late end beginning start middle between""".split())
# Words after "on the 4th" that still leave it a day of the month.
_STOP_AFTER_DAY = frozenset("and or at when after before to in of the".split())
# Words before "in two weeks" that make it a span ("the highest in two weeks").
_DURATION_WORDS = frozenset("first time times most least only once twice ever none".split())
# Words before a 4-digit number that make it an identifier or a count, not a year.
_NOT_YEAR_BEFORE = frozenset("""no number room flight route highway interstate suite unit page
pages model version rank code about around approximately nearly almost some roughly over than
total only just least most""".split())
# Words after a 4-digit number that still read as years ("the 2024 elections").
_YEAR_NOUNS = frozenset("""elections olympics games polls midterms primaries protests riots
floods attacks championships finals playoffs riots wildfires talks negotiations races""".split())
_YEAR_CUES = frozenset("""in since by until till through during of from to before after the
early mid late year years and or between around circa c. until 's""".split())
_DATE_WORDS = (frozenset(_MONTH_NUMBER) | frozenset(_WEEKDAY_NUMBER) | frozenset(_SEASON_START)
               | frozenset("""early mid late last next ago earlier later week weeks month months year
               years today yesterday tomorrow tonight quarter fiscal fy decade century""".split()))
