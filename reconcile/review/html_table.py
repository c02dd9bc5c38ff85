"""The review table as one self-contained HTML page, with its decisions saved as CSV.

The page shows every finding with its evidence and a status drop-down, a note and a reviewer
field per row. A page cannot save itself, so "Download decisions (CSV)" writes the table,
decisions included, as the same CSV that `review export --format csv` gives; `reconcile
review import` reads that file. The locked cells come from data embedded in the page, never
from what is on screen, so the checksums hold.
"""
from __future__ import annotations

from collections.abc import Sequence

from reconcile.decisions import STATUSES
from reconcile.report.html_page import esc, json_for_script, page
from reconcile.review.rows import NAMES, ReviewRow

TITLE = "Review table"

CSS = """
table.review { min-width: 72rem; }
table.review td { font-size: .9rem; }
table.review td.finding { width: 13rem; }
table.review td.reason { width: 16rem; }
table.review td.side { min-width: 20rem; }
table.review td.edit { width: 15rem; background: #fffbea; }
table.review .said + .said { margin-top: .5rem; padding-top: .5rem;
  border-top: 1px dashed var(--line); }
table.review .value { font-weight: 600; margin-top: .15rem; }
table.review .earlier { margin-top: .4rem; color: var(--conflict); }
table.review select, table.review input, table.review textarea { display: block; width: 100%;
  font: inherit; font-size: .9rem; margin-bottom: .35rem; padding: .25rem;
  border: 1px solid #aab1bf; border-radius: 4px; background: var(--paper); }
.intro { max-width: 60rem; }
@media print { table.review { min-width: 0; } table.review td.edit { background: none; } }
"""

SCRIPT = r"""
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  var data = JSON.parse(document.getElementById("review-data").textContent);
  var names = data.columns, rows = data.rows;
  var search = document.getElementById("search");
  var counter = document.getElementById("shown");
  var reviewer = document.getElementById("reviewer-name");
  var trs = Array.prototype.slice.call(document.querySelectorAll("table.review tbody tr"));
  var FORMULA = ["=", "+", "-", "@", "\t", "\r", "'"];

  function field(tr, name) { return tr.querySelector("[data-field='" + name + "']"); }
  function neutralise(text) {
    return text && FORMULA.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
  }
  function quote(text) {
    return /[",\r\n]/.test(text) ? "\"" + text.replace(/"/g, "\"\"") + "\"" : text;
  }
  function csv() {
    var lines = [names.map(quote).join(",")];
    rows.forEach(function (cells, i) {
      var tr = trs[i];
      var out = names.map(function (name, at) {
        var input = field(tr, name);
        var text = input ? input.value.replace(/\r\n?/g, "\n") : cells[at];
        return quote(neutralise(text));
      });
      lines.push(out.join(","));
    });
    return "\ufeff" + lines.join("\r\n") + "\r\n";
  }
  window.reconcileReview = {csv: csv};

  document.getElementById("download").addEventListener("click", function () {
    var blob = new Blob([csv()], {type: "text/csv;charset=utf-8"});
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = "review-decisions.csv";
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 0);
  });
  trs.forEach(function (tr) {
    field(tr, "status").addEventListener("change", function () {
      var who = field(tr, "reviewer");
      if (!who.value && reviewer.value) { who.value = reviewer.value; }
    });
  });
  function apply() {
    var terms = search.value.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    trs.forEach(function (tr) {
      var text = tr.textContent.toLowerCase();
      var ok = terms.every(function (term) { return text.indexOf(term) >= 0; });
      tr.hidden = !ok;
      if (ok) { shown += 1; }
    });
    counter.textContent = "Showing " + shown + " of " + trs.length + " findings";
  }
  search.addEventListener("input", apply);
  apply();
}());
"""


