"""Money, percentages, physical quantities and counts: classify the numbers found in text.

Locate, then read: `numbers.find_numbers` finds every number; each is then read by the words
around it, in this order: a currency (`money`), a percent sign or word, a unit of measure
(`measures`), or else a counted noun (`counts`). Numbers that are names, scores, times or
addresses are dropped first (`not_claims`), and mentions that belong together are joined last
(`joins`: ranges, "3 dollars 50 cents", a unit written once for two numbers).
"""
from __future__ import annotations

import bisect
import math
import re
from dataclasses import replace

from reconcile.extract.context import Context
from reconcile.extract.counts import counted_noun
from reconcile.extract.interval import number_interval
from reconcile.extract.joins import join_mentions
from reconcile.extract.measures import metres_not_millions, read_measure, unit_after
from reconcile.extract.mention import Mention, patterns, with_hedge
from reconcile.extract.money import currency_after, read_money
from reconcile.extract.not_claims import MONTHS, WEEKDAYS, not_a_claim, spelled_in_name
from reconcile.extract.numbers import TENS, UNITS, Number, find_numbers
from reconcile.extract.predicate import AGES_AFTER, predicate_subject
from reconcile.extract.words import singular, subject_around
from reconcile.model import Claim, Kind, NumberValue
from reconcile.rules import Rules

_PERCENT = re.compile(r"(?:(?P<glued>pc)\b|[ \u00a0]?(?:(?P<sign>%)|"
                      r"(?P<pp>-?\s?percentage[\s-]points?)|"
                      r"(?P<word>-?\s?per\s?cent(?:age)?\b|-?\s?pct\b)))"
                      r"(?P<points>\s+points?\b)?", re.IGNORECASE)
# a person's age after the name: "Maddon, 66, has used...", "McAllen, 16, died", "O'Dell, 40,";
# "Ames and Hale, both 16, were hurt"
_AGE_AFTER_NAME = re.compile(r"(?<![\w'’-])(?!(?:%s)\b)[A-Z][\w'’-]*[a-z],\s(?:both\s|all\s)?$"
                             % "|".join(m.title() for m in (*MONTHS, *WEEKDAYS)))  # not "June, 30"
# ... or after a full name or a noun for a person, also at the end of a list item or sentence:
# "Ona R. Vale, 20.", "Corin E. Marsh, 29;", "Another man, 32, was shot", "a girl, 15;"
_AGE_AFTER_FULL_NAME = re.compile(r"\b[A-Z][\w'’-]*[a-z](?:\s+[A-Z]\.)?\s+[A-Z][\w'’-]*[a-z],\s$")
_AGE_AFTER_PERSON = re.compile(r"\b([a-z]+),\s(?:also\s|both\s)?$")
_AGE_END = re.compile(r"[,;]|\.(?!\d)")
# an age said outright: "aged 18 to 34", "under the age of 5", "at age 35"
_AGE_BEFORE = re.compile(r"\b(?:aged|age\s+of|ages\s+of|at\s+age|ages|life\s+expectancy\s+"
                         r"(?:\w+\s+){0,4}?(?:is|was|of)(?:\s+(?:about|around|nearly|almost))?)\s+$",
                         re.IGNORECASE)
# a person's age as the complement of a verb: "Maria, who was 10.", "He will be 35 by ..."
_AGE_COPULA = re.compile(r"\b(?:he|she|who)\s+(?:is|was|will\s+be|would\s+be|turned|turns|"
                         r"will\s+turn)\s+$", re.IGNORECASE)
