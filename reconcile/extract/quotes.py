"""Direct quotations and who said them: “…,” Greene said / said Koo: “…” / he added.

The pass is a linear scan: quote marks are found with one regex, paired by a small state
machine (curly marks by direction, straight marks by what flanks them), and each quotation
then looks for its speaker in a short window before and after it.

What counts as a quote claim (the rest are scare quotes or quoted terms and produce nothing):
- any quotation with a tight attribution: a speech verb and a speaker right next to it
  (`“…,” Greene said`, `said Koo: “…”`, `Greene told reporters “…”`, `according to X`);
- an unattributed double-quoted span of at least _MIN_TERMLESS_WORDS words that is not a
  title (every word capitalised), or one that stands as a whole sentence of its own;
- single-quoted spans (‘…’) only when attributed: unattributed they are almost always terms.
So “grey-zone”, “reunification”, a “red line” and the ‘security umbrella’ are not quotes. For a
short quotation a speech verb further back must still report speech: not `vowed to pursue
“reunification”`, not a naming verb (`what Taipei calls a “red line”`), and not a title-cased
name inside the sentence (`anti-ship “Silkworm” missiles`, the sell-off “Black Monday”).

A quotation that runs over paragraphs (an opening paragraph left unclosed, the next one
reopening with a mark) becomes one claim per paragraph part, all with the same speaker, so
that each claim's text is exactly body[start:end] and carries no paragraph break.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from reconcile.extract.context import Context
from reconcile.model import Claim, Kind, QuoteValue

__all__ = ["extract_quotes", "compare_quotes", "normalise_quote"]

# An unattributed quotation this long or longer is a quote, shorter ones are terms: news
# writers quote terms in one to four words ("grey-zone", a "red line", "One China" policy).
_MIN_TERMLESS_WORDS = 5
_MAX_PART = 3000  # characters; a longer "quotation" is a stray mark eating the paragraph
_MAX_SINGLE = 600
_MAX_SEARCH = 240  # characters after a quotation searched for its attribution

_MARKS = re.compile("[\"“”'‘’]")
_DOUBLE = frozenset('"“”')
_SINGLE_MARKS = frozenset("'‘’")
# A mark can open after these characters (and after white space), and close before these.
_OPEN_BEFORE = frozenset("([{—–-/:;\"“”‘’'")
_CLOSE_AFTER = frozenset(".,;:!?)]}—–-…\"“”‘’'")
# Apostrophes that stand at a word's edge: ’90s, 'em, 'til, rock 'n' roll.
_ELISION = re.compile(r"['’](?:\d0s\b|em\b|til\b|cause\b|n['’‘])", re.IGNORECASE)
_PARAGRAPH_CLOSERS = frozenset(".!?:…\"”’'")
_LINE_OPENERS = frozenset("\"“‘'-*•#>")

_UPPER = "A-ZÀ-ÖØ-ÞĀ-Ž"
_TOKEN = rf"(?:[{_UPPER}][\w’'\-]*|[{_UPPER}]\.)"
# One to four capitalised words right before a point (the run before a surname): searched
# backwards from each mention of the surname, so no pattern is compiled per name
_RUN_BEFORE = re.compile(rf"(?<![\w’'])(?:{_TOKEN}\s+){{1,4}}\Z")
_RUN_REACH = 400  # characters before a mention that a run of four words may take


def _earlier_mention(text: str, name: str, position: int) -> str | None:
    """The first "Raymond Greene" before `position` for the surname "Greene": one to four
    capitalised words, then the surname as a whole word; None if there is none."""
    at = text.find(name, 0, position)
    while at >= 0:
        end = at + len(name)
        if end == position or not (text[end].isalnum() or text[end] in "_’'"):
            run = _RUN_BEFORE.search(text, max(0, at - _RUN_REACH), at)
            if run:
                return text[run.start():end]
        at = text.find(name, at + 1, position)
    return None


_PARTICLE = r"(?:de|da|del|der|den|di|du|la|le|van|von|bin|al|ibn|dos|das|y)"
_NAME2 = rf"{_TOKEN}(?:\s+(?:{_PARTICLE}\s+)?{_TOKEN}){{1,3}}"

_TITLE_ABBREVIATION = re.compile(r"\b(?:Maj|Gen|Col|Lt|Sgt|Capt|Cmdr|Adm|Sen|Rep|Gov|Mr|Mrs|Ms|"
                                 r"Dr|Prof|Rev|Hon|St)\.$")
_NAME_RUN = re.compile(rf"(?<![\w’']){_TOKEN}(?:\s(?:{_PARTICLE}\s|of\s)?{_TOKEN})*")
_APPOSITIVE = re.compile(r",\s+(?:a|an|the|who|whose|\w+[’']s|[a-z]+\s+(?:of|for|at))\b")
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})
_PERSON_PRONOUNS = frozenset({"he", "she"})
_ROLES = frozenset("""
president vice prime minister secretary director spokesperson spokesman spokeswoman chairman
chairwoman chairperson chair chief executive ceo officer general gen lt col maj capt sgt adm
cmdr sen senator rep representative gov governor mayor mr mrs ms dr prof professor judge
ambassador envoy commissioner commander lieutenant colonel major captain sergeant admiral
deputy assistant acting former head leader premier chancellor king queen prince princess pope
sheriff detective inspector superintendent attorney councilman councilwoman councillor
councilor lawmaker legislator congressman congresswoman speaker analyst economist editor
reporter correspondent founder manager coach pastor reverend rev bishop official adviser
advisor counsel exchequer democrat republican president-elect vice-president spokesmen officials researcher expert
""".split())
_ORG_WORDS = frozenset("""
ministry ministries department dept office agency institute institution government
administration police army navy military company firm embassy consulate council committee
commission bureau party court group union organization organisation association federation
foundation corporation corp inc ltd llc plc bank fund board authority authorities service
services force forces command cabinet parliament congress senate house pentagon kremlin
university school hospital center centre network coalition alliance nato legislature assembly
secretariat motors airlines airways systems industries holdings news times post press reuters
guard agencies team club campaign
""".split())
_INTRO = frozenset("""
in on at after before during speaking earlier later meanwhile however but and yet still asked
responding separately today yesterday last this when while as also then since from with
without despite following referring writing addressing under for to by of if although though
because elsewhere now instead so moreover indeed besides overall in an interview
""".split())
_DETERMINERS = frozenset("the a an his her their its our one two three several many some "
                         "other both another".split())
_TRAILING_ADVERBS = frozenset("""
also later then again has had have previously once repeatedly publicly separately earlier
further recently flatly simply quickly would will reportedly initially first finally
subsequently privately openly bluntly angrily often frequently always long sharply
""".split())
_CLAUSE_WORDS = frozenset("""
is was were are be been being will would can could should may might must do does did not
that which to if whether because although when while where what
""".split())
# These verbs name or characterise rather than report speech ("what Taipei calls a “red
# line”"), so they do not make a short quoted term into a quote.
_NAMING_VERBS = frozenset({"called", "calls", "described", "describes"})
_SPOKES = re.compile(r"(?:a|an|the)\s+(?:\w+\s+){0,2}?(?:spokes\w+|official|representative|"
                     r"statement)\s+(?:for|of|at|from)\s+(?P<org>.+)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Quote:
    """One quotation as marked in the text: its word spans and its outer marks."""

    parts: tuple[tuple[int, int], ...]  # the words inside the marks, per paragraph
    open_at: int  # position of the first opening mark
    close_end: int  # position just after the closing mark
    single: bool


@dataclass(frozen=True, slots=True)
class _Speaker:
    """Who said a quotation, as found next to it."""

    kind: str  # person | name | pronoun | org | role
    text: str


@dataclass(frozen=True, slots=True)
class _Said:
    """A speaker already found: where, and what kind, for carry-over and surname resolution."""

    position: int
    sentence: int
    kind: str
    name: str


@dataclass(frozen=True, slots=True)
class _Patterns:
    verb: re.Pattern[str]
    after_verb_first: re.Pattern[str]
    after_np_first: re.Pattern[str]
    according: re.Pattern[str]
    according_before: re.Pattern[str]
    verb_after: re.Pattern[str]
    verbs: frozenset[str]


@lru_cache(maxsize=8)
def _patterns(verbs: tuple[str, ...]) -> _Patterns:
    """The attribution regexes for one list of speech verbs, compiled once per list."""
    alternatives = "|".join(sorted((re.escape(v) for v in verbs), key=len, reverse=True))
    verb = rf"(?:{alternatives})" if alternatives else r"(?!x)x"
    lead = r"\s*[,;:]?\s*(?:[—–-]+\s*)?"
    return _Patterns(
        verb=re.compile(rf"\b(?P<verb>{verb})\b", re.IGNORECASE),
        after_verb_first=re.compile(rf"{lead}(?P<verb>{verb})\b\s+(?P<np>[^\n“”\"]+)",
                                    re.IGNORECASE),
        after_np_first=re.compile(rf"{lead}(?P<np>[^\n“”\"]{{1,200}}?)\s+(?P<verb>{verb})\b",
                                  re.IGNORECASE),
        according=re.compile(r"\s*[,;:]?\s*(?:[—–-]+\s*)?according\s+to\s+(?P<np>[^\n“”\"]+)",
                             re.IGNORECASE),
        according_before=re.compile(r"\baccording\s+to\s+(?P<np>[^\n“”\"]+?)[,:]\s*$",
                                    re.IGNORECASE),
        verb_after=re.compile(rf"\s+(?:{verb})\b"),
        verbs=frozenset(verbs),
    )


def extract_quotes(ctx: Context) -> list[Claim]:
    """Direct quotations with their speakers; scare quotes and quoted terms are left out."""
    text = ctx.text
    marks = [(m.start(), m.group()) for m in _MARKS.finditer(text)]
    if not marks:
        return []
    doubles = _pair(text, [m for m in marks if m[1] in _DOUBLE], single=False)
    singles = _pair(text, [m for m in marks if m[1] in _SINGLE_MARKS], single=True)
    # a single-quoted span inside a double-quoted one is a nested quote: part of the outer
    singles = [q for q in singles if not _within(q, doubles)]
    quotes = sorted(doubles + singles, key=lambda q: q.open_at)
    reader = _Reader(ctx, _patterns(ctx.rules.speech_verbs))
    return reader.read(quotes)


# ---------------------------------------------------------------------------------------------
# finding and pairing the marks


def _classify(text: str, i: int, mark: str) -> tuple[bool, bool]:
    """Whether the mark at i can open and whether it can close a quotation."""
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    left = not after.isspace() and (before.isspace() or before in _OPEN_BEFORE)
    right = not before.isspace() and (after.isspace() or after in _CLOSE_AFTER)
    if mark in _SINGLE_MARKS:
        if before.isalnum() and after.isalnum():
            return False, False  # an apostrophe inside a word: Taiwan’s, don't
        if _ELISION.match(text, i) or (before in "nN" and i >= 2 and text[i - 2] in "'’‘"):
            return False, False
    if mark in "“‘":
        return not after.isspace(), right and not left
    if mark == "”":
        return left and not right, not before.isspace()
    return left, right


def _paragraph_end(text: str, position: int) -> int:
    """Where the paragraph holding `position` ends: a blank line, or a line break after a
    finished sentence (hard-wrapped lines of one paragraph are read as one)."""
    length = len(text)
    newline = text.find("\n", position)
    while newline >= 0:
        back = newline
        while back > position and text[back - 1] in " \t\r":
            back -= 1
        ahead = newline + 1
        while ahead < length and text[ahead] in " \t\r":
            ahead += 1
        if (back <= position or ahead >= length or text[ahead] == "\n"
                or text[back - 1] in _PARAGRAPH_CLOSERS or text[ahead] in _LINE_OPENERS):
            return newline
        newline = text.find("\n", newline + 1)
    return length


def _pair(text: str, marks: list[tuple[int, str]], single: bool) -> list[_Quote]:
    """Pair opening and closing marks; a mark that cannot be paired is skipped, not fatal."""
    quotes: list[_Quote] = []
    parts: list[tuple[int, int]] = []
    first_open = open_at = -1
    limit = -1  # the end of the paragraph the open part may run to
    for i, mark in marks:
        can_open, can_close = _classify(text, i, mark)
        if not (can_open or can_close):
            continue
        if open_at >= 0 and i > limit:
            # the open part ran to its paragraph's end: a continued quotation if this mark
            # reopens the next paragraph, otherwise the opening mark was a stray
            if (not single and can_open and limit < len(text) and _opens_sentence(text, open_at)
                    and not text[limit:i].strip() and i - open_at <= _MAX_PART):
                parts.append((open_at + 1, limit))
                open_at = i
                limit = _paragraph_end(text, i)
                continue
            open_at, parts = -1, []
        if open_at < 0:
            if can_open:
                first_open = open_at = i
                limit = _paragraph_end(text, i)
                if single:
                    limit = min(limit, i + _MAX_SINGLE)
            continue
        if can_close and i - open_at <= _MAX_PART:
            parts.append((open_at + 1, i))
            quotes.append(_Quote(tuple(parts), first_open, i + 1, single))
            open_at, parts = -1, []
        elif can_open:
            # two openers in one paragraph: the earlier one was a stray
            first_open = open_at = i
            parts = []
            limit = _paragraph_end(text, i)
            if single:
                limit = min(limit, i + _MAX_SINGLE)
        elif can_close:
            open_at, parts = -1, []
    return quotes


def _opens_sentence(text: str, i: int) -> bool:
    """Whether a mark stands where a sentence may start: a quotation continued over
    paragraphs opens that way; a stray mark mid-sentence ("the word “resilience") does not."""
    k = i - 1
    while k >= 0 and text[k] in " \t":
        k -= 1
    return k < 0 or text[k] in "\n.!?:”\"’—"


def _within(quote: _Quote, outer: list[_Quote]) -> bool:
    starts = [q.open_at for q in outer]
    k = bisect.bisect_right(starts, quote.open_at) - 1
    return k >= 0 and outer[k].open_at < quote.open_at and quote.close_end <= outer[k].close_end


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """The words of a part: no edge white space, no trailing comma (it belongs to the clause)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;"):
        end -= 1
    return start, end


