"""Date claims: locate date expressions with precompiled patterns, then compute their periods.

Every date becomes a period of inclusive ISO days plus the interval its hedge allows
(DESIGN.md section 2). The choices this module makes, so that editors can predict them:

- Dates written without a year ("Feb. 6", "in March", "July 13-15"), holidays, quarters and
  seasons without a year, and bare weekdays ("on Sunday") take the occurrence nearest to
  publication, past or future, unless the sentence says which: the nearest tense word before
  the date (else after it) decides - "will", "scheduled", "due", "next", "upcoming" mean the
  future one, "was", "said", "ago", "last", a past "-ed" verb the past one. An occurrence
  under way at publication ("from Sep to Nov" read on Sep 7) is taken whatever the tense.
  Without a publication date they stay unresolved (`stated` None, `relative` True), never
  resolved against today.
- "last/previous Thursday" is the Thursday of the previous Monday-Sunday week, "next/following
  Friday" the Friday of the next week, "this Friday" the one of the publication week, "coming
  Friday" the first one after publication, "Friday after next" the Friday two weeks on;
  "next week Wednesday" and "Wednesday of last week" name the day of that week. A weekday
  given with a year-less date ("Fri, Jul 18", "Monday 21") picks the nearest year (or month)
  where the two agree.
- Abbreviated weekdays count only where they cannot be words: "Thu", "Fri", "Tue", or with a
  period ("Sat.", "Mon."), or next to a date or a relative word.
- Weeks run Monday to Sunday; "the week of March 3" is the week that holds March 3.
- Fiscal years follow the US federal year: FY2026 = 2025-10-01..2026-09-30.
- Seasons are northern meteorological: spring Mar-May, summer Jun-Aug, fall Sep-Nov, winter
  Dec-Feb ("winter 2024" = 2024-12-01..2025-02-28).
- "early/mid/late" keep the named period as `stated` and narrow `low`/`high` (see _PARTS).
"""
from __future__ import annotations

import calendar
import datetime as dt
import re

from reconcile.extract.context import Context
from reconcile.extract.words import content_words
from reconcile.model import Claim, DateValue, Kind

# ---------------------------------------------------------------------------------------------
# vocabulary

_MONTH_NUMBER = {name: i for i, names in enumerate((
    (), ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
    ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
    ("october", "oct"), ("november", "nov"), ("december", "dec"))) for name in names}
_WEEKDAY_NUMBER = {name: i for i, names in enumerate((
    ("monday", "mon"), ("tuesday", "tue", "tues"), ("wednesday", "wed"),
    ("thursday", "thu", "thur", "thurs"), ("friday", "fri"), ("saturday", "sat"),
    ("sunday", "sun"))) for name in names}
_ORDINAL_WORDS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh "
                  "twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth "
                  "nineteenth twentieth").split()
_ORDINAL_NUMBER = {word: i + 1 for i, word in enumerate(_ORDINAL_WORDS)}
for _i, _word in enumerate(_ORDINAL_WORDS[:9]):
    _ORDINAL_NUMBER[f"twenty-{_word}"] = 21 + _i
    _ORDINAL_NUMBER[f"twenty {_word}"] = 21 + _i
_ORDINAL_NUMBER.update({"thirtieth": 30, "thirty-first": 31, "thirty first": 31})
_SMALL_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
                  "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
                  "twelve": 12, "a couple of": 2}
_QUARTER_WORDS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
                  "fourth": 4, "4th": 4, "final": 4, "last": 4}
_SEASON_START = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}
_DECADE_WORDS = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
                 "seventies": 70, "eighties": 80, "nineties": 90}

# early/mid/late as fractions of the named period, overlapping by a little so that "mid-May"
# and "May 20" are not called a conflict. Years split into months (brief: early = Jan-Apr,
# mid = May-Aug, late = Sep-Dec); months into days 1-10 / 10-20 / 20-end; other periods
# (decades, quarters, seasons, weeks, ranges) into fractions of their days.
_PARTS = {"early": (0.0, 0.34), "mid": (0.3, 0.7), "late": (0.66, 1.0)}
_YEAR_PARTS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}
_DECADE_PARTS = {"early": (0, 3), "mid": (3, 6), "late": (6, 9)}  # years of the decade
_MONTH_PARTS = {"early": (1, 10), "mid": (10, 20), "late": (20, 31)}

# Tense cues that choose between the past and the future occurrence of a year-less date.
_FUTURE_CUES = frozenset("""will 'll ’ll shall won't won’t scheduled slated due upcoming planned
plans plan expected expects expect going coming next tomorrow intends aims aim until
till""".split())
_PAST_CUES = frozenset("""was were had did said told ago last earlier yesterday since has have
previous past met took began came went held saw made gave fell rose won lost left ran hit struck
sold brought fought spoke wrote became got found kept led paid sent spent stood thought shot
broke drove flew grew knew swore threw wore""".split())
_NOT_PAST_ED = frozenset("scheduled slated planned expected proposed delayed postponed".split())
_CUE_WORD = re.compile(r"[A-Za-z]+(?:['’]ll|n['’]t)?")

# Words before a bare month or season that make it a date ("in May", not "Theresa May").
_MONTH_CUES = frozenset("""in since by until till through throughout during of from to before
after early mid late last next this end beginning start middle around and or between
last this next coming previous""".split())
# The same for "May" and "March", which are also a verb and a name.
_STRICT_MONTH_CUES = frozenset("""in since by until till through throughout during of from before
after early mid late end beginning start middle between""".split())
# Words after "on the 4th" that still leave it a day of the month.
_STOP_AFTER_DAY = frozenset("and or at when after before to in of the".split())
# Words before "in two weeks" that make it a span ("the highest in two weeks").
_DURATION_WORDS = frozenset("first time times most least only once twice ever none".split())
# Words before a 4-digit number that make it an identifier or a count, not a year.
_NOT_YEAR_BEFORE = frozenset("""no number room flight route highway interstate suite unit page
pages model version rank code about around approximately nearly almost some roughly over than
total only just least most""".split())
# Words after a 4-digit number that still read as years ("the 2024 elections").
_YEAR_NOUNS = frozenset("""elections olympics games polls midterms primaries protests riots
floods attacks championships finals playoffs riots wildfires talks negotiations races""".split())
_YEAR_CUES = frozenset("""in since by until till through during of from to before after the
early mid late year years and or between around circa c. until 's""".split())
_DATE_WORDS = (frozenset(_MONTH_NUMBER) | frozenset(_WEEKDAY_NUMBER) | frozenset(_SEASON_START)
               | frozenset("""early mid late last next ago earlier later week weeks month months year
               years today yesterday tomorrow tonight quarter fiscal fy decade century""".split()))

# ---------------------------------------------------------------------------------------------
# pattern fragments

_MON = (r"(?:jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|jun(?:e|\.)?"
        r"|jul(?:y|\.)?|aug(?:ust|\.)?|sep(?:tember|t\.?|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?"
        r"|dec(?:ember|\.)?)(?![a-z])")
_WD_FULL = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_WD = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|(?:mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\.?)(?![a-z])"
_ORDW = "(?:" + "|".join(sorted((w.replace(" ", r"\s").replace("-", "[-\\s]") for w in _ORDINAL_NUMBER),
                                key=len, reverse=True)) + r")(?![a-z])"
_DAYNUM = r"(?<![\d$€£¥.,])(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:])(?!\s*[ap]\.?m\b)"
_DAY = f"(?:{_DAYNUM}|{_ORDW})"
_YEAR = r"(?<![\d,.])(?:1\d{3}|20\d\d)(?![\d%]|[,.]\d)"
_YR = rf"(?:{_YEAR}|['’]\d\d(?![\d%]))"
_REL = r"(?:last|next|this|coming|upcoming|previous|following|current|past|this\s+past)"
_TWO_DIGITS = r"\d\d(?![\d%])"
_DAY_YEAR = _DAYNUM + r"(?:(?:\s*,\s*|\s+)(?:1\d{3}|20\d\d)(?![\d%]|[,.]\d))?"
_SEP = r"(?:\s*[-–—~]\s*|\s+(?:to|until|till|through|thru)\s+)"


