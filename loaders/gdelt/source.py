"""Where GDELT rows come from: files, zip archives, folders and stdin, each opened as a text
stream (never read whole), and which file names are GDELT's."""

from __future__ import annotations

import io
import shutil
import tempfile
import zipfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO, TextIO

from polgraph.exceptions import InputError

__all__ = ["FOLDER_SUFFIXES", "STDIN", "gdelt_files", "is_gdelt_name", "open_streams", "under_gdelt_folder"]

STDIN = "-"
_ZIP_MAGIC = b"PK\x03\x04"
FOLDER_SUFFIXES = (".csv", ".zip")  # what a folder walk reads (GDELT serves *.export.CSV.zip)


def is_gdelt_name(path: Path) -> bool:
    """Whether a file is taken for GDELT without ``--format gdelt``: ``*.export.CSV`` and
    ``*.export.CSV.zip`` anywhere, ``*.CSV`` and ``*.CSV.zip`` inside a folder named ``gdelt``."""
    name = path.name.lower()
    if name.endswith((".export.csv", ".export.csv.zip")):
        return True
    return name.endswith((".csv", ".csv.zip")) and under_gdelt_folder(path.parent)


def under_gdelt_folder(path: Path) -> bool:
    """Whether ``path`` is, or is inside, a folder named ``gdelt``."""
    return any(part.lower() == "gdelt" for part in path.absolute().parts)


def gdelt_files(path: Path) -> Iterator[Path]:
    """``path`` itself when it is a file (read as GDELT whatever its name), else the ``.csv`` and
    ``.zip`` files under the folder, recursively, sorted."""
    if path.is_dir():
        yield from sorted(p for p in path.rglob("*") if p.is_file() and p.name.lower().endswith(FOLDER_SUFFIXES))
    else:
        yield path


def open_streams(paths: Sequence[str | Path],
                 stdin: BinaryIO | None = None) -> Iterator[tuple[str, TextIO] | InputError]:
    """``(name, text stream)`` for every file, every member of a zip archive and stdin (``-``), in
    order, or an :class:`InputError` for what cannot be opened. Each stream stays open until the
    next item is asked for: read it first."""
    for raw in paths:
        if str(raw) == STDIN:
            yield from _stdin_streams(stdin)
            continue
        path = Path(raw)
        if not path.exists():
            yield InputError(str(path), "no such file or folder")
            continue
        for file in gdelt_files(path):
            yield from _file_streams(file)


def _file_streams(path: Path) -> Iterator[tuple[str, TextIO] | InputError]:
    try:
        with path.open("rb") as raw:
            if raw.read(len(_ZIP_MAGIC)) != _ZIP_MAGIC:
                raw.seek(0)
                yield str(path), _text(raw)
                return
        try:
            archive = zipfile.ZipFile(path)
        except zipfile.BadZipFile as exc:
            yield InputError(str(path), f"not a zip archive ({exc})")
            return
        with archive:
            members = sorted(i.filename for i in archive.infolist() if not i.is_dir())
            if not members:
                yield InputError(str(path), "empty zip archive")
            for member in members:
                name = str(path) if len(members) == 1 else f"{path}:{member}"
                with archive.open(member) as raw:
                    yield name, _text(raw)
    except (OSError, zipfile.BadZipFile, RuntimeError) as exc:  # RuntimeError: an encrypted member
        yield InputError(str(path), getattr(exc, "strerror", None) or str(exc))


def _stdin_streams(stdin: BinaryIO | None) -> Iterator[tuple[str, TextIO] | InputError]:
    if stdin is None:
        return
    head = stdin.read(len(_ZIP_MAGIC))
    if head != _ZIP_MAGIC:
        yield "<stdin>", _text(io.BufferedReader(_Prefixed(head, stdin)))
        return
    # A zip archive keeps its index at the end: spool it to disk (not memory), then read it.
    with tempfile.TemporaryFile() as spool:
        spool.write(head)
        shutil.copyfileobj(stdin, spool)
        spool.seek(0)
        try:
            with zipfile.ZipFile(spool) as archive:
                for member in sorted(i.filename for i in archive.infolist() if not i.is_dir()):
                    with archive.open(member) as raw:
                        yield f"<stdin>:{member}", _text(raw)
        except zipfile.BadZipFile as exc:
            yield InputError("<stdin>", str(exc))


def _text(raw: BinaryIO) -> TextIO:
    # GDELT is UTF-8; a stray bad byte in a name or URL is replaced rather than losing the file.
    return io.TextIOWrapper(raw, encoding="utf-8", errors="replace", newline="")


class _Prefixed(io.RawIOBase):
    """A binary stream that gives ``head`` back before the rest of ``rest``."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)
