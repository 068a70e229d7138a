"""Packaging: the wheel and the editable install build without a warning, carry every module and
data file of the top-level folders, and ``python -m polgraph`` runs the command line."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = {"polgraph": "polgraph", "graph": "polgraph/graph", "loaders": "polgraph/loaders",
           "cypher": "polgraph/cypher", "seeds": "polgraph/seeds"}
DATA = (".py", ".cypher", ".grass", ".yaml", ".tsv")

# The PEP 517 hooks, called as pip calls them: warnings recorded, not filtered.
BUILD = """
import sys, warnings
import setuptools.build_meta as backend
with warnings.catch_warnings(record=True) as caught:
    wheel = backend.build_wheel(sys.argv[1])
    editable = backend.build_editable(sys.argv[1])
for w in caught:
    print(f"WARNING {w.category.__name__}: {str(w.message).strip().splitlines()[0]}")
print(wheel)
"""


def test_wheel_and_editable_build_without_warnings_and_with_every_file(tmp_path):
    source = tmp_path / "src"
    source.mkdir()
    for name in ("pyproject.toml", "setup.py", "LICENSE", "README.md"):
        shutil.copy(ROOT / name, source / name)
    for folder in FOLDERS:
        shutil.copytree(ROOT / folder, source / folder, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    done = subprocess.run([sys.executable, "-c", BUILD, str(tmp_path / "dist")], cwd=source, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert [line for line in done.stdout.splitlines() if line.startswith("WARNING")] == []
    wheel = zipfile.ZipFile(tmp_path / "dist" / done.stdout.splitlines()[-1])
    shipped = {name for name in wheel.namelist() if not name.startswith("polgraph-")}
    expected = {
        f"{prefix}/{path.relative_to(source / folder).as_posix()}"
        for folder, prefix in FOLDERS.items()
        for path in (source / folder).rglob("*")
        if path.suffix in DATA and not path.name.endswith(".gold.yaml")
    }
    assert expected <= shipped
    assert {"polgraph/cypher/queries/actor_timeline.cypher", "polgraph/graph/data/cameo_goldstein.tsv",
            "polgraph/seeds/actors/states.yaml", "polgraph/__main__.py"} <= shipped
    metadata = wheel.read(next(n for n in wheel.namelist() if n.endswith("/METADATA"))).decode()
    assert "License-Expression: MIT" in metadata


def test_python_dash_m_polgraph():
    done = subprocess.run([sys.executable, "-m", "polgraph", "--version"], capture_output=True, text=True, timeout=120)
    assert (done.returncode, done.stdout) == (0, "polgraph, version 0.1.0\n")
