"""Money: a currency sign, code or name before or after a number, and what the amount is per.

"$1.2bn", "US$4.7 billion", "EUR 250 million", "300 million USD", "13 mln dlrs", "19 cents",
"$58.24 per barrel", "C $6 (US $4.46) per share", "75 USD million", "MEUR 120". Units are ISO
4217 codes; a rate is "USD/barrel".
"""
from __future__ import annotations

import re
from dataclasses import replace

from reconcile.extract.mention import Mention, patterns, with_hedge
from reconcile.extract.numbers import Number, scale_after
from reconcile.extract.words import singular
from reconcile.model import Kind
from reconcile.rules import Rules, Unit

# what an amount is per: "per barrel", "a share", "an ounce", "/kg", "each"; the article must be
# a whole word ("$36,040 at 10.45pm" is no rate), and "$75 U.S. per barrel" names the dollar
_PER = re.compile(r"(?:[ \u00a0]U\.S\.)?(?:[\s-]?(?:per|an|a|each)\b[\s-]?|[ \u00a0]?/[ \u00a0]?)"
                  r"(?=[A-Za-z])", re.IGNORECASE)
_PER_WORD = re.compile(r"(?P<what>[a-z]+)\b", re.IGNORECASE)
# a conversion in parentheses between an amount and its rate: "C $6 (US $4.46) per share"
_PARENTHETICAL = re.compile(r"[ \u00a0]?\([^()\n]{1,40}\)")
_NOT_RATE_AFTER = re.compile(r"\s+(?:earlier|ago|before|later|after|on|from)\b", re.IGNORECASE)
_RATE_NOUNS = frozenset("""barrel share ton tonne hour year month week day gallon pound ounce
kilo kilogram gram litre liter person head unit seat ticket night mile kilometre kilometer
game""".split())
_DOLLAR_THEN_DIGITS = re.compile(r"\s?\$\s?\d")
_APOSTROPHE_END = re.compile(r"['’]\s?$")
_INNER_MINUS = re.compile(r"[$€£¥][ \u00a0]?[-−]$")
# "pound" is a weight when what it weighs follows, or when weight is the topic just before
_POUND_OF = re.compile(r"\s+of\s+(?!(?:sterling|british|uk|the\s+(?:budget|deal)))[a-z]",
                       re.IGNORECASE)
_WEIGHT_BEFORE = re.compile(r"\b(?:weigh\w*|weight|heav(?:y|ier|iest)|lighter|obese|overweight)\b",
                            re.IGNORECASE)
_LAST_WORD = re.compile(r"\b([A-Za-z]{3,4})\s?$")
_GUARDED_AMOUNT = re.compile(r"\d{1,3}(?:,\d{3})+|\d+\.\d+")


def read_money(text: str, n: Number, prefix: str, suffix: str, unit_match: tuple[Unit, int] | None,
               rules: Rules) -> Mention | None:
    """The number as an amount of money, when a currency is written before or after it."""
    pats = patterns(rules)
    start, end = n.start, n.end
    # a minus between the sign and the digits: "$-50.8bn"
    inner_minus = prefix.endswith(("-", "−")) and bool(_INNER_MINUS.search(prefix))
    currency = currency_before(prefix[:-1] if inner_minus else prefix, n, text, rules)
    if currency is not None:
        code, offset, factor = currency
        m_start = start - (len(prefix) - offset)
        number = _scaled(n, factor)
        end, number = _scale_after_code(text, end, number, rules) if factor == 1.0 else (end, number)
        mention = money(text, Mention(Kind.MONEY, m_start, end, number, code), rules)
        return replace(mention, negative=True) if inner_minus else mention
    match = pats["symbol_after"].match(suffix)
    if match and not (match.group("sym") == "$" and _DOLLAR_THEN_DIGITS.match(suffix)):
        sym = match.group("sym")
        if sym == "¢":
            return money(text, Mention(Kind.MONEY, start, end + match.end(),
                                       _scaled(n, 0.01, False), "USD", unit_factor=0.01), rules)
        code = rules.currency_symbols.get(sym, "USD")
        return money(text, Mention(Kind.MONEY, start, end + match.end(), n, code), rules)
    return None


