"""Events of one template: results tables of different companies, a bank's daily operations.
Their words are alike; their figures tell them apart, and reports of one event still join."""
from __future__ import annotations

import math
import re
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import reconcile
from reconcile.cluster import ClusterSettings, _SeriesEvidence, cluster_sources
from reconcile.events import (Figures, Numbers, number_profiles, numbers_in, title_periods,
                              title_tickers)
from reconcile.model import Source

WORDS_ONLY = replace(ClusterSettings(), figure_penalty=0.0, series_factor=1.0, ticker_factor=1.0)
SERIES_ON = ClusterSettings()  # the series factor is on by default
COMPANIES = ["Alder Pump", "Birchwood Optics", "Cormorant Mills", "Dunlin Textile",
             "Egret Software", "Fennel Foods", "Gannet Marine", "Hawthorn Paper",
             "Ibis Medical", "Juniper Steel", "Kestrel Homes", "Larch Instruments",
             "Merlin Freight", "Nuthatch Glass", "Osprey Leasing", "Plover Chemical",
             "Quail Ridge Bancorp", "Rowan Electric", "Sorrel Brands", "Tamarack Mining",
             "Umber Cable", "Vireo Systems", "Wren Packaging", "Yarrow Retail", "Zinnia Labs"]


def _table(k: int, name: str, title: str | None = None) -> Source:
    """A quarterly results table in the wire's template; every company's figures its own."""
    ticker = "".join(word[:2] for word in name.split()).upper()
    net, prior = 1_000_000 + 37_911 * k, 700_000 + 21_383 * k
    text = (f"Shr {10 + 3 * k} cts vs {11 + 3 * k} cts\n\n"
            f"Net {net:,} vs {prior:,}\n\n"
            f"Revs {100 + k}.{k % 10} mln vs {200 + k}.{(k + 3) % 10} mln\n\n"
            f"Note: {name} results exclude a gain of {1 + k / 10:.2f} mln dlrs from a sale.")
    return Source(f"t{k:02d}", f"t{k:02d}.md", text,
                  title=title or f"{name.upper()} INC <{ticker}> 4TH QTR NET",
                  published="1987-03-30")


SERIES = [_table(k, name) for k, name in enumerate(COMPANIES)]


def _stories(sources, settings=SERIES_ON):
    claims = {s.id: reconcile.extract(s.text, published=s.published) for s in sources}
    found = cluster_sources(sources, claims, settings)
    return [sorted(story.sources) for story in found if len(story.sources) > 1]


def test_results_of_different_companies_are_not_one_story():
    assert _stories(SERIES) == []
    # the figures tell them apart without the titles' tickers too
    assert _stories(SERIES, replace(SERIES_ON, ticker_factor=1.0)) == []
    # the words alone glue the template together
    assert _stories(SERIES, WORDS_ONLY) != []


def test_a_second_report_of_one_companys_results_still_joins():
    again = _table(4, COMPANIES[4], title="EGRET SOFTWARE <EGSO> POSTS HIGHER 4TH QTR NET")
    again = replace(again, id="t04-again", path="t04-again.md")
    assert _stories([*SERIES, again]) == [["t04", "t04-again"]]


def test_figures_disagree_when_several_differ_within_blocks_both_state_and_none_agree():
    killed, usd = ("count", "killed"), ("money", "USD")
    first = Figures({usd: ((10.0, 10.0), (20.0, 20.0), (30.0, 30.0))})
    second = Figures({usd: ((11.0, 11.0), (21.0, 21.0)), killed: ((3.0, 3.0),)})
    assert first.disagree(second, 2) and second.disagree(first, 2)
    assert not first.disagree(second, 3)  # the fewer figures count: second states only two
    one_alike = Figures({usd: ((11.0, 11.0), (21.0, 21.0), (30.0, 30.0))})
    assert not first.disagree(one_alike, 1)  # a figure in common: maybe one event
    other_block = Figures({killed: ((9.0, 9.0), (4.0, 4.0))})
    assert not first.disagree(other_block, 1)  # nothing comparable: no evidence


