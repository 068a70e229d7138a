"""The stance of what a speaker said (a quotation, or the complement of a verb of saying): a call
on someone to act, a refusal by the speaker, criticism, support, or none.

- **Call**: a clause of the statement obliges someone other than the speaker ("Russia must
  withdraw", "they should be held accountable", "the US needs to act", "it is time for Congress
  to act"), the speaker wants another to act ("she expects Russia to withdraw"), or orders (an
  imperative in a quotation: "Stop the bombing").
- **Refusal**: the speaker's own act of accepting, negated ("we will not accept", "Iran said it
  would never negotiate", "had no intention of negotiating"), or an act of refusing ("it refuses
  to ...").
- **Criticism / support**: the polarity, read by VADER (``vaderSentiment``: its rated lexicon,
  negation, boosters, "but"), of the words said of the actor the statement is about (the rest of
  the clause it is subject or object of, or addressed in: ``evaluation``), words that name an act
  ("killed", "the attack"), harm suffered and names left out: what a speaker reports another did
  is not the speaker's stance (accusations are read apart, in ``speech``). A word of the hand
  list ``criticism_cues`` among those words is criticism too.
- **Naming** ("called May's deal 'lousy'", "called Merkel a great leader"): the polarity of the
  name, when what is named is an actor or its own (``naming_stance``); a name in quotation marks
  with no warmth in it, given to an actor's act, is the speaker's label of disapproval ("called
  the admission a 'political maneuver'").

Also here: which verbs of saying only state (``plain_statement``: "claimed", "argued", typed by
their statement's stance whatever their CAMEO code) and which allege (``alleging``: another's act
they report is an accusation).
Language data beside VADER's: ``data/stance.yaml``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from polgraph.graph.ontology import EventType
from polgraph.loaders.language_data import language_data
from polgraph.loaders.relations.context import Sentence
from polgraph.loaders.relations.records import Argument, Slot, Stance

__all__ = ["CRITICISM_BELOW", "alleging", "done_act", "NAME_CRITICISM_BELOW", "NAME_SUPPORT_ABOVE", "NAMING_TYPES", "SUPPORT_ABOVE", "WORD_CRITICISM",
           "WORD_SUPPORT", "calls", "evaluation", "named_antecedent", "naming_stance", "owners", "plain_statement", "polarity",
           "quoted_name", "read", "refuses", "urged_subject", "wanted_subject", "word_stance"]

# VADER compound polarity at or past which a statement criticizes or supports (VADER's own cut for
# a negative or positive text is 0.05; a statement needs clearly evaluative words).
CRITICISM_BELOW = -0.5
SUPPORT_ABOVE = 0.5
# A word's own valence (VADER's scale, -4 .. +4) at or past which it names criticism or support.
WORD_CRITICISM = -1.5
WORD_SUPPORT = 1.5
# VADER compound polarity of a name given to someone or something ("called the deal 'lousy'",
# "called him a great leader") at or past which the naming criticizes or supports: a name is all
# judgement, so one rated word of it decides ("a waste of time" -0.42, "lousy" -0.54).
NAME_CRITICISM_BELOW = -0.3
NAME_SUPPORT_ABOVE = 0.3
# What a naming does to what it names, by the stance of the name.
NAMING_TYPES = {Stance.CRITICISM: EventType.CRITICIZES, Stance.SUPPORT: EventType.SUPPORTS, Stance.NEUTRAL: EventType.COMMENTS_ON,
                Stance.CALL: EventType.COMMENTS_ON, Stance.REJECTION: EventType.COMMENTS_ON}
_QUOTE_MARKS = frozenset({'"', "“", "”", "'", "‘", "’"})
_ACT_PRONOUNS = frozenset({"it", "this", "that"})

_FIRST_PERSON = frozenset({"i", "we"})
# Clauses of their own below a clause: what they say is not said of the clause's subject.
_OTHER_CLAUSES = frozenset({"ccomp", "advcl", "relcl", "conj", "parataxis", "csubj"})
_REPORTED_SELF = frozenset({"it", "he", "she", "they"})
_ADDITIVE = frozenset({"only", "just", "merely"})  # "not only ... but": no negation
# Prepositions by which an evaluation is of an actor: addressed to it ("solidarity with X",
# "condolences to X"), caused by it ("disappointed by X", "angry at X"), on it ("critical of X",
# "concern over X"); not an outcome for it ("a big win for X").
_EVALUATED = frozenset({"with", "to", "toward", "towards", "by", "at", "of", "over", "about"})
_OBLIGING_AUX = frozenset({"must", "should", "ought"})
_OBLIGING_HEADS = frozenset({"have", "need"})  # "has to leave", "needs to act"


@dataclass(frozen=True)
class _Data:
    valence: dict[str, float]
    acceptance: frozenset[str]
    refusal: frozenset[str]
    undergone: frozenset[str]
    plain_speech: frozenset[str]
    obliging_words: frozenset[str]
    wanting: frozenset[str]
    alleging: frozenset[str]


@lru_cache(maxsize=1)
def _data() -> _Data:
    doc = language_data("stance.yaml")
    return _Data({w: float(v) for w, v in doc["valence"].items()}, frozenset(doc["acceptance"]), frozenset(doc["refusal"]),
                 frozenset(doc["undergone"]), frozenset(doc["plain_speech"]),
                 frozenset(doc["obliging_words"]), frozenset(doc["wanting"]),
                 frozenset(doc["alleging"]))


def alleging(lemma: str) -> bool:
    """Whether a verb of saying alleges: another's act it reports is an accusation."""
    return lemma in _data().alleging


