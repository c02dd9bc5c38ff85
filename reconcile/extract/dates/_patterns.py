"""Date patterns: the regex fragments, the alternatives tried at each anchor (most specific
first) and the small patterns that read the words around a date."""
from __future__ import annotations

import re

from reconcile.extract.dates._holiday_names import HOLIDAY_ANCHORS, HOLIDAY_PATTERN
from reconcile.extract.dates._vocab import _DECADE_WORDS, _ORDINAL_NUMBER, _WEEKDAY_NUMBER
from reconcile.extract.fastre import first_chars, skip_ahead

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
_COUNT = (r"\d{1,3}|(?:a\s+)?couple(?:\s+of)?|an?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty"
          r"|ninety)(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four"
          r"|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
          r"|seventeen|eighteen|nineteen")
_UNITS = r"days?|weeks?|fortnights?|months?|quarters?|years?|decades?"
_NEXT_N_REL = r"next|past|last|previous|preceding|coming|upcoming|following"
# A count of units counted from publication other than "ago", whose count is also a duration.
_COUNTED_SPAN = re.compile(
    rf"(?:(?:in|within)\s+(?:the\s+)?(?:next\s+)?|(?:the\s+)?(?:(?:{_NEXT_N_REL})\s+)?)(?:{_COUNT})"
    rf"\s+(?:(?:{_NEXT_N_REL})\s+)?(?:{_UNITS})(?:['’]s?\s+time)?", re.IGNORECASE)
_SEP = r"(?:\s*[-–—~]\s*|\s+(?:to|until|till|through|thru)\s+)"


def _g(name: str, body: str) -> str:
    return f"(?P<{name}>{body})"


def _mdy(p: str) -> str:
    """Month-day(-year) and day-month(-year) forms with their group names prefixed by p."""
    return (rf"(?:{_g(p + 'wd', _WD)},?\s+(?:the\s+)?)?(?:{_g(p + 'm1', _MON)}(?:\s*|-)(?:the\s+)?{_g(p + 'd1', _DAY)}"
            rf"|{_g(p + 'd2', _DAYNUM)}\s+(?:of\s+)?{_g(p + 'm2', _MON)}"
            rf"|(?:the\s+)?{_g(p + 'd3', _ORDW)}\s+(?:day\s+)?of\s+{_g(p + 'm3', _MON)})"
            rf"(?:(?:\s*,\s*|\s+)(?:of\s+|in\s+(?=\d{{4}}))?{_g(p + 'y', _YR)})?")


def _point(p: str) -> str:
    """One end of a range: a day, a month with or without year, or a year."""
    return (rf"(?:{_mdy(p + 'a')}|{_g(p + 'm', _MON)}(?:,?\s+(?:of\s+|in\s+(?=\d{{4}}))?{_g(p + 'y', _YR)})?"
            rf"|{_g(p + 'yy', _YEAR)}(?!\s*(?:-|–)\s*\d\d\b(?:-|/)))")


