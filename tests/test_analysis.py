"""docs/analysis.md is what its commands print: the script that makes it runs on the corpus and
must write the committed page byte for byte (regenerate it with `make analysis`)."""

from __future__ import annotations

import difflib
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "analysis.md"


def test_the_worked_example_is_what_the_commands_print(shared, tmp_path):
    made = tmp_path / "analysis.md"
    done = subprocess.run([sys.executable, "-m", "tools.analysis", str(made)], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    if made.read_bytes() != PAGE.read_bytes():
        diff = difflib.unified_diff(PAGE.read_text(encoding="utf-8").splitlines(),
                                    made.read_text(encoding="utf-8").splitlines(),
                                    "docs/analysis.md (committed)", "made now", lineterm="", n=1)
        raise AssertionError("docs/analysis.md has drifted from the code; run `make analysis`:\n" + "\n".join(diff))


def test_a_missing_corpus_is_one_line(tmp_path):
    done = subprocess.run([sys.executable, "-m", "tools.analysis", str(tmp_path / "page.md"), "--corpus",
                           str(tmp_path / "none.jsonl")], cwd=ROOT, capture_output=True, text=True)
    assert (done.returncode, done.stderr) == (1, f"Error: {tmp_path / 'none.jsonl'}: no such corpus file\n")
    assert not (tmp_path / "page.md").exists()
