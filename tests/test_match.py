"""Matching claims within a story: blocking, scores, one fact per source."""
from __future__ import annotations

import dataclasses

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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
    # "others" are people; "other vehicles" are not
    claims[2] = count("c3", "c", 5, "other vehicle", "hospital")
    assert grouped(claims) == [["c1"], ["c2"], ["c3"]]
    # "two additional firefighters" are besides those named, as "two other firefighters" are
    claims = [count("c1", "a", 1, "firefighter", "injured"),
              count("c2", "b", 2, "additional firefighter", "injured"),
              count("c3", "c", 2, "other firefighter", "injured")]
    assert grouped(claims) == [["c1"], ["c2", "c3"]]


def test_match_mutually_nearest_values_pair_despite_different_words():
    claims = [money("c1", "a", 300e6, 285e6, 315e6, "package military aid approved earlier week",
                    "approximately"),
              money("c2", "b", 330e6, 325e6, 335e6, "separate sale aircraft parts last thursday"),
              money("c3", "a", 700e6, 665e6, 700e6, "nasams sale", "nearly"),
              money("c4", "b", 699e6, 698.5e6, 699.5e6, "nasams sale")]
    assert grouped(claims) == [["c1", "c2"], ["c3", "c4"]]


def test_match_nearest_small_counts_need_words_in_common():
    # 84 launchers against 82: one fact misstated; one woman shot against two women arguing:
    # two groups of people, though each is the other's nearest figure
    claims = [count("c1", "a", 84, "launcher", "taiwan get"),
              count("c2", "b", 82, "launcher", "package includes"),
              count("c3", "a", 1, "woman", ""),
              count("c4", "b", 2, "woman", "argued dance floor")]
    assert grouped(claims) == [["c1", "c2"], ["c3"], ["c4"]]
    claims[3] = count("c4", "b", 2, "woman", "shot club")
    claims[2] = count("c3", "a", 1, "woman", "shot")
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


def _naive_average_linkage(members, scores, threshold):
    """Average linkage recomputing every cross mean from scratch, in exact fractions."""
    from fractions import Fraction

    exact = {pair: Fraction(round(score * 1e9), 10**9) for pair, score in scores.items()}
    clusters = {i: [i] for i in range(len(members))}
    owner = list(range(len(members)))
    for (i, j), _ in sorted(scores.items(), key=lambda kv: (-kv[1], kv[0])):
        a, b = owner[i], owner[j]
        if a == b:
            continue
        cross = [exact.get((min(x, y), max(x, y)), 0) for x in clusters[a] for y in clusters[b]]
        if sum(cross) / len(cross) < Fraction(round(threshold * 1e9), 10**9):
            continue
        sources = [members[x].source for x in clusters[a] + clusters[b]]
        if len(set(sources)) != len(sources):
            continue
        keep, drop = min(a, b), max(a, b)
        clusters[keep].extend(clusters.pop(drop))
        for x in clusters[keep]:
            owner[x] = keep
    return sorted(sorted(c) for c in clusters.values())


@given(st.integers(2, 12), st.data())
@settings(max_examples=150, deadline=None)
def test_link_running_sums_equal_recomputed_average_linkage(size, data):
    """The running sums of `_link` decide every merge as recomputing the cross mean would."""
    from reconcile.match import _link

    # distinct stated values, so no two claims of one source restate each other
    members = [money(f"c{k}", f"s{data.draw(st.integers(0, size - 1))}", k + 1, k + 1, k + 1, "x")
               for k in range(size)]
    pairs = data.draw(st.lists(st.tuples(st.integers(0, size - 1), st.integers(0, size - 1)),
                               max_size=size * 3))
    levels = st.sampled_from([0.55, 0.6, 0.7, 0.8, 0.95, 1.0])
    scores = {(min(i, j), max(i, j)): data.draw(levels) for i, j in pairs if i != j}
    found = _link(members, scores, MatchSettings(), {})
    got = sorted(sorted(members.index(c) for c in group) for group in found)
    assert got == _naive_average_linkage(members, scores, MatchSettings().pair_score)


def test_link_mean_exactly_at_the_threshold_joins():
    """Seven pairs at exactly the pair threshold average to it (float sums fall just short)."""
    from reconcile.match import _link

    members = [money(f"c{k}", f"s{k}", 4, 4, 4, "x") for k in range(8)]
    scores = {(i, j): 1.0 for i in range(1, 8) for j in range(i + 1, 8)}
    scores.update({(0, j): 0.55 for j in range(1, 8)})
    assert len(_link(members, scores, MatchSettings(), {})) == 1


def count(cid, source, stated, unit, subject):
    return Claim(Kind.COUNT, str(stated), 0, 1, "", subject,
                 NumberValue(stated, stated, stated, unit), source=source, id=cid)


TOLLS = MatchSettings(outcomes=(("injured", frozenset({"wounded", "injured"})),
                                ("killed", frozenset({"killed", "dead", "fatally"}))))


@pytest.mark.parametrize(("shot", "outcome"), [
    ("man shot", "man kill"), ("man shot", "shooting left dead"), ("man shot", "dies"),
    ("people shot", "injure")])
