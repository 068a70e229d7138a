"""JSON Lines: one article a line, ``{"id"?, "title"?, "date", "source"?, "url"?, "text"}``."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date

from polgraph.exceptions import InputError
from polgraph.graph.model import Article
from polgraph.loaders.readers.text import decode_text

__all__ = ["read_jsonl"]


def read_jsonl(data: bytes, name: str) -> Iterator[Article | InputError]:
    """Each good line gives an article; each bad line an error naming ``file:line``; the rest still load."""
    text = decode_text(data, name)
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            yield _article(json.loads(line), where)
        except json.JSONDecodeError as exc:
            yield InputError(where, f"invalid JSON ({exc.msg} at column {exc.colno})")
        except InputError as exc:
            yield exc


def _article(record: object, where: str) -> Article:
    if not isinstance(record, dict):
        raise InputError(where, "a JSON Lines record must be an object")
    body = record.get("text")
    if not isinstance(body, str) or not body.strip():
        raise InputError(where, "record has no \"text\"")
    raw_date = record.get("date")
    published = None
    if raw_date not in (None, ""):
        try:
            published = date.fromisoformat(str(raw_date)[:10])
        except ValueError:
            raise InputError(where, f"bad \"date\" {raw_date!r} (expected YYYY-MM-DD)") from None
    return Article.from_text(
        body.strip(),
        published=published,
        title=str(record.get("title") or record.get("id") or ""),
        source=str(record.get("source") or where),
        url=str(record.get("url") or ""),
    )