_AGE_COPULA_AFTER = re.compile(r"\s*(?:[.,;!?)]|$|\s(?:by|in|when|and|at|on|this|next|last)\b)")
_IMPLIED = re.compile(r"\s+(?:(?:were|are|was|have\s+been|had\s+been)\s+)?([a-z]+)\b")
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"“”]+", re.IGNORECASE)
_TIME_OF_DAY = re.compile(r"\s?(?:a\.m\.|p\.m\.|am\b|pm\b)", re.IGNORECASE)
_YEAR = re.compile(r"\d{4}")
_CAPITAL_AFTER = re.compile(r"\s[A-Z]")
# "the same one", "no one", "no-one", "not one person was hurt" (nobody: see casualties.yaml)
_PRONOUN_ONE_BEFORE = re.compile(r"\b(?:the\s+(?:same|next|last|first|only|other|right|wrong)|this|"
                                 r"that|each|every|any|no|not|which|another)\s+$|\bno-$",
                                 re.IGNORECASE)
_RANGE_AFTER = re.compile(r"\s*(?:to|or|-|–)\s*(?:\d|two|three|four|five|six|seven|eight|nine|ten)\b",
                          re.IGNORECASE)
_SHARE_OF = re.compile(r"\s+of\b")
_YEARS_WORD = re.compile(r"\s+years?\b")
_PER_BEFORE = re.compile(r"\bper\s+$", re.IGNORECASE)
# Ages listed after the people they belong to: "two men, 19 and 20, were shot", "three women -
# 17, 19 and 20", "two boys, 5 and 6 years old", "three daughters, ages four, six and 13". An
# item is a number of one to three digits or a number word below a hundred.
_AGE_WORD = "|".join(sorted((w for w in (*UNITS, *TENS) if w not in ("zero", "naught", "nought",
                                                                     "nil")), key=len, reverse=True))
_AGE_ITEM = rf"(?:\d{{1,3}}|(?:{'|'.join(TENS)})-(?:{_AGE_WORD})|{_AGE_WORD})\b"
_AGE_LIST_HEAD = re.compile(
    rf"(?:\b(?P<noun>[A-Za-z]+)\s*(?:,|\(|\s[-–—])|\b(?P<ages>ages(?:\s+of)?|aged))"
    rf"\s*(?P<items>(?:{_AGE_ITEM}\s*,\s*)*(?:{_AGE_ITEM}\s*,?\s*(?:and|or|to)\s+)?)$",
    re.IGNORECASE)
_AGE_LIST_TAIL = re.compile(
    rf"(?P<items>(?:\s*,\s*{_AGE_ITEM})*(?:\s*,?\s*(?:and|or|to)\s+{_AGE_ITEM})?)"
    r"(?P<years>\s*-?\s*years?[- ]old\b)?"
    r"(?=\s*(?:[,;:)–—]|-\s|\.(?!\d)|$|(?:were|are|who|both|respectively)\b))", re.IGNORECASE)
_AGE_ITEMS = re.compile(_AGE_ITEM, re.IGNORECASE)
# what may stand just before an item of such a list: a comma, a bracket or dash, "and", "ages"
_AGE_LIST_LEAD = re.compile(r"(?:[,(\-–—]|\b(?:and|or|to|ages|aged|of))\s*$", re.IGNORECASE)
_SIGNED_BEFORE = re.compile(r"\b(?:minus|negative)\s+$", re.IGNORECASE)
_FATALLY_AFTER = re.compile(r"\s+(?:fatally|mortally)\b", re.IGNORECASE)


def _running_max_ends(spans: list[tuple[int, int]]) -> list[int]:
    """For spans sorted by start, the largest end among each span and those before it."""
    ends, top = [], -1
    for _, end in spans:
        top = max(top, end)
        ends.append(top)
    return ends


def _overlaps(spans: list[tuple[int, int]], ends: list[int], start: int, end: int) -> bool:
    """Whether [start, end) overlaps a span: a bisect, not a scan (long articles have many
    date spans and many numbers)."""
    i = bisect.bisect_left(spans, (end, -1)) - 1  # the last span starting before `end`
    return i >= 0 and ends[i] > start


