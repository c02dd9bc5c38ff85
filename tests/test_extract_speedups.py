"""The speed-ups of extraction give exactly what the plain code they replace gives.

Each test compares a fast path with the straightforward reading it stands for (written out
here), on the shipped rules and on generated text, so a change to either side that makes them
differ fails here rather than as a silent change of claims.
"""
from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile.extract import context, joins, scope
from reconcile.extract.fastre import Caseless, lowercase_twin, required_words
from reconcile.extract.mention import Mention
from reconcile.extract.numbers import Number
from reconcile.model import Kind
from reconcile.rules import load_rules

RULES = load_rules()
# words of the scope phrases, their neighbours and odd characters, in either case
SCOPE_WORDS = ["in", "In", "IN", "separate", "Separate", "shootings", "across", "the", "city",
               "last", "LAST", "year", "this", "so", "far", "since", "2019", "1987", "including",
               "gunman", "Gunman", "besides", "weeks", "ago", "earlier", "citywide", "killer",
               "among", "dead", "over", "past", "decades", "spate", "of", "Ünal", "ſince", "K"]
SEPARATORS = [" ", "  ", ", ", ". ", "\n", ";", "-", "", "(", ")", "— "]


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


phrases = st.lists(st.tuples(st.sampled_from(SCOPE_WORDS), st.sampled_from(SEPARATORS)),
                   max_size=14).map(lambda parts: "".join(w + s for w, s in parts))


# --- fastre.lowercase_twin ---------------------------------------------------------------------

def test_the_shipped_scope_and_casualty_patterns_have_twins():
    patterns = [p for _, p in RULES.scopes]
    casualties = RULES.casualties
    patterns += [casualties.passive, casualties.active, *casualties.pairs]
    assert all(lowercase_twin(p) is not None for p in patterns)


@pytest.mark.parametrize("pattern", [
    re.compile("Abc", re.IGNORECASE),  # an upper-case letter needs folding
    re.compile("[A-Z]x", re.IGNORECASE),
    re.compile("\u212a", re.IGNORECASE),  # the Kelvin sign matches "k" when folded
    re.compile("\u017fince", re.IGNORECASE),  # the long s matches "s"
    re.compile("(?-i:a)b", re.IGNORECASE),  # flags of its own
    re.compile(r"(a)\1", re.IGNORECASE),  # a back-reference
    re.compile("abc"),  # not case-insensitive: nothing to gain
    re.compile("(?i)abc"),  # case-insensitive by its own flag: the twin would be too
], ids=str)
def test_no_twin_where_it_could_match_otherwise(pattern):
    assert lowercase_twin(pattern) is None


def test_a_caseless_character_beyond_ascii_keeps_the_twin():
    assert lowercase_twin(re.compile("[’']s\\b|“x”", re.IGNORECASE)) is not None


@settings(max_examples=150, deadline=None)
@given(text=phrases)
def test_the_twin_finds_the_same_spans_in_ascii_text(text):
    for _, pattern in RULES.scopes:
        twin = lowercase_twin(pattern)
        if text.isascii():
            assert _spans(twin, text.lower()) == _spans(pattern, text)
        chosen, subject = Caseless.of(pattern).over(text)
        assert _spans(chosen, subject) == _spans(pattern, text)


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet="abcKkSsİıſ1 -_’\u212a", max_size=12),
       source=st.sampled_from([r"\bks\b", r"[a-k]+s", r"[^k\W]\d?", r"i\S", r"s|k", r"[-_\s]k"]))
def test_caseless_reads_odd_letters_as_the_plain_pattern(text, source):
    pattern = re.compile(source, re.IGNORECASE)
    chosen, subject = Caseless.of(pattern).over(text)
    assert _spans(chosen, subject) == _spans(pattern, text)


# --- fastre.required_words ----------------------------------------------------------------------

def test_required_words_reads_literal_runs_branches_and_repeats():
    assert required_words("a?b") == {"b"}
    assert required_words("abc|x+yz") == {"abc", "yz"}
    assert required_words(r"(?=foo)\w+") == {"foo"}
    assert required_words(r"(?:so\s+far\s+)?this\s+years?") in ({"this"}, {"year"})
    assert required_words("x*") is None  # may match the empty string
    assert required_words("(?!no)") is None
    assert required_words("a|[bc]") is None  # a branch with no word of its own
    assert required_words("abc", re.IGNORECASE) is None


