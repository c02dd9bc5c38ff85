"""`check` as a library call: read the checked articles, bring the archive index up to date,
find each article's likely story mates in the archive, compare, and keep the conflicts that
involve a checked article.

    from reconcile.check.runner import CheckOptions, run_check
    run = run_check(["new/story.md"], CheckOptions(archive=Path("archive"),
                                                   index=Path(".reconcile/index.sqlite")))
    run.result.findings
"""
from __future__ import annotations

import io
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePath
from typing import Any

from reconcile.check.articles import Locator, off_regions, outside
from reconcile.check.compare import Article, compare
from reconcile.check.findings import Checked, CheckResult, Places, find
from reconcile.errors import NoInputError, UsageError
from reconcile.index import ArchiveIndex, IndexedArticle, SyncStats
from reconcile.model import InputError, Source

# Archive articles compared with each checked article: the best matches of its title and
# opening. A story rarely has more published articles than this; more only costs time.
CANDIDATES = 20
# The checked article's most distinctive words that look its story up in the archive.
QUERY_TERMS = 40


@dataclass(frozen=True, slots=True)
class CheckOptions:
    """What to check against, and how (the command line and reconcile.toml fill it in)."""

    archive: Path
    index: Path
    fail_on: str = "conflict"
    accepted: Path | None = None
    rules_dir: str | None = None
    jobs: int | None = None
    front_matter: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    selects: Callable[[Path], bool] | None = None  # include/exclude; None: every file
    rebuild: bool = False
    candidates: int = CANDIDATES


@dataclass(frozen=True, slots=True)
class CheckRun:
    """A check's result, what the index update did, and the checked paths left out by
    include/exclude."""

    result: CheckResult
    sync: SyncStats
    excluded: tuple[str, ...] = ()
    ignored_archive_files: int = 0


@dataclass(frozen=True, slots=True)
class _Checked:
    source: Source
    claims: tuple
    locator: Locator
    switched_off: int
    archive_file: str | None  # its path inside the archive, when the article is part of it


def run_check(paths: Sequence[str], options: CheckOptions, stdin: io.TextIOBase | None = None,
              progress: Callable[[int], Any] | None = None) -> CheckRun:
    """Check the articles under `paths` against the archive; never raises on a bad article.

    `progress(total)` gives a context manager yielding a callback (or None) that is advanced
    once per archive file read into the index (reconcile.commands._shared.Progress)."""
    from reconcile import __version__
    from reconcile.rules import load_rules

    if not options.archive.is_dir():
        raise UsageError(f"{options.archive}: the archive is not a folder")
    rules = load_rules(options.rules_dir)
    sources, errors, excluded, stdin_text = _read_checked(paths, options, rules, stdin)
    # the order the articles were named in does not change the output (same bytes out)
    sources = sorted(sources, key=lambda source: source.id)
    if not sources:
        if excluded and not errors:
            return CheckRun(CheckResult((), errors=tuple(errors), fail_on=options.fail_on,
                                        archive=str(options.archive), version=__version__),
                            SyncStats(), tuple(excluded))
        error = NoInputError("no readable article to check")
        error.problems = [f"{e.path}: {e.error}" for e in errors] + [str(error)]
        raise error
    decisions = _decisions(options.accepted)
    with ArchiveIndex(options.index) as index:
        sync, walked = _update_index(index, options, rules, progress)
        checked = _prepare(sources, options, stdin_text, rules.max_claims_per_article, errors)
        candidates = _candidates(index, checked, options.candidates)
        report, places = _compare(index, checked, candidates, options, rules, errors)
        archive_size = index.article_count()
        archive_errors = (*walked.errors, *index.errors())
    reported, silenced = find(report, {c.source.id for c in checked}, places, decisions)
    summaries = tuple(sorted((Checked(c.source.id, c.source.path, c.source.title,
                                      c.source.published, len(c.claims), c.switched_off)
                              for c in checked), key=lambda c: (c.path, c.source)))
    result = CheckResult(findings=tuple(reported), accepted=tuple(silenced), checked=summaries,
                         errors=tuple(sorted(errors, key=lambda e: (e.path, e.error))),
                         archive=str(options.archive), archive_articles=archive_size,
                         fail_on=options.fail_on, version=__version__,
                         archive_errors=archive_errors)
    return CheckRun(result, sync, tuple(excluded), walked.ignored)


def _read_checked(paths: Sequence[str], options: CheckOptions, rules, stdin):
    from reconcile.check.archive import read_with

    stdin_text = None
    if "-" in paths:
        stdin_text = (stdin or io.StringIO("")).read()
    sources, errors = read_with(options.front_matter)(
        list(paths), stdin=io.StringIO(stdin_text or ""), rules=rules)
    selects = options.selects or (lambda path: True)
    excluded = sorted({s.path for s in sources if s.path != "-" and not selects(Path(s.path))})
    sources = [s for s in sources if s.path not in excluded]
    errors = [e for e in errors if e.path == "-" or selects(Path(e.path))]
    return sources, errors, excluded, stdin_text


def _decisions(path: Path | None):
    if path is None:
        return {}
    from reconcile.decisions import load_decisions

    return load_decisions(path)


