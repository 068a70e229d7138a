"""Event typing against the PLOVER gold-standard sentences (``shared/eval/plover/dev.jsonl``).

Each record is one sentence with one political event: its PLOVER category and the source and
target actor texts. polgraph reads the sentence as an article with no date; the relation scored is
the one it extracts from an actor matching a gold source to an actor matching a gold target (any
target when the record gives none), else one from an actor matching a gold source, else the
sentence's main event (highest confidence, then first). Its category is the relation's ``plover`` property.

The ontology stores the gold standard's PLOVER names (graph/ontology.py): CALLS_FOR = DEMAND,
CRITICIZES = DISAPPROVE, INVESTIGATES = INVESTIGATE, YIELDS = CONCEDE or RETREAT and ASSAULTS =
ASSAULT or FIGHT by the verb. Statements (COMMENTS_ON) are no PLOVER event and are not scored.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from polgraph.exceptions import InputError
from polgraph.graph.model import ArticleGraph, Relation
from polgraph.graph.ontology import EVENT_TYPES, by_name
from polgraph.loaders.registry import Registry, norm

__all__ = [
    "GOLD_TO_PLOVER",
    "CategoryScore",
    "PloverOutcome",
    "PloverRecord",
    "PloverSummary",
    "actor_ids",
    "pick_relation",
    "plover_folds",
    "plover_of",
    "read_plover",
    "score_record",
    "summarize",
]

# The gold file and the ontology use the same PLOVER names (graph/ontology.py); kept as a table
# for gold files written with older names.
GOLD_TO_PLOVER = {"REQUEST": "DEMAND", "ACCUSE": "DISAPPROVE"}
_EVENT_NAMES = frozenset(t.name for t in EVENT_TYPES)
_MAX_NGRAM = 4  # longest word run of a gold actor text looked up in the registry ("United Arab Emirates")


@dataclass(frozen=True)
class PloverRecord:
    id: str
    text: str
    event: str  # as in the gold file
    source: tuple[str, ...] = ()
    target: tuple[str, ...] = ()
    source_codes: tuple[str, ...] = ()  # CAMEO/ISO country codes of the source actors ("USA", "IGO")

    @property
    def category(self) -> str:
        """The gold category in the ontology's PLOVER names."""
        return GOLD_TO_PLOVER.get(self.event, self.event)


def read_plover(path: Path) -> list[PloverRecord]:
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(str(path), f"cannot read ({exc.strerror or exc})") from exc
    records = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            doc = json.loads(line)
        except ValueError as exc:
            raise InputError(f"{path}:{number}", f"not valid JSON ({exc})") from None
        if not isinstance(doc, dict) or not isinstance(doc.get("text"), str) or not doc.get("event"):
            raise InputError(f"{path}:{number}", "a PLOVER record needs 'text' and 'event'")
        source, target = doc.get("source") or [], doc.get("target") or []
        if not isinstance(source, list) or not isinstance(target, list):
            raise InputError(f"{path}:{number}", "'source' and 'target' must be lists")
        records.append(
            PloverRecord(
                id=str(doc.get("id") or f"line {number}"),
                text=doc["text"],
                event=str(doc["event"]),
                source=tuple(map(str, source)),
                target=tuple(map(str, target)),
                source_codes=tuple(map(str, doc.get("source_codes") or ())),
            )
        )
    if not records:
        raise InputError(str(path), "no PLOVER records")
    return records


def plover_folds(records: Sequence[PloverRecord], k: int) -> list[list[PloverRecord]]:
    """K folds of the records for measuring typing rules on sentences they were not written for.

    The gold sentences carry no source article, so a record's fold is a stable hash of its text
    (SHA-1, not ``hash()``, which follows PYTHONHASHSEED): the same split every run, whatever the
    file's order, and a sentence listed twice stays in one fold."""
    if k < 2:
        raise ValueError(f"folds need k >= 2, not {k}")
    folds: list[list[PloverRecord]] = [[] for _ in range(k)]
    for record in records:
        folds[int(hashlib.sha1(record.text.encode("utf-8")).hexdigest(), 16) % k].append(record)
    return folds


@dataclass(frozen=True)
class PloverOutcome:
    record: PloverRecord
    relation: Relation | None = None
    how: str = ""  # "pair": between gold actors, "source": from a gold source, "main": the main event, "": none
    predicted: str = ""  # PLOVER category of the relation
    dyad: bool = False  # its source actor is the gold source: by country code where one names a state, else by text

    @property
    def found(self) -> bool:
        return self.relation is not None

    @property
    def correct(self) -> bool:
        return self.found and self.predicted == self.record.category

    @property
    def dyad_correct(self) -> bool:
        """Event and dyad: the category right and the source actor the gold source."""
        return self.correct and self.dyad


def actor_ids(text: str, graph: ArticleGraph, registry: Registry | None = None) -> set[str]:
    """Ids of the graph's actor and topic nodes a gold actor text stands for.

    Lenient on purpose (the text is often a whole phrase, "British Defence Secretary Tom King"):
    a node matches when its name or an alias equals the text or appears in it as a run of words,
    or when the registry resolves the text, or a run of its words, to the node (demonyms:
    "Hungarian" -> Hungary; "Israeli army" -> Israel).
    """
    words = norm(text).split()
    if not words:
        return set()
    found: set[str] = set()
    for actor in graph.actors:
        if any(_contains(words, norm(n).split()) for n in (actor.name, *actor.aliases)):
            found.add(actor.id)
    for topic in graph.topics:
        if _contains(words, norm(topic.name).split()):
            found.add(topic.id)
    if registry is not None:
        ids = {a.id for a in graph.actors}
        for size in range(min(_MAX_NGRAM, len(words)), 0, -1):
            for start in range(len(words) - size + 1):
                phrase = " ".join(words[start : start + size])
                hit = registry.place(phrase) or registry.by_name(phrase)
                if hit is not None and hit.id in ids:
                    found.add(hit.id)
    return found


