"""Casualty counts stated without a numeral.

"A 19-year-old man was shot and killed" states one death as plainly as "one man was killed",
and "no one was injured" states that nobody was. The number extractor only reads numerals and
number words; this module reads those few fixed forms, from `rules/casualties.yaml`, so that a
toll given in words can agree or conflict with one given in figures. A bare "a man" is never a
count: only an article or "nobody" tied to an outcome verb in the same clause is.

The claims are counts: unit the victim noun ("man", "people" for nobody), subject the outcome
("killed", "injured"), value exactly 1 or 0; two victims joined by "and" ("a man and a woman
were killed") are 2 people.

Which victim a sentence is about is read with care: a wounded victim the same sentence says
died ("was taken to a hospital, where he was pronounced dead") is a death; "the man" after an
article said a man was killed is that man, not a second, injured victim; a victim named inside
a larger toll ("four people, including a girl, were injured") is not a toll of one. A toll the
article gives in parts is also given whole: "four adults and two children were killed" is six
people, "two men and a woman" three, "killed his two children and himself" is three including
the attacker, as are "two officers and the gunman" and a toll the attacker's own death
follows ("killed two people before turning the gun on himself"). A killing named by its number
is a toll too: "a double homicide" is two dead, "a double murder-suicide" three.

A victim may also be named by no noun of `people`: an age ("a 15-year-old was killed"), or a
pronoun or a name right before a death ("He died at the scene", "Wexley, 50, was pronounced
dead"). Such a death is one of the victims an article already counted when it follows another
victim's in its sentence or a toll of two; a wound told just before it is that victim's. A
pronoun is read as one wounded victim only when the wound is named with a stay in hospital
("She was taken to a hospital with non-life-threatening injuries", "he was treated for his
wounds"): "he was taken to a hospital" alone may follow an arrest, and "he suffered a gunshot
wound" is often told of the dead.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from reconcile.extract.context import Context
from reconcile.extract.fastre import lowercase_twin, required_words, skip_ahead, trie_alternation
from reconcile.extract.numbers import TENS, UNITS
from reconcile.extract.predicate import predicate_subject
from reconcile.extract.scope import attacker_scope, counts_this_incident, with_scopes
from reconcile.extract.words import PLACE_WORDS, in_place_name, singular
from reconcile.model import PART_OF_A_GROUP, Claim, Kind, NumberValue

OUTCOMES = ("killed", "injured")
# An age: "15-year-old", "ten year old", "6-week-old", "15 years old".
_AGE_UNITS = r"(?:\d{1,3}|[a-z]+)[- ](?:year|month|week)"
_AGE = _AGE_UNITS + r"s?[- ]old"
# Between the victim and the verb: no other clause, no second person ("a man and a woman").
_GAP = r"(?:(?!\b(?:and|or|whose|whom|but|while)\b)[^.;:!?\n\"“”]){0,60}?"
# "a man and a woman were killed" is two victims, not one
_SECOND_OF_PAIR = re.compile(r"\b(?:and|or|&)\s+$|\band\s+(?:his|her|their)\s+$", re.IGNORECASE)
_IN_A_LIST = re.compile(r",\s*$")
# an aside that names the victim again: ", an 18-year-old woman found outside,"
_APPOSITION = re.compile(r",\s*(?:an?|the)\s+[^,;:.!?\n]{1,50}?,\s*(?!and\b|or\b)", re.IGNORECASE)
# a victim told by kin ("her son"), and the prepositions that keep such words from naming one
_KIN = frozenset(("his", "her", "their"))
_PREPOSITION = re.compile(r"\b(?:by|with|to|of|for|from|at)\s+$", re.IGNORECASE)
# a clause of speech with a subject of its own between a victim and the verb
_NEW_SUBJECT = re.compile(r"\b(?:says?|said|tells?|told)\s+(?:[\w'’-]+\s+){0,2}?"
                          r"(?:his|her|their|its|my|our|the|an?)\s+"
                          # not "told her he was shot" (he is the victim)
                          r"(?!(?:he|she|they|i|we|you)\b)[\w'’-]+", re.IGNORECASE)
_PLURAL_VERB = re.compile(r"\b(?:were|are|have\s+been)\s+(?:\w+ly\s+)?(?:\w+\s+)?\Z", re.IGNORECASE)
_AUX_PLAIN = r"\b(?:(?:was|were|is|are)(?:\s+being)?|has\s+been|had\s+been|have\s+been|got)\s+"
# Between a figure's noun and its verb: at most an aside (", including a girl,", ", ages 16
# and 17,") and a word that spreads the verb over them all; no other clause ("four people were
# shot, one of them fatally" does not make the four dead)
_NEXT = (r"(?:\s*,\s*(?:including|ages?|aged)\b[^.;:!?\n]{0,60}?,)?\s*"
         r"(?:(?:all|both|each)\s+)?")
# "left a man dead", "found a woman dead", "sent a teen to the hospital": the verbs before a
# victim and its state
_LEFT_VERBS = "left|leaving|leaves|found|finding|discovered"
_LEFT = rf"\b(?:{_LEFT_VERBS}|sent|sending|sends)\s+"
# the same verbs before a name and its death ("left Wexley dead", "pronounced Ana Reyes dead")
_LEFT_NAMED = rf"\b(?:{_LEFT_VERBS}|pronounced)\s+"
# "sent | five people to the hospital": a figure's verb that the left forms' states follow
_SENT = re.compile(r"\b(?:sent|sending|sends)\s+(?:(?:a\s+total\s+of|at\s+least)\s+)?$",
                   re.IGNORECASE)
# "was critically wounded" is wounded; "was fatally wounded" is not (a killed form reads it)
_AUX = _AUX_PLAIN + r"(?:(?!(?:fatally|mortally)\b)(?:\w+ly|later|also|then)\s+)?"


@dataclass(frozen=True, slots=True)
class CasualtyRules:
    """The compiled forms: each pattern names its outcome in a group of that name."""

    passive: re.Pattern[str] | None
    own_verb: re.Pattern[str] | None
    active: re.Pattern[str] | None
    left: re.Pattern[str] | None
    nobody: re.Pattern[str] | None
    none_of: re.Pattern[str] | None
    toll_words: dict[str, frozenset[str]]
    # "..., where he was pronounced dead": a death told later in the injury's sentence
    died_later: re.Pattern[str] | None = None
    # "her 8-year-old friend was wounded": a kin's wound (a kin's death is as often one told
    # of the past, "his brother was killed last year")
    kin_passive: re.Pattern[str] | None = None
    # "a girl was accidentally shot": a wound, in an article that tells of no death
    deathless_wound: tuple[re.Pattern[str], ...] = ()
    # a victim named between the injury and that death ("and a woman died") owns the death
    other_victim: re.Pattern[str] | None = None
    # "A man and a woman were killed": the same forms with two victims joined by "and"
    pairs: tuple[re.Pattern[str], ...] = ()
    # Speed: a victim noun followed by "and": an article without one holds no pair
    pair_hint: re.Pattern[str] | None = None
    # "left a boy dead and | a woman wounded": the second victim of a left form, its verb unsaid
    left_second: re.Pattern[str] | None = None
    # "one man was killed and | another wounded": one more victim, named by "another" alone
    and_another: re.Pattern[str] | None = None
    # "A 14-year-old boy who was shot inside a home on Friday has died": a death told after a
    # relative clause longer than the gap of the other forms
    who_died: re.Pattern[str] | None = None
    # "charged in the shooting death of a 13-year-old boy", "the killing of 34-year-old Ana
    # Reyes", "a shooting that claimed the life of a man": one death named by a noun
    death_of: tuple[re.Pattern[str], ...] = ()
    # Speed: the nouns of those forms with "of" after them; the forms are tried only there
    death_of_at: re.Pattern[str] | None = None
    death_of_words: frozenset[str] | None = None  # one of which its text holds, lower case
    verb_then_words: frozenset[str] | None = None  # the same for verb_then
    # Speed: words one of which an article holds if any deathless_wound form can match in it
    deathless_words: frozenset[str] | None = None
    # "the homicide", "a deadly shooting": a death told with no toll word (lower case)
    killing: re.Pattern[str] | None = None
    # "a man and | a woman were killed": the second victim of a pair is not one of its own;
    # "a man was killed and | a woman was hurt" is
    second_of_pair: re.Pattern[str] | None = None
    # the singular nouns that name victims: "two adults and three children" is one toll of five
    victims: frozenset[str] = frozenset()
    # words that tell what became of a counted person ("dead", "uninjured"): toll words and
    # `unharmed`; parts that carry one are not added up
    states: frozenset[str] = frozenset()
    # "He died at the scene", "where she was pronounced dead": a death told with a pronoun
    pronoun: tuple[re.Pattern[str], ...] = ()
    # Speed: any people form ("a 15-year-old"): a text holding one may hold a victim form
    # although it holds no trigger word
    people_form_at: re.Pattern[str] | None = None
    # Speed: the words of a death ("died", "killed"): the name and pronoun forms are tried
    # only around them (None: everywhere)
    death_at: re.Pattern[str] | None = None
    death_words: frozenset[str] = frozenset()
    # each pronoun with the victim nouns only it stands for ("she": woman, girl, ...)
    pronoun_nouns: dict[str, frozenset[str]] = field(default_factory=dict)
    # words that tell of violence: a death told with a pronoun or a name is only read near one
    violence: frozenset[str] = frozenset()
    # "She was taken to a hospital with non-life-threatening injuries", "he was treated for his
    # wounds": a wound told with a pronoun, in words that name the wound
    pronoun_wound: re.Pattern[str] | None = None
    # "Wexley died at the scene": a death told with the victim's name
    named: tuple[re.Pattern[str], ...] = ()
    # "one of the four people | killed": an outcome right after a part's whole
    whole_outcome: re.Pattern[str] | None = None
    # Speed: the forms' lower-case twins by pattern source (fastre.lowercase_twin): an ASCII
    # article is scanned case-sensitively, lower-cased, which `re` runs much faster
    twins: dict[str, re.Pattern[str]] = field(default_factory=dict)
    # "... before turning the gun on himself": the attacker died too (after a death toll)
    attacker_died: re.Pattern[str] | None = None
    # "a | Louisville Metro | police officer": capitalised words between an article and a
    # victim's noun (group "words"), which the forms read as describers (see `_blank_names`)
    proper_describers: re.Pattern[str] | None = None
    # the nouns of `people`, lower case: a victim named otherwise ("he", "Wexley", "a
    # 15-year-old") is a "person", one victim, never compared with a toll of "people"
    people: frozenset[str] = frozenset()
    # words that grade a wound ("critically", "minor"): a graded count is a part of the toll
    severity: frozenset[str] = frozenset()
    # nouns of `people` that name who fired, and nouns that name anybody (claim matching)
    attackers: frozenset[str] = frozenset()
    everybody: frozenset[str] = frozenset()
    # "a double homicide", "the triple murder": its multiple in the group "n", "-suicide" after
    # it (the attacker died too) in the group "suicide"; with the numbers of the words
    multiple: re.Pattern[str] | None = None
    multiples: dict[str, int] = field(default_factory=dict)
    # Speed: words one of which an article must hold for any form to match (victim nouns,
    # "no", "nobody"); None when a rule's regex has no plain leading word to test for.
    triggers: frozenset[str] | None = None
    # the own-verb outcome forms right after a figure's noun ("three others | sustained
    # non-fatal bullet wounds", "four people | are recovering from gunshot wounds"): see
    # with_outcomes
    after_count: re.Pattern[str] | None = None
    # the states of the left forms, right after a figure: "sent | five people | to the hospital"
    left_state: re.Pattern[str] | None = None
    # a toll's name right before a figure with no noun: "the death toll rose to | five"; an
    # active form's verb: "the gunman who killed | 49 and injured | 53"
    toll_before: re.Pattern[str] | None = None
    verb_before: re.Pattern[str] | None = None
    # an active form's verb before its object: "killed | his wife, son and daughter"
    verb_then: re.Pattern[str] | None = None


def compile_casualty_rules(data: Any, c: Any) -> CasualtyRules | None:
    """Check `casualties.yaml` and compile its patterns; mistakes go to the checker `c`."""
    outcomes = _outcome_lists(data, "outcomes", c)
    own_verb = _outcome_lists(data, "own_verb", c)
    active = _outcome_lists(data, "active", c)
    left = _outcome_lists(data, "left", c)
    no_nouns = _outcome_lists(data, "no_outcome_nouns", c)
    toll_words = _outcome_lists(data, "toll_words", c, patterns=False)
    toll_names = _outcome_lists(data, "toll_names", c, required=False)
    died_later = c.regex_list(data, "died_later", required=False)
    deathless_wounds = c.regex_list(data, "deathless_wounds", required=False)
    deathless_own = c.regex_list(data, "deathless_own_verb", required=False)
    deathless_active = c.regex_list(data, "deathless_active", required=False)
    killing = c.regex_list(data, "killing_words", required=False)
    people = c.string_list(data, "people")
    unharmed = c.string_list(data, "unharmed", required=False)
    severity = c.string_list(data, "severity", required=False)
    attackers = c.string_list(data, "attackers", required=False)
    everybody = c.string_list(data, "everybody", required=False)
    pronoun_nouns = c.mapping(data, "pronouns", required=False)
    pronouns = sorted(str(name) for name in pronoun_nouns)
    for name, nouns in pronoun_nouns.items():
        if not isinstance(nouns, list) or not all(isinstance(n, str) for n in nouns):
            c.fail(f"pronouns.{name}", "a list of the nouns only this pronoun stands for", nouns)
    not_names = c.string_list(data, "not_names", required=False)
    death_words = c.string_list(data, "death_words", required=False)
    violence = c.string_list(data, "violence_words", required=False)
    pronoun_wounds = c.regex_list(data, "pronoun_wounds", required=False)
    attacker_died = c.regex_list(data, "attacker_died", required=False)
    describers = c.regex_list(data, "describers")
    death_nouns = c.regex_list(data, "death_of", required=False)
    capitalised = c.regex_list(data, "capitalised_describers", required=False)  # case-sensitive
    nobody = c.regex_list(data, "nobody")
    people_forms = c.regex_list(data, "people_forms", required=False)
    multiples = c.mapping(data, "multiples", required=False)
    for word, number in multiples.items():
        if not isinstance(number, int) or isinstance(number, bool) or number < 2:
            c.fail(f"multiples.{word}", "a whole number of 2 or more", number)
    killings = c.string_list(data, "multiple_killings", required=False)
    if c.problems:
        return None
    # "the boy was wounded": a definite victim is one victim too; when the article gives its
    # toll in figures, these one-victim sentences are set aside (see toll_words)
    described = r"(?:(?:" + "|".join(describers) + r")\s+){0,3}"
    # "a 15-year-old was killed": a form that names a person with no noun of the list
    nouns = "|".join([*(re.escape(p) for p in sorted(people, key=len, reverse=True)),
                      *(f"(?:{form})" for form in people_forms)])
    # the victim's noun, its describers before it; "the boy's mother was taken to a hospital":
    # not the boy
    noun = described + r"(?P<noun>" + nouns + r")\b(?!['’]s\b)"

    def victim(determiners: str) -> str:
        return r"(?P<det>" + determiners + r")\s+" + noun

    person = victim(r"\ban?|\banother|\bthe")
    # (not after a preposition: see _claim)
    kin = victim(r"\bhis|\bher|\btheir")
    # a victim after a verb or "of": either ("the killing of his wife", "shot a man")
    object_victim = victim(r"\ban?|\bthe|\bhis|\bher|\btheir")
    # "a 1-year-old boy and his uncle", "a father and daughter": two victims, one each
    pair = (r"(?P<det>\ban?|\banother|\bthe)\s+" + described + r"(?:" + nouns + r")\s+(?:and|&)\s+"
            r"(?:(?:his|her|their|a|an|the|another)\s+)?" + noun)

    pronoun = (r"(?P<det>\b(?:" + "|".join(re.escape(p) for p in pronouns) + r"))(?P<noun>)\s+")

    # a capitalised word or two that is no common word ("Police", "Sunday") nor a place ("in
    # Millbrook dies", "Sutton, of Dunbar, was killed"), a capital inside a word ("McCardle",
    # "LaKeisha") and a suffix after the name allowed ("Marcus Dellano Jr.", "Curtis Ambrose
    # IV"); then an age aside
    places = "".join(f"(?<!\\b{p} )" for p in PLACE_WORDS)
    name_word = r"(?:O['’])?[A-Z][a-z]+(?:[A-Z][a-z]+)?"
    named_person = (r"(?P<det>" + places + r"(?-i:\b(?!(?:"
                    + "|".join(re.escape(w) for w in not_names) + r")\b)"
                    + name_word + r"(?:[-'’][A-Z]?[a-z]+)?(?:[^\S\n]+" + name_word + r"){0,2}"
                    r"(?:,?[^\S\n]+(?:Jr|Sr)\.?|[^\S\n]+I{2,3}|[^\S\n]+IV)?))(?P<noun>)")
    name = named_person + r"(?:,\s*\d{1,3},)?\s+"  # and an age aside, then the verb

    def deaths(lists: dict[str, list[str]]) -> dict[str, list[str]]:
        return {"killed": lists["killed"], "injured": []}

    def outcome_alternatives(lists: dict[str, list[str]]) -> str:
        return "|".join(f"(?P<{name}>{'|'.join(lists[name])})" for name in OUTCOMES if lists[name])

    def build(pattern: str) -> re.Pattern[str] | None:
        try:
            return re.compile(pattern, re.IGNORECASE)
        except re.error as err:
            c.fail("outcomes", f"patterns that compile together ({err})", pattern[:80])
            return None

    def forms(victim: str) -> tuple[re.Pattern[str] | None, ...]:
        """The passive, own-verb, active and left forms around one victim pattern."""
        return (build(victim + _GAP + _AUX + r"(?:" + outcome_alternatives(outcomes) + r")\b"),
                build(victim + _GAP + r"\b(?:" + outcome_alternatives(own_verb) + r")\b"),
                build(r"\b(?:" + outcome_alternatives(active) + r")[^\S\n]+" + victim),
                build(_LEFT + victim + r"\s+(?:"
                      + outcome_alternatives(left) + r")\b"))

    # victims' nouns, one or more: "a man", "two women", "children"
    some_people = r"(?:(?:" + nouns + r")(?:s|es)?|men|women|children|people)"
    # not one victim but the first of several: "and her two sons", "and a woman" (not "and
    # the wounding of three men")
    another = r"(?!\s+(?:and|&)\s+(?:[\w'’-]+\s+){0,3}(?:" + some_people + r"|others)\b)"
    # "the shooting death | of", "the killing | of"
    death_noun = r"(?:" + "|".join(death_nouns) + r")"
    # an active form's verb and the space after it: before a bare figure, before a list
    active_verb = r"\b(?:" + outcome_alternatives(active) + r")\s+"
    compiled = CasualtyRules(
        pairs=tuple(p for p in forms(pair) if p is not None),
        pair_hint=build(skip_ahead(r"\b(?:" + "|".join(
            [trie_alternation(people, ignore_case=True), *(f"(?:{f})" for f in people_forms)])
            + r")\s+(?:and|&)\s", re.IGNORECASE)),
        second_of_pair=build(r"\b" + some_people + r"\s+(?:and|&)\s+(?:(?:his|her|their)\s+)?$"),
        passive=build(person + _GAP + _AUX + r"(?:" + outcome_alternatives(outcomes) + r")\b"),
        kin_passive=build(kin + _GAP + _AUX + r"(?P<injured>" + "|".join(outcomes["injured"])
                          + r")\b") if outcomes["injured"] else None,
        own_verb=build(person + _GAP + r"\b(?:" + outcome_alternatives(own_verb) + r")\b"),
        active=build(r"\b(?:" + outcome_alternatives(active) + r")[^\S\n]+" + person),
        left=build(_LEFT + person + r"\s+(?:"
                   + outcome_alternatives(left) + r")\b"),
        who_died=build(person + r"\s*,?\s+(?:who|that)\s+[^.;:!?\n\"“”]{1,100}?\s(?:"
                       + outcome_alternatives(deaths(own_verb)) + r")\b"),
        # the victim after "of" may be named by a possessive ("the killing of his wife") or
        # by an age before a name ("the shooting death of 34-year-old Ana Reyes"); one victim
        # only ("the death of a woman and her two sons" is three)
        death_of=tuple(p for p in (
            # atomic: the victim in full, then no "and" ("a 15-year-old | mother and ...")
            build(r"\b(?P<killed>" + death_noun + r")\s+of\s+(?>"
                  + object_victim + r")" + another),
            build(r"\b(?P<killed>" + death_noun + r")\s+of\s+(?P<det>)(?P<noun>"
                  r"\d{1,3}[- ](?:year|month)s?[- ]old"
                  r"(?-i:(?:[^\S\n]+[A-Z][A-Za-z'’-]*[a-z]){1,3}+))\b" + another))
            if p is not None) if death_nouns else (),
        # not "the attempted murder of a police officer"
        death_of_at=build(skip_ahead(r"\b(?<!attempted\s)" + death_noun + r"\s+of\s",
                                     re.IGNORECASE)) if death_nouns else None,
        left_second=build(_LEFT + r"[^.;:!?\n]{1,60}?\s(?:" + "|".join(
            [*left["killed"], *left["injured"]]) + r")\s+and\s+" + person + r"\s+(?:"
            + outcome_alternatives(left) + r")\b"),
        # a death, "and another", a plain wound (not a state: "one is dead and another is in
        # critical condition" grades one of several)
        and_another=build(r"\b(?:" + "|".join(map(re.escape, toll_words["killed"]))
                          + r")\s+and\s+(?P<det>another)(?P<noun>)\s+"
                          r"(?:(?:was|is|has\s+been|had\s+been|being)\s+)?"
                          + (r"(?:(?:" + "|".join(map(re.escape, severity)) + r")\s+)?"
                             if severity else "")
                          + r"(?P<injured>wounded|injured|hurt)\b"),
        # "no one was seriously hurt" is not "no one was hurt": no adverb here
        nobody=build(r"(?P<det>\b(?:" + "|".join(nobody) + r"))(?P<noun>)\s+(?!else\b)"
                     + _AUX_PLAIN + r"(?!(?:critically|seriously|severely|gravely|badly)\b)(?:"
                     + outcome_alternatives(outcomes) + r")\b"),
        none_of=build(r"(?P<det>\bno\s+(?:" + outcome_alternatives(no_nouns) + r"))(?P<noun>)\b"),
        toll_words={name: frozenset(w.lower() for w in toll_words[name]) for name in OUTCOMES},
        died_later=build(r"\b(?:" + "|".join(died_later) + r")\b") if died_later else None,
        killing=build(r"\b(?:" + "|".join(killing) + r")\b") if killing else None,
        deathless_wound=tuple(p for p in (
            *(build(who + _GAP + _AUX + r"(?P<injured>" + "|".join(deathless_wounds) + r")")
              if deathless_wounds else None for who in (person, kin)),
            build(person + _GAP + r"\b(?P<injured>" + "|".join(deathless_own) + r")")
            if deathless_own else None,
            # one victim, not the first of several ("shot his wife and two sons"; atomic, as
            # "a 3-year-old | girl and a man" is not one either)
            build(r"\b(?P<injured>" + "|".join(deathless_active) + r")[^\S\n]+(?>"
                  + object_victim + r")" + another)
            if deathless_active else None) if p is not None),
        # lower case only: "Riley Hospital for Children" names no victim, nor does a
        # possessive ("his father's gun")
        other_victim=re.compile(r"\b(?:(?:" + "|".join(re.escape(p.lower()) for p in people)
                                + r")(?:s|es)?|men|women|children|people|others?|another|both"
                                # "a 4-year-old", "two 17-year-olds"; not "18 years old"
                                r"|nobody|none|no\s+one|" + _AGE_UNITS + r"[- ]olds?)"
                                r"\b(?!['’]s\b)"),
        triggers=_triggers(people, nobody),
        people_form_at=build(skip_ahead("|".join(f"(?:{f})" for f in people_forms), re.IGNORECASE))
        if people_forms else None,
        pronoun_nouns={str(p).lower(): frozenset(n.lower() for n in nouns)
                       for p, nouns in pronoun_nouns.items()},
        victims=frozenset(singular(p.lower()) for p in people) | {"people", "other"},
        people=frozenset(p.lower() for p in people),
        # within a line, after the article and its describers if any ("an 8-year-old Port
        # Orange boy"); no article is a describer ("on the Southwest Side. A man"); the noun
        # not in capitals ("A VEHICLE CRASHED ANOTHER PERSON DIED")
        proper_describers=re.compile(
            r"(?<![\w-])(?:[Aa]n?|[Tt]he|[Aa]nother)[^\S\n]+(?:(?i:" + "|".join(describers)
            + r")[^\S\n]+){0,2}(?P<words>(?:(?!(?:A|An|The)\b)(?:"
            + "|".join(capitalised) + r")[^\S\n]+){1,3})(?=(?:[a-z][\w'’-]*[^\S\n]+){0,2}"
            r"(?![A-Z]{2})(?i:" + trie_alternation(people, ignore_case=True) + r")\b)")
        if capitalised else None,
        violence=frozenset(w.lower() for w in violence),
        death_words=frozenset(w.lower() for w in death_words),
        death_at=build(skip_ahead(r"\b(?:" + trie_alternation(death_words, ignore_case=True)
                                  + r")\b", re.IGNORECASE)) if death_words else None,
        # deaths only, with the verb right after the pronoun: "he was taken to a hospital"
        # may be the suspect's arrest as well as a victim's wound
        pronoun=tuple(p for p in (
            build(pronoun + _AUX + r"(?:" + outcome_alternatives(deaths(outcomes)) + r")\b"),
            build(pronoun + r"(?:" + outcome_alternatives(deaths(own_verb)) + r")\b"))
            if p is not None) if pronouns else (),
        pronoun_wound=build(pronoun + _AUX + r"(?P<injured>" + "|".join(pronoun_wounds) + r")\b")
        if pronouns and pronoun_wounds else None,
        # "Wexley died at the scene", "Colin Wexley, 50, was pronounced dead", "police found
        # Brannick dead": a name
        named=tuple(p for p in (
            build(name + _AUX + r"(?:" + outcome_alternatives(deaths(outcomes)) + r")\b"),
            build(name + r"(?:" + outcome_alternatives(deaths(own_verb)) + r")\b"),
            build(_LEFT_NAMED + name + r"(?:" + outcome_alternatives(deaths(left)) + r")\b"),
            # after an active verb, with the age that tells a person ("killing Dario Pell, 18";
            # not "killed Sunday", "fatally shot March 27", nor the first of several victims:
            # "killing Tessa Marr, 13, and Owen Lusk, 15")
            build(r"\b(?:" + outcome_alternatives(deaths(active)) + r")[^\S\n]+" + named_person
                  + r"(?=,\s*\d{1,3}\b(?!,\d)(?!,?\s+(?:and|&)\s+(?-i:[A-Z])))"))
            if p is not None) if not_names else (),
        attacker_died=build(r"\b(?:" + "|".join(attacker_died) + r")\b") if attacker_died else None,
        after_count=build(_NEXT + r"\b(?:" + outcome_alternatives(own_verb) + r")\b"),
        left_state=build(r"\s+(?:" + outcome_alternatives(left) + r")\b"),
        toll_before=build(r"\b(?:" + outcome_alternatives(toll_names) + r")" + _TOLL_TO)
        if any(toll_names.values()) else None,
        verb_before=build(active_verb + r"$"),
        verb_then=build(active_verb),
        multiple=build(skip_ahead(
            r"\b(?P<n>" + "|".join(re.escape(str(w)) for w in multiples) + r")[- ](?:"
            + "|".join(re.escape(k).replace(r"\ ", r"[- ]") for k in killings) + r")s?\b"
            r"(?P<suicide>[- ](?:and[- ])?suicide\b(?![- ]attempt))?", re.IGNORECASE))
        if multiples and killings else None,
        multiples={str(w).lower(): n for w, n in multiples.items()},
        whole_outcome=build(r"\s+(?:(?:who|that)\s+(?:were|had\s+been|have\s+been)\s+)?(?:"
                            + outcome_alternatives(outcomes) + r")\b"),
        states=frozenset(w.lower() for name in OUTCOMES for w in toll_words[name])
        | frozenset(w.lower() for w in unharmed) | {"dead"},
        severity=frozenset(w.lower() for w in severity),
        attackers=frozenset(w.lower() for w in attackers),
        everybody=frozenset(w.lower() for w in everybody),
    )
    scanned = [*compiled.pairs, compiled.passive, compiled.own_verb, compiled.active,
               compiled.left, compiled.left_second, compiled.and_another, compiled.nobody,
               compiled.none_of, compiled.who_died, compiled.death_of_at, compiled.verb_then,
               *compiled.deathless_wound]
    twins = {p.pattern: twin for p in scanned
             if p is not None and (twin := lowercase_twin(p)) is not None}
    death_of_twin = twins.get(compiled.death_of_at.pattern) if compiled.death_of_at else None
    verb_twin = twins.get(compiled.verb_then.pattern) if compiled.verb_then else None
    wound_twins = [twins.get(p.pattern) for p in compiled.deathless_wound]
    return replace(compiled, twins=twins, death_of_words=required_words(
        death_of_twin.pattern, death_of_twin.flags) if death_of_twin else None,
        verb_then_words=required_words(verb_twin.pattern, verb_twin.flags) if verb_twin else None,
        deathless_words=frozenset().union(*(required_words(twin.pattern, twin.flags)
                                            for twin in wound_twins))
        if wound_twins and None not in wound_twins else None)


_WORD = re.compile(r"[a-z]+")


def _triggers(people: list[str], nobody: list[str]) -> frozenset[str] | None:
    """The words that let an article hold a casualty form: every victim form needs a victim
    noun (or a people form, tested apart) and every nobody form its first word ("no",
    "nobody", "none"). A nobody regex that does not open with a whole plain word ("n[o0]body")
    cannot be tested this way: None."""
    words = {"no"}  # "no injuries were reported" (none_of)
    for noun in people:
        first = _WORD.match(noun.lower())
        if first is None:
            return None
        words.add(first.group(0))
    for alternative in nobody:
        first = _WORD.match(alternative.lower())
        rest = alternative[first.end():] if first else ""
        if first is None or _top_level_bar(alternative) or \
                rest and not rest.startswith((r"\s", " ")):
            return None
        words.add(first.group(0))
    return frozenset(words)


def _top_level_bar(regex: str) -> bool:
    """True when `regex` has a "|" outside any group: it is two alternatives, not one."""
    depth, escaped, in_class = 0, False, False
    for char in regex:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char in "()":
            depth += 1 if char == "(" else -1
        elif char == "|" and depth == 0:
            return True
    return False


def might_hold_casualties(text: str, rules: CasualtyRules,
                          words: set[str] | None = None) -> bool:
    """False when the text holds none of the trigger words: no victim form can match, and the
    six patterns need not scan it (most sentences of an article mention no victim)."""
    if rules.triggers is None:
        return True
    if not rules.triggers.isdisjoint(_WORD.findall(text.lower()) if words is None else words):
        return True
    return rules.people_form_at is not None and rules.people_form_at.search(text) is not None


def _blank_names(text: str, rules: CasualtyRules) -> str:
    """The text with the capitalised describers of victims blanked out, each letter a space:
    "a Louisville Metro police officer" reads as "a police officer" to the forms, at the same
    positions, so a claim still quotes the whole of it. (The forms are case-insensitive, and
    scanned lower-cased where they can be, so they cannot tell a capital themselves.)"""
    if rules.proper_describers is None:
        return text
    spans = [match.span("words") for match in rules.proper_describers.finditer(text)]
    if not spans:
        return text
    parts, at = [], 0
    for start, end in spans:
        parts += [text[at:start], " " * (end - start)]
        at = end
    return "".join([*parts, text[at:]])


def _matches(text: str, rules: CasualtyRules, year: int | None = None, low: str | None = None
             ) -> list[tuple[re.Match[str], int]]:
    """The matches of every form in `text`, each with the number of victims it counts (`year`:
    the article's, if known; `low`: the text in lower case, if the caller has it)."""
    out: list[tuple[re.Match[str], int]] = []
    low = text.lower() if low is None else low
    words = set(_WORD.findall(low))
    if might_hold_casualties(text, rules, words):
        text = _blank_names(text, rules)
        forms = [(rules.passive, 1), (rules.kin_passive, 1), (rules.own_verb, 1),
                 (rules.active, 1), (rules.left, 1), (rules.left_second, 1),
                 (rules.and_another, 1), (rules.nobody, 0), (rules.none_of, 0),
                 (rules.who_died, 1)]
        if rules.pairs and (rules.pair_hint is None or rules.pair_hint.search(text)):
            forms[:0] = [(pattern, 2) for pattern in rules.pairs]
        lowered = text.lower() if rules.twins and text.isascii() else None
        if rules.deathless_wound and (rules.deathless_words is None or any(
                word in low for word in rules.deathless_words)) and _deathless(low, rules):
            forms.extend((pattern, 1) for pattern in rules.deathless_wound)
        out = [(match, count) for pattern, count in forms if pattern is not None
               for match in _finditer(pattern, text, lowered, rules)]
        if rules.death_of_at is not None and (rules.death_of_words is None or any(
                word in low for word in rules.death_of_words)):
            out.extend((match, 1) for hit in _finditer(rules.death_of_at, text, lowered, rules)
                       if not _an_earlier_year(text, hit.start(), year)
                       for pattern in rules.death_of
                       if (match := pattern.match(text, hit.start())) is not None)
    if rules.pronoun_wound is not None and not words.isdisjoint(_WOUND_WORDS) and \
            not words.isdisjoint(rules.pronoun_nouns):
        out.extend((match, 1) for match in rules.pronoun_wound.finditer(text))
    deaths = [*rules.named, *(rules.pronoun if not words.isdisjoint(rules.pronoun_nouns) else ())]
    if deaths and (not rules.death_words or not words.isdisjoint(rules.death_words)):
        out.extend((match, 1) for lo, hi in _death_windows(text, rules) for pattern in deaths
                   for match in pattern.finditer(text, lo, hi)
                   # the name pattern keeps a place's first word from opening a name, this
                   # its last ("at Ridge High | School died")
                   if not in_place_name(text, match.start()))
    return out


# "the 2014 shooting death of", "the 2011 murder of": a year right before the noun
_YEAR_BEFORE = re.compile(r"\bthe\s+(?P<year>(?:19|20)\d\d)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


def _an_earlier_year(text: str, at: int, year: int | None) -> bool:
    """Whether the death named at `at` is dated to a year before the article's: an earlier
    killing the article recalls ("marchers recalled the 2014 killing of a 12-year-old boy")."""
    found = _YEAR_BEFORE.search(text, max(0, at - 40), at)
    return year is not None and found is not None and int(found["year"]) < year


# Speed: every pronoun wound form names the wound (casualties.yaml `pronoun_wounds`)
_WOUND_WORDS = frozenset({"injuries", "injury", "wound", "wounds"})


def _finditer(pattern: re.Pattern[str], text: str, lowered: str | None,
              rules: CasualtyRules) -> list[re.Match[str]]:
    """pattern.finditer(text), found by the pattern's lower-case twin when there is one: the
    twin gives the same spans, and each is then matched on the text itself for its groups."""
    twin = rules.twins.get(pattern.pattern) if lowered is not None else None
    if twin is None:
        return list(pattern.finditer(text))
    found = [pattern.match(text, hit.start()) for hit in twin.finditer(lowered)]
    if any(match is None for match in found):  # never, if the twin is exact: the plain scan
        return list(pattern.finditer(text))
    return found  # type: ignore[return-value]


_BEFORE_DEATH, _AFTER_DEATH = 90, 40  # characters around a death word a form may take


def _death_windows(text: str, rules: CasualtyRules) -> list[tuple[int, int]]:
    """Where a name or pronoun form may match: around the death words ("Wexley, 50, was
    pronounced dead"), overlapping spans merged. Speed: these forms open with any capitalised
    word, and scanning every one in an article costs more than all the other forms."""
    if rules.death_at is None:
        return [(0, len(text))]
    windows: list[tuple[int, int]] = []
    for match in rules.death_at.finditer(text):
        lo, hi = max(0, match.start() - _BEFORE_DEATH), min(len(text), match.end() + _AFTER_DEATH)
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], hi)
        else:
            windows.append((lo, hi))
    return windows


