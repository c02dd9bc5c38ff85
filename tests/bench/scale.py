"""How reconcile scales on the corpora in ../shared: a table of figures, no pass or fail.

    python tests/bench/scale.py                       # reuters21578 and gun_violence
    python tests/bench/scale.py --corpus reuters21578 --fractions 0.5,1
    python tests/bench/scale.py --engine dask --scheduler tcp://10.0.0.5:8786

For each corpus it prints
- extraction alone (in this process, no I/O): articles per second with one process and with
  the default number of worker processes;
- a full `reconcile report CORPUS --format json --output FILE` at 25%, 50% and 100% of the
  corpus, each as a separate command: wall time, CPU time (user + sys of every process), peak
  memory (RSS of the largest process, exact; PSS of all processes together, sampled), claims,
  candidate pairs against all pairs (from `--stats`), and time per stage;
- time at 100% / time at 50%, which is about 2 when the cost grows with the corpus and about
  4 when it grows with its square.

A part of a corpus is its first lines (a folder of one JSON Lines file) or its first
sub-folders in name order (a folder of incident folders), with the other files kept. The
machine load at the start and end is printed too: on a shared machine wall times are inflated
and CPU times are the steadier figure. The PSS column needs psutil (installed with
dask[distributed]).
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
CORPORA = ("reuters21578", "gun_violence")
FRACTIONS = (0.25, 0.5, 1.0)


@dataclass
class Run:
    """The figures of one `reconcile report` command."""

    share: float
    articles: int = 0
    wall: float = 0.0
    cpu: float = 0.0
    peak_rss_mb: float = 0.0
    peak_pss_mb: float | None = None
    stats: dict[str, str] = field(default_factory=dict)
    stages: list[tuple[str, float, float]] = field(default_factory=list)
    exit_code: int = 0


def corpus_part(corpus: Path, share: float, into: Path) -> Path:
    """The first `share` of the corpus folder as a folder under `into` (the corpus at 1).

    Top-level files are kept whole, except that a folder of one JSON Lines file and no
    sub-folders is cut by lines; a folder of sub-folders is cut by sub-folders in name
    order."""
    if share >= 1:
        return corpus
    part = into / corpus.name
    part.mkdir()
    folders = sorted(p for p in corpus.iterdir() if p.is_dir())
    files = sorted(p for p in corpus.iterdir() if p.is_file())
    lines_of = [f for f in files if f.suffix == ".jsonl"] if not folders else []
    for entry in files:
        if len(lines_of) == 1 and entry == lines_of[0]:
            lines = entry.read_text(encoding="utf-8").splitlines(keepends=True)
            (part / entry.name).write_text("".join(lines[:round(len(lines) * share)]),
                                           encoding="utf-8")
        else:
            shutil.copy(entry, part / entry.name)
    for folder in folders[:round(len(folders) * share)]:
        shutil.copytree(folder, part / folder.name)
    return part


class PssSampler:
    """The largest sum of PSS over a process and its children, sampled every half second."""

    def __init__(self, pid: int):
        self.peak: float | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(pid,), daemon=True)

    def __enter__(self) -> PssSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self, pid: int) -> None:
        try:
            import psutil
        except ImportError:
            return
        try:
            parent = psutil.Process(pid)
        except psutil.Error:
            return
        while not self._stop.is_set():
            total = 0
            try:
                for process in (parent, *parent.children(recursive=True)):
                    total += process.memory_full_info().pss
            except psutil.Error:
                pass
            self.peak = max(self.peak or 0, total / 2**20)
            time.sleep(0.5)


def run_report(path: Path, share: float, out: Path, extra: list[str]) -> Run:
    """Run the report command on `path` and measure it."""
    command = [sys.executable, "-m", "reconcile", "report", str(path), "--format", "json",
               "--output", str(out), "--quiet", "--stats", *extra]
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               text=True, cwd=ROOT)
    with PssSampler(process.pid) as sampler:
        stderr = process.stderr.read()
        # wait4 gives this command's own resource use: CPU of it and every worker it waited
        # for, and the largest RSS among them
        _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    process.stderr.close()
    run = Run(share, wall=wall, exit_code=process.returncode, peak_pss_mb=sampler.peak,
              cpu=usage.ru_utime + usage.ru_stime, peak_rss_mb=usage.ru_maxrss / 1024)
    _read_stats(stderr, run)
    return run


def _read_stats(stderr: str, run: Run) -> None:
    """Fill `run` from the `--stats` lines (see RunStats.summary)."""
    for line in stderr.splitlines():
        line = line.removeprefix("reconcile: ")
        if match := re.match(r"([\d,]+) articles, ([\d,]+) claims, ([\d,]+) stories", line):
            run.articles = int(match[1].replace(",", ""))
            run.stats["claims"], run.stats["stories"] = match[2], match[3]
        elif match := re.match(r"(story|claim) candidates: (.+?) (article|claim) pairs", line):
            run.stats[match[1]] = match[2]
        elif line.startswith("time: "):
            for name, wall, cpu in re.findall(r"(\w+) ([\d.]+) s(?: alongside \w+)? "
                                              r"\(CPU ([\d.]+) s\)", line):
                run.stages.append((name, float(wall), float(cpu)))
            if match := re.search(r"read ([\d.]+) s", line):
                run.stages.insert(0, ("read", float(match[1]), float("nan")))
            if match := re.search(r"render and write ([\d.]+) s", line):
                run.stages.append(("render", float(match[1]), float("nan")))
        elif line.startswith("error"):
            run.stats["error"] = line


def extraction_rate(path: Path, jobs: int | None) -> tuple[int, float, float]:
    """(articles, wall seconds, CPU seconds of every process) of extracting the corpus."""
    from reconcile.ingest import read_sources
    from reconcile.pipeline import extract_all
    from reconcile.rules import load_rules

    rules = load_rules()
    sources, _ = read_sources([str(path)], rules=rules)
    wall, cpu = time.perf_counter(), time.process_time()
    extraction = extract_all(sources, rules, jobs=jobs)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return len(sources), wall, cpu + extraction.cpu_seconds


def _load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def bench_corpus(shared: Path, name: str, fractions: list[float], extra: list[str],
                 extraction: bool) -> None:
    path = shared / "corpora" / name
    print(f"\n## {name} ({path})\n\nload average at start: {_load()} on {os.cpu_count()} CPUs")
    if extraction:
        for jobs in (1, None):
            count, wall, cpu = extraction_rate(path, jobs)
            label = "one process" if jobs == 1 else f"{os.cpu_count()} processes"
            print(f"extraction, {label}: {count:,} articles in {wall:.1f} s wall, {cpu:.1f} s "
                  f"CPU -> {count / wall:,.0f} articles/s wall, {count / cpu:,.0f} per CPU "
                  "second")
    runs = []
    with tempfile.TemporaryDirectory(prefix="reconcile-scale-") as scratch:
        for share in fractions:
            part_dir = Path(scratch) / f"part-{share}"
            part_dir.mkdir()
            part = corpus_part(path, share, part_dir)
            runs.append(run_report(part, share, Path(scratch) / f"report-{share}.json", extra))
    print()
    print(_table(runs))
    print()
    print(_stage_table(runs))
    by_share = {run.share: run for run in runs}
    if 1.0 in by_share and 0.5 in by_share:
        full, half = by_share[1.0], by_share[0.5]
        print(f"\ntime at 100% / time at 50%: {full.wall / half.wall:.2f} wall, "
              f"{full.cpu / half.cpu:.2f} CPU")
    print(f"load average at end: {_load()}")


def _table(runs: list[Run]) -> str:
    rows = ["| share | articles | wall s | CPU s | peak RSS MB (largest process) | "
            "peak PSS MB (all processes) | claims | stories | claim candidates of all pairs | "
            "story candidates of all article pairs |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |"]
    for run in runs:
        pss = f"{run.peak_pss_mb:,.0f}" if run.peak_pss_mb else "n/a"
        failed = f" (exit {run.exit_code}: {run.stats.get('error', '')})" if run.exit_code else ""
        rows.append(f"| {run.share:.0%}{failed} | {run.articles:,} | {run.wall:.1f} | "
                    f"{run.cpu:.1f} | {run.peak_rss_mb:,.0f} | {pss} | "
                    f"{run.stats.get('claims', '')} | {run.stats.get('stories', '')} | "
                    f"{run.stats.get('claim', '')} | {run.stats.get('story', '')} |")
    return "\n".join(rows)


def _stage_table(runs: list[Run]) -> str:
    names = [name for name, _, _ in (runs[0].stages if runs else [])]
    rows = ["| share | " + " | ".join(f"{name} wall s (CPU s)" for name in names) + " |",
            "| --- |" + " ---: |" * len(names)]
    for run in runs:
        cells = [f"{wall:.1f}" + ("" if cpu != cpu else f" ({cpu:.1f})")
                 for _, wall, cpu in run.stages]
        rows.append(f"| {run.share:.0%} | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", action="append", choices=CORPORA,
                        help="a corpus of ../shared/corpora (repeatable; default: both)")
    parser.add_argument("--fractions", default=",".join(map(str, FRACTIONS)),
                        help="shares of the corpus to report on (default: 0.25,0.5,1.0)")
    parser.add_argument("--shared", type=Path, default=SHARED,
                        help=f"the shared data folder (default: {SHARED})")
    parser.add_argument("--no-extraction", action="store_true",
                        help="skip the extraction-only measurement")
    parser.add_argument("--engine", choices=("local", "dask"), help="passed to reconcile report")
    parser.add_argument("--scheduler", help="passed to reconcile report")
    parser.add_argument("--jobs", "-j", type=int, help="passed to reconcile report")
    args = parser.parse_args(argv)
    if not (args.shared / "corpora").is_dir():
        print(f"scale: no corpora under {args.shared}", file=sys.stderr)
        return 2
    extra = [f"--{key}={value}" for key, value in
             (("engine", args.engine), ("scheduler", args.scheduler), ("jobs", args.jobs))
             if value is not None]
    fractions = sorted(float(x) for x in args.fractions.split(","))
    for name in args.corpus or CORPORA:
        bench_corpus(args.shared, name, fractions, extra, not args.no_extraction)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
