"""docs/analysis.md, the worked example on the Wikinews corpus, made by running what it shows.

Every command and Python block of the page runs for real, in a fresh working folder holding a link
to the corpus, on the default embedded store; the page shows what each printed (long tables
trimmed, saying how many rows were left out). ``tests/test_analysis.py`` runs this script and
compares its page with the committed one byte for byte, so the page cannot drift from the code.

    python -m tools.analysis docs/analysis.md        (or: make analysis)
"""

from __future__ import annotations

import argparse
import os
import shlex
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

__all__ = ["CORPUS", "Command", "Prose", "PythonBlock", "main", "render"]

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "data" / "wikinews" / "wikinews-2019-2020.jsonl"
# Variables that would point the commands at another store than the default one in the folder.
_STORE_VARIABLES = ("POLGRAPH_STORE", "NEO4J_URI")


@dataclass(frozen=True)
class Prose:
    text: str


@dataclass(frozen=True)
class Command:
    """``polgraph ARGS``; its output (stdout, then stderr), ``rows`` lines of it at most; it must
    exit with ``exit_code``."""

    args: tuple[str, ...]
    rows: int | None = None
    exit_code: int = 0


@dataclass(frozen=True)
class PythonBlock:
    code: str


Step = Prose | Command | PythonBlock


def steps(corpus_name: str) -> list[Step]:
    return [
        Prose(f"""\
# A worked example: the Wikinews corpus

This page walks an analyst through 295 Wikinews articles of 2019 and 2020
(`../shared/data/wikinews/{corpus_name}`, JSON Lines): load them, look at the
graph, ask who criticised whom, follow a pair of actors over time, rank actors per quarter and take
the graph to Gephi. Every command and every output below is real: `make analysis` (`python -m
tools.analysis docs/analysis.md`) runs them in a fresh folder and writes this page, and
`tests/test_analysis.py` runs it again and fails if the page differs by one byte. Long tables are
trimmed; the page says how many rows it left out.

The numbers are what polgraph reads today, mistakes included: read them as a picture of the tool,
not of world politics. Work in a folder of your own, with the corpus linked into it:

```console
$ ln -s ../shared/data/wikinews/{corpus_name} .
```

## 1. Load

`polgraph load` reads each article, finds its actors and the acts between them, and writes them to
the default store (`.polgraph/` in the current folder). On a terminal it shows a progress bar
(articles, rate, time left); in a pipe, as here, only the summary line. One record of the corpus
has no text: the loader names it, loads the others, and exits 1 so that a script notices."""),
        Command(("load", corpus_name), exit_code=1),
        Prose("What kinds of actors came out (a Cypher query on the embedded store):"),
        Command(("query", "MATCH (a:Actor) RETURN a.kind AS kind, count(*) AS actors ORDER BY actors DESC, kind")),
        Prose("""\
## 2. Look at it

`polgraph view` draws the graph, or a part of it, as one HTML page that works offline: actors
coloured by kind and sized by PageRank, acts coloured by cooperation or conflict, each act's
evidence sentence on click. The whole corpus is too much for one picture; the 40 most central
actors, or one actor's neighbourhood, are not (add `--open` to open the page in your browser):"""),
        Command(("view", "--top", "40", "-o", "top40.html")),
        Command(("view", "--actor", "Qasem Soleimani", "-o", "soleimani.html")),
        Prose("""\
## 3. Who criticised whom

The library of named queries (`polgraph query --list`) answers the usual questions in Cypher.
`who_acts_on_whom` counts the relations of each (source, type, target), here criticisms only. It
counts reports: an act told by two articles, or twice in one, counts twice."""),
        Command(("query", "who_acts_on_whom", "-p", 'types=["CRITICIZES"]', "-p", "limit=12")),
        Prose("""\
The evidence behind a line, one report a row:"""),
        Command(("relations", "--actor", "Joe Biden", "--type", "CRITICIZES"), rows=8),
        Prose("""\
## 4. Events, not reports

The same act reported by several articles, or several times in one, is one *event*: reports of the
same source, type and target at most 3 days apart (from one report to the next) are grouped, every
report kept with its article, sentence and evidence. `polgraph events` lists events with their
reports; here those reported more than once:"""),
        Command(("events", "--min-reports", "2"), rows=12),
        Prose("""\
The US strike that killed Qasem Soleimani on 3 January 2020 shows where the rule stops: a later
article that mentions the strike without its date dates it by its own day, so its report falls
outside the window and stands as an event of its own:"""),
        Command(("events", "--actor", "Qasem Soleimani", "--type", "ASSAULTS")),
        Prose("""\
Counts and centralities count events by default; `--count reports` counts every report, the view
in which coverage inflates an actor (`dyads` and `view` take `--count` too):"""),
        Command(("centrality", "--top", "8", "--by", "degree")),
        Command(("centrality", "--top", "8", "--by", "degree", "--count", "reports")),
        Prose("""\
## 5. A dyad over time

`polgraph dyads` gives, per pair of actors (and per period with `--every`), the number of events,
the sum and mean of their Goldstein values (-10 conflict .. +10 cooperation) and the count of each
QuadClass. The busiest pairs over the two years, both directions together:"""),
        Command(("dyads", "--undirected", "--top", "8")),
        Prose("Joe Biden and Donald Trump, quarter by quarter (`--plot dyad.png` draws the Goldstein series):"),
        Command(("dyads", "--actor", "Joe Biden", "--undirected", "--every", "quarter", "--top", "1")),
        Prose("""\
The same from Python: every analysis is one library function, and `Count` chooses events or
reports:"""),
        PythonBlock("""\
from polgraph.config import open_store
from polgraph.graph.algorithms.dyads import dyads
from polgraph.graph.algorithms.events import Count
from polgraph.graph.store import RelationFilter
from polgraph.lookup import find_actor

with open_store() as store:
    biden = find_actor(store, "Joe Biden")
    for count in Count:
        table = dyads(store, RelationFilter(actor=biden.id), every="quarter", undirected=True, top=1, count=count)
        print(count.value, [(d.period.label, d.events, d.goldstein_sum) for d in table.dyads])
"""),
        Prose("""\
## 6. Rankings per quarter

`polgraph centrality --every quarter` ranks the actors of each quarter's events (`--by` degree,
pagerank, betweenness or eigenvector; `--json`, `--csv`; `--plot ranks.png` draws each top actor's
rank over time). Some acts are dated years before the articles (a 1978 treaty, 2007 sanctions):
`--since` keeps the two years the corpus covers. The three actors of highest PageRank per quarter:"""),
        Command(("centrality", "--every", "quarter", "--top", "3", "--since", "2019-01-01")),
        Prose("""\
## 7. To Gephi

`polgraph export --format gexf` writes a file Gephi opens as it is: nodes labelled by name with
their kind, edges labelled by relation type with their Goldstein value, QuadClass and evidence, and
each edge dated (GEXF's dynamic mode), so Gephi's timeline plays the corpus. `--actors-only` leaves
out the articles and mentions; `--format graphml` writes GraphML."""),
        Command(("export", "--format", "gexf", "--actors-only", "-o", "corpus.gexf")),
        Prose("networkx reads it back with every relation type and name:"),
        PythonBlock("""\
from collections import Counter

import networkx as nx

graph = nx.read_gexf("corpus.gexf")
print(graph.number_of_nodes(), "nodes,", graph.number_of_edges(), "edges")
print(Counter(data["relation"] for _, _, data in graph.edges(data=True)).most_common(5))
print(sorted(data["label"] for _, data in graph.nodes(data=True) if data["kind"] == "state")[:8])
"""),
    ]


