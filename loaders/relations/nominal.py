"""Nominal events: a noun that names an act, with its doer and target in modifiers ("Germany's
ban on Mahan Air", "the supply of weapons by the West to Ukraine"), for the object of a light
verb the verb's subject ("X launched an attack on Y"), and who is said to have taken part in it
("Iran believes Trump was involved in the attack": the attack's target is the last attack's).
Also who claims an attack ("ISIL claimed responsibility"), who stages protests no doer is named
for (the article's protesters), who undergoes an act ("Iran faces US sanctions") and whom a
statement came from ("Condemnation came from France")."""

from __future__ import annotations

import bisect
from collections.abc import Iterator

from spacy.tokens import Doc, Token

from polgraph.graph.ontology import EventType
from polgraph.loaders.lexicon import Lexicon
from polgraph.loaders.mentions import ArticleActors, Mention
from polgraph.loaders.relations import framing as framing_rules
from polgraph.loaders.relations.context import Sentence
from polgraph.loaders.relations.phrases import PROPOSALS, unique
from polgraph.loaders.relations.records import Argument, Frame, Framing, Governed, Slot, Trigger
from polgraph.loaders.relations.relevance import default_relevance

__all__ = ["CLAIMED", "CLAIMING", "aimed_at_words", "is_protesters", "noun_frames"]

# "Claimed responsibility" (or credit) for an attack: the claimant did it. The claim may name no
# attack ("ISIL subsequently claimed responsibility"): the article's last one is meant.
CLAIMING = frozenset({"claim", "take", "accept", "assume", "admit", "acknowledge", "bear"})
CLAIMED = frozenset({"responsibility", "credit"})
# Who stages protests: "protests against the bill" with no doer named are the article's protesters.
_PROTESTERS = frozenset({"protester", "protestor", "demonstrator"})
_PROTESTERS_BEFORE = 3
_PROTESTED = frozenset({"against", "at", "over"})  # "in protest against/at/over X"
_ACTS_ON_PROTESTS = frozenset({EventType.COERCES, EventType.SANCTIONS, EventType.ASSAULTS, EventType.CRITICIZES,
                               EventType.SUPPORTS, EventType.REJECTS})
_PROTEST_NOUNS = frozenset({"protest", "demonstration"})  # not "rally" (a campaign's) nor "strike" (of force)
# Words of an attack that name no doer or target of their own: "a bomb blast", "the explosion".
_ATTACK_EVIDENCE = frozenset({"bomb", "blast", "explosion", "bombing", "shooting", "stabbing"})
# Verbs of attack that are as often words: "attacked the decision".
_VERBAL = frozenset({"attack", "blast", "hit", "slam"})
_LEAD_SENTENCES = 3
# Adjectives that make a nominal event one that has not happened: "a possible war".
_HYPOTHETICAL = {"possible", "potential", "planned", "proposed", "future", "prospective", "eventual", "hypothetical"}
# Verbs whose subject is the doer of the event noun they govern: "launched an attack on X".
_LIGHT_VERBS = {"have", "launch", "carry", "conduct", "hold", "make", "stage", "mount", "begin", "start", "continue",
                "order", "impose", "announce", "resume", "step", "intensify", "escalate", "wage", "lead", "issue"}
