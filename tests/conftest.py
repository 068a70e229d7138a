"""Shared fixtures: paths to the read-only ../shared data, and fresh stores."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest_plugins = ["tests.conftest_bolt"]  # FalkorDB and Neo4j fixtures (Neo4j store tests)

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seeds" / "000_626d997fe0474499.txt"
SEED_GOLD = SHARED / "seeds" / "000_626d997fe0474499.gold.yaml"


@pytest.fixture
def shared() -> Path:
    if not SHARED.exists():
        pytest.fail(f"{SHARED} is missing: polgraph's tests read ../shared beside the clone")
    return SHARED


@pytest.fixture(scope="session")
def loader():
    """One reader for every test of built sentences: a ``Loader`` keeps no state between articles."""
    from polgraph.loaders.pipeline import Loader

    return Loader()


@pytest.fixture(scope="module")
def loaded_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store filled by ``polgraph load``: the seed article and a complete GDELT 2.0 file."""
    from click.testing import CliRunner

    from polgraph.cli.app import cli

    path = tmp_path_factory.mktemp("loaded") / "graph.db"
    for source in (SEED, SHARED / "data" / "gdelt" / "v2" / "20191024143000.export.CSV"):
        result = CliRunner().invoke(cli, ["load", "--store", str(path), str(source)])
        assert result.exit_code == 0, result.output
    return path


@pytest.fixture(autouse=True)
def _embedded_default_store(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Only tests marked ``neo4j`` see NEO4J_URI: with it exported, the rest still run on the
    embedded store (the default), so `pytest -m neo4j` and a plain `pytest` both mean what they say."""
    if request.node.get_closest_marker("neo4j") is None:
        monkeypatch.delenv("NEO4J_URI", raising=False)
        monkeypatch.delenv("POLGRAPH_STORE", raising=False)
