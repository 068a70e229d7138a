"""The one rule for every file polgraph writes on a user's request (exports, pages, plots).

``write_output(path, write)`` writes

- only to a regular file or a new path: a directory, FIFO, device or socket at ``path`` is
  refused, so ``-o /dev/null`` never replaces the system's ``/dev/null``;
- never over a file it was asked to protect (the store being read), whatever the path says:
  compared after resolving symlinks, hard links included;
- through a symlink, to the file it points to: the link stays a link;
- atomically: a temp file in the target's own folder, flushed and fsynced, then renamed over the
  target, so a reader sees the old file or the new one, never half of one. An existing file keeps
  its mode (and its owner where the process may set it); a new one gets the usual ``0666 & ~umask``.
"""

from __future__ import annotations

import os
import stat
import uuid
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import BinaryIO

from polgraph.exceptions import OutputError

__all__ = ["check_output_path", "write_output"]

_KINDS = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def check_output_path(path: str | os.PathLike[str], protect: Iterable[str | os.PathLike[str]] = ()) -> Path:
    """The file that writing ``path`` would replace (symlinks resolved), or an OutputError saying
    why polgraph will not write there."""
    target = Path(os.path.realpath(path))
    try:
        info = target.stat()
    except FileNotFoundError:
        return target
    except OSError as exc:
        raise OutputError(f"{path}: cannot write there ({exc.strerror or exc})") from exc
    for is_kind, kind in _KINDS:
        if is_kind(info.st_mode):
            raise OutputError(
                f"{path}: is {kind}, not a regular file; polgraph writes only to regular files or new paths"
            )
    for guarded in protect:
        try:
            same = os.path.samefile(target, guarded)
        except OSError:  # the guarded path is no file (a Neo4j URI) or is gone: nothing to clash with
            continue
        if same:
            raise OutputError(f"{path}: is the store being read ({guarded}); write to another file")
    return target


def write_output(
    path: str | os.PathLike[str],
    write: Callable[[BinaryIO], None],
    *,
    protect: Iterable[str | os.PathLike[str]] = (),
) -> Path:
    """Call ``write(fh)`` with a binary file whose content replaces ``path`` atomically, once
    ``write`` returns; if it raises, ``path`` is left as it was. Returns the file written."""
    target = check_output_path(path, protect)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            existing: os.stat_result | None = target.stat()
        except FileNotFoundError:
            existing = None
        tmp = target.with_name(f".{target.name}.{uuid.uuid4().hex[:12]}.tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o666)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write there ({exc.strerror or exc})") from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        if existing is not None:
            os.chmod(tmp, stat.S_IMODE(existing.st_mode))
            try:
                os.chown(tmp, existing.st_uid, existing.st_gid)
            except PermissionError:  # only root may give a file away; the mode is what matters
                pass
        os.replace(tmp, target)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise OutputError(f"{path}: cannot write there ({exc.strerror or exc})") from exc
        raise
    _fsync_folder(target.parent)
    return target


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); where a folder cannot be opened, nothing to do."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
