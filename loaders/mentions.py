"""Mentions: the spans of a parsed article that name actors, each resolved to one actor.

Sources, in order of trust: role phrases attached to a name or resolved through the registry at the
article's date ("the Belarusian leader"), registry names, demonyms and capitals, spaCy entities
(repaired: titles glued to names are cut off, a "person-looking" ORG in apposition to a person's
title is a person), state proxies ("the Russian side"), and pronouns (the most salient person).
Unknown names become new actors; surname-only and misspelt mentions of an actor already seen in the
article resolve to it.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources

import yaml
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from polgraph.graph.model import Actor, Role, slugify
from polgraph.loaders.registry import Registry, norm

__all__ = ["ArticleActors", "Mention", "find_mentions"]


@lru_cache(maxsize=1)
def _proxies() -> dict:
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


def find_mentions(doc: Doc, registry: Registry, published: date | None) -> ArticleActors:
    found = ArticleActors(registry, published)
    proxies = _proxies()
    _registry_names(doc, found)
    _roles(doc, found)
    _institutions(doc, found, set(proxies["institutions"]))
    _entities(doc, found, proxies["entity_kinds"], set(proxies["not_actors"]))
    _state_proxies(doc, found, set(proxies["state_proxies"]))
    _groups(doc, found, set(proxies["people_nouns"]))
    _merge_partial_names(found)
    _descriptions(doc, found)
    _pronouns(doc, found, set(proxies["person_pronouns"]))
    return found


def _merge_partial_names(found: ArticleActors) -> None:
    """A new actor named by part of another's name is that actor: "Warren" is "Elizabeth Warren"
    (whichever came first), "Mahan" is "Mahan Air", "al-Assad" is "Bashar al-Assad"."""
    merged: dict[str, str] = {}
    for actor_id in list(found.new_ids):
        actor = found.actors[actor_id]
        words = norm(actor.name).split()
        if not words:
            continue
        fuller = []
        for other in found.actors.values():
            if other.id == actor_id or other.id in merged:
                continue
            other_words = [w for n in (other.name, *other.aliases) for w in [norm(n).split()]]
            for ow in other_words:
                if len(ow) <= len(words):
                    continue
                person_like = actor.kind == "person" or len(words) == 1
                if other.kind == "person" and (ow[-len(words):] == words or (person_like and _similar(words[-1], ow[-1]) and (
                    len(words) == 1 or words[0][:1] == ow[0][:1]
                ))):
                    fuller.append(other.id)
                    break
                if actor.kind != "person" and other.kind != "person" and ow[: len(words)] == words:
                    fuller.append(other.id)
                    break
        if len(set(fuller)) == 1:
            merged[actor_id] = fuller[0]
    for mention in found.mentions:
        if mention.actor in merged:
            mention.actor = merged[mention.actor]
    for index, holder in list(found.role_tokens.items()):
        found.role_tokens[index] = merged.get(holder, holder)
    for old in merged:
        found.actors.pop(old, None)
        found.new_ids.discard(old)


# -- registry names ------------------------------------------------------------------------------
def _registry_names(doc: Doc, found: ArticleActors) -> None:
    registry = found.registry
    matches = _registry_matcher(registry, doc.vocab)(doc, as_spans=True)
    for span in sorted(matches, key=lambda s: (-(s.end - s.start), s.start)):
        start = span.start + (1 if span[0].lower_ == "the" else 0)
        actor = registry.by_name(span.text)
        if actor is None or start >= span.end:
            continue
        if doc[start:span.end].text.islower():
            continue  # "west", "georgia" in lower case are words, not actors
        found.add(start, span.end, actor, "registry")
    for token in doc:  # capitals as metonymy, demonyms heading a noun phrase ("the Russians")
        if token.i in found.by_token or not token.text[:1].isupper():
            continue
        capital = registry.state_by_capital(token.text)
        if capital is not None and token.ent_type_ in ("GPE", "ORG", "LOC", "") and token.dep_ != "compound":
            found.add(token.i, token.i + 1, capital, "registry")
        elif token.pos_ in ("PROPN", "NOUN") and token.tag_ in ("NNPS", "NNS") and token.dep_ not in ("amod", "compound"):
            state = registry.state_by_demonym(token.text)
            if state is not None:
                found.add(token.i, token.i + 1, state, "registry")


# -- role phrases --------------------------------------------------------------------------------
_TITLE_HEADS = {"president", "leader", "minister", "secretary", "general", "chancellor", "premier",
                "spokesperson", "spokesman", "spokeswoman", "head", "chief", "king", "queen", "emir",
                "ruler", "representative", "chairperson", "chairman", "chair", "speaker", "diplomat",
                "monarch", "strongman", "executive", "pm", "vice-president"}


def _title_of(token: Token, found: ArticleActors) -> tuple[str | None, bool]:
    """The canonical office a title noun names (modifiers included), and whether it means 'leader'."""
    titles = found.registry.titles
    mods = [c for c in token.lefts if c.dep_ in ("compound", "amod") and not _place(c, found)]
    words = [m.lower_ for m in mods if not m.ent_type_ == "PERSON"] + [token.lower_]
    right = [c for c in token.rights if c.dep_ == "prep" and c.lower_ == "of"]
    if right:
        pobj = [c for c in right[0].children if c.dep_ == "pobj"]
        if pobj and pobj[0].lower_ in ("state", "defense", "defence", "foreign", "affairs"):
            words += ["of", *[t.lower_ for t in pobj[0].subtree]]
            found.title_extra.setdefault(token.i, [t.i for t in right[0].subtree])
    for i in range(len(words)):
        phrase = " ".join(words[i:])
        title = titles.title_of(phrase)
        if title:
            return title, False
    if norm(token.lower_) in titles.leader_words:
        return None, True
    return None, False


def _place(token: Token, found: ArticleActors) -> Actor | None:
    """A state or organisation a modifier or object token names (demonym, name, capital)."""
    registry = found.registry
    mention = found.by_token.get(token.i)
    if mention is not None:
        actor = found.actors[mention.actor]
        return actor if actor.kind != "person" else None
    span_text = _compound_text(token)
    return registry.place(span_text) or registry.place(token.text)


def _compound_text(token: Token) -> str:
    left = [c for c in token.lefts if c.dep_ == "compound"]
    start = min([token.i] + [c.left_edge.i for c in left])
    return token.doc[start: token.i + 1].text


def _roles(doc: Doc, found: ArticleActors) -> None:
    consumed: set[int] = set()
    for token in doc:
        if token.lower_ not in _TITLE_HEADS or token.i in consumed or token.tag_ in ("NNS", "NNPS"):
            continue
        if token.pos_ not in ("NOUN", "PROPN"):
            continue
        if token.dep_ in ("attr", "oprd") or (token.dep_ == "pobj" and token.head.lower_ == "as"):
            continue  # "endorse Biden as president", "he became president": the office, not its holder
        title, is_leader = _title_of(token, found)
        if not title and not is_leader:
            continue
        jurisdiction, person = _role_context(token, found, consumed)
        holder = None
        if person is not None:
            holder = person
        elif jurisdiction is not None:
            registry = found.registry
            holder_actor = (
                registry.leader(jurisdiction.id, found.published)
                if is_leader
                else registry.office_holder(title, jurisdiction.id, found.published)
            )
            if holder_actor is not None:
                found.actors.setdefault(holder_actor.id, holder_actor)
                found.actors.setdefault(jurisdiction.id, jurisdiction)
                holder = holder_actor.id
        if holder is not None:
            found.role_tokens[token.i] = holder
            for extra in found.title_extra.get(token.i, ()):
                found.role_tokens.setdefault(extra, holder)
            for mod in token.lefts:
                if mod.dep_ in ("compound", "amod") and mod.i not in found.by_token:
                    place = _place(mod, found)
                    if place is not None and place.kind == "state":  # "the Turkish President": Turkey is named too
                        found.add(mod.i, mod.i + 1, place, "role")
                    else:
                        found.role_tokens.setdefault(mod.i, holder)


def _role_context(token: Token, found: ArticleActors, consumed: set[int]) -> tuple[Actor | None, str | None]:
    """The jurisdiction of a title noun and the person it is attached to, following nested titles."""
    jurisdiction: Actor | None = None
    person: str | None = None
    for child in token.lefts:
        if child.dep_ in ("amod", "compound", "poss", "nmod"):
            jurisdiction = jurisdiction or _place(child, found)
    node = token
    for _ in range(4):  # "press secretary of the President of Russia Dmitry Peskov"
        of = [c for c in node.rights if c.dep_ == "prep" and c.lower_ == "of"]
        if not of:
            break
        pobj = next((c for c in of[0].children if c.dep_ == "pobj"), None)
        if pobj is None:
            break
        if pobj.lower_ in _TITLE_HEADS:
            consumed.add(pobj.i)
            for child in pobj.lefts:
                if child.dep_ in ("amod", "compound", "poss"):
                    jurisdiction = jurisdiction or _place(child, found)
            node = pobj
            continue
        candidate = _person_name(pobj, found)
        if candidate is not None:
            person = candidate
            for child in pobj.lefts:
                if child.dep_ == "compound":
                    jurisdiction = jurisdiction or _place(child, found)
        else:
            jurisdiction = jurisdiction or _place(pobj, found)
        break
    if person is None:
        # "Ukrainian President Volodymyr Zelensky", "Peskov, press secretary ...", "..., Imangali Tasmagambetov"
        if token.dep_ == "compound" and token.head.pos_ == "PROPN":
            person = _person_name(token.head, found)
        elif token.dep_ == "appos":
            person = _person_name(token.head, found)
        if person is None:
            for child in token.rights:
                if child.dep_ == "appos":
                    person = _person_name(child, found, force=True)
                    if person:
                        break
    return jurisdiction, person


def _person_name(token: Token, found: ArticleActors, force: bool = False) -> str | None:
    """The person a proper-noun token names, creating the actor if needed."""
    mention = found.by_token.get(token.i)
    if mention is not None:
        actor = found.actors[mention.actor]
        return actor.id if actor.kind == "person" else None
    if token.pos_ != "PROPN":
        return None
    if not force and token.ent_type_ not in ("PERSON", ""):
        return None
    span = _name_span(token, found)
    if span is None:
        return None
    if not force and len(span) < 2 and token.ent_type_ != "PERSON":
        return None
    actor = _person_actor(span.text, found)
    return found.add(span.start, span.end, actor, "role") and actor.id


def _name_span(token: Token, found: ArticleActors) -> Span | None:
    """The proper-name tokens ending at ``token``: its PROPN compounds, minus places and titles."""
    doc = token.doc
    start = token.i
    while start > 0:
        prev = doc[start - 1]
        if prev.head.i != token.i or prev.dep_ != "compound" or prev.pos_ != "PROPN":
            break
        if prev.lower_ in _TITLE_HEADS or norm(prev.text) in found.registry.titles.honorifics:
            break
        if found.registry.place(prev.text) is not None or prev.i in found.by_token:
            break
        start -= 1
    if any(i in found.by_token for i in range(start, token.i + 1)):
        return None
    return _with_hyphenated_start(doc[start: token.i + 1], found)


def _person_actor(name: str, found: ArticleActors) -> Actor:
    """The actor a person's name means: registry, an article person with that surname, or new."""
    known = found.registry.by_name(name)
    if known is not None:
        return known
    parts = name.split()
    for actor in found.actors.values():
        if actor.kind == "person" and _same_person(parts, actor):
            return actor
    if len(parts) == 1:
        candidates = found.registry.by_surname(name)
        if len(candidates) == 1:
            return candidates[0]
    actor = Actor(id=slugify(name), name=name, kind="person")
    found.new_ids.add(actor.id)
    return actor


