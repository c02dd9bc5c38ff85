"""The review table as CSV: UTF-8 with a byte-order mark, so spreadsheets read the accents.

One header row with the column names of `rows.COLUMNS`, then one row per finding; cells with
several claims hold one line per claim. Any cell a spreadsheet would run as a formula (it
starts with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading `'`, which the
import takes off again. Reading accepts what spreadsheets write back: a comma, semicolon or
tab as separator, with or without the byte-order mark, and Windows-1252 text from old
spreadsheet versions.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

from reconcile.review.rows import NAMES, ReviewRow, neutralise, unneutralise
from reconcile.review.table import Table, TableError

BOM = "\ufeff"


def write_csv(rows: Sequence[ReviewRow]) -> str:
    """The rows as CSV text starting with a byte-order mark, `\\r\\n` between records."""
    output = io.StringIO()
    writer = csv.writer(output, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(NAMES)
    for row in rows:
        writer.writerow([neutralise(row.cells.get(name, "")) for name in NAMES])
    return BOM + output.getvalue()


def read_csv(path: Path) -> Table:
    """The header and the rows of a review CSV file, cells as text with `'` guards removed."""
    raw = Path(path).read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    if not text.strip():
        raise TableError(f"{path}: the file is empty")
    dialect = _dialect(text)
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    try:
        records = list(reader)
    except csv.Error as err:
        raise TableError(f"{path}: not a readable CSV file: {err}") from err
    header = [cell.strip() for cell in records[0]]
    rows = []
    line = 1
    for record in records[1:]:
        line += 1
        if not any(cell.strip() for cell in record):
            continue
        rows.append((line, [unneutralise(cell) for cell in record]))
    return Table(path=Path(path), header=header, rows=rows)


def _dialect(text: str) -> type[csv.Dialect] | csv.Dialect:
    """A comma unless the header line is plainly separated by semicolons or tabs."""
    first = text.split("\n", 1)[0]
    counts = {sep: first.count(sep) for sep in (",", ";", "\t")}
    separator = max(counts, key=lambda sep: (counts[sep], sep == ","))

    class Dialect(csv.excel):
        delimiter = separator

    return Dialect
