"""The embedded store's file: opening it (and telling it from other files), transactions, errors, bulk loads.

``Database`` owns one ``sqlite3`` connection to a polgraph store: it recognises the file by its
SQLite application id (a file of another program, a damaged one, a JSON store of polgraph 0.1 are
refused by name), makes a new store from ``graph/data/sqlite_schema.sql``, runs each write in one
``BEGIN IMMEDIATE`` transaction (WAL journal: readers are never blocked), turns SQLite's errors
into one-line ``StoreError`` messages (full disk, read-only folder, lock held), and opens a store
in a read-only or full folder for reading.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import socket
import sqlite3
from collections.abc import Iterator
import contextlib
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from urllib.parse import quote

from polgraph.exceptions import StoreError

__all__ = [
    "APPLICATION_ID", "BULK_REBUILD_MAX", "DEFAULT_PATH", "FORMAT", "UNIQUE_EVENT_ID", "Database", "LegacyJSONStore",
    "NoSuchStore", "pragmas", "schema", "sniff",
]

DEFAULT_PATH = Path(".polgraph") / "graph.db"
FORMAT = "polgraph-sqlite/1"
APPLICATION_ID = 0x706F6C67  # "polg": PRAGMA application_id, how a polgraph store is told from other SQLite files
SCHEMA_VERSION = 1
_SQLITE_HEADER = b"SQLite format 3\x00"
_TEMP_STORE_FILE = 1  # PRAGMA temp_store: 0 default, 1 FILE, 2 MEMORY
# A bulk load into a store with fewer events than this drops the event indexes and builds them
# again at its end (sorting once is much faster than keeping them up to date row by row).
BULK_REBUILD_MAX = 2_000_000
_DEFERRED_INDEXES = ("event_source", "event_target")
# Indexes stores made before had and no longer need: a bulk load drops them (kept up to date row by
# row, they would cost it more than they ever saved a read).
_RETIRED_INDEXES = ("event_date",)
# The index that keeps event ids unique. A bulk load into a store with no event yet puts it off
# too (its random keys cost most of a row's insert at 10M rows) and checks the ids it writes
# itself (``sqlite_ids``); meanwhile no other process may write (``Database.transaction``).
# Stores made before it had a name use SQLite's own index of ``UNIQUE`` (never put off).
UNIQUE_EVENT_ID = "unique_event_id"
_INLINE_UNIQUE_ID = "sqlite_autoindex_event_1"


class NoSuchStore(StoreError):
    """A reading command named a store that does not exist."""


class LegacyJSONStore(StoreError):
    """The file is a JSON store of polgraph 0.1 (``graph.stores.migrate`` converts it)."""


def sniff(path: Path) -> str:
    """What the file at ``path`` is: ``"missing"``, ``"empty"``, ``"sqlite"``, ``"json"`` or ``"other"``."""
    try:
        with path.open("rb") as fh:
            head = fh.read(64)
    except FileNotFoundError:
        return "missing"
    except IsADirectoryError:
        return "other"
    except OSError as exc:
        raise StoreError(f"{path}: cannot read the store ({exc.strerror or exc})") from None
    if not head:
        return "empty"
    if head.startswith(_SQLITE_HEADER):
        return "sqlite"
    if head.lstrip()[:1] == b"{":
        return "json"
    return "other"


@contextmanager
def pragmas(conn: sqlite3.Connection, settings: dict[str, int]) -> Iterator[None]:
    """Integer PRAGMA ``settings`` on ``conn`` for a while; the values they had before come back after."""
    saved = {name: conn.execute(f"PRAGMA {name}").fetchone()[0] for name in settings}
    for name, value in settings.items():
        conn.execute(f"PRAGMA {name} = {int(value)}")
    try:
        yield
    finally:
        for name, value in saved.items():
            conn.execute(f"PRAGMA {name} = {int(value)}")


class Database:
    """An open polgraph store file; ``create=True`` makes it (and its folder) when missing."""

    def __init__(self, path: Path, *, create: bool = False, lock_timeout: float = 30.0) -> None:
        self.path = path
        self.read_only = False
        self._bulk = False  # in a bulk load of this process (see bulk)
        self._unwritable = ""  # why a read-only store cannot be written
        kind = sniff(self.path)
        if kind == "missing" and not create:
            raise NoSuchStore(f"{self.path}: no such store (load articles into it first)")
        if kind == "json":
            raise LegacyJSONStore(f"{self.path}: a JSON store of polgraph 0.1 (run `polgraph migrate`)")
        if kind == "other":
            raise StoreError(f"{self.path}: not a polgraph store (neither a SQLite database nor polgraph's JSON)")
        if kind == "empty" and not create:
            raise StoreError(f"{self.path}: an empty file, not a polgraph store")
        if kind == "missing":
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"{self.path}: cannot create the store ({exc.strerror or exc})") from None
        self.conn = self._connect(lock_timeout, exists=kind == "sqlite")
        try:
            self._check_or_create(create)
        except BaseException:
            self.conn.close()
            raise

    # -- opening -------------------------------------------------------------------------------
    def _connect(self, lock_timeout: float, exists: bool) -> sqlite3.Connection:
        uri = "file:" + quote(str(self.path.resolve() if exists else self.path))
        try:
            conn = sqlite3.connect(uri + ("?mode=rw" if exists else "?mode=rwc"), uri=True, timeout=lock_timeout, isolation_level=None)
            conn.execute("PRAGMA schema_version").fetchone()  # opens the file now, and reads the WAL if any
        except sqlite3.Error as exc:
            unwritable = _code(exc) in (sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM, sqlite3.SQLITE_IOERR)
            wal = Path(str(self.path.resolve()) + "-wal")
            if not exists or not unwritable or (wal.exists() and wal.stat().st_size > 0):
                raise self.error(exc, "open") from None
            # A read-only or full folder, where no -shm file can be made beside the store, and no
            # write is pending in a WAL file: read the file as it is.
            try:
                conn = sqlite3.connect(uri + "?mode=ro&immutable=1", uri=True, isolation_level=None)
                conn.execute("PRAGMA schema_version").fetchone()
            except sqlite3.Error as again:
                raise self.error(again, "open") from None
            self.read_only = True
            full = _code(exc) == sqlite3.SQLITE_IOERR and shutil.disk_usage(self.path.resolve().parent).free < 1 << 20
            self._unwritable = "the disk is full (nothing was changed)" if full else "the store's file or folder is read-only"
        for pragma in ("synchronous = NORMAL", "cache_size = -65536", "temp_store = MEMORY", "mmap_size = 268435456"):
            conn.execute(f"PRAGMA {pragma}")
        return conn

    def _check_or_create(self, create: bool) -> None:
        with self.errors("open"):
            app_id = self.conn.execute("PRAGMA application_id").fetchone()[0]
            tables = self.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if app_id == APPLICATION_ID:
            version = self.conn.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise StoreError(f"{self.path}: written by a newer polgraph (store version {version}); upgrade polgraph")
            if create and not self.read_only:
                self.restore_indexes(only_if_abandoned=True)
            return
        if app_id != 0 or tables:
            raise StoreError(f"{self.path}: not a polgraph store (a SQLite database of another program)")
        if not create:
            raise StoreError(f"{self.path}: not a polgraph store (an empty SQLite database)")
        if self.read_only:
            raise StoreError(f"{self.path}: cannot create the store: {self._unwritable}")
        with self.errors("create the store"):
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                if self.conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:  # not made meanwhile
                    for statement in schema():
                        self.conn.execute(statement)
                    self.conn.execute("INSERT INTO meta VALUES ('format', ?)", (FORMAT,))
                    self.conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                    self.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
                self.conn.execute("COMMIT")
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise

    # -- bulk loads --------------------------------------------------------------------------
    @contextmanager
    def bulk(self) -> Iterator[bool]:
        """Many writes follow (``polgraph load`` of coded events). On a store of fewer than
        ``BULK_REBUILD_MAX`` events the event indexes are dropped now and built again at the end;
        reads stay right meanwhile, only slower. On a store with no event yet, the index of event
        ids too: yields True then, and the caller must see that no id is written twice until
        ``build_unique_ids``. A load killed meanwhile leaves them missing: the next write (or
        writing command, or ``polgraph init``) builds them."""
        with self.errors("read"):
            events = self.conn.execute("SELECT count(*) FROM event").fetchone()[0]
        deferred = events < BULK_REBUILD_MAX
        unchecked_ids = events == 0 and UNIQUE_EVENT_ID in self._indexes()
        retired = [name for name in _RETIRED_INDEXES if name in self._indexes()]
        if deferred or retired:
            with self.transaction() as conn:
                if deferred:
                    conn.execute("INSERT OR REPLACE INTO meta VALUES ('bulk_load', ?)", (_process_tag(),))
                for name in (*retired, *(_DEFERRED_INDEXES if deferred else ()), *((UNIQUE_EVENT_ID,) if unchecked_ids else ())):
                    conn.execute(f"DROP INDEX IF EXISTS {name}")
        self.conn.execute("PRAGMA cache_size = -524288")
        self.conn.execute("PRAGMA wal_autocheckpoint = 65536")  # fewer, larger checkpoints
        self._bulk = True
        try:
            yield unchecked_ids
        finally:
            self._bulk = False
            try:
                if deferred:
                    self.restore_indexes()  # with the large cache: SQLite sorts in memory up to its size
            finally:
                self.conn.execute("PRAGMA cache_size = -65536")
                self.conn.execute("PRAGMA wal_autocheckpoint = 1000")

    def build_unique_ids(self) -> None:
        """Build the index of event ids a bulk load put off (from now on the store checks ids)."""
        with self._sorting_in_files(), self.transaction() as conn:
            conn.execute(_index_statement(UNIQUE_EVENT_ID))

    def _sorting_in_files(self) -> contextlib.AbstractContextManager[None]:
        """Index builds sort in SQLite's temporary files (the OS keeps them in its page cache while
        memory allows): with ``temp_store = MEMORY`` SQLite's sorter allocates every record on its own
        and sorts one linked list, which cost a quarter more CPU at 3M events and held the whole
        sort in the process (docs/scale.md)."""
        return pragmas(self.conn, {"temp_store": _TEMP_STORE_FILE})

    def restore_indexes(self, only_if_abandoned: bool = False) -> None:
        """Build the event indexes a bulk load dropped; with ``only_if_abandoned``, only when no
        live process of this machine is loading."""
        with self.errors("read"):
            missing = self._missing_indexes()
            owner = self.conn.execute("SELECT value FROM meta WHERE key = 'bulk_load'").fetchone()
        if only_if_abandoned and (not missing or (owner is not None and _alive(owner[0]))):
            return
        with self._sorting_in_files(), self.transaction() as conn:
            for name in missing:
                conn.execute(_index_statement(name))
            conn.execute("DELETE FROM meta WHERE key = 'bulk_load'")

    def _indexes(self) -> set[str]:
        return {row[0] for row in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}

    def _missing_indexes(self) -> list[str]:
        present = self._indexes()
        unique = () if _INLINE_UNIQUE_ID in present else (UNIQUE_EVENT_ID,)
        return [name for name in (*unique, *_DEFERRED_INDEXES) if name not in present]

    def _check_unique_ids(self) -> None:
        """In a write transaction of a process not loading in bulk: event ids must be checked by
        the store. Its index is missing only while a bulk load runs (then this write waits for no
        one: it fails), or after one was killed (then it is built now)."""
        present = self.conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN (?, ?)",
                                    (UNIQUE_EVENT_ID, _INLINE_UNIQUE_ID)).fetchone()[0]
        if present:
            return
        owner = self.conn.execute("SELECT value FROM meta WHERE key = 'bulk_load'").fetchone()
        if owner is not None and owner[0] != _process_tag() and _alive(owner[0]):
            raise StoreError(f"{self.path}: another polgraph process is loading in bulk; write when it ends")
        self.conn.execute(_index_statement(UNIQUE_EVENT_ID))

    # -- errors and transactions -------------------------------------------------------------
    def error(self, exc: BaseException, action: str) -> StoreError:
        code = _code(exc)
        if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
            return StoreError(f"{self.path}: another polgraph process is writing (lock held)")
        if code == sqlite3.SQLITE_FULL or getattr(exc, "errno", None) == 28:
            return StoreError(f"{self.path}: cannot {action}: the disk is full (nothing was changed)")
        if code in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM) or getattr(exc, "errno", None) in (1, 13, 30):
            return StoreError(f"{self.path}: cannot {action}: the store's file or folder is read-only")
        if code in (sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT):
            return StoreError(f"{self.path}: not a polgraph store, or a damaged one ({exc})")
        if code == sqlite3.SQLITE_CANTOPEN:
            return StoreError(f"{self.path}: cannot open the store ({exc})")
        return StoreError(f"{self.path}: cannot {action} ({exc})")

    @contextmanager
    def errors(self, action: str) -> Iterator[None]:
        try:
            yield
        except (sqlite3.Error, OSError) as exc:
            raise self.error(exc, action) from None

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        if self.read_only:
            raise StoreError(f"{self.path}: cannot write: {self._unwritable}")
        with self.errors("write"):
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                if not self._bulk:
                    self._check_unique_ids()
                yield self.conn
                self.conn.execute("COMMIT")
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise

    @contextmanager
    def snapshot(self) -> Iterator[sqlite3.Connection]:
        """Several reads that see one state of the store (a read transaction)."""
        with self.errors("read"):
            nested = self.conn.in_transaction
            if not nested:
                self.conn.execute("BEGIN")
            try:
                yield self.conn
            finally:
                if not nested and self.conn.in_transaction:
                    self.conn.execute("COMMIT")

    def close(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")
        self.conn.close()


@functools.cache
def schema() -> tuple[str, ...]:
    """The statements of ``graph/data/sqlite_schema.sql``."""
    text = resources.files("polgraph.graph").joinpath("data/sqlite_schema.sql").read_text(encoding="utf-8")
    text = re.sub(r"--[^\n]*", "", text)
    return tuple(" ".join(part.split()) for part in text.split(";") if part.strip())


def _index_statement(name: str) -> str:
    """The ``CREATE [UNIQUE] INDEX IF NOT EXISTS`` statement of one index of the schema."""
    for statement in schema():
        found = re.match(r"CREATE (UNIQUE )?INDEX (\w+)", statement)
        if found and found.group(2) == name:
            return statement.replace(" INDEX ", " INDEX IF NOT EXISTS ", 1)
    raise KeyError(name)


def _process_tag() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def _alive(tag: str) -> bool:
    """Whether the process ``host:pid`` still runs (a process of another machine is assumed to)."""
    host, _, pid = tag.rpartition(":")
    if host != socket.gethostname() or not pid.isdigit():
        return True
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _code(exc: BaseException) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF
