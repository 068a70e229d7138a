"""What every finder reads a sentence with: its parse, the article's mentions, the lexicon, the
topics named so far, and the date words."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Span, Token

from polgraph.graph.model import Topic
from polgraph.graph.ontology import EventType
from polgraph.loaders.dates import When, resolve_date
from polgraph.loaders.lexicon import Lexicon
from polgraph.loaders.mentions import ArticleActors
from polgraph.loaders.relations.phrases import Phrases
from polgraph.loaders.relations.records import RecentAct

__all__ = ["Sentence", "Topics"]

# Dependencies that open a clause about something else than the act of the verb above them.
_OTHER_CLAUSES = frozenset({"relcl", "acl", "appos", "advcl", "ccomp", "xcomp", "csubj", "parataxis", "conj", "pcomp"})
# Verbs that set an act in the future: "scheduled for November 20", "due to leave by October 31st".
_SCHEDULING = frozenset({"schedule", "plan", "set", "expect", "due", "intend", "slate", "postpone", "delay", "aim",
                         "propose", "deadline", "extend", "promise", "pledge", "vow", "threaten", "agree", "prepare"})
_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})


@dataclass
class Topics:
    """The article's non-actor targets, by id."""

    named: dict[str, Topic] = field(default_factory=dict)

    def add(self, name: str) -> str:
        topic = Topic.named(name)
        self.named.setdefault(topic.id, topic)
        return topic.id


class Sentence:
    def __init__(self, sent: Span, number: int, found: ArticleActors, lexicon: Lexicon, published: date | None,
                 topics: Topics, recent: Mapping[EventType, RecentAct] | None = None, lead: RecentAct | None = None,
                 previous: RecentAct | None = None) -> None:
        self.sent = sent
        self.number = number
        self.found = found
        self.lexicon = lexicon
        self.published = published
        self.topics = topics
        self.phrases = Phrases(sent, found, lexicon, recent, lead, previous)
        self.evidence = re.sub(r"\s+", " ", sent.text).strip()

    def topic(self, verb: Token | None, noun: Token | None) -> str | None:
        """A topic named by an object noun (with its verb when the noun alone is too general)."""
        words = []
        if verb is not None:
            words.append(verb.lemma_.lower())
        if noun is not None:
            if noun.pos_ not in ("NOUN", "PROPN"):
                return None
            words += [t.text for t in noun.subtree
                      if t.dep_ not in ("det", "punct", "prep", "pobj", "relcl", "acl", "poss", "case", "nummod") and t.i <= noun.i or t.i == noun.i]
        if noun is not None and noun.lower_ in self.lexicon.generic_objects and verb is None:
            return None
        if verb is not None and (noun is None or noun.lower_ in self.lexicon.generic_objects):
            return None
        return self.topics.add(" ".join(dict.fromkeys(w for w in words if w.strip())))

    def date_of(self, token: Token) -> date | None:
        """The date of the act ``token`` states: a date of its own clause (not one of a clause
        about something else: "Hunter, who was born on June 23, 1941, met ..."), else of the
        sentence outside such clauses, read the way the act's tense points; else the publication date."""
        dates = [e for e in self.sent.ents if e.label_ == "DATE"]
        own = [e for e in dates if _holds(e.root, token)]
        chosen = own or [e for e in dates if _holds(e.root, self.sent.root)]
        when = _tense(token, self.lexicon)
        for ent in chosen:
            day = resolve_date(ent.text, self.published, when)
            if day:
                return day
        return self.published


def _holds(node: Token, top: Token) -> bool:
    """Whether ``node`` is in the clause of ``top`` itself, not in another clause below it."""
    clause = _clause_of(node, top)
    return clause is not None and clause.i == top.i


def _clause_of(node: Token, top: Token) -> Token | None:
    """The head of the innermost clause that holds ``node`` below ``top`` (``top`` itself when no
    other clause lies between them); None when ``node`` is not below ``top``."""
    chain = []
    while node.i != top.i:
        if node.head.i == node.i:
            return None
        chain.append(node)
        node = node.head
    for inner in chain[1:]:  # from the innermost up; the date's own word opens no clause
        if inner.dep_ in _OTHER_CLAUSES and (inner.pos_ in ("VERB", "AUX") or inner.dep_ == "appos"):
            return inner
    return top


def _tense(token: Token, lexicon: Lexicon) -> When:
    """Which way the act's date points: the future for an act still to come ("will leave",
    "is scheduled for", "by October 31st" of an act not done), the past for one told as done. An
    event noun takes the tense of the verb it belongs to ("the meeting is scheduled for ...")."""
    node = token
    while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
        node = node.head
    for _ in range(3):
        auxes = {c.lower_ for c in node.children if c.dep_ in ("aux", "auxpass")}
        if auxes & _FUTURE_AUX or node.lemma_.lower() in _SCHEDULING or (node.lower_ == "going" and "to" in auxes):
            return When.FUTURE
        if node.tag_ in ("VBD", "VBN") or auxes & {"has", "have", "had", "did"}:
            return When.PAST
        if node.dep_ not in ("xcomp", "ccomp", "conj", "advcl") or node.head.i == node.i:
            break
        node = node.head
    deadline = any(c.dep_ == "prep" and c.lower_ in ("by", "until", "before") for c in node.children)
    if node.tag_ in ("VB", "VBP", "VBZ", "VBG") or deadline:
        return When.NEAREST
    return When.PAST
