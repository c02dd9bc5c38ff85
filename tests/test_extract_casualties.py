"""Casualty counts said in words, and the predicate subject of counts."""
from __future__ import annotations

import pytest

import reconcile
from reconcile.extract.predicate import predicate_subject


def counts(text):
    return [(c.text, c.value.stated, c.value.unit, c.subject)
            for c in reconcile.extract(text) if c.kind == "count"]


@pytest.mark.parametrize(("text", "expected"), [
    ("A 19-year-old man was shot and killed Sunday night.",
     [("A 19-year-old man", 1, "man", "killed")]),
    ("An off-duty officer was critically injured.", [("An off-duty officer", 1, "officer", "injured")]),
    ("A woman was fatally shot outside the store.", [("A woman", 1, "woman", "killed")]),
    ("A teenager was shot in the leg.", [("A teenager", 1, "teenager", "injured")]),
    ("A man died at the hospital.", [("A man", 1, "man", "killed")]),
    ("A man suffered a gunshot wound to the arm.", [("A man", 1, "man", "injured")]),
    ("The gunman shot and killed a woman.", [("a woman", 1, "woman", "killed")]),
    ("The shooting left a teenager dead.", [("a teenager", 1, "teenager", "killed")]),
    ("Police said no one was injured.", [("no one", 0, "people", "injured")]),
    ("Nobody was hurt in the blast.", [("Nobody", 0, "people", "injured")]),
    ("No injuries were reported.", [("No injuries", 0, "people", "injured")]),
], ids=lambda v: v if isinstance(v, str) else "")
def test_casualties_in_words_are_counts(text, expected):
    assert [(t, s, u, subj) for t, s, u, subj in counts(text)
            if subj in ("killed", "injured")] == expected


@pytest.mark.parametrize("text", [
    "A man and a woman were killed.",          # two victims, not one
    "A man whose son was killed spoke at the vigil.",  # the man is not the victim
    "A woman was not hurt.",                   # negated
    "No one else was hurt.",                   # "else": besides those already counted
    "No one was seriously hurt.",              # some were, slightly
    "There were no other injuries.",
    "A man was arrested on Friday.",           # no casualty at all
])
def test_casualty_lookalikes_are_not_counts_of_one(text):
    assert not [c for c in counts(text) if c[1] == 1 and c[3] in ("killed", "injured")]


def test_an_article_with_a_toll_in_figures_keeps_its_one_victim_sentences_out_of_it():
    text = "A man was killed and four others were wounded. A woman was shot in the leg."
    assert counts(text) == [("A man", 1, "man", "killed"), ("four others", 4, "other", "wounded")]


def test_one_man_stays_the_number_extractors_claim():
    assert counts("One man was killed.") == [("One man", 1, "man", "killed")]


@pytest.mark.parametrize(("sentence", "phrase", "subject"), [
    ("Three people were arrested Friday in connection with the killing.", "Three people",
     "arrested friday"),
    ("The shooting left four people dead.", "four people", "shooting left dead"),
    ("Police said two men were killed in the shooting.", "two men", "killed"),
    ("All three suspects were charged with murder.", "three suspects", "charged"),
    ("It sent 82 HIMARS launchers to the front.", "82 HIMARS launchers", "sent front"),
])
def test_count_subject_is_its_predicate_not_the_whole_clause(sentence, phrase, subject):
    start = sentence.index(phrase)
    assert predicate_subject(sentence, start, start + len(phrase), 0, len(sentence)) == subject


@pytest.mark.parametrize(("text", "scope"), [
    ("Six people were killed, including the gunman.", "including the attacker"),
    ("Five people were killed, not including the shooter.", "not including the attacker"),
    ("Four people were killed in separate shootings across the city.", "in separate incidents"),
    ("There have been 12 homicides this year.", "over a period"),
    ("Five people were killed.", None),
    ("Three of the shooting victims died.", "part of a group"),
])
def test_counting_conventions_are_kept_on_the_claim(text, scope):
    assert [c.value.scope for c in reconcile.extract(text) if c.kind == "count"] == [scope]


def test_a_figure_with_a_scope_is_only_matched_with_the_same_scope():
    from reconcile.match import block_key

    with_gunman = next(c for c in reconcile.extract("Six people died, including the gunman.")
                       if c.kind == "count")
    plain = next(c for c in reconcile.extract("Five people died.") if c.kind == "count")
    assert block_key(with_gunman) != block_key(plain)


def test_subject_words_keep_letters_of_any_script():
    from reconcile.extract.words import content_words

    assert content_words("Café owner in São Paulo paid O’Brien") == [
        "café", "owner", "são", "paulo", "paid", "o’brien"]
