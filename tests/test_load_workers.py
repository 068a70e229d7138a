"""``polgraph load --workers N`` (issue 13, item 5): the same input gives the same store whatever
N; a record that fails is that record's error and the rest load, in workers too; the workers start
once per load."""

from __future__ import annotations

import json
import os
import sys
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from polgraph.cli.app import _register, cli
from polgraph.exceptions import ConfigError
from polgraph.graph.stores.sqlite_store import SQLiteStore
from polgraph.loaders import workers as workers_module
from polgraph.loaders.pipeline import Loader
from polgraph.loaders.workers import available_cpus
from tests.conftest import ROOT, SEED, SHARED

_register()

WIKINEWS = SHARED / "data" / "wikinews" / "wikinews-2019-2020.jsonl"
PARENT = os.getpid()


def polgraph(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def articles(tmp_path_factory) -> Path:
    """Nine Wikinews articles from across the corpus, with a broken line among them."""
    lines = WIKINEWS.read_text(encoding="utf-8").splitlines()
    picked = lines[::33][:9]
    path = tmp_path_factory.mktemp("workers") / "wikinews.jsonl"
    path.write_text("\n".join(picked[:4] + ["{not json"] + picked[4:]) + "\n", encoding="utf-8")
    return path


def _lines(tmp_path: Path, texts: list[str]) -> Path:
    path = tmp_path / "articles.jsonl"
    path.write_text("".join(json.dumps({"id": f"a{i}", "date": "2024-02-01", "text": t}) + "\n"
                            for i, t in enumerate(texts)), encoding="utf-8")
    return path


def test_one_and_two_workers_make_the_same_store(tmp_path, articles):
    outputs, exports = [], []
    for n in (1, 2):
        store = str(tmp_path / f"graph-{n}.json")
        # batches of two: five batches of the jsonl file, read by two workers at once
        result = polgraph("load", "--store", store, "--workers", str(n), "--batch-size", "2", str(SEED), str(articles))
        assert result.exit_code == 1  # the broken line
        outputs.append(result.output.replace(store, "STORE"))
        exports.append(polgraph("export", "--store", store, "--format", "json").output)
    assert outputs[0] == outputs[1]
    assert outputs[0].splitlines() == [
        f"Error: {articles}:5: invalid JSON (Expecting property name enclosed in double quotes at column 2)",
        outputs[0].splitlines()[1],
    ]
    assert outputs[0].splitlines()[1].startswith("Loaded 10 new article(s) into STORE: ")
    graph = json.loads(exports[0])
    assert sum("Article" in n["labels"] for n in graph["nodes"]) == 10
    assert sum(r["type"] != "MENTIONED_IN" for r in graph["relationships"]) > 20
    assert exports[0] == exports[1]  # byte for byte


def test_an_article_that_fails_in_a_worker_is_its_own_error(tmp_path):
    class Failing(Loader):  # a fault injected into the extraction of one article
        def graph_of(self, article, doc):
            if "Poison" in article.text:
                raise RecursionError("maximum recursion depth exceeded")
            return super().graph_of(article, doc)

    path = _lines(tmp_path, ["Germany banned Mahan Air.", "Poison pills were found.", "France criticised Russia.",
                             "Poland met Ukraine."])
    calls = []
    report = Failing().load(SQLiteStore(tmp_path / "g.db", create=True), [path], batch_size=2, workers=2,
                            on_article=lambda: calls.append(1))
    assert [str(e) for e in report.errors] == [
        f"{path}:2: cannot read the article (RecursionError: maximum recursion depth exceeded)"]
    assert report.written.articles == 3 and len(calls) == 4


def test_an_article_that_stops_its_worker_is_its_own_error(tmp_path):
    class Crashing(Loader):  # as if a worker were killed (out of memory) or crashed in native code
        def graph_of(self, article, doc):
            if "Crash" in article.text and os.getpid() != PARENT:
                os._exit(3)
            return super().graph_of(article, doc)

    texts = [f"France criticised Russia on day {i}." for i in range(8)]
    texts[5] = "Crash: Germany banned Mahan Air."
    path = _lines(tmp_path, texts)
    store = SQLiteStore(tmp_path / "g.db", create=True)
    report = Crashing().load(store, [path], batch_size=2, workers=2)
    assert [str(e) for e in report.errors] == [
        f"{path}:6: cannot read the article (the worker process reading it stopped abruptly)"]
    assert report.written.articles == 7 and len(store.articles()) == 7


def test_the_workers_start_once_per_load(tmp_path):
    class Marking(Loader):  # each article titled with the process that read it
        def graph_of(self, article, doc):
            graph = super().graph_of(article, doc)
            return replace(graph, article=replace(graph.article, title=str(os.getpid())))

    store = SQLiteStore(tmp_path / "g.db", create=True)
    Marking().load(store, [_lines(tmp_path, [f"France criticised Russia on day {i}." for i in range(12)])],
                   batch_size=1, workers=2)
    readers = {a.title for a in store.articles()}
    assert len(store.articles()) == 12
    assert 1 <= len(readers) <= 2 and str(PARENT) not in readers


def test_spawned_workers_read_as_forked_ones_do(tmp_path, monkeypatch, articles):
    """The start method of platforms without fork: the loader is pickled to each worker."""
    monkeypatch.setattr(workers_module, "START_METHOD", "spawn")
    stores = [SQLiteStore(tmp_path / f"g{n}.db", create=True) for n in (1, 2)]
    for n, store in zip((1, 2), stores):
        Loader().load(store, [articles], batch_size=4, workers=n)
    assert stores[0].relations() == stores[1].relations() and stores[1].relations()
    assert stores[0].actors() == stores[1].actors()


def test_workers_must_be_at_least_one(tmp_path):
    with pytest.raises(ConfigError, match="the number of workers must be at least 1, got 0"):
        Loader().load(SQLiteStore(tmp_path / "g.db", create=True), [SEED], workers=0)
    result = polgraph("load", "--store", str(tmp_path / "g.json"), "--workers", "0", str(SEED))
    assert result.exit_code == 1
    assert result.output == "Error: --workers must be at least 1, got 0\n"


def test_more_workers_than_cpus_are_as_many_as_cpus(tmp_path):
    cpus = available_cpus()
    result = polgraph("load", "--store", str(tmp_path / "g.json"), "--workers", str(cpus + 3), str(SEED))
    assert result.exit_code == 0
    assert result.output.splitlines()[0] == (
        f"Warning: --workers {cpus + 3} is more than the {cpus} CPU(s) this process may use; using {cpus}")
    assert "Loaded 1 new article(s)" in result.output


def test_the_load_benchmark_runs_at_a_tiny_size(articles):
    out = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "load_bench.py"), "--corpus", str(articles),
                          "--chunk", "4"], capture_output=True, text=True, timeout=600, check=True).stdout
    for label in ("spaCy nlp.pipe (bare parse)", "polgraph Loader.load, 1 worker", "polgraph Loader.load, 2 workers",
                  "ratio load/parse (cpu), 1 worker", "speed-up 2 workers / 1 worker (wall)"):
        assert label in out, label
