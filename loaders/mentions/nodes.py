"""Which of an article's actors become nodes: a name the registry does not know is an actor only
where it acts, a state only where it is more than a venue."""

from __future__ import annotations

import unicodedata

from spacy.tokens import Doc, Span, Token

from polgraph.loaders.lexicon import default_lexicon
from polgraph.loaders.mentions.base import (
    TITLE_HEADS,
    ArticleActors,
    generic_nouns,
    introduced_as_body,
    language_data,
    proxy_words,
)
from polgraph.loaders.relations.relevance import Standing, standing
from polgraph.loaders.sectors import agent_nouns, sector_of

__all__ = ["is_graph_node", "is_node"]

# Sectors of the offices through which a polity or a body acts: government, legislature, courts,
# police, armed forces, intelligence ("the attorney general of Maine", "Texas police").
_OFFICE_SECTORS = frozenset({"GOV", "LEG", "JUD", "COP", "MIL", "SPY"})

_LOCATIVE = {"in", "at", "near", "across", "within", "throughout", "inside", "outside", "around", "via", "through"}


def is_graph_node(found: ArticleActors, actor_id: str, doc: Doc, in_relations: set[str]) -> bool:
    """Whether an actor is a node of the article's graph: a node by :func:`is_node`, but a new group
    named only by a plural noun of people ("five other civilians died", "permanent residents must
    register") only as an end of one of the article's relations. (Read inside a quotation, such
    people are still what the speaker talks about: :func:`is_node`.)"""
    if actor_id not in in_relations and actor_id in found.new_ids and _only_people_named(found, actor_id, doc):
        return False
    return is_node(found, actor_id, doc, in_relations)


def is_node(found: ArticleActors, actor_id: str, doc: Doc, in_relations: set[str]) -> bool:
    """Whether an actor the article names is a node of its graph: one the registry knows, a
    person, an end of a relation, or a new name that acts (:func:`_acts`) and is not a news medium
    that only reports; a state all of whose mentions are places ("talks took place in Turkey",
    "Senator X of Vermont") or adjectives of things ("an Italian artwork") is no node."""
    actor = found.actors[actor_id]
    if actor_id in found.new_ids and actor.kind == "organization" and _a_document(actor.name):
        return False  # "the United States Constitution" is what actors invoke, never an actor
    if actor_id in in_relations:
        return True
    if (actor_id in found.new_ids and actor.kind != "person" and not _acts(found, actor_id, doc)
            and not _presented_as_body(found, actor_id, doc) and not _political_body(found, actor_id, doc)):
        return False  # an unknown place or thing named only in passing is not an actor
    if actor_id in found.new_ids and _reports_only(found, actor_id, doc):
        return False
    if actor_id in found.new_ids and actor.kind == "person" and _only_named_by_a_trade(found, actor_id, doc):
        return False  # "such celebrities as fashion designer Tim Gunn": named in passing, no politics
    if actor_id in found.new_ids and actor.kind in ("person", "organization") and _a_site(actor.name):
        return False
    if (actor_id in found.new_ids and actor.kind == "person" and actor_id not in found.role_tokens.values()
            and _only_a_modifier(found, actor_id, doc)):
        return False  # "the Lewinsky affair", "the Tsuen Wan district": a thing's name, no one who acts
    if actor_id in found.new_ids and not _latin(actor.name):
        return False
    return not (actor.kind == "state" and _only_a_place(found, actor_id, doc))


_PLACE_KINDS = frozenset({"state", "region", "city"})


def _only_people_named(found: ArticleActors, actor_id: str, doc: Doc) -> bool:
    """Whether a new group is named only by a plural noun of people, alone or after words in lower
    case ("civilians", "poll workers"), not by a name of its own ("the Kurds", a party's members)
    or with its place ("Idaho voters")."""
    actor = found.actors[actor_id]
    return actor.kind == "group" and all(
        m.how == "group" and all(t.is_lower for t in doc[m.start : m.end - 1])
        for m in found.mentions if m.actor == actor_id)


def _presented_as_body(found: ArticleActors, actor_id: str, doc: Doc) -> bool:
    """Whether an organisation is named after a noun that presents it as one ("They worked with
    the organization Equally American") or as the body a person speaks for ("Jennifer Lu of
    Marriage Equality Coalition Taiwan"): an actor the article introduces, even where it does not
    act as a subject."""
    return found.actors[actor_id].kind == "organization" and any(
        introduced_as_body(doc[m.start:m.end]) or m.how == "affiliation" for m in found.mentions if m.actor == actor_id)