def render(corpus: Path, workdir: Path) -> str:
    """The page, running every step in ``workdir`` (which gets a link to ``corpus``)."""
    (workdir / corpus.name).symlink_to(corpus.resolve())
    env = {k: v for k, v in os.environ.items() if k not in _STORE_VARIABLES}
    parts = []
    for step in steps(corpus.name):
        if isinstance(step, Prose):
            parts.append(step.text.rstrip("\n") + "\n")
        elif isinstance(step, Command):
            output = _run([sys.executable, "-m", "polgraph", *step.args], workdir, env, step.exit_code)
            shown = shlex.join(["polgraph", *step.args])
            parts.append(f"```console\n$ {shown}\n{_trim(output, step.rows)}```\n")
        else:
            output = _run([sys.executable, "-c", step.code], workdir, env)
            parts.append(f"```python\n{step.code}```\n\n```text\n{output}```\n")
    return "\n".join(parts)


def _run(argv: list[str], workdir: Path, env: dict[str, str], exit_code: int = 0) -> str:
    done = subprocess.run(argv, cwd=workdir, env=env, capture_output=True, text=True)
    if done.returncode != exit_code:
        raise SystemExit(f"{shlex.join(argv[1:])} exited {done.returncode}, not {exit_code}:\n"
                         f"{done.stdout}{done.stderr}")
    return done.stdout + done.stderr


def _trim(output: str, rows: int | None) -> str:
    """A table's header lines and its first ``rows`` rows; a line saying how many more there were."""
    lines = output.splitlines()
    if rows is None or len(lines) <= rows + 2:
        return output
    return "\n".join(lines[: rows + 2]) + f"\n… {len(lines) - rows - 2} more rows\n"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m tools.analysis", description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path, help="the page to write (docs/analysis.md)")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="the Wikinews JSON Lines file")
    args = parser.parse_args(argv)
    if not args.corpus.is_file():
        parser.exit(1, f"Error: {args.corpus}: no such corpus file\n")
    with tempfile.TemporaryDirectory(prefix="polgraph-analysis-") as workdir:
        page = render(args.corpus, Path(workdir))
    args.output.write_text(page, encoding="utf-8")


if __name__ == "__main__":
    main()
