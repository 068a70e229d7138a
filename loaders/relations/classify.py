"""Typing: a frame becomes candidates, one typed act from one node to another.

The words give a lexical type (``Frame.lexical_type``); the framing changes it (a negated agreement
is a refusal; a coercive act only possible is a threat, another act only intended a proposal); the
type decides which slots its targets come from, in order of preference (a demand without an actor
addressed falls to who is asked to act in a clause, then to the topic; a statement with no actor
acted on falls to who it is about). Each candidate carries the mechanisms that produced it and the
features the scorer reads.
"""

from __future__ import annotations

from collections.abc import Sequence

from polgraph.graph.ontology import Attribution, EventType
from polgraph.loaders.lexicon import Lexicon
from polgraph.loaders.mentions import ArticleActors
from polgraph.loaders.relations import stance
from polgraph.loaders.relations.phrases import STRONG_PREPS
from polgraph.loaders.relations.records import (
    PARSE_REPAIRS,
    Argument,
    Candidate,
    Frame,
    Governed,
    Slot,
    Stance,
    Trigger,
)

__all__ = ["classify"]

E = EventType
# A negated act of agreeing or conceding is a refusal: "did not accede to their demands".
_NEGATION_FLIPS = {E.AGREES: E.REJECTS, E.YIELDS: E.REJECTS}
# Acts of cooperation that, only stated for the future ("will provide aid") or on a condition
# ("would meet X if he gave them a veto"), are a stated intent or offer: PROPOSES, not a threat. Any
# act but a refusal or a demand is one when a word of intent governs it: "is willing to withdraw its
# troops", "is prepared to lift the ban" (CAMEO 035, intent to yield); a concession announced with
# a bare "will" is the concession ("will withdraw the bill").
_COOPERATIVE = frozenset({E.AIDS, E.COOPERATES, E.SUPPORTS, E.CONSULTS, E.AGREES})
# Types whose target may be a topic ("proposed a truce").
_TOPIC_TYPES = frozenset({E.PROPOSES, E.REJECTS, E.AGREES, E.YIELDS, E.THREATENS, E.INVESTIGATES, E.MOBILIZES})
# Types done to no one in particular: the act itself is the topic ("she resigned").
_ACT_TYPES = frozenset({E.YIELDS, E.PROTESTS})
# Types that are acts with another actor only: on a topic alone they are no act.
_PARTNERED = frozenset({E.COOPERATES})
_PRIMARY = frozenset({Slot.OBJECT, Slot.PREPOSITION, Slot.PARTICLE, Slot.ORIGIN, Slot.NAMED})
# Finer PLOVER categories only where the type covers two.
_PLOVER_BY_VERB = frozenset({E.YIELDS, E.ASSAULTS})


def classify(frame: Frame, found: ArticleActors, lexicon: Lexicon) -> list[Candidate]:
    if frame.kind in (Trigger.VERB, Trigger.SPEECH):
        return _verb(frame, found, lexicon)
    if frame.kind == Trigger.NOUN and frame.lexical_type is not None:
        rel, contemplated = _contemplated(frame.lexical_type, frame, lexicon)  # "may launch an attack on X": a threat
        attribution, reporter = _attribution(frame, lexicon, rel == frame.lexical_type)
        mechanisms = ["noun-event", *frame.mechanisms, *contemplated] + ([f"attribution-{attribution.value}"] if attribution != Attribution.ASSERTED else [])
        return _emit(frame, rel, frame.sources, frame.targets, found, lexicon, mechanisms, attribution, reporter)
    mechanism = "according-to" if frame.kind == Trigger.ACCORDING else "quote-continued"
    return _said(frame, _SAID_TYPES[frame.framing.stance], found, lexicon, [mechanism, *frame.mechanisms])


