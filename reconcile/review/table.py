"""A review table as read back from a file: its header and its rows of text, by row number."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from reconcile.errors import ReconcileError
from reconcile.review.rows import NAMES


class TableError(ReconcileError):
    """A review file cannot be read as a review table (wrong format, no header, empty)."""


class ImportRefused(ReconcileError):
    """Some rows of a review file cannot be imported; nothing was written."""

    def __init__(self, problems: list[str]):
        self.problems = list(problems)
        super().__init__("; ".join(self.problems))


@dataclass(frozen=True, slots=True)
class Table:
    """The header cells and (spreadsheet row number, cells) of each non-empty row."""

    path: Path
    header: list[str]
    rows: list[tuple[int, list[str]]]

    def records(self) -> list[tuple[int, dict[str, str]]]:
        """Each row as column name -> text, by the names of `rows.COLUMNS`.

        Columns are found by name, so an editor may reorder them or add their own (those are
        ignored); a missing column raises TableError naming it."""
        positions = self.positions()
        records = []
        for number, cells in self.rows:
            records.append((number, {name: (cells[at] if at < len(cells) else "")
                                     for name, at in positions.items()}))
        return records

    def positions(self) -> dict[str, int]:
        found = {_key(cell): at for at, cell in reversed(list(enumerate(self.header)))}
        missing = [name for name in NAMES if _key(name) not in found]
        if missing:
            raise TableError(f"{self.path}: not a review table of reconcile: missing column"
                             f"{'s' if len(missing) != 1 else ''} "
                             + ", ".join(repr(m) for m in missing)
                             + " (export one with `reconcile review export`)")
        return {name: found[_key(name)] for name in NAMES}

    def extra_columns(self) -> list[str]:
        known = {_key(name) for name in NAMES}
        return [cell for cell in self.header if cell.strip() and _key(cell) not in known]


def _key(header: str) -> str:
    """A header as matched: case, spaces and underscores do not count ("A_values" = "a values")."""
    return re.sub(r"[\s_]+", " ", str(header)).strip().casefold()
