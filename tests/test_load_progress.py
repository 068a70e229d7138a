"""Loading shows progress per article (count, rate, ETA) on a terminal, and nothing in a pipe."""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess
import sys
import time

from polgraph.graph.stores.sqlite_store import SQLiteStore
from polgraph.loaders.pipeline import Loader

ARTICLES = [
    {"date": "2024-02-01", "text": "Germany banned Mahan Air on Monday."},
    {"date": "2024-02-02", "text": "France criticised Russia on Tuesday."},
    "not json at all",
    {"date": "2024-02-03", "text": "Poland met Ukraine on Wednesday."},
]


def jsonl(tmp_path):
    path = tmp_path / "articles.jsonl"
    path.write_text("\n".join(a if isinstance(a, str) else json.dumps(a) for a in ARTICLES) + "\n\n", encoding="utf-8")
    return path


def polgraph(*args: str) -> list[str]:
    return [sys.executable, "-m", "polgraph", *args]


def test_loader_calls_back_once_per_record(tmp_path):
    calls = []
    with SQLiteStore(tmp_path / "g.db", create=True) as store:
        report = Loader().load(store, [jsonl(tmp_path)], batch_size=2, on_article=lambda: calls.append(len(calls)))
    assert len(calls) == 4 and report.articles == 3 and len(report.errors) == 1


def test_progress_on_a_terminal_and_not_in_a_pipe(tmp_path):
    path = jsonl(tmp_path)
    leader, follower = pty.openpty()
    process = subprocess.Popen(polgraph("load", "--store", str(tmp_path / "tty.json"), str(path)),
                               stdout=subprocess.PIPE, stderr=follower)
    os.close(follower)
    screen = b""
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        ready, _, _ = select.select([leader], [], [], 0.5)
        if ready:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the child closed its end
                break
            if not chunk:
                break
            screen += chunk
        elif process.poll() is not None:
            break
    process.wait(timeout=60)
    os.close(leader)
    text = screen.decode("utf-8", "replace")
    assert "Loading" in text and "4/4" in text
    assert " articles/s, ETA " in text

    piped = subprocess.run(polgraph("load", "--store", str(tmp_path / "pipe.json"), str(path)),
                           capture_output=True, text=True, timeout=300)
    assert piped.stderr == f"Error: {path}:3: invalid JSON (Expecting value at column 1)\n"
    assert piped.stdout.startswith("Loaded 3 new article(s)")
