"""Where a claim sits in its file, and the passages an author asked `check` to leave alone.

Claims carry character offsets into the article body, which starts after the front matter. An
annotation needs the line and column in the file, so the file is read again as text (the same
decoding and newline normalisation as ingest, which keeps line numbers) and the body is found
in it: for Markdown and text files the body is the file's tail, so the mapping is exact. For
formats whose body is not the file's text (JSON strings with escapes, HTML) the claim's words
are looked up in the file instead, after the start of the article's own record.

`<!-- reconcile off -->` and `<!-- reconcile on -->` in an article bracket passages whose
claims are not compared (a quoted correction, a deliberately different figure); an `off`
without an `on` runs to the end of the article.
"""
from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass

from reconcile.model import Claim

_SWITCH = re.compile(r"<!--\s*reconcile\s*[:\-]?\s*(off|on)\s*-->", re.IGNORECASE)


def off_regions(body: str) -> tuple[tuple[int, int], ...]:
    """(start, end) offsets of the body passages between `reconcile off` and `reconcile on`."""
    regions = []
    opened: int | None = None
    for match in _SWITCH.finditer(body):
        if match[1].lower() == "off" and opened is None:
            opened = match.start()
        elif match[1].lower() == "on" and opened is not None:
            regions.append((opened, match.end()))
            opened = None
    if opened is not None:
        regions.append((opened, len(body)))
    return tuple(regions)


def outside(claims: Sequence[Claim], regions: Sequence[tuple[int, int]]) -> list[Claim]:
    """The claims that do not start inside one of the regions."""
    if not regions:
        return list(claims)
    return [c for c in claims if not any(start <= c.start < end for start, end in regions)]


@dataclass(frozen=True, slots=True)
class Position:
    """A place in a file: 1-based line, column in characters, and column in UTF-8 bytes."""

    line: int
    column: int
    byte_column: int


@dataclass(frozen=True, slots=True)
class Locator:
    """Maps offsets in one article's body to positions in its file.

    `body_start` is the body's offset in `file_text` when the body is the file's tail (exact);
    otherwise `record_start` is where the article's own record starts and claims are found by
    their words from there."""

    file_text: str
    body: str
    body_start: int | None
    record_start: int = 0

    @classmethod
    def for_file(cls, file_text: str | None, body: str) -> Locator:
        """The locator of an article read from a file whose normalised text is `file_text`."""
        if not file_text:
            return cls("", body, None)
        if file_text.endswith(body):
            return cls(file_text, body, len(file_text) - len(body))
        return cls(file_text, body, None, _record_start(file_text, body))

    @property
    def body_line(self) -> int | None:
        """0-based line of the file on which the body starts, when the body is the file's tail."""
        if self.body_start is None:
            return None
        return self.file_text.count("\n", 0, self.body_start)

    def offset(self, start: int, text: str) -> int | None:
        """Offset in the file of a claim starting at `start` in the body with words `text`."""
        if self.body_start is not None:
            return self.body_start + start
        if not self.file_text or not text:
            return None
        occurrence = self.body.count(text, 0, start)  # earlier occurrences of the same words
        found = self.file_text.find(text, self.record_start)
        while found >= 0 and occurrence:
            found = self.file_text.find(text, found + 1)
            occurrence -= 1
        return found if found >= 0 else None

    def position(self, start: int, text: str = "") -> Position:
        """The claim's line and column in the file (the record's line, column 1, when unknown)."""
        offset = self.offset(start, text)
        if offset is None:
            offset = self.record_start if self.file_text else 0
        return position_at(self.file_text, offset)


def position_at(text: str, offset: int) -> Position:
    """1-based line and column of `offset` in `text`."""
    offset = max(0, min(offset, len(text)))
    line_start = text.rfind("\n", 0, offset) + 1
    line = text.count("\n", 0, offset) + 1
    prefix = text[line_start:offset]
    return Position(line, len(prefix) + 1, len(prefix.encode("utf-8", "surrogatepass")) + 1)


def _record_start(file_text: str, body: str) -> int:
    """Where an article's record starts in a file holding several (JSON Lines, JSON lists):
    the line holding its opening words, as JSON writes them."""
    opening = body.strip()[:60]
    for probe in (json.dumps(opening)[1:-1], json.dumps(opening, ensure_ascii=False)[1:-1],
                  opening):
        found = file_text.find(probe) if probe else -1
        if found >= 0:
            return file_text.rfind("\n", 0, found) + 1
    return 0

