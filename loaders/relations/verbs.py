"""Verb frames: a verb of the lexicon (or of speech) with its subjects and everything that may be
its target, each in its slot; which of them the act takes is decided by ``classify``."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from polgraph.graph.ontology import EventType
from polgraph.loaders.lexicon import Lexicon
from polgraph.loaders.relations import framing, stance
from polgraph.loaders.relations.context import Sentence
from polgraph.loaders.relations.joining import DEFINITE, JOIN, joined_act_frame
from polgraph.loaders.relations.nominal import CLAIMED, CLAIMING, aimed_at_words, is_protesters
from polgraph.loaders.relations.phrases import PROPOSALS, QUOTING, Phrases
from polgraph.loaders.relations.positions import vote_type
from polgraph.loaders.relations.records import Argument, Frame, Framing, Governed, Slot, Stance, Trigger
from polgraph.loaders.relations.relevance import Standing, standing
from polgraph.loaders.relations.sense import Force, ambiguous, force_sense, may_be_words
from polgraph.loaders.relations.speech import content_arguments

__all__ = ["verb_frames"]

_AIMED = ("at", "on", "against", "into")
# Acts only a state (or its organs) does to someone in its territory: "X was arrested in Russia".
_STATE_ACTS = frozenset({EventType.SANCTIONS, EventType.COERCES})
# Documents whose author did what a passive tells "in" them: "condemned in a statement by X".
_STATEMENTS = frozenset({"statement", "letter", "communique", "communiqué", "declaration", "message", "resolution", "report"})
# A speaker's "we" or reported "it": an obligation they state on themselves is their intent.
_SPEAKERS = frozenset({Slot.QUOTED_SPEAKER, Slot.REPORTING_SPEAKER})
# What protesters do together, and where: "gathered around the police headquarters", "surrounded the embassy".
_ASSEMBLING = frozenset({"gather", "assemble", "surround", "converge", "throng", "fill", "congregate", "encircle"})
_ENCIRCLING = frozenset({"surround", "encircle"})
_AT_A_PLACE = frozenset({"around", "outside", "at", "near", "before", "on"})
# Verbs of warning, and what makes a warning a threat: "warned X of serious consequences".
_WARNING = frozenset({"warn", "caution"})
_MENACES = frozenset({"consequence", "retaliation", "reprisal", "reprisals", "response", "action",
                      "force", "measures", "countermeasures", "revenge", "punishment"})
# Armed acts named by nouns that are no attack alone: "killed in a US counter-terrorism operation".
_ARMED_ACTS = frozenset({"operation", "raid"})


def verb_frames(s: Sentence) -> Iterator[Frame]:
    for token in s.sent:
        if token.pos_ == "VERB" and not s.phrases.joined_by(token):
            joined = joined_act_frame(s, token) if token.lemma_.lower() == JOIN else None
            frame = joined or verb_frame(s, token)
            if frame is not None:
                yield frame


def verb_frame(s: Sentence, verb: Token) -> Frame | None:
    phrases, lexicon = s.phrases, s.lexicon
    lemma = phrases.lemma(verb)
    targets, noun = phrases.objects(verb)
    noun_lemma = noun.lemma_.lower() if noun is not None else None
    event_mentions = [name for how, name in (("event", "event-coreference"), ("act", "act-coreference"))
                      if any(a.how == how for a in targets)]
    is_speech = lemma in lexicon.speech
    if is_speech:  # "told CNN": the medium is where it was said, not whom it is about
        media = {t.token for t in targets if t.slot == Slot.OBJECT and standing(t.node, s.found, s.sent.doc) == Standing.MEDIA}
        targets = [t for t in targets if t.token not in media]
        noun = None if noun is not None and noun.i in media else noun
    if lemma in lexicon.ignore and not is_speech and (lemma, noun_lemma) not in lexicon.objects:
        return None  # "give" means nothing alone, "give aid" does
    if lemma in QUOTING and any(phrases.quoted_as_saying(c) is not None for p in verb.children if p.lower_ == "as" for c in p.children):
        return None  # "Reuters quoted Erdogan as saying ...": Erdogan's words (read on "saying"), no act of Reuters
    if lemma in lexicon.authorizing and noun is not None and lexicon.nominal.get(noun.lemma_.lower()) not in (None, *PROPOSALS):
        return None  # "approved the strike": the noun frame reads the strike, done by the subject
    if lemma in CLAIMING and noun_lemma in CLAIMED:
        return None  # "claimed responsibility for the attack": the noun frames read the attack, done by the subject
    mechanisms: list[str] = list(event_mentions)
    if any(c.dep_ == "dative" and c.pos_ == "ADP" for c in verb.children) and any(a.prep in ("to", "for") for a in targets):
        mechanisms.append("dative-preposition")  # "issued a warning to Belarus"
    given = _given_thing(verb, noun, lemma, lexicon)
    if given is not None:  # "granted Stanton a pardon", the pardon parsed as Stanton's apposition
        noun, noun_lemma = given, given.lemma_.lower()
        mechanisms.append("double-object")
    rel_type = lexicon.verb_type(lemma, noun_lemma)
    if (voted := vote_type(verb)) is not None:  # "voted against the proposal": a rejection of its maker
        rel_type = voted
        mechanisms.append("vote")
    if is_speech and rel_type == EventType.ASSAULTS and noun_lemma is not None and lexicon.nominal.get(noun_lemma) == rel_type:
        rel_type = lexicon.verbs.get(lemma)  # "described the attacks as", "a statement saying an attack ...": words about an attack
        mechanisms.append("told-attack")
    elif rel_type is not None and noun_lemma is not None and (lemma, noun_lemma) in lexicon.objects:
        mechanisms.append("verb+object")
    elif (partnered := _partner_type(phrases, verb, lemma, not targets)) is not None:
        rel_type = partnered  # "spoke with Erdogan", "X and Y talked"
        mechanisms.append("verb+with")
    elif lemma in lexicon.transitive and any(c.dep_ == "dobj" for c in verb.children):
        rel_type = lexicon.transitive[lemma]  # "jets struck the base"
        mechanisms.append("transitive")
    aimed_object = noun is not None and any(c.dep_ == "prep" and c.lower_ in _AIMED for c in noun.children
                                            for p in c.children if p.dep_ == "pobj" and phrases.actors_of(p, ("poss",)))
    warned = any(c.dep_ == "dobj" for c in verb.children)  # a threat to whom is warned, not "warned of a civil war"
    if rel_type == EventType.CRITICIZES and lemma in _WARNING and warned and _warned_of_force(verb, lexicon):
        rel_type = EventType.THREATENS  # "warned South Korea of serious consequences": a threat (CAMEO 13)
        mechanisms.append("warning-of-force")
    if rel_type == EventType.MOBILIZES and (aimed_object or any(a.slot == Slot.PREPOSITION and a.prep in _AIMED for a in targets)):
        rel_type = EventType.ASSAULTS  # "fired missiles at X": force aimed at someone
        mechanisms.append("aimed-force")
    origin = next((p for c in verb.children if c.dep_ == "prep" and c.lower_ in ("from", "of")
                   for p in c.children if p.dep_ == "pobj"), None)
    if origin is not None and (lemma, noun_lemma) not in lexicon.objects:
        by_origin = lexicon.objects.get((lemma, origin.lemma_.lower()))
        if by_origin:  # "withdrew the US from a treaty with Iran": what is left is the treaty
            rel_type = by_origin
            targets = phrases.arguments(origin, Slot.ORIGIN, ("poss", "of", "with", "by")) or targets
            mechanisms.append("origin")
    oprd = next((c for c in verb.children if c.dep_ == "oprd"), None)
    if oprd is None and lemma in lexicon.naming:  # "called X's decision a disgrace", the name hung on the object
        oprd = next((g for c in verb.children if c.dep_ == "dobj" for g in c.children if g.dep_ == "npadvmod"), None)
    named_as = next((p for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" for p in c.children if p.dep_ == "pobj"), None)
    if lemma in lexicon.naming and oprd is None and noun is not None:
        named_as = named_as or stance.quoted_name(noun)  # "called May's deal 'lousy'"
    named: list[Token] = []  # what is named, when the parser gives it
    if lemma in lexicon.naming and oprd is None and named_as is not None and noun is not None:
        oprd = named_as  # "labeled Soleimani as a terrorist": the object is named
        targets = _named(phrases, noun)
        named = [noun]
    elif lemma in lexicon.naming and oprd is not None:  # "he called the decree of Z 'miracles'"
        named = [c for c in verb.children if c.dep_ == "dobj"]  # "called X's admission a maneuver": the parser's object
        targets = [a for node in [oprd, *oprd.children, *named] if node.dep_ in ("oprd", "appos", "dobj")
                   for a in _named(phrases, node)]
    if lemma in lexicon.naming and oprd is not None:
        antecedent = stance.named_antecedent(verb, noun)  # "commented on X's plan, calling it 'void'"
        if not targets and antecedent is not None:
            targets = stance.owners(s, antecedent)
        of_act = any(not s.found.actor_at(n) for n in named) or antecedent is not None  # "X's admission", "it": not X itself
        rel_type = stance.NAMING_TYPES[stance.naming_stance(s, oprd, any(not t.is_topic for t in targets), of_act)]
        mechanisms.append("naming")
    if rel_type == EventType.CALLS_FOR and lemma in lexicon.bare_senses and "naming" not in mechanisms and not _asks(verb):
        objects = [o for c in verb.children if c.dep_ == "dobj" for o in (c, *c.conjuncts)]
        called = [t for t in targets if t.slot == Slot.OBJECT and any(s.found.actor_at(o) == t.node for o in objects)]
        if not called:
            return None  # "called the talks with Turkey productive", the name lost by the parser: no demand
        rel_type, targets = lexicon.bare_senses[lemma], called  # "called Erdogan on Sunday": a telephone call
        mechanisms.append("bare-call")
    if rel_type == EventType.ASSAULTS and noun is not None and noun.lemma_.lower() in lexicon.nominal and aimed_at_words(noun, lexicon):
        rel_type = EventType.CRITICIZES  # "launched an attack on the proposal": an attack in words
        mechanisms.append("verbal-attack")
    if rel_type == EventType.ASSAULTS and noun is not None and noun.lemma_.lower() in lexicon.verbal_objects and may_be_words(lemma):
        rel_type = EventType.CRITICIZES  # "attacked the proclamation by Trump": an attack in words
        mechanisms.append("verbal-attack")
    if lemma in _ASSEMBLING and any(is_protesters(s.found, a.node, verb.doc) for a in phrases.subjects(verb)):
        rel_type = EventType.PROTESTS  # "protesters gathered around the police headquarters", "surrounded the embassy"
        kept = targets if lemma in _ENCIRCLING else []  # "filled the streets of Baghdad": a place, not whom
        targets = [*kept, *(a for c in verb.children if c.dep_ == "prep" and c.lower_ in _AT_A_PLACE for p in c.children
                               if p.dep_ == "pobj" for a in phrases.arguments(p, Slot.PREPOSITION, ("poss",), "against"))]
        mechanisms.append("protesters-assembled")
    if rel_type is None and not is_speech:
        return None
    if framing.counterfactual(verb):
        return None
    governed = framing.governed(verb, lexicon)
    if governed == Governed.CARRIED:
        return None  # the governing "propose"/"threaten"/"urge" carries it, with this verb's targets
    participle = phrases.participle_patient(verb) is not None
    passive = phrases.is_passive(verb) or participle
    if participle and targets:
        mechanisms.append("passive-participle")  # "Saudi Arabia, backed by the US, ...": the US backs it
    sources = phrases.passive_agents(verb) if passive else phrases.subjects(verb)
    if not sources and passive and rel_type in lexicon.symmetric:  # "the US had been allied with the Kurds"
        sources = [a for c in verb.children if c.dep_ == "nsubjpass" for a in phrases.arguments(c, Slot.SUBJECT)]
        targets = [a for a in targets if a.slot == Slot.PREPOSITION and a.prep == "with"]
        mechanisms.append("passive-state")
    if not sources and passive and rel_type in _STATE_ACTS:
        sources = _place_agent(s, verb)  # "the PKK is banned in Turkey": Turkey bans it
        mechanisms.append("place-agent")
    if not sources and passive:
        sources = _stated_by(s, verb)  # "was condemned in a joint statement by Egypt, Greece and Cyprus"
        mechanisms += ["statement-agent"] if sources else []
    if passive and verb.dep_ == "conj" and not any(c.dep_ == "nsubjpass" for c in verb.children) and not targets:
        # "Turkey is under EU sanctions, and was condemned by X": the subject they share undergoes it
        targets = [Argument(a.node, Slot.OBJECT, a.token, a.how) for a in phrases.subjects(verb.head)]
        mechanisms += ["shared-subject-patient"] if targets else []
    if not sources and passive and rel_type == EventType.ASSAULTS:
        sources = _attack_agents(s, verb)  # "was killed in a US airstrike": the US killed them
        mechanisms += ["killed-in-attack"] if sources else []
    if not sources:
        return None
    obliged = framing.obliged(verb, lexicon)
    if obliged and not all(a.slot in _SPEAKERS for a in sources):
        return None  # "Germany should give Ukraine weapons": asked for (a call, read by ``speech``), not done
    companions = [a for a in phrases.companions(verb) if a.node not in {b.node for b in sources}]
    sources = [*sources, *companions]  # "California, joined by Oregon and Nevada, sued ...": each of them sued
    if any(a.slot == Slot.JOINER for a in sources):
        mechanisms.append("joined-act")
    mechanisms += _parse_repairs(phrases, verb)
    if any(a.how == "event" and a.slot in (Slot.SUBJECT, Slot.INHERITED) for a in sources):
        mechanisms.append("meeting-participants")  # "the summit denounced ...": those who met
    if rel_type == EventType.ASSAULTS:
        sense = force_sense(verb, lemma, sources, s.found)
        if sense == Force.NONE:
            return None  # "Caloundra defeated Wynnum": a match won, no act of force
        if sense == Force.VERBAL:
            rel_type = EventType.CRITICIZES  # "Biden attacked Trump for the tweet": words
            mechanisms.append("verbal-attack")
        elif ambiguous(lemma):
            mechanisms.append("force-context")  # "attacked" with words of force or by an armed doer
    targets = list(targets)
    if rel_type in (EventType.CALLS_FOR, EventType.PROPOSES):
        targets += _clause_subjects(s, verb)
    if rel_type == EventType.CALLS_FOR:
        targets += _asked(s, verb)
    complement_type = None
    comp = next((c for c in verb.children if c.dep_ == "xcomp"), None)
    if comp is not None:  # "proposed to stop hostilities and declare a truce", "threatened to impose sanctions on X"
        for act in (comp, *(c for c in comp.children if c.dep_ == "conj" and c.pos_ == "VERB")):
            comp_targets, comp_noun = phrases.objects(act)
            targets += [Argument(a.node, Slot.COMPLEMENT, a.token, a.how, a.prep) for a in comp_targets]
            targets += _topic(s.topic(act, comp_noun), act, Slot.COMPLEMENT)
        if lemma in lexicon.intent:
            comp_noun = phrases.objects(comp)[1]
            complement_type = lexicon.verb_type(comp.lemma_.lower(), comp_noun.lemma_.lower() if comp_noun is not None else None)
    named_before = _named_before(s, noun, rel_type, sources, targets) if "verb+object" in mechanisms else []
    if named_before:  # "The subpoena was issued by X, Y and Z": the subpoena told before, to whom it went
        targets += named_before
        mechanisms.append("act-named-before")
    if noun is not None and not participle:  # "territory controlled by X" is no topic of X's
        targets += _topic(s.topic(None, noun), noun, Slot.TOPIC)
    else:  # "called for a safe zone": the object of its preposition
        pobj = next((p for c in verb.children if c.dep_ == "prep" and c.lower_ in ("for", "on", "against", "over", "to")
                     for p in c.children if p.dep_ == "pobj" and p.pos_ == "NOUN"), None)
        if pobj is not None:
            targets += _topic(s.topic(None, pobj), pobj, Slot.TOPIC)
    if not any(c.dep_ == "dobj" for c in verb.children) and not participle:
        targets.append(Argument(s.topics.add(lemma), Slot.ACT, verb.i))  # "she resigned", "students demonstrated"
    speech_head = framing.reported_in(verb, lexicon)
    reporters = tuple(a.node for a in phrases.subjects(speech_head)) if speech_head is not None else ()
    said_stance = Stance.NEUTRAL
    if is_speech or rel_type == EventType.CRITICIZES:
        said, said_stance = content_arguments(s, verb, [a.node for a in sources])
        targets += said
    return Frame(
        sentence=s.number,
        trigger=verb.i,
        lemma=lemma,
        kind=Trigger.SPEECH if is_speech else Trigger.VERB,
        sources=tuple(sources),
        targets=tuple(targets),
        framing=Framing(
            negated=framing.negated(verb),
            modal=obliged or framing.is_modal(verb, lexicon),  # "we must respond": an intent
            conditional=framing.is_conditional(verb, lexicon),
            governed=governed,
            purpose=framing.purpose(verb, lexicon, phrases.lemma(verb.head)),
            purpose_of=framing.purpose_of(verb, lexicon, phrases.lemma(verb.head)),
            passive=passive,
            stance=said_stance,
            reported_by=reporters,
            hearsay=framing.hearsay(verb),
            denied=speech_head is not None and speech_head.lemma_.lower() in lexicon.denial,
        ),
        object_lemma=noun_lemma,
        lexical_type=rel_type,
        complement_type=complement_type,
        date=s.date_of(verb),
        mechanisms=tuple(mechanisms),
        evidence=s.evidence,
    )


def _asks(verb: Token) -> bool:
    """Whether a verb of demand says what it asks or whom it asks to act: "called for talks", "called
    on Russia" (not "on Sunday"), "called Russia to withdraw", "called for Russia to withdraw"."""
    return any(c.dep_ in ("xcomp", "ccomp", "advcl") or (
        c.dep_ == "prep" and c.lower_ in ("for", "on", "upon")
        and any(p.dep_ == "pobj" and p.ent_type_ not in ("DATE", "TIME") for p in c.children))
        for c in verb.children)