def test_an_open_figure_agrees_with_any_beyond_its_bound():
    at_least = Figures({("count", "people"): ((5.0, math.inf),)})
    assert not at_least.disagree(Figures({("count", "people"): ((8.0, 8.0),)}), 1)
    assert at_least.disagree(Figures({("count", "people"): ((4.0, 4.0),)}), 1)


def test_numbers_drop_thousands_separators_and_need_three_to_differ():
    source = Source("a", "a.md", "Net 1,543,000 vs 13.5 pct, 10-7/8 pct.", title="Q 437 MLN")
    assert numbers_in(source) == {"437", "1543000", "13.5", "10-7/8"}
    few = Numbers({"437": 1.0})
    many = Numbers({"1": 0.6, "2": 0.6, "3": math.sqrt(1 - 0.72)})
    assert not few.differ(many) and not many.differ(few)
    other = Numbers({"4": 0.6, "5": 0.6, "6": math.sqrt(1 - 0.72)})
    assert many.differ(other) and not many.differ(many)


def test_numbers_many_articles_write_weigh_less():
    sources = [Source(f"s{k}", f"s{k}.md", f"In 1987 it sold {100 + k} units.") for k in range(5)]
    profiles = number_profiles(sources)
    assert profiles[0].weights["1987"] < profiles[0].weights["100"]
    assert math.isclose(sum(w * w for w in profiles[0].weights.values()), 1.0)


def test_the_figure_penalty_needs_several_disagreements_and_no_agreement():
    def bank(sid, help_, total, forecast, also=""):
        text = (f"The Bank of England said it provided the money market with {help_} mln stg "
                f"assistance. This brings its total help today to {total} mln stg and compares "
                f"with its forecast shortage of {forecast} mln stg.{also}")
        return Source(sid, f"{sid}.md", text, title="U.K. MONEY MARKET GIVEN HELP")

    sources = [bank("a", 437, 461, 450), bank("b", 265, 290, 750), bank("c", 265, 290, 700)]
    claims = {s.id: reconcile.extract(s.text) for s in sources}
    settings = replace(ClusterSettings(), series_factor=1.0)
    evidence = _SeriesEvidence(sources, claims, settings)
    assert evidence.weigh(0, 1, 0.6)[0] == 0.6 - settings.figure_penalty  # three apart, none alike
    assert evidence.weigh(1, 2, 0.6)[0] == 0.6  # two figures agree: one day's operations


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789,.-/ a\n", max_size=40))
def test_numbers_in_reads_numbers_as_the_plain_look_behind_patterns_do(text):
    # events' patterns look behind only after their first character, for speed; these are
    # the plain forms they must agree with
    number = re.compile(r"(?<![\w.])\d+(?:[.,/-]\d+)*")
    thousands = re.compile(r"(?<=\d),(?=\d\d\d(?!\d))")
    expected = frozenset(number.findall(thousands.sub("", f"\n{text}")))
    assert numbers_in(Source("s", "s.md", text)) == expected


def test_the_shipped_rules_turn_the_series_factor_on():
    from reconcile.pipeline import _cluster_settings
    from reconcile.rules import load_rules

    shipped = _cluster_settings(load_rules(None))
    # the defaults are the shipped thresholds; the countries are rule data only
    assert replace(shipped, countries=()) == ClusterSettings() and shipped.series_factor < 1.0
    assert "japan/japanese" in shipped.countries


