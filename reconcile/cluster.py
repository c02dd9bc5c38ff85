"""Sources -> stories: articles about the same event, so that only their claims are compared.

Topic similarity is TF-IDF cosine over each article's title and opening. Event identity needs
more than topic: two articles that state different key amounts (a $700 million sale and an
$11.1 billion package) are about different events even when their words overlap, and two
shootings in one city a season apart are two events. So the similarity of two articles
published more than `date_window` days apart is scaled down by `date_factor`, and the days and
streets the articles name (reconcile.events) raise it when they agree and lower it when they
do not: two shootings in one city on different days stay apart, and a follow-up weeks later
that names the day of the shooting still joins. Clusters are merged only when every
pair across them is similar enough (complete linkage over the candidate pairs), so a chain of
lookalikes never glues two events together. Then two stories whose articles are alike on
average (`merge_similarity`, every pair at least `attach_min`, most pairs not naming different
days or key amounts) are one story told over months that one unlike pair had split, and an
article left alone joins the story it resembles on average (a follow-up), unless its title
tells it apart from one of the story's articles (another month, company or country of one
series).

Wire copy repeats templates: results tables of different companies, a central bank's daily
operations, one fund family's payouts state by state. Their words are alike, so their figures
tell them apart (reconcile.events): two articles whose comparable claims disagree on several
figures and agree on none lose `figure_penalty`, and two that share no rare word (only the
series' own words) and write different numbers keep `series_factor` of their similarity; two
whose titles name different months or quarters keep `period_factor` of it, two whose titles
name different companies' tickers `ticker_factor` (its square when they share no rare word
either), and two that share no rare word and whose
titles name different countries or state different headline amounts `country_factor` and
`title_figure_factor`.
"""
from __future__ import annotations

import heapq
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from itertools import chain
from typing import Any

from reconcile.events import (PLACE_CHARS, STREET_WORDS, EventMarks, Figures, Numbers,
                              country_pattern, event_marks, figures, number_profiles,
                              other_countries, other_figures, other_periods, other_tickers,
                              street_pattern, title_countries, title_figures, title_periods,
                              title_tickers, week_periods)
from reconcile.extract.context import parse_published as _date
from reconcile.model import Claim, Kind, Source, Story
from reconcile.names import names_in, story_name_variants

# The opening of an article: enough for local news to name the victims, the street and the
# town (on the gun_violence training incidents the first 6,000 characters gave stories
# B-cubed F1 88.2 against 84.6 for the first 1,500).
LEAD_CHARS = 6000
# the opening whose "week ended February 22" names the week a weekly report is of (later, a
# report may name the week before it, to compare)
WEEK_CHARS = 400
CHUNK_ROWS = 500   # rows of the similarity product computed at once
NEIGHBOURS = 40    # candidate story partners kept per article (ECB+ events reach 22 articles)
# A word in more leads than this names no single event; the candidate pairs come from the
# other words (at most this many articles share each, so their pairs grow linearly).
CANDIDATE_MAX_DF = 200
CANDIDATES = 200   # candidate partners per article scored in full


