"""Scope and counting conventions of a figure: what it counts besides the plain reading.

"Six people were killed, including the gunman" counts the gunman; "five killed in separate
shootings across the city" is a roundup, not one event's toll; "12 homicides this year" is a
period total. The first scope of `rules/scope.yaml` whose phrase occurs in the figure's clause
is kept on the claim (NumberValue.scope), and matching compares a figure only with figures of
the same scope, so that those are never reported as conflicts with a plain toll.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from reconcile.extract.context import Context
from reconcile.extract.fastre import Caseless, required_words, skip_ahead
from reconcile.extract.words import CLAUSE_BREAK, WORD
from reconcile.model import PART_OF_A_GROUP, Claim, Kind, NumberValue

# Where a figure's clause ends, either side of it ("four were hurt, | not five as first
# reported": the correction and the figure it corrects are two clauses; "six killed, not
# including the gunman" is one). A line break ends one too: a heading need not end with a
# full stop ("Man killed in another incident | Donyae Jones, 18, ...").
_BREAK = re.compile(r"[;:()\[\]—–\"“”\n]|\.\s|,\s+not\s(?!including|counting)")
# After the figure, an aside of its own: "three batteries, a purchase first announced last
# year" (the year is the announcement's), "five people were killed, the most this year"
_APPOSITIVE = re.compile(r",\s+(?:a|an|the|which|who|whose)\s", re.IGNORECASE)
_REACH = 120  # characters either side of the figure looked at
# An aside about a noun before the figure, closed before it: "The mall, which opened in 1998,
# employs 1,200 people" (the year is the opening's, not the figure's span)
_ASIDE = re.compile(r",\s+(?:which|who|whose)\s[^,]*,\s", re.IGNORECASE)


def compile_scope_rules(data: Any, c: Any) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(label, combined pattern) per scope of `scope.yaml`, checked; mistakes go to `c`."""
    scopes = data.get("scopes") if isinstance(data, dict) else None
    if not isinstance(scopes, list):
        c.fail("scopes", "a list of {label, phrases}", scopes)
        return ()
    out = []
    for i, entry in enumerate(scopes):
        if not isinstance(entry, dict) or not isinstance(entry.get("label"), str):
            c.fail(f"scopes[{i}]", "a mapping with a label (text) and phrases (a list)", entry)
            continue
        for key in sorted(set(entry) - _ENTRY_KEYS, key=str):
            c.fail(f"scopes[{i}].{key}", "one of " + ", ".join(sorted(_ENTRY_KEYS)), key)
        phrases = c.string_list(entry, "phrases")
        compiled = [c.regex(f"scopes[{i}].phrases[{k}]", p) for k, p in enumerate(phrases)]
        if phrases and all(compiled):
            out.append((entry["label"], re.compile(r"\b(?:" + "|".join(phrases) + r")\b",
                                                   re.IGNORECASE)))
    return tuple(out)


# this_incident: a figure with the scope still counts the article's own incident ("three
# killed, including the gunman"), where a roundup or a period total counts other events.
# after_figure: the phrase qualifies the figure before it, never one after it ("four dead,
# including the shooter, and 14 others wounded": the 14 are not counted with the shooter).
# period: the scope is a span of time told with the figure ("in 2015", "this year", "in two
# days"); the claim keeps the span too (NumberValue.period, relative years resolved against
# the publication date), and figures of two different spans are never compared.
# before_figure: the phrase qualifies only a figure after it, in the same clause and before any
# "but" or "now" ("police initially said two people had died, but later said ..."): "four people
# were wounded in what was initially reported as a drive-by" is no early report of the four.
FLAGS = ("this_incident", "after_figure", "before_figure", "period")
_ENTRY_KEYS = frozenset({"label", "phrases", *FLAGS})


def flagged_scopes(data: Any, flag: str, c: Any) -> frozenset[str]:
    """The labels of the scopes marked `flag: true` (one of FLAGS)."""
    scopes = data.get("scopes") if isinstance(data, dict) else None
    out = set()
    for i, entry in enumerate(scopes if isinstance(scopes, list) else ()):
        if not isinstance(entry, dict):
            continue
        value = entry.get(flag, False)
        if not isinstance(value, bool):
            c.fail(f"scopes[{i}].{flag}", "true or false", value)
        elif value and isinstance(entry.get("label"), str):
            out.add(entry["label"])
    return frozenset(out)


