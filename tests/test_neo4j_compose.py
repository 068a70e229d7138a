"""docker-compose.yml and .env.example say what the issue asks (parsed, not run: no Docker here)."""

from __future__ import annotations

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def test_compose_runs_a_pinned_neo4j_5_on_localhost_only() -> None:
    service = yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]["neo4j"]
    assert service["image"] == "neo4j:5.26-community"
    assert sorted(service["ports"]) == ["127.0.0.1:7474:7474", "127.0.0.1:7687:7687"]
    env = service["environment"]
    assert env["NEO4J_AUTH"].startswith("neo4j/${NEO4J_PASSWORD:?")  # from .env, required, never literal
    assert set(yaml.safe_load(env["NEO4J_PLUGINS"])) == {"apoc", "graph-data-science"}
    assert {v.split(":")[1] for v in service["volumes"]} >= {"/data", "/logs"}
    assert "cypher-shell" in " ".join(service["healthcheck"]["test"])


def test_env_example_has_no_real_password_and_env_is_ignored() -> None:
    example = dict(
        line.split("=", 1) for line in (ROOT / ".env.example").read_text().splitlines()
        if line and not line.startswith("#")
    )
    assert example["NEO4J_PASSWORD"] == "change-me-please"
    assert example["NEO4J_URI"] == "bolt://localhost:7687"
    assert ".env" in (ROOT / ".gitignore").read_text().splitlines()