def done_act(s: Sentence, verb: Token) -> bool:
    """Whether a verb names something its subject does: not a verb too general to mean anything
    ("be", "have", "know") nor harm suffered ("suffered strokes")."""
    lemma = verb.lemma_.lower()
    return lemma not in s.lexicon.ignore and lemma not in _data().undergone


def plain_statement(lemma: str) -> bool:
    """Whether a verb of saying states without judging by itself ("claimed", "argued"): its
    statement is typed by its stance, whatever the CAMEO code of the verb."""
    return lemma in _data().plain_speech


@lru_cache(maxsize=1)
def _analyzer() -> SentimentIntensityAnalyzer:
    analyzer = SentimentIntensityAnalyzer()
    analyzer.lexicon.update(_data().valence)
    return analyzer


def read(s: Sentence, tokens: list[Token], speakers: list[str], about: list[Token], accuses: bool, reported: bool) -> Stance:
    """The stance of a statement (its words ``tokens``) on who it is about (``about``: the words
    naming them); ``accuses``: it reports another's act of force or judges an act in scornful words
    (read by ``speech``), which is criticism; ``reported``: the statement is a verb of saying's
    complement ("Iran said it would not ..."), where "it" and "he" are the speaker."""
    if not tokens:
        return Stance.NEUTRAL
    if calls(s, tokens, speakers, reported):
        return Stance.CALL
    if refuses(s, tokens, speakers, reported):
        return Stance.REJECTION
    if accuses:
        return Stance.CRITICISM
    inside = {t.i for t in tokens}
    words = {w.i: w for a in about for w in evaluation(a, inside)}
    said = [words[i] for i in sorted(words)]
    score = polarity(s, said)
    blame = any(w.lower_ in s.lexicon.criticism_cues or w.lemma_.lower() in s.lexicon.criticism_cues for w in said)
    if score <= CRITICISM_BELOW or blame:
        return Stance.CRITICISM
    if score >= SUPPORT_ABOVE:
        return Stance.SUPPORT
    return Stance.NEUTRAL


