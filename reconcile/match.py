"""Claims of one story -> groups: the same fact as stated by different sources.

Candidate pairs share a block (kind and unit; the counted noun's head word for counts, one block
for all the nouns of several victims; the speaker for quotes), so the cost follows the number
of candidate pairs, not all pairs of claims. A pair's score combines the similarity of the
words around the two claims (their subjects, compared with rapidfuzz) with how close their
values are. Groups grow by average linkage, and two different facts of one source never share
a group.

Some figures are facts about one thing whatever the words around them say, and some are never
one fact however alike their words: an age belongs to the person named beside it; a count of
people killed and one of people wounded are two facts; "three of the victims" and "one of the
victims" are two parts of a group, not two counts of it; figures given for two periods ("in
January" / "in February") and counts of two charges ("attempted murder" / "murder") or against
two defendants are two facts; a toll that counts the attacker ("killed two people and himself")
joins only plain tolls of its own value.
"""
from __future__ import annotations

import datetime
import functools
import itertools
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reconcile.extract.predicate import CHARGE
from reconcile.extract.scope import attacker_scope
from reconcile.extract.words import (MONTH_ALTERNATION, MONTH_NUMBER, QUARTER_NUMBER,
                                    QUARTER_ORDINALS, WEEKDAY_NUMBER, in_place_name)
from reconcile.model import PART_OF_A_GROUP, Claim, DateValue, Kind, NumberValue, QuoteValue
from reconcile.names import NOT_FIRST, NOT_LAST, name_beside


@dataclass(frozen=True, slots=True)
class MatchSettings:
    """Thresholds of claim matching (from rules/matching.yaml)."""

    subject_similarity: float = 40.0  # 0-100: subjects this alike may state the same fact
    pair_score: float = 0.55          # 0-1: a pair joins a group at this score
    count_floor: float = 10.0         # relative gaps of small counts are taken against this
    nearest_subject: float = 25.0     # 0-100: subject floor for two sources' mutually nearest values
    nearest_closeness: float = 0.75   # 0-1: how close mutually nearest values must be
    # what became of counted people, by the words of a count's predicate (casualties.yaml
    # toll_words): "two people were killed" and "two people were wounded" are two facts
    outcomes: tuple[tuple[str, frozenset[str]], ...] = ()
    # the nouns that name victims (casualties.yaml people, singular, and "people"): "two men
    # were killed" and "two people were killed" may be one toll told with two nouns (block_key)
    victims: frozenset[str] = frozenset()
    # words that grade a wound (casualties.yaml severity): "two were seriously injured" is a
    # part of "four were injured", not a rival figure
    severity: frozenset[str] = frozenset()
    # victims' nouns that name who fired (casualties.yaml attackers), kept out of the victims'
    # block, and nouns that name anybody (everybody), whose toll holds the others' (pair_score)
    attackers: frozenset[str] = frozenset()
    everybody: frozenset[str] = frozenset()
    # scope.yaml's label for a toll that counts the attacker ("two children and himself",
    # "including the gunman"): such a toll meets plain tolls of its own value (match_story)
    attacker_scope: str | None = None

    @classmethod
    def from_rules(cls, rules: Any) -> MatchSettings:
        """The settings of a rules set: matching.yaml's thresholds, casualties.yaml's outcomes."""
        tolerances = rules.tolerances
        toll_words = getattr(rules.casualties, "toll_words", None) or {}
        casualties = rules.casualties
        return cls(subject_similarity=float(tolerances.get("subject_similarity", 40)),
                   outcomes=tuple(sorted(toll_words.items())),
                   victims=getattr(casualties, "victims", None) or frozenset(),
                   severity=getattr(casualties, "severity", None) or frozenset(),
                   attackers=getattr(casualties, "attackers", None) or frozenset(),
                   everybody=getattr(casualties, "everybody", None) or frozenset(),
                   attacker_scope=attacker_scope(getattr(rules, "scopes", ())))


def block_key(claim: Claim, settings: MatchSettings | None = None) -> tuple[str, str] | None:
    """The block a claim is compared within; None for claims that are not compared.

    With `settings` that name victims, counts of several people ("two men were killed", "two
    people are dead", "three victims") share one block whatever their noun; pair_score lets
    two nouns be one fact only when the figures and what became of the people agree."""
    value = claim.value
    if isinstance(value, NumberValue):
        if not value.unit:
            return None  # a bare number says too little to be matched across sources
        if value.scope == PART_OF_A_GROUP and value.stated == 1:
            # "one of the victims", "another man", "a fourth person": one member of a group
            # told of, always one; parts only ever agree (match_story), and on this nothing
            return None
        unit = _head(claim) if claim.kind == Kind.COUNT else value.unit
        if claim.kind == Kind.COUNT and _besides(claim):
            # "three other people", "two additional firefighters", "two more people" leave out
            # the victims just named: not a total; bare "others" are people
            unit = f"other {'people' if unit in _BESIDES else unit}"
        elif settings is not None and _several_of(claim, settings):
            unit = PEOPLE  # "two men", "two victims", "two people": see pair_score
        if is_age(claim):
            # an age is a fact about one person: only the ages of one named person compare
            # (a story names a victim of 23, a suspect of 28 and a witness of 41); the ages of
            # people not named only ever agree (see match_story)
            unit = f"{unit} of {age_holder(claim) or UNNAMED}"
        if value.scope and not _counts_attacker(claim, settings):
            unit = f"{unit} [{value.scope}]"  # "this year", "in separate shootings": like with like
        return (str(claim.kind), unit)
    if isinstance(value, DateValue):
        if value.stated is None:
            # unresolved ("last Thursday" with no publication date): only the same words match
            return ("date-unresolved", " ".join(claim.text.lower().split()))
        return ("date", "")
    if isinstance(value, QuoteValue):
        return ("quote", "")
    return None


