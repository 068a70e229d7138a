"""Long articles: time and peak memory of reading one article of 100k, 330k and 1M characters (issue 14).

    .venv/bin/python benchmarks/long_article_bench.py [--corpus FILE.jsonl] [--sizes 100000,330000,990000]

Each article is the Wikinews corpus's texts one after another (paragraphs kept), cut to the size,
dated 2020-01-01, and read with ``Loader.read`` (parse, mentions, relations: no store). All sizes
run in one process on one loaded pipeline, the smallest first: its time per character is the
baseline the others are reported against (the target is within 5x; a reading whose cost grows
faster than the text shows as a ratio that grows with the size). The ratio is of CPU seconds of
this process, steadier than wall-clock time on a machine running other work; both are printed.

Memory is the process's peak resident set during each reading (Linux: the peak is reset before
each one through /proc/self/clear_refs), and its growth over what the process held before.
"""

from __future__ import annotations

import argparse
import json
import time
from datetime import date
from pathlib import Path

from polgraph.graph.model import Article
from polgraph.loaders.pipeline import Loader

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "wikinews" / "wikinews-2019-2020.jsonl"


def _status_kb(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise RuntimeError(f"no {field} in /proc/self/status")


def _reset_peak() -> None:
    Path("/proc/self/clear_refs").write_text("5")  # resets VmHWM to the current resident set


def article_of(size: int, corpus: str) -> Article:
    text = (corpus * (size // len(corpus) + 1))[:size]
    return Article.from_text(text, published=date(2020, 1, 1), title=f"{size} characters", source="bench")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--sizes", default="100000,330000,990000")
    args = parser.parse_args()
    sizes = sorted(int(s) for s in args.sizes.split(","))
    texts = [json.loads(line)["text"] for line in args.corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    corpus = "\n\n".join(texts)

    loader = Loader()
    loader.read(article_of(2_000, corpus))  # warm: loads the pipeline and the registry
    print(f"{'characters':>10}  {'wall s':>7}  {'CPU s':>7}  {'CPU µs/char':>11}  {'ratio':>6}  {'peak MB':>8}  "
          f"{'growth MB':>9}  relations")
    baseline = None
    for size in sizes:
        article = article_of(size, corpus)
        before = _status_kb("VmRSS")
        _reset_peak()
        wall, cpu = time.perf_counter(), time.process_time()
        graph = loader.read(article)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        peak = _status_kb("VmHWM")
        per_char = cpu / size
        baseline = baseline or per_char
        print(f"{size:>10,}  {wall:>7.1f}  {cpu:>7.1f}  {per_char * 1e6:>11.1f}  {per_char / baseline:>6.2f}  "
              f"{peak / 1024:>8.0f}  {(peak - before) / 1024:>9.0f}  {len(graph.relations)}", flush=True)


if __name__ == "__main__":
    main()
