"""The consistency report for a terminal, drawn with rich and returned as a string.

Layout: a summary panel; per story a rule, a sources table, conflicts and updates as blocks
(each source's words highlighted inside its sentence, outliers marked), agreements in a table,
single-source facts as a count and a short table; then the inputs that could not be read.
Article text only ever enters rich as `Text` objects, never as markup, so "[bold]" in an
article is printed as written. Without colour the claim is marked «like this» in its sentence.
"""
from __future__ import annotations

import io
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING

from reconcile.model import Report, Source
from reconcile.report.values import format_claim_value, format_value, value_note
from reconcile.report.outlets import outlet_records
from reconcile.report.view import (GroupView, StoryView, Summary, arrange, decision_text,
                                   excerpt, findings_note, source_line, summarize)

if TYPE_CHECKING:
    from rich.console import Console, RenderableType
    from rich.text import Text

EXCERPT_CHARS = 200
SINGLE_ROWS = 10  # the terminal shows a taste; markdown/csv/json list every single-source fact

_VERDICT_STYLES = {"conflict": "bold red", "update": "bold yellow", "agree": "bold green",
                   "single": "bold blue", "decided": "bold magenta"}
_LABELS = {"conflict": "CONFLICT", "update": "UPDATE", "agree": "AGREE", "single": "SINGLE",
           "decided": "DECIDED"}
_CLAIM_STYLE = "bold reverse"


def render(report: Report, *, color: bool = False, width: int = 100,
           findings_only: bool = False) -> str:
    """The report as terminal text; ANSI colour codes only when `color` is true; with
    `findings_only`, only the conflicts and updates (view.arrange)."""
    from rich.console import Console

    output = io.StringIO()
    console = Console(file=output, force_terminal=color,
                      color_system="standard" if color else None, width=max(width, 40),
                      highlight=False, markup=False, emoji=False, soft_wrap=False,
                      legacy_windows=False, force_jupyter=False, force_interactive=False,
                      # NO_COLOR, COLUMNS, TERM... must not change the bytes of a report
                      _environ={})
    summary = summarize(report)
    stories = arrange(report, findings_only)
    console.print(_summary_panel(summary, findings_note(stories) if findings_only else None))
    for story in stories:
        _print_story(console, story, color)
    _print_outlets(console, report)
    if report.errors:
        _print_errors(console, report)
    if color:
        return output.getvalue()
    # rich pads every line to the full width; plain text for files and pipes does not need it
    return "\n".join(line.rstrip() for line in output.getvalue().split("\n"))


def _summary_panel(summary: Summary, note: str | None = None) -> RenderableType:
    from rich.panel import Panel
    from rich.text import Text

    body = Text(summary.sentence() + ".")
    if note:
        body.append(f"\n{note}.")
    if summary.errors:
        body.append(f"\n{summary.errors} input{'s' if summary.errors != 1 else ''} not read "
                    "(listed at the end).", style="bold red")
    return Panel(body, title="reconcile: consistency report", title_align="left")


def _print_story(console: Console, view: StoryView, color: bool) -> None:
    from rich.rule import Rule
    from rich.text import Text

    console.print()
    title = _one_line(f"Story {view.story.id}: {view.story.label}")
    console.print(Rule(Text(title, style="bold"), align="left"))
    if view.sources:
        console.print(_sources_table(view))
    for variant in view.story.names:
        spellings = "; ".join(f"“{name}” ({', '.join(ids)})" for name, ids in variant.spellings)
        console.print(Text(_one_line(f"Name spelled differently: {spellings}"), style="yellow"))
    if not view.groups:
        console.print(Text(view.empty_note, style="dim"))
        return
    for verdict in ("conflict", "update", "decided"):
        for group in view.with_verdict(verdict):
            console.print()
            console.print(_group_block(group, color))
    labels = _source_labels(view.sources)
    agreements = view.with_verdict("agree")
    if agreements:
        console.print()
        console.print(_agreement_table(agreements, labels))
    singles = view.with_verdict("single")
    if singles:
        console.print()
        console.print(_singles_table(singles, labels))
    others = tuple(g for g in view.groups if g.verdict not in _LABELS)
    for group in others:
        console.print()
        console.print(_group_block(group, color))


