"""The consistency report as GitHub-flavoured Markdown.

Layout: title, summary line, then per story its sources table, conflicts, updates, agreements
(a table) and single-source facts (a table inside `<details>`), then "Inputs not read".
Article text is escaped everywhere (`md_text`): Markdown punctuation is backslash-escaped,
`< > &` become entities so no HTML from an article reaches the page, and newlines become spaces
so a table row never breaks.
"""
from __future__ import annotations

import re

from reconcile.model import Report
from reconcile.report.outlets import outlet_records
from reconcile.report.values import format_claim_value, format_value, value_note
from reconcile.report.view import (ClaimView, GroupView, StoryView, arrange, decision_text,
                                   excerpt, findings_note, source_line, summarize)

TITLE = "Consistency report"
EXCERPT_CHARS = 200

_HEADINGS = {"conflict": "Conflicts", "update": "Updates", "agree": "Agreements",
             "decided": "Decided by an editor"}
_LABELS = {"conflict": "Conflict", "update": "Update", "agree": "Agreement", "single": "Single",
           "decided": "Decided"}
# CommonMark lets any ASCII punctuation be backslash-escaped; these are the ones that can start
# emphasis, links, images, code, table cells, strike-through or (on GitHub) $math$ mid-line.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|~$])")
# What makes a line a heading, list item, quote, rule or setext underline when it starts one.
_BLOCK_START = re.compile(r"([#>+\-=])|\d+([.)])")


def render(report: Report, *, color: bool = False, width: int = 100,
           findings_only: bool = False) -> str:
    """The report as Markdown; `color` and `width` do not apply; with `findings_only`, only
    the conflicts and updates (view.arrange)."""
    stories = arrange(report, findings_only)
    lines = [f"# {TITLE}", "", md_text(summarize(report).sentence()) + ".", ""]
    if findings_only:
        lines += [md_text(findings_note(stories)) + ".", ""]
    for story in stories:
        lines += _story(story)
    lines += _outlets(report)
    if report.errors:
        lines += ["## Inputs not read", ""]
        lines += [f"- {md_text(e.path)}: {md_text(e.error)}" for e in report.errors]
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def md_text(text: object) -> str:
    """Article or metadata text made safe for inline Markdown and table cells."""
    return _inline(text).strip()


def _inline(text: object) -> str:
    """Escaped like md_text, but keeps one space at either edge so that parts can be joined."""
    plain = re.sub(r"\s+", " ", "" if text is None else str(text))
    plain = plain.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKDOWN_SPECIAL.sub(r"\\\1", plain)


def _line_start(text: str) -> str:
    """Escape a block marker at the start of text that begins a line ("- ", "1. ", "# ")."""
    match = _BLOCK_START.match(text)
    if not match:
        return text
    at = match.start(1) if match.group(1) else match.start(2)
    return text[:at] + "\\" + text[at:]


def _cell(text: object) -> str:
    """A table cell: escaped text, or a dash when there is nothing to show."""
    return md_text(text) if text not in (None, "") else "—"


def _strong(text: str) -> str:
    return f"**{md_text(text)}**" if text.strip() else ""


def _story(view: StoryView) -> list[str]:
    story = view.story
    lines = [f"## Story {md_text(story.id)}: {md_text(story.label)}", ""]
    if view.sources:
        lines += ["| Source | Outlet | Published | Title |", "| --- | --- | --- | --- |"]
        lines += [f"| {_cell(s.id)} | {_cell(s.outlet)} | {_cell(s.published)} | {_cell(s.title)} |"
                  for s in view.sources]
        lines.append("")
    for variant in story.names:
        spellings = "; ".join(f"“{md_text(name)}” ({md_text(', '.join(ids))})"
                              for name, ids in variant.spellings)
        lines += [f"**Name spelled differently:** {spellings}", ""]
    if not view.groups:
        return lines + [md_text(view.empty_note), ""]
    for verdict in ("conflict", "update", "decided"):
        groups = view.with_verdict(verdict)
        if groups:
            lines += [f"### {_HEADINGS[verdict]} ({len(groups)})", ""]
            for group in groups:
                lines += _group_block(group)
    agreements = view.with_verdict("agree")
    if agreements:
        lines += [f"### {_HEADINGS['agree']} ({len(agreements)})", ""]
        lines += _agreement_table(agreements)
    singles = view.with_verdict("single")
    if singles:
        lines += _singles(singles)
    others = tuple(g for g in view.groups if g.verdict not in _LABELS)
    if others:
        lines += ["### Other verdicts", ""]
        for group in others:
            lines += _group_block(group)
    return lines