def _counts_attacker(claim: Claim, settings: MatchSettings | None) -> bool:
    """A count that holds the attacker ("killed his two children and himself": three).

    It shares the block of plain counts, but joins one only when the two values are equal
    (_link): "three people are dead" may count the gunman too, while "two people were killed"
    against it is two ways of counting, not a disagreement."""
    return (settings is not None and settings.attacker_scope is not None
            and getattr(claim.value, "scope", None) == settings.attacker_scope)


def _conventions_apart(a: Claim, b: Claim, settings: MatchSettings) -> bool:
    """A toll with the attacker and a plain one whose values differ: two ways of counting."""
    return (_counts_attacker(a, settings) != _counts_attacker(b, settings)
            and not numbers_overlap(a, b))


UNNAMED = "someone unnamed"
PEOPLE = "people"


def _several_victims(claim: Claim, settings: MatchSettings) -> bool:
    """A count of two or more people named by a victim noun ("two men", "three victims"), not
    of others besides them. One victim ("a man", "Wexley") is told of by many nouns, and two
    victims each told of by one would look like one."""
    return _several_of(claim, settings) and not _besides(claim)


def _several_of(claim: Claim, settings: MatchSettings) -> bool:
    """A count of two or more people named by a victim noun, others besides them or not."""
    value = claim.value
    if claim.kind != Kind.COUNT or not value.unit:
        return False
    head = _head(claim)
    if head not in settings.victims or head in settings.attackers:
        return False
    low = value.stated[0] if isinstance(value.stated, tuple) else value.stated
    return low is not None and low >= 2


# The months a figure's words name, by number. "May" and "March" are left out: lower-cased
# in a subject they are as likely the verb.
_MONTHS = {name: number for name, number in MONTH_NUMBER.items()
           if name not in ("may", "march", "mar")}
_BESIDES = frozenset({"other", "additional"})
# "more" or "further" after the number, not a bound ("more than 20", "20 or more")
_MORE = re.compile(r"(?<!\bor )\b(?:more|further)\b(?!\s+than\b)", re.IGNORECASE)
# right before it: "another two people", "an additional three officers"
_ANOTHER = re.compile(r"\b(?:another|an\s+additional|a\s+further|the\s+other|the\s+remaining)\s+$",
                      re.IGNORECASE)


def _besides(claim: Claim) -> bool:
    """A count of people or things besides those just named: "three other people", "two
    additional firefighters", "two more people", "another two people", "the other two men"."""
    if _BESIDES.intersection(claim.value.unit.split()) or _MORE.search(claim.text):
        return True
    at = claim.sentence.find(claim.text)
    return at > 0 and _ANOTHER.search(claim.sentence, max(0, at - 20), at) is not None


# The period a figure is given for, right after it: "7.2 billion in January", "2.4 pct in
# 1986", "6.6 billion the previous quarter", "2.01 mln a year earlier". Two figures given for
# two different periods are two facts ("rose to 10.4 billion marks from 7.2 billion in
# January" / "fell to 10.1 billion marks from 10.4 billion in February"), however alike their
# words and values.
_OWN_PERIOD = re.compile(
    r"\s*(?:[a-z]+\s+)?(?:,\s*)?"  # a unit word ("dlrs") or a comma before the period
    r"(?:(?:in|for|during|at\s+(?:the\s+)?end(?:\s+of)?|by\s+end|as\s+of)\s+)?"
    r"(?:the\s+)?(?:fiscal\s+)?(?:"
    rf"(?P<quarter>{QUARTER_ORDINALS})\s+quarter"
    r"(?:\s+(?:of\s+)?(?P<qyear>(?:19|20)\d\d))?"
    rf"|(?P<month>{MONTH_ALTERNATION})\.?(?:\s+(?P<myear>(?:19|20)\d\d))?"
    r"|(?P<year>(?:19|20)\d\d)(?:/\d\d)?"
    r"|(?P<relative>(?:a|one)\s+year\s+(?:ago|earlier)"
    r"|(?:last|the\s+previous|the\s+prior)\s+(?:year|month|week|quarter)"
    r"|(?:a|the)\s+(?:month|week|quarter)\s+(?:ago|earlier|before)))\b", re.IGNORECASE)
_MONTH_LEADS = ("in", "for", "during", "by", "at", "as")


def own_period(claim: Claim) -> dict[str, str]:
    """The period a figure's own words give it ({"month": "1", "year": "1986"}, {"relative":
    "a year earlier"}); empty when none follows the figure."""
    return dict(_own_period(claim.sentence, claim.text))


# Speed: a claim meets many others in its block; its period is read once
@functools.lru_cache(maxsize=1 << 16)
def _own_period(sentence: str, text: str) -> tuple[tuple[str, str], ...]:
    at = sentence.find(text)
    if at < 0:
        return ()
    match = _OWN_PERIOD.match(sentence, at + len(text))
    if match is None or match.group("month") and match.group("month").lower() == "may" \
            and not match.group(0).lower().lstrip(" ,").startswith(_MONTH_LEADS):
        return ()  # "may" alone after a figure is as likely the verb
    out: dict[str, str] = {}
    if match.group("quarter"):
        out["quarter"] = str(QUARTER_NUMBER[match.group("quarter").lower()])
    if match.group("month"):
        out["month"] = str(MONTH_NUMBER[match.group("month").lower()])
    year = match.group("qyear") or match.group("myear") or match.group("year")
    if year:
        out["year"] = year
    if match.group("relative"):
        out["relative"] = " ".join(match.group("relative").lower().split())
    return tuple(out.items())


