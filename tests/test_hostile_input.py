"""Hostile input and faults (issue 14, items 3, 5, 6, 7): one bad record is that record's one-line
error and the rest load; bad registry YAML, bad option values, a closed stdout, a full disk are
one line and exit 1; nothing already stored is lost; tables print no terminal escapes."""

from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from polgraph.cli.app import _register, cli
from polgraph.graph.model import Article
from polgraph.loaders.dates import resolve_date
from polgraph.loaders import pipeline
from polgraph.loaders.pipeline import Loader
from polgraph.loaders.readers.html import read_html
from tests.conftest import SEED

_register()

GOOD_1 = {"id": "good-1", "date": "2024-02-01", "text": "Germany banned Mahan Air on Monday."}
GOOD_2 = {"id": "good-2", "date": "2024-02-02", "text": "France criticised Russia on Tuesday."}


@pytest.fixture
def store(tmp_path) -> Path:
    return tmp_path / "graph.json"


def polgraph(store: Path, *args: str, input: bytes | None = None):
    return CliRunner().invoke(cli, [args[0], "--store", str(store), *args[1:]], input=input, catch_exceptions=False)


def _titles(store: Path) -> list[str]:
    out = polgraph(store, "query", "MATCH (a:Article) RETURN a.title AS t ORDER BY t", "--json").output
    return [row["t"] for row in json.loads(out)]


def _lines(*records: object) -> bytes:
    return b"".join((r if isinstance(r, bytes) else json.dumps(r).encode()) + b"\n" for r in records)


# -- readers isolate each record ------------------------------------------------------------------
def test_each_bad_json_lines_record_is_its_own_error_and_the_rest_load(store, tmp_path):
    polgraph(store, "load", str(SEED))
    before = set(_titles(store))
    path = tmp_path / "hostile.jsonl"
    path.write_bytes(_lines(
        GOOD_1,
        b'{"id": "surrogate", "date": "2024-02-01", "text": "Russia condemned Ukraine. \\ud800"}',
        b'{"text": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
        {"id": "year-one", "date": "0001-01-01", "text": "Yesterday Russia condemned Ukraine."},
        {"id": "year-10000", "date": "9999-12-31", "text": "Tomorrow Russia will condemn Ukraine."},
        b'{"id": "nul", "text": "Russia condemned Ukraine."}\x00',
        b'{"id": "latin-1", "text": "Caf\xe9"}',
        GOOD_2,
    ))
    result = polgraph(store, "load", str(path))
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        f"Error: {path}:2: \"text\" is not Unicode text (a lone surrogate \\ud800 at character 27)",
        f"Error: {path}:3: invalid JSON (nested too deeply)",
        f"Error: {path}:4: bad \"date\" '0001-01-01' (out of range: publication dates run from 1600-01-01 to 9998-12-31)",
        f"Error: {path}:5: bad \"date\" '9999-12-31' (out of range: publication dates run from 1600-01-01 to 9998-12-31)",
        f"Error: {path}:6: binary data (a NUL byte), not text",
        f"Error: {path}:7: not UTF-8 text (byte 0xe9 at column 31)",
        f"Loaded 2 new article(s) into {store}: 3 new actor(s), 2 new relation(s); 0 already stored; 6 error(s).",
    ]
    assert set(_titles(store)) == before | {"good-1", "good-2"}  # nothing lost, the good ones stored


def test_a_nul_byte_early_in_json_lines_spoils_only_its_line(store, tmp_path):
    path = tmp_path / "nul.jsonl"
    path.write_bytes(_lines(GOOD_1, b'{"id": "x", "text": "a\x00b"}', GOOD_2))
    assert b"\x00" in path.read_bytes()[:8192]
    result = polgraph(store, "load", str(path))
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == f"Error: {path}:2: binary data (a NUL byte), not text"
    assert _titles(store) == ["good-1", "good-2"]


def test_a_binary_file_named_jsonl_is_one_error(store, tmp_path):
    path = tmp_path / "archive.jsonl"
    path.write_bytes(b"PK\x03\x04\x00\x00" + bytes(range(256)) * 10)
    result = polgraph(store, "load", str(path))
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == f"Error: {path}: binary file, not text"


def test_json_lines_on_stdin_is_read_as_json_lines(store):
    result = polgraph(store, "load", "-", input=_lines(GOOD_1, GOOD_2))
    assert result.exit_code == 0, result.output
    assert _titles(store) == ["good-1", "good-2"]
    sources = json.loads(polgraph(store, "query", "MATCH (a:Article) RETURN a.source AS s ORDER BY s", "--json").output)
    assert [row["s"] for row in sources] == ["<stdin>:1", "<stdin>:2"]


