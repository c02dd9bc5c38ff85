"""Stories and event attributes: the days and streets articles name keep lookalike events apart
and let follow-ups join; candidate pairs come from distinctive words, scored exactly."""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import replace

import pytest

import reconcile
from reconcile.cluster import ClusterSettings, cluster_sources, similarity_pairs
from reconcile.events import STREET_WORDS, EventMarks, event_days, street_pattern, streets
from reconcile.model import Source

OFF = replace(ClusterSettings(), event_bonus=0.0, event_penalty=0.0, place_bonus=0.0,
              place_penalty=0.0)


def _source(sid: str, published: str, title: str, text: str) -> Source:
    return Source(sid, f"{sid}.md", text, title=title, published=published)


def _claims(sources):
    return {s.id: reconcile.extract(s.text, published=s.published) for s in sources}


def _stories(sources, settings=ClusterSettings()):
    found = cluster_sources(sources, _claims(sources), settings)
    return sorted(sorted(story.sources) for story in found)


# Two shootings in one town four days apart, told in the same words; then an arrest three
# weeks after the first that names its day and street; and a weekly roundup naming both.
SATURDAY = [
    _source("sat-herald", "2024-11-10", "Man shot dead outside Millbrook bar",
            "MILLBROOK - A 34-year-old man was shot and killed late Saturday outside the Anchor "
            "Tavern on Larkin Street, Millbrook police said. Witnesses heard an argument before "
            "the shots. Police have not named a suspect in the shooting."),
    _source("sat-courier", "2024-11-10", "Fatal shooting at Larkin Street tavern",
            "Millbrook police are investigating a fatal shooting on Saturday night outside the "
            "Anchor Tavern on Larkin Street. A 34-year-old man died after an argument, "
            "witnesses said. No suspect has been named."),
]
WEDNESDAY = [
    _source("wed-herald", "2024-11-14", "Man shot dead in Millbrook parking lot",
            "MILLBROOK - A 29-year-old man was shot and killed late Wednesday in a parking lot "
            "on Orchard Avenue, Millbrook police said. A passing driver called 911. Police have "
            "not named a suspect in the shooting."),
    _source("wed-courier", "2024-11-14", "Orchard Avenue shooting leaves one dead",
            "Millbrook police are investigating a fatal shooting on Wednesday night in a parking "
            "lot on Orchard Avenue. A 29-year-old man died at the scene after a driver called "
            "911. No suspect has been named."),
]
FOLLOW_UP = _source(
    "arrest-herald", "2024-12-20", "Suspect held in tavern death",
    "A 22-year-old Dunmore man was arrested on Thursday and charged with murder in the Nov. 9 "
    "death of a patron outside a Larkin Street tavern, prosecutors announced. He is being held "
    "without bail at the county jail pending a hearing.")


def test_two_shootings_in_one_town_on_different_days_stay_apart():
    sources = SATURDAY + WEDNESDAY
    assert _stories(sources) == [["sat-courier", "sat-herald"], ["wed-courier", "wed-herald"]]
    # the words alone do not tell them apart
    assert _stories(sources, OFF) != [["sat-courier", "sat-herald"], ["wed-courier", "wed-herald"]]


def test_a_follow_up_weeks_later_that_names_the_day_joins_its_story():
    sources = SATURDAY + WEDNESDAY + [FOLLOW_UP]
    assert _stories(sources) == [["arrest-herald", "sat-courier", "sat-herald"],
                                 ["wed-courier", "wed-herald"]]
    # six weeks on and in other words, it joins by the day and the street it names
    words_only = replace(ClusterSettings(), event_bonus=0.0, place_bonus=0.0, name_bonus=0.0)
    assert ["arrest-herald"] in _stories(sources, words_only)
    assert ["arrest-herald"] not in _stories(sources, replace(words_only, event_bonus=0.1))


def test_a_roundup_naming_both_days_glues_neither_event_to_the_other():
    roundup = _source(
        "week-review", "2024-11-16", "A violent week in Millbrook",
        "Millbrook saw two fatal shootings this week. A 34-year-old man was shot late "
        "Saturday outside a bar on Larkin Street, and a 29-year-old man was shot late "
        "Wednesday outside a bar on Orchard Avenue. Police have named no suspect in either.")
    stories = _stories(SATURDAY + WEDNESDAY + [roundup])
    saturday = next(s for s in stories if "sat-herald" in s)
    assert not set(saturday) & {"wed-herald", "wed-courier"}


@pytest.mark.parametrize(("first", "second", "expected"), [
    pytest.param({dt.date(2024, 11, 9)}, {dt.date(2024, 11, 10)}, True,
                 id="a-day-apart-is-one-night"),
    pytest.param({dt.date(2024, 11, 9)}, {dt.date(2024, 11, 12), dt.date(2024, 11, 13)}, False,
                 id="three-days-apart"),
    pytest.param({dt.date(2024, 11, 9)}, set(), None, id="one-names-no-day"),
])
def test_same_day(first, second, expected):
    def marks(days):
        ordinals = frozenset(d.toordinal() for d in days)
        return EventMarks(ordinals, frozenset(d + k for d in ordinals for k in (-1, 0, 1)))

    assert marks(first).same_day(marks(second)) is expected
    assert marks(second).same_day(marks(first)) is expected