@pytest.mark.parametrize(("title", "periods"), [
    ("U.S. HOUSING STARTS FELL 2.7 PCT IN MAY", {("month", 5)}),
    ("FED MAY CUT RATES", set()),  # the verb
    ("TECH DATA <TECD> 4TH QTR ENDS JAN 31 NET", {("month", 1), ("quarter", 4)}),
    ("Sales rose in the first quarter", {("quarter", 1)}),
    ("SALES FELL LAST QUARTER", set()),  # the one before publication, whichever it was
    ("March 10 shooting on 1st Street", {("month", 3)}),
    ("MARCH ON WASHINGTON", set()),
    # a full month's name before the noun it dates
    ("ACME STORES <ACS> FEBRUARY SALES RISE", {("month", 2)}),
    ("ACME AIR <ACA> MARCH LOAD FACTOR FALLS", {("month", 3)}),
    ("Thousands march to the sea", set()),  # a verb before a preposition
    ("MAY SALES RISE", set()),  # "may" stays a verb unless a dating word or a day says not
    ("JAN SALES RISE", set()),  # an abbreviation needs a dating word or a day
    (None, set())])
def test_title_periods_are_months_and_quarters_titles_date(title, periods):
    assert title_periods(title) == periods


def _housing(sid: str, title: str, month: str) -> Source:
    text = (f"U.S. housing starts fell in {month} to a seasonally adjusted annual rate of "
            f"1,769,000 units, the Commerce Department said.")
    return Source(sid, f"{sid}.md", text, title=title, published="1987-06-16")


def _title_evidence(*titles: str, **settings: float) -> _SeriesEvidence:
    """The series evidence over articles alike but for their titles."""
    sources = [_housing(f"t{k}", title, "May") for k, title in enumerate(titles)]
    return _SeriesEvidence(sources, {s.id: [] for s in sources}, replace(SERIES_ON, **settings))


def test_titles_of_two_months_or_quarters_keep_the_period_factor():
    titles = ("U.S. HOUSING STARTS FELL 2.7 PCT IN MAY",
              "U.S. HOUSING STARTS FELL 2.7 PCT IN FEBRUARY",
              "HOUSING STARTS DOWN IN MAY, PERMITS LOWER", "HOUSING STARTS DOWN, PERMITS LOWER",
              "ACME CORP <ACM> 1ST QTR NET", "ACME CORP <ACM> 4TH QTR MAY 31 NET")
    evidence = _title_evidence(*titles)
    factor = SERIES_ON.period_factor
    assert evidence.weigh(0, 1, 0.6)[0] == 0.6 * factor  # May against February
    assert evidence.weigh(0, 2, 0.6)[0] == 0.6           # both May
    assert evidence.weigh(1, 3, 0.6)[0] == 0.6           # a title that names no period
    assert evidence.weigh(4, 5, 0.6)[0] == 0.6 * factor  # first quarter against fourth
    assert _title_evidence(*titles, period_factor=1.0).weigh(0, 1, 0.6)[0] == 0.6


@pytest.mark.parametrize(("title", "tickers"), [
    # the name before a ticker is the company's too
    ("LORAL CORP <LOR> 2ND QTR SEPT 30", {"LOR", "LORAL"}),
    ("FIDELITY FEDERAL SAVINGS <FFED.O> 3RD QTR", {"FFED", "FIDELITY FEDERAL SAVINGS"}),
    ("<ACME> TO BUY <WIDG.N> FOR 40 DLRS A SHARE", {"ACME", "WIDG", "<ACME> TO BUY"}),
    ("Acme (NYSE: ACM) beats forecasts", {"ACM", "Acme"}),
    ("(NYSE: ACM) beats forecasts", {"ACM"}),
    # an unlisted company's name marked in a ticker's place, without "CORP", "INC", "LTD"
    ("<DOUGLAS COMPUTER INTERNATIONAL> YEAR NET", {"DOUGLAS COMPUTER INTERNATIONAL"}),
    ("<TOTAL RESEARCH CORP> FISCAL 1987 NET", {"TOTAL RESEARCH"}),
    ("Shooting at <unknown> address", set()),
    (None, set())])
def test_title_tickers_read_wire_and_exchange_forms(title, tickers):
    assert title_tickers(title) == tickers


