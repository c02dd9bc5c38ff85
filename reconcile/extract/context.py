"""What every extractor receives: the body text, its sentences, the publication date, rules."""
from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from reconcile.extract.fastre import first_chars
from reconcile.extract.numbers import DIGITS
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

# Where a sentence may end: ".!?" (and closing quotes or brackets) before a capital or digit,
# a blank line, a line break. Speed: written to begin with the class of its first characters
# (the lookbehinds tell the branches apart), so that `re` skips to the next ".!?" or line break
# in C instead of trying the three branches at every character; it matches exactly what
# r"""[.!?]+["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9])|\n\s*\n|\n""" matches, a third of the cost.
_SENTENCE_END = re.compile(r"""[.!?\n](?:(?<=[.!?])[.!?]*["'”’)\]]*"""
                           r"""(?=\s+["'“‘(\[]?[A-Z0-9])|(?<=\n)\s*\n|(?<=\n))""")
_WORD_BEFORE = re.compile(r"([A-Za-z.]+)\.$")
# A line that starts a block of its own: a list item, a heading, a quote block, a table row,
# a rule ("---").
_BLOCK_START = re.compile(r"[ \t]*(?:[-*+•–][ \t]|\d{1,3}[.)][ \t]|#{1,6}[ \t]|>|\||"
                          r"(?:-{3,}|\*{3,}|_{3,})[ \t]*$)")
_RULE = re.compile(r"[ \t]*(?:-{3,}|\*{3,}|_{3,})[ \t]*")
# "date: 2025-10-15", "Photo: Reuters": two such lines in a row are fields, not wrapped prose
_FIELD_LINE = re.compile(r"[ \t]*[A-Za-z_][\w-]*:[ \t]")
_HEADING = re.compile(r"[ \t]*#{1,6}[ \t]")
# A line whose last word closes a sentence: "said.", "now?", "over.”"
_LINE_END_PUNCT = re.compile(r"[.!?]+[\"'”’)\]]*$")
# A line shorter than this share of its paragraph's longest line, without closing punctuation,
# is a headline or label ("Storm hits coast", "By Jane Doe"), not a wrapped line: wrapping
# leaves at most a word's width unused.
_SHORT_LINE = 0.6