def test_event_days_are_resolved_days_up_to_publication():
    text = ("The shooting happened on Saturday night. A hearing is set for Nov. 20. "
            "Shootings in November rose.")
    source = _source("a", "2024-11-11", "", text)
    days = event_days(source, reconcile.extract(text, published="2024-11-11"), chars=3000)
    assert days == {dt.date(2024, 11, 9)}  # not the hearing to come, not the month


def test_an_article_naming_no_day_counts_its_publication_day_and_the_one_before():
    source = _source("a", "2024-11-11", "", "A man was shot.")
    assert event_days(source, [], chars=3000) == {dt.date(2024, 11, 10), dt.date(2024, 11, 11)}
    assert event_days(replace(source, published=None), [], chars=3000) == frozenset()


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("He was shot on Genesee Street.", {"genesee"}, id="street"),
    pytest.param("Police closed Genesee St. and W. 70th St. overnight", {"genesee", "70th"},
                 id="abbreviated-and-numbered"),
    pytest.param("Officers went to the 1000 block of Woodland Avenue", {"woodland"}, id="block"),
    pytest.param("He appeared in Superior Court with Dr. Ellis", set(), id="court-is-no-street"),
])
def test_streets_named_in_an_opening(text, expected):
    assert streets(_source("a", None, "", text), street_pattern(STREET_WORDS)) == expected


def test_the_rules_set_the_event_and_place_weights():
    settings = ClusterSettings.from_tolerances({
        "story_similarity": 0.2, "story_date_window": 14.0, "story_event_bonus": 0.2,
        "story_place_penalty": 0.0, "story_street_words": ["street"]})
    assert (settings.similarity, settings.date_window, settings.event_bonus) == (0.2, 14, 0.2)
    assert settings.place_penalty == 0.0 and settings.street_words == ("street",)
    assert settings.event_penalty == ClusterSettings().event_penalty  # left out: the default


# --- candidate pairs ---------------------------------------------------------------------


def _cosines(sources):
    """Every pair's TF-IDF cosine, the slow way, to check similarity_pairs against."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    from reconcile.cluster import lead_text

    matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True, min_df=1,
                             token_pattern=r"(?u)\b[A-Za-z][A-Za-z0-9\-]+\b").fit_transform(
        [lead_text(s) for s in sources])
    product = (matrix @ matrix.T).toarray()
    return {(i, j): product[i, j] for i in range(len(sources)) for j in range(i + 1, len(sources))}


CORPUS = SATURDAY + WEDNESDAY + [FOLLOW_UP] + [
    _source("budget", "2024-11-12", "Council passes budget",
            "The Millbrook council passed a budget of $4.2 million on Tuesday."),
    _source("storm", "2024-11-12", "Storm closes roads",
            "A storm closed roads across the county and left 3,000 homes without power."),
]


def test_candidate_pairs_are_every_pair_above_the_threshold_when_no_word_is_common():
    exact = _cosines(CORPUS)
    found = similarity_pairs(CORPUS, 0.05)
    assert found.keys() == {pair for pair, value in exact.items() if value >= 0.05}
    assert all(math.isclose(found[pair], exact[pair], abs_tol=1e-12) for pair in found)


def test_common_words_make_no_candidates_but_count_in_the_score(monkeypatch):
    import reconcile.cluster as cluster

    # "shooting" is in every article about the shootings: left out of candidate generation
    monkeypatch.setattr(cluster, "CANDIDATE_MAX_DF", 4)
    exact = _cosines(CORPUS)
    found = similarity_pairs(CORPUS, 0.05)
    assert found and all(math.isclose(found[pair], exact[pair], abs_tol=1e-12) for pair in found)
    above = {pair for pair, value in exact.items() if value >= 0.05}
    # the Wednesday report and the December arrest share only common words: no candidate
    wednesday, arrest = 2, 4
    assert found.keys() == above - {(wednesday, arrest)}


def test_each_article_keeps_its_best_partners_the_same_way_every_run(monkeypatch):
    import reconcile.cluster as cluster

    monkeypatch.setattr(cluster, "NEIGHBOURS", 1)
    first = similarity_pairs(CORPUS, 0.0)
    assert first == similarity_pairs(list(CORPUS), 0.0)
    exact = _cosines(CORPUS)
    for i in range(len(CORPUS)):
        partners = {pair: value for pair, value in exact.items() if i in pair and value > 0}
        if partners:
            best = max(partners.values())
            assert any(math.isclose(first.get(pair, -1), best) for pair in partners)


@pytest.mark.parametrize(("text", "problem"), [
    pytest.param("story_event_bonus: high\n",
                 "matching.yaml: story_event_bonus: expected a number from 0 to 100, got 'high'",
                 id="bonus-not-a-number"),
    pytest.param("story_street_words: street\n",
                 "matching.yaml: story_street_words: expected a list of strings, got 'street'",
                 id="street-words-not-a-list"),
])
def test_a_bad_event_rule_is_named_with_file_and_key(tmp_path, text, problem):
    from reconcile.errors import RulesError
    from reconcile.rules import load_rules

    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "matching.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(RulesError) as caught:
        load_rules(str(folder))
    assert problem in caught.value.problems