# ---------------------------------------------------------------------------------------------
# attribution


class _Reader:
    """Reads the quotations of one article in order, remembering the speakers found so far."""

    def __init__(self, ctx: Context, patterns: _Patterns):
        self.ctx = ctx
        self.text = ctx.text
        self.patterns = patterns
        self.starts = [s for s, _ in ctx.sentences]
        self.said: list[_Said] = []
        self._mentions: list[_Said] | None = None

    def read(self, quotes: list[_Quote]) -> list[Claim]:
        claims: list[Claim] = []
        emitted_end = -1
        previous: tuple[_Quote, _Said | None] | None = None
        for k, quote in enumerate(quotes):
            if quote.open_at < emitted_end:
                continue  # nested inside a quotation already taken
            following = quotes[k + 1].open_at if k + 1 < len(quotes) else len(self.text)
            found = self._quote_claims(quote, following, previous)
            if found is None:
                continue
            new_claims, said = found
            claims.extend(new_claims)
            emitted_end = quote.close_end
            previous = (quote, said)
        return claims

    # -- one quotation -------------------------------------------------------------------

    def _quote_claims(self, quote: _Quote, following: int,
                      previous: tuple[_Quote, _Said | None] | None,
                      ) -> tuple[list[Claim], _Said | None] | None:
        text = self.text
        parts = [_trim(text, s, e) for s, e in quote.parts]
        parts = [(s, e) for s, e in parts if e > s]
        if not parts or self.ctx.skipped(parts[0][0]):
            return None
        stated_parts = [" ".join(text[s:e].split()) for s, e in parts]
        words = " ".join(stated_parts).split()
        if not any(ch.isalpha() for ch in "".join(words)):
            return None

        sentence = self._sentence_index(quote.open_at)
        region_start = self.starts[sentence] if self.starts else 0
        if previous is not None and previous[0].close_end > region_start:
            region_start = min(previous[0].close_end, quote.open_at)
        before = text[region_start:quote.open_at]
        after_end = self._after_end(quote.close_end, following)
        after = text[quote.close_end:after_end]

        short = len(words) < _MIN_TERMLESS_WORDS
        if short and len(words) >= 2 and before.strip() and _is_title(words):
            return None  # analysts who called the sell-off “Black Monday,” Nakasone said
        attribution = None
        if before.strip():
            attribution = self._before(before, region_start, short, words)
            if attribution is None:
                attribution = self._after(after, quote.close_end)
        else:
            attribution = self._after(after, quote.close_end)
        standalone = not before.strip() and not _has_words(after)
        if attribution is None:
            if quote.single:
                return None
            if not standalone and (short or _is_title(words)):
                return None
        speaker: _Said | None = None
        if attribution is not None:
            speaker = self._resolve(attribution[0], attribution[1], sentence)
        elif previous is not None and previous[1] is not None and not before.strip():
            # a quotation opening its sentence right after another speaker's quotation
            # continues that speaker ("“…,” Greene said. “We are backing…”")
            last_sentence = self._sentence_index(max(previous[0].close_end - 1, 0))
            if sentence - last_sentence <= 1 or self._after_sentence(previous[0]) >= sentence - 1:
                speaker = previous[1]
        if speaker is not None:
            self.said.append(speaker)
        name = speaker.name if speaker is not None else None
        claims = [self.ctx.claim(Kind.QUOTE, s, e, QuoteValue(stated, name), subject=name or "")
                  for (s, e), stated in zip(parts, stated_parts)]
        return claims, speaker

    def _sentence_index(self, position: int) -> int:
        return max(bisect.bisect_right(self.starts, position) - 1, 0)

    def _after_sentence(self, quote: _Quote) -> int:
        """The sentence that holds the attribution right after a quotation."""
        position = quote.close_end
        while position < len(self.text) and self.text[position].isspace():
            position += 1
        return self._sentence_index(position)

    def _after_end(self, close_end: int, following: int) -> int:
        """The search window after a quotation: to the end of the sentence that follows the
        closing mark, not past the next quotation or paragraph."""
        text = self.text
        position = close_end
        while position < len(text) and text[position] in " \t":
            position += 1
        if position >= len(text) or text[position] == "\n" or not self.starts:
            return position
        sentence = self._sentence_index(position)
        end = self.ctx.sentences[sentence][1]
        if end <= close_end:  # the closing mark ended the sentence: read the next one
            end = self.ctx.sentences[sentence + 1][1] if sentence + 1 < len(self.starts) else end
        while sentence + 1 < len(self.starts) and end == self.ctx.sentences[sentence][1] \
                and _TITLE_ABBREVIATION.search(text, max(end - 6, 0), end):
            sentence += 1  # "said Maj. Gen. Pat Ryder": "Maj." does not end the sentence
            end = self.ctx.sentences[sentence][1]
        newline = text.find("\n", close_end)
        if newline >= 0:
            end = min(end, newline)
        return max(min(end, following, close_end + _MAX_SEARCH), close_end)

    # -- the windows -----------------------------------------------------------------------

    def _after(self, after: str, offset: int) -> tuple[_Speaker, int] | None:
        """`“…,” Greene said` / `“…,” said Koo` / `“…,” according to X`."""
        p = self.patterns
        match = p.according.match(after)
        if match:
            speaker = _lead_np(match["np"])
            return (speaker, offset + match.start("np")) if speaker else None
        match = p.after_verb_first.match(after)
        if match:
            speaker = _lead_np(match["np"])
            return (speaker, offset + match.start("np")) if speaker else None
        match = p.after_np_first.match(after)
        if match:
            speaker = _subject_np(match["np"], p.verbs)
            return (speaker, offset + match.start("np")) if speaker else None
        return None

    def _before(self, before: str, offset: int, short: bool,
                quoted: list[str]) -> tuple[_Speaker, int] | None:
        """`Greene said: “…”` / `Koo said China “should…”` / `Greene: “…”`."""
        p = self.patterns
        match = p.according_before.search(before)
        if match:
            speaker = _lead_np(match["np"])
            if speaker:
                return speaker, offset + match.start("np")
        verbs = list(p.verb.finditer(before))
        for verb in reversed(verbs):
            gap = before[verb.end():]
            if short and not _tight_gap(gap, verb["verb"].lower()):
                return None
            if short and gap.strip() and _is_title(quoted):
                return None  # "have said Iran has new anti-ship “Silkworm” missiles": a name
            head = before[:verb.start()]
            if verb["verb"].lower().endswith("ing"):
                speaker = _clause_subject(head)
            else:
                speaker = _subject_np(head, p.verbs)
            if speaker is None and _is_colon_gap(gap):
                speaker = _lead_np(gap.rstrip().rstrip(":"))  # said Greene: “…”
            if speaker is not None:
                return speaker, offset
        stripped = before.rstrip()
        if not verbs and stripped.endswith(":"):
            head = stripped[:-1].strip()
            match = re.fullmatch(_NAME2, head) or re.fullmatch(_TOKEN, head)
            if match:  # Greene: “…” (a name alone before a colon)
                return _Speaker("person" if " " in head else "name", _strip_roles(head)), offset
        return None

    # -- resolving a speaker to a name ------------------------------------------------------

    def _resolve(self, speaker: _Speaker, position: int, sentence: int) -> _Said | None:
        if speaker.kind == "pronoun":
            return self._antecedent(speaker.text, position, sentence)
        if speaker.kind in ("person", "name"):
            full = self._full_name(speaker.text, position)
            kind = "person" if (speaker.kind == "person" or full != speaker.text) else "name"
            return _Said(position, sentence, kind, full)
        if speaker.kind == "role":
            person = self._titled(speaker.text, position, sentence)
            if person is not None:
                return person
        if speaker.kind in ("org", "role"):
            return _Said(position, sentence, "org", self._full_org(speaker.text, position))
        return None

    def mentions(self) -> list[_Said]:
        """People named with a title, an appositive or a speech verb ("Minister Wellington
        Koo", "Karen Kuo, who speaks for…", "Wellington Koo said"), found once per article.
        One scan over capitalised runs; the words around each run are then looked at."""
        if self._mentions is None:
            found = []
            text = self.text
            verb_after = self.patterns.verb_after
            for match in _NAME_RUN.finditer(text):
                tokens = match.group().split()
                before = text[max(match.start() - 24, 0):match.start()].split()
                previous = before[-1].lower().rstrip(".") if before else ""
                roles = [t.lower().rstrip(".") for t in tokens if t.lower().rstrip(".") in _ROLES]
                run = _capital_run(tokens)
                if not run or _has_org_word(run):
                    continue
                name = _strip_roles(" ".join(run))
                title = roles[-1] if roles and name != " ".join(run) else (
                    previous if previous in _ROLES else "")
                if title:
                    found.append(_Said(match.start(), -1, f"person:{title}", name))
                elif " " in name and (_APPOSITIVE.match(text, match.end())
                                      or verb_after.match(text, match.end())):
                    found.append(_Said(match.start(), -1, "person", name))
                elif " " not in name and verb_after.match(text, match.end()):
                    lowered = name.lower()
                    if not (lowered in _PRONOUNS or lowered in _INTRO or lowered in _ROLES
                            or "." in name or name.endswith(("’s", "'s"))):
                        found.append(_Said(match.start(), -1, "name", name))
            self._mentions = found
        return self._mentions

    def _people_before(self, position: int) -> list[_Said]:
        people = [s for s in self.said if s.position < position and s.kind == "person"]
        people += [m for m in self.mentions() if m.position < position]
        return people

    def _full_name(self, name: str, position: int) -> str:
        """A surname (or a shorter form) resolved to the fullest earlier mention of it."""
        best = name
        if " " not in name and name[:1].isupper():
            # the article's earlier "Raymond Greene" for "Greene", titles stripped
            found = _earlier_mention(self.text, name, position)
            if found:
                full = _tidy_name(_strip_roles(" ".join(_capital_run(found.split()))))
                if full.endswith(" " + name) and not _has_org_word(full.split()):
                    best = full
        for said in self._people_before(position) + [s for s in self.said if s.kind == "name"]:
            full = said.name
            if len(full) > len(best) and (full.endswith(" " + name) or full.startswith(name + " ")):
                best = full
        if best == name and " " not in name:
            for said in self.mentions():  # named in full only later (a lead that uses surnames)
                full = said.name
                if len(full) > len(best) and full.endswith(" " + name):
                    best = full
        return best

    def _antecedent(self, pronoun: str, position: int, sentence: int) -> _Said | None:
        """he/she: the most recent named person of the preceding sentences, the subject first;
        it/they/we: the most recent speaker."""
        if pronoun in _PERSON_PRONOUNS:
            candidates = []
            people = self._people_before(position)
            people += [s for s in self.said if s.position < position and s.kind == "name"]
            for said in people:
                index = said.sentence if said.sentence >= 0 else self._sentence_index(said.position)
                if sentence - index <= 4:
                    candidates.append((index, -said.position, said))
            if not candidates:
                # no named person yet: the subject a recent sentence opens with ("Koo was
                # asked about the drills. He said: …")
                for index in range(sentence, max(sentence - 3, -1), -1):
                    start, end = self.ctx.sentences[index]
                    subject = _lead_np(self.text[start:min(end, position)])
                    if subject is not None and subject.kind in ("person", "name"):
                        return _Said(position, sentence, "person",
                                     self._full_name(subject.text, position))
                return None
            index, _, said = max(candidates, key=lambda c: (c[0], c[1]))
            return _Said(position, sentence, "person", self._full_name(said.name, position))
        for said in reversed(self.said):
            if said.position < position and sentence - said.sentence <= 6:
                return _Said(position, sentence, said.kind, said.name)
        return None

    def _titled(self, role: str, position: int, sentence: int) -> _Said | None:
        """`the minister` -> the latest person named with that title before it."""
        last = role.split()[-1].lower()
        for said in reversed(self._people_before(position)):
            if said.kind == f"person:{last}":
                return _Said(position, sentence, "person", said.name)
        return None

    def _full_org(self, org: str, position: int) -> str:
        """`the ministry` -> an earlier full name with that head word ("Ministry of National
        Defense"), else the words as written."""
        words = org.split()
        if len(words) > 3 or not words or words[0].lower() != "the" or not words[-1].islower():
            return org
        head = words[-1]
        pattern = re.compile(rf"(?:[{_UPPER}][\w’'\-]*\s+)*{re.escape(head.capitalize())}"
                             rf"(?:\s+(?:of|for|on|in)\s+(?:the\s+)?[{_UPPER}][\w’'\-]*"
                             rf"(?:\s+(?:and\s+)?[{_UPPER}][\w’'\-]*)*)?")
        best = None
        for match in pattern.finditer(self.text, 0, position):
            best = match.group(0)
        if best and best.split()[0] in ("The", "A", "An"):
            best = " ".join(best.split()[1:])
        return best or org


