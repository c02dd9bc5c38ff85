"""Date claims: a table of news-style sentences (written for these tests) and their periods.

Rows give the sentence, the publication date (or None) and the expected claims as
(text, stated start, stated end, granularity, hedge, low, high). Known misses are strict
xfail rows so that a fix shows up. "early/mid/late" and "earlier/later this ..." state the
part they name (a range); `low`/`high` keep the slightly wider part a claim is compatible with.
"""
from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile.extract.context import Context
from reconcile.extract import extract_claims
from reconcile.extract.dates import extract_dates, number_spans
from reconcile.model import Kind
from reconcile.rules import load_rules

PUB = dt.date(2025, 11, 19)  # a Wednesday


def _dates(text: str, published: dt.date | None = PUB) -> list[tuple]:
    ctx = Context.build(text, published, load_rules())
    out = []
    for claim in extract_dates(ctx):
        v = claim.value
        stated = v.stated or (None, None)
        out.append((claim.text, stated[0], stated[1], v.granularity, v.hedge, v.low, v.high))
    return out


def _one(text, start, end, granularity, hedge=None, low="=", high="="):
    return (text, start, end, granularity, hedge, start if low == "=" else low,
            end if high == "=" else high)


ABSOLUTE = [
    pytest.param("The plant opened on March 3, 2025, after delays.",
                 [_one("March 3, 2025", "2025-03-03", "2025-03-03", "day")], id="month-day-year"),
    pytest.param("Voters went to the polls on 6 May 2021 in Scotland.",
                 [_one("6 May 2021", "2021-05-06", "2021-05-06", "day")], id="day-month-year"),
    pytest.param("The ceasefire took effect on Friday, Feb. 7, 2025.",
                 [_one("Friday, Feb. 7, 2025", "2025-02-07", "2025-02-07", "day")], id="weekday-abbrev"),
    pytest.param("The filing is dated 2024-06-30.",
                 [_one("2024-06-30", "2024-06-30", "2024-06-30", "day")], id="iso"),
    pytest.param("The memo, dated 11/04/2024, was leaked.",
                 [_one("11/04/2024", "2024-11-04", "2024-11-04", "day")], id="us-numeric"),
    pytest.param("Completion is expected in February 2031, the ministry said.",
                 [_one("February 2031", "2031-02-01", "2031-02-28", "month")], id="month-year"),
    pytest.param("The law was passed in 2024 after a long debate.",
                 [_one("2024", "2024-01-01", "2024-12-31", "year")], id="year"),
    pytest.param("Turnout in the 2024 election was high.",
                 [_one("2024", "2024-01-01", "2024-12-31", "year")], id="year-adjective"),
    pytest.param("Revenue rose 4% in Q3 2025.",
                 [_one("Q3 2025", "2025-07-01", "2025-09-30", "quarter")], id="quarter-q"),
    pytest.param("Profit fell in the third quarter of 2025.",
                 [_one("the third quarter of 2025", "2025-07-01", "2025-09-30", "quarter")],
                 id="quarter-words"),
    pytest.param("The FY2026 budget request was sent to Congress.",
                 [_one("FY2026", "2025-10-01", "2026-09-30", "year")], id="fiscal-fy"),
    pytest.param("The company expects losses in fiscal 2024.",
                 [_one("fiscal 2024", "2023-10-01", "2024-09-30", "year")], id="fiscal-word"),
    pytest.param("Flooding hit the region in summer 2024.",
                 [_one("summer 2024", "2024-06-01", "2024-08-31", "season")], id="season-summer"),
    pytest.param("Gas demand peaked in winter 2024.",
                 [_one("winter 2024", "2024-12-01", "2025-02-28", "season")], id="season-winter"),
    pytest.param("The band was popular in the 1990s.",
                 [_one("the 1990s", "1990-01-01", "1999-12-31", "decade")], id="decade"),
    pytest.param("The programme runs from 2026 to 2033.",
                 [_one("from 2026 to 2033", "2026-01-01", "2033-12-31", "range")], id="range-years"),
    pytest.param("Sales were weak between March and May 2024.",
                 [_one("between March and May 2024", "2024-03-01", "2024-05-31", "range")],
                 id="range-months"),
    pytest.param("The festival runs November 19-22, 2025.",
                 [_one("November 19-22, 2025", "2025-11-19", "2025-11-22", "range")], id="range-days"),
    pytest.param("Results for the 2024-25 season were mixed.",
                 [_one("2024-25", "2024-01-01", "2025-12-31", "range")], id="range-season-years"),
    pytest.param("Offices were closed the week of March 3, 2025.",
                 [_one("the week of March 3, 2025", "2025-03-03", "2025-03-09", "week")], id="week-of"),
    pytest.param("The election is held on the first Tuesday in November 2026.",
                 [_one("the first Tuesday in November 2026", "2026-11-03", "2026-11-03", "day")],
                 id="nth-weekday"),
    pytest.param("Shops reopened after Christmas 2020.",
                 [_one("after Christmas 2020", "2020-12-25", "2020-12-25", "day", "after",
                       "2020-12-26", None)], id="holiday-after"),
    pytest.param("The 20th century saw two world wars.",
                 [_one("The 20th century", "1900-01-01", "1999-12-31", "range")], id="century"),
]

