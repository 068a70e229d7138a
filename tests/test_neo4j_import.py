"""``polgraph export --format neo4j-import``: CSV files in neo4j-admin's header format, read back
and compared with the store they came from, node by node and relationship by relationship."""

from __future__ import annotations

import csv
from dataclasses import replace
from datetime import date

import pytest
from click.testing import CliRunner

from polgraph.cli.app import _register, cli
from polgraph.graph.codec import LABELS, TYPE
from polgraph.graph.model import Actor, ArticleGraph, Relation
from polgraph.graph.readwrite import read_neo4j_import
from polgraph.graph.stores.sqlite_store import SQLiteStore
from tests.helpers import coded, later_graph, sample_graph

_register()


def gdelt_row() -> ArticleGraph:
    """A coded event without an article, with GDELT's counts, and an actor whose names hold
    the characters CSV quotes (comma, double quote) and a line break."""
    odd = Actor("odd-actor", 'The "Odd", Actor', "organization", aliases=("O, A", 'say "odd"', "two\nlines"))
    event = Relation("odd-actor", "ruritania", "CONSULTS", "gdelt:880001", 0, "", date(2024, 6, 1), "040",
                     "CONSULT", goldstein=1.0, quad_class=1, num_mentions=10, num_sources=2, num_articles=9,
                     avg_tone=-1.25, url="https://example.org/a?b=1,2")
    return ArticleGraph(None, [odd, Actor("ruritania", "Ruritania", "state")], [], [event], [])


@pytest.fixture
def store_path(tmp_path):
    path = tmp_path / "graph.db"
    first = coded(sample_graph())
    first = replace(first, article=replace(first.article, text=first.article.text + '\nA second "line".'))
    with SQLiteStore(path, create=True) as store:
        store.write([first, later_graph(), gdelt_row()])
    return path


def export(store_path, out, *extra):
    return CliRunner().invoke(cli, ["export", "--store", str(store_path), "--format", "neo4j-import", *extra,
                                    *(["-o", str(out)] if out else [])])


def comparable(graph, *, with_text: bool):
    """Nodes and edges with their set values (an empty field is read back as no value)."""
    def values(data):
        return frozenset((k, tuple(v) if isinstance(v, list) else v) for k, v in data.items()
                         if v is not None and v != "" and k not in (LABELS, TYPE) and (with_text or k != "text"))

    nodes = {n: (tuple(d[LABELS]), values(d)) for n, d in graph.nodes(data=True)}
    edges = sorted((u, v, k, d[TYPE], sorted(values(d))) for u, v, k, d in graph.edges(keys=True, data=True))
    return nodes, edges


@pytest.mark.parametrize("with_text", [False, True])
def test_the_files_read_back_to_the_stored_graph(store_path, tmp_path, with_text):
    out = tmp_path / "import"
    result = export(store_path, out, *(["--with-text"] if with_text else []))
    assert result.exit_code == 0, result.output
    with SQLiteStore(store_path) as store:
        stored = store.to_networkx()
    assert stored.number_of_edges() > 10  # events, mentions, a role, memberships
    assert comparable(read_neo4j_import(out), with_text=with_text) == comparable(stored, with_text=with_text)
    texts = [d.get("text") for _, d in read_neo4j_import(out).nodes(data=True) if "Article" in d[LABELS]]
    assert any(t and t.endswith('\nA second "line".') for t in texts) == with_text


