"""`reconcile review`: editor review tables exported and decisions read back.

    rows = review_rows(report, decisions)          # one row per conflict or update
    data = export_review(report, decisions, "xlsx")  # bytes of an .xlsx, .csv or .html file
    result = import_review(Path("review.xlsx"), Path("reconcile-accepted.yaml"))

Modules: `rows` (columns, sides, checksums), `xlsx`, `csv_table`, `html_table` (one per
format), `table` (a file read back), `importer` (checks and merging). The decisions file and
how decisions apply to a report are in `reconcile.decisions`.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reconcile.decisions import Decision
    from reconcile.model import Report
    from reconcile.review.importer import ImportResult

FORMATS = ("xlsx", "csv", "html")


@dataclass(frozen=True, slots=True)
class ImportOutcome:
    """An import's result and whether the accepted-findings file was written."""

    result: ImportResult
    written: bool


def export_review(report: Report, decisions: Mapping[str, Decision], fmt: str) -> bytes:
    """The review table of `report` in `fmt` (xlsx, csv or html) as the file's bytes."""
    from reconcile.errors import UsageError
    from reconcile.review.rows import review_rows

    rows = review_rows(report, decisions)
    if fmt == "xlsx":
        from reconcile.review.xlsx import write_xlsx

        return write_xlsx(rows)
    if fmt == "csv":
        from reconcile.review.csv_table import write_csv

        return write_csv(rows).encode("utf-8")
    if fmt == "html":
        from reconcile.review.html_table import write_html

        return write_html(rows).encode("utf-8")
    raise UsageError(f"unknown review format {fmt!r}; valid formats: {', '.join(FORMATS)}")


def import_review(path: Path, accepted: Path, current_report: Report | None = None,
                  *, dry_run: bool = False) -> ImportOutcome:
    """Read the decisions of the review file `path` into the accepted-findings file.

    With `current_report` (the articles as they are now), decisions made on words that have
    changed are reported stale. Nothing is written when a row is refused (ImportRefused), on
    a dry run, or when the file would not change."""
    from reconcile.decisions import (FINDING_VERDICTS, finding_index, load_decisions,
                                     save_decisions)
    from reconcile.review.importer import merge_table, read_table

    table = read_table(path)
    existing = load_decisions(accepted)
    current = None
    if current_report is not None:
        index = finding_index(current_report)
        current = dict(index[g.id] for g in current_report.groups
                       if str(g.verdict) in FINDING_VERDICTS)
    result = merge_table(table, existing, current)
    unchanged = dict(result.decisions) == dict(existing)
    written = False if dry_run or unchanged else save_decisions(accepted, result.decisions)
    return ImportOutcome(result=result, written=written)


__all__ = ["FORMATS", "ImportOutcome", "export_review", "import_review"]
