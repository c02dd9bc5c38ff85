"""Benchmarks and checks on the shared data in ../shared: run on demand with
`python -m pytest tests/bench -s`; skipped when ../shared is not beside the checkout."""
from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2].parent / "shared"


@pytest.fixture(scope="session")
def shared():
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside this checkout")
    return SHARED