def counts_this_incident(claim: Claim, own_scopes: frozenset[str]) -> bool:
    """Whether a figure is a toll of the article's own incident as far as its scope tells: no
    scope, or one marked `this_incident` (not a roundup, a period total nor a part of a group)."""
    scope = claim.value.scope if isinstance(claim.value, NumberValue) else None
    return scope is None or scope in own_scopes


def attacker_scope(scopes: Sequence[tuple[str, re.Pattern[str]]]) -> str | None:
    """The label scope.yaml gives a toll that counts the attacker ("including the gunman"),
    whatever the rules call it; None when no scope reads so."""
    return next((label for label, pattern in scopes if pattern.search("including the gunman")),
                None)


# "three of the victims", "one of our officers", "one of five people hurt", "one of Sunday's
# victims": a part of a group, not the group's size
# a figure in words or digits ("of five people", "of his eight children")
_NUMBER_WORD = (r"(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen"
                r"|[a-z]+ty)\b")
_PARTITIVE = re.compile(r"^\S+(?:\s+\S+)?\s+of\s+(?:(?:the|those|these|our|my|his|her|their|its"
                        r"|whom|[\w-]+['’]s)\b|" + _NUMBER_WORD + ")", re.IGNORECASE)
# "four of his family members", "two of their children": the people of a household, counted
# whole when the verb tells what became of them ("killed two of his children" is a toll of
# two); not "two of his victims", "three of his eight children", nor "one of her children"
# (one of them, whatever became of them)
_KIN_PARTITIVE = re.compile(r"^(?!one\b)\S+\s+of\s+(?:his|her|their)\s+"
                            r"(?:(?!" + _NUMBER_WORD + r")[\w-]+\s+){0,2}?"
                            r"(?:family\s+members?|children|kids|sons|daughters|grandchildren|"
                            r"relatives|siblings|brothers|sisters|parents|grandparents|"
                            r"stepchildren|cousins)$", re.IGNORECASE)
# "another victim", "a second man", "the other girl": one more member of a group already told
_ONE_MORE = re.compile(r"^(?:another|(?:an?|the)\s+(?:second|third|fourth|fifth|other))\b",
                       re.IGNORECASE)


def _a_household_toll(claim: Claim, ctx: Context) -> bool:
    """"Killed four of his family members": the household's people a toll counts, whole.
    Not "two of his brothers were identified as soldiers", which tells of no outcome."""
    return _KIN_PARTITIVE.match(claim.text) is not None and bool(_outcomes_said(claim, ctx)[1])


def _outcomes_said(claim: Claim, ctx: Context) -> tuple[dict[str, frozenset[str]], list[str]]:
    """The casualty rules' toll words by outcome, and the outcomes the claim's predicate
    words tell ("killed" for "two men were killed")."""
    tolls = getattr(ctx.rules.casualties, "toll_words", None) or {}
    return tolls, [name for name, words in tolls.items()
                   if words.intersection(claim.subject.split())]


# "one was shot in the thigh, the other in the hand": one of the group the sentence goes on with
_THE_OTHER = re.compile(r"\b(?:the\s+other|another|a\s+(?:second|third))\b", re.IGNORECASE)


def _one_of_several(claim: Claim, ctx: Context) -> bool:
    """A "one" ("one", "one man") the sentence follows with "the other" or "another", when its
    predicate is no outcome of a toll or the other's words repeat that outcome: "one was shot
    in the chest, the other in the neck" and "one officer was wounded in his foot, and the
    other was wounded in his leg" tell of one of two victims. "One died and the other is in
    stable condition" and "one man was killed and another wounded" still state the deaths
    (one), and keep no scope."""
    if not _ONE.fullmatch(claim.text):
        return False
    at = claim.sentence.find(claim.text)
    other = _THE_OTHER.search(claim.sentence, at + len(claim.text)) if at >= 0 else None
    if other is None:
        return False
    tolls, outcomes = _outcomes_said(claim, ctx)
    if not outcomes:
        return True
    said = set(WORD.findall(CLAUSE_BREAK.split(
        claim.sentence[other.end():other.end() + 80], maxsplit=1)[0].lower()))
    # "one woman was wounded in the buttock, the other was shot in the leg": hit, not killed
    return any(tolls[name].intersection(said) or name == "injured" and _HIT.intersection(said)
               for name in outcomes)


_ONE = re.compile(r"one(?:\s+[a-z]+)?", re.IGNORECASE)  # "one", "one man" (not "one of ...")
_HIT = frozenset({"shot", "grazed", "hit", "struck"})


