"""Holiday names and how each one's day is found in a given year (computed in _holidays).

Each rule is one of:
- ("fixed", month, day)
- ("nth", month, weekday, n): the n-th weekday of the month (n = -1: the last)
- ("easter", offset, length): days from Western Easter Sunday, lasting `length` days
- ("orthodox", offset): days from Orthodox (Julian) Easter Sunday
- ("hebrew", month, day, length): a day of the Hebrew calendar (months numbered from Nisan
  = 1; 12 is Adar, Adar II in a leap year), held from the evening before
- ("islamic", month, day, length): a day of the tabular Islamic calendar
- ("after_thanksgiving", days), ("boss", ) for the two odd ones.
US dates where a country matters (Thanksgiving, Labor Day, Independence Day, Mother's Day).
"""
from __future__ import annotations

_A = "['’‘]?"  # an optional apostrophe
_SAINT = r"(?:st\.?|saint)\s+"

# (key, regex of its names, rule); the regexes are joined into one pattern, longest first.
HOLIDAYS: tuple[tuple[str, str, tuple], ...] = (
    ("christmas eve", r"christmas\s+eve|xmas\s+eve", ("fixed", 12, 24)),
    ("christmas", r"christmas(?:\s+day)?|xmas", ("fixed", 12, 25)),
    ("new year's eve", rf"new\s+year{_A}s{_A}\s+eve", ("fixed", 12, 31)),
    ("new year's day", rf"new\s+year{_A}s{_A}(?:\s+day)?|new\s+year\s+day", ("fixed", 1, 1)),
    ("black friday", r"black\s+friday", ("after_thanksgiving", 1)),
    ("cyber monday", r"cyber\s+monday", ("after_thanksgiving", 4)),
    ("thanksgiving", r"thanksgiving(?:\s+day)?", ("nth", 11, 3, 4)),
    ("easter monday", r"easter\s+mon(?:day)?", ("easter", 1, 1)),
    ("easter", r"easter(?:\s+sunday)?", ("easter", 0, 1)),
    ("good friday", r"good\s+friday", ("easter", -2, 1)),
    ("holy saturday", r"holy\s+saturday", ("easter", -1, 1)),
    ("maundy thursday", r"maundy\s+thursday|holy\s+thursday", ("easter", -3, 1)),
    ("palm sunday", r"palm\s+sunday", ("easter", -7, 1)),
    ("ash wednesday", r"ash\s+wednesday", ("easter", -46, 1)),
    ("shrove tuesday", r"shrove\s+tuesday|mardi\s+gras|pancake\s+day", ("easter", -47, 1)),
    ("lent", r"lent", ("easter", -46, 46)),
    ("ascension day", r"ascension\s+day", ("easter", 39, 1)),
    ("whit monday", r"whit\s+monday|pentecost\s+monday", ("easter", 50, 1)),
    ("pentecost", r"pentecost(?:\s+sunday)?|whit(?:e)?\s+sunday", ("easter", 49, 1)),
    ("trinity sunday", r"trinity\s+sunday", ("easter", 56, 1)),
    ("corpus christi", r"corpus\s+christi", ("easter", 60, 1)),
    ("orthodox easter", r"orthodox\s+easter(?:\s+sunday)?", ("orthodox", 0)),
    ("orthodox good friday", r"orthodox\s+(?:good|great)\s+friday", ("orthodox", -2)),
    ("clean monday", r"clean\s+monday|orthodox\s+shrove\s+monday", ("orthodox", -48)),
    ("lazarus saturday", r"lazarus\s+saturday", ("orthodox", -8)),
    ("halloween", r"halloween", ("fixed", 10, 31)),
    ("valentine's day", rf"(?:{_SAINT})?valentine{_A}s?{_A}\s+day", ("fixed", 2, 14)),
    ("independence day", r"independence\s+day", ("fixed", 7, 4)),
    ("memorial day", r"memorial\s+day", ("nth", 5, 0, -1)),
    ("labor day", r"labou?r\s+day", ("nth", 9, 0, 1)),
    ("veterans day", rf"veterans{_A}\s+day", ("fixed", 11, 11)),
    ("juneteenth", r"juneteenth", ("fixed", 6, 19)),
    ("boxing day", r"boxing\s+day", ("fixed", 12, 26)),
    ("st patrick's day", rf"{_SAINT}(?:patrick|paddy){_A}s?{_A}(?:\s+day)?", ("fixed", 3, 17)),
    ("earth day", r"earth\s+day", ("fixed", 4, 22)),
    ("may day", rf"may\s+day|(?:international\s+)?workers{_A}\s+day", ("fixed", 5, 1)),
    ("mother's day", rf"mother{_A}s{_A}\s+day", ("nth", 5, 6, 2)),
    ("father's day", rf"father{_A}s{_A}\s+day", ("nth", 6, 6, 3)),
    ("presidents' day", rf"presidents?{_A}\s+day|washington{_A}s\s+birthday", ("nth", 2, 0, 3)),
    ("martin luther king day",
     rf"(?:mlk|martin\s+luther\s+king)(?:{_A}s)?(?:\s+jr\.?)?(?:{_A}s)?\s+day|civil\s+rights\s+day",
     ("nth", 1, 0, 3)),
    ("columbus day", rf"columbus\s+day|indigenous\s+peoples{_A}\s+day", ("nth", 10, 0, 2)),
    ("groundhog day", r"groundhog\s+day", ("fixed", 2, 2)),
    ("canada day", r"canada\s+day", ("fixed", 7, 1)),
    ("bastille day", r"bastille\s+day", ("fixed", 7, 14)),
    ("australia day", r"australia\s+day", ("fixed", 1, 26)),
    ("anzac day", r"anzac\s+day", ("fixed", 4, 25)),
    ("remembrance day", r"remembrance\s+day|armistice\s+day", ("fixed", 11, 11)),
    ("guy fawkes night", rf"guy\s+fawkes{_A}?\s+(?:night|day)|bonfire\s+night", ("fixed", 11, 5)),
    ("cinco de mayo", r"cinco\s+de\s+mayo", ("fixed", 5, 5)),
    ("all saints' day", rf"all\s+saints{_A}\s+day", ("fixed", 11, 1)),
    ("boss's day", rf"boss{_A}s?{_A}\s+day", ("boss",)),
    ("rosh hashanah", r"rosh\s+hashann?ah?", ("hebrew", 7, 1, 2)),
    ("yom kippur", r"yom\s+kippur", ("hebrew", 7, 10, 1)),
    ("sukkot", r"sukkot|succoth?|succos|sukkos", ("hebrew", 7, 15, 8)),
    ("shemini atzeret", r"shemini\s+atzeret", ("hebrew", 7, 22, 1)),
    ("simchat torah", r"simchat\s+torah", ("hebrew", 7, 23, 1)),
    ("hanukkah", r"hann?uk?kah|chanukk?ah|hanukah", ("hebrew", 9, 25, 8)),
    ("tu bishvat", r"tu\s+bi['’]?shvat", ("hebrew", 11, 15, 1)),
    ("purim", r"purim", ("hebrew", 12, 14, 1)),
    ("passover", r"passover|pesach", ("hebrew", 1, 15, 8)),
    ("lag baomer", r"lag\s+b['’]?a?omer", ("hebrew", 2, 18, 1)),
    ("shavuot", r"shavuot|shavuos", ("hebrew", 3, 6, 2)),
    ("ramadan", r"ramadan|ramzan", ("islamic", 9, 1, 30)),
    ("eid al-fitr", r"eid\s+(?:al|ul)[-\s]fitr|id\s+ul[-\s]fitr", ("islamic", 10, 1, 1)),
    ("eid al-adha", r"eid\s+(?:al|ul)[-\s]adha|id\s+ul[-\s]adha|bakra?[-\s]id|sacrifice\s+feast"
                    r"|feast\s+of\s+(?:the\s+)?sacrifice", ("islamic", 12, 10, 1)),
    ("islamic new year", r"islamic\s+new\s+year|hijri\s+new\s+year|amun\s+jadid", ("islamic", 1, 1, 1)),
    ("ashura", r"(?:day\s+of\s+)?ashura", ("islamic", 1, 10, 1)),
    ("mawlid", r"mawlid(?:\s+al[-\s]nab(?:i|awi))?", ("islamic", 3, 12, 1)),
    ("laylat al-qadr", r"laylat\s+al[-\s][qk]adr|night\s+of\s+power", ("islamic", 9, 27, 1)),
    ("isra and mi'raj", r"isra\s+and\s+mi['’]?raj", ("islamic", 7, 27, 1)),
)

