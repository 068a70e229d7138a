"""In-article coreference: a partial name is the full one, "the airline" is the airline named before,
he/she is the salient person of that gender."""

from __future__ import annotations

import dataclasses
from collections import Counter

from spacy.tokens import Doc

from polgraph.graph.model import Actor, slugify
from polgraph.loaders.mentions.base import (
    ArticleActors,
    Proposals,
    generic_nouns,
    language_data,
    main_state,
    people_of,
    similar_names,
    state_phrase,
)
from polgraph.loaders.places import subnational_place
from polgraph.loaders.registry import norm
from polgraph.loaders.sectors import agent_nouns

__all__ = ["find_descriptions", "find_pronouns", "find_surnames", "merge_acronyms", "merge_partial_names"]


_NOT_INITIALS = frozenset({"of", "the", "and", "for", "on", "in", "de", "al", "-"})


def merge_acronyms(doc: Doc, found: ArticleActors) -> None:
    """An acronym is the name it abbreviates: "the Popular Mobilization Forces (PMF)" defines PMF;
    an all-capital name that is the initials of exactly one organisation named in the article is
    that organisation. The full name's actor keeps the acronym as an alias."""
    defined: dict[str, str] = {}
    for mention in found.mentions:
        end = mention.end
        if end + 2 < len(doc) + 1 and end + 2 <= len(doc) - 1 and doc[end].text == "(" and doc[end + 2].text == ")":
            word = doc[end + 1].text
            actor = found.actors[mention.actor]
            name = doc[mention.start:end].text
            spelled = _spells(_initials(name), word) or _spells(_initials(_without_state_lead(name, found)), word)
            if _acronym(word) and spelled and actor.kind != "person" and actor.name != word:
                defined.setdefault(word, actor.id)
    merged: dict[str, str] = {}
    for actor_id in sorted(found.new_ids):
        actor = found.actors[actor_id]
        if not _acronym(actor.name) or actor.kind == "person":
            continue
        full = defined.get(actor.name)
        if full is None:
            matching = [a.id for a in found.actors.values()
                        if a.id != actor_id and a.kind != "person"
                        and any(_spells(_initials(n), actor.name) for n in (a.name, _without_state_lead(a.name, found)))]
            full = matching[0] if len(matching) == 1 else None
        if full is not None:
            merged[actor_id] = full
    for mention in found.mentions:
        if mention.actor in merged:
            mention.actor = merged[mention.actor]
    for old, new in merged.items():
        acronym = found.actors.pop(old).name
        found.new_ids.discard(old)
        actor = found.actors[new]
        if acronym not in actor.aliases:
            found.actors[new] = dataclasses.replace(actor, aliases=(*actor.aliases, acronym))


def _spells(initials: str, word: str) -> bool:
    return bool(initials) and initials in (word, word.replace(".", ""), _capitals(word))


def _without_state_lead(name: str, found: ArticleActors) -> str:
    """A name without the state's name it opens with: "Commission on Presidential Debates" of
    "the United States Commission on Presidential Debates", whose acronym (CPD) leaves the state
    out."""
    words = name.split()
    for cut in range(len(words) - 1, 0, -1):
        place = found.registry.place(" ".join(words[:cut]))
        if place is not None and place.kind == "state":
            return " ".join(words[cut:])
    return ""


def _acronym(word: str) -> bool:
    """ "PMF", "U.N.", and acronyms with a small letter in them ("AfCFTA")."""
    letters = word.replace(".", "").replace("-", "")
    return 2 <= len(letters) <= 8 and letters.isalpha() and letters[:1].isupper() and len(_capitals(letters)) >= max(2, len(letters) - 1)


def _capitals(word: str) -> str:
    return "".join(c for c in word if c.isupper())


def _initials(name: str) -> str:
    words = [w for w in name.replace("-", " ").split() if w.lower() not in _NOT_INITIALS]
    return "".join(w[0] for w in words if w[:1].isupper()) if len(words) > 1 else ""