def _g(name: str, body: str) -> str:
    return f"(?P<{name}>{body})"


def _mdy(p: str) -> str:
    """Month-day(-year) and day-month(-year) forms with their group names prefixed by p."""
    return (rf"(?:{_WD},?\s+(?:the\s+)?)?(?:{_g(p + 'm1', _MON)}(?:\s*|-)(?:the\s+)?{_g(p + 'd1', _DAY)}"
            rf"|{_g(p + 'd2', _DAYNUM)}\s+(?:of\s+)?{_g(p + 'm2', _MON)}"
            rf"|(?:the\s+)?{_g(p + 'd3', _ORDW)}\s+(?:day\s+)?of\s+{_g(p + 'm3', _MON)})"
            rf"(?:(?:\s*,\s*|\s+)(?:of\s+)?{_g(p + 'y', _YR)})?")


def _point(p: str) -> str:
    """One end of a range: a day, a month with or without year, or a year."""
    return (rf"(?:{_mdy(p + 'a')}|{_g(p + 'm', _MON)}(?:,?\s+(?:of\s+)?{_g(p + 'y', _YR)})?"
            rf"|{_g(p + 'yy', _YEAR)}(?!\s*(?:-|–)\s*\d\d\b(?:-|/)))")


_ALTERNATIVES = (
    ("brange", rf"between\s+(?:the\s+)?{_g('ba', _point('ba'))}\s+and\s+(?:the\s+)?"
               rf"{_g('bb', _point('bb') + '|' + _DAY_YEAR)}"),
    ("frange", rf"(?:from\s+(?:the\s+)?)?{_g('fa', _point('fa') + '|' + _DAYNUM)}{_g('fs', _SEP)}"
               rf"(?:the\s+)?{_g('fb', _point('fb') + '|' + _DAY_YEAR + '|' + _TWO_DIGITS)}"),
    ("weekof", rf"(?:the\s+)?week\s+(?P<wk_how>of|beginning|starting|commencing)\s+(?:on\s+)?"
               rf"(?:the\s+)?{_mdy('wk')}"),
    ("isod", rf"{_g('iso_y', _YEAR)}(?P<iso_s>[-/.])(?:(?P<iso_m>1[0-2]|0?[1-9])|{_g('iso_mn', _MON)})"
             rf"(?P=iso_s)(?P<iso_d>3[01]|[12]\d|0?[1-9])(?![\d])"),
    ("numd", rf"(?<![\d/.-])(?P<num_a>\d{{1,2}})(?P<num_s>[/.-])(?P<num_b>\d{{1,2}})(?P=num_s)"
             rf"(?P<num_y>(?:1\d|20)\d\d|\d\d)(?![\d/]|[.-]\d)"),
    ("monum", rf"(?:(?P<mo_d>\d{{1,2}})[/-]{_g('mo_m1', _MON)}[/-]{_g('mo_y', _YEAR)}"
              rf"|{_g('mo_m2', _MON)}/(?P<mo_d2>\d{{1,2}})(?!\d))"),
    ("onnum", rf"(?:on\s+|(?:{_REL}\s+)?(?P<on_wd>{_WD}),?\s+)?(?P<on_a>3[01]|[12]\d|0?[1-9])(?P<on_s>(?(on_wd)[/.-]|/))(?P<on_b>3[01]|[12]\d|0?[1-9])"
              rf"(?![\d/]|[.,]\d|\s*(?:%|percent|per\s+cent))"),
    ("nthday", rf"(?:the\s+)?(?P<nd_n>first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th)\s+"
               rf"(?P<nd_what>{_WD_FULL}|day|week)\s+(?:of|in)\s+(?:{_g('nd_m', _MON)}(?:,?\s+{_g('nd_y', _YEAR)})?"
               rf"|{_g('nd_y2', _YEAR)})"),
    ("dayd", _mdy("dd")),
    ("yearmonth", rf"{_g('ym_y', _YEAR)}[-/](?P<ym_m>1[0-2]|0[1-9])(?![\d/-])"),
    ("quarter", rf"(?:(?:the\s+)?(?P<q_w>first|second|third|fourth|1st|2nd|3rd|4th|final|last)"
                rf"[\s-](?:quarter|qtr)(?:\s+of\s+(?:the\s+)?(?:{_g('q_y', _YEAR)}|{_g('q_rel', _REL)}\s+year|year)"
                rf"|,?\s+{_g('q_y2', _YEAR)})?"
                rf"|(?P<q_n>[qQ][1-4])(?:(?:\s+(?:of\s+)?|\s*['’/-]\s*)(?P<q_y3>(?:1\d|20)\d\d|\d\d))?(?![\d])"
                rf"|{_g('q_y4', _YEAR)}[\s-]?(?P<q_n2>[qQ][1-4])"
                rf"|{_g('q_rel2', _REL)}\s+(?:quarter|qtr))(?![a-z])"),
    ("half", rf"(?:the\s+)?(?:(?P<h_w>first|second|1st|2nd)\s+half\s+of\s+(?:the\s+)?"
             rf"(?:{_g('h_y', _YEAR)}|{_g('h_rel', _REL)}\s+year|year)"
             rf"|(?P<h_n>H[12])\s*{_g('h_y2', _YEAR)}|{_g('h_y3', _YEAR)}[\s-]?(?P<h_n2>H[12]))"),
    ("fiscal", rf"(?:FY\s?['’]?(?P<fy_y>(?:1\d|20)\d\d|\d\d)(?:[-/](?P<fy_y2>\d\d(?:\d\d)?))?(?!\d)"
               rf"|fiscal(?:\s+year)?\s+['’]?(?P<fy_y3>(?:1\d|20)\d\d|\d\d)(?:[-/](?P<fy_y4>\d\d(?:\d\d)?))?(?![\d%])"
               rf"|{_g('fy_y5', _YEAR)}\s+fiscal\s+year)"),
    ("season", rf"(?:{_g('s_rel', _REL + '|the')}\s+)?(?P<s_s>spring|summer|fall|autumn|winter)"
               rf"(?:,?\s+(?:of\s+)?{_g('s_y', _YEAR)})?(?![a-z])"),
    ("monthyear", rf"{_g('my_m', _MON)},?\s+(?:of\s+)?{_g('my_y', _YR)}"),
    ("decade", rf"(?:the\s+)?(?:(?P<dec_y>1\d\d0|20\d0)\s?['’]?s|['’](?P<dec_yy>\d0)['’]?s"
               rf"|{_g('dec_w', '|'.join(_DECADE_WORDS))})(?![a-z])"),
    ("monthday", rf"(?:(?P<md_wd>{_WD}),?\s+)?(?:the\s+)?(?P<md_d>(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)|(?<=\s)(?:[12]\d|3[01]|0?[1-9])(?=\W*$|\W\s)|{_ORDW})"
                 rf"(?![\w])(?:\s+(?:day\s+)?of\s+(?:the\s+)?(?P<md_rel>{_REL})\s+month)?"),
    ("century", rf"(?:the\s+)?(?P<c_n>1\d|2[01]|[1-9])(?:st|nd|rd|th)[\s-]+century"),
    ("reldays", rf"(?P<rd_w>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|tonight|yesterday|tomorrow|this\s+(?:morning|afternoon|evening))(?![a-z])"),
    ("ago", rf"(?P<ago_n>\d{{1,3}}|a\s+couple\s+of|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
            rf"\s+(?P<ago_u>days?|weeks?|months?|years?|decades?)\s+(?P<ago_dir>ago|from\s+(?:now|today)|later|earlier)"),
    ("inunits", rf"(?:in|within)\s+(?P<in_n>\d{{1,3}}|a\s+couple\s+of|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
                rf"\s+(?P<in_u>days?|weeks?|months?|years?)(?:['’]\s+time)?(?![a-z])"),
    ("weekwd", rf"{_g('ww_rel', _REL)}\s+week(?:['’]s)?\s*(?:[-–,]\s*)?(?:on\s+)?{_g('ww_d', _WD)}"),
    ("relunit", rf"(?:(?P<ru_el>earlier|later)\s+(?:this|in\s+the)|{_g('ru_rel', _REL)})\s+"
                rf"(?P<ru_u>weekend|week|month|year|yr|decade)(?![a-z])"),
    ("theweekend", r"(?:over\s+)?the\s+weekend(?![a-z])"),
    ("holiday", rf"(?:(?P<hol_rel>last|next|this)\s+)?(?P<hol_n>christmas(?:\s+(?:day|eve))?|new\s+year[’'‘]?s(?:\s+(?:day|eve))?|thanksgiving(?:\s+day)?|easter(?:\s+(?:sunday|monday))?|good\s+friday|halloween|valentine[’'‘]?s?\s+day|independence\s+day|memorial\s+day|labou?r\s+day|veterans\s+day|juneteenth|boxing\s+day)"
                rf"(?:,?\s+{_g('hol_y', _YEAR)})?(?![a-z])"),
    ("weekday", rf"(?:{_g('wd_rel', _REL)}\s+)?{_g('wd_d', _WD)}"
                rf"(?:,?\s+(?:of\s+|from\s+)?(?:the\s+)?(?P<wd_rel2>last|next|this|following|previous|coming)\s+week"
                rf"|\s+(?P<wd_after>after\s+next))?(?![a-z])"),
    ("bareunit", r"(?:the\s+)?(?P<bu_u>week|month|year)(?![a-z])"),
    ("month", rf"(?:{_g('mn_rel', _REL)}\s+)?{_g('mn_m', _MON)}"),
    ("year", rf"(?:(?:the\s+)?year\s+)?(?P<yr_y>(?<![\w$€£¥#@])(?<!\d[,.:/–-])(?:1\d{{3}}|20\d\d)(?![\d%]|[,.:]\d|\s?(?:percent|per\s+cent)\b))"
             r"(?!-\w)"),
)
_ALT_NAMES = tuple(name for name, _ in _ALTERNATIVES)
_FLAGS = re.IGNORECASE
_MASTER = re.compile(r"(?<![\w])(?:" + "|".join(_g(n, b) for n, b in _ALTERNATIVES) + ")", _FLAGS)
_SINGLE = {name: re.compile(r"(?<![\w])" + _g(name, body), _FLAGS) for name, body in _ALTERNATIVES}
# What a range end looks like on its own, to read it with the same group names.
_POINT = re.compile(_point("p") + "|" + _g("pday", _DAYNUM + r"|\d\d")
                    + r"(?:(?:\s*,\s*|\s+)(?P<pdy>\d{4}))?", _FLAGS)