def _same_person(parts: list[str], actor: Actor) -> bool:
    for full in (actor.name, *actor.aliases):
        theirs = norm(full).split()
        mine = [norm(p) for p in parts]
        if not theirs or not mine or not mine[-1]:
            continue
        if len(mine) == 1 and _similar(mine[0], theirs[-1]):
            return True
        if len(mine) > 1 and _similar(mine[-1], theirs[-1]) and mine[0][:1] == theirs[0][:1]:
            return True
    return False


def _similar(a: str, b: str) -> bool:
    if a == b:
        return True
    return len(a) >= 5 and a[:4] == b[:4] and difflib.SequenceMatcher(None, a, b).ratio() >= 0.8


# -- entities ------------------------------------------------------------------------------------
def _entities(doc: Doc, found: ArticleActors, kinds: dict[str, str], not_actors: set[str]) -> None:
    registry = found.registry
    for ent in doc.ents:
        if ent.label_ not in kinds:
            continue
        span = _trim(ent, found)
        if span is not None and ent.label_ == "ORG" and _state_led_name(span, found):
            for mention in {id(m): m for m in (found.by_token[i] for i in range(span.start, span.end) if i in found.by_token)}.values():
                _drop(found, mention)
        elif span is not None:
            span = _uncovered_tail(span, found)
        if span is None or any(i in found.role_tokens for i in range(span.start, span.end)):
            continue
        if ent.label_ == "PERSON":
            span = _with_hyphenated_start(span, found)
        if ent.label_ == "ORG":
            span = _with_of_place(span)
        if any(i in found.by_token for i in range(span.start, span.end)):
            continue
        text = span.text
        if text in not_actors:
            continue
        known = registry.by_name(text)
        if known is None and ent.label_ in ("GPE", "NORP", "LOC"):
            known = registry.place(text)
        if known is not None:
            found.add(span.start, span.end, known, "entity")
            continue
        if ent.label_ == "NORP":
            if span.root.tag_ in ("NNPS", "NNS") and span.root.dep_ not in ("amod", "compound"):
                actor = _group_actor(span.text, found)  # "the Kurds", "Shiites"
                found.add(span.start, span.end, actor, "entity")
            continue  # a nationality as an adjective is not an actor of its own
        if ent.label_ == "ORG" and span.root.dep_ == "appos" and span.root.head.pos_ == "NOUN":
            continue  # "a special military operation (SVO)": an acronym of a thing, not an actor
        if ent.label_ == "PERSON" or (ent.label_ == "ORG" and _looks_like_person(span, found)):
            actor = _person_actor(text, found)
        else:
            same = next((a for a in found.actors.values() if a.kind != "person" and norm(a.name) == norm(text)), None)
            actor = same or Actor(id=slugify(text), name=text, kind=kinds[ent.label_])
            if same is None:
                found.new_ids.add(actor.id)
        found.add(span.start, span.end, actor, "entity")


