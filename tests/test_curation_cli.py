"""The curation verbs on the command line: exact lines and exit codes, undo back to the same
export bytes, and a later `polgraph load` that applies the overlay (docs/curation.md)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from polgraph.cli.app import _register, cli
from polgraph.graph.curation import Overlay
from polgraph.graph.stores.sqlite_store import SQLiteStore
from tests.conftest import SEED
from tests.test_curation import trump_articles

_register()
OVERLAY = ".polgraph/graph.curation.jsonl"


@pytest.fixture
def runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("POLGRAPH_OVERLAY", raising=False)
    with SQLiteStore(tmp_path / ".polgraph" / "graph.db", create=True) as store:
        store.write(trump_articles())
    return CliRunner()


def run(runner: CliRunner, *args: str):
    return runner.invoke(cli, list(args))


def export(runner: CliRunner) -> bytes:
    result = runner.invoke(cli, ["export", "--format", "json", "--with-text"])
    assert result.exit_code == 0, result.output
    return result.stdout_bytes


def test_each_verb_says_what_it_did_and_lists_it(runner: CliRunner) -> None:
    assert run(runner, "actors", "merge", "Donald Trump", "trump").output == \
        f"Change 1: merge trump into donald-trump (Donald Trump) (recorded in {OVERLAY}).\n"
    assert run(runner, "actors", "rename", "joe-biden", "Joseph R. Biden").output == \
        f"Change 2: rename joe-biden from 'Joe Biden' to 'Joseph R. Biden' (recorded in {OVERLAY}).\n"
    assert run(runner, "actors", "alias", "Joseph R. Biden", "Sleepy Joe").output == \
        f"Change 3: alias 'Sleepy Joe' for joe-biden (recorded in {OVERLAY}).\n"
    relation = json.loads(run(runner, "relations", "--json").output)[0]["id"]
    assert run(runner, "relations", "drop", relation).exit_code == 0
    assert run(runner, "actors", "drop", "gop").output == \
        f"Change 5: drop actor gop (Republican Party) (recorded in {OVERLAY}).\n"
    listed = run(runner, "curation", "list")
    assert listed.exit_code == 0
    assert listed.output.splitlines()[2:] == [
        "1       merge          merge trump into donald-trump (Donald Trump)",
        "2       rename         rename joe-biden from 'Joe Biden' to 'Joseph R. Biden'",
        "3       alias          alias 'Sleepy Joe' for joe-biden",
        f"4       drop-relation  drop relation {relation} (donald-trump CRITICIZES joe-biden)",
        "5       drop-actor     drop actor gop (Republican Party)",
        f"5 change(s) in {OVERLAY}",
    ]
    records = json.loads(run(runner, "curation", "list", "--json").output)
    assert records[0] == {"change": 1, "verb": "merge", "actor": "donald-trump", "other": "trump",
                          "name": "Donald Trump", "kind": "person", "undo": True}


def test_undo_gives_back_the_same_export_bytes(runner: CliRunner) -> None:
    before = export(runner)
    for args in (["actors", "merge", "donald-trump", "trump"], ["actors", "rename", "joe-biden", "Joseph R. Biden"],
                 ["actors", "alias", "joe-biden", "Sleepy Joe"], ["actors", "drop", "gop"]):
        assert run(runner, *args).exit_code == 0
    changed = export(runner)
    assert changed != before
    undone = run(runner, "curation", "undo")
    assert undone.output == "Undid change 4: drop actor gop (Republican Party).\n"
    assert run(runner, "curation", "undo", "1").output == (
        "Undid change 3: alias 'Sleepy Joe' for joe-biden.\n"
        "Undid change 2: rename joe-biden from 'Joe Biden' to 'Joseph R. Biden'.\n"
        "Undid change 1: merge trump into donald-trump (Donald Trump).\n"
    )
    assert export(runner) == before
    assert Path(OVERLAY).read_text() == ""


def test_a_change_made_twice_changes_nothing_the_second_time(runner: CliRunner) -> None:
    assert run(runner, "actors", "alias", "joe-biden", "Sleepy Joe").exit_code == 0
    once, recorded = export(runner), Path(OVERLAY).read_bytes()
    again = run(runner, "actors", "alias", "joe-biden", "Sleepy Joe")
    assert (again.exit_code, again.output) == (0, "Nothing to change: the store already has it (alias 'Sleepy Joe' for joe-biden).\n")
    assert export(runner) == once and Path(OVERLAY).read_bytes() == recorded


@pytest.mark.parametrize(("args", "line"), [
    (["actors", "merge", "the candidate", "gop"],
     "Error: 'the candidate' names several actors: donald-trump (Donald Trump), joe-biden (Joe Biden); give an id"),
    (["actors", "alias", "donald-trump", "Trump"],
     "Error: 'Trump' is the name of another actor, trump (Trump): merge it into donald-trump instead"),
    (["actors", "merge", "Nobody", "trump"], "Error: no actor named 'Nobody' in .polgraph/graph.db"),
    (["actors", "merge", "trump", "trump"], "Error: 'trump' and 'trump' are the same actor (trump)"),
    (["actors", "rename", "trump", "  "], "Error: the new name is empty"),
    (["relations", "drop", "0123456789abcdef"], "Error: no relation '0123456789abcdef' in .polgraph/graph.db"),
    (["curation", "undo"], f"Error: {OVERLAY}: no curation change to undo"),
    (["curation", "undo", "7"], f"Error: {OVERLAY}: no curation change to undo"),
    (["actors", "drop", "trump", "--store", "missing.db"], "Error: missing.db: no such store (load articles into it first)"),
])
def test_errors_are_one_line_and_exit_1(runner: CliRunner, args: list[str], line: str) -> None:
    for actor in ("joe-biden", "donald-trump"):  # "The Candidate" now names two actors
        assert run(runner, "actors", "alias", actor, "The Candidate").exit_code == 0
    if args[:2] == ["curation", "undo"]:
        assert run(runner, "curation", "undo", "1").exit_code == 0
    result = run(runner, *args)
    assert (result.exit_code, result.output) == (1, line + "\n")


def test_an_unknown_change_number_is_an_error(runner: CliRunner) -> None:
    run(runner, "actors", "alias", "joe-biden", "Sleepy Joe")
    result = run(runner, "curation", "undo", "7")
    assert (result.exit_code, result.output) == (1, f"Error: {OVERLAY}: no change 7 (see `polgraph curation list`)\n")


def test_a_bad_overlay_stops_a_load_before_anything_is_written(runner: CliRunner) -> None:
    Path(OVERLAY).write_text('{"change": 1, "verb": "alias", "actor": "joe-biden"}\n')
    before = export(runner)
    result = run(runner, "load", str(SEED))
    assert (result.exit_code, result.output) == (1, f"Error: {OVERLAY}:1: not a curation change (alias: alias, name, kind missing or not text)\n")
    assert export(runner) == before


def test_the_store_given_before_the_verb_is_the_one_changed(runner: CliRunner, tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "other.db", create=True) as other:
        other.write(trump_articles())
    result = run(runner, "actors", "--store", "other.db", "drop", "gop")
    assert result.output == "Change 1: drop actor gop (Republican Party) (recorded in other.curation.jsonl).\n"
    with SQLiteStore(tmp_path / "other.db") as other, SQLiteStore(tmp_path / ".polgraph" / "graph.db") as default:
        assert other.actor("gop") is None and default.actor("gop") is not None


def test_actors_and_relations_still_list_without_a_verb(runner: CliRunner) -> None:
    listed = json.loads(run(runner, "actors", "--kind", "organization", "--json").output)
    assert [a["id"] for a in listed] == ["gop", "mar-a-lago", "trump"]
    assert len(json.loads(run(runner, "relations", "--actor", "joe-biden", "--json").output)) == 4


def test_a_later_load_applies_the_changes(runner: CliRunner) -> None:
    """The seed article loaded after a drop and a merge: the dropped actor stays out, the merged
    one's mentions land on the actor it went into, and the same as loading first and changing after."""
    assert run(runner, "load", str(SEED)).exit_code == 0
    assert run(runner, "actors", "drop", "the-west").exit_code == 0
    assert run(runner, "actors", "merge", "belarus", "union-state").exit_code == 0
    curated_after = export(runner)
    fresh = ["--store", "fresh.db", "--overlay", OVERLAY]
    assert run(runner, "load", str(SEED), *fresh).exit_code == 0
    assert run(runner, "curation", "list", *fresh).exit_code == 0
    with SQLiteStore(Path("fresh.db")) as store:
        store.write(Overlay.read(OVERLAY).apply(trump_articles()))
    fresh_export = runner.invoke(cli, ["export", "--format", "json", "--with-text", "--store", "fresh.db"]).stdout_bytes
    assert fresh_export == curated_after
