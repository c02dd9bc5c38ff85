"""The consistency report as one self-contained HTML page for reading, sorting and printing.

Layout: a summary (sources, stories, conflicts, updates, decided, agreements, single-source
facts, inputs not read) with a search box and filters; then a section per story with its
sources and one table row per fact group: the fact, its kind, the verdict with its reason and
consensus, and a column per source with the value it states and its sentence, the claim's
words highlighted. Conflicts come first, then updates, decided findings, agreements and
single-source facts. Column headers sort the rows (a third click restores report order); the
page works and prints without its script, which only adds sorting and filtering.

Every piece of article text, title, outlet, path and id is escaped; only http(s) URLs become
links. The same report always gives the same bytes.
"""
from __future__ import annotations

from reconcile.model import Report, Source
from reconcile.report.html_page import esc, link, page
from reconcile.report.outlets import outlet_records
from reconcile.report.values import format_claim_value, format_value, value_note
from reconcile.report.view import (VERDICT_ORDER, ClaimView, GroupView, StoryView, Summary,
                                   arrange, decision_text, excerpt, findings_note, natural_key,
                                   summarize)

TITLE = "Consistency report"
EXCERPT_CHARS = 320
_VERDICT_NAMES = {"conflict": "conflict", "update": "update", "decided": "decided",
                  "agree": "agreement", "single": "single source"}
_DATE_ORIGINS = {"none": ""}

CSS = """
.summary { display: flex; flex-wrap: wrap; gap: .5rem; margin: .8rem 0 .4rem; padding: 0;
  list-style: none; }
.summary li { border: 1px solid var(--line); border-radius: 6px; padding: .35rem .8rem;
  min-width: 7.5rem; background: var(--soft); }
.summary b { display: block; font-size: 1.35rem; }
.summary li.v-conflict, .summary li.v-update, .summary li.v-agree, .summary li.v-single,
.summary li.v-decided { border-color: currentColor; }
nav ul { margin: .3rem 0; padding-left: 1.2rem; }
table.sources td, table.sources th { font-size: .9rem; padding: .3rem .5rem; }
.scroll + .scroll { margin-top: .9rem; }
table.facts { min-width: 60rem; }
table.facts td { font-size: .93rem; }
table.facts th.fact, table.facts td.fact { width: 11rem; }
table.facts th.kind, table.facts td.kind { width: 5.5rem; }
table.facts th.verdict, table.facts td.verdict { width: 16rem; }
table.facts th.source, table.facts td.source { min-width: 15rem; }
table.facts tbody tr.r-conflict td:first-child { box-shadow: inset 4px 0 var(--conflict); }
table.facts tbody tr.r-update td:first-child { box-shadow: inset 4px 0 var(--update); }
table.facts tbody tr.r-decided td:first-child { box-shadow: inset 4px 0 var(--decided); }
td.source .value { font-weight: 600; }
td.source .sentence { margin-top: .2rem; color: #333b4d; }
td.source .said + .said { margin-top: .5rem; padding-top: .5rem;
  border-top: 1px dashed var(--line); }
td.none { color: #9aa2b1; }
td.outlier { background: #fff8f7; }
.reason, .decision, .consensus { margin-top: .25rem; font-size: .86rem; }
.decision { color: var(--decided); }
.decision.stale { color: var(--conflict); }
th .who { display: block; font-weight: 400; color: var(--muted); font-size: .8rem; }
.no-match { color: var(--muted); font-style: italic; margin: .5rem 0; }
.errors td { font-size: .9rem; }
@media print { table.facts { min-width: 0; } td.outlier { background: none; } }
"""

