"""A group of claims -> a verdict (agree, conflict, update, single), consensus, outliers, reason.

Tolerances are applied here only, through the claims' intervals: two numeric claims agree
when their intervals overlap. In one dimension, intervals that pairwise overlap share a point,
so the agreeing majority is the largest set of sources whose intervals all contain one value.
"""
from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Sequence
from typing import Any

from reconcile.extract.context import parse_published
from reconcile.match import is_age
from reconcile.model import Claim, DateValue, Group, Kind, NumberValue, QuoteValue, Source, Verdict


def judge_group(group_id: str, story_id: str, claims: Sequence[Claim],
                sources: dict[str, Source], canonical: dict[str, str] | None = None,
                update_words: frozenset[str] = frozenset(),
                update_after_days: float | None = None) -> Group:
    """The verdict on one group of claims that state the same fact. Figures that differ only
    between reports `update_after_days` or more apart are an update (see `_moved_on`), unless
    they are a toll: a toll only rises (`_is_update`), at any distance."""
    canonical = canonical or {}
    by_source: dict[str, Claim] = {}
    for claim in claims:
        key = canonical.get(claim.source, claim.source)
        # a source that states the fact twice counts once, with its tightest statement
        if key not in by_source or _width(claim) < _width(by_source[key]):
            by_source[key] = claim
    representatives = [by_source[k] for k in sorted(by_source)]
    subject = _group_subject(claims)
    base = dict(id=group_id, story=story_id, kind=claims[0].kind, subject=subject,
                claims=tuple(c.id for c in claims),
                sources=tuple(sorted({c.source for c in claims})))
    if len(representatives) == 1:
        only = representatives[0]
        return Group(verdict=Verdict.SINGLE, consensus=only.value.to_dict(), outliers=(),
                     reason=f"Only {_name(only.source, sources)} states this: {_said(only)}.", **base)
    if isinstance(claims[0].value, QuoteValue):
        majority = _quote_majority(representatives)
    else:
        majority = _interval_majority(representatives)
    if len(majority) == len(representatives):
        consensus = _consensus(majority)
        return Group(verdict=Verdict.AGREE, consensus=consensus, outliers=(),
                     reason=_agree_reason(representatives, sources), **base)
    minority = [c for c in representatives if c not in majority]
    clear_majority = len(majority) > len(minority)
    outlier_claims = minority if clear_majority else []
    outliers = tuple(c.id for c in claims
                     if any(canonical.get(c.source, c.source) == canonical.get(o.source, o.source)
                            for o in outlier_claims))
    updated = _why_updated(representatives, sources, _is_toll(claims, update_words),
                           update_after_days)
    if updated is not None:
        return Group(verdict=Verdict.UPDATE, consensus=_latest(representatives, sources).value.to_dict(),
                     outliers=(), reason=updated, **base)
    consensus = _consensus(majority) if clear_majority else None
    return Group(verdict=Verdict.CONFLICT, consensus=consensus, outliers=outliers,
                 reason=_conflict_reason(majority, minority, clear_majority, sources), **base)


def _why_updated(claims: list[Claim], sources: dict[str, Source], toll: bool,
                 update_after_days: float | None) -> str | None:
    """Why figures that differ are an update and not a conflict, or None: a toll that rose, an
    age that grew with the years, a date set anew, or figures of reports far apart."""
    if toll and _is_update(claims, sources):
        return _update_reason(claims, sources)
    if _aged(claims, sources):
        return _aged_reason(claims, sources)
    if _rescheduled(claims, sources):
        return _rescheduled_reason(claims, sources)
    gap = None if toll else _moved_on(claims, sources, update_after_days)
    return None if gap is None else _moved_on_reason(claims, sources, gap)


def _report_days(claims: Sequence[Claim], sources: dict[str, Source]) -> list[dt.date] | None:
    """The day each claim's report was written, or None when one is undated."""
    days = []
    for claim in claims:
        source = sources.get(claim.source)
        day = parse_published(source.published) if source else None
        if day is None:
            return None
        days.append(day)
    return days


def _width(claim: Claim) -> float:
    value = claim.value
    if isinstance(value, NumberValue):
        if value.low is None or value.high is None:
            return float("inf")
        return value.high - value.low
    if isinstance(value, DateValue):
        return 0.0 if value.stated else float("inf")
    return -len(value.stated)  # quotes: the longest wording is the fullest


def _interval(claim: Claim) -> tuple[Any, Any]:
    value = claim.value
    if isinstance(value, DateValue):
        if value.stated is None:
            return ("0000-00-00", "9999-99-99")
        return (value.low or "0000-00-00", value.high or "9999-99-99")
    low = value.low if value.low is not None else float("-inf")
    high = value.high if value.high is not None else float("inf")
    return (low, high)


