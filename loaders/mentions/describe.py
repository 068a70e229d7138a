"""What the article and the registry say of each actor it names: its sector (a CAMEO actor type
code), for an actor the registry does not know its state, and the ISO 3166-1 alpha-3 code of its
state (of a state: its own).

- A registry person's sector is that of the office they hold on the article's date.
- An organisation or group gets the sector its own name's head noun gives ("Supreme Court": JUD).
- A new person gets the sector of the noun that describes them in the article: their title
  ("spokesperson Morgan Ortagus"), a noun glued before the name ("journalist Maria Ressa"), or one
  in apposition ("Maria Ressa, a journalist"); and the state named by a demonym or a state's name
  in that description ("Iranian journalist ...", "... of Benin").
"""

from __future__ import annotations

import dataclasses

from spacy.tokens import Doc, Token

from polgraph.graph.model import Actor
from polgraph.loaders.mentions.base import ArticleActors, place_of
from polgraph.loaders.sectors import sector_of, sector_of_name

__all__ = ["describe_actors"]


def describe_actors(doc: Doc, found: ArticleActors) -> None:
    descriptors = _descriptors(doc, found)
    for actor_id in dict.fromkeys(m.actor for m in found.mentions):
        actor = found.actors[actor_id]
        sector, country, iso3 = actor.sector, actor.country, actor.iso3
        if actor.kind == "person":
            if actor_id not in found.new_ids:
                sector = sector or _office_sector(actor, found)
            for token in descriptors.get(actor_id, ()):
                sector = sector or sector_of(_phrase(token, found))
                if actor_id in found.new_ids and country is None:
                    country = _state_in(token, found)
        elif actor.kind in ("organization", "group"):
            sector = sector or sector_of_name(actor.name)
            if actor_id in found.new_ids and country is None and actor.kind == "group":
                country = _demonym_state(actor.name, found)
        iso3 = iso3 or found.registry.code_of(actor_id if actor.kind == "state" else country or "")
        if (sector, country, iso3) != (actor.sector, actor.country, actor.iso3):
            found.actors[actor_id] = dataclasses.replace(actor, sector=sector, country=country, iso3=iso3)


def _demonym_state(name: str, found: ArticleActors) -> str | None:
    """The one state whose demonym a new group's name carries ("Chechen refugees")."""
    states = {s.id for word in name.split() if (s := found.registry.state_by_demonym(word)) is not None}
    return next(iter(states)) if len(states) == 1 else None


def _office_sector(actor: Actor, found: ArticleActors) -> str | None:
    for role in sorted(actor.roles, key=lambda r: (r.title, r.of or "")):
        if (role.start or role.end) and role.active_on(found.published):
            sector = sector_of(role.title.split())
            if sector:
                return sector
    return None


def _descriptors(doc: Doc, found: ArticleActors) -> dict[str, list[Token]]:
    """Per person: the head nouns that describe them (title words standing for them, a common
    noun compounded with or in apposition to their name)."""
    out: dict[str, list[Token]] = {}
    for index, holder in sorted(found.role_tokens.items()):
        out.setdefault(holder, []).append(doc[index])
    for mention in found.mentions:
        root = doc[mention.start : mention.end].root
        nouns = [c for c in root.lefts if c.dep_ == "compound" and c.pos_ == "NOUN" and c.i < mention.start]
        nouns += [c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
        if root.dep_ == "appos" and root.head.pos_ == "NOUN":
            nouns.append(root.head)
        if nouns:
            out.setdefault(mention.actor, []).extend(nouns)
    return out


def _phrase(token: Token, found: ArticleActors) -> list[str]:
    """A descriptor noun with the modifiers before it that are not places ("opposition leader")."""
    mods = [c for c in token.lefts if c.dep_ in ("compound", "amod") and c.i not in found.by_token and place_of(c, found) is None]
    return [t.lemma_.lower() for t in sorted([*mods, token], key=lambda t: t.i)]


def _state_in(token: Token, found: ArticleActors) -> str | None:
    """The state a description names: a demonym or state before its noun, or "of <State>" after."""
    candidates = [c for c in token.lefts if c.dep_ in ("compound", "amod", "nmod", "poss")]
    candidates += [p for c in token.rights if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
    for candidate in candidates:
        place = place_of(candidate, found)
        if place is not None and place.kind == "state":
            return place.id
    return None
