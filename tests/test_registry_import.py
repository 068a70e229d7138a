"""The PETRARCH/TABARI importer on real entries of the PETRARCH2 dictionaries in ../shared."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from polgraph.exceptions import InputError
from polgraph.loaders.registry import Registry, _seed_texts, default_registry
from polgraph.loaders.registry_import import (
    convert,
    dump_entries,
    import_files,
    parse_actors,
    parse_agents,
    title_case,
)
from tests.conftest import SHARED

PETRARCH = SHARED / "data" / "petrarch2"
COUNTRIES = PETRARCH / "Phoenix.Countries.actors.txt"
AGENTS = PETRARCH / "Phoenix.agents.txt"


def real_blocks(*names: str) -> str:
    """The entries named (``BELARUS_``) cut out of the real country dictionary, as they stand."""
    lines = COUNTRIES.read_text(encoding="utf-8", errors="replace").splitlines()
    out = []
    for name in names:
        start = next(i for i, line in enumerate(lines) if line.split("#")[0].split("[")[0].strip() == name)
        end = start + 1
        while end < len(lines) and (not lines[end].strip() or lines[end][0] in " \t+"):
            end += 1
        out.extend(lines[start:end])
    return "\n".join(out) + "\n"


@pytest.fixture
def sample(tmp_path) -> Path:
    path = tmp_path / "sample.actors.txt"
    path.write_text(real_blocks("BELARUS_", "ALYAKSANDR_LUKASHENKA_", "RUSSIAN_FEDERATION_", "VLADIMIR_PUTIN_",
                                "ANGELA_MERKEL_", "GERMANY_"),
                    encoding="utf-8")
    return path


def fresh_default() -> Registry:
    registry = Registry()
    for origin, text in _seed_texts():
        registry.add_entries(yaml.safe_load(text).get("actors") or [], origin)
    return registry


def by_name(entries: list[dict]) -> dict[str, dict]:
    return {e["name"]: e for e in entries}


def test_real_entries_become_a_state_and_people(sample) -> None:
    result = import_files([sample], AGENTS, default_registry())
    found = by_name(result.entries)
    belarus = found["Belarus"]
    assert (belarus["kind"], belarus["iso3"]) == ("state", "BLR")
    assert {"Belorussia", "Republic of Belarus", "Minsk"} <= set(belarus["aliases"])
    # the dictionary's spelling is an alias of the registry's person: same actor
    lukashenko = found["Alexander Lukashenko"]
    assert lukashenko["kind"] == "person" and lukashenko["country"] == "Belarus"
    assert lukashenko["roles"] == [
        {"title": "CAMEO ELI", "of": "Belarus", "start": date(1972, 1, 1), "end": date(2000, 1, 1)},
        {"title": "CAMEO GOV", "of": "Belarus", "start": date(1994, 7, 20)},
    ]
    putin = found["Vladimir Putin"]
    assert "President Vladimir Putin" in putin["aliases"]
    assert {r["title"] for r in putin["roles"]} == {"CAMEO ELI", "CAMEO GOV"}
    assert "RUSGOV 2008-05-08.." in putin["cameo"]
    assert result.warnings == []


def test_agents_name_the_office_unless_the_registry_curates_it(sample) -> None:
    without_registry = by_name(import_files([sample], AGENTS, None).entries)
    # "CHANCELLOR_MERKEL" and CHANCELLOR [~GOV] with one GOV span: Chancellor of Germany
    assert without_registry["Angela Merkel"]["roles"][-1] == {"title": "Chancellor", "of": "Germany", "start": date(2005, 11, 22)}
    # Putin's synonyms name two offices: no title is safe
    assert {r["title"] for r in without_registry["Vladimir Putin"]["roles"]} == {"CAMEO ELI", "CAMEO GOV"}
    # the shipped registry knows every Chancellor: a 2014 open-ended span must not compete with them
    with_registry = by_name(import_files([sample], AGENTS, default_registry()).entries)
    assert with_registry["Angela Merkel"]["roles"][-1]["title"] == "CAMEO GOV"


def test_imported_entries_load_into_the_registry_and_keep_its_answers(sample) -> None:
    result = import_files([sample], AGENTS, default_registry())
    text = dump_entries(result.entries, [str(sample)])
    registry = fresh_default()
    registry.add_entries(yaml.safe_load(text)["actors"], "imported")
    assert registry.by_name("Alyaksandr Lukashenka").id == "alexander-lukashenko"
    assert registry.by_name("Belorussia").id == "belarus"
    assert registry.leader("belarus", date(2023, 1, 1)).name == "Alexander Lukashenko"
    assert registry.leader("germany", date(2023, 1, 1)).name == "Olaf Scholz"
    assert registry.office_holder("CAMEO GOV", "belarus", date(2000, 1, 1)).name == "Alexander Lukashenko"


def test_without_a_registry_the_dictionary_names_stand(sample) -> None:
    result = import_files([sample], AGENTS, None)
    found = by_name(result.entries)
    assert "Alyaksandr Lukashenka" in found and "Alexander Lukashenko" not in found
    registry = Registry()
    registry.add_entries(result.entries, "imported")
    assert registry.by_name("Byelorussia").kind == "state"
    assert registry.by_name("Prime Minister Putin").name == "Vladimir Putin"


def test_the_tabari_syntax(tmp_path) -> None:
    path = tmp_path / "syntax.actors.txt"
    path.write_text(
        "# a comment line\n"
        "RURITANIA_  [RUR]  # a state on its name line\n"
        "+RURITANIAN_\n"
        "RUDOLF_RASSENDYLL_  # CountryInfo.txt\n"
        "+KING_RUDOLF_\n"
        "\t[RURELI 19210101-940719]\n"
        "\t[RURGOV >940720] [RURMIL <900101]\n"
        "\t[RURGOV 9408223-950101]\n"
        "\t[---]\n"
        "\t[RURELI]\n"
        "RURITANIAN_ARMY_\n"
        "\t[RURMIL]\n",
        encoding="utf-8",
    )
    entries, warnings = parse_actors(path)
    assert [e.phrase for e in entries] == ["RURITANIA", "RUDOLF RASSENDYLL", "RURITANIAN ARMY"]
    rudolf = entries[1]
    assert rudolf.person_marker and rudolf.synonyms == ["KING RUDOLF"]
    assert [(s.code, s.start, s.end) for s in rudolf.codes] == [
        ("RURELI", date(1921, 1, 1), date(1994, 7, 19)),
        ("RURGOV", date(1994, 7, 20), None),
        ("RURMIL", None, date(1990, 1, 1)),
        ("RURELI", None, None),
    ]
    assert warnings == [f"{path}:8: RUDOLF RASSENDYLL: [RURGOV 9408223-950101] skipped (date '9408223' is not YYMMDD or YYYYMMDD)"]
    found = by_name(convert(entries).entries)
    assert found["Ruritania"] == {"name": "Ruritania", "kind": "state", "iso3": "RUR", "aliases": ["Ruritanian"], "cameo": ["RUR"]}
    assert found["Rudolf Rassendyll"]["country"] == "Ruritania"
    assert found["Ruritanian Army"]["kind"] == "organization" and found["Ruritanian Army"]["country"] == "Ruritania"


def test_the_real_agents_file() -> None:
    agents = parse_agents(AGENTS)
    assert agents["president"] == {"GOV"}
    assert agents["prime minister"] == {"GOV"}
    assert "GOVMIL" in agents["minister of defence"]  # "!MINIST! OF_DEFENCE", the set expanded
    assert "MED" in agents["spokesman"]


def test_the_whole_country_dictionary_converts(tmp_path) -> None:
    entries, warnings = parse_actors(COUNTRIES)
    assert len(entries) > 10_000
    assert len(warnings) < 20  # a few typos in the source dates, each named
    result = convert(entries)
    counts = result.counts()
    assert counts["state"] > 190 and counts["person"] > 10_000
    Registry().add_entries(result.entries, "petrarch")  # loads without error


def test_title_case() -> None:
    assert title_case("BAN KI-MOON") == "Ban Ki-Moon"
    assert title_case("BASHAR AL-ASSAD") == "Bashar al-Assad"
    assert title_case("URSULA VON DER LEYEN") == "Ursula von der Leyen"
    assert title_case("U.S.") == "U.S."


def test_a_missing_file_is_an_input_error(tmp_path) -> None:
    with pytest.raises(InputError, match="cannot read"):
        parse_actors(tmp_path / "missing.txt")


def test_a_code_of_no_known_state_is_reported(tmp_path) -> None:
    path = tmp_path / "putin.actors.txt"
    path.write_text(real_blocks("VLADIMIR_PUTIN_"), encoding="utf-8")
    result = import_files([path], None, None)  # no registry, no RUSSIAN_FEDERATION_ entry: RUS is unknown
    assert result.entries == []
    assert result.warnings[-1] == f"{path}:1: VLADIMIR PUTIN: no known state or organisation, skipped"


def test_international_rulers_are_people_of_their_organisation(tmp_path) -> None:
    """IGOrulers entries: a role-only default code ([ELI]) is not a country."""
    lines = (PETRARCH / "Phoenix.International.actors.txt").read_text(encoding="utf-8", errors="replace").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("KOFI_ANNAN_"))
    un = next(line for line in lines if line.split("[")[0].strip() in ("UNITED_NATIONS_", "UNITED_NATIONS") and "[IGOUNO]" in line)
    path = tmp_path / "igo.actors.txt"
    path.write_text("\n".join([un, *lines[start : start + 10]]) + "\n", encoding="utf-8")
    found = by_name(import_files([path], None, default_registry()).entries)
    annan = found["Kofi Annan"]
    assert annan["kind"] == "person"
    assert annan["roles"] == [{"title": "CAMEO IGOUNO", "of": "United Nations", "start": date(1997, 1, 1), "end": date(2006, 12, 31)}]
    assert "Eli" not in found