def evaluation(actor: Token, inside: set[int]) -> list[Token]:
    """The words of a statement that say something of an actor: the rest of the clause the actor
    stands in as subject or object, or addressed ("Trump treats the law with contempt", "our
    prayers are with the people of France"), without the actor's own phrase."""
    node, prep = actor, ""
    while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i and node.head.i in inside:
        if node.dep_ == "pobj":
            prep = node.head.lower_
        node = node.head
    if node.pos_ not in ("VERB", "AUX") or (prep and prep not in _EVALUATED):
        return []  # "a big win for Iran": what is good or bad for an actor is no judgement of it
    own = {t.i for t in actor.subtree}
    return [t for t in node.subtree if t.i in inside and t.i not in own
            and not (t.dep_ in _OTHER_CLAUSES and t.head.i == node.i)
            and not any(a.dep_ in _OTHER_CLAUSES and a.head.i == node.i for a in t.ancestors)]


def naming_stance(s: Sentence, name: Token, of_actor: bool, of_act: bool = False) -> Stance:
    """The stance of a name given in naming ("called X a disgrace", "labeled X as a terrorist",
    "called May's deal 'lousy'"): a word of scorn, else, when what is named is an actor or an
    actor's own (``of_actor``), the polarity of the name's words; an actor's act or words
    (``of_act``: not the actor itself) named in quotation marks with no warmth is criticized. A
    situation called "the worst in the world" is judged, but nobody is criticized."""
    words = list(name.subtree)
    if any(w.lemma_.lower() in s.lexicon.scorn or w.lower_ in s.lexicon.scorn for w in (name, *name.lefts)):
        return Stance.CRITICISM
    if not of_actor:
        return Stance.NEUTRAL
    if any(w.lower_ in s.lexicon.criticism_cues for w in words):
        return Stance.CRITICISM
    # The name's own words, a role noun among them ("a great leader" may be a mention of the
    # actor), without the names in it.
    said = " ".join(w.text for w in words if w.pos_ != "PROPN")
    score = _analyzer().polarity_scores(said)["compound"] if said else 0.0
    if score <= NAME_CRITICISM_BELOW or (of_act and score <= 0.0 and _in_quotes(name)):
        return Stance.CRITICISM
    if score >= NAME_SUPPORT_ABOVE:
        return Stance.SUPPORT
    return Stance.NEUTRAL


def _in_quotes(name: Token) -> bool:
    """Whether a name is given in the speaker's own words, in quotation marks: a label in words of no
    warmth that a speaker chose for an actor's act is a judgement of it ("called it 'a non-starter'",
    "a 'political maneuver'", "a 'witch hunt'")."""
    before = name.doc[name.left_edge.i - 1] if name.left_edge.i > 0 else None
    return any(w.text in _QUOTE_MARKS for w in name.subtree) or (before is not None and before.text in _QUOTE_MARKS)


def quoted_name(noun: Token) -> Token | None:
    """The name given to the object of a verb of naming where the parser hangs it on the noun: a
    quoted modifier ("called the deal \"lousy\"": ``lousy`` an ``amod`` of ``deal``) or an
    apposition with no comma ("called Merkel a great leader")."""
    for child in noun.rights:
        before = child.doc[child.left_edge.i - 1]
        quoted = before.text in _QUOTE_MARKS or child.left_edge.text in _QUOTE_MARKS
        if child.dep_ in ("amod", "appos", "acl", "npadvmod") and quoted or child.dep_ == "appos" and not before.is_punct:
            return child
    return None


