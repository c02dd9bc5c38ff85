"""Properties every extractor and every ingester keeps, whatever text or bytes it is given.

- never raises on any string (a reader may refuse an input, but only with IngestError);
- every claim's offsets lie inside the body and `body[start:end] == text`, and its sentence is
  a piece of the body;
- intervals are ordered (`low <= high`, a stated range's ends in order), and nothing in a claim
  is NaN or infinite, so every report is valid JSON;
- the same input always gives the same output.

The checks are plain functions over a strategy, so tests/bench/test_properties_many.py runs the
same ones with thousands of examples (`python -m pytest tests/bench/test_properties_many.py`).
"""
from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reconcile.errors import IngestError
from reconcile.extract import extract_claims
from reconcile.extract.context import Context
from reconcile.ingest import FORMATS
from reconcile.ingest._base import Input, decode, normalise_newlines
from reconcile.model import DateValue, NumberValue, QuoteValue
from reconcile.rules import load_rules

RULES = load_rules()
# Enough to find the usual breakage in a few seconds; the bench file runs thousands.
SUITE_EXAMPLES = 120

# Pieces of news text that wake every extractor: numbers in digits and words, currency, scale
# and hedge words, units, months, relative dates, quote marks and speech verbs, and the odd
# characters real pages carry (no-break spaces, dashes, fractions, emoji, RTL marks).
_PIECES = [
    "$", "€", "£", "US$", "NT$", "Rs.", "%", "per cent", "percent", "pp", "1", "3", "12", "0",
    "700", "1,000", "2.5", "698.9", "1.2", "½", "¾", "3/4", "1e9", "10,00,000", "007",
    "99999999999999999999", "million", "bn", "m", "k", "billion", "dozen", "hundred", "two",
    "twenty-one", "a third", "about", "nearly", "more than", "at least", "up to", "under",
    "or more", "between", "and", "to", "-", "–", "—", "km", "miles", "tonnes", "kg", "°C",
    "people", "launchers", "killed", "injured", "January", "Feb.", "March 3", "2025", "2025-02-30",
    "late November", "last Thursday", "earlier this month", "in the 1990s", "Q3", "FY26", "by",
    "since", "ago", "said", "says", "told reporters", "according to", "he", "she", "Greene",
    "Mr.", "Dr. Ann Lee", "U.S.", "“", "”", "‘", "’", "\"", "'", "«", "»", ":", ";", ",", ".",
    "!", "?", "(", ")", "\n", "\n\n", " ", "\t", "\u00a0", "\u200f", "\ufeff", "🙂", "Also Read:",
    "Advertisement", "<script>", "&amp;", "---", "+++", "{", "}", "[", "]",
]
NEWSY = st.lists(st.sampled_from(_PIECES), max_size=40).map(" ".join)
TEXT = st.one_of(st.text(max_size=300), NEWSY,
                 st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=8)),
                          max_size=30).map("".join))
PUBLISHED = st.one_of(st.none(), st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)),
                      st.sampled_from(["2025-11-19", "2025-02-30", "", "not a date", "0000-00-00",
                                       "2025-11-19T23:30:00-08:00"]))


# ---------------------------------------------------------------------------------------------
# the checks


def check_claims(text: str, claims: list) -> None:
    """Offsets, text, sentence, ordered intervals and JSON-safe values of each claim."""
    for claim in claims:
        assert 0 <= claim.start < claim.end <= len(text), claim
        assert text[claim.start:claim.end] == claim.text, claim
        assert claim.sentence in text, claim
        value = claim.value
        if isinstance(value, NumberValue):
            _check_number(value)
        elif isinstance(value, DateValue):
            _check_date(value)
        else:
            assert isinstance(value, QuoteValue) and value.stated
        json.dumps(claim.to_dict(), allow_nan=False)  # no NaN or infinity in any report


def _check_number(value: NumberValue) -> None:
    stated = value.stated if isinstance(value.stated, tuple) else (value.stated,)
    for number in (*stated, value.low, value.high):
        assert number is None or math.isfinite(number), value
    if isinstance(value.stated, tuple):
        assert value.stated[0] <= value.stated[1], value
    if value.low is not None and value.high is not None:
        assert value.low <= value.high, value


def _check_date(value: DateValue) -> None:
    for day in (*(value.stated or ()), value.low, value.high):
        assert day is None or dt.date.fromisoformat(day), value
    if value.stated:
        assert value.stated[0] <= value.stated[1], value
    if value.low and value.high:
        assert value.low <= value.high, value