def _given_thing(verb: Token, noun: Token | None, lemma: str, lexicon: Lexicon) -> Token | None:
    """The thing given in a double-object sentence, where the parser hangs it on the recipient (or
    on the recipient's own apposition) as an apposition: "granted Angela Stanton a full pardon",
    "granted Safavian, formerly the GSA's chief of staff, a full pardon". An apposition with an
    indefinite article names no person; it is the verb's second object where the lexicon knows the
    verb with it ("grant" a "pardon")."""
    if noun is None or noun.dep_ not in ("dobj", "dative") or any(c.dep_ == "dobj" and c.i != noun.i for c in verb.children):
        return None
    for node in (noun, *(c for c in noun.children if c.dep_ == "appos")):
        for c in node.children:
            if (c.dep_ == "appos" and c.pos_ == "NOUN" and (lemma, c.lemma_.lower()) in lexicon.objects
                    and any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in c.children)):
                return c
    return None


def _stated_by(s: Sentence, verb: Token) -> list[Argument]:
    """Who a passive act of words was done by, where the agent is the statement's: "was condemned in
    a joint statement by Egypt, Greece and Cyprus", "was praised in a letter from the EU"."""
    return [a for prep in verb.children if prep.dep_ == "prep" and prep.lower_ == "in"
            for noun in prep.children if noun.dep_ == "pobj" and noun.lemma_.lower() in _STATEMENTS
            for by in noun.children if by.dep_ in ("prep", "agent") and by.lower_ in ("by", "from")
            for p in by.children if p.dep_ == "pobj" for a in s.phrases.arguments(p, Slot.PASSIVE_AGENT)]