def _outcome_lists(data: Any, key: str, c: Any, patterns: bool = True,
                   required: bool = True) -> dict[str, list[str]]:
    table = c.mapping(data, key, required=required)
    out = {}
    for name in table:
        if name not in OUTCOMES:
            c.fail(f"{key}.{name}", "one of " + ", ".join(OUTCOMES), name)
    for name in OUTCOMES:
        out[name] = c.string_list(table, name, required=False)
        for i, value in enumerate(out[name] if patterns else ()):
            c.regex(f"{key}.{name}[{i}]", value)
    return out


def extract_casualties(ctx: Context, numbers: Sequence[Claim],
                       exclude: Sequence[tuple[int, int]] = ()) -> list[Claim]:
    """The casualty claims of one article, given its number claims (with their scopes).

    A victim whose article or noun is a figure ("one man") is left to the number extractor
    (which itself never reads "no one" as a figure); one-victim sentences are set aside when a
    figure states the same outcome's toll for this incident (not a roundup's nor a period's).
    Spans in `exclude` (dates, quotes) are left alone. A death toll followed by the attacker's
    own death ("killed two people before turning the gun on himself") is also given with the
    attacker counted."""
    rules: CasualtyRules | None = ctx.rules.casualties
    if rules is None:
        return []
    claims = _casualties(ctx, numbers, exclude, rules)
    if rules.attacker_died is not None:
        claims.extend(_attacker_tolls(ctx, [*numbers, *claims], rules))
    return sorted(claims, key=lambda c: (c.start, c.end))


