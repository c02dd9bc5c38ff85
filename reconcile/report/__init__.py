"""Report renderers: one module per output format, registered in `FORMATS`.

A renderer is `render(report, *, color, width) -> str` and must give the same bytes for the same
report. Adding a format is one module here and one line in the table below.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType

from reconcile.errors import UsageError
from reconcile.model import Report
from reconcile.report import csv_format, html, json_format, markdown, terminal

Renderer = Callable[..., str]

FORMATS: Mapping[str, Renderer] = MappingProxyType({
    "terminal": terminal.render,
    "markdown": markdown.render,
    "csv": csv_format.render,
    "json": json_format.render,
    "html": html.render,
})


# Formats whose renderers can leave out all but the findings (--findings-only): the JSON
# report is the complete record that tools read
FINDINGS_ONLY_FORMATS = ("terminal", "markdown", "csv", "html")


def render(report: Report, fmt: str, *, color: bool = False, width: int = 100,
           findings_only: bool = False) -> str:
    """The report in format `fmt`; an unknown format raises UsageError naming the valid ones.

    `findings_only` shows only the stories with a conflict or an update and only those facts
    (the summary still counts everything); the JSON format refuses it."""
    renderer = FORMATS.get(fmt)
    if renderer is None:
        raise UsageError(f"unknown report format {fmt!r}; valid formats: "
                         + ", ".join(sorted(FORMATS)))
    if not findings_only:
        return renderer(report, color=color, width=width)
    refuse_findings_only(fmt)
    return renderer(report, color=color, width=width, findings_only=True)


def refuse_findings_only(fmt: str) -> None:
    """Raise UsageError when `fmt` cannot leave out all but the findings."""
    if fmt not in FINDINGS_ONLY_FORMATS:
        raise UsageError(f"--findings-only does not apply to the {fmt} format, which is always "
                         "the complete report")


# Formats that can be written piece by piece: an archive's report is never one string.
STREAMS: Mapping[str, Callable[[Report], Iterable[str]]] = MappingProxyType({
    "json": json_format.chunks,
})


def stream(report: Report, fmt: str, *, color: bool = False, width: int = 100,
           findings_only: bool = False) -> Iterable[str]:
    """The text of `render`, in pieces where the format has a streaming writer (STREAMS)."""
    if fmt in STREAMS and not findings_only:
        return STREAMS[fmt](report)
    return [render(report, fmt, color=color, width=width, findings_only=findings_only)]


__all__ = ["FINDINGS_ONLY_FORMATS", "FORMATS", "STREAMS", "Renderer", "refuse_findings_only",
           "render", "stream"]
