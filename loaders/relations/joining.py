"""Joining an act: who joins another's act does that act, each joiner one relation.

"Austria joined the lawsuit against Poland", "Becerra is joined in this legal action by attorneys
general from Maine, New York and Hawaii", "Spain joined the boycott of the Olympics": the verb
"join" with an event noun (``nominal`` in ``data/verbs.yaml``) is that event, done by the joiners
(and by whom they join), not a cooperation with a lawsuit. Its targets are the noun's own ("the
lawsuit against Poland"), else those of the article's last act of its type for a definite noun
("joined the boycott" after a boycott of X was read), else the act itself as a topic.

The companions of a subject ("California, joined by Oregon and Nevada, sued ...", "France, along
with Germany, condemned ...") and the actor joined in a clause ("Hungary joined Poland in blocking
the budget") are read by ``phrases`` as sources of the verb they share.
"""

from __future__ import annotations

from spacy.tokens import Token

from polgraph.graph.ontology import EventType
from polgraph.loaders.relations import framing
from polgraph.loaders.relations.context import Sentence
from polgraph.loaders.relations.phrases import unique
from polgraph.loaders.relations.records import Argument, Frame, Framing, Governed, Slot, Trigger

__all__ = ["DEFINITE", "JOIN", "joined_act_frame"]

JOIN = "join"
# Prepositions that name the target of an event noun or of the joining verb: "the lawsuit against X",
# "the boycott of X", "joined the sanctions on X".
_NOUN_TARGET_PREPS = frozenset({"against", "on", "of", "to", "toward", "towards", "upon"})
_VERB_TARGET_PREPS = frozenset({"against", "on", "over"})
DEFINITE = frozenset({"the", "this", "that", "these", "those"})


def act_type(s: Sentence, noun: Token) -> EventType | None:
    """The type of the act an event noun names, with its adjective where the lexicon lists the pair
    ("legal action")."""
    if noun.pos_ != "NOUN":
        return None
    lemma = noun.lemma_.lower()
    for child in noun.children:
        if child.dep_ == "amod":
            paired = s.lexicon.nominal.get(f"{child.lower_} {lemma}")
            if paired is not None:
                return paired
    return s.lexicon.nominal.get(lemma)


def joined_act_frame(s: Sentence, verb: Token) -> Frame | None:
    """The act an event noun names, done by who joins it; None when "join" joins no act ("joined
    the EU", "joined Poland in blocking ..." whose act is its clause's verb)."""
    phrases = s.phrases
    act: Token | None = None
    joined: list[Argument] = []
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass") and phrases.actors_of(child, ()):
            joined += phrases.arguments(child, Slot.JOINER, ())  # "Becerra is joined in ... by X": Becerra acts too
        elif child.dep_ == "dobj":
            act = child
        elif child.dep_ == "prep" and child.lower_ == "in":
            act = next((p for p in child.children if p.dep_ == "pobj"), act)
    rel_type = act_type(s, act) if act is not None else None
    if act is None or rel_type is None or framing.counterfactual(verb):
        return None
    governed = framing.governed(verb, s.lexicon)
    if governed == Governed.CARRIED:
        return None  # "urged Spain to join the boycott": the demand carries it
    if phrases.is_passive(verb):  # the parser hangs "by X" on the act noun as often as on the verb
        joiners = phrases.passive_agents(verb) + [
            a for c in act.children if c.dep_ == "prep" and c.lower_ == "by" for p in c.children if p.dep_ == "pobj"
            for a in phrases.arguments(p, Slot.JOINER)]
    else:
        joiners = phrases.subjects(verb)
    if not joiners:
        return None
    sources = unique([*joiners, *joined])
    doers = {a.node for a in sources}
    targets = [a for c in act.children if c.dep_ == "prep" and c.lower_ in _NOUN_TARGET_PREPS
               for p in c.children if p.dep_ == "pobj" for a in phrases.arguments(p, Slot.PREPOSITION, ("poss",), c.lower_)]
    targets += [a for c in verb.children if c.dep_ == "prep" and c.lower_ in _VERB_TARGET_PREPS
                for p in c.children if p.dep_ == "pobj" for a in phrases.arguments(p, Slot.PREPOSITION, ("poss",), c.lower_)]
    last = phrases.recent.get(rel_type)
    if not targets and last is not None and any(c.dep_ == "det" and c.lower_ in DEFINITE for c in act.children):
        targets = [Argument(a.node, Slot.OBJECT, act.i, "event") for a in last.targets]  # "joined the boycott": the last one's
    targets = [a for a in unique(targets) if a.node not in doers]
    if not targets:
        topic = s.topic(None, act)
        targets = [Argument(topic, Slot.TOPIC, act.i)] if topic else []
    if not targets:
        return None
    return Frame(
        sentence=s.number,
        trigger=verb.i,
        lemma=JOIN,
        kind=Trigger.VERB,
        sources=tuple(sources),
        targets=tuple(targets),
        framing=Framing(negated=framing.negated(verb), modal=framing.is_modal(verb, s.lexicon),
                        conditional=framing.is_conditional(verb, s.lexicon), governed=governed,
                        passive=phrases.is_passive(verb), hearsay=framing.hearsay(verb)),
        object_lemma=act.lemma_.lower(),
        lexical_type=rel_type,
        date=s.date_of(verb),
        mechanisms=("joined-act",),
        evidence=s.evidence,
    )
