"""States and groups named through what stands for them: "the Russian side", "the Parliament of
Iraq", "Hong Kong protesters"."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from polgraph.graph.model import Actor, slugify
from polgraph.loaders.mentions.base import (
    ArticleActors,
    Proposals,
    drop_mention,
    group_actor,
    main_state,
    party_members,
    people_of,
    place_of,
    proxy_words,
    state_phrase,
)
from polgraph.loaders.registry import Registry, norm
from polgraph.loaders.sectors import agent_nouns

__all__ = ["find_institutions", "find_state_proxies", "find_groups", "find_bare_institutions", "find_party_members"]


def find_institutions(doc: Doc, settled: ArticleActors, heads: set[str]) -> Proposals:
    """Capitalised institutions of a known state: "the Parliament of Iraq", "the Iraqi Parliament",
    "the Turkish Ministry of Foreign Affairs", "the Belarusian KGB" (an acronym with its demonym);
    one named with its state's name before it ("the US State Department") is one of that state too."""
    found = settled.draft()
    registry = found.registry
    for token in doc:
        acronym = token.ent_type_ in ("ORG", "") and token.pos_ == "PROPN" and token.text.isupper() and 2 <= len(token.text) <= 6
        if (token.lemma_.lower() not in heads and not acronym) or not token.text[:1].isupper() or token.i in found.by_token:
            continue
        start = token.i
        while (
            start > 0
            and doc[start - 1].text[:1].isupper()
            and doc[start - 1].dep_ in ("compound", "amod")
            and doc[start - 1].head.i in range(start, token.i + 1)
        ):
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
        named_state: set[int] = set()  # tokens of a state's own name before the head: "US Supreme Court"
        if state is None:
            for mod in doc[start : token.i]:
                candidate = registry.state_by_demonym(mod.text)
                mention = found.by_token.get(mod.i)
                if candidate is None and mention is not None and found.actors[mention.actor].kind == "state" and not _name_goes_on(token):
                    candidate = found.actors[mention.actor]
                    named_state = set(range(mention.start, mention.end))
                if candidate is not None:
                    state = candidate
                    break
        if state is None or state.kind != "state":
            continue
        words = [t.text for t in doc[start : token.i + 1] if registry.state_by_demonym(t.text) is None and t.i not in named_state]
        if not words or all(t.lower() in ("government",) for t in words):
            continue
        if end == token.i + 1 and end < len(doc) and doc[end].lower_ == "of":
            stop = end + 1  # "the Turkish Ministry of Foreign Affairs": the ministry's own "of ..."
            while stop < len(doc) and doc[stop].pos_ in ("PROPN", "CCONJ") and (doc[stop].text[:1].isupper() or doc[stop].lower_ == "and"):
                stop += 1
            if stop > end + 1 and registry.place(doc[end + 1 : stop].text) is None:
                words += [t.text for t in doc[end:stop]]
                end = stop
        if named_state or (acronym and start < token.i):
            name = doc[start:end].text  # "the US State Department", "the Belarusian KGB"
        elif (len(words) > 1 and doc[start].ent_type_ == "ORG" and all(t.text[:1].isupper() for t in doc[start : token.i + 1])
              and norm(" ".join(words)) not in agent_nouns()):
            name = doc[start:end].text  # a proper name, not a generic one: "Syrian Democratic Forces"
        else:
            name = f"{' '.join(words)} of {state_phrase(state)}"
        written = _written_name(doc, start, token.i, end, registry)
        known = registry.by_name(name) or (registry.by_name(written) if written else None)
        actor = known or found.actors.get(slugify(name))
        if actor is None:
            # keyed by the canonical name ("Army of Syria"), whatever an article calls it; named as
            # the article writes a proper name ("the Syrian Army", "Indonesian National Police")
            shown = written or name
            actor = Actor(id=slugify(name), name=shown, kind="organization", country=state.id,
                          aliases=(name,) if shown != name else ())
            found.new_ids.add(actor.id)
        for mention in [m for m in found.mentions if start <= m.start and m.end <= end and m.actor == state.id]:
            drop_mention(found, mention)
        found.add(start, end, actor, "institution")
    return found.proposals(settled)


def _written_name(doc: Doc, start: int, head: int, end: int, registry: Registry) -> str | None:
    """An institution's name as the article writes it, where that is a proper name: a demonym and
    capitalised words ("the Syrian Army", "Philippine National Police"); None for a common noun
    ("the Iraqi parliament") or a name written with "of" ("the Parliament of Iraq")."""
    words = doc[start:end]
    if end != head + 1 or registry.state_by_demonym(doc[start].text) is None:
        return None
    if not all(t.text[:1].isupper() and t.is_alpha for t in words):
        return None
    return words.text