def check_extract_claims(text: str, published) -> None:
    """The whole extractor: claims in position order, twice the same."""
    first = extract_claims(text, published, RULES)
    check_claims(text, first)
    assert [(c.start, c.end) for c in first] == sorted((c.start, c.end) for c in first)
    assert extract_claims(text, published, RULES) == first


def check_each_extractor(text: str, published) -> None:
    """Each claim kind's extractor on its own, as the pipeline calls it."""
    from reconcile.extract.context import parse_published
    from reconcile.extract.dates import extract_dates
    from reconcile.extract.quantities import extract_quantities
    from reconcile.extract.quotes import extract_quotes

    ctx = Context.build(text, parse_published(published), RULES)
    for extractor in (extract_dates, extract_quantities, extract_quotes):
        first = extractor(ctx)
        check_claims(text, first)
        assert extractor(ctx) == first, extractor.__name__


def check_public_api(text: str, published) -> None:
    """reconcile.extract(): claims as dicts with "source": "" and valid offsets."""
    import reconcile

    claims = reconcile.extract(text, published=published)
    check_claims(text, claims)
    for claim in claims:
        assert claim.to_dict()["source"] == ""


def check_reader(fmt_name: str, text: str) -> None:
    """A format reader on text (as from standard input): articles or IngestError, and stable."""
    fmt = next(f for f in FORMATS if f.name == fmt_name)

    def run():
        try:
            return fmt.read(Input("input", "input", text=text))
        except IngestError as err:
            message = str(err)
            assert message and "\n" not in message
            return message

    first = run()
    assert run() == first
    if isinstance(first, str):
        return
    for problem in first.problems:
        assert problem and "\n" not in problem
    for article in first.articles:
        assert article.text.strip()
        assert article.title is None or "\n" not in article.title
        assert article.published is None or dt.date.fromisoformat(article.published)
        if fmt_name in ("markdown", "text") and first.format in (None, "markdown", "text"):
            # the body keeps its exact characters: it is the text after the front matter
            assert normalise_newlines(text).endswith(article.text)
        check_extract_claims(article.text, article.published)


def check_decode(data: bytes) -> None:
    """Bytes to text: a string and an optional one-line note, or IngestError; stable."""
    try:
        text, note = decode(data)
    except IngestError as err:
        assert str(err).startswith("skipped: ") and "\n" not in str(err)
        return
    assert isinstance(text, str)
    assert note is None or (note and "\n" not in note)
    assert decode(data) == (text, note)


# ---------------------------------------------------------------------------------------------
# strategies for readers: text shaped like each format, and broken on purpose

_FRONT = st.sampled_from(["---\n", "+++\n", "{", "---\ntitle: T\n---\n", "+++\ntitle = 'T'\n+++\n",
                          "---\ndate: 2025-02-30\n---\n", "---\n!!python/object:os.system\n---\n",
                          "---\ntitle: [unclosed\n---\n", '{"title": "T"}\n', ""])
MARKUP = st.sampled_from(["<html>", "</html>", "<body>", "<p>", "</p>", "<div>", "<script>",
                          "alert(1)", "</script>", "<rss>", "<channel>", "<item>", "<title>",
                          "</title>", "<description>", "<![CDATA[", "]]>", "<?xml version='1.0'?>",
                          "<feed xmlns='http://www.w3.org/2005/Atom'>", "<entry>", "&", "&amp;",
                          "&#0;", "<!--", "-->", "<!doctype html>", "<meta name='date' content='2025-02-30'>"])
JSONISH = st.sampled_from(['{', '}', '[', ']', '"text": ', '"body": ', '"title": ', '"published": ',
                           '"date": ', '"id": ', '"2025-11-19"', '"2025-02-30"', '"$3 million"', ',',
                           '"uri": ', '"type": "text"', '"body_text": ', 'null', '1e999', '\n',
                           '"headline": ', 'NaN', '-1', '"\\u0000"'])


def reader_text(fmt_name: str) -> st.SearchStrategy[str]:
    pieces = {"html": MARKUP, "feed": MARKUP, "json": JSONISH, "jsonl": JSONISH}.get(fmt_name)
    shaped = (st.tuples(_FRONT, TEXT).map("".join) if pieces is None
              else st.lists(st.one_of(pieces, st.sampled_from(_PIECES)), max_size=40).map("".join))
    return st.one_of(shaped, st.text(max_size=200))