def test_titles_of_two_companies_keep_the_ticker_factor():
    titles = ("ACME CORP <ACM> 1ST QTR NET", "WIDGET INC <WIDG.O> 1ST QTR NET",
              "<WIDG> AGREES TO <ACM> OFFER", "ACME CORP 1ST QTR NET",
              "ACME CORP PREFERRED <ACMP> CONVERTED", "CHRYSLER <C> 1ST QTR NET",
              "CHEMICAL <CHL> 1ST QTR NET")
    evidence = _title_evidence(*titles)
    factor = SERIES_ON.ticker_factor
    assert evidence.weigh(0, 1, 0.6)[0] == 0.6 * factor  # two companies
    assert evidence.weigh(0, 2, 0.6)[0] == 0.6           # a ticker in common
    assert evidence.weigh(1, 3, 0.6)[0] == 0.6           # a title that names no ticker
    assert evidence.weigh(0, 4, 0.6)[0] == 0.6           # a class of the company's shares
    assert evidence.weigh(5, 6, 0.6)[0] == 0.6 * factor  # not a class: "C" is too short
    assert _title_evidence(*titles, ticker_factor=1.0).weigh(0, 1, 0.6)[0] == 0.6
    # the titles tell the two companies apart (a follow-up may then join neither's story)
    assert evidence.weigh(0, 1, 0.6)[1] and not evidence.weigh(0, 2, 0.6)[1]


COUNTRIES = ("Japan/Japanese", "Taiwan/Taiwanese", "United States/U.S.", "Mexico/Mexican",
             "South Korea/S. Korea/S. Korean", "New Zealand/N.Z.", "Britain/British/U.K.")


@pytest.mark.parametrize(("title", "countries"), [
    ("JAPAN BUYS U.S. MAIZE", {"japan", "united states"}),
    ("Japanese exports rise", {"japan"}),  # the adjective is the country
    ("S. KOREAN FEBRUARY CURRENT ACCOUNT SURPLUS NARROWS", {"south korea"}),
    ("N.Z. CURRENT ACCOUNT DEFICIT NARROWS", {"new zealand"}),
    ("New Mexico man shot", set()),  # a longer name
    ("U.S.A. TODAY REPORTS", set()),  # "U.S." inside a longer abbreviation
    ("Britain's jobless rate falls", {"britain"}),
    ("Shooting on Main Street", set()),
    (None, set())])
def test_title_countries_read_names_and_adjectives(title, countries):
    from reconcile.events import country_pattern, title_countries

    assert title_countries(title, country_pattern(COUNTRIES)) == countries


def test_titles_of_two_countries_keep_the_country_factor_unless_a_rare_word_is_shared():
    from reconcile.cluster import LeadProfiles
    from reconcile.events import country_pattern, title_countries

    titles = ("JAPAN BUYS U.S. MAIZE", "TAIWAN BUYS U.S. MAIZE", "JAPAN GDP RISES",
              "U.S. PRESSES JAPAN ON GDP", "MAIZE EXPORTS RISE", "TAIWAN BUYS U.S. MAIZE")
    sources = [_housing(f"t{k}", title, "May") for k, title in enumerate(titles)]
    pattern = country_pattern(COUNTRIES)
    rare = [frozenset({"tender"}), frozenset({"cargo"}), frozenset(), frozenset(), frozenset(),
            frozenset({"tender"})]
    profiles = LeadProfiles([frozenset()] * len(titles), rare_words=rare,
                            countries=[title_countries(t, pattern) for t in titles])
    settings = replace(SERIES_ON, countries=COUNTRIES)
    evidence = _SeriesEvidence(sources, {s.id: [] for s in sources}, settings, profiles)
    factor = settings.country_factor
    assert evidence.weigh(0, 1, 0.6)[0] == 0.6 * factor  # two buyers
    assert evidence.weigh(2, 3, 0.6)[0] == 0.6           # one title names one country more
    assert evidence.weigh(0, 4, 0.6)[0] == 0.6           # a title that names no country
    assert evidence.weigh(0, 5, 0.6)[0] == 0.6           # a rarely used word in common: one event
    off = _SeriesEvidence(sources, {s.id: [] for s in sources},
                          replace(settings, country_factor=1.0), profiles)
    assert off.weigh(0, 1, 0.6)[0] == 0.6


