"""Counts: the noun a number counts ("82 HIMARS launchers" -> "launcher", "Seventeen people").

The noun keeps the content words of its phrase ("commercial fisherman", "kia hyundai vehicle");
participles and adverbs before it ("recorded songs", "decently sized") and acronyms that name a
system ("HIMARS") are left out; superlatives read as their adjective ("one of the best screens"
-> "good screen").
"""
from __future__ import annotations

import re

from reconcile.extract.numbers import TENS, UNITS, Number
from reconcile.extract.predicate import AND_PEOPLE, PEOPLE_PLURALS
from reconcile.extract.words import COMMON_VERBS, STOPWORDS, looks_plural, singular

_TOKEN_AFTER = re.compile(r"\s*([A-Za-z][A-Za-z0-9'’\-]*|\d+[A-Za-z]*(?=\s+[A-Za-z]))")
# "dozens of people", "two of the suspects", "one of the best", "two of Johnson's deputies"
_PARTITIVE = re.compile(r"\s+of\s+(?:(?:the|its|their|those|these|his|her|our|my|your|"
                        r"(?P<owner>[A-Z][A-Za-z]+)['’]s?)\s+)?(?:(?:most|least)\s+)?")
# "eight more picks" (skipped), "eight other employees" (kept: what sets them apart)
_MORE = re.compile(r"\s+(?:(?P<skip>more|further)|(?P<keep>other|additional|extra))\b")
_HYPHEN_NOUN = re.compile(r"-([a-z]+)\b(?!-)")
_OF_NOUN = re.compile(r"\s+of\s+([a-z]+(?:\s+[a-z]+)?)\b")
_PLACE = re.compile(r"\s+in\s+(?:(?:the|his|her|their|its|our)\s+)?([A-Za-z]+(?:\s+[A-Z][a-z]+)?)\b")
_POSSESSIVE = re.compile(r"['’]s?$")
# "the top three seeds", "a record 32 goals", "the previous two sessions": a ranking adjective
# between the article and the number names the counted things
_RANK_BEFORE = re.compile(r"\b(?:the|a|an|its|their|his|her|our)\s+(top|bottom|previous|record|"
                          r"leading|remaining|final)\s+$", re.IGNORECASE)
# comparatives that modify a plural noun ("two smaller tenancies"); alone they count nothing
_COMPARATIVE = {"smaller": "small", "larger": "large", "bigger": "big", "older": "old",
                "younger": "young", "newer": "new", "higher": "high", "lower": "low",
                "greater": "great", "longer": "long", "shorter": "short", "cheaper": "cheap",
                "better": "good", "worse": "bad", "faster": "fast"}


def participle(word: str) -> bool:
    """Whether a word reads as a verb form or an adverb ("recorded", "including", "decently");
    "speed", "bed" and other short -ed nouns do not."""
    lower = word.lower()
    if lower.endswith(("ing", "ly")):
        return len(lower) > 4
    return lower.endswith("ed") and len(lower) > 4 and not lower.endswith("eed")


