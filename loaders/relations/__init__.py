"""Relations from the dependency parse: who did what to whom, sentence by sentence, in four stages.

1. **Finding** (``verbs``, ``nominal``, ``speech``): each trigger word (a verb of the lexicon or of
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

from dataclasses import replace
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
    according_to_frames,
    introducers,
    outside_speakers,
    paragraph_closes,
    quote_frames,
    quote_state,
    quoted_tokens,
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
    quote_open, speaker, introduced_speaker = False, [], False
    unattributed: list[Sentence] = []  # a running quotation opened with no speaker named yet
    last_quote: tuple[int, list[Argument]] = (-1, [])  # where the last quotation closed, and its speaker
    recent: dict[EventType, RecentAct] = {}  # the last act of each type
    lead: RecentAct | None = None  # the article's first act that is not a statement: what it reports
    latest: RecentAct | None = None  # and its latest
    for number, sent in sentences:
        previous = latest if latest is not None and latest.sentence == number - 1 else None
        s = Sentence(sent, number, found, lexicon, published, topics, recent, lead, previous)
        if quote_open and paragraph_closes(s):
            quote_open, speaker, introduced_speaker, unattributed = False, [], False, []
        introduced = introducers(s, quote_open)
        s.phrases.quoting = introduced or (speaker if quote_open and introduced_speaker else [])
        read = _first_person(s, [*verb_frames(s), *according_to_frames(s), *noun_frames(s)], "quote-introduced")
        frames += read
        for frame in read:
            doers = tuple(a for a in frame.sources if not a.is_topic)
            told = frame.kind == Trigger.VERB or not set(frame.mechanisms) & _BACK_REFERENCES
            if frame.lexical_type and doers and told and not (frame.framing.negated or frame.framing.denied):
                acted_on = tuple(a for a in frame.targets if not a.is_topic and a.slot in _ACTED_ON)
                recent[frame.lexical_type] = RecentAct(doers, acted_on, number)
                if frame.lexical_type not in STATEMENTS:
                    latest = recent[frame.lexical_type]
                    lead = lead or latest
        closes_at_once = sent.text.lstrip()[:1] in ('"', "”")  # the previous sentence's closing mark
        running = quote_open and speaker and not closes_at_once
        if running:  # a quotation running on: its speaker's words
            frames += quote_frames(s, speaker, mechanisms=("quote-introduced",) if introduced_speaker else ())
        elif introduced:  # 'Trump defended his decision, "..."', '"...", Graham continued.'
            frames += quote_frames(s, introduced, quoted_tokens(s, quote_open), ("quote-introduced",))
        was_open = quote_open
        quote_open, opened = quote_state(sent.text, quote_open)
        named = s.phrases.speakers() or introduced
        if unattributed and not quote_open:  # the quotation's speaker, named where it ends
            # (a sentence opening with the closing mark names the speaker of its own quotation)
            named_here = [] if closes_at_once else outside_speakers(s, was_open)
            same = last_quote[1] if last_quote[0] == unattributed[0].number - 1 else []
            frames += _attributed_after(unattributed + ([] if closes_at_once else [s]), named_here or same)
            unattributed = []
        elif unattributed:
            unattributed.append(s)
        if opened and not named:
            unattributed = [s]
        if not quote_open and (was_open or any(mark in sent.text for mark in ('"', "“", "”"))):
            last_quote = (number, named or speaker)
        if opened:
            speaker, introduced_speaker = named, bool(introduced)
        elif not quote_open:
            speaker, introduced_speaker = [], False
    return frames


def _first_person(s: Sentence, frames: list[Frame], mechanism: str) -> list[Frame]:
    """Frames whose "I" or "we" is a quotation's speaker named outside the sentence's verbs of saying."""
    if not s.phrases.quoting:
        return frames
    doc = s.sent.doc
    return [replace(f, mechanisms=(*f.mechanisms, mechanism))
            if any(a.slot == Slot.QUOTED_SPEAKER for a in f.sources) and not s.phrases.named_speaker(doc[f.trigger]) else f
            for f in frames]


def _attributed_after(held: list[Sentence], speakers: list[Argument]) -> list[Frame]:
    """The sentences of a quotation whose speaker is named only where it ends ('"...," said X'), or
    that goes on right after another quotation of the same speaker: that speaker's words, and
    their "I" and "we" that speaker."""
    frames: list[Frame] = []
    if not speakers:
        return frames
    for s in held:
        frames += quote_frames(s, speakers, mechanisms=("quote-attributed-after",))
        s.phrases.quoting = speakers
        frames += [replace(f, mechanisms=(*f.mechanisms, "quote-attributed-after"))
                   for f in verb_frames(s) if any(a.slot == Slot.QUOTED_SPEAKER for a in f.sources)]
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