def _trim(ent: Span, found: ArticleActors) -> Span | None:
    """Cut leading articles, titles and honorifics, and a trailing possessive."""
    start, end = ent.start, ent.end
    doc = ent.doc
    honorifics = found.registry.titles.honorifics
    while start < end and (doc[start].lower_ in ("the", "a", "an") or (
        ent.label_ == "PERSON" and (norm(doc[start].text) in honorifics or doc[start].lower_ in _TITLE_HEADS)
    )):
        start += 1
    for i in range(start, end):
        if doc[i].text in ("(", "[", ","):
            end = i
            break
    while end > start and doc[end - 1].tag_ == "POS":
        end -= 1
    if ent.label_ == "PERSON":
        while start < end - 1 and found.registry.place(doc[start].text) is not None:
            start += 1  # "Belarus Alexander Lukashenko": a country glued to a name
    return doc[start:end] if start < end else None


def _state_led_name(span: Span, found: ArticleActors) -> bool:
    """"United States Commission on International Religious Freedom": a state's name modifying an
    organisation's head noun is part of the organisation's name."""
    covered = [i for i in range(span.start, span.end) if i in found.by_token]
    if not covered or covered[0] != span.start or max(covered) + 1 >= span.end:
        return False
    mention = found.by_token[covered[0]]
    if found.actors[mention.actor].kind != "state" or mention.end > max(covered) + 1:
        return False
    head = span.root
    return head.i >= mention.end and span.doc[mention.end - 1].head.i >= mention.end