SCRIPT = r"""
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  var search = document.getElementById("search");
  var verdictFilter = document.getElementById("verdict-filter");
  var kindFilter = document.getElementById("kind-filter");
  var sourceFilter = document.getElementById("source-filter");
  var counter = document.getElementById("shown");
  var rows = Array.prototype.slice.call(document.querySelectorAll("table.facts tbody tr"));
  function norm(text) { return text.toLowerCase().replace(/\s+/g, " "); }
  var texts = rows.map(function (row) { return norm(row.textContent); });

  function states(row, source) {
    return Array.prototype.some.call(row.querySelectorAll("td.says"), function (cell) {
      return cell.getAttribute("data-source") === source;
    });
  }

  function apply() {
    var terms = norm(search.value).split(" ").filter(Boolean);
    var verdict = verdictFilter.value, kind = kindFilter.value, source = sourceFilter.value;
    var shown = 0;
    rows.forEach(function (row, i) {
      var ok = (!verdict || row.getAttribute("data-verdict") === verdict) &&
        (!kind || row.getAttribute("data-kind") === kind) &&
        (!source || states(row, source)) &&
        terms.every(function (term) { return texts[i].indexOf(term) >= 0; });
      row.hidden = !ok;
      if (ok) { shown += 1; }
    });
    document.querySelectorAll("section.story").forEach(function (section) {
      var visible = section.querySelectorAll("table.facts tbody tr:not([hidden])").length;
      var note = section.querySelector(".no-match");
      if (note) { note.hidden = visible > 0; }
    });
    counter.textContent = "Showing " + shown + " of " + rows.length + " facts";
  }

  function key(cell) {
    if (!cell || cell.classList.contains("none")) { return null; }
    var raw = cell.hasAttribute("data-key") ? cell.getAttribute("data-key") : cell.textContent;
    return raw.trim();
  }

  function compare(a, b) {
    if (a === b) { return 0; }
    if (a === null) { return 1; }
    if (b === null) { return -1; }
    var x = Number(a), y = Number(b);
    if (a !== "" && b !== "" && isFinite(x) && isFinite(y)) { return x - y; }
    return a.localeCompare(b, undefined, {numeric: true, sensitivity: "base"});
  }

  function sortBy(header) {
    var table = header.closest("table");
    var body = table.tBodies[0];
    var column = Array.prototype.indexOf.call(header.parentNode.children, header);
    var state = header.getAttribute("aria-sort");
    var next = state === "ascending" ? "descending" : state === "descending" ? "none" : "ascending";
    table.querySelectorAll("thead th[aria-sort]").forEach(function (th) {
      th.setAttribute("aria-sort", "none");
    });
    header.setAttribute("aria-sort", next);
    var ordered = Array.prototype.slice.call(body.rows);
    ordered.sort(function (r, s) {
      var order = Number(r.getAttribute("data-order")) - Number(s.getAttribute("data-order"));
      if (next === "none") { return order; }
      var a = key(r.cells[column]), b = key(s.cells[column]);
      var result = compare(a, b);
      if (next === "descending" && a !== null && b !== null) { result = -result; }
      return result || order;
    });
    ordered.forEach(function (row) { body.appendChild(row); });
  }

  document.querySelectorAll("table.facts thead th[aria-sort] button.sort").forEach(
    function (button) {
      button.addEventListener("click", function () { sortBy(button.closest("th")); });
    });
  document.querySelectorAll("button[data-verdict]").forEach(function (button) {
    button.addEventListener("click", function () {
      verdictFilter.value = button.getAttribute("data-verdict");
      apply();
    });
  });
  [search, verdictFilter, kindFilter, sourceFilter].forEach(function (control) {
    control.addEventListener("input", apply);
    control.addEventListener("change", apply);
  });
  apply();
}());
"""


def render(report: Report, *, color: bool = False, width: int = 100,
           findings_only: bool = False) -> str:
    """The report as a self-contained HTML page; `color` and `width` do not apply; with
    `findings_only`, only the conflicts and updates (view.arrange)."""
    stories = arrange(report, findings_only)
    summary = summarize(report)
    note = f'<p class="muted">{esc(findings_note(stories))}.</p>' if findings_only else ""
    parts = [f"<header>\n<h1>{esc(TITLE)}</h1>",
             f'<p class="muted">{esc(summary.sentence())}.</p>{note}',
             _summary_list(summary), "</header>",
             _toolbar(report, stories), _story_index(stories), "<main>"]
    if not stories and not findings_only:  # with findings_only the header says why
        parts.append('<p class="muted">No articles to compare.</p>')
    order = 0
    for story in stories:
        section, order = _story(story, order)
        parts.append(section)
    parts.append("</main>")
    parts.append(_outlets(report))
    if report.errors:
        parts.append(_errors(report))
    return page(TITLE, "\n".join(parts), css=CSS, script=SCRIPT)


