"""What a verb of force means in its sentence: physical violence, words, or no force at all.

"attack", "hit", "defeat", "fire" are ASSAULTS in the CAMEO dictionary; in news they are as often
an attack in words ("Biden attacked Trump for the tweet"), a win in a contest ("Caloundra
defeated Wynnum", "Hagan defeated Senator Dole") or a dismissal ("CNN should fire Lockhart").
The sentence decides: words of force (weapons, troops, casualties) make it violence; words of a
contest (a match, points, an election) without them make it no act of force; with neither, who
acts decides: a state, a bloc or an armed body uses force, a person or a party uses words (or
wins). Word lists: ``data/relevance.yaml``.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence

from spacy.tokens import Token

from polgraph.loaders.mentions import ArticleActors
from polgraph.loaders.registry import norm
from polgraph.loaders.relations.records import Argument
from polgraph.loaders.relations.relevance import Relevance, default_relevance

__all__ = ["Force", "ambiguous", "force_sense", "may_be_words"]


class Force(enum.StrEnum):
    PHYSICAL = "physical"  # ASSAULTS
    VERBAL = "verbal"  # an attack in words: CRITICIZES
    NONE = "none"  # a win in sport or an election, a dismissal: no act of force


# "attacked X for the tweet", "attacked the ruling as a political strategy", "attacked Y over ...":
# blamed for something, named as something.
_GROUNDS = frozenset({"for", "as", "over"})


def ambiguous(lemma: str, data: Relevance | None = None) -> bool:
    """Whether a verb of force is violence only in some contexts ("attack", "defeat"), not always ("kill")."""
    data = data or default_relevance()
    return lemma in data.verbal_force | data.nonviolent_force | data.physical_force


def may_be_words(lemma: str, data: Relevance | None = None) -> bool:
    """Whether a verb of force can be an attack in words ("attacked the decision"); "shelled
    positions" and "bombed the plan's sites" cannot."""
    data = data or default_relevance()
    return lemma in data.verbal_force


def force_sense(verb: Token, lemma: str, sources: Sequence[Argument], found: ArticleActors,
                data: Relevance | None = None) -> Force:
    data = data or default_relevance()
    if not ambiguous(lemma, data):
        return Force.PHYSICAL  # kill, bomb, shoot: violence whatever the context
    unarmed = bool(sources) and not any(_armed(a.node, found, data) for a in sources)
    grounds = {c.lower_ for c in verb.children if c.dep_ == "prep"} & _GROUNDS
    if lemma in data.verbal_force and unarmed and grounds:
        return Force.VERBAL
    words = {t.lemma_.lower() for t in verb.sent if t.i != verb.i} | {t.lower_ for t in verb.sent if t.i != verb.i}
    force = bool(words & data.force_context)
    if words & data.contest_context and not force:
        return Force.NONE
    if force or not unarmed:
        return Force.PHYSICAL
    if lemma in data.verbal_force:
        return Force.VERBAL
    if lemma in data.nonviolent_force:
        return Force.NONE
    return Force.PHYSICAL


def _armed(actor_id: str, found: ArticleActors, data: Relevance) -> bool:
    """A state, a bloc, a group the registry knows (armed groups are the ones it lists), or a body
    whose name is that of an armed force."""
    actor = found.actors.get(actor_id)
    if actor is None:
        return False
    if actor.kind in ("state", "bloc") or (actor.kind == "group" and actor_id not in found.new_ids):
        return True
    words = norm(actor.name).split()
    return any(w in data.armed_heads for w in words)
