"""Reported speech: who a statement is about ("X said that Y ...", "as X noted, ...", "according
to X, ...", a quotation running over several sentences), and demands made in it ("Russia said
Sudan must return the helicopter")."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.tokens import Token

from polgraph.graph.ontology import EventType
from polgraph.loaders.relations import framing, stance
from polgraph.loaders.relations.context import Sentence
from polgraph.loaders.relations.phrases import unique
from polgraph.loaders.relations.records import Argument, Frame, Framing, Slot, Stance, Trigger

__all__ = ["HeldQuotation", "QuotationTracker", "according_to_frames", "content_arguments", "introducers", "outside_speakers",
           "paragraph_closes", "quote_frames", "quote_state", "quoted_tokens", "spoken_by"]

_PLACE_PREPS = {"in", "during", "at", "near", "inside", "across", "throughout", "within", "since", "after", "before"}


def content_arguments(s: Sentence, verb: Token, speakers: list[str]) -> tuple[list[Argument], Stance]:
    """What a speech verb's statement is about (CONTENT), or who it obliges to act (OBLIGED);
    and its stance."""
    clause = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp") and not framing.adverbial(c)]
    # What the speaker's own state must do is the speaker's stated course, not a demand on another:
    # "Johnson stated that Britain must leave".
    own = {*speakers, *(s.found.actors[a].country for a in speakers if a in s.found.actors)} - {None}
    for comp in clause:  # "Russia said Sudan must return the helicopter": a demand on Sudan
        if any(c.dep_ == "aux" and c.lower_ in s.lexicon.obligation for c in comp.children):
            obliged = [a for c in comp.children if c.dep_ == "nsubj"
                       for a in s.phrases.arguments(c, Slot.OBLIGED, ("poss", "of", "amod")) if a.node not in own]
            if obliged:
                return obliged, Stance.CALL
    addressees = {t.i for c in verb.children if c.dep_ in ("dobj", "dative") for t in c.subtree}
    tokens: list[Token] = [t for c in clause for t in c.subtree if t.i not in addressees]  # "told the BBC ..."
    if not tokens and verb.dep_ == "advcl" and any(c.lower_ == "as" and c.dep_ == "mark" for c in verb.children):
        own = {t.i for t in verb.subtree}
        tokens = [t for t in verb.head.subtree if t.i not in own]  # "as X noted, <main clause>"
    said = about(s, tokens, speakers)
    return said, stance_of(s, tokens, speakers, said, reported=True, alleging=stance.alleging(verb.lemma_.lower()))


# Acts that, reported by someone, are an accusation: "Iran said the US had attacked its ships".
_ACCUSED_ACTS = frozenset({EventType.ASSAULTS, EventType.COERCES, EventType.SANCTIONS, EventType.THREATENS})


def stance_of(s: Sentence, tokens: list[Token], speakers: list[str], said: list[Argument], reported: bool,
              alleging: bool = False) -> Stance:
    """The stance of a statement on who it is about (``stance.read``); an act of force it reports
    of another actor, or an act it judges in scornful words, is criticism; so is any act of
    another that a verb of alleging ("claimed Iran spoofed the e-mails") reports."""
    accuses = any(_accused_act(s, t, speakers, alleging) or _judged_act(s, t) is not None for t in tokens)
    doc = s.sent.doc
    about_tokens = [doc[a.token] for a in said if a.slot == Slot.CONTENT and not a.is_topic]
    return stance.read(s, tokens, speakers, about_tokens, accuses, reported)


# Words that name an act without naming it, as the subject of a judgement: "It is a propaganda stunt".
_ACT_PRONOUNS = frozenset({"it", "this", "that"})


def _judged_act(s: Sentence, root: Token) -> Token | None:
    """The subject of a judgement in scornful words on an act that a pronoun or a gerund names:
    "It is a propaganda stunt", "Leaving them to die is a big mistake"; None if ``root`` is no such."""
    if root.lemma_.lower() != "be" or root.pos_ not in ("AUX", "VERB"):
        return None
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "csubj")), None)
    if subject is None or any(c.dep_ == "neg" for c in root.children):
        return None
    if subject.dep_ == "nsubj" and (subject.lower_ not in _ACT_PRONOUNS or s.found.actor_at(subject)):
        return None
    if subject.dep_ == "csubj" and subject.tag_ != "VBG":
        return None
    earlier = [t for t in s.sent if t.i < subject.i and t.dep_ in ("nsubj", "nsubjpass") and t.pos_ in ("NOUN", "PROPN")
               and s.phrases.lemma(t.head) not in s.lexicon.speech]
    if earlier and _clause_doer(s, earlier[-1]) is None:
        return None  # "any questioning of it is an insult, it is ...": the pronoun is that noun, not an act
    words = {w for c in root.children if c.dep_ in ("attr", "acomp") for t in c.subtree for w in (t.lower_, t.lemma_.lower())}
    return subject if words & (s.lexicon.scorn | s.lexicon.criticism_cues) else None


def judged_doers(s: Sentence, root: Token, speakers: list[str]) -> list[Argument]:
    """Who did the act a statement judges in scornful words (``_judged_act``): the act of the
    sentence before, else the act the article reports (its first), as for "the move"."""
    subject = _judged_act(s, root)
    if subject is None:
        return []
    before = [t for t in s.sent if t.i < subject.i and s.phrases.lemma(t.head) not in s.lexicon.speech and _clause_doer(s, t) is not None]
    if before:  # "X is trying to use the Queen -- this is a dangerous way to govern": the act of X's clause
        return [Argument(a.node, Slot.CONTENT, subject.i, "judged") for a in s.phrases.arguments(before[-1], Slot.CONTENT, ())
                if a.node not in speakers]
    act = s.phrases.previous or s.phrases.lead
    if act is None:
        return []
    return [Argument(a.node, Slot.CONTENT, subject.i, "judged") for a in act.doers if a.node not in speakers]


def _clause_doer(s: Sentence, subject: Token) -> str | None:
    """The actor a clause before a judgement names as the doer of its act ("Boris Johnson is trying to
    use the Queen -- this is ..."): the subject of a verb that is no copula; None for a noun that
    names no actor ("any questioning of it is an insult")."""
    verb = subject.head
    if subject.dep_ != "nsubj" or verb.pos_ != "VERB" or verb.lemma_.lower() == "be":
        return None
    return s.found.actor_at(subject)


def _accused_act(s: Sentence, verb: Token, speakers: list[str], any_act: bool = False) -> bool:
    """ "the US had attacked its ships", "Iran ordered the attack", "Iran was behind the attack": a
    done act of force (or its ordering, or a part in it; ``any_act``: any act) whose named doer is
    not the speaker."""
    forceful = verb.pos_ == "VERB" and s.lexicon.verbs.get(verb.lemma_.lower()) in _ACCUSED_ACTS
    if not forceful and not _part_in_force(s, verb) and not (any_act and verb.pos_ == "VERB" and stance.done_act(s, verb)):
        return False
    if any(c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in s.lexicon.modal) for c in verb.children):
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return False
    own = set(speakers) | {s.found.actors[a].country for a in speakers if a in s.found.actors} - {None}
    doers = s.phrases.actors_of(subject)
    return bool(doers) and not set(doers) & own


# Words that make the subject of their clause a doer of the act of force named after them: "Iran
# was responsible for the attack", "Russia was behind the poisoning".
_PARTAKING = frozenset({"responsible", "behind", "complicit"})


def _part_in_force(s: Sentence, verb: Token) -> bool:
    """ "ordered the killing", "was responsible for the attack", "was behind the strike": an act of
    force named by a noun, which the verb's subject ordered or took part in."""
    nouns: list[Token] = []
    if verb.pos_ == "VERB" and verb.lemma_.lower() in s.lexicon.authorizing:
        nouns = [c for c in verb.children if c.dep_ == "dobj"]
    elif verb.lemma_.lower() == "be":
        for child in verb.children:
            word = child if child.dep_ == "prep" and child.lower_ == "behind" else None
            if child.dep_ == "acomp" and child.lower_ in _PARTAKING:
                word = next((p for p in child.children if p.dep_ == "prep" and p.lower_ in ("for", "in")), None)
            if word is not None:
                nouns += [p for p in word.children if p.dep_ == "pobj"]
    return any(n.pos_ == "NOUN" and s.lexicon.nominal.get(n.lemma_.lower()) in _ACCUSED_ACTS for n in nouns)


def about(s: Sentence, tokens: list[Token], speakers: list[str]) -> list[Argument]:
    """The actors a statement is about: the subject of what was said (following "it is possible
    that ..." inwards), else the actors named in it outside place adjuncts."""
    if not tokens:
        return []
    found = s.found
    # A speaker's own state is who speaks, not what is spoken about ("the US was disappointed").
    speakers = [*speakers, *(found.actors[a].country for a in speakers if a in found.actors and found.actors[a].country)]
    inside = {t.i for t in tokens}
    root = min(tokens, key=lambda t: (len(list(t.ancestors)), t.i))
    named: list[Argument] = []
    for token in tokens:
        actor = found.actor_at(token)
        if actor and actor not in speakers and not _in_adjunct(token) and token.dep_ != "amod":
            named.append(s.phrases.argument(actor, token, Slot.CONTENT))  # "the American dream" is not about the US
    named = unique(named)
    judged = unique(a for t in tokens for a in judged_doers(s, t, speakers))
    if judged:  # "It is a propaganda stunt": about who did the act
        return judged + [Argument(a.node, Slot.MENTIONED, a.token, a.how) for a in named if a.node not in {x.node for x in judged}]
    for _ in range(3):
        subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            said = [a for a in s.phrases.arguments(subject, Slot.CONTENT, ("poss", "of", "by")) if a.node not in speakers]
            if said:  # the subject of what was said; the others named in it are only mentioned
                return said + [Argument(a.node, Slot.MENTIONED, a.token, a.how) for a in named if a.node not in {x.node for x in said}]
        inner = next((c for c in root.children if c.dep_ in ("ccomp", "xcomp") and c.i in inside), None)
        if inner is None:
            break
        root = inner
    if named:
        return named
    topic = _said_topic(s, root)  # "said the use of third-party currencies costs Africa billions"
    return [Argument(topic, Slot.SAID, root.i)] if topic else []


def _said_topic(s: Sentence, root: Token) -> str | None:
    """A statement about no actor is about its subject or object noun."""
    for child in root.children:
        if child.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") and child.pos_ == "NOUN" and child.lower_ not in s.lexicon.generic_objects:
            return s.topic(None, child)
    return None


def _in_adjunct(token: Token) -> bool:
    """Inside a place or time adjunct ("in Ukraine", "during the summit"), which is not what was said about."""
    node = token
    for _ in range(6):
        if node.dep_ == "pobj" and node.head.lower_ in _PLACE_PREPS and node.head.head.pos_ in ("VERB", "AUX", "NOUN", "PROPN"):
            return True
        if node.head is node:
            return False
        node = node.head
    return False


def according_to_frames(s: Sentence) -> Iterator[Frame]:
    for token in s.sent:
        if token.lower_ == "according" and token.dep_ == "prep":
            to = next((c for c in token.children if c.lower_ == "to"), None)
            pobj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
            if pobj is None:
                continue
            speakers = s.phrases.arguments(pobj, Slot.SPEAKER, ("poss", "by", "of"))  # "according to a tweet by X"
            own = {t.i for t in token.subtree}
            tokens = [t for t in token.head.subtree if t.i not in own]
            said = about(s, tokens, [a.node for a in speakers])
            if speakers and said:
                yield Frame(s.number, token.i, "according to", Trigger.ACCORDING, tuple(speakers), tuple(said),
                            Framing(stance=stance_of(s, tokens, [a.node for a in speakers], said, reported=True)), date=s.date_of(token.head),
                            evidence=s.evidence)


def quote_frames(s: Sentence, speakers: list[Argument], tokens: list[Token] | None = None,
                 mechanisms: tuple[str, ...] = ()) -> Iterator[Frame]:
    """A sentence inside a quotation opened earlier (or ``tokens``, the words quoted in it): its
    speaker on the actors it is about (the subjects of its clauses), unless it names its own speaker."""
    if s.phrases.speakers():
        return
    tokens = list(s.sent) if tokens is None else tokens
    if not any(token.dep_ in ("nsubj", "nsubjpass") for token in tokens):
        return
    said = about(s, tokens, [a.node for a in speakers])
    if mechanisms:  # a speaker found by following the quotation: no name mentioned only in passing
        from polgraph.loaders.mentions.nodes import is_node  # here: the node rules read relevance, in this package
        said = [a for a in said if a.is_topic or is_node(s.found, a.node, s.sent.doc, set())]
    if said:
        sources = tuple(Argument(a.node, Slot.SPEAKER, a.token, a.how) for a in speakers)
        yield Frame(s.number, s.sent.root.i, "quote", Trigger.QUOTE, sources, tuple(said),
                    Framing(stance=stance_of(s, tokens, [a.node for a in speakers], said, reported=False)), date=s.published,
                    mechanisms=mechanisms, evidence=s.evidence)


_QUOTE_MARKS = ('"', "“", "”")
_FULL_STOPS = frozenset({".", "!", "?"})


def quoted_tokens(s: Sentence, was_open: bool) -> list[Token]:
    """The words of the sentence inside quotation marks (from its start when a quotation is open)."""
    inside, out = was_open, []
    for token in s.sent:
        if token.text in _QUOTE_MARKS:
            inside = token.text == "“" or (token.text == '"' and not inside)
        elif "\n" in token.text or "\n" in token.whitespace_:
            after = next((t for t in token.doc[token.i + 1:] if not t.is_space), None)
            inside = inside and (after is None or after.text in _QUOTE_MARKS)  # a paragraph ends a quotation
        elif inside and not token.is_space:
            out.append(token)
    return out


def introducers(s: Sentence, was_open: bool) -> list[Argument]:
    """Who speaks a quotation that a verb other than a verb of saying introduces or follows:
    'Trump defended his decision, "I will ..."', '"...", Graham continued.': the subject of the
    sentence's main verb, outside the quotation marks, when it is an actor (not "I" or "we")."""
    quoted = quoted_tokens(s, was_open)
    if not quoted or s.phrases.speakers():
        return []
    inside = {t.i for t in quoted}
    outside = [t for t in s.sent if t.pos_ == "VERB" and t.i not in inside
               and any(c.dep_ == "nsubj" and c.i not in inside for c in t.children)]
    if not outside:
        return []
    verb = min(outside, key=lambda t: (len(list(t.ancestors)), t.i))  # the main verb outside the quotation
    last = quoted[-1]
    if last.text in _FULL_STOPS and verb.i > last.i:
        return []  # '... That's to be sure." Bolton previously served ...': a new sentence the parser ran on, not a speaker
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.lower_ not in ("i", "we")]
    return [Argument(a.node, Slot.SPEAKER, a.token, a.how) for c in subjects for a in s.phrases.arguments(c, Slot.SPEAKER, ())]


