"""Actor nodes of corpus articles no reading covers, against an audit's judgements (issue 10).

    python benchmarks/actor_audit.py dump  [--sample N]      # every node of the sample, to judge
    python benchmarks/actor_audit.py score [--sample N]      # precision / recall against the judgements
    python benchmarks/actor_audit.py count [--sample N] [--switch WORD ...]
                                                   # nodes each mechanism removes (actor_node_mechanisms' switches)

The sample: articles of ``../shared/data/wikinews/wikinews-2019-2020.jsonl`` that are not dev
readings (date and title against the file names of ``../shared/eval/wikinews``), not held-out ones
(by corpus id, ``HELD_OUT``: the held-out folders are never listed) and not non-political
(``benchmarks/nonpolitical_wikinews.tsv``, ``eval/nonpolitical.tsv``), taken in the order of a hash
of their id (stable, not the corpus order), the first N. Each is read alone, as ``polgraph eval``
reads an article.

The judgements (``benchmarks/actor_audit.tsv``): ``id<TAB>node name<TAB>verdict``, verdict one of
``ok`` (an actor an annotator following ``../shared/eval/README.md`` lists), ``optional`` (a state
named only as an adjective, a medium that only reports, a marginal actor: counts neither way),
``wrong:KIND`` (no actor: a place, a building, a thing, a second node for one actor, ...),
``variant`` (another name of an actor judged ``ok`` under its other name: right where it is a node,
no miss where it is not), and ``missed`` for an actor the article names and polgraph makes no node
of. Precision is ok nodes over
ok and wrong nodes; recall is ok nodes over ok nodes and missed actors. A node never judged is
printed so it can be.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import unicodedata
from collections import Counter
from pathlib import Path

from polgraph.graph.model import Article
from polgraph.loaders.dates import published_date
from polgraph.loaders.pipeline import Loader

HERE = Path(__file__).parent
CORPUS = HERE.parent / "../shared/data/wikinews/wikinews-2019-2020.jsonl"
# Articles with a reading: the dev set, and the held-out sets' articles (corpus ids) an audit must
# not see. Matching held-out articles by file name let some through, so they are named by id.
DEV = HERE.parent / "../shared/eval/wikinews"
HELD_OUT = frozenset(f"wikinews-{n:03d}" for n in (
    11, 16, 24, 29, 68, 76, 114, 130, 137, 144, 151, 168, 177, 179, 186, 198, 208, 223, 233, 248, 250,
    252, 255, 291))
JUDGED = HERE / "actor_audit.tsv"
QUIET = [HERE / "nonpolitical_wikinews.tsv", HERE.parent / "eval/nonpolitical.tsv"]


def _slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def sample(size: int) -> list[dict]:
    dev = {f.name[:-4] for f in DEV.glob("*.txt")}
    quiet = {line.split("\t", 1)[0].strip() for p in QUIET for line in p.read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")}
    records = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    eligible = [r for r in records if r["id"] not in quiet and r["id"] not in HELD_OUT
                and not any(d.startswith(r["date"] + "-") and _slug(r["title"]).startswith(d[11:]) for d in dev)]
    eligible.sort(key=lambda r: hashlib.sha256(r["id"].encode()).hexdigest())
    return eligible[:size]


def read(records: list[dict]) -> dict[str, list]:
    loader = Loader()
    out = {}
    for r in records:
        article = Article.from_text(r["text"], title=r.get("title", ""), published=published_date(r["date"]))
        graph = loader.read(article)
        ends = {x for rel in graph.relations for x in (rel.source, rel.target)}
        out[r["id"]] = [(a, a.id in ends) for a in graph.actors]
    return out


def dumped(path: Path) -> dict[str, list]:
    """The nodes of a ``dump`` output, as :func:`read` gives them (names only)."""
    from types import SimpleNamespace

    out: dict[str, list] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("## "):
            rid, name = line.split("\t")[:2]
            out.setdefault(rid, []).append((SimpleNamespace(name=name), False))
    return out


def judgements() -> dict[tuple[str, str], str]:
    if not JUDGED.exists():
        return {}
    out = {}
    for line in JUDGED.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rid, name, verdict = line.split("\t")[:3]
            out[(rid, name)] = verdict
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("verb", choices=["dump", "score", "count"])
    parser.add_argument("--sample", type=int, default=25)
    parser.add_argument("--switch", nargs="*", default=[], help="count only switches whose label holds one of these")
    parser.add_argument("--off", nargs="*", default=[], help="read with switches whose label holds one of these off")
    parser.add_argument("--dump", type=Path, help="score an earlier version's dump")
    args = parser.parse_args()
    records = sample(args.sample)
    for module, name, off in _switches(args.off):
        setattr(module, name, off)
    nodes = dumped(args.dump) if args.dump else read(records)
    if args.verb == "count":
        count(records, nodes, args.switch)
        return
    judged = judgements()
    if args.verb == "dump":
        for r in records:
            print(f"## {r['id']} {r['date']} {r['title']}")
            for actor, related in nodes[r["id"]]:
                mark = judged.get((r["id"], actor.name), "?")
                related_mark = "rel" if related else ""
                print(f"{r['id']}\t{actor.name}\t{mark}\t{actor.kind}\t{actor.country or ''}\t{related_mark}")
        return
    counts: Counter[str] = Counter()
    wrong: Counter[str] = Counter()
    for r in records:
        names = {a.name for a, _ in nodes[r["id"]]}
        for name in sorted(names):
            verdict = judged.get((r["id"], name))
            if verdict is None:
                print(f"unjudged\t{r['id']}\t{name}")
                counts["unjudged"] += 1
            elif verdict == "variant":
                counts["ok"] += 1
            elif verdict.startswith("wrong"):
                counts["wrong"] += 1
                wrong[verdict] += 1
            else:
                counts[verdict] += 1
        for (rid, name), verdict in judged.items():
            if rid == r["id"] and verdict == "missed" and name not in names:
                counts["missed"] += 1
            if rid == r["id"] and verdict == "ok" and name not in names:
                counts["ok lost"] += 1  # a node judged right once, no node now: an actor missed
    ok, bad, missed = counts["ok"], counts["wrong"], counts["missed"] + counts["ok lost"]
    p, rec = ok / max(ok + bad, 1), ok / max(ok + missed, 1)
    total = sum(len(nodes[r["id"]]) for r in records)
    print(f"{len(records)} articles, {total} nodes: ok {ok}, optional {counts['optional']}, "
          f"wrong {bad}, unjudged {counts['unjudged']}; missed actors {missed}")
    print(f"node precision {p:.3f}, recall {rec:.3f}, F1 {2 * p * rec / max(p + rec, 1e-9):.3f}")
    print("wrong by kind: " + ", ".join(f"{k[6:]} {n}" for k, n in wrong.most_common()))


def _switches(words: list[str]) -> list[tuple]:
    """(module, function name, replacement) of ``actor_node_mechanisms``' switches named by ``words``."""
    import importlib
    import sys

    if not words:
        return []
    sys.path.insert(0, str(HERE))
    from actor_node_mechanisms import SWITCHES

    return [(importlib.import_module(m), n, off) for label, (m, n, off) in SWITCHES.items()
            if any(w in label for w in words)]