@pytest.mark.parametrize(("title", "figures"), [
    ("U.K. MONEY MARKET DEFICIT FORECAST AT 700 MLN STG", {700.0}),
    ("JAPAN MARCH MONEY SUPPLY RISES 9.0 PCT", {9.0}),
    ("TAIWAN BUYS 340,000 TONNES OF U.S. MAIZE", {340000.0}),
    ("Robbers steal $1.2 billion in gems", {1.2}),
    ("Unemployment falls to 7%", {7.0}),
    ("2 killed, 4 injured in shooting", set()),  # counts a later report may raise
    ("6.1 magnitude quake strikes island", set()),
    (None, set())])
def test_title_figures_are_amounts_with_a_unit_of_money_share_or_goods(title, figures):
    from reconcile.events import title_figures

    assert title_figures(title) == figures


def test_titles_of_two_headline_figures_keep_the_title_figure_factor():
    from reconcile.cluster import LeadProfiles
    from reconcile.events import title_figures

    titles = ("BANK OF JAPAN TO SELL 800 BILLION YEN IN BILLS",
              "BANK OF JAPAN TO SELL 600 BILLION YEN IN BILLS",
              "BANK OF JAPAN SAYS IT WILL SELL 800 BILLION YEN", "BANK OF JAPAN TO SELL BILLS",
              "Robbers take $137 million in gems", "Gems worth 85 million euros stolen")
    sources = [_housing(f"t{k}", title, "May") for k, title in enumerate(titles)]
    rare = [frozenset()] * 4 + [frozenset({"diamonds"})] * 2
    profiles = LeadProfiles([frozenset()] * len(titles), rare_words=rare,
                            title_figures=[title_figures(t) for t in titles])
    evidence = _SeriesEvidence(sources, {s.id: [] for s in sources}, SERIES_ON, profiles)
    factor = SERIES_ON.title_figure_factor
    assert evidence.weigh(0, 1, 0.6)[0] == 0.6 * factor  # two days' operations
    assert evidence.weigh(0, 2, 0.6)[0] == 0.6           # one figure in common
    assert evidence.weigh(0, 3, 0.6)[0] == 0.6           # a title with no figure
    assert evidence.weigh(4, 5, 0.6)[0] == 0.6           # one theft in two currencies: a rare
    off = _SeriesEvidence(sources, {s.id: [] for s in sources},  # word in common
                          replace(SERIES_ON, title_figure_factor=1.0), profiles)
    assert off.weigh(0, 1, 0.6)[0] == 0.6


def test_titles_of_two_unlisted_companies_keep_the_ticker_factor():
    """'<DOUGLAS COMPUTER INC> YEAR NET' and '<TOTAL RESEARCH CORP> YEAR NET' are two
    companies' results; a company marked by name in one title and by ticker in another
    ('ROYAL GOLD CORP <RGS.TO>') is one."""
    titles = ("<DOUGLAS COMPUTER INC> YEAR NET", "<TOTAL RESEARCH CORP> YEAR NET",
              "ROYAL GOLD CORP <RGS.TO> SIX MTHS NET", "<ROYAL GOLD CORP> 1ST QTR NET")
    evidence = _title_evidence(*titles)
    factor = SERIES_ON.ticker_factor
    assert evidence.weigh(0, 1, 0.6)[0] == 0.6 * factor
    assert evidence.weigh(2, 3, 0.6)[0] == 0.6
    assert evidence.weigh(0, 3, 0.6)[0] == 0.6 * factor