def _verb(frame: Frame, found: ArticleActors, lexicon: Lexicon) -> list[Candidate]:
    framing = frame.framing
    rel = frame.lexical_type
    mechanisms = ["verb", *frame.mechanisms]
    if frame.kind == Trigger.SPEECH and stance.plain_statement(frame.lemma) and "verb+object" not in frame.mechanisms:
        rel = E.COMMENTS_ON  # "claimed she decided alone": a statement, typed by its stance below
        mechanisms.append("plain-statement")
    if framing.negated:
        rel = _NEGATION_FLIPS.get(rel) if rel else None
        if rel is None:
            return []
        mechanisms.append("negated-agreement")
    # The state a source acts for is no target of its act; people of a state (a group: rebels,
    # protesters) often act against it, so their state stays a target.
    own_side = {found.actors[a.node].country for a in frame.sources
                if a.node in found.actors and found.actors[a.node].kind != "group"} - {None}
    slots = _by_slot(frame.targets)
    primary = _primary(frame, own_side)
    candidates: list[Candidate] = []
    if rel is not None:
        targets = primary
        if rel in _COOPERATIVE:  # "worked with Syria against the rebels": who an act is against is no partner
            targets = [t for t in targets if t.prep != "against"]
        if not targets and rel in (E.CALLS_FOR, E.PROPOSES) and slots.get(Slot.CLAUSE_SUBJECT):
            targets, rel = slots[Slot.CLAUSE_SUBJECT], E.CALLS_FOR
            mechanisms.append("clause-subject")
        if rel == E.CALLS_FOR and framing.purpose_of == E.PROTESTS:
            rel = E.PROTESTS  # "struck to demand the minister's resignation": a protest against the minister
            mechanisms.append("protest-demand")
        if rel == E.COMMENTS_ON and frame.kind == Trigger.SPEECH and targets:  # "told Putin: 'Stop the war'"
            rel, stance_mechanism = _stance_type(frame, targets)
            mechanisms += stance_mechanism
        framed = rel
        rel, contemplated = _contemplated(rel, frame, lexicon)
        mechanisms += contemplated
        if not targets and rel == E.CALLS_FOR:
            targets = slots.get(Slot.TOPIC, [])
        if not targets:
            complement = slots.get(Slot.COMPLEMENT, [])
            targets = [t for t in complement if not t.is_topic]
            if rel == E.PROPOSES and frame.complement_type in lexicon.coercive:
                rel = E.THREATENS  # "threatened to impose sanctions"
            if targets:
                mechanisms.append("complement")
            elif rel in _TOPIC_TYPES:
                targets = [t for t in complement if t.is_topic]
        if not targets and rel in _TOPIC_TYPES:
            targets = slots.get(Slot.TOPIC, [])
        if not [t for t in targets if not t.is_topic] and rel in lexicon.symmetric and len(frame.sources) > 1:
            targets = [Argument(a.node, Slot.COORDINATED, a.token, a.how) for a in frame.sources]  # "X and Y met"
            mechanisms.append("symmetric")
        if not targets and (rel in _ACT_TYPES or (framing.negated and frame.lexical_type in _ACT_TYPES)):
            targets = slots.get(Slot.ACT, [])  # "did not concede": the concession refused
        # "the AU announced a payment system": its act on a topic; but cooperation is with a partner,
        # and with none named ("expanded the operation", "continue paying their taxes") it is none
        if not targets and slots.get(Slot.TOPIC) and rel not in _PARTNERED:
            targets = slots[Slot.TOPIC]
            mechanisms.append("any-topic")
        attribution, reporter = _attribution(frame, lexicon, rel == framed)
        if attribution != Attribution.ASSERTED:
            mechanisms.append(f"attribution-{attribution.value}")
        candidates = _emit(frame, rel, frame.sources, targets, found, lexicon, mechanisms, attribution, reporter)
        if rel == E.ASSAULTS and "verb+with" in mechanisms:  # "protesters clashed with police": each side fights the other
            with_whom = [t for t in targets if t.prep == "with" and not t.is_topic]
            candidates += _emit(frame, rel, with_whom, frame.sources, found, lexicon, [*mechanisms, "mutual-force"], attribution, reporter)
    if not any(not c.target.startswith("topic:") for c in candidates) and (frame.kind == Trigger.SPEECH or rel == E.CRITICIZES):
        if slots.get(Slot.OBLIGED):
            candidates += _emit(frame, E.CALLS_FOR, frame.sources, slots[Slot.OBLIGED], found, lexicon, ["speech", "obligation"])
        else:
            said = E.CRITICIZES if rel == E.CRITICIZES else _SAID_TYPES[framing.stance]
            candidates += _said(frame, said, found, lexicon, ["speech", *(m for m in frame.mechanisms if m in PARSE_REPAIRS)])
    return candidates


