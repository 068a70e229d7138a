"""spaCy's entities, repaired: titles and countries glued to names cut off, organisation names
with "of <place>" and state-led names kept whole, an ORG in apposition to a title read as a person."""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Span, Token

from polgraph.graph.model import Actor, slugify
from polgraph.loaders.mentions.base import (
    TITLE_HEADS,
    ArticleActors,
    Proposals,
    drop_mention,
    generic_nouns,
    group_actor,
    introduced_as_body,
    language_data,
    name_prefix,
    party_members,
    person_actor,
    proxy_words,
    shared_surname,
    surname_holder,
    with_hyphenated_start,
)
from polgraph.loaders.places import subnational_place
from polgraph.loaders.registry import norm

__all__ = ["find_entities", "find_untagged_names"]


def find_entities(doc: Doc, settled: ArticleActors, kinds: dict[str, str], not_actors: set[str]) -> Proposals:
    found = settled.draft()
    registry = found.registry
    labels = _labels_by_name(doc)
    for ent in doc.ents:
        label = _voted_label(ent, labels)
        if label not in kinds:
            continue
        span = _trim(ent, label, found)
        if span is not None and label == "ORG" and (
            _state_led_name(span, found) or _hyphen_joined(span, found) or introduced_as_body(span)
            or _state_within_name(span, found)
        ):
            for mention in {
                id(m): m for m in (found.by_token[i] for i in range(span.start, span.end) if i in found.by_token)
            }.values():
                drop_mention(found, mention)
        elif span is not None:
            span = _uncovered_tail(span, found)
            if span is not None and label == "ORG" and _thing_of_an_actor(span, ent):
                continue
        if span is None or any(i in found.role_tokens for i in range(span.start, span.end)):
            continue
        if label == "ORG" and _title_complement(span):
            continue  # "the Secretary of Justice", "the Secretary of State": a part of the title
        if label == "ORG" and _looks_like_person(span, found):
            label = "PERSON"
        titled = _titled_person(span, found) if label == "ORG" else None
        if titled is not None:
            span, label = titled, "PERSON"
        if label == "PERSON":
            span = with_hyphenated_start(span, found)
        if label == "ORG":
            span = _with_for_name(_with_of_place(span), found)
        if any(i in found.by_token for i in range(span.start, span.end)):
            continue
        person = _known_person_within(span, found) if label in ("PERSON", "ORG") and len(span) >= 3 else None
        if person is not None:
            span, label = person, "PERSON"
        text = span.text
        if text in not_actors:
            continue
        known = registry.by_name(text)
        if known is None and label in ("GPE", "NORP", "LOC"):
            known = registry.place(text)
        if known is not None:
            found.add(span.start, span.end, known, "entity")
            continue
        if not (_is_a_name(span) or introduced_as_body(span)):
            continue
        members = party_members(text.split()) if label in ("ORG", "NORP") else None
        if members is not None:
            found.add(span.start, span.end, group_actor(members, found), "entity")  # "Republican Representatives"
            continue
        if label == "NORP":
            if span.root.tag_ in ("NNPS", "NNS") and span.root.dep_ not in ("amod", "compound"):
                actor = group_actor(span.text, found)  # "the Kurds", "Shiites"
                found.add(span.start, span.end, actor, "entity")
            continue  # a nationality as an adjective is not an actor of its own
        if label == "ORG" and span.root.dep_ == "appos" and span.root.head.pos_ == "NOUN" and not introduced_as_body(span):
            continue  # "a special military operation (SVO)": an acronym of a thing, not an actor
        if shared_surname(text, found):
            continue  # one of several people of that surname: no one can say which
        holder = surname_holder(text, found)
        if holder is not None:
            actor = holder  # "Trump" tagged an organisation, "Biden" a place: the person of that surname
        elif label == "PERSON":
            actor = person_actor(text, found)
        elif label == "GPE":
            actor = _place_actor(text, found)
        else:
            same = next((a for a in found.actors.values() if a.kind != "person" and norm(a.name) == norm(text)), None)
            actor = same or Actor(id=slugify(text), name=text, kind=kinds[label])
            if same is None:
                found.new_ids.add(actor.id)
        found.add(span.start, span.end, actor, "entity")
    return found.proposals(settled)


