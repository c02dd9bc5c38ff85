"""The scale benchmark (tests/bench/scale.py) on small parts of both corpora, so that the
script keeps working; run the whole table with `python tests/bench/scale.py`."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path


def _scale_module():
    spec = importlib.util.spec_from_file_location("scale", Path(__file__).with_name("scale.py"))
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("scale", module)  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def test_scale_table_on_small_parts(shared, capsys):
    scale = _scale_module()
    assert scale.main(["--shared", str(shared), "--fractions", "0.02,0.04",
                       "--no-extraction"]) == 0
    out = capsys.readouterr().out
    print(out)
    for corpus in scale.CORPORA:
        assert f"## {corpus}" in out
    rows = [line for line in out.splitlines() if line.startswith(("| 2% |", "| 4% |"))]
    assert len(rows) == 2 * 2 * len(scale.CORPORA)  # a figures row and a stages row each
    assert "exit" not in out
