"""Readers turn files into :class:`~polgraph.graph.model.Article` objects, nothing more.

``read_path`` picks the reader by extension: ``.jsonl``/``.ndjson`` (JSON Lines), ``.html``/``.htm``,
anything else is text (the seed format, a first line ``date YYYY-MM-DD``, or plain text).
Every problem is an :class:`~polgraph.exceptions.InputError` naming the file (and line).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from polgraph.exceptions import InputError
from polgraph.graph.model import Article
from polgraph.loaders.readers.html import read_html
from polgraph.loaders.readers.jsonl import read_jsonl
from polgraph.loaders.readers.text import decode_text, read_text

__all__ = ["ARTICLE_SUFFIXES", "Record", "decode_text", "iter_files", "read_bytes", "read_path"]

ARTICLE_SUFFIXES = (".txt", ".text", ".jsonl", ".ndjson", ".html", ".htm")

# A record is an article or the error that kept one record of a file from being read.
Record = Article | InputError


def read_bytes(data: bytes, name: str, suffix: str = ".txt") -> Iterator[Record]:
    """Articles (and per-record errors) from raw bytes; ``name`` is used in messages."""
    suffix = suffix.lower()
    try:
        if suffix in (".jsonl", ".ndjson"):
            yield from read_jsonl(data, name)
        elif suffix in (".html", ".htm"):
            yield read_html(data, name)
        else:
            yield read_text(data, name)
    except InputError as exc:
        yield exc


def read_path(path: Path) -> Iterator[Record]:
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        yield InputError(str(path), exc.strerror or str(exc))
        return
    yield from read_bytes(data, str(path), Path(path).suffix)


def iter_files(paths: list[Path]) -> Iterator[Path]:
    """Files named, and article files inside folders named (recursively, sorted)."""
    for path in paths:
        if path.is_dir():
            yield from sorted(
                p for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES and not p.name.endswith(".gold.yaml")
            )
        else:
            yield path
