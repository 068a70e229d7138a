"""The command line, end to end on real files, asserting exact output lines and exit codes."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from polgraph.cli.app import _register, cli
from tests.conftest import SEED

_register()


@pytest.fixture
def run(tmp_path):
    store = str(tmp_path / "graph.db")

    def invoke(*args: str, input: bytes | None = None):
        return CliRunner().invoke(cli, [args[0], "--store", store, *args[1:]], input=input, catch_exceptions=False)

    return invoke


def test_load_then_read_everything(run):
    result = run("load", str(SEED))
    assert result.exit_code == 0, result.output
    assert "Loaded 1 new article(s)" in result.output
    actors = json.loads(run("actors", "--json").output)
    assert {"Alexander Lukashenko", "Russia", "Ukraine"} <= {a["name"] for a in actors}
    rels = json.loads(run("relations", "--actor", "Lukashenka", "--json").output)
    assert any(r["type"] == "PROPOSES" and r["source_name"] == "Alexander Lukashenko" for r in rels)
    assert all("Alexander Lukashenko" in (r["source_name"], r["target_name"]) for r in rels)
    ranked = json.loads(run("centrality", "--top", "3", "--json").output)
    assert len(ranked) == 3 and ranked[0]["pagerank"] >= ranked[1]["pagerank"] >= ranked[2]["pagerank"]
    rejects = json.loads(run("relations", "--type", "REJECTS", "--since", "2022-10-01", "--until", "2022-10-31", "--json").output)
    assert [(r["source_name"], r["target_name"], r["date"]) for r in rejects] == [("Ukraine", "Russia", "2022-10-04")]


def test_loading_twice_changes_nothing(run, tmp_path):
    run("load", str(SEED))
    before = (tmp_path / "graph.db").read_bytes()
    result = run("load", str(SEED), "--json")
    assert json.loads(result.output)["already_stored"] == 1
    assert (tmp_path / "graph.db").read_bytes() == before


def test_bad_file_is_named_skipped_and_the_rest_load(run, tmp_path):
    run("load", str(SEED))
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00\x01binary")
    good = tmp_path / "good.txt"
    good.write_text("date 2024-02-01\nRussia condemned Ukraine on Monday.", encoding="utf-8")
    result = run("load", str(bad), str(good))
    assert result.exit_code == 1
    assert f"Error: {bad}: binary file, not text\n" in result.output
    counts = json.loads(run("export", "--format", "json").output)
    articles = [n for n in counts["nodes"] if n["labels"] == ["Article"]]
    assert len(articles) == 2  # the seed stayed, the good file loaded


def test_stdin(run):
    result = run("load", "-", input=b"date 2024-02-01\nGermany banned Mahan Air on Monday.")
    assert result.exit_code == 0, result.output
    rels = json.loads(run("relations", "--json").output)
    assert [(r["source_name"], r["type"], r["date"]) for r in rels] == [("Germany", "SANCTIONS", "2024-01-29")]


def test_missing_path_and_unknown_actor(run, tmp_path):
    result = run("load", str(tmp_path / "nope.txt"))
    assert result.exit_code == 1
    assert result.output.endswith(f"Error: {tmp_path / 'nope.txt'}: no such file or folder\n" +
                                  f"Loaded 0 new article(s) into {tmp_path / 'graph.db'}: 0 new actor(s), 0 new relation(s); 0 already stored; 1 error(s).\n")
    result = run("relations", "--actor", "Nobody")
    assert result.exit_code == 1
    assert result.output == f"Error: no actor named 'Nobody' in {tmp_path / 'graph.db'}\n"


def test_oversized_article_gets_a_clear_error(run, tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("date 2024-01-01\n" + ("Ruritania met Freedonia. " * 210_000), encoding="utf-8")  # ~5 MB
    assert big.stat().st_size > 5_000_000
    result = run("load", str(big))
    assert result.exit_code == 1
    assert f"Error: {big}: article is 5.2 million characters, over the limit of 1.0 million (raise it with --max-article-mb)" in result.output


@pytest.mark.parametrize("fmt,marker", [("json", b'"relationships"'), ("graphml", b"<graphml"), ("gexf", b"<gexf")])
def test_export_formats(run, tmp_path, fmt, marker):
    run("load", str(SEED))
    out = tmp_path / f"export.{fmt}"  # not graph.db: that is the store, which export refuses to overwrite
    result = run("export", "--format", fmt, "-o", str(out))
    assert result.exit_code == 0
    assert marker in out.read_bytes()


def test_corrupt_store_is_a_user_error(run, tmp_path):
    (tmp_path / "graph.db").write_text("garbage")
    result = run("actors")
    assert result.exit_code == 1
    assert result.output == f"Error: {tmp_path / 'graph.db'}: not a polgraph store (neither a SQLite database nor polgraph's JSON)\n"
    assert (tmp_path / "graph.db").read_text() == "garbage"


def test_load_min_confidence_trades_precision_for_recall(run, tmp_path):
    text = tmp_path / "denial.txt"
    text.write_text("date 2021-06-15 Russia denied that it had attacked Ukraine.\n", encoding="utf-8")
    assert run("load", str(text)).exit_code == 0
    default = json.loads(run("relations", "--json").output)
    assert not any(r["type"] == "ASSAULTS" for r in default)
    other = tmp_path / "again.txt"
    other.write_text("date 2021-06-16 Russia denied on Tuesday that it had attacked Ukraine.\n", encoding="utf-8")
    loaded = run("load", str(other), "--min-confidence", "0")
    assert loaded.exit_code == 0, loaded.output
    denied = [r for r in json.loads(run("relations", "--json").output) if r["type"] == "ASSAULTS"]
    assert len(denied) == 1 and denied[0]["confidence"] < 0.45


def test_relations_and_centrality_filter_by_attribution(run, tmp_path):
    text = tmp_path / "claims.txt"
    text.write_text("date 2021-06-15 France condemned Iran on Monday. Iran said the United States had attacked "
                    "its tankers.\n", encoding="utf-8")
    assert run("load", str(text)).exit_code == 0
    alleged = json.loads(run("relations", "--attribution", "alleged", "--json").output)
    assert [(r["source"], r["type"], r["target"], r["reported_by"]) for r in alleged] == [
        ("united-states", "ASSAULTS", "iran", "iran")]
    asserted = json.loads(run("relations", "--attribution", "asserted", "--json").output)
    assert asserted and all(r["attribution"] == "asserted" for r in asserted)
    both = json.loads(run("relations", "--attribution", "asserted,alleged", "--json").output)
    assert len(both) == len(asserted) + len(alleged)
    ranked = json.loads(run("centrality", "--attribution", "alleged", "--json").output)
    assert {a["id"] for a in ranked} == {"united-states", "iran"}
    result = run("relations", "--attribution", "asserted,believed")
    assert result.exit_code == 1
    assert result.output.strip() == "Error: --attribution: believed is not one of asserted, alleged, predicted, denied"