def _name_goes_on(head: Token) -> bool:
    """Whether an entity's name runs on past this head noun ("Commission on International ...")."""
    doc = head.doc
    return head.i + 1 < len(doc) and doc[head.i + 1].ent_iob_ == "I" and doc[head.i + 1].lower_ != "of"


def find_state_proxies(doc: Doc, settled: ArticleActors, nouns: set[str]) -> Proposals:
    found = settled.draft()
    for token in doc:
        if (token.lower_ not in nouns and token.lemma_.lower() not in nouns) or token.i in found.by_token:
            continue
        for child in token.lefts:
            if child.dep_ in ("amod", "compound", "poss", "nmod"):
                place = place_of(child, found)
                if place is not None and place.kind == "state":
                    start = token.i
                    while (
                        start > child.i
                        and start - 1 not in found.by_token
                        and doc[start - 1].dep_ in ("amod", "compound")
                    ):
                        start -= 1
                    found.add(start, token.i + 1, place, "proxy")
                    break
    return found.proposals(settled)


def find_groups(doc: Doc, settled: ArticleActors, nouns: set[str], armed: frozenset[str] = frozenset()) -> Proposals:
    """Groups of people named by a plural noun and what qualifies it: "Hong Kong protesters",
    "Iraqi Kurds", "ethnic Albanian rebels"; a bare "the protesters" is the group of that noun
    named elsewhere in the article, or the protesters themselves. A bare noun of ``armed``
    people ("fighters", "militants") is the armed group of that noun the article names, else the
    bare group where it acts ("Rebels attacked ..."), else no actor: "transports weapons and
    fighters" names no group."""
    found = settled.draft()
    named: dict[str, Actor] = {}
    bare: list[Token] = []
    qualified: list[tuple[int, Token]] = []
    for token in doc:
        if token.lower_ not in nouns or token.tag_ not in ("NNS", "NNPS") or token.i in found.by_token:
            continue
        mods = [
            c
            for c in token.lefts
            if c.dep_ in ("amod", "compound", "nmod") and (c.text[:1].isupper() or c.i in found.by_token)
        ]
        leader = _person_possessing(token, found)
        if not mods and leader is not None:  # "Trump's supporters", "Trump and his supporters"
            actor = group_actor(f"{leader.name.split()[-1]} {token.lower_}", found)
            named.setdefault(token.lower_, actor)
            found.add(token.i, token.i + 1, actor, "group")
            continue
        if not mods:
            start = _qualifier_start(token, found)
            if start is not None and token.lower_ not in armed:
                qualified.append((start, token))
            else:
                bare.append(token)
            continue
        start = min(m.left_edge.i for m in mods)
        while start < token.i and doc[start].dep_ in ("det", "nummod", "predet", "quantmod") or doc[start].is_punct:
            start += 1
        name = " ".join(t.text for t in doc[start : token.i + 1] if not t.is_punct)
        name = party_members(name.split()) or name  # "Republican lawmakers": the Republicans
        # "Algerian landowners", "Afghan rebels": people of the state their demonym names
        states = {p.id for p in (place_of(m, found) for m in mods) if p is not None and p.kind == "state"}
        states |= {s.id for t in doc[start : token.i] if (s := found.registry.state_by_demonym(t.text)) is not None}
        actor = group_actor(name, found, next(iter(states)) if len(states) == 1 else None)
        named.setdefault(token.lower_, actor)
        for mention in [found.by_token.get(i) for i in range(start, token.i)]:
            if mention is not None and mention in found.mentions:
                drop_mention(found, mention)
        found.add(start, token.i + 1, actor, "group")
    for start, token in qualified:  # "poll workers", "anti-government protesters": the text's own qualifier
        actor = named.get(token.lower_) or group_actor(doc[start : token.i + 1].text, found)
        named.setdefault(token.lower_, actor)
        found.add(start, token.i + 1, actor, "group")
    for token in bare:
        if token.lower_ in armed and token.lower_ not in named and token.dep_ not in ("nsubj", "nsubjpass"):
            continue
        actor = named.get(token.lower_) or group_actor(token.lower_, found)
        found.add(token.i, token.i + 1, actor, "group")
    return found.proposals(settled)


