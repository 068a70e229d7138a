"""What every mention finder shares: the article's actors and mentions, language data, names."""

from __future__ import annotations

import difflib
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from polgraph.graph.model import Actor, slugify
from polgraph.loaders.language_data import language_data as data_file
from polgraph.loaders.places import subnational_place
from polgraph.loaders.registry import Registry, norm
from polgraph.loaders.sectors import agent_nouns

__all__ = [
    "generic_nouns",
    "language_data",
    "proxy_words",
    "Mention",
    "ArticleActors",
    "Proposal",
    "Proposals",
    "resolve",
    "TITLE_HEADS",
    "place_of",
    "compound_text",
    "person_actor",
    "surname_holder",
    "shared_surname",
    "name_prefix",
    "same_person",
    "state_phrase",
    "similar_names",
    "drop_mention",
    "with_hyphenated_start",
    "group_actor",
    "introduced_as_body",
    "main_state",
    "people_of",
    "party_members",
]


@lru_cache(maxsize=1)
def language_data() -> dict:
    return data_file("proxies.yaml")


@lru_cache(maxsize=None)
def proxy_words(*keys: str) -> frozenset[str]:
    """The words of lists of ``proxies.yaml`` as one set, built once: for membership tests only."""
    data = language_data()
    return frozenset(w for key in keys for w in data[key])


@lru_cache(maxsize=1)
def generic_nouns() -> frozenset[str]:
    """Nouns that name a kind of institution or of people, not one ("Court", "Senate", "workers"):
    institution heads, state proxies and people nouns (``proxies.yaml``), and one-word agent
    nouns (``sectors.tsv``)."""
    data = language_data()
    words = {*data["institutions"], *data["state_proxies"], *data["people_nouns"], *data["generic_nouns"]}
    words |= {phrase for phrase in agent_nouns() if " " not in phrase}
    return frozenset(norm(w) for w in words)


def state_phrase(state: Actor) -> str:
    """A state's name as English puts it after "of": "Iraq", "the United Kingdom"."""
    definite = {norm(w) for w in language_data()["definite_state_words"]}
    return f"the {state.name}" if definite & set(norm(state.name).split()) else state.name


@dataclass
class Mention:
    start: int
    end: int
    actor: str
    how: str  # registry | role | entity | proxy | pronoun | surname


@dataclass
class ArticleActors:
    """What the mention finder knows about one article: its actors and where each is mentioned."""

    registry: Registry
    published: date | None
    actors: dict[str, Actor] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    by_token: dict[int, Mention] = field(default_factory=dict)
    role_tokens: dict[int, str] = field(default_factory=dict)  # title noun -> actor id
    new_ids: set[str] = field(default_factory=set)  # actors the registry did not know
    title_extra: dict[int, list[int]] = field(default_factory=dict)  # "of State" in "Secretary of State"
    blocked: frozenset[int] = frozenset()  # tokens no mention covers: picture captions (:func:`caption_tokens`)

    dropped: list[Mention] = field(default_factory=list)  # in a draft: settled mentions a longer name takes over

    def add(self, start: int, end: int, actor: Actor, how: str) -> Mention | None:
        """In a finder's draft: propose a mention (refused where the draft already has one)."""
        if any(i in self.by_token for i in range(start, end)):
            return None
        mention = Mention(start, end, actor.id, how)
        self.actors.setdefault(actor.id, actor)
        self.mentions.append(mention)
        for i in range(start, end):
            self.by_token[i] = mention
        return mention

    def draft(self) -> "ArticleActors":
        """A working copy for one finder: it sees the settled mentions and its own proposals,
        and changes nothing settled; :func:`resolve` settles what it proposes."""
        return ArticleActors(
            self.registry, self.published, dict(self.actors), list(self.mentions), dict(self.by_token),
            dict(self.role_tokens), set(self.new_ids), {k: list(v) for k, v in self.title_extra.items()},
            self.blocked,
        )

    def proposals(self, settled: "ArticleActors") -> "Proposals":
        """What this draft proposes on top of ``settled``, the state it was drafted from."""
        known = {id(m) for m in settled.mentions}
        dropped = {id(m) for m in self.dropped}
        spans = []
        for m in self.mentions:
            if id(m) in known:
                continue
            takes_over = any(id(d) in dropped and m.start <= d.start and d.end <= m.end for d in settled.mentions)
            spans.append(Proposal(m.start, m.end, self.actors[m.actor], m.how, takes_over))
        return Proposals(
            spans=spans,
            role_tokens={i: a for i, a in self.role_tokens.items() if settled.role_tokens.get(i) != a},
            title_extra={i: v for i, v in self.title_extra.items() if i not in settled.title_extra},
            actors={k: a for k, a in self.actors.items() if settled.actors.get(k) is not a},
            new_ids=self.new_ids - settled.new_ids,
        )

    def actor_at(self, token: Token) -> str | None:
        if token.i in self.role_tokens:
            return self.role_tokens[token.i]
        mention = self.by_token.get(token.i)
        return mention.actor if mention else None