_TARGET_PREPS = {"on", "against", "to", "with", "of", "toward", "towards", "upon"}
# Further prepositions of the target for some acts: "support for X", "the withdrawal from X", "the investigation into X".
_MORE_PREPS = {EventType.SUPPORTS: {"for"}, EventType.AIDS: {"for"}, EventType.YIELDS: {"from"}, EventType.INVESTIGATES: {"into"}}
# Acts that are done to no one in particular: "students staged demonstrations"; and retreats (the
# lexicon's RETREAT nouns: "announced a complete withdrawal", not "issued a press release").
_INTRANSITIVE = frozenset({EventType.PROTESTS, EventType.INVESTIGATES, EventType.MOBILIZES})
# Verbs whose subject undergoes the act their object names, done by its owner or "from" someone:
# "Iran faces US sanctions", "Turkey drew criticism from the EU".
_UNDERGOING_VERBS = frozenset({"face", "draw", "receive", "suffer", "endure", "incur", "attract", "earn"})
# Statements that "came from" their speakers: "Condemnation came from France".
_SENT = frozenset({EventType.CRITICIZES, EventType.SUPPORTS})
_MESSAGES = frozenset({"statement", "message", "word", "expression", "voice", "note"})
_COMING = frozenset({"come", "pour"})
# Acts between two sides that each does to the other: "fighting between Armenia and Azerbaijan".
_MUTUAL = frozenset({EventType.ASSAULTS})
# Words that make the subject of their clause a doer of the event noun after them: "was involved in
# the attack", "is responsible for the attack", "claimed responsibility for the attack", "was behind
# the strike", "took part in the raid".
_PARTAKING = frozenset({"involve", "involved", "responsible", "responsibility", "behind", "complicit", "participate", "part", "hand",
                        "role", "implicate", "implicated", "culpable"})


def noun_frames(s: Sentence) -> Iterator[Frame]:
    for token in s.sent:
        if token.lemma_.lower() in CLAIMED and token.dep_ == "dobj":
            claim = _claim_frame(s, token)
            if claim is not None:
                yield claim
            continue
        rel_type = s.lexicon.nominal.get(token.lemma_.lower())
        if rel_type is None or token.pos_ != "NOUN":
            continue
        if token.lemma_.lower() in s.lexicon.nominal_senses:
            rel_type = _sense(s, token)
        if any(c.dep_ == "amod" and c.lower_ in _HYPOTHETICAL for c in token.children):
            continue
        frame = _noun_frame(s, token, rel_type)
        if frame is not None:
            yield frame