def _different_periods(a: Claim, b: Claim) -> bool:
    """Both figures are given for a period of their own, and the periods differ in a part both
    name (two months, two years, two quarters, or two different relative periods)."""
    pa = _own_period(a.sentence, a.text)
    if not pa:
        return False
    pb = dict(_own_period(b.sentence, b.text))
    return any(part in pb and pb[part] != value for part, value in pa)


def _different_spans(a: Claim, b: Claim) -> bool:
    """Two period totals of two spans (scope.yaml `period`): "73 officers were killed in 2011"
    and "67 officers have been killed this year" (in an article of 2016) are two facts, as are
    tolls "in two days" and "in three days". A span not known ("this year" in an undated
    article) may be any; a year and a span in words ("since 1968", "over the past 20 years")
    may be one."""
    pa, pb = getattr(a.value, "period", None), getattr(b.value, "period", None)
    return pa is not None and pb is not None and pa != pb and _span_kind(pa) == _span_kind(pb)


def _span_kind(period: str) -> str:
    """"year" ("2015", "1986/87"), "since" ("since 1968") or "words" ("the past 20 years")."""
    return "year" if period[:1].isdigit() else "since" if period.startswith("since ") else "words"


def _opening_span(claim: Claim) -> bool:
    """A length that names the opening part of a period ("in the first five months of 1987",
    "over the first six days of the month", "for the first eight years" of a loan): the
    period some other figure is given for, not a fact of its own."""
    at = claim.sentence.find(claim.text)
    return at > 0 and _FIRST.search(claim.sentence, max(0, at - 12), at) is not None


_FIRST = re.compile(r"\bfirst\s+$", re.IGNORECASE)


def _same_written_span(a: Claim, b: Claim) -> bool:
    """Two dates that each name the same span of several days with both ends written out
    ("from 2026 to 2033", "March 3-5, 2025"), not read against a publication date: a
    coincidence of those is rare, where "Thursday" or "2025" recur across facts."""
    va, vb = a.value, b.value
    return (isinstance(va, DateValue) and isinstance(vb, DateValue)
            and va.granularity == vb.granularity == "range" and not va.relative
            and not vb.relative and va.stated is not None and va.stated == vb.stated
            and va.stated[0] != va.stated[1] and va.hedge is None and vb.hedge is None)


_ATTEMPT = "attempted"
_LETTERS = re.compile(r"[a-z]+")


def _two_charges(a: Claim, b: Claim) -> bool:
    """Two counts of charges that name different crimes: one of an attempt and one of the act
    itself ("attempted first-degree murder" / "first-degree murder"), crimes with no word in
    common ("murder" / "facilitation") or each with a word of its own ("first-degree murder" /
    "second-degree murder"), however alike the words around them. "Murder" and "first-degree
    murder" may be one charge told more or less fully."""
    charge_a, charge_b = CHARGE.search(a.text), CHARGE.search(b.text)
    if charge_a is None or charge_b is None:
        return False
    words_a = set(_LETTERS.findall(charge_a.group(1).lower()))  # "first-degree": two words
    words_b = set(_LETTERS.findall(charge_b.group(1).lower()))
    if (_ATTEMPT in words_a) != (_ATTEMPT in words_b):
        return True
    crime_a, crime_b = words_a - {_ATTEMPT}, words_b - {_ATTEMPT}
    # a charge cut short ("three counts of attempted") names no crime: unknown; two that each
    # name a grade the other lacks ("first-degree murder" / "aggravated murder") are two
    if crime_a and crime_b and (crime_a.isdisjoint(crime_b)
                                or crime_a - crime_b and crime_b - crime_a):
        return True
    person_a, person_b = _charged(a), _charged(b)
    return person_a is not None and person_b is not None and person_a != person_b


# Who a count of charges is against: "Marsh is also charged with two counts", "Vale, 20, was
# charged with ...", "Tolman faces 17 counts", "allow Pryor to plead guilty to one count",
# "warrants for Keane on four counts" (the surname, lower case). A verb of the courts needs
# its auxiliary ("Detective Rowe charged Hale": the detective is no defendant).
_NAME_WORD = r"([A-Z][a-z'’-]+)(?:,\s*\d{1,3})?,?\s+"
_CHARGED = re.compile(
    r"\b" + _NAME_WORD + r"(?:(?:also|now|each|still)\s+)?(?:(?:is|was|were|has|have|had|been|"
    r"will|be|being)\s+)+(?:also\s+)?(?:charged|booked|indicted|arraigned|convicted|sentenced|"
    r"accused)\b"
    r"|\b" + _NAME_WORD + r"(?:(?:also|now|each|still|will|to|would|could)\s+)*(?:faces|facing|"
    r"faced|face|pleaded|pled|plead)\b"
    r"|\b(?:for|against)\s+(?:[A-Z][a-z'’-]+\s+)?([A-Z][a-z'’-]+)\s+on\b")
_NOT_DEFENDANTS = frozenset({"he", "she", "they", "who", "it", "police", "prosecutors", "each",
                             "both", "all"})