def _casualties(ctx: Context, numbers: Sequence[Claim], exclude: Sequence[tuple[int, int]],
                rules: CasualtyRules) -> list[Claim]:
    low = ctx.text.lower()
    listed = _victim_lists(ctx, rules, low)
    joined = [*(c for c in _joined_tolls(ctx, numbers, rules)
                if not any(s.start < c.start and c.end <= s.end for s in listed)),
              *_wholes_of_parts(ctx, numbers, rules), *_multiple_killings(ctx, exclude, rules),
              *_dead_among_the_shot(ctx, numbers, rules), *listed]
    matches = _matches(ctx.text, rules, ctx.published.year if ctx.published else None, low)
    if not matches:
        return joined
    found: dict[tuple[int, int], tuple[Claim, list[tuple[int, int]]]] = {}
    for first, count in matches:
        match: re.Match[str] | None = first
        while match is not None:
            made = _claim(ctx, match, count, exclude)
            if made is not None:
                if (made[0].start, made[0].end) not in found:
                    found[(made[0].start, made[0].end)] = made
                break
            match = _overlapped(match.string, match)
    pairs = [(c.start, c.end) for c, _ in found.values() if c.value.stated == 2]
    lists = [(c.start, c.end) for c in listed]
    if pairs or lists:  # "killed a boy and his uncle": the pair, not "killed a boy" as well;
        # "killed a man, a woman and a child": the three, neither "a man" nor "a woman and a child"
        found = {span: made for span, made in found.items()
                 if not any(s <= span[0] < e for s, e in lists)
                 and (made[0].value.stated == 2 or not any(s <= span[0] < e for s, e in pairs))}
    this_incident = [n for n in numbers
                     if counts_this_incident(n, ctx.rules.own_incident_scopes)]
    # a toll counts people: not "two doors" in "lives two doors down"
    tolls = {name for n in this_incident if n.kind == Kind.COUNT and n.value.unit
             and n.value.unit.split()[-1] in rules.victims
             for name in OUTCOMES if rules.toll_words[name].intersection(n.subject.split())}
    # "one man" is the number extractor's; "a 15-year-old" is a person, not an age (a quantity)
    counts = [n for n in numbers if n.kind == Kind.COUNT]
    claims = [claim for claim, own in found.values()
              if claim.value.stated == 0
              or (claim.subject not in tolls
                  and not any(n.start < e and s < n.end for n in counts for s, e in own))]
    claims.extend(joined)
    deaths = _one_victim_deaths(claims, this_incident, rules)
    if deaths:
        claims = [claim for claim in claims if not _a_death_told_again(claim, deaths)]
    claims = _ones_of_a_pair(claims)
    return _wounds_of_the_dead(ctx, claims, rules)


