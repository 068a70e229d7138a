"""Reading batches of articles in worker processes (``polgraph load --workers N``).

Each worker holds its own copy of the :class:`~polgraph.loaders.pipeline.Loader` (the spaCy
pipeline, the registry, the lexicon) and turns a whole batch of articles into ArticleGraphs with
``Loader.read_each``: the very call one process makes for that batch, so the same batches give
the same graphs whatever the number of workers. Batches come back in the order they went in,
whatever order the workers finish in; the caller writes them to the store.

The workers start once per :class:`BatchReader`. On Linux they are forked from the loading
process, so they share the pipeline it has loaded and start at once; elsewhere they are spawned
and the loader is pickled to each.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, TypeVar

from polgraph.exceptions import ConfigError
from polgraph.graph.model import Article, ArticleGraph

if TYPE_CHECKING:
    from polgraph.loaders.pipeline import Loader

__all__ = ["BatchReader", "Outcome", "ReadFailure", "available_cpus", "read_outcomes"]

K = TypeVar("K")

# Forking shares the loaded pipeline and costs nothing at start; it is the safe choice on Linux only.
START_METHOD = "fork" if sys.platform.startswith("linux") else "spawn"
# Batches sent ahead per worker: one being read, one waiting, while the caller writes the last.
AHEAD_PER_WORKER = 2


@dataclass(frozen=True)
class ReadFailure:
    """Why an article could not be read, as text: an exception does not always survive the trip
    back from a worker process."""

    reason: str

    @classmethod
    def of(cls, exc: BaseException) -> "ReadFailure":
        return cls(f"{type(exc).__name__}: {exc}")


WORKER_STOPPED = ReadFailure("the worker process reading it stopped abruptly")

Outcome = ArticleGraph | ReadFailure


def read_outcomes(loader: "Loader", articles: Sequence[Article]) -> list[Outcome]:
    """One outcome per article, in order: its graph, or why it could not be read."""
    return [ReadFailure.of(o) if isinstance(o, Exception) else o for o in loader.read_each(articles)]


def available_cpus() -> int:
    """CPUs this process may run on (its affinity where the system tells it)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


@dataclass
class _Sent(Generic[K]):
    key: K
    articles: list[Article]
    future: Future | None  # None: nothing to read


class BatchReader:
    """Reads batches of articles, in this process (``workers=1``) or in ``workers`` processes
    started on entering the context and stopped on leaving it.

    A worker that stops abruptly (killed, or crashed in native code) loses no other article: its
    batch is read again alone in fresh workers, and if that stops them too, one article at a time;
    the article that stops a worker is that article's :data:`WORKER_STOPPED`."""

    def __init__(self, loader: "Loader", workers: int = 1) -> None:
        if workers < 1:
            raise ConfigError(f"the number of workers must be at least 1, got {workers}")
        self.loader = loader
        self.workers = workers
        self._executor: ProcessPoolExecutor | None = None

    def __enter__(self) -> "BatchReader":
        if self.workers > 1:
            self.loader.nlp  # loaded here once: forked workers share it, spawned ones unpickle it
            self._executor = self._start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None

    def read(self, batches: Iterable[tuple[K, list[Article]]]) -> Iterator[tuple[K, list[Outcome]]]:
        """``(key, outcomes)`` for each ``(key, articles)`` batch, in input order. With workers,
        up to AHEAD_PER_WORKER batches a worker are taken from ``batches`` before the first is given."""
        if self._executor is None:
            for key, articles in batches:
                yield key, read_outcomes(self.loader, articles)
            return
        sent: deque[_Sent[K]] = deque()
        for key, articles in batches:
            sent.append(_Sent(key, articles, self._send(articles)))
            if len(sent) >= AHEAD_PER_WORKER * self.workers:
                yield self._oldest(sent)
        while sent:
            yield self._oldest(sent)

    def _oldest(self, sent: deque[_Sent[K]]) -> tuple[K, list[Outcome]]:
        batch = sent.popleft()
        if batch.future is None:
            return batch.key, []
        try:
            return batch.key, batch.future.result()
        except BrokenProcessPool:
            pass
        # Every batch sent was lost with the pool. This one alone tells whether it stops a worker.
        self._restart()
        try:
            outcomes = self._read_now(batch.articles)
        except BrokenProcessPool:
            self._restart()
            outcomes = [self._alone(article) for article in batch.articles]
        for later in sent:
            later.future = self._send(later.articles)
        return batch.key, outcomes

    def _alone(self, article: Article) -> Outcome:
        try:
            return self._read_now([article])[0]
        except BrokenProcessPool:
            self._restart()
            return WORKER_STOPPED

    def _send(self, articles: list[Article]) -> Future | None:
        assert self._executor is not None
        return self._executor.submit(_read, articles) if articles else None

    def _read_now(self, articles: list[Article]) -> list[Outcome]:
        assert self._executor is not None
        return self._executor.submit(_read, articles).result()

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context(START_METHOD),
                                   initializer=_start_worker, initargs=(self.loader,))

    def _restart(self) -> None:
        assert self._executor is not None
        self._executor.shutdown(wait=True, cancel_futures=True)
        self._executor = self._start()
        try:  # workers that stop before reading anything would have every article blamed
            self._executor.submit(_ready).result()
        except BrokenProcessPool as exc:
            raise RuntimeError("the worker processes stop as soon as they start") from exc


# -- in the worker process ------------------------------------------------------------------------
_loader: "Loader | None" = None


def _start_worker(loader: "Loader") -> None:
    global _loader
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the loading process, which stops the workers
    _loader = loader


def _ready() -> bool:
    return True


def _read(articles: list[Article]) -> list[Outcome]:
    assert _loader is not None
    return read_outcomes(_loader, articles)