def outside_speakers(s: Sentence, was_open: bool) -> list[Argument]:
    """Who the sentence says speaks, outside its quoted words: '..., said X', '..., X continued'."""
    inside = {t.i for t in quoted_tokens(s, was_open)}
    found = [a for t in s.sent if t.i not in inside and t.pos_ == "VERB" and s.phrases.lemma(t) in s.lexicon.speech
             for a in s.phrases.subjects(t) if a.slot != Slot.QUOTED_SPEAKER]
    return unique(found) or introducers(s, was_open)


def paragraph_closes(s: Sentence) -> bool:
    """Whether the sentence opens a paragraph without a quotation mark: a quotation still open
    before it was left unclosed (news opens each paragraph of a quotation with a mark)."""
    before = s.sent.doc.text[:s.sent.start_char]
    gap = before[len(before.rstrip()):] + s.sent.text[:len(s.sent.text) - len(s.sent.text.lstrip())]
    return "\n" in gap and s.sent.text.lstrip()[:1] not in _QUOTE_MARKS


def quote_state(text: str, was_open: bool) -> tuple[bool, bool]:
    """Whether a quotation is still open after this sentence, and whether this sentence opened it."""
    state = was_open
    opened = False
    for at, ch in enumerate(text):
        if ch == "“" or (ch == '"' and not state):
            state, opened = True, True
        elif ch == "”" or (ch == '"' and state):
            state, opened = False, False
        elif ch == "\n" and state and text[at:].strip() and text[at:].strip()[0] not in ('"', "“", "”"):
            state, opened = False, False  # a quotation a paragraph ends without its closing mark
    return state, opened and state


