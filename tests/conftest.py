"""Shared fixtures: paths to the read-only ../shared data, and fresh stores."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seeds" / "000_626d997fe0474499.txt"
SEED_GOLD = SHARED / "seeds" / "000_626d997fe0474499.gold.yaml"


@pytest.fixture
def shared() -> Path:
    if not SHARED.exists():
        pytest.fail(f"{SHARED} is missing: polgraph's tests read ../shared beside the clone")
    return SHARED
pytest_plugins = ["tests.conftest_bolt"]  # FalkorDB and Neo4j fixtures (Neo4j store tests)
