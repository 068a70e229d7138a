"""The centrality benchmark runs at a tiny size and prints its tables (not a timed test)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_benchmark_prints_every_measure_and_the_error_table():
    out = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "centrality_bench.py"), "--sizes", "600,1200", "--sources", "30",
         "--networkx-betweenness-max", "600", "--networkx-exact-max", "600", "--error-sizes", "1200",
         "--error-sources", "10,30", "--error-seeds", "2"],
        capture_output=True, text=True, check=True, cwd=ROOT,
    ).stdout
    lines = out.splitlines()
    assert lines[0].startswith("# centrality_bench: Python 3.")
    assert lines[2].split()[:5] == ["relations", "measure", "networkx", "s", "polgraph"]
    measures = {}
    for line in lines[4:]:
        if not line.strip():
            break
        size, rest = line.split(None, 1)
        measures.setdefault(size, []).append(rest)
    assert set(measures) == {"600", "1,200"}
    for rest in measures["600"][1:4] + measures["600"][5:7]:  # degree, pagerank, eigenvector, betweenness x2
        assert rest.split()[-3:][0] == "20/20" and rest.split()[-2:] == ["1.0000", "1.0000"], rest
    assert "networkx not run above 600 relations" in measures["1,200"][5]
    assert "not run above 600 relations" in measures["1,200"][6]
    error = lines[lines.index("") + 4:]  # after the blank line: a comment, the header and its rule
    assert [row.split()[2:4] for row in error] == [[k, s] for k in ("10", "30") for s in "01"]
    assert all(row.split()[0] == "1,200" and row.split()[6].endswith("/20") and row.split()[7].endswith("%")
               for row in error)
