"""Reading editors' decisions back from a review table into the accepted-findings file.

A row with an empty status is not decided and changes nothing, so an untouched export imports
as a no-op. Every row is checked before anything is written: an edited locked cell, an unknown
status, a malformed id or two different decisions for one finding refuse the whole import and
name each row. The decision keeps the fingerprint of the words the table showed; when the
articles are given and their claims no longer have that fingerprint, the decision is reported
stale, and `report` and `check` show it reopened.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from reconcile.decisions import OPEN, STATUSES, Decision
from reconcile.review.rows import CHECKSUM_PREFIX, FINGERPRINT_PREFIX, changed_columns
from reconcile.review.table import ImportRefused, Table, TableError

_FINDING = re.compile(r"F[0-9a-f]{12}(-\d+)?")
_STATUS_WORDS = {re.sub(r"[\s_-]+", " ", s): s for s in STATUSES}


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What an import did: decisions by id, what changed, and what needs a second look."""

    decisions: Mapping[str, Decision]
    added: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    undecided: int = 0
    stale: tuple[str, ...] = ()      # "row 5 (F…): ..." messages
    not_found: tuple[str, ...] = ()  # decided findings the given articles no longer flag
    notes: tuple[str, ...] = field(default_factory=tuple)


def read_table(path: Path) -> Table:
    """The review table in `path`, by its extension: .xlsx or .csv."""
    from reconcile.review.csv_table import read_csv
    from reconcile.review.xlsx import read_xlsx

    path = Path(path)
    if not path.is_file():
        raise TableError(f"{path}: no such file")
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm", ".csv", ".txt", ".tsv"):
        table = read_xlsx(path) if suffix.startswith(".xls") else read_csv(path)
        table.positions()  # every column is there, or TableError names the missing ones
        return table
    if suffix in (".html", ".htm"):
        raise TableError(f"{path}: an HTML review page cannot be imported itself: use its "
                         "'Download decisions (CSV)' button and import the CSV file")
    raise TableError(f"{path}: unknown review file type {suffix or '(none)'!r}; "
                     "expected .xlsx or .csv")


def merge_table(table: Table, existing: Mapping[str, Decision],
                current: Mapping[str, str] | None = None) -> ImportResult:
    """The decisions after importing `table` over `existing`; raises ImportRefused.

    `current` maps the finding ids of the articles as they are now to their fingerprints;
    when given, decisions made on other words are reported stale."""
    problems: list[str] = []
    decided: dict[str, tuple[int, Decision]] = {}
    undecided = 0
    for number, cells in table.records():
        where = _where(table, number, cells)
        decision, problem = _decision(cells, where)
        if problem:
            problems.append(problem)
            continue
        if decision is None:
            undecided += 1
            continue
        if decision.status == OPEN and not (decision.note or decision.reviewer) \
                and decision.id not in existing:
            undecided += 1  # "open" and nothing said about it: nothing to remember
            continue
        first = decided.get(decision.id)
        if first and first[1] != decision:
            problems.append(f"{where}: the same finding as row {first[0]} with another "
                            "decision; keep one of the two")
            continue
        decided[decision.id] = (number, decision)
    if problems:
        raise ImportRefused(problems + ["nothing was imported: fix the rows above "
                                        "(only status, note and reviewer can be edited)"])
    return _result(table, existing, decided, undecided, current)


def _result(table: Table, existing: Mapping[str, Decision],
            decided: Mapping[str, tuple[int, Decision]], undecided: int,
            current: Mapping[str, str] | None) -> ImportResult:
    merged = dict(existing)
    added, changed, unchanged, stale, not_found = [], [], [], [], []
    for ident, (number, decision) in decided.items():
        before = existing.get(ident)
        (unchanged if before == decision else changed if before else added).append(ident)
        merged[ident] = decision
        if current is None:
            continue
        where = f"row {number} ({ident}, {decision.subject or decision.kind})"
        if ident not in current:
            not_found.append(f"{where}: the articles no longer flag this finding; the "
                             "decision is kept in case it comes back")
        elif current[ident] != decision.fingerprint:
            stale.append(f"{where}: {decision.status!r} was decided on words that have "
                         "changed since the table was made; it is reopened")
    notes = []
    extra = table.extra_columns()
    if extra:
        notes.append("ignored columns: " + ", ".join(repr(c) for c in extra))
    return ImportResult(decisions=merged, added=tuple(added), changed=tuple(changed),
                        unchanged=tuple(unchanged), undecided=undecided, stale=tuple(stale),
                        not_found=tuple(not_found), notes=tuple(notes))


def _decision(cells: Mapping[str, str], where: str) -> tuple[Decision | None, str]:
    """(decision or None, problem or "") for one row."""
    ident = cells["finding"].strip()
    if not _FINDING.fullmatch(ident):
        return None, f"{where}: column 'finding' holds {ident!r}, not a finding id"
    changed = changed_columns(cells)
    if changed is None:
        return None, (f"{where}: the 'checksum' column is missing or was changed; export "
                      "the table again")
    if changed:
        names = ", ".join(repr(c) for c in changed)
        return None, (f"{where}: locked column{'s' if len(changed) != 1 else ''} {names} "
                      f"{'were' if len(changed) != 1 else 'was'} edited")
    raw_status = cells["status"].strip()
    if not raw_status:
        return None, ""
    status = _STATUS_WORDS.get(re.sub(r"[\s_-]+", " ", raw_status).casefold())
    if status is None:
        return None, (f"{where}: status {raw_status!r} is not one of: " + ", ".join(STATUSES))
    fingerprint = cells["fingerprint"].strip()
    return Decision(id=ident, status=status, note=_one_block(cells["note"]),
                    reviewer=" ".join(cells["reviewer"].split()),
                    fingerprint=fingerprint[len(FINGERPRINT_PREFIX):],
                    kind=cells["kind"].strip(), subject=" ".join(cells["subject"].split()),
                    sources=_source_ids(cells)), ""


def _source_ids(cells: Mapping[str, str]) -> tuple[str, ...]:
    """The source ids of both sides: each line of a `sources` cell starts "id — "."""
    ids = set()
    for name in ("A sources", "B sources"):
        for line in cells[name].splitlines():
            ident = line.split(" — ", 1)[0].strip()
            if ident:
                ids.add(ident)
    return tuple(sorted(ids))


def _one_block(text: str) -> str:
    """A note as typed, with line ends made uniform and outer blank space dropped."""
    return "\n".join(line.rstrip() for line in text.replace("\r\n", "\n").split("\n")).strip()


def _where(table: Table, number: int, cells: Mapping[str, str]) -> str:
    subject = " ".join(cells.get("subject", "").split())
    ident = cells.get("finding", "").strip() or "no id"
    about = f"{ident}, {subject}" if subject else ident
    return f"{table.path.name}: row {number} ({about})"


__all__ = ["CHECKSUM_PREFIX", "ImportResult", "merge_table", "read_table"]