def _noun_frame(s: Sentence, token: Token, rel_type: EventType) -> Frame | None:
    if rel_type not in PROPOSALS and _asked_for(token, s.lexicon):
        return None
    phrases = s.phrases
    sources: list[Argument] = []
    targets: list[Argument] = []
    for child in token.children:
        if child.dep_ in ("poss", "compound", "amod") and s.found.actor_at(child):
            sources.append(phrases.argument(s.found.actor_at(child), child, Slot.POSSESSOR))  # type: ignore[arg-type]
        elif child.dep_ in ("prep", "agent"):
            pobjs = [a for p in child.children if p.dep_ == "pobj" for a in phrases.arguments(p, Slot.PREPOSITION, ("poss",), child.lower_)]
            if child.lower_ == "by" or (child.lower_ == "of" and rel_type in PROPOSALS):  # "the demands of the protesters"
                sources += [Argument(a.node, Slot.NOUN_AGENT, a.token, a.how) for a in pobjs]
            elif child.lower_ == "between" and len(pobjs) > 1 and rel_type in _MUTUAL:
                # "clashes between Turkish troops and Kurdish fighters": each side fights the other
                sources = [Argument(a.node, Slot.BETWEEN, a.token, a.how) for a in pobjs]
                targets = list(sources)
            elif child.lower_ == "between" and len(pobjs) > 1:
                sources = [Argument(a.node, Slot.BETWEEN, a.token, a.how) for a in pobjs[:1]]
                targets = [Argument(a.node, Slot.BETWEEN, a.token, a.how) for a in pobjs[1:]]
            elif child.lower_ in _TARGET_PREPS or child.lower_ in _MORE_PREPS.get(rel_type, ()):
                targets += pobjs
        elif child.dep_ == "acl" or (child.dep_ == "relcl" and _directs(child, s)):
            # "the war unleashed by the West against Russia", "the strike, which was approved by Trump"
            for grand in child.children:
                pobjs = [a for p in grand.children if p.dep_ == "pobj" for a in phrases.arguments(p, Slot.PREPOSITION, (), grand.lower_)]
                if grand.dep_ == "agent":
                    sources += [Argument(a.node, Slot.NOUN_AGENT, a.token, a.how) for a in pobjs]
                elif grand.dep_ == "prep" and grand.lower_ in ("on", "against", "to", "with"):
                    targets += pobjs
    mechanisms = []
    if rel_type == EventType.ASSAULTS and aimed_at_words(token, s.lexicon):
        rel_type = EventType.CRITICIZES  # "Trump's attack on the proposal": an attack in words
        mechanisms.append("verbal-attack")
    undergoer = token.head if token.dep_ == "dobj" and token.head.lemma_.lower() in _UNDERGOING_VERBS else None
    if token.dep_ == "pobj" and token.head.lower_ == "under" and token.head.head.pos_ in ("VERB", "AUX"):
        undergoer = token.head.head  # "Turkey is under EU sanctions", "the company is under investigation by the FBI"
    if undergoer is not None and not targets:  # "Turkey drew criticism from the EU", "Iran faces US sanctions"
        sources = sources or [Argument(a.node, Slot.NOUN_AGENT, a.token, a.how) for c in (*token.children, *undergoer.children)
                              if c.dep_ in ("prep", "agent") and c.lower_ in ("from", "by") for p in c.children if p.dep_ == "pobj"
                              for a in phrases.arguments(p, Slot.NOUN_AGENT, ("poss",))]
        targets = [Argument(a.node, Slot.OBJECT, a.token, a.how) for a in phrases.subjects(undergoer)] if sources else []
        if targets:
            mechanisms.append("under-act" if token.dep_ == "pobj" else "undergone")
    senders = _came_from(s, token, rel_type) if not sources else []
    if senders:  # "Condemnation came from France", "Statements of condemnation have come from X, Y and Z"
        sources = senders
        named = [t for t in targets if not t.is_topic]
        acts = [a for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"
                for a in phrases.event_agents(p)]
        targets = named or acts or [Argument(s.topics.add(token.lemma_.lower()), Slot.ACT, token.i)]
        mechanisms.append("came-from")
    if not targets and sources:
        targets = _undergoers(s, token)  # "Mahan has been the subject of United States sanctions"
        if targets:
            mechanisms.append("undergoing")
    if any(a.slot == Slot.NOUN_AGENT for a in sources) and not targets:
        targets = _last_targets(s, token, rel_type)  # "the strike, which was approved by Trump": the last strike's target
        if targets:
            mechanisms.append("authorized")
    framing = Framing()
    partaking = _partaking_clause(token) if not sources else None
    if partaking is not None:  # "Iran believes Trump was involved in the attack"
        sources = [a for c in partaking.children if c.dep_ in ("nsubj", "nsubjpass") for a in phrases.arguments(c, Slot.SUBJECT)]
        targets = targets or _struck(s, token, rel_type) or _last_targets(s, token, rel_type)
        speech = framing_rules.reported_in(partaking, s.lexicon)
        denied = partaking.lemma_.lower() in s.lexicon.denial  # "Iran denied responsibility for the attack"
        framing = Framing(reported_by=tuple(a.node for a in phrases.subjects(speech)) if speech is not None else (),
                          hearsay=framing_rules.hearsay(partaking), negated=denied or framing_rules.negated(partaking))
        mechanisms.append("involvement")
    if not sources and token.dep_ in ("pobj", "dobj"):
        verb = token.head.head if token.dep_ == "pobj" else token.head
        authorized = token.dep_ == "dobj" and verb.lemma_.lower() in s.lexicon.authorizing and rel_type not in PROPOSALS
        light = verb.lemma_.lower() in _LIGHT_VERBS or authorized or (rel_type == EventType.CONSULTS and token.dep_ == "pobj")
        if verb.pos_ == "VERB" and light and (targets or token.dep_ == "dobj"):
            # "threatened to launch attacks", "did not impose sanctions", "would have imposed": the verb
            # above carries the act, or none was done
            if (framing_rules.governed(verb, s.lexicon) == Governed.CARRIED or framing_rules.negated(verb)
                    or framing_rules.counterfactual(verb)):
                return None
            # "may launch an attack on X", "plans to impose sanctions": only possible or intended (typed by classify)
            framing = Framing(modal=framing_rules.is_modal(verb, s.lexicon), governed=framing_rules.governed(verb, s.lexicon))
            sources = [Argument(a.node, Slot.LIGHT_VERB_SUBJECT, a.token, a.how) for a in phrases.subjects(verb)]
            mechanisms.append("authorized" if authorized else "light-verb")
            if sources and not targets and authorized:
                targets = _last_targets(s, token, rel_type)  # "Soleimani approved the attack": the last attack's target
            if sources and not targets and (rel_type in _INTRANSITIVE or s.lexicon.plover.get(token.lemma_.lower()) == "RETREAT"):
                targets = [Argument(s.topics.add(token.lemma_.lower()), Slot.ACT, token.i)]  # "students staged demonstrations"
    protesting = _in_protest(token) if not sources else None
    if protesting is not None:  # "walked out in protest against Turkey": who walked out protests against Turkey
        sources = phrases.subjects(protesting)
        opposed = [a for c in (*token.children, *(c for c in protesting.children if c.i > token.i))
                   if c.dep_ == "prep" and c.lower_ in _PROTESTED for p in c.children if p.dep_ == "pobj"
                   for a in (phrases.event_agents(p) or phrases.arguments(p, Slot.PREPOSITION, ("poss",), "against"))]
        targets = targets or opposed or [Argument(s.topics.add(token.lemma_.lower()), Slot.ACT, token.i)]
        mechanisms.append("in-protest")
    # Not "protest vote" (a modifier) nor "promised protests", "had similar protests" (a verb's object:
    # its subject's), but "suppressed the protests" (an act on them).
    acted_on = token.dep_ == "dobj" and s.lexicon.verbs.get(token.head.lemma_.lower()) in _ACTS_ON_PROTESTS
    if (not sources and token.lemma_.lower() in _PROTEST_NOUNS and (token.dep_ not in ("compound", "dobj") or acted_on)
            and not framing_rules.negated(token.head)):
        sources = _protesters(s, token)  # "weeks of protests against the bill": the article's protesters
        if sources:
            against = next((p for c in token.children if c.dep_ == "prep" and c.lower_ == "against"
                            for p in c.children if p.dep_ == "pobj"), None)
            topic = s.topic(None, against) if against is not None and not targets else None
            targets = targets or [Argument(topic or s.topics.add(token.lemma_.lower()), Slot.ACT, token.i)]
            mechanisms.append("protesters")
    if sources and not targets and rel_type in PROPOSALS:
        targets = _answerers(s, token)  # "the Queen granted Johnson's request": the request was made to the Queen
        if targets:
            mechanisms.append("answered-request")
    if sources and not targets and rel_type in PROPOSALS:  # "the protesters' demands for an inquiry": what is asked
        asked = next((p for c in token.children if c.dep_ == "prep" and c.lower_ == "for" for p in c.children
                      if p.dep_ == "pobj" and p.pos_ == "NOUN"), None)
        topic = s.topic(None, asked) if asked is not None else None
        if topic:
            targets = [Argument(topic, Slot.TOPIC, asked.i)]  # type: ignore[union-attr]
            mechanisms.append("noun-topic")
    if not sources or not targets or framing.negated:
        return None
    return Frame(s.number, token.i, token.lemma_.lower(), Trigger.NOUN, tuple(sources), tuple(targets), framing,
                 lexical_type=rel_type, date=s.date_of(token), mechanisms=tuple(mechanisms),
                 evidence=s.evidence)