# ---------------------------------------------------------------------------------------------
# noun phrases


def _has_words(window: str) -> bool:
    return any(ch.isalnum() for ch in window)


def _is_title(words: list[str]) -> bool:
    """Every word capitalised ("A Promised Land", "The Art of the Deal"): a title, not speech."""
    small = {"a", "an", "the", "of", "and", "in", "on", "to", "for", "at", "by", "or", "with"}
    letters = [w for w in words if w[0].isalpha()]
    return bool(letters) and all(w[0].isupper() or w.lower() in small for w in letters)


def _tight_gap(gap: str, verb: str) -> bool:
    """Whether the words between a speech verb and a short quotation still report speech:
    `said “no”`, `said that it was a “serious infringement”`, not `vowed to pursue
    “reunification”` or `what Taipei calls a “red line”`."""
    if verb in _NAMING_VERBS:
        return False
    words = gap.split()
    if len(words) > 8 or "\n" in gap:
        return False
    return not words or words[0].lower().strip(",:") not in {"to", "as", "for", "of", "on", "by"}


def _is_colon_gap(gap: str) -> bool:
    stripped = gap.strip()
    return stripped.endswith(":") and 0 < len(stripped.split()) <= 6


def _tokens(phrase: str) -> list[str]:
    return [t.strip(".,;:!?()[]—–") if not re.fullmatch(r"(?:[A-Za-z]\.)+", t.strip(",;:"))
            else t.strip(",;:") for t in phrase.split()]