# Hedges written before the date: an outer one (by/before/after/since) and a part
# (early/mid/late, "the end of"), as in "by the end of 2025" or "since late July".
_PART_BEFORE = re.compile(
    r"(?:\b(?:the\s+)?(?:very\s+)?(?P<pw>end|start|beginning|middle|close)\s+of\s+(?:the\s+)?"
    r"|\b(?:the\s+)?(?P<pe>early|mid|late)(?:\s*[-–]\s*|\s+)(?:in\s+)?)$", _FLAGS)
_OUTER_BEFORE = re.compile(
    r"\b(?P<o>by|before|after|since|until|till|prior\s+to|ahead\s+of|no\s+later\s+than|"
    r"not\s+later\s+than|later\s+than|earlier\s+than|as\s+early\s+as|as\s+late\s+as|"
    r"starting|beginning)(?:\s+(?:on|in|at))?\s+$", _FLAGS)
_OUTER_HEDGE = {"by": "by", "until": "by", "till": "by", "no later than": "by",
                "not later than": "by", "as late as": "by", "before": "before",
                "prior to": "before", "ahead of": "before", "earlier than": "before",
                "after": "after", "later than": "after", "since": "since", "starting": "since",
                "beginning": "since", "as early as": "since"}
_PART_HEDGE = {"end": "late", "close": "late", "start": "early", "beginning": "early",
               "middle": "mid", "early": "early", "mid": "mid", "late": "late"}
_ANCHOR = re.compile(
    r"(?<![\w.,])\d|['’]\d0s|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|"
    r"sat|sun|spring|summer|fall|autumn|winter|day|week|month|year|yr|decade|quarter|qtr|half|"
    r"century|today|tonight|yesterday|tomorrow|q[1-4]|h[12]|fy|fiscal|christmas|new\s+year|"
    r"thanksgiving|easter|good\s+friday|halloween|valentine|independence|memorial|labou?r|"
    r"veterans|juneteenth|boxing|(?:twen|thir|for|fif|six|seven|eigh|nine)ties)", _FLAGS)
# What a number that belongs to a date looks like from its first digit: a year, a number
# joined to another by / . - (numeric dates, ranges), an ordinal, a number before a month or a
# time unit, a decade, a day after "the" or a weekday. Everything else is skipped unread.
_DIGIT_DATE = re.compile(
    r"(?:1\d{3}|20\d\d)(?!\d)|\d{1,2}(?:st|nd|rd|th|\s*[/\-–]\s*(?:\d|[a-z]{3})|\.\d\d?\.\d"
    r"|\s*(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|[qh][1-4]\b|upcoming|next|"
    r"past|previous|coming|following|mon|tue|wed|thu|fri|sat|sun)|\s+(?:and|to|until|till|through|thru)\s+(?:the\s+)?\d"
    r"|['’]?s\b)|\d\d['’]?s\b|(?:(?<=the\s)|(?<=day\s)|(?<=day,\s)|(?<=mon\s)|(?<=tue\s)|"
    r"(?<=wed\s)|(?<=thu\s)|(?<=fri\s)|(?<=sat\s)|(?<=sun\s))\d{1,2}(?!\d)", _FLAGS)
_ANCHOR_LOWER = re.compile(_ANCHOR.pattern)
# Unit words that start a date only when a word before them belongs to it ("last year",
# "the week", "two days ago") or a few words after them do ("week of March 3", "year 2011").
_UNIT_ANCHORS = frozenset("day week month year yr decade quarter qtr half century".split())
_UNIT_OPENS = re.compile(r"\s+(?:of|beginning|starting|commencing|to\s+date|\d)")
# A count of time units is a date only when it is counted from now ("3 days ago", "in 5
# years", "the past 2 weeks"), not as a duration ("a 5-year plan", "for 3 days").
_DIGIT_UNIT = re.compile(r"\d{1,3}\s+(?:(?:next|past|previous|coming|upcoming|following)\s+)?"
                         r"(?:days?|weeks?|months?|years?|decades?|fortnights?|quarters?)"
                         r"(?:\s+(?P<direction>ago|from|hence|back|before|after|later|earlier)\b|(?=\s|$|\W))", _FLAGS)
_COUNT_OPENERS = frozenset("in within next past last previous coming upcoming following the".split())
# Words that may open a date before its anchor ("from the", "between", "in two", "the first").
_LEAD_WORDS = frozenset("""the from between week in within over this last next past coming
upcoming previous following current earlier later first second third fourth fifth final a an
couple of one two three four five six seven eight nine ten eleven twelve on fiscal year day
before after""".split()) | frozenset(_WEEKDAY_NUMBER)
# Lead words that sit inside a date but never open one ("a couple of", "the day before").
_PASS_WORDS = frozenset("of before after couple day".split())
# Lead words that open a date only before a number: "in two weeks", "on 2/15", "a week ago".
_NUMBER_LEADS = frozenset("in within on a an".split())
_NUMBER_NEXT = re.compile(r"\s+(?:\d|an?\s|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                          r"twelve|couple|few|week|day|month|year|decade|fortnight)", _FLAGS)
_WORD_BACK = re.compile(r"[A-Za-z]+")
_PREV_WORD = re.compile(r"([\w.'’]+)[\s,]*$")
_NEXT_WORD = re.compile(r"\s([A-Za-z][\w'’-]*)")
_STREET = re.compile(r"\s+(?:[NSEW]\.?\s+)?(?:[A-Z][a-z]+\.?\s+){1,3}(?:Street|St|Avenue|Ave|Road|Rd|"
                     r"Boulevard|Blvd|Lane|Ln|Drive|Dr|Way|Place|Pl|Court|Ct|Highway|Hwy|Parkway|"
                     r"Pkwy|Terrace|Circle|Square)\b")
