"""The differential suite's queries are Neo4j 5 Cypher: Neo4j's own front end (tools/cypher-lint,
installed by `make setup`) accepts every one of them, bar the one case written on purpose in a
form Neo4j 5 no longer accepts (``exists(n.prop)``, which issue 3 asks the engine to read)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from test_cypher_ladybug import CASES

ROOT = Path(__file__).resolve().parent.parent
LINT = ROOT / "tools" / "cypher-lint"
NEO4J_4_ONLY = {"MATCH (a:Actor {id: 'vladimir-putin'}) RETURN exists(a.country) AS e, exists(a.nothing) AS f"}


@pytest.mark.slow
def test_every_differential_query_is_neo4j_5_cypher(tmp_path: Path) -> None:
    node = shutil.which("node")
    if node is None or not (LINT / "node_modules" / "@neo4j-cypher" / "language-support").is_dir():
        pytest.fail("tools/cypher-lint is not installed: run `make setup` (needs Node.js)")
    files = []
    for i, case in enumerate(CASES):
        path = tmp_path / f"q{i:03d}.cypher"
        path.write_text(case.query + "\n", encoding="utf-8")
        files.append(path)
    jobs = max(1, min(os.cpu_count() or 1, 4))
    procs = [subprocess.Popen([node, str(LINT / "lint.mjs"), *map(str, files[i::jobs])],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for i in range(jobs)]
    errors = {}
    for proc in procs:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode in (0, 1) and out.strip(), err
        for f in json.loads(out)["files"]:
            if f["errors"]:
                errors[Path(f["file"]).read_text(encoding="utf-8").strip()] = [e["message"] for e in f["errors"]]
    assert set(errors) == NEO4J_4_ONLY, errors
