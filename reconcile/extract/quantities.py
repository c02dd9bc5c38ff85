"""Money, percentages, physical quantities and counts: classify the numbers found in text.

Locate, then read: `numbers.find_numbers` finds every number; this module looks at the words
around each one (a currency sign before it, a unit or a counted noun after it, a hedge before
it) and decides what kind of claim it is, or that it is not a claim at all (model names,
scores, phone numbers, years, days of the month).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from reconcile.extract.context import Context
from reconcile.extract.interval import number_interval
from reconcile.extract.numbers import Number, find_numbers
from reconcile.extract.words import STOPWORDS, looks_plural, singular, subject_around
from reconcile.model import Claim, Kind, NumberValue
from reconcile.rules import Rules

MONTHS = ("january february march april may june july august september october november "
          "december jan feb mar apr jun jul aug sep sept oct nov dec").split()
WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
_MONTH_BEFORE = re.compile(r"\b(?:%s)\.?\s*$" % "|".join(MONTHS), re.IGNORECASE)
_MONTH_AFTER = re.compile(r"^(?:st|nd|rd|th)?\s+(?:of\s+)?(?:%s)\b" % "|".join(MONTHS),
                          re.IGNORECASE)
_PHONE = re.compile(r"\(?\b\d{3}\)?[ .\-]\d{3}[.\-]\d{4}\b|\b\d{3}-\d{4}\b")
_STREET = re.compile(r"^\s+(?:[NSEW]\.?\s+)?(?:[A-Z][a-z]+\.?\s+){1,3}(?:Street|St|Avenue|Ave|"
                     r"Road|Rd|Boulevard|Blvd|Drive|Dr|Lane|Ln|Way|Court|Ct|Place|Pl|Terrace|"
                     r"Highway|Hwy|Parkway|Pkwy|Circle|Square)\b\.?")
_BLOCK = re.compile(r"^\s+block\b", re.IGNORECASE)
_ORDINAL = re.compile(r"^(?:st|nd|rd|th)\b", re.IGNORECASE)
_PERCENT = re.compile(r"^\s?(?:(?P<sign>%)|(?P<pp>-?\s?percentage[\s-]points?)|"
                      r"(?P<word>-?\s?per\s?cent(?:age)?\b|-?\s?pct\b))"
                      r"(?P<points>\s+points?\b)?", re.IGNORECASE)
_PER = re.compile(r"[\s-]?(?:per|an|a|/|each)[\s-]?(?=[A-Za-z])", re.IGNORECASE)
_PER_WORD = re.compile(r"(?P<what>[a-z]+)\b", re.IGNORECASE)
# a quantity per stretch of time: "800,000 barrels a day", "11 feet per century"
_TIME_RATE = re.compile(r"[\s-]?(?:per|an|a|each|/)[\s-]?(?P<what>second|minute|hour|day|week|month|"
                        r"year|decade|century|annum)\b", re.IGNORECASE)
_NOT_RATE_AFTER = re.compile(r"\s+(?:earlier|ago|before|later|after|on|from)\b", re.IGNORECASE)
_RATE_NOUNS = frozenset("""barrel share ton tonne hour year month week day gallon pound ounce
kilo kilogram gram litre liter person head unit seat ticket night tonne mile kilometre
kilometer game night""".split())
_ACCOUNTING_LEAD = re.compile(r"(?:\b(?:loss|losses|deficit|shortfall|of|was|were|net|"
                              r"totall?ed)|:)\s*$", re.IGNORECASE)
# a minus sign touches the amount ("-$5", "−3.2%"); "- - $ 75" in tokenised copy is a dash
_NEGATIVE = re.compile(r"(?:^|[\s(,])(?:[-−](?=$)|minus[\s-]|negative\s)$", re.IGNORECASE)
# words glued to a number by a hyphen that do not make it a name ("sub-300", "minus-5")
_HYPHEN_PREFIXES = frozenset("sub minus negative plus".split())
# a person's age after the name: "Maddon, 66, has used..."
_AGE_AFTER_NAME = re.compile(r"\b[A-Z][a-z]+,\s$")
_MONEY_COMPOUND = re.compile(r"\s+(?:and\s+)?$", re.IGNORECASE)
_TOKEN_AFTER = re.compile(r"\s*([A-Za-z][A-Za-z0-9'’\-]*)")
_SENTENCE_START_WORDS = frozenset(w for w in STOPWORDS) | frozenset(MONTHS) | frozenset(WEEKDAYS)


@dataclass(frozen=True, slots=True)
class _Mention:
    kind: Kind
    start: int
    end: int
    number: Number
    unit: str
    hedge: str | None = None
    negative: bool = False
    high: Number | None = None  # the upper end of a range


@lru_cache(maxsize=8)
def _patterns(rules: Rules) -> dict:
    """Regexes built from the rules: currency signs, codes and names, units, hedges."""
    def alt(words):
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    symbols = {k: v for k, v in rules.currency_symbols.items()}
    sym_parts = []
    for sym in sorted(symbols, key=len, reverse=True):
        letters = sym.rstrip("$") if sym.endswith("$") and len(sym) > 1 else ""
        if letters:
            sym_parts.append(re.escape(letters) + r"\s?\$")
        else:
            sym_parts.append(re.escape(sym))
    codes = alt(rules.currency_codes)
    names = sorted(rules.currency_names, key=len, reverse=True)
    name_alt = "|".join(re.escape(n) + ("s?" if not n.endswith("s") else "") for n in names)
    sub_alt = alt(rules.currency_subunits)
    hedge_alt = alt(rules.hedges)
    units_cs = alt([u for u in rules.units if len(u) <= 3])
    units_ci = alt([u for u in rules.units if len(u) > 3])
    return {
        # sign (with an optional country prefix glued or spaced: "US$", "HK $", "nzd$")
        "symbol_before": re.compile(
            rf"(?:(?<![\w'’.])(?P<code>u\.s\.?|[A-Za-z]{{1,3}})(?P<gap>\s?)\$|(?P<sym>{'|'.join(sym_parts)}))\s?$"),
        "code_before": re.compile(rf"\b(?P<code>{codes})\s?$", re.IGNORECASE),
        "code_after": re.compile(rf"^\s?(?P<code>{codes})\b", re.IGNORECASE),
        "symbol_after": re.compile(r"^\s?(?P<sym>€|£|¥|₹|₩|₽|zł|¢|元|₡|₾|₭|₿|US\$|\$)(?!\s?[\d.])"),
        "name_after": re.compile(
            rf"^\s?(?:(?P<adj>u\.?s\.?|american|australian|canadian|new zealand|hong kong|"
            rf"singapore|new taiwan|south african|sri lankan|south korean|new israeli|"
            rf"[A-Za-z][a-z]+)\s+)?"
            rf"(?P<name>{name_alt})\b", re.IGNORECASE),
        "subunit_after": re.compile(rf"^\s?(?P<sub>{sub_alt})\b", re.IGNORECASE),
        "hedge_before": re.compile(rf"(?:^|(?<=[^\w]))(?P<hedge>{hedge_alt})\s*(?:a\s+|an\s+)?$",
                                   re.IGNORECASE),
        "unit_after": re.compile(rf"^(?:\s?-\s?|\s?)(?P<unit>{units_cs})(?![A-Za-z0-9])"),
        "unit_after_long": re.compile(rf"^(?:\s?-\s?|\s?)(?P<unit>{units_ci})(?![A-Za-z0-9])",
                                      re.IGNORECASE),
        "unit_lookup": {u.lower(): v for u, v in rules.units.items() if len(u) > 3},
        "hedge_words": rules.hedges,
        # cheap pre-checks, so the backward searches above run only where they can match
        "hedge_last_words": frozenset(h.split()[-1] for h in rules.hedges),
        "symbol_last_chars": frozenset(sym[-1] for sym in rules.currency_symbols) | {"$"},
    }


def _currency_before(prefix: str, rules: Rules, pats) -> tuple[str, int] | None:
    """The ISO code of a currency sign or code right before a number, and where it starts."""
    tail = prefix.rstrip()
    if not tail:
        return None
    match = pats["symbol_before"].search(prefix) if tail[-1] in pats["symbol_last_chars"] else None
    if match:
        if match.group("code"):
            letters = match.group("code").replace(".", "")
            if letters.lower() == "s" and re.search(r"['’]\s?$", prefix[:match.start()]):
                return "USD", match.start() + match.group(0).index("$")  # "music ' s $ 500"
            code = _code_for_prefix(letters, rules)
            # letters glued to "$" ("A$", "nzd$") name the dollar; spaced ones only when known
            # ("c $ 1.34", "HK $3.7"), never the article in "a $698.9 million contract"
            if code and (not match.group("gap") or letters.lower() != "a"):
                return code, match.start()
            return "USD", match.start() + match.group(0).index("$")
        sym = match.group("sym").replace(" ", "")
        code = rules.currency_symbols.get(sym) or _code_for_prefix(sym.rstrip("$"), rules) or "USD"
        return code, match.start()
    if not tail[-1].isalpha():
        return None
    match = pats["code_before"].search(prefix)
    if match and _code_ok(match.group("code"), rules):
        return match.group("code").upper(), match.start()
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


def extract_quantities(ctx: Context, exclude: tuple[tuple[int, int], ...] = ()) -> list[Claim]:
    """Money, percent, quantity and count claims in the text (not inside `exclude` spans)."""
    text, rules = ctx.text, ctx.rules
    pats = _patterns(rules)
    mentions: list[_Mention] = []
    for number in find_numbers(text, rules):
        if ctx.skipped(number.start) or any(s < number.end and number.start < e for s, e in exclude):
            continue
        mention = _classify(text, number, rules, pats)
        if mention is not None:
            mentions.append(mention)
    mentions = _merge_ranges(text, mentions)
    claims = []
    for m in mentions:
        claim = _to_claim(ctx, m)
        if claim is not None:
            claims.append(claim)
    return claims


def _classify(text: str, n: Number, rules: Rules, pats) -> _Mention | None:
    start, end = n.start, n.end
    prefix = text[max(0, start - 40):start]
    suffix = text[end:end + 60]
    unit_match = _unit_after(suffix, n, pats, rules)
    if not n.spelled and _not_a_claim(text, n, prefix, suffix, unit_match, rules):
        return None
    # a minus between the sign and the digits: "$-50.8bn"
    inner_minus = prefix.endswith(("-", "−")) and bool(re.search(r"[$€£¥]\s?[-−]$", prefix))
    # currency before the number ("$", "US$", "EUR")
    currency = _currency_before(prefix[:-1] if inner_minus else prefix, rules, pats)
    if currency is not None:
        code, offset = currency
        m_start = start - (len(prefix) - offset)
        mention = _money(text, _Mention(Kind.MONEY, m_start, end, n, code), pats, rules)
        return replace(mention, negative=True) if inner_minus else mention
    match = pats["symbol_after"].match(suffix)
    if match and not (match.group("sym") == "$" and re.match(r"\s?\$\s?\d", suffix)):
        code = rules.currency_symbols.get(match.group("sym"), "USD")
        if match.group("sym") == "¢":
            scaled = replace(n, value=n.value / 100, step=n.step / 100)
            return _money(text, _Mention(Kind.MONEY, start, end + match.end(), scaled, "USD"), pats, rules)
        return _money(text, _Mention(Kind.MONEY, start, end + match.end(), n, code), pats, rules)
    if start and text[start - 1].isalpha():
        return None  # "MH17", "F35": letters glued before digits that are no currency code
    # percent
    match = _PERCENT.match(suffix)
    if match:
        unit = "pp" if (match.group("pp") or match.group("points")) else "%"
        return _with_hedge(text, _Mention(Kind.PERCENT, start, end + match.end(), n, unit), pats)
    # currency after ("115USD", "42 KWD", "11.1 billion dollars", "19 cents")
    match = pats["code_after"].match(suffix)
    if match and (match.start("code") == 0 or _code_ok(match.group("code"), rules)):
        return _money(text, _Mention(Kind.MONEY, start, end + match.end(), n,
                                     match.group("code").upper()), pats, rules)
    match = pats["name_after"].match(suffix)
    if match and not (unit_match and unit_match[1] > match.end()):
        code = _currency_name(match.group("name"), match.group("adj"), rules)
        if code:
            return _money(text, _Mention(Kind.MONEY, start, end + match.end(), n, code), pats, rules)
    match = pats["subunit_after"].match(suffix)
    if match and not (len(match.group("sub")) == 1 and match.start("sub") != 0):
        parent, factor = rules.currency_subunits[match.group("sub").lower()]
        scaled = replace(n, value=n.value * factor, step=n.step * factor)
        return _money(text, _Mention(Kind.MONEY, start, end + match.end(), scaled, parent), pats,
                      rules)
    # a unit of measure
    if unit_match:
        unit, length = unit_match
        name = unit.name
        rate = _TIME_RATE.match(text, end + length)
        if rate and unit.dimension not in ("time", "speed", "age") and not _NOT_RATE_AFTER.match(
                text, rate.end()):
            name, length = f"{name} per {rate.group('what').lower()}", rate.end() - end
        return _with_hedge(text, _Mention(Kind.QUANTITY, start, end + length, n, name), pats)
    # letters glued to the digits that are no unit, code or scale: "5G", "3D", "10th"
    if not n.spelled and not n.scaled and text[end:end + 1].isalpha():
        return None
    if re.match(r"\s?(?:a\.m\.|p\.m\.|am\b|pm\b)", suffix, re.IGNORECASE):
        return None  # a time of day
    # a year standing alone is a date, not a count
    if (not n.spelled and not n.scaled and n.value.is_integer() and 1800 <= n.value <= 2100
            and re.fullmatch(r"\d{4}", text[start:end])):
        return None
    noun, noun_end = _counted_noun(text, end, n, rules.count_nouns_not)
    if noun is None:
        implied = re.match(r"\s+(?:(?:were|are|was|have been|had been)\s+)?([a-z]+)\b", suffix)
        if implied and implied.group(1) in rules.implied_people:
            noun = "people"  # "two killed, three wounded": people are meant
        elif (not n.spelled and n.value.is_integer() and 0 < n.value < 120
              and suffix[:1] == "," and _AGE_AFTER_NAME.search(prefix)):
            age = rules.units.get("year old")
            if age is not None:  # "Maddon, 66, has": an age after a name
                return _Mention(Kind.QUANTITY, start, end, n, age.name)
    if noun:
        head_word = text[start:noun_end].split()[-1]
        unit = pats["unit_lookup"].get(head_word.lower()) or rules.units.get(head_word)
        if unit is not None and len(head_word) > 2:
            return _with_hedge(text, _Mention(Kind.QUANTITY, start, noun_end, n, unit.name), pats)
    if noun is None and not n.spelled and re.match(r"\s[A-Z]", suffix):
        return None  # "737 MAX", "500 Index": a number before a name is part of the name
    if noun is None and n.spelled and text[start:end].lower() in ("one", "a", "an"):
        return None  # "one" alone is mostly a pronoun ("one of them")
    return _with_hedge(text, _Mention(Kind.COUNT, start, noun_end if noun else end, n, noun or ""),
                       pats)


def _money(text: str, m: _Mention, pats, rules: Rules) -> _Mention:
    """A money mention with its rate ("per barrel", "a share") and hedge attached."""
    rate = _rate(text, m.end, pats, rules)
    if rate:
        m = replace(m, unit=f"{m.unit}/{rate[0]}", end=rate[1])
    return _with_hedge(text, m, pats)


def _rate(text: str, end: int, pats, rules: Rules) -> tuple[str, int] | None:
    """"per barrel", "a share", "per sq m" after an amount: what it is per, and where it ends."""
    per = _PER.match(text, end)
    if not per:
        return None
    rest = text[per.end():per.end() + 40]
    what, length = None, 0
    match = pats["unit_after_long"].match(rest) or pats["unit_after"].match(rest)
    if match and match.start("unit") == 0 and (len(match.group("unit")) > 2 or
                                                _unit_ok(match.group("unit"), rest[match.end():])):
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
    return what, per.end() + length


def _unit_after(suffix: str, n: Number, pats, rules: Rules):
    """The unit right after a number, and the length of the text it covers."""
    found = []
    match = pats["unit_after_long"].match(suffix)
    if match:
        found.append((pats["unit_lookup"][match.group("unit").lower()], match.end()))
    match = pats["unit_after"].match(suffix)
    if match:
        alias = match.group("unit")
        glued = match.start("unit") == 0
        if (len(alias) > 1 or glued or not n.spelled) and (
                len(alias) > 2 or glued or _unit_ok(alias, suffix[match.end():])):
            found.append((rules.units[alias], match.end()))
    return max(found, key=lambda f: f[1]) if found else None


def _unit_ok(alias: str, rest: str) -> bool:
    # a one- or two-letter unit ("m", "kg") after a space must end the phrase
    return not rest[:1].isalpha()


def _currency_name(name: str, adjective: str | None, rules: Rules) -> str | None:
    key = name.lower()
    base = rules.currency_names.get(key) or rules.currency_names.get(key.rstrip("s"))
    if adjective:
        full = f"{adjective.lower()} {key.rstrip('s')}"
        base = rules.currency_names.get(full) or base
    return base


def _not_a_claim(text: str, n: Number, prefix: str, suffix: str, unit_match, rules: Rules) -> bool:
    """Numbers that are names, scores, times, phone numbers, ordinals, days of the month."""
    start, end = n.start, n.end
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    if (before and before in ":#") or after == ":" or (after == "/" and not n.scaled and end + 1 < len(text) and text[end + 1].isdigit()):
        return True
    if before == "/" and start > 1 and text[start - 2].isdigit():
        return True
    if before == "-" and start > 1 and text[start - 2].isalpha():
        word = re.search(r"([A-Za-z]+)-$", prefix)
        if not word or word.group(1).lower() not in _HYPHEN_PREFIXES:
            return True  # COVID-19, F-35, B-52; but "sub-300 sq m", "minus-5 yards"
    if after.isalpha() and not n.scaled:
        # glued letters: "10th", "3D", "5G"; units and codes glued are matched later
        if _ORDINAL.match(suffix):
            return True
    if _MONTH_BEFORE.search(prefix) and not n.scaled and n.value < 32:
        return True
    if _MONTH_AFTER.match(suffix) and not n.scaled and n.value < 32:
        return True
    if _STREET.match(suffix) or _BLOCK.match(suffix):
        return True
    window = text[max(0, start - 6):min(len(text), end + 10)]
    if _PHONE.search(window):
        phone = _PHONE.search(text, max(0, start - 6), min(len(text), end + 10))
        if phone and phone.start() <= start < phone.end():
            return True
    # scores: "a 5-4 vote", "2-2 on aggregate" (a range would count a plural: "25-40 people")
    score = re.match(r"[-–](\d{1,3})(?![\d.,%])\s*(?P<rest>[A-Za-z]*)", suffix)
    if score and n.value < 1000 and not n.scaled and not looks_plural(score.group("rest")):
        return True
    if re.search(r"(?<![\d.,])\d{1,3}[-–]$", prefix) and n.value < 1000 and not n.scaled:
        rest = re.match(r"\s*([A-Za-z]+)", suffix)
        if not rest or not looks_plural(rest.group(1)) and not suffix.lstrip().startswith("%"):
            return True
    # a number right after a name is part of the name: "MAX 9", "Model 3", "S&P 500"
    prev = re.search(r"([A-Za-z&][\w&.\-]*)\s$", prefix)
    # a unit after the number makes it a measure, even after a name ("Tylenol 500mg")
    measured = unit_match is not None and (unit_match[0].dimension != "time" or after.isalpha())
    if prev and not n.scaled and not measured and prev.group(1).upper() not in rules.currency_codes:
        word = prev.group(1)
        if ((word[0].isupper() or any(ch.isupper() for ch in word[1:]))
                and word.lower() not in _SENTENCE_START_WORDS
                and not _sentence_initial(prefix, prev.start(1))):
            return True
    return False


def _sentence_initial(prefix: str, position: int) -> bool:
    head = prefix[:position].rstrip()
    return not head or head[-1] in ".!?\n\"“:;"


def _counted_noun(text: str, end: int, n: Number,
                  not_nouns: frozenset[str]) -> tuple[str | None, int]:
    """The noun a count counts ("82 HIMARS launchers" -> "launcher") and where it ends.

    The noun keeps the content words of its phrase ("commercial fisherman", "kia hyundai
    vehicle"); participles and adverbs before it ("recorded songs", "decently sized") and
    acronyms that name a system ("HIMARS") are left out; superlatives read as their adjective
    ("one of the best screens" -> "good screen")."""
    position = end
    tokens: list[tuple[str, int, int]] = []
    # "dozens of people", "millions of Americans", "two of the suspects", "one of the best"
    of = re.match(r"\s+of\s+(?:(?:the|its|their|those|these|his|her|our|my|your)\s+)?"
                  r"(?:(?:most|least)\s+)?", text[position:position + 30], re.IGNORECASE)
    partitive = bool(of and (n.vague or n.spelled))
    if partitive:
        position += of.end()
    # "eight more picks": comparison words sit between the number and its noun
    more = re.match(r"\s+(?:more|other|additional|extra|further)\b", text[position:position + 16])
    if more:
        position += more.end()
    # "a four-cylinder engine", "a 12-page document": the word after the hyphen is the noun
    hyphen = re.match(r"-([a-z]+)\b(?!-)", text[position:position + 30])
    if hyphen and not partitive:
        word = hyphen.group(1)
        if word.lower() in STOPWORDS or word.lower() in not_nouns or word.endswith(("ed", "ly")):
            return None, end
        return singular(word), position + hyphen.end()
    for _ in range(6):
        match = _TOKEN_AFTER.match(text, position)
        if not match or "\n" in text[position:match.start(1)]:
            break
        word = re.sub(r"['’]s?$", "", match.group(1))
        lower = word.lower()
        if lower == "and" and tokens and not looks_plural(tokens[-1][0]) and \
                _TOKEN_AFTER.match(text, match.end(1)):
            position = match.end(1)  # "460 Kia and Hyundai vehicles"
            continue
        if lower in _NOUN_STOPWORDS or lower in not_nouns or not word:
            break
        if n.value == 1 and tokens and looks_plural(word) and not partitive:
            break  # "One proposal asks": a plural-looking word after a singular count is a verb
        tokens.append((word, match.start(1), match.start(1) + len(word)))
        position = match.end(1)
        if (n.value != 1 or partitive) and looks_plural(word) and not word.isupper():
            break
        if text[position:position + 1] in ",.;:)(!?\"“”" or match.group(1) != word:
            break
    if not tokens:
        return None, end
    if n.value == 1 and not partitive and tokens[0][0].lower().endswith(("ed", "ing", "ly")):
        return None, end  # "one built around...": a verb, not a counted noun
    plural_at = next((i for i, t in enumerate(tokens) if looks_plural(t[0]) and not t[0].isupper()),
                     None)
    if n.value != 1 and plural_at is None:
        # no plural noun: keep the first word only if it cannot be a verb
        first = tokens[0][0]
        if first.lower().endswith(("ed", "ing", "ly")) or first[0].isupper():
            return None, end
        tokens = tokens[:1] if len(tokens) == 1 else tokens[:2]
        if len(tokens) == 2 and tokens[1][0].lower().endswith(("ed", "ing", "ly")):
            tokens = tokens[:1]
    elif plural_at is not None:
        tokens = tokens[:plural_at + 1]
    head = tokens[-1]
    noun_end = head[2]
    # "5,700 categories of products", "65 snaps of man coverage": an of-phrase without article
    if looks_plural(head[0]) and not partitive:
        of_noun = re.match(r"\s+of\s+([a-z]+(?:\s+[a-z]+)?)\b", text[noun_end:noun_end + 30])
        if of_noun and not any(w in STOPWORDS or w in not_nouns for w in of_noun.group(1).split()):
            extra = of_noun.group(1).split()
            if len(extra) == 1 or not looks_plural(extra[0]):
                noun = " ".join([*_modifiers(tokens[:-1]), singular(head[0]),
                                 *[singular(w) for w in extra]])
                return noun, noun_end + of_noun.end()
    words = [*_modifiers(tokens[:-1]), singular(head[0])]
    if partitive and n.value == 1:
        # "one of the proudest moments in his life": the place belongs to the phrase
        place = re.match(r"\s+in\s+(?:(?:the|his|her|their|its|our)\s+)?([A-Za-z]+(?:\s+[A-Z][a-z]+)?)\b",
                         text[noun_end:noun_end + 40])
        if place and place.group(1).lower() not in STOPWORDS:
            words += [w.lower() for w in place.group(1).split()]
            noun_end += place.end()
    return " ".join(words), noun_end


# "five new seasons": this stop word belongs to the counted noun
_NOUN_STOPWORDS = STOPWORDS - {"new"}


_NOT_SUPERLATIVE = frozenset("""interest forest contest protest harvest request arrest manifest honest
modest test guest west east rest nest quest chest pest vest suggest digest priest""".split())
_IRREGULAR_SUPERLATIVE = {"best": "good", "worst": "bad", "largest": "large", "latest": "late",
                          "finest": "fine", "widest": "wide", "safest": "safe", "closest": "close",
                          "strangest": "strange", "rarest": "rare", "wisest": "wise"}


def _modifiers(tokens: list[tuple[str, int, int]]) -> list[str]:
    """The words before a counted noun that belong to its name, lower case."""
    kept: list[str] = []
    for word, _, _ in tokens:
        lower = word.lower()
        if word.isupper() and len(word) > 1 and not kept:
            continue  # acronym modifiers ("82 HIMARS launchers") name the thing, not the count
        if not kept and "-" not in lower and lower.endswith(("ed", "ly")) and len(lower) > 4:
            continue  # "300 recorded songs", "20 decently sized plants"
        if lower in _IRREGULAR_SUPERLATIVE:
            lower = _IRREGULAR_SUPERLATIVE[lower]
        elif lower.endswith("est") and len(lower) > 5 and lower not in _NOT_SUPERLATIVE:
            stem = lower[:-3]
            if stem.endswith("i"):
                stem = stem[:-1] + "y"  # earliest
            elif len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "lsaeiou":
                stem = stem[:-1]  # biggest, hottest
            lower = stem
        kept.append(lower)
    return kept




def _with_hedge(text: str, m: _Mention, pats) -> _Mention:
    """Attach a hedge word before the number ("nearly $700 million") and a sign."""
    prefix = text[max(0, m.start - 30):m.start]
    hedge = None
    words = prefix.lower().split()
    while words and words[-1] in ("a", "an"):
        words.pop()
    match = None
    if words and words[-1] in pats["hedge_last_words"]:
        match = pats["hedge_before"].search(prefix)
    start = m.start
    if match:
        hedge_word = match.group("hedge").lower()
        hedge = pats["hedge_words"].get(hedge_word)
        start = m.start - (len(prefix) - match.start("hedge"))
    # "(1.2 million)" is negative in accounts ("a loss of ($1.2 million)"), but a conversion
    # after another amount ("10.5 million Australian dollars ($7.5 million)") is not
    accounting = (prefix.endswith("(") and text[m.end:m.end + 1] == ")"
                  and bool(_ACCOUNTING_LEAD.search(prefix[:-1])))
    negative = (bool(_NEGATIVE.search(prefix)) or accounting) and (m.kind in (
        Kind.MONEY, Kind.PERCENT, Kind.QUANTITY) or not m.unit)
    return replace(m, hedge=hedge, negative=negative, start=start if hedge else m.start)


def _merge_ranges(text: str, mentions: list[_Mention]) -> list[_Mention]:
    """Join "$15 to $20", "between 30,000 and 40,000", "8- to 16-metre" into one range;
    give "eight or nine euros" its unit on both numbers."""
    out: list[_Mention] = []
    i = 0
    while i < len(mentions):
        m = mentions[i]
        if i + 1 < len(mentions):
            nxt = mentions[i + 1]
            joiner = text[m.number.end:nxt.number.start]
            bare_joiner = re.sub(r"[$€£¥]|%|^-(?=\s*(?:or|to|and)\b)|-\s*$|\s", "", joiner).lower()
            lead = text[max(0, m.start - 12):m.start].lower()
            compatible = (m.kind == nxt.kind or (m.kind == Kind.COUNT and not m.unit)) and (
                m.unit == nxt.unit or not m.unit or nxt.unit.startswith(m.unit + "/"))
            linked = bare_joiner in ("-", "–", "—", "to", "/", "and", "or") and compatible and \
                nxt.hedge is None and text[m.end:nxt.start].count("\n") == 0
            if linked and bare_joiner == "or" and not m.unit and nxt.unit:
                # "eight or nine euros": two numbers, one unit
                out.append(replace(m, kind=nxt.kind, unit=nxt.unit))
                i += 1
                continue
            is_range = linked and bare_joiner != "or" and (
                bare_joiner != "and" or "between" in lead) and not re.search(
                    r"\b(?:by|up|down|rose|fell|from)\s+\S*$", lead) or (
                linked and bare_joiner == "to" and "from" in lead.split()[-1:])
            low = m.number
            # "1.1 to 1.3 million", "US $89 to $93 billion": the scale written once applies to
            # both ends, when the low end scaled stays below the high end
            if is_range and nxt.number.scaled and not low.scaled and low.value > 0:
                factor = nxt.number.value / _unscaled(text, nxt.number)
                if factor > 1 and low.value * factor <= nxt.number.value:
                    low = replace(low, value=low.value * factor, step=low.step * factor, scaled=True)
            if is_range and bare_joiner == "to" and "from" not in lead.split()[-1:] and \
                    nxt.number.value > 4 * max(low.value, 1e-9):
                is_range = False  # "10.4 cents to $2.24": a change, not a range
            if is_range:
                if low.value <= nxt.number.value:
                    start = m.start
                    if "between" in lead:
                        start = m.start - (len(lead) - lead.rindex("between"))
                    out.append(replace(nxt, start=start, number=low, high=nxt.number,
                                       hedge=m.hedge, negative=m.negative))
                    i += 2
                    continue
        out.append(m)
        i += 1
    return out


def _unscaled(text: str, n: Number) -> float:
    match = re.match(r"[\d,. ]+", text[n.start:n.end])
    try:
        return float(re.sub(r"[, ]", "", match.group(0))) if match else n.value
    except ValueError:
        return n.value


def _to_claim(ctx: Context, m: _Mention) -> Claim | None:
    rules = ctx.rules
    kind = str(m.kind)
    sign = -1.0 if m.negative else 1.0
    if m.high is not None:
        stated: float | tuple[float, float] = (m.number.value, m.high.value)
        low, high = number_interval(stated, m.number.step, m.number.round, m.hedge, kind, rules,
                                    step_high=m.high.step, round_high=m.high.round)
    elif m.number.vague:
        stated = m.number.vague
        # "dozens" is at least a couple of dozen, and open above
        low, high = float(m.number.vague[0]), None
    else:
        stated = m.number.value * sign
        low, high = number_interval(stated, m.number.step, m.number.round, m.hedge, kind, rules)
        if sign < 0 and low is not None and high is not None and low > high:
            low, high = high, low
    start, end = ctx.sentence_span(m.start)
    subject = subject_around(ctx.text, m.start, m.end, start, end)
    value = NumberValue(stated=stated, low=low, high=high, unit=m.unit, hedge=m.hedge)
    return ctx.claim(m.kind, m.start, m.end, value, subject)
