"""The JSON, GraphML and GEXF exports of a whole store stream its rows (``write_graph_rows``); the
graph-built writers (``write_graph`` of ``store.to_networkx()``) are the reference, byte for byte:
random stores on both embedded stores, the seed article with a complete GDELT file, parts,
``--actors-only``, ``--with-text``, control characters, an empty store."""

from __future__ import annotations

import io
import itertools
from collections import Counter
from datetime import date

import networkx as nx
import pytest
from click.testing import CliRunner

from polgraph.cli.app import _register, cli
from polgraph.graph.model import Actor, Article, ArticleGraph, Mention, Relation
from polgraph.graph.readwrite import FORMATS, without_articles, write_graph, write_graph_rows
from polgraph.graph.readwrite.xml_stream import BATCH
from polgraph.graph.selection import Part, select
from polgraph.graph.store import RelationFilter
from polgraph.graph.stores.networkx_rows import NetworkXGraphRows
from polgraph.graph.stores.networkx_store import NetworkXStore
from polgraph.graph.stores.sqlite_store import SQLiteStore
from tests.helpers import RandomShape, random_graphs

_register()

SHAPE = RandomShape(
    types=("PROPOSES", "REJECTS", "CRITICIZES", "MEETS", "SANCTIONS"), actors=(5, 24), name_share=0.6,
    articles=(2, 7), relations=(1, 10), days=400, coded=30, goldstein=(None, -2.0, 3.4, 0.1, -10.0, 7.0), titles=3,
    quad_classes=(None, 1, 2, 3, 4), attributions=("asserted", "alleged", "denied"), coded_quad_classes=(1, 2, 3, 4))
FLAGS = list(itertools.product((False, True), (False, True)))  # (with_text, actors_only)
NASTY = "Ruritania\x00 \x01sanctioned\x08 \x0b\x0c\x1b[31mFreedonia\x7f \ufffe\uffff \U0001f600 & <b>\"é\"</b>."


def reference(graph: nx.MultiDiGraph, fmt: str, *, with_text: bool = False, actors_only: bool = False) -> bytes:
    out = io.BytesIO()
    write_graph(without_articles(graph) if actors_only else graph, out, fmt, with_text=with_text)
    return out.getvalue()


def streamed(store, fmt: str, *, with_text: bool = False, actors_only: bool = False) -> bytes:
    out = io.BytesIO()
    with store.graph_rows() as rows:
        write_graph_rows(rows, out, fmt, with_text=with_text, actors_only=actors_only)
    return out.getvalue()


def assert_same_exports(store) -> None:
    graph = store.to_networkx()
    for fmt in FORMATS:
        for with_text, actors_only in FLAGS:
            got = streamed(store, fmt, with_text=with_text, actors_only=actors_only)
            want = reference(graph, fmt, with_text=with_text, actors_only=actors_only)
            assert got == want, (fmt, with_text, actors_only)


@pytest.mark.parametrize("seed", range(12))
def test_random_stores_stream_the_bytes_of_their_graph(seed, tmp_path):
    graphs = random_graphs(seed, SHAPE)
    with SQLiteStore(tmp_path / "graph.db", create=True) as store:
        store.write(graphs)
        assert_same_exports(store)
    memory = NetworkXStore(None)
    memory.write(graphs)
    assert_same_exports(memory)


def test_stored_text_with_control_characters_and_markup(tmp_path):
    article = Article.from_text(NASTY, published=date(2024, 5, 2), title="bad\x01 <title> & \"more\"")
    graph = ArticleGraph(
        article,
        [Actor("ruritania", "Ruri\x02tania & co", "state", aliases=("R\u00fcritania", "<R>")),
         Actor("freedonia", "Freedonia", "state")],
        [],
        [Relation("ruritania", "freedonia", "SANCTIONS", article.id, 1, NASTY, date(2024, 5, 1), "16", "SANCTION")],
        [Mention("ruritania", article.id, 2)],
    )
    with SQLiteStore(tmp_path / "graph.db", create=True) as store:
        store.write([graph])
        assert_same_exports(store)
        assert b"\xf0\x9f\x98\x80" in streamed(store, "gexf", with_text=True)  # characters XML allows are kept


def test_an_empty_store(tmp_path):
    with SQLiteStore(tmp_path / "graph.db", create=True) as store:
        assert_same_exports(store)
        assert b"<nodes />" in streamed(store, "gexf")
        assert streamed(store, "json") == b'{\n "nodes": [],\n "relationships": []\n}'


