"""How fast claims are extracted, stage by stage, on the NewsQuant sentences from ../shared
(run with `python -m pytest tests/bench/test_extract_speed.py -s`).

Prints CPU microseconds per sentence for each stage of reconcile.extract (the best of a few
passes after a warm-up, so other work on a shared machine inflates the figures less than wall
time would) and the sentences per CPU second of the whole call. Asserts nothing about time.
"""
from __future__ import annotations

import json
import time
from collections import defaultdict

import reconcile
from reconcile.extract import _finite
from reconcile.extract.casualties import extract_casualties
from reconcile.extract.context import Context, parse_published
from reconcile.extract.dates import extract_dates, number_spans
from reconcile.extract.quantities import extract_quantities
from reconcile.extract.quotes import extract_quotes
from reconcile.extract.scope import with_scopes
from reconcile.rules import load_rules

PASSES = 3


def _stages(text: str, published, rules, spent: dict[str, float]) -> int:
    clock = time.process_time
    t0 = clock()
    ctx = Context.build(text, parse_published(published), rules)
    t1 = clock()
    dates = extract_dates(ctx)
    t2 = clock()
    quotes = extract_quotes(ctx)
    t3 = clock()
    numbers = extract_quantities(ctx, exclude=number_spans(dates))
    t4 = clock()
    numbers = with_scopes(ctx, numbers)  # as reconcile.extract: scopes before casualties
    t5 = clock()
    casualties = with_scopes(ctx, extract_casualties(
        ctx, numbers, exclude=tuple((c.start, c.end) for c in (*dates, *quotes))))
    t6 = clock()
    claims = sorted([*dates, *numbers, *quotes, *casualties],
                    key=lambda c: (c.start, c.end, str(c.kind)))
    kept = [c for c in claims if _finite(c)]
    t7 = clock()
    for stage, begin, end in (("sentences and context", t0, t1), ("dates", t1, t2),
                              ("quotes", t2, t3), ("numbers and quantities", t3, t4),
                              ("scope", t4, t5), ("casualties (and their scope)", t5, t6),
                              ("order", t6, t7)):
        spent[stage] += end - begin
    return len(kept)


def test_extract_speed_per_stage(shared):
    rows = [json.loads(line) for line in
            (shared / "bench" / "extraction" / "newsquant.jsonl").open(encoding="utf-8")]
    rules = load_rules()
    for row in rows[:50]:
        reconcile.extract(row["text"], published=row.get("reference_date"))
    best: dict[str, float] = {}
    claims = 0
    for _ in range(PASSES):
        spent: dict[str, float] = defaultdict(float)
        claims = sum(_stages(r["text"], r.get("reference_date"), rules, spent) for r in rows)
        for stage, seconds in spent.items():
            best[stage] = min(best.get(stage, seconds), seconds)
    whole = min(_whole(rows) for _ in range(PASSES))
    print(f"\nNewsQuant, {len(rows)} sentences, CPU µs per sentence (best of {PASSES}):")
    for stage, seconds in best.items():
        print(f"  {stage:28s} {seconds / len(rows) * 1e6:7.1f}")
    print(f"  {'reconcile.extract + to_dict':28s} {whole / len(rows) * 1e6:7.1f}"
          f"  ({len(rows) / whole:.0f} sentences per CPU second)")
    assert claims > len(rows)


def _whole(rows) -> float:
    start = time.process_time()
    for row in rows:
        for claim in reconcile.extract(row["text"], published=row.get("reference_date")):
            claim.to_dict()
    return time.process_time() - start