def test_match_the_shipped_outcome_words_keep_a_toll_from_the_number_shot(shot, outcome):
    """'A man shot six people' and '... led the man to kill 4 people': the four are a part of
    the six, not a rival figure (the shipped rules' outcome words)."""
    from reconcile.rules import load_rules

    claims = [count("c1", "a", 6, "people", shot), count("c2", "b", 4, "people", outcome)]
    groups, _ = match_story(claims, MatchSettings.from_rules(load_rules(None)))
    assert sorted(sorted(c.id for c in g) for g in groups) == [["c1"], ["c2"]]


@pytest.mark.parametrize(("first", "second", "together"), [
    ("industrial production rose february", "industrial production fell november", False),
    ("starts fell jan", "starts rose january", True),          # one month, two spellings
    ("retail sales february revised january", "sales declined january", True),  # one in common
    ("starts fell may", "starts rose april", True),            # "may": a verb as likely
    ("industrial production rose february", "industrial production rose", True)])
def test_match_figures_of_different_months_are_two_facts(first, second, together):
    """'Industrial production fell 2.8 pct in November' is not 'rose 2.8 pct in February'."""
    claims = [count("c1", "a", 3, "pct", first), count("c2", "b", 3, "pct", second)]
    assert (grouped(claims) == [["c1", "c2"]]) == together
    claims[1] = count("c2", "b", 4, "pct", second)  # nor do they conflict
    assert (grouped(claims) == [["c1", "c2"]]) == together


def test_match_counts_of_different_outcomes_stay_apart():
    """'Two people were wounded' and 'two people were killed' are two facts, though equal."""
    claims = [count("c1", "a", 2, "people", "wounded"),
              count("c2", "b", 2, "people", "gunman killed")]
    assert sorted(sorted(c.id for c in g) for g in match_story(claims, TOLLS)[0]) == [
        ["c1"], ["c2"]]


@pytest.mark.parametrize("wounded", ["fatally wounded", "died wounds", "mortally wounded"])
def test_match_a_wound_that_killed_is_a_death_not_an_injury(wounded):
    """'Five officers were fatally wounded' is a toll of deaths: never one fact with 'two
    officers were also wounded', and one with 'five officers were killed'."""
    claims = [count("c1", "a", 5, "officer", wounded), count("c2", "b", 2, "officer", "wounded"),
              count("c3", "c", 5, "officer", "killed")]
    from reconcile.rules import load_rules

    shipped = MatchSettings.from_rules(load_rules(None))
    assert sorted(sorted(c.id for c in g) for g in match_story(claims, shipped)[0]) == [
        ["c1", "c3"], ["c2"]]


@pytest.mark.parametrize("denied", ["injured none fatally", "wounded not fatally"])
def test_match_a_death_denied_is_no_death(denied):
    """'Eight people were injured - none fatally' were wounded: one fact with 'eight people
    were wounded', never with 'eight people were killed'."""
    claims = [count("c1", "a", 8, "people", denied), count("c2", "b", 8, "people", "killed"),
              count("c3", "c", 8, "people", "wounded")]
    from reconcile.rules import load_rules

    shipped = MatchSettings.from_rules(load_rules(None))
    assert sorted(sorted(c.id for c in g) for g in match_story(claims, shipped)[0]) == [
        ["c1", "c3"], ["c2"]]


@pytest.mark.parametrize("other", ["left dead", "shot fatally", "killed wounded", "", "found"])
def test_match_counts_of_one_outcome_or_unknown_still_group(other):
    claims = [count("c1", "a", 3, "people", "killed"), count("c2", "b", 3, "people", other)]
    assert len(match_story(claims, TOLLS)[0]) == 1


def test_match_a_toll_of_the_dead_and_wounded_together_is_no_rival_of_the_wounded():
    """'16 people hurt or killed' and 'hurt 15 people and killed one man' do not conflict:
    the 16 are the casualties, the dead and the wounded together, and the 15 the wounded."""
    from reconcile.extract.predicate import predicate_subject

    def subject(sentence, phrase):
        start = sentence.index(phrase)
        return predicate_subject(sentence, start, start + len(phrase), 0, len(sentence))

    claims = [count("c1", "a", 16, "people", subject("The 16 people hurt or killed at the club "
                                                     "were young.", "16 people")),
              count("c2", "b", 15, "people", subject("A shooter hurt 15 people and killed one man.",
                                                     "15 people"))]
    assert sorted(sorted(c.id for c in g) for g in match_story(claims, _shipped())[0]) == [
        ["c1"], ["c2"]]


def _shipped():
    from reconcile.rules import load_rules

    return MatchSettings.from_rules(load_rules(None))


def test_match_a_toll_told_with_two_victim_nouns_is_one_fact():
    """'Two men were killed' and 'two people are dead': one toll, though the nouns differ."""
    claims = [count("c1", "a", 2, "man", "left dead"), count("c2", "b", 2, "people", "killed"),
              count("c3", "c", 2, "victim", "shot killed")]
    assert sorted(sorted(c.id for c in g) for g in match_story(claims, _shipped())[0]) == [
        ["c1", "c2", "c3"]]
    # without the victim nouns of the rules, nouns block apart as before
    assert len(match_story(claims, TOLLS)[0]) == 3