def _contemplated(rel: EventType, frame: Frame, lexicon: Lexicon) -> tuple[EventType, list[str]]:
    """An act only possible or intended: a coercive one is a threat ("may impose sanctions", "will
    withdraw unless ..."), a cooperative or intended one a proposal ("will provide aid", "is willing
    to withdraw"); others stay what they are, only predicted."""
    framing = frame.framing
    if not (framing.modal or framing.governed == Governed.INTENT):
        return rel, []
    if rel in lexicon.coercive or (framing.conditional and rel not in _COOPERATIVE and rel != E.COMMENTS_ON):
        return E.THREATENS, ["contemplated-threat"]
    if rel in _COOPERATIVE or (framing.governed == Governed.INTENT and rel not in (E.REJECTS, E.CALLS_FOR)):
        return E.PROPOSES, ["stated-intent"]
    return rel, []


def _stance_type(frame: Frame, targets: list[Argument]) -> tuple[EventType, list[str]]:
    """A verb of saying's act on who it addresses: what its object names when that is what is said
    to them ("expressed condolences to the people of Turkey"), or a call when what was said orders."""
    addressed = all(t.slot == Slot.PREPOSITION for t in targets)
    named = stance.word_stance(frame.object_lemma) if frame.object_lemma and addressed else Stance.NEUTRAL
    if named != Stance.NEUTRAL:
        return _SAID_TYPES[named], [f"stance-{named}-word"]
    if frame.framing.stance == Stance.CALL:  # what was said judges who it is about, not who hears it
        return E.CALLS_FOR, [f"stance-{Stance.CALL}"]
    return E.COMMENTS_ON, []


# What a statement of each stance does to who it is about.
_SAID_TYPES = {Stance.NEUTRAL: E.COMMENTS_ON, Stance.CRITICISM: E.CRITICIZES, Stance.SUPPORT: E.SUPPORTS,
               Stance.CALL: E.CALLS_FOR, Stance.REJECTION: E.REJECTS}


def _said(frame: Frame, said: EventType, found: ArticleActors, lexicon: Lexicon, mechanisms: list[str]) -> list[Candidate]:
    """A statement's acts: ``said`` on who it is about (an act it judges: the act's doer); on the
    others it names a comment, or criticism when it criticizes; a comment on what it is about when
    it names no actor."""
    slots = _by_slot(frame.targets)
    content = slots.get(Slot.CONTENT, [])
    read = frame.framing.stance
    if read != Stance.NEUTRAL and said == _SAID_TYPES[read]:
        mechanisms = [*mechanisms, f"stance-{read}"]
    mentioned = E.CRITICIZES if said == E.CRITICIZES else E.COMMENTS_ON
    return (_emit(frame, said, frame.sources, [t for t in content if t.how != "judged"], found, lexicon, mechanisms)
            + _emit(frame, said, frame.sources, [t for t in content if t.how == "judged"], found, lexicon, [*mechanisms, "judged-act"])
            + _emit(frame, mentioned, frame.sources, slots.get(Slot.MENTIONED, []), found, lexicon, [*mechanisms, "speech-mentioned"])
            + _emit(frame, E.COMMENTS_ON, frame.sources, slots.get(Slot.SAID, []), found, lexicon, [*mechanisms, "speech-topic"]))


def _attribution(frame: Frame, lexicon: Lexicon, type_kept: bool) -> tuple[Attribution, str]:
    """How the text presents the act: denied or alleged by a speaker who is not its doer, only
    predicted (a modal that did not make it a threat or proposal), or asserted."""
    framing = frame.framing
    sources = {a.node for a in frame.sources}
    reporters = [r for r in framing.reported_by if r not in sources]
    if framing.denied:
        return Attribution.DENIED, (framing.reported_by or ("",))[0]
    if reporters or framing.hearsay:
        return Attribution.ALLEGED, (reporters or [""])[0]
    if framing.modal and type_kept:
        return Attribution.PREDICTED, ""
    return Attribution.ASSERTED, ""


