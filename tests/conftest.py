"""Shared fixtures: the shipped rules, and a claim-extraction helper."""
from __future__ import annotations

import pytest

from reconcile.rules import load_rules


@pytest.fixture(scope="session")
def rules():
    return load_rules()