def merge_partial_names(found: ArticleActors, generic: frozenset[str] = frozenset(), doc: Doc | None = None) -> None:
    """A new actor named by part of another's name is that actor: "Warren" is "Elizabeth Warren"
    (whichever came first), "Osama" is "Osama bin Laden", "Mahan" is "Mahan Air" (even where
    "Mahan" alone was taken for a person's name), "al-Assad" is "Bashar al-Assad", and a
    ``generic`` noun named alone ("the Court") is the one organisation of the article whose name
    holds it ("Supreme Court of Brazil"), or of several, the one named most before it."""
    merged: dict[str, str] = {}
    for actor_id in _by_first_mention(found, found.new_ids):
        actor = found.actors[actor_id]
        words = norm(actor.name).split()
        if not words:
            continue
        fuller = []
        for other in found.actors.values():
            if other.id == actor_id or other.id in merged:
                continue
            other_words = [w for n in (other.name, *other.aliases) for w in [norm(n).split()]]
            if actor.kind == other.kind == "organization" and any(_number_variant(words, ow) for ow in other_words):
                fuller.append(other.id)  # "the Defence Force" and "the Defence Forces": one body
                continue
            for ow in other_words:
                if len(ow) <= len(words):
                    continue
                person_like = actor.kind == "person" or len(words) == 1
                if other.kind == "person" and (
                    ow[-len(words) :] == words
                    or (actor.kind == "person" and ow[: len(words)] == words)  # "Osama", "Gloria La"
                    or (len(words) == 1 and len(ow) >= 3 and similar_names(words[0], ow[-2]))  # "Rosselló": Ricardo Rosselló Nevares
                    or (
                        person_like
                        and similar_names(words[-1], ow[-1])
                        and (len(words) == 1 or words[0][:1] == ow[0][:1])
                    )
                ):
                    fuller.append(other.id)
                    break
                if (actor.kind != "person" or len(words) == 1) and other.kind != "person" and (
                    (ow[: len(words)] == words and actor.kind not in ("region", "city"))  # not "Puerto Rico" into "Puerto Rico Center for ..."
                    or (len(words) == 1 and words[0] in generic and words[0] in ow)
                    or _tail_of_a_name(actor, other, found)
                ):
                    fuller.append(other.id)
                    break
        if len(set(fuller)) == 1:
            merged[actor_id] = fuller[0]
        elif len(words) == 1 and words[0] in generic and fuller:
            named = _most_named_before(found, actor_id, set(fuller))
            if named is not None:
                merged[actor_id] = named  # "the Court of Session ... the Supreme Court ... the Court ruled"
    for old in merged:  # "John" into "John Luk" into "John Luk Chun-wai": the last of the chain
        seen = {old}
        while merged[old] in merged and merged[old] not in seen:
            seen.add(merged[old])
            merged[old] = merged[merged[old]]
    for mention in found.mentions:
        if mention.actor in merged:
            mention.actor = merged[mention.actor]
    for index, holder in list(found.role_tokens.items()):
        found.role_tokens[index] = merged.get(holder, holder)
    for old in merged:
        found.actors.pop(old, None)
        found.new_ids.discard(old)
    _settle_generic_names(found, generic, doc)


def _number_variant(words: list[str], other: list[str]) -> bool:
    """Whether a name of two words or more is another's but for the plural "s" the other's last word
    has: the singular is the plural's body ("Defence Force", "Defence Forces")."""
    return len(words) >= 2 and len(words) == len(other) and words[:-1] == other[:-1] and words[-1] + "s" == other[-1]


def _most_named_before(found: ArticleActors, actor_id: str, candidates: set[str]) -> str | None:
    """Of several bodies whose names hold a generic noun ("Court"), the one the noun alone stands
    for: of those named before it, the one the article names most (the article's court, not a
    higher court named once in passing), then the one named last; none when none is named before."""
    first = min((m.start for m in found.mentions if m.actor == actor_id), default=None)
    before = [m for m in found.mentions if m.actor in candidates and first is not None and m.start < first]
    if not before:
        return None
    times = Counter(m.actor for m in found.mentions if m.actor in candidates)
    return max(before, key=lambda m: (times[m.actor], m.start)).actor


