"""Mentions: the spans of a parsed article that name actors, each resolved to one actor.

Finders run in order of trust, each on what the earlier ones left: registry names, demonyms and
capitals; role phrases attached to a name or resolved through the registry at the article's date
("the Belarusian leader"); spaCy entities, repaired; institutions, state proxies ("the Russian
side") and groups of people; then coreference: partial and misspelt names, descriptions ("the
airline"), pronouns. Unknown names become new actors.
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc

from polgraph.loaders.mentions.base import ArticleActors, Mention, language_data
from polgraph.loaders.mentions.collectives import (
    find_groups,
    find_institutions,
    find_state_proxies,
)
from polgraph.loaders.mentions.coreference import (
    find_descriptions,
    merge_partial_names,
    resolve_pronouns,
)
from polgraph.loaders.mentions.entities import find_entities
from polgraph.loaders.mentions.registry_names import find_registry_names
from polgraph.loaders.mentions.roles import find_role_phrases
from polgraph.loaders.registry import Registry

__all__ = ["ArticleActors", "Mention", "find_mentions"]


def find_mentions(doc: Doc, registry: Registry, published: date | None) -> ArticleActors:
    found = ArticleActors(registry, published)
    proxies = language_data()
    find_registry_names(doc, found)
    find_role_phrases(doc, found)
    find_institutions(doc, found, set(proxies["institutions"]))
    find_entities(doc, found, proxies["entity_kinds"], set(proxies["not_actors"]))
    find_state_proxies(doc, found, set(proxies["state_proxies"]))
    find_groups(doc, found, set(proxies["people_nouns"]))
    merge_partial_names(found)
    find_descriptions(doc, found)
    resolve_pronouns(doc, found, set(proxies["person_pronouns"]))
    return found