def _labels_by_name(doc: Doc) -> dict[str, Counter[str]]:
    """How entity recognition labelled each name across the article (every label, actor or not)."""
    labels: dict[str, Counter[str]] = {}
    for ent in doc.ents:
        labels.setdefault(norm(ent.text), Counter())[ent.label_] += 1
    return labels


def _voted_label(ent: Span, labels: dict[str, Counter[str]]) -> str:
    """The label the article gives this name most often, when it gives it at least twice and more
    often than this mention's own ("Brexit" read as an event twice and once as a person is an
    event); else the mention's own label."""
    counts = labels.get(norm(ent.text), Counter())
    best, times = max(counts.items(), key=lambda item: (item[1], item[0] == ent.label_), default=(ent.label_, 0))
    return best if times >= 2 and times > counts[ent.label_] else ent.label_


# Words inside a name that are not capitalised: "Bashar al-Assad", "Ursula von der Leyen".
_NAME_PARTICLES = frozenset({"of", "the", "and", "for", "on", "in", "de", "del", "della", "der", "den", "van", "von",
                             "al", "el", "bin", "ibn", "bint", "da", "di", "du", "la", "le", "y", "e", "'s", "-", "&",
                             "to"})  # "Committee to Protect Journalists"


def _is_a_name(span: Span) -> bool:
    """Whether a span the registry does not know has the shape of a proper name: a word that is
    not a particle and not in lower case, no digit in it ("1.6%", "COVID-19" are not actors'
    names), no brackets of an edited quotation, and a proper noun in it (a capitalised common
    noun opening a sentence, "Reports", is not a name)."""
    words = [t for t in span if not t.is_punct or t.text in ("-", "&")]
    if not words or any(any(c.isdigit() or c in "[]" for c in t.text) for t in span):
        return False
    if len(words) >= 2 and words[-1].lower_ == "party" and all(t.text[:1].isupper() for t in words[:-1]):
        return True  # "the Democratic party": a party's name with its head noun in lower case
    if any(t.is_lower and t.lower_ not in _NAME_PARTICLES and not _after_hyphen(t) for t in words):
        return False
    return any(t.pos_ == "PROPN" for t in words)


def _after_hyphen(token: Token) -> bool:
    """ "kei" in "Man-kei Tam": a word joined by a hyphen to the word before it."""
    doc = token.doc
    return token.i >= 2 and doc[token.i - 1].text == "-" and not doc[token.i - 2].whitespace_ and not doc[token.i - 1].whitespace_


def _place_actor(text: str, found: ArticleActors) -> Actor:
    """A place the registry does not hold as a state: a region or a city, with its state where
    known. Only the registry's polities are states."""
    context = sorted(a.id for a in found.actors.values() if a.kind == "state")
    located = subnational_place(text, found.registry, context)
    if located is not None:
        place, state = located
        kind = place.kind
    else:
        kind, state = "city", None  # a GPE that is no state, province or territory: a town
    same = next((a for a in found.actors.values() if a.kind == kind and norm(a.name) == norm(text)), None)
    if same is not None:
        return same
    actor = Actor(id=slugify(text), name=text, kind=kind, country=state)
    found.new_ids.add(actor.id)
    return actor