@dataclass(frozen=True, slots=True)
class ClusterSettings:
    """Thresholds of story clustering (from rules/matching.yaml)."""

    similarity: float = 0.15
    amount_bonus: float = 0.15
    amount_penalty: float = 0.15
    date_window: int = 30      # days between publication dates before similarity is scaled
    date_factor: float = 0.7   # the scale applied beyond the window
    attach_min: float = 0.05   # least similarity of a follow-up to every article of its story
    # Two stories whose articles resemble each other this much on average (every pair at
    # least attach_min, most pairs not naming different days or key amounts) are one:
    # complete linkage splits a story told over months (the shooting, the arrests, the trial)
    # where one pair of its articles falls short. On the gun_violence training incidents 0.3
    # took stories B-cubed F1 95.9 -> 96.0 (recall 94.1 -> 94.2, precision unchanged), ECB+
    # sub-topics 89.5 -> 89.7 (precision unchanged). 0.25 took ECB+ to 89.8 and 0.22 to 90.3,
    # at a cost in precision (93.5 -> 92.5, 91.1) and 3 and 9 more conflicts there.
    merge_similarity: float = 0.3
    name_bonus: float = 0.05   # added when two leads name the same rarely named person
    name_max_sources: int = 20  # a name in more leads than this is too common to identify an event
    # Event days and streets (reconcile.events). On the gun_violence training incidents the
    # day bonus and penalty raised stories B-cubed F1 92.2 -> 95.2, the streets to 95.8, and
    # the publication day standing in for an article that names no day to 96.1; ECB+
    # sub-topics went 90.2 -> 89.8, and a stronger day penalty costs them more recall: they
    # span weeks (a verdict, then a sentence).
    event_bonus: float = 0.10     # both name the same day (give or take one)
    event_penalty: float = 0.05   # both name days, none in common
    place_bonus: float = 0.05     # both leads name the same street
    place_penalty: float = 0.03   # both name streets, none in common
    event_chars: int = PLACE_CHARS  # the opening whose dated days count
    street_words: tuple[str, ...] = STREET_WORDS
    # Events of one template (reconcile.events Figures and Numbers). The figure penalty took
    # Reuters-21578 from 5,081 conflicts to 4,735 for 1.2 s more clustering, gun_violence
    # training stories staying at B-cubed F1 95.8 and ECB+ sub-topics going 89.8 -> 90.1. A
    # series factor of 0.5 as well takes Reuters to 4,162 conflicts, gun_violence and ECB+
    # stories unchanged (training precision 97.3 -> 97.7, recall 94.3 -> 94.0); its leads'
    # words and numbers are read while articles are extracted, for 1-2 s more of a 45 s run.
    # A stronger factor costs recall (0: gun_violence 95.6, ECB+ 89.1).
    figure_penalty: float = 0.10   # comparable claims disagree on several figures, agree on none
    figure_disagreements: int = 3  # how many figures are several
    series_factor: float = 0.5     # kept when no rare word is shared and the numbers differ
    rare_word_max_sources: int = 20  # a word in more leads than this is a series' or topic's
    # Titles that name different months or quarters are one series' reports of two periods:
    # a period factor of 0.5 took Reuters-21578 from 4,081 conflicts to 3,934, gun_violence
    # training and ECB+ stories unchanged (95.8, 89.6); 0.1 from 3,029 to 2,834, both still
    # unchanged (see rules/matching.yaml). Openings that name different weeks ended count too.
    period_factor: float = 0.1     # kept when titles name different months or quarters
    # Titles that name stock tickers, none in common, are one template's reports of two
    # companies ("LORAL CORP <LOR> 2ND QTR" / "FIDELITY FEDERAL <FFED.O> 3RD QTR"): a ticker
    # factor of 0.5 took Reuters-21578 from 3,917 conflicts to 3,381 (the ones sampled all two
    # companies' figures), 0.25 to 3,200, gun_violence and ECB+ stories unchanged. Not 0: a
    # takeover's titles may each name one side, and a ticker may be mistyped ("<FWFP>" /
    # "<FWF>" over one story); the pairs 0 splits beyond 0.25 were mostly such. The names a
    # wire marks for unlisted companies count as tickers ("<DOUGLAS COMPUTER INC>"): Reuters
    # 3,170 conflicts -> 3,041 (the ones sampled two companies' results or payouts), 8,327
    # agreements -> 8,290 (mostly two companies' equal figures), gun_violence and ECB+ unchanged.
    ticker_factor: float = 0.25    # kept when the titles name different companies' tickers
    # Titles that each name a country the other does not are one template's reports of two
    # countries ("CANADA FEBRUARY UNEMPLOYMENT RATE FALLS" / "DENMARK UNEMPLOYMENT FALLS"); the
    # countries are matching.yaml's story_countries, none by default (see rules/matching.yaml).
    country_factor: float = 0.25   # kept when the titles name different countries
    countries: tuple[str, ...] = ()
    title_figure_factor: float = 0.25  # kept when the titles state different headline figures

    @classmethod
    def from_tolerances(cls, tolerances: Mapping[str, Any]) -> ClusterSettings:
        """The settings that rules/matching.yaml gives, the defaults for the keys it leaves out."""
        defaults = cls()
        number = {key: float(tolerances[name]) for name, key in _TOLERANCE_KEYS.items()
                  if name in tolerances}
        for key in _WHOLE_NUMBERS:
            if key in number:
                number[key] = int(number[key])
        words = tuple(tolerances.get("story_street_words", defaults.street_words))
        countries = tuple(tolerances.get("story_countries", defaults.countries))
        return replace(defaults, **number, street_words=words, countries=countries)


