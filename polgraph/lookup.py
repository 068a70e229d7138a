"""Finding an actor of a store by what a user types: its id, name or one of its aliases."""

from __future__ import annotations

from polgraph.exceptions import PolgraphError
from polgraph.graph.model import Actor, slugify
from polgraph.graph.store import Store
from polgraph.loaders.registry import norm

__all__ = ["find_actor"]


def find_actor(store: Store, text: str) -> Actor:
    actor = store.actor(text) or store.actor(slugify(text))
    if actor is not None:
        return actor
    key = norm(text)
    matches = [a for a in store.actors() if key in {norm(n) for n in (a.name, *a.aliases)}]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise PolgraphError(f"no actor named {text!r} in {store.location}")
    raise PolgraphError(f"{text!r} names several actors: {', '.join(a.name for a in matches)}")
