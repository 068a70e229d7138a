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
from polgraph.loaders.relations.phrases import STRONG_PREPS
from polgraph.loaders.relations.records import PARSE_REPAIRS, Argument, Candidate, Frame, Governed, Slot, Trigger

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
_PRIMARY = frozenset({Slot.OBJECT, Slot.PREPOSITION, Slot.PARTICLE, Slot.ORIGIN, Slot.NAMED})
# Finer PLOVER categories only where the type covers two.
_PLOVER_BY_VERB = frozenset({E.YIELDS, E.ASSAULTS})


def classify(frame: Frame, found: ArticleActors, lexicon: Lexicon) -> list[Candidate]:
    if frame.kind in (Trigger.VERB, Trigger.SPEECH):
        return _verb(frame, found, lexicon)
    if frame.kind == Trigger.NOUN and frame.lexical_type is not None:
        attribution, reporter = _attribution(frame, lexicon, True)
        mechanisms = ["noun-event", *frame.mechanisms] + ([f"attribution-{attribution.value}"] if attribution != Attribution.ASSERTED else [])
        return _emit(frame, frame.lexical_type, frame.sources, frame.targets, found, lexicon, mechanisms, attribution, reporter)
    said_type = E.CRITICIZES if frame.framing.criticism_cue else E.COMMENTS_ON
    mechanism = "according-to" if frame.kind == Trigger.ACCORDING else "quote-continued"
    slots = _by_slot(frame.targets)
    more = list(frame.mechanisms)  # how the quotation's speaker was found
    content = slots.get(Slot.CONTENT, [])
    return (_emit(frame, said_type, frame.sources, [t for t in content if t.how != "judged"], found, lexicon, [mechanism, *more])
            + _emit(frame, said_type, frame.sources, [t for t in content if t.how == "judged"], found, lexicon,
                    [mechanism, *more, "judged-act"])
            + _emit(frame, said_type, frame.sources, slots.get(Slot.MENTIONED, []), found, lexicon, [mechanism, "speech-mentioned", *more])
            + _emit(frame, E.COMMENTS_ON, frame.sources, slots.get(Slot.SAID, []), found, lexicon, [mechanism, "speech-topic", *more]))


def _verb(frame: Frame, found: ArticleActors, lexicon: Lexicon) -> list[Candidate]:
    framing = frame.framing
    rel = frame.lexical_type
    mechanisms = ["verb", *frame.mechanisms]
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
        if not targets and rel in (E.CALLS_FOR, E.PROPOSES) and slots.get(Slot.CLAUSE_SUBJECT):
            targets, rel = slots[Slot.CLAUSE_SUBJECT], E.CALLS_FOR
            mechanisms.append("clause-subject")
        if rel == E.CALLS_FOR and framing.purpose_of == E.PROTESTS:
            rel = E.PROTESTS  # "struck to demand the minister's resignation": a protest against the minister
            mechanisms.append("protest-demand")
        framed = rel
        if framing.modal or framing.governed == Governed.INTENT:
            if rel in lexicon.coercive or (framing.conditional and rel not in _COOPERATIVE and rel != E.COMMENTS_ON):
                rel = E.THREATENS  # "may impose sanctions", "will withdraw unless ..."
                mechanisms.append("contemplated-threat")
            elif rel in _COOPERATIVE or (framing.governed == Governed.INTENT and rel not in (E.REJECTS, E.CALLS_FOR)):
                rel = E.PROPOSES  # "will provide aid", "is willing to withdraw": a stated intent
                mechanisms.append("stated-intent")
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
        if not targets and rel in _ACT_TYPES:
            targets = slots.get(Slot.ACT, [])
        if not targets and slots.get(Slot.TOPIC):  # "the AU announced a payment system": its act on a topic
            targets = slots[Slot.TOPIC]
            mechanisms.append("any-topic")
        attribution, reporter = _attribution(frame, lexicon, rel == framed)
        if attribution != Attribution.ASSERTED:
            mechanisms.append(f"attribution-{attribution.value}")
        candidates = _emit(frame, rel, frame.sources, targets, found, lexicon, mechanisms, attribution, reporter)
    if not any(not c.target.startswith("topic:") for c in candidates) and (frame.kind == Trigger.SPEECH or rel == E.CRITICIZES):
        if slots.get(Slot.OBLIGED):
            candidates += _emit(frame, E.CALLS_FOR, frame.sources, slots[Slot.OBLIGED], found, lexicon, ["speech", "obligation"])
        else:
            said = E.CRITICIZES if rel == E.CRITICIZES or framing.criticism_cue else E.COMMENTS_ON
            content = slots.get(Slot.CONTENT, [])
            speech = ["speech", *(m for m in frame.mechanisms if m in PARSE_REPAIRS)]
            candidates += _emit(frame, said, frame.sources, [t for t in content if t.how != "judged"], found, lexicon, speech)
            candidates += _emit(frame, said, frame.sources, [t for t in content if t.how == "judged"], found, lexicon, [*speech, "judged-act"])
            candidates += _emit(frame, said, frame.sources, slots.get(Slot.MENTIONED, []), found, lexicon, [*speech, "speech-mentioned"])
            candidates += _emit(frame, E.COMMENTS_ON, frame.sources, slots.get(Slot.SAID, []), found, lexicon, [*speech, "speech-topic"])
    return candidates


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
    if framing.criticism_cue:
        features.append("criticism_cue")
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