def _update_index(index: ArchiveIndex, options: CheckOptions, rules, progress):
    from reconcile.check.archive import identity, reader, walk_archive
    from reconcile.check.terms import english_stop_words

    found = walk_archive(options.archive, options.selects)
    read = reader(rules, options.rules_dir, options.jobs, options.front_matter,
                  index.stop_words)

    def read_with_progress(states):
        if progress is None or not states:
            yield from read(states)
            return
        with progress(len(states)) as advance:
            for result in read(states):
                if advance:
                    advance(1)
                yield result

    stats = index.sync(found.files, read_with_progress,
                       identity(rules, options.rules_dir, options.front_matter),
                       english_stop_words, rebuild=options.rebuild)
    return stats, found


def _prepare(sources: Sequence[Source], options: CheckOptions, stdin_text: str | None,
             claim_limit: int, errors: list[InputError]) -> list[_Checked]:
    """The checked articles with their claims; one over the claim limit becomes an error."""
    from reconcile.check.archive import file_text
    from reconcile.ingest._base import normalise_newlines
    from reconcile.limits import within_claim_limit
    from reconcile.pipeline import extract_sources

    sources, extracted, over_limit = within_claim_limit(
        sources, extract_sources(sources, options.rules_dir, options.jobs), claim_limit)
    errors.extend(over_limit)
    archive = options.archive.resolve()
    texts: dict[str, str | None] = {}
    checked = []
    for source in sources:
        if source.path not in texts:
            texts[source.path] = (normalise_newlines(stdin_text or "") if source.path == "-"
                                  else file_text(Path(source.path)))
        claims = extracted[source.id]
        kept = outside(claims, off_regions(source.text))
        checked.append(_Checked(source, tuple(kept), Locator.for_file(texts[source.path],
                                                                      source.text),
                                len(claims) - len(kept), _inside(source.path, archive)))
    return checked


def _inside(path: str, archive: Path) -> str | None:
    if path == "-":
        return None
    try:
        return Path(path).resolve().relative_to(archive).as_posix()
    except ValueError:
        return None


def _candidates(index: ArchiveIndex, checked: Sequence[_Checked],
                limit: int) -> list[IndexedArticle]:
    """The archive articles most like each checked one, without the checked files themselves."""
    from reconcile.check.terms import lead_terms, query_terms, weights_for

    stop_words = index.stop_words()
    own_files = {c.archive_file for c in checked if c.archive_file}
    terms = [lead_terms(c.source, stop_words) for c in checked]
    frequencies = index.document_frequencies(t for ts in terms for t in ts)
    weights = weights_for(terms, frequencies, index.article_count())
    found: dict[int, IndexedArticle] = {}
    for article_terms in terms:
        known = {t: n for t, n in article_terms.items() if frequencies.get(t)}
        for candidate in index.similar(query_terms(known, weights, QUERY_TERMS), limit,
                                       own_files):
            found.setdefault(candidate.key, candidate)
    return sorted(found.values(), key=lambda c: (c.file, c.position))


def _compare(index: ArchiveIndex, checked: Sequence[_Checked],
             candidates: Sequence[IndexedArticle], options: CheckOptions, rules,
             errors: Sequence[InputError]):
    from reconcile.check.terms import lead_terms

    stop_words = index.stop_words()
    ids = _display_ids(index, candidates, {c.source.id for c in checked})
    articles = [Article(c.source, c.claims, lead_terms(c.source, stop_words), True)
                for c in checked]
    paths = {c.source.id: c.source.path for c in checked}
    body_lines = {}
    for candidate, source_id in zip(candidates, ids):
        path = str(PurePath(str(options.archive)) / candidate.file)
        source = replace(candidate.source, id=source_id, path=path)
        articles.append(Article(source, candidate.claims, candidate.terms, False))
        paths[source_id] = path
        body_lines[source_id] = candidate.body_line
    every_term = {t for a in articles for t in a.terms}
    frequencies = Counter(index.document_frequencies(every_term))
    for article in articles[:len(checked)]:
        frequencies.update(article.terms.keys())  # as if the checked articles were archived
    report = compare(articles, rules, frequencies, index.article_count() + len(checked), errors)
    places = Places(locators={c.source.id: c.locator for c in checked}, body_lines=body_lines,
                    paths=paths)
    return report, places


def _display_ids(index: ArchiveIndex, candidates: Sequence[IndexedArticle],
                 taken: set[str]) -> list[str]:
    """Each candidate's id: its short id (the file stem) when no other archive or checked
    article has it, else its path in the archive without the extension."""
    from reconcile.ingest import format_for

    counts = index.short_id_counts(c.short_id for c in candidates)
    ids = []
    used = set(taken)
    for candidate in candidates:
        source_id = candidate.short_id
        if counts.get(source_id, 1) > 1 or source_id in used:
            suffix = format_for(candidate.file)[1]
            stem_path = candidate.file[:len(candidate.file) - len(suffix)] if suffix \
                else candidate.file
            name = PurePath(stem_path).name
            source_id = stem_path if candidate.short_id == name else \
                f"{stem_path}/{candidate.short_id}"
        base, number = source_id, 2
        while source_id in used:
            source_id = f"{base}-{number}"
            number += 1
        used.add(source_id)
        ids.append(source_id)
    return ids