def extract_quantities(ctx: Context, exclude: tuple[tuple[int, int], ...] = ()) -> list[Claim]:
    """Money, percent, quantity and count claims in the text (not inside `exclude` spans)."""
    text, rules = ctx.text, ctx.rules
    if "://" in text or "www." in text:  # numbers inside links are addresses, not claims
        exclude = (*exclude, *((u.start(), u.end()) for u in _URL.finditer(text)))
    spans = sorted(exclude)
    ends = _running_max_ends(spans)
    mentions: list[Mention] = []
    floor = 0  # where the last mention ended: its words are not read again by the next one
    for number in find_numbers(text, rules):
        if ctx.skip and ctx.skipped(number.start):
            continue
        if exclude and _overlaps(spans, ends, number.start, number.end):
            continue
        if number.start < floor or not math.isfinite(number.value):
            continue  # inside the words of the previous mention ("3 hundred and 21 yuan")
        mention = _classify(text, number, rules, floor)
        if mention is not None:
            mentions.append(mention)
            floor = mention.end
    claims = []
    for m in join_mentions(text, mentions):
        claim = _to_claim(ctx, m)
        if claim is not None:
            claims.append(claim)
    return claims


def _classify(text: str, n: Number, rules: Rules, floor: int) -> Mention | None:
    """What a number is: money, percent, quantity, count, or None for no claim."""
    metres = metres_not_millions(text, n, rules)
    if metres is not None:
        n = metres
    start, end = n.start, n.end
    prefix = text[max(floor, start - 40):start]
    suffix = text[end:end + 60]
    unit_match = unit_after(suffix, n, rules)
    if not n.spelled and not_a_claim(text, n, prefix, suffix, unit_match, rules):
        return None
    if n.spelled and not n.vague and spelled_in_name(text, n, prefix, rules):
        return None
    if rules.figures_of_speech is not None and rules.figures_of_speech.match(text, start):
        return None  # "one step closer": a figure of speech
    mention = read_money(text, n, prefix, suffix, unit_match, rules)
    if mention is not None:
        return mention
    if start and text[start - 1].isalpha():
        return None  # "MH17", "F35": letters glued before digits that are no currency code
    match = _PERCENT.match(suffix)
    if match and (not match.group("glued") or not n.spelled):
        unit = "pp" if (match.group("pp") or match.group("points")) else "%"
        return with_hedge(text, Mention(Kind.PERCENT, start, end + match.end(), n, unit), rules)
    mention = currency_after(text, n, suffix, unit_match, rules)
    if mention is not None:
        return mention
    if unit_match:
        if unit_match[0].name == "year" and _AGE_BEFORE.search(text, max(0, start - 70), start):
            age = _age(text, n, prefix, suffix, rules)  # "under the age of 5 years"
            if age is not None:
                return age
        return read_measure(text, n, unit_match, rules)
    return _count(text, n, prefix, suffix, rules)


