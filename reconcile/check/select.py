"""Which articles to check: the paths given, or the files git says changed.

`--since REF` takes the files changed between REF and HEAD (`git diff REF...HEAD`, the
changes of a pull request against its base), plus files modified or added in the working
tree and untracked files. `--changed-only` without `--since` compares with the pull request's
base branch when GitHub Actions names one (GITHUB_BASE_REF), else with HEAD.
"""
from __future__ import annotations

import os
import subprocess
from collections.abc import Mapping, Sequence
from pathlib import Path

from reconcile.errors import UsageError


def default_base(environ: Mapping[str, str]) -> str | None:
    """The pull request's base branch on GitHub Actions, as a remote ref; None elsewhere."""
    base = environ.get("GITHUB_BASE_REF", "").strip()
    return f"origin/{base}" if base else None


def _git(arguments: Sequence[str], cwd: Path) -> str:
    try:
        done = subprocess.run(["git", *arguments], cwd=cwd, capture_output=True, text=True,
                              check=False)
    except FileNotFoundError as err:
        raise UsageError("--changed-only needs git, which is not installed") from err
    if done.returncode != 0:
        reason = (done.stderr.strip().splitlines() or ["failed"])[-1]
        raise UsageError(f"git {' '.join(arguments[:2])}: {reason}")
    return done.stdout


def changed_files(since: str | None, cwd: Path | None = None) -> list[str]:
    """Files changed since `since` (or in the working tree only, when None) that still exist,
    as paths relative to `cwd`, sorted."""
    cwd = Path(cwd or Path.cwd())
    try:
        top = Path(_git(["rev-parse", "--show-toplevel"], cwd).strip())
    except UsageError as err:
        raise UsageError(f"--changed-only: {cwd} is not in a git repository ({err})") from err
    names: set[str] = set()
    if since:
        names.update(_names(_git(["diff", "--name-only", "--diff-filter=d", "-z",
                                  f"{since}...HEAD", "--"], cwd)))
    has_head = subprocess.run(["git", "rev-parse", "--verify", "--quiet", "HEAD"], cwd=cwd,
                              capture_output=True, check=False).returncode == 0
    if has_head:
        names.update(_names(_git(["diff", "--name-only", "--diff-filter=d", "-z", "HEAD", "--"],
                                 cwd)))
    else:  # a repository without commits: everything staged is new
        names.update(_names(_git(["diff", "--cached", "--name-only", "-z", "--"], cwd)))
    names.update(_names(_git(["ls-files", "--others", "--exclude-standard", "--full-name", "-z",
                                  "--", ":/"], cwd)))
    found = []
    for name in names:
        path = top / name
        if path.is_file():
            found.append(os.path.relpath(path, cwd))
    return sorted(found)


def _names(output: str) -> list[str]:
    return [name for name in output.split("\0") if name]