def _has_org_word(tokens: list[str]) -> bool:
    return any(t.lower().removesuffix("’s").removesuffix("'s") in _ORG_WORDS for t in tokens)


def _strip_roles(name: str) -> str:
    """`Taiwanese Defense Minister Wellington Koo` -> `Wellington Koo`: drop everything up to
    the last role word; `Secretary of State Marco Rubio` -> `Marco Rubio`."""
    tokens = name.split()
    last_role = -1
    for k, token in enumerate(tokens):
        if token.lower().rstrip(".") in _ROLES:
            last_role = k
    rest = tokens[last_role + 1:]
    if last_role >= 0 and rest and rest[0].lower() in {"of", "for"}:
        rest = rest[-2:]  # the department's words come first; the name is its last words
    rest = [t for t in rest if not t.endswith(".") or len(t) <= 2]
    return " ".join(rest) if rest else name


def _tidy_name(name: str) -> str:
    """At most two main words (initials and particles kept): a capitalised word before a name
    is more often a firm or a place ("Wertheim Trading James Melton") than a third name."""
    tokens = name.split()
    kept: list[str] = []
    core = 0
    for token in reversed(tokens):
        small = token.lower() in _PARTICLE_WORDS or re.fullmatch(r"[A-Z]\.", token)
        if not small:
            if core == 2:
                break
            core += 1
        kept.insert(0, token)
    return " ".join(kept)


