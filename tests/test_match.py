"""Matching claims within a story: blocking, scores, one fact per source."""
from __future__ import annotations

import pytest

from reconcile.match import MatchSettings, match_story
from reconcile.model import Claim, Kind, NumberValue, QuoteValue


def money(cid, source, stated, low, high, subject, hedge=None):
    return Claim(Kind.MONEY, f"${stated}", 0, 1, "", subject,
                 NumberValue(stated, low, high, "USD", hedge), source=source, id=cid)


def quote(cid, source, words, speaker):
    return Claim(Kind.QUOTE, words, 0, len(words), "", speaker or "", QuoteValue(words, speaker),
                 source=source, id=cid)


def grouped(claims):
    groups, _ = match_story(claims, MatchSettings())
    return sorted(sorted(c.id for c in g) for g in groups)


def test_match_same_value_different_sources_group_together():
    claims = [money("c1", "a", 699e6, 698.5e6, 699.5e6, "sale missile system taiwan"),
              money("c2", "b", 698.9e6, 698.85e6, 698.95e6, "funding missile system taiwan")]
    assert grouped(claims) == [["c1", "c2"]]


def test_match_two_facts_of_one_source_never_share_a_group():
    claims = [money("c1", "a", 1e9, 0.975e9, 1.025e9, "total value deals"),
              money("c2", "a", 2e9, 1.95e9, 2.05e9, "broader weapons package"),
              money("c3", "b", 1e9, 0.975e9, 1.025e9, "total value deals")]
    assert grouped(claims) == [["c1", "c3"], ["c2"]]


def test_match_mutually_nearest_values_pair_despite_different_words():
    claims = [money("c1", "a", 300e6, 285e6, 315e6, "package military aid approved earlier week",
                    "approximately"),
              money("c2", "b", 330e6, 325e6, 335e6, "separate sale aircraft parts last thursday"),
              money("c3", "a", 700e6, 665e6, 700e6, "nasams sale", "nearly"),
              money("c4", "b", 699e6, 698.5e6, 699.5e6, "nasams sale")]
    assert grouped(claims) == [["c1", "c2"], ["c3", "c4"]]


def test_match_unrelated_far_values_stay_apart():
    claims = [money("c1", "a", 5e6, 4.9e6, 5.1e6, "school budget repairs"),
              money("c2", "b", 90e6, 89e6, 91e6, "stadium bond voters")]
    assert grouped(claims) == [["c1"], ["c2"]]


@pytest.mark.parametrize("first,second,expected", [
    pytest.param("America's commitments to Taiwan are rock solid",
                 "It should be clear that America's commitments to Taiwan are rock-solid",
                 [["c1", "c2"]], id="excerpt-groups"),
    pytest.param("a credible defensive capability", "a credible capability",
                 [["c1"], ["c2"]], id="short-excerpt-does-not"),
    pytest.param("We are backing these words with actions, especially through cooperation",
                 "We are backing these words with actions, with a focus on peace",
                 [["c1", "c2"]], id="misquote-groups-to-be-judged"),
])
def test_match_quotes(first, second, expected):
    claims = [quote("c1", "a", first, "Raymond Greene"), quote("c2", "b", second, "Greene")]
    assert grouped(claims) == expected


def test_match_quotes_of_different_speakers_stay_apart():
    words = "We will not back down from this fight"
    claims = [quote("c1", "a", words, "Dana Ruiz"), quote("c2", "b", words, "Sam Okafor")]
    assert grouped(claims) == [["c1"], ["c2"]]