# rules/matching.yaml key -> ClusterSettings field
_TOLERANCE_KEYS = {"story_similarity": "similarity", "story_date_window": "date_window",
                   "story_date_factor": "date_factor", "story_event_bonus": "event_bonus",
                   "story_event_penalty": "event_penalty", "story_place_bonus": "place_bonus",
                   "story_place_penalty": "place_penalty",
                   "story_figure_penalty": "figure_penalty",
                   "story_figure_disagreements": "figure_disagreements",
                   "story_series_factor": "series_factor",
                   "story_rare_word_max_sources": "rare_word_max_sources",
                   "story_period_factor": "period_factor",
                   "story_ticker_factor": "ticker_factor",
                   "story_country_factor": "country_factor",
                   "story_title_figure_factor": "title_figure_factor",
                   "story_merge_similarity": "merge_similarity"}
_WHOLE_NUMBERS = ("date_window", "figure_disagreements", "rare_word_max_sources")


def lead_text(source: Source) -> str:
    """The words that say what an article is about: its title and its opening."""
    return f"{source.title or ''}\n{source.text[:LEAD_CHARS]}"


def _key_amounts(claims: Sequence[Claim]) -> set[tuple[str, float]]:
    """Distinctive amounts of an article: a million or more of money, rounded to 2 significant
    digits, and an earthquake's magnitude ("a 4.6-magnitude quake"), which names it as a
    deal's price names the deal: two quakes in one region a few years apart are told in the
    same words (on ECB+, sub-topics B-cubed F1 89.7 -> 90.0, precision 93.5 -> 94.1)."""
    keys = set()
    for claim in claims:
        if claim.kind == Kind.COUNT and claim.value.unit == "magnitude" and isinstance(
                claim.value.stated, float):
            keys.add(("magnitude", round(claim.value.stated, 1)))
            continue
        if claim.kind not in (Kind.MONEY,):
            continue
        stated = claim.value.stated
        if isinstance(stated, (int, float)) and abs(stated) >= 1_000_000:
            magnitude = 10 ** (math.floor(math.log10(abs(stated))) - 1)
            keys.add((claim.value.unit, round(stated / magnitude) * magnitude))
    return keys


def similarity_pairs(sources: Sequence[Source], threshold: float) -> dict[tuple[int, int], float]:
    """TF-IDF cosine of article pairs above `threshold`, each article's NEIGHBOURS best, as a
    sparse dict.

    Computing every pair's cosine is quadratic, and on a large archive most pairs share some
    common word ("said", "police", "million"): on Reuters-21578 the full product had 86% of all
    181M pairs. So candidate pairs come from the words of few articles only (at most
    CANDIDATE_MAX_DF), whose pairs grow with the number of articles, not with its square;
    common words carry little IDF weight and no sign of one event. Each article keeps its
    CANDIDATES best candidates by the cosine over those words, which is a lower bound of the
    full cosine (weights are not negative), and the full cosine of those is then computed
    exactly, common words included. On the gun_violence training incidents and ECB+ the stories
    stay as they were with the full product (B-cubed F1 within 0.1)."""
    if len(sources) < 2:
        return {}
    matrix = _tfidf(sources)
    if matrix is None:
        return {}
    import numpy as np

    frequency = np.bincount(matrix.indices, minlength=matrix.shape[1])
    distinctive = frequency <= CANDIDATE_MAX_DF
    rare = matrix[:, distinctive].tocsr()
    rare_columns = rare.T.tocsr()
    common = matrix[:, ~distinctive].tocsr()
    pairs: dict[tuple[int, int], float] = {}
    # row blocks keep memory flat (Reuters-21578: a peak of 460 MB with the articles loaded,
    # against 1,070 MB for the full product in blocks of 2,000)
    for first in range(0, matrix.shape[0], CHUNK_ROWS):
        block = (rare[first:first + CHUNK_ROWS] @ rare_columns).tocsr()
        block.sort_indices()  # same input, same order, same ties: the same pairs every run
        rows, columns, partial = _best_candidates(block, first, CANDIDATES)
        exact = partial + _common_part(common, first, rows, columns)
        keep = exact >= threshold
        rows, columns, exact = _top_per_row(rows[keep], columns[keep], exact[keep], NEIGHBOURS)
        articles = rows + first
        pairs.update(zip(zip(np.minimum(articles, columns).tolist(),
                             np.maximum(articles, columns).tolist()), exact.tolist()))
    return pairs


