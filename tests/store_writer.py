"""A process that writes a small, deterministic graph into an embedded store, one batch per
transaction: the subject of the kill -9 and concurrent-load tests (tests/test_sqlite_faults.py).

    python tests/store_writer.py STORE [--first N] [--count M] [--bulk]

writes batches N .. N+M-1 of ``batches()``: each batch is five articles (ten relations, mentions,
actors with offices in states that later batches add) and one block of coded events.
"""

from __future__ import annotations

import argparse
import random
import sys
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from polgraph.graph.model import Actor, Article, ArticleGraph, Mention, Relation, Role  # noqa: E402
from polgraph.graph.ontology import EVENT_TYPES  # noqa: E402
from polgraph.graph.stores.sqlite_store import SQLiteStore  # noqa: E402

BATCHES = 40


def actors() -> list[Actor]:
    states = [Actor(f"state-{i}", f"State {i}", "state", member_of=(f"bloc-{i % 3}",)) for i in range(12)]
    blocs = [Actor(f"bloc-{i}", f"Bloc {i}", "bloc") for i in range(3)]
    people = [Actor(f"person-{i}", f"Person {i}", "person", aliases=(f"P{i}",), country=f"state-{i % 12}",
                    roles=(Role("Minister", f"state-{i % 12}", date(2020, 1, 1)),)) for i in range(30)]
    return states + blocs + people


def batches() -> list[list[ArticleGraph]]:
    rng = random.Random(7)
    pool = actors()
    out = []
    for b in range(BATCHES):
        graphs = []
        for a in range(5):
            chosen = rng.sample(pool, 4)
            text = f"Batch {b} article {a}: " + ", ".join(x.name for x in chosen)
            day = date(2021, 1, 1) + timedelta(days=rng.randrange(900))
            article = Article.from_text(text, published=day, title=f"{b}-{a}")
            rels = [Relation(chosen[i].id, chosen[i + 1].id, rng.choice(EVENT_TYPES).name, article.id, i + 1,
                             f"sentence {i}", day) for i in range(3)]
            graphs.append(ArticleGraph(article, chosen, [], rels, [Mention(x.id, article.id, 1 + i) for i, x in enumerate(chosen)]))
        coded = [Relation(rng.choice(pool).id, rng.choice(pool).id, rng.choice(EVENT_TYPES).name, f"gdelt:{b * 100 + k}", 0,
                          date=date(2022, 1, 1) + timedelta(days=k)) for k in range(20)]
        graphs.append(ArticleGraph(None, pool, [], coded, []))
        out.append(graphs)
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("store", type=Path)
    parser.add_argument("--first", type=int, default=0)
    parser.add_argument("--count", type=int, default=BATCHES)
    parser.add_argument("--bulk", action="store_true")
    args = parser.parse_args(argv)
    with SQLiteStore(args.store, create=True) as store:
        if args.bulk:
            with store.bulk():
                for batch in batches()[args.first : args.first + args.count]:
                    store.write(batch)
        else:
            for batch in batches()[args.first : args.first + args.count]:
                store.write(batch)


if __name__ == "__main__":
    main()
