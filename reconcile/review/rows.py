"""The review table: one row per finding, its columns, and the checksum that locks them.

A finding is a fact group whose verdict is `conflict` or `update` (an update is the judge's
reading of publication dates; a wrong reading would hide a contradiction, so an editor
confirms it). Conflicts come first, then updates, story by story, as in the report.

A group can have any number of sources, so each row puts them on two sides:

- conflict with a majority: A = the sources that agree with each other, B = the outliers;
- update: A = the claims that state the latest figure, B = the earlier ones;
- conflict without a majority: A = the first source's figure (and any source stating the
  same), B = the others.

Each side has three cells with one line per claim: `sources` ("id — outlet, date (from front
matter)"), `values` ("id: $330 million") and `words` ("id: …the sentence with «the claim's
words»…"). The `sides` cell says which split the row uses.

Every cell but `status`, `note` and `reviewer` is locked. The `checksum` cell holds a short
digest of each locked cell, so an import can name the row and the column that was edited.
It detects accidental edits, not forgery: the digests are not secret.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from reconcile.decisions import (FINDING_VERDICTS, STALE_NOTE, Decision, finding_index, lookup,
                                 stated_key)
from reconcile.model import Report
from reconcile.report.values import format_claim_value, value_note
from reconcile.report.view import ClaimView, GroupView, arrange, excerpt, source_line

EXCERPT_CHARS = 400
CELL_LIMIT = 32_000  # a spreadsheet cell holds 32,767 characters
FINGERPRINT_PREFIX = "fp-"
CHECKSUM_PREFIX = "ck-"
DIGEST_CHARS = 4  # per locked column: a changed cell goes unnoticed 1 time in 65,536


@dataclass(frozen=True, slots=True)
class Column:
    """One column of the review table: its header, whether editors may change it, its width."""

    name: str
    locked: bool = True
    width: int = 18  # in characters, for the spreadsheet
    hidden: bool = False
    help: str = ""


COLUMNS: tuple[Column, ...] = (
    Column("finding", width=17, help="the finding's stable id (kind, unit, subject, sources)"),
    Column("story", width=7, help="the story id in the report"),
    Column("kind", width=9, help="money, count, percent, quantity, date or quote"),
    Column("subject", width=22, help="what the fact is about"),
    Column("suggested verdict", width=11, help="what reconcile judged: conflict or update"),
    Column("reason", width=40, help="reconcile's reason, in one sentence"),
    Column("sides", width=24, help="what side A and side B hold for this row"),
    Column("A sources", width=26, help="side A: one line per claim: id — outlet, date"),
    Column("A values", width=24, help="side A: the value each source states"),
    Column("A words", width=50, help="side A: each source's sentence, «claim» marked"),
    Column("B sources", width=26, help="side B: one line per claim: id — outlet, date"),
    Column("B values", width=24, help="side B: the value each source states"),
    Column("B words", width=50, help="side B: each source's sentence, «claim» marked"),
    Column("earlier decision", width=24,
           help="a decision made on other words, reopened because the claims changed"),
    Column("status", locked=False, width=20, help="your decision (see the list)"),
    Column("note", locked=False, width=36, help="why: it is shown beside the finding"),
    Column("reviewer", locked=False, width=12, help="who decided"),
    Column("fingerprint", width=16, hidden=True,
           help="what the sources said when this table was made"),
    Column("checksum", width=16, hidden=True, help="detects edits to the locked columns"),
)
NAMES = tuple(c.name for c in COLUMNS)
EDITABLE = ("status", "note", "reviewer")
LOCKED = tuple(c.name for c in COLUMNS if c.locked and c.name != "checksum")
WORDS_COLUMNS = ("A words", "B words")

# C0 controls (but tab and newline) cannot be stored in a spreadsheet cell; a stray one from a
# scraped page becomes a space everywhere, so that every format carries the same text.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True, slots=True)
class SideClaim:
    """One claim on one side of a row: who says it, what value, and the words in context."""

    source: str
    where: str  # "Harbor Wire, 2025-11-14 (from front matter)", or ""
    value: str
    before: str
    words: str
    after: str

    def source_line(self) -> str:
        return f"{self.source} — {self.where}" if self.where else self.source

    def value_line(self) -> str:
        return f"{self.source}: {self.value}"

    def words_line(self) -> str:
        return f"{self.source}: {self.before}«{self.words}»{self.after}"


@dataclass(frozen=True, slots=True)
class ReviewRow:
    """One finding as table cells (plain text), and the claims of side A and side B."""

    cells: Mapping[str, str]
    sides: Mapping[str, tuple[SideClaim, ...]]  # "A" and "B"

    @property
    def finding(self) -> str:
        return self.cells["finding"]

    def word_spans(self, letter: str) -> tuple[tuple[int, int], ...]:
        """Where the «marked» claim words are in the side's words cell (start, end)."""
        spans, at = [], 0
        for claim in self.sides.get(letter, ()):
            start = at + len(claim.source) + 2 + len(claim.before)
            spans.append((start, start + len(claim.words) + 2))
            at += len(claim.words_line()) + 1
        return tuple(spans)


