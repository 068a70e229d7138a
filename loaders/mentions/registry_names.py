"""Names the registry knows: actors' names and aliases, capitals, plural demonyms."""

from __future__ import annotations

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from polgraph.loaders.mentions.base import ArticleActors, Proposals
from polgraph.loaders.places import subnational_place
from polgraph.loaders.registry import Registry

__all__ = ["find_registry_names"]


def _registry_matcher(registry: Registry, vocab) -> PhraseMatcher:
    cache = registry.__dict__.setdefault("_matchers", {})
    if id(vocab) not in cache:
        matcher = PhraseMatcher(vocab, attr="LOWER")
        tokenizer_docs = {}
        for actor in registry.actors.values():
            for name in (actor.name, *actor.aliases):
                tokenizer_docs.setdefault(name.lower(), name)
        for key, names in (("name", tokenizer_docs),):
            matcher.add(key, [Doc(vocab, words=_words(n)) for n in names.values()])
        cache[id(vocab)] = matcher
    return cache[id(vocab)]


def _words(text: str) -> list[str]:
    out = []
    for part in text.replace("’", "'").split():
        if part.endswith(("'s",)) and len(part) > 2:
            out += [part[:-2], "'s"]
        elif part[-1:] in ",.)" and len(part) > 1 and part not in ("U.S.", "U.K.", "E.U."):
            out += [part[:-1], part[-1]]
        elif part[:1] == "(" and len(part) > 1:
            out += ["(", part[1:]]
        else:
            out.append(part)
    return out


def _inside_place_name(doc: Doc, start: int, end: int, registry: Registry) -> bool:
    """Whether capitalised words before a name make it a province's or territory's name (ISO
    3166-2): "Mexico" in "New Mexico", "Ireland" in "Northern Ireland"."""
    for before in (1, 2):
        first = start - before
        if first < 0 or not all(t.text[:1].isupper() and t.is_alpha for t in doc[first:start]):
            return False
        if subnational_place(doc[first:end].text, registry) is not None:
            return True
    return False


def _ends_a_name(doc: Doc, start: int, end: int, registry: Registry) -> bool:
    """Whether a state's name is the last word of a person's or an organisation's name that entity
    recognition reads as one, after a capitalised word that is no place, title or demonym:
    "Holland" in "Nikki Holland", "France" in "Air France" (not "Vermont" in "Senator from
    Vermont", not "Korea" in "South Korea")."""
    if doc[start].ent_iob_ != "I" or doc[start].ent_type_ not in ("PERSON", "ORG"):
        return False
    if end < len(doc) and doc[end].ent_iob_ == "I":
        return False
    before = doc[start - 1]
    titles = registry.titles.honorifics
    return (before.pos_ == "PROPN" and before.text[:1].isupper() and before.is_alpha
            and registry.place(before.text) is None and registry.state_by_demonym(before.text) is None
            and registry.by_name(before.text) is None and before.lower_ not in titles)


def find_registry_names(doc: Doc, settled: ArticleActors) -> Proposals:
    found = settled.draft()
    registry = found.registry
    matches = _registry_matcher(registry, doc.vocab)(doc, as_spans=True)
    for span in sorted(matches, key=lambda s: (-(s.end - s.start), s.start)):
        start = span.start + (1 if span[0].lower_ == "the" else 0)
        actor = registry.by_name(span.text)
        if actor is None or start >= span.end:
            continue
        if doc[start : span.end].text.islower():
            continue  # "west", "georgia" in lower case are words, not actors
        if _inside_place_name(doc, start, span.end, registry):
            continue  # "New Mexico", "Northern Ireland": a province named after a state
        if actor.kind == "state" and _ends_a_name(doc, start, span.end, registry):
            continue  # "Nikki Holland", "Air France": a state's name that ends a person's or a body's
        found.add(start, span.end, actor, "registry")
    for token in doc:  # capitals as metonymy, demonyms heading a noun phrase ("the Russians")
        if token.i in found.by_token or not token.text[:1].isupper():
            continue
        capital = registry.state_by_capital(token.text)
        if capital is not None and token.ent_type_ in ("GPE", "ORG", "LOC", "") and token.dep_ != "compound":
            found.add(token.i, token.i + 1, capital, "registry")
        elif (
            token.pos_ in ("PROPN", "NOUN") and token.tag_ in ("NNPS", "NNS") and token.dep_ not in ("amod", "compound")
        ):
            state = registry.state_by_demonym(token.text)
            if state is not None:
                found.add(token.i, token.i + 1, state, "registry")
    return found.proposals(settled)