def _overlapped(text: str, rejected: re.Match[str]) -> re.Match[str] | None:
    """The next match of the same form that starts inside a match `_claim` turned down, which
    the scan skipped: "An Augusta teenager is behind bars after | a 1-year-old boy was shot
    and killed" (the teenager is not the victim, the boy is)."""
    resume = max(rejected.end("det"), rejected.end("noun") if rejected.group("noun") else 0)
    if resume <= rejected.start() or resume >= rejected.end():
        return None
    # Speed: a form spans a few words, so the search needs no more text than this; a search
    # to the text's end after every turned-down match would cost a scan of the article each
    match = rejected.re.search(text, resume, min(len(text), rejected.end() + _FORM_REACH))
    return match if match is not None and match.start() < rejected.end() else None


_FORM_REACH = 400  # characters: longer than any match of the forms (gap 60, outcomes, names)


def with_outcomes(ctx: Context, numbers: Sequence[Claim]) -> list[Claim]:
    """The number claims, with the outcome added to the subject of a count of people whose own
    verb tells it in words the predicate does not keep: "three others sustained non-fatal
    bullet wounds" were injured as "three others were injured" were (the predicate words stop
    at "bullet"). Only the own-verb forms: "four men were taken to the hospital" and "two are
    in serious condition" are often some of the wounded, not all of them; but a shooting that
    "sent four men to the hospital" wounded them (the left forms' states after "sent"). And
    people shot, in an article that tells of no death: "four people were shot" were wounded
    (`_shot`)."""
    rules: CasualtyRules | None = ctx.rules.casualties
    after_count = rules.after_count if rules is not None else None
    if rules is None or after_count is None:
        return list(numbers)
    out = []
    deathless: bool | None = None  # whether the article tells of no death at all
    for claim in numbers:
        outcome = _named_toll(ctx, claim, rules) if claim.kind == Kind.COUNT and \
            not claim.value.unit else None
        if outcome is not None:
            subject = claim.subject if not rules.toll_words[outcome].isdisjoint(
                claim.subject.split()) else f"{claim.subject} {outcome}".strip()
            out.append(replace(claim, value=replace(claim.value, unit="people"), subject=subject))
            continue
        outcome = _outcome_after(ctx, claim, rules, after_count) if claim.kind == Kind.COUNT \
            else None
        if outcome is None and claim.kind == Kind.COUNT and rules.left_state is not None and \
                _SENT.search(ctx.text, max(0, claim.start - 30), claim.start) and \
                _counts_people(claim, rules) and \
                (state := rules.left_state.match(ctx.text, claim.end)) is not None:
            outcome = next(name for name, said in state.groupdict().items() if said is not None)
        if outcome is None and claim.kind == Kind.COUNT and _shot(ctx, claim, rules):
            if deathless is None:
                deathless = _deathless(ctx.text.lower(), rules)
            outcome = "injured" if deathless else None
        if outcome is not None:
            claim = replace(claim, subject=f"{claim.subject} {outcome}".strip())
        out.append(claim)
    return out


