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
# "shot and killed", "shot and hospitalized", "killed or wounded" are one predicate, not two
# clauses.
_OUTCOME_WORDS = ("killed", "wounded", "injured", "hurt", "hospitalized", "hospitalised")
_OUTCOME = "(?:" + "|".join(_OUTCOME_WORDS) + ")"
# the outcomes a count's own words may name before its noun: "three wounded people", "two
# injured men", "two slain officers"
_OUTCOME_NAMED = frozenset({*_OUTCOME_WORDS, "slain", "dead", "murdered"})
_BREAK = re.compile(r"[;:()\[\]—–\"“”]|--|,\s|\s(?:(?!(?<=shot\s)and\s+" + _OUTCOME + r"\b)and|but"
                    r"|(?!(?:" + "|".join(rf"(?<={word}\s)" for word in _OUTCOME_WORDS) + r")or\s+"
                    + _OUTCOME + r"\b)or|while|whereas|although)\s")
# Two outcomes joined by "or" are one predicate too: "injured or hospitalized"; and "killed or
# injured", "hurt or killed" count the dead and the wounded together, a toll of neither alone
_EITHER_OUTCOME = re.compile(rf"\b({_OUTCOME})\s+or\s+({_OUTCOME})\b", re.IGNORECASE)
# A preposition after the predicate opens a circumstance (place, time): stop there. "from" is
# not one: "recovering from gunshot wounds" says what the count is of.
_ADJUNCT = frozenset("""
in at on during near inside outside after following when as into across since for with of
by before while because including among between amid over under through without within around
about against toward towards than like per
""".split())
# Words that carry no predicate of their own: auxiliaries, reporting verbs, degree adverbs.
_SKIP = frozenset("""
is are was were be been being has have having had do does did will would shall should can could
may might must reportedly later also all each both still now then allegedly apparently initially
originally reported believed thought said say says told officials police authorities
""".split())
_SUBORDINATE = frozenset("that which who whom whose when where while after before because if as".split())
# a relative clause right after a count tells what became of the counted ("two men who were
# shot"); other clauses ("from where a boy died") tell of something else
_RELATIVE = frozenset("that which who whom whose".split())
_NEGATIONS = frozenset({"not", "never"})
# An aside between the count and its verb: ", including a girl," / ", most of them teenagers,"
# / ", ages 16 and 17," / ", ages 24, 25, and 41,"; or any short aside between dashes: " -- two
# men and a woman -- "; or the counted named again before an auxiliary: ", a 19-year-old man
# and a 21-year-old woman, were"
_ASIDE = re.compile(r",\s*(?:ages?|aged)\s+\d{1,3}"
                    r"(?:\s*,\s*(?:and\s+)?\d{1,3}|\s+(?:and|&)\s+\d{1,3})*\s*,"
                    r"|,\s*(?:including|among\s+them|most\s+of\s+them|all\s+of\s+them|ages?|aged)\b"
                    r"[^,;:.]{0,60},|\s*(?P<dash>--|[—–])[^;:.—–]{1,60}?(?P=dash)"
                    r"|,\s*(?:an?|the|his|her|their|both)\s[^,;:.]{1,60},"
                    r"(?=\s*(?:is|are|was|were|have|has|had)\s)")
# one count of two kinds of people: "five men and women were injured" (no figure of its own
# after "and": "two men and three women" are two counts, which casualties.py adds up)
PEOPLE_PLURALS = frozenset("men women children boys girls adults teens teenagers juveniles "
                           "kids".split())
AND_PEOPLE = re.compile(r"\s+(?:and|or|&)\s+(?:" + "|".join(sorted(PEOPLE_PLURALS)) + r")\b",
                        re.IGNORECASE)
# where the counted people were, between them and their verb: "four people | in the car | were
# killed", "one of the men | inside | was pronounced dead"
_PLACE_BEFORE_VERB = re.compile(r"\s+(?:in|at|on|inside|outside|near|aboard|behind)\b"
                                r"(?:\s+(?!(?:that|who|which|in|at|on)\b)[\w'’-]+){0,3}"
                                r"(?=\s+(?:is|are|was|were|has|have|had)\s)", re.IGNORECASE)
