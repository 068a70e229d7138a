"""Finding an actor of a store by what a user types: its id, name or one of its aliases."""

from __future__ import annotations

from polgraph.exceptions import PolgraphError
from polgraph.graph.model import Actor, slugify
from polgraph.graph.store import Store
from polgraph.loaders.registry import norm

__all__ = ["find_actor"]


def find_actor(store: Store, text: str) -> Actor:
    """The actor whose id is ``text``, else the one actor ``text`` names (name or alias), else the
    actor whose id is its slug. A name of several actors is an error listing them (id and name)."""
    actor = store.actor(text)
    if actor is not None:
        return actor
    key = norm(text)
    matches = [a for a in store.actors() if key in {norm(n) for n in (a.name, *a.aliases)}]
    if len(matches) == 1:
        return matches[0]
    if len(matches) > 1:
        listed = ", ".join(f"{a.id} ({a.name})" for a in matches)
        raise PolgraphError(f"{text!r} names several actors: {listed}; give an id")
    actor = store.actor(slugify(text))
    if actor is None:
        raise PolgraphError(f"no actor named {text!r} in {store.location}")
    return actor