def _tail_of_a_name(actor: Actor, other: Actor, found: ArticleActors) -> bool:
    """ "Court of Justice" in an article that names the "European Court of Justice", "Oversight and
    Reform Committee" beside the "House Oversight and Reform Committee": an organisation's name of
    two words or more, one of them a body's word (:func:`~.base.generic_nouns`: "committee",
    "court", "party"), that ends another's after a space is that one named short ("Quds Force" is
    no "Islamic Revolutionary Guard Corps-Quds Force": a unit of it). A longer name that is the
    short one after a state's name is the same body's long name ("United States General Services
    Administration", "the United States Commission on Presidential Debates": a national body
    named with its state); after a province's or a city's name it is another body ("Maryland
    Democratic Party"), left as it is."""
    short = " " + " ".join(actor.name.lower().split())
    if actor.kind != "organization" or len(short.split()) < 2 or not set(norm(actor.name).split()) & generic_nouns():
        return False  # no body's word: "Nicola Sturgeon" read as an organisation is no "Scotland Nicola Sturgeon"
    for name in (other.name, *other.aliases):
        full = " ".join(name.split())
        if not full.lower().endswith(short):
            continue
        lead = full[: len(full) - len(short)]
        place = found.registry.place(lead)
        if place is not None and place.kind == "state" and other.kind == "organization":
            return True
        if place is None and subnational_place(lead, found.registry) is None:
            return True
    return False


def _settle_generic_names(found: ArticleActors, generic: frozenset[str], doc: Doc | None) -> None:
    """A body named without its state, when no fuller name of the article holds it, is that of
    the article's main state, the state it names most, not one node for every state's: "the
    House" is the registry's "House of the United States" (an alias of the House of
    Representatives); an institution ("Parliament", "the Supreme Court") becomes "Parliament of
    the United Kingdom"; people named by a bare plural ("protesters") are those of the state their
    clause places them in ("students protesting in Belgium": "Belgian students"), else of the
    main state ("Serbian protesters"), named with the state's adjective. A name the registry
    knows of no main state but of exactly one state the article names is that one's."""
    main = main_state(found)
    named = sorted((a for a in found.actors.values() if a.kind == "state"), key=lambda a: a.id)
    if main is not None and doc is not None:
        _rehome_registry_bodies(found, main, doc)
    heads = {norm(w) for w in language_data()["institutions"]} & generic
    # armed groups are not the main state's people, as protesters are: they most often fight it
    people = {norm(w) for w in language_data()["people_nouns"]} - {norm(w) for w in language_data()["armed_people"]}
    for actor_id in sorted(found.new_ids):
        actor = found.actors[actor_id]
        if actor.kind not in ("organization", "group") or _names_a_place(actor.name, found):
            continue
        title = f"{actor.name[:1].upper()}{actor.name[1:]}"
        qualified = _registry_body(found, title, [main] if main is not None else []) or _registry_body(found, title, named)
        if qualified is None and main is not None and actor.kind == "organization" and _bare_institution(actor.name, heads):
            qualified = _named(found, f"{title} of {state_phrase(main)}", "organization", main.id)
        if qualified is None and actor.kind == "group" and norm(actor.name) in people:
            place = _placed_in(doc, found, actor_id) or _main_region(found, main) or main
            if place is not None:
                qualified = _named(found, f"{people_of(place, found)} {actor.name}", "group", place.id)
        if qualified is None:
            continue
        found.actors.pop(actor_id)
        found.new_ids.discard(actor_id)
        found.actors.setdefault(qualified.id, qualified)
        if qualified.id not in found.registry.actors:
            found.new_ids.add(qualified.id)
        for mention in found.mentions:
            if mention.actor == actor_id:
                mention.actor = qualified.id


def _rehome_registry_bodies(found: ArticleActors, main: Actor, doc: Doc) -> None:
    """A kind of body the registry holds under its common name for one state ("House of Commons":
    the United Kingdom's), named in an article that never names that state, is the main state's
    body of that name ("the House of Commons" in an article on Canada's election)."""
    states = {m.actor for m in found.mentions if found.actors[m.actor].kind == "state"}
    moved: set[str] = set()
    for mention in found.mentions:
        actor = found.actors[mention.actor]
        if (mention.how != "registry" or actor.kind != "organization" or not actor.country
                or actor.country == main.id or actor.country in states):
            continue
        words = [t.text for t in doc[mention.start:mention.end] if t.lower_ != "the"]
        text = " ".join(words)
        if norm(text) not in agent_nouns():
            continue
        body = _registry_body(found, text, [main]) or _named(found, f"{text} of {state_phrase(main)}", "organization", main.id)
        found.actors.setdefault(body.id, body)
        if body.id not in found.registry.actors:
            found.new_ids.add(body.id)
        moved.add(mention.actor)
        mention.actor = body.id
    mentioned = {m.actor for m in found.mentions} | set(found.role_tokens.values())
    for actor_id in sorted(moved - mentioned):
        found.actors.pop(actor_id)