def review_rows(report: Report, decisions: Mapping[str, Decision] | None = None
                ) -> tuple[ReviewRow, ...]:
    """The findings of `report` as review rows, pre-filled with the decisions already made.

    A decision made on the same words fills status, note and reviewer; one made on other
    words leaves them empty and is described in `earlier decision`."""
    decisions = decisions or {}
    index = finding_index(report)
    rows = []
    for story in arrange(report):
        for view in story.groups:
            if str(view.group.verdict) not in FINDING_VERDICTS:
                continue
            ident, mark = index[view.group.id]
            decision, stale = lookup(decisions, ident, mark)
            rows.append(_row(view, ident, mark, decision, stale))
    # conflicts first across the whole table, stories in report order inside each verdict
    order = {verdict: rank for rank, verdict in enumerate(FINDING_VERDICTS)}
    return tuple(sorted(rows, key=lambda r: order[r.cells["suggested verdict"]]))


def _row(view: GroupView, ident: str, mark: str, decision: Decision | None,
         stale: bool) -> ReviewRow:
    group = view.group
    side_a, side_b, split = split_sides(view)
    cells: dict[str, str] = {
        "finding": ident, "story": group.story, "kind": str(group.kind),
        "subject": group.subject, "suggested verdict": str(group.verdict),
        "reason": group.reason, "sides": split,
        "earlier decision": "", "status": "", "note": "", "reviewer": "",
        "fingerprint": FINGERPRINT_PREFIX + mark,
    }
    sides = {"A": tuple(_side_claim(c) for c in side_a),
             "B": tuple(_side_claim(c) for c in side_b)}
    for letter, claims in sides.items():
        cells[f"{letter} sources"] = "\n".join(c.source_line() for c in claims)
        cells[f"{letter} values"] = "\n".join(c.value_line() for c in claims)
        cells[f"{letter} words"] = "\n".join(c.words_line() for c in claims)
    if decision is not None and not stale:
        cells.update(status=decision.status, note=decision.note, reviewer=decision.reviewer)
    elif decision is not None:
        who = f" ({decision.reviewer})" if decision.reviewer else ""
        said = f": {decision.note}" if decision.note else ""
        cells["earlier decision"] = f"{decision.status}{who}{said} — {STALE_NOTE}"
    cells = {name: clean(cells.get(name, "")) for name in NAMES if name != "checksum"}
    cells["checksum"] = checksum(cells)
    return ReviewRow(cells=cells, sides=sides)