def _person_possessing(noun: Token, found: ArticleActors) -> Actor | None:
    """The person whose people a plural noun names: a person's name in the possessive ("Trump's
    supporters") or "his"/"her" in a phrase coordinated with the person's name ("Trump and his
    supporters")."""
    for child in noun.children:
        if child.dep_ != "poss":
            continue
        mention = found.by_token.get(child.i)
        if mention is None and child.lower_ in ("his", "her") and noun.dep_ == "conj":
            mention = found.by_token.get(noun.head.i)
        if mention is not None and found.actors[mention.actor].kind == "person":
            return found.actors[mention.actor]
    return None


def _qualifier_start(noun: Token, found: ArticleActors) -> int | None:
    """Where the words in lower case that narrow a plural noun of people begin ("poll workers",
    "gay citizens", "pro-democracy protesters"), leaving out words that count or set apart
    (``group_quantifiers``: "other", "fellow"); None when nothing narrows it. People so narrowed
    are a part of the people the article names, not the people of its main state."""
    quantifiers = proxy_words("group_quantifiers")
    mods = [c for c in noun.lefts
            if c.dep_ in ("amod", "compound", "nmod") and c.is_lower and c.i not in found.by_token
            and c.tag_ not in ("VBD", "VBN")]  # "(the rally) encouraged supporters": a verb the parser hung on
    if not mods:
        return None
    start = min(m.left_edge.i for m in mods)
    doc = noun.doc
    while start < noun.i and (doc[start].is_punct or doc[start].lower_ in quantifiers
                              or doc[start].dep_ in ("det", "nummod", "predet", "quantmod", "poss")):
        start += 1
    return start if start < noun.i else None


def find_bare_institutions(doc: Doc, settled: ArticleActors, names: dict[str, str],
                           policed: frozenset[str] = frozenset()) -> Proposals:
    """Bodies named by a common noun in lower case with no state before them ("the police fired
    tear gas", "the electoral commission announced"): the body of that kind of the article's main
    state (the registry's where it knows one by the name given, "Police of Hong Kong" for the Hong
    Kong Police Force). A noun modifying another ("police officers", "police vans") names no body;
    one with a state before it ("Turkish police") stands for that state (``state_proxies``). The
    police are such a body only where the article names a crowd they police (a group of a noun of
    ``policed``: "protesters"); in a crime story they are the report's source."""
    found = settled.draft()
    state = main_state(found)
    if state is None:
        return found.proposals(settled)
    crowd = any(a.kind == "group" and norm(a.name).split()[-1:] and norm(a.name).split()[-1] in policed
                for a in found.actors.values())
    phrases = sorted((p for p in names if crowd or p != "police"), key=lambda p: -len(p.split()))
    for token in doc:
        if token.i in found.by_token or not token.is_lower or token.pos_ not in ("NOUN", "PROPN"):
            continue
        if token.dep_ in ("compound", "amod", "poss", "nmod"):
            continue
        for phrase in phrases:
            words = phrase.split()
            start = token.i - len(words) + 1
            if start < 0 or [t.lower_ for t in doc[start : token.i + 1]] != words or any(t.i in found.by_token for t in doc[start : token.i + 1]):
                continue
            if any(c.dep_ in ("amod", "compound", "poss", "nmod") and c.i < start and place_of(c, found) is not None
                   for c in token.lefts):
                break  # "Turkish police": the state itself
            name = names[phrase].format(people=people_of(state, found), state=f"of {state_phrase(state)}")
            registry_name = f"{' '.join(w.capitalize() for w in words)} of {state_phrase(state)}"
            actor = (found.registry.by_name(registry_name) or found.registry.by_name(name)
                     or next((a for a in found.actors.values() if a.name == name), None))
            if actor is None:
                actor = Actor(id=slugify(name), name=name, kind="organization", country=state.id)
                found.new_ids.add(actor.id)
            found.add(start, token.i + 1, actor, "institution")
            break
    return found.proposals(settled)


def find_party_members(doc: Doc, settled: ArticleActors) -> Proposals:
    """A party's members named by its adjective before a noun of members or leaders, in any number:
    "the Democratic leadership", "Republican officials", "Democratic lawmakers" are the party's
    people, the group news calls by the plural ("Democrats")."""
    found = settled.draft()
    for token in doc:
        if token.i in found.by_token or token.pos_ != "NOUN":
            continue
        for child in token.lefts:
            if child.dep_ not in ("amod", "compound") or not child.text[:1].isupper() or child.i in found.by_token:
                continue
            members = party_members([child.text, token.text])
            if members is not None:
                found.add(child.i, token.i + 1, group_actor(members, found), "group")
                break
    return found.proposals(settled)