def test_a_bad_line_on_stdin_names_its_line(store):
    result = polgraph(store, "load", "-", input=_lines(GOOD_1, b"{not json", GOOD_2))
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == "Error: <stdin>:2: invalid JSON (Expecting property name enclosed in double quotes at column 2)"
    assert _titles(store) == ["good-1", "good-2"]


def test_html_on_stdin_is_read_as_html(store):
    page = b"<!DOCTYPE html><html><head><title>Ban</title></head><body><p>Germany banned Mahan Air.</p></body></html>"
    result = polgraph(store, "load", "-", input=page)
    assert result.exit_code == 0, result.output
    assert _titles(store) == ["Ban"]


def test_a_script_inside_the_title_stays_out_of_it():
    page = (b"<html><head><title>Talks <script>document.title='pwned'</script>resume</title></head>"
            b"<body><p>Russia and Ukraine resumed talks.</p><script>alert(1)</script></body></html>")
    article = read_html(page, "page.html")
    assert article.title == "Talks resume"
    assert article.text == "Russia and Ukraine resumed talks."


def test_an_unclosed_title_ends_at_the_body():
    article = read_html(b"<title>Talks<p>Russia and Ukraine resumed talks.</p>", "page.html")
    assert (article.title, article.text) == ("Talks", "Russia and Ukraine resumed talks.")


@pytest.mark.parametrize("text,published", [
    ("yesterday", date(1, 1, 1)),
    ("October 4", date(1, 3, 1)),  # the previous year is year 0
    ("tomorrow", date(9999, 12, 31)),
    ("last night", date(1, 1, 1)),
])
def test_a_date_no_calendar_holds_is_left_unresolved(text, published):
    assert resolve_date(text, published) is None


def test_an_article_that_fails_to_read_is_its_own_error(store, tmp_path):
    class Failing(Loader):  # a fault injected into the extraction of one article
        def graph_of(self, article, doc):
            if "Poison" in article.text:
                raise RecursionError("maximum recursion depth exceeded")
            return super().graph_of(article, doc)

    path = tmp_path / "three.jsonl"
    path.write_bytes(_lines(GOOD_1, {"id": "poison", "text": "Poison pills were found."}, GOOD_2))
    errors = []
    from polgraph.config import open_store

    with open_store(str(store), create=True) as opened:
        report = Failing().load(opened, [path], on_error=errors.append)
    assert [str(e) for e in errors] == [
        f"{path}:2: cannot read the article (RecursionError: maximum recursion depth exceeded)"]
    assert report.written.articles == 2
    assert _titles(store) == ["good-1", "good-2"]


def test_a_long_article_is_read_piece_by_piece_with_sentences_numbered_across(monkeypatch):
    monkeypatch.setattr(pipeline, "CHUNK_CHARS", 400)  # pieces of a few paragraphs: the same code, quicker
    paragraph = "Germany banned Mahan Air on Monday. France criticised Russia on Tuesday.\n"
    text = paragraph * 30
    assert len(pipeline._chunks(text)) == 6
    graph = Loader().read(Article.from_text(text, published=date(2024, 2, 1), title="long"))
    sentences = sorted(r.sentence for r in graph.relations)
    assert sentences == list(range(1, text.count("\n") * 2 + 1))  # every sentence, numbered in order
    assert len({r.id for r in graph.relations}) == len(graph.relations)
    assert {a.id for a in graph.actors} == {"germany", "mahan-air", "france", "russia"}
    assert {m.actor: m.count for m in graph.mentions}["germany"] == text.count("\n")


# -- registry YAML --------------------------------------------------------------------------------
def _laughs(levels: int = 9) -> str:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, levels + 1)]
    return "\n".join(lines) + f"\nactors:\n  - name: Laughing Man\n    aliases: *a{levels}\n"


@pytest.mark.parametrize("content,problem", [
    (_laughs(), "refused: its YAML aliases expand 36 values to 8,335,593,973 (a registry file may not grow more than 10-fold through aliases)"),
    ("actors: &x\n  - name: A\n    aliases: *x\n", "cannot read the registry (a YAML alias refers to itself, line 1)"),
    ("- name: Atlantis\n- name: Lemuria\n", 'a registry file is a mapping with an "actors" list, not a list'),
    ("just text\n", 'a registry file is a mapping with an "actors" list, not a text'),
    ("actors: {name: Atlantis}\n", '"actors" must be a list of actors, not a mapping'),
    ("actors:\n  - Atlantis\n", "entry 1: an actor must be a mapping with a name, not a text"),
    ("actors:\n  - kind: state\n", "entry 1: missing 'name'"),
    ("actors:\n  - name: Atlantis\n    aliases: Atlantica\n", 'entry 1: "aliases" must be a list, not a text'),
    ("actors:\n  - name: Atlantis\n    roles: [President]\n", "Atlantis: a role must be a mapping, not a text"),
    ("actors: [\n", "cannot read the registry (expected the node content, but found '<stream end>' at line 2, column 1)"),
])
def test_a_bad_registry_file_is_one_line(store, tmp_path, content, problem):
    path = tmp_path / "extra.yaml"
    path.write_text(content, encoding="utf-8")
    polgraph(store, "load", str(SEED))
    before = store.read_bytes()
    result = polgraph(store, "load", "--registry", str(path), str(SEED))
    assert (result.exit_code, result.output) == (1, f"Error: {path}: {problem}\n")
    assert store.read_bytes() == before
    shown = CliRunner().invoke(cli, ["registry", "show", "NATO", "--registry", str(path)], catch_exceptions=False)
    assert (shown.exit_code, shown.output) == (1, f"Error: {path}: {problem}\n")


