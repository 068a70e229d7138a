"""``polgraph centrality`` and ``polgraph dyads`` end to end: table, JSON and CSV output, the
exact error lines, and the PNG plots."""

from __future__ import annotations

import csv
import io
import json
import sys

import numpy as np
import pytest
from click.testing import CliRunner

from polgraph.cli.app import _register, cli
from polgraph.graph.stores.networkx_store import NetworkXStore
from polgraph.graph.stores.sqlite_store import SQLiteStore
from tests.analytics_graphs import coded_events
from tests.test_temporal import EVENTS

_register()


@pytest.fixture
def run(tmp_path):
    store = tmp_path / "graph.db"
    with SQLiteStore(store, create=True) as s:
        s.write([coded_events(EVENTS)])

    def invoke(*args: str):
        return CliRunner().invoke(cli, [args[0], "--store", str(store), *args[1:]], catch_exceptions=False)

    return invoke


def lines(output: str) -> list[str]:
    return output.rstrip("\n").split("\n")


# -- centrality ----------------------------------------------------------------------------------
def test_centrality_table_json_and_csv(run):
    table = run("centrality", "--by", "in_degree", "--top", "2")
    assert table.exit_code == 0, table.output
    assert lines(table.output)[0].split() == ["actor", "kind", "in", "out", "pagerank", "betweenness", "eigenvector"]
    assert [line.split()[0] for line in lines(table.output)[2:]] == ["Borduria", "Aland"]
    ranked = json.loads(run("centrality", "--by", "in_degree", "--top", "2", "--json").output)
    assert [(r["id"], r["in_degree"], r["out_degree"]) for r in ranked] == [("borduria", 5, 1), ("aland", 2, 5)]
    rows = list(csv.DictReader(io.StringIO(run("centrality", "--by", "in_degree", "--top", "2", "--csv").output)))
    assert [(r["id"], r["name"], r["in_degree"]) for r in rows] == [("borduria", "Borduria", "5"), ("aland", "Aland", "2")]


def test_centrality_every_quarter(run):
    result = run("centrality", "--every", "quarter", "--by", "in_degree", "--top", "1")
    assert result.exit_code == 0
    assert [line.split()[:3] for line in lines(result.stdout)[2:]] == [
        ["2023-Q4", "1", "Borduria"], ["2024-Q1", "1", "Borduria"], ["2024-Q2", "1", "Aland"], ["2024-Q3", "1", "Aland"]]
    assert result.stderr == "1 undated event(s) are in no period.\n"
    doc = json.loads(run("centrality", "--every", "year", "--by", "in_degree", "--top", "1", "--json").output)
    assert (doc["every"], doc["by"], doc["undated"]) == ("year", "in_degree", 1)
    assert [(p["period"], p["start"], p["end"], p["events"], [r["id"] for r in p["ranking"]]) for p in doc["periods"]] == [
        ("2023", "2023-01-01", "2023-12-31", 1, ["borduria"]), ("2024", "2024-01-01", "2024-12-31", 7, ["borduria"])]
    rows = list(csv.DictReader(io.StringIO(run("centrality", "--every", "month", "--top", "1", "--csv").stdout)))
    assert [r["period"] for r in rows] == ["2023-12", "2024-01", "2024-02", "2024-03", "2024-04", "2024-06", "2024-07"]
    assert {r["rank"] for r in rows} == {"1"}


def test_centrality_exact_and_sampled_betweenness(run):
    exact = json.loads(run("centrality", "--by", "betweenness", "--exact", "--json").output)
    sampled = json.loads(run("centrality", "--by", "betweenness", "--sources", "2", "--seed", "1", "--json").output)
    assert exact[0]["id"] == "aland" and exact[0]["betweenness"] == pytest.approx(1 / 6)  # carpathia->aland->borduria, of 3*2 pairs
    assert {r["id"] for r in sampled} == {r["id"] for r in exact}


@pytest.mark.parametrize("args, message", [
    (["--json", "--csv"], "Error: --json and --csv exclude each other\n"),
    (["--exact", "--sources", "10"], "Error: --exact and --sources exclude each other\n"),
    (["--plot", "x.png"], "Error: --plot needs --every (one point per period)\n"),
])
def test_centrality_error_lines(run, args, message):
    result = run("centrality", *args)
    assert (result.exit_code, result.stderr, result.stdout) == (1, message, "")


