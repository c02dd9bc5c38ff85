"""Claim extraction: every claim kind over one article body, in a stable order."""
from __future__ import annotations

import datetime as dt

from reconcile.extract.context import Context, parse_published
from reconcile.model import Claim
from reconcile.rules import Rules, load_rules

__all__ = ["extract_claims", "Context"]


def extract_claims(text: str, published: str | dt.date | None = None,
                   rules: Rules | None = None) -> list[Claim]:
    """All claims of one article body, ordered by position; offsets index into `text`."""
    from reconcile.extract.dates import extract_dates
    from reconcile.extract.quantities import extract_quantities
    from reconcile.extract.quotes import extract_quotes

    rules = rules or load_rules()
    ctx = Context.build(text, parse_published(published), rules)
    dates = extract_dates(ctx)
    quotes = extract_quotes(ctx)
    numbers = extract_quantities(ctx, exclude=tuple((c.start, c.end) for c in dates))
    claims = sorted([*dates, *numbers, *quotes], key=lambda c: (c.start, c.end, str(c.kind)))
    return claims
