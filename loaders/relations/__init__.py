"""Relations from the dependency parse: who did what to whom, sentence by sentence, in four stages.

1. **Finding** (``verbs``, ``nominal``, ``speech``, ``positions``): each trigger word (a verb of the lexicon or of
   speech, an event noun, "according to", a sentence inside a running quotation) becomes a
   :class:`Frame`: its sources and possible targets, each in its slot, read through passives,
   relative clauses, control, coordination and apposition (``phrases``), and how the sentence
   frames it: negation, modality, intent, purpose, counterfactuals (``framing``).
2. **Typing** (``classify``): a frame becomes :class:`Candidate` s, one typed act each; its
   political relevance (``relevance``: who acts, what the article is about) joins its features.
3. **Scoring** (``scoring``): each candidate's confidence from its features.
4. **Selection** (``select``): one candidate per edge, those at or above the threshold.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from spacy.tokens import Span

from polgraph.graph.model import Topic
from polgraph.graph.ontology import EventType
from polgraph.loaders.lexicon import Lexicon
from polgraph.loaders.mentions import ArticleActors
from polgraph.loaders.relations.classify import classify
from polgraph.loaders.relations.context import Sentence, Topics
from polgraph.loaders.relations.nominal import noun_frames
from polgraph.loaders.relations.phrases import STATEMENTS
from polgraph.loaders.relations.positions import position_frames
from polgraph.loaders.relations.records import Argument, Candidate, Frame, RecentAct, Slot, Trigger
from polgraph.loaders.relations.relevance import judge
from polgraph.loaders.relations.scoring import (
    HANDS_THRESHOLD,
    SCORER_FILE,
    HandScorer,
    LogisticScorer,
    Scorer,
    default_scorer,
    read_scorer,
    write_scorer,
)
from polgraph.loaders.relations.select import merge, select
from polgraph.loaders.relations.speech import (
    HeldQuotation,
    QuotationTracker,
    according_to_frames,
    quote_frames,
    spoken_by,
)
from polgraph.loaders.relations.verbs import verb_frames

__all__ = [
    "Argument",
    "Frame",
    "HANDS_THRESHOLD",
    "SCORER_FILE",
    "Candidate",
    "HandScorer",
    "LogisticScorer",
    "Scorer",
    "default_scorer",
    "find_frames",
    "read_candidates",
    "read_scorer",
    "select",
    "write_scorer",
]


# Readings of an event noun that lean on an earlier act ("approved the attack", "was involved in
# the attack"): they tell more of that act, they are not a new last act of the article.
_BACK_REFERENCES = frozenset({"authorized", "involvement"})
# The slots of who an act is done to (not who a statement mentions).
_ACTED_ON = frozenset({Slot.OBJECT, Slot.PREPOSITION, Slot.PARTICLE})


def find_frames(sentences: list[tuple[int, Span]], found: ArticleActors, lexicon: Lexicon, published: date | None,
                topics: Topics) -> list[Frame]:
    """Stage 1 over an article: every frame, in sentence order."""
    frames: list[Frame] = []
    quotes = QuotationTracker()
    acts = _ActsSoFar()
    for number, sent in sentences:
        s = quotes.enter(Sentence(sent, number, found, lexicon, published, topics, acts.recent, acts.lead, acts.previous(number)))
        read = _first_person(s, [*verb_frames(s), *according_to_frames(s), *noun_frames(s), *position_frames(s)], "quote-introduced")
        frames += read
        acts.note(read, number)
        frames += quotes.words(s)
        held = quotes.leave(s)
        if held is not None:
            frames += _attributed_after(held)
    return frames


@dataclass
class _ActsSoFar:
    """The acts an article has told before the sentence read: the last of each type, the first that
    is not a statement (what the article reports) and the latest such."""

    recent: dict[EventType, RecentAct] = field(default_factory=dict)
    lead: RecentAct | None = None
    latest: RecentAct | None = None

    def previous(self, number: int) -> RecentAct | None:
        """The act of the sentence before ``number``, if it told one (not a statement)."""
        return self.latest if self.latest is not None and self.latest.sentence == number - 1 else None

    def note(self, read: list[Frame], number: int) -> None:
        for frame in read:
            doers = tuple(a for a in frame.sources if not a.is_topic)
            told = frame.kind == Trigger.VERB or not set(frame.mechanisms) & _BACK_REFERENCES
            if frame.lexical_type and doers and told and not (frame.framing.negated or frame.framing.denied):
                acted_on = tuple(a for a in frame.targets if not a.is_topic and a.slot in _ACTED_ON)
                self.recent[frame.lexical_type] = RecentAct(doers, acted_on, number)
                if frame.lexical_type not in STATEMENTS:
                    self.latest = self.recent[frame.lexical_type]
                    self.lead = self.lead or self.latest


def _first_person(s: Sentence, frames: list[Frame], mechanism: str) -> list[Frame]:
    """Frames whose "I" or "we" is a quotation's speaker named outside the sentence's verbs of saying."""
    if not s.phrases.quoting:
        return frames
    doc = s.sent.doc
    return [replace(f, mechanisms=(*f.mechanisms, mechanism))
            if any(a.slot == Slot.QUOTED_SPEAKER for a in f.sources) and not s.phrases.named_speaker(doc[f.trigger]) else f
            for f in frames]


def _attributed_after(held: HeldQuotation) -> list[Frame]:
    """A quotation's sentences whose speaker was named after them: that speaker's words, and their
    "I" and "we" that speaker."""
    frames: list[Frame] = []
    speakers = list(held.speakers)
    for s in held.sentences:
        frames += quote_frames(s, speakers, mechanisms=("quote-attributed-after",))
        frames += [replace(f, mechanisms=(*f.mechanisms, "quote-attributed-after"))
                   for f in verb_frames(spoken_by(s, speakers)) if any(a.slot == Slot.QUOTED_SPEAKER for a in f.sources)]
    return frames


def read_candidates(sentences: list[tuple[int, Span]], found: ArticleActors, lexicon: Lexicon, published: date | None,
                    scorer: Scorer | None = None) -> tuple[list[Candidate], dict[str, Topic]]:
    """Every candidate act of an article (one per edge), scored; and the topics they may target."""
    topics = Topics()
    frames = find_frames(sentences, found, lexicon, published, topics)
    candidates = merge(c for frame in frames for c in classify(frame, found, lexicon))
    candidates = judge(candidates, found, [sent for _, sent in sentences])
    scorer = scorer or default_scorer()
    return [c.scored(scorer.confidence(c)) for c in candidates], topics.named