def test_headers_are_neo4j_admin_s_and_values_are_typed(store_path, tmp_path):
    out = tmp_path / "import"
    assert export(store_path, out).exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == [
        "nodes-Actor.csv", "nodes-Article.csv", "nodes-Topic.csv",
        "relationships-HOLDS_ROLE-Actor-Actor.csv", "relationships-MENTIONED_IN-Actor-Article.csv",
        "relationships-events-Actor-Actor.csv", "relationships-events-Actor-Topic.csv",
    ]  # fmt: skip
    with (out / "nodes-Actor.csv").open(newline="") as fh:
        actors = list(csv.reader(fh))
    assert actors[0] == ["id:ID(Actor)", "aliases:string[]", "country", "kind", "name", ":LABEL"]
    odd = next(row for row in actors if row[0] == "odd-actor")
    assert odd[1].split("\x1f") == ["O, A", 'say "odd"', "two\nlines"] and odd[4] == 'The "Odd", Actor'
    with (out / "relationships-events-Actor-Actor.csv").open(newline="") as fh:
        events = list(csv.DictReader(fh))
    assert list(events[0])[:4] == [":START_ID(Actor)", ":END_ID(Actor)", ":TYPE", "id"]
    assert {"goldstein:float", "quad_class:int", "num_mentions:int", "avg_tone:float", "sentence:int"} <= set(events[0])
    gdelt = next(e for e in events if e["article"] == "gdelt:880001")
    assert (gdelt[":TYPE"], gdelt["num_mentions:int"], gdelt["avg_tone:float"]) == ("CONSULTS", "10", "-1.25")
    raw = (out / "relationships-events-Actor-Actor.csv").read_text().splitlines()
    # a missing value is an empty unquoted field (no property); an empty string is quoted
    assert any(',,' in line for line in raw) and all(line.startswith('"') for line in raw[1:])


def test_the_same_store_gives_the_same_bytes_and_the_command_names_every_file(store_path, tmp_path):
    first, second = export(store_path, tmp_path / "a"), export(store_path, tmp_path / "b")
    assert first.exit_code == second.exit_code == 0
    names = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert all((tmp_path / "a" / n).read_bytes() == (tmp_path / "b" / n).read_bytes() for n in names)
    command = first.output.splitlines()[-1].split()
    assert command[:6] == ["neo4j-admin", "database", "import", "full", "neo4j", f"--nodes={tmp_path / 'a' / names[0]}"]
    assert sorted(a.split("=", 1)[1].rsplit("/", 1)[1] for a in command if a.startswith(("--nodes=", "--relationships="))) == names
    assert "--array-delimiter=U+001F" in command and "--multiline-fields=true" in command


def test_a_folder_in_use_or_no_folder_is_one_error_line(store_path, tmp_path):
    used = tmp_path / "used"
    used.mkdir()
    (used / "keep.txt").write_text("mine")
    result = export(store_path, used)
    assert result.exit_code == 1
    assert result.output == f"Error: {used}: exists and is not an empty folder (the CSV files go into a new one)\n"
    assert [p.name for p in used.iterdir()] == ["keep.txt"]
    result = export(store_path, None)
    assert result.exit_code == 1
    assert result.output == "Error: the neo4j-import format writes a folder of CSV files: name it with -o DIR\n"
    empty = tmp_path / "empty"
    empty.mkdir()
    assert export(store_path, empty).exit_code == 0 and (empty / "nodes-Actor.csv").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty", "graph.db", "used"]  # no staging folder left


@pytest.mark.parametrize("flags", [(), ("--with-text",), ("--actors-only",)])
@pytest.mark.parametrize("which", ["loaded_store", "store_path"])
def test_streamed_files_are_the_bytes_of_the_graph_s(which, flags, request, tmp_path):
    """The export streams the embedded store's rows; the files are byte for byte those written from
    the store's whole NetworkX graph (how parts, and other stores, are written)."""
    from polgraph.graph.readwrite import without_articles, write_neo4j_import

    path = request.getfixturevalue(which)
    streamed = tmp_path / "streamed"
    result = export(path, streamed, *flags)
    assert result.exit_code == 0, result.output
    with SQLiteStore(path) as store:
        graph = store.to_networkx()
    if "--actors-only" in flags:
        graph = without_articles(graph)
    files = write_neo4j_import(graph, tmp_path / "from-graph", with_text="--with-text" in flags)
    assert sorted(p.name for p in streamed.iterdir()) == sorted(f.name for f in files)
    for f in files:
        assert (streamed / f.name).read_bytes() == f.read_bytes(), f.name
    assert f"Wrote {graph.number_of_nodes()} nodes and {graph.number_of_edges()} relationships in {len(files)} files" \
        in result.output
    if which == "loaded_store":
        assert graph.number_of_edges() > 1000 and ("--actors-only" in flags) != ("nodes-Article.csv" in
                                                                               {f.name for f in files})
