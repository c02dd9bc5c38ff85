"""Scope of a figure: roundups of several shootings and period totals are not one event's toll."""
from __future__ import annotations

import pytest

import reconcile
from reconcile.errors import RulesError
from reconcile.rules import load_rules


def scopes(text):
    return [(c.text, c.value.scope) for c in reconcile.extract(text) if c.kind == "count"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Four people were killed and 16 others wounded in shootings across Chicago on Wednesday.",
     [("Four people", "in separate incidents"), ("16 others", "in separate incidents")]),
    ("At least eight people were killed in Chicago shootings throughout the day.",
     [("At least eight people", "in separate incidents")]),
    ("Two people were killed in weekend shootings on the South Side.",
     [("Two people", "in separate incidents")]),
    ("Three men were wounded in two unrelated shootings overnight.",
     [("Three men", "in separate incidents"), ("two unrelated shootings", "in separate incidents")]),
    ("Five people were injured in two apparently random roadway shootings.",
     [("Five people", "in separate incidents"),
      ("two apparently random roadway shootings", "in separate incidents")]),
    # other shootings than the article's: its own toll keeps no scope
    ("A man charged in the slayings of three people has been accused in two other gang-related "
     "shootings.", [("three people", None), ("two other gang-related shootings", None)]),
    ("Twenty-three other people were wounded in shootings.",
     [("Twenty-three other people", "in separate incidents")]),
    ("Police are investigating a series of shootings that left five people injured.",
     [("five people", "in separate incidents")]),
    ("In a separate shooting, two men were wounded on Elm Street.",
     [("two men", "in another incident")]),
    ("Last summer, one man was killed and eight people were injured at the same lot.",
     [("one man", "in another incident"), ("eight people", "in another incident")]),
    ("About 20 minutes earlier, two men were shot in a drive-by.",
     [("two men", "in another incident")]),
    ("In another shooting Sunday, two men were wounded on Elm Street.",
     [("two men", "in another incident")]),
    ("The town was the scene of another shooting incident in October, when one person was "
     "killed.", [("one person", "in another incident")]),
    # a line break ends the clause: a heading above is not the figure's
    ("Woman killed; man wounded in a separate shooting\n\nTwo men were charged on Friday.",
     [("Two men", None)]),
    ("There were 81 homicides in the city during 2015.", [("81 homicides", "over a period")]),
    ("Police have counted 40 shooting deaths so far in 2016.",
     [("40 shooting deaths", "over a period")]),
    ("The death toll rose to three, not counting the gunman.",
     [("three", "not including the attacker")]),
    # an aside about a noun before the figure is not its clause
    ("The mall, which opened in 1998, employs 1,200 people.", [("1,200 people", None)]),
    ("The gunman, who had killed a man in 2013, shot two people.",
     [("a man", "over a period"), ("two people", None)]),
    # one shooting, one toll: no scope
    ("Two people were killed in a shooting at a party on Sunday.", [("Two people", None)]),
    ("Two people were killed and another shooting victim was wounded.", [("Two people", None)]),
    ("Three people were shot in the 2300 block of Elm Street.", [("Three people", None)]),
], ids=lambda v: v if isinstance(v, str) else "")
def test_roundups_and_period_totals_carry_their_scope(text, expected):
    assert scopes(text) == expected


@pytest.mark.parametrize(("text", "published", "period"), [
    ("There were 81 homicides in the city during 2015.", "2016-01-05", "2015"),
    ("Police have counted 40 shooting deaths so far this year.", "2015-06-01", "2015"),
    ("Police have counted 40 shooting deaths so far in 2016.", None, "2016"),
    ("The city had 70 homicides last year.", "2016-03-01", "2015"),
    ("The city had 70 homicides a year earlier.", "2016-03-01", None),  # no period scope
    ("Police have counted 12 homicides since 2013.", None, "since 2013"),
    ("Two teenagers were killed in two days.", None, "two days"),
    ("Five people were killed within a three-hour period.", None, "three hour"),
    ("Eight children have been shot over the last 17 months.", None, "the past 17 months"),
    # a relative year with no publication date may be any year
    ("The city had 70 homicides last year.", None, None),
    # two years in the clause: which one is the figure's is not said
    ("Homicides fell to 60 in 2016 from 70 in 2015.", "2017-01-10", None),
    ("The city had 70 homicides last year, against 64 in 2014.", "2016-03-01", None),
], ids=lambda v: v if isinstance(v, str) else "")
def test_a_period_total_keeps_its_span(text, published, period):
    counts = [c for c in reconcile.extract(text, published=published) if c.kind == "count"]
    assert counts[0].value.period == period


