"""Readers turn files into :class:`~polgraph.graph.model.Article` objects, nothing more.

``read_path`` picks the reader by extension: ``.jsonl``/``.ndjson`` (JSON Lines), ``.html``/``.htm``,
anything else is text (the seed format, a first line ``date YYYY-MM-DD``, or plain text). Input
without a name (standard input) is recognised by its first line: JSON Lines starts with ``{``,
HTML with a doctype or ``<html``. Every problem is an :class:`~polgraph.exceptions.InputError`
naming the file (and line); a problem of one record never stops the others.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from polgraph.exceptions import InputError
from polgraph.graph.model import Article
from polgraph.loaders.readers.html import read_html
from polgraph.loaders.readers.jsonl import read_jsonl_located
from polgraph.loaders.readers.text import decode_text, read_text

__all__ = [
    "ARTICLE_SUFFIXES", "Record", "decode_text", "iter_files", "read_bytes", "read_bytes_located", "read_path",
    "read_path_located", "sniff_suffix",
]

ARTICLE_SUFFIXES = (".txt", ".text", ".jsonl", ".ndjson", ".html", ".htm")

# A record is an article or the error that kept one record of a file from being read.
Record = Article | InputError

_HTML_START = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*<(?:!doctype\s+html|html)\b", re.IGNORECASE)


def sniff_suffix(data: bytes) -> str:
    """The suffix input without a name would have: ``.jsonl``, ``.html`` or ``.txt``."""
    if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        return ".jsonl"
    if _HTML_START.match(data[:1024]):
        return ".html"
    return ".txt"


def read_bytes(data: bytes, name: str, suffix: str = ".txt") -> Iterator[Record]:
    """Articles (and per-record errors) from raw bytes; ``name`` is used in messages."""
    for _, record in read_bytes_located(data, name, suffix):
        yield record


def read_bytes_located(data: bytes, name: str, suffix: str = ".txt") -> Iterator[tuple[str, Record]]:
    """``(where, record)``: where is ``name``, or ``name:line`` for a line of JSON Lines."""
    suffix = suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        yield from read_jsonl_located(data, name)
        return
    try:
        yield name, (read_html(data, name) if suffix in (".html", ".htm") else read_text(data, name))
    except InputError as exc:
        yield name, exc
    except Exception as exc:  # whatever one file does, the others are read
        yield name, InputError(name, f"cannot read the file ({type(exc).__name__}: {exc})")


def read_path(path: Path) -> Iterator[Record]:
    for _, record in read_path_located(path):
        yield record


def read_path_located(path: Path) -> Iterator[tuple[str, Record]]:
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        yield str(path), InputError(str(path), exc.strerror or str(exc))
        return
    yield from read_bytes_located(data, str(path), Path(path).suffix)


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
