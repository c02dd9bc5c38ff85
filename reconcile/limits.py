"""Per-article limits applied after extraction (rules/limits.yaml).

An article that gives more claims than `max_claims_per_article` is a table, a data dump or a
log rather than news: comparing it would take long and mean little, and keeping only some of its
claims would report a result that was not fully computed. So it is taken out of the run whole
and listed in `errors` with the limit it broke; every other article goes on.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence

from reconcile.model import Claim, InputError, Source


def claim_limit_reason(count: int, limit: int) -> str:
    """The one-line reason for an article over the claim limit."""
    return (f"skipped: {count:,} claims, more than the limit of {limit:,} per article "
            "(max_claims_per_article in rules/limits.yaml); not compared")


def within_claim_limit(sources: Sequence[Source], by_source: Mapping[str, list[Claim]],
                       limit: int) -> tuple[list[Source], dict[str, list[Claim]], list[InputError]]:
    """(sources kept, their claims, one error per article over `limit`), in source order."""
    kept: list[Source] = []
    claims: dict[str, list[Claim]] = {}
    errors: list[InputError] = []
    for source in sources:
        found = by_source.get(source.id, [])
        if len(found) > limit:
            errors.append(InputError(source.path or source.id,
                                     claim_limit_reason(len(found), limit)))
            continue
        kept.append(source)
        claims[source.id] = found
    return kept, claims, errors