def spoken_by(s: Sentence, speakers: list[Argument]) -> Sentence:
    """The sentence read as the words of ``speakers``: its "I" and "we" are theirs where no verb of
    saying in it names another speaker (a new reading of it; ``s`` itself is left as it was)."""
    if not speakers:
        return s
    spoken = copy.copy(s)
    spoken.phrases = copy.copy(s.phrases)
    spoken.phrases.quoting = list(speakers)
    return spoken


@dataclass(frozen=True)
class HeldQuotation:
    """The sentences of a quotation whose speaker is named only where it ends ('"...," said X'), or
    that goes on right after another quotation of the same speaker; and that speaker."""

    sentences: tuple[Sentence, ...]
    speakers: tuple[Argument, ...]


@dataclass(frozen=True)
class _Closed:
    """Where the last quotation closed, and who spoke it."""

    sentence: int = -1
    speakers: tuple[Argument, ...] = ()


@dataclass
class QuotationTracker:
    """Follows quotations from sentence to sentence of an article: whether one is open, who speaks
    it, and the sentences of one whose speaker is not named yet. One sentence at a time, in order:
    ``enter`` (the sentence read with its quotation's speaker as its "I" and "we"), then ``words``
    (the frames of its quoted words whose speaker is known), then ``leave`` (a quotation whose
    speaker this sentence names, if any)."""

    open: bool = False
    speaker: list[Argument] = field(default_factory=list)  # who speaks the open quotation
    introduced: bool = False  # found by a verb other than of saying ('Trump defended his decision, "..."')
    held: list[Sentence] = field(default_factory=list)  # the open quotation's sentences, its speaker not yet named
    closed: _Closed = field(default_factory=_Closed)
    _introducers: list[Argument] = field(default_factory=list)  # who introduces the entered sentence's quoted words

    def enter(self, s: Sentence) -> Sentence:
        """The sentence as the words of the quotation's speaker, where the tracker knows who that is;
        a paragraph opening without a quotation mark ends a quotation left open."""
        if self.open and paragraph_closes(s):
            self.open, self.speaker, self.introduced, self.held = False, [], False, []
        self._introducers = introducers(s, self.open)
        return spoken_by(s, self._introducers or (self.speaker if self.open else []))

    def words(self, s: Sentence) -> list[Frame]:
        """The entered sentence's quoted words read as its speaker's: a quotation running on, or words
        that a verb other than of saying introduces or follows ('Trump defended his decision, "..."',
        '"...", Graham continued.')."""
        if self.open and self.speaker and not _closes_at_once(s):
            return list(quote_frames(s, self.speaker, mechanisms=("quote-introduced",) if self.introduced else ()))
        if self._introducers:
            return list(quote_frames(s, self._introducers, quoted_tokens(s, self.open), ("quote-introduced",)))
        return []

    def leave(self, s: Sentence) -> HeldQuotation | None:
        """Move past the entered sentence; a held quotation whose speaker it names where the quotation
        ends (a sentence opening with the closing mark names the speaker of its own quotation), or
        who spoke the quotation closed just before it."""
        closes_at_once = _closes_at_once(s)
        was_open = self.open
        self.open, opened = quote_state(s.sent.text, was_open)
        named = s.phrases.speakers() or self._introducers
        attributed = None
        if self.held and not self.open:
            named_here = [] if closes_at_once else outside_speakers(s, was_open)
            same = list(self.closed.speakers) if self.closed.sentence == self.held[0].number - 1 else []
            speakers = named_here or same
            if speakers:
                attributed = HeldQuotation(tuple(self.held + ([] if closes_at_once else [s])), tuple(speakers))
            self.held = []
        elif self.held:
            self.held.append(s)
        if opened and not named:
            self.held = [s]
        if not self.open and (was_open or any(mark in s.sent.text for mark in _QUOTE_MARKS)):
            self.closed = _Closed(s.number, tuple(named or self.speaker))
        if opened:
            self.speaker, self.introduced = named, bool(self._introducers)
        elif not self.open:
            self.speaker, self.introduced = [], False
        return attributed


def _closes_at_once(s: Sentence) -> bool:
    """Whether the sentence opens with a closing mark: the previous sentence's quotation ends here."""
    return s.sent.text.lstrip()[:1] in ('"', "”")
