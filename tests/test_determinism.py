"""Same input, same graph: a load does not depend on the hash seed (sets of strings iterate in an
order PYTHONHASHSEED changes from run to run)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

# An interview whose actors came out 20 or 21 under PYTHONHASHSEED 1..3 (partial names merged in a
# set's order: "Caos", "Linux" and "Caos Linux Foundation").
TITLE = "Gregory Kurtzer discusses plans for Rocky Linux"


def _article(shared: Path, tmp_path: Path) -> Path:
    corpus = shared / "data" / "wikinews" / "wikinews-2019-2020.jsonl"
    line = next(line for line in corpus.read_text(encoding="utf-8").splitlines() if TITLE in line)
    path = tmp_path / "article.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    return path


def _export(article: Path, folder: Path, seed: int) -> bytes:
    folder.mkdir()
    env = {**os.environ, "PYTHONHASHSEED": str(seed)}
    env.pop("POLGRAPH_STORE", None)
    env.pop("NEO4J_URI", None)
    run = [sys.executable, "-m", "polgraph"]
    subprocess.run([*run, "load", str(article)], cwd=folder, env=env, check=True, capture_output=True)
    done = subprocess.run([*run, "export", "--format", "json"], cwd=folder, env=env, check=True, capture_output=True)
    return done.stdout


def test_an_article_reads_the_same_under_two_hash_seeds(shared: Path, tmp_path: Path) -> None:
    article = _article(shared, tmp_path)
    first = _export(article, tmp_path / "seed1", 1)
    second = _export(article, tmp_path / "seed2", 2)
    actors = [n for n in json.loads(first)["nodes"] if "Actor" in n["labels"]]
    assert len(actors) > 10  # the article was read
    assert first == second
