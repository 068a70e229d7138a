"""How a sentence frames the act its verb states: negated, only possible or intended, hypothetical,
the purpose of another act, carried by a verb of proposing above it, or reported by a speaker."""

from __future__ import annotations

from spacy.tokens import Token

from polgraph.graph.ontology import EventType
from polgraph.loaders.lexicon import Lexicon
from polgraph.loaders.relations import stance
from polgraph.loaders.relations.records import Governed

__all__ = ["adverbial", "counterfactual", "epistemic_perfect", "for_clause", "governed", "hearsay", "is_conditional", "is_modal",
           "negated", "obliged", "purpose", "purpose_of", "reported_in"]

# Adverbs that make an act someone's claim: "Iran allegedly supplied weapons".
_HEARSAY = frozenset({"allegedly", "reportedly", "purportedly", "supposedly", "apparently", "reputedly"})
# Modals that with a perfect say the act may have been done, not that it is only possible: "Trump
# might have encouraged Zelensky to ..." is an allegation of a past act, "would have" is not done.
_EPISTEMIC = frozenset({"may", "might"})

# Verbs of letting: what a measure "would allow" someone to do is only possible.
_ENABLING = frozenset({"allow", "enable", "permit", "let", "empower", "authorize", "authorise"})
# A verb of these types carries the act of the verb it governs: "proposed to stop hostilities".
_CARRYING = frozenset({EventType.PROPOSES, EventType.THREATENS, EventType.CALLS_FOR, EventType.REJECTS})
# Verbs whose xcomp is the act itself, continued or begun: "continued to shell the city".
_ASPECT_VERBS = frozenset({"continue", "begin", "start", "stage", "hold"})
# A purpose clause ranks below its act, unless that act is itself a proposal, threat or demand.
_PURPOSE_HEADS = frozenset({EventType.PROPOSES, EventType.THREATENS, EventType.CALLS_FOR})


def negated(verb: Token) -> bool:
    node = verb
    for _ in range(3):
        if any(c.dep_ == "neg" or c.lower_ in ("never", "not", "n't") for c in node.children):
            return True
        if node.dep_ != "xcomp" or node.head is node:
            return False
        node = node.head
    return False


def is_modal(verb: Token, lexicon: Lexicon) -> bool:
    """ "may impose"; and a verb coordinated under it without a subject or auxiliary of its own
    ("will destroy and obliterate X"). "may have imposed" is a past act told as uncertain (``hearsay``)."""
    if epistemic_perfect(verb):
        return False
    if any(c.dep_ == "aux" and c.lower_ in lexicon.modal for c in verb.children):
        return True
    own = any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children)
    return verb.dep_ == "conj" and not own and verb.head.pos_ in ("VERB", "AUX") and is_modal(verb.head, lexicon)


def is_conditional(verb: Token, lexicon: Lexicon) -> bool:
    """ "will withdraw unless ...": an "if"/"unless" clause on the act."""
    return any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in lexicon.conditions for m in c.children)
        for c in verb.children
    )


def purpose(verb: Token, lexicon: Lexicon, head_lemma: str) -> bool:
    """An act given as the purpose or manner of another ("struck to demand", "rallied, calling
    for ..."): the other act is the event. What a speaker says while saying something is a further
    act of their words, not the purpose of speaking: "she said, asking X to be patient"."""
    if verb.dep_ == "xcomp":
        return verb.head.lemma_.lower() in _ASPECT_VERBS
    if verb.dep_ != "advcl" or verb.head.pos_ != "VERB":
        return False
    if verb.tag_ == "VBG" and head_lemma in lexicon.speech:
        return False
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    return (infinitive or verb.tag_ == "VBG") and lexicon.verbs.get(head_lemma) not in _PURPOSE_HEADS


def purpose_of(verb: Token, lexicon: Lexicon, head_lemma: str) -> EventType | None:
    """The type of the act a purpose clause serves: that of its head verb with its object ("blocked
    roads to press demands"), of the event noun a verb of no type of its own names ("continued their
    hunger strike to demand ...", "staged demonstrations to demand ..."), else of the head verb."""
    if not purpose(verb, lexicon, head_lemma):
        return None
    noun = next((c for c in verb.head.children if c.dep_ == "dobj"), None)
    noun_lemma = noun.lemma_.lower() if noun is not None else ""
    typed = lexicon.objects.get((head_lemma, noun_lemma))
    if typed is None and noun_lemma in lexicon.nominal and (head_lemma in lexicon.ignore or head_lemma not in lexicon.verbs):
        typed = lexicon.nominal[noun_lemma]
    return typed or lexicon.verbs.get(head_lemma)


def counterfactual(verb: Token) -> bool:
    """ "would have allowed ...": something that did not happen, nor anything it governs; and what a
    measure "would allow" someone to do ("a bill that would allow China to extradite people")."""
    node = verb
    for _ in range(3):
        auxes = [c.lower_ for c in node.children if c.dep_ == "aux"]
        if "have" in auxes and any(a in ("would", "could") for a in auxes):
            return True
        if node is not verb and node.lemma_.lower() in _ENABLING and any(a in ("would", "could", "might") for a in auxes):
            return True
        if node.dep_ not in ("xcomp", "ccomp", "conj") or node.head is node:
            return False
        node = node.head
    return False


def governed(verb: Token, lexicon: Lexicon) -> Governed:
    """How the verb governing this one (xcomp, or ccomp of a request, or a "for X to" clause:
    "called for Russia to withdraw") frames it; a conjunct is framed as the verb it is coordinated
    with ("proposed to stop hostilities and declare a truce"). An act asked for is not done,
    however far below the request it stands: "asked every Democrat to come together to support
    Biden", "appealed to Germany to help Ukraine"."""
    while verb.dep_ == "conj" and verb.head is not verb and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head
    if _requested(verb, lexicon):
        return Governed.CARRIED
    if for_clause(verb) and verb.head.pos_ == "VERB":
        return Governed.CARRIED if lexicon.verbs.get(verb.head.lemma_.lower()) in _CARRYING else Governed.NO
    if verb.dep_ in ("acl", "advcl", "ccomp") and _demanding_noun(verb.head, lexicon):
        return Governed.CARRIED  # "his demand that Iran release the prisoners": asked, not done
    if verb.dep_ not in ("xcomp", "ccomp"):
        return Governed.NO
    head = verb.head
    head_lemma = head.lemma_.lower()
    if verb.dep_ == "ccomp" and head_lemma in lexicon.denial:
        return Governed.NO  # "denied that it had attacked Ukraine": the act, denied
    if head.pos_ == "VERB" and lexicon.verbs.get(head_lemma) in _CARRYING:
        return Governed.CARRIED
    if verb.dep_ == "xcomp" and head_lemma in lexicon.intent:
        return Governed.INTENT
    return Governed.NO


def _requested(verb: Token, lexicon: Lexicon) -> bool:
    """Whether a verb is the act a request asks for: a "to" infinitive (a complement, or a purpose
    clause of one) up to three clauses below a verb of requesting ("urge", "ask", "appeal"), or one
    with a subject of its own under a verb of wanting ("wants Russia to withdraw")."""
    if stance.wanted_subject(verb) is not None:
        return True  # "wants Russia to withdraw", "called for Russia to withdraw"
    node = verb
    for _ in range(3):
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)
        if not infinitive or node.dep_ not in ("xcomp", "advcl") or node.head is node:
            return False
        node = node.head
        if node.pos_ == "VERB" and lexicon.verbs.get(node.lemma_.lower()) == EventType.CALLS_FOR:
            return True
    return False


