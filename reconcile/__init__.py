"""reconcile: cross-source fact reconciliation for news.

    import reconcile
    claims = reconcile.extract(text, published="2025-11-19")
    report, stats = reconcile.run_report(["sources/"])
"""
from __future__ import annotations

import datetime as dt

from reconcile.errors import ReconcileError, RulesError, UsageError
from reconcile.model import (Claim, DateValue, Group, InputError, Kind, NumberValue, QuoteValue,
                             Report, Source, Story, Verdict)

# Import the extract/ subpackage before defining extract(): importing a subpackage binds its
# name on the parent package once, and the contract's reconcile.extract must be the function.
import reconcile.extract as _extract_package  # noqa: E402,F401

__version__ = "0.1.0"

__all__ = ["extract", "run_report", "load_rules", "Claim", "DateValue", "Group", "InputError",
           "Kind", "NumberValue", "QuoteValue", "Report", "Source", "Story", "Verdict",
           "ReconcileError", "RulesError", "UsageError", "__version__"]


def extract(text: str, published: str | dt.date | None = None, rules=None) -> list[Claim]:
    """The claims of one article body; `published` anchors relative dates (None: unresolved)."""
    from reconcile.extract import extract_claims, numbered

    return numbered(extract_claims(text if isinstance(text, str) else str(text), published, rules))


def run_report(paths, **options):
    """Read the inputs and build their report; see reconcile.pipeline.run_report."""
    from reconcile.pipeline import run_report as _run

    return _run(paths, **options)


def load_rules(directory=None):
    """The validated rules (the shipped rules/ folder, or `directory` overriding it)."""
    from reconcile.rules import load_rules as _load

    return _load(directory)