# Acts that answer a request or an offer: granting, accepting, refusing it ("complied with the
# request of X", "rejected X's offer").
_ANSWERS = frozenset({EventType.YIELDS, EventType.AGREES, EventType.REJECTS})


def _answerers(s: Sentence, noun: Token) -> list[Argument]:
    """Who answers a request or offer that is the object of their verb of granting, accepting or
    refusing ("the Queen complied with the request of Johnson", "Zelensky declined Honcharuk's offer
    to resign"), or acts at a request ("suspended parliament at the behest of Johnson"): it was made
    to them."""
    if noun.dep_ == "pobj" and s.phrases.at_request(noun):  # "suspended parliament at the behest of Johnson"
        verb = noun.head.head
        return [Argument(a.node, Slot.OBJECT, a.token, a.how) for a in s.phrases.subjects(verb)] if verb.pos_ == "VERB" else []
    verb = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ in ("with", "to") else noun.head if noun.dep_ == "dobj" else None
    if verb is None or verb.pos_ != "VERB" or s.lexicon.verb_type(verb.lemma_.lower(), noun.lemma_.lower()) not in _ANSWERS:
        return []
    return [Argument(a.node, Slot.OBJECT, a.token, a.how) for a in s.phrases.subjects(verb)]


def _asked_for(noun: Token, lexicon: Lexicon) -> bool:
    """Whether an event noun names what a request asks for, not an act done: the object of a verb
    of asking ("requested American assistance to Ukraine", "urged Germany's support for Ukraine"),
    or what is asked "for" by one or by a noun of request ("called for German aid to Ukraine",
    "an appeal for Western support")."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "for":
        head = head.head
    elif noun.dep_ != "dobj":
        return False
    lemma = head.lemma_.lower()
    if head.pos_ == "VERB":
        return lexicon.verbs.get(lemma) == EventType.CALLS_FOR and lemma not in lexicon.authorizing
    return head.pos_ == "NOUN" and lexicon.nominal.get(lemma) == EventType.CALLS_FOR


def _claim_frame(s: Sentence, noun: Token) -> Frame | None:
    """ "X claimed responsibility" (or "credit", "for the blast"), naming no event noun of the
    lexicon: X did the attack the article told (:func:`_the_attack`), to whom it was done, or to
    what it struck (a topic). A claim for a named attack ("for the attack on Y") is the attack
    noun's own frame."""
    verb = noun.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in CLAIMING or framing_rules.negated(verb):
        return None
    claimed = next((p for c in (*noun.children, *verb.children) if c.dep_ == "prep" and c.lower_ == "for"
                    for p in c.children if p.dep_ == "pobj"), None)
    if claimed is not None and s.lexicon.nominal.get(claimed.lemma_.lower()) is not None:
        return None
    sources = s.phrases.subjects(verb)
    attack, targets = _the_attack(s, noun)
    if not sources or attack is None:
        return None
    targets = targets or [Argument(s.topics.add(attack.lemma_.lower()), Slot.ACT, attack.i)]
    speech = framing_rules.reported_in(verb, s.lexicon)
    framing = Framing(reported_by=tuple(a.node for a in s.phrases.subjects(speech)) if speech is not None else (),
                      hearsay=framing_rules.hearsay(verb))
    return Frame(s.number, noun.i, noun.lemma_.lower(), Trigger.NOUN, tuple(sources), tuple(targets), framing,
                 lexical_type=EventType.ASSAULTS, date=s.date_of(verb), mechanisms=("claimed-responsibility",),
                 evidence=s.evidence)