@dataclass(frozen=True)
class Proposal:
    """A span a finder says names an actor."""

    start: int
    end: int
    actor: Actor
    how: str
    takes_over: bool = False  # a longer name that replaces the names inside it ("the Parliament of Iraq")


@dataclass
class Proposals:
    """What one finder found: mention spans, title words that stand for an office holder, and what
    it learnt about actors (a holder named by a title, a person's country)."""

    spans: list[Proposal] = field(default_factory=list)
    role_tokens: dict[int, str] = field(default_factory=dict)
    title_extra: dict[int, list[int]] = field(default_factory=dict)
    actors: dict[str, Actor] = field(default_factory=dict)
    new_ids: set[str] = field(default_factory=set)


def resolve(found: ArticleActors, proposals: Proposals) -> None:
    """The one place mentions are settled, in the manner of spaCy's ``filter_spans``: longest span
    first, then the earliest; a span overlapping a settled mention is dropped, unless it takes over
    and holds every mention it overlaps whole (then those are dropped)."""
    spans = [p for p in proposals.spans if not any(i in found.blocked for i in range(p.start, p.end))]
    unnamed = {p.actor.id for p in proposals.spans} - {p.actor.id for p in spans}
    found.actors.update({k: a for k, a in proposals.actors.items() if k not in unnamed})  # named in a caption only
    found.new_ids |= proposals.new_ids - unnamed
    accepted: list[Mention] = []
    for p in sorted(spans, key=lambda p: (-(p.end - p.start), p.start)):
        overlapped = {id(m): m for m in (found.by_token.get(i) for i in range(p.start, p.end)) if m is not None}
        if overlapped and not (p.takes_over and all(p.start <= m.start and m.end <= p.end for m in overlapped.values())):
            continue
        for m in overlapped.values():
            found.mentions.remove(m)
            for i in range(m.start, m.end):
                found.by_token.pop(i, None)
        found.actors.setdefault(p.actor.id, p.actor)
        mention = Mention(p.start, p.end, p.actor.id, p.how)
        accepted.append(mention)
        for i in range(p.start, p.end):
            found.by_token[i] = mention
    found.mentions[:] = sorted(found.mentions + accepted, key=lambda m: m.start)
    found.role_tokens.update({i: a for i, a in proposals.role_tokens.items() if i not in found.blocked})
    for i, extra in proposals.title_extra.items():
        found.title_extra.setdefault(i, extra)


# A picture's caption: "Jo Jorgensen Image: Jo Jorgensen for President." (the subject, then the
# credit, on a line of its own); no longer than this.
_CAPTION_CHARS = 160


def caption_tokens(doc: Doc) -> frozenset[int]:
    """Tokens of the lines that caption a picture, "NAME Image: CREDIT." (the text of an article
    with its pictures' captions; the name may be glued to "Image"): a caption names who is shown
    and who took the picture ("Ross Perot Image: Allan Warren."), neither an act nor an actor of
    the article."""
    text = doc.text
    spans = []
    for token in doc[:-1]:
        if token.text.endswith("Image") and doc[token.i + 1].text == ":":
            start = text.rfind("\n", 0, token.idx) + 1
            end = text.find("\n", token.idx)
            end = len(text) if end < 0 else end
            if end - start <= _CAPTION_CHARS:
                spans.append(doc.char_span(start, end, alignment_mode="expand"))
    return frozenset(i for span in spans if span is not None for i in range(span.start, span.end))


TITLE_HEADS = {
    "president",
    "leader",
    "minister",
    "secretary",
    "general",
    "chancellor",
    "premier",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "head",
    "chief",
    "king",
    "queen",
    "emir",
    "ruler",
    "representative",
    "chairperson",
    "chairman",
    "chair",
    "speaker",
    "diplomat",
    "monarch",
    "strongman",
    "executive",
    "pm",
    "vice-president",
}


