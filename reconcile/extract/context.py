"""What every extractor receives: the body text, its sentences, the publication date, rules."""
from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from reconcile.model import Claim, Kind, Value
from reconcile.rules import Rules

# Abbreviations whose period does not end a sentence.
_ABBREVIATIONS = frozenset("""
mr mrs ms dr prof sr jr st mt ft gen col lt sgt capt cmdr adm gov sen rep rev hon pres
inc ltd co corp bros dept univ assn no nos vs etc al approx fig est
jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
u.s u.k u.n e.u d.c p.m a.m i.e e.g
ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo mont neb
nev okla ore pa tenn tex va vt wash wis wyo
""".split())

_SENTENCE_END = re.compile(r"""[.!?]+["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9])|\n\s*\n|\n""")
_WORD_BEFORE = re.compile(r"([A-Za-z.]+)\.$")


def split_sentences(text: str) -> tuple[tuple[int, int], ...]:
    """Sentence spans (start, end) over the text: ends at .!? before a capital, and at newlines."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        if match.group(0)[0] == ".":
            before = _WORD_BEFORE.search(text, max(start, match.start() - 12), match.start() + 1)
            word = before.group(1).lower().rstrip(".") if before else ""
            # "U.S." and single initials ("John F. Kennedy") do not end a sentence
            if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
                continue
        _add_span(text, start, end, spans)
        start = end
    _add_span(text, start, len(text), spans)
    return tuple(spans)


def _add_span(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def parse_published(published: str | dt.date | dt.datetime | None) -> dt.date | None:
    """A publication date given as None, a date, a datetime or an ISO-like string."""
    if published is None or published == "":
        return None
    if isinstance(published, dt.datetime):
        return published.date()
    if isinstance(published, dt.date):
        return published
    text = str(published).strip()
    match = re.match(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
    if match:
        try:
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return None
    return None


@dataclass(frozen=True, slots=True)
class Context:
    """The text an extractor reads and what it may need to interpret it."""

    text: str
    published: dt.date | None
    rules: Rules
    sentences: tuple[tuple[int, int], ...]
    skip: tuple[tuple[int, int], ...] = ()  # boilerplate line spans: no claims start inside

    @classmethod
    def build(cls, text: str, published: dt.date | None, rules: Rules) -> Context:
        return cls(text, published, rules, split_sentences(text), boilerplate_spans(text, rules))

    def sentence_span(self, position: int) -> tuple[int, int]:
        """The span of the sentence that holds `position` (the whole text if none does)."""
        # the last sentence starting at or before `position` (no list of starts: O(log n) a call)
        i = bisect.bisect_right(self.sentences, (position, float("inf"))) - 1
        if 0 <= i < len(self.sentences) and self.sentences[i][0] <= position <= self.sentences[i][1]:
            return self.sentences[i]
        return (0, len(self.text)) if not self.sentences else self._nearest(position)

    def _nearest(self, position: int) -> tuple[int, int]:
        return min(self.sentences, key=lambda s: min(abs(s[0] - position), abs(s[1] - position)))

    def sentence_of(self, position: int) -> str:
        start, end = self.sentence_span(position)
        return self.text[start:end]

    def skipped(self, position: int) -> bool:
        return any(s <= position < e for s, e in self.skip)

    def claim(self, kind: Kind, start: int, end: int, value: Value, subject: str = "") -> Claim:
        """A claim whose text and sentence are read from the body at [start, end)."""
        return Claim(kind=kind, text=self.text[start:end], start=start, end=end,
                     sentence=self.sentence_of(start), subject=subject, value=value)


def boilerplate_spans(text: str, rules: Rules) -> tuple[tuple[int, int], ...]:
    """Spans of the body lines that are page noise ("Also Read: ...", "Scroll to Top")."""
    if not rules.boilerplate:
        return ()
    pattern = _boilerplate_pattern(rules)
    spans = []
    position = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped and pattern.fullmatch(stripped):
            spans.append((position, position + len(line)))
        position += len(line)
    return tuple(spans)


@lru_cache(maxsize=8)
def _boilerplate_pattern(rules: Rules) -> re.Pattern[str]:
    """All boilerplate line patterns as one regex: one match per line instead of one each."""
    return re.compile("|".join(f"(?:{p.pattern})" for p in rules.boilerplate), re.IGNORECASE)