def split_sides(view: GroupView) -> tuple[list[ClaimView], list[ClaimView], str]:
    """(side A, side B, a sentence saying what they are) for a group of two or more claims."""
    claims = list(view.claims)
    verdict = str(view.group.verdict)
    if verdict == "conflict" and any(c.outlier for c in claims):
        side_a = [c for c in claims if not c.outlier]
        side_b = [c for c in claims if c.outlier]
        return side_a, side_b, (f"A: the majority ({_sources(side_a)}); "
                                f"B: the outlier{'s' if len(side_b) != 1 else ''} "
                                f"({_sources(side_b)})")
    if verdict == "update" and view.group.consensus is not None:
        latest = view.group.consensus.get("stated")
        side_a = [c for c in claims if stated_key(c.claim.value) == stated_key(latest)]
        side_b = [c for c in claims if c not in side_a]
        if side_a and side_b:
            return side_a, side_b, "A: the latest figure; B: the earlier report(s)"
    first = claims[0] if claims else None
    side_a = [c for c in claims
              if first and stated_key(c.claim.value) == stated_key(first.claim.value)]
    side_b = [c for c in claims if c not in side_a]
    return side_a, side_b, "no majority: A: the first source's figure; B: the others"


def checksum(cells: Mapping[str, str]) -> str:
    """A digest per locked column, in column order: `ck-` and 4 hex digits per column."""
    return CHECKSUM_PREFIX + "".join(_cell_digest(name, cells.get(name, "")) for name in LOCKED)


def changed_columns(cells: Mapping[str, str]) -> list[str] | None:
    """The locked columns whose text no longer matches the row's checksum.

    None when the checksum cell itself is missing or malformed."""
    mark = cells.get("checksum", "")
    digests = mark[len(CHECKSUM_PREFIX):]
    if (not mark.startswith(CHECKSUM_PREFIX) or len(digests) != DIGEST_CHARS * len(LOCKED)
            or not re.fullmatch(r"[0-9a-f]*", digests)):
        return None
    changed = []
    for at, name in enumerate(LOCKED):
        expected = digests[at * DIGEST_CHARS:(at + 1) * DIGEST_CHARS]
        if _cell_digest(name, cells.get(name, "")) != expected:
            changed.append(name)
    return changed


def clean(text: str) -> str:
    """A cell's text as every format stores it: no control characters, within a cell's size."""
    text = _CONTROL.sub(" ", (text or "").replace("\r\n", "\n").replace("\r", "\n"))
    return text if len(text) <= CELL_LIMIT else text[:CELL_LIMIT - 1] + "…"


def neutralise(cell: str) -> str:
    """A leading `'` on text a spreadsheet would run as a formula (or that starts with `'`)."""
    return "'" + cell if cell.startswith(FORMULA_START + ("'",)) else cell


def unneutralise(cell: str) -> str:
    """The text before `neutralise`: one leading `'` dropped where neutralise adds one."""
    if len(cell) > 1 and cell[0] == "'" and cell[1] in "".join(FORMULA_START) + "'":
        return cell[1:]
    return cell


def comparable(text: str) -> str:
    """Text as compared with its checksum: line ends and trailing spaces do not count, because
    spreadsheets rewrite them when they save."""
    lines = (text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(line.rstrip() for line in lines).strip()


def _cell_digest(name: str, text: str) -> str:
    data = f"{name}\x1f{comparable(text)}".encode("utf-8")
    return hashlib.sha256(data).hexdigest()[:DIGEST_CHARS]


def _side_claim(view: ClaimView) -> SideClaim:
    """The claim's cells, each on one line: a line per claim keeps the side's cells aligned."""
    claim, source = view.claim, view.source
    before, words, after = excerpt(claim.sentence, claim.text, EXCERPT_CHARS)
    if not words:  # the words are not in the sentence as read: show both
        words, after = claim.text, f" (in: {before})" if before else ""
        before = ""
    where = source_line(source)
    if source.published and source.published_from not in ("", "none"):
        where += f" (from {source.published_from})"
    if str(claim.kind) == "quote":  # the quote's words are in the words cell
        value = value_note(claim)
    else:
        value = format_claim_value(claim) or claim.text
    return SideClaim(*(_line(text) for text in (source.id, where, value, before, words, after)))


def _line(text: str) -> str:
    """Text on one line with no control characters; outer spaces kept, as excerpts join."""
    return re.sub(r"\s+", " ", _CONTROL.sub(" ", text or ""))


def _sources(side: Sequence[ClaimView]) -> str:
    count = len({c.source.id for c in side})
    return f"{count} source{'s' if count != 1 else ''}"