def _drop(found: ArticleActors, mention: Mention) -> None:
    for i in range(mention.start, mention.end):
        if found.by_token.get(i) is mention:
            del found.by_token[i]
    found.mentions.remove(mention)


def _uncovered_tail(span: Span, found: ArticleActors) -> Span | None:
    """What is left of an entity after the registry's names in it: "Amnesty International Man-kei
    Tam" with Amnesty International known leaves "Man-kei Tam"."""
    covered = [i for i in range(span.start, span.end) if i in found.by_token]
    if not covered:
        return span
    start = max(covered) + 1
    doc = span.doc
    while start < span.end and (doc[start].is_punct or doc[start].lower_ in ("the", "'s")):
        start += 1
    if start >= span.end or doc[start].pos_ != "PROPN":
        return None
    return doc[start:span.end]


def _with_hyphenated_start(span: Span, found: ArticleActors) -> Span:
    """spaCy often starts "Adil Abdul-Mahdi" at "Mahdi": take the hyphenated and compound names before."""
    doc = span.doc
    start = span.start
    while start >= 2 and doc[start - 1].text == "-" and not doc[start - 2].whitespace_ and doc[start - 2].pos_ == "PROPN":
        start -= 2
    for _ in range(2):  # given names before the hyphenated part
        prev = doc[start - 1] if start >= 1 else None
        if prev is None or start == span.start or prev.pos_ != "PROPN" or prev.i in found.by_token:
            break
        if prev.lower_ in _TITLE_HEADS or norm(prev.text) in found.registry.titles.honorifics:
            break
        if found.registry.place(prev.text) is not None or not prev.text[:1].isupper():
            break
        start -= 1
    return doc[start:span.end]