# from a toll's name to its figure: "death toll | from the attack climbed to | at least 49" (a
# hedge before the figure is the claim's own words)
_TOLL_TO = r"(?:\s+[\w'’-]+){0,5}?\s+(?:to|at|of|is|was|reached|hit|topped|passed)\s+$"
_TOLL_REACH = 80  # characters from a toll's name to its figure


def _named_toll(ctx: Context, claim: Claim, rules: CasualtyRules) -> str | None:
    """The outcome of a figure with no noun that a toll's name or a casualty verb stands
    before ("the death toll rose to five", "the number of injured climbed to 20", "the gunman
    who killed 49 and injured 53"): a count of people; else None."""
    lo = max(ctx.sentence_span(claim.start)[0], claim.start - _TOLL_REACH)
    for pattern in (rules.toll_before, rules.verb_before):
        toll = pattern.search(ctx.text, lo, claim.start) if pattern is not None else None
        if toll is not None:
            return next(name for name, said in toll.groupdict().items() if said is not None)
    return None


def _counts_people(claim: Claim, rules: CasualtyRules) -> bool:
    """A count of victims whose predicate does not already say what became of them."""
    words = claim.value.unit.split() if claim.value.unit else []
    return bool(words) and words[-1] in rules.victims and \
        rules.states.isdisjoint(claim.subject.split())


def _shot(ctx: Context, claim: Claim, rules: CasualtyRules) -> bool:
    """A count of people shot, with no other outcome said: in an article that tells of no
    death, "four people were shot" were wounded, as "four people were wounded" were."""
    # "one shot in the chest and the other in the leg": a bare figure is often a part, and
    # "one of five people shot" is one (its scope is not set yet: see _counts_victims)
    return (_counts_people(claim, rules) and len(claim.text.split()) > 1
            and " of " not in claim.text
            and (claim.subject.split()[:1] == ["shot"]
                 # "in total eight people were shot", "a party ended with five people shot",
                 # "the gunman shot the four men" (the predicate holds other words first)
                 or _SHOT_AFTER.match(ctx.text, claim.end) is not None
                 or _SHOT_BEFORE.search(ctx.text, max(0, claim.start - 20), claim.start)
                 is not None)
            and not _SHOT_AT.search(claim.sentence))


# the verb right after a count of people, or right before it
_SHOT_AFTER = re.compile(r"\s+(?:" + _AUX_PLAIN + r")?"
                         r"(?:(?:all|also|each|reportedly|allegedly|accidentally)\s+)?shot\b")
_SHOT_BEFORE = re.compile(r"\bshot\s+(?:the\s+|all\s+)?$")