def _count(text: str, n: Number, prefix: str, suffix: str, rules: Rules) -> Mention | None:
    """A count with its counted noun, an age, or a bare number; None for no claim."""
    start, end = n.start, n.end
    if not n.spelled and not n.scaled and text[end:end + 1].isalpha():
        return None  # letters glued to the digits that are no unit or code: "5G", "3D"
    if _TIME_OF_DAY.match(suffix):
        return None
    if (not n.spelled and not n.scaled and n.value.is_integer() and 1800 <= n.value <= 2100
            and _YEAR.fullmatch(text, start, end)):
        return None  # a year standing alone is a date, not a count
    if not n.spelled and text[start:end] in rules.service_numbers:
        return None  # "called 911", "a 911 call": a telephone number
    if _PER_BEFORE.search(prefix):
        return None  # "240 crimes per 100,000 residents": the base of a rate, not a count
    age = _age(text, n, prefix, suffix, rules)
    if age is not None:
        return age
    if n.value < 1:
        measured = _fraction_of_unit(text, n, rules)  # "a third of a mile", "1/16 of a US pint"
        if measured is not None:
            return measured
    noun, noun_end = counted_noun(text, end, n, rules.count_nouns_not)
    if noun is None:
        implied = _IMPLIED.match(suffix)
        if implied and implied.group(1) in rules.implied_people:
            noun = "people"  # "two killed, three wounded": people are meant
        elif AGES_AFTER.match(suffix):
            noun = "people"  # "two 17-year-olds": people of an age, the age its own claim
    if noun and n.value < 1 and _SHARE_OF.match(suffix):
        # "half of the affected customers", "two thirds of members": a share of a group is a
        # percentage of it (50%), not half a customer
        share = replace(n, value=n.value * 100, step=n.step * 100)
        return with_hedge(text, Mention(Kind.PERCENT, start, noun_end, share, "%"), rules)
    if noun:
        pats = patterns(rules)
        head_word = text[start:noun_end].split()[-1]
        unit = pats["unit_lookup"].get(head_word.lower()) or rules.units.get(head_word)
        if unit is not None and len(head_word) > 2:
            return with_hedge(text, Mention(Kind.QUANTITY, start, noun_end, n, unit.name), rules)
    if noun is None and not n.spelled and _CAPITAL_AFTER.match(suffix):
        return None  # "737 MAX", "500 Index": a number before a name is part of the name
    if noun is None and n.spelled and text[start:end].lower() in ("one", "a", "an") and (
            text[start:end].lower() != "one" or not (_SIGNED_BEFORE.search(prefix) or
                                                     _RANGE_AFTER.match(suffix) or
                                                     _FATALLY_AFTER.match(suffix))):
        # "one" alone is mostly a pronoun ("one of them"), unless signed or a toll ("two
        # men were shot, one fatally")
        return None
    if noun and text[start:end].lower() == "one" and _PRONOUN_ONE_BEFORE.search(prefix):
        return None  # "the same one across accounts"
    return with_hedge(text, Mention(Kind.COUNT, start, noun_end if noun else end, n, noun or ""),
                      rules)


_OF_A_UNIT = re.compile(r"(?P<article>\s+of\s+an?\s+)(?:[A-Za-z.]+\s+)?")


def _fraction_of_unit(text: str, n: Number, rules: Rules) -> Mention | None:
    """A fraction of one unit: "a third of a mile" is 1/3 mile, "1/16 of a US pint"."""
    of = _OF_A_UNIT.match(text, n.end)
    if not of:
        return None
    # "of a mile" reads the unit after the article; "of a US pint" the one after the modifier
    for position in (n.end + len(of.group("article")), of.end()):
        unit = unit_after(text[position - 1:position + 40], n, rules)
        if unit is not None and unit[0].dimension not in ("time", "age"):
            end = position - 1 + unit[1]
            return with_hedge(text, Mention(Kind.QUANTITY, n.start, end, n, unit[0].name), rules)
    return None


def _age(text: str, n: Number, prefix: str, suffix: str, rules: Rules) -> Mention | None:
    """"Maddon, 66, has", "aged 18", "under the age of 5": an age stated without its unit."""
    if not n.value.is_integer() or not 0 < n.value < 120:
        return None
    age = rules.units.get("year old")
    if age is None:
        return None
    if _in_age_list(text, n, rules):
        return Mention(Kind.QUANTITY, n.start, n.end, n, age.name)
    if n.spelled:
        return None
    if suffix[:1] == "," and _AGE_AFTER_NAME.search(prefix) or _AGE_END.match(suffix) and (
            _AGE_AFTER_FULL_NAME.search(prefix) or _after_person(prefix, rules)):
        return Mention(Kind.QUANTITY, n.start, n.end, n, age.name)
    if _AGE_BEFORE.search(text, max(0, n.start - 70), n.start) or (_AGE_COPULA.search(prefix) and
                                       _AGE_COPULA_AFTER.match(suffix)):
        years = _YEARS_WORD.match(suffix)
        end = n.end + years.end() if years else n.end
        return with_hedge(text, Mention(Kind.QUANTITY, n.start, end, n, age.name), rules)
    return None


