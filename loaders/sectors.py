"""The sector of an actor (a CAMEO actor type code: GOV, MIL, JUD, LEG, MED, OPP, ...) from the
nouns that describe it: its office ("prime minister": GOV), a noun before or beside its name
("journalist": MED), the head noun of its own name ("Supreme Court": JUD). The nouns and their
codes are PETRARCH2's agents dictionary (``loaders/data/sectors.tsv``)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from importlib import resources

from polgraph.loaders.registry import norm

__all__ = ["agent_nouns", "sector_of", "sector_of_name"]


@lru_cache(maxsize=1)
def _sectors() -> dict[str, str]:
    text = resources.files("polgraph.loaders").joinpath("data/sectors.tsv").read_text(encoding="utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))
    return {phrase: code for phrase, code in rows if phrase != "phrase"}


def agent_nouns() -> frozenset[str]:
    """Every agent phrase the dictionary knows ("prime minister", "court", "rebel")."""
    return frozenset(_sectors())


def sector_of(words: Sequence[str]) -> str | None:
    """The code of the longest agent phrase ending a descriptor's words ("us state department
    spokesperson" ends with "spokesperson"), each word also tried in the singular."""
    sectors = _sectors()
    words = [w for w in norm(" ".join(words)).split() if w]
    for start in range(len(words)):
        phrase = words[start:]
        for candidate in (" ".join(phrase), " ".join([*phrase[:-1], _singular(phrase[-1])])):
            if candidate in sectors:
                return sectors[candidate]
    return None


def sector_of_name(name: str) -> str | None:
    """The sector an organisation's or group's own name gives: its head noun phrase, before any
    "of ..." ("Ministry of Foreign Affairs of Iran": "ministry", GOV; "Kurdish rebels": REB)."""
    words = norm(name).split()
    head = words[: words.index("of")] if "of" in words else words
    return sector_of(head) if head else None


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word
