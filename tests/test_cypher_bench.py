"""The Cypher benchmark runs at a tiny size (not a timed test): every bounded query gives the
whole graph's answer on its part, and the two-hop count agrees with the SQL join."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_benchmark_compares_whole_and_part_and_counts_with_sql(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "cypher_bench.py"), "--sizes", "3000", "--work", str(tmp_path)],
        capture_output=True, text=True, check=True, cwd=ROOT,
    ).stdout
    lines = out.splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("query "))
    rows = lines[header + 1 : header + 13]
    bounded = [r for r in rows if "no named start" not in r]
    assert {r.split()[0] for r in rows if r not in bounded} == {"dyads", "most_mentioned", "role_phrase", "who_acts_on_whom"}
    assert len(bounded) == 8 and all(r.endswith("  yes") for r in bounded), rows
    assert lines[header + 13].startswith("two-hop SANCTIONS paths into the busiest actor (state-000): Cypher engine")
    assert lines[header + 13].endswith(": agree")