def _named_before(s: Sentence, noun: Token | None, rel_type: EventType | None, sources: list[Argument],
                  targets: list[Argument]) -> list[Argument]:
    """Whom an act named by a definite noun was done to, where its sentence names no one: the
    targets of the article's last act of that type ("issued a subpoena to X. The subpoena was
    signed by Y": Y's subpoena went to X)."""
    if noun is None or rel_type is None or any(not a.is_topic for a in targets):
        return []
    if not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in noun.children):
        return []
    last = s.phrases.recent.get(rel_type)
    doers = {a.node for a in sources}
    return [Argument(a.node, Slot.OBJECT, noun.i, "event") for a in (last.targets if last else ())
            if not a.is_topic and a.node not in doers]


def _partner_type(phrases: Phrases, verb: Token, lemma: str, untargeted: bool) -> EventType | None:
    """The type of a verb done with someone ("spoke with X", "clashed with X"), where the lexicon has
    the verb with "with": when an actor is with whom, or coordinated subjects did it together with
    no one else ("X and Y spoke by phone") and the type is one done with each other."""
    rel_type = phrases.lexicon.objects.get((lemma, "with"))
    if rel_type is None:
        return None
    if any(c.dep_ == "prep" and c.lower_ == "with" and any(p.dep_ == "pobj" and phrases.actors_of(p, ()) for p in c.children)
           for c in verb.children):
        return rel_type
    # Only subjects who did it ("X and Y spoke"): the agents of a passive ("which was joined by A, B
    # and C") did it to the subject, not with each other.
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    together = untargeted and not passive and rel_type in phrases.lexicon.symmetric and len(phrases.subjects(verb)) > 1
    return rel_type if together else None


