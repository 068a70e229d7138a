"""Curation that lasts: changes an analyst makes to the graph, applied in place on the store,
recorded in an overlay file that later loads apply too, and undone on request.

- ``changes``: the changes (merge, rename, alias, drop actor, drop relation), each as rows of the
  store (``plan``) and as a rewrite of an article's graph (``apply``), with the same result.
- ``overlay``: the overlay file (JSON Lines) and its application to loads.
- :func:`make` and :func:`undo` here: a change on a store and its overlay, and back.
"""

from __future__ import annotations

from polgraph.exceptions import CurationError
from polgraph.graph.curation.changes import CHANGES, Alias, Change, DropActor, DropRelation, Merge, Rename
from polgraph.graph.curation.overlay import Entry, Overlay
from polgraph.graph.store import Store

__all__ = ["CHANGES", "Alias", "Change", "DropActor", "DropRelation", "Entry", "Merge", "Overlay", "Rename", "make", "undo"]


def make(store: Store, overlay: Overlay, change: Change) -> Entry | None:
    """Make ``change`` on ``store`` (one transaction) and record it in ``overlay``; None when it
    changes nothing (then nothing is recorded). If the overlay cannot be written, the store is
    put back."""
    edit, inverse = change.plan(store)
    if not edit:
        return None
    store.edit(edit)
    try:
        return overlay.appended(change, inverse, protect=[store.location])
    except BaseException:
        store.edit(inverse)
        raise


def undo(store: Store, overlay: Overlay, number: int | None = None) -> list[Entry]:
    """Undo change ``number`` and every later one (default: the last change), the latest first:
    each is taken out of the overlay and its rows restored in the store. What loads added since
    stays where the change put it. Returns the entries undone."""
    if not overlay.entries:
        raise CurationError(f"{overlay.path}: no curation change to undo")
    first = overlay.entries[-1] if number is None else overlay.find(number)
    todo = [e for e in overlay.entries if e.number >= first.number][::-1]
    hand_written = [str(e.number) for e in todo if e.undo is None]
    if hand_written:
        raise CurationError(f"{overlay.path}: change {', '.join(hand_written)} has no undo record (written by hand); "
                            "remove its line and load again")
    done = []
    for entry in todo:
        assert entry.undo is not None
        before = list(overlay.entries)
        overlay.without(entry, protect=[store.location])
        try:
            store.edit(entry.undo)
        except BaseException:
            overlay.restored(before, protect=[store.location])
            raise
        done.append(entry)
    return done