@pytest.mark.parametrize(("text", "expected"), [
    # "including the shooter" qualifies the figure before it, not the next one
    ("Four people were dead, including the shooter, and 14 others were wounded.",
     [("Four people", "including the attacker"), ("14 others", None)]),
    ("Six people were killed, including the suspect, and four people were injured.",
     [("Six people", "including the attacker"), ("four people", None)]),
    ("The gunman killed four people, including himself, at the plant.",
     [("four people", "including the attacker")]),
    # a roundup's phrase before a figure still scopes it
    ("In shootings across the city, five were killed and 12 wounded.",
     [("five", "in separate incidents"), ("12", "in separate incidents")]),
    ("Seven men were wounded on the South and West sides Monday.",
     [("Seven men", "in separate incidents")]),
    ("Seven men were wounded on the South Side Monday.", [("Seven men", None)]),
    ("In addition to the gunman, five people died.",
     [("five people", "not including the attacker")]),
    ("Seven people were killed and 40 wounded in 33 separate shooting incidents since Friday.",
     [("Seven people", "in separate incidents"), ("40", "in separate incidents"),
      ("33 separate shooting incidents", "in separate incidents")]),
], ids=lambda v: v if isinstance(v, str) else "")
def test_an_aside_scopes_only_the_figure_before_it(text, expected):
    assert scopes(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Police initially said one person died, but later said the victim was in critical condition.",
     [("one person", "in early reports"), ("the victim", None)]),
    ("In initial reports, police said two people had been killed, but two more people have since "
     "died.", [("two people", "in early reports"), ("two more people", None)]),
    ("Though they initially said the son was 19, they now say he was 23-year-old Owen Tracy.",
     [("19", "in early reports"), ("23-year-old", None)]),
    ("Police originally reported the boy was 11 years old.",
     [("11 years old", "in early reports")]),
    # the early report is of what happened, not of the figure before it
    ("Four people were wounded in what was initially reported as a drive-by shooting.",
     [("Four people", None)]),
], ids=lambda v: v if isinstance(v, str) else "")
def test_an_early_report_scopes_only_the_figures_after_it(text, expected):
    assert [(c.text, c.value.scope) for c in reconcile.extract(text)
            if c.kind in ("count", "quantity")] == expected


def test_only_scopes_marked_this_incident_count_the_articles_own_incident():
    rules = load_rules()
    assert rules.own_incident_scopes == {"including the attacker", "not including the attacker"}
    assert rules.scopes_after_figure == {"including the attacker", "as first reported"}
    assert rules.scopes_before_figure == {"in early reports"}
    assert rules.period_scopes == {"over a period"}


@pytest.mark.parametrize(("entry", "problem"), [
    ("this_incident: yes please", "scope.yaml: scopes[0].this_incident: expected true or false, "
                                  "got 'yes please'"),
    ("after_figure: 1", "scope.yaml: scopes[0].after_figure: expected true or false, got 1"),
    ("before_figure: 2", "scope.yaml: scopes[0].before_figure: expected true or false, "
                          "got 2"),
    ("incident: true", "scope.yaml: scopes[0].incident: expected one of after_figure, "
                       "before_figure, label, period, phrases, this_incident, got 'incident'"),
    ("period: maybe", "scope.yaml: scopes[0].period: expected true or false, got 'maybe'"),
])
def test_scope_flags_are_checked(tmp_path, entry, problem):
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "scope.yaml").write_text(
        f"scopes:\n  - label: roundup\n    phrases: ['across the city']\n    {entry}\n",
        encoding="utf-8")
    with pytest.raises(RulesError) as caught:
        load_rules(str(folder))
    assert problem in caught.value.problems