_CAPITAL_AFTER = re.compile(r"\s+[A-Z][a-z]")
_DATE_AFTER_WEEKDAY = re.compile(r",?\s+(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?(?![\d:])", re.IGNORECASE)
_NAMED_DAY_BEFORE = frozenset("""good black cyber super ash palm maundy holy easter whit trinity
clean great shrove lazarus branch white""".split())
_SPACES = re.compile(r"[\s-]+")
_JOINERS = frozenset("-–/")

_Period = tuple[dt.date, dt.date, str]  # first day, last day, granularity


class _Unresolved:
    """A relative expression found without a publication date; carries its granularity."""

    __slots__ = ("granularity",)

    def __init__(self, granularity: str):
        self.granularity = granularity


# ---------------------------------------------------------------------------------------------
# public entry point


def extract_dates(ctx: Context) -> list[Claim]:
    """Every date expression of the body as a DATE claim, in text order."""
    claims: list[Claim] = []
    text = ctx.text
    # Anchors are found case-sensitively in the lower-cased text (three times faster than an
    # IGNORECASE scan); lower() can change the length of a few non-ASCII strings, then not.
    lowered = text.lower()
    anchors, scanned = (_ANCHOR_LOWER, lowered) if len(lowered) == len(text) else (_ANCHOR, text)
    position = 0
    try:
        # Speed: the full pattern is only tried where a date word or digit ("anchor") is near,
        # starting from the leading words that may belong to the date ("from the", "in two").
        while True:
            anchor = anchors.search(scanned, position)
            if anchor is None:
                break
            if text[anchor.start()].isdigit() and not _DIGIT_DATE.match(text, anchor.start()) \
                    and not ((unit := _DIGIT_UNIT.match(text, anchor.start()))
                             and (unit["direction"]
                                  or _prev_word(text, anchor.start()) in _COUNT_OPENERS)):
                position = anchor.end()  # "$15", "3.5%", "200 people": no date starts here
                continue
            starts = _starts(text, anchor.start(), position)
            if len(starts) == 1 and anchor.group(0) in _UNIT_ANCHORS \
                    and not _UNIT_OPENS.match(scanned, anchor.end()):
                position = anchor.end()  # "per year", "5-day": a unit word opens no date alone
                continue
            found = None
            for start in starts:
                match = _MASTER.match(text, start)
                if match is not None:
                    found = _first_reading(text, match, ctx.published, ctx)
                    if found is not None:
                        break
            if found is None:
                position = anchor.end()
                continue
            start, end, reading, relative, bounds = found
            position = max(end, anchor.end())
            if reading is None:
                continue
            claims.append(_claim(ctx, start, end, reading, relative, bounds))
    except (ValueError, OverflowError, IndexError, KeyError, TypeError):
        # a date the calendar cannot hold stops the scan here rather than the whole extraction
        return claims
    return claims


def _starts(text: str, anchor: int, floor: int) -> list[int]:
    """Where a date holding the anchor may begin: leading words first, then the anchor."""
    starts = [anchor]
    end = anchor
    for word in reversed(_WORD_BACK.findall(text, max(floor, anchor - 48), anchor)):
        word_end = text.rfind(word, 0, end)
        if word_end < 0 or text[word_end + len(word):end].strip(" ,") or \
                word.lower() not in _LEAD_WORDS or len(starts) > 5:
            break
        lower = word.lower()
        if lower not in _PASS_WORDS and (lower not in _NUMBER_LEADS
                                         or _NUMBER_NEXT.match(text, word_end + len(word))):
            starts.append(word_end)
        end = word_end
    starts.reverse()
    return starts


def _first_reading(text: str, match: re.Match, published: dt.date | None, ctx: Context):
    """The first alternative at this position whose words read as a date, with its span."""
    name = match.lastgroup
    index = _ALT_NAMES.index(name)
    start = match.start()
    if ctx.skipped(start) or (text[start - 1:start] in _JOINERS and start > 1
                              and text[start - 2].isdigit()):
        return None  # "138-2010-2015": part of a phone or serial number
    for alternative in _ALT_NAMES[index:]:
        if alternative != name:
            match = _SINGLE[alternative].match(text, start)
            if match is None:
                continue
        try:
            reading = _READERS[alternative](match, text, published, ctx)
        except (ValueError, OverflowError):
            # "February 30, 2025" is no date at all: not "February" plus a year either
            return match.start(), match.end(), None, False, None
        if reading is not None:
            period, relative, span, bounds = (*reading, None, None)[:4]
            s, e = span or match.span()
            if text[e:e + 1] in _JOINERS and text[e + 1:e + 2].isdigit():
                return None
            return s, e, period, relative, bounds
    return None


def _claim(ctx: Context, start: int, end: int, period, relative: bool,
           bounds: tuple[dt.date, dt.date] | None) -> Claim | None:
    text = ctx.text
    hedge, part = None, None
    prefix = text[max(0, start - 40):start]
    found = _PART_BEFORE.search(prefix)
    if found:
        part = _PART_HEDGE[(found["pw"] or found["pe"]).lower()]
        start -= len(prefix) - found.start()
        prefix = prefix[:found.start()]
    found = _OUTER_BEFORE.search(prefix)
    if found:
        hedge = _OUTER_HEDGE[_SPACES.sub(" ", found["o"].lower())]
        start -= len(prefix) - found.start()
    anchor = ctx.published.isoformat() if relative and ctx.published else None
    if isinstance(period, _Unresolved):
        value = DateValue(None, period.granularity, None, None, hedge or part, None, True)
    else:
        first, last, granularity = period
        low, high = bounds or (first, last)
        if part:
            low, high = _narrow(low, high, granularity, part)
        if hedge == "by":
            low = None
        elif hedge == "before":
            low, high = None, low - dt.timedelta(days=1)
        elif hedge == "after":
            low, high = high + dt.timedelta(days=1), None
        elif hedge == "since":
            high = None
        value = DateValue((first.isoformat(), last.isoformat()), granularity,
                          low.isoformat() if low else None, high.isoformat() if high else None,
                          hedge or part, anchor, relative)
    lo, hi = ctx.sentence_span(start)
    return ctx.claim(Kind.DATE, start, end, value, _subject(text, start, end, lo, hi))


def _subject(text: str, start: int, end: int, lo: int, hi: int) -> str:
    """Content words within six words either side of the date, date words left out."""
    before = [w for w in (x.strip("-") for x in content_words(text[max(lo, start - 80):start]))
              if len(w) > 2 and w not in _DATE_WORDS]
    after = [w for w in (x.strip("-") for x in content_words(text[end:min(hi, end + 80)]))
             if len(w) > 2 and w not in _DATE_WORDS]
    return " ".join(before[-6:] + after[:6])


# ---------------------------------------------------------------------------------------------
# calendar helpers


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _month(year: int, month: int) -> _Period:
    return dt.date(year, month, 1), _month_end(year, month), "month"


def _add_months(year: int, month: int, n: int) -> tuple[int, int]:
    y, m = divmod(month - 1 + n, 12)
    return year + y, m + 1


def _year(year: int) -> _Period:
    return dt.date(year, 1, 1), dt.date(year, 12, 31), "year"


def _quarter(year: int, quarter: int) -> _Period:
    first = 3 * quarter - 2
    return dt.date(year, first, 1), _month_end(year, first + 2), "quarter"


def _season(year: int, season: str) -> _Period:
    first = _SEASON_START[season]
    end_year, end_month = _add_months(year, first, 2)
    return dt.date(year, first, 1), _month_end(end_year, end_month), "season"


def _week(day: dt.date) -> _Period:
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6), "week"