def test_a_few_aliases_are_fine(store, tmp_path):
    path = tmp_path / "extra.yaml"
    path.write_text("base: &b [Atlantica, Atlantean Republic]\nactors:\n  - name: Atlantis\n    kind: state\n"
                    "    aliases: *b\n", encoding="utf-8")
    shown = CliRunner().invoke(cli, ["registry", "show", "Atlantica", "--registry", str(path), "--json"], catch_exceptions=False)
    assert shown.exit_code == 0, shown.output
    assert [a["name"] for a in json.loads(shown.output)["actors"]] == ["Atlantis"]


# -- options and faults of the command line ---------------------------------------------------
@pytest.mark.parametrize("value", ["nan", "inf", "-1", "0", "-inf"])
def test_max_article_mb_must_be_a_positive_number(store, value):
    result = polgraph(store, "load", "--max-article-mb", value, str(SEED))
    assert (result.exit_code, result.output) == (1, f"Error: --max-article-mb must be a number above zero, got {float(value)}\n")
    assert not store.exists()


def _polgraph_process(*args: str, **kwargs):
    return subprocess.run([sys.executable, "-c", "from polgraph.cli import main; main()", *args],
                          capture_output=True, timeout=120, **kwargs)


def test_a_closed_stdout_is_a_user_error(store):
    polgraph(store, "load", str(SEED))
    before = store.read_bytes()
    for args in (("relations",), ("export",), ("load", str(SEED))):
        done = subprocess.run([sys.executable, "-c", "from polgraph.cli import main; main()", *args, "--store", str(store)],
                              stderr=subprocess.PIPE, timeout=120, preexec_fn=lambda: os.close(1))
        assert (done.returncode, done.stderr.decode()) == (
            1, "Error: standard output is closed; redirect it (> /dev/null) instead of closing it\n")
    assert store.read_bytes() == before


def test_a_closed_stdin_is_a_user_error(store):
    done = subprocess.run([sys.executable, "-c", "from polgraph.cli import main; main()", "load", "-", "--store", str(store)],
                          capture_output=True, timeout=120, preexec_fn=lambda: os.close(0))
    assert (done.returncode, done.stderr.decode()) == (1, "Error: <stdin>: standard input is closed\n")


def test_a_full_disk_is_a_user_error(store):
    polgraph(store, "load", str(SEED))
    with open("/dev/full", "wb") as full:
        done = subprocess.run([sys.executable, "-c", "from polgraph.cli import main; main()", "export", "--store", str(store)],
                              stdout=full, stderr=subprocess.PIPE, timeout=120)
    assert (done.returncode, done.stderr.decode()) == (1, "Error: No space left on device\n")


def test_a_file_too_large_is_a_user_error(store, tmp_path):
    polgraph(store, "load", str(SEED))

    def small_files() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (1000, 1000))
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)

    with open(tmp_path / "out.json", "wb") as out:
        done = subprocess.run([sys.executable, "-c", "from polgraph.cli import main; main()", "export", "--store", str(store)],
                              stdout=out, stderr=subprocess.PIPE, timeout=120, preexec_fn=small_files)
    assert (done.returncode, done.stderr.decode()) == (1, "Error: File too large\n")


def test_tables_print_no_terminal_escapes(store):
    polgraph(store, "load", "-", input=_lines({**GOOD_1, "title": "\x1b]0;pwned\x07\x1b[2J\u202eevil\x9b31m"}))
    result = polgraph(store, "query", "MATCH (a:Article) RETURN a.title AS title")
    assert result.exit_code == 0
    assert result.output.splitlines()[2] == "\\x1b]0;pwned\\x07\\x1b[2J\\u202eevil\\x9b31m"
    result = polgraph(store, "query", "RETURN 'a\\u001b[31mred\\nline' AS x, 'ok' AS y")
    assert result.output.splitlines()[2] == "a\\x1b[31mred line  ok"
    assert not any(ord(c) < 32 and c != "\n" for c in result.output)
