"""Neo4j's own check of every Cypher statement polgraph sends.

Every statement file (cypher/schema.cypher, cypher/store/*.cypher, cypher/queries/*.cypher) and
every template rendered with every whitelisted name goes through tools/cypher-lint, a small node
script over Neo4j's Cypher front end (npm ``@neo4j-cypher/language-support``, offline): a syntax or
semantic error, an unknown function or procedure fails the test. ``make setup`` installs it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from polgraph.graph.stores.neo4j_cypher import all_sent_statements, falkordb_statements

ROOT = Path(__file__).resolve().parent.parent
LINT = ROOT / "tools" / "cypher-lint"
CYPHER = ROOT / "cypher"


def _lint(files: list[Path], *flags: str) -> dict:
    """One JSON report over ``files``, linted by as many node processes as there are CPUs (the
    front end takes about 0.1 s a statement here)."""
    node = shutil.which("node")
    if node is None:
        pytest.fail("Node.js is not installed: tools/cypher-lint needs it (then run `make setup`)")
    if not (LINT / "node_modules" / "@neo4j-cypher" / "language-support").is_dir():
        pytest.fail("tools/cypher-lint/node_modules is missing: run `make setup` "
                    "(it runs `npm ci --prefix tools/cypher-lint`)")
    jobs = max(1, min(os.cpu_count() or 1, 4, len(files)))
    running = [
        subprocess.Popen([node, str(LINT / "lint.mjs"), *flags, *map(str, files[i::jobs])],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for i in range(jobs)
    ]
    merged: dict = {"files": []}
    for process in running:
        out, err = process.communicate(timeout=300)
        if process.returncode not in (0, 1) or not out.strip():
            pytest.fail(f"cypher-lint failed to run (status {process.returncode}): {err.strip()}")
        merged["files"] += json.loads(out)["files"]
    return merged


def _errors(report: dict) -> list[str]:
    return [f"{f['file']}:{e['line']}:{e['column']}: {e['message']}" for f in report["files"] for e in f["errors"]]


def _write(tmp_path: Path, statements: list[tuple[str, str]]) -> list[Path]:
    files = []
    for index, (name, text) in enumerate(statements):
        path = tmp_path / f"{index:03d}_{name.replace('/', '_').replace(':', '_').replace('.', '_')}.cypher"
        path.write_text(text + "\n", encoding="utf-8")
        files.append(path)
    return files


def _one_rendering_per_template() -> list[tuple[str, str]]:
    """Of the statements the store sends, one per template: renderings of a template differ only
    in a whitelisted name, and every whitelisted name is a plain identifier (checked below), so
    one checked rendering vouches for all of them (and keeps this test to seconds)."""
    seen: set[str] = set()
    sample = []
    for name, text in all_sent_statements():
        template = name.split(":")[0]
        if ":" in name and template not in seen and not template.startswith("schema"):
            seen.add(template)
            sample.append((name, text))
    return sample


def test_every_statement_polgraph_sends_passes_neo4js_parser(tmp_path: Path) -> None:
    files = [CYPHER / "schema.cypher", *sorted((CYPHER / "store").glob("*.cypher")),
             *sorted((CYPHER / "queries").glob("*.cypher"))]
    rendered = _one_rendering_per_template()
    assert {n.split(":")[0] for n, _ in rendered} == {
        "merge_relations_to_actor", "merge_relations_to_topic", "import_nodes", "import_relationships",
        "node_props", "upsert_nodes", "edge_props", "delete_relationships",
    }
    report = _lint(files + _write(tmp_path, rendered))
    assert _errors(report) == []
    counted = {Path(f["file"]).name: f["statements"] for f in report["files"]}
    assert counted["schema.cypher"] >= 29  # 3 constraints, 4 indexes, full-text, 21 relation indexes
    assert all(n == 1 for name, n in counted.items() if name != "schema.cypher"), counted


def test_substituted_names_are_plain_identifiers() -> None:
    from polgraph.graph.stores.neo4j_cypher import _WHITELISTS

    for kind, names in _WHITELISTS.items():
        for name in names:
            assert re.fullmatch(r"[A-Za-z][A-Za-z_]*", name), (kind, name)
    # and every statement the store can send is one of the files above or a rendering of one
    assert all(re.fullmatch(r"[a-z_/]+(:[A-Za-z_.]+)?", name) for name, _ in all_sent_statements())


def test_the_browser_queries_in_the_docs_pass_neo4js_parser(tmp_path: Path) -> None:
    blocks = re.findall(r"```cypher\n(.*?)```", (ROOT / "docs" / "browser.md").read_text(encoding="utf-8"), re.S)
    assert len(blocks) == 10
    assert _errors(_lint(_write(tmp_path, [(f"browser_{i}", b) for i, b in enumerate(blocks)]))) == []


def test_falkordb_only_statements_pass_with_its_procedure_declared(tmp_path: Path) -> None:
    statements = falkordb_statements()
    sample = [s for s in statements if s[0].split(":")[0] == "falkordb/indexes"]
    sample += [next(s for s in statements if s[0].startswith(t)) for t in ("falkordb/node_index:", "falkordb/relationship_index:")]
    assert _errors(_lint(_write(tmp_path, sample), "--falkordb")) == []


def test_the_check_catches_errors(tmp_path: Path) -> None:
    """The linter is not a no-op: a typo, an unbound variable and an unknown procedure fail."""
    bad = [
        ("syntax", "MATCH (a:Actor RETURN a"),
        ("unbound", "MATCH (a:Actor) RETURN b"),
        ("procedure", "CALL gds.pagerank.streem('g') YIELD nodeId RETURN nodeId"),
        ("type", "MATCH (a:Actor) WHERE a.name STARTS WITH 'A' RETURN a.name + [1] - 'x' AS v"),
    ]
    errors = _errors(_lint(_write(tmp_path, bad)))
    for index in range(3):
        assert any(f"/{index:03d}_" in e for e in errors), (index, errors)