def aimed_at_words(noun: Token, lexicon: Lexicon) -> bool:
    """Whether an attack noun is aimed at words or a policy: "an attack on the proposal"."""
    return any(c.dep_ == "prep" and c.lower_ in ("on", "against") and p.dep_ == "pobj" and p.lemma_.lower() in lexicon.verbal_objects
               for c in noun.children for p in c.children)


def _came_from(s: Sentence, noun: Token, rel_type: EventType) -> list[Argument]:
    """Who a statement "came from": "Condemnation came from France", "Statements of condemnation
    have come from X, Y and Z" (every actor named in the list)."""
    if rel_type not in _SENT:
        return []
    subject = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in _MESSAGES else noun
    verb = subject.head
    if subject.dep_ != "nsubj" or verb.lemma_.lower() not in _COMING:
        return []
    found = s.found
    return unique([s.phrases.argument(found.by_token[t.i].actor, t, Slot.NOUN_AGENT)
                   for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"
                   for p in c.children if p.dep_ == "pobj" for t in p.subtree if _speaker_named(t, p, found)])


def _speaker_named(token: Token, listed: Token, found: ArticleActors) -> bool:
    """Whether a token heads an actor's mention that names a speaker in a list, not a title's place or
    body ("Senator from Minnesota Amy Klobuchar", "United States Senator"); one a spokesperson is
    "for" speaks."""
    mention = found.by_token.get(token.i)
    if mention is None or token.doc[mention.start:mention.end].root.i != token.i or token.dep_ in ("compound", "amod", "nmod", "poss"):
        return False
    # the object of a title's or a body's preposition: "Senator from Minnesota Amy Klobuchar", "head of the OIC X"
    holder = token.head.head
    return token is listed or token.dep_ != "pobj" or token.head.lower_ == "for" or holder.i in found.by_token or holder.pos_ == "PROPN"


