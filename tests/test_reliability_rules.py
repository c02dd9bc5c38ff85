"""Rules that cannot break silently: every rules file is validated on load (a mistake names the
file, the key and the expected values, and exits 2), and `reconcile rules test` runs the example
cases the files carry, so that an edited rule is checked before it is used."""
from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from reconcile.cli import main
from reconcile.errors import RulesError
from reconcile.rule_examples import run_examples
from reconcile.rules import READERS, default_rules_dir, load_rules

SHIPPED = default_rules_dir()


def run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(argv, stdin=io.StringIO(""), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def override(tmp_path: Path, name: str, text: str) -> Path:
    """A --rules folder holding one file (the shipped ones stand for the others)."""
    folder = tmp_path / "rules"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder


def edited(tmp_path: Path, name: str, old: str, new: str) -> Path:
    """A --rules folder with a copy of a shipped file, one piece of text replaced."""
    text = (SHIPPED / name).read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {name}"
    return override(tmp_path, name, text.replace(old, new, 1))


# ---------------------------------------------------------------------------------------------
# the shipped examples


def test_rules_every_shipped_file_is_read():
    assert {p.name for p in SHIPPED.glob("*.yaml")} == set(READERS)


def test_rules_shipped_files_carry_examples():
    files = {example.file for example in load_rules().examples}
    # limits.yaml has nothing a sentence can show; the others are to be given examples
    without = set(READERS) - files - {"limits.yaml", "casualties.yaml", "scope.yaml"}
    assert not without, f"rules files without examples: {sorted(without)}"


@pytest.mark.parametrize("example", [pytest.param(e, id=e.label) for e in load_rules().examples])
def test_rules_shipped_example_holds(example):
    (result,) = run_examples(load_rules(), [example])
    assert result.passed, result.detail


def test_rules_test_command_passes_on_shipped_rules():
    code, out, err = run(["rules", "test"])
    count = len(load_rules().examples)
    assert (code, err) == (0, "")
    assert out == f"rules: {count} examples, all hold\n"


def test_rules_check_command_lists_every_file():
    code, out, _ = run(["rules", "check"])
    assert code == 0
    lines = out.splitlines()
    assert lines[-1] == f"rules: {len(READERS)} files valid"
    assert sorted(line.split()[0] for line in lines[:-1]) == sorted(READERS)


def test_rules_test_only_one_file(tmp_path):
    code, out, _ = run(["rules", "test", "--file", "speech.yaml", "--verbose"])
    speech = [e for e in load_rules().examples if e.file == "speech.yaml"]
    assert code == 0
    assert out.count(": ok: ") == len(speech) and "hedges.yaml" not in out


def test_rules_test_unknown_file_is_a_usage_error():
    code, _, err = run(["rules", "test", "--file", "hedge.yaml"])
    assert code == 2
    assert "--file hedge.yaml: not a rules file; expected one of aliases.yaml" in err


# ---------------------------------------------------------------------------------------------
# an edited rule that breaks an example is caught before it is used


def test_rules_test_catches_a_rule_edit_that_breaks_an_example(tmp_path):
    # "nearly" widened by 5% gives 665..700 million for "nearly $700 million"; 0.2 does not
    folder = edited(tmp_path, "hedges.yaml", "nearly: {money: 0.05", "nearly: {money: 0.2")
    code, out, _ = run(["rules", "test", "--rules", str(folder)])
    assert code == 1
    assert ("hedges.yaml: examples[1]: FAIL: 'The United States approved a sale worth nearly "
            "$700 million.' -> a claim\n") in out
    assert "expected a claim with kind='money', text='nearly $700 million', hedge='nearly', " \
           "low=665000000, high=700000000; found money 'nearly $700 million' (stated " \
           "700000000, low 560000000" in out
    assert out.endswith("examples, 1 does not hold\n")


def test_rules_test_catches_a_removed_speech_verb(tmp_path):
    text = (SHIPPED / "speech.yaml").read_text(encoding="utf-8")
    folder = override(tmp_path, "speech.yaml", text.replace("verbs: [said, ", "verbs: [", 1))
    code, out, _ = run(["rules", "test", "--rules", str(folder), "--file", "speech.yaml"])
    assert code == 1
    assert "speech.yaml: examples[1]: FAIL" in out


def test_rules_test_catches_a_verdict_change(tmp_path):
    # without "killed" as an update word, a later higher toll is a conflict, not an update
    folder = edited(tmp_path, "matching.yaml", "update_words: [killed, ", "update_words: [")
    code, out, _ = run(["rules", "test", "--rules", str(folder), "--file", "matching.yaml"])
    assert code == 1
    assert "matching.yaml: examples[1]: FAIL" in out
    assert "expected verdict update, got conflict" in out


def test_rules_examples_of_an_override_file_replace_the_shipped_ones(tmp_path):
    folder = override(tmp_path, "speech.yaml", "verbs: [said]\nexamples:\n"
                      "  - sentence: '“We are ready,” Koo said.'\n"
                      "    claim: {kind: quote, speaker: Koo}\n")
    rules = load_rules(str(folder))
    assert [(e.file, e.sentence) for e in rules.examples if e.file == "speech.yaml"] == [
        ("speech.yaml", "“We are ready,” Koo said.")]
    assert run(["rules", "test", "--rules", str(folder), "--file", "speech.yaml"])[0] == 0


# ---------------------------------------------------------------------------------------------
# mistakes: each names the file, the key and what was expected, and exits 2


MISTAKES = [
    # (id, file, text of the file, the line expected among the problems)
    ("hedge-kind-unknown", "hedges.yaml",
     "words: {about: roughly}\nwiden: {}\n",
     "hedges.yaml: words.about: expected one of approximately, nearly, more_than, at_least, "
     "less_than, at_most, up_to, got 'roughly'"),
    ("widen-out-of-range", "hedges.yaml",
     "words: {}\nwiden: {nearly: {money: 5}}\n",
     "hedges.yaml: widen.nearly.money: expected a number from 0 to 1, got 5"),
    ("typo-in-a-top-level-key", "speech.yaml",
     "verbs: [said]\nverb: [told]\n",
     "speech.yaml: verb: expected one of the keys examples, verbs, got 'verb'"),
    ("required-key-missing", "speech.yaml",
     "verb: [said]\n",
     "speech.yaml: verbs: expected a list of strings, got None"),
    ("wrong-type", "scales.yaml",
     "words: {million: lots}\n",
     "scales.yaml: words.million: expected a number from 1 to inf, got 'lots'"),
    ("bad-regular-expression", "boilerplate.yaml",
     "lines: ['^read more(']\n",
     "boilerplate.yaml: lines[0]: expected a valid regular expression (missing ), unterminated "
     "subpattern at position 10), got '^read more('"),
    ("currency-code", "currencies.yaml",
     "codes: [usd]\nsymbols: {}\nnames: {}\n",
     "currencies.yaml: codes.usd: expected a three-letter upper-case ISO 4217 code, got 'usd'"),
    ("unit-dimension", "units.yaml",
     "units: {parsec: {dimension: distance}}\n",
     "units.yaml: units.parsec.dimension: expected one of length, area, volume, mass, time, "
     "speed, temperature, energy, power, data, age, frequency, pressure, other, got 'distance'"),
    ("figure-of-speech-regex", "units.yaml",
     "units: {}\nfigures_of_speech: ['one (step']\n",
     "units.yaml: figures_of_speech[0]: expected a valid regular expression (missing ), "
     "unterminated subpattern at position 4), got 'one (step'"),
    ("matching-unknown-key", "matching.yaml",
     "story_similarity: 0.2\nstory_simlarity: 0.3\n",
     "matching.yaml: story_simlarity: expected one of story_similarity, subject_similarity, "
     "story_date_window, story_date_factor, story_event_bonus, story_event_penalty, "
     "story_place_bonus, story_place_penalty, story_figure_penalty, story_figure_disagreements, "
     "story_series_factor, story_rare_word_max_sources, story_period_factor, "
     "story_ticker_factor, story_merge_similarity, story_country_factor, "
     "story_title_figure_factor, update_after_days, update_words, story_street_words, "
     "story_countries, got 'story_simlarity'"),
    ("matching-days-out-of-range", "matching.yaml", "update_after_days: 0\n",
     "matching.yaml: update_after_days: expected a number from 1 to 3650, got 0"),
    ("not-a-mapping", "aliases.yaml", "- just\n- a list\n",
     "aliases.yaml: expected a mapping at the top level, got list"),
    ("invalid-yaml", "aliases.yaml", "entities: {Pentagon: [DoD\n",
     "aliases.yaml: is not valid YAML at line 2 (expected ',' or ']', but got '<stream end>')"),
    ("yaml-tag-builds-no-object", "aliases.yaml",
     "entities: !!python/object/apply:os.system ['true']\n",
     "aliases.yaml: is not valid YAML at line 1 (could not determine a constructor for the tag "
     "'tag:yaml.org,2002:python/object/apply:os.system')"),
    ("limit-out-of-range", "limits.yaml", "max_claims_per_article: 0\n",
     "limits.yaml: max_claims_per_article: expected a whole number from 10 to 10,000,000, got 0"),
    ("limit-not-a-number", "limits.yaml", "max_article_bytes: 20 MB\n",
     "limits.yaml: max_article_bytes: expected a whole number from 1,024 to 1,073,741,824, "
     "got '20 MB'"),
    ("examples-not-a-list", "speech.yaml", "verbs: [said]\nexamples: {sentence: x}\n",
     "speech.yaml: examples: expected a list of examples (sentence with claim, sentence with "
     "no_claim, or pair with verdict), got {'sentence': 'x'}"),
    ("example-without-expectation", "speech.yaml",
     "verbs: [said]\nexamples:\n  - sentence: Koo said so.\n",
     "speech.yaml: examples[1]: expected exactly one of claim or no_claim beside sentence, got "
     "['sentence']"),
    ("example-unknown-claim-field", "speech.yaml",
     "verbs: [said]\nexamples:\n  - sentence: Koo said so.\n    claim: {kind: quote, who: Koo}\n",
     "speech.yaml: examples[1].claim.who: expected one of the claim fields kind, text, unit, "
     "stated, low, high, hedge, speaker, granularity, got 'who'"),
    ("example-unknown-kind", "speech.yaml",
     "verbs: [said]\nexamples:\n  - sentence: Koo said so.\n    claim: {kind: quotation}\n",
     "speech.yaml: examples[1].claim.kind: expected one of money, count, percent, quantity, "
     "date, quote, got 'quotation'"),
    ("example-unknown-key", "speech.yaml",
     "verbs: [said]\nexamples:\n  - sentence: Koo said so.\n    no_claim: any\n    expect: x\n",
     "speech.yaml: examples[1].expect: expected one of the keys sentence, claim, no_claim, pair, "
     "kind, verdict, published, note, got 'expect'"),
    ("example-pair-of-three", "matching.yaml",
     "examples:\n  - pair: [a, b, c]\n    verdict: agree\n",
     "matching.yaml: examples[1].pair: expected a list of two sentences, got ['a', 'b', 'c']"),
    ("example-bad-verdict", "matching.yaml",
     "examples:\n  - pair: [a, b]\n    verdict: agrees\n",
     "matching.yaml: examples[1].verdict: expected one of agree, conflict, update, single, got "
     "'agrees'"),
    ("example-bad-date", "matching.yaml",
     "examples:\n  - pair: [a, b]\n    verdict: agree\n    published: [2025-02-30, 2025-03-01]\n",
     "matching.yaml: examples[1].published[1]: expected an ISO date (YYYY-MM-DD), got "
     "'2025-02-30'"),
    ("example-both-forms", "matching.yaml",
     "examples:\n  - pair: [a, b]\n    sentence: c\n    verdict: agree\n",
     "matching.yaml: examples[1]: expected either sentence or pair (sentence with claim, "
     "sentence with no_claim, or pair with verdict), got ['pair', 'sentence', 'verdict']"),
]


@pytest.mark.parametrize(("name", "text", "problem"),
                         [pytest.param(*case[1:], id=case[0]) for case in MISTAKES])
def test_rules_mistake_named_with_file_key_and_expected(tmp_path, name, text, problem):
    folder = override(tmp_path, name, text)
    with pytest.raises(RulesError) as caught:
        load_rules(str(folder))
    assert problem in caught.value.problems
    code, out, err = run(["rules", "check", "--rules", str(folder)])
    assert (code, out) == (2, "")
    assert f"reconcile: error: {problem}\n" in err


@pytest.mark.parametrize("command", [["report"], ["extract"], ["rules", "test"]])
def test_rules_mistake_stops_every_command_with_exit_2(tmp_path, command):
    folder = override(tmp_path, "speech.yaml", "verbs: said\n")
    code, out, err = run([*command, "--rules", str(folder)])
    assert (code, out) == (2, "")
    assert err == "reconcile: error: speech.yaml: verbs: expected a list of strings, got 'said'\n"


def test_rules_every_mistake_is_listed_at_once(tmp_path):
    folder = override(tmp_path, "speech.yaml", "verbs: said\ntypo: 1\n")
    (folder / "limits.yaml").write_text("max_claims_per_article: -5\n")
    with pytest.raises(RulesError) as caught:
        load_rules(str(folder))
    assert [p.split(":")[0] for p in caught.value.problems] == [
        "speech.yaml", "speech.yaml", "limits.yaml"]


def test_rules_misnamed_file_in_a_rules_folder(tmp_path):
    folder = override(tmp_path, "hedge.yaml", "words: {about: approximately}\n")
    code, _, err = run(["rules", "check", "--rules", str(folder)])
    assert code == 2
    assert ("reconcile: error: hedge.yaml: not a rules file (it would be ignored); expected one "
            "of aliases.yaml, ") in err


def test_rules_folder_not_found(tmp_path):
    code, _, err = run(["rules", "check", "--rules", str(tmp_path / "nope")])
    assert code == 2
    assert err == f"reconcile: error: {tmp_path / 'nope'}: rules folder not found\n"


def test_rules_shipped_folder_copy_is_valid(tmp_path):
    """A copy of the shipped folder, as an editor would start from, loads and passes."""
    folder = tmp_path / "rules"
    shutil.copytree(SHIPPED, folder)
    assert run(["rules", "test", "--rules", str(folder)])[0] == 0


# ---------------------------------------------------------------------------------------------
# limits.yaml


def test_rules_limits_article_size_from_rules(tmp_path):
    folder = override(tmp_path, "limits.yaml", "max_article_bytes: 2048\n")
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "short.md").write_text("The council approved $3 million on Tuesday.\n")
    (articles / "long.md").write_text("The council approved $3 million on Tuesday. " * 100)
    code, out, err = run(["report", str(articles), "--rules", str(folder), "--format", "json"])
    assert code == 0
    assert (f"reconcile: {articles / 'long.md'}: skipped: too large (4400 bytes; the limit is "
            "2048 bytes per article)\n") in err


