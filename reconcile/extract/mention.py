"""A number read as a claim in the making, and the rule-built regexes every reader shares.

`quantities` finds numbers and hands each to the readers (money, units, counts); what they
return is a `Mention`: the kind, the span, the number and its unit. Hedges and signs are
attached here because every kind reads them the same way.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from reconcile.extract.fastre import trie_alternation
from reconcile.extract.numbers import Number
from reconcile.model import Kind
from reconcile.rules import Rules


@dataclass(frozen=True, slots=True)
class Mention:
    """A number with what it counts or costs, before it becomes a claim."""

    kind: Kind
    start: int
    end: int
    number: Number
    unit: str
    hedge: str | None = None
    negative: bool = False
    high: Number | None = None  # the upper end of a range
    inherited: bool = False  # the unit was read off a neighbouring mention ("from 21 mpg to 23")
    unit_factor: float = 1.0  # what a sub-unit did to the number: 0.01 for "19 cents"


@lru_cache(maxsize=8)
def patterns(rules: Rules) -> dict[str, Any]:
    """Regexes built from the rules: currency signs, codes and names, units, hedges."""
    sym_parts = []
    for sym in sorted(rules.currency_symbols, key=len, reverse=True):
        letters = sym.rstrip("$") if sym.endswith("$") and len(sym) > 1 else ""
        sym_parts.append(re.escape(letters) + r"\s?\$" if letters else re.escape(sym))
    # Speed: the long word lists are prefix trees (fastre), which match what their longest-
    # first alternation does at a fraction of the cost; names take an optional plural "s".
    codes = trie_alternation(rules.currency_codes, ignore_case=True)
    name_alt = trie_alternation([form for n in rules.currency_names
                                 for form in ((n,) if n.endswith("s") else (n, n + "s"))],
                                ignore_case=True)
    hedge_alt = trie_alternation(rules.hedges, ignore_case=True)
    after_alt = trie_alternation(rules.hedges_after, ignore_case=True) if rules.hedges_after else ""
    units_cs = trie_alternation([u for u in rules.units if len(u) <= 3])
    units_ci = trie_alternation([u for u in rules.units if len(u) > 3], ignore_case=True)
    return {
        # sign (with an optional country prefix glued or spaced: "US$", "HK $", "nzd$")
        "symbol_before": re.compile(
            rf"(?:(?<![\w'’.])(?P<code>u\.s\.?|[A-Za-z]{{1,3}})(?P<gap>\s?)\$|"
            rf"(?P<sym>{'|'.join(sym_parts)}))\s?$"),
        "code_after": re.compile(rf"^[ \u00a0]?(?P<mega>M)?(?P<code>{codes})\b", re.IGNORECASE),
        "symbol_after": re.compile(r"^[ \u00a0]?(?P<sym>€|£|¥|₹|₩|₽|zł|¢|元|₡|₾|₭|₿|US\$|\$)"
                                   r"(?![ \u00a0]?\.?\d)"),
        "name_after": re.compile(
            rf"^(?:[ \u00a0]|-(?=[a-z]))?(?:(?P<adj>u\.?s\.?|american|australian|canadian|"
            rf"new zealand|hong kong|singapore|new taiwan|south african|sri lankan|south korean|"
            rf"new israeli|[A-Za-z][a-z]+)\s+)?(?P<name>{name_alt})\b", re.IGNORECASE),
        "subunit_after": re.compile(
            rf"^(?:[ \u00a0]|-(?=[a-z]))?(?P<sub>{trie_alternation(rules.currency_subunits, True)})\b",
            re.IGNORECASE),
        "hedge_before": re.compile(rf"(?:^|(?<=[^\w]))(?P<hedge>{hedge_alt})\s*(?:a\s+|an\s+)?$",
                                   re.IGNORECASE),
        "hedge_after": re.compile(rf"(?:[ \u00a0]*,)?[ \u00a0]*(?P<hedge>{after_alt})(?![\w-])",
                                  re.IGNORECASE) if after_alt else None,
        "unit_after": re.compile(rf"^(?:\s?-\s?|\s?)(?P<unit>{units_cs})(?![A-Za-z0-9])"),
        "unit_after_long": re.compile(rf"^(?:\s?-\s?|\s?)(?P<unit>{units_ci})(?![A-Za-z0-9])",
                                      re.IGNORECASE),
        "unit_lookup": {u.lower(): v for u, v in rules.units.items() if len(u) > 3},
        # cheap pre-checks, so the backward searches above run only where they can match
        "hedge_last_words": frozenset(h.split()[-1] for h in rules.hedges),
        "symbol_last_chars": frozenset(sym[-1] for sym in rules.currency_symbols) | {"$"},
        "after_first_words": frozenset(h.split()[0] for h in rules.hedges_after),
    }


_ACCOUNTING_LEAD = re.compile(r"(?:\b(?:loss|losses|deficit|shortfall|of|was|were|net|"
                              r"totall?ed)|:)\s*$", re.IGNORECASE)
# a minus sign touches the amount ("-$5", "−3.2%"); "- - $ 75" in tokenised copy is a dash
_NEGATIVE = re.compile(r"(?:^|[\s(,])(?:[-−](?=$)|minus[\s-]|negative\s)$", re.IGNORECASE)
_WORD_BEFORE_AFTER_HEDGE = re.compile(r"[\s,]*(\w+)")


def with_hedge(text: str, m: Mention, rules: Rules) -> Mention:
    """Attach a hedge before the number ("nearly $700 million") or after the phrase ("50
    people or more", "a decade or so"), and a sign ("minus 5", "-$5", "($1.2 million)")."""
    pats = patterns(rules)
    prefix = text[max(0, m.start - 30):m.start]
    hedge = None
    words = prefix[-16:].lower().split()
    while words and words[-1] in ("a", "an"):
        words.pop()
    match = None
    if words and words[-1].lstrip("([\"“'‘") in pats["hedge_last_words"]:
        match = pats["hedge_before"].search(prefix)
    start, end = m.start, m.end
    if match:
        hedge = rules.hedges.get(match.group("hedge").lower())
        start = m.start - (len(prefix) - match.start("hedge"))
    elif pats["hedge_after"] is not None:
        word = _WORD_BEFORE_AFTER_HEDGE.match(text, m.end)
        if word and word.group(1).lower() in pats["after_first_words"]:
            after = pats["hedge_after"].match(text, m.end)
            if after:
                hedge = rules.hedges_after[after.group("hedge").lower()]
                end = after.end()
    # "(1.2 million)" is negative in accounts ("a loss of ($1.2 million)"), but a conversion
    # after another amount ("10.5 million Australian dollars ($7.5 million)") is not
    accounting = (prefix.endswith("(") and text[m.end:m.end + 1] == ")"
                  and bool(_ACCOUNTING_LEAD.search(prefix[:-1])))
    tail = prefix[-10:].lower()
    signed = ("-" in tail or "−" in tail or "minus" in tail or "negative" in tail) and bool(
        _NEGATIVE.search(prefix))
    negative = (m.negative or signed or accounting) and (m.kind in (
        Kind.MONEY, Kind.PERCENT, Kind.QUANTITY) or not m.unit)
    if hedge is None and negative == m.negative and start == m.start and end == m.end:
        return m
    return replace(m, hedge=hedge, negative=negative, start=start, end=end)