@pytest.mark.parametrize(("first", "second"), [
    ((2, "child", "killed"), (4, "people", "killed")),      # a part and its whole
    ((2, "man", "arrested"), (2, "people", "died")),        # two groups of people
    ((2, "man", "killed"), (2, "people", "wounded")),       # two outcomes
    ((1, "woman", "killed"), (2, "people", "killed"))])     # one victim: many nouns name her
def test_match_victims_of_two_nouns_stay_apart_unless_figure_and_outcome_agree(first, second):
    claims = [count("c1", "a", *first), count("c2", "b", *second)]
    assert len(match_story(claims, _shipped())[0]) == 2


def test_match_a_toll_of_everybody_below_a_toll_of_some_is_a_rival_figure():
    """'Two people were killed' and 'three men were killed': three men are no part of two
    people, so the two figures are one toll told two ways."""
    claims = [count("c1", "a", 2, "people", "killed"), count("c2", "b", 3, "man", "killed")]
    assert len(match_story(claims, _shipped())[0]) == 1
    claims[1] = count("c2", "b", 3, "suspect", "killed")  # "the three suspects killed two men"
    assert len(match_story(claims, _shipped())[0]) == 2


@pytest.mark.parametrize(("graded", "together"), [("seriously injured", False),
                                                   ("critically wounded", False),
                                                   ("injured", True)])
def test_match_a_graded_count_of_wounded_is_a_part_not_a_rival(graded, together):
    """'Two were seriously injured' tells of some of 'four people were injured'."""
    claims = [count("c1", "a", 4, "people", "injured"), count("c2", "b", 2, "people", graded)]
    assert (len(match_story(claims, _shipped())[0]) == 1) == together


def test_match_others_told_two_ways_are_still_nearest_figures():
    """'40 others' and '36 other people' are one block's two spellings of one noun: two
    sources' nearest figures of it, whatever their nouns' last words."""
    claims = [count("c1", "a", 40, "other", "hurt"), count("c2", "b", 36, "other people", "treated")]
    assert grouped(claims) == [["c1", "c2"]]


def test_match_one_noun_still_pairs_its_nearest_figures_among_other_nouns():
    """Blocking several nouns together leaves each noun's figures to conflict as before:
    'three men were killed' / 'four men were killed' stay one fact beside 'two children'."""
    claims = [count("c1", "a", 3, "man", "killed"), count("c2", "b", 4, "man", "killed"),
              count("c3", "b", 2, "child", "killed")]
    assert sorted(sorted(c.id for c in g) for g in match_story(claims, _shipped())[0]) == [
        ["c1", "c2"], ["c3"]]


def test_match_settings_from_rules_reads_casualty_outcomes():
    from reconcile.rules import load_rules

    settings = MatchSettings.from_rules(load_rules())
    names = [name for name, _ in settings.outcomes]
    assert names == ["injured", "killed"]
    assert "wounded" in dict(settings.outcomes)["injured"]


def hedged(cid, source, stated, low, high, subject):
    return Claim(Kind.COUNT, str(stated), 0, 1, "", subject,
                 NumberValue(stated, low, high, "people"), source=source, id=cid)


def test_match_open_intervals_far_apart_are_not_one_fact():
    """'As many as 100 people' at the scene and 'at least five people' wounded overlap only
    because both are open-ended: with unrelated words they stay apart."""
    claims = [hedged("c1", "a", 100, None, 100, "gathered scene"),
              hedged("c2", "b", 5, 5, None, "wounded")]
    assert len(match_story(claims, MatchSettings())[0]) == 2


def test_match_open_interval_near_the_other_figure_is_one_fact():
    """'More than 11,000 homes' and 'about 12,000 homes' are one fact whatever their words."""
    claims = [hedged("c1", "a", 11_000, 11_000, None, "cutting power"),
              hedged("c2", "b", 12_000, 11_400, 12_600, "left dark")]
    assert len(match_story(claims, MatchSettings())[0]) == 1


@pytest.mark.parametrize(("low", "other", "other_subject", "together"), [
    (1, 3, "inside vehicle", False),  # "at least one person was killed" / "three people inside"
    (1, 3, "killed", True),           # an early "at least one dead", a later "three killed"
    (4, 5, "treated", True),          # "at least four people were shot" / "five were treated"
])
def test_match_open_interval_far_from_a_small_count_needs_its_words(low, other, other_subject, together):
    """A small open figure holds every larger one; when the stated figures are far apart at
    their own size, only words in common make the two one fact."""
    claims = [hedged("c1", "a", low, low, None, "killed"),
              hedged("c2", "b", other, other, other, other_subject)]
    assert (len(match_story(claims, MatchSettings())[0]) == 1) is together


def age(cid, source, years, text, sentence):
    return Claim(Kind.QUANTITY, text, 0, 1, sentence, "charged murder",
                 NumberValue(years, years, years, "year of age"), source=source, id=cid)