# Holiday names that are more often names of places or people ("a Corpus Christi refinery",
# "Rep. Norman Lent said"): a holiday only with a year or "last"/"this"/"next", or when the
# words before it (a regex ending where the name starts) or after it (starting where it ends)
# say so ("on Corpus Christi", "the Corpus Christi holiday", "during Lent", "Lent begins").
NAMES_TOO: dict[str, tuple[str, str]] = {
    "corpus christi": (r"\b(?:feast\s+of|on|during)\s+$",
                       r"^\s+(?:holiday|feast|day|thursday|sunday|procession|celebrations?)\b"),
    "lent": (r"\b(?:during|for|of|in|before|after|until|till|through|throughout|since|into|"
             r"start\s+of|end\s+of)\s+$",
             r"^,?\s+(?:season|period|begins|began|starts|started|ends|ended|fast|fasting)\b"),
}

# In table order: a longer name comes before its prefix ("christmas eve" before "christmas").
HOLIDAY_PATTERN = "|".join(f"(?:{regex})" for _, regex, _ in HOLIDAYS)
# First words of the holiday names: where the scan looks for one.
HOLIDAY_ANCHORS = (r"christmas|xmas|new\s+year|black|cyber|thanksgiving|easter|good|holy|maundy|"
                   r"palm|ash|shrove|mardi|pancake|lent|ascension|pentecost|whit|trinity|corpus|"
                   r"orthodox|clean|lazarus|halloween|st\.|saint|valentine|independence|memorial|"
                   r"labou?r|veterans|juneteenth|boxing|earth|may\s+day|international|workers|"
                   r"mother|father|president|washington|mlk|martin|civil|columbus|indigenous|"
                   r"groundhog|canada|bastille|australia|anzac|remembrance|armistice|guy|bonfire|"
                   r"cinco|all\s+saints|boss|rosh|yom|sukk|succ|shemini|simchat|hann?u|chanu|"
                   r"hanu|tu\s+bi|purim|passover|pesach|lag\s+b|shavu|ramadan|ramzan|eid|id\s+ul|"
                   r"bakr|sacrifice|feast|islamic|hijri|amun|day\s+of\s+ashura|ashura|mawlid|"
                   r"laylat|night\s+of|isra")
