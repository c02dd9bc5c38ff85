"""A small hand-built Report for the renderer tests: two stories, every verdict, awkward text.

Story s1 follows the November 2025 Taiwan air-defence sale as three outlets might have written it
(one a blog with no date, no outlet and hostile markup in its text); story s2 is an invented
avalanche whose toll rose between two reports. The articles are written for these tests.
"""
from __future__ import annotations

from reconcile.model import (Claim, DateValue, Group, InputError, Kind, NumberValue, QuoteValue,
                             Report, Source, Story, Verdict)

WIRE = """US approves $698.9 million missile sale to Taiwan
WASHINGTON — The State Department approved a sale of three National Advanced Surface-to-Air \
Missile Systems to Taiwan on Thursday, in a package valued at $698.9 million. \
"This proposed sale serves U.S. national, economic and security interests by supporting the \
recipient's continuing efforts to modernize its armed forces," said agency spokesperson Dana \
Whitfield. Delivery is expected by 2031."""

LEDGER = """Taiwan | arms sale
Washington has cleared nearly $700 million in air-defence equipment for Taiwan, including 3 \
NASAMS batteries. "This proposed sale serves U.S. national, economic and security interests by \
supporting the recipient's continuing efforts to modernise its air defences," the agency said. \
The island's defence budget rose 12.5% this year."""

BLOG = """Why the <script>alert(1)</script> sale matters [bold]not bold[/bold]
The deal | worth $330
million | was signed last Thursday, the blog's sources say. Three NASAMS \
systems are included.
"=SUM(B2:B9) is all the budget office ever sends us," one aide complained.
-2+3 was how officials scored the drill, with 14 ships taking part."""

AVALANCHE_EARLY = """Avalanche buries ski lodge near Ischgl
Four people died when an avalanche struck a ski lodge above Ischgl on Saturday, police said. \
More than 200 rescuers searched through the night in temperatures of -18 degrees."""

AVALANCHE_LATE = """Avalanche toll rises to six
The number of people killed by Saturday's avalanche near Ischgl rose to six on Sunday, after \
two injured skiers died in hospital. About 220 rescuers took part in the search. \
The regional government pledged €2.5 million for the lodge's reconstruction."""


def _claim(claim_id: str, source: str, body: str, sentence: str, words: str, kind: Kind,
           subject: str, value: NumberValue | DateValue | QuoteValue) -> Claim:
    """A claim whose offsets point at `words` inside `sentence` inside `body`."""
    sentence_at = body.index(sentence)
    start = sentence_at + sentence.index(words)
    assert body[start:start + len(words)] == words
    return Claim(kind=kind, text=words, start=start, end=start + len(words), sentence=sentence,
                 subject=subject, value=value, source=source, id=claim_id)


def _money(stated: float, low: float | None, high: float | None, unit: str = "USD",
           hedge: str | None = None) -> NumberValue:
    return NumberValue(stated=stated, low=low, high=high, unit=unit, hedge=hedge)


