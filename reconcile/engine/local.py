"""The local engine (the default): worker processes on this machine, or none for small runs.

Extraction sends each worker batches of article texts. Matching needs the claims of every
story, which the main process already holds after clustering: where processes are forked,
the story stage starts its workers after clustering so that they inherit the stories instead
of having every claim pickled to them (about 6 CPU seconds for the 176,000 claims of
Reuters-21578); elsewhere the batches are sent like extraction's.
"""
from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from itertools import repeat

from reconcile.engine.tasks import (BatchResult, ExtractItem, StorySettings, StoryTask, batches,
                                    extract_batch, extract_one, heaviest_first, judge_batch,
                                    story_cost)
from reconcile.rules import Rules

# Below this many articles, starting worker processes costs more than it saves.
PARALLEL_MIN_SOURCES = 40
# A batch is the unit sent to a worker: big enough that the round trip is noise, small
# enough that the progress bar moves and the two workers finish together.
EXTRACT_BATCH_CHARS = 60_000
EXTRACT_BATCH_ITEMS = 64
JUDGE_BATCH_CLAIMS = 3_000
JUDGE_BATCH_STORIES = 256

# The story batches a forked worker inherited from the run that started it (set once per
# worker by _inherit; never set in the main process).
_INHERITED: tuple[list[list[StoryTask]], StorySettings] | None = None


class LocalEngine:
    """Runs each stage in a pool of `jobs` processes (default: one per CPU), or in this
    process when `jobs` is 1 or the run is small. `start_method` is multiprocessing's
    (fork, spawn, forkserver; default: the platform's)."""

    name = "local"

    def __init__(self, jobs: int | None = None, start_method: str | None = None):
        self.jobs = max(1, jobs or os.cpu_count() or 1)
        self.context = multiprocessing.get_context(start_method)

    def __enter__(self) -> LocalEngine:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Nothing to release: each stage's pool ends with the stage."""

    def extract(self, items: Sequence[ExtractItem], rules: Rules, rules_dir: str | None,
                progress: Callable[[int], None] | None = None,
                on_started: Callable[[], None] | None = None) -> BatchResult:
        """The Extracted of every item, in order, and the CPU seconds the workers spent."""
        work = batches(items, lambda item: len(item.text), EXTRACT_BATCH_CHARS,
                       EXTRACT_BATCH_ITEMS)
        if not self._parallel(len(items), len(work)):
            if on_started:
                on_started()
            done = (BatchResult(tuple(extract_one(item, rules) for item in batch), 0.0)
                    for batch in work)
            return _collect(done, work, len, progress, own_cpu=True)
        with ProcessPoolExecutor(max_workers=min(self.jobs, len(work)),
                                 mp_context=self.context) as pool:
            # map() submits every batch at once, and a forking pool starts all its workers
            # at the first submit: threads started by on_started() are never forked
            done = pool.map(extract_batch, work, repeat(rules_dir))
            if on_started:
                on_started()
            return _collect(done, work, len, progress)

    def judge(self, tasks: Sequence[StoryTask], settings: StorySettings,
              progress: Callable[[int], None] | None = None) -> BatchResult:
        """The Judged of every story, in order, and the CPU seconds the workers spent."""
        work = batches(tasks, lambda task: len(task.claims) + 1, JUDGE_BATCH_CLAIMS,
                       JUDGE_BATCH_STORIES)
        sources = sum(len(task.story.sources) for task in tasks)

        def articles(batch: list[StoryTask]) -> int:
            return sum(len(task.story.sources) for task in batch)

        if not self._parallel(sources, len(work)):
            done = (judge_batch(batch, settings) for batch in work)
            return _collect(done, work, articles, progress, own_cpu=True)
        workers = min(self.jobs, len(work))
        order = heaviest_first(work, story_cost)
        if self.context.get_start_method() == "fork":
            # frozen objects are left alone by the workers' garbage collector, which would
            # otherwise write to (and so copy) every page of the inherited claims
            gc.freeze()
            try:
                with ProcessPoolExecutor(max_workers=workers, mp_context=self.context,
                                         initializer=_inherit, initargs=(work, settings)) as pool:
                    done = pool.map(_judge_inherited, order)
                    return _collect(done, work, articles, progress, order=order)
            finally:
                gc.unfreeze()
        with ProcessPoolExecutor(max_workers=workers, mp_context=self.context) as pool:
            done = pool.map(judge_batch, [work[k] for k in order], repeat(settings))
            return _collect(done, work, articles, progress, order=order)

    def _parallel(self, articles: int, batch_count: int) -> bool:
        return self.jobs > 1 and batch_count > 1 and articles >= PARALLEL_MIN_SOURCES


def _inherit(work: list[list[StoryTask]], settings: StorySettings) -> None:
    """Worker initializer: keep the story batches this forked worker was born with."""
    global _INHERITED
    _INHERITED = (work, settings)


def _judge_inherited(index: int) -> BatchResult:
    work, settings = _INHERITED
    return judge_batch(work[index], settings)


def _collect(done: Iterable[BatchResult], work: Sequence[list], size: Callable[[list], int],
             progress: Callable[[int], None] | None, own_cpu: bool = False,
             order: Sequence[int] | None = None) -> BatchResult:
    """Join batch results in the order of `work`, advancing `progress` by each batch's `size`.

    `order`: the batch indexes in the order `done` yields them (default: as in `work`).
    `own_cpu`: the batches ran in this process, whose CPU time the caller measures itself."""
    order = range(len(work)) if order is None else order
    slots: list[tuple] = [()] * len(work)
    cpu = 0.0
    for index, result in zip(order, done):
        slots[index] = result.results
        cpu += 0.0 if own_cpu else result.cpu_seconds
        if progress:
            progress(size(work[index]))
    return BatchResult(tuple(r for batch in slots for r in batch), cpu)