def place_of(token: Token, found: ArticleActors) -> Actor | None:
    """A state or organisation a modifier or object token names (demonym, name, capital)."""
    registry = found.registry
    mention = found.by_token.get(token.i)
    if mention is not None:
        actor = found.actors[mention.actor]
        return actor if actor.kind != "person" else None
    span_text = compound_text(token)
    return registry.place(span_text) or registry.place(token.text)


def compound_text(token: Token) -> str:
    left = [c for c in token.lefts if c.dep_ == "compound"]
    start = min([token.i] + [c.left_edge.i for c in left])
    return token.doc[start : token.i + 1].text


def person_actor(name: str, found: ArticleActors) -> Actor:
    """The actor a person's name means: registry, an article person with that surname, or new."""
    known = found.registry.by_name(name)
    if known is not None:
        return known
    parts = name.split()
    for actor in found.actors.values():
        if actor.kind == "person" and same_person(parts, actor):
            return actor
    if len(parts) == 1:
        known = _registry_surname(name, found)
        if known is not None:
            return known
    actor = Actor(id=slugify(name), name=name, kind="person")
    found.new_ids.add(actor.id)
    return actor


def surname_holder(name: str, found: ArticleActors) -> Actor | None:
    """The one person a bare surname ("Trump", "De La Fuente") names: the article's person of that
    surname, else the registry's (see :func:`_registry_surname`); of several, the one in office on
    the article's date. None when no one, or several alike, could be meant."""
    people = _people_of_surname(name, found)
    if people:
        return people[0] if len(people) == 1 else None
    return _registry_surname(name, found) if len(norm(name).split()) == 1 else None


def shared_surname(name: str, found: ArticleActors) -> bool:
    """Whether a bare surname is that of several people of the article, none of them in office
    ("Mendez" where Tony and Jonna Mendez are both named): it names one of them, no one can say which."""
    return len(_people_of_surname(name, found)) > 1


def _people_of_surname(name: str, found: ArticleActors) -> list[Actor]:
    words = norm(name).split()
    if not words:
        return []
    people = {}
    for actor in found.actors.values():
        theirs = norm(actor.name).split()
        if actor.kind == "person" and len(theirs) > len(words) and (
            theirs[-len(words):] == words or (len(words) == 1 and similar_names(words[0], theirs[-1]))
            or (len(words) == 1 and len(theirs) >= 3 and similar_names(words[0], theirs[-2]))  # a first surname: "Rosselló"
        ):
            people[actor.id] = actor
    if len(people) > 1:
        in_office = [a for a in people.values() if _in_office(a, found.published)]
        return in_office if len(in_office) == 1 else list(people.values())
    return list(people.values())


def name_prefix(token: Token, found: ArticleActors) -> bool:
    """A word glued before a name that is not part of it: a state or a province ("Belarus
    Alexander Lukashenko", "Vermont Bernie Sanders"), a party member's noun ("Democrat Chuck
    Schumer"), a medium named as the source ("Twitter the Federal Aviation Administration")."""
    data = language_data()
    if token.text in data["not_actors"] or norm(token.text) in data["affiliations"]:
        return True
    return found.registry.place(token.text) is not None or subnational_place(token.text, found.registry) is not None


def _in_office(actor: Actor, day: date | None) -> bool:
    return any(r.active_on(day) for r in actor.roles if r.start or r.end)


def _in_office_by(actor: Actor, day: date | None) -> bool:
    """Whether a person has held an office of the registry by ``day`` (a former president named by
    surname is still that president; one whose offices all come later is not yet known by it)."""
    return any(day is None or r.start is None or r.start <= day for r in actor.roles)


def _registry_surname(name: str, found: ArticleActors) -> Actor | None:
    """The registry's one person of that surname; of several, the one in office on the article's
    date, else the one of a state the article names, when just one is."""
    candidates = found.registry.by_surname(name)
    states = {a.id for a in found.actors.values() if a.kind == "state"}
    if len(candidates) > 1:
        in_office = [a for a in candidates if _in_office(a, found.published)]
        if len(in_office) == 1:
            return in_office[0]
        candidates = [a for a in candidates if a.country in states]
    if (len(candidates) == 1 and candidates[0].country and candidates[0].country not in states
            and not _in_office_by(candidates[0], found.published)):
        return None  # "a student named Wong" in 2019 Hong Kong is no Australian minister of 2022
    return candidates[0] if len(candidates) == 1 else None


