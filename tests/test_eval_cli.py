"""``polgraph eval``: finding articles and their readings, user errors, and a real run on the seed."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from polgraph.cli.eval import eval_command
from polgraph.evaluation.runner import find_articles, gold_path_for
from polgraph.exceptions import InputError

from conftest import SEED, SEED_GOLD, SHARED

WIKINEWS = SHARED / "eval" / "wikinews"


def test_find_articles_in_folders_files_and_readings() -> None:
    pairs = find_articles([WIKINEWS, SHARED / "seeds"])
    assert len(pairs) == 7 and all(gold == gold_path_for(txt) and gold.is_file() for txt, gold in pairs)
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