def named_antecedent(verb: Token, named: Token | None) -> Token | None:
    """What a participle of naming names by a pronoun: the object of the verb it accompanies
    ("commented on the agreement, calling it 'null and void'": the agreement)."""
    if named is None or named.lower_ not in _ACT_PRONOUNS or verb.dep_ != "advcl" or verb.tag_ != "VBG":
        return None
    head = verb.head
    objects = [c for c in head.children if c.dep_ == "dobj"]
    objects += [p for c in head.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
    return objects[0] if objects else None


def owners(s: Sentence, noun: Token) -> list[Argument]:
    """Whose a thing named by a noun is: its owners ("Russia's plan", "the plan of Russia") and the
    actors named in the words before it ("the Turkish-Libyan agreement": Turkey and Libya)."""
    found = s.phrases.arguments(noun, Slot.NAMED, ("poss", "of", "amod"))
    seen = {a.node for a in found}
    for token in noun.subtree:
        actor = s.found.actor_at(token)
        if token.i < noun.i and actor and actor not in seen and token.dep_ in ("amod", "npadvmod", "compound", "nmod", "poss"):
            seen.add(actor)
            found.append(s.phrases.argument(actor, token, Slot.NAMED))
    return found


def word_stance(lemma: str) -> Stance:
    """The stance a word names by itself, by its VADER valence: the object of a verb of saying
    ("expressed condolences to", "voiced outrage at")."""
    valence = _analyzer().lexicon.get(lemma, 0.0)
    if valence >= WORD_SUPPORT:
        return Stance.SUPPORT
    if valence <= WORD_CRITICISM:
        return Stance.CRITICISM
    return Stance.NEUTRAL


def polarity(s: Sentence, tokens: list[Token]) -> float:
    """VADER's compound polarity of the evaluative words among ``tokens``."""
    data = _data()
    words = [t.text for t in tokens if _evaluative(s, t, data)]
    return _analyzer().polarity_scores(" ".join(words))["compound"] if words else 0.0


def _evaluative(s: Sentence, token: Token, data: _Data) -> bool:
    """Whether a word may judge: not a word that names an act (the event lexicon's verbs and nouns:
    "killed", "the attack") or harm suffered, not a name, not a hyphenated kind ("free-trade"), not
    the "not" of "not only ... but" (VADER would read a negation)."""
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if after is not None and (after.text == "-" or (token.dep_ == "neg" and after.lower_ in _ADDITIVE)):
        return False
    lemma = token.lemma_.lower()
    if (token.pos_ == "VERB" and s.lexicon.verbs.get(lemma)) or (token.pos_ == "NOUN" and lemma in s.lexicon.nominal):
        return False
    return lemma not in data.undergone and not s.found.actor_at(token)


def calls(s: Sentence, tokens: list[Token], speakers: list[str], reported: bool) -> bool:
    """A clause of the statement that obliges an actor other than the speaker to act ("Russia must
    withdraw"), or an order."""
    for token in tokens:
        if token.pos_ not in ("VERB", "AUX"):
            continue
        obliging = any(c.dep_ == "aux" and c.lower_ in _OBLIGING_AUX for c in token.children)
        head = token
        if not obliging and token.dep_ == "xcomp" and token.head.lemma_.lower() in _OBLIGING_HEADS \
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
            obliging, head = True, token.head
        urged = urged_subject(token)
        if urged is None and wanted_subject(token) is not None and _wanted_by_speaker(s, token.head, speakers, reported):
            urged = wanted_subject(token)
        if urged is not None and s.phrases.actors_of(urged) and not _own(s, urged, speakers, reported):
            return True  # "it is time for Congress to hold itself accountable"
        if obliging:
            subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None and s.phrases.actors_of(subject) and not _own(s, subject, speakers, reported):
                return True
        elif _imperative(token):
            return True
    return False


def urged_subject(verb: Token) -> Token | None:
    """The subject of a "for X to ..." clause under a word of obligation ("it is time for Congress to
    act", "it is essential for Russia to withdraw"); None if ``verb`` heads no such clause."""
    children = list(verb.children)
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in children) or not any(c.dep_ == "mark" and c.lower_ == "for" for c in children):
        return None
    subject = next((c for c in children if c.dep_ == "nsubj"), None)
    head = verb.head
    words = {head.lemma_.lower(), *(c.lemma_.lower() for c in head.children if c.dep_ in ("acomp", "attr", "npadvmod", "advmod"))}
    return subject if words & _data().obliging_words else None


