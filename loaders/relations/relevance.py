"""Political relevance: an act is an event only between political actors or about politics.

Three signals, each from general facts rather than from any article (``data/relevance.yaml``):

- **Who acts** (:func:`standing`): an actor is political when the registry knows it (the registry
  holds states, politicians, parties, organisations of states), when it is a state or a bloc, holds
  an office (a role in the registry or a title in the text), has a political sector (CAMEO type
  code: GOV, MIL, COP, ...), or is a political body by the head word of its name ("Ministry",
  "Parliament", "Party"); it is media by its sector or by the words of its name ("Fox News");
  a natural phenomenon ("Hurricane Lorenzo") is no actor at all; anyone else (a new name nobody
  knows to be political: a musician, a team, a company, a town) is other.
- **What the article is about** (:func:`article_politics`): the share of politics words among the
  article's words that belong to a domain (politics, sport, arts, nature, science, accidents),
  with the share of political actors among the actors it names.
- **What the trigger means in context** is read with the parse, by ``sense``.

The stage :func:`judge` adds the first two to each candidate's features (the scorer weighs them)
and drops what is no event whatever the threshold: an act done by or to a natural phenomenon.
A statement "to" a news medium is not about the medium (``verbs`` leaves it out of the targets).
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.tokens import Doc, Span

from polgraph.loaders.language_data import language_data
from polgraph.loaders.mentions import ArticleActors
from polgraph.loaders.registry import norm
from polgraph.loaders.relations.records import Candidate

__all__ = ["Relevance", "Standing", "article_politics", "default_relevance", "judge", "politics_band", "standing"]


class Standing(enum.StrEnum):
    """What an actor is to politics."""

    POLITICAL = "political"
    MEDIA = "media"
    OTHER = "other"  # a name nobody knows to be political
    NATURE = "nature"  # not an actor: a storm, a fire, a virus
    TOPIC = "topic"  # a target that is no actor


@dataclass(frozen=True)
class Relevance:
    """The language data of political relevance (``data/relevance.yaml``)."""

    political_sectors: frozenset[str]
    media_sectors: frozenset[str]
    political_heads: frozenset[str]
    political_titles: frozenset[str]
    media_words: frozenset[str]
    nature_words: frozenset[str]
    politics: frozenset[str]
    other_domains: frozenset[str]
    verbal_force: frozenset[str]
    nonviolent_force: frozenset[str]
    physical_force: frozenset[str]
    armed_heads: frozenset[str]
    force_context: frozenset[str]
    contest_context: frozenset[str]

    @classmethod
    def load(cls) -> "Relevance":
        doc = language_data("relevance.yaml")
        words = {key: frozenset(str(w).lower() for w in doc[key]) for key in (
            "political_sectors", "media_sectors", "political_heads", "political_titles", "media_words", "nature_words", "politics",
            "verbal_force", "nonviolent_force", "physical_force", "armed_heads", "force_context", "contest_context")}
        words["political_sectors"] = frozenset(w.upper() for w in words["political_sectors"])
        words["media_sectors"] = frozenset(w.upper() for w in words["media_sectors"])
        other = frozenset(str(w).lower() for domain in doc["other_domains"].values() for w in domain)
        return cls(other_domains=other - words["politics"], **words)


@lru_cache(maxsize=1)
def default_relevance() -> Relevance:
    return Relevance.load()


def _name_words(name: str) -> list[str]:
    return norm(name).split()


def standing(actor_id: str, found: ArticleActors, doc: Doc, data: Relevance | None = None) -> Standing:
    """What the actor ``actor_id`` of an article (parsed as ``doc``) is to politics."""
    data = data or default_relevance()
    if actor_id.startswith("topic:"):
        return Standing.TOPIC
    actor = found.actors.get(actor_id)
    if actor is None:
        return Standing.OTHER
    words = _name_words(actor.name)
    if actor.sector and actor.sector[:3] in data.media_sectors:
        return Standing.MEDIA
    known = actor_id not in found.new_ids
    if not known and any(w in data.nature_words for w in words):
        return Standing.NATURE
    if known and actor.kind in ("state", "bloc"):
        return Standing.POLITICAL
    if actor.sector and actor.sector[:3] in data.political_sectors:
        return Standing.POLITICAL
    if not known and _media_name(words, data):
        return Standing.MEDIA
    if known and actor.kind not in ("city", "region"):
        return Standing.POLITICAL
    if actor.roles or actor_id in found.role_tokens.values():
        return Standing.POLITICAL  # an office holder: "Governor Alexander Pimentel"
    if actor.kind in ("organization", "group") and any(w in data.political_heads for w in words):
        return Standing.POLITICAL  # "the Parliament of Iraq", "Democratic Party"
    if actor.kind == "group" and (any(w in data.political_titles for w in words)
                                  or any(found.registry.state_by_demonym(w) is not None for w in words)
                                  or any(m.actor == actor_id and m.how == "entity" for m in found.mentions)):
        return Standing.POLITICAL  # "Ugandan rebels", "Palestinian prisoners", a people: "the Kurds"
    if any(m.actor == actor_id and m.how in _STATE_ORGANS for m in found.mentions):
        return Standing.POLITICAL  # "the Federal Aviation Office of Germany", "the Russian side"
    if actor.kind == "person" and actor.country:
        return Standing.POLITICAL  # a title gave them a state: "the Iraqi Prime Minister"
    if actor.kind == "person" and _titled(actor_id, found, doc, data):
        return Standing.POLITICAL  # "Senator Elizabeth Warren", "Warren, a presidential candidate"
    return Standing.OTHER


def _titled(actor_id: str, found: ArticleActors, doc: Doc, data: Relevance) -> bool:
    """Whether a mention of the person carries a political title: a word before the name in its
    noun phrase ("Senator Warren"), in apposition ("Warren, a senator"), the noun the name is in
    apposition to ("the senator, Elizabeth Warren"), or what the person is said to be or to serve
    as ("Gillibrand, who was a candidate", "Rosselló resigned as the governor")."""
    for mention in found.mentions:
        if mention.actor != actor_id or mention.how == "pronoun":
            continue
        root = doc[mention.start:mention.end].root
        words = [t for t in root.subtree if t.i < mention.start and t.dep_ in ("compound", "amod", "nmod", "appos")]
        words += [c for c in root.children if c.dep_ == "appos"]
        if root.dep_ == "appos":
            words.append(root.head)
        words += [t for t in doc[max(mention.start - 3, 0):mention.start] if t.dep_ in ("compound", "amod")]
        predicates = [c for c in root.children if c.dep_ == "relcl"]
        if root.dep_ in ("nsubj", "nsubjpass"):
            predicates.append(root.head)
        for verb in predicates:
            for child in verb.children:
                if child.dep_ == "attr":
                    words.append(child)
                elif child.dep_ == "prep" and child.lower_ == "as":
                    words += [p for p in child.children if p.dep_ == "pobj"]
        if any(t.lower_ in data.political_titles or t.lemma_.lower() in data.political_titles for t in words):
            return True
    return False


# How a mention was found when it names an organ of a state (``loaders/mentions/collectives``).
_STATE_ORGANS = frozenset({"institution", "proxy"})


def _media_name(words: list[str], data: Relevance) -> bool:
    joined = " ".join(words)
    return any(w in data.media_words for w in words) or any(" " in m and m in joined for m in data.media_words)


def article_politics(sentences: Sequence[Span], found: ArticleActors, data: Relevance | None = None) -> float:
    """How much of the article is politics, 0..1: the mean of the share of politics words among its
    domain words and the share of political actors among the actors it names as more than a place
    or an adjective ("in Kenya", "Kenyan runner"). Each share is 0.5 when there is nothing to count."""
    data = data or default_relevance()
    politics = other = 0
    for sent in sentences:
        for token in sent:
            word = token.lemma_.lower()
            if word in data.politics or token.lower_ in data.politics:
                politics += 1
            elif word in data.other_domains or token.lower_ in data.other_domains:
                other += 1
    words = politics / (politics + other) if politics + other else 0.5
    if not sentences:
        return words
    doc = sentences[0].doc
    standings: dict[str, Standing] = {}
    political = named = 0
    for mention in found.mentions:
        root = doc[mention.start:mention.end].root
        if root.dep_ == "amod" or (root.dep_ == "pobj" and root.head.lower_ in _PLACE_PREPS):
            continue
        if mention.actor not in standings:
            standings[mention.actor] = standing(mention.actor, found, doc, data)
        named += 1
        political += standings[mention.actor] == Standing.POLITICAL
    actors = political / named if named else 0.5
    return (words + actors) / 2


_PLACE_PREPS = frozenset({"in", "at", "near", "from", "to", "across", "throughout", "inside", "outside", "around"})


def politics_band(share: float) -> str:
    """How much of the article is politics, in three bands the scorer weighs."""
    return "high" if share >= 0.65 else "mid" if share >= 0.45 else "low"


def judge(candidates: Sequence[Candidate], found: ArticleActors, sentences: Sequence[Span],
          data: Relevance | None = None) -> list[Candidate]:
    """Each candidate with the features of its political relevance; acts of a natural phenomenon
    (no actor) left out."""
    if not sentences:
        return []
    data = data or default_relevance()
    doc = sentences[0].doc
    band = f"article_politics={politics_band(article_politics(sentences, found, data))}"
    out = []
    known: dict[str, Standing] = {}
    for c in candidates:
        for node in (c.source, c.target):
            if node not in known:
                known[node] = standing(node, found, doc, data)
        source, target = known[c.source], known[c.target]
        if Standing.NATURE in (source, target):
            continue
        ends = {source, target}
        pair = ("both" if source == target == Standing.POLITICAL
                else "source" if source == Standing.POLITICAL
                else "target" if target == Standing.POLITICAL
                else "none")
        out.append(replace(c, features=tuple(dict.fromkeys((
            *c.features, f"source_standing={source}", f"target_standing={target}", f"political={pair}", band,
            *(("media",) if Standing.MEDIA in ends else ()),
        )))))
    return out