def _tfidf(sources: Sequence[Source]):
    """The L2-normalised TF-IDF rows (CSR) of the sources' leads; None if no words are left."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizer = TfidfVectorizer(stop_words="english", sublinear_tf=True, min_df=1,
                                 token_pattern=r"(?u)\b[A-Za-z][A-Za-z0-9\-]+\b")
    try:
        return vectorizer.fit_transform([lead_text(s) for s in sources]).tocsr()
    except ValueError:  # every document empty or only stop words
        return None


def _best_candidates(block, first: int, limit: int):
    """Per row of a block of partial scores, its `limit` highest partners other than itself:
    (rows within the block, columns, partial scores)."""
    import numpy as np

    indptr, indices, data = block.indptr, block.indices, block.data.copy()
    rows_of = np.repeat(np.arange(block.shape[0]), np.diff(indptr))
    data[indices == rows_of + first] = -1.0  # an article is not its own candidate
    chosen = []
    for row in range(block.shape[0]):
        start, end = indptr[row], indptr[row + 1]
        if end - start > limit:
            chosen.append(start + np.sort(np.argpartition(-data[start:end], limit)[:limit]))
        else:
            chosen.append(np.arange(start, end))
    chosen = np.concatenate(chosen) if chosen else np.zeros(0, dtype=np.int64)
    chosen = chosen[data[chosen] >= 0]
    return rows_of[chosen], indices[chosen], data[chosen]


def _common_part(common, first: int, rows, columns):
    """The cosine over common words of each candidate pair (row `first + rows[k]`, `columns[k]`).

    Gathers only the candidates' common words, so it costs the candidates, not all pairs."""
    import numpy as np

    if common.shape[1] == 0 or len(rows) == 0:
        return np.zeros(len(rows))
    dense = common[first:first + CHUNK_ROWS].toarray()
    partners = common[columns]
    owner = np.repeat(np.arange(len(columns)), np.diff(partners.indptr))
    products = partners.data * dense.ravel()[rows[owner] * dense.shape[1] + partners.indices]
    return np.bincount(owner, weights=products, minlength=len(columns))


def _top_per_row(rows, columns, values, limit: int):
    """The `limit` highest values per row; ties go to the lower column, so runs agree."""
    import numpy as np

    order = np.lexsort((columns, -values, rows))
    rows, columns, values = rows[order], columns[order], values[order]
    rank = np.arange(len(rows)) - np.searchsorted(rows, rows)
    keep = rank < limit
    return rows[keep], columns[keep], values[keep]


