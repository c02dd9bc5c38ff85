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
people, "killed his two children and himself" is three including the attacker.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reconcile.extract.context import Context
from reconcile.extract.words import singular
from reconcile.model import Claim, Kind, NumberValue

OUTCOMES = ("killed", "injured")
# Between the victim and the verb: no other clause, no second person ("a man and a woman").
_GAP = r"(?:(?!\b(?:and|or|whose|whom|but|while)\b)[^.;:!?\n\"“”]){0,60}?"
# "a man and a woman were killed" is two victims, not one
_SECOND_OF_PAIR = re.compile(r"\b(?:and|or|&)\s+$|\band\s+(?:his|her|their)\s+$", re.IGNORECASE)
_IN_A_LIST = re.compile(r",\s*$")
_PLURAL_VERB = re.compile(r"\b(?:were|are|have\s+been)\s+(?:\w+ly\s+)?(?:\w+\s+)?\Z", re.IGNORECASE)
_AUX_PLAIN = r"\b(?:was|were|is|are|has\s+been|had\s+been|have\s+been|got)\s+"
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
    # a victim named between the injury and that death ("and a woman died") owns the death
    other_victim: re.Pattern[str] | None = None
    # "A man and a woman were killed": the same forms with two victims joined by "and"
    pairs: tuple[re.Pattern[str], ...] = ()
    # Speed: a victim noun followed by "and": an article without one holds no pair
    pair_hint: re.Pattern[str] | None = None
    # "a man and | a woman were killed": the second victim of a pair is not one of its own;
    # "a man was killed and | a woman was hurt" is
    second_of_pair: re.Pattern[str] | None = None
    # the singular nouns that name victims: "two adults and three children" is one toll of five
    victims: frozenset[str] = frozenset()
    # Speed: words one of which an article must hold for any form to match (victim nouns,
    # "no", "nobody"); None when a rule's regex has no plain leading word to test for.
    triggers: frozenset[str] | None = None


def compile_casualty_rules(data: Any, c: Any) -> CasualtyRules | None:
    """Check `casualties.yaml` and compile its patterns; mistakes go to the checker `c`."""
    outcomes = _outcome_lists(data, "outcomes", c)
    own_verb = _outcome_lists(data, "own_verb", c)
    active = _outcome_lists(data, "active", c)
    left = _outcome_lists(data, "left", c)
    no_nouns = _outcome_lists(data, "no_outcome_nouns", c)
    toll_words = _outcome_lists(data, "toll_words", c, patterns=False)
    died_later = c.string_list(data, "died_later", required=False)
    for i, value in enumerate(died_later):
        c.regex(f"died_later[{i}]", value)
    people = c.string_list(data, "people")
    describers = c.string_list(data, "describers")
    nobody = c.string_list(data, "nobody")
    for key, values in (("describers", describers), ("nobody", nobody)):
        for i, value in enumerate(values):
            c.regex(f"{key}[{i}]", value)
    if c.problems:
        return None
    # "the boy was wounded": a definite victim is one victim too; when the article gives its
    # toll in figures, these one-victim sentences are set aside (see toll_words)
    described = r"(?:(?:" + "|".join(describers) + r")\s+){0,3}"
    nouns = "|".join(re.escape(p) for p in sorted(people, key=len, reverse=True))
    person = (r"(?P<det>\ban?|\banother|\bthe)\s+" + described + r"(?P<noun>" + nouns
              + r")\b(?!['’]s\b)")  # "the boy's mother was taken to a hospital": not the boy
    # "a 1-year-old boy and his uncle", "a father and daughter": two victims, one each
    pair = (r"(?P<det>\ban?|\banother|\bthe)\s+" + described + r"(?:" + nouns + r")\s+(?:and|&)\s+"
            r"(?:(?:his|her|their|a|an|the|another)\s+)?" + described + r"(?P<noun>" + nouns
            + r")\b(?!['’]s\b)")

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
                build(r"\b(?:" + outcome_alternatives(active) + r")\s+" + victim),
                build(r"\b(?:left|leaving|leaves)\s+" + victim + r"\s+(?:"
                      + outcome_alternatives(left) + r")\b"))

    return CasualtyRules(
        pairs=tuple(p for p in forms(pair) if p is not None),
        pair_hint=build(r"\b(?:" + nouns + r")\s+(?:and|&)\s"),
        second_of_pair=build(r"\b(?:(?:" + nouns + r")(?:s|es)?|men|women|children|people)\s+"
                             r"(?:and|&)\s+(?:(?:his|her|their)\s+)?$"),
        passive=build(person + _GAP + _AUX + r"(?:" + outcome_alternatives(outcomes) + r")\b"),
        own_verb=build(person + _GAP + r"\b(?:" + outcome_alternatives(own_verb) + r")\b"),
        active=build(r"\b(?:" + outcome_alternatives(active) + r")\s+" + person),
        left=build(r"\b(?:left|leaving|leaves)\s+" + person + r"\s+(?:"
                   + outcome_alternatives(left) + r")\b"),
        # "no one was seriously hurt" is not "no one was hurt": no adverb here
        nobody=build(r"(?P<det>\b(?:" + "|".join(nobody) + r"))(?P<noun>)\s+(?!else\b)"
                     + _AUX_PLAIN + r"(?!(?:critically|seriously|severely|gravely|badly)\b)(?:"
                     + outcome_alternatives(outcomes) + r")\b"),
        none_of=build(r"(?P<det>\bno\s+(?:" + outcome_alternatives(no_nouns) + r"))(?P<noun>)\b"),
        toll_words={name: frozenset(w.lower() for w in toll_words[name]) for name in OUTCOMES},
        died_later=build(r"\b(?:" + "|".join(died_later) + r")\b") if died_later else None,
        # lower case only: "Riley Hospital for Children" names no victim
        other_victim=re.compile(r"\b(?:(?:" + "|".join(re.escape(p.lower()) for p in people)
                                + r")(?:s|es)?|men|women|children|people|others?|another|both"
                                r"|nobody|none|no\s+one)\b"),
        triggers=_triggers(people, nobody),
        victims=frozenset(singular(p.lower()) for p in people) | {"people", "other"},
    )