@pytest.mark.parametrize(("text", "sentence", "holder"), [
    ("32", "Marcus Delane Whitfield, 32, is charged with murder.", "marcus whitfield"),
    ("26", "Their friend, Renata Voss (26), also died.", "renata voss"),
    ("28-year-old", "Police charged 28-year-old Calvin Ostrander on Monday.", "calvin ostrander"),
    ("43", "The shooter, Sgt. Hector Lindqvist, 43, lived nearby.", "hector lindqvist"),
    ("51", "Ruth Ames-Bracken, 51, heard the shots.", "ruth ames-bracken"),
    # an office is no person: "a 19-year-old Ridgefield County Sheriff's volunteer"
    ("19-year-old", "A 19-year-old Ridgefield County Sheriff's volunteer was hurt.", None),
    ("16-year-old", "A 16-year-old was shot and is in stable condition.", None),
    ("22", "The victims, ages 22, 26 and 37, were taken to hospitals.", None),
])
def test_age_holder_is_the_person_named_beside_the_age(text, sentence, holder):
    from reconcile.match import age_holder

    assert age_holder(age("c1", "a", 1, text, sentence)) == holder


def test_match_ages_compare_only_within_one_named_person():
    """A story names a victim, a suspect and a witness: their ages are three facts, and one
    person's age given two ways is one (a conflict for the judge to weigh)."""
    claims = [age("c1", "a", 32, "32", "Marcus Delane Whitfield, 32, was charged."),
              age("c2", "b", 33, "33", "Her son Marcus Whitfield, 33, was arraigned."),
              age("c3", "b", 31, "31", "Tyrell Whitfield, 31, was arraigned."),
              age("c4", "c", 16, "16-year-old", "A 16-year-old was shot in the leg."),
              age("c5", "d", 16, "16-year-old", "A 16-year-old boy was arrested.")]
    # the ages of people not named group only when equal: "a 16-year-old" twice may be one
    assert grouped(claims) == [["c1", "c2"], ["c3"], ["c4", "c5"]]
    claims[4] = age("c5", "d", 17, "17-year-old", "A 17-year-old boy was arrested.")
    assert grouped(claims) == [["c1", "c2"], ["c3"], ["c4"], ["c5"]]


def test_match_span_of_unnamed_ages_meets_no_single_age_inside_it():
    """"Victims from 17 to 28" hold a 17-year-old and a 21-year-old, who are two people, not
    one age given two ways; the span meets only the same span."""
    def span(cid, source, low, high, sentence):
        return Claim(Kind.QUANTITY, f"{low} to {high} years old", 0, 1, sentence, "victims",
                     NumberValue((low, high), low, high, "year of age"), source=source, id=cid)

    claims = [span("c1", "a", 17, 28, "Victims from 17 to 28 years old were hurt."),
              age("c2", "b", 21, "21-year-old", "A 21-year-old volunteer was found."),
              age("c3", "b", 17, "17-year-old", "A 17-year-old boy was wounded."),
              span("c4", "c", 17, 28, "Six people aged 17 to 28 years old were shot.")]
    assert grouped(claims) == [["c1", "c4"], ["c2"], ["c3"]]


def _tolls(*sentences):
    """The counts of each sentence, as claims of sources a, b, c..."""
    import reconcile

    claims = []
    for number, sentence in enumerate(sentences):
        for claim in reconcile.extract(sentence):
            if claim.kind == Kind.COUNT:
                claims.append(dataclasses.replace(claim, source="abcdef"[number],
                                                  id=f"c{len(claims) + 1}"))
    return claims


def _texts(claims, settings):
    groups, _ = match_story(claims, settings)
    return sorted(sorted(f"{c.source}:{c.text}" for c in g) for g in groups)


@pytest.mark.parametrize(("others", "joined"), [
    ("One man was killed and five others were injured on Sunday.", True),
    ("A woman died at the scene and five other people were wounded.", True),
    ("The gunman shot two men to death and wounded five others.", True),
    ("The gunman killed two men and wounded more than five others.", False),  # open-ended
    # others besides people shot, or besides other wounded: not all the wounded
    ("Two people were shot, one fatally, and five others were wounded.", False),
    ("Two were critically wounded and five others were injured.", False),
    ("Police said five others were injured.", False),  # besides whom?
])
def test_match_others_wounded_besides_the_dead_are_the_wounded(others, joined):
    settings = _shipped()
    claims = _tolls(others, "Five people were injured in the shooting.")
    texts = _texts(claims, settings)
    together = any(any(t.startswith("a:") and "five" in t.lower() for t in g)
                   and "b:Five people" in g for g in texts)
    assert together is joined, texts


def test_match_others_shot_besides_the_dead_join_the_wounded_with_those_hospitalized():
    """"Seven more people were shot" after two deaths were wounded: with "seven others were
    hospitalized" of the same source, the group joins "seven people were wounded"."""
    settings = _shipped()
    claims = _tolls("Two men died and seven others were hospitalized. Police said two men were "
                    "killed and seven more people were shot.",
                    "Seven people were wounded in the shooting.")
    assert ["a:seven more people", "a:seven others", "b:Seven people"] in _texts(claims, settings)
    # shot, and no more than that: the figure may hold the dead
    claims = _tolls("Two men were killed and seven more people were shot.",
                    "Seven people were wounded in the shooting.")
    assert ["b:Seven people"] in _texts(claims, settings)