def with_scopes(ctx: Context, claims: Sequence[Claim]) -> list[Claim]:
    """The claims, numeric ones with the scope their clause gives them (if any)."""
    scopes = ctx.rules.scopes
    phrases: tuple[tuple[int, int], ...] | None = None  # where scope phrases occur in the text
    out = []
    for claim in claims:
        if isinstance(claim.value, NumberValue) and claim.value.scope is None:
            label: str | None = None
            period: str | None = None
            if claim.kind == Kind.COUNT and (_PARTITIVE.match(claim.text)
                                             and not _a_household_toll(claim, ctx) or
                                             claim.value.stated == 1 and _ONE_MORE.match(claim.text)
                                             or _one_of_several(claim, ctx)):
                label = PART_OF_A_GROUP
            elif scopes:
                if phrases is None:
                    phrases = _phrase_spans(ctx.text, scopes)
                if _near(phrases, claim.start - _REACH, claim.end + _REACH):
                    clause, figure = _clause(ctx.text, claim.start, claim.end)
                    label = _scope_of(clause, figure, claim.end - claim.start, scopes,
                                      ctx.rules.scopes_after_figure,
                                      inside=claim.kind != Kind.QUANTITY,
                                      before_figure=ctx.rules.scopes_before_figure)
                    if label in ctx.rules.period_scopes:
                        period = period_of(clause, ctx.published)
            if label:
                claim = replace(claim, value=replace(claim.value, scope=label, period=period))
        out.append(claim)
    return out


def _phrase_spans(text: str, scopes: tuple[tuple[str, re.Pattern[str]], ...]
                  ) -> tuple[tuple[int, int], ...]:
    """Where scope phrases occur in the text. Speed: one scan of the article finds them, and
    only a figure with one within reach has its clause read (most figures have none)."""
    scans = _scans_of(scopes)
    last = scans.last  # extract_claims calls with_scopes twice on a text: scan it once
    if last is not None and last[0] is text:
        return last[1]
    spans = scans.phrase_spans(text)
    scans.last = (text, spans)
    return spans


class _ScopeScans:
    """The patterns the scope searches run for one tuple of scopes, built once: every one
    matches exactly what the scope patterns match (see fastre), only faster."""

    def __init__(self, scopes: tuple[tuple[str, re.Pattern[str]], ...]):
        self.scopes = scopes
        self.joined = _any_scope(scopes)  # all scopes in one pattern, for the article scan
        # each scope for `_scope_of`: behind a lookahead for its first characters, with its
        # lower-case twin and the words one of which a lower-cased text must hold for the twin
        # to match there
        self.each: list[tuple[Caseless, frozenset[str] | None]] = []
        for _, pattern in scopes:
            quick = Caseless.of(_skipping(pattern))
            words = required_words(quick.twin.pattern, quick.twin.flags) if quick.twin else None
            self.each.append((quick, words))
        self.last: tuple[str, tuple[tuple[int, int], ...]] | None = None

    def phrase_spans(self, text: str) -> tuple[tuple[int, int], ...]:
        if self.joined is None:
            return ((0, len(text)),)  # the phrases do not join into one pattern: read every clause
        pattern, subject = self.joined.over(text)
        return tuple(match.span() for match in pattern.finditer(subject))


# Speed: by the scopes' identity (rules.scopes), not by lru_cache, which hashes every compiled
# pattern's code on each call (4 µs for the shipped scopes: more than most scans cost).
_SCANS: dict[int, _ScopeScans] = {}


def _scans_of(scopes: tuple[tuple[str, re.Pattern[str]], ...]) -> _ScopeScans:
    scans = _SCANS.get(id(scopes))
    if scans is None or scans.scopes is not scopes:
        if len(_SCANS) >= 8:
            _SCANS.clear()
        scans = _SCANS[id(scopes)] = _ScopeScans(scopes)  # holds `scopes`: its id stays its own
    return scans


def _any_scope(scopes: tuple[tuple[str, re.Pattern[str]], ...]) -> Caseless | None:
    joined = "|".join(f"(?:{p.pattern})" for _, p in scopes)
    try:
        return Caseless.of(re.compile(skip_ahead(joined, re.IGNORECASE), re.IGNORECASE))
    except re.error:  # e.g. two scopes naming a group alike
        return None


def _skipping(pattern: re.Pattern[str]) -> re.Pattern[str]:
    try:
        return re.compile(skip_ahead(pattern.pattern, pattern.flags), pattern.flags)
    except re.error:  # named groups or flags that do not survive the wrapping: as it is
        return pattern