def test_rules_limits_claim_count_from_rules(tmp_path):
    import json

    folder = override(tmp_path, "limits.yaml", "max_claims_per_article: 10\n")
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "table.md").write_text("".join(f"Ward {i} counted {i * 10 + 3} votes.\n"
                                               for i in range(1, 30)))
    (articles / "news.md").write_text("The council approved $3 million on Tuesday.\n")
    code, out, _ = run(["report", str(articles), "--rules", str(folder), "--format", "json"])
    report = json.loads(out)
    assert code == 0
    assert [s["id"] for s in report["sources"]] == ["news"]
    (error,) = report["errors"]
    assert error["path"] == str(articles / "table.md")
    assert error["error"].startswith("skipped: ")
    assert error["error"].endswith(" claims, more than the limit of 10 per article "
                                   "(max_claims_per_article in rules/limits.yaml); not compared")
    assert not [c for c in report["claims"] if c["source"] == "table"]


def test_rules_error_keeps_its_problems_across_processes():
    """A rules mistake found in a worker process reads the same when it reaches the user."""
    import pickle

    error = RulesError(["casualties.yaml: died_later: unknown key", "units.yaml: empty"])
    back = pickle.loads(pickle.dumps(error))
    assert back.problems == error.problems
    assert str(back) == "casualties.yaml: died_later: unknown key; units.yaml: empty"