def test_match_others_wounded_join_no_total_when_two_groups_state_it():
    from reconcile.match import _join_wounded_others

    settings = _shipped()
    others, first, second = _tolls("One man was killed and five others were injured.",
                                   "Five people were injured at the party.",
                                   "Five people were injured at the bar.")[1:]
    assert _join_wounded_others([[others], [first], [second]], settings, {}) == [
        [others], [first], [second]]  # which five?
    assert _join_wounded_others([[others], [first, second]], settings, {}) == [
        [first, second, others]]


def test_match_others_are_not_a_total():
    """'Four other people' (besides the baby just named) and 'five people' are not one figure."""
    claims = [count("c1", "a", 4, "other people", "hospital"),
              count("c2", "b", 5, "people", "hospital"),
              count("c3", "c", 5, "other", "hospital")]
    assert grouped(claims) == [["c1", "c3"], ["c2"]]
    # "others" are people; "other vehicles" are not
    claims[2] = count("c3", "c", 5, "other vehicle", "hospital")
    assert grouped(claims) == [["c1"], ["c2"], ["c3"]]


def test_match_one_outcome_told_in_other_words_is_one_figure():
    """"Nine people were shot to death" and "killing nine people" share no letters worth a
    score, only their outcome: the same figure of it is one fact. So are different figures of
    one outcome that count the same noun ("four others were wounded" / "three others were
    hurt"): a conflict; of two nouns they may be a part and its whole."""
    deaths = MatchSettings(outcomes=(("killed", frozenset({"death", "killing"})),))
    claims = [count("c1", "a", 9, "people", "shot death"), count("c2", "b", 9, "people", "killing")]
    groups, _ = match_story(claims, deaths)
    assert sorted(sorted(c.id for c in g) for g in groups) == [["c1", "c2"]]
    claims[1] = count("c2", "b", 8, "people", "killing")
    groups, _ = match_story(claims, deaths)
    assert sorted(sorted(c.id for c in g) for g in groups) == [["c1", "c2"]]
    claims[1] = count("c2", "b", 8, "officer", "killing")
    groups, _ = match_story(claims, deaths)
    assert sorted(sorted(c.id for c in g) for g in groups) == [["c1"], ["c2"]]
    wounds = MatchSettings(outcomes=(("injured", frozenset({"wounded", "hurt"})),))
    for noun in ("other", "other people"):  # bare "others" are people
        claims = [count("c1", "a", 4, "other", "wounded"), count("c2", "b", 3, noun, "hurt")]
        groups, _ = match_story(claims, wounds)
        assert sorted(sorted(c.id for c in g) for g in groups) == [["c1", "c2"]]


def test_match_an_attempt_is_not_the_outcome_it_attempted():
    """"Accused of trying to kill two officers" is no toll of two officers killed; "killed by
    their father in a suicide attempt" still is (the attempt is the suicide's)."""
    deaths = MatchSettings(outcomes=(("killed", frozenset({"kill", "killed"})),))
    claims = [count("c1", "a", 2, "officer", "accused trying kill"),
              count("c2", "b", 2, "officer", "killed")]
    groups, _ = match_story(claims, deaths)
    assert sorted(sorted(c.id for c in g) for g in groups) == [["c1"], ["c2"]]
    claims[0] = count("c1", "a", 2, "officer", "suicide attempt shot killed")
    groups, _ = match_story(claims, deaths)
    assert sorted(sorted(c.id for c in g) for g in groups) == [["c1", "c2"]]


@pytest.mark.parametrize(("text", "besides"), [
    ("two more people", True), ("Two further victims", True), ("Another two people", True),
    ("an additional two people", True), ("The other two people", True), ("the remaining two people", True),
    ("more than two people", False), ("two or more people", False), ("two people", False)])
def test_match_more_people_are_besides_those_named(text, besides):
    """'He killed two more people' after naming a first victim: not the toll of three."""
    figure = text
    for lead in ("another ", "Another ", "additional ", "other ", "remaining "):
        figure = figure.split(lead)[-1]
    claims = [count("c1", "a", 3, "people", "killed"),
              replace(count("c2", "b", 2, "people", "killed"), text=figure,
                      sentence=f"{text} were killed."),
              count("c3", "c", 2, "other people", "killed")]
    expected = [["c1"], ["c2", "c3"]] if besides else [["c1", "c2"], ["c3"]]
    assert grouped(claims) == expected


@pytest.mark.parametrize(("first", "second", "together"), [
    ("killed", "pulled", False),          # letters in common, no word in common
    ("were hurt", "hurt shooting", True),  # a word in common
    ("wounded", "injured", True),          # one outcome in other words
])
def test_match_different_counts_need_a_word_in_common(first, second, together):
    from reconcile.match import pair_score

    score = pair_score(count("c1", "a", 1, "officer", first), count("c2", "b", 2, "officer", second),
                       TOLLS)
    assert (score >= TOLLS.pair_score) is together


