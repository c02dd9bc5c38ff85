"""How often each outlet agreed with the consensus of the facts it shared with other outlets.

Information for editors, never an override: an outlet that is often the outlier may be sloppy,
or may be the one that got the later, better figure. Only facts stated by two or more sources
(verdict agree or conflict) count; syndicated copies count like any other source.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from reconcile.model import Report

COUNTED = ("agree", "conflict")


@dataclass(frozen=True, slots=True)
class OutletRecord:
    """One outlet's shared facts: how many, and how often it was the outlier."""

    outlet: str
    shared: int
    outlier: int

    @property
    def agreed(self) -> int:
        return self.shared - self.outlier

    @property
    def outlier_share(self) -> float:
        return self.outlier / self.shared if self.shared else 0.0


def outlet_records(report: Report) -> tuple[OutletRecord, ...]:
    """Per outlet (or source id when the outlet is unknown), most often the outlier first."""
    name = {s.id: s.outlet or s.id for s in report.sources}
    source_of = {c.id: c.source for c in report.claims}
    shared: dict[str, set[str]] = defaultdict(set)
    outlier: dict[str, set[str]] = defaultdict(set)
    for group in report.groups:
        verdict = str(group.verdict)
        if verdict not in COUNTED or len(set(group.sources)) < 2 or group.decided:
            continue
        outliers = set(group.outliers)
        for claim_id in group.claims:
            outlet = name.get(source_of.get(claim_id, ""), source_of.get(claim_id, ""))
            shared[outlet].add(group.id)
            if claim_id in outliers:
                outlier[outlet].add(group.id)
    records = [OutletRecord(outlet, len(groups), len(outlier[outlet]))
               for outlet, groups in shared.items()]
    return tuple(sorted(records, key=lambda r: (-r.outlier_share, -r.shared, r.outlet)))
