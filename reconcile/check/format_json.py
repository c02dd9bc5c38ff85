"""`--format json`: the whole check result as one object (schema reconcile-check/1)."""
from __future__ import annotations

import json

from reconcile.check.findings import CheckResult


def render(result: CheckResult) -> str:
    return json.dumps(result.to_dict(), indent=2, ensure_ascii=False) + "\n"
