"""`--format github`: GitHub Actions workflow commands, so findings show on the PR's lines.

GitHub turns at most 10 error, 10 warning and 10 notice annotations of a step into annotations;
the rest would vanish without a word. So the first 10 of each are commands, the others are
plain log lines, and a notice says how many were left out. `job_summary` gives the Markdown
table the command appends to $GITHUB_STEP_SUMMARY.
"""
from __future__ import annotations

from reconcile.check.findings import CheckResult, Finding
from reconcile.check.format_text import line as text_line

ANNOTATIONS_PER_LEVEL = 10
# The step summary is capped at 1 MiB by GitHub; a few hundred rows read better anyway.
SUMMARY_ROWS = 200


def escape_data(text: str) -> str:
    """A command's message: %, CR and LF are escaped."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A command's property value: also : and , which end a property."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(level: str, message: str, **properties: object) -> str:
    """`::level key=value,...::message` with GitHub's escaping."""
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items()
                     if value is not None)
    return f"::{level}{' ' + props if props else ''}::{escape_data(message)}"


def annotation(finding: Finding) -> str:
    title = f"{finding.rule.summary} ({finding.id})"
    return command("error", finding.message(), file=finding.path, line=finding.start.line,
                   col=finding.start.column, endLine=finding.end.line,
                   endColumn=finding.end.column if finding.end.line == finding.start.line
                   else None, title=title)


def render(result: CheckResult) -> str:
    lines = [annotation(f) for f in result.findings[:ANNOTATIONS_PER_LEVEL]]
    hidden = result.findings[ANNOTATIONS_PER_LEVEL:]
    lines += [text_line(f) for f in hidden]
    warnings = [command("warning", f"cannot read: {e.error}", file=e.path, title="reconcile")
                for e in result.errors]
    lines += warnings[:ANNOTATIONS_PER_LEVEL]
    left_out = len(hidden) + max(0, len(warnings) - ANNOTATIONS_PER_LEVEL)
    if left_out:
        lines.append(command("notice", f"reconcile: {left_out} more finding(s) than GitHub shows "
                                       f"as annotations ({ANNOTATIONS_PER_LEVEL} per level and "
                                       "step); all are listed in this log and the job summary.",
                             title="reconcile: annotations left out"))
    return "".join(f"{text}\n" for text in lines)


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def job_summary(result: CheckResult) -> str:
    """A Markdown section for the job summary: the sentence and a table of the findings."""
    out = ["## reconcile check", "", _sentence(result.summary()), ""]
    if result.findings:
        out += ["| Article | Line | Fact | The article says | The archive says | Finding |",
                "| --- | --- | --- | --- | --- | --- |"]
        for finding in result.findings[:SUMMARY_ROWS]:
            archive = "<br>".join(_cell(f"{s.label}: {s.quoted}") for s in finding.conflicts)
            fact = _cell(f"{finding.kind}: {finding.subject}" if finding.subject else finding.kind)
            out.append(f"| {_cell(finding.path)} | {finding.start.line} | {fact} | "
                       f"{_cell(finding.says.quoted)} | {archive} | `{finding.id}` |")
        if len(result.findings) > SUMMARY_ROWS:
            out += ["", f"{len(result.findings) - SUMMARY_ROWS} more findings are in the log."]
        out.append("")
    if result.accepted:
        out += [f"{len(result.accepted)} finding(s) silenced as accepted differences.", ""]
    if result.errors:
        out += ["Inputs that could not be read:", ""]
        out += [f"- `{_cell(e.path)}`: {_cell(e.error)}" for e in result.errors]
        out.append("")
    return "\n".join(out) + "\n"


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + "."
