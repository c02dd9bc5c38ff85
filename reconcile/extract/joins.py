"""Mentions that belong together: ranges ("$15 to $20", "between 30,000 and 40,000", "15-22
mph"), amounts in two units ("3 dollars 50 cents"), a unit written once for two numbers
("from 21 mpg to 23", "435 homes by open sale and 187 by tender"), and a number restated in
parentheses ("forty-five (45)").
"""
from __future__ import annotations

import re
from dataclasses import replace

from reconcile.extract.mention import Mention
from reconcile.extract.numbers import MULTIPLIERS, Number
from reconcile.model import Kind

_JOINER_NOISE = re.compile(r"[$€£¥]|%|^-(?=\s*(?:or|to|and)\b)|\s")
_CHANGE_LEAD = re.compile(r"\b(?:by|up|down|rose|fell|from)\s+\S*$")
_UNSCALED = re.compile(r"[\d,. ]+")
_GROUPING = re.compile(r"[, ]")
_COMPOUND_JOINER = re.compile(r"(?:[ \u00a0]*,)?[ \u00a0]+(?:and[ \u00a0]+)?$")
_SENTENCE_BREAK = re.compile(r"[.!?;]\s|\n")
# a number with no noun that leans on the previous one: "while the lowest is 74.07",
# "and 187 by tender", "compared with 63 during", "from 21 mpg combined to 23"
_ELLIPSIS_BEFORE = re.compile(r"(?:\b(?:and|or|to|from|with|than|versus|vs\.?|is|was|at|of|"
                              r"by|including|against)|,)\s+$", re.IGNORECASE)
_PERCENT_ELLIPSIS = re.compile(r"(?:by|and|or|from|than|versus|vs\.?)\s", re.IGNORECASE)
_NOT_ELLIPSIS_AFTER = re.compile(r"\s*(?:[-–/%]|\d|[A-Z])")
_INDEX_MOVE = re.compile(r",?\s+(?:up|down|higher|lower)\s+", re.IGNORECASE)
_OF_THE = re.compile(r"\s+of\s+(?:the|its|their|a|an)\s+$", re.IGNORECASE)


def join_mentions(text: str, mentions: list[Mention]) -> list[Mention]:
    """All the joins, in the order that lets each see the others' results."""
    mentions = _drop_restated(text, mentions)
    mentions = _join_compound_money(text, mentions)
    mentions = _join_feet_and_inches(text, mentions)
    mentions = _merge_ranges(text, mentions)
    return _share_units(text, mentions)


def _merge_ranges(text: str, mentions: list[Mention]) -> list[Mention]:
    """Join "$15 to $20", "between 30,000 and 40,000", "8- to 16-metre", "from $75 per barrel
    to $45.88" into one range; give "eight or nine euros" its unit on both numbers."""
    out: list[Mention] = []
    i = 0
    while i < len(mentions):
        m = mentions[i]
        if i + 1 < len(mentions):
            joined = _range(text, m, mentions[i + 1])
            if joined is not None:
                out.append(joined)
                i += 2 if joined.high is not None else 1
                continue
        out.append(m)
        i += 1
    return out


_JOINERS = ("-", "–", "—", "to", "/", "and", "or")
_SIGNS = "$€£¥%"  # what _JOINER_NOISE removes besides white space (and a leading "-")


def _bare_joiner(text: str, m: Mention, nxt: Mention) -> str | None:
    """The words between two mentions without signs and spaces ("to" in "$15 to $20"); None
    when more than five other characters stand between them.

    Speed: the next number is mostly a sentence or more away, and no such gap can become a
    joiner: cleaning it drops only white space, signs, "%" and two dashes, so more than five
    other characters leave more than three. Counting them costs a fraction of the clean-up."""
    joiner = text[m.end:nxt.start] if m.end <= nxt.start else text[m.number.end:nxt.number.start]
    # its first words mostly tell already (a part holds no more than the whole)
    if len(joiner) > 5 and (_more_than_five(joiner[:16]) or _more_than_five(joiner)):
        return None
    bare = _JOINER_NOISE.sub("", joiner).lower()
    if bare.endswith("-") and len(bare) > 1:
        bare = bare[:-1]  # "200,000 to-260,000"
    return bare


def _more_than_five(chars: str) -> bool:
    """Whether more than five of the characters are neither white space nor signs."""
    core = "".join(chars.split())  # str.split and the regex \s agree on white space
    return len(core) > 5 and len(core) - sum(map(core.count, _SIGNS)) > 5


