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

FILE_VERSION = 1
OPEN = "open"
STATUSES = ("open", "confirmed conflict", "accepted difference", "false positive", "corrected")
# Decisions that take a finding out of the conflicts of `report` and `check`.
SILENCING = frozenset({"accepted difference", "false positive"})

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
