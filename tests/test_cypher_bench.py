"""The Cypher benchmark runs at a tiny size (not a timed test): every bounded query gives the
whole graph's answer on its part, every query with no named start on its tables or as one SQL
statement, the two-hop count agrees with the SQL join, and the SQL statements answer as the
engine on the same tables."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def bench(*args: str) -> list[str]:
    return subprocess.run([sys.executable, str(ROOT / "benchmarks" / "cypher_bench.py"), *args],
                          capture_output=True, text=True, check=True, cwd=ROOT).stdout.splitlines()


def test_the_benchmark_compares_whole_and_part_and_counts_with_sql(tmp_path: Path) -> None:
    lines = bench("--sizes", "3000", "--work", str(tmp_path))
    header = next(i for i, line in enumerate(lines) if line.startswith("query "))
    rows = lines[header + 1 : header + 13]
    unbounded = [r for r in rows if r.endswith(" (tables)") or r.endswith(" (SQL)")]
    bounded = [r for r in rows if r not in unbounded]
    assert {r.split()[0] for r in rows if r.endswith("  yes (tables)")} == {"role_phrase"}
    assert {r.split()[0] for r in rows if r.endswith("  yes (SQL)")} == {"dyads", "most_mentioned", "who_acts_on_whom"}
    assert len(bounded) == 8 and all(r.endswith("  yes") for r in bounded), rows
    assert lines[header + 13].startswith("two-hop SANCTIONS paths into the busiest actor (state-000): Cypher engine")
    assert lines[header + 13].endswith(": agree")


def test_the_sql_statements_answer_as_the_engine_on_their_tables(tmp_path: Path) -> None:
    lines = bench("--pushdown", "--sizes", "3000", "--work", str(tmp_path))
    header = next(i for i, line in enumerate(lines) if line.startswith("query "))
    rows = {line.split()[0]: line for line in lines[header + 1 :]}
    assert set(rows) == {"dyads", "most_mentioned", "role_phrase", "who_acts_on_whom"}
    assert all(rows[q].endswith("  yes") for q in ("dyads", "most_mentioned", "who_acts_on_whom")), rows
    assert rows["role_phrase"].endswith("(not pushed down: the engine answers)")
    paths = bench("--paths", "--sizes", "3000", "--work", str(tmp_path))
    assert sum(line.endswith("  one SQL statement") for line in paths) == 3
