"""Exports an analyst can use: each format written, read back by a real reader (networkx, an XML
parser, csv, pandas) and compared with the store: relation types, names, dates, counts."""

from __future__ import annotations

import csv
import io
import json
import time
import xml.etree.ElementTree as ET
from datetime import date

import networkx as nx
import pytest
from click.testing import CliRunner

import polgraph
from polgraph.cli.app import _register, cli
from polgraph.graph.model import Actor, Article, ArticleGraph, Mention, Relation
from polgraph.graph.readwrite import write_gexf, write_graphml
from polgraph.graph.store import RelationFilter
from polgraph.graph.stores.networkx_store import NetworkXStore
from polgraph.graph.stores.sqlite_store import SQLiteStore
from tests.helpers import coded, later_graph, sample_graph

_register()


@pytest.fixture
def store_path(tmp_path):
    path = tmp_path / "graph.db"
    with SQLiteStore(path, create=True) as store:
        store.write([coded(sample_graph()), later_graph()])
    return path


@pytest.fixture
def store(store_path):
    with SQLiteStore(store_path) as opened:
        yield opened


def run(store_path, *args: str) -> str:
    result = CliRunner().invoke(cli, [args[0], "--store", str(store_path), *args[1:]], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def export_to(store_path, tmp_path, fmt: str, *args: str):
    out = tmp_path / f"export.{fmt}"
    run(store_path, "export", "--format", fmt, "-o", str(out), *args)
    return out


def events_of(graph: nx.MultiDiGraph) -> list[dict]:
    return [d for _, _, d in graph.edges(data=True) if d.get("relation") not in ("MENTIONED_IN", "HOLDS_ROLE", "MEMBER_OF")]


def test_gexf_reads_back_with_types_names_and_dates_on_gephis_timeline(store_path, store, tmp_path):
    out = export_to(store_path, tmp_path, "gexf")
    graph = nx.read_gexf(out)
    root = ET.parse(out).getroot()
    ns = {"g": "http://www.gexf.net/1.2draft"}
    assert root.find("g:graph", ns).get("mode") == "dynamic" and root.find("g:graph", ns).get("timeformat") == "date"
    assert graph.number_of_nodes() == store.to_networkx().number_of_nodes()
    assert graph.number_of_edges() == store.to_networkx().number_of_edges()
    assert graph.nodes["rudolf-rassendyll"]["label"] == "Rudolf Rassendyll"
    assert graph.nodes["topic:truce"]["label"] == "truce"
    relations = store.relations()
    by_id = {d["id"]: d for d in events_of(graph)}
    assert sorted(by_id) == sorted(r.id for r in relations)
    for rel in relations:
        edge = by_id[rel.id]
        assert edge["relation"] == edge["label"] == rel.type
        assert edge["start"] == edge["end"] == rel.date.isoformat()
        assert (edge["goldstein"], edge["quad_class"], edge["attribution"]) == (rel.goldstein, rel.quad_class, rel.attribution)
        assert edge["evidence"] == rel.evidence
    role = next(d for _, _, d in graph.edges(data=True) if d["relation"] == "HOLDS_ROLE")
    assert role["start"] == "2020-01-01" and "end" not in role  # in office from then on


def test_graphml_reads_back_with_types_names_and_dates(store_path, store, tmp_path):
    graph = nx.read_graphml(export_to(store_path, tmp_path, "graphml"), force_multigraph=True)
    assert graph.number_of_edges() == store.to_networkx().number_of_edges()
    assert {n: d["label"] for n, d in graph.nodes(data=True) if d["labels"] == "Actor"} == {
        a.id: a.name for a in store.actors()}
    edges = {d["id"]: d for d in events_of(graph)}
    for rel in store.relations():
        assert (edges[rel.id]["relation"], edges[rel.id]["date"], edges[rel.id]["quad_class_name"]) == (
            rel.type, rel.date.isoformat(), {1: "verbal cooperation", 2: "material cooperation",
                                             3: "verbal conflict", 4: "material conflict"}[rel.quad_class])


def test_json_reads_back_and_keeps_text_only_when_asked(store_path, store, tmp_path):
    doc = json.loads(export_to(store_path, tmp_path, "json").read_text())
    assert len(doc["nodes"]) == store.to_networkx().number_of_nodes()
    assert sorted(r["type"] for r in doc["relationships"] if r["type"] not in ("MENTIONED_IN", "HOLDS_ROLE")) == sorted(
        r.type for r in store.relations())
    articles = [n for n in doc["nodes"] if n["labels"] == ["Article"]]
    assert len(articles) == 2 and all("text" not in n for n in articles)
    with_text = json.loads(export_to(store_path, tmp_path, "json", "--with-text").read_text())
    assert sorted(n["text"] for n in with_text["nodes"] if n["labels"] == ["Article"]) == sorted(
        a.text for a in store.articles())


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_article_text_only_with_text(fmt, store_path, store, tmp_path):
    text = store.articles()[0].text
    assert text.encode() not in export_to(store_path, tmp_path, fmt).read_bytes()
    assert text.encode() in export_to(store_path, tmp_path, fmt, "--with-text").read_bytes()


def test_actors_only_has_no_articles_or_mentions(store_path, store, tmp_path):
    graph = nx.read_gexf(export_to(store_path, tmp_path, "gexf", "--actors-only"))
    assert {d["labels"] for _, d in graph.nodes(data=True)} == {"Actor", "Topic"}
    assert {d["relation"] for _, _, d in graph.edges(data=True)} == {r.type for r in store.relations()} | {"HOLDS_ROLE"}
    assert len(events_of(graph)) == len(store.relations())


def test_a_part_around_an_actor(store_path, store, tmp_path):
    graph = nx.read_gexf(export_to(store_path, tmp_path, "gexf", "--actor", "Sylvania"))
    assert [(u, v, d["relation"]) for u, v, d in graph.edges(data=True)] == [("sylvania", "ruritania", "AIDS")]
    two_hops = nx.read_gexf(export_to(store_path, tmp_path, "gexf", "--actor", "Sylvania", "--hops", "2"))
    assert sorted(d["relation"] for _, _, d in two_hops.edges(data=True)) == ["AIDS", "ASSAULTS", "CRITICIZES", "SANCTIONS"]
    assert set(two_hops) == {"sylvania", "ruritania", "freedonia"}


def test_a_part_by_type_and_time(store_path, tmp_path):
    graph = nx.read_graphml(export_to(store_path, tmp_path, "graphml", "--type", "ASSAULTS", "--type", "SANCTIONS",
                                      "--since", "2025-01-01"), force_multigraph=True)
    assert [(u, v, d["relation"], d["date"]) for u, v, d in graph.edges(data=True)] == [
        ("freedonia", "ruritania", "ASSAULTS", "2025-02-28")]
    assert {d["label"] for _, d in graph.nodes(data=True)} == {"Freedonia", "Ruritania"}


def test_hops_without_an_actor_is_a_user_error(store_path):
    result = CliRunner().invoke(cli, ["export", "--store", str(store_path), "--hops", "2"])
    assert result.exit_code == 1
    assert result.output == "Error: --hops counts relations away from an --actor: give one\n"


NASTY = "Ruritania\x00 \x01sanctioned\x08 \x0b\x0c\x1b[31mFreedonia\x7f \ufffe\uffff \ud800 \U0001f600."


@pytest.mark.parametrize("write", [write_graphml, write_gexf])
def test_control_characters_still_give_well_formed_xml(write):
    article = Article("a1", NASTY, published=date(2024, 5, 2), title="bad\x01title")  # no hash of a lone surrogate
    graph = ArticleGraph(
        article,
        [Actor("ruritania", "Ruri\x02tania", "state"), Actor("freedonia", "Freedonia", "state")],
        [],
        [Relation("ruritania", "freedonia", "SANCTIONS", article.id, 1, NASTY, date(2024, 5, 1), "16", "SANCTION")],
        [],
    )
    store = NetworkXStore(None)
    store.write([graph])
    out = io.BytesIO()
    write(store.to_networkx(), out, with_text=True)
    root = ET.fromstring(out.getvalue())  # expat: refuses any character XML 1.0 forbids
    values = [e.get("value") or e.text or "" for e in root.iter()]
    assert any("Ruritania sanctioned Freedonia" in v.replace("[31m", "") for v in values)
    assert any("\U0001f600" in v for v in values)  # characters XML allows are kept


def test_control_characters_from_a_stored_article_export_well_formed(tmp_path):
    store_path = tmp_path / "graph.db"
    text = NASTY.replace("\ud800", "")  # a file store holds only encodable text
    article = Article.from_text(text, published=date(2024, 5, 2))
    with SQLiteStore(store_path, create=True) as store:
        store.write([ArticleGraph(article, [Actor("ruritania", "Ruritania", "state")], [], [], [Mention("ruritania", article.id)])])
    for fmt in ("graphml", "gexf"):
        ET.parse(export_to(store_path, tmp_path, fmt, "--with-text"))


def test_relations_csv_matches_json(store_path, store):
    as_json = json.loads(run(store_path, "relations", "--json"))
    rows = list(csv.DictReader(io.StringIO(run(store_path, "relations", "--csv"))))
    assert len(rows) == len(as_json) == len(store.relations())
    for row, record in zip(rows, as_json):
        assert (row["type"], row["source_name"], row["target_name"], row["date"]) == (
            record["type"], record["source_name"], record["target_name"], record["date"])
        assert float(row["goldstein"]) == record["goldstein"] and int(row["quad_class"]) == record["quad_class"]
    assert {(r["source_name"], r["type"], r["target_name"]) for r in rows} == {
        ("Ruritania", "SANCTIONS", "Freedonia"), ("Freedonia", "CRITICIZES", "Ruritania"),
        ("Rudolf Rassendyll", "PROPOSES", "truce"), ("Freedonia", "ASSAULTS", "Ruritania"),
        ("Sylvania", "AIDS", "Ruritania")}


def test_actors_csv_matches_the_store(store_path, store):
    rows = list(csv.DictReader(io.StringIO(run(store_path, "actors", "--csv"))))
    assert [(r["id"], r["name"], r["kind"], r["aliases"]) for r in rows] == [
        (a.id, a.name, a.kind, "; ".join(a.aliases)) for a in store.actors()]


def test_csv_and_json_together_is_a_user_error(store_path):
    result = CliRunner().invoke(cli, ["relations", "--store", str(store_path), "--csv", "--json"])
    assert (result.exit_code, result.output) == (1, "Error: --json and --csv exclude each other\n")


def test_frames(store):
    import pandas as pd

    actors, events = polgraph.to_frames(store)
    assert list(actors["name"]) == [a.name for a in store.actors()]
    assert len(events) == len(store.relations())
    assert str(events["date"].dtype).startswith("datetime64")
    row = events.set_index("type").loc["AIDS"]
    assert (row["source_name"], row["target_name"], row["date"], row["goldstein"], row["quad_class"], row["attribution"]) == (
        "Sylvania", "Ruritania", pd.Timestamp("2025-03-01"), 7.0, 2, "predicted")
    assert events.set_index("type").loc["PROPOSES", "target_kind"] == "topic"
    recent = polgraph.to_frames(store, RelationFilter(since=date(2025, 1, 1)))[1]
    assert sorted(recent["type"]) == ["AIDS", "ASSAULTS"]


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_an_export_does_not_depend_on_the_day_it_is_written(store_path, tmp_path, monkeypatch, fmt):
    (tmp_path / "today").mkdir()
    (tmp_path / "later").mkdir()
    first = export_to(store_path, tmp_path / "today", fmt).read_bytes()
    # networkx's GEXF writer stamps time.strftime's date on the file
    monkeypatch.setattr(time, "strftime", lambda *args: "1999-12-31")
    assert export_to(store_path, tmp_path / "later", fmt).read_bytes() == first
