"""Where the pipeline runs: the local engine (default) or Dask.

An engine runs the two stages whose work splits into independent pieces: extracting the
claims of each article, and matching and judging the claims of each story. Clustering, which
needs every article at once, and numbering stay in the pipeline. Both engines run the same
functions (reconcile.engine.tasks) and return results in input order, so the report is the
same bytes whichever engine made it.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from reconcile.engine.tasks import BatchResult, ExtractItem, StorySettings, StoryTask
from reconcile.rules import Rules

ENGINES = ("local", "dask")

__all__ = ["ENGINES", "Engine", "open_engine"]


class Engine(Protocol):
    """Runs extraction and story matching; a context manager that releases its workers."""

    name: str

    def extract(self, items: Sequence[ExtractItem], rules: Rules, rules_dir: str | None,
                progress: Callable[[int], None] | None = None,
                on_started: Callable[[], None] | None = None) -> BatchResult:
        """The Extracted of every item in order; `on_started()` is called once the work is
        handed out (worker processes already started), so that this process can do other
        work meanwhile."""

    def judge(self, tasks: Sequence[StoryTask], settings: StorySettings,
              progress: Callable[[int], None] | None = None) -> BatchResult:
        """The Judged of every story in order."""

    def close(self) -> None: ...

    def __enter__(self) -> Engine: ...

    def __exit__(self, *exc) -> None: ...


def open_engine(name: str = "local", *, jobs: int | None = None,
                scheduler: str | None = None) -> Engine:
    """The engine called `name`; `scheduler` is a Dask scheduler address (dask only).

    Raises UsageError for an unknown name or a scheduler given to the local engine, and
    EngineError when Dask is asked for but not installed or not reachable."""
    from reconcile.errors import UsageError

    if name == "local":
        if scheduler:
            raise UsageError("--scheduler needs --engine dask (the local engine runs on this "
                             "machine only)")
        from reconcile.engine.local import LocalEngine

        return LocalEngine(jobs)
    if name == "dask":
        from reconcile.engine.dask import DaskEngine

        return DaskEngine(scheduler, jobs)
    raise UsageError(f"unknown engine {name!r}; choose one of: {', '.join(ENGINES)}")