_WORD = re.compile(r"[a-z]+")


def _triggers(people: list[str], nobody: list[str]) -> frozenset[str] | None:
    """The words that let an article hold a casualty form: every victim form needs a victim
    noun and every nobody form its first word ("no", "nobody", "none"). A nobody regex that
    does not open with a whole plain word ("n[o0]body") cannot be tested this way: None."""
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


def might_hold_casualties(text: str, rules: CasualtyRules) -> bool:
    """False when the text holds none of the trigger words: no form can match, and the six
    patterns need not scan it (most sentences of an article mention no victim)."""
    if rules.triggers is None:
        return True
    return not rules.triggers.isdisjoint(_WORD.findall(text.lower()))


def _outcome_lists(data: Any, key: str, c: Any, patterns: bool = True) -> dict[str, list[str]]:
    table = c.mapping(data, key)
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
    """The casualty claims of one article, given its number claims.

    A victim whose article or noun is a figure ("one man") is left to the number extractor
    (which itself never reads "no one" as a figure); one-victim sentences are set aside when a
    figure states the same outcome's toll. Spans in `exclude` (dates, quotes) are left alone."""
    rules: CasualtyRules | None = ctx.rules.casualties
    if rules is None:
        return []
    joined = _joined_tolls(ctx, numbers, rules)
    if not might_hold_casualties(ctx.text, rules):
        return joined
    found: dict[tuple[int, int], tuple[Claim, list[tuple[int, int]]]] = {}
    forms = [(rules.passive, 1), (rules.own_verb, 1), (rules.active, 1), (rules.left, 1),
             (rules.nobody, 0), (rules.none_of, 0)]
    if rules.pairs and (rules.pair_hint is None or rules.pair_hint.search(ctx.text)):
        forms[:0] = [(pattern, 2) for pattern in rules.pairs]
    for pattern, count in forms:
        if pattern is None:
            continue
        for match in pattern.finditer(ctx.text):
            made = _claim(ctx, match, count, exclude)
            if made is not None and (made[0].start, made[0].end) not in found:
                found[(made[0].start, made[0].end)] = made
    pairs = [(c.start, c.end) for c, _ in found.values() if c.value.stated == 2]
    if pairs:  # "killed a boy and his uncle": the pair, not "killed a boy" as well
        found = {span: made for span, made in found.items()
                 if made[0].value.stated == 2 or not any(s <= span[0] < e for s, e in pairs)}
    tolls = {name for n in numbers if n.kind == Kind.COUNT for name in OUTCOMES
             if rules.toll_words[name].intersection(n.subject.split())}
    claims = [claim for claim, own in found.values()
              if claim.value.stated == 0
              or (claim.subject not in tolls
                  and not any(n.start < e and s < n.end for n in numbers for s, e in own))]
    claims.extend(joined)
    deaths = _one_victim_deaths(claims, numbers, rules)
    if deaths:
        claims = [claim for claim in claims if not _a_death_told_again(claim, deaths)]
    return sorted(claims, key=lambda c: (c.start, c.end))