def _main_region(found: ArticleActors, main: Actor | None) -> Actor | None:
    """The province or territory an article is about: the one it names most, when it names it more
    often than any state ("Protesters called for Rosselló's resignation" in an article on Puerto
    Rico, which names the United States once, are Puerto Rico's)."""
    counts = Counter(m.actor for m in found.mentions if found.actors[m.actor].kind == "region")
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    top, times = ranked[0]
    state_times = sum(1 for m in found.mentions if main is not None and m.actor == main.id)
    return found.actors[top] if times > state_times else None


def _placed_in(doc: Doc | None, found: ArticleActors, actor_id: str) -> Actor | None:
    """The state people are placed in by their own clause: "students protesting in Belgium"."""
    if doc is None:
        return None
    for mention in found.mentions:
        if mention.actor != actor_id:
            continue
        node = doc[mention.start : mention.end].root
        for _ in range(4):  # the noun, then up to the verb of its clause ("thousands of students protested in")
            clauses = [node, *(c for c in node.children if c.dep_ in ("acl", "relcl"))]
            for prep in (c for n in clauses for c in n.children if c.dep_ == "prep" and c.lower_ == "in"):
                for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                    place = found.by_token.get(pobj.i)
                    if place is not None and found.actors[place.actor].kind == "state":
                        return found.actors[place.actor]
            if node.pos_ in ("VERB", "AUX") or node.head is node:
                break
            node = node.head
    return None


def _registry_body(found: ArticleActors, title: str, states: list[Actor]) -> Actor | None:
    """The registry's "<title> of <state>" for exactly one of ``states``."""
    known = {a.id: a for a in (found.registry.by_name(f"{title} of {state_phrase(s)}") for s in states) if a}
    return next(iter(known.values())) if len(known) == 1 else None


def _named(found: ArticleActors, name: str, kind: str, country: str) -> Actor:
    return next((a for a in found.actors.values() if a.name == name or a.id == slugify(name)),
                Actor(id=slugify(name), name=name, kind=kind, country=country))


def _names_a_place(name: str, found: ArticleActors) -> bool:
    words = name.split()
    return any(found.registry.place(" ".join(words[i:j])) for i in range(len(words)) for j in range(i + 1, len(words) + 1))


def _bare_institution(name: str, heads: set[str]) -> bool:
    """ "Parliament", "Supreme Court", "Ministry of Foreign Affairs": a name that is an institution's
    head noun alone or a generic agent phrase of the dictionary with one as its head (not a
    proper name such as "Quds Force")."""
    key = norm(name)
    words = key.split()
    head = words[words.index("of") - 1] if "of" in words[1:] else words[-1] if words else ""
    return head in heads and (len(words) == 1 or key in agent_nouns())


def _by_first_mention(found: ArticleActors, ids: set[str]) -> list[str]:
    """``ids`` in the order the article first names them (then by id): never in a set's hash order,
    which changes from run to run, so that "whichever came first" means the same every time."""
    first: dict[str, int] = {}
    for mention in found.mentions:
        first.setdefault(mention.actor, mention.start)
    return sorted(ids, key=lambda i: (first.get(i, _UNMENTIONED), i))


_UNMENTIONED = 1 << 62  # sorts after every token index
_NOT_NAMES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})


def find_surnames(doc: Doc, settled: ArticleActors) -> Proposals:
    """A person's surname alone, wherever the parser did not take it for a name ("labeled
    Soleimani as a terrorist", tagged a place; "Trump granted ...", the first word of a sentence
    tagged a common noun): the one person of the article with that surname."""
    found = settled.draft()
    by_surname: dict[str, set[str]] = {}
    for actor in found.actors.values():
        words = norm(actor.name).split()
        if actor.kind == "person" and len(words) > 1 and len(words[-1]) > 2:
            by_surname.setdefault(words[-1], set()).add(actor.id)
    for token in doc:
        if token.i in found.by_token or token.pos_ not in ("PROPN", "NOUN") or not token.text[:1].isupper() or token.ent_type_ in _NOT_NAMES:
            continue
        if token.dep_ == "compound" or any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in token.lefts):
            continue  # part of a longer name
        holders = by_surname.get(norm(token.text), set())
        if len(holders) == 1:
            found.add(token.i, token.i + 1, found.actors[next(iter(holders))], "surname")
    return found.proposals(settled)


