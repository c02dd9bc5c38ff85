"""The review table as an Excel workbook (openpyxl), and reading one back.

Sheet "Findings": a frozen header row and id column, filters on every column, a drop-down of
the statuses in `status`, the claim's words in bold inside each sentence, and sheet
protection with only `status`, `note` and `reviewer` unlocked (no password: the protection
guards against slips, and the import checks the locked cells anyway). Filtering works on the
protected sheet; sorting it needs Review > Unprotect Sheet first. The `fingerprint` and
`checksum` columns are hidden. Sheet "About" explains the columns and the statuses.

Every cell is written as text, so an article's "=SUM(...)" is never a formula. The same rows
give the same bytes: the workbook's dates and the zip entries' times are fixed.
"""
from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Sequence
from pathlib import Path

from reconcile.decisions import STATUSES
from reconcile.review.rows import COLUMNS, EDITABLE, NAMES, WORDS_COLUMNS, ReviewRow
from reconcile.review.table import Table, TableError

SHEET = "Findings"
ABOUT = "About"
# A fixed time for the workbook properties and zip entries: same rows, same bytes.
FIXED_TIME = dt.datetime(2000, 1, 1)
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)

ABOUT_TEXT = (
    ("Review table of reconcile", True),
    ("One row per finding: a conflict between sources, or an update a later report made.", False),
    ("Fill in status (pick from the list), note and reviewer; the other columns are locked.",
     False),
    ("Then run: reconcile review import THIS-FILE.xlsx", False),
    ("", False),
    ("Statuses", True),
    ("open — not settled yet (a note may say what is being checked)", False),
    ("confirmed conflict — the sources really disagree; it stays a conflict", False),
    ("accepted difference — the difference is known and fine; no longer a conflict", False),
    ("false positive — reconcile paired facts that are not the same; no longer a conflict",
     False),
    ("corrected — an article was corrected; re-run the report to see the new words", False),
    ("", False),
    ("Sides", True),
    ("Side A holds the sources that agree (or the latest figure of an update); side B the "
     "outliers (or the earlier reports). The `sides` column says which, row by row.", False),
    ("A decision is tied to the words the sources used: when an article changes, the "
     "decision is reopened and shown in `earlier decision`.", False),
    ("", False),
    ("Columns", True),
)


def write_xlsx(rows: Sequence[ReviewRow]) -> bytes:
    """The rows as an .xlsx workbook."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET
    _findings_sheet(sheet, rows)
    _about_sheet(workbook.create_sheet(ABOUT))
    workbook.properties.creator = "reconcile"
    workbook.properties.created = FIXED_TIME
    workbook.properties.modified = FIXED_TIME
    return _fixed_zip(_save(workbook))


def read_xlsx(path: Path) -> Table:
    """The header and rows of the "Findings" sheet (or the first sheet), cells as text."""
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=False)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as err:
        raise TableError(f"{path}: not a readable .xlsx workbook: {err}") from err
    try:
        sheet = workbook[SHEET] if SHEET in workbook.sheetnames else workbook.worksheets[0]
        records = [[_text(value) for value in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()
    if not records:
        raise TableError(f"{path}: the sheet {SHEET!r} is empty")
    header = [cell.strip() for cell in records[0]]
    rows = [(number, cells) for number, cells in enumerate(records[1:], start=2)
            if any(cell.strip() for cell in cells)]
    return Table(path=Path(path), header=header, rows=rows)


def _findings_sheet(sheet, rows: Sequence[ReviewRow]) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill, Protection
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    header_font, header_fill = Font(bold=True), PatternFill("solid", fgColor="DDE3EE")
    wrap = Alignment(wrap_text=True, vertical="top")
    editable_fill = PatternFill("solid", fgColor="FFF7D6")
    unlocked = Protection(locked=False)
    for at, column in enumerate(COLUMNS, start=1):
        cell = sheet.cell(row=1, column=at, value=column.name)
        cell.font, cell.fill = header_font, header_fill
        letter = get_column_letter(at)
        sheet.column_dimensions[letter].width = column.width
        sheet.column_dimensions[letter].hidden = column.hidden
    for number, row in enumerate(rows, start=2):
        for at, name in enumerate(NAMES, start=1):
            cell = sheet.cell(row=number, column=at)
            _set_text(cell, row.cells.get(name, ""))
            if name in WORDS_COLUMNS and row.sides.get(name[0]):
                cell.value = _rich(row.cells[name], row.word_spans(name[0]))
            cell.alignment = wrap
            if name in EDITABLE:
                cell.protection = unlocked
                cell.fill = editable_fill
    last = max(len(rows) + 1, 2)
    sheet.freeze_panes = "B2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{last}"
    status_col = get_column_letter(NAMES.index("status") + 1)
    choice = DataValidation(type="list", formula1='"' + ",".join(STATUSES) + '"',
                            allow_blank=True, showErrorMessage=True,
                            errorTitle="Unknown status",
                            error="Pick one of: " + ", ".join(STATUSES))
    choice.add(f"{status_col}2:{status_col}{last}")
    sheet.add_data_validation(choice)
    protection = sheet.protection
    protection.sheet = True
    # "False" means the action stays allowed on the protected sheet
    protection.autoFilter = protection.sort = False
    protection.formatColumns = protection.formatRows = False


def _about_sheet(sheet) -> None:
    from openpyxl.styles import Alignment, Font

    line = 1
    for text, bold in ABOUT_TEXT:
        cell = sheet.cell(row=line, column=1, value=text)
        cell.font = Font(bold=bold)
        line += 1
    for column in COLUMNS:
        sheet.cell(row=line, column=1, value=column.name).font = Font(bold=True)
        sheet.cell(row=line, column=2, value=column.help + ("" if column.locked else
                                                           " (editable)"))
        line += 1
    sheet.column_dimensions["A"].width = 22
    sheet.column_dimensions["B"].width = 90
    for row in sheet.iter_rows():
        for cell in row:
            cell.alignment = Alignment(wrap_text=False, vertical="top")
    sheet.protection.sheet = True


def _set_text(cell, text: str) -> None:
    """Store text as a string cell, never as a formula, number or date."""
    cell.value = text
    cell.data_type = "s"


def _rich(text: str, spans: Sequence[tuple[int, int]]):
    """The cell's text with the claims' words (the «marked» spans) in bold."""
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont

    bold = InlineFont(b=True)
    parts, at = [], 0
    for start, end in sorted(spans):
        start, end = max(start, at), min(end, len(text))
        if start >= end:
            continue
        if start > at:
            parts.append(text[at:start])
        parts.append(TextBlock(bold, text[start:end]))
        at = end
    if at < len(text):
        parts.append(text[at:])
    return CellRichText(parts)


def _save(workbook) -> bytes:
    """The workbook's bytes, without openpyxl stamping the save time into it."""
    from openpyxl.writer.excel import ExcelWriter

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        ExcelWriter(workbook, archive).save()
    return buffer.getvalue()


def _fixed_zip(data: bytes) -> bytes:
    """The same zip with every entry's time fixed, in the same order."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            target.writestr(entry, source.read(info.filename))
    return buffer.getvalue()


def _text(value: object) -> str:
    """A cell value as the text an editor sees: 5.0 as "5", a date as ISO, None as ""."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    return str(value)