INCLUDING_THE_ATTACKER = "including the attacker"  # scope.yaml's label, unless renamed there
_AND = re.compile(r"\s*,?\s+(?:and|&)\s+")
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
        if _AND.fullmatch(ctx.text, first.end, second.start):
            total = first.value.stated + second.value.stated
            value = NumberValue(stated=total, low=total, high=total, unit="people")
            out.append(ctx.claim(Kind.COUNT, first.start, second.end, value,
                                 subject=second.subject or first.subject))
    for count in counts:
        himself = _AND_HIMSELF.match(ctx.text, count.end)
        if himself:
            total = count.value.stated + 1
            value = NumberValue(stated=total, low=total, high=total, unit="people",
                                scope=_attacker_scope(ctx))
            out.append(ctx.claim(Kind.COUNT, count.start, himself.end(), value,
                                 subject=count.subject))
    return out


def _attacker_scope(ctx: Context) -> str:
    """The label scope.yaml gives "including the gunman" (so that "killed two people and
    himself" meets "three people were killed, including the gunman")."""
    return next((label for label, pattern in ctx.rules.scopes
                 if pattern.search("including the gunman")), INCLUDING_THE_ATTACKER)


def _counts_victims(claim: Claim, rules: CasualtyRules) -> bool:
    """A plain count of people ("three children", not "three of the children" nor "about 20
    people"): one that can be added to another."""
    value = claim.value
    return (isinstance(value.stated, float) and value.hedge is None and value.scope is None
            and bool(value.unit) and value.unit.split()[-1] in rules.victims
            and " of " not in claim.text)  # "three of the victims": a part (scope.py)


# Nouns that name any victim: "the victim" may be the man an article says was killed.
_ANY_VICTIM = frozenset({"victim", "people"})


def _one_victim_deaths(claims: Sequence[Claim], numbers: Sequence[Claim],
                       rules: CasualtyRules) -> frozenset[str]:
    """The nouns of the single victims an article says died ("a man was killed", "One man
    died"): a later "the man" is that victim."""
    nouns = {c.value.unit for c in claims if c.subject == "killed" and c.value.stated == 1}
    nouns.update(n.value.unit.split()[-1] for n in numbers
                 if n.kind == Kind.COUNT and n.value.stated == 1 and n.value.unit
                 and rules.toll_words["killed"].intersection(n.subject.split()))
    return frozenset(nouns)


def _a_death_told_again(claim: Claim, deaths: frozenset[str]) -> bool:
    """Whether an injury claim is about a victim the article already said died: "A man was
    shot and killed... The man was taken to a hospital" states one death, not an injury too."""
    return (claim.subject == "injured" and claim.value.stated == 1
            and claim.text.lower().startswith("the ")
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
    outcome = next((name for name in OUTCOMES if match.group(name)), None)
    if outcome is None:
        return None
    rules: CasualtyRules = ctx.rules.casualties
    verb = match.start(outcome)
    if count and rules.other_victim is not None and verb > match.end("noun") and \
            rules.other_victim.search(ctx.text, match.end("noun"), verb):
        return None  # "a girl was shot along with her uncle, who died": the uncle died
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
    pair_before = rules.second_of_pair or _SECOND_OF_PAIR
    if pair_before.search(ctx.text, max(0, start - 40), start):
        return None
    if count == 2 and _IN_A_LIST.search(ctx.text, max(0, start - 3), start):
        return None  # "a man, a woman and a child": three, not two
    noun = match.group("noun")
    unit = singular(noun.split()[-1]) if noun and count == 1 else "people"
    value = NumberValue(stated=float(count), low=float(count), high=float(count), unit=unit)
    return ctx.claim(Kind.COUNT, start, end, value, subject=outcome), own