def cluster_sources(sources: Sequence[Source], claims_by_source: dict[str, Sequence[Claim]],
                    settings: ClusterSettings = ClusterSettings(),
                    similarity: Callable[[Sequence[Source], float],
                                         dict[tuple[int, int], float]] | None = None,
                    leads: Callable[[Sequence[Source], ClusterSettings], LeadProfiles] | None = None
                    ) -> list[Story]:
    """Group sources into stories; each story's id is s1, s2, ... in order of its first source.

    `similarity` replaces similarity_pairs: `check` passes scores weighted by the archive
    index's document frequencies, which also spares it loading scikit-learn. `leads` replaces
    lead_profiles: `report` computes both while the articles are being extracted."""
    n = len(sources)
    floor = max(0.05, settings.similarity - settings.amount_bonus)
    raw = (similarity or similarity_pairs)(sources, floor)
    profiles = (leads or lead_profiles)(sources, settings)
    amounts = [_key_amounts(claims_by_source.get(s.id, ())) for s in sources]
    names = profiles.names
    published = [_date(s.published) for s in sources]
    pattern = street_pattern(settings.street_words)
    marks = [event_marks(s, claims_by_source.get(s.id, ()), pattern, settings.event_chars)
             for s in sources]
    series = _SeriesEvidence(sources, claims_by_source, settings, profiles)
    scores: dict[tuple[int, int], float] = {}
    adjusted: dict[tuple[int, int], float] = {}
    # pairs told apart by what they name: days of the event or key amounts, none in common
    apart: set[tuple[int, int]] = set()
    # pairs whose titles tell them apart: two periods, companies, countries of one series
    told_apart: set[tuple[int, int]] = set()
    for (i, j), value in raw.items():
        if names[i] & names[j]:  # the same victim, suspect or official named in both leads
            value += settings.name_bonus
        a, b = published[i], published[j]
        if a and b and abs((a - b).days) > settings.date_window:
            value *= settings.date_factor
        value += _event_score(marks[i], marks[j], settings)
        if marks[i].same_day(marks[j]) is False:
            apart.add((i, j))
        shared = amounts[i] & amounts[j]
        if shared:
            value += settings.amount_bonus
        elif amounts[i] and amounts[j]:
            value -= settings.amount_penalty
            apart.add((i, j))
        if value >= settings.attach_min:  # below it, no pair counts in either pass
            value, titled_apart = series.weigh(i, j, value)
            if titled_apart:
                told_apart.add((i, j))
        adjusted[(i, j)] = value
        if value >= settings.similarity:
            scores[(i, j)] = value
    # complete linkage over candidate pairs: merge two clusters only if all cross pairs pass
    members = {i: [i] for i in range(n)}
    owner = list(range(n))
    for (i, j), _ in sorted(scores.items(), key=lambda kv: (-kv[1], kv[0])):
        a, b = owner[i], owner[j]
        if a == b:
            continue
        if all((min(x, y), max(x, y)) in scores for x in members[a] for y in members[b]):
            keep, drop = min(a, b), max(a, b)
            members[keep].extend(members.pop(drop))
            for x in members[keep]:
                owner[x] = keep
    _merge_stories(members, adjusted, settings, apart, told_apart)
    _attach_followups(members, adjusted, settings, told_apart)
    clusters = sorted((sorted(m) for m in members.values()), key=lambda m: m[0])
    stories = []
    for number, cluster in enumerate(clusters, start=1):
        ids = tuple(sources[i].id for i in cluster)
        names = story_name_variants((sources[i] for i in cluster), ids) if len(ids) > 1 else ()
        stories.append(Story(id=f"s{number}", label=_label(sources, cluster), sources=ids,
                             names=names))
    return stories


def _event_score(first: EventMarks, second: EventMarks, settings: ClusterSettings) -> float:
    """What the days and streets two articles name add to their similarity (may be negative)."""
    score = 0.0
    day = first.same_day(second)
    if day is not None:
        score += settings.event_bonus if day else -settings.event_penalty
    street = first.same_street(second)
    if street is not None:
        score += settings.place_bonus if street else -settings.place_penalty
    return score


@dataclass(frozen=True, slots=True)
class LeadProfiles:
    """What clustering reads from the articles' titles and openings alone, not from their
    claims, so it can be gathered while the articles are being extracted: per source, the
    rarely named people of its lead and, when the series factor is on, its rare words and its
    numbers (empty otherwise)."""

    names: Sequence[frozenset[str]]
    rare_words: Sequence[frozenset[str]] = ()
    numbers: Sequence[Numbers] = ()
    periods: Sequence[frozenset[tuple[str, int]]] = ()  # when the period factor is on
    tickers: Sequence[frozenset[str]] = ()  # when the ticker factor is on
    countries: Sequence[frozenset[str]] = ()  # when the country factor is on
    title_figures: Sequence[frozenset[float]] = ()  # when the title figure factor is on