@settings(max_examples=150, deadline=None)
@given(text=phrases)
def test_a_text_without_the_required_words_has_no_match(text):
    text = text.lower()
    for _, pattern in RULES.scopes:
        twin = lowercase_twin(pattern)
        words = required_words(twin.pattern, twin.flags)
        if twin.search(text):
            assert words is None or any(word in text for word in words)


# --- scope ------------------------------------------------------------------------------------

def _plain_scope_of(text, start, end, scopes, after_figure):
    """scope._scope_of as first written: each scope's own pattern over the clause."""
    before = text[max(0, start - 120):start]
    cut = list(scope._BREAK.finditer(before))
    if cut:
        before = before[cut[-1].end():]
    after = text[end:end + 120]
    stop = scope._BREAK.search(after)
    if stop:
        after = after[:stop.start()]
    clause = f"{before} {text[start:end]} {after}"
    for label, pattern in scopes:
        if pattern.search(clause, len(before) + 1 if label in after_figure else 0):
            return label
    return None


@settings(max_examples=200, deadline=None)
@given(head=phrases, tail=phrases, figure=st.sampled_from(["12 people", "Three men", "40"]))
def test_scope_of_a_figure_is_what_each_scope_pattern_says(head, tail, figure):
    text = head + figure + tail
    start, end = len(head), len(head) + len(figure)
    after_figure = RULES.scopes_after_figure
    clause, at = scope._clause(text, start, end)
    assert scope._scope_of(clause, at, end - start, RULES.scopes, after_figure) == \
        _plain_scope_of(text, start, end, RULES.scopes, after_figure)


@settings(max_examples=200, deadline=None)
@given(text=phrases)
def test_phrase_spans_are_the_plain_scan(text):
    plain = re.compile("|".join(f"(?:{p.pattern})" for _, p in RULES.scopes), re.IGNORECASE)
    assert list(scope._phrase_spans(text, RULES.scopes)) == _spans(plain, text)


# --- context ----------------------------------------------------------------------------------

PLAIN_SENTENCE_END = re.compile(r"""[.!?]+["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9])|\n\s*\n|\n""")


@settings(max_examples=400, deadline=None)
@given(text=st.text(alphabet="ab A1.!?\n\t\"'”’)]“‘([", max_size=30))
def test_sentence_ends_are_found_as_by_the_plain_pattern(text):
    assert _spans(context._SENTENCE_END, text) == _spans(PLAIN_SENTENCE_END, text)


def test_a_text_of_paragraphs_is_left_as_it_is():
    text = "First paragraph here.\n\nSecond one, longer than the first by far.\n\nThird."
    ends = context._line_breaks_ending(text)
    assert ends == {i for i, char in enumerate(text) if char == "\n"}
    assert context._unwrap(text, ends) == text


def test_a_short_line_in_a_wrapped_paragraph_still_ends_a_sentence():
    text = ("Storm hits coast\nThe storm that reached the coast on Monday brought heavy rain to\n"
            "the towns along the bay and closed two roads.")
    ends = context._line_breaks_ending(text)
    assert ends == {text.index("\n")}  # the headline ends; the wrapped line goes on
    assert context._unwrap(text, ends) == text[:-46] + " " + text[-45:]


# --- joins ------------------------------------------------------------------------------------

def test_white_space_is_the_same_for_the_regex_and_str_split():
    # the joiner gate counts characters with str.split where the clean-up uses \s
    chars = "".join(map(chr, range(sys.maxunicode + 1)))
    assert re.findall(r"\s", chars) == [c for c in chars if c.isspace()]


def _mention(start: int, end: int) -> Mention:
    return Mention(Kind.COUNT, start, end, Number(start, end, 5.0, 1.0, False), "")


@settings(max_examples=500, deadline=None)
@given(joiner=st.text(alphabet=" \t\n\u00a0$€£¥%-–—/toandrx,", max_size=16))
def test_the_joiner_gate_drops_only_what_cannot_join(joiner):
    text = "5" + joiner + "6"
    bare = joins._bare_joiner(text, _mention(0, 1), _mention(len(text) - 1, len(text)))
    plain = joins._JOINER_NOISE.sub("", joiner).lower()
    if plain.endswith("-") and len(plain) > 1:
        plain = plain[:-1]
    assert bare == plain or (bare is None and plain not in joins._JOINERS)
