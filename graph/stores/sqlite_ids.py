"""The event ids a bulk load wrote while the store's own index of them is put off (``sqlite_file.Database.bulk``).

A bulk load into a store with no event yet writes its rows without the unique index of event ids
and builds that index at its end (sorting once instead of a random insert per row). Meanwhile it
must know itself whether a batch names an id it wrote already: :class:`WrittenIds` holds them as
64-bit integers in a few sorted runs (8 bytes an id; 10M ids: 80 MB), merged like a binary counter.
An id that is not 16 hexadecimal digits (never one of polgraph's, see ``model.relation_id``) is
answered "maybe written", and so is any id equal as a number: the caller then builds the index
and lets the store check, so an answer can be wrong only on the safe side.
"""

from __future__ import annotations

from collections.abc import Collection

import numpy as np

__all__ = ["WrittenIds"]


class WrittenIds:
    """Event ids written so far, as sorted runs of ``uint64``."""

    def __init__(self) -> None:
        self._runs: list[np.ndarray] = []

    @staticmethod
    def encode(ids: Collection[str]) -> np.ndarray | None:
        """The ids as numbers; None when one is not 16 hexadecimal digits."""
        if ids and (min(map(len, ids)) != 16 or max(map(len, ids)) != 16):
            return None
        try:
            raw = bytes.fromhex("".join(ids))  # all at once; it skips whitespace, so a space shows as bytes missing
        except ValueError:
            return None
        if len(raw) != 8 * len(ids):
            return None
        return np.frombuffer(raw, dtype=">u8").astype(np.uint64)

    def any_of(self, numbers: np.ndarray) -> bool:
        """Whether any of ``numbers`` (from ``encode``) was added."""
        numbers = np.sort(numbers)  # a sorted query walks each run's search tree in order: several times faster
        for run in self._runs:
            at = np.searchsorted(run, numbers)
            at[at == len(run)] = 0
            if np.any(run[at] == numbers):
                return True
        return False

    def add(self, numbers: np.ndarray) -> None:
        self._runs.append(np.sort(numbers))
        while len(self._runs) > 1 and len(self._runs[-2]) <= len(self._runs[-1]):
            last = self._runs.pop()
            # two sorted runs: the stable sort (timsort) finds them and merges in one pass
            self._runs[-1] = np.sort(np.concatenate((self._runs[-1], last)), kind="stable")
