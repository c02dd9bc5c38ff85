"""Editors' decisions on findings: stable finding ids and the accepted-findings file.

A finding is a fact group that `report` or `check` flags. Its id is stable across runs and
edits elsewhere in the articles: it is made of the fact's kind, unit and subject words and the
ids of the sources involved, never of line numbers or claim numbers. Its fingerprint is made of
what each source actually says (claim text and value), so that a decision made on one wording
is reported as stale, and reopened, when an article's words change.

The accepted-findings file (`reconcile-accepted.yaml` at the project root unless
`reconcile.toml` says otherwise) is committed with the articles. It is YAML, sorted by id, and
written atomically, so a crash never leaves it half-written:

    version: 1
    findings:
      F1a2b3c4d5e6:
        status: accepted difference
        note: "The $330 million includes the training package."
        reviewer: jd
        fingerprint: 9f8e7d6c5b4a
        kind: money
        subject: earlier package
        sources: [outlet-a, outlet-b]
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reconcile.errors import ConfigError
from reconcile.model import Claim, Group, GroupDecision, Report

FILE_VERSION = 1
OPEN = "open"
STATUSES = ("open", "confirmed conflict", "accepted difference", "false positive", "corrected")
# Decisions that take a finding out of the conflicts of `report` and `check`.
SILENCING = frozenset({"accepted difference", "false positive"})
# The verdicts an editor reviews: conflicts, and updates, because an update is the judge's
# reading of publication dates and a wrong reading would hide a contradiction.
FINDING_VERDICTS = ("conflict", "update")
STALE_NOTE = "stale: the claims changed since the decision"

_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True, slots=True)
class Decision:
    """What an editor decided about one finding, and on which wording."""

    id: str
    status: str
    note: str = ""
    reviewer: str = ""
    fingerprint: str = ""
    kind: str = ""
    subject: str = ""
    sources: tuple[str, ...] = ()

    @property
    def silences(self) -> bool:
        return self.status in SILENCING

    def to_dict(self) -> dict[str, Any]:
        return {"status": self.status, "note": self.note, "reviewer": self.reviewer,
                "fingerprint": self.fingerprint, "kind": self.kind, "subject": self.subject,
                "sources": list(self.sources)}


def _digest(parts: Iterable[str], size: int = 12) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:size]


def subject_key(subject: str) -> str:
    """The subject's words, lower-cased and sorted: word order and punctuation do not count."""
    return " ".join(sorted(set(_WORD.findall(subject.lower()))))


def finding_id(kind: str, unit: str, subject: str, sources: Sequence[str]) -> str:
    """A finding's stable id: `F` and 12 hex digits of its kind, unit, subject and sources."""
    return "F" + _digest([kind, unit or "", subject_key(subject), *sorted(set(sources))])


def fingerprint(statements: Iterable[tuple[str, str, Any]]) -> str:
    """What the sources say: (source id, claim text, stated value) triples, order-free."""
    return _digest(sorted(f"{sid}\x1e{text}\x1e{value!r}" for sid, text, value in statements))


def group_finding(report: Report, group: Group) -> tuple[str, str]:
    """(finding id, fingerprint) of one fact group of `report` (see `finding_index`, which
    gives every group's at once and is the one to call for many groups)."""
    return finding_index(report)[group.id]


def finding_index(report: Report) -> dict[str, tuple[str, str]]:
    """(finding id, fingerprint) of every group of the report, by group id, in one pass.

    The id is made of the group's kind, its numeric unit ('' for dates and quotes), its
    subject and its sources; the fingerprint of what each source says (source id, claim text,
    stated value). Two groups of one report with the same id (two misquotes of one speaker by
    the same outlets) are told apart by a suffix in report order: `F...`, `F...-2`."""
    claims = {claim.id: claim for claim in report.claims}
    seen: dict[str, int] = {}
    index = {}
    for group in report.groups:
        ident, mark = _finding_base(group, claims)
        seen[ident] = seen.get(ident, 0) + 1
        index[group.id] = (f"{ident}-{seen[ident]}" if seen[ident] > 1 else ident), mark
    return index


def _finding_base(group: Group, claims: Mapping[str, Claim]) -> tuple[str, str]:
    members = [claims[cid] for cid in group.claims if cid in claims]
    units = sorted({str(getattr(c.value, "unit", "") or "") for c in members} - {""})
    unit = "|".join(units)  # one unit in practice: matching never pairs claims of two units
    ident = finding_id(str(group.kind), unit, group.subject, group.sources)
    mark = fingerprint((c.source, " ".join(c.text.split()), stated_key(c.value))
                       for c in members)
    return ident, mark


def stated_key(value: Any) -> str:
    """A claim's stated value as canonical text: 7e8, 700000000 and 700000000.0 are the same.

    The fingerprint must not change when a value comes back from JSON or an index as an int
    instead of a float, or as a list instead of a tuple."""
    stated = getattr(value, "stated", value)
    if isinstance(stated, (list, tuple)):
        return "[" + ", ".join(stated_key(part) for part in stated) + "]"
    if isinstance(stated, bool) or stated is None:
        return str(stated)
    if isinstance(stated, (int, float)):
        return repr(float(stated))
    return " ".join(str(stated).split())