def _protesters(s: Sentence, noun: Token) -> list[Argument]:
    """Who stages protests the text names no doer of: the doers of the article's last protest, else
    its one group named as protesters or demonstrators ("Hong Kong protesters"), either told in the
    sentence or the few before it."""
    last = s.phrases.recent.get(EventType.PROTESTS)
    found = s.found
    recent = last is not None and last.sentence >= s.number - _PROTESTERS_BEFORE
    doers = [a for a in last.doers if found.actors[a.node].kind == "group"] if recent else []
    if doers:
        return [Argument(a.node, Slot.INHERITED, noun.i, "event") for a in doers]
    doc = noun.doc
    starts = [sent.start for sent in doc.sents]
    since = starts[max(0, bisect.bisect_right(starts, noun.i) - 1 - _PROTESTERS_BEFORE)]
    named = {m.actor for m in found.mentions if since <= m.start < noun.sent.end and _names_protesters(found, m, doc)}
    return [Argument(named.pop(), Slot.INHERITED, noun.i, "event")] if len(named) == 1 else []


def is_protesters(found: ArticleActors, actor: str, doc: Doc) -> bool:
    """Whether an actor is a group the article names as protesters or demonstrators ("Hong Kong protesters")."""
    return any(m.actor == actor and _names_protesters(found, m, doc) for m in found.mentions)


def _names_protesters(found: ArticleActors, mention: Mention, doc: Doc) -> bool:
    return found.actors[mention.actor].kind == "group" and doc[mention.end - 1].lemma_.lower() in _PROTESTERS


def _in_protest(noun: Token) -> Token | None:
    """The verb an act "in protest" qualifies: "resigned in protest at the invasion"."""
    if noun.lemma_.lower() != "protest" or noun.dep_ != "pobj" or noun.head.lower_ != "in":
        return None
    verb = noun.head.head
    if verb.pos_ != "VERB" and verb.dep_ == "pobj":  # "went on strike in protest"
        verb = verb.head.head
    return verb if verb.pos_ == "VERB" else None


def _struck(s: Sentence, noun: Token, rel_type: EventType) -> list[Argument]:
    """Who "the attack" a doer is said to be behind struck, where the noun names no target: who the
    attack the article told before names as attacked ("gunmen killed three Nigerian soldiers ...
    Boko Haram claimed responsibility for the attack")."""
    return _the_attack(s, noun)[1] if rel_type == EventType.ASSAULTS else []


