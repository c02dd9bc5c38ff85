"""Turn a stated number, its precision and its hedge into the interval of compatible values."""
from __future__ import annotations

from reconcile.rules import Rules


def number_interval(value: float | tuple[float, float], step: float, is_round: bool,
                    hedge: str | None, kind: str, rules: Rules,
                    step_high: float | None = None, round_high: bool | None = None,
                    ) -> tuple[float | None, float | None]:
    """The low/high of the true values a claim allows (None for an unbounded end)."""
    lo_value, hi_value = value if isinstance(value, tuple) else (value, value)
    lo = lo_value - _half_step(lo_value, step, is_round, kind, rules)
    hi = hi_value + _half_step(hi_value, step if step_high is None else step_high,
                               is_round if round_high is None else round_high, kind, rules)
    if hedge is None:
        return lo, hi
    widen = rules.widen.get(hedge, {}).get(kind, 0.0)
    if hedge == "approximately":
        return min(lo, lo_value - abs(lo_value) * widen), max(hi, hi_value + abs(hi_value) * widen)
    if hedge == "nearly":
        return min(lo, lo_value - abs(lo_value) * widen), hi_value
    if hedge == "more_than":
        return hi_value, None
    if hedge == "at_least":
        return lo, None
    if hedge == "less_than":
        return None, lo_value
    if hedge in ("at_most", "up_to"):
        return None, hi
    return lo, hi


def _half_step(value: float, step: float, is_round: bool, kind: str, rules: Rules) -> float:
    # A whole number written in full ("699", "82 launchers") is exact; a scaled or decimal
    # number ("$698.9 million") allows half of its last digit either way.
    if step <= 1.0 and float(value).is_integer() and step >= 1.0:
        return 0.0
    half = step / 2.0
    if is_round:
        half = min(half, abs(value) * rules.round_number_cap.get(kind, 0.0))
    return half
