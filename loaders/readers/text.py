"""Plain text and the seed format (first line ``date YYYY-MM-DD``, then the article body)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from polgraph.exceptions import InputError
from polgraph.graph.model import Article
from polgraph.loaders.dates import published_date

__all__ = ["DATE_LINE", "decode_text", "read_text", "split_date_line"]

# The date header; in the seed files the body may follow on the same line.
DATE_LINE = re.compile(r"\A\s*date[ \t]+(\d{4}-\d{2}-\d{2})\b[ \t]*\r?\n?")


def decode_text(data: bytes, name: str) -> str:
    """UTF-8 text, or a clear error for empty, binary or otherwise-encoded input."""
    if not data.strip():
        raise InputError(name, "empty file")
    if b"\x00" in data[:8192]:
        raise InputError(name, "binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            name, f"not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); convert it to UTF-8"
        ) from None
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls > 0.05 * min(len(text), 8192):
        raise InputError(name, "binary file, not text")
    return text


def split_date_line(text: str, name: str) -> tuple[date | None, str]:
    match = DATE_LINE.match(text)
    if not match:
        return None, text.strip()
    try:
        published = published_date(match.group(1))
    except ValueError as exc:
        reason = "" if str(exc).startswith("expected") else f" ({exc})"
        raise InputError(name, f"bad date {match.group(1)!r} in the date line{reason}") from None
    return published, text[match.end():].strip()


def read_text(data: bytes, name: str) -> Article:
    """An article from a text file; without a date line it is undated (relative dates stay unresolved)."""
    published, body = split_date_line(decode_text(data, name), name)
    if not body:
        raise InputError(name, "no article text after the date line")
    return Article.from_text(body, published=published, title=Path(name).stem, source=name)