def obliged(verb: Token, lexicon: Lexicon) -> bool:
    """An act someone must, should or has to do ("Germany should give Ukraine weapons", "Iran needs
    to release them", "it is time for Congress to act"), or does to that end ("said Greece had to
    speed up to counter Turkey"): asked for, not done. A conjunct shares its verb's obligation
    ("should accept the outcome and move on"). A past "had to" the text itself tells was done
    ("the plane had to land in Istanbul")."""
    node = verb
    for _ in range(4):
        while node.dep_ == "conj" and node.head is not node and node.head.pos_ in ("VERB", "AUX") \
                and not any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in node.children):
            node = node.head
        if _obliging(node, lexicon):
            return True
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)
        if node.dep_ not in ("xcomp", "advcl") or not infinitive or node.head is node:
            return False
        node = node.head
    return False


def _obliging(verb: Token, lexicon: Lexicon) -> bool:
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    if "must" in auxiliaries and "have" in auxiliaries:
        return False  # "Iran must have supplied the missiles": an inference that it did
    if auxiliaries & {w for w in lexicon.obligation if " " not in w} or stance.urged_subject(verb) is not None:
        return True
    heads = {w.split()[0] for w in lexicon.obligation if " " in w}  # "have to", "need to"
    head = verb.head
    if verb.dep_ != "xcomp" or "to" not in auxiliaries or head.lemma_.lower() not in heads or any(c.dep_ == "neg" for c in head.children):
        return False
    return head.tag_ != "VBD" or reported_in(head, lexicon) is not None


# Marks of a clause of time or cause, which the parser may hang on a verb of saying as its
# complement ("minutes before the committee voted ..., Trump claimed ..."): not what was said.
_ADVERBIAL_MARKS = frozenset({"before", "after", "when", "while", "until", "since", "once", "because", "as", "although"})


def adverbial(clause: Token) -> bool:
    """Whether a clause parsed as a complement is one of time or cause ("before X voted")."""
    return any(c.dep_ == "mark" and c.lower_ in _ADVERBIAL_MARKS for c in clause.children)


def _demanding_noun(noun: Token, lexicon: Lexicon) -> bool:
    from polgraph.loaders.relations.positions import default_positions  # here: positions reads framing
    return default_positions().demands(noun, lexicon.nominal) or (
        noun.pos_ == "NOUN" and lexicon.nominal.get(noun.lemma_.lower()) in (EventType.PROPOSES, EventType.THREATENS))


def for_clause(verb: Token) -> bool:
    """ "called for Russia to withdraw": an infinitive with its own subject after "for", which the
    parser hangs on the verb above as an adverbial clause."""
    return verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "for" for c in verb.children) \
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def hearsay(verb: Token) -> bool:
    return any(c.dep_ == "advmod" and c.lower_ in _HEARSAY for c in verb.children) or epistemic_perfect(verb)


def epistemic_perfect(verb: Token) -> bool:
    """ "may have supplied", "might have encouraged": a past act the text is not sure of."""
    auxes = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    return verb.tag_ == "VBN" and "have" in auxes and bool(auxes & _EPISTEMIC)


def reported_in(verb: Token, lexicon: Lexicon) -> Token | None:
    """The speech verb whose statement holds this act ("Iran said the US attacked its ships"),
    following clauses up to three levels; None when the text states the act itself."""
    node = verb
    for _ in range(3):
        if node.dep_ not in ("ccomp", "conj", "xcomp", "pcomp") or node.head is node or adverbial(node):
            return None
        if node.dep_ == "conj" and node.head.lemma_.lower() in lexicon.speech:
            return None  # "denied it and attacked": a second act of the speaker
        node = node.head
        if node.dep_ == "prep":  # "accused Russia of poisoning X": the verb above the preposition
            node = node.head
        if node.pos_ == "VERB" and (node.lemma_.lower() in lexicon.speech or lexicon.verbs.get(node.lemma_.lower()) == EventType.CRITICIZES):
            return node
    return None