# the whole a count is part of, told by a pronoun: "two | of them | died"
_OF_THEM = re.compile(r"\s+of\s+(?:them|those|these|us)\b", re.IGNORECASE)
# a relative clause before a death, the sentence's verb: "two teens | who were shot in a
# triple shooting on Wednesday | have died", "all four people | involved in a shooting early
# Saturday | have now died"
_WHO_THEN_DIED = re.compile(r"\s+(?:(?:who|that)\s+(?:were|are|had\s+been|have\s+been)\s"
                            r"|(?=(?:shot|wounded|injured|hurt|involved)\s))"
                            r"[^,;:.!?\"“”]{1,80}?\s+(?:have|has|had)\s+"
                            r"(?:now\s+|since\s+)?(?=died\b)",
                            re.IGNORECASE)
# people counted by their age: "two 17-year-olds were killed"
AGES_AFTER = re.compile(r"\s+\d{1,3}[- ](?:year|month|week)s?[- ]olds\b", re.IGNORECASE)
# verbs that "to death" completes: "three people were shot to death" were killed
_TO_DEATH = frozenset({"shot", "beaten", "stabbed", "burned", "strangled", "bludgeoned", "crushed"})
# "three counts of attempted murder": a count of charges is a count of what it charges
CHARGE = re.compile(r"\bcounts?\s+of\s+(.+)$", re.IGNORECASE)
# Conjunctions that open a clause of their own right before a count: the count is its subject,
# and the words before belong to the clause before ("the deaths of | six people" goes on).
_OPENS_CLAUSE = frozenset("when where while after before because if although though since".split())


def _either_outcome(match: re.Match[str]) -> str:
    pair = (match[1].lower(), match[2].lower())
    return "casualties" if "killed" in pair else " ".join(pair)


def predicate_subject(text: str, start: int, end: int, lo: int, hi: int,
                      after_words: int = 3, before_words: int = 2) -> str:
    """The predicate words of the count at text[start:end], within the sentence [lo, hi)."""
    after = text[end:min(hi, end + 100)]
    aside = (_ASIDE.match(after) or AGES_AFTER.match(after) or AND_PEOPLE.match(after)
             or _PLACE_BEFORE_VERB.match(after) or _WHO_THEN_DIED.match(after)
             or _OF_THEM.match(after))
    if aside:  # "Four people, including a 13-year-old girl, were injured", "two 17-year-olds"
        after = after[aside.end():]
    after = _EITHER_OUTCOME.sub(_either_outcome, after)
    stop = _BREAK.search(after)
    if stop:
        after = after[:stop.start()]
    taken_after: list[str] = []
    words = [w.lower() for w in WORD.findall(after)]
    for at, word in enumerate(words):
        if word == "to" and taken_after and taken_after[-1] in _TO_DEATH \
                and words[at + 1:at + 2] == ["death"]:
            continue  # "shot to death", "beaten to death": a death, not a circumstance
        if word in _ADJUNCT or word in _SUBORDINATE and (taken_after or word not in _RELATIVE):
            break  # "one block away | from where a boy died": another clause's verb
        if word == "and" and taken_after == ["shot"]:
            continue  # "shot and killed"
        if word in _NEGATIONS and not taken_after:
            taken_after.append(word)  # "two children were not injured": not a toll
            continue
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
        if word in _OPENS_CLAUSE and not taken_before:
            break  # "killing | after two rival groups exchanged threats": another clause's verb
        if word in _SUBORDINATE or word in _ADJUNCT:
            if taken_before:
                break
            continue
        if word in _SKIP or word in STOPWORDS:
            continue
        taken_before.append(word)
        if len(taken_before) >= before_words:
            break
    charge = CHARGE.search(text, start, end)
    charged = [w.lower() for w in WORD.findall(charge.group(1))] if charge else []
    # what became of the counted, said before their noun: "three wounded people"
    told = [w for w in (w.lower() for w in WORD.findall(text[start:end])) if w in _OUTCOME_NAMED]
    return " ".join([*reversed(taken_before), *charged, *told, *taken_after])
