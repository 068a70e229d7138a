"""The batch size the store benchmark loads in is the one `polgraph load --format gdelt` uses, so
the load rate docs/scale.md quotes is the rate a user gets."""

import importlib.util
import sys
from pathlib import Path

from polgraph.loaders.gdelt import DEFAULT_BATCH_SIZE

BENCH = Path(__file__).resolve().parent.parent / "benchmarks" / "store_bench.py"


def test_the_store_benchmark_writes_batches_of_the_gdelt_loaders_size(monkeypatch):
    spec = importlib.util.spec_from_file_location("store_bench", BENCH)
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "store_bench", module)  # its dataclasses look their module up
    spec.loader.exec_module(module)
    assert module.BATCH == DEFAULT_BATCH_SIZE == 50_000
