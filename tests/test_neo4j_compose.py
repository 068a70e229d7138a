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


def test_browser_style_covers_kinds_sizes_and_every_relation_type() -> None:
    import re

    from polgraph.graph.model import ACTOR_KINDS
    from polgraph.graph.ontology import EVENT_TYPES, STRUCTURAL_TYPES

    text = re.sub(r"/\*.*?\*/", "", (ROOT / "cypher" / "browser.grass").read_text(), flags=re.S)
    rules = dict(re.findall(r"([\w.]+)\s*\{([^}]*)\}", text))
    assert 'caption: "<type>"' in rules["relationship"]
    for kind in ACTOR_KINDS:
        assert "color:" in rules[f"node.{kind.capitalize()}"], kind
    for size in range(1, 5):
        assert "diameter:" in rules[f"node.Size{size}"]
    for rel_type in [t.name for t in EVENT_TYPES] + list(STRUCTURAL_TYPES):
        assert f"relationship.{rel_type}" in rules, rel_type