def _political_body(found: ArticleActors, actor_id: str, doc: Doc) -> bool:
    """Whether an organisation is a political body by its name or sector and is named by a proper
    name of its own ("the Republican Party's nominee", "the Moro Islamic Liberation Front", "the
    Iraqi Security Forces"): an actor wherever it is named, as a body the registry knows is, even
    where it does not act. A kind of body named by its common name ("the Embassy", "this Chamber",
    "the U.S. District Court"), a state's office, is an actor only where it acts."""
    if found.actors[actor_id].kind != "organization" or standing(actor_id, found, doc) is not Standing.POLITICAL:
        return False
    return any(_own_name(doc[m.start:m.end], found) for m in found.mentions if m.actor == actor_id)


def _own_name(span: Span, found: ArticleActors) -> bool:
    """Whether a body's mention has words of a name of its own, besides articles, numbers, states'
    names and demonyms, and the words of a kind of body (``sectors``' agent nouns: "district court",
    "national police", "embassy")."""
    registry = found.registry
    words = [t.text for t in span if not (t.is_punct or t.like_num or t.ent_type_ == "ORDINAL" or t.pos_ == "DET"
                                          or registry.state_by_demonym(t.text) is not None)]
    for size in (3, 2, 1):  # a state's name before the body's: "United States", "U.S."
        if len(words) > size and registry.place(" ".join(words[:size])) is not None:
            words = words[size:]
            break
    key = " ".join(words).lower()
    return bool(words) and key not in agent_nouns() and not (len(words) == 1 and key in generic_nouns())


def _only_named_by_a_trade(found: ArticleActors, actor_id: str, doc: Doc) -> bool:
    """Whether every mention of a person (but pronouns) is led by a trade outside politics
    (``non_political_trades``: "fashion designer Tim Gunn", "Grateful Dead drummer Mickey Hart")
    or has it in apposition ("Tim Gunn, a designer")."""
    trades = proxy_words("non_political_trades")
    full = [m for m in found.mentions if m.actor == actor_id and m.how != "pronoun"]
    if not full:
        return False
    for mention in full:
        before = doc[mention.start - 1] if mention.start > 0 else None
        appositive = any(c.dep_ == "appos" and c.lemma_.lower() in trades for c in doc[mention.start:mention.end].root.children)
        if not ((before is not None and before.lemma_.lower() in trades) or appositive):
            return False
    return True


def _only_a_modifier(found: ArticleActors, actor_id: str, doc: Doc) -> bool:
    """Whether every mention of a person (but pronouns) is a name before a common noun of a thing
    that it names ("the Lewinsky affair", "the Tsuen Wan district", "the Jamaah Ansharut Daulah
    network"): not before people or an office of theirs ("Sanders supporters"), nor before an act
    ("the Trump visit"), where the person is the one who acts."""
    people = proxy_words("people_nouns", "state_proxies")
    full = [m for m in found.mentions if m.actor == actor_id and m.how != "pronoun"]
    for mention in full:
        root = doc[mention.start:mention.end].root
        head = root.head
        if not (root.dep_ in ("compound", "nmod") and head.pos_ == "NOUN" and head.i >= mention.end
                and head.i not in found.by_token and head.i not in found.role_tokens):
            return False
        if (head.lemma_.lower() in people or head.lower_ in people or head.lemma_.lower() in default_lexicon().nominal
                or _office_noun(head) is not None or sector_of([head.lemma_.lower()]) is not None):
            return False
    return bool(full)


def _a_document(name: str) -> bool:
    """Whether a name of two words or more names a law or a document by its last word
    (``document_words``: "the United States Constitution", "the Tenure of Office Act")."""
    words = name.lower().split()
    return len(words) >= 2 and words[-1] in proxy_words("document_words")


def _a_site(name: str) -> bool:
    """Whether a name of two words or more names a place or a building by its last word
    (``site_words``: "Chippewa Falls", "Jolo Cathedral") or its first (``site_openers``: "Ciudad
    Juárez")."""
    words = name.lower().split()
    data = language_data()
    return len(words) >= 2 and (words[-1] in data["site_words"] or words[0] in data["site_openers"])


def _latin(name: str) -> bool:
    """Whether a name is written in Latin letters: text in another script ("Кремль", a Hindi
    quotation) read by the English model as names is no actor an English reading lists."""
    return all("LATIN" in unicodedata.name(c, "") for c in name if c.isalpha())


def _acts(found: ArticleActors, actor_id: str, doc: Doc) -> bool:
    """Whether an actor is anywhere (part of) the subject of a verb: "Siemens" in "German firms
    including Deutsche Bahn and Siemens have announced ..." acts; a building named in passing does
    not. A place or body acts through its offices too, when they act: "attorneys general from
    Maine, New York and Hawaii joined the suit", "the governor of Texas said"."""
    for mention in found.mentions:
        if mention.actor != actor_id:
            continue
        root = doc[mention.start:mention.end].root
        kind = found.actors[actor_id].kind
        place = kind in _PLACE_KINDS
        if place and (_place_of_person(root, found) or _modifier_of_a_thing(root, found)):
            continue
        office = _office_of(root)
        if (
            _subject(root, places_stop=place)
            or _subject_of_relative_clause(root)
            or (office is not None and _subject(office))
            or (_may_be_counterpart(kind) and _paired_with_known(root, found))
            or (kind == "organization" and any(_subject(t) for t in _other_roots(doc[mention.start:mention.end])))
            or (kind in ("organization", "group") and _acted_on_by_an_actor(root, found))
        ):
            return True
    return False