HEDGED = [
    pytest.param("The plant will be finished by 2031.",
                 [_one("by 2031", "2031-01-01", "2031-12-31", "year", "by", None, "2031-12-31")],
                 id="by-year"),
    pytest.param("Prices were stable before March 2025.",
                 [_one("before March 2025", "2025-03-01", "2025-03-31", "month", "before", None,
                       "2025-02-28")], id="before-month"),
    pytest.param("He has lived there since 1999.",
                 [_one("since 1999", "1999-01-01", "1999-12-31", "year", "since", "1999-01-01", None)],
                 id="since-year"),
    pytest.param("No deliveries are planned after June 2026.",
                 [_one("after June 2026", "2026-06-01", "2026-06-30", "month", "after",
                       "2026-07-01", None)], id="after-month"),
    pytest.param("The deal closed in late November 2025.",
                 [_one("late November 2025", "2025-11-21", "2025-11-30", "range", "late",
                       "2025-11-20", "2025-11-30")], id="late-month"),
    pytest.param("Trials begin in early 2024.",
                 [_one("early 2024", "2024-01-01", "2024-04-30", "range", "early")], id="early-year"),
    pytest.param("A decision is due by mid-2024.",
                 [_one("by mid-2024", "2024-05-01", "2024-08-31", "range", "by", None, "2024-08-31")],
                 id="by-mid-year"),
    pytest.param("Output recovered in late 2024.",
                 [_one("late 2024", "2024-09-01", "2024-12-31", "range", "late")], id="late-year"),
    pytest.param("The line opens by the end of 2027.",
                 [_one("by the end of 2027", "2027-09-01", "2027-12-31", "range", "by", None,
                       "2027-12-31")], id="by-end-of"),
    pytest.param("The genre peaked in the late 1990s.",
                 [_one("the late 1990s", "1997-01-01", "1999-12-31", "range", "late", "1996-01-01",
                       "1999-12-31")], id="late-decade"),
    pytest.param("Prices rose in mid-March 2025.",
                 [_one("mid-March 2025", "2025-03-11", "2025-03-20", "range", "mid", "2025-03-10",
                       "2025-03-20")], id="mid-month"),
    pytest.param("The firm was founded at the beginning of 2000.",
                 [_one("the beginning of 2000", "2000-01-01", "2000-04-30", "range", "early")],
                 id="beginning-of-year"),
    pytest.param("Talks stalled since late July 2024.",
                 [_one("since late July 2024", "2024-07-21", "2024-07-31", "range", "since",
                       "2024-07-20", None)], id="since-late-month"),
    pytest.param("Deliveries must arrive before 2030.",
                 [_one("before 2030", "2030-01-01", "2030-12-31", "year", "before", None,
                       "2029-12-31")], id="before-year"),
]