@pytest.mark.parametrize(("first", "second", "together"), [
    ("were shot", "fatally shot", False),   # everyone shot, and those of them who died
    ("were shot", "found shot", True),      # two counts of everyone shot
    ("were wounded", "were injured", True),
])
def test_match_a_count_with_an_outcome_and_one_without_are_a_part_and_its_whole(
        first, second, together):
    from reconcile.match import pair_score

    score = pair_score(count("c1", "a", 2, "people", first), count("c2", "b", 1, "people", second),
                       TOLLS)
    assert (score >= TOLLS.pair_score) is together


@pytest.mark.parametrize(("first", "second", "together"), [
    # "40 miles northwest of Harwood" / "45 miles southeast of Larkfield": two distances
    ("northwest harwood", "southeast larkfield", False),
    ("drove west", "lies east", False),
    ("served police department", "police department veteran", True),
])
def test_match_different_quantities_need_a_word_in_common(first, second, together):
    """Even as two sources' nearest figures: a story holds many distances and durations."""
    from reconcile.match import pair_score

    def quantity(cid, source, stated, subject):
        return Claim(Kind.QUANTITY, str(stated), 0, 1, "", subject,
                     NumberValue(stated, stated, stated, "mile"), source=source, id=cid)

    score = pair_score(quantity("c1", "a", 40, first), quantity("c2", "b", 45, second),
                       TOLLS, nearest=True)
    assert (score >= TOLLS.pair_score) is together


def date(cid, source, words, day, anchor, sentence):
    from reconcile.model import DateValue

    return Claim(Kind.DATE, words, 0, 1, sentence, sentence.lower().rstrip("."),
                 DateValue((day, day), "day", day, day, anchor=anchor, relative=True),
                 source=source, id=cid)


def test_match_same_relative_words_of_different_days_are_no_conflict():
    """'Sign up today' on two pages of different days says the same words, not two dates."""
    claims = [date("c1", "a", "today", "2017-03-29", "2017-03-29", "Sign up today now."),
              date("c2", "b", "today", "2017-03-30", "2017-03-30", "Sign up today now.")]
    assert grouped(claims) == [["c1"], ["c2"]]  # each stays a single-source date
    claims[1] = date("c2", "b", "Thursday", "2017-03-30", "2017-04-02", "Sign up today now.")
    assert grouped(claims) == [["c1", "c2"]]  # different words for one event do conflict


def test_match_unnamed_ages_with_a_scope_still_group_only_when_equal():
    def scoped(cid, source, years, sentence):
        return Claim(Kind.QUANTITY, f"{years}-year-old", 0, 1, sentence, "found",
                     NumberValue(years, years, years, "year of age", scope="in another incident"),
                     source=source, id=cid)

    claims = [scoped("c1", "a", 27, "A 27-year-old parolee is found nearby."),
              scoped("c2", "b", 16, "Her two nephews, ages 16 and 6, were home.")]
    assert grouped(claims) == [["c1"], ["c2"]]


def _part(cid, source, stated, subject):
    return Claim(Kind.COUNT, str(stated), 0, 1, "", subject,
                 NumberValue(stated, stated, stated, "son", scope="part of a group"),
                 source=source, id=cid)


def test_match_parts_of_a_group_agree_when_equal_and_never_conflict():
    claims = [_part("c1", "a", 2, "shielded shots"), _part("c2", "b", 3, "shielded shots"),
              _part("c3", "c", 3, "home")]
    assert grouped(claims) == [["c1"], ["c2", "c3"]]


def test_match_one_member_of_a_group_is_not_compared():
    """"one of his sons", "another son": always one, and parts never conflict; two sources'
    such members would only ever 'agree' on nothing."""
    from reconcile.match import block_key

    claims = [_part("c1", "a", 1, "shielded shots"), _part("c2", "b", 1, "shielded shots")]
    assert block_key(claims[0]) is None
    assert grouped(claims) == []



def _figure(text, figure, source):
    import reconcile

    claim = next(c for c in reconcile.extract(text) if c.text == figure)
    return replace(claim, source=source, id=source)