def _the_attack(s: Sentence, before: Token) -> tuple[Token | None, list[Argument]]:
    """The attack a claim or "the attack" before ``before`` refers to, and who it names as
    attacked: news tells its attack in its lead (the first three sentences), so the lead's first
    attack that names who it struck, else the lead's first attack (nobody named); with no attack in
    the lead, the nearest before that names who it struck, else the nearest."""
    lexicon, doc = s.lexicon, before.doc
    words = [t for t in doc[: before.i]
             if (t.pos_ == "NOUN" and (lexicon.nominal.get(t.lemma_.lower()) == EventType.ASSAULTS or t.lemma_.lower() in _ATTACK_EVIDENCE))
             or (t.pos_ == "VERB" and lexicon.verbs.get(t.lemma_.lower()) == EventType.ASSAULTS and t.lemma_.lower() not in _VERBAL)]
    lead_end = next((sent.end for n, sent in enumerate(doc.sents) if n == _LEAD_SENTENCES - 1), len(doc))
    lead = [w for w in words if w.i < lead_end]
    order = lead or words[::-1]
    return next(((w, found) for w in order if (found := _attacked(s, w))), (order[0] if order else None, []))


def _attacked(s: Sentence, attack: Token) -> list[Argument]:
    """Who an attack word names as attacked: a verb's objects, a noun's "on"/"against" objects."""
    if attack.pos_ == "VERB":
        return [Argument(a.node, Slot.OBJECT, a.token, "event") for a in s.phrases.objects(attack)[0] if a.slot == Slot.OBJECT]
    return [Argument(a.node, Slot.OBJECT, a.token, "event") for c in attack.children if c.dep_ == "prep" and c.lower_ in ("on", "against")
            for p in c.children if p.dep_ == "pobj" for a in s.phrases.arguments(p, Slot.PREPOSITION, ("poss", "of"))]


def _sense(s: Sentence, noun: Token) -> EventType:
    """A noun of several acts ("strike": an attack or a walkout): an attack in a sentence of force
    or after an attack, else the other act it names (the last listed, as for any noun)."""
    senses = s.lexicon.nominal_senses[noun.lemma_.lower()]
    if EventType.ASSAULTS in senses:
        words = {t.lemma_.lower() for t in s.sent if t.i != noun.i}
        if words & default_relevance().force_context or EventType.ASSAULTS in s.phrases.recent:
            return EventType.ASSAULTS
        return [t for t in senses if t != EventType.ASSAULTS][-1]
    return senses[-1]


def _directs(verb: Token, s: Sentence) -> bool:
    """A relative clause that says who ordered or carried out the act: "which was approved by Trump"."""
    return verb.lemma_.lower() in s.lexicon.authorizing or verb.lemma_.lower() in _LIGHT_VERBS


def _last_targets(s: Sentence, noun: Token, rel_type: EventType) -> list[Argument]:
    """ "the strike" (definite, no target named): the targets of the article's last act of its type."""
    last = s.phrases.recent.get(rel_type)
    definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those") for c in noun.children)
    if last is None or not definite:
        return []
    return [Argument(a.node, Slot.OBJECT, noun.i, "event") for a in last.targets]


def _undergoers(s: Sentence, noun: Token) -> list[Argument]:
    """ "X has been the subject of sanctions", "X was the target of an attack": X."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "of":
        return []
    role = noun.head.head
    if role.lemma_.lower() not in s.lexicon.undergoing or role.dep_ not in ("attr", "appos"):
        return []
    holder = role.head if role.dep_ == "attr" else None
    if holder is None:
        return s.phrases.arguments(role.head, Slot.OBJECT, ())  # "Mahan, the target of sanctions"
    return [a for c in holder.children if c.dep_ in ("nsubj", "nsubjpass") for a in s.phrases.arguments(c, Slot.OBJECT, ())]


def _partaking_clause(noun: Token) -> Token | None:
    """The verb of the clause whose subject "was involved in" / "is responsible for" / "was behind"
    the event ``noun`` names; None when the noun is not governed so."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in ("in", "for", "behind"):
        return None
    prep = noun.head
    words = [prep, prep.head, prep.head.head]
    if not any(w.lemma_.lower() in _PARTAKING or w.lower_ in _PARTAKING for w in words):
        return None
    return next((w for w in words[1:] if w.pos_ in ("VERB", "AUX")
                 and any(c.dep_ in ("nsubj", "nsubjpass") for c in w.children)), None)
