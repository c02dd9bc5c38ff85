"""The sub-commands of `reconcile`, one module each, found by name.

A command module defines `NAME`, `HELP` (one line for `reconcile --help`), `DESCRIPTION`,
`add_arguments(parser)` and `run(args, io) -> int`. Adding a command is adding a module here:
`reconcile.cli` lists every module of this package in alphabetical order.
"""
from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType


def command_modules() -> list[ModuleType]:
    """Every command module of this package, sorted by command name."""
    modules = []
    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        if hasattr(module, "NAME") and hasattr(module, "run"):
            modules.append(module)
    return sorted(modules, key=lambda m: m.NAME)