def lead_profiles(sources: Sequence[Source], settings: ClusterSettings) -> LeadProfiles:
    """The lead profiles of these sources (word and name counts are taken over them)."""
    names = _rare_names(sources, settings.name_max_sources)
    periods = [title_periods(s.title) | week_periods(s.text[:WEEK_CHARS]) for s in sources] \
        if settings.period_factor != 1.0 else ()
    tickers = [title_tickers(s.title) for s in sources] if settings.ticker_factor != 1.0 else ()
    pattern = country_pattern(settings.countries) if settings.country_factor != 1.0 else None
    countries = [title_countries(s.title, pattern) for s in sources] if pattern else ()
    headline = [title_figures(s.title) for s in sources] \
        if settings.title_figure_factor != 1.0 else ()
    if settings.series_factor == 1.0:
        return LeadProfiles(names, periods=periods, tickers=tickers, countries=countries,
                            title_figures=headline)
    return LeadProfiles(names, _rare_words(sources, settings.rare_word_max_sources),
                        number_profiles(sources), periods, tickers, countries, headline)



class _SeriesEvidence:
    """What tells two events of one template apart: their figures (see the module notes).

    Each article's figures, numbers and rare words are gathered once; a pair then costs a few
    set intersections, so the cost follows the candidate pairs."""

    def __init__(self, sources: Sequence[Source], claims_by_source: Mapping[str, Sequence[Claim]],
                 settings: ClusterSettings, profiles: LeadProfiles | None = None):
        self.settings = settings
        self.figures: list[Figures] = []
        if settings.figure_penalty:
            self.figures = [figures(claims_by_source.get(s.id, ()), LEAD_CHARS) for s in sources]
        # an article with fewer figures than make several cannot disagree on several
        self.enough = [sum(map(len, f.blocks.values())) >= settings.figure_disagreements
                       for f in self.figures]
        if profiles is None:
            profiles = lead_profiles(sources, settings)
        # lead_profiles leaves out what a factor that is off does not need
        self.numbers = profiles.numbers
        self.rare = profiles.rare_words
        # an article with too few numbers never differs; checked first, as it is the cheapest
        self.counted = [n.counted() for n in self.numbers]
        self.periods = profiles.periods
        self.tickers = profiles.tickers
        self.countries = profiles.countries
        self.title_figures = profiles.title_figures

    def _no_rare_word(self, i: int, j: int) -> bool:
        return not self.rare or self.rare[i].isdisjoint(self.rare[j])

    def weigh(self, i: int, j: int, value: float) -> tuple[float, bool]:
        """The similarity of articles i and j once their figures have been weighed, and
        whether their titles tell them apart (two periods, companies, countries or headline
        figures of one series)."""
        if self.figures and self.enough[i] and self.enough[j]:
            if self.figures[i].disagree(self.figures[j], self.settings.figure_disagreements):
                value -= self.settings.figure_penalty
        if self.numbers and self.counted[i] and self.counted[j] \
                and self.rare[i].isdisjoint(self.rare[j]) \
                and self.numbers[i].differ(self.numbers[j]):
            value *= self.settings.series_factor
        titled = value
        if self.periods and self.periods[i] and self.periods[j] \
                and other_periods(self.periods[i], self.periods[j]):
            value *= self.settings.period_factor
        if self.tickers and other_tickers(self.tickers[i], self.tickers[j]):
            # twice when the openings share no rarely used word either: a takeover's two sides
            # name each other, two companies' reports of one template name only themselves
            value *= self.settings.ticker_factor ** (2 if self._no_rare_word(i, j) else 1)
        # two titles of one template, told apart by the country or the figure they name,
        # unless the openings share a rarely used word, as two reports of one event do
        if self.countries and other_countries(self.countries[i], self.countries[j]) \
                and self._no_rare_word(i, j):
            value *= self.settings.country_factor
        if self.title_figures and other_figures(self.title_figures[i], self.title_figures[j]) \
                and self._no_rare_word(i, j):
            value *= self.settings.title_figure_factor
        return value, value < titled