def same_person(parts: list[str], actor: Actor) -> bool:
    for full in (actor.name, *actor.aliases):
        theirs = norm(full).split()
        mine = [norm(p) for p in parts]
        if not theirs or not mine or not mine[-1]:
            continue
        if len(mine) == 1 and similar_names(mine[0], theirs[-1]):
            return True
        if len(mine) > 1 and similar_names(mine[-1], theirs[-1]) and _given_names_agree(mine[0], theirs[0]):
            return True
        if mine[0] == theirs[0] and (
            (len(mine) >= 3 and len(theirs) >= 2 and similar_names(mine[-2], theirs[-1]))
            or (len(theirs) >= 3 and len(mine) >= 2 and similar_names(mine[-1], theirs[-2]))
        ):
            return True  # one with a second surname: "Pedro R. Pierluisi Urrutia" is "Pedro Pierluisi"
    return False


def _given_names_agree(mine: str, theirs: str) -> bool:
    """ "J." and "John", "Joe" and "Joseph", "Mike" and "Michael": an initial, or a short form that
    shares the given name's first two letters. Not "Abdullah" and "Alan": kin of one surname."""
    if len(mine) <= 2 or len(theirs) <= 2:
        return mine[:1] == theirs[:1]
    return mine[:2] == theirs[:2]


def similar_names(a: str, b: str) -> bool:
    if a == b:
        return True
    return len(a) >= 5 and a[:4] == b[:4] and difflib.SequenceMatcher(None, a, b).ratio() >= 0.8


def drop_mention(found: ArticleActors, mention: Mention) -> None:
    """In a finder's draft: give a settled mention up to a longer name about to be proposed."""
    for i in range(mention.start, mention.end):
        if found.by_token.get(i) is mention:
            del found.by_token[i]
    found.mentions.remove(mention)
    found.dropped.append(mention)


def with_hyphenated_start(span: Span, found: ArticleActors) -> Span:
    """spaCy often starts "Adil Abdul-Mahdi" at "Mahdi": take the hyphenated and compound names before."""
    doc = span.doc
    start = span.start
    while (
        start >= 2 and doc[start - 1].text == "-" and not doc[start - 2].whitespace_ and doc[start - 2].pos_ == "PROPN"
    ):
        start -= 2
    for _ in range(2):  # given names before the hyphenated part
        prev = doc[start - 1] if start >= 1 else None
        if prev is None or start == span.start or prev.pos_ != "PROPN" or prev.i in found.by_token:
            break
        if prev.lower_ in TITLE_HEADS or norm(prev.text) in found.registry.titles.honorifics:
            break
        if found.registry.place(prev.text) is not None or not prev.text[:1].isupper():
            break
        start -= 1
    return doc[start : span.end]


def group_actor(name: str, found: ArticleActors, country: str | None = None) -> Actor:
    same = next((a for a in found.actors.values() if norm(a.name) == norm(name)), None)
    if same is not None:
        return same
    actor = Actor(id=slugify(name), name=name, kind="group", country=country)
    found.new_ids.add(actor.id)
    return actor


def introduced_as_body(span: Span) -> bool:
    """Whether a name follows a noun that says it is an organisation ("the rights group National
    Coalition for Men", "the organization Equally American"): the article presents it as a body, an
    actor of its own, not a thing's acronym ("a special military operation (SVO)"). By position, not
    by the parse, which often takes a name of common words ("Equally American") for something else."""
    doc = span.doc
    if span.start == 0:
        return False
    noun = doc[span.start - 1]
    return (noun.pos_ == "NOUN" and noun.is_lower and noun.lemma_ in proxy_words("organization_nouns")
            and all(t.text[:1].isupper() or t.is_punct or t.lower_ in ("of", "for", "and", "the") for t in span))


def main_state(found: ArticleActors) -> Actor | None:
    """The state the article names most often, when no other is named as often."""
    counts = Counter(m.actor for m in found.mentions if found.actors[m.actor].kind == "state")
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return found.actors[ranked[0][0]]


def people_of(state: Actor, found: ArticleActors) -> str:
    """How English names a state's people before a noun: its adjective ("Serbian protesters"),
    the state's name where the registry's first demonym is a noun ("Hong Kong", not "Hongkonger")."""
    adjective = found.registry.adjective(state.id)
    return adjective if adjective and not adjective.lower().endswith(("er", "ers")) else state.name


def party_members(words: list[str]) -> str | None:
    """The party plural ("Republicans") that a party's adjective before a noun of members in a body
    names: "Republican Representatives", "Democratic lawmakers"; else None."""
    data = language_data()
    if len(words) != 2 or norm(words[1]) not in data["member_nouns"]:
        return None
    return data["party_members"].get(norm(words[0]))