def _parse_repairs(phrases: Phrases, verb: Token) -> list[str]:
    """The mechanisms that found the subject where the parse hid it."""
    found = []
    if any(c.dep_ in ("nsubj", "nsubjpass") and not phrases.found.actor_at(c) and phrases.title_holder(c) is not None
           for c in verb.children):
        found.append("title-holder")  # "US Ambassador to the United Nations Nikki Haley wrote ..."
    if any(c.dep_ in ("nsubj", "nsubjpass") and (own := phrases.found.actor_at(c)) and phrases.titled_before(c, own)
           for c in verb.children):
        found.append("titled-pair")  # "US President Donald Trump and Turkish President Erdogan spoke"
    if any(c.dep_ == "nsubj" and not phrases.actors_of(c, ()) and phrases.listed_later(verb, c, Slot.SUBJECT)
           for c in verb.children):
        found.append("listed-members")  # "officials pressured Trump ..., including X and Y"
    if phrases.auxiliary_subjects(verb):
        found.append("auxiliary-subject")  # "The US has been encouraging ...", the subject on "been"
    if phrases.subordinate_subject(verb) is not None:
        found.append("subordinate-subject")  # "after Theresa May stepped down"
    governing = phrases.participle_governor(verb)
    if governing is not None and verb.head.dep_ == "pobj" and verb.head.head.head != governing:
        found.append("participle-of-object")  # "posted a message on Twitter blaming Iran"
    return found