# The words of similarity_pairs' token pattern
_WORD = re.compile(r"(?u)\b[A-Za-z][A-Za-z0-9\-]+\b")


def _rare_words(sources: Sequence[Source], max_sources: int) -> list[frozenset[str]]:
    """Per source, the words of its lead that at most `max_sources` leads use.

    Two reports of one event share some: a name, a place, a product. Two events of one
    template share the template's words, which its every instance uses: "shr", "revs",
    "band", "outright". On the candidate pairs of the gun_violence training incidents and
    ECB+, 3-5% of same-event pairs share no word in 20 leads or fewer, against 57% of the
    story pairs Reuters-21578 had."""
    per_source = [frozenset(_WORD.findall(lead_text(s).lower())) for s in sources]
    return _rare_members(per_source, max_sources)


def _rare_names(sources: Sequence[Source], max_sources: int) -> list[frozenset[str]]:
    """Per source, the personal names of its lead that few other leads use.

    A person's full name ("Iris Rodriguez") in two leads says more about event identity than
    its share of the TF-IDF weight: on the training incidents of gun_violence and on ecbplus,
    a small bonus for a shared rare name raised stories B-cubed F1 (91.8 -> 92.1, 87.9 -> 90.2).
    Names in many leads (a governor, a police chief) identify no single event."""
    return _rare_members([names_in(lead_text(s)) for s in sources], max_sources)


def _rare_members(per_source: Sequence[AbstractSet[str]],
                  max_sources: int) -> list[frozenset[str]]:
    """Per source, those of its members that at most `max_sources` sources have."""
    counts = Counter(chain.from_iterable(per_source))
    rare = frozenset(member for member, count in counts.items() if count <= max_sources)
    return [rare.intersection(found) for found in per_source]


def _merge_stories(members: dict[int, list[int]], adjusted: dict[tuple[int, int], float],
                   settings: ClusterSettings, apart: AbstractSet[tuple[int, int]] = frozenset(),
                   told_apart: AbstractSet[tuple[int, int]] = frozenset()) -> None:
    """Merge two stories (of two articles or more each) whose articles resemble each other
    `merge_similarity` on average, every pair at least `attach_min`: best pair first.

    A story told over months falls into parts under complete linkage (the shooting and its
    arrests in one, the trial in another) when one pair of its articles falls short; the
    parts resemble each other on the whole. Average linkage over all cross pairs does not
    chain lookalikes: every article of one part must resemble every article of the other.
    Nor may most cross pairs be `apart` (both name days of the event, or state key amounts,
    none in common): two shootings told in one template on different days resemble each
    other on average, the more so when a roundup naming both days sits in one of them. Nor
    may any cross pair be `told_apart` by its titles (two months' or companies' reports).

    Each pair of stories keeps its running sum, count, least value and pairs apart, so
    a merge costs the stories it touches (as in match._link); sums are in integer billionths,
    exact whatever the order they were added in."""
    owner = {i: key for key, m in members.items() if len(m) > 1 for i in m}
    if len(set(owner.values())) < 2:
        return
    floor = round(settings.attach_min * 1e9)
    # story -> other story -> [sum, count, least, pairs apart] (one list shared both ways)
    across: dict[int, dict[int, list[int]]] = defaultdict(dict)
    for (i, j), value in adjusted.items():
        a, b = owner.get(i), owner.get(j)
        if a is None or b is None or a == b:
            continue
        units = round(value * 1e9)
        # a pair the titles tell apart counts as too unlike, whatever its similarity
        least = units if (i, j) not in told_apart else min(units, floor - 1)
        entry = across[a].setdefault(b, [0, 0, least, 0])
        entry[0] += units
        entry[1] += 1
        entry[2] = min(entry[2], least)
        entry[3] += (i, j) in apart
        across[b][a] = entry
    threshold = round(settings.merge_similarity * 1e9)

    def mean_if_joinable(a: int, b: int) -> float | None:
        total, count, least, told_apart = across[a][b]
        if count != len(members[a]) * len(members[b]) or least < floor:
            return None  # some pair of articles too unlike (or not even a candidate pair)
        if 2 * told_apart > count:
            return None  # most pairs name different days or amounts: lookalike events
        return total / count if total >= threshold * count else None

    heap = []
    for a in sorted(across):
        for b in sorted(across[a]):
            if a < b:
                mean = mean_if_joinable(a, b)
                if mean is not None:
                    heap.append((-mean, a, b))
    heapq.heapify(heap)
    while heap:
        negative, a, b = heapq.heappop(heap)
        if a not in members or b not in members or b not in across[a]:
            continue
        if mean_if_joinable(a, b) != -negative:
            continue  # stale: one of the two has grown since
        keep, drop = min(a, b), max(a, b)
        members[keep].extend(members.pop(drop))
        del across[keep][drop]
        for other, entry in across.pop(drop).items():
            if other == keep:
                continue
            del across[other][drop]
            mine = across[keep].get(other)
            if mine is None:
                across[keep][other] = across[other][keep] = list(entry)
            else:
                merged = [mine[0] + entry[0], mine[1] + entry[1], min(mine[2], entry[2]),
                          mine[3] + entry[3]]
                across[keep][other] = across[other][keep] = merged
        for other in sorted(across[keep]):
            mean = mean_if_joinable(keep, other)
            if mean is not None:
                heapq.heappush(heap, (-mean, min(keep, other), max(keep, other)))


