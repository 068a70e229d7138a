"""Smoke tests of the benchmarks: each runs at its tiny (--quick) size, as benchmarks/run_all.py runs
it, exits 0 and prints its table. Not timed tests: the figures are the benchmarks' business."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _run_all():
    spec = importlib.util.spec_from_file_location("run_all", ROOT / "benchmarks" / "run_all.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["run_all"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


run_all = _run_all()


def test_run_all_knows_every_benchmark_script():
    scripts = {p.name for p in (ROOT / "benchmarks").glob("*.py")}
    helpers = {"run_all.py", "synthetic.py", "gdelt_gen.py"}  # the runner, and the data generators benchmarks import
    assert {b.script for b in run_all.BENCHMARKS} == scripts - helpers


@pytest.mark.parametrize("benchmark", run_all.BENCHMARKS, ids=lambda b: b.name)
def test_the_benchmark_runs_at_its_tiny_size_and_prints_its_table(benchmark):
    result = run_all.run(benchmark, quick=True, timeout=300)
    assert result.ok, f"{benchmark.name} exited {result.status}:\n{result.stderr[-3000:]}"
    assert benchmark.printed_table(result.stdout), result.stdout


def test_the_report_names_the_machine_the_versions_and_each_table(tmp_path):
    report = tmp_path / "RESULTS.md"
    assert run_all.main(["--quick", "--only", "tck", "--only", "cypher", "--output", str(report)]) == 0
    text = report.read_text()
    assert text.startswith("# Benchmark results\n")
    for line in ("- CPU: ", "- memory: ", "- OS: ", "- Python 3.11", "- date: "):
        assert f"\n{line}" in text
    assert "networkx " in text and "spacy " in text
    assert "| [tck](#tck) | ok |" in text and "| [cypher](#cypher) | ok |" in text
    assert text.index("## tck") > text.index("## cypher")  # in the registry's order
    assert "    .venv/bin/python benchmarks/tck.py --only clauses/return-orderby\n" in text
    assert "TOTAL " in text and "one-hop by name (hub)" in text
    assert [p.name for p in tmp_path.iterdir()] == ["RESULTS.md"]


def test_a_failing_benchmark_is_reported_and_fails_the_run(tmp_path, monkeypatch):
    broken = run_all.Benchmark("tck", "tck.py", (), ("--features", str(tmp_path / "none")), "folder ")
    monkeypatch.setattr(run_all, "BENCHMARKS", (broken,))
    report = tmp_path / "RESULTS.md"
    assert run_all.main(["--quick", "--output", str(report)]) == 1
    text = report.read_text()
    assert "| [tck](#tck) | exit 1 |" in text
    assert f"{tmp_path / 'none'}: no TCK features there" in text
