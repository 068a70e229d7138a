"""The typed records passed between the reading stages.

``find`` turns a sentence's parse into :class:`Frame` s (a trigger word with the actors around it,
each in its :class:`Slot`, and how the sentence frames the act); ``classify`` turns a frame into
:class:`Candidate` s (one typed act from one node to another, with its features); ``score`` gives
each candidate its confidence; ``select`` keeps those above the threshold.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field, replace
from datetime import date

from polgraph.graph.ontology import Attribution, EventType

__all__ = ["PARSE_REPAIRS", "Argument", "Candidate", "Framing", "Frame", "Governed", "RecentAct", "Slot", "Stance", "Trigger"]

# Mechanisms that found a verb's subject where the parse hid it: they read who speaks too.
PARSE_REPAIRS = frozenset({"title-holder", "auxiliary-subject", "subordinate-subject", "participle-of-object", "titled-pair",
                            "listed-members"})


class Trigger(enum.StrEnum):
    """What kind of words state the act."""

    VERB = "verb"  # "France condemned Iran"
    SPEECH = "speech"  # a verb of saying: "X said that ...", "X accused Y of ..."
    NOUN = "noun"  # "Germany's ban on Mahan Air"
    ACCORDING = "according"  # "according to X, ..."
    QUOTE = "quote"  # a sentence inside a quotation opened earlier


class Stance(enum.StrEnum):
    """What a statement does to who it is about (``stance``)."""

    NEUTRAL = "neutral"  # a comment
    CRITICISM = "criticism"
    SUPPORT = "support"  # praise, thanks, sympathy, solidarity
    CALL = "call"  # "Russia must withdraw"
    REJECTION = "rejection"  # "we will not accept"


class Slot(enum.StrEnum):
    """Where an actor stands relative to the trigger: the syntax an argument was read through."""

    # sources
    SUBJECT = "subject"
    PASSIVE_AGENT = "passive_agent"  # "was attacked by X"
    RELATIVE_HEAD = "relative_head"  # "X, which bans ..."
    CONTROLLER = "controller"  # "urged X to ...": X is who is to act
    INHERITED = "inherited"  # the subject of a governing or coordinated verb
    QUOTED_SPEAKER = "quoted_speaker"  # "we" in a quotation: its speaker
    REPORTING_SPEAKER = "reporting_speaker"  # "it"/"they" in a reported statement: who reports
    POSSESSOR = "possessor"  # "Germany's ban", "the German ban"
    NOUN_AGENT = "noun_agent"  # "the supply of weapons by X"
    LIGHT_VERB_SUBJECT = "light_verb_subject"  # "X launched an attack on ..."
    SPEAKER = "speaker"  # "according to X", the speaker of a running quotation
    PLACE = "place"  # the state where a state's act was done: "X is banned in Turkey"
    COORDINATED = "coordinated"  # the other subjects of a shared act: "France and Germany agreed"
    JOINER = "joiner"  # who joins another's act: "X, joined by Y, sued Z", "Y joined the lawsuit"
    # targets
    OBJECT = "object"  # direct object, dative, attribute, passive subject
    PREPOSITION = "preposition"  # "against X", "on X", "with X"
    PARTICLE = "particle"  # "called on X"
    ORIGIN = "origin"  # "withdrew the US from a treaty with X"
    NAMED = "named"  # "called X's decree 'miracles'"
    CLAUSE_SUBJECT = "clause_subject"  # "recommended the US troops withdraw"
    COMPLEMENT = "complement"  # the targets of the act proposed/threatened: "threatened to sanction X"
    CONTENT = "content"  # who a statement is about
    MENTIONED = "mentioned"  # another actor named in a statement
    SAID = "said"  # what a statement about no actor is about: a topic
    OBLIGED = "obliged"  # "said Sudan must return ..."
    TOPIC = "topic"  # a non-actor target named by a noun: "the truce"
    ACT = "act"  # the act itself as topic: "she resigned"
    BETWEEN = "between"  # "talks between X and Y"


class Governed(enum.StrEnum):
    """How the verb above a verb frames it."""

    NO = "no"  # the act is simply done
    CARRIED = "carried"  # a verb of proposing/threatening/requesting above carries it, with its targets
    INTENT = "intent"  # wanted or prepared only: "is willing to withdraw", "wants to meet"


@dataclass(frozen=True)
class Argument:
    """One actor (or topic) in one slot of a frame."""

    node: str  # actor id, or topic id ("topic:...")
    slot: Slot
    token: int  # index in the doc of the word naming it (for distances)
    how: str = ""  # how the mention was found (registry, role, entity, pronoun, ...); "" for topics
    prep: str = ""  # the preposition of a PREPOSITION slot

    @property
    def is_topic(self) -> bool:
        return self.node.startswith("topic:")


@dataclass(frozen=True)
class Framing:
    """How the sentence presents the act."""

    negated: bool = False
    modal: bool = False  # "may impose", "will provide"
    conditional: bool = False  # "... unless ...", "if ..."
    counterfactual: bool = False  # "would have allowed"
    governed: Governed = Governed.NO
    purpose: bool = False  # "struck to demand reforms": the purpose of another act
    purpose_of: EventType | None = None  # the type of that other act (PROTESTS for "struck")
    passive: bool = False
    stance: Stance = Stance.NEUTRAL  # of what was said: criticism, support, a call, a refusal
    reported_by: tuple[str, ...] = ()  # speakers whose statement holds the act ("X said Y attacked Z")
    hearsay: bool = False  # "allegedly", "reportedly"
    denied: bool = False  # the act is what a speaker denies: "Russia denied that it attacked"


@dataclass(frozen=True)
class Frame:
    """A trigger word with its arguments, before typing."""

    sentence: int
    trigger: int  # token index
    lemma: str  # trigger lemma, with its particle ("pull out")
    kind: Trigger
    sources: tuple[Argument, ...]
    targets: tuple[Argument, ...]
    framing: Framing = field(default_factory=Framing)
    object_lemma: str | None = None  # the object noun's lemma ("impose" + "sanctions")
    lexical_type: EventType | None = None  # what the words mean, before framing
    complement_type: EventType | None = None  # what the verb of an intent means: "threatened to [sanction]"
    date: date | None = None
    mechanisms: tuple[str, ...] = ()
    evidence: str = ""  # the sentence


@dataclass(frozen=True)
class RecentAct:
    """The article's last act of a type before the sentence read: "the attack" with no doer named
    is that act ("condemned the attack"), and who "was involved in the attack" took part in it."""

    doers: tuple[Argument, ...]
    targets: tuple[Argument, ...]
    sentence: int = -1  # where it was read


@dataclass(frozen=True)
class Candidate:
    """One typed act from one node to another, as read from one sentence."""

    source: str
    target: str
    type: EventType
    sentence: int
    trigger: str  # the trigger lemma
    evidence: str = ""
    date: date | None = None
    cameo: str = ""
    plover: str = ""  # finer than the type's, where the trigger says so
    attribution: Attribution = Attribution.ASSERTED
    reported_by: str = ""
    mechanisms: tuple[str, ...] = ()
    features: tuple[str, ...] = ()  # binary features for the scorer
    confidence: float = 0.0

    @property
    def key(self) -> tuple[str, str, str, int]:
        """One edge per key: the same act read twice from one sentence is one relation."""
        return (self.source, str(self.type), self.target, self.sentence)

    def merged(self, other: "Candidate") -> "Candidate":
        """This candidate read again by other mechanisms: one act with the features of both readings."""
        return replace(
            self,
            date=self.date or other.date,
            mechanisms=tuple(dict.fromkeys(self.mechanisms + other.mechanisms)),
            features=tuple(dict.fromkeys(self.features + other.features)),
        )

    def scored(self, confidence: float) -> "Candidate":
        return replace(self, confidence=confidence)
