"""Project configuration discovery and the accepted-findings file."""
from __future__ import annotations

from pathlib import Path

import pytest

from reconcile.config import load_config
from reconcile.decisions import (Decision, finding_id, fingerprint, load_decisions, lookup,
                                 save_decisions)
from reconcile.errors import ConfigError


def test_config_found_by_walking_up_and_paths_relative_to_it(tmp_path):
    (tmp_path / "reconcile.toml").write_text('archive = "archive"\nfail_on = "never"\n'
                                             '[front_matter]\ndate = ["Issued"]\n')
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    config = load_config(deep)
    assert config.path == tmp_path / "reconcile.toml"
    assert config.archive == (tmp_path / "archive").resolve()
    assert config.fail_on == "never"
    assert config.front_matter == {"date": ("issued",)}
    assert config.accepted_path == tmp_path / "reconcile-accepted.yaml"


def test_config_pyproject_tool_table_is_the_fallback(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n[tool.reconcile]\n'
                                             'exclude = ["drafts/**"]\n')
    assert load_config(tmp_path).exclude == ("drafts/**",)


def test_config_without_any_file_gives_defaults(tmp_path):
    config = load_config(tmp_path)
    assert config.path is None and config.fail_on == "conflict"


@pytest.mark.parametrize(("text", "message"), [
    ('fail_on = "warning"\n', "fail_on: expected one of conflict, never"),
    ('archve = "x"\n', "archve: unknown key"),
    ('include = 3\n', "include: expected a list of glob patterns"),
    ('[front_matter]\nauthor = ["by"]\n', "front_matter.author: unknown field"),
    ('archive = \n', "not valid TOML"),
])
def test_config_mistakes_name_the_file_and_key(tmp_path, text, message):
    (tmp_path / "reconcile.toml").write_text(text)
    with pytest.raises(ConfigError) as caught:
        load_config(tmp_path)
    assert message in str(caught.value)
    assert "reconcile.toml" in str(caught.value)


def test_finding_id_ignores_source_order_and_subject_word_order():
    a = finding_id("money", "USD", "the earlier package", ["b", "a"])
    assert a == finding_id("money", "USD", "package, the earlier", ["a", "b"])
    assert a != finding_id("money", "USD", "the earlier package", ["a", "c"])
    assert a.startswith("F") and len(a) == 13


def test_decisions_round_trip_and_a_second_save_changes_nothing(tmp_path):
    path = tmp_path / "reconcile-accepted.yaml"
    mark = fingerprint([("a", "$300 million", 3e8), ("b", "$330 million", 3.3e8)])
    decisions = {"F000000000001": Decision("F000000000001", "accepted difference", note="ok: «x»",
                                           reviewer="jd", fingerprint=mark, kind="money",
                                           subject="package", sources=("a", "b"))}
    assert save_decisions(path, decisions) is True
    before = path.read_bytes()
    assert load_decisions(path) == decisions
    assert save_decisions(path, load_decisions(path)) is False
    assert path.read_bytes() == before


def test_decision_on_other_wording_is_stale():
    old = fingerprint([("a", "$300 million", 3e8)])
    new = fingerprint([("a", "$310 million", 3.1e8)])
    decisions = {"F1": Decision("F1", "false positive", fingerprint=old)}
    assert lookup(decisions, "F1", old) == (decisions["F1"], False)
    assert lookup(decisions, "F1", new) == (decisions["F1"], True)
    assert lookup(decisions, "F2", new) == (None, False)


@pytest.mark.parametrize(("text", "message"), [
    ("findings:\n  F1:\n    status: maybe\n", "findings.F1.status: expected one of"),
    ("findings: [1, 2]\n", "expected a mapping"),
    ("version: 7\nfindings: {}\n", "version: expected 1"),
    ("findings: {F1: {status: open, sources: x}}\n", "findings.F1.sources"),
])
def test_malformed_decisions_file_names_the_key(tmp_path, text, message):
    path = tmp_path / "accepted.yaml"
    path.write_text(text)
    with pytest.raises(ConfigError) as caught:
        load_decisions(path)
    assert message in str(caught.value)


def test_yaml_tags_never_construct_objects(tmp_path):
    path = tmp_path / "accepted.yaml"
    path.write_text("findings: !!python/object/apply:os.system ['echo hacked']\n")
    with pytest.raises(ConfigError):
        load_decisions(path)