_ALTERNATIVES = (
    ("isod", rf"{_g('iso_y', _YEAR)}(?P<iso_s>[-/.])(?:(?P<iso_m>1[0-2]|0?[1-9])|{_g('iso_mn', _MON)})"
             rf"(?P=iso_s)(?P<iso_d>3[01]|[12]\d|0?[1-9])(?![\d])"),
    ("brange", rf"between\s+(?:the\s+)?{_g('ba', _point('ba'))}\s+and\s+(?:the\s+)?"
               rf"{_g('bb', _point('bb') + '|' + _DAY_YEAR)}"),
    ("frange", rf"(?:from\s+(?:the\s+)?)?{_g('fa', _point('fa') + '|' + _DAYNUM)}{_g('fs', _SEP)}"
               rf"(?:the\s+)?{_g('fb', _point('fb') + '|' + _DAY_YEAR + '|' + _TWO_DIGITS)}"),
    ("weekof", rf"(?:the\s+)?week\s+(?P<wk_how>of|beginning|starting|commencing)\s+(?:on\s+)?"
               rf"(?:the\s+)?{_mdy('wk')}"),
    ("numd", rf"(?<![\d/.])(?P<num_a>\d{{1,2}})(?P<num_s>[/.-])(?P<num_b>\d{{1,2}})(?P=num_s)"
             rf"(?P<num_y>(?:1\d|20)\d\d|\d\d)(?![\d/]|[.-]\d(?!\d?[/.]\d))"),
    ("monum", rf"(?:(?P<mo_d>\d{{1,2}})[/-]{_g('mo_m1', _MON)}[/-]{_g('mo_y', _YEAR)}"
              rf"|{_g('mo_m2', _MON)}/(?P<mo_d2>\d{{1,2}})(?!\d))"),
    ("onnum", rf"(?:on\s+|(?:{_REL}\s+)?(?P<on_wd>{_WD}),?\s+)?(?P<on_a>3[01]|[12]\d|0?[1-9])(?P<on_s>(?(on_wd)[/.-]|/))(?P<on_b>3[01]|[12]\d|0?[1-9])"
              rf"(?![\d/]|[.,]\d|\s*(?:%|percent|per\s+cent))"),
    ("nthday", rf"(?:the\s+)?(?P<nd_n>first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th)\s+"
               rf"(?P<nd_what>{_WD_FULL}|day|week)\s+(?:of|in)\s+(?:{_g('nd_m', _MON)}(?:,?\s+{_g('nd_y', _YEAR)})?"
               rf"|{_g('nd_y2', _YEAR)}|(?:the|(?P<nd_rel>{_REL}))\s+month)"),
    ("dayd", _mdy("dd")),
    ("nummonth", rf"(?:(?P<nm_m>1[0-2]|0?[1-9])|{_g('nm_mn', _MON)})/{_g('nm_y', _YEAR)}(?![\d/])"),
    ("isoweek", rf"(?:the\s+)?week\s+(?P<iw_n>5[0-3]|[1-4]\d|0?[1-9])\s+(?:of|in)\s+(?:the\s+)?"
                rf"(?:{_g('iw_y', _YEAR)}|(?P<iw_rel>{_REL})\s+year)(?![a-z\d])"),
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
    ("ytd", r"(?:the\s+)?(?:year[-\s]to[-\s]date|so\s+far\s+this\s+year|ytd)(?![a-z])"),
    ("reldays", rf"(?P<rd_w>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|tonight|yesterday|tomorrow|this\s+(?:morning|afternoon|evening))(?![a-z])"),
    ("nextn", rf"(?:the\s+)?(?:(?P<nx_rel>{_NEXT_N_REL})\s+(?P<nx_n>{_COUNT}|a\s+few|few)\s+(?P<nx_u>{_UNITS})"
              rf"|(?P<nx_n2>{_COUNT})\s+(?P<nx_rel2>{_NEXT_N_REL})\s+(?P<nx_u2>{_UNITS}))(?![a-z])"),
    ("ago", rf"(?P<ago_n>{_COUNT})\s+(?P<ago_u>{_UNITS})\s+"
            rf"(?P<ago_dir>ago|hence|from\s+(?:now|today|tomorrow|yesterday)|later|earlier)(?![a-z])"),
    ("inunits", rf"(?:in|within)\s+(?:the\s+)?(?:next\s+)?(?P<in_n>{_COUNT})\s+(?P<in_u>{_UNITS})"
                rf"(?:['’]s?\s+time|\s+from\s+(?:now|today))?(?![a-z])"),
    ("weekwd", rf"{_g('ww_rel', _REL)}\s+week(?:['’]s)?\s*(?:[-–,]\s*)?(?:on\s+)?{_g('ww_d', _WD)}"),
    ("relunit", rf"(?:(?P<ru_el>earlier|later)\s+(?:this|in\s+the)|{_g('ru_rel', _REL)})\s+"
                rf"(?P<ru_u>weekend|week|month|year|yr|decade)(?![a-z])"),
    ("restof", r"(?:the\s+)?(?:rest|remainder)\s+of\s+(?:the|this)\s+(?P<ro_u>week|month|year)(?![a-z])"),
    ("theweekend", r"(?:over\s+)?the\s+weekend(?![a-z])"),
    ("holiday", rf"(?:(?P<hol_rel>last|next|this|previous|following|coming|upcoming)\s+)?"
                rf"(?P<hol_n>{HOLIDAY_PATTERN})(?:,?\s+(?:in\s+)?{_g('hol_y', _YEAR)}"
                rf"|\s+(?:of\s+|in\s+)?(?P<hol_rel2>this|next|last)\s+year)?(?![a-z])"),
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
_SINGLE = {name: re.compile(r"(?<![\w])" + _g(name, body), _FLAGS) for name, body in _ALTERNATIVES}


# For each first character, the alternatives that may start with it (in order).
_FIRST = {name: first_chars(body, _FLAGS) for name, body in _ALTERNATIVES}
_BY_FIRST_CHAR = {c: tuple(n for n in _ALT_NAMES if _FIRST[n] is None or c in _FIRST[n])
                  for c in "abcdefghijklmnopqrstuvwxyz0123456789'’"}
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
    r"sat|sun|spring|summer|fall|autumn|winter|day|week|fortnight|month|year|yr|decade|quarter|qtr|half|"
    r"century|today|tonight|yesterday|tomorrow|q[1-4]|h[12]|fy|fiscal|ytd|so\s+far|"
    r"(?:twen|thir|for|fif|six|seven|eigh|nine)ties|" + HOLIDAY_ANCHORS + ")", _FLAGS)
