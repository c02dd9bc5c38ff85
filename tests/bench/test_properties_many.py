"""The reliability properties with many examples: a nightly or on-demand run, not the suite.

    python -m pytest tests/bench/test_properties_many.py -s
    RECONCILE_PROPERTY_EXAMPLES=20000 python -m pytest tests/bench/test_properties_many.py -s

Same checks and strategies as tests/test_reliability_properties.py (which runs each with a
hundred or so examples in the suite), here with 5,000 examples each by default. It needs no
../shared data. It prints how long each property took (figures only; nothing is asserted on
time) and fails with hypothesis's smallest failing example when a property breaks.
"""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from test_reliability_properties import PROPERTIES, property_test  # noqa: E402

EXAMPLES = int(os.environ.get("RECONCILE_PROPERTY_EXAMPLES", "5000"))


@pytest.mark.parametrize("name", sorted(PROPERTIES))
def test_properties_hold_for_many_examples(name):
    strategy, check = PROPERTIES[name]
    calls = []

    def counted(*args):
        calls.append(1)
        check(*args)

    started = time.perf_counter()
    property_test(strategy, counted, EXAMPLES)()
    print(f"\n{name}: {len(calls)} inputs tried (max_examples={EXAMPLES}) in "
          f"{time.perf_counter() - started:.1f} s")