def find_descriptions(doc: Doc, settled: ArticleActors) -> Proposals:
    """ "the airline", "this airline" after "Iranian airline Mahan Air": a noun that introduced a
    name (as its compound or apposition) later stands for it."""
    found = settled.draft()
    described: dict[str, str] = {}
    for mention in sorted(found.mentions, key=lambda m: m.start):
        actor = found.actors.get(mention.actor)
        if actor is None or actor.kind == "person" or mention.start == 0:
            continue
        before = doc[mention.start - 1]
        if before.pos_ == "NOUN" and before.is_lower and before.i not in found.by_token:
            described.setdefault(before.lemma_.lower(), actor.id)
        root = doc[mention.start : mention.end].root
        for child in root.children:
            if child.dep_ == "appos" and child.pos_ == "NOUN":
                described.setdefault(child.lemma_.lower(), actor.id)
    if not described:
        return found.proposals(settled)
    for token in doc:
        if token.i in found.by_token or token.pos_ != "NOUN" or token.tag_ != "NN":
            continue
        actor_id = described.get(token.lemma_.lower())
        det = next((c for c in token.children if c.dep_ == "det"), None)
        if (
            actor_id
            and det is not None
            and det.lower_ in ("the", "this", "that")
            and not any(c.dep_ in ("amod", "compound", "prep") for c in token.children)
        ):
            found.add(token.i, token.i + 1, found.actors[actor_id], "description")
    return found.proposals(settled)


def find_pronouns(doc: Doc, settled: ArticleActors, pronouns: set[str]) -> Proposals:
    """he/she -> the person of that gender most recently mentioned as a subject or speaker, else
    most recently. Gender comes from titles and given names (language data), else is unknown."""
    found = settled.draft()
    proxies = language_data()
    female = _female_people(doc, found, set(proxies["female_titles"]), set(proxies["female_names"]))
    salient: dict[bool, str] = {}
    recent: dict[bool, str] = {}
    in_sentence: list[tuple[int, str]] = []  # (token, person) mentioned so far in the sentence
    for token in doc:
        if token.is_sent_start:
            in_sentence = []
        actor_id = found.actor_at(token)
        if (
            actor_id
            and found.actors[actor_id].kind == "person"
            and found.by_token.get(token.i, None) is None
            or (
                actor_id
                and found.by_token.get(token.i)
                and found.by_token[token.i].how != "pronoun"
                and found.actors[actor_id].kind == "person"
            )
        ):
            is_female = actor_id in female
            recent[is_female] = actor_id
            in_sentence.append((token.i, actor_id))
            if token.dep_ in ("nsubj", "nsubjpass") or (token.dep_ == "pobj" and token.head.head.lower_ == "according"):
                salient[is_female] = actor_id
            elif token.head.dep_ in ("nsubj", "nsubjpass") and token.dep_ in ("compound", "appos"):
                salient[is_female] = actor_id
        if token.lower_ in pronouns and token.tag_ in ("PRP", "PRP$") and token.i not in found.by_token:
            is_female = token.lower_ in ("she", "her")
            target = _bound_object(token, in_sentence, female, is_female) or salient.get(is_female) or recent.get(is_female)
            if target:
                found.add(token.i, token.i + 1, found.actors[target], "pronoun")
    return found.proposals(settled)


def _bound_object(token, in_sentence: list[tuple[int, str]], female: set[str], is_female: bool) -> str | None:
    """ "him"/"her" as an object is not the subject of its own clause, so it is the person of
    that gender named last before it in the sentence who is not that subject ("the US labeled
    Soleimani a terrorist and levied sanctions against him")."""
    if token.tag_ != "PRP" or token.dep_ not in ("dobj", "pobj", "dative"):
        return None
    verb = token.head.head if token.dep_ == "pobj" else token.head
    subjects: set[int] = set()
    for node in (verb, *verb.ancestors):
        subjects |= {t.i for c in node.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
        if node.dep_ not in ("conj", "xcomp"):
            break
    people = [a for i, a in in_sentence if i not in subjects and (a in female) == is_female]
    return people[-1] if people else None


def _female_people(doc: Doc, found: ArticleActors, titles: set[str], names: set[str]) -> set[str]:
    female = set()
    for mention in found.mentions:
        actor = found.actors.get(mention.actor)
        if actor is None or actor.kind != "person":
            continue
        first = norm(actor.name).split()[:1]
        before = doc[max(mention.start - 2, 0) : mention.start]
        if (first and first[0] in names) or any(t.lower_.rstrip(".") in titles for t in before):
            female.add(actor.id)
    return female
