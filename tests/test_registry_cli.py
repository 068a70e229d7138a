"""``polgraph registry import`` and ``polgraph registry show``, end to end, exact lines and exit codes."""

from __future__ import annotations

import json

import yaml
from click.testing import CliRunner

from polgraph.cli.app import _register, cli
from polgraph.loaders.registry import default_registry
from tests.test_registry_import import AGENTS, real_blocks

_register()


def run(*args: str):
    return CliRunner().invoke(cli, ["registry", *args], catch_exceptions=False)


def test_import_writes_a_registry_file_that_show_reads(tmp_path) -> None:
    source = tmp_path / "sample.actors.txt"
    source.write_text(real_blocks("BELARUS_", "ALYAKSANDR_LUKASHENKA_", "SYARHEY_SIDORSKI_"), encoding="utf-8")
    out = tmp_path / "imported.yaml"
    result = run("import", str(source), "--out", str(out), "--agents", str(AGENTS))
    assert result.exit_code == 0, result.output
    assert result.output == f"Wrote 3 actors to {out}: 1 states, 0 organisations, 2 people, 4 roles; 0 warnings.\n"
    entries = yaml.safe_load(out.read_text(encoding="utf-8"))["actors"]
    assert [e["name"] for e in entries] == ["Belarus", "Alexander Lukashenko", "Syarhey Sidorski"]
    before = len(default_registry())
    shown = run("show", "Syarhey Sidorski", "--registry", str(out), "--date", "2005-01-01", "--json")
    assert shown.exit_code == 0, shown.output
    found = json.loads(shown.output)
    assert found["via"] == "name"
    assert found["actors"][0]["country"] == "belarus"
    assert [r["title"] for r in found["actors"][0]["roles"] if r["active"]] == ["CAMEO GOV"]
    assert len(default_registry()) == before  # --registry did not change the shared default


def test_show_a_role_phrase_at_a_date() -> None:
    result = run("show", "US secretary of state", "--date", "2019-01-23", "--json")
    assert result.exit_code == 0, result.output
    found = json.loads(result.output)
    assert found["via"] == "role phrase: Foreign Minister of United States"
    assert [a["name"] for a in found["actors"]] == ["Mike Pompeo", "United States"]


def test_show_a_capital_as_a_table() -> None:
    result = run("show", "the Kremlin", "--date", "2021-06-01")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "'the Kremlin' -> capital"
    assert "Russia (state, id russia)" in lines
    assert "  leader: Vladimir Putin" in lines
    assert any(line.split() == ["Prime", "Minister", "Mikhail", "Mishustin"] for line in lines)


def test_show_a_surname() -> None:
    found = json.loads(run("show", "Stoltenberg", "--json").output)
    assert found["via"] == "surname (1 person)"
    assert found["actors"][0]["name"] == "Jens Stoltenberg"


def test_user_errors_are_one_line_and_exit_1(tmp_path) -> None:
    result = CliRunner().invoke(cli, ["registry", "show", "Atlantis"])
    assert (result.exit_code, result.stderr) == (1, "Error: no actor or role phrase matches 'Atlantis'\n")
    result = CliRunner().invoke(cli, ["registry", "show", "NATO", "--date", "2020-13-01"])
    assert (result.exit_code, result.stderr) == (1, "Error: --date '2020-13-01' is not a date (YYYY-MM-DD)\n")
    missing = tmp_path / "missing.txt"
    result = CliRunner().invoke(cli, ["registry", "import", str(missing), "--out", str(tmp_path / "o.yaml")])
    assert (result.exit_code, result.stderr) == (1, f"Error: {missing}: cannot read (No such file or directory)\n")
