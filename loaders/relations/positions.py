"""Stances and demands that nouns and phrases state, with no verb of their own between the actors:
who is "a critic of X", who "had disagreements with X", who reacts to an act in a noun the act drew.

- A holder noun (``data/positions.yaml``) after a copula, in apposition or as a title: "Poland has
  been a vocal critic of Russia", "Navalny, a critic of Putin, ...", "Kremlin critic Alexei
  Navalny": the one it names criticizes (or supports) whom "of", or a name before the noun, names;
  and the ones a plural holder noun lists: "his critics, including Greenpeace, ...".
- A disagreement noun with its holders: "Bolton had disagreements with Pompeo" (the subject of the
  light verb on who it is "with"), "Trump and Bolton have been at odds" (coordinated subjects, each
  on the other).
- A reaction drawn: "Trump's decision drew criticism from Germany", "the plan faced opposition from
  the EU", "faced calls from X to resign": the one it is "from" reacts to who did the act (or to
  the actor the subject names).
- A stance phrase: "voted in favour of X", "is in opposition to X's plan": the subject on X.
- A vote "for" or "against" someone or their proposal (``vote_type``, read by the verb's frame).
- A demand a noun names with who is to act: "renewed its call for Russia to withdraw", "his demand
  that Iran release ..." (the act asked for is carried by it: ``framing.governed``).
- Blame: "Iran held Israel responsible for the attack".
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from polgraph.graph.ontology import EventType
from polgraph.loaders.language_data import language_data
from polgraph.loaders.relations import framing
from polgraph.loaders.relations.context import Sentence
from polgraph.loaders.relations.phrases import unique
from polgraph.loaders.relations.records import Argument, Frame, Framing, Slot, Trigger

__all__ = ["Positions", "default_positions", "position_frames", "vote_type"]

_COPULAS = frozenset({"be", "become", "remain"})
_LIGHT = frozenset({"have", "be", "remain", "become"})
_DEGREES = frozenset({"more", "less", "much", "something", "enough", "bit"})


@dataclass(frozen=True)
class Positions:
    """The language data of stances stated by nouns (``data/positions.yaml``)."""

    holders: dict[str, EventType]
    disagreements: dict[str, EventType]
    mutual_verbs: dict[str, EventType]
    reactions: dict[str, EventType]
    reaction_types: frozenset[EventType]
    drawing_verbs: frozenset[str]
    stance_phrases: dict[str, EventType]
    voting_verbs: frozenset[str]
    votes: dict[str, EventType]  # the preposition of a vote: "for", "against"
    demand_nouns: frozenset[str]
    holding_verbs: frozenset[str]
    blame_words: frozenset[str]
    rivals: frozenset[str]

    def demands(self, noun: Token, nominal: dict[str, EventType]) -> bool:
        """Whether a noun names a demand ("call", "demand", "appeal")."""
        lemma = noun.lemma_.lower()
        return noun.pos_ == "NOUN" and (lemma in self.demand_nouns or nominal.get(lemma) == EventType.CALLS_FOR)

    @classmethod
    def load(cls) -> "Positions":
        doc = language_data("positions.yaml")

        def by_word(section: str) -> dict[str, EventType]:
            return {str(w).lower(): EventType(t) for t, words in doc[section].items() for w in words}

        voting = dict(doc["voting"])
        voting_verbs = frozenset(str(w).lower() for w in voting.pop("verbs"))
        return cls(by_word("holders"), by_word("disagreements"), by_word("mutual_verbs"), by_word("reactions"),
                   frozenset(EventType(t) for t in doc["reaction_types"]), frozenset(str(w).lower() for w in doc["drawing_verbs"]),
                   by_word("stance_phrases"), voting_verbs, {str(w).lower(): EventType(t) for t, words in voting.items() for w in words},
                   *(frozenset(str(w).lower() for w in doc[key]) for key in ("demand_nouns", "holding_verbs", "blame_words", "rivals")))


@lru_cache(maxsize=1)
def default_positions() -> Positions:
    return Positions.load()


def position_frames(s: Sentence) -> Iterator[Frame]:
    data = default_positions()
    for token in s.sent:
        if token.pos_ == "VERB" and token.lemma_.lower() in data.mutual_verbs:
            frame = _mutual_frame(s, token, data.mutual_verbs[token.lemma_.lower()])
            if frame is not None:
                yield frame
        if token.pos_ == "VERB" and token.lemma_.lower() in data.holding_verbs:
            frame = _held_responsible_frame(s, token, data)
            if frame is not None:
                yield frame
        if data.demands(token, s.lexicon.nominal):
            frame = _demand_frame(s, token) or (_reaction_frame(s, token, EventType.CALLS_FOR, data)  # "faced calls from X to ..."
                                                if _asks_something(token) else None)
            if frame is not None:
                yield frame
            continue
        if token.pos_ not in ("NOUN", "PROPN"):
            continue
        lemma = token.lemma_.lower()
        if lemma in data.stance_phrases and token.dep_ == "pobj" and token.head.lower_ == "in":
            frame = _stance_phrase_frame(s, token, data.stance_phrases[lemma])
        elif lemma in data.holders:
            frame = _holder_frame(s, token, data.holders[lemma])
        elif lemma in data.disagreements or token.lower_ in data.disagreements:
            frame = _disagreement_frame(s, token, data.disagreements.get(lemma) or data.disagreements[token.lower_])
        else:
            rel_type = data.reactions.get(lemma) or s.lexicon.nominal.get(lemma)
            frame = _reaction_frame(s, token, rel_type, data) if rel_type in data.reaction_types else None
        if frame is not None:
            yield frame


def _frame(s: Sentence, token: Token, rel_type: EventType, sources: list[Argument], targets: list[Argument],
           mechanism: str, clause: Token) -> Frame | None:
    """The frame of the noun ``token``; ``clause`` is the verb that holds it (its negation, hedges
    and date). A source is no target of its own (but of its coordinated holders' mutual stance)."""
    sources = unique(sources)
    mutual = [a for a in targets if a.slot == Slot.COORDINATED]
    doers = {a.node for a in sources}
    targets = [a for a in unique(targets) if a.node not in doers] + mutual
    if not sources or not targets or framing.negated(clause):
        return None
    return Frame(s.number, token.i, token.lemma_.lower(), Trigger.NOUN, tuple(sources), tuple(targets),
                 Framing(hearsay=framing.hearsay(clause)), lexical_type=rel_type, date=s.date_of(clause),
                 mechanisms=(mechanism,), evidence=s.evidence)


def _holder_frame(s: Sentence, noun: Token, rel_type: EventType) -> Frame | None:
    """ "X is a critic of Y", "X, a critic of Y", "Y critic X"."""
    phrases = s.phrases
    if s.found.actor_at(noun):
        return None  # the noun is itself a name's part ("the Supporters' Party")
    targets = [a for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
               for p in c.children if p.dep_ == "pobj" for a in phrases.arguments(p, Slot.OBJECT, ("poss", "of"))]
    targets += [phrases.argument(s.found.actor_at(c), c, Slot.OBJECT)  # type: ignore[arg-type]
                for c in noun.children if c.dep_ in ("compound", "amod") and s.found.actor_at(c)]
    clause = noun
    held = _degree_head(noun)  # "was much more of a critic of X": the copula's attribute is "more"
    if held.dep_ in ("attr", "acomp") and held.head.lemma_.lower() in _COPULAS:
        clause = held.head
        sources = phrases.subjects(clause)
    elif noun.dep_ == "appos" and s.found.actor_at(noun.head):
        sources = phrases.arguments(noun.head, Slot.SUBJECT, ())
    elif noun.dep_ == "compound" and s.found.actor_at(noun.head) and s.found.actors[s.found.actor_at(noun.head)].kind == "person":
        sources = phrases.arguments(noun.head, Slot.SUBJECT, ())
    elif sources := _members(s, noun):  # "his critics, including X", "critics of Y such as X"
        if noun.lemma_.lower() not in default_positions().rivals:  # "his opponents, X and Y": rivals in a race
            targets += [a for c in noun.children if c.dep_ == "poss" for a in phrases.arguments(c, Slot.OBJECT, ())]
    else:
        return None
    return _frame(s, noun, rel_type, sources, targets, "holder-noun", clause)


def _members(s: Sentence, noun: Token) -> list[Argument]:
    """The actors a plural holder noun lists: "critics such as X", "critics, including X", "his
    critics, which include X"."""
    if noun.tag_ not in ("NNS", "NNPS"):
        return []
    listed = s.phrases.arguments(noun, Slot.SUBJECT, ())
    listed += [a for c in noun.children if c.dep_ == "relcl" and c.lemma_.lower() == "include"
               for o in c.children if o.dep_ == "dobj" for a in s.phrases.arguments(o, Slot.SUBJECT, ())]
    return listed


def _degree_head(noun: Token) -> Token:
    """ "more of a critic", "something of a critic": the degree word the noun hangs on, else the noun."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ in _DEGREES:
        return noun.head.head
    return noun


def _disagreement_frame(s: Sentence, noun: Token, rel_type: EventType) -> Frame | None:
    """ "X had disagreements with Y", "X is at odds with Y", "X and Y have been at odds"."""
    phrases = s.phrases
    if noun.dep_ == "dobj":
        verb = noun.head
    elif noun.dep_ == "pobj" and noun.head.lower_ == "at" and noun.lower_ == "odds":
        verb = noun.head.head
    else:
        return None
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in _LIGHT:
        return None
    sources = phrases.subjects(verb)
    withs = [p for holder in (noun, verb) for c in holder.children if c.dep_ == "prep" and c.lower_ == "with"
             for p in c.children if p.dep_ == "pobj"]
    targets = [a for p in withs for a in phrases.arguments(p, Slot.PREPOSITION, ("poss",), "with")]
    if withs:
        return _frame(s, noun, rel_type, sources, targets, "disagreement", verb)
    if len(sources) < 2:
        return None
    # "Trump and Bolton have been at odds": each with the other
    mutual = [Argument(a.node, Slot.COORDINATED, a.token, a.how) for a in sources]
    return _frame(s, noun, rel_type, sources, mutual, "disagreement", verb)


def vote_type(verb: Token) -> EventType | None:
    """The act of a vote "for" or "against" someone or their proposal: support or rejection."""
    data = default_positions()
    if verb.lemma_.lower() not in data.voting_verbs:
        return None
    # "for" a span of time is no side taken: "ruled Zimbabwe for 37 years"
    return next((data.votes[c.lower_] for c in verb.children if c.dep_ == "prep" and c.lower_ in data.votes
                 and not any(p.dep_ == "pobj" and p.ent_type_ in ("DATE", "TIME") for p in c.children)), None)


def _stance_phrase_frame(s: Sentence, noun: Token, rel_type: EventType) -> Frame | None:
    """ "voted in favour of X", "rallied in support of X", "spoke in opposition to X": the verb's
    subjects on whom "of" or "to" names (or who made what it names: "in support of X's plan")."""
    verb = noun.head.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    pobjs = [p for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "to", "with")
             for p in c.children if p.dep_ == "pobj"]
    targets = [a for p in pobjs for a in (s.phrases.event_agents(p) or s.phrases.arguments(p, Slot.PREPOSITION, ("poss", "of", "by")))]
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    # the subject itself, not whose it is: "his term was to end in favour of his successor" is no act of his
    sources = [a for c in subjects for a in s.phrases.arguments(c, Slot.SUBJECT, ())] if subjects else s.phrases.subjects(verb)
    return _frame(s, noun, rel_type, sources, targets, "stance-phrase", verb)


def _demand_frame(s: Sentence, noun: Token) -> Frame | None:
    """ "renewed its call for Russia to withdraw", "his demand that Iran release ...", "its call on
    Russia to ...": who asks (the verb's subject, else the possessor) on who is to act."""
    phrases = s.phrases
    clauses = [c for c in noun.children if c.dep_ in ("acl", "advcl", "ccomp") and c.pos_ in ("VERB", "AUX")]
    targets = [a for c in clauses for sub in c.children if sub.dep_ == "nsubj" for a in phrases.arguments(sub, Slot.CLAUSE_SUBJECT, ("poss",))]
    if clauses:  # "a call on Russia to withdraw": who is called on
        targets += [a for c in noun.children if c.dep_ == "prep" and c.lower_ == "on"
                    for p in c.children if p.dep_ == "pobj" for a in phrases.arguments(p, Slot.PREPOSITION, ("poss",), "on")]
    if not targets:
        return None
    sources = phrases.subjects(noun.head) if noun.dep_ == "dobj" and noun.head.pos_ == "VERB" else []
    sources = sources or [a for c in noun.children if c.dep_ == "poss" for a in phrases.arguments(c, Slot.POSSESSOR, ())]
    return _frame(s, noun, EventType.CALLS_FOR, sources, targets, "demand-clause", noun.head if noun.dep_ == "dobj" else noun)


def _asks_something(noun: Token) -> bool:
    """A demand noun that says what is asked ("calls to resign", "demands for changes"), not a phone call."""
    return any(c.dep_ in ("acl", "advcl", "relcl") and c.pos_ == "VERB" or (c.dep_ == "prep" and c.lower_ == "for") for c in noun.children)


def _held_responsible_frame(s: Sentence, verb: Token, data: Positions) -> Frame | None:
    """ "Iran held Israel responsible for the attack": an accusation of Israel."""
    if not any(c.dep_ in ("oprd", "acomp", "xcomp") and c.lower_ in data.blame_words for c in verb.children):
        return None
    held = [a for c in verb.children if c.dep_ == "dobj" for a in s.phrases.arguments(c, Slot.OBJECT, ())]
    return _frame(s, verb, EventType.CRITICIZES, s.phrases.subjects(verb), held, "held-responsible", verb)


def _mutual_frame(s: Sentence, verb: Token, rel_type: EventType) -> Frame | None:
    """ "Bolton and I disagreed", "the two leaders differed": coordinated subjects, each on the other
    (with someone named by "with", the verb's own frame reads it)."""
    if any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children):
        return None
    sources = s.phrases.subjects(verb)
    if len(sources) < 2:
        return None
    mutual = [Argument(a.node, Slot.COORDINATED, a.token, a.how) for a in sources]
    return _frame(s, verb, rel_type, sources, mutual, "mutual-disagreement", verb)


def _reaction_frame(s: Sentence, noun: Token, rel_type: EventType, data: Positions) -> Frame | None:
    """ "Y's decision drew criticism from X", "the plan came under criticism from X"."""
    phrases = s.phrases
    if noun.dep_ == "dobj":
        verb = noun.head
    elif noun.dep_ == "pobj" and noun.head.lower_ in ("under", "with"):
        verb = noun.head.head  # "came under criticism from X", "met with opposition from X"
    else:
        return None
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in data.drawing_verbs:
        return None
    sources = [a for holder in (noun, verb) for c in holder.children if c.dep_ == "prep" and c.lower_ == "from"
               for p in c.children if p.dep_ == "pobj" for a in phrases.arguments(p, Slot.NOUN_AGENT, ("poss", "of"))]
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return None
    targets = phrases.event_agents(subject) or phrases.arguments(subject, Slot.OBJECT, ("poss", "of", "by"))
    return _frame(s, noun, rel_type, sources, targets, "drawn-reaction", verb)