@pytest.mark.parametrize(("first", "second", "together"), [
    # each figure is given for a period of its own, and the periods differ: two facts
    (("Exports fell to 10.1 billion marks from 10.4 billion in February.", "10.4 billion"),
     ("Exports widened to 10.4 billion marks from 10.6 billion in January.", "10.6 billion"), False),
    (("Output grew 2.4 pct in 1986.", "2.4 pct"), ("Output grew 2.6 pct in 1985.", "2.6 pct"), False),
    (("Profit fell to 5.1 mln dlrs in the fourth quarter.", "5.1 mln dlrs"),
     ("Profit fell to 5.3 mln dlrs in the third quarter.", "5.3 mln dlrs"), False),
    (("Sales fell from 3.4 mln dlrs a year earlier.", "3.4 mln dlrs"),
     ("Sales fell from 3.5 mln dlrs the previous month.", "3.5 mln dlrs"), False),
    # one period, or only one figure given one: they may still be one fact
    (("Exports fell to 10.1 billion marks from 10.4 billion in February.", "10.4 billion"),
     ("Exports fell to 10.2 billion marks from 10.5 billion in February 1987.", "10.5 billion"), True),
    (("Output grew 2.4 pct in 1986.", "2.4 pct"), ("Output grew 2.5 pct last year.", "2.5 pct"), True),
    (("Prices rose 0.4 pct in February.", "0.4 pct"), ("Prices rose 0.4 pct.", "0.4 pct"), True),
])
def test_match_figures_given_for_different_periods_are_two_facts(first, second, together):
    """'from 10.4 billion in February' and 'from 10.6 billion in January' in a monthly series
    are two months' figures, not one figure two sources disagree on."""
    claims = [_figure(*first, "a"), _figure(*second, "b")]
    assert (grouped(claims) == [["a", "b"]]) == together


def _dated_figure(text, figure, published, source):
    import reconcile

    claim = next(c for c in reconcile.extract(text, published=published) if c.text == figure)
    return replace(claim, source=source, id=source)


@pytest.mark.parametrize(("first", "second", "together"), [
    # period totals of two spans: two facts, however alike their words
    (("73 officers were shot dead in 2011.", "73 officers", "2016-07-10"),
     ("67 officers have been shot dead this year.", "67 officers", "2016-07-12"), False),
    (("The city counted 40 homicides last year.", "40 homicides", "2016-01-08"),
     ("The city counted 44 homicides in 2016.", "44 homicides", "2016-12-30"), False),
    (("Five people were killed in two days.", "Five people", None),
     ("Six people were killed in three days.", "Six people", None), False),
    # one span told two ways, or a span an undated article leaves open: one fact
    (("The city counted 40 homicides so far this year.", "40 homicides", "2015-11-02"),
     ("The city counted 42 homicides in 2015.", "42 homicides", "2015-11-03"), True),
    (("The city counted 40 homicides this year.", "40 homicides", None),
     ("The city counted 42 homicides in 2015.", "42 homicides", "2015-11-03"), True),
    # a year and a span in words may be one span
    (("The bank has lent 10.7 billion dlrs since 1968.", "10.7 billion dlrs", "1987-03-05"),
     ("The bank has lent 10.7 billion dlrs over the past 20 years.", "10.7 billion dlrs",
      "1987-03-05"), True),
])
def test_match_period_totals_of_two_spans_are_two_facts(first, second, together):
    """'73 officers in 2011' and '67 officers this year' (2016) count two years, not one
    figure two sources disagree on."""
    claims = [_dated_figure(*first, "a"), _dated_figure(*second, "b")]
    assert (grouped(claims) == [["a", "b"]]) == together


@pytest.mark.parametrize(("first", "second", "together"), [
    # the opening part of a period, named for another figure: two lengths are two periods
    (("Public debt rose 301 billion francs in the first four months of this year.",
      "four months"),
     ("The financing requirement fell 44 billion francs in the first five months of this year.",
      "five months"), False),
    (("Banks held 59.3 billion marks over the first six days of the month.", "six days"),
     ("Banks held 58.9 billion marks over the first five days of the month.", "five days"),
     False),
    # a length of its own: two figures of it disagree, or agree, and so do an opening span and
    # a length of one value
    (("Page had been in hospital for three weeks with pneumonia.", "three weeks"),
     ("Page had been in hospital for four weeks with pneumonia.", "four weeks"), True),
    (("Net profit rose in the first nine months to Feb 28.", "nine months"),
     ("Nine months net profit rose to 499 mln dlrs.", "Nine months"), True),
])
def test_match_opening_spans_of_different_length_are_two_periods(first, second, together):
    """'the first four months of this year' and 'the first five months' are the periods of
    two figures, not one length two sources disagree on."""
    claims = [_figure(*first, "a"), _figure(*second, "b")]
    assert (grouped(claims) == [["a", "b"]]) == together


@pytest.mark.parametrize(("text", "figure", "period"), [
    ("Sales were 4.2 billion dlrs in May 1986.", "4.2 billion dlrs", {"month": "5", "year": "1986"}),
    ("Profit rose to 5 mln dlrs in the fourth quarter of 1986.", "5 mln dlrs",
     {"quarter": "4", "year": "1986"}),
    ("Exports fell from 2.01 mln a year earlier.", "2.01 mln", {"relative": "a year earlier"}),
    ("Inflation of 5 pct may rise further.", "5 pct", {}),  # "may" the verb
    ("Exports rose to 1.73 mln sets.", "1.73 mln sets", {}),
])
def test_own_period_is_the_period_right_after_a_figure(text, figure, period):
    from reconcile.match import own_period

    assert own_period(_figure(text, figure, "a")) == period


