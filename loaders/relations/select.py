"""Selection: one candidate per edge, and the candidates a threshold keeps."""

from __future__ import annotations

from collections.abc import Iterable

from polgraph.loaders.relations.records import Candidate

__all__ = ["merge", "select"]


def merge(candidates: Iterable[Candidate]) -> list[Candidate]:
    """One candidate per (source, type, target, sentence), in first-read order: an act read by two
    mechanisms is one act, with both mechanisms' features."""
    by_key: dict[tuple[str, str, str, int], Candidate] = {}
    for candidate in candidates:
        known = by_key.get(candidate.key)
        by_key[candidate.key] = candidate if known is None else known.merged(candidate)
    return list(by_key.values())


def select(candidates: Iterable[Candidate], min_confidence: float) -> list[Candidate]:
    return [c for c in candidates if c.confidence >= min_confidence]
