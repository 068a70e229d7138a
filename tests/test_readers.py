"""Readers on good and bad input: every problem is one clear InputError naming the file."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from polgraph.exceptions import InputError
from polgraph.loaders.readers import read_path
from tests.conftest import SEED


def records(path: Path) -> list:
    return list(read_path(path))


def test_seed_format_date_and_body_on_one_line():
    [article] = records(SEED)
    assert article.published == date(2023, 3, 31)
    assert article.text.startswith("President of Belarus Alexander Lukashenko proposed")
    assert "date 2023" not in article.text


def test_plain_text_without_date_line_is_undated(tmp_path):
    path = tmp_path / "note.txt"
    path.write_text("Ruritania sanctioned Freedonia on Monday.\n", encoding="utf-8")
    [article] = records(path)
    assert article.published is None
    assert article.title == "note"


def test_same_text_same_id(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("date 2024-01-01\nSame text.", encoding="utf-8")
    b.write_text("date 2024-01-01\nSame text.", encoding="utf-8")
    assert records(a)[0].id == records(b)[0].id


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "empty file"),
        (b"  \n\n", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file, not text"),
        ("date 2024-01-01 Caf\u00e9 talks".encode("latin-1"), "not UTF-8 text (byte 0xe9 at offset 19); convert it to UTF-8"),
        (b"date 2024-13-45 Text.", "bad date '2024-13-45' in the date line"),
        (b"date 2024-01-01\n", "no article text after the date line"),
    ],
)
def test_bad_text_files(tmp_path, content, problem):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    [error] = records(path)
    assert isinstance(error, InputError)
    assert str(error) == f"{path}: {problem}"


def test_jsonl_broken_line_is_reported_and_the_others_read(tmp_path):
    path = tmp_path / "articles.jsonl"
    good = {"id": "a1", "title": "T", "date": "2020-01-18", "source": "wire", "url": "http://x", "text": "Body one."}
    path.write_text(
        json.dumps(good) + "\n" + '{"date": "2020-01-19", "text": "unterminated\n'
        + json.dumps({"date": "2020-01-20", "text": "Body three."}) + "\n"
        + json.dumps({"date": "20/01/2020", "text": "Body four."}) + "\n"
        + json.dumps({"date": "2020-01-20"}) + "\n",
        encoding="utf-8",
    )
    got = records(path)
    assert [type(r).__name__ for r in got] == ["Article", "InputError", "Article", "InputError", "InputError"]
    assert got[0].title == "T" and got[0].url == "http://x" and got[0].published == date(2020, 1, 18)
    assert str(got[1]).startswith(f"{path}:2: invalid JSON (")
    assert str(got[3]) == f"{path}:4: bad \"date\" '20/01/2020' (expected YYYY-MM-DD)"
    assert str(got[4]) == f"{path}:5: record has no \"text\""


def test_html_title_date_and_paragraphs(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>Talks</title><meta property='article:published_time' content='2021-06-01T10:00'>"
        "<script>var x = 1;</script></head><body><nav>Home</nav><p>Ruritania met Freedonia.</p>"
        "<p>They agreed &amp; signed.</p></body></html>",
        encoding="utf-8",
    )
    [article] = records(path)
    assert article.title == "Talks"
    assert article.published == date(2021, 6, 1)
    assert article.text == "Ruritania met Freedonia.\n\nThey agreed & signed."


def test_missing_file(tmp_path):
    [error] = records(tmp_path / "nope.txt")
    assert isinstance(error, InputError) and "nope.txt" in str(error)