def _trim(ent: Span, label: str, found: ArticleActors) -> Span | None:
    """Cut leading articles, titles and honorifics, and a trailing possessive."""
    start, end = ent.start, ent.end
    doc = ent.doc
    honorifics = found.registry.titles.honorifics
    while start < end - 1 and label == "ORG" and doc[start].text in language_data()["not_actors"]:
        start += 1  # "Twitter the Federal Aviation Administration"
    while start < end and (
        doc[start].lower_ in ("the", "a", "an")
        or (label == "ORG" and end - start == 2 and norm(doc[start].text) in proxy_words("party_members")
            and doc[start + 1].lemma_.lower() in proxy_words("institutions"))  # "the Republican Senate"
        or doc[start].tag_ == "MD"  # "Will Red Hat ...?": a question's modal verb
        or (label == "PERSON" and (norm(doc[start].text) in honorifics or doc[start].lower_ in TITLE_HEADS))
    ):
        start += 1
    for i in range(start, end):
        if doc[i].text in ("(", "[") or (doc[i].text == "," and not _listing_name(doc[i:end])):
            end = i
            break
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].pos_ in ("ADP", "CCONJ", "DET")):
        end -= 1  # "Patrice Talon of" (Benin): a name does not end with "of"
    if label == "ORG" and end == ent.end and _before_a_name(doc, end):
        while end - start > 1 and doc[end - 1].lower_ in proxy_words("body_titles"):
            end -= 1  # "Coast Guard Commandant" before "Admiral Elson Hermogino": a title, not the body's name
    if label == "PERSON":
        while start < end - 1 and _prefix_word(doc[start], end - start - 1, found):
            start += 1
    return doc[start:end] if start < end else None


def _before_a_name(doc: Doc, index: int) -> bool:
    """Whether a person's name (or a capitalised word opening one, an honorific) follows."""
    return index < len(doc) and (doc[index].ent_type_ == "PERSON" or (doc[index].pos_ == "PROPN" and doc[index].text[:1].isupper()))


def _listing_name(rest: Span) -> bool:
    """ ", Scientific and Cultural Organization": a list of capitalised words inside one name
    (UNESCO's), not a comma before an apposition."""
    words = [t for t in rest if not t.is_punct]
    return (any(t.lower_ == "and" for t in words)
            and all(t.text[:1].isupper() or t.lower_ in ("and", "of", "for", "the") for t in words))


def _prefix_word(token: Token, rest: int, found: ArticleActors) -> bool:
    """A word glued before a person's name that is not part of it (:func:`name_prefix`), or,
    before a full name, an organisation's acronym ("NPR Hamza bin Laden")."""
    if name_prefix(token, found):
        return True
    return rest >= 2 and token.text.isupper() and len(token.text) >= 2 and token.text.isalpha()


def _titled_person(span: Span, found: ArticleActors) -> Span | None:
    """The person's name in an organisation's entity that begins with a title or a place glued
    before the name ("Representative Elijah Cummings", "Vermont Bernie Sanders" after "Senator
    from"): two or three proper nouns after it, the last of them read as a person's name somewhere
    in the article, or the place is the end of a title before it ("First Minister of Scotland
    Nicola Sturgeon"). "Vermont Public Radio" keeps its name: no person is called "Radio"."""
    doc = span.doc
    first, rest = span[0], span[1:]
    titled = norm(first.text) in found.registry.titles.honorifics or first.lower_ in TITLE_HEADS
    if not (titled or name_prefix(first, found)) or not 2 <= len(rest) <= 3:
        return None
    if not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in rest):
        return None
    surname = rest[-1].text
    if any(e.label_ == "PERSON" and surname in (t.text for t in e) for e in doc.ents) or _after_title_from(span):
        return rest
    if name_prefix(first, found) and span.start >= 2 and doc[span.start - 1].lower_ == "of" and doc[span.start - 2].lower_ in _PERSON_TITLES:
        return rest  # "First Minister of" + "Scotland Nicola Sturgeon": the place ends the title
    return None


def _after_title_from(span: Span) -> bool:
    """Whether a name stands after an office's "from" ("Senator from Vermont Bernie Sanders",
    "Representative from Ohio Jim Jordan"): the place glued before it is the office's, the rest
    the office holder's name."""
    doc = span.doc
    return (span.start >= 2 and doc[span.start - 1].lower_ == "from"
            and doc[span.start - 2].lower_ in _OFFICES_FROM)


def _known_person_within(span: Span, found: ArticleActors) -> Span | None:
    """The end of a longer name that is a person the article or the registry names in full:
    "NPR Hamza bin Laden" read as one organisation is Hamza bin Laden."""
    people = {norm(a.name) for a in found.actors.values() if a.kind == "person"}
    for start in range(span.start + 1, span.end - 1):
        tail = span.doc[start : span.end]
        known = found.registry.by_name(tail.text)
        if norm(tail.text) in people or (known is not None and known.kind == "person"):
            return tail
    return None