def _institutions(doc: Doc, found: ArticleActors, heads: set[str]) -> None:
    """Capitalised institutions of a known state: "the Parliament of Iraq", "the Iraqi Parliament"."""
    registry = found.registry
    for token in doc:
        if token.lemma_.lower() not in heads or not token.text[:1].isupper() or token.i in found.by_token:
            continue
        start = token.i
        while start > 0 and doc[start - 1].text[:1].isupper() and doc[start - 1].dep_ in ("compound", "amod") and doc[start - 1].head.i in range(start, token.i + 1):
            start -= 1
        state = None
        end = token.i + 1
        if end + 1 < len(doc) and doc[end].lower_ == "of":
            place_end = end + 1 + (1 if doc[end + 1].lower_ == "the" else 0)
            stop = place_end
            while stop < len(doc) and doc[stop].text[:1].isupper() and doc[stop].pos_ == "PROPN":
                stop += 1
            if stop > place_end:
                state = registry.place(doc[place_end:stop].text)
                if state is not None and state.kind == "state":
                    end = stop
        if state is None:
            for mod in doc[start:token.i]:
                candidate = registry.state_by_demonym(mod.text)
                if candidate is not None:
                    state = candidate
                    break
        if state is None or state.kind != "state":
            continue
        words = [t.text for t in doc[start:token.i + 1] if registry.state_by_demonym(t.text) is None]
        if not words or all(t.lower() in ("government",) for t in words):
            continue
        name = f"{' '.join(words)} of {state.name}"
        known = registry.by_name(name)
        actor = known or next((a for a in found.actors.values() if a.name == name), None)
        if actor is None:
            actor = Actor(id=slugify(name), name=name, kind="organization", country=state.id)
            found.new_ids.add(actor.id)
        for i in range(start, end):
            found.by_token.pop(i, None) if found.by_token.get(i) and found.by_token[i].actor == state.id else None
        found.mentions[:] = [m for m in found.mentions if not (start <= m.start and m.end <= end and m.actor == state.id)]
        found.add(start, end, actor, "institution")


def _descriptions(doc: Doc, found: ArticleActors) -> None:
    """"the airline", "this airline" after "Iranian airline Mahan Air": a noun that introduced a
    name (as its compound or apposition) later stands for it."""
    described: dict[str, str] = {}
    for mention in sorted(found.mentions, key=lambda m: m.start):
        actor = found.actors.get(mention.actor)
        if actor is None or actor.kind == "person" or mention.start == 0:
            continue
        before = doc[mention.start - 1]
        if before.pos_ == "NOUN" and before.is_lower and before.i not in found.by_token:
            described.setdefault(before.lemma_.lower(), actor.id)
        root = doc[mention.start:mention.end].root
        for child in root.children:
            if child.dep_ == "appos" and child.pos_ == "NOUN":
                described.setdefault(child.lemma_.lower(), actor.id)
    if not described:
        return
    for token in doc:
        if token.i in found.by_token or token.pos_ != "NOUN" or token.tag_ != "NN":
            continue
        actor_id = described.get(token.lemma_.lower())
        det = next((c for c in token.children if c.dep_ == "det"), None)
        if actor_id and det is not None and det.lower_ in ("the", "this", "that") and not any(
            c.dep_ in ("amod", "compound", "prep") for c in token.children
        ):
            found.add(token.i, token.i + 1, found.actors[actor_id], "description")


def _with_of_place(span: Span) -> Span:
    """"The Federal Aviation Office" + "of Germany" is one organisation's name."""
    doc = span.doc
    end = span.end
    if end + 1 < len(doc) and doc[end].lower_ == "of" and doc[end + 1].ent_type_ in ("GPE", "ORG") and doc[end + 1].ent_iob_ == "B":
        stop = end + 1
        while stop < len(doc) and doc[stop].ent_iob_ in ("B", "I") and (stop == end + 1 or doc[stop].ent_iob_ == "I"):
            stop += 1
        return doc[span.start:stop]
    return span


def _looks_like_person(span: Span, found: ArticleActors) -> bool:
    """An ORG entity that is a person: in apposition to a title, or the subject of a person's title."""
    root = span.root
    return root.dep_ == "appos" and root.head.lower_ in _TITLE_HEADS and len(span) >= 2


