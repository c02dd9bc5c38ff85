"""What a count is a count of doing: the predicate words next to the counted noun.

"Three people were arrested Friday in connection with the killing" counts people arrested, not
people killed, although "killing" is in the same clause. For counts, the subject is the verb
phrase the counted noun belongs to: the content words right after it (skipping auxiliaries,
up to the first preposition that opens a circumstance) and right before it (back to a
subordinating word: "a shooting that | left four people dead"). Money and other kinds keep the
wider clause words, which name what a sum is for.
"""
from __future__ import annotations

import re

from reconcile.extract.words import STOPWORDS, WORD

# Where a clause ends ("Four people were shot | and two were killed" are two facts).
_BREAK = re.compile(r"[;:()\[\]—–\"“”]|,\s|\s(?:and|but|or|while|whereas|although)\s")
# A preposition after the predicate opens a circumstance (place, time): stop there. "from" is
# not one: "recovering from gunshot wounds" says what the count is of.
_ADJUNCT = frozenset("""
in at on during near inside outside after following when as into across since for with of
by before while because including among between amid over under through without within around
about against toward towards than like per
""".split())
# Words that carry no predicate of their own: auxiliaries, reporting verbs, degree adverbs.
_SKIP = frozenset("""
is are was were be been being has have had do does did will would shall should can could may
might must reportedly later also all each both still now then allegedly apparently initially
originally reported believed thought said say says told officials police authorities
""".split())
_SUBORDINATE = frozenset("that which who whom whose when where while after before because if as".split())


def predicate_subject(text: str, start: int, end: int, lo: int, hi: int,
                      after_words: int = 3, before_words: int = 2) -> str:
    """The predicate words of the count at text[start:end], within the sentence [lo, hi)."""
    after = text[end:min(hi, end + 100)]
    stop = _BREAK.search(after)
    if stop:
        after = after[:stop.start()]
    taken_after: list[str] = []
    for word in (w.lower() for w in WORD.findall(after)):
        if word in _ADJUNCT or word in _SUBORDINATE and taken_after:
            break
        if word in _SKIP or word in STOPWORDS:
            if taken_after:
                break
            continue
        taken_after.append(word)
        if len(taken_after) >= after_words:
            break
    before = text[max(lo, start - 100):start]
    breaks = list(_BREAK.finditer(before))
    if breaks:
        before = before[breaks[-1].end():]
    taken_before: list[str] = []
    for word in reversed([w.lower() for w in WORD.findall(before)]):
        if word in _SUBORDINATE or word in _ADJUNCT:
            if taken_before:
                break
            continue
        if word in _SKIP or word in STOPWORDS:
            continue
        taken_before.append(word)
        if len(taken_before) >= before_words:
            break
    return " ".join([*reversed(taken_before), *taken_after])
