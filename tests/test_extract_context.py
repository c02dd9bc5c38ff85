"""Sentences over a body: hard-wrapped paragraphs are read whole, blocks and headlines apart."""
from __future__ import annotations

import pytest

import reconcile
from reconcile.extract.context import Context, split_sentences
from reconcile.rules import load_rules

WRAPPED = """Councillors voted 7-2 on Monday for a $15 million repair of the Elm Street bridge, which will
be closed to traffic for about 14 months. "The bridge cannot wait another winter," Mayor Dana
Ruiz said after the vote.
"""


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param(WRAPPED, [
        "Councillors voted 7-2 on Monday for a $15 million repair of the Elm Street bridge, "
        "which will\nbe closed to traffic for about 14 months.",
        "\"The bridge cannot wait another winter,\" Mayor Dana\nRuiz said after the vote."],
        id="wrapped-paragraph"),
    pytest.param("Ferry fares rise\n\nFares on the island ferry will rise by 4% from May.",
                 ["Ferry fares rise", "Fares on the island ferry will rise by 4% from May."],
                 id="blank-line"),
    pytest.param("Storm hits the coast\nBy Jane Doe\nThe storm brought down trees and power lines "
                 "across the county on\nSunday night, officials said.",
                 ["Storm hits the coast", "By Jane Doe",
                  "The storm brought down trees and power lines across the county on\n"
                  "Sunday night, officials said."], id="headline-and-byline"),
    pytest.param("The council listed its reasons:\n- 12,000 homes lost power\n- 68 mph gusts",
                 ["The council listed its reasons:", "- 12,000 homes lost power", "- 68 mph gusts"],
                 id="list-items"),
    pytest.param("## What happens next\nThe board meets again\non Thursday to vote.",
                 ["## What happens next", "The board meets again\non Thursday to vote."],
                 id="heading"),
    pytest.param("The plant closed early.\nworkers were sent home at noon.",
                 ["The plant closed early.", "workers were sent home at noon."],
                 id="line-ends-with-period"),
    pytest.param("The order came from officials in the U.S.\nand was signed on Friday.",
                 ["The order came from officials in the U.S.\nand was signed on Friday."],
                 id="abbreviation-at-line-end"),
    pytest.param("Photo: Ana Ruiz for the Harbor Ledger\nUpdated: 21 November 2025 at 9:40 GMT",
                 ["Photo: Ana Ruiz for the Harbor Ledger", "Updated: 21 November 2025 at 9:40 GMT"],
                 id="field-lines"),
    pytest.param("Photo: Ana Ruiz\nThe ferry left the harbour at 9 a.m. on Sunday with about 40 "
                 "passengers on board,\nthe operator said.",
                 ["Photo: Ana Ruiz", "The ferry left the harbour at 9 a.m. on Sunday with about 40 "
                  "passengers on board,\nthe operator said."], id="short-label-line"),
    pytest.param("First part\n---\nSecond part", ["First part", "---", "Second part"],
                 id="rule"),
    # a tokenised text's decimal point ends no sentence; a period before digits still may
    pytest.param("The 6. 1-magnitude quake struck at dawn. 12 people were hurt.",
                 ["The 6. 1-magnitude quake struck at dawn.", "12 people were hurt."],
                 id="tokenised-decimal"),
    pytest.param("Fares rose 13. 6 percent, to $1. 29. 3 lines were cut on July 3. 7-year-old Al saw.",
                 ["Fares rose 13. 6 percent, to $1. 29.", "3 lines were cut on July 3.",
                  "7-year-old Al saw."], id="tokenised-decimal-percent-and-price"),
    pytest.param("It runs at 2. 7GHz and weighs 1. 5 kg. 4 colours are sold.",
                 ["It runs at 2. 7GHz and weighs 1. 5 kg.", "4 colours are sold."],
                 id="tokenised-decimal-before-units"),
])
def test_split_sentences_reads_wrapped_lines_as_one_sentence(text, expected):
    assert sentences(text) == expected


def test_a_speaker_named_over_a_wrapped_line_is_read_whole():
    quotes = [c for c in reconcile.extract(WRAPPED, published="2025-03-05") if c.kind == "quote"]
    assert [(q.text, q.value.speaker) for q in quotes] == [
        ("The bridge cannot wait another winter", "Dana Ruiz")]


def test_claims_quote_the_body_as_written_across_a_wrapped_line():
    text = "The council approved a repair costing $15\nmillion on Monday, the mayor said in a long\nstatement."
    money = [c for c in reconcile.extract(text) if c.kind == "money"]
    assert [(c.text, c.value.stated) for c in money] == [("$15\nmillion", 15_000_000)]
    assert money[0].sentence == text
    assert text[money[0].start:money[0].end] == money[0].text


def test_context_reads_the_unwrapped_text_with_the_same_offsets():
    ctx = Context.build(WRAPPED, None, load_rules())
    assert len(ctx.text) == len(WRAPPED)
    assert "Mayor Dana Ruiz said" in ctx.text
    assert ctx.quote(0, len(WRAPPED)) == WRAPPED
