"""The JSON report (DESIGN.md section 4): `Report.to_dict()`, indented, one trailing newline."""
from __future__ import annotations

import json

from reconcile.model import Report


def render(report: Report, *, color: bool = False, width: int = 100) -> str:
    """The report as the JSON contract object; `color` and `width` do not apply."""
    return json.dumps(report.to_dict(), indent=2, ensure_ascii=False) + "\n"