# Prepositions that bring in the other party of an act: "agreed with Airbus", "appealed to the
# board", "filed a suit against the agency".
_COUNTERPART_PREPOSITIONS = frozenset({"with", "to", "against"})


def _acted_on_by_an_actor(root: Token, found: ArticleActors) -> bool:
    """Whether a body is the object of a verb of a political act (the lexicon's, not a verb of
    speech: "told The Verge" names a listener) whose subject is an actor (:func:`_an_actor`): "the
    president blamed the Democratic leadership", "Hungary agreed with Airbus", "Ford disclosed the
    matter to the Air Board"."""
    node = root
    if node.dep_ == "pobj" and node.head.lower_ in _COUNTERPART_PREPOSITIONS and node.head.dep_ == "prep":
        node = node.head
    elif node.dep_ != "dobj":
        return False
    verb = node.head
    lexicon = default_lexicon()
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in lexicon.verbs or verb.lemma_.lower() in lexicon.speech:
        return False
    while verb.dep_ in ("conj", "dep") and verb.head.pos_ == "VERB" and not any(c.dep_ == "nsubj" for c in verb.children):
        verb = verb.head  # "Hungary licensed ... then agreed with Airbus": the first verb's subject
    return any(c.dep_ == "nsubj" and _an_actor(c, found) for c in verb.children)


_PERSONAL_PRONOUNS = frozenset({"he", "she", "they", "we", "i"})


def _an_actor(token: Token, found: ArticleActors) -> bool:
    """Whether a subject is an actor: a name the article resolves, a title ("the president") or a
    personal pronoun."""
    return (token.i in found.by_token or token.i in found.role_tokens or token.lower_ in TITLE_HEADS
            or token.lower_ in _PERSONAL_PRONOUNS)


def _other_roots(span: Span) -> list[Token]:
    """The words of a name other than its root that the parser hangs outside it: "Women" in
    "organized by Women for America First" read as "organized by Women" + "for America First"."""
    root = span.root
    return [t for t in span if t is not root and not span.start <= t.head.i < span.end]


def _reports_only(found: ArticleActors, actor_id: str, doc: Doc) -> bool:
    """Whether an actor is a news medium the registry does not know, with no relation: one that
    reports ("The Jakarta Post reports", "a poll published by NBC News") is the article's
    source, not an actor in it; one acted on or acting is an end of a relation."""
    return found.actors[actor_id].kind == "organization" and standing(actor_id, found, doc) is Standing.MEDIA


def _may_be_counterpart(kind: str) -> bool:
    """A province or US state listed beside a state ("Alabama, Georgia, Florida", where "Georgia"
    is read as the country) is no counterpart of it: only a polity or body is."""
    return kind != "region"


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


def _located(node: Token) -> bool:
    """Whether a word on the way up to a subject is a locative preposition: what it governs is
    where the subject is ("a federal judge in Texas ruled"), not part of it."""
    return node.dep_ == "prep" and node.lower_ in _LOCATIVE


def _subject(node: Token, places_stop: bool = False) -> bool:
    """Whether a word is (part of) the subject of a verb, or the agent of a passive one; a member
    named by "which include" is part of the group ("his critics, which include Greenpeace, blame him").
    With ``places_stop``, a place where the subject is does not act with it: "a federal judge in
    Texas ruled", "officials in Kerala arrested a man"."""
    for _ in range(6):
        if node.dep_ in ("nsubj", "nsubjpass", "agent") or _passive_agent(node):
            return True
        if places_stop and _located(node):
            return False
        group = _group_included_in(node)
        if group is not None:
            node = group
            continue
        if node.dep_ not in ("conj", "appos", "pobj", "prep", "compound") or node.head is node:
            break
        node = node.head
    return False


def _subject_of_relative_clause(root: Token) -> bool:
    """Whether a name is what the relative pronoun of its own clause stands for, and that pronoun
    the clause's subject: "the Second Circuit Court of Appeals, which issued a stay" acts."""
    return any(
        clause.dep_ == "relcl" and any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("which", "who", "that")
                                       for c in clause.children)
        for clause in root.children
    )


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
    """Whether every mention of a state is the object of a locative preposition, the place a
    person is of or from (:func:`_place_of_person`) or an adjective of a thing
    (:func:`_adjective_of_a_thing`)."""
    for mention in found.mentions:
        if mention.actor == actor_id:
            root = doc[mention.start:mention.end].root
            if not (
                _locative(root)
                or _names_a_war(root)
                or _place_of_person(root, found)
                or _adjective_of_a_thing(doc[mention.start:mention.end], found)
            ):
                return False
    return True