def _interval_majority(claims: list[Claim]) -> list[Claim]:
    """The largest set of claims whose intervals share one point (ties: the tightest set)."""
    best: list[Claim] = []
    best_width = float("inf")
    for candidate in claims:
        point = _interval(candidate)[0]
        for probe in (point, _interval(candidate)[1]):
            members = [c for c in claims if _interval(c)[0] <= probe <= _interval(c)[1]]
            width = sum(_width(c) for c in members if isinstance(c.value, NumberValue))
            if len(members) > len(best) or (len(members) == len(best) and width < best_width):
                best, best_width = members, width
    return best


def _quote_majority(claims: list[Claim]) -> list[Claim]:
    from reconcile.extract.quotes import compare_quotes

    best: list[Claim] = []
    for candidate in claims:
        members = [c for c in claims if compare_quotes(candidate.value.stated, c.value.stated)
                   in ("same", "excerpt")]
        if len(members) > len(best):
            best = members
    return best


def _consensus(claims: list[Claim]) -> dict[str, Any]:
    """The tightest value the agreeing claims support, with their shared interval."""
    tightest = min(claims, key=lambda c: (_width(c), c.id))
    consensus = tightest.value.to_dict()
    if isinstance(tightest.value, NumberValue):
        lows = [c.value.low for c in claims if c.value.low is not None]
        highs = [c.value.high for c in claims if c.value.high is not None]
        consensus["low"] = max(lows) if lows else None
        consensus["high"] = min(highs) if highs else None
    return consensus


def _is_toll(claims: Sequence[Claim], update_words: frozenset[str]) -> bool:
    """A count of casualties, arrests, cases...: a figure that can rise between reports."""
    words = {w for c in claims for w in re.findall(r"[a-z]+", c.sentence.lower())}
    return bool(words & update_words)


def _is_update(claims: list[Claim], sources: dict[str, Source]) -> bool:
    """A toll that rose: later reports give higher counts than earlier ones, never lower."""
    if claims[0].kind != Kind.COUNT:
        return False
    dated = [(sources[c.source].published, c) for c in claims
             if c.source in sources and sources[c.source].published]
    if len(dated) != len(claims) or len({d for d, _ in dated}) < 2:
        return False
    dated.sort(key=lambda pair: (pair[0], _interval(pair[1])[0]))
    for (date_a, a), (date_b, b) in zip(dated, dated[1:]):
        a_low, a_high = _interval(a)
        b_low, b_high = _interval(b)
        if date_a == date_b and not (a_low <= b_high and b_low <= a_high):
            return False  # same day, different numbers: a real disagreement
        if b_high < a_low:
            return False  # a later report with a lower number is not a rise
    return True


def _aged(claims: list[Claim], sources: dict[str, Source]) -> bool:
    """One person's age given by reports far enough apart for them to have grown that much
    older ("Pruett, 35" at his arrest, "Pruett, 37" at his plea two years on)."""
    days = _report_days(claims, sources) if is_age(claims[0]) else None
    if days is None or not all(isinstance(c.value.stated, (int, float)) for c in claims):
        return False
    dated = sorted(zip(days, (c.value.stated for c in claims)))
    for (day_a, age_a), (day_b, age_b) in zip(dated, dated[1:]):
        years = math.ceil((day_b - day_a).days / 365.25)
        if not 0 <= age_b - age_a <= years:
            return False
    return dated[-1][1] > dated[0][1]


def _aged_reason(claims: list[Claim], sources: dict[str, Source]) -> str:
    steps = _steps(claims, sources)
    return (f"The age rose between reports: {steps}; no more than the years between them, "
            "so the person grew older, and later reports update earlier ones.")


def _rescheduled(claims: list[Claim], sources: dict[str, Source]) -> bool:
    """A date that lay ahead when each report was written (a hearing "scheduled for May 4", a
    vigil "planned for Friday") and that reports written on different days give differently:
    the date was set anew, as hearings are put off. Reports of one day that differ disagree."""
    days = _report_days(claims, sources) if claims[0].kind == Kind.DATE else None
    if days is None:
        return False  # not a date, or an undated report
    by_day: dict[Any, set[tuple[str, str]]] = {}
    for day, claim in zip(days, claims):
        stated = claim.value.stated if isinstance(claim.value, DateValue) else None
        if stated is None or stated[0] < day.isoformat():
            return False  # unresolved, or a date already past when it was written
        if _SCHEDULED.search(claim.sentence) is None:
            return False  # "payable April 30" / "payable July 31": two payouts, not one put off
        by_day.setdefault(day, set()).add(stated)
    return len(by_day) > 1 and all(len(stated) == 1 for stated in by_day.values())


# words that set a date for something to come, and so may set it anew
_SCHEDULED = re.compile(r"\b(?:scheduled|rescheduled|set\s+for|postponed|put\s+off|delayed|"
                        r"moved\s+to|pushed\s+back|continued\s+(?:to|until)|planned\s+for|"
                        r"slated)\b", re.IGNORECASE)


