"""`--format rdjson`: reviewdog's diagnostic format (a DiagnosticResult object), for
`reviewdog -f=rdjson`. Columns are 1-based UTF-8 byte counts, as reviewdog expects; archive
articles are related locations."""
from __future__ import annotations

import json
from typing import Any

from reconcile.check.findings import CheckResult, Finding, Statement

SOURCE = {"name": "reconcile"}


def _range(statement: Statement) -> dict[str, Any] | None:
    if statement.start is None:
        return None
    found = {"start": {"line": statement.start.line, "column": statement.start.byte_column}}
    if statement.end is not None:
        found["end"] = {"line": statement.end.line, "column": statement.end.byte_column}
    return found


def _location(statement: Statement) -> dict[str, Any]:
    location: dict[str, Any] = {"path": statement.path}
    span = _range(statement)
    if span:
        location["range"] = span
    return location


def diagnostic(finding: Finding) -> dict[str, Any]:
    return {
        "message": finding.message(),
        "location": _location(finding.says),
        "severity": "ERROR",
        "source": SOURCE,
        "code": {"value": finding.rule.id},
        "related_locations": [{"message": f"{s.label} says {s.quoted}",
                               "location": _location(s)} for s in finding.conflicts],
    }


def render(result: CheckResult) -> str:
    diagnostics = [diagnostic(f) for f in result.findings]
    diagnostics += [{"message": f"cannot read: {e.error}", "location": {"path": e.path},
                     "severity": "WARNING", "source": SOURCE, "code": {"value": "input-error"}}
                    for e in result.errors]
    document = {"source": SOURCE, "severity": "ERROR" if result.findings else "INFO",
                "diagnostics": diagnostics}
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
