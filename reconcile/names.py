"""Names spelled differently across the sources of one story ("Raymond Greene" / "Raymond Green").

A misspelt name is a factual error an editor wants to see even though no number is involved.
Within one story, the personal names each source uses are compared: two spellings that differ
in one word by one or two letters, each used by some sources and never by the others, are
reported as variants of one name, with the sources behind each spelling. A difference of
punctuation ("Dunkin' Donuts", "Reba's Bar") or between ordinary words, which the sources also
write in lower case ("Late/Later Tuesday", "Ellis Street/Streets"), is no misspelt name; nor is
one between a place and the word made from it ("Latin America/American"), between British and
American spelling ("Labour/Labor"), or in a phrase that ends in a day, a month or an office
("Record April", "Agriculture Ministry").
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from rapidfuzz.distance import Levenshtein

from reconcile.extract.words import MONTH_NAMES, WEEKDAY_NAMES

# Two or three capitalised words, an initial allowed in the middle: "Raymond Greene",
# "Mary K. Ellis". Sentence-initial capitals are kept; the variant test below is strict.
# ("Ames-Bracken", "Mary-Kate": a hyphen may join two capitalised parts; without one,
# "PlayStation" and "YouTube" are no names)
_FIRST_WORD = r"[A-Z][a-z][a-z'’\-]+(?:(?<=-)[A-Z][a-z'’]+)?"
_NEXT_WORD = r"\s+(?:Mc|Mac|O')?[A-Z][a-z'’\-]{2,}(?:(?<=-)[A-Z][a-z'’]+)?"
_INITIAL_WORD = r"\s+[A-Z]\."
_PHRASE = rf"{_FIRST_WORD}(?:{_INITIAL_WORD})?(?:{_NEXT_WORD}){{1,2}}"
# A run of capitalised words in which a name may follow titles and places ("Oak Ridge Police
# Chief Dana Whitfield", "Fire Chief Mary K. Ellis"): a three-word window would stop at "Dana"
_RUN = rf"{_FIRST_WORD}(?:(?:{_INITIAL_WORD})?{_NEXT_WORD}){{1,5}}"
_NAME = re.compile(rf"\b({_RUN})\b")
_WINDOW = re.compile(rf"\b({_PHRASE})\b")  # a longer run is read three words at a time
# A name right before a figure ("Marcus Whitfield, 32,", "Renata Voss (26)") or right after
# it ("28-year-old Calvin Ostrander")
_NAME_BEFORE = re.compile(rf"\b({_PHRASE})\s*[,(]\s*(?:aged?\s+)?$")
_NAME_AFTER = re.compile(rf"\s+({_PHRASE})\b")
_DAYS_AND_MONTHS = frozenset(name.capitalize() for name in (*WEEKDAY_NAMES, *MONTH_NAMES))
# Words that start capitalised phrases which are not personal names.
NOT_FIRST = _DAYS_AND_MONTHS | frozenset("""
The A An In On At For From With By Of And But Or Police County City State North South East
West Northeast Northwest Southeast Southwest New Saint St Mount Fort Lake Port President
Governor Mayor Senator Judge Officer Sheriff Department University College School Hospital
Street Avenue Road Minister Secretary Chancellor Prime General Gen Dr Mr Mrs Ms Rep
Sen Gov Chief Captain Capt Sgt Lt Detective Deputy Coach Pastor Rev Prof Defence Defense
Foreign Interior Finance Attorney District Assistant Acting Former Superintendent Commissioner
Manager Director Spokesman Spokeswoman Spokesperson Councilman Councilwoman Alderman Trooper
Sergeant Lieutenant Corporal Inspector Commander Marshal Coroner Prosecutor Warden Principal
""".split())
# Words that end capitalised phrases which name institutions, days and the like, not people:
# "Ridgefield County Sheriff's Office", "Lakeview Children's Hospital", "Mother's Day".
NOT_LAST = frozenset("""
Police Sheriff Office Hospital Department County Day Attorney Center Centre Church School
University College Court Prosecutor Coroner Jail Prison Bureau Agency Service Services
Association Company Inc Corp Corporation Group News Times Post Tribune Journal Herald Press
Commission Council Committee Authority District Patrol Division Unit Academy Institute
""".split())
MAX_NAMES_PER_SOURCE = 400


@dataclass(frozen=True, slots=True)
class NameVariant:
    """One name written two ways in one story, with the sources behind each spelling."""

    spellings: tuple[tuple[str, tuple[str, ...]], ...]  # (spelling, source ids), sorted

    def to_dict(self) -> dict[str, Any]:
        return {"spellings": [{"name": name, "sources": list(ids)} for name, ids in self.spellings]}


def names_in(text: str) -> set[str]:
    """The personal-name-like phrases of a text (at most MAX_NAMES_PER_SOURCE of them)."""
    found: set[str] = set()
    for run in _NAME.finditer(text):
        name = _after_titles(run.group(1))
        phrases = [name] if name else [window.group(1) for window in _WINDOW.finditer(run.group(1))]
        for words in filter(None, map(_person, phrases)):
            found.add(" ".join(words))
            if len(found) >= MAX_NAMES_PER_SOURCE:
                return found
    return found


def name_beside(text: str, start: int, end: int) -> str | None:
    """The person named right beside text[start:end] ("Marcus Delane Whitfield, 32" / "28-year-old
    Calvin Ostrander") as "first last" in lower case, or None."""
    match = _NAME_BEFORE.search(text, max(0, start - 80), start) or _NAME_AFTER.match(text, end)
    words = _person(match.group(1)) if match else None
    return f"{words[0]} {words[-1]}".lower() if words else None


def _after_titles(run: str) -> str:
    """The part of a capitalised run after its last title or place word that two or more
    words follow ("Oak Ridge Police Chief | Dana Whitfield"); "Kanye West" keeps its "West".
    Empty when that part is longer than three words: the run is read in windows."""
    words = run.split()
    cut = next((i for i in range(len(words) - 3, -1, -1) if words[i] in NOT_FIRST
                and sum(not _INITIAL.fullmatch(w) for w in words[i + 1:]) >= 2), None)
    if cut is not None:
        words = words[cut + 1:]
    return " ".join(words) if sum(not _INITIAL.fullmatch(w) for w in words) <= 3 else ""


_INITIAL = re.compile(r"[A-Z]\.")


def _person(phrase: str) -> list[str] | None:
    """The words of a capitalised phrase that name a person, or None (an office, a day)."""
    words = re.sub(r"\s+", " ", phrase.replace("’", "'")).split(" ")
    while words and words[0] in NOT_FIRST:  # titles and places before the name
        words.pop(0)
    if words:  # "Owen Halvorsen's car": the name is Owen Halvorsen
        words[-1] = re.sub(r"'s?$", "", words[-1])
    if len(words) < 2 or words[-1].endswith(".") or words[-1] in NOT_LAST:
        return None
    return words


def name_variants(texts: Mapping[str, str]) -> tuple[NameVariant, ...]:
    """Variants among the names of a story's sources (source id -> text), in a stable order."""
    users: dict[str, set[str]] = defaultdict(set)
    for source_id, text in texts.items():
        for name in names_in(text):
            users[name].add(source_id)
    by_shape: dict[tuple[int, str], list[str]] = defaultdict(list)
    for name in users:
        words = name.split(" ")
        # candidates share the word count and at least one word exactly
        for k, word in enumerate(words):
            by_shape[(len(words), f"{k}:{word}")].append(name)
    pairs: set[tuple[str, str]] = set()
    lower: set[str] | None = None  # words the story writes in lower case, read when needed
    for names in by_shape.values():
        if len(names) > 50:  # a very common word ("John"): not a useful key
            continue
        for i, a in enumerate(names):
            for b in names[i + 1:]:
                if not _variant(a, b) or users[a] & users[b] or _no_person(a, b):
                    continue
                if lower is None:
                    lower = {w for text in texts.values() for w in _LOWER_WORD.findall(text)}
                if not _ordinary_words(a, b, lower):
                    pairs.add((min(a, b), max(a, b)))
    return tuple(NameVariant(spellings=tuple((n, tuple(sorted(users[n]))) for n in pair))
                 for pair in sorted(pairs))


def _variant(a: str, b: str) -> bool:
    """True when two names differ in exactly one word, by one or two letters, not in case."""
    wa, wb = a.split(" "), b.split(" ")
    if len(wa) != len(wb) or a.lower() == b.lower():
        return False
    differing = [(x, y) for x, y in zip(wa, wb) if x != y]
    if len(differing) != 1:
        return False
    x, y = differing[0]
    if min(len(x), len(y)) < 4 or x[0].lower() != y[0].lower() and x[1:] != y[1:]:
        return False
    if x.replace("'", "") == y.replace("'", "") or _POSSESSIVE.sub("", x) == _POSSESSIVE.sub("", y):
        return False  # "Dunkin' Donuts", "Bell's Ferry" / "Bells Ferry", "Reba's Bar"
    return 1 <= Levenshtein.distance(x.lower(), y.lower()) <= 2


_POSSESSIVE = re.compile(r"'s?$")
# Last words of capitalised phrases that name no person, though their other words may vary:
# days and months ("Late/Later Tuesday", "Pay/Record April": a payout's dates), offices and
# bodies ("Agriculture Minister/Ministry", "International Coffee Organisation/Organization")
_NO_PERSON_LAST = _DAYS_AND_MONTHS | frozenset("""
Minister Ministry Administration Organisation Organization Party Alliance Exchange Fund
""".split())
# A place and the word made from it ("Latin America/American", "Japan's/Japanese Ministry",
# "Eastern Europe/European", "York Democrat/Democratic"), or one word in British and American
# spelling ("Organisation/Organization", "Labour/Labor"): two forms of one word, no misspelling
_FORM_ENDINGS = ("an", "ian", "ese", "ic")
_AMERICAN = ((re.compile(r"is(e|es|ed|ing|ation|ations)$"), r"iz\1"), (re.compile(r"our$"), "or"))


def _no_person(a: str, b: str) -> bool:
    """Whether two spellings differ in a way no misspelt person's name does (see above)."""
    if a.split(" ")[-1] in _NO_PERSON_LAST or b.split(" ")[-1] in _NO_PERSON_LAST:
        return True
    x, y = (_POSSESSIVE.sub("", word) for word in _differing(a, b))
    short, long_ = sorted((x, y), key=len)
    ending = long_[len(short):] if long_.startswith(short) else None
    if ending in _FORM_ENDINGS or (ending == "n" and short.endswith("a")):
        return True
    for pattern, american in _AMERICAN:
        x, y = pattern.sub(american, x), pattern.sub(american, y)
    return x == y


def _differing(a: str, b: str) -> tuple[str, str]:
    """The one word two spellings of a name differ in (see _variant), in lower case."""
    return next((x.lower(), y.lower()) for x, y in zip(a.split(" "), b.split(" ")) if x != y)


_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z]+\b")


def _ordinary_words(a: str, b: str, lower: set[str]) -> bool:
    """True when the one word two names differ in is an ordinary word both times, as the
    story's own lower-case use shows ("Late/Later Tuesday", "Northeast/Northwest"), or a
    plural of one ("Ellis Street/Streets", "Sport/Sports Page") - not a name misspelt.
    A surname written with an extra s ("Fredericks") stays a variant: no source writes
    "frederick" in lower case."""
    from reconcile.events import STREET_WORDS  # events imports this module through match

    x, y = _differing(a, b)
    if x in lower and y in lower:
        return True
    short, long_ = sorted((x, y), key=len)
    # street types and the like are capitalised in "Ellis and Lamar Streets" and seldom
    # written in lower case elsewhere
    return long_ in (short + "s", short + "es") and (
        short in lower or long_ in lower or short in STREET_WORDS or short in _PLACE_NOUNS)


_PLACE_NOUNS = frozenset({"apartment", "garden", "park", "square"})


def story_name_variants(sources: Iterable[Any], story_sources: Sequence[str]) -> tuple[NameVariant, ...]:
    """Variants among the sources of one story (sources: objects with .id and .text)."""
    wanted = set(story_sources)
    return name_variants({s.id: s.text for s in sources if s.id in wanted})