def split_sentences(text: str, breaks: frozenset[int] | None = None
                    ) -> tuple[tuple[int, int], ...]:
    """Sentence spans (start, end) over the text: ends at .!? before a capital, at blank
    lines, and at the line breaks that end a sentence (see `_line_breaks_ending`): a paragraph
    hard-wrapped at 80 columns is read as the sentences it holds, not cut at every line."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        first = match.group(0)[0]
        if first == ".":
            if _abbreviation_before(text, match.start(), start) or _inside_number(text, match.start()):
                continue
        elif first == "\n" and end - match.start() == 1:
            if breaks is None:
                breaks = _line_breaks_ending(text)
            if match.start() not in breaks:
                continue  # a wrapped line: the sentence goes on
        _add_span(text, start, end, spans)
        start = end
    _add_span(text, start, len(text), spans)
    return tuple(spans)


def _inside_number(text: str, period: int) -> bool:
    """Whether the period at `period` is the decimal point of a number a tokenised text spaced
    out ("The 6. 1-magnitude quake", "$1. 29", "13. 6 percent"), as the digit reader reads it."""
    if not (period and text[period - 1].isdigit() and text[period + 1:period + 3][-1:].isdigit()):
        return False
    begin = period - 1
    while begin > 0 and text[begin - 1].isdigit():
        begin -= 1
    found = DIGITS.match(text, begin)  # its lookbehind sees a currency sign before "1. 29"
    return found is not None and found.end() > period + 1


def _abbreviation_before(text: str, period: int, floor: int) -> bool:
    """Whether the period at `period` closes an abbreviation ("U.S.", "Mr.") or an initial
    ("John F. Kennedy") rather than a sentence."""
    before = _WORD_BEFORE.search(text, max(floor, period - 12), period + 1)
    return is_abbreviation(before.group(1) if before else "")


def is_abbreviation(word: str) -> bool:
    """Whether a word with its period ("U.S.", "Mr.", "F.") is an abbreviation or an initial,
    whose period does not end a sentence ("Miami." is neither)."""
    word = word.lower().rstrip(".")
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def _line_breaks_ending(text: str) -> frozenset[int]:
    """Offsets of the single line breaks that end a sentence.

    A break inside a paragraph is a wrapped line and ends nothing, unless the line before
    ends with sentence punctuation (not an abbreviation), either line is a block of its own
    (a list item, heading, quote block, table row or rule, or two "field: value" lines in a
    row), or the line before is short for its paragraph and has no closing punctuation (a
    headline, a byline)."""
    ends = set()
    lines = text.split("\n")
    widths: list[int] | None = None  # speed: only a line that may be wrapped needs them
    offset = 0
    for i in range(len(lines) - 1):
        line, following = lines[i].rstrip(), lines[i + 1]
        newline = offset + len(lines[i])
        if _block_break(line, following) or _closes_sentence(text, line, offset):
            ends.add(newline)
        else:
            if widths is None:
                widths = _paragraph_widths(lines)
            if len(line.strip()) < _SHORT_LINE * widths[i]:
                ends.add(newline)
        offset = newline + 1
    return frozenset(ends)


def _block_break(line: str, following: str) -> bool:
    """Whether the break between two lines separates blocks rather than wrapping a line."""
    if not line.strip() or not following.strip():
        return True
    if _BLOCK_START.match(following) or _HEADING.match(line) or _RULE.fullmatch(line):
        return True
    return bool(_FIELD_LINE.match(line) and _FIELD_LINE.match(following))


def _closes_sentence(text: str, line: str, offset: int) -> bool:
    """Whether the line (at `offset` in text) ends with sentence punctuation that is not the
    period of an abbreviation ("U.S.", "Mr.") or an initial."""
    if not _LINE_END_PUNCT.search(line):
        return False
    period = line.rstrip("\"'”’)]").rstrip("!?")
    return not (period.endswith(".") and
                _abbreviation_before(text, offset + len(period) - 1, offset))


def _unwrap(text: str, ends: frozenset[int]) -> str:
    """The text with each line break inside a sentence (a hard-wrapped line) turned into a
    space: same length and offsets, so that a name or phrase split over two lines ("Mayor
    Dana\nRuiz said") reads whole where a pattern does not cross lines."""
    if "\n" not in text:
        return text
    wrapped = []
    position = text.find("\n")
    while position >= 0:
        if position not in ends:
            wrapped.append(position)
        position = text.find("\n", position + 1)
    if not wrapped:
        return text  # speed: paragraphs apart, no wrapped line (most articles): no copy
    chars = list(text)
    for position in wrapped:
        chars[position] = " "
    return "".join(chars)


def _paragraph_widths(lines: list[str]) -> list[int]:
    """For each line, the length of the longest line of its paragraph (lines between blank
    lines)."""
    widths = [0] * len(lines)
    first = 0
    for i in range(len(lines) + 1):
        if i == len(lines) or not lines[i].strip():
            width = max((len(lines[k].strip()) for k in range(first, i)), default=0)
            for k in range(first, i):
                widths[k] = width
            first = i + 1
    return widths


def _add_span(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


def parse_published(published: str | dt.date | dt.datetime | None) -> dt.date | None:
    """A publication date given as None, a date, a datetime or an ISO-like string."""
    if published is None or published == "":
        return None
    if isinstance(published, dt.datetime):
        return published.date()
    if isinstance(published, dt.date):
        return published
    text = str(published).strip()
    match = _ISO_DATE.match(text)
    if match:
        try:
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return None
    return None


@dataclass(frozen=True, slots=True)
class Context:
    """The text an extractor reads and what it may need to interpret it."""

    text: str  # what the extractors read: the body with its wrapped line breaks as spaces
    published: dt.date | None
    rules: Rules
    sentences: tuple[tuple[int, int], ...]
    skip: tuple[tuple[int, int], ...] = ()  # boilerplate line spans: no claims start inside
    body: str = ""  # the body as written (same offsets as `text`): what claims quote

    @classmethod
    def build(cls, text: str, published: dt.date | None, rules: Rules) -> Context:
        """The context of one body. A paragraph hard-wrapped at 80 columns is read as if its
        lines were joined ("Mayor Dana\nRuiz said" names one speaker), while the claims keep
        the text as written."""
        ends = _line_breaks_ending(text) if "\n" in text else frozenset()
        return cls(_unwrap(text, ends), published, rules, split_sentences(text, ends),
                   boilerplate_spans(text, rules), text)

    def quote(self, start: int, end: int) -> str:
        """The body as written at [start, end)."""
        return (self.body or self.text)[start:end]

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
        return self.quote(start, end)

    def skipped(self, position: int) -> bool:
        return any(s <= position < e for s, e in self.skip)

    def claim(self, kind: Kind, start: int, end: int, value: Value, subject: str = "") -> Claim:
        """A claim whose text and sentence are read from the body at [start, end)."""
        return Claim(kind=kind, text=self.quote(start, end), start=start, end=end,
                     sentence=self.sentence_of(start), subject=subject, value=value)


# "... was shot and killed. (Published Tuesday, Mar 4, 2025)": furniture in parentheses
# at the end of a caption or paragraph line
_TRAILING_PARENTHESIS = re.compile(r"\(([^()]{3,120})\)\s*$")


def boilerplate_spans(text: str, rules: Rules) -> tuple[tuple[int, int], ...]:
    """Spans of the body lines that are page noise ("Also Read: ...", "Scroll to Top"), and
    of noise in parentheses that ends a line ("(Published Tuesday, Mar 4, 2025)")."""
    if not rules.boilerplate:
        return ()
    full, by_first = _boilerplate_patterns(rules)
    spans = []
    position = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped:
            if _is_noise(stripped, full, by_first):
                spans.append((position, position + len(line)))
            elif stripped.endswith(")") and (inner := _TRAILING_PARENTHESIS.search(line)) \
                    and _is_noise(inner.group(1).strip(), full, by_first):
                spans.append((position + inner.start(), position + len(line)))
        position += len(line)
    return tuple(spans)


def _is_noise(line: str, full: re.Pattern[str], by_first: dict[str, re.Pattern[str]]) -> bool:
    first = line[0]
    pattern = by_first.get(first.lower()) if first.isascii() else full
    return pattern is not None and pattern.fullmatch(line) is not None


@lru_cache(maxsize=8)
def _boilerplate_patterns(rules: Rules) -> tuple[re.Pattern[str], dict[str, re.Pattern[str]]]:
    """All boilerplate line patterns as one regex (one match per line instead of one each),
    and, per first character of a line, one regex of only the patterns that can begin with
    it: most lines need not try the other sixty. A pattern whose first character is unknown
    or not ASCII (case folding beyond ASCII is subtle) is in every one."""
    def joined(patterns) -> re.Pattern[str]:
        return re.compile("|".join(f"(?:{p.pattern})" for p in patterns), re.IGNORECASE)

    starts = [(p, first_chars(p.pattern, re.IGNORECASE)) for p in rules.boilerplate]
    everywhere = [p for p, chars in starts if chars is None or not all(c.isascii() for c in chars)]
    by_first = {}
    compiled: dict[tuple[int, ...], re.Pattern[str]] = {}  # one regex per distinct choice
    for char in sorted({chr(code).lower() for code in range(128)}):
        chosen = [i for i, (p, chars) in enumerate(starts) if p in everywhere or char in chars]
        if chosen:
            key = tuple(chosen)
            if key not in compiled:
                compiled[key] = joined(starts[i][0] for i in chosen)
            by_first[char] = compiled[key]
    return joined(rules.boilerplate), by_first
