"""Cross-document resolution: an actor an article's reading leaves new is the actor already known
from other articles when exactly one such actor fits.

Known actors are those of the store being loaded into (``Store.actors_by_key``) and those of the
articles of the same load written before (:class:`Directory`). It runs where articles are written,
in input order, after they are read (in this process or in worker processes): the store is the same
whatever the number of workers. A new actor is a known person when its name is

- a bare surname ("Sanders", read as a person's name) of exactly one known person, spelt the
  same, the one of a state the article names if several are;
- a misspelt form of a known person's name: the same surname and given name, give or take a typo
  (``similar_names``; an initial for the given name: "V. Zelenskiy"), or the known name with
  words before it ("Democrat Chuck Schumer").

``polgraph eval`` reads each article alone, with nothing known: this does not change its figures.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import replace

from polgraph.graph.model import Actor, ArticleGraph, Mention
from polgraph.graph.names import actor_keys, name_form, name_key, stem_key, surname_key
from polgraph.graph.store import Store
from polgraph.loaders.mentions.base import similar_names
from polgraph.loaders.registry import Registry

__all__ = ["Directory", "resolve_known"]


class Directory:
    """The actors known before an article: a store's (looked up by key) and those of the articles
    of this load written before it."""

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


def resolve_known(graph: ArticleGraph, known: Directory, registry: Registry) -> ArticleGraph:
    """``graph`` with each new actor that is a known person replaced by that person (its
    relations and mentions moved to it); then ``known`` remembers the graph's actors."""
    merged = _merges(graph, known, registry)
    if merged:
        graph = _moved(graph, merged)
    known.remember(graph.actors)
    return graph


def _merges(graph: ArticleGraph, known: Directory, registry: Registry) -> dict[str, Actor]:
    new = [a for a in sorted(graph.actors, key=lambda a: a.id) if a.id not in registry.actors]
    wanted = {a.id: keys for a in new if (keys := _lookup_keys(a))}
    if not wanted:
        return {}
    people = [a for a in known.find(set().union(*wanted.values())) if a.kind == "person"]
    states = {a.id for a in graph.actors if a.kind == "state"}
    merged: dict[str, Actor] = {}
    for actor in new:
        if actor.id not in wanted:
            continue
        fits = [p for p in people if p.id != actor.id and _fits(actor, p)]
        if len(fits) > 1:
            fits = [p for p in fits if p.country in states]
        if len(fits) == 1:
            merged[actor.id] = fits[0]
    return merged


def _moved(graph: ArticleGraph, merged: dict[str, Actor]) -> ArticleGraph:
    def to(actor_id: str) -> str:
        return merged[actor_id].id if actor_id in merged else actor_id

    actors = {a.id: a for a in graph.actors if a.id not in merged}
    for actor in merged.values():
        actors.setdefault(actor.id, actor)
    relations = {}
    for rel in graph.relations:
        moved = replace(rel, source=to(rel.source), target=to(rel.target), reported_by=to(rel.reported_by))
        if moved.source != moved.target:  # "Sanders criticized Bernie Sanders" was one person
            relations.setdefault(moved.id, moved)
    counts: Counter[tuple[str, str]] = Counter()
    for mention in graph.mentions:
        counts[(to(mention.actor), mention.article)] += mention.count
    mentions = [Mention(actor_id, article, count) for (actor_id, article), count in counts.items()]
    return replace(graph, actors=list(actors.values()), relations=list(relations.values()), mentions=mentions)


def _lookup_keys(actor: Actor) -> set[str]:
    words = name_form(actor.name).split()
    if not words or actor.kind != "person":
        return set()
    if len(words) == 1:
        return {surname_key(words[0])} if len(words[0]) > 2 else set()
    keys = {surname_key(words[-1]), stem_key(words[-1])}
    keys |= {name_key(" ".join(words[i:])) for i in range(1, len(words) - 1)}  # "democrat chuck schumer"
    return keys


def _fits(actor: Actor, person: Actor) -> bool:
    words = name_form(actor.name).split()
    theirs = [name_form(n).split() for n in (person.name, *person.aliases)]
    if len(words) == 1:  # a bare surname: exactly (a near spelling of one word is too often another name)
        return any(len(t) > 1 and words[0] == t[-1] for t in theirs)
    if any(1 < len(t) < len(words) and words[-len(t):] == t for t in theirs):
        return True  # the known name with words before it
    return any(len(t) > 1 and similar_names(words[-1], t[-1]) and _same_given_name(words[0], t[0]) for t in theirs)


def _same_given_name(mine: str, theirs: str) -> bool:
    """ "Volodymyr" and "Volodimir", "J" and "John"; not "Joe" and "John"."""
    if len(mine) == 1 or len(theirs) == 1:
        return mine[:1] == theirs[:1]
    return similar_names(mine, theirs)