def _charged(claim: Claim) -> str | None:
    """The surname of the one defendant a count of charges is against, when its sentence names
    one before it (see _CHARGED); None when it names none, or several."""
    at = claim.sentence.find(claim.text)
    if at < 0:
        return None
    found = None
    for match in _CHARGED.finditer(claim.sentence, 0, at):
        group = next(g for g in (1, 2, 3) if match.group(g))
        if " each " in match.group(0):
            found = None  # "Ames, 20, and Cole Vale, 19, each face": several defendants
        elif not in_place_name(claim.sentence, match.start(group)):  # "of Mt. | Pleasant"
            found = match.group(group)
    if found is None:
        return None
    name = re.sub(r"['’](?:s|re)?$", "", found)
    if name.lower() in _NOT_DEFENDANTS or name in NOT_FIRST or name in NOT_LAST:
        return None
    return name.lower()


def is_age(claim: Claim) -> bool:
    """A person's age ("35-year-old", "Pruett, 35"): a quantity in years of age."""
    return claim.kind == Kind.QUANTITY and claim.value.unit.endswith(" of age")


def _age_span(claim: Claim) -> bool:
    """An age given as a span ("from 17 to 28 years old"): the ages of several people."""
    return is_age(claim) and isinstance(claim.value.stated, tuple)


def age_holder(claim: Claim) -> str | None:
    """The person an age belongs to, as "first last" in lower case, when the sentence names
    them right beside it; None otherwise."""
    at = claim.sentence.find(claim.text)
    return name_beside(claim.sentence, at, at + len(claim.text)) if at >= 0 else None


def _subject_similarity(a: Claim, b: Claim, strict: bool = False) -> float:
    """0-100: token-set ratio (a subset of words counts fully), or token-sort when `strict`."""
    from rapidfuzz import fuzz, utils

    if not a.subject or not b.subject:
        # a claim alone in its clause ("82 launchers, 420 missiles and 60 howitzers") has no
        # words of its own: unknown, so neither evidence for nor against
        return 50.0
    scorer = fuzz.token_sort_ratio if strict else fuzz.token_set_ratio
    return scorer(a.subject, b.subject, processor=utils.default_process)


def _bounds(claim: Claim) -> tuple[float, float]:
    value = claim.value
    stated = value.stated
    lo_stated, hi_stated = stated if isinstance(stated, tuple) else (stated, stated)
    low = value.low if value.low is not None else lo_stated
    high = value.high if value.high is not None else hi_stated
    if value.low is None and value.high is not None:
        low = float("-inf")
    if value.high is None and value.low is not None:
        high = float("inf")
    return low, high


def _head(claim: Claim) -> str:
    return claim.value.unit.split()[-1] if claim.value.unit else ""


def _noun(claim: Claim) -> str:
    """The counted noun; bare "others" are people ("six others", "eight other people")."""
    head = _head(claim)
    return PEOPLE if head in _BESIDES else head


def _fewer_in_all(a: Claim, b: Claim, everybody: frozenset[str]) -> bool:
    """a counts everybody ("two people") and is below b, which counts some ("three men"):
    not a part and its whole, since a part is never the larger."""
    return _head(a) in everybody and _head(b) not in everybody and _bounds(a)[1] < _bounds(b)[0]


def numbers_overlap(a: Claim, b: Claim) -> bool:
    """True when the intervals of two numeric claims share a value."""
    a_low, a_high = _bounds(a)
    b_low, b_high = _bounds(b)
    return a_low <= b_high and b_low <= a_high


def _both_closed(a: Claim, b: Claim) -> bool:
    """Neither interval is open at either end (no "at least five", "as many as 100")."""
    return _closed(a) and _closed(b)


def _closed(claim: Claim) -> bool:
    return None not in (claim.value.low, claim.value.high)


def _closeness(a: Claim, b: Claim, settings: MatchSettings) -> float:
    """1 for overlapping intervals, falling to 0 as the gap reaches half the larger value."""
    if numbers_overlap(a, b):
        if _both_closed(a, b):
            return 1.0
        # an open interval ("at least five", "as many as 100") overlaps almost anything: when
        # the stated figures are far apart ("more than 11,000" and "about 12,000" are not),
        # the overlap is no evidence that two claims are one fact
        stated = _gap_closeness(_stated(a), _stated(b), a.kind, settings)
        return 1.0 if stated >= 0.5 else stated
    return _gap_closeness(_bounds(a), _bounds(b), a.kind, settings)


def _gap_closeness(a: tuple[float, float], b: tuple[float, float], kind: Kind,
                   settings: MatchSettings, floor: bool = True) -> float:
    (a_low, a_high), (b_low, b_high) = a, b
    gap = max(a_low - b_high, b_low - a_high, 0.0)
    scale = max(abs(a_low), abs(a_high), abs(b_low), abs(b_high), 1e-9)
    if scale == float("inf"):
        return 0.0
    if kind == Kind.COUNT and floor:
        scale = max(scale, settings.count_floor)
    return max(0.0, 1.0 - (gap / scale) / 0.5)


def _stated(claim: Claim) -> tuple[float, float]:
    stated = claim.value.stated
    return stated if isinstance(stated, tuple) else (stated, stated)


def dates_overlap(a: Claim, b: Claim) -> bool:
    """True when two date claims' compatible periods share a day (unresolved: always)."""
    if a.value.stated is None or b.value.stated is None:
        return True
    a_low, a_high = a.value.low or "0000", a.value.high or "9999"
    b_low, b_high = b.value.low or "0000", b.value.high or "9999"
    return a_low <= b_high and b_low <= a_high