RELATIVE = [
    pytest.param("Flights resume in two weeks' time, the airline said.",
                 [_one("in two weeks' time", "2025-12-03", "2025-12-03", "day", None, "2025-12-01",
                       "2025-12-05")], id="in-weeks-time"),
    pytest.param("The plant ships in two weeks.",
                 [_one("in two weeks", "2025-12-03", "2025-12-03", "day", None, "2025-12-01",
                       "2025-12-05")], id="in-weeks"),
    pytest.param("The rules take effect in three months from now.",
                 [_one("in three months from now", "2026-02-19", "2026-02-19", "day", None,
                       "2026-02-12", "2026-02-26")], id="in-months-from-now"),
    pytest.param("The ruling came three weeks ago.",
                 [_one("three weeks ago", "2025-10-29", "2025-10-29", "day", None, "2025-10-27",
                       "2025-10-31")], id="weeks-ago"),
    pytest.param("The plan must be agreed within two weeks.",
                 [_one("within two weeks", "2025-11-19", "2025-12-02", "range")], id="within-weeks"),
    pytest.param("Output rose over the next three months.",
                 [_one("the next three months", "2025-12-01", "2026-02-28", "range", None,
                       "2025-11-20", "2026-02-28")], id="next-n-months"),
    pytest.param("Prices doubled over the past two years.",
                 [_one("the past two years", "2023-11-19", "2025-11-18", "range")], id="past-n-years"),
    pytest.param("Rain is forecast for the next few days.",
                 [_one("the next few days", "2025-11-20", "2025-11-22", "range", None, "2025-11-20",
                       "2025-11-22")], id="next-few-days"),
    pytest.param("The index is up 12% year to date.",
                 [_one("year to date", "2025-01-01", "2025-11-19", "range")], id="year-to-date"),
    pytest.param("Arrests are due later this month.",
                 [_one("later this month", "2025-11-19", "2025-11-30", "range")], id="later-this-month"),
    pytest.param("He took office last Thursday.",
                 [_one("last Thursday", "2025-11-13", "2025-11-13", "day")], id="last-weekday"),
    pytest.param("The vote was held on Sunday.",
                 [_one("Sunday", "2025-11-16", "2025-11-16", "day")], id="bare-weekday"),
    pytest.param("Police said the shooting happened yesterday.",
                 [_one("yesterday", "2025-11-18", "2025-11-18", "day")], id="yesterday"),
    pytest.param("Exports fell sharply last year.",
                 [_one("last year", "2024-01-01", "2024-12-31", "year")], id="last-year"),
    pytest.param("The plant will reopen in a year, the company said.",
                 [_one("in a year", "2026-11-19", "2026-11-19", "day", None, "2026-08-20",
                       "2027-02-18")], id="in-a-year-counted"),
    pytest.param("The repairs will be done in a week's time.",
                 [_one("in a week's time", "2025-11-26", "2025-11-26", "day", None,
                       "2025-11-24", "2025-11-28")], id="in-a-weeks-time"),
    pytest.param("Rents rose 5% over the past year.",
                 [_one("past year", "2024-11-19", "2025-11-18", "range")], id="over-the-past-year"),
    pytest.param("Police made 40 arrests in the last month.",
                 [_one("last month", "2025-10-19", "2025-11-18", "range")], id="in-the-last-month"),
    pytest.param("The minister resigned earlier this month.",
                 [_one("earlier this month", "2025-11-01", "2025-11-18", "range")],
                 id="earlier-this-month"),
    pytest.param("Talks resume next week.",
                 [_one("next week", "2025-11-24", "2025-11-30", "week")], id="next-week"),
    pytest.param("Inflation has eased this year.",
                 [_one("this year", "2025-01-01", "2025-12-31", "year")], id="this-year"),
    pytest.param("The storm hit two days ago.",
                 [_one("two days ago", "2025-11-17", "2025-11-17", "day")], id="days-ago"),
    # a count that is a bound: any day before it, or any day since it
    pytest.param("The rifle was reported stolen more than 20 years ago.",
                 [_one("more than 20 years ago", "2005-11-19", "2005-11-19", "day", None, None,
                       "2006-02-18")], id="more-than-years-ago"),
    pytest.param("She moved in less than two weeks ago.",
                 [_one("less than two weeks ago", "2025-11-05", "2025-11-05", "day", None,
                       "2025-11-03", "2025-11-19")], id="less-than-weeks-ago"),
    pytest.param("The bill passed on Monday.",
                 [_one("Monday", "2025-11-17", "2025-11-17", "day")], id="monday"),
    pytest.param("The report was published on Feb. 6.",
                 [_one("Feb. 6", "2025-02-06", "2025-02-06", "day")], id="day-without-year"),
    pytest.param("The summit is scheduled for Jan. 12.",
                 [_one("Jan. 12", "2026-01-12", "2026-01-12", "day")], id="day-without-year-ahead"),
    pytest.param("Sales rose in the last quarter.",
                 [_one("the last quarter", "2025-07-01", "2025-09-30", "quarter")], id="last-quarter"),
    pytest.param("Crowds gathered over the weekend.",
                 [_one("over the weekend", "2025-11-15", "2025-11-16", "range")], id="weekend"),
    pytest.param("The company posted a profit a year ago.",
                 [_one("a year ago", "2024-11-19", "2024-11-19", "day", None, "2024-08-20",
                       "2025-02-18")], id="year-ago"),
    pytest.param("Shoppers will crowd stores on Thanksgiving.",
                 [_one("Thanksgiving", "2025-11-27", "2025-11-27", "day")], id="holiday-future"),
    pytest.param("Shoppers crowded stores on Thanksgiving.",
                 [_one("Thanksgiving", "2024-11-28", "2024-11-28", "day")], id="holiday-past-tense"),
]