def write_html(rows: Sequence[ReviewRow]) -> str:
    """The rows as a review page whose decisions download as an importable CSV file."""
    head = "".join(f'<th scope="col">{esc(name)}</th>'
                   for name in ("Finding", "Reason", "Side A", "Side B", "Decision"))
    data = {"columns": list(NAMES), "rows": [[row.cells.get(n, "") for n in NAMES]
                                             for row in rows]}
    body = "\n".join([
        f"<header><h1>{esc(TITLE)}</h1>",
        '<p class="intro">One row per finding: a conflict between sources, or an update a '
        "later report made. Pick a status, say why in the note, and sign with your name. "
        "Then download the decisions as CSV and run <code>reconcile review import "
        "review-decisions.csv</code>. Decisions live only in this page until you download "
        "them.</p>",
        f'<p class="muted">{len(rows)} finding{"s" if len(rows) != 1 else ""} to review. '
        f"Statuses: {esc(', '.join(STATUSES))}.</p>",
        "</header>",
        '<div class="toolbar" role="search">',
        '<input type="search" id="search" placeholder="Search findings…" '
        'aria-label="Search the findings">',
        '<input type="text" id="reviewer-name" placeholder="Your name (fills reviewer)" '
        'aria-label="Your name">',
        '<button type="button" id="download">Download decisions (CSV)</button>',
        '<span id="shown" class="muted small" aria-live="polite"></span>',
        "</div>",
        '<div class="scroll"><table class="review">',
        f"<thead><tr>{head}</tr></thead>",
        "<tbody>", *(_row(row) for row in rows), "</tbody></table></div>",
        '<script type="application/json" id="review-data">' + json_for_script(data)
        + "</script>",
    ])
    return page(TITLE, body, css=CSS, script=SCRIPT)


def _row(row: ReviewRow) -> str:
    cells = row.cells
    verdict = cells.get("suggested verdict", "")
    finding = (f'<td class="finding"><b>{esc(cells.get("subject", "")) or "unnamed fact"}</b>'
               f'<div><span class="badge v-{esc(verdict)}">{esc(verdict)}</span> '
               f'{esc(cells.get("kind", ""))} · story {esc(cells.get("story", ""))}</div>'
               f'<div class="id">{esc(row.finding)}</div>'
               f'<div class="muted small">{esc(cells.get("sides", ""))}</div></td>')
    reason = f'<td class="reason">{esc(cells.get("reason", ""))}'
    if cells.get("earlier decision"):
        reason += f'<div class="earlier">Earlier decision: {esc(cells["earlier decision"])}</div>'
    reason += "</td>"
    decision = (f'<td class="edit">{_status(cells.get("status", ""))}'
                f'<textarea data-field="note" aria-label="note" rows="3" placeholder="note">'
                f'{esc(cells.get("note", ""))}</textarea>'
                f'<input type="text" data-field="reviewer" aria-label="reviewer" '
                f'placeholder="reviewer" value="{esc(cells.get("reviewer", ""))}"></td>')
    return (f'<tr data-finding="{esc(row.finding)}">{finding}{reason}{_side(row, "A")}'
            f'{_side(row, "B")}{decision}</tr>')


def _side(row: ReviewRow, letter: str) -> str:
    """One block per claim of the side: source, value, and the words with the claim marked."""
    blocks = [f'<div class="said"><b>{esc(claim.source)}</b> '
              f'<span class="muted small">{esc(claim.where)}</span>'
              f'<div class="value">{esc(claim.value)}</div>'
              f'<div class="sentence">{esc(claim.before)}<mark>{esc(claim.words)}</mark>'
              f"{esc(claim.after)}</div></div>" for claim in row.sides.get(letter, ())]
    return f'<td class="side">{"".join(blocks) or "—"}</td>'


def _status(current: str) -> str:
    options = ['<option value="">—</option>']
    for status in STATUSES:
        chosen = " selected" if status == current else ""
        options.append(f'<option value="{esc(status)}"{chosen}>{esc(status)}</option>')
    return ('<select data-field="status" aria-label="status">' + "".join(options)
            + "</select>")