def test_match_two_sources_giving_one_written_span_agree():
    """'to be spent from 2026 to 2033' and 'covering 2026 to 2033' date one budget: the very
    same span of years, both ends written, needs only words alike, not near-identical ones."""
    first = ("Lawmakers were asked to approve a special defence budget of $40 billion to be spent "
             "from 2026 to 2033, money that would pay for much of the new equipment.")
    second = ("Taiwan plans to pay through a special defence budget of about $40 billion covering "
              "2026 to 2033, on top of its regular military spending.")
    claims = [_figure(first, "from 2026 to 2033", "a"), _figure(second, "2026 to 2033", "b")]
    assert grouped(claims) == [["a", "b"]]
    # a span that differs gets no such allowance
    claims[1] = _figure(second.replace("2033", "2032"), "2026 to 2032", "b")
    assert grouped(claims) == [["a"], ["b"]]


def _charged_with(figure: str, cid: str) -> Claim:
    return _figure(f"Tolman faces {figure}.", figure, cid)


@pytest.mark.parametrize(("other", "together"), [
    ("two counts of attempted first-degree murder", False),  # an attempt, not the act
    ("one count of first-degree murder", True),
    ("one count of facilitation", False),                   # no word in common
    ("one count of first degree-murder", True),             # one crime spelled two ways
    ("two counts of aggravated murder", False),             # each with a grade of its own
    ("two counts of murder", True)])                        # one told more fully
def test_match_counts_of_two_charges_are_two_facts(other, together):
    """'Two counts of attempted first-degree murder' is not 'one count of first-degree
    murder', nor in conflict with it; 'two counts of murder' is a rival figure."""
    act = _charged_with("one count of first-degree murder", "a")
    expected = [["a", "b"]] if together else [["a"], ["b"]]
    assert grouped([act, _charged_with(other, "b")]) == expected


def test_match_counts_of_charges_against_two_defendants_are_two_facts():
    """The gunman's four counts and his accomplice's one are no conflict; one defendant's
    counts in two sources still compare."""
    gunman = _figure("Warrants were obtained for Keane on four counts of malicious wounding.",
                     "four counts of malicious", "a")
    accomplice = _figure("Pryor will plead guilty to one count of malicious wounding.",
                         "one count of malicious", "b")
    assert grouped([gunman, accomplice]) == [["a"], ["b"]]
    again = _figure("Keane is charged with three counts of malicious wounding.",
                    "three counts of malicious", "c")
    assert grouped([gunman, again]) == [["a", "c"]]
    # counts that each of several defendants faces name no one defendant
    listed = _figure("Rui Ames, 20, and Cole Vale, 19, each face two counts of murder.",
                     "two counts of murder", "d")
    each = _figure("Each faces two counts of murder.", "two counts of murder", "e")
    assert grouped([listed, each]) == [["d", "e"]]


def _with_attacker(cid, source, stated, subject):
    return Claim(Kind.COUNT, str(stated), 0, 1, "", subject,
                 NumberValue(stated, stated, stated, "people", scope="including the attacker"),
                 source=source, id=cid)


def test_match_a_toll_with_the_attacker_meets_a_plain_toll_of_its_value_only():
    """'Killed his two children and himself' (3) and 'three people are dead' may count alike;
    against 'two people were killed' it is two ways of counting, never a rival figure."""
    settings = _shipped()
    assert settings.attacker_scope == "including the attacker"
    claims = [_with_attacker("c1", "a", 3, "killed"), count("c2", "b", 3, "people", "dead"),
              count("c3", "c", 3, "people", "killed")]
    assert sorted(sorted(c.id for c in g) for g in match_story(claims, settings)[0]) == [
        ["c1", "c2", "c3"]]
    claims = [_with_attacker("c1", "a", 3, "killed"), count("c2", "b", 2, "people", "killed")]
    assert len(match_story(claims, settings)[0]) == 2
    # nor does a group holding the attacker's toll take a plain figure of another value,
    # though that figure's nearest plain ones are in it
    claims = [_with_attacker("c1", "a", 4, "killed"), count("c2", "b", 4, "people", "killed"),
              count("c3", "c", 4, "people", "killed"), count("c4", "d", 3, "people", "killed")]
    assert sorted(sorted(c.id for c in g) for g in match_story(claims, settings)[0]) == [
        ["c1", "c2", "c3"], ["c4"]]
    # without it, the plain figures are one fact told two ways
    assert sorted(sorted(c.id for c in g) for g in match_story(claims[1:], settings)[0]) == [
        ["c2", "c3", "c4"]]
    # two tolls with the attacker are still each other's nearest figures, as plain ones are
    claims = [_with_attacker("c1", "a", 3, "killed"), _with_attacker("c2", "b", 4, "killed"),
              count("c3", "c", 3, "people", "dead")]
    assert sorted(sorted(c.id for c in g) for g in match_story(claims, settings)[0]) == [
        ["c1", "c2"], ["c3"]]
    # a scope of another kind still keeps to its own ("this year": a year's toll)
    year = Claim(Kind.COUNT, "3", 0, 1, "", "killed",
                 NumberValue(3, 3, 3, "people", scope="over a period"), source="d", id="c4")
    claims = [year, count("c2", "b", 3, "people", "dead")]
    assert len(match_story(claims, settings)[0]) == 2
