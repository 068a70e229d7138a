"""Relations from the dependency parse: who did what to whom, sentence by sentence.

Mechanisms (each a function below): verb + subject + object through the verb lexicon, with the
object's own actor or the actor it belongs to ("the decree of Z", "contacts with Moscow");
passive voice (agent -> subject); relative clauses ("Z, which prohibits ..."); control ("X
proposed to ...", "X urged Y to ..."); coordination of subjects and objects; negation (dropped);
modality ("may impose sanctions" is a threat); reported speech ("X said that ...", "as X noted,
...", "according to X, ...": the speaker comments on the actors of what was said); naming ("he
called Z's decree 'miracles'"); nominal events ("Germany's ban on Mahan Air").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Span, Token

from polgraph.graph.model import Topic
from polgraph.loaders.dates import resolve_date
from polgraph.loaders.lexicon import Lexicon
from polgraph.loaders.mentions import ArticleActors

__all__ = ["Reading", "read_relations"]

_RELATIVE = {"which", "who", "that", "whom"}
_TARGET_PREPS = {"against", "on", "with", "to", "toward", "towards", "from", "over", "into", "at", "as", "upon", "for"}
_TOPIC_TYPES = {"PROPOSES", "REJECTS", "AGREES", "YIELDS", "THREATENS", "INVESTIGATES", "MOBILIZES"}
# Adjectives that make a nominal event one that has not happened: "a possible war".
_HYPOTHETICAL = {"possible", "potential", "planned", "proposed", "future", "prospective", "eventual", "hypothetical"}
_FIRST_PERSON = {"i", "we", "me", "us"}
# Verbs whose subject is the doer of the event noun they govern: "launched an attack on X".
_LIGHT_VERBS = {"launch", "carry", "conduct", "hold", "make", "stage", "mount", "begin", "start", "continue",
                "order", "impose", "announce", "resume", "step", "intensify", "escalate", "wage", "lead", "issue"}
# A negated act of agreeing or conceding is a refusal: "did not accede to their demands".
_NEGATION_FLIPS = {"AGREES": "REJECTS", "YIELDS": "REJECTS"}
# Acts that, only stated for the future ("will provide aid"), are a stated intent: PROPOSES.
_INTENDED_AS_PROPOSAL = {"AIDS", "COOPERATES", "SUPPORTS", "CONSULTS", "AGREES"}
_PLACE_PREPS = {"in", "during", "at", "near", "inside", "across", "throughout", "within", "since", "after", "before"}


@dataclass(frozen=True)
class Reading:
    """One relation read from one sentence (source and target are actor or topic ids)."""

    source: str
    target: str
    type: str
    sentence: int
    evidence: str
    date: date | None
    confidence: float
    plover: str = ""  # finer than the type's, where the verb says so


class _SentenceReader:
    def __init__(self, sent: Span, number: int, found: ArticleActors, lexicon: Lexicon, published: date | None):
        self.sent = sent
        self.number = number
        self.found = found
        self.lexicon = lexicon
        self.published = published
        self.topics: dict[str, Topic] = {}
        self.evidence = re.sub(r"\s+", " ", sent.text).strip()

    # -- actors of noun phrases ------------------------------------------------------------
    def actors_of(self, token: Token, owners: Iterable[str] = ("poss", "of", "by"), depth: int = 0) -> list[str]:
        """The actors a noun phrase names, or (for a non-actor noun) the actors it belongs to."""
        found: list[str] = []
        own = self.found.actor_at(token)
        members = self._members(token) if not own else []
        if own:
            found.append(own)
        elif members:
            found += members
        elif depth < 2:
            for child in token.children:
                if child.dep_ == "poss" and "poss" in owners:
                    found += self.actors_of(child, owners, depth + 1)
                elif child.dep_ in ("compound", "amod") and ("poss" in owners or "amod" in owners):
                    actor = self.found.actor_at(child)
                    if actor and (child.dep_ == "compound" or self.found.actors[actor].kind == "state"):
                        found.append(actor)
                elif child.dep_ in ("prep", "agent") and child.lower_ in owners:
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            found += self.actors_of(pobj, owners, depth + 1)
        for child in token.children:
            if child.dep_ == "conj":
                found += self.actors_of(child, owners, depth)
        return list(dict.fromkeys(found))

    def _members(self, token: Token) -> list[str]:
        """Actors a common noun is said to be: "Mahan's director, Hamid Arabnejad" (apposition),
        "German firms including Siemens and Daimler", "allies such as Germany"."""
        found: list[str] = []
        for child in token.children:
            if child.dep_ == "appos":
                found += [a for a in [self.found.actor_at(child)] if a]
            elif child.dep_ == "prep" and (child.lower_ == "including" or (child.lower_ == "as" and child.i > 0 and child.doc[child.i - 1].lower_ == "such")):
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        found += self.actors_of(pobj, ())
        return found

    def subjects(self, verb: Token, depth: int = 0) -> list[str]:
        for child in verb.children:
            if child.dep_ in ("nsubj", "csubj"):
                if child.lower_ in _FIRST_PERSON and child.tag_ == "PRP":
                    return self.quoted_speaker(verb)
                if child.lower_ in ("they", "it") and not self.found.actor_at(child):
                    return self.reporting_speaker(verb)  # "Syria says it is willing to ..."
                head = verb.head if child.lower_ in _RELATIVE and verb.dep_ == "relcl" else child
                return self.actors_of(head, ("poss", "of", "by"))
            if child.dep_ == "agent":
                return [a for p in child.children if p.dep_ == "pobj" for a in self.actors_of(p)]
        if depth > 3:
            return []
        if verb.dep_ == "relcl":
            return self.actors_of(verb.head)
        if verb.dep_ in ("acl", "pcomp") and verb.tag_ == "VBG":  # "with the US encouraging ..."
            doer = verb.head if verb.dep_ == "acl" else next((c for c in verb.head.children if c.dep_ == "pobj"), None)
            if doer is not None and self.actors_of(doer, ()):
                return self.actors_of(doer, ())
            if verb.dep_ == "acl" and verb.head.dep_ in ("dobj", "pobj"):  # "issued a declaration demanding ..."
                governing = verb.head.head if verb.head.dep_ == "dobj" else verb.head.head.head
                if governing.pos_ == "VERB":
                    return self.subjects(governing, depth + 1)
        if verb.dep_ == "xcomp":
            controller = [c for c in verb.head.children if c.dep_ == "dobj" and self.actors_of(c, ())]
            if controller:
                return self.actors_of(controller[0], ())
            if verb.head.pos_ == "ADJ" and verb.head.dep_ == "acomp":  # "is prepared to lift the ban"
                return self.subjects(verb.head.head, depth + 1)
            return self.subjects(verb.head, depth + 1)
        if verb.dep_ in ("conj", "advcl", "pcomp") and verb.head.pos_ in ("VERB", "AUX"):
            return self.subjects(verb.head, depth + 1)
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ in ("VERB", "AUX"):
            return self.subjects(verb.head.head, depth + 1)  # "contributed ... by supporting X"
        return []

    def quoted_speaker(self, verb: Token) -> list[str]:
        """Who "I" or "we" is: the speaker of the sentence's speech verb outside the quote."""
        inside = {t.i for t in verb.subtree}
        for token in self.sent:
            if token.i in inside or token.pos_ != "VERB" or self.lemma(token) not in self.lexicon.speech:
                continue
            subject = next((c for c in token.children if c.dep_ == "nsubj" and not (c.lower_ in _FIRST_PERSON and c.tag_ == "PRP")), None)
            if subject is not None:
                return self.actors_of(subject, ())
        return []

    def reporting_speaker(self, verb: Token) -> list[str]:
        """Who "they" or "it" is in a reported statement: the reporting organisation or state."""
        node = verb
        for _ in range(3):
            if node.dep_ != "ccomp" or node.head is node:
                return []
            node = node.head
            if self.lemma(node) in self.lexicon.speech:
                subject = next((c for c in node.children if c.dep_ == "nsubj"), None)
                if subject is None:
                    return []
                found = self.actors_of(subject, ())
                return [a for a in found if self.found.actors[a].kind != "person"]
        return []

    def is_passive(self, verb: Token) -> bool:
        return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)

    def objects(self, verb: Token) -> tuple[list[str], Token | None]:
        """Target actors of a verb, and the object noun (for object patterns and topics)."""
        targets: list[str] = []
        prep_targets: list[tuple[str, list[str]]] = []
        noun = None
        for child in verb.children:
            if child.dep_ in ("dobj", "dative", "attr", "oprd") or (child.dep_ == "nsubjpass"):
                noun = noun or (child if child.dep_ != "oprd" else None)
                targets += self.actors_of(child, ("poss", "of", "by", "amod") + tuple(_TARGET_PREPS))
            elif child.dep_ == "prep" and child.lower_ in _TARGET_PREPS:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        prep_targets.append((child.lower_, self.actors_of(pobj, ("poss", "of"))))
            elif child.dep_ == "prt":  # "called on X", "pulled out of X"
                for prep in child.children:
                    if prep.dep_ == "prep":
                        targets += [a for p in prep.children if p.dep_ == "pobj" for a in self.actors_of(p)]
        for prep, actors in prep_targets:  # "commended Biden for his empathy": Biden, not "his"
            if not targets or prep in ("against", "with", "on", "to"):
                targets += actors
        if noun is None:  # "dropped out of the race": the race is what is left
            noun = next((p for c in verb.children if c.dep_ in ("prep", "prt") for g in [c, *c.children]
                         if g.dep_ == "prep" and g.lower_ in ("of", "from") for p in g.children
                         if p.dep_ == "pobj" and p.pos_ == "NOUN" and not p.ent_type_), None)
        return list(dict.fromkeys(targets)), noun

    # -- events ----------------------------------------------------------------------------
    def lemma(self, verb: Token) -> str:
        particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
        lemma = verb.lemma_.lower()
        if particle and f"{lemma} {particle}" in self.lexicon.verbs:
            return f"{lemma} {particle}"
        return lemma

    def negated(self, verb: Token) -> bool:
        node = verb
        for _ in range(3):
            if any(c.dep_ == "neg" or c.lower_ in ("never", "not", "n't") for c in node.children):
                return True
            if node.dep_ not in ("xcomp", "ccomp") or node.head is node:
                return False
            if node.dep_ == "ccomp":
                return False
            node = node.head
        return False

    def purpose(self, verb: Token) -> bool:
        """An act given as the purpose or manner of another ("struck to demand", "rallied, calling
        for ..."): the other act is the event."""
        if verb.dep_ == "xcomp":
            return verb.head.lemma_.lower() in ("continue", "begin", "start", "stage", "hold")
        if verb.dep_ != "advcl" or verb.head.pos_ != "VERB":
            return False
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        head_type = self.lexicon.verbs.get(self.lemma(verb.head))
        return (infinitive or verb.tag_ == "VBG") and head_type not in ("PROPOSES", "THREATENS", "CALLS_FOR")

    def counterfactual(self, verb: Token) -> bool:
        """"would have allowed ...": something that did not happen, nor anything it governs."""
        node = verb
        for _ in range(3):
            auxes = [c.lower_ for c in node.children if c.dep_ == "aux"]
            if "have" in auxes and any(a in ("would", "could", "might") for a in auxes):
                return True
            if node.dep_ not in ("xcomp", "ccomp", "conj") or node.head is node:
                return False
            node = node.head
        return False

    def verb_events(self, verb: Token) -> Iterator[Reading]:
        lemma = self.lemma(verb)
        typed = self._verb_type(verb, lemma)
        if typed is None:
            return
        rel_type, targets, noun = typed
        if self.counterfactual(verb):
            return
        if self.negated(verb):
            rel_type = _NEGATION_FLIPS.get(rel_type or "")
            if rel_type is None:
                return
        governed = self._governor(verb)
        if governed == "carried":
            return  # the governing "propose"/"threaten"/"urge" carries it, with this verb's targets
        sources = self.subjects(verb)
        own_side = {self.found.actors[a].country for a in sources if a in self.found.actors} - {None}
        targets = [t for t in targets if t not in own_side]  # "Trump withdrew the US from ...": not the US
        if self.is_passive(verb):
            sources = [a for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj" for a in self.actors_of(p)]
        if not sources:
            return
        confidence = 0.5 if self.purpose(verb) else 1.0  # "demonstrated to demand reforms": the demonstration is the act
        if rel_type:
            rel_type, targets, framed = self._framed(verb, lemma, rel_type, targets, noun, intended=governed == "intent")
            confidence = min(confidence, framed)
        day = self.date_of(verb)
        emitted = False
        if rel_type and targets:
            plover = self.lexicon.plover.get(lemma, "") if rel_type in ("YIELDS", "ASSAULTS") else ""
            for source in sources:
                for target in targets:
                    if source != target:
                        emitted = emitted or not target.startswith("topic:")
                        yield Reading(source, target, rel_type, self.number, self.evidence, day, confidence, plover)
        if not emitted and (lemma in self.lexicon.speech or rel_type == "CRITICIZES"):
            yield from self.speech(verb, sources, "CRITICIZES" if rel_type == "CRITICIZES" else "COMMENTS_ON", day)

    def _verb_type(self, verb: Token, lemma: str) -> tuple[str | None, list[str], Token | None] | None:
        """The relation type a verb expresses with its object, and its targets; None when it
        expresses nothing (and is no speech verb either)."""
        targets, noun = self.objects(verb)
        noun_lemma = noun.lemma_.lower() if noun is not None else None
        if lemma in self.lexicon.ignore and lemma not in self.lexicon.speech and (lemma, noun_lemma) not in self.lexicon.objects:
            return None  # "give" means nothing alone, "give aid" does
        rel_type = self.lexicon.verb_type(lemma, noun_lemma)
        origin = next((p for c in verb.children if c.dep_ == "prep" and c.lower_ in ("from", "of")
                       for p in c.children if p.dep_ == "pobj"), None)
        if origin is not None and (lemma, noun_lemma) not in self.lexicon.objects:
            by_origin = self.lexicon.objects.get((lemma, origin.lemma_.lower()))
            if by_origin:  # "withdrew the US from a treaty with Iran": what is left is the treaty
                rel_type = by_origin
                targets = self.actors_of(origin, ("poss", "of", "with", "by")) or targets
        oprd = next((c for c in verb.children if c.dep_ == "oprd"), None)
        if lemma in self.lexicon.naming and oprd is not None:  # "he called the decree of Z 'miracles'"
            targets = [a for node in [oprd, *oprd.children] if node.dep_ in ("oprd", "appos", "dobj")
                       for a in self.actors_of(node, ("poss", "of"))]
            scornful = oprd.lemma_.lower() in self.lexicon.scorn or oprd.lower_ in self.lexicon.scorn
            rel_type = "CRITICIZES" if scornful else "COMMENTS_ON"
        if rel_type == "ASSAULTS" and noun is not None and noun.lemma_.lower() in self.lexicon.verbal_objects:
            rel_type = "CRITICIZES"  # "attacked the proclamation by Trump": an attack in words
        if rel_type is None and lemma not in self.lexicon.speech:
            return None
        return rel_type, targets, noun

    def _framed(self, verb: Token, lemma: str, rel_type: str, targets: list[str], noun: Token | None,
                intended: bool) -> tuple[str, list[str], float]:
        """The type, targets and confidence once modality, intent and missing targets are read."""
        confidence = 1.0
        if rel_type in ("CALLS_FOR", "PROPOSES") and not targets:
            for comp in verb.children:  # "recommended the US troops withdraw"
                if comp.dep_ == "ccomp":
                    targets = [a for c in comp.children if c.dep_ == "nsubj" for a in self.actors_of(c, ("poss", "amod"))]
                    if targets:
                        rel_type = "CALLS_FOR"
                        break
        modal = any(c.dep_ == "aux" and c.lower_ in self.lexicon.modal for c in verb.children)
        if modal or intended:
            conditional = any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in self.lexicon.conditions for m in c.children)
                              for c in verb.children)
            if rel_type in self.lexicon.coercive or (conditional and rel_type != "COMMENTS_ON"):
                rel_type = "THREATENS"  # "may impose sanctions", "will withdraw unless ..."
            elif rel_type in _INTENDED_AS_PROPOSAL or intended and rel_type not in ("YIELDS", "REJECTS", "CALLS_FOR"):
                rel_type = "PROPOSES"  # "will provide aid", "is willing to withdraw": a stated intent
            confidence = 0.6
        if not targets and rel_type == "CALLS_FOR" and noun is not None:
            targets = [t for t in [self.topic(None, noun)] if t]  # "instructed security agencies to ..."
        if not targets:
            comp = next((c for c in verb.children if c.dep_ == "xcomp"), None)
            if comp is not None:  # "proposed to stop hostilities", "threatened to impose sanctions on X"
                targets, comp_noun = self.objects(comp)
                if rel_type == "PROPOSES" and lemma in self.lexicon.intent:
                    inner = self.lexicon.verb_type(comp.lemma_.lower(), comp_noun.lemma_.lower() if comp_noun is not None else None)
                    if inner in self.lexicon.coercive:
                        rel_type = "THREATENS"
                if not targets and rel_type in _TOPIC_TYPES:
                    targets = [t for t in [self.topic(comp, comp_noun)] if t]
        if not targets and noun is not None and rel_type in _TOPIC_TYPES:
            targets = [t for t in [self.topic(None, noun)] if t]
        if not targets and rel_type in ("YIELDS", "PROTESTS") and not any(c.dep_ == "dobj" for c in verb.children):
            targets = [self.named_topic(lemma)]  # "she resigned", "students demonstrated"
        return rel_type, targets, confidence

    def _governor(self, verb: Token) -> str:
        """How the verb governing this one (xcomp, or ccomp of a request) frames it: "carried" when
        that verb is itself an act of proposing, threatening or requesting (it reads this verb's
        targets), "intent" when it only says the act is wanted or prepared ("is willing to
        withdraw", "wants to meet"), "" when the act is simply done."""
        if verb.dep_ not in ("xcomp", "ccomp"):
            return ""
        head = verb.head
        head_lemma = head.lemma_.lower()
        head_type = self.lexicon.verbs.get(head_lemma)
        if head.pos_ == "VERB" and head_type in ("PROPOSES", "THREATENS", "CALLS_FOR", "REJECTS"):
            return "carried"
        if verb.dep_ == "xcomp" and head_lemma in self.lexicon.intent:
            return "intent"
        return ""

    def speech(self, verb: Token, speakers: list[str], rel_type: str, day: date | None) -> Iterator[Reading]:
        clause = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp")]
        for comp in clause:  # "Russia said Sudan must return the helicopter": a demand on Sudan
            if any(c.dep_ == "aux" and c.lower_ in self.lexicon.obligation for c in comp.children):
                obliged = [a for c in comp.children if c.dep_ == "nsubj" for a in self.actors_of(c, ("poss", "of", "amod")) if a not in speakers]
                if obliged:
                    for speaker in speakers:
                        for actor in obliged:
                            yield Reading(speaker, actor, "CALLS_FOR", self.number, self.evidence, day, 0.8)
                    return
        addressees = {t.i for c in verb.children if c.dep_ in ("dobj", "dative") for t in c.subtree}
        tokens: list[Token] = [t for c in clause for t in c.subtree if t.i not in addressees]  # "told the BBC ..."
        if not tokens and verb.dep_ == "advcl" and any(c.lower_ == "as" and c.dep_ == "mark" for c in verb.children):
            own = {t.i for t in verb.subtree}
            tokens = [t for t in verb.head.subtree if t.i not in own]  # "as X noted, <main clause>"
        yield from self._about(tokens, speakers, rel_type, day, 0.8)

    def _about(self, tokens: list[Token], speakers: list[str], rel_type: str, day: date | None, confidence: float,
               cues: list[Token] | None = None) -> Iterator[Reading]:
        """The speaker comments on (or, with words of blame, criticises) the actors of what was said."""
        if rel_type == "COMMENTS_ON" and any(
            t.lower_ in self.lexicon.criticism_cues or t.lemma_.lower() in self.lexicon.criticism_cues for t in cues or tokens
        ):
            rel_type = "CRITICIZES"
        for actor in self._what_was_said_about(tokens, speakers):
            for speaker in speakers:
                yield Reading(speaker, actor, rel_type, self.number, self.evidence, day, confidence)

    def _what_was_said_about(self, tokens: list[Token], speakers: list[str]) -> list[str]:
        """The actor a statement is about: the subject of what was said (following "it is
        possible that ..." inwards), else the first actor named in it outside place adjuncts."""
        if not tokens:
            return []
        # A speaker's own state is who speaks, not what is spoken about ("the US was disappointed").
        speakers = [*speakers, *(self.found.actors[a].country for a in speakers if a in self.found.actors and self.found.actors[a].country)]
        inside = {t.i for t in tokens}
        root = min(tokens, key=lambda t: (len(list(t.ancestors)), t.i))
        for _ in range(3):
            subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None:
                found = [a for a in self.actors_of(subject, ("poss", "of", "by")) if a not in speakers]
                if found:
                    return found
            inner = next((c for c in root.children if c.dep_ in ("ccomp", "xcomp") and c.i in inside), None)
            if inner is None:
                break
            root = inner
        found = []
        for token in tokens:
            actor = self.found.actor_at(token)
            if actor and actor not in speakers and not self._in_adjunct(token, tokens) and token.dep_ != "amod":
                found.append(actor)  # "the American dream" is not about the United States
        return list(dict.fromkeys(found))

    def _in_adjunct(self, token: Token, clause: list[Token]) -> bool:
        """Inside a place or time adjunct ("in Ukraine", "during the summit"), which is not what was said about."""
        node = token
        for _ in range(6):
            if node.dep_ == "pobj" and node.head.lower_ in _PLACE_PREPS and node.head.head.pos_ in ("VERB", "AUX", "NOUN"):
                return True
            if node.head is node:
                return False
            node = node.head
        return False

    def speakers(self) -> list[str]:
        """The actors who speak in this sentence (subjects of its speech verbs)."""
        found: list[str] = []
        for token in self.sent:
            if token.pos_ == "VERB" and self.lemma(token) in self.lexicon.speech:
                found += self.subjects(token)
        return list(dict.fromkeys(found))

    def continued_quote(self, speakers: list[str]) -> Iterator[Reading]:
        """A sentence inside a quotation opened earlier: the speaker comments on (or criticises) the
        actors it is about (the subjects of its clauses), unless it names its own speaker."""
        if self.speakers():
            return
        subjects = [t for token in self.sent if token.dep_ in ("nsubj", "nsubjpass") for t in token.subtree]
        if subjects:
            yield from self._about(subjects, speakers, "COMMENTS_ON", self.published, 0.7, cues=list(self.sent))

    def according_to(self) -> Iterator[Reading]:
        for token in self.sent:
            if token.lower_ == "according" and token.dep_ == "prep":
                to = next((c for c in token.children if c.lower_ == "to"), None)
                pobj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
                if pobj is None:
                    continue
                speakers = self.actors_of(pobj, ("poss", "by", "of"))  # "according to a tweet by X"
                own = {t.i for t in token.subtree}
                tokens = [t for t in token.head.subtree if t.i not in own]
                yield from self._about(tokens, speakers, "COMMENTS_ON", self.date_of(token.head), 0.8)

    def nominal_events(self) -> Iterator[Reading]:
        for token in self.sent:
            rel_type = self.lexicon.nominal.get(token.lemma_.lower())
            if rel_type is None or token.pos_ != "NOUN":
                continue
            if any(c.dep_ == "amod" and c.lower_ in _HYPOTHETICAL for c in token.children):
                continue
            sources: list[str] = []
            targets: list[str] = []
            for child in token.children:
                if child.dep_ in ("poss", "compound", "amod") and self.found.actor_at(child):
                    sources.append(self.found.actor_at(child))  # type: ignore[arg-type]
                elif child.dep_ in ("prep", "agent"):
                    pobjs = [a for p in child.children if p.dep_ == "pobj" for a in self.actors_of(p, ())]
                    if child.lower_ == "by":
                        sources += pobjs
                    elif child.lower_ == "between" and len(pobjs) > 1:
                        sources, targets = pobjs[:1], pobjs[1:]
                    elif child.lower_ in ("on", "against", "to", "with", "of", "toward", "towards", "upon"):
                        targets += pobjs
                elif child.dep_ == "acl":  # "the war unleashed by the West against Russia"
                    for grand in child.children:
                        pobjs = [a for p in grand.children if p.dep_ == "pobj" for a in self.actors_of(p, ())]
                        if grand.dep_ == "agent":
                            sources += pobjs
                        elif grand.dep_ == "prep" and grand.lower_ in ("on", "against", "to", "with"):
                            targets += pobjs
            if not sources and token.dep_ in ("pobj", "dobj"):
                verb = token.head.head if token.dep_ == "pobj" else token.head
                light = verb.lemma_.lower() in _LIGHT_VERBS or (rel_type == "CONSULTS" and token.dep_ == "pobj")
                if verb.pos_ == "VERB" and light and (targets or token.dep_ == "dobj"):
                    sources = self.subjects(verb)  # "launched an attack on X", "said in a meeting with X"
                    if sources and not targets and rel_type in ("PROTESTS", "INVESTIGATES", "MOBILIZES"):
                        targets = [self.named_topic(token.lemma_.lower())]  # "students staged demonstrations"
            day = self.date_of(token)
            for source in dict.fromkeys(sources):
                for target in dict.fromkeys(targets):
                    if source != target:
                        yield Reading(source, target, rel_type, self.number, self.evidence, day, 0.7)

    # -- topics and dates ------------------------------------------------------------------
    def topic(self, verb: Token | None, noun: Token | None) -> str | None:
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
        name = " ".join(dict.fromkeys(w for w in words if w.strip()))
        topic = Topic.named(name)
        self.topics[topic.id] = topic
        return topic.id

    def named_topic(self, name: str) -> str:
        topic = Topic.named(name)
        self.topics[topic.id] = topic
        return topic.id

    def date_of(self, token: Token) -> date | None:
        span_tokens = {t.i for t in token.subtree}
        dates = [e for e in self.sent.ents if e.label_ == "DATE"]
        chosen = [e for e in dates if e.root.i in span_tokens] or dates
        for ent in chosen:
            day = resolve_date(ent.text, self.published)
            if day:
                return day
        return self.published

    def read(self) -> list[Reading]:
        readings: list[Reading] = []
        for token in self.sent:
            if token.pos_ == "VERB":
                readings += self.verb_events(token)
        readings += self.according_to()
        readings += self.nominal_events()
        return list(dict.fromkeys(readings))


