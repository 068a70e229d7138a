"""JSON Lines: one article a line, ``{"id"?, "title"?, "date", "source"?, "url"?, "text"}``.

Each line is judged on its own: a line that is not UTF-8, holds a NUL byte, nests too deeply,
carries a lone surrogate (``"\\ud800"``) or a date out of range is that line's error, and every
other line still loads.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from polgraph.exceptions import InputError
from polgraph.graph.model import Article
from polgraph.loaders.dates import published_date

__all__ = ["read_jsonl", "read_jsonl_located"]


def read_jsonl(data: bytes, name: str) -> Iterator[Article | InputError]:
    """Each good line gives an article; each bad line an error naming ``file:line``; the rest still load."""
    for _, record in read_jsonl_located(data, name):
        yield record


def read_jsonl_located(data: bytes, name: str) -> Iterator[tuple[str, Article | InputError]]:
    """``(file:line, article or error)`` for every line that is not blank."""
    if not data.strip():
        yield name, InputError(name, "empty file")
        return
    if b"\x00" in data[:8192] and not data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        yield name, InputError(name, "binary file, not text")
        return
    for number, raw in enumerate(data.split(b"\n"), 1):
        if not raw.strip():
            continue
        where = f"{name}:{number}"
        try:
            yield where, _article(_decode(raw, number == 1, where), where)
        except InputError as exc:
            yield where, exc
        except Exception as exc:  # whatever one record does, the others are read
            yield where, InputError(where, f"cannot read the record ({type(exc).__name__}: {exc})")


def _decode(raw: bytes, first: bool, where: str) -> str:
    if b"\x00" in raw:
        raise InputError(where, "binary data (a NUL byte), not text")
    try:
        return raw.decode("utf-8-sig" if first else "utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(where, f"not UTF-8 text (byte 0x{raw[exc.start]:02x} at column {exc.start + 1})") from None


def _article(line: str, where: str) -> Article:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(where, f"invalid JSON ({exc.msg} at column {exc.colno})") from None
    except RecursionError:
        raise InputError(where, "invalid JSON (nested too deeply)") from None
    if not isinstance(record, dict):
        raise InputError(where, "a JSON Lines record must be an object")
    body = record.get("text")
    if not isinstance(body, str) or not body.strip():
        raise InputError(where, "record has no \"text\"")
    raw_date = record.get("date")
    published = None
    if raw_date not in (None, ""):
        try:
            published = published_date(str(raw_date))
        except ValueError as exc:
            raise InputError(where, f"bad \"date\" {raw_date!r} ({exc})") from None
    fields = {
        "text": body.strip(),
        "title": str(record.get("title") or record.get("id") or ""),
        "source": str(record.get("source") or where),
        "url": str(record.get("url") or ""),
    }
    for key, value in fields.items():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise InputError(where, f"\"{key}\" is not Unicode text (a lone surrogate "
                                    f"{value[exc.start].encode('unicode_escape').decode()} at character {exc.start + 1})") from None
    return Article.from_text(fields.pop("text"), published=published, **fields)
