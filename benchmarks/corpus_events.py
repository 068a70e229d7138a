"""Event relations over the Wikinews corpus: how many each article gets, in the non-political
articles (a list of ids: ``eval/nonpolitical.tsv`` where it exists, else
``benchmarks/nonpolitical_wikinews.tsv``) and in the others, and which mechanisms produce them.
Issue 11 asks for at most one event relation per five non-political articles (``--budget``); a
new reading mechanism that floods news of no politics shows here.

    .venv/bin/python benchmarks/corpus_events.py [--corpus FILE.jsonl] [--articles N] [--nonpolitical IDS.tsv]
        [--min-confidence X] [--budget 0.2] [--show N]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from polgraph.graph.model import Article
from polgraph.loaders.dates import published_date
from polgraph.loaders.pipeline import Loader
from polgraph.loaders.relations import select

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parents[1] / "shared" / "data" / "wikinews" / "wikinews-2019-2020.jsonl"
NONPOLITICAL = next((p for p in (HERE.parent / "eval" / "nonpolitical.tsv", HERE / "nonpolitical_wikinews.tsv") if p.is_file()),
                    HERE / "nonpolitical_wikinews.tsv")


def nonpolitical_ids(path: Path = NONPOLITICAL) -> set[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return {line.split("\t", 1)[0].strip() for line in lines if line.strip() and not line.startswith("#")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--nonpolitical", type=Path, default=NONPOLITICAL, help="ids of the non-political articles")
    parser.add_argument("--min-confidence", type=float, default=None)
    parser.add_argument("--budget", type=float, default=0.2, help="event relations a non-political article allowed")
    parser.add_argument("--show", type=int, default=0, help="print N event relations of non-political articles")
    parser.add_argument("--articles", type=int, help="the first N records of the corpus only (default: all)")
    args = parser.parse_args()
    loader = Loader(min_confidence=args.min_confidence)
    records = [json.loads(line) for line in args.corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    records = records[: args.articles]
    quiet = nonpolitical_ids(args.nonpolitical)
    counts = {True: Counter(), False: Counter()}  # non-political? -> articles, relations
    mechanisms = {True: Counter(), False: Counter()}
    shown = []
    articles = [Article.from_text(r["text"], title=r.get("title", ""), published=published_date(r["date"]) if r.get("date") else None)
                for r in records]
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
    rate = counts[True]["relations"] / max(counts[True]["articles"], 1)
    print(f"non-political rate {rate:.2f} an article against a budget of {args.budget:.2f}: "
          f"{'within' if rate <= args.budget else 'OVER'} ({args.nonpolitical.name})")
    print("\n".join(shown))


if __name__ == "__main__":
    main()