def _state_led_name(span: Span, found: ArticleActors) -> bool:
    """ "United States Commission on International Religious Freedom": a state's name modifying an
    organisation's head noun is part of the organisation's name."""
    covered = [i for i in range(span.start, span.end) if i in found.by_token]
    if not covered or covered[0] != span.start or max(covered) + 1 >= span.end:
        return False
    mention = found.by_token[covered[0]]
    if found.actors[mention.actor].kind != "state" or mention.end > max(covered) + 1:
        return False
    after = span.doc[mention.end] if mention.end < span.end else None
    if after is not None and after.lower_ in TITLE_HEADS:
        return False  # "United States Representative Elijah Cummings": a title of the state, then a name
    head = span.root
    return head.i >= mention.end and span.doc[mention.end - 1].head.i >= mention.end


# Words that join a state's name into an organisation's name after the body's own words.
_NAME_JOINERS = frozenset({"for", "of", "in"})


def _state_within_name(span: Span, found: ArticleActors) -> bool:
    """ "Women for America First", "the Democratic Rally in Cyprus": a state's name after a joining
    word ("for", "of", "in") that follows the body's own capitalised words (two, or one that is a
    body's word, or one before "for") is part of the body's name ("the Economy of Turkey" is a
    thing of the state). Institutions of a state the registry names are read before ("the Foreign
    Ministry of Iran")."""
    doc = span.doc
    for i in range(span.start + 2, span.end):
        mention = found.by_token.get(i)
        if mention is None or mention.start != i or found.actors[mention.actor].kind != "state":
            continue
        own = [t for t in doc[span.start:i - 1] if t.text[:1].isupper() and t.is_alpha]
        body = any(t.lower_ in proxy_words("organization_nouns", "institutions", "generic_nouns") for t in own)
        enough = len(own) >= 2 or (own and (body or doc[i - 1].lower_ == "for"))
        if (doc[i - 1].lower_ in _NAME_JOINERS and mention.end <= span.end and enough
                and all(j not in found.by_token for j in range(span.start, i))):
            return True
    return False


def _hyphen_joined(span: Span, found: ArticleActors) -> bool:
    """ "Agence France-Presse": a state's name inside an organisation's name joined by a hyphen to
    the word after it is a part of one word of the name, not the state (a body's name so joined,
    "Islamic Revolutionary Guard Corps-Quds Force", is that body's unit)."""
    doc = span.doc
    for i in range(span.start, span.end - 2):
        mention = found.by_token.get(i)
        if (mention is not None and mention.end == i + 1 and found.actors[mention.actor].kind == "state"
                and doc[i + 1].text == "-"
                and not doc[i].whitespace_ and not doc[i + 1].whitespace_):
            return True
    return False


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
    return doc[start : span.end]


def _thing_of_an_actor(tail: Span, ent: Span) -> bool:
    """ "G7 Summit", "NATO Charter": a word of an event or a document (``actor_things``) after an
    actor's name in an organisation's name is that actor's, not an actor of its own."""
    return tail.start > ent.start and len(tail) == 1 and tail[0].lower_ in language_data()["actor_things"]


def _with_for_name(span: Span, found: ArticleActors) -> Span:
    """ "The Puerto Rico Center" + "for Investigative Journalism": a body's head noun followed by
    "for" and capitalised words is one organisation's name that entity recognition cut short."""
    doc = span.doc
    end = span.end
    head = doc[end - 1].lower_
    is_head = head in proxy_words("organization_nouns", "institutions") or head in ("center", "centre", "fund")
    if end + 1 >= len(doc) or doc[end].lower_ != "for" or not is_head:
        return span
    stop = end + 1
    while stop < len(doc) and (doc[stop].pos_ == "PROPN" or (doc[stop].text[:1].isupper() and doc[stop].pos_ in ("ADJ", "NOUN"))
                               or (doc[stop].lower_ in ("and", "of", "the") and stop + 1 < len(doc) and doc[stop + 1].text[:1].isupper())):
        stop += 1
    if stop == end + 1 or not doc[stop - 1].text[:1].isupper() or any(i in found.by_token for i in range(end, stop)):
        return span  # "the Center for Iraq" with Iraq a state named: left as it was
    return doc[span.start:stop]