def _deathless(low: str, rules: CasualtyRules) -> bool:
    """Whether an article (`low`: its text in lower case) tells of no death: none of the killed
    toll words, but for "none fatally", "no one died", what did not happen ("I could have
    died"), the verb "lives" and a charge or threat ("assault with intent to kill"), none of the
    words of a death told later ("a girl who did not survive her injuries", "passed away") and
    none that names a killing ("the homicide": killing_words)."""
    told = _NO_DEATH.sub(" ", low)
    if "lives" in told:
        told = _LIVES.sub(lambda m: m[0] if m[1] in _LIVES_NOUN or m[1].isdigit() else " ", told)
    return rules.toll_words["killed"].isdisjoint(_WORD.findall(told)) and \
        (rules.died_later is None or rules.died_later.search(told) is None) and \
        (rules.killing is None or rules.killing.search(told) is None)


_NO_DEATH = re.compile(r"\b(?:none|no\s+one|nobody|neither)\b[^.;:!?\n]{0,30}?"
                       r"\b(?:fatally|killed|died|dead)\b"
                       # a charge or a threat: "assault with intent to kill", "tried to kill"
                       r"|\b(?:intent|intending|attempt(?:ed|ing)?|trying|tried"
                       r"|threat(?:en(?:ed|ing)?)?|wanted|plotting|plotted)\s+to\s+kill\b"
                       # what did not happen: "I could've died", "he was nearly killed"
                       r"|\b(?:(?:could|would|might)(?:\s+have|['’]ve)|nearly|almost)"
                       r"\s+(?:been\s+)?(?:died|killed|dead)\b")
# "lives" and the word before it: the verb ("where she lives") tells of no death, the noun does;
# it has a determiner or a figure before it ("their lives", "claimed three lives")
_LIVES = re.compile(r"([\w'’-]+)\s+lives\b")
_LIVES_NOUN = frozenset(("our", "my", "your", "his", "her", "their", "the", "many", "more", "own",
                         *(word for word, n in (*UNITS.items(), *TENS.items()) if n)))
# not hit: "were shot at but not struck", "two people shot at them"
_SHOT_AT = re.compile(r"\bshot\s+at\s*(?:by\b|but\b|[.,;!?]|$|(?:him|her|them|us|me|it|police|"
                      r"officers|deputies|troopers)\b)", re.IGNORECASE)


def _outcome_after(ctx: Context, claim: Claim, rules: CasualtyRules,
                   after_count: re.Pattern[str]) -> str | None:
    if not _counts_people(claim, rules):
        return None  # no people, or the predicate words already say what became of them
    if _OF_BEFORE.search(ctx.text, max(0, claim.start - 8), claim.start):
        return None  # "the shooting of two officers | suffered ...": not the verb's subject
    match = after_count.match(ctx.text, claim.end, ctx.sentence_span(claim.start)[1])
    if match is None:
        return None
    return next(name for name, said in match.groupdict().items() if said is not None)


_OF_BEFORE = re.compile(r"\bof\s+(?:the\s+)?$", re.IGNORECASE)


def _wounds_of_the_dead(ctx: Context, claims: list[Claim], rules: CasualtyRules) -> list[Claim]:
    """The claims without one-victim wounds the next words say were fatal: in "A man was shot
    in the chest. He died at a hospital." the man is the one who died, not a second, injured
    victim. A death told with a pronoun or a name later in the wound's sentence or in the next
    is that victim's, unless the victim's noun is one only another pronoun stands for ("A woman
    was wounded. He was killed"); and such a death after another victim's in its sentence, or
    in an article that tells of two dead together, is one of those, not one more."""
    pronoun_deaths = [c for c in claims if c.subject == "killed" and _said_by_name(c)]
    if not pronoun_deaths:
        return claims
    at = {c.start: bisect.bisect_right(ctx.sentences, (c.start, float("inf"))) - 1
          for c in claims}
    # "She died on September 8 in Dar es Salaam": a death, but no casualty of violence
    calm = [d for d in pronoun_deaths if not _violent(ctx, at[d.start], d.start, rules)]
    if calm:
        claims = [c for c in claims if c not in calm]
        pronoun_deaths = [d for d in pronoun_deaths if d not in calm]
    # "The boy was taken to a hospital, where he was pronounced dead": one death, the boy's;
    # after "a man and a boy were fatally shot", "he" is one of the two
    pair = any(c.subject == "killed" and c.value.stated >= 2 for c in claims)
    told = [d for d in pronoun_deaths
            if pair or any(at[c.start] == at[d.start] and c.start < d.start
                           and c.value.stated == 1 and c.subject in OUTCOMES for c in claims)]
    if told:
        claims = [c for c in claims if c not in told]
        pronoun_deaths = [d for d in pronoun_deaths if d not in told]

    def fatal(wound: Claim) -> bool:
        if wound.subject != "injured" or wound.value.stated != 1:
            return False
        for death in pronoun_deaths:
            said = death.text.lower()  # a pronoun, or a name (which may stand for anyone)
            other = said in rules.pronoun_nouns and any(
                wound.value.unit in nouns for name, nouns in rules.pronoun_nouns.items()
                if name != said)
            if not other and (at[death.start] == at[wound.start] + 1
                              or at[death.start] == at[wound.start] and death.start > wound.start):
                return True
        return False

    return [c for c in claims if not fatal(c)]


_ARTICLES = ("a ", "an ", "the ", "another ")


def _violent(ctx: Context, index: int, position: int, rules: CasualtyRules) -> bool:
    """Whether the sentence `index` (that holds `position`) or the one before it tells of
    violence (`violence_words`), as in "Smith was shot. He died at the scene."."""
    if not rules.violence:
        return True
    spans = ctx.sentences
    if 0 <= index < len(spans):
        lo, hi = spans[max(0, index - 1)][0], spans[index][1]
    else:
        lo, hi = ctx.sentence_span(position)
    return not rules.violence.isdisjoint(_WORD.findall(ctx.text[lo:hi].lower()))


def _said_by_name(claim: Claim) -> bool:
    """Whether a one-victim casualty claim names its victim with a pronoun or a name ("He",
    "Wexley"): the only forms whose victim has no article ("a 15-year-old" has one)."""
    return claim.value.stated == 1 and not claim.text.lower().startswith(_ARTICLES)


_ATTACKER_REACH = 160  # characters from a toll to the attacker's death that may follow it


def _attacker_tolls(ctx: Context, claims: Sequence[Claim], rules: CasualtyRules) -> list[Claim]:
    """Death tolls told with the attacker's death later in the sentence: "shot and killed a
    young girl before turning the gun on himself" is two dead, the attacker among them, as
    "killed his two children and himself" is three. The nearest plain death toll before the
    phrase, in its sentence, is the one the attacker is added to."""
    pattern: re.Pattern[str] = rules.attacker_died
    out: list[Claim] = []
    tolls = [c for c in claims if _a_death_toll(c, rules)]
    if not tolls:
        return out
    counts = [c for c in claims if c.kind == Kind.COUNT]
    for match in pattern.finditer(ctx.text):
        lo = max(ctx.sentence_span(match.start())[0], match.start() - _ATTACKER_REACH)
        before = [c for c in tolls if lo <= c.start and c.end <= match.start()]
        if not before:
            continue
        toll = max(before, key=lambda c: (c.end, -c.start))
        between = ctx.text[toll.end:match.start()].lower()
        if any(toll.end <= c.start < match.start() for c in counts) or \
                not rules.toll_words["injured"].isdisjoint(_WORD.findall(between)):
            continue  # "killed two and wounded seven before...": the span would hold both
        total = toll.value.stated + 1
        value = NumberValue(stated=total, low=total, high=total, unit="people",
                            scope=_attacker_scope(ctx))
        out.append(ctx.claim(Kind.COUNT, toll.start, match.end(), value, subject=toll.subject))
    return out


def _a_death_toll(claim: Claim, rules: CasualtyRules) -> bool:
    """A plain count of people killed ("four people" fatally shot, "a young girl" killed)."""
    return (claim.kind == Kind.COUNT and isinstance(claim.value, NumberValue)
            and claim.value.scope is None and _counts_victims(claim, rules)
            and claim.value.stated >= 1
            and not rules.toll_words["killed"].isdisjoint(claim.subject.split()))


INCLUDING_THE_ATTACKER = "including the attacker"  # scope.yaml's label, unless renamed there
_AND = re.compile(r"\s*,?\s+(?:and|&)\s+(?:(?:his|her|their)\s+)?")  # "and their four children"
_COMMA = re.compile(r"\s*,\s*")
_AND_HIMSELF = re.compile(r"\s+and\s+(?:then\s+)?(?:himself|herself)\b", re.IGNORECASE)


def _joined_tolls(ctx: Context, numbers: Sequence[Claim], rules: CasualtyRules) -> list[Claim]:
    """The tolls an article states in parts: "four adults and two children were killed" (six
    people), "killed his two children and himself" (three, the attacker among them)."""
    counts = [n for n in numbers if n.kind == Kind.COUNT and _counts_victims(n, rules)]
    out = []
    for i, (first, second) in enumerate(zip(counts, counts[1:])):
        if i and _COMMA.fullmatch(ctx.text, counts[i - 1].end, first.start):
            continue  # "two men, three women and four children": a list of three parts
        if _AND.fullmatch(ctx.text, first.end, second.start) and \
                first.value.scope == second.value.scope:
            total = first.value.stated + second.value.stated
            value = NumberValue(stated=total, low=total, high=total, unit="people",
                                scope=first.value.scope)
            out.append(ctx.claim(Kind.COUNT, first.start, second.end, value,
                                 subject=second.subject or first.subject))
    for count in counts:
        himself = _AND_HIMSELF.match(ctx.text, count.end)
        if himself and count.value.scope is None:
            total = count.value.stated + 1
            value = NumberValue(stated=total, low=total, high=total, unit="people",
                                scope=_attacker_scope(ctx))
            out.append(ctx.claim(Kind.COUNT, count.start, himself.end(), value,
                                 subject=count.subject))
        elif count.value.scope is None:
            out.extend(_one_more(ctx, count, rules))
    return out