def _range(text: str, m: Mention, nxt: Mention) -> Mention | None:
    """The range (or shared unit) that m and the next mention make, or None."""
    bare = _bare_joiner(text, m, nxt)
    if bare not in _JOINERS:
        return None
    unit = _common_unit(m, nxt)
    if unit is None or nxt.hedge is not None or "\n" in text[m.end:nxt.start]:
        return None
    if bare == "or":
        # "eight or nine euros", "25k or 40k cheaper ... respectively": two numbers, one unit
        return replace(m, kind=nxt.kind, unit=nxt.unit) if not m.unit and nxt.unit else None
    lead = text[max(0, m.start - 12):m.start].lower()
    from_to = bare == "to" and "from" in lead.split()[-1:]
    if bare == "and" and "between" not in lead:
        return None
    if bare == "to" and not from_to and m.unit and _CHANGE_LEAD.search(lead):
        return None  # "fell by 5% to 3.2%": a change, then a level
    low = _scale_once(text, m.number, nxt.number)
    factor = m.unit_factor
    if not m.unit and nxt.unit_factor != 1.0:  # "15 to 20 cents"
        factor = nxt.unit_factor
        low = replace(low, value=low.value * factor, step=low.step * factor)
    if not from_to and bare == "to" and low.value and nxt.number.value > 4 * abs(low.value):
        return None  # "10.4 cents to $2.24": a change, not a range
    if low.value > nxt.number.value and not from_to:
        return None  # "from $36,040 to $34,935" is a fall; "5 to 3" without "from" is not a range
    start = m.start
    if "between" in lead:
        start = m.start - (len(lead) - lead.rindex("between"))
    kind = nxt.kind if nxt.unit or not m.unit else m.kind
    return replace(nxt, start=start, number=low, high=nxt.number, unit=unit, kind=kind,
                   hedge=m.hedge, negative=m.negative, unit_factor=factor)


def _common_unit(m: Mention, nxt: Mention) -> str | None:
    """The unit a range of m and nxt has, or None when they measure different things."""
    if not nxt.unit and nxt.kind == Kind.COUNT:
        return m.unit  # "aged 18 to 34", "1,000 to 2,000 hires"
    if m.kind != nxt.kind and not (m.kind == Kind.COUNT and not m.unit):
        return None
    if m.unit == nxt.unit or not m.unit:
        return nxt.unit
    if nxt.unit.startswith(m.unit + "/"):
        return nxt.unit  # "$15 to $20 a share"
    if m.unit.startswith(nxt.unit + "/"):
        return m.unit  # "from $75 per barrel to $45.88"
    return None


def _scale_once(text: str, low: Number, high: Number) -> Number:
    """"1.1 to 1.3 million", "US $89 to $93 billion", "four to five thousand": the scale written
    once applies to both ends, when the low end scaled stays below the high end."""
    if not high.scaled and not high.spelled or low.scaled or low.value <= 0:
        return low
    written = _unscaled(text, high)
    factor = high.value / written if written else 1.0
    if factor > 1 and low.value * factor <= high.value:
        return replace(low, value=low.value * factor, step=low.step * factor, scaled=True)
    return low


def _unscaled(text: str, n: Number) -> float:
    """The number as written before its scale word: 1.3 in "1.3 million", 5 in "five thousand"."""
    raw = text[n.start:n.end]
    if n.spelled:
        words = raw.lower().split()
        factor = MULTIPLIERS.get(words[-1], 0) if len(words) > 1 else 0
        return n.value / factor if factor else n.value
    match = _UNSCALED.match(raw)
    try:
        return float(_GROUPING.sub("", match.group(0))) if match else n.value
    except ValueError:
        return n.value


def _drop_restated(text: str, mentions: list[Mention]) -> list[Mention]:
    """"forty-five (45)", "45 (forty five)": the same number restated in parentheses is one."""
    out: list[Mention] = []
    for m in mentions:
        if out and not m.unit and m.kind == Kind.COUNT and m.high is None:
            prev = out[-1]
            between = text[prev.end:m.start]
            if (between.strip() == "(" and text[m.end:m.end + 1] == ")"
                    and prev.number.value == m.number.value and prev.high is None):
                continue
        out.append(m)
    return out


def _join_compound_money(text: str, mentions: list[Mention]) -> list[Mention]:
    """"3 dollars 50 cents", "thirteen dollars and forty-five cents", "15 USD 50": a whole
    amount in the currency written after it, and its cents."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if prev is not None and _is_cents_of(text, prev, m):
            cents = m.number.value if m.kind == Kind.MONEY else m.number.value / 100
            number = replace(prev.number, end=m.number.end, value=prev.number.value + cents,
                             step=0.01, round=False)
            out[-1] = replace(prev, end=m.end, number=number)
            continue
        out.append(m)
    return out


def _is_cents_of(text: str, whole: Mention, part: Mention) -> bool:
    if whole.kind != Kind.MONEY or whole.high is not None or whole.number.scaled:
        return False
    if not whole.number.value.is_integer() or "/" in whole.unit or whole.unit_factor != 1.0:
        return False
    if whole.end > part.start or not _COMPOUND_JOINER.fullmatch(" " + text[whole.end:part.start]):
        return False
    if whole.number.end > whole.start and text[whole.start:whole.number.start].strip():
        return False  # a sign before the amount ("$20 and 30") is a list, not a compound
    value = part.number.value
    if part.kind == Kind.MONEY:  # "50 cents": the sub-unit of the same currency
        return part.unit == whole.unit and part.unit_factor < 1.0 and 0 < value < 1.0
    return (part.kind == Kind.COUNT and not part.unit and part.high is None and
            value.is_integer() and 0 < value < 100 and not part.number.scaled)


# between the feet and the inches of a height: "5 feet 10 inches", "5 feet, 10-inches",
# "6-foot-2", "5 foot 9"
_FEET_INCHES_JOINER = re.compile(r"(?:,?[ \u00a0]+(?:and[ \u00a0]+)?|-)")


def _join_feet_and_inches(text: str, mentions: list[Mention]) -> list[Mention]:
    """"5 feet 10 inches" is one length of 5 10/12 feet, and so are "6-foot-2" and "5 foot 9"
    (a bare number under 12 right after whole feet)."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if prev is not None and _is_inches_of(text, prev, m):
            out[-1] = _with_inches(prev, m.number.value, m.end)
            continue
        out.append(m)
    for i, m in enumerate(out):
        glued = _GLUED_INCHES.match(text, m.end)
        if glued and _whole_feet(m) and text[m.start:m.end].lower().endswith("foot"):
            out[i] = _with_inches(m, float(glued.group(1)), glued.end())  # "6-foot-2"
    return out


