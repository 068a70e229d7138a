"""Name keys: the normalised forms a store looks actors up by (``Store.actors_by_key``).

An actor's keys are ``name:`` + the normalised form of its name and of each alias (ASCII, lower
case, "'s" dropped, punctuation a word break, a leading "the" dropped: ``"The U.S. Senate"`` ->
``name:u s senate``), and, for a person named by two words or more, ``surname:`` + the last word
and ``stem:`` + the last word's first four letters (to find a misspelt surname: ``Zelenskiy``
and ``Zelensky`` share ``stem:zele``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from anyascii import anyascii

from polgraph.graph.model import Actor

__all__ = ["actor_keys", "name_form", "name_key", "name_keys", "stem_key", "surname_key"]

_NAME, _SURNAME, _STEM = "name:", "surname:", "stem:"
_STEM_LENGTH = 4
_POSSESSIVE = re.compile(r"'s\b")
_BREAK = re.compile(r"[^a-z0-9]+")


def name_form(text: str) -> str:
    """``"The U.S. Senate's"`` -> ``us senate``: single letters in a row are one word."""
    text = (text if text.isascii() else anyascii(text)).lower().replace("\u2019", "'")
    words = _BREAK.sub(" ", _POSSESSIVE.sub("", text)).split()
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
    return _NAME + name_form(text)


def surname_key(word: str) -> str:
    return _SURNAME + name_form(word)


def stem_key(word: str) -> str:
    return _STEM + name_form(word)[:_STEM_LENGTH]


def actor_keys(actor: Actor) -> set[str]:
    return name_keys(actor.name, actor.aliases, actor.kind)


def name_keys(name: str, aliases: Iterable[str], kind: str) -> set[str]:
    """The keys of an actor named ``name`` with ``aliases``, of ``kind`` (``actor_keys`` of its parts)."""
    keys = set()
    for form in {name_form(n) for n in (name, *aliases)}:
        if form:
            keys.add(_NAME + form)
            words = form.split()
            if kind == "person" and len(words) > 1:
                # surname_key and stem_key of the last word, whose form is itself
                keys.add(_SURNAME + words[-1])
                keys.add(_STEM + words[-1][:_STEM_LENGTH])
    return keys