# a list of three or more victims after an active verb: "killed his wife, son and daughter",
# "killed a man, a woman and a child", "shot and killed his wife, two sons and himself"; each
# item a noun of `people` with its own article or possessive, the list's first one, or a small
# number ("two sons")
_LIST_NUMBER = "|".join(word for word, n in UNITS.items() if 2 <= n <= 10)  # "two" to "ten"
_LIST_ITEM = re.compile(r"(?:(?P<article>an?|his|her|their)\s+)?"
                        rf"(?:(?P<n>\d{{1,2}}|{_LIST_NUMBER})\s+)?"
                        rf"(?:(?P<describer>{_AGE}|[a-z]+)\s+)??"
                        r"(?P<noun>[a-z]+(?:-in-law)?)"
                        r"(?=\s*[,.;:!?)]|\s+(?:and|before|after|in|at|on|inside|outside|near|"
                        r"during|when|while|as|then|with)\b|\s*$)")
_LIST_COMMA = re.compile(r"\s*,\s*(?!and\b)")
_LIST_AND = re.compile(r",?\s+and\s+(?:then\s+)?")
_SELF = re.compile(r"(?:him|her)self\b")
_UNBORN = re.compile(r"\bunborn\b", re.IGNORECASE)


def _victim_lists(ctx: Context, rules: CasualtyRules, low: str) -> list[Claim]:
    """The toll of a list of three or more victims after an active verb: "killed his wife,
    son and daughter" is three; "and himself" at its end counts the attacker too. A list with
    a plural noun and no number ("his wife and children"), a word of no person or an unborn
    child (outlets count the unborn both ways) is no toll; a pair is read elsewhere."""
    if rules.verb_then is None:
        return []
    out: list[Claim] = []
    if rules.verb_then_words is not None and not any(w in low for w in rules.verb_then_words):
        return out  # Speed: most articles of an archive tell of no one killed or wounded
    lowered = low if rules.twins and ctx.text.isascii() else None
    for verb in _finditer(rules.verb_then, ctx.text, lowered, rules):
        listed = _victim_list(ctx.text, verb.end(), rules)
        if listed is None or _UNBORN.search(ctx.text, verb.end(), listed[1]):
            continue
        total, end, attacker = listed
        value = NumberValue(stated=total, low=total, high=total, unit="people",
                            scope=_attacker_scope(ctx) if attacker else None)
        lo, hi = ctx.sentence_span(verb.start())
        subject = predicate_subject(ctx.text, verb.end(), end, lo, hi)
        outcome = next(name for name, said in verb.groupdict().items() if said is not None)
        if outcome not in subject.split():
            subject = f"{subject} {outcome}".strip()
        out.append(ctx.claim(Kind.COUNT, verb.end(), end, value, subject=subject))
    return out


def _victim_list(text: str, at: int, rules: CasualtyRules) -> tuple[float, int, bool] | None:
    """(people, end, whether the attacker is among them) of a list of three or more victims
    that starts at `at`, or None."""
    total, items = 0, 0
    while True:
        item = _LIST_ITEM.match(text, at)
        count = _item_count(item, rules, first=not items)
        if item is None or count is None:
            return None
        total, items = total + count, items + 1
        comma = _LIST_COMMA.match(text, item.end())
        if comma is not None:
            at = comma.end()
            continue
        last = _LIST_AND.match(text, item.end())
        if last is None or items < 2:
            return None  # three or more, the last after "and"
        himself = _SELF.match(text, last.end())
        if himself is not None:  # "his wife, two daughters and himself"
            return float(total + 1), himself.end(), True
        item = _LIST_ITEM.match(text, last.end())
        count = _item_count(item, rules, first=False)
        if item is None or count is None:
            return None  # "killed a man, a woman and then fled"
        return float(total + count), item.end(), False


def _item_count(item: re.Match[str] | None, rules: CasualtyRules, first: bool) -> int | None:
    """The people an item of a list names: one for "his wife", "a man", "son" (after the
    list's first item, sharing its possessive), a small number's for "two sons"; else None."""
    if item is None:
        return None
    noun = item["noun"].removesuffix("-in-law")
    if item["n"]:
        number = _small_number(item["n"])
        return number if number is not None and number >= 2 and singular(noun) in rules.victims \
            else None
    if noun not in rules.victims or singular(noun) != noun:
        return None
    return 1 if item["article"] or not first else None


# "two men and a woman", "two officers and the gunman", "his two children and their mother":
# one more person named with an article or a possessive right after a count, or right before
# it ("a woman and two men", "a woman and her two sons"); a describer may stand before the
# noun ("and a 15-year-old girl", "an adult male")
# or an age alone, which names a person ("two men and a 15-year-old", "a ten year old boy")
_AGE_ALONE = re.compile(_AGE)
_AND_ONE_MORE = re.compile(r"\s+and\s+(?P<article>an?|the|his|her|their)\s+"
                           rf"(?P<first>{_AGE}|[\w-]+)(?:\s+(?P<second>[a-z]+))?\b")
_ONE_MORE_AND = re.compile(rf"\b(?P<article>[Aa]n?|[Tt]he)\s+(?:(?P<first>{_AGE}|[\w-]+)\s+)?"
                           rf"(?P<second>{_AGE}|[a-z]+)\s+and\s+(?:(?:his|her|their)\s+)?$")


def _one_more(ctx: Context, count: Claim, rules: CasualtyRules) -> list[Claim]:
    """The toll of a count and one person joined to it by "and": "two men and a woman were
    killed" is three people, "a woman and two men" too; "two officers and the shooter are
    dead" is three with the attacker among them. Not added: "the woman" (who may be one
    already counted), a noun of no person ("two men and a dog"), the last two items of a
    list ("a man, two women and a child"), "a man and three others" (the others may only
    have been wounded) and "an unborn child" (outlets count the unborn both ways)."""
    after = _AND_ONE_MORE.match(ctx.text, count.end)
    before = _ONE_MORE_AND.search(ctx.text, max(0, count.start - 40), count.start)
    out = []
    for found in (after, before):
        if found is None or "other" in count.value.unit.split() or _UNBORN.search(found[0]):
            continue
        start = count.start if found is after else found.start()
        if _IN_A_LIST.search(ctx.text, max(0, start - 3), start):
            continue
        # the person's noun: "a young woman", "an adult male", else "a woman | were killed";
        # before the count, the word before "and" ("a young woman and", not "a woman died and")
        nouns = {w: singular(found[w].lower()) for w in (("second", "first") if found is after
                                                         else ("second",)) if found[w]}
        word = next((w for w, noun in nouns.items()
                     if noun in rules.victims or noun in rules.attackers), None)
        if word is None:  # "and a 15-year-old were", "a 16-year-old and": the age is the person
            word = next((w for w in nouns if _AGE_ALONE.fullmatch(found[w])), None)
        if word is None or nouns[word] != found[word].lower():
            continue  # "two mothers and their daughters", "and their four children": how many?
        attacker = nouns[word] in rules.attackers
        if found["article"].lower() == "the" and not attacker:
            continue
        end = found.end(word) if found is after else count.end
        total = count.value.stated + 1
        value = NumberValue(stated=total, low=total, high=total, unit="people",
                            scope=_attacker_scope(ctx) if attacker else None)
        lo, hi = ctx.sentence_span(start)
        subject = predicate_subject(ctx.text, start, end, lo, hi)
        # and the outcome its count was given (with_outcomes): "four adults and a 3-year-old
        # were shot", in an article that tells of no death, were wounded as the four were
        told = [w for w in count.subject.split() if w in OUTCOMES and w not in subject.split()]
        out.append(ctx.claim(Kind.COUNT, start, end, value,
                             subject=" ".join([subject, *told]).strip()))
    return out


# "one of the four people", "two of the 12 victims": the whole a part is taken from
_WHOLE = re.compile(r"\bof\s+(?:(?:the|those|these|its|their|his|her|our)\s+)?"
                    r"(?P<n>\d{1,4}|[a-z]+)\s+\S", re.IGNORECASE)


def _wholes_of_parts(ctx: Context, numbers: Sequence[Claim], rules: CasualtyRules) -> list[Claim]:
    """The tolls an article states through a part: "Harper was one of the four people killed"
    says four people were killed; "two of the six victims died" says nothing of the six (the
    outcome must follow the whole's noun, not the part's verb)."""
    if rules.whole_outcome is None:
        return []
    starts = {n.start for n in numbers}
    out = []
    for part in numbers:
        if part.kind != Kind.COUNT or part.value.scope != PART_OF_A_GROUP or not part.value.unit:
            continue
        whole = _WHOLE.search(part.text)
        word = whole.group("n").lower() if whole else ""
        total = _small_number(word)
        if not total or total <= part.value.stated:
            continue
        outcome = rules.whole_outcome.match(ctx.text, part.end)
        start = part.start + whole.start("n")
        if outcome is None or start in starts:
            continue
        name = next(name for name in OUTCOMES if outcome.group(name))
        value = NumberValue(stated=float(total), low=float(total), high=float(total),
                            unit=part.value.unit.split()[-1])
        out.append(ctx.claim(Kind.COUNT, start, outcome.end(), value, subject=name))
    return with_scopes(ctx, out)