def _sources_table(view: StoryView) -> RenderableType:
    from rich.table import Table

    table = Table(title=None, show_edge=False, pad_edge=False, expand=False)
    for name in ("source", "outlet", "published", "title"):
        table.add_column(name, overflow="fold")
    for source in view.sources:
        table.add_row(*(_text(v) for v in (source.id, source.outlet, source.published,
                                             source.title)))
    return table


def _group_block(view: GroupView, color: bool) -> RenderableType:
    from rich.console import Group as RenderGroup
    from rich.padding import Padding
    from rich.text import Text

    group = view.group
    style = _VERDICT_STYLES.get(view.verdict, "bold")
    head = Text()
    head.append(_LABELS.get(view.verdict, view.verdict.upper()), style=style)
    head.append(f"  {group.kind} · ")
    head.append(_one_line(group.subject) or "unnamed fact", style="bold")
    head.append(f"  ({group.id})", style="dim")
    parts: list[RenderableType] = [head]
    if group.reason:
        parts.append(Padding(Text(group.reason), (0, 0, 0, 2)))
    decision = decision_text(group)
    if decision:
        said = Text()
        said.append("decision: ", style="dim")
        said.append(_one_line(decision), style=_VERDICT_STYLES["decided"])
        parts.append(Padding(said, (0, 0, 0, 2)))
    consensus = Text()
    consensus.append("latest: " if str(group.verdict) == "update" else "consensus: ",
                     style="dim")
    consensus.append(format_value(str(group.kind), group.consensus))
    parts.append(Padding(consensus, (0, 0, 0, 2)))
    for claim_view in view.claims:
        claim, source = claim_view.claim, claim_view.source
        line = Text()
        if claim_view.outlier:
            line.append("✗ OUTLIER ", style="bold red")
        else:
            line.append("• ")
        line.append(source.id, style="bold")
        where = source_line(source)
        if where:
            line.append(f" ({where})", style="dim")
        before, found, after = excerpt(claim.sentence, claim.text, EXCERPT_CHARS)
        line.append(": ")
        # a quote's words are highlighted in its sentence below; the head line names the speaker
        if str(claim.kind) != "quote" or not found:
            line.append(_one_line(claim.text), style="bold")
            line.append(" ")
        line.append(value_note(claim))
        line.rstrip()
        parts.append(Padding(line, (0, 0, 0, 2)))
        if before or found or after:
            parts.append(Padding(_sentence(before, found, after, color), (0, 0, 0, 6)))
    return RenderGroup(*parts)


def _sentence(before: str, found: str, after: str, color: bool) -> Text:
    """An excerpt with the claim's words highlighted (and marked «so» when there is no colour)."""
    from rich.text import Text

    text = Text(before)
    if found:
        text.append(found if color else f"«{found}»", style=_CLAIM_STYLE)
    text.append(after)
    return text


def _agreement_table(groups: tuple[GroupView, ...], labels: dict[str, str]) -> RenderableType:
    from rich.table import Table

    table = Table(title=f"Agreements ({len(groups)})", title_justify="left", expand=True,
                  title_style="bold green", show_edge=False, pad_edge=False)
    for name, ratio in (("fact", 3), ("kind", None), ("consensus", 3), ("sources", None),
                        ("words", 5)):
        table.add_column(name, overflow="fold", ratio=ratio,
                         no_wrap=ratio is None, justify="right" if name == "sources" else "left")
    for view in groups:
        group = view.group
        table.add_row(_text(f"{group.subject} ({group.id})"), _text(str(group.kind)),
                      _text(format_value(str(group.kind), group.consensus)),
                      _text(str(len(set(group.sources)))), _lines(_wordings(view, labels)))
    return table