# What a number that belongs to a date looks like from its first digit: a year, a number
# joined to another by / . - (numeric dates, ranges), an ordinal, a number before a month or a
# time unit, a decade, a day after "the" or a weekday. Everything else is skipped unread.
_DIGIT_DATE = re.compile(
    r"(?:1\d{3}|20\d\d)(?!\d)|\d{1,2}(?:st|nd|rd|th|\s*[/\-–]\s*(?:\d|[a-z]{3})|\.\d\d?\.\d"
    r"|\s*(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|[qh][1-4]\b|upcoming|next|"
    r"past|previous|coming|following|mon|tue|wed|thu|fri|sat|sun)|\s+(?:and|to|until|till|through|thru)\s+(?:the\s+)?\d"
    r"|['’]?s\b)|\d\d['’]?s\b|(?:(?<=the\s)|(?<=day\s)|(?<=day,\s)|(?<=mon\s)|(?<=tue\s)|"
    r"(?<=wed\s)|(?<=thu\s)|(?<=fri\s)|(?<=sat\s)|(?<=sun\s))\d{1,2}(?!\d)", _FLAGS)
# Speed: scanned in the lower-cased text, behind a lookahead for the characters an anchor can
# begin with, so most positions are rejected by one class test.
_ANCHOR_LOWER = re.compile(skip_ahead(_ANCHOR.pattern))
# Unit words that start a date only when a word before them belongs to it ("last year",
# "the week", "two days ago") or a few words after them do ("week of March 3", "year 2011").
_UNIT_ANCHORS = frozenset("day week fortnight month year yr decade quarter qtr half century".split())
_UNIT_OPENS = re.compile(r"\s+(?:of|beginning|starting|commencing|to\s+date|\d)")
# A count of time units is a date only when it is counted from now ("3 days ago", "in 5
# years", "the past 2 weeks"), not as a duration ("a 5-year plan", "for 3 days").
_DIGIT_UNIT = re.compile(r"\d{1,3}\s+(?:(?:next|past|previous|coming|upcoming|following)\s+)?"
                         r"(?:days?|weeks?|months?|years?|decades?|fortnights?|quarters?)"
                         r"(?:\s+(?P<direction>ago|from|hence|back|before|after|later|earlier)\b|(?=\s|$|\W))", _FLAGS)
_COUNT_OPENERS = frozenset("""in within next past last previous preceding coming upcoming following
the""".split())
# Words that may open a date before its anchor ("from the", "between", "in two", "the first").
_LEAD_WORDS = frozenset("""the from between week in within over this last next past coming
upcoming previous following current earlier later first second third fourth fifth final a an
couple of one two three four five six seven eight nine ten eleven twelve on fiscal year day
before after few preceding rest remainder thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty
thirty forty fifty sixty seventy eighty ninety""".split()) | frozenset(_WEEKDAY_NUMBER)
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
# A numeric date just before or after a dash: "10/1-11/7" is a range, not a serial number.
_NUMERIC_DATE_NEXT = re.compile(r"[-–]\d{1,2}/\d{1,2}(?:/\d{2,4})?(?![\d/])")
_NUMERIC_DATE_BEFORE = re.compile(r"(?<![\d/])\d{1,2}/\d{1,2}(?:/\d{2,4})?[-–]$")
