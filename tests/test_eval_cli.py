"""``polgraph eval``: finding articles and their readings, user errors, and a real run on the seed."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from polgraph.cli.app import _register, cli
from polgraph.cli.eval import eval_command
from polgraph.evaluation.runner import find_articles, gold_path_for, read_readings
from polgraph.exceptions import InputError

from tests.conftest import SEED, SEED_GOLD, SHARED

WIKINEWS = SHARED / "eval" / "wikinews"
REPOSITORY_READINGS = Path(__file__).resolve().parent.parent / "eval"

_register()


@pytest.mark.parametrize("folder, articles", [("team", 56), ("blind", 12), ("blind2", 12), ("blind3", 10)])
def test_the_repositorys_readings_parse_beside_dated_articles(folder: str, articles: int) -> None:
    readings = read_readings(find_articles([REPOSITORY_READINGS / folder]))
    assert len(readings) == articles
    for txt, gold in readings:
        # an article reporting no act between actors has a reading with no required relation
        assert txt.read_text(encoding="utf-8").startswith("date ") and gold.actors, txt


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


def test_eval_plover_folds_split_the_sentences_and_sum_to_the_total(tmp_path: Path) -> None:
    records = [
        {"id": "a", "text": "Bangladesh has rejected an Indian proposal for a free trade agreement.", "event": "REJECT",
         "source": ["Bangladesh"], "target": ["Indian"]},
        {"id": "b", "text": "The weather was fine on Tuesday.", "event": "AGREE", "source": [], "target": []},
        {"id": "c", "text": "Iran condemned the United States on Monday.", "event": "DISAPPROVE", "source": ["Iran"],
         "target": ["United States"]},
    ]
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", "--plover", str(path), "--folds", "2", "--json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)["plover"]
    assert [f["fold"] for f in doc["folds"]] == [0, 1]
    for key in ("sentences", "found", "right", "dyad_right"):
        assert sum(f[key] for f in doc["folds"]) == doc[key]
    table = CliRunner().invoke(cli, ["eval", "--plover", str(path), "--folds", "2"], catch_exceptions=False).output
    assert "PLOVER folds (a stable hash of each sentence, 2 folds):" in table
    too_many = CliRunner().invoke(cli, ["eval", "--plover", str(path), "--folds", "4"])
    assert too_many.exit_code == 1
    assert too_many.output.strip() == "Error: PLOVER folds need 2 to 3 folds for 3 sentences, not 4"


def _two_articles(tmp_path: Path) -> list[str]:
    """The seed and one Wikinews article with their readings, copied side by side."""
    for txt in (SEED, *sorted(WIKINEWS.glob("*.txt"))[:1]):
        shutil.copy(txt, tmp_path / txt.name)
        shutil.copy(gold_path_for(txt), tmp_path / gold_path_for(txt).name)
    return [str(tmp_path)]


def test_eval_prints_relation_scores_by_threshold_and_plots_them(tmp_path: Path) -> None:
    plot = tmp_path / "thresholds.png"
    result = CliRunner().invoke(eval_command, [str(SEED), "--plot", str(plot)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("min confidence"))
    rows = [line.split() for line in lines[header + 2 : header + 13] if line.strip()]
    assert [r[0] for r in rows][:3] == ["0.00", "0.10", "0.20"]
    assert sum(1 for line in lines if line.endswith("<- threshold")) == 1
    # More is kept at a lower threshold.
    kept = [int(r[1]) for r in rows]
    assert kept == sorted(kept, reverse=True)
    assert plot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_min_confidence_zero_keeps_every_candidate(tmp_path: Path) -> None:
    full = json.loads(CliRunner().invoke(eval_command, [str(SEED), "--json", "--min-confidence", "0"]).output)
    default = json.loads(CliRunner().invoke(eval_command, [str(SEED), "--json"]).output)
    assert full["threshold"] == 0.0 and full["total"]["relations"] >= default["total"]["relations"]
    assert full["thresholds"][0]["threshold"] == 0.0 and full["thresholds"][0]["relations"] == full["total"]["relations"]


def test_folds_score_each_fold_with_what_the_others_fitted(tmp_path: Path) -> None:
    result = CliRunner().invoke(eval_command, [*_two_articles(tmp_path), "--folds", "2", "--json"])
    assert result.exit_code == 0, result.output
    folds = json.loads(result.output)["folds"]
    assert [len(f["articles"]) for f in folds["hand"]["folds"]] == [1, 1]
    assert folds["hand"]["total"]["relations_required"] == sum(f["relations_required"] for f in folds["hand"]["folds"])
    assert {"learned", "shipped"} <= set(folds)
    calibration = folds["calibration"]
    assert 0 < calibration["right"] <= calibration["candidates"]
    # The base rate's Brier score is p(1-p) for a held-out rate p near the training one: a yardstick.
    for name in ("hand", "hand_isotonic", "hand_platt", "learned", "base_rate"):
        assert 0.0 <= calibration[name] <= 1.0, name


def test_folds_need_two_folds_at_least(tmp_path: Path) -> None:
    result = CliRunner().invoke(eval_command, [str(SEED), "--folds", "2"])
    assert result.exit_code == 1 and result.output.strip() == "Error: cross-validation needs 2 articles at least (1 given)"


def test_mechanisms_count_the_articles_they_fire_in(tmp_path: Path) -> None:
    result = CliRunner().invoke(eval_command, [*_two_articles(tmp_path), "--mechanisms", "--json"])
    rows = {row["mechanism"]: row for row in json.loads(result.output)["mechanisms"]}
    assert rows["verb"]["articles"] == "2" and int(rows["verb"]["kept right"]) <= int(rows["verb"]["kept"])


def test_train_writes_a_scorer_polgraph_reads(tmp_path: Path) -> None:
    from polgraph.cli.train import train
    from polgraph.loaders.relations import LogisticScorer, read_scorer

    out = tmp_path / "scorer.json"
    result = CliRunner().invoke(train, [*_two_articles(tmp_path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    scorer = read_scorer(out)
    assert isinstance(scorer, LogisticScorer) and scorer.weights and 0.0 < scorer.threshold < 1.0
    assert result.output.startswith(f"Wrote {out}: {len(scorer.weights)} feature weights")