def _day(day: dt.date) -> _Period:
    return day, day, "day"


def _latest(make, published: dt.date, lean: int = 0) -> _Period | None:
    """The yearly instance nearest to publication: the past one, the future one, or (lean 0)
    whichever is closer, the past one on a tie (see the module docstring)."""
    past = future = None
    for year in range(published.year + 1, published.year - 3, -1):
        try:
            period = make(year)
        except ValueError:  # February 29 in a common year
            continue
        if period is None:
            continue
        if period[0] <= published:
            if period[1] >= published:
                return period  # the instance under way at publication, whatever the tense
            past = period
            break
        future = period
    if lean < 0 or future is None:
        return past or future
    if lean > 0 or past is None:
        return future
    return past if (published - past[1]).days <= (future[0] - published).days else future


def _lean(text: str, start: int, end: int, ctx: Context) -> int:
    """-1 when the words around a date say past, +1 when they say future, 0 when silent."""
    lo, hi = ctx.sentence_span(start)
    before = _CUE_WORD.findall(text, max(lo, start - 60), start)
    for word in reversed(before[-8:]):
        lean = _cue(word.lower())
        if lean:
            return lean
    for word in _CUE_WORD.findall(text, end, min(hi, end + 50))[:6]:
        lean = _cue(word.lower())
        if lean:
            return lean
    return 0


def _cue(word: str) -> int:
    if word in _FUTURE_CUES:
        return 1
    if word in _PAST_CUES or (word.endswith("ed") and len(word) > 4 and word not in _NOT_PAST_ED):
        return -1
    return 0


def _narrow(first: dt.date, last: dt.date, granularity: str, part: str) -> tuple[dt.date, dt.date]:
    """The early/mid/late part of a period (see _PARTS)."""
    if granularity == "year":
        a, b = _YEAR_PARTS[part]
        return dt.date(first.year, a, 1), _month_end(first.year, b)
    if granularity == "month":
        a, b = _MONTH_PARTS[part]
        return first.replace(day=a), min(last, first.replace(day=min(b, last.day)))
    if granularity == "decade":
        a, b = _DECADE_PARTS[part]
        return dt.date(first.year + a, 1, 1), dt.date(first.year + b, 12, 31)
    if granularity == "day":
        return first, last
    lo, hi = _PARTS[part]
    days = (last - first).days + 1
    return (first + dt.timedelta(days=int(lo * days)),
            first + dt.timedelta(days=max(int(lo * days), round(hi * days) - 1)))


def _year_of(raw: str | None) -> int | None:
    """A year as written: "2025", "'25" (two digits read as 19xx from 30 on, else 20xx)."""
    if not raw:
        return None
    digits = raw.lstrip("'’")
    if len(digits) == 2:
        n = int(digits)
        return 1900 + n if n >= 30 else 2000 + n
    return int(digits)


def _month_of(raw: str) -> int:
    return _MONTH_NUMBER[raw.lower().rstrip(".")]


def _day_of(raw: str) -> int:
    raw = raw.lower()
    if raw[0].isdigit():
        return int(raw.rstrip("stndrh"))
    return _ORDINAL_NUMBER[_SPACES.sub(" ", raw)]


def _prev_word(text: str, start: int) -> str:
    found = _PREV_WORD.search(text, max(0, start - 24), start)
    return found.group(1).lower() if found else ""


def _next_word(text: str, end: int) -> str:
    found = _NEXT_WORD.match(text, end)
    return found.group(1) if found else ""


# ---------------------------------------------------------------------------------------------
# readers: one per alternative; each returns (period | _Unresolved, relative[, span]) or None


def _relative(make, published: dt.date | None, granularity: str):
    """A period that needs the publication date, or an unresolved marker without one."""
    if published is None:
        return _Unresolved(granularity), True
    period = make(published)
    return (period, True) if period is not None else None


def _ymd(year: int | None, month: int, day: int | None, published: dt.date | None,
         lean: int = 0):
    """A day or month with or without its year."""
    if year is not None:
        return (_day(dt.date(year, month, day)) if day else _month(year, month)), False
    if day is not None:
        dt.date(2000, month, day)  # raises for "February 30" in any year
        return _relative(lambda p: _latest(lambda y: _day(dt.date(y, month, day)), p, lean),
                         published, "day")
    return _relative(lambda p: _latest(lambda y: _month(y, month), p, lean), published, "month")


def _mdy_parts(m: re.Match, p: str) -> tuple[int | None, int, int] | None:
    for i in "123":
        month = m.group(p + "m" + i)
        if month:
            return _year_of(m.group(p + "y")), _month_of(month), _day_of(m.group(p + "d" + i))
    return None


def _read_day(m: re.Match, text: str, published, ctx):
    year, month, day = _mdy_parts(m, "dd")
    month_word = m.group("ddm1") or ""
    if month_word.lower() in ("may", "march") and not month_word[0].isupper() \
            and not m.group("ddd1")[0].isdigit() and year is None \
            and _prev_word(text, m.start()) not in _STRICT_MONTH_CUES:
        return None  # "may first", "march third": a verb, not a date
    return _ymd(year, month, day, published, _lean(text, m.start(), m.end(), ctx))


def _read_weekof(m: re.Match, text: str, published, ctx):
    year, month, day = _mdy_parts(m, "wk")
    reading = _ymd(year, month, day, published, _lean(text, m.start(), m.end(), ctx))
    if reading is None or isinstance(reading[0], _Unresolved):
        return (_Unresolved("week"), True) if reading else None
    first = reading[0][0]
    if m.group("wk_how").lower() == "of":
        return _week(first), reading[1]
    return (first, first + dt.timedelta(days=6), "week"), reading[1]


def _read_iso(m: re.Match, text: str, published, ctx):
    month = int(m["iso_m"]) if m["iso_m"] else _month_of(m["iso_mn"])
    return _day(dt.date(int(m["iso_y"]), month, int(m["iso_d"]))), False


def _read_numeric(m: re.Match, text: str, published, ctx):
    a, b = int(m["num_a"]), int(m["num_b"])
    year = _year_of(m["num_y"])
    if m["num_s"] != "/" and len(m["num_y"]) == 2:
        return None  # "5-4-21" and "1.5.25" are more often scores or versions than dates
    month, day = (a, b) if a <= 12 else (b, a)  # US order unless the first cannot be a month
    return _day(dt.date(year, month, day)), False


def _read_month_numeric(m: re.Match, text: str, published, ctx):
    if m["mo_m1"]:
        return _day(dt.date(int(m["mo_y"]), _month_of(m["mo_m1"]), int(m["mo_d"]))), False
    return _ymd(None, _month_of(m["mo_m2"]), int(m["mo_d2"]), published,
                _lean(text, m.start(), m.end(), ctx))


def _read_on_numeric(m: re.Match, text: str, published, ctx):
    month, day = int(m["on_a"]), int(m["on_b"])
    spoken = m.group(0)[:2].lower() == "on"
    if m["on_s"] != "/" and not m["on_wd"]:
        return None  # "7.6", "7-6" are numbers or scores unless a weekday says otherwise
    if month > 12:
        if not (spoken or m["on_wd"]):
            return None
        month, day = day, month  # "on 22/04": day first where the first cannot be a month
    if not spoken and not m["on_wd"]:
        if (month, day) == (9, 11) or (day <= 4 and month < day):
            return None  # "9/11" names the 2001 attacks; "1/2", "3/4" are fractions
        if text[m.end():m.end() + 3].lower() == " of":
            return None  # "2/3 of voters"
    start = m.start("on_a") if spoken else m.start()
    if m["on_wd"]:
        weekday = _WEEKDAY_NUMBER[m["on_wd"].lower().rstrip(".")]
        dt.date(2000, month, day)
        return (*_relative(lambda p: _agreeing(month, day, weekday, p), published, "day"),
                (start, m.end()))
    return (*_ymd(None, month, day, published, _lean(text, m.start(), m.end(), ctx)),
            (start, m.end()))


