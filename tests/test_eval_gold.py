"""Reading reference readings (polgraph.evaluation.gold)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from polgraph.evaluation.gold import Duplicate, load_gold
from polgraph.exceptions import InputError

from tests.conftest import SEED_GOLD


def test_seed_reading_is_read_whole() -> None:
    gold = load_gold(SEED_GOLD)
    assert gold.article == "000_626d997fe0474499.txt" and gold.published == date(2023, 3, 31)
    assert [a.name for a in gold.actors][:2] == ["Alexander Lukashenko", "Dmitry Peskov"]
    assert len(gold.actors) == 10 and len(gold.required) == 7 and not gold.optional
    assert len(gold.forbidden) == 2 and gold.duplicates == [Duplicate("Alexander Lukashenko", "Lukashenka")]
    last = gold.required[-1]
    assert (last.source, last.types, last.targets, last.sentence, last.date) == (
        "Ukraine", ("REJECTS",), ("Russia",), 16, date(2022, 10, 4)
    )


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "x.gold.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("- just a list", "a reference reading must be a mapping with 'article' and 'actors'"),
        ("actors: [{kind: person}]", "actors[1]: an actor needs a 'name'"),
        ("actors: [{name: A, kind: party}]", "actors[1] (A): unknown kind 'party'"),
        (
            "actors: [{name: A}]\nrelations: {required: [{source: A, type: [SUPPORT], target: [A]}]}",
            "relations.required[1]: unknown relation type 'SUPPORT'",
        ),
        ("actors: [{name: A}]\nrelations: {optional: [{source: A, type: [SUPPORTS]}]}", "relations.optional[1]: missing 'target'"),
        ("actors: [{name: A}]\nrelations: {forbidden: [{duplicate_of: B, name: Bee}]}", "duplicate_of 'B' names no actor of the reading"),
        ("actors: [{name: A}]\nrelations: {wanted: []}", "unknown relations section 'wanted'"),
        ("actors: [{name: A}]\npublished: 2024-13-01", "bad value (month must be in 1..12)"),
        ("actors: [{name: A}]\npublished: 'March 2024'", "bad date 'March 2024' (expected YYYY-MM-DD)"),
    ],
)
def test_malformed_readings_name_the_file_and_the_entry(tmp_path: Path, text: str, message: str) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(InputError) as err:
        load_gold(path)
    assert str(err.value) == f"{path}: {message}"


def test_unreadable_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read the reference reading"):
        load_gold(tmp_path / "missing.gold.yaml")
    with pytest.raises(InputError, match="not valid YAML"):
        load_gold(_write(tmp_path, "actors: [unclosed"))


def test_scalar_type_and_target_are_lists_of_one(tmp_path: Path) -> None:
    gold = load_gold(_write(tmp_path, "actors: [{name: A}]\nrelations: {required: [{source: A, type: SUPPORTS, target: '*'}]}"))
    assert gold.required[0].types == ("SUPPORTS",) and gold.required[0].targets == ("*",)
