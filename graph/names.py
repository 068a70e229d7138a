"""Name keys: the normalised forms a store looks actors up by (``Store.actors_by_key``).

An actor's keys are ``name:`` + the normalised form of its name and of each alias (ASCII, lower
case, "'s" dropped, punctuation a word break, a leading "the" dropped: ``"The U.S. Senate"`` ->
``name:u s senate``), and, for a person named by two words or more, ``surname:`` + the last word
and ``stem:`` + the last word's first four letters (to find a misspelt surname: ``Zelenskiy``
and ``Zelensky`` share ``stem:zele``).
"""

from __future__ import annotations

import re

from anyascii import anyascii

from polgraph.graph.model import Actor

__all__ = ["actor_keys", "name_form", "name_key", "stem_key", "surname_key"]


def name_form(text: str) -> str:
    """``"The U.S. Senate's"`` -> ``us senate``: single letters in a row are one word."""
    text = anyascii(text).lower().replace("\u2019", "'")
    text = re.sub(r"'s\b", "", text)
    words = re.sub(r"[^a-z0-9]+", " ", text).split()
    words = words[1:] if words[:1] == ["the"] and len(words) > 1 else words
    joined: list[str] = []
    letters = False  # whether the last word was made of single letters
    for word in words:
        if len(word) == 1 and letters:
            joined[-1] += word
        else:
            joined.append(word)
            letters = len(word) == 1
    return " ".join(joined)


def name_key(text: str) -> str:
    return "name:" + name_form(text)


def surname_key(word: str) -> str:
    return "surname:" + name_form(word)


def stem_key(word: str) -> str:
    return "stem:" + name_form(word)[:4]


def actor_keys(actor: Actor) -> set[str]:
    keys = {name_key(name) for name in (actor.name, *actor.aliases) if name_form(name)}
    if actor.kind == "person":
        for name in (actor.name, *actor.aliases):
            words = name_form(name).split()
            if len(words) > 1:
                keys |= {surname_key(words[-1]), stem_key(words[-1])}
    return keys
