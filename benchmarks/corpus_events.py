"""Event relations over the Wikinews corpus: how many each article gets, in the non-political
articles (``nonpolitical_wikinews.tsv``, which should get none) and in the others, and which
mechanisms produce them. A new reading mechanism that floods non-political news shows here.

    .venv/bin/python benchmarks/corpus_events.py [--corpus FILE.jsonl] [--articles N] [--min-confidence X] [--show N]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from polgraph.graph.model import Article
from polgraph.loaders.pipeline import Loader
from polgraph.loaders.relations import select

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parents[1] / "shared" / "data" / "wikinews" / "wikinews-2019-2020.jsonl"


def nonpolitical_ids() -> set[str]:
    lines = (HERE / "nonpolitical_wikinews.tsv").read_text(encoding="utf-8").splitlines()
    return {line.split("\t", 1)[0] for line in lines if line and not line.startswith("#")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--min-confidence", type=float, default=None)
    parser.add_argument("--show", type=int, default=0, help="print N event relations of non-political articles")
    parser.add_argument("--articles", type=int, help="the first N records of the corpus only (default: all)")
    args = parser.parse_args()
    loader = Loader(min_confidence=args.min_confidence)
    records = [json.loads(line) for line in args.corpus.read_text(encoding="utf-8").splitlines() if line.strip()][: args.articles]
    quiet = nonpolitical_ids()
    counts = {True: Counter(), False: Counter()}  # non-political? -> articles, relations
    mechanisms = {True: Counter(), False: Counter()}
    shown = []
    articles = [Article.from_text(r["text"], title=r.get("title", "")) for r in records]
    docs = loader.nlp.pipe((a.text for a in articles), batch_size=16)
    for record, article, doc in zip(records, articles, docs):
        np = record["id"] in quiet
        reading = loader.reading_of(article, doc)
        graph = loader.graph_from(reading)
        kept = {(r.source, r.type, r.target, r.sentence) for r in graph.relations}
        counts[np]["articles"] += 1
        counts[np]["relations"] += len(graph.relations)
        counts[np]["articles with events"] += bool(graph.relations)
        for c in select(reading.candidates, loader.min_confidence):
            if c.key in kept:
                mechanisms[np].update(c.mechanisms)
                if np and len(shown) < args.show:
                    shown.append(f"  {record['id']}: {c.source} -{c.type}-> {c.target} ({', '.join(c.mechanisms)}): {c.evidence[:110]}")
    for np, label in ((True, "non-political"), (False, "other")):
        c = counts[np]
        print(f"{label}: {c['articles']} articles, {c['relations']} event relations "
              f"({c['relations'] / max(c['articles'], 1):.2f} an article), {c['articles with events']} articles with any")
        print("  by mechanism: " + ", ".join(f"{m} {n}" for m, n in mechanisms[np].most_common()))
    print("\n".join(shown))


if __name__ == "__main__":
    main()
