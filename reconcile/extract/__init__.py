"""Claim extraction: every claim kind over one article body, in a stable order."""
from __future__ import annotations

import datetime as dt
import math

from reconcile.extract.context import Context, parse_published
from reconcile.model import Claim, NumberValue
from reconcile.rules import Rules, load_rules

__all__ = ["extract_claims", "Context"]


def extract_claims(text: str, published: str | dt.date | None = None,
                   rules: Rules | None = None) -> list[Claim]:
    """All claims of one article body, ordered by position; offsets index into `text`."""
    from reconcile.extract.casualties import extract_casualties
    from reconcile.extract.dates import extract_dates, number_spans
    from reconcile.extract.quantities import extract_quantities
    from reconcile.extract.quotes import extract_quotes
    from reconcile.extract.scope import with_scopes

    rules = rules or load_rules()
    ctx = Context.build(text, parse_published(published), rules)
    dates = extract_dates(ctx)
    quotes = extract_quotes(ctx)
    numbers = extract_quantities(ctx, exclude=number_spans(dates))
    casualties, numbers = extract_casualties(
        ctx, numbers, exclude=tuple((c.start, c.end) for c in (*dates, *quotes)))
    claims = sorted(with_scopes(ctx, [*dates, *numbers, *quotes, *casualties]),
                    key=lambda c: (c.start, c.end, str(c.kind)))
    return [claim for claim in claims if _finite(claim)]


def _finite(claim: Claim) -> bool:
    """False for a number too large for a float ("1111...1 million" with 400 digits): such a
    value is no fact to compare, and an infinity would make the JSON report invalid."""
    value = claim.value
    if not isinstance(value, NumberValue):
        return True
    stated = value.stated if isinstance(value.stated, tuple) else (value.stated,)
    return all(n is None or math.isfinite(n) for n in (*stated, value.low, value.high))