# Year-less dates and weekdays: the nearest occurrence unless tense or a relative word decides
# (module docstring). PUB is Wednesday 2025-11-19.
NEAREST_AND_TENSE = [
    pytest.param("The talks are scheduled for Feb. 6.",
                 [_one("Feb. 6", "2026-02-06", "2026-02-06", "day")], id="future-cue-scheduled"),
    pytest.param("The agency said the report was released on Dec. 2.",
                 [_one("Dec. 2", "2024-12-02", "2024-12-02", "day")], id="past-cue-was"),
    pytest.param("Ticket sales for Dec. 2 are brisk.",
                 [_one("Dec. 2", "2025-12-02", "2025-12-02", "day")], id="no-cue-nearest"),
    # a passive after "be" has no tense of its own: the cue before it decides
    pytest.param("The utility expects everyone to be reconnected by Dec. 2.",
                 [_one("by Dec. 2", "2025-12-02", "2025-12-02", "day", "by", None,
                       "2025-12-02")], id="passive-after-be"),
    pytest.param("Power had been restored by Dec. 2.",
                 [_one("by Dec. 2", "2024-12-02", "2024-12-02", "day", "by", None,
                       "2024-12-02")], id="past-perfect-passive"),
    pytest.param("The festival runs July 13-15 in the old town.",
                 [_one("July 13-15", "2025-07-13", "2025-07-15", "range")], id="range-nearest"),
    pytest.param("Officials will meet on Friday.",
                 [_one("Friday", "2025-11-21", "2025-11-21", "day")], id="weekday-will"),
    pytest.param("Officials met on Friday.",
                 [_one("Friday", "2025-11-14", "2025-11-14", "day")], id="weekday-past"),
    pytest.param("Voting opens next Friday.",
                 [_one("next Friday", "2025-11-28", "2025-11-28", "day")], id="next-weekday-week"),
    pytest.param("The cabinet met last Tuesday.",
                 [_one("last Tuesday", "2025-11-11", "2025-11-11", "day")], id="last-weekday-week"),
    pytest.param("Crews return the coming Wednesday.",
                 [_one("coming Wednesday", "2025-11-26", "2025-11-26", "day")], id="coming-weekday"),
    pytest.param("The hearing moved to next week Thursday.",
                 [_one("next week Thursday", "2025-11-27", "2025-11-27", "day")], id="week-then-weekday"),
    pytest.param("The hearing moved to Thursday next week.",
                 [_one("Thursday next week", "2025-11-27", "2025-11-27", "day")], id="weekday-then-week"),
    pytest.param("The ruling is expected Friday after next.",
                 [_one("Friday after next", "2025-12-05", "2025-12-05", "day")], id="weekday-after-next"),
    pytest.param("Polls close Thu. evening.",
                 [_one("Thu.", "2025-11-20", "2025-11-20", "day")], id="weekday-abbrev"),
    pytest.param("The strike began on Monday 10, union leaders said.",
                 [_one("Monday 10", "2025-11-10", "2025-11-10", "day")], id="weekday-day-number"),
    pytest.param("The match, Fri, Jul 18, sold out.",
                 [_one("Fri, Jul 18", "2025-07-18", "2025-07-18", "day")], id="weekday-picks-year"),
    pytest.param("Filings are due 2/15, the agency said.",
                 [_one("2/15", "2026-02-15", "2026-02-15", "day")], id="slash-month-day"),
    pytest.param("The ferry sailed on 22/04 with 300 aboard.",
                 [_one("22/04", "2025-04-22", "2025-04-22", "day")], id="on-day-month"),
]

UNRESOLVED = [
    pytest.param("He took office last Thursday.", "last Thursday", "day", id="last-weekday"),
    pytest.param("The report was published on Feb. 6.", "Feb. 6", "day", id="day-without-year"),
    pytest.param("Exports fell sharply last year.", "last year", "year", id="last-year"),
    pytest.param("The minister resigned earlier this month.", "earlier this month", "range",
                 id="earlier-this-month"),
    pytest.param("Output rose over the next three months.", "the next three months", "range",
                 id="next-n-months"),
    pytest.param("Shops closed on Thanksgiving.", "Thanksgiving", "day", id="holiday"),
    pytest.param("Trading resumed two weeks after Easter.", "two weeks after Easter", "day",
                 id="offset-holiday"),
    pytest.param("The storm hit two days ago.", "two days ago", "day", id="days-ago"),
]

NOT_DATES = [
    pytest.param("The company reported $2024 million in sales.", id="money"),
    pytest.param("Officials counted 2,024 people at the rally.", id="count-comma"),
    pytest.param("About 2024 people attended the march on the capital.", id="count-hedged"),
    pytest.param("Some 1,500 troops were deployed.", id="thousands"),
    pytest.param("The COVID-19 pandemic closed schools.", id="covid"),
    pytest.param("Call the hotline at 555-2024 or 1-800-555-2024.", id="phone"),
    pytest.param("The home side won 5-4 on penalties.", id="score"),
    pytest.param("Protesters gathered at 1600 Pennsylvania Avenue.", id="address"),
    pytest.param("The mayor, 2024 votes ahead, declared victory.", id="votes"),
    pytest.param("The rocket climbed 2024 km before separation.", id="unit"),
    pytest.param("Prime Minister Theresa May spoke to reporters.", id="may-name"),
    pytest.param("The decision may take longer than expected.", id="may-verb"),
    pytest.param("Shares fall on weak earnings.", id="fall-verb"),
    pytest.param("The fall of Kabul shocked the world.", id="fall-of"),
    pytest.param("Growth was the highest in 10 years.", id="duration"),
    pytest.param("The fire started on the 4th floor.", id="floor"),
    pytest.param("He scored 20% of the points.", id="percent"),
    pytest.param("Doors open at 10:30 p.m.", id="time"),
    pytest.param("Inflation of 2.5 per cent was reported.", id="decimal"),
    pytest.param("Also Read: Storm hits coast in 2024", id="boilerplate"),
    pytest.param("The flood came in a year when many of them are still cleaning up.",
                 id="a-year-when"),
    pytest.param("It fell in a week that saw record rain across the county.", id="a-week-that"),
    pytest.param("Shares sank in a year in which rates rose twice.", id="a-year-in-which"),
    pytest.param("The vote came in a month where turnout hit a low.", id="a-month-where"),
    pytest.param("He lost his seat in a decade marked by war.", id="a-decade-marked-by"),
    pytest.param("The results appear in a year-long study of commuters.", id="year-long"),
    pytest.param("Crews cleared the road in a day's work.", id="a-days-work"),
    pytest.param("She cut spending in the last year of her term.", id="last-year-of-term"),
]

