"""Role phrases: "the Belarusian leader", "President of Belarus Alexander Lukashenko".

A title noun with its jurisdiction resolves to the person it is attached to in the sentence, or
to the holder of that office at the article's date (the registry's dated roles)."""

from __future__ import annotations

import dataclasses

from spacy.tokens import Doc, Span, Token

from polgraph.graph.model import Actor
from polgraph.loaders.mentions.base import (
    TITLE_HEADS,
    ArticleActors,
    Proposals,
    name_prefix,
    person_actor,
    place_of,
    with_hyphenated_start,
)
from polgraph.loaders.registry import norm

__all__ = ["find_role_phrases"]


def _title_of(token: Token, found: ArticleActors) -> tuple[str | None, bool]:
    """The canonical office a title noun names (modifiers included), and whether it means 'leader'."""
    titles = found.registry.titles
    mods = [c for c in token.lefts if c.dep_ in ("compound", "amod") and not place_of(c, found)]
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


def find_role_phrases(doc: Doc, settled: ArticleActors) -> Proposals:
    found = settled.draft()
    consumed: set[int] = set()
    holders_of: dict[str, set[str]] = {}  # title -> who it was given to so far in the article
    for token in doc:
        if token.lower_ not in TITLE_HEADS or token.i in consumed or token.tag_ in ("NNS", "NNPS"):
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
            _give_country(found, person, jurisdiction)
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
        elif title and _bare_title(token) and len(holders_of.get(title, ())) == 1:
            holder = next(iter(holders_of[title]))  # "the president" after "US President Donald Trump"
        if holder is not None:
            if title:
                holders_of.setdefault(title, set()).add(holder)
            found.role_tokens[token.i] = holder
            for extra in found.title_extra.get(token.i, ()):
                found.role_tokens.setdefault(extra, holder)
            for mod in token.lefts:
                if mod.dep_ in ("compound", "amod") and mod.i not in found.by_token:
                    place = place_of(mod, found)
                    if place is not None and place.kind == "state":  # "the Turkish President": Turkey is named too
                        found.add(mod.i, mod.i + 1, place, "role")
                    elif _organisation_word(mod):
                        continue  # "African Export-Import Bank president X": the bank is named, for the entity finder
                    else:
                        found.role_tokens.setdefault(mod.i, holder)
    return found.proposals(settled)


def _bare_title(token: Token) -> bool:
    """ "the president", with nothing that says whose: the one the article gave that title before."""
    return (any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
            and not any(c.dep_ in ("compound", "amod", "poss", "nmod", "prep", "appos") for c in token.children))


def _organisation_word(token: Token) -> bool:
    """A word of an organisation's name before a title, which names the organisation, not the office."""
    return token.ent_type_ == "ORG" and token.pos_ == "PROPN"


def _role_context(token: Token, found: ArticleActors, consumed: set[int]) -> tuple[Actor | None, str | None]:
    """The jurisdiction of a title noun and the person it is attached to, following nested titles."""
    jurisdiction: Actor | None = None
    person: str | None = None
    for child in token.lefts:
        if child.dep_ in ("amod", "compound", "poss", "nmod"):
            jurisdiction = jurisdiction or place_of(child, found)
    node = token
    for _ in range(4):  # "press secretary of the President of Russia Dmitry Peskov"
        of = [c for c in node.rights if c.dep_ == "prep" and c.lower_ == "of"]
        if not of:
            break
        pobj = next((c for c in of[0].children if c.dep_ == "pobj"), None)
        if pobj is None:
            break
        if pobj.lower_ in TITLE_HEADS:
            consumed.add(pobj.i)
            for child in pobj.lefts:
                if child.dep_ in ("amod", "compound", "poss"):
                    jurisdiction = jurisdiction or place_of(child, found)
            node = pobj
            continue
        candidate = _person_name(pobj, found)
        if candidate is not None:
            person = candidate
            for child in pobj.lefts:
                if child.dep_ == "compound":
                    jurisdiction = jurisdiction or place_of(child, found)
        else:
            jurisdiction = jurisdiction or place_of(pobj, found)
            person = _name_after(pobj, found)  # "Vice President of the United States Joe Biden"
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


def _name_after(place: Token, found: ArticleActors) -> str | None:
    """The person named right after a title's "of <place>" ("Vice President of the United States Joe
    Biden", "Governor of Wisconsin Tony Evers"): a person's name the parser leaves outside the title."""
    doc = place.doc
    after = place.right_edge.i + 1
    if after >= len(doc) or doc[after].pos_ != "PROPN":
        return None
    mention = found.by_token.get(after)
    if mention is not None:
        return mention.actor if found.actors[mention.actor].kind == "person" else None
    if doc[after].ent_type_ != "PERSON" or doc[after].ent_iob_ != "B":
        return None
    end = after
    while end + 1 < len(doc) and doc[end + 1].ent_iob_ == "I":
        end += 1
    return _person_name(doc[end], found)


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
    actor = person_actor(span.text, found)
    return found.add(span.start, span.end, actor, "role") and actor.id


def _name_span(token: Token, found: ArticleActors) -> Span | None:
    """The proper-name tokens ending at ``token``: its PROPN compounds, minus places and titles."""
    doc = token.doc
    start = token.i
    while start > 0:
        prev = doc[start - 1]
        if prev.head.i != token.i or prev.dep_ != "compound" or prev.pos_ != "PROPN":
            break
        if prev.lower_ in TITLE_HEADS or norm(prev.text) in found.registry.titles.honorifics:
            break
        if prev.i in found.by_token or (name_prefix(prev, found) and not _name_goes_on_left(prev, token, found)):
            break  # "Vermont Bernie Sanders"; but "Rivera" in "Thomas Rivera Schatz" is a name's word
        start -= 1
    if any(i in found.by_token for i in range(start, token.i + 1)):
        return None
    return with_hyphenated_start(doc[start : token.i + 1], found)


def _name_goes_on_left(word: Token, head: Token, found: ArticleActors) -> bool:
    """Whether a proper noun of a name has another word of the same name before it ("Thomas" before
    "Rivera" in "Thomas Rivera Schatz"): a word inside a name, not a place glued before it."""
    before = word.doc[word.i - 1] if word.i > 0 else None
    return (before is not None and before.pos_ == "PROPN" and before.dep_ == "compound" and before.head.i == head.i
            and before.lower_ not in TITLE_HEADS and norm(before.text) not in found.registry.titles.honorifics
            and not name_prefix(before, found))


def _give_country(found: ArticleActors, person_id: str, jurisdiction: Actor | None) -> None:
    """A person the registry does not know belongs to the state their title names ("a US State
    Department spokesperson, Morgan Ortagus"): what they say of that state is their own side's word."""
    if jurisdiction is None or person_id not in found.new_ids:
        return
    country = jurisdiction.id if jurisdiction.kind == "state" else jurisdiction.country
    person = found.actors[person_id]
    if country and person.country is None:
        found.actors[person_id] = dataclasses.replace(person, country=country)
