"""What every mention finder shares: the article's actors and mentions, language data, names."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources

import yaml
from spacy.tokens import Span, Token

from polgraph.graph.model import Actor, slugify
from polgraph.loaders.registry import Registry, norm

__all__ = [
    "language_data",
    "Mention",
    "ArticleActors",
    "TITLE_HEADS",
    "place_of",
    "compound_text",
    "person_actor",
    "same_person",
    "similar_names",
    "drop_mention",
    "with_hyphenated_start",
    "group_actor",
]


@lru_cache(maxsize=1)
def language_data() -> dict:
    return yaml.safe_load(resources.files("polgraph.loaders").joinpath("data/proxies.yaml").read_text(encoding="utf-8"))


@dataclass
class Mention:
    start: int
    end: int
    actor: str
    how: str  # registry | role | entity | proxy | pronoun | surname


@dataclass
class ArticleActors:
    """What the mention finder knows about one article: its actors and where each is mentioned."""

    registry: Registry
    published: date | None
    actors: dict[str, Actor] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    by_token: dict[int, Mention] = field(default_factory=dict)
    role_tokens: dict[int, str] = field(default_factory=dict)  # title noun -> actor id
    new_ids: set[str] = field(default_factory=set)  # actors the registry did not know
    title_extra: dict[int, list[int]] = field(default_factory=dict)  # "of State" in "Secretary of State"

    def add(self, start: int, end: int, actor: Actor, how: str) -> Mention | None:
        if any(i in self.by_token for i in range(start, end)):
            return None
        mention = Mention(start, end, actor.id, how)
        self.actors.setdefault(actor.id, actor)
        self.mentions.append(mention)
        for i in range(start, end):
            self.by_token[i] = mention
        return mention

    def actor_at(self, token: Token) -> str | None:
        if token.i in self.role_tokens:
            return self.role_tokens[token.i]
        mention = self.by_token.get(token.i)
        return mention.actor if mention else None


TITLE_HEADS = {
    "president",
    "leader",
    "minister",
    "secretary",
    "general",
    "chancellor",
    "premier",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "head",
    "chief",
    "king",
    "queen",
    "emir",
    "ruler",
    "representative",
    "chairperson",
    "chairman",
    "chair",
    "speaker",
    "diplomat",
    "monarch",
    "strongman",
    "executive",
    "pm",
    "vice-president",
}


def place_of(token: Token, found: ArticleActors) -> Actor | None:
    """A state or organisation a modifier or object token names (demonym, name, capital)."""
    registry = found.registry
    mention = found.by_token.get(token.i)
    if mention is not None:
        actor = found.actors[mention.actor]
        return actor if actor.kind != "person" else None
    span_text = compound_text(token)
    return registry.place(span_text) or registry.place(token.text)


def compound_text(token: Token) -> str:
    left = [c for c in token.lefts if c.dep_ == "compound"]
    start = min([token.i] + [c.left_edge.i for c in left])
    return token.doc[start : token.i + 1].text


def person_actor(name: str, found: ArticleActors) -> Actor:
    """The actor a person's name means: registry, an article person with that surname, or new."""
    known = found.registry.by_name(name)
    if known is not None:
        return known
    parts = name.split()
    for actor in found.actors.values():
        if actor.kind == "person" and same_person(parts, actor):
            return actor
    if len(parts) == 1:
        candidates = found.registry.by_surname(name)
        if len(candidates) == 1:
            return candidates[0]
    actor = Actor(id=slugify(name), name=name, kind="person")
    found.new_ids.add(actor.id)
    return actor


def same_person(parts: list[str], actor: Actor) -> bool:
    for full in (actor.name, *actor.aliases):
        theirs = norm(full).split()
        mine = [norm(p) for p in parts]
        if not theirs or not mine or not mine[-1]:
            continue
        if len(mine) == 1 and similar_names(mine[0], theirs[-1]):
            return True
        if len(mine) > 1 and similar_names(mine[-1], theirs[-1]) and mine[0][:1] == theirs[0][:1]:
            return True
    return False


def similar_names(a: str, b: str) -> bool:
    if a == b:
        return True
    return len(a) >= 5 and a[:4] == b[:4] and difflib.SequenceMatcher(None, a, b).ratio() >= 0.8


def drop_mention(found: ArticleActors, mention: Mention) -> None:
    for i in range(mention.start, mention.end):
        if found.by_token.get(i) is mention:
            del found.by_token[i]
    found.mentions.remove(mention)


def with_hyphenated_start(span: Span, found: ArticleActors) -> Span:
    """spaCy often starts "Adil Abdul-Mahdi" at "Mahdi": take the hyphenated and compound names before."""
    doc = span.doc
    start = span.start
    while (
        start >= 2 and doc[start - 1].text == "-" and not doc[start - 2].whitespace_ and doc[start - 2].pos_ == "PROPN"
    ):
        start -= 2
    for _ in range(2):  # given names before the hyphenated part
        prev = doc[start - 1] if start >= 1 else None
        if prev is None or start == span.start or prev.pos_ != "PROPN" or prev.i in found.by_token:
            break
        if prev.lower_ in TITLE_HEADS or norm(prev.text) in found.registry.titles.honorifics:
            break
        if found.registry.place(prev.text) is not None or not prev.text[:1].isupper():
            break
        start -= 1
    return doc[start : span.end]


def group_actor(name: str, found: ArticleActors) -> Actor:
    same = next((a for a in found.actors.values() if norm(a.name) == norm(name)), None)
    if same is not None:
        return same
    actor = Actor(id=slugify(name), name=name, kind="group")
    found.new_ids.add(actor.id)
    return actor