def pair_score(a: Claim, b: Claim, settings: MatchSettings, nearest: bool = False) -> float:
    """How likely two claims state the same fact (0-1); 0 below the subject threshold.

    `nearest` marks two sources' mutually closest values of a block: with nothing else in
    either source to pair with, a lower subject similarity is enough ("about $300 million"
    for an earlier package against "$330 million" for a separate earlier sale).
    """
    if isinstance(a.value, QuoteValue):
        from reconcile.extract.quotes import compare_quotes

        relation = compare_quotes(a.value.stated, b.value.stated)
        if relation == "different":
            return 0.0
        if relation != "same" and min(len(a.value.stated.split()), len(b.value.stated.split())) <= 4:
            return 0.0  # a few words ("a credible capability") recur without quoting each other
        same_speaker = _same_speaker(a.value.speaker, b.value.speaker)
        if same_speaker is False:
            return 0.0
        return 1.0 if relation in ("same", "excerpt") else 0.8
    same_span = _same_written_span(a, b)
    if is_age(a):
        subject = 100.0  # blocked by the person named: the same fact whatever the other words
    else:
        subject = _subject_similarity(a, b, strict=isinstance(a.value, DateValue) and not same_span)
    if isinstance(a.value, DateValue):
        # a story holds many dates; only near-identical wording around them ties two together,
        # and more so when the dates differ. Two sources giving the very same span of their
        # own ("from 2026 to 2033" / "between 2026 and 2033") need only words alike.
        overlap = dates_overlap(a, b)
        floor = settings.subject_similarity + (0 if same_span else 20 if overlap else 40)
        if subject < floor:
            return 0.0
        if not overlap and (_same_relative_words(a, b) or _weekday_weeks_apart(a, b)
                            or _weekday_weeks_apart(b, a)):
            # "today" in two articles of different days: the same words, no conflict; "Friday"
            # against "Jan. 22", a Friday: an article published or updated a week later
            return 0.0
        return 0.5 * subject / 100 + (0.5 if overlap else 0.2)
    a_words, b_words = set(a.subject.split()), set(b.subject.split())
    a_months = {_MONTHS[w] for w in a_words if w in _MONTHS}
    b_months = {_MONTHS[w] for w in b_words if w in _MONTHS}
    if a_months and b_months and a_months.isdisjoint(b_months) or _different_periods(a, b) \
            or _different_spans(a, b):
        return 0.0  # a figure for February and one for April: two facts, whatever the values
    if a.kind == Kind.QUANTITY and (_opening_span(a) or _opening_span(b)) and not numbers_overlap(
            a, b):
        # "the first four months of this year" / "the first five months": two periods, not
        # one length two sources disagree on ("the first nine months" / "nine months" agree)
        return 0.0
    if a.kind == Kind.COUNT and _two_charges(a, b):
        return 0.0  # "two counts of attempted murder" and "two counts of murder": two charges
    a_outcomes = _outcomes(a.subject, a_words, settings.outcomes)
    b_outcomes = _outcomes(b.subject, b_words, settings.outcomes)
    if a.kind == Kind.COUNT and a_outcomes and b_outcomes and not a_outcomes & b_outcomes:
        # both say what became of the people counted, and say different things ("killed"
        # against "wounded"): equal figures of two outcomes are two facts
        return 0.0
    closeness = _closeness(a, b, settings)
    if a.kind == Kind.COUNT and _head(a) != _head(b) and (
            _several_victims(a, settings) or _several_victims(b, settings)) and (
            not a_outcomes or a_outcomes != b_outcomes
            or closeness < 1.0 and not _fewer_in_all(a, b, settings.everybody)
            and not _fewer_in_all(b, a, settings.everybody)):
        # several people told of with two nouns (blocked together, see block_key) are one
        # toll only when what became of the people agrees, and the figures do, or the one of
        # everybody is the smaller: "two men were killed" / "two people are dead" agree, "two
        # people were killed" / "three men were killed" conflict; "two children were killed"
        # / "four people were killed" are a part and its whole, "two men were arrested" /
        # "two people died" two groups of people
        return 0.0
    if a.kind == Kind.COUNT and closeness < 1.0 and (
            settings.severity.isdisjoint(a_words) != settings.severity.isdisjoint(b_words)):
        # one grades the wounds it counts, the other does not ("two were seriously injured" /
        # "four were injured"): a part and its whole
        return 0.0
    if a.kind == Kind.COUNT and closeness < 1.0 and bool(a_outcomes) != bool(b_outcomes):
        # one says what became of the people it counts, the other does not ("two people were
        # shot" / "one person was fatally shot"): a subset and its whole, not one fact
        return 0.0
    floor = settings.subject_similarity
    if nearest and closeness >= settings.nearest_closeness:
        floor = settings.nearest_subject
    words_shared = bool(a_words & b_words or a_outcomes & b_outcomes)
    if a.kind == Kind.COUNT and a_outcomes and a_outcomes == b_outcomes and (
            closeness >= 1.0 or _noun(a) == _noun(b)):
        # one outcome told in other words: the outcome is the subject they share, for the same
        # figure ("nine people were shot to death" / "killing nine people") and for two figures
        # of one noun ("four others were wounded" / "three others were hurt": one toll)
        subject = max(subject, floor)
    if closeness >= 1.0 and subject < floor and not words_shared and _open_and_far(a, b, settings):
        # "at least one person was killed" holds "three people" inside a car only through its
        # open bound: so far from it, the two are one fact only when their words agree
        return 0.0
    if closeness < 1.0 and subject < floor:
        return 0.0  # values that differ are only the same fact when the words agree too
    if closeness < 1.0 and (a.kind == Kind.COUNT and not nearest
                            or a.kind == Kind.QUANTITY and not is_age(a)) and not words_shared:
        # letters in common are not words in common ("killed" and "pulled" score 67): two
        # different counts conflict only when their predicates share a word or an outcome,
        # or are two sources' nearest figures of one thing ("84 HIMARS launchers" / "82")
        return 0.0
    return 0.5 * subject / 100 + 0.5 * closeness