def _attach_followups(members: dict[int, list[int]], adjusted: dict[tuple[int, int], float],
                      settings: ClusterSettings,
                      told_apart: AbstractSet[tuple[int, int]] = frozenset()) -> None:
    """Let an article that joined no story join the one it resembles on average.

    A follow-up (an arrest, a funeral, a trial weeks later) shares the story's names but not
    all of its wording, so complete linkage leaves it alone when one pair falls short. It
    joins the story whose every article it resembles at least a little (`attach_min`) and
    whose articles it resembles `similarity` on average; it joins one story at most, so a
    roundup of several events never glues them together. Nor does it join a story one of
    whose articles it is `told_apart` from: a report of March sales is no follow-up of the
    company's February sales, however alike it is to the rest of the story. Decided against
    the stories as complete linkage left them, so the order of articles does not matter."""
    stories = [m for m in members.values() if len(m) > 1]
    position = {story[0]: k for k, story in enumerate(stories)}
    story_of = {i: story[0] for story in stories for i in story}
    # a story qualifies only if every article of it is a candidate partner, so only the stories
    # of an article's candidate partners are weighed: cost follows candidate pairs
    neighbours: dict[int, set[int]] = defaultdict(set)
    for i, j in adjusted:
        neighbours[i].add(j)
        neighbours[j].add(i)
    moves: list[tuple[int, int]] = []
    for key, alone in members.items():
        if len(alone) != 1:
            continue
        i = alone[0]
        best: tuple[float, int] | None = None
        firsts = sorted({story_of[j] for j in neighbours[i] if j in story_of}, key=position.get)
        for story in (stories[position[first]] for first in firsts):
            values = [adjusted.get((min(i, j), max(i, j))) for j in story]
            if any(v is None or v < settings.attach_min for v in values):
                continue
            if any((min(i, j), max(i, j)) in told_apart for j in story):
                continue  # the titles name another period or company than one of the story's
            mean = sum(values) / len(values)
            if mean >= settings.similarity and (best is None or mean > best[0]):
                best = (mean, story[0])
        if best is not None:
            moves.append((key, best[1]))
    owner_of = {m[0]: k for k, m in members.items() if len(m) > 1}
    for key, first in moves:
        members[owner_of[first]].extend(members.pop(key))


def _label(sources: Sequence[Source], cluster: list[int]) -> str:
    """A readable name for a story: the shortest title among its sources, else its first words."""
    titles = [sources[i].title for i in cluster if sources[i].title]
    if titles:
        return min(titles, key=lambda t: (len(t), t))[:120]
    first = sources[cluster[0]].text.strip().split("\n", 1)[0]
    return (first[:100] + "…") if len(first) > 100 else first