def _capital_run(tokens: list[str]) -> list[str]:
    """The last run of capitalised tokens (with name particles), as in a name."""
    run: list[str] = []
    for k in range(len(tokens) - 1, -1, -1):
        token = tokens[k]
        role_connector = token in ("of", "for") and k > 0 and tokens[k - 1].lower() in _ROLES
        if token[:1].isupper() or (run and (token.lower() in _PARTICLE_WORDS or role_connector)):
            run.insert(0, token)
        elif run:
            break
    for k in range(len(run) - 1, -1, -1):
        if run[k].endswith(("’s", "'s")):  # "Mexico's public credit director": not a name
            run = run[k + 1:]
            break
    while run and (run[0].lower() in _PARTICLE_WORDS or run[0].lower() in _DETERMINERS
                   or run[0].lower() in _INTRO or run[0].lower() in _PRONOUNS):
        run.pop(0)
    return run


_CONJUNCTIONS = frozenset("and but so yet still meanwhile however then also".split())
_TIME_WORDS = frozenset("""last night week month year today yesterday tonight morning
afternoon evening earlier later monday tuesday wednesday thursday friday saturday
sunday""".split())
_CALENDAR = frozenset("""monday tuesday wednesday thursday friday saturday sunday january
february march april may june july august september october november december""".split())
_PARTICLE_WORDS = frozenset("de da del der den di du la le van von bin al ibn dos das y".split())


