"""Mentions: the spans of a parsed article that name actors, each resolved to one actor.

Each finder reads the mentions settled so far and returns what it proposes (spans, title words
standing for an office holder, facts about actors); :func:`~.base.resolve` settles each finder's
proposals against the settled mentions by one rule (longest first; a span overlapping a settled
mention is dropped unless it is a longer name holding it whole). Finders run in order of trust:
registry names, demonyms and capitals; role phrases attached to a name or resolved through the
registry at the article's date ("the Belarusian leader"); spaCy entities, repaired; institutions,
state proxies ("the Russian side") and groups of people; then coreference: partial and misspelt
names and acronyms are merged into the full name, then descriptions ("the airline") and pronouns
are found. Unknown names become new actors. Last, each actor named gets the sector and state the
article and the registry give it. Across articles, while loading into a store: ``known``.
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc

from polgraph.loaders.mentions.base import (
    ArticleActors,
    Mention,
    caption_tokens,
    generic_nouns,
    language_data,
    resolve,
)
from polgraph.loaders.mentions.collectives import (
    find_bare_institutions,
    find_groups,
    find_institutions,
    find_party_members,
    find_state_proxies,
)
from polgraph.loaders.mentions.coreference import (
    find_descriptions,
    find_pronouns,
    find_surnames,
    merge_acronyms,
    merge_partial_names,
)
from polgraph.loaders.mentions.describe import describe_actors
from polgraph.loaders.mentions.entities import find_entities, find_untagged_names
from polgraph.loaders.mentions.registry_names import find_registry_names
from polgraph.loaders.mentions.roles import find_role_phrases
from polgraph.loaders.registry import Registry

__all__ = ["ArticleActors", "Mention", "find_mentions"]


def find_mentions(doc: Doc, registry: Registry, published: date | None) -> ArticleActors:
    found = ArticleActors(registry, published, blocked=caption_tokens(doc))
    proxies = language_data()
    resolve(found, find_registry_names(doc, found))
    resolve(found, find_role_phrases(doc, found))
    resolve(found, find_institutions(doc, found, set(proxies["institutions"])))
    not_actors = {*proxies["not_actors"], *proxies["time_zones"]}
    resolve(found, find_entities(doc, found, proxies["entity_kinds"], not_actors))
    resolve(found, find_untagged_names(doc, found))
    resolve(found, find_state_proxies(doc, found, set(proxies["state_proxies"])))
    resolve(found, find_party_members(doc, found))
    resolve(found, find_groups(doc, found, set(proxies["people_nouns"]), frozenset(proxies["armed_people"])))
    resolve(found, find_bare_institutions(doc, found, proxies["bare_institutions"], frozenset(proxies["policed_groups"])))
    merge_acronyms(doc, found)
    merge_partial_names(found, generic_nouns(), doc)
    resolve(found, find_surnames(doc, found))
    resolve(found, find_descriptions(doc, found))
    resolve(found, find_pronouns(doc, found, set(proxies["person_pronouns"])))
    describe_actors(doc, found)
    return found
