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
from polgraph.loaders.dates import resolve_date
from polgraph.loaders.lexicon import Lexicon
from polgraph.loaders.mentions import ArticleActors
from polgraph.loaders.relations.phrases import Phrases
from polgraph.loaders.relations.records import Argument

__all__ = ["Sentence", "Topics"]


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
                 topics: Topics, recent: Mapping[EventType, tuple[Argument, ...]] | None = None) -> None:
        self.sent = sent
        self.number = number
        self.found = found
        self.lexicon = lexicon
        self.published = published
        self.topics = topics
        self.phrases = Phrases(sent, found, lexicon, recent)
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
        span_tokens = {t.i for t in token.subtree}
        dates = [e for e in self.sent.ents if e.label_ == "DATE"]
        chosen = [e for e in dates if e.root.i in span_tokens] or dates
        for ent in chosen:
            day = resolve_date(ent.text, self.published)
            if day:
                return day
        return self.published