def currency_after(text: str, n: Number, suffix: str, unit_match, rules: Rules) -> Mention | None:
    """"115USD", "42 KWD", "30 MUSD", "11.1 billion dollars", "a one-yen bid", "19 cents"."""
    pats = patterns(rules)
    start, end = n.start, n.end
    match = pats["code_after"].match(suffix)
    if match and (match.start("code") == 0 or _code_ok(match.group("code"), rules)) and (
            not match.group("mega") or match.group("mega") == "M" and match.group("code").isupper()):
        number = _scaled(n, 1e6) if match.group("mega") else n
        stop, number = _scale_after_code(text, end + match.end(), number, rules)
        return money(text, Mention(Kind.MONEY, start, stop, number, match.group("code").upper()),
                     rules)
    match = pats["name_after"].match(suffix)
    if match and not (unit_match and unit_match[1] > match.end()):
        code = currency_name(match.group("name"), match.group("adj"), rules)
        if code and match.group("name").lower().startswith("pound") and not match.group("adj"):
            weight = _pounds_of_weight(text, n, end + match.end(), rules)
            if weight is not None:
                return weight
        if code:
            return money(text, Mention(Kind.MONEY, start, end + match.end(), n, code), rules)
    match = pats["subunit_after"].match(suffix)
    if match and not (len(match.group("sub")) == 1 and match.start("sub") != 0):
        parent, factor = rules.currency_subunits[match.group("sub").lower()]
        return money(text, Mention(Kind.MONEY, start, end + match.end(),
                                   _scaled(n, factor, False), parent, unit_factor=factor), rules)
    return None


def _pounds_of_weight(text: str, n: Number, end: int, rules: Rules) -> Mention | None:
    """"1/2 pound of chocolate", "weighed 208 pounds": pounds of weight, not sterling."""
    lb = rules.units.get("lb")
    if lb is None:
        return None
    before = text[max(0, n.start - 60):n.start]
    if not (_POUND_OF.match(text, end) or _WEIGHT_BEFORE.search(before)):
        return None
    return with_hedge(text, Mention(Kind.QUANTITY, n.start, end, n, lb.name), rules)


def _scaled(n: Number, factor: float, scale_word: bool = True) -> Number:
    """The number times a factor; `scale_word` when the factor is a scale ("million"), not a
    sub-unit ("cents")."""
    if factor == 1.0:
        return n
    return replace(n, value=n.value * factor, step=n.step * factor,
                   scaled=n.scaled or scale_word)


def _scale_after_code(text: str, end: int, n: Number, rules: Rules) -> tuple[int, Number]:
    """"75 USD million": a scale word written after the currency code scales the amount."""
    if n.scaled or end >= len(text) or text[end] not in " \u00a0":
        return end, n
    scale = scale_after(text, end, rules)
    if scale is None or not text[end + 1:scale[0]].strip().isalpha():
        return end, n
    stop, factor = scale
    if len(text[end:stop].strip()) < 2:
        return end, n  # a single spaced letter ("USD 5 m") is no scale
    return stop, _scaled(n, factor)


def currency_before(prefix: str, n: Number, text: str, rules: Rules) -> tuple[str, int, float] | None:
    """The ISO code of a currency sign, code or name right before a number, where it starts in
    `prefix`, and a factor it implies ("MUSD 30" is 30 million)."""
    tail = prefix.rstrip()
    if not tail:
        return None
    pats = patterns(rules)
    match = pats["symbol_before"].search(prefix) if tail[-1] in pats["symbol_last_chars"] else None
    if match:
        if match.group("code"):
            letters = match.group("code").replace(".", "")
            if letters.lower() == "s" and _APOSTROPHE_END.search(prefix[:match.start()]):
                return "USD", match.start() + match.group(0).index("$"), 1.0  # "music ' s $ 500"
            code = _code_for_prefix(letters, rules)
            # letters glued to "$" ("A$", "nzd$") name the dollar; spaced ones only when known
            # ("c $ 1.34", "HK $3.7"), never the article in "a $698.9 million contract"
            if code and (not match.group("gap") or letters.lower() != "a"):
                return code, match.start(), 1.0
            return "USD", match.start() + match.group(0).index("$"), 1.0
        sym = match.group("sym").replace(" ", "")
        code = rules.currency_symbols.get(sym) or _code_for_prefix(sym.rstrip("$"), rules) or "USD"
        return code, match.start(), 1.0
    if not tail[-1].isalpha():
        return None
    guarded = _guarded_before(prefix, n, text, rules)
    if guarded is not None:
        return guarded
    # the last word only, not a search of the whole prefix: this runs for most numbers
    tail_start = max(0, len(prefix) - 8)
    match = _LAST_WORD.search(prefix, tail_start)
    if match:
        word = match.group(1)
        code = word.upper()
        if code in rules.currency_codes and _code_ok(word, rules):
            return code, match.start(1), 1.0
        if word[0] == "M" and word[1:].isupper() and code[1:] in rules.currency_codes:
            return code[1:], match.start(1), 1e6  # "MUSD 30", "MAUD 60"
    return None


