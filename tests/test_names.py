"""Name keys (``graph.names``): ``actor_keys`` computes each name's form once; its keys must be
the ones the module's definitions give (``name_key`` of every name, ``surname_key`` and
``stem_key`` of a person's last word)."""

from __future__ import annotations

import pytest

from polgraph.graph.model import Actor
from polgraph.graph.names import actor_keys, name_form, name_key, stem_key, surname_key

NAMES = [
    "The U.S. Senate's", "Volodymyr Zelenskiy", "Zelensky", "THE", "the the", "A B C", "Alyaksandr Lukashenka",
    "Łukaszenka Aleksander", "Ангела Меркель", "O’Brien’s office", "Sean O'Brien's", "s", "'s", "U.N.", "the U S A",
    "  ", "", "Émile Zola", "李 克强", "Hamas", "ALEXANDER LUKASHENKO", "x y", "Nato-Russia Council", "Party 21",
]


def _defined_keys(actor: Actor) -> set[str]:
    """The keys as the module docstring defines them, one definition at a time."""
    names = (actor.name, *actor.aliases)
    keys = {name_key(n) for n in names if name_form(n)}
    if actor.kind == "person":
        for n in names:
            words = name_form(n).split()
            if len(words) > 1:
                keys |= {surname_key(words[-1]), stem_key(words[-1])}
    return keys


@pytest.mark.parametrize("kind", ["person", "state", "organization"])
def test_actor_keys_are_the_defined_keys(kind):
    for i, name in enumerate(NAMES):
        aliases = (NAMES[(i + 3) % len(NAMES)], NAMES[(i + 7) % len(NAMES)])
        actor = Actor("x", name or "x", kind, aliases=aliases)
        assert actor_keys(actor) == _defined_keys(actor), name


def test_name_forms():
    assert name_form("The U.S. Senate's") == "us senate"
    assert name_form("O’Brien’s office") == "o brien office"  # the apostrophe is a word break, "’s" is dropped
    assert name_form("Łukaszenka") == "lukaszenka"
    assert name_form("the") == "the"
    assert actor_keys(Actor("p", "Volodymyr Zelenskiy", "person")) == {"name:volodymyr zelenskiy", "surname:zelenskiy", "stem:zele"}
