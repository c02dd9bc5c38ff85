"""The Dask engine: extraction and per-story matching as tasks on a Dask cluster.

`DaskEngine(scheduler="tcp://host:8786")` uses an existing cluster; without an address it
starts a local one (one single-threaded worker process per job), which is mostly useful to try
the engine out. Workers need reconcile installed (the same version); they get the rules as a
value, not a folder name, so a `--rules` folder on this machine needs no copy on the workers.
Results are gathered in submission order, so the report is the same bytes as the local
engine's.
"""
from __future__ import annotations

import logging
import os
from collections.abc import Callable, Sequence

from reconcile.engine.tasks import (BatchResult, ExtractItem, StorySettings, StoryTask, batches,
                                    extract_batch, heaviest_first, judge_batch, story_cost)
from reconcile.errors import EngineError
from reconcile.rules import Rules

# Tasks on a cluster cost a scheduler round trip each: batches are larger than the local
# engine's so that the overhead stays a small share.
EXTRACT_BATCH_CHARS = 250_000
EXTRACT_BATCH_ITEMS = 256
JUDGE_BATCH_CLAIMS = 10_000
JUDGE_BATCH_STORIES = 1_000
CONNECT_SECONDS = 10


class DaskEngine:
    """Runs the stages on a Dask cluster through a distributed.Client."""

    name = "dask"

    def __init__(self, scheduler: str | None = None, jobs: int | None = None):
        try:
            from distributed import Client, LocalCluster
        except ImportError as err:
            raise EngineError("--engine dask needs Dask's distributed scheduler, which is not "
                              "installed: pip install 'reconcile[dask]' "
                              f"({type(err).__name__}: {err})") from None
        self.cluster = None
        if scheduler:
            try:
                self.client = Client(scheduler, timeout=CONNECT_SECONDS)
            except (OSError, TimeoutError, ValueError) as err:
                raise EngineError(f"cannot reach the Dask scheduler at {scheduler}: "
                                  f"{err or type(err).__name__}") from None
        else:
            self.cluster = LocalCluster(n_workers=max(1, jobs or os.cpu_count() or 1),
                                        threads_per_worker=1, processes=True,
                                        dashboard_address=None, silence_logs=logging.ERROR)
            self.client = Client(self.cluster)

    def __enter__(self) -> DaskEngine:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Disconnect, and stop the cluster when this engine started it."""
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()

    def extract(self, items: Sequence[ExtractItem], rules: Rules, rules_dir: str | None,
                progress: Callable[[int], None] | None = None,
                on_started: Callable[[], None] | None = None) -> BatchResult:
        """The Extracted of every item, in order, and the CPU seconds the workers spent."""
        work = batches(items, lambda item: len(item.text), EXTRACT_BATCH_CHARS,
                       EXTRACT_BATCH_ITEMS)
        [shared] = self.client.scatter([rules], broadcast=True, hash=False)
        return self._run(extract_batch, work, len, progress, on_started, rules_dir=None,
                         rules=shared)

    def judge(self, tasks: Sequence[StoryTask], settings: StorySettings,
              progress: Callable[[int], None] | None = None) -> BatchResult:
        """The Judged of every story, in order, and the CPU seconds the workers spent."""
        work = batches(tasks, lambda task: len(task.claims) + 1, JUDGE_BATCH_CLAIMS,
                       JUDGE_BATCH_STORIES)
        order = heaviest_first(work, story_cost)
        done = self._run(judge_batch, [work[k] for k in order],
                         lambda batch: sum(len(t.story.sources) for t in batch), progress, None,
                         settings=settings)
        slots: list[tuple] = [()] * len(work)
        position = 0
        for index in order:
            size = len(work[index])
            slots[index] = done.results[position:position + size]
            position += size
        return BatchResult(tuple(r for batch in slots for r in batch), done.cpu_seconds)

    def _run(self, function: Callable[..., BatchResult], work: list[list],
             size: Callable[[list], int], progress: Callable[[int], None] | None,
             on_started: Callable[[], None] | None, **arguments) -> BatchResult:
        """Run `function` on each batch (submitted in this order); results in batch order."""
        from distributed import as_completed

        if not work:
            if on_started:
                on_started()
            return BatchResult((), 0.0)
        try:
            # the batches go to the workers as data, not inside the task graph, which the
            # scheduler would have to hold and forward (and which Dask warns about when large)
            data = self.client.scatter(work, hash=False)
            futures = self.client.map(function, data, pure=False, **arguments)
            if on_started:
                on_started()
            sizes = {future.key: size(batch) for future, batch in zip(futures, work)}
            for future in as_completed(futures):
                if future.status == "error":
                    break  # gather below raises it
                if progress:
                    progress(sizes[future.key])
            done: list[BatchResult] = self.client.gather(futures)
        except Exception as err:
            # the tasks catch what one article or story can raise: this is the cluster (a
            # worker killed, a lost connection, another reconcile version on the workers)
            raise EngineError(f"the Dask cluster could not run {function.__name__}: "
                              f"{type(err).__name__}: {err}") from err
        results: list = []
        for result in done:
            results.extend(result.results)
        return BatchResult(tuple(results), sum(result.cpu_seconds for result in done))