def _guarded_before(prefix: str, n: Number, text: str, rules: Rules) -> tuple[str, int, float] | None:
    """Signs that are also names ("PS" for "£" in transliterated copy, but "PS5" the console)
    count only glued to an amount that reads as money: scaled, with decimals or separators."""
    for sym, code in rules.currency_guarded.items():
        if prefix.endswith(sym) and not prefix[:-len(sym)][-1:].isalnum():
            digits = text[n.start:n.end]
            if n.scaled or _GUARDED_AMOUNT.match(digits):
                return code, len(prefix) - len(sym), 1.0
    return None


def _code_ok(code: str, rules: Rules) -> bool:
    """A code written in lower case counts unless it is also a word ("try", "pen")."""
    return code.isupper() or code.upper() not in rules.currency_word_codes


def _code_for_prefix(letters: str, rules: Rules) -> str | None:
    key = letters.upper() + "$"
    for sym, code in rules.currency_symbols.items():
        if sym.upper() == key:
            return code
    if letters.upper() in rules.currency_codes:
        return letters.upper()
    return None


def currency_name(name: str, adjective: str | None, rules: Rules) -> str | None:
    """The code of a currency name ("dollars", "Chinese yuan"); None for an unknown name."""
    key = name.lower()
    base = rules.currency_names.get(key) or rules.currency_names.get(key.rstrip("s"))
    if adjective:
        full = f"{adjective.lower()} {key.rstrip('s')}"
        base = rules.currency_names.get(full) or base
    return base


def money(text: str, m: Mention, rules: Rules) -> Mention:
    """A money mention with its rate ("per barrel", "a share") and hedge attached."""
    rate = rate_after(text, m.end, rules)
    if rate:
        what, stop, spanned = rate
        m = replace(m, unit=f"{m.unit}/{what}", end=stop if spanned else m.end)
    return with_hedge(text, m, rules)


def rate_after(text: str, end: int, rules: Rules) -> tuple[str, int, bool] | None:
    """"per barrel", "a share", "per sq m" after an amount: what it is per, where it ends, and
    whether the claim may span to there (not over a conversion in parentheses)."""
    spanned = True
    per = _PER.match(text, end)
    if not per:
        skipped = _PARENTHETICAL.match(text, end)
        per = _PER.match(text, skipped.end()) if skipped else None
        spanned = False
        if not per:
            return None
    pats = patterns(rules)
    rest = text[per.end():per.end() + 40]
    what, length = None, 0
    match = pats["unit_after_long"].match(rest) or pats["unit_after"].match(rest)
    if match and match.start("unit") == 0 and (len(match.group("unit")) > 2 or
                                                unit_ok(match.group("unit"), rest[match.end():])):
        unit = pats["unit_lookup"].get(match.group("unit").lower()) or rules.units.get(
            match.group("unit"))
        if unit is not None:
            what, length = unit.name, match.end()
    if what is None:
        word = _PER_WORD.match(rest)
        if not word or singular(word.group("what")) not in _RATE_NOUNS:
            return None
        what, length = singular(word.group("what")), word.end()
    if _NOT_RATE_AFTER.match(text, per.end() + length):
        return None  # "$1.17 billion a year earlier" is an amount, not a rate
    return what, per.end() + length, spanned


def unit_ok(alias: str, rest: str) -> bool:
    """A one- or two-letter unit ("m", "kg") after a space must end the phrase."""
    return not rest[:1].isalpha()