def _with_of_place(span: Span) -> Span:
    """ "The Federal Aviation Office" + "of Germany" is one organisation's name, and so is "the Port
    Authority" + "of New York and New Jersey" (places joined by "and"), and a body's name cut before
    "of" and capitalised words that are no entity ("the Progressive Party" + "of Working People")."""
    doc = span.doc
    end = span.end
    if end + 1 >= len(doc):
        return span
    if (doc[end].lower_ == "and" and any(t.lower_ == "of" for t in span[1:-1])
            and doc[end + 1].ent_type_ == "GPE" and doc[end + 1].ent_iob_ == "B"):
        return doc[span.start : _and_places(doc, _entity_end(doc, end + 1))]  # "of New York" + "and New Jersey"
    if doc[end].lower_ != "of":
        return span
    if doc[end + 1].ent_type_ in ("GPE", "ORG") and doc[end + 1].ent_iob_ == "B":
        return doc[span.start : _and_places(doc, _entity_end(doc, end + 1))]
    if doc[end - 1].lower_ not in proxy_words("organization_nouns", "institutions", "generic_nouns"):
        return span
    stop = end + 1
    while stop < len(doc) and doc[stop].ent_type_ == "" and doc[stop].pos_ == "PROPN" and doc[stop].text[:1].isupper():
        stop += 1
    return doc[span.start : stop] if stop > end + 1 else span


def _and_places(doc: Doc, stop: int) -> int:
    """The end of places joined by "and" to the place that ends at ``stop``: "of New York and New
    Jersey"."""
    while (stop + 1 < len(doc) and doc[stop].lower_ == "and" and doc[stop - 1].ent_type_ == "GPE"
           and doc[stop + 1].ent_type_ == "GPE" and doc[stop + 1].ent_iob_ == "B"):
        stop = _entity_end(doc, stop + 1)
    return stop


def _entity_end(doc: Doc, start: int) -> int:
    stop = start + 1
    while stop < len(doc) and doc[stop].ent_iob_ == "I":
        stop += 1
    return stop


# Office words that, right before a name or in apposition after it, say the name is a person's.
_PERSON_TITLES = frozenset({*TITLE_HEADS, "governor", "senator", "judge", "justice", "mayor", "ambassador",
                            "director", "rep", "sen", "gov", "councillor", "councilor", "congressman",
                            "congresswoman", "lawmaker", "legislator", "commissioner", "attorney", "officer"})


# Offices news names with "from" and the place they represent: "Senator from Vermont", "Member from Ohio".
_OFFICES_FROM = _PERSON_TITLES | {"delegate", "member", "mp"}


def _title_complement(span: Span) -> bool:
    """Whether a one-word name is the "of" word of an office's title: "Justice" in "the Secretary of
    Justice for Puerto Rico", "State" in "the Secretary of State would succeed"."""
    doc = span.doc
    return (len(span) == 1 and span.start >= 2 and doc[span.start - 1].lower_ == "of"
            and doc[span.start - 2].lower_ in _PERSON_TITLES)


def _titled_name(span: Span) -> bool:
    """Whether a name of two to four capitalised words with no body's word in it is set beside an
    office: after its title ("Secretary of Justice Wanda Vázquez Garced") or with the title in
    apposition ("Ricardo Rosselló Nevares, Puerto Rico's governor"). Spanish and Portuguese names
    of three words are often read as organisations."""
    doc = span.doc
    words = [t for t in span if not t.is_punct]
    if not 2 <= len(words) <= 4 or not all(t.text[:1].isupper() for t in words):
        return False
    if {norm(t.text) for t in words} & generic_nouns():
        return False
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.text[:1].isupper() and before.lower_ in _PERSON_TITLES:
        return True
    return any(c.dep_ == "appos" and c.lower_ in _PERSON_TITLES and c.i > span.end - 1 for c in span.root.children)


