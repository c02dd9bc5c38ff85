"""Small word helpers shared by the extractors: stop words, singular forms, subjects."""
from __future__ import annotations

import re

STOPWORDS = frozenset("""
a an the of to in on at by for from with about as into over under after before since than
and or but nor so yet if then that this these those which who whom whose what when where why
how is are was were be been being am has have had do does did will would shall should can
could may might must it its it's they them their there here he him his she her we us our
you your i me my mine not no also just only very more most less least some any all each both
other another such own same too up down out off again further once during while until
per via said says say told according new one
behind across beyond along among amid against toward towards onto upon within without around
near inside outside throughout despite except unlike whilst last next ago earlier later
""".split())
# Verbs that often follow a bare number ("About 1000 come from Asia", "aged 25 to 54 grew"):
# a count's noun never is one of them. Forms ending in -ed/-ing are caught by their ending.
COMMON_VERBS = frozenset("""
come comes came go goes went take took make made give gives gave get gets got grow grows grew
rise rose fell see sees saw seem seems become becomes became remain stay live die dies leave
left lose loses lost hold held begin begins began bring brings brought buy bought sell sold pay
pays paid keep kept feel feels felt find found know knows knew led meet met send sent spend
spent stood think thinks thought write wrote drove fly flew shut include includes
built known seen given taken done shown grown born drawn written driven chosen broken spoken
stolen hidden worn torn sworn
""".split())

# Month names and their abbreviations, lower-cased, in calendar order: the full name first
_MONTHS = (("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
           ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
           ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
           ("december", "dec"))
MONTH_NAMES = tuple(names[0] for names in _MONTHS)  # "january" ... "december"
# month name or abbreviation -> the month's number (1-12)
MONTH_NUMBER = {name: number for number, names in enumerate(_MONTHS, start=1) for name in names}
# Weekday names and their abbreviations, lower-cased, from Monday: the full name first
_WEEKDAYS = (("monday", "mon"), ("tuesday", "tue", "tues"), ("wednesday", "wed"),
             ("thursday", "thu", "thur", "thurs"), ("friday", "fri"), ("saturday", "sat"),
             ("sunday", "sun"))
WEEKDAY_NAMES = tuple(names[0] for names in _WEEKDAYS)  # "monday" ... "sunday"
# weekday name or abbreviation -> the day's number (Monday 0, as datetime.date.weekday counts)
WEEKDAY_NUMBER = {name: number for number, names in enumerate(_WEEKDAYS) for name in names}
# Words that name a quarter of a year ("the final quarter", "4th qtr") -> its number (1-4)
QUARTER_NUMBER = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
                  "fourth": 4, "4th": 4, "final": 4, "last": 4}
# Regex alternations of the month names (longest first) and of the ordinals that name a
# quarter ("last quarter" is the one before publication, not the fourth: left out)
MONTH_ALTERNATION = "|".join(sorted(MONTH_NUMBER, key=len, reverse=True))
QUARTER_ORDINALS = "|".join(w for w in QUARTER_NUMBER if w not in ("final", "last"))

# Prepositions that open a place ("of Dunbar", "in Lakewood", "at Tara High School")
PLACE_WORDS = ("in", "of", "at", "from", "near", "on", "to")
# a capitalised word that continues such a place: "of North | Augusta", "of Mt. | Pleasant"
_PLACE_TAIL = re.compile(r"\b(?:%s)[^\S\n]+(?:(?:[A-Z][a-z]{0,2}\.|[A-Z][a-z]+)[^\S\n]+){0,2}\Z"
                         % "|".join(PLACE_WORDS))


def in_place_name(text: str, at: int) -> bool:
    """Whether a capitalised word at text[at] belongs to a place named after a preposition
    ("Jordan Ames of North Augusta": "Augusta" is no person's name)."""
    return _PLACE_TAIL.search(text, max(0, at - 40), at) is not None

IRREGULAR_SINGULAR = {
    "people": "people", "persons": "people", "person": "people", "men": "man",
    "women": "woman", "children": "child", "feet": "foot", "teeth": "tooth", "mice": "mouse",
    "geese": "goose", "police": "police", "staff": "staff", "personnel": "personnel",
    "aircraft": "aircraft", "sheep": "sheep", "fish": "fish", "deer": "deer", "cattle": "cattle",
    "series": "series", "species": "species", "news": "news", "data": "data", "media": "media",
    "crew": "crew", "offspring": "offspring", "americans": "american",
}
IRREGULAR_PLURALS = frozenset(k for k in IRREGULAR_SINGULAR if k not in
                              ("person", "fish", "deer", "series", "species", "news", "crew"))
_NOT_PLURAL_ENDINGS = ("ss", "us", "is", "ous", "ics")
_NOT_MEN_PLURALS = frozenset("abdomen specimen regimen semen stamen acumen".split())
_SIBILANT_PLURALS = ("ches", "shes", "xes", "sses", "zes")
WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['’\-])*")  # a word: letters of any script


def singular(word: str) -> str:
    """The singular of an English noun, by rule ("batteries" -> "battery")."""
    lower = word.lower()
    if lower in IRREGULAR_SINGULAR:
        return IRREGULAR_SINGULAR[lower]
    if len(lower) <= 3 or lower.endswith(_NOT_PLURAL_ENDINGS):
        return lower
    if lower.endswith("men") and len(lower) > 4 and lower not in _NOT_MEN_PLURALS:
        return lower[:-3] + "man"  # fishermen, policemen, chairmen
    if lower.endswith("children"):
        return lower[:-3]  # grandchildren, stepchildren, schoolchildren
    if lower.endswith("uses"):
        return lower[:-2]  # viruses, bonuses, campuses
    if lower.endswith("ies") and len(lower) > 4:
        return lower[:-3] + "y"
    if lower.endswith(_SIBILANT_PLURALS):
        return lower[:-2]
    if lower.endswith("s"):
        return lower[:-1]
    return lower


def looks_plural(word: str) -> bool:
    """True for words that read as plural nouns ("launchers", "people")."""
    lower = word.lower()
    if lower in IRREGULAR_PLURALS:
        return True
    if lower.endswith("men") and len(lower) > 4 and lower not in _NOT_MEN_PLURALS:
        return True
    if lower.endswith("children"):
        return True
    return len(lower) > 3 and lower.endswith("s") and not lower.endswith(_NOT_PLURAL_ENDINGS)


def content_words(text: str) -> list[str]:
    """Lower-case words of a text without stop words."""
    return [w for w in WORD.findall(text.lower()) if len(w) > 1 and w not in STOPWORDS]


# Where a clause ends: "Four people were shot | and two were killed" are two facts.
CLAUSE_BREAK = re.compile(r"[;:()\[\]—–]|,\s|\s(?:and|but|while|whereas|although)\s")


def subject_around(text: str, start: int, end: int, lo: int, hi: int, window: int = 6) -> str:
    """Content words of the claim's clause, within `window` words either side of it."""
    before_text = text[max(lo, start - 120):start]
    breaks = list(CLAUSE_BREAK.finditer(before_text))
    if breaks:
        before_text = before_text[breaks[-1].end():]
    after_text = text[end:min(hi, end + 120)]
    first = CLAUSE_BREAK.search(after_text)
    if first:
        after_text = after_text[:first.start()]
    before = content_words(before_text)[-window:]
    after = content_words(after_text)[:window]
    return " ".join(before + after)
