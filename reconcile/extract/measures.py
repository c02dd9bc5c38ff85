"""Physical quantities: a unit of measure after a number ("10 km", "3.5 metres", "500mg"),
and a rate over time after the unit ("800,000 barrels a day", "11 feet per century")."""
from __future__ import annotations

import re

from reconcile.extract.mention import Mention, patterns, with_hedge
from reconcile.extract.money import unit_ok
from reconcile.extract.numbers import Number
from reconcile.model import Kind
from reconcile.rules import Rules, Unit

_TIME_RATE = re.compile(r"[\s-]?(?:per|an|a|each|/)[\s-]?(?P<what>second|minute|hour|day|week|"
                        r"month|year|decade|century|annum)\b", re.IGNORECASE)
_NOT_RATE_AFTER = re.compile(r"\s+(?:earlier|ago|before|later|after|on|from)\b", re.IGNORECASE)
# "37m (121ft)-long", "a 30m-high wall": a glued "m" before a dimension word is metres
_METRE_CONTEXT = re.compile(r"[ \u00a0]?(?:\([^()]{1,12}\))?-?[ \u00a0]?(?:long|tall|high|wide|"
                            r"deep|thick|away|below|above|across|in (?:length|height|diameter))\b",
                            re.IGNORECASE)


def unit_after(suffix: str, n: Number, rules: Rules) -> tuple[Unit, int] | None:
    """The unit right after a number, and the length of the text it covers."""
    pats = patterns(rules)
    found = []
    match = pats["unit_after_long"].match(suffix)
    if match:
        found.append((pats["unit_lookup"][match.group("unit").lower()], match.end()))
    match = pats["unit_after"].match(suffix)
    if match:
        alias = match.group("unit")
        glued = match.start("unit") == 0
        if (len(alias) > 1 or glued or not n.spelled) and (
                len(alias) > 2 or glued or unit_ok(alias, suffix[match.end():])):
            found.append((rules.units[alias], match.end()))
    return max(found, key=lambda f: f[1]) if found else None


def metres_not_millions(text: str, n: Number, rules: Rules) -> Number | None:
    """"37m (121ft)-long skeleton": an "m" glued to the digits is metres, not a million, when a
    dimension word follows; the number without the scale, or None."""
    raw = text[n.start:n.end]
    if not raw.endswith("m") or not n.scaled or "metre" not in rules.units:
        return None
    if not _METRE_CONTEXT.match(text, n.end):
        return None
    digits = raw[:-1].replace(",", "")
    try:
        value = float(digits)
    except ValueError:
        return None
    step = 10.0 ** -len(digits.split(".", 1)[1]) if "." in digits else 1.0
    return Number(n.start, n.end - 1, value, step, False)


def read_measure(text: str, n: Number, unit_match: tuple[Unit, int], rules: Rules) -> Mention:
    """A quantity mention: the unit, and a rate over time after it when one is written."""
    unit, length = unit_match
    end = n.end
    name = unit.name
    rate = _TIME_RATE.match(text, end + length)
    if rate and unit.dimension not in ("speed", "age") and not _NOT_RATE_AFTER.match(
            text, rate.end()) and (unit.dimension != "time" or rate.group("what").lower() not in
                                   unit.name):  # "40 hours a week", not "5 years a year"
        name, length = f"{name} per {rate.group('what').lower()}", rate.end() - end
    return with_hedge(text, Mention(Kind.QUANTITY, n.start, end + length, n, name), rules)