BYTES = st.one_of(st.binary(max_size=400),
                  TEXT.map(lambda t: t.encode("utf-8")),
                  TEXT.map(lambda t: t.encode("utf-16-le")),
                  TEXT.map(lambda t: t.encode("utf-16-be")),
                  TEXT.map(lambda t: t.encode("cp1252", "replace")),
                  st.tuples(st.sampled_from([b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"%PDF-",
                                             b"\x00", b""]), st.binary(max_size=100)).map(
                      lambda parts: parts[0] + parts[1]))


# ---------------------------------------------------------------------------------------------
# the tests: one per check, with the suite's number of examples


def property_test(strategy: st.SearchStrategy, check: Callable, examples: int) -> Callable:
    """A hypothesis test of `check` over `strategy` (a tuple strategy is spread as arguments)."""
    options = settings(max_examples=examples, deadline=None, derandomize=False,
                       suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    return options(given(strategy)(lambda args: check(*args)))


PROPERTIES: dict[str, tuple[st.SearchStrategy, Callable]] = {
    "extract_claims": (st.tuples(TEXT, PUBLISHED), check_extract_claims),
    "each_extractor": (st.tuples(TEXT, PUBLISHED), check_each_extractor),
    "public_api": (st.tuples(TEXT, PUBLISHED), check_public_api),
    "decode": (st.tuples(BYTES), check_decode),
    **{f"reader_{f.name}": (st.tuples(st.just(f.name), reader_text(f.name)), check_reader)
       for f in FORMATS},
}


@pytest.mark.parametrize("name", sorted(PROPERTIES))
def test_reliability_property_holds(name):
    strategy, check = PROPERTIES[name]
    property_test(strategy, check, SUITE_EXAMPLES)()


@pytest.mark.parametrize(("text", "published"), [
    pytest.param("", None, id="empty"),
    pytest.param("“", None, id="lone-opening-mark"),
    pytest.param("” he said “", None, id="marks-backwards"),
    pytest.param("“a “b “c” d” e” said Greene.", None, id="nested-three-deep"),
    pytest.param("$" * 500, None, id="many-dollar-signs"),
    pytest.param("1" * 400 + " million", None, id="four-hundred-digit-number"),
    pytest.param("99999999999999999999 trillion trillion dollars", None, id="overflowing-amount"),
    pytest.param("between 9 and 3 people", None, id="range-backwards"),
    pytest.param("from December 2025 to January 2025", "2025-06-01", id="date-range-backwards"),
    pytest.param("on February 30, 2025 and on 2025-02-30", "2025-03-01", id="impossible-days"),
    pytest.param("last Thursday", "0001-01-01", id="anchor-at-year-one"),
    pytest.param("next year, in 9999 and the 10000s", "9999-12-31", id="anchor-at-year-9999"),
    pytest.param("\u202e$5 million\u202c was spent", None, id="bidi-override"),
    pytest.param("1.2.3.4 million 5,,000 people 6..7 km", None, id="malformed-numbers"),
])
def test_reliability_extract_odd_cases(text, published):
    check_extract_claims(text, published)


@pytest.mark.parametrize(("fmt", "text"), [
    # found by the many-examples run: lxml's drop_tree asserted inside htmldate
    pytest.param("html", "</html><body><script>", id="html-closed-before-body"),
    pytest.param("text", "<!doctype html></html><body><script>", id="text-that-is-broken-html"),
    pytest.param("html", "<html>" + "<div>" * 3000 + "x", id="html-unclosed-deep"),
    pytest.param("feed", "<rss><channel><item><description><![CDATA[$3 million", id="feed-cut"),
    pytest.param("json", "[" * 5000, id="json-deep-unclosed"),
    pytest.param("jsonl", '{"text": "\\u0000\\u001b[2J $3 million"}', id="jsonl-control-escapes"),
    pytest.param("markdown", "---\n!!python/object/apply:os.system ['true']\n---\nBody $3.",
                 id="markdown-yaml-tag"),
    pytest.param("markdown", "+++\ndate = 2025-02-30\n+++\nBody $3.", id="markdown-toml-bad-date"),
])
def test_reliability_reader_odd_cases(fmt, text):
    check_reader(fmt, text)
