"""Verdicts on fact groups: agree, conflict with outliers, update, single; consensus; reasons."""
from __future__ import annotations

import pytest

from reconcile.judge import judge_group
from reconcile.model import Claim, Kind, NumberValue, Source

TOLLS = frozenset({"killed", "dead", "injured"})


def source(sid, published=None, outlet=None):
    return Source(id=sid, path=f"{sid}.md", text="", published=published, outlet=outlet)


def count(cid, sid, stated, sentence="", low=None, high=None):
    low = stated if low is None else low
    high = stated if high is None else high
    return Claim(Kind.COUNT, f"{stated:g} people", 0, 1, sentence, "people",
                 NumberValue(stated, low, high, "people"), source=sid, id=cid)


def verdict(claims, sources):
    return judge_group("g1", "s1", claims, {s.id: s for s in sources}, update_words=TOLLS)


def test_judge_overlapping_intervals_agree_with_tightest_consensus():
    group = verdict([count("c1", "a", 700, low=665, high=700), count("c2", "b", 699, low=698.5, high=699.5)],
                    [source("a"), source("b")])
    assert group.verdict.value == "agree"
    assert group.consensus["stated"] == 699
    assert (group.consensus["low"], group.consensus["high"]) == (698.5, 699.5)


def test_judge_names_the_outlier_against_a_majority():
    group = verdict([count("c1", "a", 300), count("c2", "b", 330), count("c3", "c", 330)],
                    [source("a", outlet="Daily"), source("b"), source("c")])
    assert group.verdict.value == "conflict"
    assert group.outliers == ("c1",)
    assert group.consensus["stated"] == 330
    assert group.reason.startswith("Daily says")


def test_judge_two_sources_that_disagree_have_no_majority():
    group = verdict([count("c1", "a", 3), count("c2", "b", 4)], [source("a"), source("b")])
    assert group.verdict.value == "conflict"
    assert group.outliers == () and group.consensus is None
    assert "no majority" in group.reason


@pytest.mark.parametrize("sentence,expected", [
    pytest.param("Two people were killed in the shooting.", "update", id="toll-rises"),
    pytest.param("The shop sold two people tickets.", "conflict", id="not-a-toll"),
])
def test_judge_a_later_higher_toll_is_an_update(sentence, expected):
    group = verdict([count("c1", "a", 2, sentence), count("c2", "b", 3, sentence)],
                    [source("a", "2025-01-01"), source("b", "2025-01-03")])
    assert group.verdict.value == expected


def test_judge_a_later_lower_toll_is_a_conflict():
    sentence = "Three people were killed."
    group = verdict([count("c1", "a", 3, sentence), count("c2", "b", 2, sentence)],
                    [source("a", "2025-01-01"), source("b", "2025-01-03")])
    assert group.verdict.value == "conflict"


def test_judge_one_source_stating_a_fact_twice_is_single():
    group = verdict([count("c1", "a", 5), count("c2", "a", 5)], [source("a")])
    assert group.verdict.value == "single"
    assert group.claims == ("c1", "c2")


def test_judge_syndicated_copies_count_once():
    claims = [count("c1", "a", 3), count("c2", "b", 4), count("c3", "c", 4)]
    group = judge_group("g1", "s1", claims, {s: source(s) for s in "abc"}, {"c": "b"}, TOLLS)
    # b and c are one text: one source says 3, one says 4, so there is no majority
    assert group.verdict.value == "conflict" and group.outliers == ()


def age(cid, sid, years, sentence):
    return Claim(Kind.QUANTITY, str(years), 0, 1, sentence, "", NumberValue(years, years, years,
                 "year of age"), source=sid, id=cid)


@pytest.mark.parametrize(("published", "ages", "expected"), [
    (("2013-08-21", "2015-06-02"), (35, 37), "update"),   # arrested at 35, pleads at 37
    (("2016-01-04", "2016-03-01"), (29, 30), "update"),   # a birthday between the reports
    (("2016-01-04", "2016-01-04"), (29, 30), "conflict"),  # the same day: one is wrong
    (("2016-01-04", "2016-03-01"), (29, 31), "conflict"),  # two years older in two months
    (("2016-01-04", "2017-03-01"), (30, 29), "conflict"),  # younger later
])
def test_judge_an_age_that_grows_with_the_time_between_reports_is_an_update(
        published, ages, expected):
    claims = [age("c1", "a", ages[0], "Harlan Pruett, 35, was charged."),
              age("c2", "b", ages[1], "Harlan Pruett, 37, pleaded guilty.")]
    group = verdict(claims, [source("a", published[0]), source("b", published[1])])
    assert group.verdict.value == expected
    if expected == "update":
        assert group.consensus["stated"] == ages[1]
        assert "older" in group.reason