def _open_and_far(a: Claim, b: Claim, settings: MatchSettings) -> bool:
    """Two figures whose intervals meet only through an open bound ("at least one", "more
    than 20") while the stated figures, taken at their own size, are far apart (one and three;
    not four and five, nor 11,000 and 12,000)."""
    if _both_closed(a, b):
        return False
    return _gap_closeness(_stated(a), _stated(b), a.kind, settings, floor=False) < 0.5


def _outcomes(subject: str, words: set[str],
              outcomes: tuple[tuple[str, frozenset[str]], ...]) -> set[str]:
    """The outcomes ("killed", "injured") a count's predicate words state. A wound that
    killed is a death: "five officers were fatally wounded", "died of their wounds". An
    attempt ("accused of trying to kill two officers") is an outcome of its own. A denied
    outcome is none: "eight people were injured - none fatally" were not killed."""
    if not _DENIAL.isdisjoint(words):
        sequence = subject.split()
        words = words - {word for before, word in zip(sequence, sequence[1:])
                         if before in _DENIAL}
    found = {name for name, outcome_words in outcomes if outcome_words & words}
    if found and not _ATTEMPTED.isdisjoint(words):
        sequence = subject.split()
        if any(word in _ATTEMPTED and any(following in outcome_words for _, outcome_words
                                          in outcomes) for word, following
               in zip(sequence, sequence[1:])):
            return {"attempted"}  # not "suicide attempt shot killed": the attempt is the suicide
    if len(found) > 1 and "killed" in found and not _WOUND_THAT_KILLED.isdisjoint(words):
        return {"killed"}
    return found


_WOUND_THAT_KILLED = frozenset({"fatally", "mortally", "died", "dies", "succumbed"})
# words that deny the outcome after them ("none fatally", "not fatally", "no deaths")
_DENIAL = frozenset({"none", "not", "no", "never", "neither", "nor", "non"})
# words right before an outcome that make it an attempt ("trying kill"); not "threatening"
# ("life-threatening injuries")
_ATTEMPTED = frozenset({"trying", "tried", "attempting", "attempted", "attempt", "plotting",
                        "plotted", "intent"})


def _same_relative_words(a: Claim, b: Claim) -> bool:
    """Two dates said in the same relative words ("today", "Friday", "in March") that were
    resolved against different publication dates."""
    return (a.value.relative and b.value.relative and a.value.anchor != b.value.anchor
            and " ".join(a.text.lower().split()) == " ".join(b.text.lower().split()))


def _weekday_weeks_apart(a: Claim, b: Claim) -> bool:
    """A weekday said alone ("Friday", "early Sunday"), resolved against a's publication date,
    that lands whole weeks from b's day, which falls on that weekday: the article may have
    been published or updated after the day it tells of, so "Friday" may be b's Friday."""
    if not a.value.relative or a.value.granularity != "day" or b.value.granularity != "day":
        return False
    named = {WEEKDAY_NUMBER[w] for w in re.findall(r"[a-z]+", a.text.lower()) if w in WEEKDAY_NUMBER}
    if len(named) != 1:
        return False
    day_a, day_b = (datetime.date.fromisoformat(c.value.stated[0]) for c in (a, b))
    return day_b.weekday() in named and (day_a - day_b).days % 7 == 0


def _same_speaker(a: str | None, b: str | None) -> bool | None:
    if not a or not b:
        return None
    return a.split()[-1].lower() == b.split()[-1].lower()


def _restates(a: Claim, b: Claim) -> bool:
    """Two claims of one source that state the same value (headline and body)."""
    if isinstance(a.value, NumberValue):
        # an open-ended "more than $1 billion" restates nothing: it is compatible with too much
        return _both_closed(a, b) and numbers_overlap(a, b)
    if isinstance(a.value, DateValue):
        return a.value.stated is not None and a.value.stated == b.value.stated
    return a.value.stated == b.value.stated