def _summary_list(summary: Summary) -> str:
    items = [("", summary.sources, "source", "sources"), ("", summary.stories, "story", "stories"),
             ("conflict", summary.conflicts, "conflict", "conflicts"),
             ("update", summary.updates, "update", "updates")]
    if summary.decided:
        items.append(("decided", summary.decided, "decided by an editor", "decided by an editor"))
    items += [("agree", summary.agreements, "agreement", "agreements"),
              ("single", summary.singles, "single-source fact", "single-source facts")]
    if summary.errors:
        items.append(("conflict", summary.errors, "input not read", "inputs not read"))
    lines = ['<ul class="summary">']
    for verdict, number, one, many in items:
        css = f' class="v-{verdict}"' if verdict else ""
        lines.append(f"<li{css}><b>{number}</b>{esc(one if number == 1 else many)}</li>")
    lines.append("</ul>")
    return "\n".join(lines)


def _toolbar(report: Report, stories: tuple[StoryView, ...]) -> str:
    kinds = sorted({str(g.group.kind) for story in stories for g in story.groups})
    sources = sorted({s.id for s in report.sources}, key=natural_key)
    verdicts = [v for v in VERDICT_ORDER
                if any(g.verdict == v for story in stories for g in story.groups)]
    return "\n".join([
        '<div class="toolbar" role="search">',
        '<input type="search" id="search" placeholder="Search facts, words, sources…" '
        'aria-label="Search the facts">',
        _select("verdict-filter", "Verdict", "all verdicts",
                [(v, _VERDICT_NAMES.get(v, v)) for v in verdicts]),
        _select("kind-filter", "Kind", "all kinds", [(k, k) for k in kinds]),
        _select("source-filter", "Source", "all sources", [(s, s) for s in sources]),
        '<span id="shown" class="muted small" aria-live="polite"></span>',
        "</div>",
    ])


def _select(ident: str, label: str, everything: str, options: list[tuple[str, str]]) -> str:
    items = [f'<option value="">{esc(everything)}</option>']
    items += [f'<option value="{esc(value)}">{esc(text)}</option>' for value, text in options]
    return (f'<select id="{ident}" aria-label="{esc(label)}">' + "".join(items) + "</select>")


def _story_index(stories: tuple[StoryView, ...]) -> str:
    if len(stories) < 2:
        return ""
    items = []
    for view in stories:
        conflicts = len(view.with_verdict("conflict"))
        flag = f' <span class="badge v-conflict">{conflicts} conflict' \
               f'{"s" if conflicts != 1 else ""}</span>' if conflicts else ""
        items.append(f'<li><a href="#{_anchor(view.story.id)}">Story {esc(view.story.id)}: '
                     f"{esc(view.story.label)}</a>{flag}</li>")
    return "<nav><ul>\n" + "\n".join(items) + "\n</ul></nav>"


def _story(view: StoryView, order: int) -> tuple[str, int]:
    story = view.story
    columns = _source_columns(view)
    lines = [f'<section class="story" id="{_anchor(story.id)}">',
             f"<h2>Story {esc(story.id)}: {esc(story.label)}</h2>"]
    if view.sources:
        lines.append(_sources_table(view.sources))
    for variant in story.names:
        spellings = "; ".join(f"“{esc(name)}” ({esc(', '.join(ids))})"
                              for name, ids in variant.spellings)
        lines.append(f'<p class="names"><strong>Name spelled differently:</strong> {spellings}</p>')
    if not view.groups:
        lines.append(f'<p class="muted">{esc(view.empty_note)}</p></section>')
        return "\n".join(lines), order
    lines += ['<div class="scroll">', '<table class="facts">', "<thead><tr>",
              _header("fact", "Fact"), _header("kind", "Kind"), _header("verdict", "Verdict")]
    lines += [_source_header(source) for source in columns]
    lines += ["</tr></thead>", "<tbody>"]
    for group in view.groups:
        lines.append(_row(group, columns, order))
        order += 1
    lines += ["</tbody>", "</table>", "</div>",
              '<p class="no-match" hidden>No facts of this story match the search.</p>',
              "</section>"]
    return "\n".join(lines), order