def _classify_np(head: str) -> _Speaker | None:
    """What a short subject phrase names: a pronoun, a person, an organisation, a role."""
    tokens = [t for t in _tokens(re.sub(r"\([^)]*\)", " ", head)) if t]
    if not tokens or len(tokens) > 8:
        return None
    lowered = [t.lower() for t in tokens]
    if len(tokens) == 1 and lowered[0] in _PRONOUNS:
        return _Speaker("pronoun", lowered[0])
    if any(t in _CLAUSE_WORDS for t in lowered):
        return None
    spokes = _SPOKES.fullmatch(" ".join(tokens))
    if spokes:
        return _classify_np(spokes["org"])
    while len(tokens) > 1 and lowered[-1] in _TIME_WORDS:
        tokens, lowered = tokens[:-1], lowered[:-1]  # "A statement last night"
    for k in range(1, len(tokens) - 1):
        # "analyst David Crossen of Sanford C. Bernstein": the person, not the firm
        if lowered[k] in ("of", "at", "with", "from") and tokens[k - 1][:1].isupper() \
                and lowered[k - 1] not in _ROLES and lowered[k - 1] not in _ORG_WORDS:
            person = _classify_np(" ".join(tokens[:k]))
            if person is not None and person.kind == "person":
                return person
            break
    run = _capital_run(tokens)
    if run and len(tokens) > len(run) and tokens[-len(run) - 1].lower() in _ROLES \
            and not _has_org_word(run):
        return _Speaker("person", _strip_roles(" ".join(run)))  # union president Anna Keller
    if len(run) >= 2 and tokens[-1] == run[-1] and not _has_org_word(run) \
            and not lowered[0][:1].isupper() and lowered[0] not in _DETERMINERS:
        return _Speaker("person", _strip_roles(" ".join(run)))  # Teck vice-president … Guminski
    if run and _strip_roles(" ".join(run)) != " ".join(run) \
            and not _has_org_word(_strip_roles(" ".join(run)).split()):
        return _Speaker("person", _strip_roles(" ".join(run)))  # Police Chief Larry Snelling
    if _has_org_word(tokens):
        words = tokens[1:] if lowered[0] == "the" and tokens[1:2] and tokens[1][:1].isupper() \
            else tokens
        return _Speaker("org", " ".join(words))
    if run and not (len(run) == 1 and run[0].lower() in _INTRO):
        name = _strip_roles(" ".join(run))
        roled = name != " ".join(run) or len(name.split()) > 1
        return _Speaker("person" if roled else "name", name)
    if lowered[0] in _INTRO or lowered[0] in _CLAUSE_WORDS:
        return None
    if lowered[0] in _DETERMINERS or len(tokens) <= 3:
        kind = "role" if lowered[-1] in _ROLES else "org"
        return _Speaker(kind, " ".join(tokens))
    return None