def match_story(claims: Sequence[Claim], settings: MatchSettings = MatchSettings(),
                canonical: dict[str, str] | None = None) -> tuple[list[list[Claim]], int]:
    """Group a story's claims; returns the groups (in claim order) and the candidate pairs scored."""
    canonical = canonical or {}
    blocks: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        key = block_key(claim, settings)
        if key is not None:
            blocks[key].append(claim)
    groups: list[list[Claim]] = []
    candidates = 0
    for key in sorted(blocks):
        members = blocks[key]
        scores: dict[tuple[int, int], float] = {}
        nouns = key[1].split(" [")[0] == PEOPLE  # the block of several victims (block_key)
        nearest = _mutual_nearest(members, canonical, settings, by_noun=nouns,
                                  plain=[not _counts_attacker(m, settings) for m in members])
        # "a 67-year-old man" in two sources may be one person; "a 15-year-old" and "a
        # 17-year-old" are as likely two as one misstated: equal ages group, others never.
        # Nor does the span of a group's ages ("victims from 17 to 28") meet one person's age
        # inside it: a 17-year-old and a 21-year-old would meet through it. So with parts of
        # a group: "three of the victims" and "one of the victims" are two parts, not two
        # counts of one
        equal_only = f" of {UNNAMED}" in key[1] or key[1].endswith(f"[{PART_OF_A_GROUP}]")
        for i, j in _candidate_pairs(members, settings):
            a, b = members[i], members[j]
            candidates += 1
            if equal_only and (not numbers_overlap(a, b) or _age_span(a) != _age_span(b)):
                continue
            same_source = canonical.get(a.source, a.source) == canonical.get(b.source, b.source)
            if same_source and not _restates(a, b):
                continue
            score = pair_score(a, b, settings, nearest=(i, j) in nearest)
            if score >= settings.pair_score:
                scores[(i, j)] = score
        groups.extend(_link(members, scores, settings, canonical))
    groups = _join_wounded_others(groups, settings, canonical)
    order = {id(claim): position for position, claim in enumerate(claims)}
    groups.sort(key=lambda g: min(order[id(c)] for c in g))
    return groups, candidates


def _candidate_pairs(members: list[Claim], settings: MatchSettings):
    """Index pairs worth scoring: numbers only within the value window where their closeness
    can be above zero (sorted sweep); other kinds all pairs of the block."""
    if not members or not isinstance(members[0].value, NumberValue):
        yield from itertools.combinations(range(len(members)), 2)
        return
    order = sorted(range(len(members)), key=lambda k: (_bounds(members[k])[0], k))
    for position, i in enumerate(order):
        low, high = _bounds(members[i])
        # beyond twice the larger value (and the small-count floor) closeness is zero
        reach = max(abs(high), abs(low)) * 2 + settings.count_floor
        if high == float("inf"):
            reach = abs(low) * 2 + settings.count_floor
        for j in order[position + 1:]:
            if _bounds(members[j])[0] > reach:
                break
            yield (min(i, j), max(i, j))


def _mutual_nearest(members: list[Claim], canonical: dict[str, str],
                    settings: MatchSettings, by_noun: bool = False,
                    plain: Sequence[bool] | None = None) -> set[tuple[int, int]]:
    """Pairs (i, j) whose numeric values are each other's closest in the other source, when
    neither claim overlaps any claim of the other source. Only the `plain` members take part
    when given (a toll with the attacker pairs only with its equal, see _counts_attacker).

    Two small counts of things (whole numbers below count_floor) are not paired so: a story
    names several small groups of one noun ("one woman" shot, "two women" arguing, "three
    victims" taken to hospital, "two victims" released), and two sources' nearest ones are as
    likely two groups as one misstated; they must share the words of what became of them."""
    if not members or not isinstance(members[0].value, NumberValue):
        return set()
    if plain is not None and not all(plain):
        index = [i for i, keep in enumerate(plain) if keep]
        return {(index[i], index[j]) for i, j in _mutual_nearest(
            [members[i] for i in index], canonical, settings, by_noun=by_noun)}
    heads = {_head(m) for m in members} if by_noun else set()
    if len(heads) > 1:  # the block of several victims' nouns (block_key): one noun's values
        found = set()
        for head in sorted(heads):
            index = [i for i, m in enumerate(members) if _head(m) == head]
            found |= {(index[i], index[j]) for i, j in _mutual_nearest(
                [members[i] for i in index], canonical, settings)}
        return found
    small = {i for i, m in enumerate(members) if m.kind == Kind.COUNT
             and all(float(v).is_integer() and abs(v) < settings.count_floor for v in _stated(m))}
    by_source: dict[str, list[int]] = defaultdict(list)
    for index, claim in enumerate(members):
        by_source[canonical.get(claim.source, claim.source)].append(index)
    found = set()
    for source_a, source_b in itertools.combinations(sorted(by_source), 2):
        a_idx, b_idx = by_source[source_a], by_source[source_b]
        for i in a_idx:
            if any(numbers_overlap(members[i], members[j]) for j in b_idx):
                continue
            j = min(b_idx, key=lambda k: (_distance(members[i], members[k]), k))
            if any(numbers_overlap(members[j], members[k]) for k in a_idx):
                continue
            back = min(a_idx, key=lambda k: (_distance(members[j], members[k]), k))
            if back == i and not (i in small and j in small):
                found.add((min(i, j), max(i, j)))
    return found


def _distance(a: Claim, b: Claim) -> float:
    a_low, a_high = _bounds(a)
    b_low, b_high = _bounds(b)
    gap = max(a_low - b_high, b_low - a_high, 0.0)
    return gap if gap == gap else float("inf")


