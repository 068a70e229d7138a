"""``polgraph eval``: finding articles and their readings, user errors, and a real run on the seed."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from polgraph.cli.app import _register, cli
from polgraph.cli.eval import eval_command
from polgraph.evaluation.runner import find_articles, gold_path_for
from polgraph.exceptions import InputError

from tests.conftest import SEED, SEED_GOLD, SHARED

WIKINEWS = SHARED / "eval" / "wikinews"

_register()


def test_find_articles_in_folders_files_and_readings() -> None:
    pairs = find_articles([WIKINEWS, SHARED / "seeds"])
    assert len(pairs) == len(list(WIKINEWS.glob("*.gold.yaml"))) + 1 and all(gold == gold_path_for(txt) and gold.is_file() for txt, gold in pairs)
    assert pairs[-1] == (SEED, SEED_GOLD)
    # The same article named twice (as .txt and as .gold.yaml) is scored once.
    assert find_articles([SEED, SEED_GOLD]) == [(SEED, SEED_GOLD)]


def test_find_articles_errors(tmp_path: Path) -> None:
    (tmp_path / "lonely.txt").write_text("date 2024-01-01 Text.", encoding="utf-8")
    with pytest.raises(InputError) as err:
        find_articles([tmp_path / "lonely.txt"])
    assert str(err.value) == f"{tmp_path / 'lonely.txt'}: no reference reading beside it (expected lonely.gold.yaml)"
    with pytest.raises(InputError) as err:
        find_articles([tmp_path])
    assert str(err.value) == f"{tmp_path}: no article .txt with a .gold.yaml beside it"


@pytest.mark.parametrize(
    ("args", "line"),
    [
        ([], "Error: eval needs article files or folders, or --plover FILE"),
        (["missing.txt"], "Error: missing.txt: no such file"),
        (["missing"], "Error: missing: no such file or folder"),
        (["x.gold.yaml"], "Error: x.gold.yaml: no article x.txt beside the reference reading"),
        (["--plover", "missing.jsonl"], "Error: missing.jsonl: cannot read (No such file or directory)"),
    ],
)
def test_user_errors_are_one_line_and_exit_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], line: str
) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(eval_command, args)
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [line]


def test_broken_reading_is_reported_before_loading(tmp_path: Path) -> None:
    shutil.copy(SEED, tmp_path / "a.txt")
    (tmp_path / "a.gold.yaml").write_text("actors: [{name: A}]\nrelations: {required: [{source: A, type: [X], target: [A]}]}")
    result = CliRunner().invoke(eval_command, [str(tmp_path)])
    assert result.exit_code == 1
    assert result.output.strip() == f"Error: {tmp_path / 'a.gold.yaml'}: relations.required[1]: unknown relation type 'X'"


# -- end to end, with the real loader (spaCy's small English pipeline) ---------------------------
def test_eval_seed_json_counts_match_the_reading() -> None:
    result = CliRunner().invoke(cli, ["eval", str(SEED), "--json", "--detail"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    [article] = doc["articles"]
    assert article["article"] == SEED.name
    assert (article["actors_gold"], article["relations_required"]) == (10, 7)  # from the reading, whatever the loader does
    parts = ("nodes_correct", "nodes_optional", "duplicate_nodes", "extra_nodes")
    assert article["nodes"] == sum(article[k] for k in parts)
    detail = article["detail"]
    assert len(detail["missing_relations"]) == 7 - article["required_found"]
    assert len(detail["wrong_relations"]) == article["relations"] - article["relations_correct"]
    assert len(detail["extra_nodes"]) == article["extra_nodes"] and len(detail["duplicate_nodes"]) == article["duplicate_nodes"]
    total = doc["total"]
    assert total["articles"] == 1 and total["actor_recall"] == article["actor_recall"]
    # The loader knows Lukashenko under both spellings: one node, no duplicate (pins the scorer's duplicate rule too).
    assert article["duplicate_nodes"] == 0 and "Alexander Lukashenko" not in [m["actor"] for m in detail["missed_actors"]]


def test_eval_table_and_detail_lines() -> None:
    result = CliRunner().invoke(cli, ["eval", str(SEED_GOLD), "--detail"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split() == ["article", "actor", "P", "actor", "R", "actor", "F1", "rel", "P", "rel", "R", "rel", "F1", "forbidden", "dup", "nodes"]
    assert lines[2].startswith(SEED.name) and lines[3].startswith("TOTAL (1 articles)")
    assert f"== {SEED.name}" in lines
    assert any(line.startswith("   relations: ") for line in lines)


def test_eval_plover_on_real_sentences(tmp_path: Path) -> None:
    records = [
        {"id": "a", "text": "Bangladesh has rejected an Indian proposal for a free trade agreement.", "event": "REJECT",
         "source": ["Bangladesh"], "target": ["Indian"]},
        {"id": "b", "text": "The weather was fine on Tuesday.", "event": "AGREE", "source": [], "target": []},
    ]
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", "--plover", str(path), "--json", "--detail"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)["plover"]
    assert doc["sentences"] == 2 and [s["id"] for s in doc["records"]] == ["a", "b"]
    first, second = doc["records"]
    assert first["predicted"] == "REJECT" and first["correct"] is True
    assert second["predicted"] is None and doc["found"] == 1 and doc["coverage"] == 0.5