def _source_columns(view: StoryView) -> list[Source]:
    """The story's sources, then any source a claim names that the story does not list."""
    columns = list(view.sources)
    known = {s.id for s in columns}
    for group in view.groups:
        for claim_view in group.claims:
            if claim_view.source.id not in known:
                columns.append(claim_view.source)
                known.add(claim_view.source.id)
    return columns


def _header(css: str, text: str) -> str:
    return (f'<th class="{css}" scope="col" aria-sort="none">'
            f'<button type="button" class="sort">{esc(text)}</button></th>')


def _source_header(source: Source) -> str:
    who = ", ".join(p for p in (source.outlet, _dated(source)) if p)
    who_html = f'<span class="who">{esc(who)}</span>' if who else ""
    return (f'<th class="source" scope="col" aria-sort="none">'
            f'<button type="button" class="sort">{esc(source.id)}</button>{who_html}</th>')


def _dated(source: Source) -> str:
    """"2025-11-14 (from front matter)", or "" when the source has no date."""
    if not source.published:
        return ""
    origin = _DATE_ORIGINS.get(source.published_from, source.published_from)
    return f"{source.published} (from {origin})" if origin else source.published


def _sources_table(sources: tuple[Source, ...]) -> str:
    lines = ['<div class="scroll"><table class="sources">',
             "<thead><tr><th>Source</th><th>Outlet</th><th>Published</th><th>Title</th>"
             "<th>File</th></tr></thead><tbody>"]
    for source in sources:
        lines.append(f"<tr><td><code>{esc(source.id)}</code></td>"
                     f"<td>{_or_dash(source.outlet)}</td>"
                     f"<td>{_or_dash(_dated(source))}</td>"
                     f"<td>{link(source.url, source.title or '—')}</td>"
                     f"<td><code>{_or_dash(source.path)}</code></td></tr>")
    lines.append("</tbody></table></div>")
    return "\n".join(lines)


def _row(view: GroupView, columns: list[Source], order: int) -> str:
    group = view.group
    kind = str(group.kind)
    cells = [f'<td class="fact"><b>{esc(group.subject) or "unnamed fact"}</b>'
             f'<div class="id">{esc(group.id)}</div></td>',
             f'<td class="kind">{esc(kind)}</td>',
             _verdict_cell(view)]
    by_source: dict[str, list[ClaimView]] = {}
    for claim_view in view.claims:
        by_source.setdefault(claim_view.source.id, []).append(claim_view)
    for source in columns:
        said = by_source.get(source.id)
        cells.append(_claim_cell(source.id, said) if said else
                     '<td class="source none">—</td>')
    return (f'<tr class="r-{esc(view.verdict)}" data-verdict="{esc(view.verdict)}" '
            f'data-kind="{esc(kind)}" data-order="{order}">' + "".join(cells) + "</tr>")