def _rescheduled_reason(claims: list[Claim], sources: dict[str, Source]) -> str:
    steps = _steps(claims, sources)
    return (f"The date lay ahead in every report and changed between them: {steps}; it was "
            "set anew, and later reports update earlier ones.")


def _moved_on(claims: list[Claim], sources: dict[str, Source], days: float | None) -> int | None:
    """Figures that differ only between reports written `days` or more apart: a later state of
    things (a price raised, charges added) or a later instance of a recurring event (a
    quarter's results, a monthly payout), not a contradiction. The fewest days between two
    such reports, or None: two reports written closer together that differ still disagree,
    and so does every group with an undated report. Not for tolls, which the caller leaves to
    `_is_update`: casualties do not fall with time."""
    if days is None or claims[0].kind == Kind.QUOTE or is_age(claims[0]):
        return None  # a quotation's words do not change with time; an age only as `_aged` says
    written = _report_days(claims, sources)
    if written is None:
        return None
    gaps = [abs((written[b] - written[a]).days) for a in range(len(claims))
            for b in range(a + 1, len(claims)) if _apart(claims[a], claims[b])]
    return min(gaps) if gaps and min(gaps) >= days else None


def _moved_on_reason(claims: list[Claim], sources: dict[str, Source], gap: int) -> str:
    steps = _steps(claims, sources)
    return (f"The figures differ only between reports written {gap} days apart or more: "
            f"{steps}; a later report may give a later state of things or a later instance "
            "of a recurring event, so it updates the earlier ones rather than contradicting "
            "them.")


def _apart(a: Claim, b: Claim) -> bool:
    """Two claims whose intervals do not overlap."""
    (low_a, high_a), (low_b, high_b) = _interval(a), _interval(b)
    return low_a > high_b or low_b > high_a


def _steps(claims: list[Claim], sources: dict[str, Source]) -> str:
    """The claims in the order their reports came out: "“3” (A, 2016-04-20), then ..."."""
    ordered = sorted(claims, key=lambda c: (sources[c.source].published or "", c.id))
    return ", then ".join(f"{_said(c)} ({_name(c.source, sources)}, "
                          f"{sources[c.source].published})" for c in ordered)


def _latest(claims: list[Claim], sources: dict[str, Source]) -> Claim:
    return max(claims, key=lambda c: (sources[c.source].published or "", c.id))


def _name(source_id: str, sources: dict[str, Source]) -> str:
    source = sources.get(source_id)
    return source.outlet if source and source.outlet else source_id


def _said(claim: Claim) -> str:
    return f"“{claim.text}”"


def _names(claims: list[Claim], sources: dict[str, Source]) -> str:
    names = [_name(c.source, sources) for c in claims]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _agree_reason(claims: list[Claim], sources: dict[str, Source]) -> str:
    wordings = "; ".join(f"{_name(c.source, sources)} {_said(c)}" for c in claims)
    if claims[0].kind == Kind.QUOTE:
        return f"All {len(claims)} sources quote the same words ({wordings})."
    return f"All {len(claims)} sources are compatible: {wordings}."


def _conflict_reason(majority: list[Claim], minority: list[Claim], clear: bool,
                     sources: dict[str, Source]) -> str:
    verb_major = "says" if len(majority) == 1 else "say"
    verb_minor = "says" if len(minority) == 1 else "say"
    major_words = " / ".join(sorted({_said(c) for c in majority}))
    minor_words = " / ".join(sorted({_said(c) for c in minority}))
    if majority[0].kind == Kind.QUOTE:
        return (f"{_names(majority, sources)} {verb_major} {major_words}, but "
                f"{_names(minority, sources)} {verb_minor} {minor_words}: the words inside the "
                "quotation marks differ.")
    tail = "" if clear else " There is no majority to side with."
    return (f"{_names(minority, sources)} {verb_minor} {minor_words}, but "
            f"{_names(majority, sources)} {verb_major} {major_words}; the figures cannot both "
            f"be right.{tail}")


def _update_reason(claims: list[Claim], sources: dict[str, Source]) -> str:
    steps = _steps(claims, sources)
    return f"The figure rose between reports: {steps}; later reports update earlier ones."


def _group_subject(claims: Sequence[Claim]) -> str:
    """A short label for the fact: the counted noun, the speaker, or the common subject words."""
    first = claims[0]
    if isinstance(first.value, QuoteValue):
        speakers = sorted({c.value.speaker for c in claims if c.value.speaker})
        return f"quote by {speakers[0]}" if speakers else "quote"
    word_sets = [set(c.subject.split()) for c in claims if c.subject]
    common = set.intersection(*word_sets) if word_sets else set()
    words = [w for w in first.subject.split() if w in common][:6]
    if isinstance(first.value, NumberValue) and first.kind == Kind.COUNT and first.value.unit:
        words = [first.value.unit] + [w for w in words if w not in first.value.unit.split()][:4]
    return " ".join(words) or first.subject[:60]
