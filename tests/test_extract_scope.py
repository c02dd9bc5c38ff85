"""Scope of a figure: roundups of several shootings and period totals are not one event's toll."""
from __future__ import annotations

import pytest

import reconcile


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
    ("There were 81 homicides in the city during 2015.", [("81 homicides", "over a period")]),
    ("Police have counted 40 shooting deaths so far in 2016.",
     [("40 shooting deaths", "over a period")]),
    # one shooting, one toll: no scope
    ("Two people were killed in a shooting at a party on Sunday.", [("Two people", None)]),
    ("Three people were shot in the 2300 block of Elm Street.", [("Three people", None)]),
], ids=lambda v: v if isinstance(v, str) else "")
def test_roundups_and_period_totals_carry_their_scope(text, expected):
    assert scopes(text) == expected