# -- state proxies and pronouns ------------------------------------------------------------------
def _state_proxies(doc: Doc, found: ArticleActors, nouns: set[str]) -> None:
    for token in doc:
        if token.lemma_.lower() not in nouns or token.i in found.by_token:
            continue
        for child in token.lefts:
            if child.dep_ in ("amod", "compound", "poss", "nmod"):
                place = _place(child, found)
                if place is not None and place.kind == "state":
                    start = token.i
                    while start > child.i and start - 1 not in found.by_token and doc[start - 1].dep_ in ("amod", "compound"):
                        start -= 1
                    found.add(start, token.i + 1, place, "proxy")
                    break


def _group_actor(name: str, found: ArticleActors) -> Actor:
    same = next((a for a in found.actors.values() if norm(a.name) == norm(name)), None)
    if same is not None:
        return same
    actor = Actor(id=slugify(name), name=name, kind="group")
    found.new_ids.add(actor.id)
    return actor


def _groups(doc: Doc, found: ArticleActors, nouns: set[str]) -> None:
    """Groups of people named by a plural noun and what qualifies it: "Hong Kong protesters",
    "Iraqi Kurds", "ethnic Albanian rebels"; a bare "the protesters" is the group of that noun
    named elsewhere in the article, or the protesters themselves."""
    named: dict[str, Actor] = {}
    bare: list[Token] = []
    for token in doc:
        if token.lower_ not in nouns or token.tag_ not in ("NNS", "NNPS") or token.i in found.by_token:
            continue
        mods = [c for c in token.lefts if c.dep_ in ("amod", "compound", "nmod") and (c.text[:1].isupper() or c.i in found.by_token)]
        if not mods:
            bare.append(token)
            continue
        start = min(m.left_edge.i for m in mods)
        while start < token.i and doc[start].dep_ in ("det", "nummod", "predet", "quantmod") or doc[start].is_punct:
            start += 1
        name = " ".join(t.text for t in doc[start:token.i + 1] if not t.is_punct)
        actor = _group_actor(name, found)
        named.setdefault(token.lower_, actor)
        for mention in [found.by_token.get(i) for i in range(start, token.i)]:
            if mention is not None and mention in found.mentions:
                _drop(found, mention)
        found.add(start, token.i + 1, actor, "group")
    for token in bare:
        actor = named.get(token.lower_) or _group_actor(token.lower_, found)
        found.add(token.i, token.i + 1, actor, "group")


def _pronouns(doc: Doc, found: ArticleActors, pronouns: set[str]) -> None:
    """he/she -> the person of that gender most recently mentioned as a subject or speaker, else
    most recently. Gender comes from titles and given names (language data), else is unknown."""
    proxies = _proxies()
    female = _female_people(doc, found, set(proxies["female_titles"]), set(proxies["female_names"]))
    salient: dict[bool, str] = {}
    recent: dict[bool, str] = {}
    for token in doc:
        actor_id = found.actor_at(token)
        if actor_id and found.actors[actor_id].kind == "person" and found.by_token.get(token.i, None) is None or (
            actor_id and found.by_token.get(token.i) and found.by_token[token.i].how != "pronoun"
            and found.actors[actor_id].kind == "person"
        ):
            is_female = actor_id in female
            recent[is_female] = actor_id
            if token.dep_ in ("nsubj", "nsubjpass") or (token.dep_ == "pobj" and token.head.head.lower_ == "according"):
                salient[is_female] = actor_id
            elif token.head.dep_ in ("nsubj", "nsubjpass") and token.dep_ in ("compound", "appos"):
                salient[is_female] = actor_id
        if token.lower_ in pronouns and token.tag_ in ("PRP", "PRP$") and token.i not in found.by_token:
            is_female = token.lower_ in ("she", "her")
            target = salient.get(is_female) or recent.get(is_female)
            if target:
                found.add(token.i, token.i + 1, found.actors[target], "pronoun")


def _female_people(doc: Doc, found: ArticleActors, titles: set[str], names: set[str]) -> set[str]:
    female = set()
    for mention in found.mentions:
        actor = found.actors.get(mention.actor)
        if actor is None or actor.kind != "person":
            continue
        first = norm(actor.name).split()[:1]
        before = doc[max(mention.start - 2, 0): mention.start]
        if (first and first[0] in names) or any(t.lower_.rstrip(".") in titles for t in before):
            female.add(actor.id)
    return female