def _multiple_killings(ctx: Context, exclude: Sequence[tuple[int, int]],
                       rules: CasualtyRules) -> list[Claim]:
    """The tolls a killing's name states: "a double homicide" is two people killed, "the
    triple murder-suicide" four with the attacker among them."""
    if rules.multiple is None:
        return []
    out = []
    for found in rules.multiple.finditer(ctx.text):
        if any(s < found.end() and found.start() < e for s, e in exclude):
            continue
        total = float(rules.multiples[found["n"].lower()] + (1 if found["suicide"] else 0))
        value = NumberValue(stated=total, low=total, high=total, unit="people",
                            scope=_attacker_scope(ctx) if found["suicide"] else None)
        out.append(ctx.claim(Kind.COUNT, found.start(), found.end(), value, subject="killed"))
    return with_scopes(ctx, out)


def _attacker_scope(ctx: Context) -> str:
    """The label scope.yaml gives "including the gunman" (so that "killed two people and
    himself" meets "three people were killed, including the gunman")."""
    return attacker_scope(ctx.rules.scopes) or INCLUDING_THE_ATTACKER


def _counts_victims(claim: Claim, rules: CasualtyRules) -> bool:
    """A plain count of people ("three children", not "three of the children" nor "about 20
    people"): one that can be added to another."""
    value = claim.value
    words = value.unit.split() if value.unit else []
    return (isinstance(value.stated, float) and value.hedge is None
            and value.scope != PART_OF_A_GROUP  # scoped parts join when they share the scope
            and bool(words) and words[-1] in rules.victims
            # "three dead suspects and two uninjured residents": two states, no one toll
            and rules.states.isdisjoint(words[:-1])
            and " of " not in claim.text)  # "three of the victims": a part (scope.py)


# "four people were shot, | one fatally", "five were wounded, | two of them fatally", "six
# were shot, | one of whom died": how many of the people shot died, right after them
_FATAL_PART = re.compile(r"\s*,\s*(?:and\s+)?(?P<k>\d{1,3}|[a-z]+)(?:\s+of\s+(?:them|whom))?\s+"
                         r"(?:fatally|(?:later\s+|has\s+|have\s+|since\s+)?died)\b",
                         re.IGNORECASE)
# the verb of the people shot, up to its time or place: "were shot early Sunday in Elm Park"
_HIT_VERB = re.compile(r"(?:\s+(?:were|was|have\s+been|had\s+been|are))?\s+"
                       r"(?:shot|wounded|injured)(?:\s+and\s+(?:wounded|injured))?"
                       r"[^,.;:!?\n]{0,50}?(?=\s*,)", re.IGNORECASE)
_HIT_WORDS = frozenset({"shot", "wounded", "injured"})  # the predicate of the people hit


def _dead_among_the_shot(ctx: Context, numbers: Sequence[Claim], rules: CasualtyRules
                         ) -> list[Claim]:
    """The deaths told as a part of the people shot, where the number extractor reads no
    count: "five were shot, one of whom died" ("one of whom" is a part), "9 People Shot, 1
    Fatally" (a headline's capitals). "one fatally" after them is a count already. The wounded
    are not derived (four shot, one fatally: three wounded): the one claim would hold both
    the wound and the death in its words."""
    out = []
    counts = [n for n in numbers if n.kind == Kind.COUNT]
    starts = {n.start for n in counts}
    for hit in counts:
        words = hit.subject.split()
        if not _counts_victims(hit, rules) or hit.value.scope is not None or \
                _HIT_WORDS.isdisjoint(words) or not rules.toll_words["killed"].isdisjoint(words):
            continue
        hi = ctx.sentence_span(hit.start)[1]
        verb = _HIT_VERB.match(ctx.text, hit.end, hi)
        part = _FATAL_PART.match(ctx.text, verb.end(), hi) if verb else None
        if part is None or part.start("k") in starts:
            continue
        dead = _small_number(part.group("k").lower())
        if dead is not None and 0 < dead < hit.value.stated:
            out.append(ctx.claim(Kind.COUNT, part.start("k"), part.end("k"), NumberValue(
                stated=float(dead), low=float(dead), high=float(dead), unit="people"),
                subject="killed"))
    return out


def _small_number(word: str) -> int | None:
    """The number a word of a casualty phrase gives: "4", "four", "twenty"; else None."""
    return int(word) if word.isdigit() else UNITS.get(word, TENS.get(word))


# Nouns that name any victim: "the victim" may be the man an article says was killed.
_ANY_VICTIM = frozenset({"victim", "people", "person"})


def _one_victim_deaths(claims: Sequence[Claim], numbers: Sequence[Claim],
                       rules: CasualtyRules) -> frozenset[str]:
    """The nouns of the single victims an article says died ("a man was killed", "One man
    died"): a later "the man" is that victim."""
    nouns = {c.value.unit for c in claims if c.subject == "killed" and c.value.stated == 1}
    nouns.update(n.value.unit.split()[-1] for n in numbers
                 if n.kind == Kind.COUNT and n.value.stated == 1 and n.value.unit
                 and rules.toll_words["killed"].intersection(n.subject.split()))
    return frozenset(nouns)


def _ones_of_a_pair(claims: list[Claim]) -> list[Claim]:
    """The claims without a definite victim told after a pair with the same outcome: after "a
    man and a child were wounded", "the child was shot in the leg" is one of the two."""
    pairs = [c for c in claims if c.value.stated == 2 and c.subject in OUTCOMES]
    if not pairs:
        return claims
    return [c for c in claims
            if not (c.subject in OUTCOMES and _one_definite_victim(c)
                    and any(p.subject == c.subject and p.start < c.start for p in pairs))]


def _one_definite_victim(claim: Claim) -> bool:
    """"The man", "the 16-year-old": one victim the article may already have told of."""
    return claim.value.stated == 1 and claim.text.lower().startswith("the ")


def _a_death_told_again(claim: Claim, deaths: frozenset[str]) -> bool:
    """Whether an injury claim is about a victim the article already said died: "A man was
    shot and killed... The man was taken to a hospital" states one death, not an injury too."""
    return (claim.subject == "injured" and _one_definite_victim(claim)
            and (claim.value.unit in deaths or claim.value.unit in _ANY_VICTIM))


def _died_later(ctx: Context, start: int, end: int) -> bool:
    """Whether the sentence goes on to say that this wounded victim died ("The boy was taken to
    a hospital, where he was pronounced dead"), with no other victim named before the death."""
    rules: CasualtyRules = ctx.rules.casualties
    if rules.died_later is None:
        return False
    tail = ctx.text[end:ctx.sentence_span(start)[1]]
    death = rules.died_later.search(tail)
    return death is not None and (rules.other_victim is None
                                  or rules.other_victim.search(tail, 0, death.start()) is None)


def _claim(ctx: Context, match: re.Match[str], count: int, exclude: Sequence[tuple[int, int]]
           ) -> tuple[Claim, list[tuple[int, int]]] | None:
    """The claim of one match and the spans of its article and noun, or None."""
    groups = match.groupdict()
    outcome = next((name for name in OUTCOMES if groups.get(name)), None)
    if outcome is None:
        return None
    rules: CasualtyRules = ctx.rules.casualties
    verb = match.start(outcome)
    after_noun = match.end("noun")
    if count == 1:  # "A fifth victim, an 18-year-old woman, was hurt": one victim, named twice
        aside = _APPOSITION.match(ctx.text, after_noun, verb)
        after_noun = aside.end() if aside else after_noun
    if count and rules.other_victim is not None and verb > after_noun and \
            rules.other_victim.search(ctx.text, after_noun, verb):
        return None  # "a girl was shot along with her uncle, who died": the uncle died
    if verb > after_noun and _NEW_SUBJECT.search(ctx.text, after_noun, verb):
        return None  # "a neighbor says her car was hit by bullets": the car was
    if count == 1 and verb > match.end("noun") and \
            _PLURAL_VERB.search(ctx.text, match.end("noun"), verb):
        return None  # "Four people, including a girl, were injured": the girl is one of four
    if outcome == "injured" and count and _died_later(ctx, match.start(), match.end()):
        outcome = "killed"
    start = match.start("det")
    # the words that give the count: "a 19-year-old man", "no one", "no injuries"
    end = match.end("noun") if match.group("noun") else match.end("det")
    own = [(start, match.end("det"))]
    if match.group("noun"):
        own.append((match.start("noun"), match.end("noun")))
    if any(s < end and start < e for s, e in exclude) or any(s <= start < e for s, e in ctx.skip):
        return None
    if start == match.start() and match.group("det").lower() in _KIN and \
            _PREPOSITION.search(ctx.text, max(0, start - 6), start):
        return None  # no subject: "shot by her father was", "according to his father, Frank"
    pair_before = rules.second_of_pair or _SECOND_OF_PAIR
    if pair_before.search(ctx.text, max(0, start - 40), start):
        return None
    if count == 2 and _IN_A_LIST.search(ctx.text, max(0, start - 3), start):
        return None  # "a man, a woman and a child": three, not two
    noun = match.group("noun")
    unit = "people"
    if count == 1:  # "a 15-year-old" (a people form) and "he" are a person
        unit = singular(noun.split()[-1]) if noun and noun.lower() in rules.people else "person"
    value = NumberValue(stated=float(count), low=float(count), high=float(count), unit=unit)
    return ctx.claim(Kind.COUNT, start, end, value, subject=outcome), own