def counted_noun(text: str, end: int, n: Number,
                 not_nouns: frozenset[str]) -> tuple[str | None, int]:
    """The noun a count counts ("82 HIMARS launchers" -> "launcher") and where it ends.

    The noun keeps the content words of its phrase ("commercial fisherman", "kia hyundai
    vehicle", "new 737 max jet"); participles and adverbs before it ("recorded songs",
    "decently sized") and acronyms that name a system ("HIMARS") are left out; superlatives
    and comparatives read as their adjective ("one of the best screens" -> "good screen")."""
    position = end
    of = _PARTITIVE.match(text, position)
    partitive = bool(of and (n.vague or n.spelled or n.scaled))
    if partitive:
        position = of.end()
    kept: list[tuple[str, int, int]] = []
    more = _MORE.match(text, position)
    if more:
        position = more.end()
        if more.group("keep"):
            kept.append((more.group("keep"), more.start("keep"), more.end("keep")))
    hyphen = _HYPHEN_NOUN.match(text, position)
    if hyphen and not partitive:  # "a four-cylinder engine", "a 12-page document"
        word = hyphen.group(1)
        if word.lower() in STOPWORDS or word.lower() in not_nouns or participle(word):
            return None, end
        return singular(word), hyphen.end()
    tokens = _noun_tokens(text, position, n, not_nouns, partitive)
    if not tokens:
        return None, end
    if n.value == 1 and not partitive and participle(tokens[0][0]):
        return None, end  # "one built around...": a verb, not a counted noun
    # a plural-looking word that names the next noun is no plural ("one police officer")
    plurals = [i for i, t in enumerate(tokens) if looks_plural(t[0]) and not t[0].isupper()
               and not (i + 1 < len(tokens) and t[0].lower() in _ATTRIBUTIVE_PLURALS)]
    # past a plural only when it names the next noun ("Dallas police officers"): the last is the head
    plural_at = (plurals[-1] if n.value != 1 or partitive else plurals[0]) if plurals else None
    if tokens[0][0][0].isupper() and any(t[0].isdigit() for t in tokens) and not n.spelled:
        return None, end  # "737 MAX 9 jets": a model designation, not a count
    if plural_at is not None:
        tokens = tokens[:plural_at + 1]
    elif n.value != 1:
        # no plural noun: keep the first word only ("12 page document" is counted in pages),
        # and only if it cannot be a verb
        first = tokens[0][0]
        if participle(first) or first[0].isupper() or first[0].isdigit():
            return None, end
        tokens = tokens[:1]
    elif tokens[-1][0][0].isdigit():
        tokens = tokens[:-1]
    if not tokens:
        return None, end
    head = tokens[-1]
    noun_end = head[2]
    before = _rank_before(text, n)
    if partitive and of.group("owner"):
        before.append(of.group("owner").lower())  # "two of Johnson's deputies"
    modifiers = [*before, *_modifiers([*kept, *tokens[:-1]])]
    if not partitive and head[0].lower() in ("count", "counts"):
        charge_end = _charge_end(text, noun_end)
        if charge_end:
            return "count", charge_end
    # "5,700 categories of products", "65 snaps of man coverage": an of-phrase without article
    if looks_plural(head[0]) and not partitive:
        of_noun = _OF_NOUN.match(text, noun_end)
        if of_noun and not any(w in STOPWORDS or w in not_nouns for w in of_noun.group(1).split()):
            extra = of_noun.group(1).split()
            if looks_plural(extra[0]):
                extra = extra[:1]  # "categories of products leaving China"
            noun = " ".join([*modifiers, singular(head[0]), *[singular(w) for w in extra]])
            return noun, of_noun.start(1) + len(" ".join(extra))
    if not partitive and head[0].lower() in PEOPLE_PLURALS:
        both = AND_PEOPLE.match(text, noun_end)
        if both:  # "five men and women": five people
            return " ".join([*modifiers, "people"]), both.end()
    words = [*modifiers, singular(head[0])]
    if partitive and n.value == 1:
        # "one of the proudest moments in his life": the place belongs to the phrase
        place = _PLACE.match(text, noun_end)
        if place and place.group(1).lower() not in STOPWORDS:
            words += [w.lower() for w in place.group(1).split()]
            noun_end = place.end()
    return " ".join(words), noun_end


def _noun_tokens(text: str, position: int, n: Number, not_nouns: frozenset[str],
                 partitive: bool) -> list[tuple[str, int, int]]:
    """The words after the number that may name what it counts, up to the first plural."""
    tokens: list[tuple[str, int, int]] = []
    for _ in range(6):
        match = _TOKEN_AFTER.match(text, position)
        if not match or "\n" in text[position:match.start(1)]:
            break
        word = _POSSESSIVE.sub("", match.group(1))
        lower = word.lower()
        if word[:1].isdigit() and not tokens:
            break  # "2.9 million 9 liter cases": another number
        if lower == "and" and tokens and not looks_plural(tokens[-1][0]) and \
                _joins_names(text, match.end(1), n, tokens):
            position = match.end(1)  # "460 Kia and Hyundai vehicles"
            continue
        if lower in _COMPARATIVE and (n.value != 1 or partitive):
            following = _TOKEN_AFTER.match(text, match.end(1))
            if not following or not looks_plural(following.group(1)):
                break  # "40k cheaper": a comparison, not a noun
        elif lower in _NOUN_STOPWORDS or lower in not_nouns or lower in COMMON_VERBS or not word:
            break
        if n.value == 1 and tokens and looks_plural(word) and not partitive:
            break  # "One proposal asks": a plural-looking word after a singular count is a verb
        if n.value == 1 and tokens and not partitive and (participle(word) or lower in _STATES):
            break  # "One person died", "one man dead and three hurt": the noun has ended
        if not tokens and not partitive and word in _STATES and _ends_phrase(text, match.end(1)):
            break  # "3 dead, 7 hurt": what became of people, no noun (quantities.py: people);
            # "three dead victims" counts victims
        tokens.append((word, match.start(1), match.start(1) + len(word)))
        position = match.end(1)
        possessive = match.group(1) != word
        modifier = _modifies_next(text, position, word, not_nouns, possessive)
        if (n.value != 1 or partitive) and looks_plural(word) and not word.isupper() \
                and not modifier:
            break
        if text.startswith(". ", position) and word in _PLACE_ABBREVIATIONS and \
                text[position + 2:position + 3].isupper():
            position += 1  # "two St. Louis County boys": the period is the abbreviation's
        elif text[position:position + 1] in ",.;:)(!?\"“”":
            break
        if possessive and not (n.value != 1 and not looks_plural(word) and modifier):
            break  # "two sheriff's deputies" counts deputies; "two men's lives" counts men
    return tokens