def _agreeing(month: int, day: int, weekday: int, p: dt.date) -> _Period | None:
    """The year-less date nearest to publication that falls on the weekday given with it."""
    best = None
    for year in range(p.year - 6, p.year + 7):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if candidate.weekday() == weekday and (
                best is None or abs((candidate - p).days) < abs((best - p).days)):
            best = candidate
    return _day(best) if best else None


def _range_end(raw: str, published: dt.date | None) -> tuple[int | None, int | None, int | None, bool] | None:
    """(year, month, day, two_digit) of a range end read on its own."""
    m = _POINT.fullmatch(raw)
    if m is None:
        return None
    if m["pday"]:
        digits = m["pday"].rstrip("stndrhSTNDRH")
        year = int(m["pdy"]) if m["pdy"] else None
        return year, None, int(digits), len(m["pday"]) == 2 and m["pday"].isdigit() and not year
    parts = _mdy_parts(m, "pa")
    if parts:
        return (*parts, False)
    if m["pm"]:
        return _year_of(m["py"]), _month_of(m["pm"]), None, False
    return int(m["pyy"]), None, None, False


def _read_range(a_raw: str, b_raw: str, dash: bool, published: dt.date | None, lean: int = 0):
    a, b = _range_end(a_raw, published), _range_end(b_raw, published)
    if a is None or b is None:
        return None
    (ay, am, ad, _), (by, bm, bd, b_two) = a, b
    if am is None and ad is None and ay is not None and bm is None and by is None and bd is not None:
        if not (dash and b_two):
            return None  # "2010 to 20": only "2024-25" reads as two years
        by = ay // 100 * 100 + bd
        if not 0 < by - ay <= 10:
            return None  # "2015-32" is not a span of years
        bd = None
    if am is None and bm is None and not (ay and by):
        return None  # "from 9 to 5" names no month and no year
    if (am is not None and ad is None and bm is None and bd is not None) or \
            (am is None and ad is not None and bm is not None and bd is None):
        return None  # "Jun-15", "05-Aug": one day written with a dash
    if bm is None and bd is not None:
        bm, by = am, by or ay  # "November 19-20", "November 19-22, 2025"
    if am is None and ad is not None:
        am, ay = bm, by  # "3-5 March 2025"
    if ay is None and by is None:
        return _read_range_relative(am, ad, bm, bd, published, lean)
    if by is None:
        by = ay + (1 if (bm or 1) < (am or 1) else 0)
    if ay is None:
        ay = by - (1 if am and bm and (am, ad or 0) > (bm, bd or 0) else 0)
    first = _ends(ay, am, ad)[0]
    last = _ends(by, bm, bd)[1]
    if last < first:
        return None
    return (first, last, "range"), False


def _read_range_relative(am, ad, bm, bd, published, lean):
    if am is None or bm is None:
        return None

    def make(p: dt.date):
        period = _latest(lambda y: (_ends(y, am, ad)[0], _ends(y if bm >= am else y + 1, bm, bd)[1],
                                    "range"), p, lean)
        return period if period and period[0] <= period[1] else None
    return _relative(make, published, "range")


def _ends(year: int, month: int | None, day: int | None) -> tuple[dt.date, dt.date]:
    if month is None:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if day is None:
        return dt.date(year, month, 1), _month_end(year, month)
    return dt.date(year, month, day), dt.date(year, month, day)


def _read_between(m: re.Match, text: str, published, ctx):
    return _read_range(m["ba"], m["bb"], False, published, _lean(text, m.start(), m.end(), ctx))


def _read_from(m: re.Match, text: str, published, ctx):
    dash = m["fs"].strip() in "-–—"
    if dash and m["fa"].isdigit() and m["fb"].isdigit() and len(m["fa"]) <= 2:
        return None  # "5-4": a score
    return _read_range(m["fa"], m["fb"], dash, published, _lean(text, m.start(), m.end(), ctx))


def _read_quarter(m: re.Match, text: str, published, ctx):
    lean = _lean(text, m.start(), m.end(), ctx)
    word = m["q_w"]
    if word:
        quarter = _QUARTER_WORDS[word.lower()]
        year = m["q_y"] or m["q_y2"]
        if word.lower() in ("last", "final") and not (year or m["q_rel"] or "year" in m.group(0)[-5:]):
            return _read_relative_quarter("last", published)  # "the last quarter"
        if year:
            return _quarter(int(year), quarter), False
        rel = (m["q_rel"] or "this").lower()
        return _relative(lambda p: _quarter(p.year + _shift(rel), quarter), published, "quarter") \
            if m["q_rel"] or m.group(0).lower().endswith("year") else \
            _relative(lambda p: _latest(lambda y: _quarter(y, quarter), p, lean), published, "quarter")
    if m["q_n"]:
        quarter = int(m["q_n"][1])
        if m["q_y3"]:
            return _quarter(_year_of(m["q_y3"]), quarter), False
        return _relative(lambda p: _latest(lambda y: _quarter(y, quarter), p, lean), published, "quarter")
    if m["q_n2"]:
        return _quarter(int(m["q_y4"]), int(m["q_n2"][1])), False
    return _read_relative_quarter(m["q_rel2"], published)