def _wordings(view: GroupView, labels: dict[str, str]) -> list[str]:
    """Each wording of an agreed fact once, on a line of its own, with the sources that use
    it (named as _source_labels names them)."""
    by_words: dict[str, list[str]] = {}
    for c in view.claims:
        label = labels.get(c.source.id, c.source.id)
        names = by_words.setdefault(_one_line(c.claim.text), [])
        if label not in names:
            names.append(label)
    return [f"“{words}”: {', '.join(names)}" for words, names in by_words.items()]


def _source_labels(sources: Iterable[Source]) -> dict[str, str]:
    """Source id -> how a story's tables name it: its outlet where the outlet wrote one of the
    story's articles, else its id (one outlet's several articles, or no outlet given)."""
    sources = list(sources)
    outlets = Counter(source.outlet for source in sources)
    return {source.id: source.outlet if source.outlet and outlets[source.outlet] == 1
            else source.id for source in sources}


def _singles_table(groups: tuple[GroupView, ...], labels: dict[str, str]) -> RenderableType:
    from rich.console import Group as RenderGroup
    from rich.table import Table
    from rich.text import Text

    rows = [(labels.get(c.source.id, c.source.id), str(g.group.kind), g.group.subject,
             _one_line(c.claim.text), format_claim_value(c.claim))
            for g in groups for c in g.claims]
    table = Table(title=f"Single-source facts ({len(groups)})", title_justify="left",
                  title_style="bold blue", show_edge=False, pad_edge=False, expand=True)
    for name, ratio in (("source", 2), ("kind", None), ("fact", 3), ("words", 3), ("value", 3)):
        table.add_column(name, overflow="fold", ratio=ratio, no_wrap=ratio is None)
    for row in rows[:SINGLE_ROWS]:
        table.add_row(*(_text(v) for v in row))
    if len(rows) <= SINGLE_ROWS:
        return table
    more = Text(f"… and {len(rows) - SINGLE_ROWS} more (use --format markdown or csv for all)",
                style="dim")
    return RenderGroup(table, more)


def _print_outlets(console: Console, report: Report) -> None:
    """Per-outlet agreement with the consensus of the facts shared with other sources."""
    from rich.rule import Rule
    from rich.table import Table
    from rich.text import Text

    records = outlet_records(report)
    if not records:
        return
    console.print()
    console.print(Rule(Text("Sources and the consensus", style="bold"), align="left"))
    table = Table(show_edge=False, pad_edge=False)
    table.add_column("outlet", overflow="fold", ratio=2)
    for name in ("shared facts", "with the consensus", "outlier"):
        table.add_column(name, justify="right", ratio=1)
    for record in records:
        table.add_row(_text(record.outlet), str(record.shared), str(record.agreed),
                      str(record.outlier))
    console.print(table)


def _print_errors(console: Console, report: Report) -> None:
    from rich.rule import Rule
    from rich.table import Table
    from rich.text import Text

    console.print()
    console.print(Rule(Text(f"Inputs not read ({len(report.errors)})", style="bold red"),
                       align="left"))
    table = Table(show_edge=False, pad_edge=False)
    table.add_column("path", overflow="fold", ratio=1)
    table.add_column("reason", overflow="fold", ratio=2)
    for error in report.errors:
        table.add_row(_text(error.path), _text(error.error))
    console.print(table)


def _text(value: object) -> Text:
    """A table cell as a Text object, so article text is never parsed as rich markup."""
    from rich.text import Text

    return Text("—" if value in (None, "") else _one_line(str(value)))


def _lines(lines: list[str]) -> Text:
    """A table cell of several lines, each made one line as _text makes a cell."""
    from rich.text import Text

    return Text("\n".join(_one_line(line) for line in lines))


def _one_line(text: str | None) -> str:
    return " ".join((text or "").split())