def _clause_subjects(s: Sentence, verb: Token) -> list[Argument]:
    """ "recommended the US troops withdraw": who is asked to act."""
    for comp in verb.children:
        if comp.dep_ == "ccomp" or (framing.for_clause(comp) and s.lexicon.verbs.get(s.phrases.lemma(verb)) == EventType.CALLS_FOR) \
                or stance.wanted_subject(comp) is not None:
            # "demanded that X ...", "called for X to ...", "urged for X to ..." (not "voted for X to serve")
            found = [a for c in comp.children if c.dep_ == "nsubj" for a in s.phrases.arguments(c, Slot.CLAUSE_SUBJECT, ("poss", "amod"))]
            if found:
                return found
    return []


def _asked(s: Sentence, verb: Token) -> list[Argument]:
    """ "called for support from Germany", "asked for more aid from the EU": who is asked is who what
    is asked for would come from."""
    return [a for prep in verb.children if prep.dep_ == "prep" and prep.lower_ == "for"
            for noun in prep.children if noun.dep_ == "pobj"
            for source in noun.children if source.dep_ == "prep" and source.lower_ == "from"
            for pobj in source.children if pobj.dep_ == "pobj"
            for a in s.phrases.arguments(pobj, Slot.PREPOSITION, ("poss", "of"), prep="from")]