def count(records: list[dict], nodes: dict[str, list], only: list[str]) -> None:
    """Nodes and relations each switch of ``actor_node_mechanisms`` changes over the sample."""
    import importlib
    import sys

    sys.path.insert(0, str(HERE))
    from actor_node_mechanisms import SWITCHES

    names = {rid: {a.name for a, _ in v} for rid, v in nodes.items()}
    print(f"{len(records)} articles, {sum(len(v) for v in names.values())} nodes with every mechanism")
    for label, (module_name, name, off) in SWITCHES.items():
        if only and not any(w in label for w in only):
            continue
        module = importlib.import_module(module_name)
        original = getattr(module, name)
        setattr(module, name, off)
        try:
            without = read(records)
        finally:
            setattr(module, name, original)
        gone = {rid: sorted({a.name for a, _ in without[rid]} - names[rid]) for rid in names}
        added = {rid: sorted(names[rid] - {a.name for a, _ in without[rid]}) for rid in names}
        removed, articles = sum(map(len, added.values())), sum(1 for v in added.values() if v)
        print(f"{label}: nodes it removes {removed} in {articles} articles, "
              f"adds {sum(map(len, gone.values()))}")
        for rid in names:
            if added[rid] or gone[rid]:
                print(f"   {rid}: -{added[rid]} +{gone[rid]}")


if __name__ == "__main__":
    main()