def _link(members: list[Claim], scores: dict[tuple[int, int], float], settings: MatchSettings,
          canonical: dict[str, str]) -> list[list[Claim]]:
    """Average-linkage grouping over the scored pairs; one fact per source per group.

    Each pair of clusters keeps the running sum of the scores across it, so a merge costs the
    clusters it touches, not the product of the two clusters' sizes (a table-like story of
    hundreds of claims was seconds of rescanning before)."""
    cluster_of = list(range(len(members)))
    clusters: dict[int, list[int]] = {i: [i] for i in range(len(members))}
    # sums in integer billionths: exact, so a mean right at the threshold passes as a single
    # pair at the threshold does, whatever order the sums were added in
    units = {pair: round(score * 1e9) for pair, score in scores.items()}
    threshold = round(settings.pair_score * 1e9)
    sources: dict[int, set[str]] = {i: {claim.source} for i, claim in enumerate(members)}
    linked: dict[int, dict[int, int]] = defaultdict(dict)  # cluster -> other cluster -> sum
    for (i, j), score in units.items():
        linked[i][j] = linked[j][i] = score
    # clusters holding a toll with the attacker: none may take a plain toll of another value
    with_attacker = {i for i, claim in enumerate(members) if _counts_attacker(claim, settings)}
    for (i, j), _ in sorted(scores.items(), key=lambda kv: (-kv[1], kv[0])):
        a, b = cluster_of[i], cluster_of[j]
        if a == b:
            continue
        if linked[a].get(b, 0) < threshold * len(clusters[a]) * len(clusters[b]):
            continue
        if sources[a] & sources[b] and not _one_fact_per_source(
                [members[x] for x in clusters[a] + clusters[b]], canonical):
            continue
        if (a in with_attacker or b in with_attacker) and any(
                _conventions_apart(members[x], members[y], settings)
                for x in clusters[a] for y in clusters[b]):
            continue
        keep, drop = min(a, b), max(a, b)
        for x in clusters[drop]:
            cluster_of[x] = keep
        if drop in with_attacker:
            with_attacker.add(keep)
        clusters[keep].extend(clusters.pop(drop))
        sources[keep] |= sources.pop(drop)
        for other, value in linked.pop(drop).items():
            del linked[other][drop]
            if other != keep:
                linked[keep][other] = linked[other][keep] = linked[keep].get(other, 0) + value
    return [[members[i] for i in sorted(c)] for c in clusters.values()]


def _join_wounded_others(groups: list[list[Claim]], settings: MatchSettings,
                         canonical: dict[str, str]) -> list[list[Claim]]:
    """Join the others wounded besides the dead to the wounded of the same figure.

    "One person was killed and five others injured": the dead are not among the wounded, so
    the five others are all the wounded the sentence tells of, the fact "five people were
    injured" states. Blocked apart from totals (block_key: "three other people" leave out the
    people just named), such a group joins the one group of wounded people stating its
    figure, when there is exactly one."""
    if not settings.outcomes:
        return groups

    def figure(group: list[Claim], others: bool) -> float | None:
        """The figure of a group of others wounded besides the dead ("seven others were
        hospitalized", with "seven more people were shot" of the same source), or of wounded
        people (each claim a closed count of people, one at least told of as wounded and none
        as anything else: "nine people were hospitalized", "nine people, reporters said")."""
        values = {claim.value.stated for claim in group}
        if len(values) != 1 or not all(claim.kind == Kind.COUNT and _besides(claim) == others
                                       and _closed(claim) for claim in group):
            return None  # "more than 30 others" holds too much to be the same fact
        outcomes = [_outcomes(claim.subject, set(claim.subject.split()), settings.outcomes)
                    for claim in group]
        if others:
            told = (all(outcome <= {"injured"} and _others_of_another_outcome(claim, settings)
                        for claim, outcome in zip(group, outcomes))
                    and {"injured"} in outcomes)
        else:
            told = (all(_head(claim) in settings.victims or _head(claim) == PEOPLE
                        for claim in group)
                    and all(outcome <= {"injured"} for outcome in outcomes)
                    and {"injured"} in outcomes)
        value = next(iter(values))
        return value if told and isinstance(value, float) else None

    totals: dict[float, list[int]] = defaultdict(list)
    for number, group in enumerate(groups):
        value = figure(group, others=False)
        if value is not None:
            totals[value].append(number)
    joined: dict[int, list[Claim]] = {}
    dropped: set[int] = set()
    for number, group in enumerate(groups):
        value = figure(group, others=True)
        if value is None or len(totals.get(value, ())) != 1:
            continue
        target = totals[value][0]
        merged = joined.get(target, groups[target]) + group
        if _one_fact_per_source(merged, canonical):
            joined[target] = merged
            dropped.add(number)
    return [joined.get(number, group) for number, group in enumerate(groups)
            if number not in dropped]


def _others_of_another_outcome(claim: Claim, settings: MatchSettings) -> bool:
    """Others besides people of another outcome: the words before them in the sentence tell
    of deaths, and not of wounds nor of people shot ("two people were shot, one fatally, and
    three others wounded" leaves out the one wounded)."""
    at = claim.sentence.find(claim.text)
    if at <= 0:
        return False
    # "shot two people to death", "shot and killed", "fatally shot": a death, not a wound;
    # and the others' own verb right before them ("killed two and wounded nine others")
    text = _OWN_WOUND_VERB.sub("", _SHOT_DEAD.sub(" killed ", claim.sentence[:at].lower()))
    words = re.findall(r"[a-z]+", text)  # in order: _outcomes reads an attempt by word order
    return (_outcomes(" ".join(words), set(words), settings.outcomes) == {"killed"}
            and "shot" not in words)


_OWN_WOUND_VERB = re.compile(r"\b(?:wound|injur|hurt)[a-z]*\s*$")
_SHOT_DEAD = re.compile(r"\bfatally\s+shot\b"
                        r"|\bshot\s+(?:and\s+killed|dead\b|(?:[\w-]+\s+){0,3}to\s+death)")


def _one_fact_per_source(claims: list[Claim], canonical: dict[str, str]) -> bool:
    by_source: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_source[claim.source].append(claim)
    return all(_restates(a, b) for group in by_source.values()
               for a, b in itertools.combinations(group, 2))