def _looks_like_person(span: Span, found: ArticleActors) -> bool:
    """An ORG entity that is a person: in apposition to a title, or a name of two or three proper
    nouns coordinated with a person's name ("Presidents Muhammadu Buhari of Nigeria and Patrice
    Talon of Benin")."""
    root = span.root
    if root.dep_ == "appos" and root.head.lower_ in TITLE_HEADS and len(span) >= 2:
        return True
    if _titled_name(span):
        return True
    if not 2 <= len(span) <= 3 or not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in span):
        return False
    partners = [root.head] if root.dep_ == "conj" else []
    partners += [c for c in root.children if c.dep_ == "conj"]
    for partner in partners:
        mention = found.by_token.get(partner.i)
        if mention is not None and found.actors[mention.actor].kind == "person":
            return True
    return False


def find_untagged_names(doc: Doc, settled: ArticleActors) -> Proposals:
    """Names entity recognition left untagged, by the words around them: two or three capitalised
    proper nouns after an honorific or a title ("Cardinal Marc Ouellet") are a person's name; two
    capitalised words or more after a person's "of" that name no place ("Jennifer Lu of Marriage
    Equality Coalition Taiwan") are the organisation the person speaks for."""
    found = settled.draft()
    honorifics = found.registry.titles.honorifics
    offices = proxy_words("affiliations") | _PERSON_TITLES
    for token in doc:
        if token.i in found.by_token or not token.text[:1].isupper():
            continue
        before = doc[token.i - 1] if token.i > 0 else None
        if before is not None and before.text[:1].isupper() and before.pos_ == "PROPN":
            continue  # "Lesser General Public License": a word inside a longer name
        if norm(token.text) in honorifics or token.lower_ in TITLE_HEADS:
            end = token.i + 1
            while (end < len(doc) and end - token.i <= 3 and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper()
                   and not doc[end].ent_type_ and end not in found.by_token
                   and norm(doc[end].text) not in honorifics and doc[end].lower_ not in TITLE_HEADS):
                end += 1
            if (2 <= end - token.i - 1 <= 3 and (end >= len(doc) or doc[end].pos_ != "PROPN")
                    and not any(t.lower_ in offices for t in doc[token.i + 1:end])):  # "[Chief] Technical Officer"
                found.add(token.i + 1, end, person_actor(doc[token.i + 1 : end].text, found), "entity")
    for mention in sorted(settled.mentions, key=lambda m: m.start):
        if found.actors[mention.actor].kind != "person" or mention.end + 2 >= len(doc) or doc[mention.end].lower_ != "of":
            continue
        start = mention.end + 1 + (1 if doc[mention.end + 1].lower_ == "the" else 0)
        end = start
        while end < len(doc) and end not in found.by_token and doc[end].ent_type_ in ("", "ORG") and (
                doc[end].text[:1].isupper() or (doc[end].lower_ in ("of", "for", "and") and end + 1 < len(doc)
                                                and doc[end + 1].text[:1].isupper())):
            end += 1
        state = found.by_token.get(end)
        if (state is not None and end > start and found.actors[state.actor].kind == "state" and state.start == end
                and (state.end >= len(doc) or not doc[state.end].text[:1].isupper())):
            end = state.end  # "Marriage Equality Coalition Taiwan": a state's name ending the body's
            drop_mention(found, state)
        words = doc[start:end]
        if (len(words) < 2 or any(t.ent_type_ not in ("", "GPE") for t in words) or found.registry.place(words.text) is not None
                or subnational_place(words.text, found.registry) is not None):
            continue
        same = next((a for a in found.actors.values() if a.kind == "organization" and norm(a.name) == norm(words.text)), None)
        actor = same or Actor(id=slugify(words.text), name=words.text, kind="organization")
        if same is None:
            found.new_ids.add(actor.id)
        found.add(start, end, actor, "affiliation")
    return found.proposals(settled)
