"""Claim extraction: every claim kind over one article body, in a stable order."""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import fields, replace
from functools import lru_cache

from reconcile.extract.context import Context, parse_published
from reconcile.model import Claim, NumberValue
from reconcile.rules import Rules, load_rules

__all__ = ["extract_claims", "numbered", "Context"]


def extract_claims(text: str, published: str | dt.date | None = None,
                   rules: Rules | None = None) -> list[Claim]:
    """All claims of one article body, ordered by position; offsets index into `text`."""
    (extract_dates, number_spans, extract_quotes, extract_quantities, extract_casualties,
     with_outcomes, with_scopes) = _stages()
    rules = rules or load_rules()
    _prepare(rules)
    ctx = Context.build(text, parse_published(published), rules)
    dates = extract_dates(ctx)
    quotes = extract_quotes(ctx)
    # scopes first: only a toll of this incident, not a roundup's, sets one-victim sentences aside
    numbers = extract_quantities(ctx, exclude=number_spans(dates))
    numbers = with_scopes(ctx, with_outcomes(ctx, numbers))
    casualties = with_scopes(ctx, extract_casualties(
        ctx, numbers, exclude=tuple((c.start, c.end) for c in (*dates, *quotes))))
    # a Kind is a str: it sorts by its name
    claims = sorted([*dates, *numbers, *quotes, *casualties],
                    key=lambda c: (c.start, c.end, c.kind))
    return [claim for claim in claims if _finite(claim)]


@lru_cache(maxsize=1)
def _stages() -> tuple:
    """The extractors, imported on first use (not when `reconcile` is imported) and once: an
    import statement in extract_claims would cost a few microseconds every sentence."""
    from reconcile.extract.casualties import extract_casualties, with_outcomes
    from reconcile.extract.dates import extract_dates, number_spans
    from reconcile.extract.quantities import extract_quantities
    from reconcile.extract.quotes import extract_quotes
    from reconcile.extract.scope import with_scopes

    return (extract_dates, number_spans, extract_quotes, extract_quantities, extract_casualties,
            with_outcomes, with_scopes)


def numbered(claims: list[Claim]) -> list[Claim]:
    """The claims with ids c1, c2, ... in order. Speed: a direct copy, as dataclasses.replace
    costs twice as much; it is used should Claim gain fields this copy does not know."""
    if _CLAIM_FIELDS != _COPIED_FIELDS:
        return [replace(c, id=f"c{i}") for i, c in enumerate(claims, start=1)]
    return [Claim(c.kind, c.text, c.start, c.end, c.sentence, c.subject, c.value, c.source,
                  f"c{i}") for i, c in enumerate(claims, start=1)]


_CLAIM_FIELDS = tuple(f.name for f in fields(Claim))
_COPIED_FIELDS = ("kind", "text", "start", "end", "sentence", "subject", "value", "source", "id")


@lru_cache(maxsize=8)
def _prepare(rules: Rules) -> None:
    """Build every regex made from these rules now, once, rather than at the first article
    that needs it: the first quote or currency of a run then costs no more than the next."""
    from reconcile.extract.context import _boilerplate_patterns
    from reconcile.extract.mention import patterns
    from reconcile.extract.numbers import _scale_pattern
    from reconcile.extract.quotes import _patterns
    from reconcile.extract.scope import _scans_of

    patterns(rules)
    _scale_pattern(rules)
    _patterns(rules.speech_verbs)
    if rules.boilerplate:
        _boilerplate_patterns(rules)
    if rules.scopes:
        _scans_of(rules.scopes)


def _finite(claim: Claim) -> bool:
    """False for a number too large for a float ("1111...1 million" with 400 digits): such a
    value is no fact to compare, and an infinity would make the JSON report invalid."""
    value = claim.value
    if not isinstance(value, NumberValue):
        return True
    stated = value.stated if isinstance(value.stated, tuple) else (value.stated,)
    for n in (*stated, value.low, value.high):
        if n is not None and not math.isfinite(n):
            return False
    return True