NOT_DATES_2 = [
    pytest.param("Two-thirds, or 2/3 of voters, backed the plan.", id="fraction-of"),
    pytest.param("The memorial marks 9/11 every year.", id="nine-eleven"),
    pytest.param("The Sun reported the story first.", id="sun-newspaper"),
    pytest.param("Shares rose 3.5 percent on the day.", id="decimal-percent"),
]

KNOWN_MISSES = [
    pytest.param("The vote is May twenty nine.",
                 [_one("May twenty nine", "2025-05-29", "2025-05-29", "day")], id="number-word-day"),
    pytest.param("They met on 18 and 19 June 2025.",
                 [_one("18 and 19 June 2025", "2025-06-18", "2025-06-19", "range")], id="day-list"),
    pytest.param("Markets reopen after Chinese New Year 2026.",
                 [_one("after Chinese New Year 2026", "2026-02-17", "2026-02-17", "day", "after",
                       "2026-02-18", None)], id="lunar-new-year"),
    pytest.param("Voting runs from 5/1-5/7, 2026.",
                 [_one("from 5/1-5/7, 2026", "2026-05-01", "2026-05-07", "range")],
                 id="numeric-range-shared-year"),
]

# Ranges of two complete dates, joined whatever their form (the patterns read "Nov 19-22").
RANGES = [
    pytest.param("Prices fell from 10/1 to 11/7.",
                 [_one("from 10/1 to 11/7", "2025-10-01", "2025-11-07", "range")], id="numeric-range"),
    pytest.param("Sales recovered from April to June in 2017.",
                 [_one("from April to June in 2017", "2017-04-01", "2017-06-30", "range")],
                 id="range-in-year"),
    pytest.param("The leave ran from 10/1/2018 - 10/7/2018.",
                 [_one("from 10/1/2018 - 10/7/2018", "2018-10-01", "2018-10-07", "range")],
                 id="numeric-dates"),
    pytest.param("Output grew from 2007 to the end of 2008.",
                 [_one("from 2007 to the end of 2008", "2007-01-01", "2008-12-31", "range")],
                 id="year-to-part"),
    pytest.param("The museum was shut from April until the end of June.",
                 [_one("from April until the end of June", "2025-04-01", "2025-06-30", "range",
                       None, "2025-04-01", "2025-06-30")],
                 id="until-part"),
    pytest.param("Data cover the period between Jan 2019 and now.",
                 [_one("between Jan 2019 and now", "2019-01-01", "2025-11-19", "range")],
                 id="to-now"),
    pytest.param("He has led the board from 2010 to the present.",
                 [_one("from 2010 to the present", "2010-01-01", "2025-11-19", "range")],
                 id="to-present"),
    pytest.param("Work continues between now and March 15.",
                 [_one("between now and March 15", "2025-11-19", "2026-03-15", "range")],
                 id="from-now"),
    pytest.param("Strikes are planned from next Monday to Friday.",
                 [_one("from next Monday to Friday", "2025-11-24", "2025-11-28", "range")],
                 id="weekday-after-start"),
    pytest.param("Repairs will run from the end of March to the middle of September.",
                 [_one("from the end of March to the middle of September", "2026-03-21",
                       "2026-09-20", "range", None, "2026-03-20", "2026-09-20")],
                 id="year-less-parts"),
    pytest.param("The fair opened on 28 June in 2020.",
                 [_one("28 June in 2020", "2020-06-28", "2020-06-28", "day")], id="day-in-year"),
]

NOT_RANGES = [
    pytest.param("Sales rose in 2019 and 2020.", ["2019", "2020"], id="and-lists"),
    pytest.param("The score was 2015 - 32 at the break.", ["2015"], id="dash-year-number"),
]