def _primary(frame: Frame, own_side: set[str]) -> list[Argument]:
    """The actors the verb acts on: its objects (not its own subjects or their state), then
    prepositional objects: any when there is no object, the strong ones beside one."""
    sources = {a.node for a in frame.sources}
    direct = [t for t in frame.targets if t.slot in _PRIMARY and t.slot != Slot.PREPOSITION
              and t.node not in own_side and t.node not in sources]
    preps = [t for t in frame.targets if t.slot == Slot.PREPOSITION and t.node not in own_side]
    return direct + [t for t in preps if not direct or t.prep in STRONG_PREPS]


def _by_slot(arguments: Sequence[Argument]) -> dict[Slot, list[Argument]]:
    out: dict[Slot, list[Argument]] = {}
    for a in arguments:
        out.setdefault(a.slot, []).append(a)
    return out


def _emit(frame: Frame, rel: EventType, sources: Sequence[Argument], targets: Sequence[Argument], found: ArticleActors,
          lexicon: Lexicon, mechanisms: list[str], attribution: Attribution = Attribution.ASSERTED,
          reporter: str = "") -> list[Candidate]:
    plover = _plover(frame, rel, lexicon)
    cameo = lexicon.cameo(rel, frame.lemma, frame.object_lemma)
    out = []
    for source in sources:
        for target in targets:
            if source.node == target.node:
                continue
            out.append(Candidate(
                source=source.node,
                target=target.node,
                type=rel,
                sentence=frame.sentence,
                trigger=frame.lemma,
                evidence=frame.evidence,
                date=frame.date,
                cameo=cameo,
                plover=plover,
                attribution=attribution,
                reported_by=reporter,
                mechanisms=tuple(dict.fromkeys(mechanisms)),
                features=_features(frame, rel, source, target, mechanisms, found),
            ))
    return out


def _plover(frame: Frame, rel: EventType, lexicon: Lexicon) -> str:
    """The finer PLOVER category of the trigger, else of the act its object names ("completed
    their withdrawal" retreats as "withdrew" does)."""
    if rel not in _PLOVER_BY_VERB:
        return ""
    return lexicon.plover.get(frame.lemma) or lexicon.plover.get(frame.object_lemma or "", "")


def _features(frame: Frame, rel: EventType, source: Argument, target: Argument, mechanisms: list[str],
              found: ArticleActors) -> tuple[str, ...]:
    framing = frame.framing
    distance = abs(target.token - frame.trigger) + abs(source.token - frame.trigger)
    features = [
        f"type={rel}",
        f"trigger={frame.kind}",
        f"source_slot={source.slot}",
        f"target_slot={target.slot}",
        f"source_how={source.how or 'none'}",
        f"target_how={target.how or ('topic' if target.is_topic else 'none')}",
        "distance<=4" if distance <= 4 else "distance<=10" if distance <= 10 else "distance>10",
        *(f"mechanism={m}" for m in mechanisms),
    ]
    if framing.modal or framing.governed == Governed.INTENT:
        features.append("modal")
    if framing.purpose:
        features.append("purpose")
    if framing.passive:
        features.append("passive")
    if framing.stance != Stance.NEUTRAL:
        features.append(f"stance={framing.stance}")
    if framing.reported_by:
        features.append("reported")
    if framing.denied:
        features.append("denied")
    if target.is_topic:
        features.append("topic_target")
    for role, argument in (("source", source), ("target", target)):
        actor = found.actors.get(argument.node)
        if actor is not None:
            features.append(f"{role}_kind={actor.kind}")
            # Who the registry knows, or whose state is known, acts in politics; a new name may not.
            features.append(f"{role}_known" if argument.node not in found.new_ids or actor.country else f"{role}_new")
    return tuple(dict.fromkeys(features))