def wanted_subject(verb: Token) -> Token | None:
    """The subject of a "to" infinitive with a subject of its own under a verb of wanting or of
    requesting ("wants Russia to withdraw", "expects Iran to comply", "called for Russia to
    withdraw"): who is asked to act; None if ``verb`` heads no such clause."""
    children = list(verb.children)
    if verb.dep_ not in ("ccomp", "advcl", "xcomp") or not any(c.dep_ == "aux" and c.lower_ == "to" for c in children):
        return None
    subject = next((c for c in children if c.dep_ == "nsubj"), None)
    head = verb.head
    if subject is None or head.pos_ not in ("VERB", "AUX"):
        return None
    lemma = head.lemma_.lower()
    return subject if lemma in _data().wanting or lemma in _REQUESTS else None


def _wanted_by_speaker(s: Sentence, head: Token, speakers: list[str], reported: bool) -> bool:
    """Whether who wants or asks is the speaker ("I want Russia to ...", "said she expects ..."),
    not another the statement reports ("said the staff want him to resign")."""
    subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is None or _own(s, subject, speakers, reported) or (reported and subject.lower_ in ("she", "he"))


# Verbs of requesting whose "for X to ..." or "X to ..." clause names who is asked.
_REQUESTS = frozenset({"call", "urge", "ask", "appeal", "press", "push", "plead", "petition", "lobby"})


def _imperative(verb: Token) -> bool:
    """An order: a bare verb opening its clause, with no subject, auxiliary or marker ("Stop the
    bombing", "Release them now")."""
    if verb.tag_ != "VB" or verb.dep_ not in ("ROOT", "ccomp", "xcomp", "conj") or verb.lemma_.lower() in ("be", "let", "thank"):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark", "neg", "expl") for c in verb.children):
        return False
    if verb.dep_ == "conj":  # "stop the war and free them" orders twice; "aims to tighten ... and impose" does not
        return _imperative(verb.head)
    return not any(not t.is_punct for t in verb.lefts)


def refuses(s: Sentence, tokens: list[Token], speakers: list[str], reported: bool) -> bool:
    """The speaker's own act of accepting, negated, or an act of refusing."""
    data = _data()
    for token in tokens:
        lemma = token.lemma_.lower()
        if token.pos_ != "VERB" or lemma not in data.acceptance | data.refusal:
            continue
        negated = any(c.dep_ == "neg" or c.lower_ == "never" for c in token.children)
        subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None and token.dep_ == "xcomp":  # "refused to sign it": the governing verb's subject
            subject = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
            negated = negated or any(c.dep_ == "neg" or c.lower_ == "never" for c in token.head.children)
        unwilling = _unwilling(token)
        if subject is None and unwilling is not None:  # "it had no intention of negotiating"
            subject = next((c for c in unwilling.children if c.dep_ == "nsubj"), None)
            negated = True
        if subject is None or not _own(s, subject, speakers, reported):
            continue
        if (lemma in data.acceptance and negated) or (lemma in data.refusal and not negated):
            return True
    return False


# Nouns of will that "no" turns into a refusal of the act they govern: "no intention of negotiating".
_WILL_NOUNS = frozenset({"intention", "intent", "plan", "plans", "desire", "interest", "wish", "willingness"})


def _unwilling(verb: Token) -> Token | None:
    """The verb whose object is "no intention" (or plan, desire) of or to do ``verb``: "had no
    intention of negotiating", "has no plans to meet"; None otherwise."""
    node = verb.head if verb.dep_ in ("pcomp", "acl", "xcomp") else None
    if node is not None and node.dep_ == "prep":
        node = node.head
    if node is None or node.lower_ not in _WILL_NOUNS or not any(c.dep_ == "det" and c.lower_ == "no" for c in node.children):
        return None
    return node.head if node.head.pos_ in ("VERB", "AUX") else None


def _own(s: Sentence, subject: Token, speakers: list[str], reported: bool) -> bool:
    """Whether a clause's subject is the speaker: "we", "I", the speaker's own name or state, or in
    reported speech a pronoun of the third person."""
    if subject.lower_ in _FIRST_PERSON or (reported and subject.lower_ in _REPORTED_SELF):
        return True
    found = s.found
    own = set(speakers) | {found.actors[a].country for a in speakers if a in found.actors} - {None}
    return bool(set(s.phrases.actors_of(subject)) & own)