def _read_relative_quarter(rel: str, published: dt.date | None):
    def make(p: dt.date) -> _Period:
        index = p.year * 4 + (p.month - 1) // 3 + _shift(rel)
        return _quarter(index // 4, index % 4 + 1)
    return _relative(make, published, "quarter")


def _shift(rel: str) -> int:
    """-1, 0 or +1 for last/this/next."""
    rel = _SPACES.sub(" ", rel.lower())
    if rel in ("last", "previous", "past", "this past"):
        return -1
    if rel in ("next", "coming", "upcoming", "following"):
        return 1
    return 0


def _read_half(m: re.Match, text: str, published, ctx):
    word = (m["h_w"] or m["h_n"] or m["h_n2"]).lower()
    half = 1 if word in ("first", "1st", "h1") else 2

    def period(year: int) -> _Period:
        return dt.date(year, 6 * half - 5, 1), _month_end(year, 6 * half), "range"
    year = m["h_y"] or m["h_y2"] or m["h_y3"]
    if year:
        return period(int(year)), False
    rel = m["h_rel"] or "this"
    return _relative(lambda p: period(p.year + _shift(rel)), published, "range")


def _read_fiscal(m: re.Match, text: str, published, ctx):
    # US federal fiscal year: FY2026 runs 2025-10-01..2026-09-30. "FY2024-25" is read as the
    # year that ends in 2025.
    first = _year_of(m["fy_y"] or m["fy_y3"] or m["fy_y5"])
    second = m["fy_y2"] or m["fy_y4"]
    year = first
    if second:
        year = _year_of(second) if len(second) == 4 else first // 100 * 100 + int(second)
        if year != first + 1:
            return None
    return (dt.date(year - 1, 10, 1), dt.date(year, 9, 30), "year"), False


def _read_season(m: re.Match, text: str, published, ctx):
    season = m["s_s"].lower()
    rel = (m["s_rel"] or "").lower()
    after = text[m.end():m.end() + 4].lower()
    if m["s_y"]:
        return _season(int(m["s_y"]), season), False
    if season in ("fall", "spring") and after.startswith(" of"):
        return None  # "the fall of Kabul"
    if rel in ("", "the") and _prev_word(text, m.start()) not in _MONTH_CUES:
        return None  # "prices fall", "a hot spring"
    if rel in ("", "the"):
        lean = _lean(text, m.start(), m.end(), ctx)
        return _relative(lambda p: _latest(lambda y: _season(y, season), p, lean), published, "season")

    def make(p: dt.date) -> _Period:
        current = p.year - 1 if season == "winter" and p.month <= 2 else p.year
        shift = _shift(rel)
        if shift < 0 and _season(current, season)[0] <= p:
            return _season(current - 1, season) if _season(current, season)[1] >= p else \
                _season(current, season)
        return _season(current + shift, season)
    return _relative(make, published, "season")


def _read_month_year(m: re.Match, text: str, published, ctx):
    return _month(_year_of(m["my_y"]), _month_of(m["my_m"])), False


def _read_decade(m: re.Match, text: str, published, ctx):
    if m["dec_y"]:
        year = int(m["dec_y"])
    elif m["dec_yy"]:
        year = _year_of(m["dec_yy"])
    else:
        if not m.group(0).lower().startswith("the"):
            return None
        year = 1900 + _DECADE_WORDS[m["dec_w"].lower()]
    return (dt.date(year, 1, 1), dt.date(year + 9, 12, 31), "decade"), False


def _read_century(m: re.Match, text: str, published, ctx):
    # "the 20th century" as 1900-1999, the reading news uses, not the strict 1901-2000
    first = (int(m["c_n"]) - 1) * 100
    if first < 1:
        return None
    return (dt.date(first, 1, 1), dt.date(first + 99, 12, 31), "range"), False


def _read_reldays(m: re.Match, text: str, published, ctx):
    word = _SPACES.sub(" ", m["rd_w"].lower())
    shift = {"yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
             "the day after tomorrow": 2}.get(word, 0)
    return _relative(lambda p: _day(p + dt.timedelta(days=shift)), published, "day")


def _read_ago(m: re.Match, text: str, published, ctx):
    raw = _SPACES.sub(" ", m["ago_n"].lower())
    n = int(raw) if raw.isdigit() else _SMALL_NUMBERS[raw]
    unit = m["ago_u"].lower().rstrip("s")
    direction = m["ago_dir"].lower()
    if direction in ("later", "earlier"):
        return None  # "two days later" counts from an event in the story, not from publication
    return _shifted(n if direction == "ago" else -n, unit, published)


def _shifted(back: int, unit: str, published: dt.date | None):
    """The day, week, month, year or decade `back` units before publication."""
    sign, n = -1, back

    def make(p: dt.date) -> _Period:
        if unit == "day":
            return _day(p + dt.timedelta(days=sign * n))
        if unit == "week":
            return _week(p + dt.timedelta(days=7 * sign * n))
        if unit == "month":
            return _month(*_add_months(p.year, p.month, sign * n))
        if unit == "year":
            return _year(p.year + sign * n)
        decade = (p.year + sign * 10 * n) // 10 * 10
        return dt.date(decade, 1, 1), dt.date(decade + 9, 12, 31), "decade"
    return _relative(make, published, "decade" if unit == "decade" else unit)


def _read_relunit(m: re.Match, text: str, published, ctx):
    unit = m["ru_u"].lower().replace("yr", "year")
    shift = _shift(m["ru_rel"]) if m["ru_rel"] else 0
    when = (m["ru_el"] or "").lower()
    reading = _read_relunit_unit(unit, shift, published)
    if when and reading and not isinstance(reading[0], _Unresolved):
        # "earlier this month" is the part of the period up to publication, "later" the rest:
        # the named period stays `stated`, the part becomes low/high
        first, last, _ = reading[0]
        bounds = (first, min(last, published)) if when == "earlier" else (max(first, published), last)
        return reading[0], True, None, bounds
    return reading


def _read_relunit_unit(unit: str, shift: int, published: dt.date | None):
    """This (shift 0), last (-1) or next (+1) week, weekend, month, year or decade."""
    granularity = "range" if unit == "weekend" else unit

    def make(p: dt.date) -> _Period:
        if unit == "week":
            first, last, _ = _week(p + dt.timedelta(days=7 * shift))
        elif unit == "weekend":
            saturday = p - dt.timedelta(days=p.weekday()) + dt.timedelta(days=5 + 7 * shift)
            first, last = saturday, saturday + dt.timedelta(days=1)
        elif unit == "month":
            first, last, _ = _month(*_add_months(p.year, p.month, shift))
        elif unit == "year":
            first, last, _ = _year(p.year + shift)
        else:
            decade = p.year // 10 * 10 + 10 * shift
            first, last = dt.date(decade, 1, 1), dt.date(decade + 9, 12, 31)
        return first, last, granularity
    return _relative(make, published, granularity)


def _read_theweekend(m: re.Match, text: str, published, ctx):
    def make(p: dt.date) -> _Period:
        saturday = p - dt.timedelta(days=p.weekday()) + dt.timedelta(days=5)
        if saturday > p:
            saturday -= dt.timedelta(days=7)
        return saturday, saturday + dt.timedelta(days=1), "range"
    return _relative(make, published, "range")


def _easter(year: int) -> dt.date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The n-th given weekday of a month; n = -1 for the last one."""
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = _month_end(year, month)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def _holiday(name: str, year: int) -> dt.date:
    # US holidays where a country matters (Thanksgiving, Labor Day, Independence Day)
    name = _SPACES.sub(" ", name.lower()).replace("’", "'").replace("‘", "'")
    if name.startswith("christmas"):
        return dt.date(year, 12, 24 if name.endswith("eve") else 25)
    if name.startswith("new year"):
        return dt.date(year, 12, 31) if name.endswith("eve") else dt.date(year, 1, 1)
    if name.startswith("easter"):
        return _easter(year) + dt.timedelta(days=1 if name.endswith("monday") else 0)
    if name == "good friday":
        return _easter(year) - dt.timedelta(days=2)
    fixed = {"halloween": (10, 31), "independence day": (7, 4), "veterans day": (11, 11),
             "juneteenth": (6, 19), "boxing day": (12, 26)}
    if name in fixed:
        return dt.date(year, *fixed[name])
    if name.startswith("valentine"):
        return dt.date(year, 2, 14)
    if name.startswith("thanksgiving"):
        return _nth_weekday(year, 11, 3, 4)
    if name == "memorial day":
        return _nth_weekday(year, 5, 0, -1)
    return _nth_weekday(year, 9, 0, 1)  # labor day


def _read_holiday(m: re.Match, text: str, published, ctx):
    name = m["hol_n"]
    if m["hol_y"]:
        return _day(_holiday(name, int(m["hol_y"]))), False
    rel = (m["hol_rel"] or "").lower()
    lean = _lean(text, m.start(), m.end(), ctx)

    def make(p: dt.date) -> _Period:
        if rel == "last":
            year = p.year if _holiday(name, p.year) < p else p.year - 1
        elif rel == "next":
            year = p.year if _holiday(name, p.year) > p else p.year + 1
        elif rel == "this":
            year = p.year
        else:
            return _latest(lambda y: _day(_holiday(name, y)), p, lean)
        return _day(_holiday(name, year))
    return _relative(make, published, "day")


def _read_weekday(m: re.Match, text: str, published, ctx):
    word = m["wd_d"]
    weekday = _WEEKDAY_NUMBER[word.lower().rstrip(".")]
    rel = _SPACES.sub(" ", (m["wd_rel"] or "").lower())
    week_rel = (m["wd_rel2"] or "").lower()
    if _DATE_AFTER_WEEKDAY.match(text, m.end()):
        return None  # "Friday 7/6", "Thu 15th": the date that follows decides
    if not rel and not week_rel and not m["wd_after"]:
        if len(word.rstrip(".")) < 6 and not word.endswith(".") \
                and word.lower() not in ("tue", "tues", "thu", "thur", "thurs", "fri"):
            return None  # "sun", "sat", "wed", "Mon" are words and names more often than days
        word_after = _CAPITAL_AFTER.match(text, m.end())
        if word_after and _next_word(text, m.end()).lower() not in _MONTH_NUMBER:
            return None  # "the Sunday Times", "Monday Night Football"
        if _prev_word(text, m.start()) in _NAMED_DAY_BEFORE:
            return None  # named days that are not simply the weekday
    lean = 0 if rel or week_rel else _lean(text, m.start(), m.end(), ctx)
    after_next = bool(m["wd_after"])
    return _relative(lambda p: _weekday(p, weekday, rel, week_rel, after_next, lean), published, "day")


def _weekday(p: dt.date, weekday: int, rel: str, week_rel: str, after_next: bool,
             lean: int) -> _Period:
    """A weekday resolved against publication (see the module docstring for the rules)."""
    monday = p - dt.timedelta(days=p.weekday())
    if week_rel or rel in ("last", "previous", "next", "following", "this", "current"):
        # "last Wednesday", "Wednesday next week": that weekday of the named Monday-Sunday week
        return _day(monday + dt.timedelta(days=7 * _shift(week_rel or rel) + weekday))
    back = p - dt.timedelta(days=(p.weekday() - weekday) % 7)
    ahead = p + dt.timedelta(days=(weekday - p.weekday()) % 7)
    if after_next:
        return _day(monday + dt.timedelta(days=14 + weekday))
    if rel in ("past", "this past"):
        return _day(back if back < p else back - dt.timedelta(days=7))
    if rel in ("coming", "upcoming"):
        return _day(ahead if ahead > p else ahead + dt.timedelta(days=7))
    if lean > 0 or (lean == 0 and (ahead - p) < (p - back)):
        return _day(ahead)
    return _day(back)


def _read_week_weekday(m: re.Match, text: str, published, ctx):
    weekday = _WEEKDAY_NUMBER[m["ww_d"].lower().rstrip(".")]
    rel = _SPACES.sub(" ", m["ww_rel"].lower())
    return _relative(lambda p: _weekday(p, weekday, "", rel, False, 0), published, "day")


def _read_month(m: re.Match, text: str, published, ctx):
    word = m["mn_m"]
    month = _month_of(word)
    rel = (m["mn_rel"] or "").lower()
    if rel == "this" and word.lower() in ("may", "march") and not word[0].isupper():
        return None  # "this may take longer"
    if not rel:
        if word.endswith(".") or len(word) <= 4 and word.lower() not in ("june", "july", "may"):
            return None  # "Jan", "Mar.": abbreviations are names or verbs without a day or year
        previous = _prev_word(text, m.start())
        if word.lower() in ("may", "march"):
            if previous not in _STRICT_MONTH_CUES:
                return None  # "Theresa May", "this may take", "march on"
        elif previous not in _MONTH_CUES and not word[0].isupper():
            return None
        return _ymd(None, month, None, published, _lean(text, m.start(), m.end(), ctx))
    shift = _shift(rel)

    def make(p: dt.date) -> _Period:
        if shift < 0:
            year = p.year if month < p.month else p.year - 1
        elif shift > 0:
            year = p.year if month > p.month else p.year + 1
        else:
            year = p.year
        return _month(year, month)
    return _relative(make, published, "month")


def _read_year(m: re.Match, text: str, published, ctx):
    year = int(m["yr_y"])
    start, end = m.span("yr_y")
    if text[start - 1:start] in "$€£¥#" and start:
        return None
    before = _prev_word(text, m.start())
    if before in _NOT_YEAR_BEFORE:
        return None
    if year < 1900 and before not in _YEAR_CUES:
        return None  # "1600 Pennsylvania Avenue", "1,500" written without its comma
    if _STREET.match(text, end):
        return None
    after = _next_word(text, end)
    if after and text[end:end + 1] == " ":
        lower = after.lower()
        if lower in ctx.rules.scales or after in ctx.rules.units or lower in ctx.rules.units:
            return None  # "2024 million", "2024 km", "2024 years"
        if (after.islower() and lower.endswith("s") and not lower.endswith(("'s", "’s"))
                and lower not in _YEAR_NOUNS and before not in _YEAR_CUES):
            return None  # "2024 people attended"
    return _year(year), False




def _read_nthday(m: re.Match, text: str, published, ctx):
    raw = m["nd_n"].lower()
    n = -1 if raw == "last" else _QUARTER_WORDS.get(raw) or {"fifth": 5, "5th": 5}[raw]
    what = m["nd_what"].lower()
    month = _month_of(m["nd_m"]) if m["nd_m"] else None
    explicit = m["nd_y"] or m["nd_y2"]

    def period(year: int) -> _Period:
        if month is None:
            first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
        else:
            first, last = dt.date(year, month, 1), _month_end(year, month)
        if what == "day":
            return _day(first + dt.timedelta(days=n - 1) if n > 0 else last)
        if what == "week":
            return _week(first + dt.timedelta(days=7 * (n - 1)) if n > 0 else last)
        if month is None:
            return None
        return _day(_nth_weekday(year, month, _WEEKDAY_NUMBER[what], n))
    if explicit:
        found = period(int(explicit))
        return (found, False) if found else None
    if month is None:
        return None
    lean = _lean(text, m.start(), m.end(), ctx)
    return _relative(lambda p: _latest(period, p, lean), published, "week" if what == "week" else "day")


def _read_year_month(m: re.Match, text: str, published, ctx):
    return _month(int(m["ym_y"]), int(m["ym_m"])), False


def _read_month_day(m: re.Match, text: str, published, ctx):
    day = _day_of(m["md_d"])
    weekday = _WEEKDAY_NUMBER[m["md_wd"].lower().rstrip(".")] if m["md_wd"] else None
    if m["md_d"].isdigit() and weekday is None and not m.group(0).lower().startswith("the"):
        return None  # "by 21": a bare number is a day only with a weekday or "the"
    if m["md_rel"]:
        shift = _shift(m["md_rel"])
        return _relative(lambda p: _day(dt.date(*_add_months(p.year, p.month, shift), day)),
                         published, "day")
    if weekday is None:
        if _prev_word(text, m.start()) not in ("on", "by", "since", "until", "till", "before",
                                               "after", "from"):
            return None
        following = _next_word(text, m.end())
        if following and following.islower() and following not in _STOP_AFTER_DAY \
                and not text[m.end():m.end() + 1] in ",.;:":
            return None  # "on the 4th floor", "by the third day"

    def make(p: dt.date) -> _Period | None:
        if weekday is None:
            return _day(dt.date(p.year, p.month, day))  # the publication month
        # "Tuesday the 19th": the nearest date where day and weekday agree
        best = None
        for shift in range(-12, 13):
            year, month = _add_months(p.year, p.month, shift)
            if day <= calendar.monthrange(year, month)[1]:
                candidate = dt.date(year, month, day)
                if candidate.weekday() == weekday and (
                        best is None or (abs((candidate - p).days), candidate > p)
                        < (abs((best - p).days), best > p)):
                    best = candidate
        return _day(best) if best else None
    return _relative(make, published, "day")


def _read_in_units(m: re.Match, text: str, published, ctx):
    before = text[max(0, m.start() - 40):m.start()].lower().split()[-4:]
    if any(w.endswith("est") or w in _DURATION_WORDS for w in before):
        return None  # "the highest in 10 years", "for the first time in two weeks"
    raw = _SPACES.sub(" ", m["in_n"].lower())
    n = int(raw) if raw.isdigit() else _SMALL_NUMBERS[raw]
    if m.group(0).lower().startswith("within"):
        return None  # "within two weeks" is a deadline span, not a date
    return _shifted(-n, m["in_u"].lower().rstrip("s"), published)


def _read_bare_unit(m: re.Match, text: str, published, ctx):
    if not _PART_BEFORE.search(text, max(0, m.start() - 30), m.start()):
        return None  # only "the end of the week", "beginning of the year"
    unit = m["bu_u"].lower()
    return _read_relunit_unit(unit, 0, published)


_READERS = {
    "brange": _read_between, "frange": _read_from, "weekof": _read_weekof, "isod": _read_iso,
    "numd": _read_numeric, "monum": _read_month_numeric, "onnum": _read_on_numeric,
    "dayd": _read_day, "quarter": _read_quarter, "half": _read_half, "fiscal": _read_fiscal,
    "season": _read_season, "monthyear": _read_month_year, "decade": _read_decade,
    "century": _read_century, "reldays": _read_reldays, "ago": _read_ago,
    "relunit": _read_relunit, "theweekend": _read_theweekend, "holiday": _read_holiday,
    "weekday": _read_weekday, "weekwd": _read_week_weekday, "nthday": _read_nthday, "yearmonth": _read_year_month,
    "monthday": _read_month_day, "inunits": _read_in_units, "bareunit": _read_bare_unit, "month": _read_month, "year": _read_year,
}
