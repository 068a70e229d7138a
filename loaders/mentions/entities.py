"""spaCy's entities, repaired: titles and countries glued to names cut off, organisation names
with "of <place>" and state-led names kept whole, an ORG in apposition to a title read as a person."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from polgraph.graph.model import Actor, slugify
from polgraph.loaders.mentions.base import (
    TITLE_HEADS,
    ArticleActors,
    Proposals,
    drop_mention,
    group_actor,
    person_actor,
    with_hyphenated_start,
)
from polgraph.loaders.registry import norm

__all__ = ["find_entities"]


def find_entities(doc: Doc, settled: ArticleActors, kinds: dict[str, str], not_actors: set[str]) -> Proposals:
    found = settled.draft()
    registry = found.registry
    for ent in doc.ents:
        if ent.label_ not in kinds:
            continue
        span = _trim(ent, found)
        if span is not None and ent.label_ == "ORG" and _state_led_name(span, found):
            for mention in {
                id(m): m for m in (found.by_token[i] for i in range(span.start, span.end) if i in found.by_token)
            }.values():
                drop_mention(found, mention)
        elif span is not None:
            span = _uncovered_tail(span, found)
        if span is None or any(i in found.role_tokens for i in range(span.start, span.end)):
            continue
        if ent.label_ == "PERSON":
            span = with_hyphenated_start(span, found)
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
                actor = group_actor(span.text, found)  # "the Kurds", "Shiites"
                found.add(span.start, span.end, actor, "entity")
            continue  # a nationality as an adjective is not an actor of its own
        if ent.label_ == "ORG" and span.root.dep_ == "appos" and span.root.head.pos_ == "NOUN":
            continue  # "a special military operation (SVO)": an acronym of a thing, not an actor
        if ent.label_ == "PERSON" or (ent.label_ == "ORG" and _looks_like_person(span, found)):
            actor = person_actor(text, found)
        else:
            same = next((a for a in found.actors.values() if a.kind != "person" and norm(a.name) == norm(text)), None)
            actor = same or Actor(id=slugify(text), name=text, kind=kinds[ent.label_])
            if same is None:
                found.new_ids.add(actor.id)
        found.add(span.start, span.end, actor, "entity")
    return found.proposals(settled)


def _trim(ent: Span, found: ArticleActors) -> Span | None:
    """Cut leading articles, titles and honorifics, and a trailing possessive."""
    start, end = ent.start, ent.end
    doc = ent.doc
    honorifics = found.registry.titles.honorifics
    while start < end and (
        doc[start].lower_ in ("the", "a", "an")
        or (ent.label_ == "PERSON" and (norm(doc[start].text) in honorifics or doc[start].lower_ in TITLE_HEADS))
    ):
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
    """ "United States Commission on International Religious Freedom": a state's name modifying an
    organisation's head noun is part of the organisation's name."""
    covered = [i for i in range(span.start, span.end) if i in found.by_token]
    if not covered or covered[0] != span.start or max(covered) + 1 >= span.end:
        return False
    mention = found.by_token[covered[0]]
    if found.actors[mention.actor].kind != "state" or mention.end > max(covered) + 1:
        return False
    head = span.root
    return head.i >= mention.end and span.doc[mention.end - 1].head.i >= mention.end


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


def _with_of_place(span: Span) -> Span:
    """ "The Federal Aviation Office" + "of Germany" is one organisation's name."""
    doc = span.doc
    end = span.end
    if (
        end + 1 < len(doc)
        and doc[end].lower_ == "of"
        and doc[end + 1].ent_type_ in ("GPE", "ORG")
        and doc[end + 1].ent_iob_ == "B"
    ):
        stop = end + 1
        while stop < len(doc) and doc[stop].ent_iob_ in ("B", "I") and (stop == end + 1 or doc[stop].ent_iob_ == "I"):
            stop += 1
        return doc[span.start : stop]
    return span


def _looks_like_person(span: Span, found: ArticleActors) -> bool:
    """An ORG entity that is a person: in apposition to a title, or the subject of a person's title."""
    root = span.root
    return root.dep_ == "appos" and root.head.lower_ in TITLE_HEADS and len(span) >= 2