# "St. Louis", "Ft. Worth", "Mt. Vernon": abbreviations that open a place's name
_PLACE_ABBREVIATIONS = frozenset({"St", "Ft", "Mt"})


def _modifies_next(text: str, position: int, word: str, not_nouns: frozenset[str],
                   possessive: bool = False) -> bool:
    """Whether `word` names what the next word is ("Dallas | police officers", "police |
    officers", "sheriff's | deputies"): a name, or a plural-looking noun, before a plain noun
    that is no verb, state nor stop word."""
    following = _TOKEN_AFTER.match(text, position)
    if not following or text[position:following.start(1)].strip(" ") != "":
        return False
    nxt = following.group(1)
    lower = nxt.lower()
    if not nxt[:1].islower() or lower in _NOUN_STOPWORDS or lower in not_nouns \
            or lower in COMMON_VERBS or lower in _STATES or participle(lower):
        return False
    if word[:1].isupper() or possessive:
        return True  # "five Dallas police officers", "two sheriff's deputies"
    # "police officers", "sports cars"; not "19 fouls proves"
    return word.lower() in _ATTRIBUTIVE_PLURALS and looks_plural(nxt)


# Plural-looking words that also name what the next noun is ("police officers")
_ATTRIBUTIVE_PLURALS = frozenset("police sports arms sales savings staff news".split())


_PHRASE_END = re.compile(r"\s*(?:[,.;:!?()\[\]—–\"“”]|$)")


def _ends_phrase(text: str, position: int) -> bool:
    """Whether the noun phrase ends at `position`: punctuation or a stop word ("and", "in",
    "after") follows, not another word of the phrase ("dead | bodies")."""
    if _PHRASE_END.match(text, position):
        return True
    following = _TOKEN_AFTER.match(text, position)
    return following is not None and following.group(1).lower() in STOPWORDS


def _joins_names(text: str, position: int, n: Number, tokens: list[tuple[str, int, int]]) -> bool:
    """Whether the "and" before `position` joins two names of one counted noun ("460 Kia and
    Hyundai vehicles") rather than a second figure ("one man and two children", "left one dead
    and three injured"), a second clause ("killed one person and wound five others") or the
    state of the counted ("two dead and four injured")."""
    following = _TOKEN_AFTER.match(text, position)
    if not following:
        return False
    word = following.group(1).lower()
    if word[:1].isdigit() or word in UNITS or word in TENS or word in ("a", "an"):
        return False
    return n.value != 1 and tokens[-1][0].lower() not in _STATES


# "three counts of attempted first-degree murder": the charge, up to the next clause
_CHARGE = re.compile(r"\s+of\s+([a-z]+(?:(?:\s+|-)[a-z]+){0,5})")


def _charge_end(text: str, position: int) -> int | None:
    """Where the charge a number of counts is of ends ("three counts of murder"). The claim
    spans it and counts in "count", so that charges are never taken for a
    toll of murders; its subject names the charge (predicate.py), so that "two counts of
    murder" never meets "two counts of robbery"."""
    match = _CHARGE.match(text, position)
    if not match:
        return None
    end = None
    for word in re.finditer(r"[a-z]+(?:-[a-z]+)*", match.group(1)):
        if word.group(0) in STOPWORDS or end and participle(word.group(0)):
            break  # "one count of wire fraud | admitting ..."
        end = match.start(1) + word.end()
    return end


def _rank_before(text: str, n: Number) -> list[str]:
    match = _RANK_BEFORE.search(text, max(0, n.start - 24), n.start)
    return [match.group(1).lower()] if match else []


# Words that say what became of one counted thing ("one man dead"); never part of its noun.
_STATES = frozenset("dead died dies shot hurt slain".split())
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
        if word.isupper() and len(word) > 3 and not kept:
            continue  # system names ("82 HIMARS launchers") name the thing, not what is counted;
            # short acronyms say which ones ("five NBA teams")
        if not kept and "-" not in lower and participle(lower) and not lower.endswith("ing"):
            continue  # "300 recorded songs", "20 decently sized plants"; "charging stations"
        if lower in _COMPARATIVE:
            lower = _COMPARATIVE[lower]
        elif lower in _IRREGULAR_SUPERLATIVE:
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
