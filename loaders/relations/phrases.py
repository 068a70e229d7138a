"""Which actors the phrases of a parsed sentence name: a noun phrase's own actor or the actors it
belongs to, a verb's subjects (through passives, relative clauses, control and coordination), its
objects, and who speaks a quotation. Read-only over the article's mentions."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from spacy.tokens import Span, Token

from polgraph.graph.ontology import EventType
from polgraph.loaders.lexicon import Lexicon
from polgraph.loaders.mentions import ArticleActors
from polgraph.loaders.relations.records import Argument, RecentAct, Slot

__all__ = ["PROPOSALS", "QUOTING", "STATEMENTS", "STRONG_PREPS", "TARGET_PREPS", "Phrases", "unique"]

_RELATIVE = {"which", "who", "that", "whom"}
# What is said, not done: "criticized the move" is not about a comment.
STATEMENTS = frozenset({EventType.COMMENTS_ON, EventType.CRITICIZES})
# What is asked or offered, not done: "approved the proposal" agrees to another's act, it does not do it.
PROPOSALS = frozenset({EventType.PROPOSES, EventType.CALLS_FOR})
# Prepositions of a request at which an act is done: "at the behest of X", "on the request of X".
_REQUESTED_PREPS = frozenset({"at", "on", "upon"})
_FIRST_PERSON = {"i", "we", "me", "us"}
# Prepositions whose object is a target even beside an actor as direct object ("sanctioned X
# over its attack on Y"); the others only without one ("commended Biden for his empathy": not "his").
STRONG_PREPS = frozenset({"against", "with", "on", "to"})
_ALONG = frozenset({"along", "together"})  # "along with X", "together with X"
# Verbs that report another's words: "Reuters quoted Erdogan as saying ..." (Erdogan says it).
QUOTING = frozenset({"quote", "cite"})
# Nouns that speak for whom a preposition names: "a spokesperson for the Kremlin said ...", "a
# statement from the German government said ...".
_SPEAKING_FOR = {"for": frozenset({"spokesperson", "spokesman", "spokeswoman", "spokespeople", "spokesmen", "spokeswomen"}),
                 "from": frozenset({"statement", "letter", "communique", "communiqué", "message", "release", "declaration"})}
_PARTICLES = frozenset({"down", "out", "up", "off", "back", "away", "over"})
TARGET_PREPS = {"against", "on", "with", "to", "toward", "towards", "from", "over", "into", "at", "as", "upon", "for"}


class Phrases:
    def __init__(self, sent: Span, found: ArticleActors, lexicon: Lexicon,
                 recent: Mapping[EventType, RecentAct] | None = None, lead: RecentAct | None = None,
                 previous: RecentAct | None = None) -> None:
        self.sent = sent
        self.found = found
        self.lexicon = lexicon
        self.recent = recent or {}  # the article's last act of each type, before this sentence
        self.lead = lead  # the article's first act that is not a statement: the act it reports
        self.previous = previous  # the act of the sentence before, if any (not a statement)
        # Who speaks the quotation this sentence holds, where no verb of saying in it tells:
        # 'Trump defended his decision, "I will ..."' (set by the reader, which follows quotations).
        self.quoting: list[Argument] = []

    # -- noun phrases ----------------------------------------------------------------------
    def actors_of(self, token: Token, owners: Iterable[str] = ("poss", "of", "by"), depth: int = 0) -> list[str]:
        """The actors a noun phrase names, or (for a non-actor noun) the actors it belongs to."""
        return list(dict.fromkeys(t for t, _ in self.actor_tokens(token, owners, depth)))

    def actor_tokens(self, token: Token, owners: Iterable[str] = ("poss", "of", "by"), depth: int = 0) -> list[tuple[str, Token]]:
        """``actors_of`` with the token naming each actor."""
        owners = tuple(owners)
        found: list[tuple[str, Token]] = []
        own = self.found.actor_at(token) or self._reporting_owner(token) or self._leader(token)
        members = self._members(token) if not own else []
        holder = self.title_holder(token) if not (own or members) else None
        if own:
            found += [*self.titled_before(token, own), (own, token)]
        elif members:
            found += members
        elif holder is not None:
            found.append((self.found.actor_at(holder), holder))  # type: ignore[arg-type]
        elif depth < 2:
            for child in token.children:
                if child.dep_ == "poss" and "poss" in owners:
                    found += self.actor_tokens(child, owners, depth + 1)
                elif child.dep_ in ("compound", "amod") and ("poss" in owners or "amod" in owners):
                    actor = self.found.actor_at(child)
                    if actor and (child.dep_ == "compound" or self.found.actors[actor].kind == "state"):
                        found.append((actor, child))
                elif child.dep_ in ("prep", "agent") and (child.lower_ in owners or (
                        token.lemma_.lower() in _SPEAKING_FOR.get(child.lower_, ()))):  # "a spokesman for X": X speaks
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            found += self.actor_tokens(pobj, owners, depth + 1)
        for child in token.children:
            if child.dep_ == "conj":
                found += self.actor_tokens(child, owners, depth)
        seen: set[str] = set()
        return [(a, t) for a, t in found if not (a in seen or seen.add(a))]

    def titled_before(self, token: Token, own: str) -> list[tuple[str, Token]]:
        """People coordinated before a titled name, where the parser hangs the first titled name
        inside the second's title: "US President Donald Trump and Turkish President Recep Tayyip
        Erdogan spoke", "Trump" an apposition of the "President" before "Erdogan"."""
        if self.found.actors[own].kind != "person":
            return []
        before = [t for t in token.subtree if t.i < token.i]
        joint = next((t for t in before if t.dep_ == "cc" and t.lower_ == "and"), None)
        if joint is None:
            return []
        people = [(actor, t) for t in before if t.i < joint.i and t.dep_ in ("appos", "conj")
                  and (actor := self.found.actor_at(t)) and actor != own and self.found.actors[actor].kind == "person"]
        return people

    def _leader(self, token: Token) -> str | None:
        """Who leads what "X-led" names: "the Saudi-led coalition", "a U.S.-led coalition" act as
        Saudi Arabia and the US (a leader the article names elsewhere, for the one-word form)."""
        if token.pos_ not in ("NOUN", "PROPN"):
            return None
        for child in token.children:
            if child.dep_ not in ("amod", "compound"):
                continue
            if child.lemma_.lower() == "lead" and child.tag_ == "VBN":  # "Saudi - led": the leader hangs on "led"
                leader = next((c for c in child.children if c.dep_ in ("npadvmod", "compound", "amod", "nmod")
                               and self.found.actor_at(c)), None)
                if leader is not None:
                    return self.found.actor_at(leader)
            elif child.lower_.endswith("-led") and len(child.text) > 4:  # "U.S.-led": one token
                named = self.found.registry.by_name(child.text[:-4]) or self.found.registry.state_by_demonym(child.text[:-4])
                if named is not None and named.id in self.found.actors:
                    return named.id
        return None

    def _members(self, token: Token) -> list[tuple[str, Token]]:
        """Actors a common noun is said to be: "Mahan's director, Hamid Arabnejad" (apposition),
        "German firms including Siemens and Daimler", "allies such as Germany"; and the actors a
        plural noun of people comes from: "ministers from Egypt, Greece and Cyprus"."""
        found: list[tuple[str, Token]] = []
        # "attorneys general of Oregon": the parser hangs the places on "general"
        titles = [c for c in token.children if c.dep_ == "amod" and c.lower_ == "general"]
        for child in [*token.children, *(c for t in titles for c in t.children)]:
            if child.dep_ == "appos":
                actor = self.found.actor_at(child)
                if actor:
                    found.append((actor, child))
            elif child.dep_ == "prep" and (
                child.lower_ == "including" or (child.lower_ == "as" and child.i > 0 and child.doc[child.i - 1].lower_ == "such")
                or (child.lower_ in ("from", "of") and token.tag_ == "NNS" and token.pos_ == "NOUN" and self._is_people(token))
            ):
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        found += self.actor_tokens(pobj, ())
        return found

    def listed_later(self, verb: Token, subject: Token, slot: Slot) -> list[Argument]:
        """The members of a plural subject listed at the end of its clause, where the parser hangs
        the list on the verb: "multiple officials pressured Trump not to commute the sentence,
        including Darin LaHood and Mike Bost"; only for a plural common noun that names no actor
        and where the verb's object names none (else the list may be the object's)."""
        if subject.pos_ != "NOUN" or subject.tag_ != "NNS":
            return []
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        if any(c.tag_ == "NNS" and not self.actors_of(c, ()) for c in objects):
            return []
        clause = [verb, *(c for c in verb.children if c.dep_ == "xcomp")]
        return [Argument(a.node, slot, a.token, a.how) for v in clause for c in v.children
                if c.dep_ == "prep" and c.lower_ == "including" for p in c.children if p.dep_ == "pobj"
                for a in self.arguments(p, slot, ())]

    def title_holder(self, token: Token) -> Token | None:
        """The one a title names when the parser hung the name on the title's preposition, glued
        to the body the title is of: "Former US Ambassador to the United Nations Nikki Haley" ("Haley"
        the object of "to", "United Nations" its compound), or to the place a legislator is "from":
        "United States Senator from Vermont Bernie Sanders" (a place that may name no actor)."""
        if token.pos_ not in ("NOUN", "PROPN"):
            return None
        for prep in token.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("to", "of", "for", "at", "from"):
                continue
            glued = (None,) if prep.lower_ != "from" else ()  # "from Vermont": the place need be no actor
            for pobj in prep.children:
                person = self.found.actor_at(pobj) if pobj.dep_ == "pobj" and pobj.pos_ == "PROPN" else None
                if person and self.found.actors[person].kind not in ("state", "region", "city") and any(
                        c.dep_ == "compound" and c.pos_ == "PROPN" and self.found.actor_at(c) not in (*glued, person)
                        for c in pobj.children):
                    return pobj
        return None

    def _reporting_owner(self, token: Token) -> str | None:
        """ "its"/"their" in a statement of a state or organisation is the speaker's: "Iran said
        the US had attacked its ships"."""
        if token.lower_ not in ("its", "their") or token.tag_ != "PRP$":
            return None
        for node in token.ancestors:
            if node.dep_ == "ccomp" and self.lemma(node.head) in self.lexicon.speech:
                subject = next((c for c in node.head.children if c.dep_ == "nsubj"), None)
                actor = self.found.actor_at(subject) if subject is not None else None
                if actor and self.found.actors[actor].kind != "person":
                    return actor
                return None
        return None

    def _is_people(self, token: Token) -> bool:
        """A plural noun naming people who act for a place: "ministers", "officials", "attorneys general"."""
        word = token.lemma_.lower()
        return word in self.lexicon.people_nouns or any(c.dep_ == "amod" and c.lower_ == "general" for c in token.children)

    def arguments(self, token: Token, slot: Slot, owners: Iterable[str] = ("poss", "of", "by"), prep: str = "") -> list[Argument]:
        return [self.argument(actor, where, slot, prep) for actor, where in self.actor_tokens(token, owners)]

    def argument(self, actor: str, token: Token, slot: Slot, prep: str = "") -> Argument:
        return Argument(actor, slot, token.i, self.how(token), prep)

    def how(self, token: Token) -> str:
        if token.i in self.found.role_tokens:
            return "role"
        mention = self.found.by_token.get(token.i)
        return mention.how if mention else ""

    # -- verbs -----------------------------------------------------------------------------
    def lemma(self, verb: Token) -> str:
        """The verb's lemma with its particle where the lexicon knows the pair ("step down"),
        the particle as the parser gave it: a particle, an adverb, or "out" of "out of"."""
        lemma = verb.lemma_.lower()
        for c in verb.children:
            if c.dep_ == "prt" or (c.dep_ in ("advmod", "prep") and c.lower_ in _PARTICLES):
                if f"{lemma} {c.lower_}" in self.lexicon.verbs:
                    return f"{lemma} {c.lower_}"
        return lemma

    def is_passive(self, verb: Token) -> bool:
        return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)

    def subjects(self, verb: Token, depth: int = 0) -> list[Argument]:
        """Who does what ``verb`` says."""
        inherited = Slot.INHERITED if depth else None
        for child in [*verb.children, *self.auxiliary_subjects(verb)]:
            if child.dep_ in ("nsubj", "csubj"):
                if child.lower_ in _FIRST_PERSON and child.tag_ == "PRP":
                    return self.quoted_speaker(verb)
                if child.lower_ in ("they", "it") and not self.found.actor_at(child):
                    return self.reporting_speaker(verb)  # "Syria says it is willing to ..."
                if child.lower_ in _RELATIVE and verb.dep_ == "relcl":
                    return self.arguments(verb.head, inherited or Slot.RELATIVE_HEAD)
                return (self.participants(child, inherited or Slot.SUBJECT) or self.arguments(child, inherited or Slot.SUBJECT)
                        or self.listed_later(verb, child, inherited or Slot.SUBJECT))
            if child.dep_ == "agent":
                return [a for p in child.children if p.dep_ == "pobj" for a in self.arguments(p, inherited or Slot.PASSIVE_AGENT, ("poss", "of", "by"))]
        if depth > 3:
            return []
        clause_subject = self.subordinate_subject(verb)
        if clause_subject is not None:  # "after Theresa May stepped down", May parsed under "after"
            return self.arguments(clause_subject, inherited or Slot.SUBJECT)
        if verb.dep_ == "relcl":
            return self.arguments(verb.head, inherited or Slot.RELATIVE_HEAD)
        if verb.dep_ in ("acl", "pcomp") and verb.tag_ == "VBG":  # "with the US encouraging ..."
            doer = verb.head if verb.dep_ == "acl" else next((c for c in verb.head.children if c.dep_ == "pobj"), None)
            if doer is not None and self.actors_of(doer, ()):
                return self.arguments(doer, Slot.INHERITED, ())
            governing = self.participle_governor(verb)
            if governing is not None:  # "issued a declaration demanding ...", "posted a message on X blaming Y"
                return self._inherit(self.subjects(governing, depth + 1))
        if verb.dep_ == "xcomp":
            controller = [c for c in verb.head.children if c.dep_ == "dobj" and self.actors_of(c, ())]
            if controller:
                return self.arguments(controller[0], Slot.CONTROLLER, ())
            if verb.head.pos_ == "ADJ" and verb.head.dep_ == "acomp":  # "is prepared to lift the ban"
                return self._inherit(self.subjects(verb.head.head, depth + 1))
            return self._inherit(self.subjects(verb.head, depth + 1))
        if verb.dep_ in ("conj", "advcl", "pcomp") and verb.head.pos_ in ("VERB", "AUX"):
            return self._inherit(self.subjects(verb.head, depth + 1))
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ in ("VERB", "AUX"):
            governing = verb.head.head
            quoted = self.quoted_as_saying(verb)
            if quoted is not None:  # "Reuters quoted Erdogan as saying ...": Erdogan says it
                return self.arguments(quoted, inherited or Slot.SUBJECT, ())
            accused = [c for c in governing.children if c.dep_ in ("dobj", "nsubjpass") and self.actors_of(c, ())]
            if accused and verb.head.lower_ in ("of", "for", "with"):  # "accused Russia of poisoning X", "X was accused of ..."
                return self.arguments(accused[0], Slot.CONTROLLER, ())
            if accused and verb.head.lower_ == "in" and self.lemma(governing) == "join":  # "Hungary joined Poland in blocking X"
                return unique([*self._inherit(self.subjects(governing, depth + 1)), *self.arguments(accused[0], Slot.JOINER, ())])
            return self._inherit(self.subjects(governing, depth + 1))  # "contributed ... by supporting X"
        return []

    def quoted_as_saying(self, verb: Token) -> Token | None:
        """Who a verb of saying is quoted from: "quoted X as saying" (``verb`` "saying"), X's noun."""
        if verb.dep_ != "pcomp" or verb.head.lower_ != "as" or self.lemma(verb) not in self.lexicon.speech:
            return None
        governing = verb.head.head
        if governing.pos_ != "VERB" or self.lemma(governing) not in QUOTING:
            return None
        return next((c for c in governing.children if c.dep_ in ("dobj", "nsubjpass") and self.actors_of(c, ())), None)

    def companions(self, verb: Token) -> list[Argument]:
        """Who joins the subjects in the verb's act: "California, joined by Oregon and Nevada, sued
        ...", "France, along with Germany, condemned ...", "X, together with Y, ..."; the phrase
        hung on the verb or on its subject."""
        found: list[Argument] = []
        holders = [verb, *(c for c in verb.children if c.dep_ == "nsubj")]
        for child in (c for h in holders for c in h.children):
            if self.joined_by(child):
                preps = [g for g in child.children if g.dep_ == "agent"]
            elif child.dep_ in ("prep", "advmod") and child.lower_ in _ALONG:
                preps = [g for g in child.children if g.dep_ == "prep" and g.lower_ == "with"]
            elif child.dep_ == "prep" and child.lower_ == "with" and any(g.lower_ in _ALONG for g in child.children):
                preps = [child]
            else:
                continue
            found += [a for g in preps for p in g.children if p.dep_ == "pobj" for a in self.arguments(p, Slot.JOINER, ("poss", "of"))]
        return unique(found)

    def participle_patient(self, verb: Token) -> Token | None:
        """Who a passive participle with its agent is done to: "Saudi Arabia, backed by the US",
        "a group funded by Iran" (the noun it modifies), "Backed by Russia, Syrian forces attacked"
        (the subject of the clause it opens)."""
        if verb.tag_ != "VBN" or not any(c.dep_ == "agent" for c in verb.children) or self.joined_by(verb):
            return None
        if self.lemma(verb) in self.lexicon.speech:
            return None  # "as reported by X": who told it, not an act on the subject
        if verb.dep_ == "acl":
            node = verb.head
            return node.head if node.dep_ == "appos" and not self.actors_of(node, ()) else node  # "Hezbollah, a group funded by"
        if verb.dep_ == "advcl":
            return next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return None

    @staticmethod
    def joined_by(verb: Token) -> bool:
        """ "joined by X" set off beside a subject or its verb: X is a companion, no act of its own."""
        return (verb.dep_ in ("advcl", "acl") and verb.lemma_.lower() == "join" and verb.tag_ == "VBN"
                and any(c.dep_ == "agent" for c in verb.children))

    @staticmethod
    def auxiliary_subjects(verb: Token) -> list[Token]:
        """A subject the parser hung on an auxiliary of the verb: "The US has been encouraging
        allies ..." ("States" the subject of "been")."""
        if any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in verb.children):
            return []
        return [s for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i
                for s in c.children if s.dep_ == "nsubj"]

    @staticmethod
    def subordinate_subject(verb: Token) -> Token | None:
        """The subject of a subordinate clause that the parser hung under its conjunction as the
        object of a preposition ("after Theresa May stepped down": "May" the object of "after"): the
        clause's own subject, never the main clause's."""
        if any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in verb.children):
            return None
        return next((p for c in verb.children if c.dep_ == "mark" and c.i < verb.i
                     for p in c.children if p.dep_ == "pobj" and p.i < verb.i), None)

    @staticmethod
    def participle_governor(verb: Token) -> Token | None:
        """The verb whose object a participle describes: "issued a declaration demanding ...",
        "posted a message on Twitter blaming Iran" (the participle hung on "Twitter", the object of a
        preposition of the object): the participle's doer is that verb's subject."""
        if verb.dep_ != "acl" or verb.tag_ != "VBG":
            return None
        node = verb.head
        if node.dep_ == "pobj" and node.head.dep_ == "prep":  # up through one prepositional phrase
            node = node.head.head
            if node.pos_ == "VERB":
                return node
        if node.dep_ == "dobj" and node.head.pos_ == "VERB":
            return node.head
        return None

    def participants(self, noun: Token, slot: Slot) -> list[Argument]:
        """A meeting that acts is its participants: "the Cairo summit denounced ...", "the meeting
        condemned ..." after "ministers of Egypt, France and Greece met": those who met (the article's
        last meeting) when the meeting named is not one of its own with its members named."""
        if self.lexicon.nominal.get(noun.lemma_.lower()) != EventType.CONSULTS or noun.pos_ != "NOUN":
            return []
        if any(c.dep_ == "prep" and c.lower_ in ("of", "between") for c in noun.children):
            return []  # "the meeting of the G7", "talks between X and Y": named here
        last = self.recent.get(EventType.CONSULTS)
        if last is None:
            return []
        met = unique([*last.doers, *last.targets])
        return [Argument(a.node, slot, noun.i, "event") for a in met] if len(met) > 1 else []

    @staticmethod
    def _inherit(arguments: list[Argument]) -> list[Argument]:
        keep = (Slot.QUOTED_SPEAKER, Slot.REPORTING_SPEAKER)
        return [a if a.slot in keep else Argument(a.node, Slot.INHERITED, a.token, a.how) for a in arguments]

    def passive_agents(self, verb: Token) -> list[Argument]:
        return [a for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"
                for a in self.arguments(p, Slot.PASSIVE_AGENT)]

    def quoted_speaker(self, verb: Token) -> list[Argument]:
        """Who "I" or "we" is: the speaker of the sentence's speech verb outside the quote, else the
        speaker of the quotation the sentence is in, where the reader knows it (``quoting``)."""
        return self.named_speaker(verb) or [Argument(a.node, Slot.QUOTED_SPEAKER, a.token, a.how) for a in self.quoting]

    def named_speaker(self, verb: Token) -> list[Argument]:
        """The speaker of the sentence's speech verb outside the quote holding ``verb``."""
        inside = {t.i for t in verb.subtree}
        for token in self.sent:
            if token.i in inside or token.pos_ != "VERB" or self.lemma(token) not in self.lexicon.speech:
                continue
            subject = next((c for c in token.children if c.dep_ == "nsubj" and not (c.lower_ in _FIRST_PERSON and c.tag_ == "PRP")), None)
            if subject is not None:
                return self.arguments(subject, Slot.QUOTED_SPEAKER, ())
        return []

    def reporting_speaker(self, verb: Token) -> list[Argument]:
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
                found = self.arguments(subject, Slot.REPORTING_SPEAKER, ("amod",))  # "Palestinian leaders said they ..."
                return [a for a in found if self.found.actors[a.node].kind != "person"]
        return []

    def objects(self, verb: Token) -> tuple[list[Argument], Token | None]:
        """Target actors of a verb, and the object noun (for object patterns and topics)."""
        targets: list[Argument] = []
        prep_targets: list[Argument] = []
        noun = None
        patient = self.participle_patient(verb)
        if patient is not None:  # the object of the participle: it names the act's object noun too
            targets += self.arguments(patient, Slot.OBJECT, ())
            noun = patient
        for child in verb.children:
            if child.dep_ in ("dobj", "nsubjpass") and child.lower_ in _RELATIVE and verb.dep_ == "relcl":
                targets += self.arguments(verb.head, Slot.OBJECT, ())  # "Muhandis, who was killed": Muhandis
            elif child.dep_ == "dative" and child.pos_ == "ADP":  # "issued a warning to Belarus": "to" parsed as a dative
                prep_targets += [a for p in child.children if p.dep_ == "pobj"
                                 for a in self.arguments(p, Slot.PREPOSITION, ("poss", "of"), prep=child.lower_)]
            elif child.dep_ in ("dobj", "dative", "attr", "oprd") or (child.dep_ == "nsubjpass"):
                if noun is None or noun.dep_ == "dative":  # "gave Tanzania a grant": the grant, not the recipient
                    noun = child if child.dep_ != "oprd" else noun
                doers = self.event_agents(child)  # "condemned the arrest of journalists by Belarus": Belarus
                targets += doers or self.arguments(child, Slot.OBJECT, ("poss", "of", "by", "amod", "between", "about", *TARGET_PREPS))
            elif child.dep_ == "prep" and child.lower_ in TARGET_PREPS:
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and not self.at_request(pobj):
                        doers = [Argument(a.node, Slot.PREPOSITION, a.token, a.how, child.lower_) for a in self.event_agents(pobj)]
                        prep_targets += doers or self.arguments(pobj, Slot.PREPOSITION, ("poss", "of"), prep=child.lower_)
            elif child.dep_ == "prt":  # "called on X", "pulled out of X"
                for prep in child.children:
                    if prep.dep_ == "prep":
                        targets += [a for p in prep.children if p.dep_ == "pobj" for a in self.arguments(p, Slot.PARTICLE)]
        return unique(targets + prep_targets), noun or self._origin_noun(verb)

    def at_request(self, noun: Token) -> bool:
        """Whether a prepositional object says at whose request an act was done ("suspended parliament
        at the behest of Johnson", "on the request of Iran"): its owner asked, and is no target."""
        return (noun.head.lower_ in _REQUESTED_PREPS and noun.head.dep_ == "prep"
                and self.lexicon.nominal.get(noun.lemma_.lower()) == EventType.CALLS_FOR)

    def event_agents(self, noun: Token) -> list[Argument]:
        """Who did the act an event noun names ("the arrest of the journalists by Belarus",
        "Turkey's offensive"): acting on an act is acting on its doer. "The attack" with no doer
        named is the article's last attack, whose doer was read in an earlier sentence; "the move"
        or "the decision", naming no act, is the act of the sentence before (not a statement), else
        the act the article reports (its first: news tells its main act first, and comes back to it
        by such words)."""
        rel_type = self.lexicon.nominal.get(noun.lemma_.lower())
        unnamed = rel_type is None and noun.lemma_.lower() in self.lexicon.act_nouns and noun.pos_ == "NOUN"
        if (rel_type is None and not unnamed) or self.found.actor_at(noun):
            return []
        doers: list[Argument] = []
        for child in noun.children:
            if child.dep_ in ("poss", "compound") or (child.dep_ == "amod" and self.found.actor_at(child)):
                doers += self.arguments(child, Slot.OBJECT, ("poss",))
            elif child.dep_ == "agent" or (child.dep_ == "prep" and (child.lower_ == "by" or (child.lower_ == "of" and rel_type in PROPOSALS))):
                # "the demands of the protesters": what is asked or offered is its asker's
                doers += [a for p in child.children if p.dep_ == "pobj" for a in self.arguments(p, Slot.OBJECT, ())]
            elif child.dep_ == "acl":  # "the attack carried out by X"
                doers += [a for g in child.children if g.dep_ == "agent" for p in g.children if p.dep_ == "pobj"
                          for a in self.arguments(p, Slot.OBJECT, ())]
        definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children)
        if not doers and definite and not self.actors_of(noun, ("poss", "of", "by", "on", "against")):
            last = self.recent.get(rel_type) if rel_type is not None else self.previous or self.lead
            doers = [Argument(a.node, Slot.OBJECT, noun.i, "event" if rel_type else "act") for a in (last.doers if last else ())]
        return doers

    def _origin_noun(self, verb: Token) -> Token | None:
        """ "dropped out of the race": the race is what is left."""
        return next((p for c in verb.children if c.dep_ in ("prep", "prt") for g in [c, *c.children]
                     if g.dep_ == "prep" and g.lower_ in ("of", "from") for p in g.children
                     if p.dep_ == "pobj" and p.pos_ == "NOUN" and not p.ent_type_), None)

    def speakers(self) -> list[Argument]:
        """The actors who speak in this sentence (subjects of its speech verbs)."""
        found: list[Argument] = []
        for token in self.sent:
            if token.pos_ == "VERB" and self.lemma(token) in self.lexicon.speech:
                found += self.subjects(token)
        return unique(found)


def unique(arguments: Iterable[Argument]) -> list[Argument]:
    """The first argument of each node."""
    seen: set[str] = set()
    return [a for a in arguments if not (a.node in seen or seen.add(a.node))]