def _names_a_war(root: Token) -> bool:
    """Whether a state's name is part of a war's name ("during the Vietnam War", "the Iraq War"):
    the war is named, not the state as an actor."""
    return root.dep_ == "compound" and root.head.lower_ in ("war", "wars")


def _locative(root: Token) -> bool:
    """Whether a name is where something happens: the object of a locative preposition ("talks
    took place in Turkey"), or a home left or taken (:func:`_home`)."""
    return (root.dep_ == "pobj" and root.head.lower_ in _LOCATIVE) or _home(root)


def _home(root: Token) -> bool:
    """Whether a name is a home left or taken, the object of "to" or "from" after a verb of
    settling with no object ("moved to Malaysia", "fled from Syria"; not "returned the tanker to
    the UK"), or a name in apposition or coordinated with a place ("in Mindanao, Philippines")."""
    node = root
    while node.dep_ in ("conj", "appos") and node.head is not node:
        node = node.head
    if node.dep_ != "pobj":
        return False
    if node is not root and node.head.lower_ in _LOCATIVE:
        return True
    verb = node.head.head
    return (
        node.head.lower_ in ("to", "from")
        and verb.pos_ == "VERB"
        and verb.lemma_.lower() in proxy_words("motion_verbs")
        and not any(c.dep_ == "dobj" for c in verb.children)
    )


def _place_of_person(root: Token, found: ArticleActors) -> bool:
    """Whether a place is named as where a person is of or from, after the person's name:
    "Senator Elizabeth Warren of Massachusetts", "Alexander Gagay of Yekaterinburg", "Bruce
    McArthur, from Toronto" (each of a list: "Senators X of Florida, Y of Utah"). The place is
    the person's constituency or home, not an actor by that; "the governor of Ohio" names an office
    of the place, not a person (:func:`_office_of`)."""
    node = root
    while node.dep_ in ("conj", "appos") and node.head is not node:  # "of Montreal, Quebec"
        node = node.head
    if not (node.dep_ == "pobj" and node.head.lower_ in ("of", "from") and node.head.dep_ == "prep"):
        return False
    head = node.head.head
    mention = found.by_token.get(head.i)
    return mention is not None and head.i not in found.role_tokens and found.actors[mention.actor].kind == "person"


def _modifier_of_a_thing(root: Token, found: ArticleActors) -> bool:
    """Whether a place's name modifies a common noun of a thing or an event, not a body, office,
    people or act of it: "The Nevada caucuses were the third step", "the Wisconsin primary"
    (the place does not act with its caucuses); "Texas police", "Arizona officials" (offices),
    "the Turkish offensive" (an act) and "Wisconsin Governor Tony Evers" (a title) are not such."""
    head = root.head
    if root.dep_ != "compound" or head.pos_ != "NOUN" or head.i in found.role_tokens or head.i in found.by_token:
        return False
    if _office_noun(head) is not None or head.lemma_.lower() in default_lexicon().nominal:
        return False
    data = language_data()
    if {head.lower_, head.lemma_.lower()} & {*data["state_proxies"], *data["people_nouns"]}:
        return False  # "Ohio officials", "Ohio voters": its people or organs
    return sector_of([head.lemma_.lower()]) is None


def _adjective_of_a_thing(span: Span, found: ArticleActors) -> bool:
    """Whether a state is named only by its adjective before a thing, not a body or people of it:
    "an Italian artwork", "the Japanese cartoon", "Italian artist Maurizio Cattelan" (a person's
    nationality). "Turkish troops", "the Iranian government" name the state acting (they are
    proxies or offices), "the Turkish offensive" its act (an event noun of the lexicon); a demonym
    naming a group is the group's."""
    root = span.root
    if root.dep_ not in ("amod", "compound", "nmod") or found.registry.state_by_demonym(span.text) is None:
        return False
    if any(c.dep_ == "det" for c in root.children):
        return False  # "The British relinquished control": the people, parsed as an adjective
    if root.head.lemma_.lower() in default_lexicon().nominal:
        return False  # an act of the state: "the Turkish offensive", "the American withdrawal"
    if found.registry.by_name(span.text) is not None:
        return False  # the state's own name used as a modifier ("US forces"), not its adjective
    head = root.head
    if head.i in found.role_tokens or _office_noun(head) is not None:
        return False  # a title or an office: "the Ukrainian president", "Turkish police"
    return sector_of([head.lemma_.lower()]) is None or head.i in found.by_token