def _segments(phrase: str) -> list[str]:
    return [s.strip() for s in re.split(r"[,;]|\s[—–]\s", phrase) if s.strip()]


def _is_intro(segment: str) -> bool:
    """An introductory phrase: "In a statement", "On Monday", "Noting the deficit"."""
    first = segment.split()[0]
    return first.lower() in _INTRO or (first.endswith("ing") and first[:1].isupper())


def _strip_head(head: str) -> str:
    words = head.split()
    while words and words[0].lower() in _CONJUNCTIONS:
        words.pop(0)
    while words and words[-1].lower() in _TRAILING_ADVERBS:
        words.pop()
    return " ".join(words)


def _subject_np(phrase: str, verbs: frozenset[str]) -> _Speaker | None:
    """The speaker in the words right before a speech verb, past introductory phrases and
    appositives: `In a statement, the ministry` / `Raymond Greene, director of the AIT,`."""
    segments = _segments(phrase)
    while len(segments) > 1 and _is_intro(segments[0]):
        segments.pop(0)
    if not segments:
        return None
    head = _strip_head(segments[0])
    speaker = None
    if not any(w.lower() in verbs for w in head.split()):
        speaker = _classify_np(head)
    if speaker is None and len(segments) > 1:
        # "…if competitively priced, Lyng responded": the subject next to the verb
        last = _strip_head(segments[-1])
        if not any(w.lower() in verbs for w in last.split()):
            speaker = _classify_np(last)
    if speaker is not None and speaker.kind in ("org", "role"):
        for segment in segments[1:]:  # "the ministry’s spokesperson, Mao Ning, said"
            if re.fullmatch(_NAME2, segment) and not _has_org_word(segment.split()):
                return _Speaker("person", _strip_roles(segment))
    return speaker


def _clause_subject(phrase: str) -> _Speaker | None:
    """`The minister defended the sale, saying` -> the subject at the clause's start."""
    segments = _segments(phrase)
    while len(segments) > 1 and segments[0].split()[0].lower() in _INTRO:
        segments.pop(0)
    if not segments:
        return None
    return _lead_np(segments[0])


def _lead_np(phrase: str) -> _Speaker | None:
    """The noun phrase a window starts with: `Taiwanese Defense Minister Wellington Koo on
    Monday` -> Wellington Koo; `a spokesperson for the ministry, Mao Ning` -> Mao Ning."""
    segments = _segments(phrase)
    if not segments:
        return None
    words: list[str] = []
    tokens = _strip_head(segments[0]).split() if segments[0].split()[0].lower() \
        in _CONJUNCTIONS else segments[0].split()
    if not tokens:
        return None
    # "witness Tanya Brooks", "bakery owner Ana Ruiz": a descriptive lead before a name
    skip = 0
    while skip < min(2, len(tokens) - 1) and tokens[skip].islower() \
            and tokens[skip] not in _DETERMINERS and tokens[skip] not in _PRONOUNS \
            and tokens[skip] not in _ROLES and tokens[skip] not in _ORG_WORDS:
        skip += 1
    if skip and tokens[skip][:1].isupper():
        tokens = tokens[skip:]
    for k, token in enumerate(tokens):
        bare = token.strip(".!?:")
        lowered = bare.lower()
        upper = bare[:1].isupper()
        connector = lowered in {"of", "for", "in", "at", "on", "and"} and k + 1 < len(tokens) \
            and tokens[k + 1][:1].isupper() and words \
            and tokens[k + 1].strip(".,").lower() not in _CALENDAR
        if upper or connector or lowered in _DETERMINERS or lowered in _ROLES \
                or lowered in _ORG_WORDS or lowered in _PRONOUNS or lowered in _PARTICLE_WORDS:
            words.append(token.rstrip(".!?:") if not re.fullmatch(r"(?:[A-Za-z]\.)+", token)
                         else token)
            if token.endswith((".", "!", "?")) and not re.fullmatch(r"(?:[A-Za-z]\.)+|"
                                                                    r"[A-Z][a-z]{0,3}\.", token):
                break  # the sentence ends here
        else:
            break
    if not words:
        return None
    if words[0].lower() in _PRONOUNS and len(words) > 1:
        words = words[:1]
    speaker = _classify_np(" ".join(words))
    if speaker is not None and speaker.kind in ("org", "role") and len(segments) > 1:
        candidate = segments[1].rstrip(".")
        if re.fullmatch(_NAME2, candidate) and not _has_org_word(candidate.split()):
            return _Speaker("person", _strip_roles(candidate))
    return speaker