# what turns an early report to a later one: "initially said two, but later three", "they
# initially said the son was 19, they now say he was 23"
_BUT = re.compile(r"\b(?:but|now|however)\b", re.IGNORECASE)


def _near(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= end and e >= start for s, e in spans)


def _scope_of(clause: str, figure: int, length: int,
              scopes: Sequence[tuple[str, re.Pattern[str]]],
              after_figure: frozenset[str] = frozenset(), inside: bool = True,
              before_figure: frozenset[str] = frozenset()) -> str | None:
    """The first scope whose phrase occurs in a figure's clause (see `_clause`; the figure is
    `length` characters at `figure`); with `inside` False, a phrase that holds the figure
    itself does not count ("within four hours" gives a toll its period, not the duration
    "four hours"). A scope of `after_figure` counts only phrases from the figure on, one of
    `before_figure` only phrases that end before it with no "but" or "now" between."""
    lowered = clause.lower() if clause.isascii() else None  # once for every scope's twin
    scopes = scopes if isinstance(scopes, tuple) else tuple(scopes)
    for (label, _), (quick, words) in zip(scopes, _scans_of(scopes).each):
        if quick.twin is not None and lowered is not None:
            if words is not None and not any(word in lowered for word in words):
                continue  # no match can hold none of them: most clauses, most scopes
            pattern, subject = quick.twin, lowered
        else:
            pattern, subject = quick.pattern, clause
        before = label in before_figure
        for match in pattern.finditer(subject, figure if label in after_figure else 0,
                                      figure if before else len(subject)):
            if before and _BUT.search(subject, match.end(), figure):
                continue
            if inside or match.end() <= figure or match.start() >= figure + length:
                return label
    return None


def _clause(text: str, start: int, end: int) -> tuple[str, int]:
    """The clause of the figure at text[start:end], and where the figure sits in it."""
    before = text[max(0, start - _REACH):start]
    cut = list(_BREAK.finditer(before))
    if cut:
        before = before[cut[-1].end():]
    before = _ASIDE.sub(" ", before)  # "The mall, which opened in 1998, | employs 1,200"
    after = text[end:end + _REACH]
    stops = [found.start() for found in (_BREAK.search(after), _APPOSITIVE.search(after)) if found]
    if stops:
        after = after[:min(stops)]
    return f"{before} {text[start:end]} {after}", len(before) + 1


_YEAR = re.compile(r"\b(?:19|20)\d\d(?:/\d\d(?:\d\d)?)?\b")
# "this year", "last year", "a year ago" ("against 67 mln dlrs a year ago"), "year to date"
_RELATIVE_YEAR = re.compile(
    r"\b(?P<last>last\s+year|a\s+year\s+(?:ago|earlier|before)|the\s+(?:previous|prior)\s+year"
    r"|the\s+year\s+before)\b|\bthis\s+year\b|\byear\s+to\s+date\b"
    r"|\bsince\s+(?:january|the\s+start\s+of\s+the\s+year)\b")
# "in two days", "within a span of four hours", "over the past two years", "in a 24-hour period"
_SPAN = re.compile(r"\b(?:in|within|over|during)\s+(?:a\s+span\s+of\s+|an?\s+)?"
                   r"(?P<span>(?:the\s+(?:past|last)\s+)?(?:\w+[\s-]+)?"
                   r"(?:hours?|days?|weeks?|months?|years|decades?))(?:\s+(?:period|span|stretch))?\b")


def period_of(clause: str, published: dt.date | None) -> str | None:
    """The one span of time a figure's clause names: a year ("in 2015", and "this year" or "so
    far this year" in an article of 2015; "last year" is the year before; "since 2013" keeps
    its "since"), else a span in its own words ("in two days" and "within two days" are "two
    days", "over the last two years" is "the past two years"). None when the clause names
    two ("rose to 10.1 billion in 1986 from 17.5 billion in 1985": which is the figure's?) or
    a relative year with no publication date (it may be any year)."""
    words = " ".join(clause.lower().split())
    spans: set[str] = set()
    for year in _YEAR.finditer(words):
        since = words[max(0, year.start() - 6):year.start()] == "since "
        spans.add(f"since {year[0]}" if since else year[0])
    for relative in _RELATIVE_YEAR.finditer(words):
        if published is None:
            return None
        spans.add(str(published.year - 1 if relative["last"] else published.year))
    if not spans:
        spans.update(" ".join(found["span"].replace("-", " ").split()).replace(
            "the last ", "the past ") for found in _SPAN.finditer(words))
    return spans.pop() if len(spans) == 1 else None