def _place_agent(s: Sentence, verb: Token) -> list[Argument]:
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "in":
            for pobj in prep.children:
                actor = s.found.actor_at(pobj) if pobj.dep_ == "pobj" else None
                if actor and s.found.actors[actor].kind == "state":
                    return [s.phrases.argument(actor, pobj, Slot.PLACE)]
    return []


def _warned_of_force(verb: Token, lexicon: Lexicon) -> bool:
    """A warning "of" or "about" force or its consequences: "warned X of serious consequences",
    "warned X of retaliation", "warned X of new sanctions"."""
    return any(c.dep_ == "prep" and c.lower_ in ("of", "about") and p.dep_ == "pobj"
               and (p.lemma_.lower() in _MENACES or lexicon.nominal.get(p.lemma_.lower()) in lexicon.coercive)
               for node in (verb, *(o for o in verb.children if o.dep_ == "dobj")) for c in node.children for p in c.children)


def _attack_agents(s: Sentence, verb: Token) -> list[Argument]:
    """Whose attack a passive act of force happened in: "killed in a US counter-terrorism operation",
    "wounded in an Israeli airstrike" (the owner the attack noun names)."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("in", "during"):
            for pobj in prep.children:
                lemma = pobj.lemma_.lower()
                if pobj.dep_ == "pobj" and (s.lexicon.nominal.get(lemma) == EventType.ASSAULTS or lemma in _ARMED_ACTS):
                    owners = [t for t in pobj.subtree if t.i < pobj.i and t.dep_ in ("poss", "compound", "amod", "nmod") and s.found.actor_at(t)]
                    return [s.phrases.argument(s.found.actor_at(t), t, Slot.PASSIVE_AGENT) for t in owners[:1]]  # type: ignore[arg-type]
    return []


def _topic(topic: str | None, token: Token, slot: Slot) -> list[Argument]:
    return [Argument(topic, slot, token.i)] if topic else []


def _named(phrases: Phrases, node: Token) -> list[Argument]:
    """Who a naming judges: the actor named, or the doer of the act named ("called the decision by
    Johnson 'an outrage'", "called the move a 'smash and grab'": the act of the sentence before)."""
    return [Argument(a.node, Slot.NAMED, a.token, a.how) for a in phrases.event_agents(node)] \
        or phrases.arguments(node, Slot.NAMED, ("poss", "of"))