def _outlets(report: Report) -> list[str]:
    """Per-outlet agreement with the consensus, for the facts shared with other sources."""
    records = outlet_records(report)
    if not records:
        return []
    lines = ["## Sources and the consensus", "",
             "How often each outlet stated the consensus value of the facts it shared with other "
             "sources (information, not a ranking: the outlier may have the later figure).", "",
             "| Outlet | Shared facts | With the consensus | Outlier |",
             "| --- | ---: | ---: | ---: |"]
    lines += [f"| {_cell(r.outlet)} | {r.shared} | {r.agreed} | {r.outlier} |" for r in records]
    return lines + [""]


def _group_block(view: GroupView) -> list[str]:
    group = view.group
    label = _LABELS.get(view.verdict, md_text(view.verdict))
    lines = [f"#### {label}: {md_text(group.kind)} — {md_text(group.subject) or 'unnamed fact'}"
             f" ({md_text(group.id)})", ""]
    if group.reason:
        lines += [f"**Verdict:** {md_text(group.verdict)}. {md_text(group.reason)}", ""]
    else:
        lines += [f"**Verdict:** {md_text(group.verdict)}.", ""]
    decision = decision_text(group)
    if decision:
        lines += [f"**Decision:** {md_text(decision)}", ""]
    consensus_name = "Latest" if str(group.verdict) == "update" else "Consensus"
    lines += [f"**{consensus_name}:** {md_text(format_value(str(group.kind), group.consensus))}",
              ""]
    for claim_view in view.claims:
        lines += _claim_item(claim_view)
    return lines + [""]


def _claim_item(view: ClaimView) -> list[str]:
    claim, source = view.claim, view.source
    where = source_line(source)
    head = f"- {'**OUTLIER** ' if view.outlier else ''}{md_text(source.id)}"
    if where:
        head += f" ({md_text(where)})"
    before, words, after = excerpt(claim.sentence, claim.text, EXCERPT_CHARS)
    parts = []
    # a quote's words are in its sentence below; repeating 30 words on the head line hides it
    if str(claim.kind) != "quote" or not words:
        parts.append(_strong(claim.text))
    note = value_note(claim)
    if note:
        parts.append(md_text(note))
    head += ": " + " ".join(p for p in parts if p)
    quoted = _line_start(f"{_inline(before)}{_strong(words)}{_inline(after)}".strip())
    return [head, f"  > {quoted}" if quoted else "  > (no sentence)"]


def _agreement_table(groups: tuple[GroupView, ...]) -> list[str]:
    lines = ["| Fact | Kind | Consensus | Sources | Words |", "| --- | --- | --- | --- | --- |"]
    for view in groups:
        group = view.group
        words = "; ".join(f"{md_text(c.source.id)}: {_strong(c.claim.text)}" for c in view.claims)
        lines.append(f"| {_cell(group.subject)} ({md_text(group.id)}) | {_cell(group.kind)} | "
                     f"{_cell(format_value(str(group.kind), group.consensus))} | "
                     f"{len(set(group.sources))} | {words or '—'} |")
    return lines + [""]


def _singles(groups: tuple[GroupView, ...]) -> list[str]:
    lines = [f"### Single-source facts ({len(groups)})", "",
             "<details>",
             f"<summary>{len(groups)} fact{'s' if len(groups) != 1 else ''} stated by one source"
             "</summary>",
             "",
             "| Source | Kind | Fact | Words | Value |",
             "| --- | --- | --- | --- | --- |"]
    for view in groups:
        group = view.group
        for claim_view in view.claims or ():
            claim = claim_view.claim
            lines.append(f"| {_cell(claim_view.source.id)} | {_cell(group.kind)} | "
                         f"{_cell(group.subject)} | {_strong(claim.text) or '—'} | "
                         f"{_cell(format_claim_value(claim))} |")
    return lines + ["", "</details>", ""]
