"""Resource limits of one query run: time, result rows, memory and the size of one value.

A runaway query (a cross product of every node, every path of a dense graph, a string doubled
forty times) ends with a :class:`~polgraph.exceptions.QueryTimeout` or
:class:`~polgraph.exceptions.QueryLimitExceeded`, as Neo4j's transaction timeout and memory guard
end it there. The checks are cheap: the loops of the matcher and the executor call
:meth:`Budget.tick` for every step, and only every ``CHECK_EVERY`` steps is the clock (and the
process's memory) read. Operations that build one value in a single call (``range()``, ``+`` on
strings and lists, ``replace()``) ask :meth:`Budget.check_size` before they build it.

Queries run on a thread of their own with a deep stack (:func:`run_bounded`), so that a query
nesting a thousand levels is read and evaluated instead of overflowing the interpreter's stack.
"""

from __future__ import annotations

import contextlib
import contextvars
import os
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TypeVar

from polgraph.exceptions import QueryLimitExceeded, QueryTimeout

__all__ = ["Budget", "QueryLimits", "budget_scope", "current_budget", "run_bounded"]

T = TypeVar("T")

CHECK_EVERY = 1024  # steps between two readings of the clock and of the memory in use
_STACK_BYTES = 512 * 1024 * 1024  # reserved, not committed: only the pages a deep query touches are used
_RECURSION_LIMIT = 200_000


@dataclass(frozen=True)
class QueryLimits:
    """What one query may use. ``None`` turns a limit off."""

    timeout: float | None = 60.0  # seconds of wall-clock time
    max_rows: int | None = 1_000_000  # rows in the result
    max_memory_mb: float | None = 1024.0  # growth of the process's memory while the query runs
    max_value_size: int | None = 10_000_000  # items of one list, characters of one string


class Budget:
    """The limits of one run, and what it has used so far."""

    def __init__(self, limits: QueryLimits) -> None:
        self.limits = limits
        self.deadline = None if limits.timeout is None else time.monotonic() + limits.timeout
        self.max_memory = None if limits.max_memory_mb is None else int(limits.max_memory_mb * 1024 * 1024)
        self.base_memory = _resident_bytes() if self.max_memory is not None else None
        self.cancelled = False
        self._countdown = CHECK_EVERY

    def tick(self, steps: int = 1) -> None:
        """Count ``steps`` units of work; every ``CHECK_EVERY`` of them, check the limits."""
        self._countdown -= steps
        if self._countdown <= 0:
            self._countdown = CHECK_EVERY
            self.check()

    def check(self) -> None:
        if self.cancelled:
            raise QueryTimeout("the query was cancelled")
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise QueryTimeout(f"the query ran longer than its time limit of {self.limits.timeout:g} s")
        if self.max_memory is not None and self.base_memory is not None:
            used = (_resident_bytes() or 0) - self.base_memory
            if used > self.max_memory:
                raise QueryLimitExceeded(
                    f"the query used more than its memory limit of {self.limits.max_memory_mb:g} MB")

    def check_size(self, size: int, what: str) -> None:
        """Refuse to build ``what`` with ``size`` items (or characters) over the value limit; a value
        built counts as work in proportion to its size (so the memory is checked soon after)."""
        cap = self.limits.max_value_size
        if cap is not None and size > cap:
            raise QueryLimitExceeded(f"{what} would be {size:,} long, over the limit of {cap:,} for one value")
        self.tick(1 + (size >> 10))

    def check_rows(self, rows: int) -> None:
        cap = self.limits.max_rows
        if cap is not None and rows > cap:
            raise QueryLimitExceeded(f"the query returned more than {cap:,} rows (its row limit); add LIMIT")

    def remaining(self) -> float | None:
        """Seconds left before the deadline (None: no time limit)."""
        return None if self.deadline is None else max(0.0, self.deadline - time.monotonic())


_UNLIMITED = Budget(QueryLimits(timeout=None, max_rows=None, max_memory_mb=None, max_value_size=None))
_CURRENT: contextvars.ContextVar[Budget] = contextvars.ContextVar("polgraph_query_budget", default=_UNLIMITED)


def current_budget() -> Budget:
    """The budget of the query running on this thread (an unlimited one outside a query)."""
    return _CURRENT.get()


@contextlib.contextmanager
def budget_scope(budget: Budget) -> Iterator[Budget]:
    """Run the block under ``budget`` on this thread (for work done outside :func:`run_bounded`,
    such as SQL calling back into the engine's functions)."""
    token = _CURRENT.set(budget)
    try:
        yield budget
    finally:
        _CURRENT.reset(token)


def run_bounded(fn: Callable[[], T], limits: QueryLimits | None = None) -> T:
    """``fn()`` under ``limits``, on a thread with a deep stack; its result or its exception.

    Running out of interpreter memory or stack is the query's limit, not a crash."""
    budget = Budget(limits or QueryLimits())
    if getattr(_ON_DEEP_STACK, "active", False):  # already on a query thread: run here, own budget
        token = _CURRENT.set(budget)
        try:
            return fn()
        finally:
            _CURRENT.reset(token)
    outcome: list[object] = []

    def work() -> None:
        _CURRENT.set(budget)
        _ON_DEEP_STACK.active = True
        try:
            outcome.append((True, fn()))
        except MemoryError:
            outcome.append((False, QueryLimitExceeded("the query ran out of memory")))
        except RecursionError:
            outcome.append((False, QueryLimitExceeded("the query nests too deeply to evaluate")))
        except BaseException as exc:  # handed to the caller's thread as it is
            outcome.append((False, exc))

    with _DEEP_STACK:
        old_limit = sys.getrecursionlimit()
        worker = threading.Thread(target=work, name="polgraph-query", daemon=True)
        sys.setrecursionlimit(max(old_limit, _RECURSION_LIMIT))
        try:
            old_stack = threading.stack_size(_STACK_BYTES)  # taken when the thread starts
            try:
                worker.start()
            finally:
                threading.stack_size(old_stack)
            try:
                while worker.is_alive():
                    worker.join(0.1)
            except KeyboardInterrupt:
                budget.cancelled = True  # the worker stops at its next check
                worker.join()
                raise
        finally:
            sys.setrecursionlimit(old_limit)
    ok, value = outcome[0]  # type: ignore[misc]
    if ok:
        return value  # type: ignore[return-value]
    raise value  # type: ignore[misc]


# One deep query at a time: the recursion limit is the interpreter's, not the thread's.
_DEEP_STACK = threading.RLock()
_ON_DEEP_STACK = threading.local()


def _resident_bytes() -> int | None:
    """The process's resident memory now (Linux), else its peak so far, else None."""
    try:
        with open("/proc/self/statm", "rb") as f:
            return int(f.read().split()[1]) * _PAGE
    except (OSError, ValueError, IndexError):
        pass
    try:
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak if sys.platform == "darwin" else peak * 1024
    except (ImportError, OSError):
        return None


_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