def _monthly(sid: str, month: str, rate: str, change: str, published: str) -> Source:
    title = f"U.S. HOUSING STARTS ROSE {change} PCT IN {month.upper()}"
    text = (f"U.S. housing starts rose {change} pct in {month} to a seasonally adjusted annual "
            f"rate of {rate} units, the Commerce Department said.\n\n"
            "Permits for future construction were little changed, and starts of single-family "
            "homes were steady in the Northeast and the Midwest, the department said.")
    return Source(sid, f"{sid}.md", text, title=title, published=published)


def test_one_series_reports_of_two_months_are_two_stories():
    may = _monthly("may", "May", "1,769,000", "2.7", "1987-06-16")
    june = _monthly("june", "June", "1,805,000", "2.0", "1987-07-16")
    may_again = _monthly("may-again", "May", "1,769,000", "2.7", "1987-06-17")
    assert _stories([may, june, may_again]) == [["may", "may-again"]]
    # the words alone, and the titles' months at half weight, glue the months together
    assert _stories([may, june], replace(SERIES_ON, period_factor=0.5)) == [["june", "may"]]


@pytest.mark.parametrize(("lead", "weeks"), [
    ("Arrivals for the week ended February 22 were 155,221 bags.", {("week", 222)}),
    ("Banks held 59 billion in the two weeks ending Friday, March 4.", {("week", 304)}),
    ("Stocks fell in the week, the group said.", set()),
])
def test_week_periods_are_the_weeks_a_report_ends(lead, weeks):
    from reconcile.events import week_periods

    assert week_periods(lead) == weeks


def _weekly(sid: str, ended: str, stocks: str, published: str) -> Source:
    text = (f"Distillate fuel stocks held in primary storage fell by 4.4 mln barrels in the week "
            f"ended {ended} to {stocks} mln barrels, the trade group said in its weekly "
            "bulletin.\n\nRefinery runs in the week were little changed, it said.")
    return Source(sid, f"{sid}.md", text, title="DISTILLATE STOCKS OFF IN WEEK",
                  published=published)


def test_one_weekly_series_reports_of_two_weeks_are_two_stories():
    first = _weekly("w1", "March 13", "139.2", "1987-03-17")
    second = _weekly("w2", "March 20", "134.8", "1987-03-24")
    again = _weekly("w1-again", "March 13", "139.2", "1987-03-17")
    assert _stories([first, second, again]) == [["w1", "w1-again"]]
    # without the weeks, the words glue the two weeks together
    assert _stories([first, second], replace(SERIES_ON, period_factor=1.0)) == [["w1", "w2"]]


def _results(sid: str, title: str, lead: str) -> Source:
    return Source(sid, f"{sid}.md", lead + " Its load factor rose in March from a year earlier.",
                  title=title, published="1987-04-03")


def test_two_companies_that_share_no_rare_word_keep_the_square_of_the_ticker_factor():
    """Two airlines' reports of one template name only themselves; the two sides of a
    takeover name each other, so one of a mistyped or other side's ticker keeps the factor."""
    sources = [_results("usair", "USAIR GROUP <U> MARCH LOAD FACTOR RISES", "USAir Group said."),
               _results("comair", "COMAIR <COMR> MARCH LOAD FACTOR FALLS", "Comair said."),
               _results("bid", "WIDGET <WIDG> BIDS FOR ACME", "Widget bids for Acme."),
               _results("reply", "ACME <ACM> REJECTS WIDGET BID", "Acme rejects Widget."),
               _results("other", "TWA <TWA> MARCH TRAFFIC UP", "TWA said.")]
    # words in more than two openings ("said", "load", "factor") are the template's own
    evidence = _SeriesEvidence(sources, {s.id: [] for s in sources},
                               replace(SERIES_ON, rare_word_max_sources=2))
    factor = SERIES_ON.ticker_factor
    assert evidence.weigh(0, 1, 0.6)[0] == pytest.approx(0.6 * factor ** 2)
    assert evidence.weigh(2, 3, 0.6)[0] == pytest.approx(0.6 * factor)  # "widget", "acme"
    assert evidence.weigh(0, 4, 0.6)[0] == pytest.approx(0.6 * factor ** 2)
