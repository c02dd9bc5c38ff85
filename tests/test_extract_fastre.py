"""The fast regex helpers match exactly what the patterns they stand for match."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile.extract.fastre import first_chars, skip_ahead, trie_alternation
from reconcile.rules import load_rules

WORDS = ["km", "kms", "m", "mm", "mile", "miles", "Metre", "metres", "sq km", "km/h", "µm", "μm",
         "in.", "a.m.", "US$", "$", "us"]
TAIL = r"(?![A-Za-z0-9])"


def _longest_first(words, flags=0):
    alternation = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
    return re.compile(rf"(?:\s?-\s?|\s?)(?P<u>{alternation}){TAIL}", flags)


def _trie(words, flags=0):
    tree = trie_alternation(words, ignore_case=bool(flags & re.IGNORECASE))
    return re.compile(rf"(?:\s?-\s?|\s?)(?P<u>{tree}){TAIL}", flags)


def _span(match):
    return match.span("u") if match else None


@settings(max_examples=400, deadline=None)
@given(words=st.lists(st.sampled_from(WORDS), min_size=1, max_size=8),
       lead=st.sampled_from(["", " ", "-", " - "]), word=st.sampled_from(WORDS),
       tail=st.text(alphabet="kmsiletrμµ /h.$uUSaMK-1²", max_size=6), ignore_case=st.booleans())
def test_trie_alternation_matches_like_the_longest_first_alternation(words, lead, word, tail,
                                                                     ignore_case):
    text = lead + word + tail
    flags = re.IGNORECASE if ignore_case else 0
    assert _span(_trie(words, flags).match(text)) == _span(_longest_first(words, flags).match(text))


def test_trie_alternation_of_the_shipped_units_matches_like_the_plain_one():
    units = list(load_rules().units)
    samples = [f" {u}" for u in units] + [f"{u}s" for u in units] + [f"-{u}." for u in units]
    for flags in (0, re.IGNORECASE):
        trie, plain = _trie(units, flags), _longest_first(units, flags)
        for sample in samples:
            assert _span(trie.match(sample)) == _span(plain.match(sample)), sample


def test_trie_alternation_of_nothing_never_matches():
    assert re.fullmatch(trie_alternation([]), "") is None


def test_first_chars_reads_the_characters_a_match_begins_with():
    assert first_chars(r"\b(?:jan|feb)\b") == frozenset("jf")
    assert first_chars(r"(?<!\w)\d+|'\d0s") == frozenset("0123456789'")
    assert first_chars("Abc|Def", re.IGNORECASE) == frozenset("ad")
    assert first_chars("Abc|Def") == frozenset("AD")
    assert first_chars(r"\w+") is None  # any word character: unknown
    assert first_chars(r"(?i:a)b") is None  # flags of its own
    assert first_chars("x?") is None  # may match the empty string


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet="thisyear lastweek THIS 2020in.,", max_size=30),
       ignore_case=st.booleans())
def test_skip_ahead_finds_the_same_matches(text, ignore_case):
    pattern = r"\b(?:(?:so\s+far\s+)?this\s+year|last\s+week|in\s+(?:19|20)\d\d\b)"
    flags = re.IGNORECASE if ignore_case else 0
    plain, fast = re.compile(pattern, flags), re.compile(skip_ahead(pattern, flags), flags)
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_skip_ahead_leaves_a_pattern_it_cannot_read_unchanged():
    assert skip_ahead(r"\w+x") == r"\w+x"