@pytest.mark.parametrize("nodes", [BATCH - 1, BATCH, BATCH + 1, 2 * BATCH])
def test_lists_as_long_as_the_write_batch_end_as_the_whole_document(nodes):
    """The streamed writers write a few hundred elements at a time: a list ending exactly on a
    batch still ends with the indentation of the whole document."""
    article = Article("a1", "text", published=date(2024, 5, 2))
    store = NetworkXStore(None)
    store.write([ArticleGraph(article, [Actor(f"s{i:04d}", f"State {i}", "state") for i in range(nodes - 1)], [], [], [])])
    assert store.to_networkx().number_of_nodes() == nodes  # the actors and the article
    assert_same_exports(store)


@pytest.mark.parametrize("seed", range(4))
def test_parts_are_written_through_their_rows_alike(seed):
    """A part is a graph of its own (``select``); its rows give its bytes too."""
    store = NetworkXStore(None)
    store.write(random_graphs(seed, SHAPE))
    actor = Counter(r.source for r in store.relations()).most_common(1)[0][0]
    since = Part(where=RelationFilter(since=date(2021, 6, 1)))
    for part in (Part(around=actor), since, Part(around=actor, hops=2, top=5)):
        graph = select(store, part)
        for fmt in FORMATS:
            out = io.BytesIO()
            write_graph_rows(NetworkXGraphRows(graph), out, fmt)
            assert out.getvalue() == reference(graph, fmt), (part, fmt)


def export(path, out, *args: str):
    result = CliRunner().invoke(cli, ["export", "--store", str(path), "-o", str(out), *args])
    assert result.exit_code == 0, result.output + result.stderr
    return result


@pytest.mark.parametrize("flags", [(), ("--with-text",), ("--actors-only",), ("--actors-only", "--with-text")])
@pytest.mark.parametrize("fmt", FORMATS)
def test_the_cli_streams_a_loaded_store_to_the_bytes_of_its_graph(fmt, flags, loaded_store, tmp_path):
    out = tmp_path / f"export.{fmt}"
    result = export(loaded_store, out, "--format", fmt, *flags)
    with SQLiteStore(loaded_store) as store:
        graph = store.to_networkx()
    if "--actors-only" in flags:
        graph = without_articles(graph)
    assert graph.number_of_edges() > 1000
    assert out.read_bytes() == reference(graph, fmt, with_text="--with-text" in flags)
    nodes, edges = graph.number_of_nodes(), graph.number_of_edges()
    assert result.stderr == f"Wrote {nodes} nodes and {edges} relationships to {out}\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [out.name]  # no temp file left beside it


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_cli_writes_parts_by_actor_and_time_as_their_graph(fmt, loaded_store, tmp_path):
    with SQLiteStore(loaded_store) as store:
        actor = Counter(r.source for r in store.relations()).most_common(1)[0][0]
        parts = {("--actor", actor): Part(around=actor),
                 ("--since", "2019-10-24"): Part(where=RelationFilter(since=date(2019, 10, 24))),
                 ("--actor", actor, "--hops", "2", "--top", "10"): Part(around=actor, hops=2, top=10)}
        for args, part in parts.items():
            out = tmp_path / f"{len(args)}.{fmt}"
            export(loaded_store, out, "--format", fmt, *args)
            graph = select(store, part)
            assert graph.number_of_edges() > 0
            assert out.read_bytes() == reference(graph, fmt), args


def test_stdout_gets_the_same_bytes(loaded_store, tmp_path):
    result = CliRunner().invoke(cli, ["export", "--store", str(loaded_store), "--format", "graphml"])
    assert result.exit_code == 0
    with SQLiteStore(loaded_store) as store:
        assert result.stdout_bytes == reference(store.to_networkx(), "graphml") + b"\n"


def test_a_failed_export_leaves_the_old_file(loaded_store, tmp_path, monkeypatch):
    """The stream goes to a temp file renamed at the end (``write_output``): an error half way,
    after some batches are written, leaves the file that was there and no temp file."""
    from polgraph.graph.readwrite import xml_stream

    out = tmp_path / "export.gexf"
    out.write_bytes(b"old")
    flush, batches = xml_stream._flush, itertools.count()

    def failing(*args):
        if next(batches) == 2:
            raise OSError(28, "No space left on device")
        flush(*args)

    monkeypatch.setattr(xml_stream, "_flush", failing)
    result = CliRunner().invoke(cli, ["export", "--store", str(loaded_store), "--format", "gexf", "-o", str(out)])
    assert result.exit_code == 1 and "No space left on device" in result.stderr
    assert out.read_bytes() == b"old" and sorted(p.name for p in tmp_path.iterdir()) == ["export.gexf"]
