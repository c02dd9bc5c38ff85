"""The report as CSV: one row per (fact group, claim), then one row per input that was not read.

Columns, in this order:

- `group`: group id (empty on input-error rows)
- `story`: story id
- `kind`: money, count, percent, quantity, date or quote
- `subject`: what the fact is about, as the matcher named it
- `verdict`: agree, conflict, update, single; `error` on input-error rows
- `source`: source id (the unreadable path on input-error rows)
- `outlet`, `published`: the source's outlet and publication date (ISO), empty when unknown
- `claim`: claim id
- `text`: the claim's exact words in the article
- `value`: the value for people ("nearly $700 million", "February 2031")
- `stated`: the stated value: a number in base units, `low..high` for a range or a date period,
  the words of a quote; empty for an unresolved relative date
- `low`, `high`: the compatible interval (numbers or ISO dates); empty when unbounded
- `unit`: ISO currency, `%`/`pp`, counted noun, quantity unit; for dates the granularity
- `hedge`: the hedge kind (approximately, nearly, ..., by, late, ...), empty when none
- `speaker`: who said a quote
- `consensus`: the group's consensus value for people
- `outlier`: `yes` when the judge named this claim an outlier, else empty
- `reason`: the group's reason sentence; on input-error rows the error
- `sentence`: the full sentence the claim came from

A cell that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab or
carriage return) gets a leading `'`; plain numbers in `stated`, `low` and `high` stay numbers.
"""
from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping
from typing import Any

from reconcile.model import Report
from reconcile.report.values import format_claim_value, format_value
from reconcile.report.view import arrange

COLUMNS = ("group", "story", "kind", "subject", "verdict", "source", "outlet", "published",
           "claim", "text", "value", "stated", "low", "high", "unit", "hedge", "speaker",
           "consensus", "outlier", "reason", "sentence")
NUMERIC_COLUMNS = frozenset({"stated", "low", "high"})

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"-?\d+(\.\d+)?([eE][+-]?\d+)?")


def render(report: Report, *, color: bool = False, width: int = 100,
           findings_only: bool = False) -> str:
    """The report as CSV text with a header row; `color` and `width` do not apply; with
    `findings_only`, only the rows of conflicts and updates."""
    output = io.StringIO()
    writer = csv.writer(output, lineterminator="\n")
    writer.writerow(COLUMNS)
    for story in arrange(report, findings_only):
        for view in story.groups:
            group = view.group
            consensus = (format_value(str(group.kind), group.consensus)
                         if group.consensus is not None else "")
            for claim_view in view.claims:
                claim, source = claim_view.claim, claim_view.source
                value = _value_dict(claim)
                row = {
                    "group": group.id, "story": group.story, "kind": str(group.kind),
                    "subject": group.subject, "verdict": view.verdict, "source": source.id,
                    "outlet": source.outlet, "published": source.published, "claim": claim.id,
                    "text": claim.text, "value": format_claim_value(claim),
                    "stated": _stated(value.get("stated")), "low": _number(value.get("low")),
                    "high": _number(value.get("high")),
                    "unit": value.get("unit") or value.get("granularity"),
                    "hedge": value.get("hedge"), "speaker": value.get("speaker"),
                    "consensus": consensus, "outlier": "yes" if claim_view.outlier else "",
                    "reason": group.reason, "sentence": claim.sentence,
                }
                writer.writerow(_safe_row(row))
    for error in report.errors:
        writer.writerow(_safe_row({"verdict": "error", "source": error.path,
                                   "reason": error.error}))
    return output.getvalue()


def neutralise(cell: str, numeric: bool = False) -> str:
    """Prefix `'` to a cell a spreadsheet would evaluate; plain numbers in numeric columns pass."""
    if numeric and _PLAIN_NUMBER.fullmatch(cell):
        return cell
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def _safe_row(row: Mapping[str, Any]) -> list[str]:
    cells = []
    for column in COLUMNS:
        value = row.get(column)
        cells.append(neutralise("" if value is None else str(value), column in NUMERIC_COLUMNS))
    return cells


def _value_dict(claim: Any) -> Mapping[str, Any]:
    try:
        return claim.value.to_dict()
    except AttributeError:
        return {}


def _stated(stated: Any) -> str:
    if isinstance(stated, (list, tuple)):
        return "..".join(_number(part) for part in stated)
    return _number(stated)


def _number(value: Any) -> str:
    """Numbers as plain decimals (698900000, not 698900000.0 or 6.989e+08); text unchanged."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 2**53:
            return str(int(value))
        return repr(value)
    return str(value)
