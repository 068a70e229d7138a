"""Cross-document resolution: a name the article and the registry leave new is the actor already
known from other articles when exactly one such actor fits.

Known actors are those of the store being loaded into (``Store.actors_by_key``) and those of the
articles read earlier in the same load (:class:`Directory`). A new name is matched to a known
person when it is

- a bare surname ("Sanders", whatever entity recognition called it) of exactly one known person,
  the one of a state the article names if several are;
- a misspelt form of a known person's name: the same surname and given name, give or take a typo
  (``similar_names``; an initial for the given name: "V. Zelenskiy"), or the known name with
  words before it ("Democrat Chuck Schumer").
"""

from __future__ import annotations

from collections.abc import Iterable

from polgraph.graph.model import Actor
from polgraph.graph.names import actor_keys, name_form, name_key, stem_key, surname_key
from polgraph.graph.store import Store
from polgraph.loaders.mentions.base import ArticleActors, similar_names

__all__ = ["Directory", "resolve_known"]


class Directory:
    """The actors known before an article: a store's (looked up by key) and those of the articles
    of this load not stored yet."""

    def __init__(self, store: Store | None = None) -> None:
        self.store = store
        self._recent: dict[str, Actor] = {}
        self._keys: dict[str, set[str]] = {}

    def find(self, keys: Iterable[str]) -> list[Actor]:
        keys = set(keys)
        found = {a.id: a for a in (self.store.actors_by_key(keys) if self.store is not None else ())}
        for key in sorted(keys):
            for actor_id in sorted(self._keys.get(key, ())):
                found.setdefault(actor_id, self._recent[actor_id])
        return [found[i] for i in sorted(found)]

    def remember(self, actors: Iterable[Actor]) -> None:
        for actor in actors:
            if actor.id not in self._recent:
                self._recent[actor.id] = actor
                for key in actor_keys(actor):
                    self._keys.setdefault(key, set()).add(actor.id)


def resolve_known(found: ArticleActors, directory: Directory) -> None:
    new = [found.actors[i] for i in sorted(found.new_ids) if i in found.actors]
    wanted: dict[str, set[str]] = {a.id: _lookup_keys(a) for a in new}
    wanted = {i: keys for i, keys in wanted.items() if keys}
    if not wanted:
        return
    known = directory.find(set().union(*wanted.values()))
    people = [a for a in known if a.kind == "person"]
    states = {a.id for a in found.actors.values() if a.kind == "state"}
    merged: dict[str, Actor] = {}
    for actor in new:
        if actor.id not in wanted:
            continue
        fits = [p for p in people if p.id != actor.id and _fits(actor, p)]
        if len(fits) > 1:
            fits = [p for p in fits if p.country in states]
        if len(fits) == 1:
            merged[actor.id] = fits[0]
    for old, actor in merged.items():
        found.actors.pop(old, None)
        found.actors.setdefault(actor.id, actor)
        found.new_ids.discard(old)
        if actor.id not in found.registry.actors:
            found.new_ids.add(actor.id)
    for mention in found.mentions:
        if mention.actor in merged:
            mention.actor = merged[mention.actor].id
    for index, holder in list(found.role_tokens.items()):
        if holder in merged:
            found.role_tokens[index] = merged[holder].id


def _lookup_keys(actor: Actor) -> set[str]:
    words = name_form(actor.name).split()
    if not words or actor.kind not in ("person", "organization", "state", "city", "region", "group"):
        return set()
    if len(words) == 1:
        return {surname_key(words[0]), stem_key(words[0])} if len(words[0]) > 2 else set()
    if actor.kind != "person":
        return set()
    keys = {surname_key(words[-1]), stem_key(words[-1])}
    keys |= {name_key(" ".join(words[i:])) for i in range(1, len(words) - 1)}  # "democrat chuck schumer"
    return keys


def _fits(actor: Actor, person: Actor) -> bool:
    words = name_form(actor.name).split()
    theirs = [name_form(n).split() for n in (person.name, *person.aliases)]
    if len(words) == 1:
        return any(len(t) > 1 and similar_names(words[0], t[-1]) for t in theirs)
    if any(len(t) > 1 and len(t) < len(words) and words[-len(t):] == t for t in theirs):
        return True  # the known name with words before it
    return any(len(t) > 1 and similar_names(words[-1], t[-1]) and _same_given_name(words[0], t[0]) for t in theirs)


def _same_given_name(mine: str, theirs: str) -> bool:
    """ "Volodymyr" and "Volodimir", "J" and "John"; not "Joe" and "John"."""
    if len(mine) == 1 or len(theirs) == 1:
        return mine[:1] == theirs[:1]
    return similar_names(mine, theirs)