# Holidays: fixed, nth weekday, Easter-based, Orthodox, Hebrew (from the evening before) and
# Islamic (tabular calendar, two days either side in low/high).
HOLIDAYS = [
    pytest.param("Stores opened early on Black Friday 2024.",
                 [_one("Black Friday 2024", "2024-11-29", "2024-11-29", "day")], id="black-friday"),
    pytest.param("Markets closed for MLK Day 2025.",
                 [_one("MLK Day 2025", "2025-01-20", "2025-01-20", "day")], id="mlk-day"),
    pytest.param("Parades marked St. Patrick's Day 2025.",
                 [_one("St. Patrick's Day 2025", "2025-03-17", "2025-03-17", "day")], id="st-patrick"),
    pytest.param("Pilgrims gathered on Palm Sunday 2025.",
                 [_one("Palm Sunday 2025", "2025-04-13", "2025-04-13", "day")], id="palm-sunday"),
    pytest.param("Shops shut on Whit Monday 2024.",
                 [_one("Whit Monday 2024", "2024-05-20", "2024-05-20", "day")], id="whit-monday"),
    pytest.param("Services were held for Orthodox Easter 2024.",
                 [_one("Orthodox Easter 2024", "2024-05-05", "2024-05-05", "day")],
                 id="orthodox-easter"),
    pytest.param("The fast of Lent 2025 began.",
                 [_one("Lent 2025", "2025-03-05", "2025-04-19", "range")], id="lent"),
    pytest.param("Synagogues were full on Yom Kippur 2018.",
                 [_one("Yom Kippur 2018", "2018-09-18", "2018-09-19", "range")], id="yom-kippur"),
    pytest.param("Families met for Passover 2018.",
                 [_one("Passover 2018", "2018-03-30", "2018-04-07", "range")], id="passover"),
    pytest.param("Candles were lit for Hanukkah 2018.",
                 [_one("Hanukkah 2018", "2018-12-02", "2018-12-10", "range")], id="hanukkah"),
    pytest.param("Prayers were held for Eid al-Fitr 2018.",
                 [_one("Eid al-Fitr 2018", "2018-06-15", "2018-06-15", "day", None, "2018-06-13",
                       "2018-06-17")], id="eid"),
    pytest.param("Thanksgiving of next year falls late.",
                 [_one("Thanksgiving of next year", "2026-11-26", "2026-11-26", "day")],
                 id="holiday-of-next-year"),
    pytest.param("Crowds gathered on New Year's Eve.",
                 [_one("New Year's Eve", "2024-12-31", "2024-12-31", "day")], id="new-years-eve"),
    # names that are also a place's or a person's: the words around them make them holidays
    pytest.param("Shops closed on Corpus Christi.",
                 [_one("Corpus Christi", "2025-06-19", "2025-06-19", "day")], id="corpus-christi-on"),
    pytest.param("The Corpus Christi holiday closed the shops.",
                 [_one("Corpus Christi", "2025-06-19", "2025-06-19", "day")],
                 id="corpus-christi-holiday"),
    pytest.param("Fish sales rose during Lent.",
                 [_one("Lent", "2025-03-05", "2025-04-19", "range")], id="during-lent"),
    pytest.param("Fish sales were weak last Lent.",
                 [_one("last Lent", "2025-03-05", "2025-04-19", "range")], id="last-lent"),
]

NOT_HOLIDAYS = [
    pytest.param("The bank lent him money.", id="lent-verb"),
    pytest.param("It was a good Friday for the markets.", id="good-friday-lower"),
    pytest.param("A Corpus Christi man was arrested.", id="corpus-christi-city"),
    pytest.param("He was stopped by Corpus Christi police.", id="corpus-christi-police"),
    pytest.param("Rep. Norman Lent said the law was weak.", id="lent-surname"),
    pytest.param("Lent asked.", id="lent-surname-first"),
]

# Other forms: weeks, counts from a date, numeric months, weekday with a year-less date.
OTHER_FORMS = [
    pytest.param("The survey ran in week 3 of 2027.",
                 [_one("week 3 of 2027", "2027-01-18", "2027-01-24", "week")], id="iso-week"),
    pytest.param("Bookings rose in the first week of 2021.",
                 [_one("the first week of 2021", "2021-01-04", "2021-01-10", "week")],
                 id="first-week-of-year"),
    pytest.param("The fair is held the last week of September 2026.",
                 [_one("the last week of September 2026", "2026-09-21", "2026-09-27", "week")],
                 id="last-week-of-month"),
    pytest.param("The council meets the first Monday of the month.",
                 [_one("the first Monday of the month", "2025-11-03", "2025-11-03", "day")],
                 id="first-weekday-of-month"),
    pytest.param("It happened 2 weeks before May 13 1999.",
                 [_one("2 weeks before May 13 1999", "1999-04-29", "1999-04-29", "day", None,
                       "1999-04-27", "1999-05-01")], id="weeks-before-date"),
    pytest.param("The order expires 16 days from 01/02/2026.",
                 [_one("16 days from 01/02/2026", "2026-01-18", "2026-01-18", "day")],
                 id="days-from-date"),
    pytest.param("The plan for Dec/2025 was approved.",
                 [_one("Dec/2025", "2025-12-01", "2025-12-31", "month")], id="month-slash-year"),
    pytest.param("The match, Fri, Jul 17, sold out.",
                 [_one("Fri, Jul 17", "2026-07-17", "2026-07-17", "day")],
                 id="weekday-picks-next-year"),
    pytest.param("Filed on 2019-aug-01, the suit was dropped.",
                 [_one("2019-aug-01", "2019-08-01", "2019-08-01", "day")], id="iso-month-name"),
]