def sample_report() -> Report:
    """The fixture report used by tests/test_report_render.py and its golden file."""
    sources = (
        Source(id="wire-taiwan-sale", path="sources/wire-taiwan-sale.md", text=WIRE,
               title="US approves $698.9 million missile sale to Taiwan", outlet="Harbor Wire",
               published="2025-11-14", published_from="front matter", format="markdown"),
        Source(id="ledger-taiwan", path="sources/ledger-taiwan.md", text=LEDGER,
               title="Taiwan | arms sale", outlet="The Daily Ledger", published="2025-11-15",
               published_from="front matter", format="markdown"),
        Source(id="blog-taiwan", path="sources/blog-taiwan.html", text=BLOG,
               title="Why the <script>alert(1)</script> sale\nmatters [bold]not bold[/bold]",
               format="html"),
        Source(id="avalanche-sat", path="sources/avalanche-sat.txt", text=AVALANCHE_EARLY,
               title="Avalanche buries ski lodge near Ischgl", outlet="Alpine Post",
               published="2026-01-10"),
        Source(id="avalanche-sun", path="sources/avalanche-sun.txt", text=AVALANCHE_LATE,
               title="Avalanche toll rises to six", outlet="Alpine Post", published="2026-01-11"),
    )
    wire_value = ("WASHINGTON — The State Department approved a sale of three National Advanced "
                  "Surface-to-Air Missile Systems to Taiwan on Thursday, in a package valued at "
                  "$698.9 million.")
    wire_quote = ("\"This proposed sale serves U.S. national, economic and security interests by "
                  "supporting the recipient's continuing efforts to modernize its armed forces,\" "
                  "said agency spokesperson Dana Whitfield.")
    ledger_value = ("Washington has cleared nearly $700 million in air-defence equipment for "
                    "Taiwan, including 3 NASAMS batteries.")
    ledger_quote = ("\"This proposed sale serves U.S. national, economic and security interests by "
                    "supporting the recipient's continuing efforts to modernise its air defences,\""
                    " the agency said.")
    blog_value = ("The deal | worth $330\nmillion | was signed last Thursday, the blog's "
                  "sources say.")
    quote_wire = ("This proposed sale serves U.S. national, economic and security interests by "
                  "supporting the recipient's continuing efforts to modernize its armed forces,")
    quote_ledger = ("This proposed sale serves U.S. national, economic and security interests by "
                    "supporting the recipient's continuing efforts to modernise its air defences,")
    claims = (
        _claim("c1", "wire-taiwan-sale", WIRE, wire_value, "$698.9 million", Kind.MONEY,
               "sale package value", _money(698_900_000, 698_850_000, 698_950_000)),
        _claim("c2", "wire-taiwan-sale", WIRE, wire_value, "three", Kind.COUNT,
               "NASAMS systems", NumberValue(stated=3, low=3, high=3, unit="system")),
        _claim("c3", "wire-taiwan-sale", WIRE, wire_quote, quote_wire, Kind.QUOTE,
               "agency statement", QuoteValue(stated=quote_wire, speaker="Dana Whitfield")),
        _claim("c4", "wire-taiwan-sale", WIRE, "Delivery is expected by 2031.", "by 2031",
               Kind.DATE, "delivery",
               DateValue(stated=("2031-01-01", "2031-12-31"), granularity="year", low=None,
                         high="2031-12-31", hedge="by")),
        _claim("c5", "ledger-taiwan", LEDGER, ledger_value, "nearly $700 million", Kind.MONEY,
               "sale package value", _money(700_000_000, 665_000_000, 700_000_000,
                                            hedge="nearly")),
        _claim("c6", "ledger-taiwan", LEDGER, ledger_value, "3 NASAMS batteries", Kind.COUNT,
               "NASAMS systems", NumberValue(stated=3, low=3, high=3, unit="battery")),
        _claim("c7", "ledger-taiwan", LEDGER, ledger_quote, quote_ledger, Kind.QUOTE,
               "agency statement", QuoteValue(stated=quote_ledger, speaker=None)),
        _claim("c8", "ledger-taiwan", LEDGER, "The island's defence budget rose 12.5% this year.",
               "12.5%", Kind.PERCENT, "defence budget rise",
               NumberValue(stated=12.5, low=12.45, high=12.55, unit="%")),
        _claim("c9", "blog-taiwan", BLOG, blog_value, "$330\nmillion", Kind.MONEY,
               "sale package value", _money(330_000_000, 329_500_000, 330_500_000)),
        _claim("c10", "blog-taiwan", BLOG, blog_value, "last Thursday", Kind.DATE,
               "signing of the deal",
               DateValue(stated=None, granularity="day", low=None, high=None, relative=True)),
        _claim("c11", "blog-taiwan", BLOG,
               "\"=SUM(B2:B9) is all the budget office ever sends us,\" one aide complained.",
               "=SUM(B2:B9) is all the budget office ever sends us,", Kind.QUOTE,
               "=SUM(B2:B9) budget office",
               QuoteValue(stated="=SUM(B2:B9) is all the budget office ever sends us,")),
        _claim("c12", "blog-taiwan", BLOG,
               "-2+3 was how officials scored the drill, with 14 ships taking part.", "14 ships",
               Kind.COUNT, "-2+3 drill ships", NumberValue(stated=14, low=14, high=14,
                                                           unit="ship")),
        _claim("c13", "avalanche-sat", AVALANCHE_EARLY,
               "Four people died when an avalanche struck a ski lodge above Ischgl on Saturday, "
               "police said.", "Four people", Kind.COUNT, "people killed",
               NumberValue(stated=4, low=4, high=4, unit="people")),
        _claim("c14", "avalanche-sat", AVALANCHE_EARLY,
               "More than 200 rescuers searched through the night in temperatures of -18 degrees.",
               "More than 200 rescuers", Kind.COUNT, "rescuers",
               NumberValue(stated=200, low=200, high=None, unit="rescuer", hedge="more_than")),
        _claim("c15", "avalanche-sat", AVALANCHE_EARLY,
               "More than 200 rescuers searched through the night in temperatures of -18 degrees.",
               "-18 degrees", Kind.QUANTITY, "night temperature",
               NumberValue(stated=-18, low=-18.5, high=-17.5, unit="degree")),
        _claim("c16", "avalanche-sun", AVALANCHE_LATE,
               "The number of people killed by Saturday's avalanche near Ischgl rose to six on "
               "Sunday, after two injured skiers died in hospital.", "six", Kind.COUNT,
               "people killed", NumberValue(stated=6, low=6, high=6, unit="people")),
        _claim("c17", "avalanche-sun", AVALANCHE_LATE,
               "About 220 rescuers took part in the search.", "About 220 rescuers", Kind.COUNT,
               "rescuers", NumberValue(stated=220, low=209, high=231, unit="rescuer",
                                       hedge="approximately")),
        _claim("c18", "avalanche-sun", AVALANCHE_LATE,
               "The regional government pledged €2.5 million for the lodge's reconstruction.",
               "€2.5 million", Kind.MONEY, "reconstruction pledge",
               _money(2_500_000, 2_450_000, 2_550_000, unit="EUR")),
    )
    stories = (
        Story(id="s1", label="US approves NASAMS air-defence sale to Taiwan",
              sources=("wire-taiwan-sale", "ledger-taiwan", "blog-taiwan")),
        Story(id="s2", label="Avalanche near Ischgl", sources=("avalanche-sat", "avalanche-sun")),
    )
    money_consensus = {"stated": 698_900_000, "low": 698_850_000, "high": 698_950_000,
                       "unit": "USD", "hedge": None, "scope": None}
    groups = (
        # listed out of reading order on purpose: renderers sort conflict, update, agree, single
        Group(id="g2", story="s1", kind=Kind.COUNT, subject="NASAMS systems",
              claims=("c2", "c6"), sources=("wire-taiwan-sale", "ledger-taiwan"),
              verdict=Verdict.AGREE,
              consensus={"stated": 3, "low": 3, "high": 3, "unit": "system", "hedge": None,
                         "scope": None},
              reason="Both sources give three systems."),
        Group(id="g1", story="s1", kind=Kind.MONEY, subject="sale package value",
              claims=("c1", "c5", "c9"),
              sources=("wire-taiwan-sale", "ledger-taiwan", "blog-taiwan"),
              verdict=Verdict.CONFLICT, consensus=money_consensus, outliers=("c9",),
              reason="blog-taiwan says $330 million, outside the $665–$700 million that the "
                     "other two sources support."),
        Group(id="g10", story="s1", kind=Kind.QUOTE, subject="agency statement",
              claims=("c3", "c7"), sources=("wire-taiwan-sale", "ledger-taiwan"),
              verdict=Verdict.CONFLICT,
              consensus={"stated": quote_wire, "speaker": "Dana Whitfield"}, outliers=("c7",),
              reason="The quotes open with the same words but end differently (\"armed forces\""
                     " vs \"air defences\"): a misquote."),
        Group(id="g3", story="s1", kind=Kind.DATE, subject="delivery", claims=("c4",),
              sources=("wire-taiwan-sale",), verdict=Verdict.SINGLE,
              consensus=claims[3].value.to_dict(), reason="Only wire-taiwan-sale states this."),
        Group(id="g4", story="s1", kind=Kind.PERCENT, subject="defence budget rise",
              claims=("c8",), sources=("ledger-taiwan",), verdict=Verdict.SINGLE,
              consensus=claims[7].value.to_dict(), reason="Only ledger-taiwan states this."),
        Group(id="g5", story="s1", kind=Kind.DATE, subject="signing of the deal",
              claims=("c10",), sources=("blog-taiwan",), verdict=Verdict.SINGLE,
              consensus=None,
              reason="Only blog-taiwan states this; the relative date has no publication date."),
        Group(id="g6", story="s1", kind=Kind.QUOTE, subject="=SUM(B2:B9) budget office",
              claims=("c11",), sources=("blog-taiwan",), verdict=Verdict.SINGLE,
              consensus=claims[10].value.to_dict(), reason="Only blog-taiwan states this."),
        Group(id="g7", story="s1", kind=Kind.COUNT, subject="-2+3 drill ships",
              claims=("c12",), sources=("blog-taiwan",), verdict=Verdict.SINGLE,
              consensus=claims[11].value.to_dict(), reason="Only blog-taiwan states this."),
        Group(id="g8", story="s2", kind=Kind.COUNT, subject="people killed", claims=("c13", "c16"),
              sources=("avalanche-sat", "avalanche-sun"), verdict=Verdict.UPDATE,
              consensus=claims[15].value.to_dict(),
              reason="The toll rose from four to six in the later report (2026-01-11)."),
        Group(id="g9", story="s2", kind=Kind.COUNT, subject="rescuers", claims=("c14", "c17"),
              sources=("avalanche-sat", "avalanche-sun"), verdict=Verdict.AGREE,
              consensus={"stated": 220, "low": 209, "high": 231, "unit": "rescuer",
                         "hedge": "approximately", "scope": None},
              reason="More than 200 and about 220 overlap."),
        Group(id="g11", story="s2", kind=Kind.QUANTITY, subject="night temperature",
              claims=("c15",), sources=("avalanche-sat",), verdict=Verdict.SINGLE,
              consensus=claims[14].value.to_dict(), reason="Only avalanche-sat states this."),
        Group(id="g12", story="s2", kind=Kind.MONEY, subject="reconstruction pledge",
              claims=("c18",), sources=("avalanche-sun",), verdict=Verdict.SINGLE,
              consensus=claims[17].value.to_dict(), reason="Only avalanche-sun states this."),
    )
    errors = (
        InputError(path="sources/broken|feed.xml", error="not well-formed XML: line 3, column 14"),
        InputError(path="sources/scan.pdf", error="unsupported format <pdf>; convert it to text"),
    )
    story_of = {"wire-taiwan-sale": "s1", "ledger-taiwan": "s1", "blog-taiwan": "s1",
                "avalanche-sat": "s2", "avalanche-sun": "s2"}
    return Report(sources=sources, stories=stories, claims=claims, groups=groups,
                  errors=errors, story_of=story_of)