def _contains(words: list[str], part: list[str]) -> bool:
    if not part or len(part) > len(words):
        return False
    return any(words[i : i + len(part)] == part for i in range(len(words) - len(part) + 1))


def pick_relation(record: PloverRecord, graph: ArticleGraph, registry: Registry | None = None) -> tuple[Relation | None, str]:
    """The relation whose category is scored, and how it was chosen ("pair", "source", "main" or "")."""
    events = [r for r in graph.relations if r.type in _EVENT_NAMES and plover_of(r)]  # statements are no PLOVER event
    if not events:
        return None, ""
    sources = set().union(*(actor_ids(t, graph, registry) for t in record.source)) if record.source else set()
    targets = set().union(*(actor_ids(t, graph, registry) for t in record.target)) if record.target else set()
    if sources:
        pair = [r for r in events if r.source in sources and (not record.target or r.target in targets)]
        if pair:
            return _best(pair), "pair"
        # The gold source acting on something else (often a topic holding the target: "rejected
        # an Indian proposal") is closer to the gold event than another actor's act.
        acting = [r for r in events if r.source in sources]
        if acting:
            return _best(acting), "source"
    return _best(events), "main"


def _best(relations: Sequence[Relation]) -> Relation:
    # Highest confidence; among equals the first in article order (sentence, then extraction order).
    order = {id(r): i for i, r in enumerate(relations)}
    return min(relations, key=lambda r: (-r.confidence, r.sentence, order[id(r)]))


def plover_of(relation: Relation) -> str:
    """The relation's PLOVER category: its ``plover`` property, else its type's."""
    if relation.plover:
        return relation.plover
    try:
        return by_name(relation.type).plover
    except KeyError:
        return ""


def score_record(record: PloverRecord, graph: ArticleGraph, registry: Registry | None = None) -> PloverOutcome:
    relation, how = pick_relation(record, graph, registry)
    if relation is None:
        return PloverOutcome(record)
    return PloverOutcome(record, relation, how, plover_of(relation), _same_source(record, relation, how, graph, registry))


def source_states(record: PloverRecord, registry: Registry | None) -> set[str]:
    """The registry's states named by the record's source codes (none for "IGO", "NGO", ...)."""
    if registry is None:
        return set()
    return {s.id for s in (registry.state_by_code(code) for code in record.source_codes) if s is not None}


def _same_source(record: PloverRecord, relation: Relation, how: str, graph: ArticleGraph, registry: Registry | None) -> bool:
    """Whether the relation's source is the record's: its state (itself, its country or the state
    it holds an office of) among the states of the gold source codes; for codes that name no
    state (an IGO, an NGO), its name among the gold source texts."""
    states = source_states(record, registry)
    if not states:
        return how in ("pair", "source")
    actor = next((a for a in graph.actors if a.id == relation.source), None)
    if actor is None:
        return False
    own = {actor.id} if actor.kind == "state" else set()
    own |= {actor.country} if actor.country else set()
    own |= {role.of for role in actor.roles if role.of}
    return bool(own & states)


@dataclass
class CategoryScore:
    category: str  # gold category as in the file
    sentences: int = 0
    found: int = 0
    right: int = 0
    dyad_right: int = 0  # right category and right source actor
    predicted: Counter[str] = field(default_factory=Counter)  # what polgraph said, when it found one

    @property
    def coverage(self) -> float | None:
        return self.found / self.sentences if self.sentences else None

    @property
    def accuracy(self) -> float | None:
        return self.right / self.found if self.found else None

    @property
    def dyad_accuracy(self) -> float | None:
        return self.dyad_right / self.found if self.found else None

    def as_dict(self) -> dict[str, Any]:
        return {
            "category": self.category,
            "sentences": self.sentences,
            "found": self.found,
            "right": self.right,
            "coverage": self.coverage,
            "accuracy": self.accuracy,
            "dyad_right": self.dyad_right,
            "dyad_accuracy": self.dyad_accuracy,
            "predicted": dict(self.predicted.most_common()),
        }


@dataclass
class PloverSummary:
    total: CategoryScore
    categories: list[CategoryScore]
    how: Counter[str]  # pair / source / main

    def as_dict(self) -> dict[str, Any]:
        return {
            **{k: v for k, v in self.total.as_dict().items() if k != "category"},
            "chosen_by": dict(self.how),
            "categories": [c.as_dict() for c in self.categories],
        }


def summarize(outcomes: Iterable[PloverOutcome]) -> PloverSummary:
    total = CategoryScore("TOTAL")
    per: dict[str, CategoryScore] = {}
    how: Counter[str] = Counter()
    for outcome in outcomes:
        for score in (total, per.setdefault(outcome.record.event, CategoryScore(outcome.record.event))):
            score.sentences += 1
            if outcome.found:
                score.found += 1
                score.predicted[outcome.predicted] += 1
                if outcome.correct:
                    score.right += 1
                if outcome.dyad_correct:
                    score.dyad_right += 1
        if outcome.found:
            how[outcome.how] += 1
    categories = sorted(per.values(), key=lambda c: (-c.sentences, c.category))
    return PloverSummary(total, categories, how)

