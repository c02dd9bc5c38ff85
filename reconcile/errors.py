"""One exception hierarchy; the CLI turns each into a one-line message and an exit code."""
from __future__ import annotations


class ReconcileError(Exception):
    """Base class of every error reconcile raises on purpose."""

    exit_code = 2


class UsageError(ReconcileError):
    """The command line asked for something that cannot be done."""


class RulesError(ReconcileError):
    """A rules file is missing, unreadable or has a mistake."""

    def __init__(self, problems: list[str]):
        self.problems = list(problems)
        super().__init__("; ".join(self.problems))

    def __reduce__(self):
        # raised in a worker process, it is pickled back with its list of problems, not with
        # the joined message (which would be read back as a list of characters)
        return (type(self), (self.problems,))


class ConfigError(ReconcileError):
    """The project configuration (reconcile.toml / [tool.reconcile]) has a mistake."""


class EngineError(ReconcileError):
    """The engine asked for cannot run: Dask is not installed, or its scheduler is unreachable."""


class NoInputError(ReconcileError):
    """None of the given inputs could be read."""


class IngestError(ReconcileError):
    """One input could not be read; the run goes on and lists it in `errors`."""