# -- dyads ---------------------------------------------------------------------------------------
def test_dyads_table(run):
    result = run("dyads", "--top", "2")
    assert result.exit_code == 0
    assert lines(result.stdout) == [
        "source     target    events  goldstein  mean   verb.coop  mat.coop  verb.conf  mat.conf",
        "---------  --------  ------  ---------  -----  ---------  --------  ---------  --------",
        "Aland      Borduria  5       -9.0       -1.80  3          0         1          1",
        "Carpathia  Dalmatia  2       -2.0       -2.00  0          0         1          0",
    ]
    assert result.stderr == ""


def test_dyads_of_an_actor_per_quarter_as_json_and_csv(run):
    doc = json.loads(run("dyads", "--actor", "Borduria", "--every", "quarter", "--json").output)
    assert (doc["every"], doc["undirected"], doc["undated"]) == ("quarter", False, 1)
    assert [(d["period"], d["source"], d["target"], d["events"], d["goldstein_sum"], d["goldstein_mean"])
            for d in doc["dyads"]] == [("2023-Q4", "aland", "borduria", 1, 1.0, 1.0),
                                       ("2024-Q1", "aland", "borduria", 2, -12.0, -6.0),
                                       ("2024-Q2", "aland", "borduria", 1, 1.0, 1.0),
                                       ("2024-Q2", "borduria", "aland", 1, 7.4, 7.4)]
    result = run("dyads", "--actor", "Dalmatia", "--csv", "--type", "CRITICIZES", "--since", "2024-01-01")
    assert lines(result.stdout) == [
        "period,start,end,source,source_name,target,target_name,events,goldstein_sum,goldstein_mean,"
        "verbal_cooperation,material_cooperation,verbal_conflict,material_conflict",
        ",,,carpathia,Carpathia,dalmatia,Dalmatia,1,-2.0,-2.0,0,0,1,0",
    ]


def test_dyads_error_lines(run):
    result = run("dyads", "--actor", "Atlantis")
    assert result.exit_code == 1 and result.stderr.startswith("Error: no actor named 'Atlantis' in ")
    result = run("dyads", "--plot", "x.png")
    assert (result.exit_code, result.stderr) == (1, "Error: --plot needs --every (one point per period)\n")


def test_relations_json_shows_cooperation_and_conflict(run):
    found = json.loads(run("relations", "--actor", "Dalmatia", "--json").output)
    assert [(r["type"], r["goldstein"], r["quad_class"], r["attribution"]) for r in found] == [
        ("COMMENTS_ON", None, None, "asserted"), ("CRITICIZES", -2.0, 3, "asserted")]


# -- plots ---------------------------------------------------------------------------------------
def assert_drawn_png(path):
    from matplotlib.image import imread

    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    pixels = imread(path)[..., :3]
    assert pixels.shape[0] > 200 and pixels.shape[1] > 400
    coloured = np.abs(pixels - pixels.mean(axis=2, keepdims=True)).sum(axis=2) > 0.1  # not grey: drawn lines
    assert coloured.sum() > 500


@pytest.mark.parametrize("command", [["centrality", "--top", "3"], ["dyads", "--top", "3"]])
def test_plot_writes_a_drawn_png(run, tmp_path, command):
    path = tmp_path / "chart.png"
    result = run(*command, "--every", "month", "--plot", str(path))
    assert result.exit_code == 0, result.output
    assert result.stderr.endswith(f"Plot written to {path}\n")
    assert_drawn_png(path)


def test_plot_without_matplotlib_is_one_error_line(run, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "matplotlib.figure", None)  # as if the extra were not installed
    result = run("dyads", "--every", "month", "--plot", str(tmp_path / "chart.png"))
    assert (result.exit_code, result.stderr) == (1, "Error: plotting needs matplotlib: pip install 'polgraph[plot]'\n")
    assert not (tmp_path / "chart.png").exists()


def test_a_plot_is_written_like_every_output_file(run, tmp_path):
    """Through polgraph.output: a new folder is made, a folder or a FIFO at the path is refused."""
    path = tmp_path / "new" / "chart.png"
    assert run("centrality", "--every", "year", "--plot", str(path)).exit_code == 0
    assert_drawn_png(path)
    result = run("centrality", "--every", "year", "--plot", str(tmp_path))
    assert (result.exit_code, result.stderr) == (1, f"Error: {tmp_path}: is a directory, not a regular file; polgraph writes only to regular files or new paths\n")