def _verdict_cell(view: GroupView) -> str:
    group = view.group
    verdict = view.verdict
    rank = VERDICT_ORDER.index(verdict) if verdict in VERDICT_ORDER else len(VERDICT_ORDER)
    parts = [f'<td class="verdict" data-key="{rank}">',
             f'<span class="badge v-{esc(verdict)}">{esc(_VERDICT_NAMES.get(verdict, verdict))}'
             "</span>"]
    if verdict == "decided":
        parts.append(f' <span class="muted small">(judged: {esc(group.verdict)})</span>')
    decision = decision_text(group)
    if decision:
        stale = " stale" if group.decision is not None and group.decision.stale else ""
        parts.append(f'<div class="decision{stale}">Decision: {esc(decision)}</div>')
    if group.reason:
        parts.append(f'<div class="reason">{esc(group.reason)}</div>')
    if group.consensus is not None and str(group.verdict) != "single":
        name = "latest" if str(group.verdict) == "update" else "consensus"
        parts.append(f'<div class="consensus muted">{name}: '
                     f"{esc(format_value(str(group.kind), group.consensus))}</div>")
    parts.append("</td>")
    return "".join(parts)


def _claim_cell(source_id: str, said: list[ClaimView]) -> str:
    outlier = any(c.outlier for c in said)
    css = "source says" + (" outlier" if outlier else "")
    blocks = [_said(claim_view) for claim_view in said]
    return (f'<td class="{css}" data-source="{esc(source_id)}" '
            f'data-key="{esc(_sort_key(said[0]))}">' + "".join(blocks) + "</td>")


def _said(view: ClaimView) -> str:
    claim = view.claim
    head = []
    if view.outlier:
        head.append('<span class="badge v-conflict">outlier</span> ')
    if str(claim.kind) == "quote":
        head.append(f'<span class="value">{esc(value_note(claim))}</span>')
    else:
        head.append(f'<span class="value">{esc(format_claim_value(claim) or claim.text)}</span>')
    before, words, after = excerpt(claim.sentence, claim.text, EXCERPT_CHARS)
    if words:
        sentence = f"{esc(before)}<mark>{esc(words)}</mark>{esc(after)}"
    elif before:
        sentence = f"{esc(before)} <span class=\"muted\">(words: {esc(claim.text)})</span>"
    else:
        sentence = f"<mark>{esc(claim.text)}</mark>"
    return (f'<div class="said">{"".join(head)}'
            f'<div class="sentence">{sentence}</div></div>')


def _sort_key(view: ClaimView) -> str:
    """What a source column sorts by: the stated number, the date, or the words."""
    value = getattr(view.claim.value, "stated", None)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return repr(float(value))
    if isinstance(value, (tuple, list)) and value:
        return str(value[0])
    if isinstance(value, str):
        return value
    return view.claim.text


def _outlets(report: Report) -> str:
    """Per-outlet agreement with the consensus of the facts shared with other sources."""
    records = outlet_records(report)
    if not records:
        return ""
    lines = ['<section class="outlets"><h2>Sources and the consensus</h2>',
             '<p class="muted">How often each outlet stated the consensus value of the facts it '
             "shared with other sources (information, not a ranking: the outlier may have the "
             "later figure).</p>",
             '<div class="scroll"><table><thead><tr><th>Outlet</th><th>Shared facts</th>'
             "<th>With the consensus</th><th>Outlier</th></tr></thead><tbody>"]
    lines += [f"<tr><td>{esc(r.outlet)}</td><td>{r.shared}</td><td>{r.agreed}</td>"
              f"<td>{r.outlier}</td></tr>" for r in records]
    lines.append("</tbody></table></div></section>")
    return "\n".join(lines)


def _errors(report: Report) -> str:
    lines = [f'<section class="errors"><h2>Inputs not read ({len(report.errors)})</h2>',
             '<div class="scroll"><table><thead><tr><th>Input</th><th>Reason</th></tr></thead>'
             "<tbody>"]
    lines += [f"<tr><td><code>{esc(e.path)}</code></td><td>{esc(e.error)}</td></tr>"
              for e in report.errors]
    lines.append("</tbody></table></div></section>")
    return "\n".join(lines)


def _or_dash(text: object) -> str:
    return esc(text) if text not in (None, "") else "—"


def _anchor(story_id: str) -> str:
    """An element id for a story: its id with anything but letters, digits, - and _ dropped."""
    safe = "".join(c if c.isalnum() or c in "-_" else "-" for c in story_id)
    return esc(f"story-{safe}")