# "6-foot-2", "5-foot-10": the inches glued on, never read as a number of their own
_GLUED_INCHES = re.compile(r"-(\d|1[01])(?:-inch(?:es)?)?(?!\d|[.,]\d|-?\w)")


def _with_inches(feet: Mention, inches: float, end: int) -> Mention:
    number = replace(feet.number, end=end, value=feet.number.value + inches / 12, step=1 / 12,
                     round=False)
    return replace(feet, end=end, number=number)


def _whole_feet(feet: Mention) -> bool:
    return (feet.kind == Kind.QUANTITY and feet.unit == "foot" and feet.high is None
            and feet.number.value.is_integer() and 0 < feet.number.value < 10)


def _is_inches_of(text: str, feet: Mention, part: Mention) -> bool:
    if not _whole_feet(feet):
        return False
    if feet.end > part.start or not _FEET_INCHES_JOINER.fullmatch(text[feet.end:part.start]):
        return False
    value = part.number.value
    if part.high is not None or part.hedge or not 0 <= value < 12 or part.number.scaled:
        return False
    if part.kind == Kind.QUANTITY and part.unit == "inch":
        return True
    # "6-foot-2": a bare whole number, the inches left unsaid
    return part.kind == Kind.COUNT and not part.unit and value.is_integer() and \
        not part.inherited


def _share_units(text: str, mentions: list[Mention]) -> list[Mention]:
    """A bare number takes the unit of a neighbour in the same sentence when it leans on it
    ("3.9 million headsets, up from 2.4 million", "280 million of the 1.5 billion shekels")."""
    out = list(mentions)
    for i, m in enumerate(out):
        if m.kind != Kind.COUNT or m.unit or m.high is not None or m.number.vague:
            continue
        source = _ellipsis_source(text, out, i)
        if source is not None:
            number = m.number
            if source.unit_factor != 1.0:
                number = replace(number, value=number.value * source.unit_factor,
                                 step=number.step * source.unit_factor)
            out[i] = replace(m, kind=source.kind, unit=source.unit, number=number,
                             unit_factor=source.unit_factor, inherited=True)
    return out


def _ellipsis_source(text: str, mentions: list[Mention], i: int) -> Mention | None:
    m = mentions[i]
    if _NOT_ELLIPSIS_AFTER.match(text, m.end):
        return None
    if i + 1 < len(mentions):
        following = mentions[i + 1]
        between = text[m.end:following.start]
        if _OF_THE.fullmatch(between + " ") and following.kind == Kind.MONEY and \
                _near_in_size(m, following):
            return following  # "280 million of the 1.5 billion shekels"
        if following.unit == "point" and _INDEX_MOVE.fullmatch(between):
            return following  # an index level, then its move: "(16369.03 up 58.06 points)"
    lead = _ELLIPSIS_BEFORE.search(text, max(0, m.start - 20), m.start)
    if not lead:
        return None
    for prev in reversed(mentions[max(0, i - 4):i]):
        if _SENTENCE_BREAK.search(text, prev.end, m.start):
            return None
        if not prev.unit or prev.inherited or not _near_in_size(m, prev):
            continue
        if text[prev.start - 1:prev.start] == "(" and text[prev.end:prev.end + 1] == ")":
            continue  # a conversion in parentheses is not the unit the text goes on in
        if prev.kind == Kind.PERCENT and not _PERCENT_ELLIPSIS.match(lead.group(0)):
            continue  # "rose 8.15% to 3.65": the level after a change is not a percent
        return prev
    return None


def _near_in_size(m: Mention, other: Mention) -> bool:
    """Written numbers within a factor of ten of each other, as an elided unit's numbers are."""
    if other.unit == "point" and other.kind == Kind.QUANTITY:
        return not m.number.scaled  # an index level and its move in points differ widely
    mine = abs(m.number.value)
    theirs = abs(other.number.value / (other.unit_factor or 1.0))
    if other.high is not None:
        theirs = max(theirs, abs(other.high.value / (other.unit_factor or 1.0)))
    if not mine or not theirs or m.number.scaled != other.number.scaled:
        return False
    return 0.1 <= mine / theirs <= 10.0
