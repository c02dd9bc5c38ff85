"""Casualty counts stated without a numeral.

"A 19-year-old man was shot and killed" states one death as plainly as "one man was killed",
and "no one was injured" states that nobody was. The number extractor only reads numerals and
number words; this module reads those few fixed forms, from `rules/casualties.yaml`, so that a
toll given in words can agree or conflict with one given in figures. A bare "a man" is never a
count: only an article or "nobody" tied to an outcome verb in the same clause is.

The claims are counts: unit the victim noun ("man", "people" for nobody), subject the outcome
("killed", "injured"), value exactly 1 or 0.
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
_AUX_PLAIN = r"\b(?:was|were|is|are|has\s+been|had\s+been|have\s+been|got)\s+"
_AUX = _AUX_PLAIN + r"(?:(?:\w+ly|later|also|then)\s+)?"


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
    person = (r"(?P<det>\ban?|\banother|\bthe)\s+(?:(?:" + "|".join(describers) + r")\s+){0,3}"
              r"(?P<noun>" + "|".join(re.escape(p) for p in sorted(people, key=len, reverse=True))
              + r")\b")

    def outcome_alternatives(lists: dict[str, list[str]]) -> str:
        return "|".join(f"(?P<{name}>{'|'.join(lists[name])})" for name in OUTCOMES if lists[name])

    def build(pattern: str) -> re.Pattern[str] | None:
        try:
            return re.compile(pattern, re.IGNORECASE)
        except re.error as err:
            c.fail("outcomes", f"patterns that compile together ({err})", pattern[:80])
            return None

    return CasualtyRules(
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
        triggers=_triggers(people, nobody),
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
    if rules is None or not might_hold_casualties(ctx.text, rules):
        return []
    found: dict[tuple[int, int], tuple[Claim, list[tuple[int, int]]]] = {}
    for pattern, count in ((rules.passive, 1), (rules.own_verb, 1), (rules.active, 1),
                           (rules.left, 1), (rules.nobody, 0), (rules.none_of, 0)):
        if pattern is None:
            continue
        for match in pattern.finditer(ctx.text):
            made = _claim(ctx, match, count, exclude)
            if made is not None and (made[0].start, made[0].end) not in found:
                found[(made[0].start, made[0].end)] = made
    tolls = {name for n in numbers if n.kind == Kind.COUNT for name in OUTCOMES
             if rules.toll_words[name].intersection(n.subject.split())}
    claims = [claim for claim, own in found.values()
              if claim.value.stated == 0
              or (claim.subject not in tolls
                  and not any(n.start < e and s < n.end for n in numbers for s, e in own))]
    return sorted(claims, key=lambda c: (c.start, c.end))


def _claim(ctx: Context, match: re.Match[str], count: int, exclude: Sequence[tuple[int, int]]
           ) -> tuple[Claim, list[tuple[int, int]]] | None:
    """The claim of one match and the spans of its article and noun, or None."""
    outcome = next((name for name in OUTCOMES if match.group(name)), None)
    if outcome is None:
        return None
    start = match.start("det")
    # the words that give the count: "a 19-year-old man", "no one", "no injuries"
    end = match.end("noun") if match.group("noun") else match.end("det")
    own = [(start, match.end("det"))]
    if match.group("noun"):
        own.append((match.start("noun"), match.end("noun")))
    if any(s < end and start < e for s, e in exclude) or any(s <= start < e for s, e in ctx.skip):
        return None
    if _SECOND_OF_PAIR.search(ctx.text, max(0, start - 12), start):
        return None
    noun = match.group("noun")
    unit = singular(noun.split()[-1]) if noun else "people"
    value = NumberValue(stated=float(count), low=float(count), high=float(count), unit=unit)
    return ctx.claim(Kind.COUNT, start, end, value, subject=outcome), own