# ---------------------------------------------------------------------------------------------
# comparing two quotes (for the matcher)


def normalise_quote(text: str) -> str:
    """The words of a quote for comparison: lower case, curly marks and dashes as plain,
    hyphenated words joined with a space, punctuation and extra white space gone."""
    table = {ord("’"): "'", ord("‘"): "'", ord("“"): '"', ord("”"): '"', ord("—"): " ",
             ord("–"): " ", ord("-"): " ", ord("…"): " "}
    cleaned = text.translate(table).lower()
    cleaned = re.sub(r"'(?=\w)", "", cleaned)  # Taiwan's = Taiwans, so apostrophes never split
    return " ".join(re.sub(r"[^\w\s]", " ", cleaned).split())


# Contractions (apostrophes already dropped by normalise_quote) and spoken forms written out:
# one outlet's "doesn't" is another's "does not", and neither changed the speaker's words.
# Forms that are also words ("its", "were", "ill", "lets") are left alone.
_SPELLED_OUT = {
    "dont": "do not", "doesnt": "does not", "didnt": "did not", "isnt": "is not",
    "arent": "are not", "wasnt": "was not", "werent": "were not", "cant": "cannot",
    "wont": "will not", "wouldnt": "would not", "shouldnt": "should not",
    "couldnt": "could not", "hasnt": "has not", "havent": "have not", "hadnt": "had not",
    "aint": "is not", "im": "i am", "youre": "you are", "theyre": "they are",
    "thats": "that is", "theres": "there is", "whats": "what is", "hes": "he is",
    "shes": "she is", "ive": "i have", "weve": "we have", "theyve": "they have",
    "youve": "you have", "id": "i would", "youll": "you will", "theyll": "they will",
    "gonna": "going to", "wanna": "want to", "gotta": "got to",
}


def _spelled_out(words: str) -> str:
    return " ".join(_SPELLED_OUT.get(word, word) for word in words.split())


# An editor's insertion ("[the mayor]", "(our bumpers)") or an ellipsis for words left out
_EDITORIAL = re.compile(r"\[[^\]]{0,60}\]|\([^)]{0,60}\)|…|\.\s?\.\s?\.")
# How many of the speaker's words one gap may stand for
_GAP_WORDS = 12


def _common_opening(a: list[str], b: list[str]) -> int:
    """How many words two spelt-out quotes open with in common."""
    return next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))


def _written_words(words: list[str], spelt_out: int) -> int:
    """How many of a quote's words as written lie within its first `spelt_out` spelt-out words
    ("dont" is two of them)."""
    count = used = 0
    for word in words:
        used += len(_SPELLED_OUT.get(word, word).split())
        if used > spelt_out:
            break
        count += 1
    return count


@lru_cache(maxsize=1024)  # a quote is compared with each other quote of its block
def _with_gaps(quote: str) -> re.Pattern[str] | None:
    """The quote's words as a pattern in which each editorial mark stands for a few words of
    the speaker's, or None when it has no such mark (or only marks and no words)."""
    if not _EDITORIAL.search(quote):
        return None
    parts = [_spelled_out(normalise_quote(part)) for part in _EDITORIAL.split(quote)]
    if sum(len(part.split()) for part in parts) < 3:
        return None
    gap = rf"(?:\s+\S+){{0,{_GAP_WORDS}}}\s*"
    body = gap.join(re.escape(part) for part in parts)
    return re.compile(rf"(?:^|(?<=\s)){body.strip()}(?=\s|$)")


def compare_quotes(first: str, second: str) -> str:
    """How two quotes relate: "same" words, one an "excerpt" of the other, a "variant" (the
    same opening, different words: a misquote), or "different"."""
    from rapidfuzz import fuzz, utils

    written_a, written_b = normalise_quote(first), normalise_quote(second)
    a, b = _spelled_out(written_a), _spelled_out(written_b)
    if not a or not b:
        return "different"
    if a == b:
        return "same"
    # an editor's marks: "(our bumpers)" in place of the speaker's "we", "…" for words left
    # out. Words the other wording has there are no misquote.
    for marked, other in ((first, b), (second, a)):
        gaps = _with_gaps(marked)
        if gaps is not None and gaps.search(other):
            return "excerpt"
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    if f" {shorter} " in f" {longer} ":
        return "excerpt"
    # near-identical wording (a typo, "rock solid" vs "rock-solid" already normalised)
    if fuzz.ratio(a, b, processor=utils.default_process, score_cutoff=97):
        return "same"
    # an excerpt with small differences: the shorter one aligns almost fully in the longer
    if len(shorter.split()) >= 4 and fuzz.partial_ratio(
            shorter, longer, processor=utils.default_process, score_cutoff=95):
        return "excerpt"
    # the same opening, counted in words as written: "I don't know why" and "I don't know who"
    # share three ("don't" is one word however it is spelt out), not four
    words_a, words_b = written_a.split(), written_b.split()
    opening = min(4, len(words_a), len(words_b))
    common = _common_opening(a.split(), b.split())
    if opening >= 3 and min(_written_words(words_a, common),
                            _written_words(words_b, common)) >= opening:
        return "variant"
    if fuzz.token_sort_ratio(a, b, processor=utils.default_process, score_cutoff=80):
        return "variant"
    return "different"