def read_relations(
    sentences: list[tuple[int, Span]], found: ArticleActors, lexicon: Lexicon, published: date | None
) -> tuple[list[Reading], dict[str, Topic]]:
    readings: list[Reading] = []
    topics: dict[str, Topic] = {}
    quote_open, speaker = False, []
    for number, sent in sentences:
        reader = _SentenceReader(sent, number, found, lexicon, published)
        readings += reader.read()
        closes_at_once = sent.text.lstrip()[:1] in ('"', "”")  # the previous sentence's closing mark
        if quote_open and speaker and not closes_at_once:  # a quotation running on: its speaker's words
            readings += reader.continued_quote(speaker)
        quote_open, opened = _quote_state(sent.text, quote_open)
        if opened:
            speaker = reader.speakers()
        elif not quote_open:
            speaker = []
        topics.update(reader.topics)
    return list(dict.fromkeys(readings)), topics


def _quote_state(text: str, was_open: bool) -> tuple[bool, bool]:
    """Whether a quotation is still open after this sentence, and whether this sentence opened it."""
    state = was_open
    opened = False
    for ch in text:
        if ch == "“" or (ch == '"' and not state):
            state, opened = True, True
        elif ch == "”" or (ch == '"' and state):
            state, opened = False, False
    return state, opened and state