def _in_age_list(text: str, n: Number, rules: Rules) -> bool:
    """Whether the number is one of the ages listed after the people they belong to: "two men,
    19 and 20, were shot", "two boys, 5 and 6 years old", "ages four, six and 13".

    After a noun for people the list has two items or more, of digits or ending in "years old"
    ("two men, 19, 20 and 21"; not "two men, three women": the list ends at a comma, a bracket
    or dash, a full stop or "were"/"who"); after "ages" or "aged" any list is one of ages."""
    lead = text[max(0, n.start - 12):n.start]
    if not _AGE_LIST_LEAD.search(lead):
        return False
    head = _AGE_LIST_HEAD.search(text, max(0, n.start - 100), n.start)
    if head is None:
        return False
    tail = _AGE_LIST_TAIL.match(text, n.end)
    if tail is None:
        return False
    items = [*_AGE_ITEMS.findall(head.group("items")), text[n.start:n.end],
             *_AGE_ITEMS.findall(tail.group("items"))]
    if any(i.isdigit() and int(i) >= 120 for i in items):
        return False
    if head.group("ages"):
        return True
    if len(items) < 2 or rules.casualties is None or \
            singular(head.group("noun").lower()) not in rules.casualties.victims:
        return False
    return bool(tail.group("years")) or all(i.isdigit() for i in items)


def _after_person(prefix: str, rules: Rules) -> bool:
    """Whether the prefix ends with a noun for one person and a comma: "another man, "."""
    noun = _AGE_AFTER_PERSON.search(prefix)
    return bool(noun) and rules.casualties is not None and noun.group(1) in rules.casualties.victims


def _to_claim(ctx: Context, m: Mention) -> Claim | None:
    """The claim of a mention: its stated value, unit, hedge and interval.

    A range keeps its ends in the order written ("fell from $75 to $45.88" is [75, 45.88]),
    so a fall reads as one; its low/high interval is ordered."""
    rules = ctx.rules
    kind = str(m.kind)
    sign = -1.0 if m.negative else 1.0
    if m.high is not None:
        stated: float | tuple[float, float] = (m.number.value, m.high.value)
        lo_n, hi_n = (m.number, m.high) if m.number.value <= m.high.value else (m.high, m.number)
        low, high = number_interval((lo_n.value, hi_n.value), lo_n.step, lo_n.round, m.hedge,
                                    kind, rules, step_high=hi_n.step, round_high=hi_n.round)
    elif m.number.vague:
        stated = m.number.vague
        # "dozens" is at least a couple of dozen, and open above
        low, high = 2 * float(m.number.vague[0]), None
    else:
        stated = m.number.value * sign
        low, high = number_interval(stated, m.number.step, m.number.round, m.hedge, kind, rules)
    if low is not None and high is not None and low > high:
        low, high = high, low
    if not (math.isfinite(m.number.value) and (low is None or math.isfinite(low))
            and (high is None or math.isfinite(high))):
        return None  # "1e999", scaled past what a float holds: no claim rather than infinity
    start, end = ctx.sentence_span(m.start)
    if m.kind == Kind.COUNT:  # what the counted things did or had done to them
        subject = predicate_subject(ctx.text, m.start, m.end, start, end)
    else:
        subject = subject_around(ctx.text, m.start, m.end, start, end)
    value = NumberValue(stated=stated, low=low, high=high, unit=m.unit, hedge=m.hedge)
    # the sentence is the span found above: Context.claim would look it up a second time
    return Claim(kind=m.kind, text=ctx.quote(m.start, m.end), start=m.start, end=m.end,
                 sentence=ctx.quote(start, end), subject=subject, value=value)
