"""Which of an article's actors become nodes: a name the registry does not know is an actor only
where it acts, a state only where it is more than a venue."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from polgraph.loaders.mentions.base import ArticleActors
from polgraph.loaders.sectors import sector_of

__all__ = ["is_node"]

# Sectors of the offices through which a polity or a body acts: government, legislature, courts,
# police, armed forces, intelligence ("the attorney general of Maine", "Texas police").
_OFFICE_SECTORS = frozenset({"GOV", "LEG", "JUD", "COP", "MIL", "SPY"})

_LOCATIVE = {"in", "at", "near", "across", "within", "throughout", "inside", "outside", "around", "via", "through"}


def is_node(found: ArticleActors, actor_id: str, doc: Doc, in_relations: set[str]) -> bool:
    """Whether an actor the article names is a node of its graph: one the registry knows, a
    person, an end of a relation, or a new name that acts (:func:`_acts`); a state all of whose
    mentions are places where something happens ("talks took place in Turkey") is no node."""
    if actor_id in in_relations:
        return True
    actor = found.actors[actor_id]
    if actor_id in found.new_ids and actor.kind != "person" and not _acts(found, actor_id, doc):
        return False  # an unknown place or thing named only in passing is not an actor
    return not (actor.kind == "state" and _only_a_place(found, actor_id, doc))


def _acts(found: ArticleActors, actor_id: str, doc: Doc) -> bool:
    """Whether an actor is anywhere (part of) the subject of a verb: "Siemens" in "German firms
    including Deutsche Bahn and Siemens have announced ..." acts; a building named in passing does
    not. A place or body acts through its offices too, when they act: "attorneys general from
    Maine, New York and Hawaii joined the suit", "the governor of Texas said"."""
    for mention in found.mentions:
        if mention.actor != actor_id:
            continue
        root = doc[mention.start:mention.end].root
        office = _office_of(root)
        if _subject(root) or (office is not None and _subject(office)) or _paired_with_known(root, found):
            return True
    return False


def _paired_with_known(root: Token, found: ArticleActors) -> bool:
    """Whether a name is coordinated with a state, bloc or organisation the registry knows ("a
    pact between the European Union and Mercosur"): named as its counterpart, it is an actor too."""
    partners = [root.head] if root.dep_ == "conj" else []
    partners += [c for c in root.children if c.dep_ == "conj"]
    for partner in partners:
        mention = found.by_token.get(partner.i)
        if mention is not None and mention.actor not in found.new_ids:
            if found.actors[mention.actor].kind in ("state", "bloc", "organization"):
                return True
    return False


def _subject(node: Token) -> bool:
    """Whether a word is (part of) the subject of a verb, or the agent of a passive one; a member
    named by "which include" is part of the group ("his critics, which include Greenpeace, blame him")."""
    for _ in range(6):
        if node.dep_ in ("nsubj", "nsubjpass", "agent") or _passive_agent(node):
            return True
        group = _group_included_in(node)
        if group is not None:
            node = group
            continue
        if node.dep_ not in ("conj", "appos", "pobj", "prep", "compound") or node.head is node:
            break
        node = node.head
    return False


def _group_included_in(node: Token) -> Token | None:
    """The group a word is named a member of by "which include": "critics" in "his critics,
    which include Greenpeace"."""
    if node.dep_ == "dobj" and node.head.lemma_ == "include" and node.head.dep_ == "relcl":
        return node.head.head
    return None


def _passive_agent(node: Token) -> bool:
    """ "joined in this legal action by attorneys general": a "by" phrase of a passive verb that
    the parser hangs on a noun before it."""
    if node.dep_ != "prep" or node.lower_ != "by":
        return False
    verb = next((a for a in node.ancestors if a.pos_ in ("VERB", "AUX")), None)
    return verb is not None and any(c.dep_ == "auxpass" for c in verb.children)


def _office_of(root: Token) -> Token | None:
    """The office noun a name is the object of "of" or "from" after ("the governor of Texas",
    "attorneys general from Maine, New York and Hawaii": each of a list). A name before its
    office ("Ohio's attorney general", "Ohio Governor X") is one in a title: no actor by that alone."""
    node = root
    while node.dep_ == "conj" and node.head is not node:  # "from Maine, New York, ... and Hawaii"
        node = node.head
    if node.dep_ == "pobj" and node.head.lower_ in ("of", "from") and node.head.dep_ == "prep":
        return _office_noun(node.head.head)
    return None


def _office_noun(token: Token) -> Token | None:
    """The noun, if it and the words of its phrase name an office of a polity or body ("attorneys
    general", "governor", "police", "lawmakers"), by PETRARCH2's agents dictionary."""
    if token.pos_ == "ADJ" and token.dep_ == "amod":
        token = token.head  # "attorneys general from ...": the parser hangs "from" on "general"
    if token.pos_ not in ("NOUN", "PROPN"):
        return None
    words = [t for t in token.subtree if t.i <= token.i and t.dep_ in ("compound", "amod") or t is token]
    words += [t for t in token.rights if t.dep_ in ("amod", "compound") and t.i == token.i + 1]  # "attorneys general"
    words.sort(key=lambda t: t.i)
    lemmas = [t.lemma_.lower() for t in words]
    office = sector_of(lemmas) in _OFFICE_SECTORS or sector_of([token.lemma_.lower()]) in _OFFICE_SECTORS
    return token if office else None


def _only_a_place(found: ArticleActors, actor_id: str, doc: Doc) -> bool:
    """Whether every mention of a state is the object of a locative preposition."""
    for mention in found.mentions:
        if mention.actor == actor_id:
            root = doc[mention.start:mention.end].root
            if not (root.dep_ == "pobj" and root.head.lower_ in _LOCATIVE):
                return False
    return True