def day(cid, sid, iso, sentence):
    from reconcile.model import DateValue

    return Claim(Kind.DATE, iso, 0, 1, sentence, "hearing", DateValue((iso, iso), "day", iso, iso),
                 source=sid, id=cid)


SCHEDULED = "His preliminary hearing is scheduled for {}."


@pytest.mark.parametrize(("published", "days", "sentence", "expected"), [
    # a date ahead of each report, given anew by a later one: the hearing was put off
    (("2016-04-20", "2016-05-30"), ("2016-05-04", "2016-07-13"), SCHEDULED, "update"),
    # two reports of one day that differ: one is wrong
    (("2016-04-20", "2016-04-20"), ("2016-05-04", "2016-07-13"), SCHEDULED, "conflict"),
    # a date already past when the later report was written is no plan
    (("2016-04-20", "2016-05-30"), ("2016-05-04", "2016-05-10"), SCHEDULED, "conflict"),
    # no word sets the date: two quarterly payouts, not one put off
    (("1987-03-23", "1987-06-18"), ("1987-04-30", "1987-07-30"), "The dividend is payable {}.",
     "conflict"),
])
def test_judge_a_date_set_anew_between_reports_is_an_update(published, days, sentence, expected):
    claims = [day("c1", "a", days[0], sentence.format(days[0])),
              day("c2", "b", days[1], sentence.format(days[1]))]
    group = verdict(claims, [source("a", published[0]), source("b", published[1])])
    assert group.verdict.value == expected
    if expected == "update":
        assert group.consensus["stated"] == [days[1], days[1]]
        assert "set anew" in group.reason


def quote(cid, sid, words):
    from reconcile.model import QuoteValue

    return Claim(Kind.QUOTE, words, 0, 1, words, "", QuoteValue(words, "Jane Roe"), source=sid,
                 id=cid)


def later(claims, sources, days=30):
    return judge_group("g1", "s1", claims, {s.id: s for s in sources}, update_words=TOLLS,
                       update_after_days=days)


@pytest.mark.parametrize(("published", "expected"), [
    (("1987-03-20", "1987-06-19"), "update"),   # two quarterly payouts, three months apart
    (("1987-06-19", "1987-03-20"), "update"),   # the order of the sources does not matter
    (("1987-03-20", "1987-04-19"), "update"),   # exactly the threshold apart
    (("1987-03-20", "1987-04-18"), "conflict"),  # a day short of it: one figure is wrong
    (("1987-03-20", None), "conflict"),          # an undated report may be of any day
])
def test_judge_figures_of_reports_weeks_apart_are_an_update(published, expected):
    sentence = "The trust will pay {} cts a unit."
    claims = [count("c1", "a", 31, sentence.format(31)), count("c2", "b", 35, sentence.format(35))]
    group = later(claims, [source("a", published[0]), source("b", published[1])])
    assert group.verdict.value == expected
    if expected == "update":
        latest = 35 if published[1] > published[0] else 31
        assert group.consensus["stated"] == latest
        days = 30 if published[1] == "1987-04-19" else 91
        assert group.outliers == () and f"written {days} days apart or more" in group.reason


def test_judge_reports_weeks_apart_still_conflict_where_close_reports_differ():
    sentence = "The trust will pay {} cts a unit."
    claims = [count("c1", "a", 31, sentence.format(31)), count("c2", "b", 32, sentence.format(32)),
              count("c3", "c", 35, sentence.format(35))]
    sources = [source("a", "1987-03-20"), source("b", "1987-03-22"), source("c", "1987-06-19")]
    assert later(claims, sources).verdict.value == "conflict"
    assert later(claims, sources, days=None).verdict.value == "conflict"
    sources[1] = source("b", "1987-06-18")  # now the two March figures are one report's
    claims[1] = count("c2", "b", 35, sentence.format(35))
    assert later(claims, sources).verdict.value == "update"


@pytest.mark.parametrize("claims", [
    pytest.param([count("c1", "a", 3, "Three people were killed."),
                  count("c2", "b", 2, "Two people were killed.")], id="a toll does not fall"),
    pytest.param([age("c1", "a", 20, "Smith, 20, died."), age("c2", "b", 22, "Smith, 22, died.")],
                 id="two years older in three months"),
    pytest.param([quote("c1", "a", "We will rebuild the bridge by spring."),
                  quote("c2", "b", "We will rebuild the road by summer.")], id="a quotation"),
])
def test_judge_what_time_does_not_change_still_conflicts_weeks_apart(claims):
    group = later(claims, [source("a", "2016-01-04"), source("b", "2016-04-04")])
    assert group.verdict.value == "conflict"
