"""The output formats of `check`, one module each, registered in one table.

Adding a format is one module with `render(result) -> str` and one line in FORMATS.
"""
from __future__ import annotations

import importlib
from collections.abc import Mapping
from types import MappingProxyType

from reconcile.check.findings import CheckResult

# format name -> module of reconcile.check that renders it
FORMATS: Mapping[str, str] = MappingProxyType({
    "text": "format_text",
    "github": "format_github",
    "sarif": "format_sarif",
    "rdjson": "format_rdjson",
    "junit": "format_junit",
    "json": "format_json",
})


def render(result: CheckResult, fmt: str) -> str:
    """The check result in format `fmt` (one of FORMATS)."""
    module = importlib.import_module(f"reconcile.check.{FORMATS[fmt]}")
    return module.render(result)