@pytest.mark.parametrize("text, expected", ABSOLUTE)
def test_extract_dates_absolute(text, expected):
    assert _dates(text) == expected


@pytest.mark.parametrize("text, expected", HEDGED)
def test_extract_dates_hedged(text, expected):
    assert _dates(text) == expected


@pytest.mark.parametrize("text, expected", RELATIVE)
def test_extract_dates_relative_resolved(text, expected):
    assert _dates(text) == expected
    ctx = Context.build(text, PUB, load_rules())
    claim = extract_dates(ctx)[0]
    assert claim.value.relative and claim.value.anchor == PUB.isoformat()


@pytest.mark.parametrize("text, span, granularity", UNRESOLVED)
def test_extract_dates_relative_unresolved(text, span, granularity):
    ctx = Context.build(text, None, load_rules())
    claims = extract_dates(ctx)
    assert [c.text for c in claims] == [span]
    value = claims[0].value
    assert (value.stated, value.low, value.high, value.anchor) == (None, None, None, None)
    assert value.relative and value.granularity == granularity


@pytest.mark.parametrize("text, expected", NEAREST_AND_TENSE)
def test_extract_dates_nearest_and_tense(text, expected):
    assert _dates(text) == expected


@pytest.mark.parametrize("text", NOT_DATES_2)
def test_extract_dates_not_dates_numeric_and_names(text):
    assert _dates(text) == []


@pytest.mark.parametrize("text", NOT_DATES)
def test_extract_dates_not_dates(text):
    assert _dates(text) == []


@pytest.mark.parametrize(("text", "kept"), [
    # a page's own time stamp: a stamp word and a clock time beside the date
    ("Updated 4/9/2007 6:04 PM", []),
    ("Posted: Nov 27, 2005 8:20 AM ET Last Updated: Nov 27, 2005 8:10 PM ET", []),
    ("posted at 10:04 am on May 14, 2013", []),
    ("21 July 2013 Last updated at 11:11 GMT", []),
    ("on April 30, 2008 at 4:31 AM, updated April 30, 2008 at 8:33 AM", []),
    ("PUBLISHED: 02:31 GMT, 12 March 2013 | UPDATED: 22:19 GMT, 12 March 2013", []),
    ("by: Staff Reporter Updated: Feb 6, 2017 - 3:44 PM", []),
    # dates of the story, stamp words or clock times or not
    ("The report was published on March 3, 2013, the ministry said.", ["March 3, 2013"]),
    ("The shooting happened on March 5, 2013 at 11:30 p.m. outside the bar.", ["March 5, 2013"]),
    ("On Monday, updated figures showed 12 people had died.", ["Monday"]),
    ("He posted bail on Friday at 10:30 a.m. and left the jail.", ["Friday"]),
    # a stamp on the line above does not make the next line's date one
    ("Updated 5:40 p.m. ET\nEarly Friday, the actress checked into a clinic.", ["Early Friday"]),
])
def test_a_pages_time_stamp_is_no_date_claim(text, kept):
    claims = extract_claims(text, published="2013-05-20")
    assert [c.text for c in claims if c.kind == Kind.DATE] == kept


@pytest.mark.parametrize("text, expected", [
    pytest.param(*p.values, marks=pytest.mark.xfail(strict=True), id=p.id) for p in KNOWN_MISSES])
def test_extract_dates_known_misses(text, expected):
    assert _dates(text) == expected


@pytest.mark.parametrize("text, expected", RANGES)
def test_extract_dates_ranges(text, expected):
    assert _dates(text) == expected


@pytest.mark.parametrize("text, spans", NOT_RANGES)
def test_extract_dates_not_ranges(text, spans):
    assert [row[0] for row in _dates(text)] == spans


@pytest.mark.parametrize("text, expected", HOLIDAYS)
def test_extract_dates_holidays(text, expected):
    assert _dates(text) == expected


@pytest.mark.parametrize("text", NOT_HOLIDAYS)
def test_extract_dates_not_holidays(text):
    assert _dates(text) == []


@pytest.mark.parametrize("text, expected", OTHER_FORMS)
def test_extract_dates_other_forms(text, expected):
    assert _dates(text) == expected


def test_extract_dates_invalid_day_gives_no_claim():
    assert _dates("The memo was dated February 30, 2025.") == []