def accepted_file(explicit: str | Path | None = None) -> Path:
    """The accepted-findings file: `explicit` when given, else the project configuration's."""
    if explicit:
        return Path(explicit)
    from reconcile.config import load_config

    return load_config().accepted_path


def load_accepted(explicit: str | Path | None = None) -> dict[str, Decision]:
    """The decisions of the accepted-findings file in force (see `accepted_file`).

    The configured default may be absent (no decisions yet); a file named explicitly must
    exist, because a mistyped name would otherwise silently drop every decision."""
    path = accepted_file(explicit)
    if explicit and not path.is_file():
        raise ConfigError(f"{path}: no such accepted-findings file")
    return load_decisions(path)


def load_decisions(path: Path) -> dict[str, Decision]:
    """The decisions in the accepted-findings file; an absent file means none.

    A malformed file raises ConfigError naming the file, the finding and the key."""
    import yaml

    path = Path(path)
    if not path.exists():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as err:
        raise ConfigError(f"{path}: cannot read the accepted-findings file: {err}") from err
    except yaml.YAMLError as err:
        raise ConfigError(f"{path}: not valid YAML: {err}") from err
    if data is None:
        return {}
    if not isinstance(data, dict) or not isinstance(data.get("findings", {}), dict):
        raise ConfigError(f"{path}: expected a mapping with a 'findings' mapping of id -> decision")
    if data.get("version", FILE_VERSION) != FILE_VERSION:
        raise ConfigError(f"{path}: version: expected {FILE_VERSION}, got {data.get('version')!r}")
    decisions = {}
    for key, entry in (data.get("findings") or {}).items():
        decisions[str(key)] = _decision(path, str(key), entry)
    return decisions


def _decision(path: Path, key: str, entry: Any) -> Decision:
    if not isinstance(entry, dict):
        raise ConfigError(f"{path}: findings.{key}: expected a mapping with a status")
    status = entry.get("status")
    if status not in STATUSES:
        raise ConfigError(f"{path}: findings.{key}.status: expected one of "
                          f"{', '.join(STATUSES)}, got {status!r}")
    texts = {}
    for name in ("note", "reviewer", "fingerprint", "kind", "subject"):
        value = entry.get(name) or ""
        if not isinstance(value, (str, int, float)):
            raise ConfigError(f"{path}: findings.{key}.{name}: expected text")
        texts[name] = str(value)
    sources = entry.get("sources") or []
    if not isinstance(sources, list):
        raise ConfigError(f"{path}: findings.{key}.sources: expected a list of source ids")
    return Decision(id=key, status=status, sources=tuple(str(s) for s in sources), **texts)


def dump_decisions(decisions: Mapping[str, Decision]) -> str:
    """The file's text: the same decisions always give the same bytes (sorted by id)."""
    import yaml

    body = {"version": FILE_VERSION,
            "findings": {key: decisions[key].to_dict() for key in sorted(decisions)}}
    header = ("# Accepted findings of reconcile: written by `reconcile review import` and read "
              "by `report` and `check`.\n# Commit this file with the articles.\n")
    return header + yaml.safe_dump(body, sort_keys=False, allow_unicode=True, width=100)


def save_decisions(path: Path, decisions: Mapping[str, Decision]) -> bool:
    """Write the file atomically; returns False (and writes nothing) when it would not change."""
    from reconcile.fileio import write_atomic

    path = Path(path)
    text = dump_decisions(decisions)
    try:
        if path.read_text(encoding="utf-8") == text:
            return False
    except (OSError, UnicodeDecodeError):
        pass
    write_atomic(path, text)
    return True


def lookup(decisions: Mapping[str, Decision], finding: str,
           current_fingerprint: str) -> tuple[Decision | None, bool]:
    """(decision, stale) for a finding: stale when the decision was made on other wording."""
    decision = decisions.get(finding)
    if decision is None:
        return None, False
    return decision, bool(decision.fingerprint) and decision.fingerprint != current_fingerprint


def apply_decisions(report: Report, decisions: Mapping[str, Decision]) -> Report:
    """The report with each decided finding's decision attached to its group.

    Silencing decisions (accepted difference, false positive) on the words they were made on
    take the group out of the conflicts; a decision made on other words is reopened: status
    `open`, `stale` set, and the old status kept for the reader. Groups that are no longer
    findings (they now agree) and decisions on findings not in the report are left alone."""
    if not decisions:
        return report
    from dataclasses import replace

    index = finding_index(report)
    groups = []
    for group in report.groups:
        if str(group.verdict) in FINDING_VERDICTS:
            ident, mark = index[group.id]
            decision, stale = lookup(decisions, ident, mark)
            if decision is not None:
                group = replace(group, decision=_group_decision(ident, decision, stale))
        groups.append(group)
    return replace(report, groups=tuple(groups))


def _group_decision(ident: str, decision: Decision, stale: bool) -> GroupDecision:
    if stale:
        return GroupDecision(finding=ident, status=OPEN, note=decision.note,
                             reviewer=decision.reviewer, stale=True,
                             decided_status=decision.status)
    return GroupDecision(finding=ident, status=decision.status, note=decision.note,
                         reviewer=decision.reviewer, silenced=decision.silences)
