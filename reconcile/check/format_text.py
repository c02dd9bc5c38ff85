"""`--format text`: one greppable line per finding, `path:line:col:rule:message` (Vale's line
format). A clean check prints nothing; the summary goes to standard error."""
from __future__ import annotations

from reconcile.check.findings import CheckResult, Finding


def line(finding: Finding) -> str:
    """The finding as one line; the message never holds a line break."""
    return (f"{finding.path}:{finding.start.line}:{finding.start.column}:{finding.rule.id}:"
            f"{finding.message()}")


def render(result: CheckResult) -> str:
    return "".join(line(finding) + "\n" for finding in result.findings)