def test_extract_dates_invalid_day_skips_only_that_date():
    text = "The memo was dated February 30, 2025. It was signed on March 3, 2025, in 2/29/2019."
    assert [row[0] for row in _dates(text)] == ["March 3, 2025"]


@pytest.mark.parametrize("text, hidden, readable", [
    pytest.param("The plant opened on March 3, 2025.", ["March 3, 2025"], [], id="day-and-year"),
    pytest.param("Exports fell over the past two years.", [], ["the past two years"],
                 id="counted-span-keeps-its-count"),
    pytest.param("The storm hit two days ago.", ["two days ago"], [], id="ago"),
    pytest.param("Fusion will feed the grid in 15 years.", [], ["in 15 years"], id="in-years"),
])
def test_extract_dates_number_spans(text, hidden, readable):
    """Numbers inside these spans are dates, not counts (the number extractor skips them)."""
    claims = extract_dates(Context.build(text, PUB, load_rules()))
    spans = number_spans(claims)
    assert [text[s:e] for s, e in spans] == hidden
    assert [c.text for c in claims if (c.start, c.end) not in spans] == readable


def test_extract_dates_years_are_not_counts():
    claims = extract_claims("In 2024 the 12 members met on May 5 and voted 2 to 1.", PUB)
    kinds = [(c.kind, c.text) for c in claims]
    assert (Kind.DATE, "2024") in kinds and (Kind.DATE, "May 5") in kinds
    assert not any(c.kind != Kind.DATE and c.text in ("2024", "5") for c in claims)


def test_extract_dates_claim_fields():
    text = "Completion is expected by February 2031, officials said."
    claim = extract_dates(Context.build(text, PUB, load_rules()))[0]
    assert claim.kind is Kind.DATE
    assert text[claim.start:claim.end] == claim.text == "by February 2031"
    assert claim.sentence == text
    assert claim.subject == "completion expected officials"
    assert claim.value.to_dict() == {"stated": ["2031-02-01", "2031-02-28"],
                                     "granularity": "month", "low": None,
                                     "high": "2031-02-28", "hedge": "by", "anchor": None}


_NEWSY = st.lists(st.sampled_from([
    "March", "May", "3", "2024", "2,024", "-", "to", "from", "between", "and", "by", "late",
    "mid-", "the", "week", "of", "last", "Thursday", "Q3", "FY26", "1990s", "$", "%", ",", ".",
    "Feb.", "29", "30", "31", "summer", "winter", "ago", "two", "days", "in", "on", "the 18th",
    "0", "99", "/", "fiscal", "year", "early", "since", "century", "20th", "yesterday", "\n",
    "Easter", "Yom Kippur", "Ramadan", "Lent", "next", "past", "few", "within", "until", "now",
    "present", "after", "before", "weeks", "months", "forty", "a couple of", "year to date",
    "Dec/2025", "10/1", "2019-aug-01", "week", "first", "Monday", "between", "9999", "1000",
]), max_size=25).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(body=st.one_of(st.text(max_size=200), _NEWSY),
       published=st.one_of(st.none(), st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31))))
def test_extract_dates_never_raises_and_spans_hold(body, published):
    ctx = Context.build(body, published, load_rules())
    claims = extract_dates(ctx)
    for claim in claims:
        assert body[claim.start:claim.end] == claim.text
        value = claim.value
        if value.low and value.high:
            assert value.low <= value.high
    assert extract_dates(ctx) == claims


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The council met in March and May 2015 to review the plans.",
     [("March", "2015-03-01"), ("May 2015", "2015-05-01")]),
    ("Prices rose in March, April and May 2015.",
     [("March", "2015-03-01"), ("April", "2015-04-01"), ("May 2015", "2015-05-01")]),
    ("It snowed on Dec. 30 and Jan. 2, 2016.", [("Dec. 30", "2015-12-30"), ("Jan. 2, 2016", "2016-01-02")]),
    # only a month name takes the list's year: "today" stays the publication day
    ("Today and in May 2015 the plant was shut.", [("Today", "2016-10-25"), ("May 2015", "2015-05-01")]),
])
def test_dates_of_a_list_share_the_year_stated_at_its_end(sentence, expected):
    import reconcile

    found = [(c.text, c.value.stated[0]) for c in reconcile.extract(sentence, "2016-10-25")
             if c.kind == "date"]
    assert found == expected


@pytest.mark.parametrize("padding", range(12))
def test_extract_dates_subject_is_made_of_whole_words(padding):
    """The words around a date are read from a window of characters; a window that starts or
    ends inside a word ("expected") must not give its tail ("ected") as a word."""
    sentence = (f"Harborview{'s' * padding}ville officials said the reassembly of all of the "
                f"radar sites is to be done by late November 2026 and not a day later.")
    dates = [c for c in extract_claims(sentence, PUB) if c.kind == Kind.DATE]
    words = set(re.findall(r"[a-z]+", sentence.lower()))
    assert dates and all(word in words for word in dates[0].subject.split())
