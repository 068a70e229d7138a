"""Score one article's load against its reference reading (rules: ``shared/eval/README.md``).

Input is the graph of a store holding exactly that one article (``store.to_networkx()``, shared
layout): its Actor nodes are "the actor nodes the article produced", its edges whose type is an
event type are "the article's event relations".

Actors. A node matches a gold actor when its ``name`` equals the actor's name, an ``also`` or a
``mentions`` entry (``name_key``: case, accents and spacing ignored), or a ``duplicate_of`` name of
that actor. Each gold actor has at most one *primary* node (the best of its matching nodes that is
not a ``duplicate_of`` name: canonical name, then an ``also``, then a mention); every other
matching node is a second node of the one actor it fits best, a duplicate, and wrong. Recall
counts the non-optional actors with exactly one node, that node being primary. Precision counts primary
nodes over all Actor nodes. An optional actor costs nothing either way: it is left out of recall,
and its primary node is left out of precision's numerator and denominator alike (counting it as
right would make leaving it out a penalty); a second node for it is still a wrong duplicate.

Relations. A relation matches a gold item when its source node matches the item's source, its
type is one of the item's types and its target node matches one of the item's targets (``"*"``:
any Actor or Topic node). Recall: required items matched by at least one relation. Precision:
relations matching a required or optional item, over all event relations. A relation matching a
forbidden item is a forbidden hit (reported on its own; the README does not take it out of the
numerator when it also matches an allowed item, so neither does this).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from typing import Any

import networkx as nx

from polgraph.evaluation.gold import ANY, Gold, GoldActor, GoldRelation, name_key
from polgraph.graph.codec import LABELS, TYPE
from polgraph.graph.ontology import EVENT_TYPES

__all__ = [
    "ArticleScore",
    "Counts",
    "MissCause",
    "NodeMiss",
    "ProducedRelation",
    "RelationMiss",
    "f1",
    "ratio",
    "score_article",
    "summed",
]

_EVENT_NAMES = frozenset(t.name for t in EVENT_TYPES)


def ratio(num: int, den: int) -> float | None:
    """``num / den``; None when nothing was there to count (shown as n/a, never as 0 or 1)."""
    return num / den if den else None


def f1(precision: float | None, recall: float | None) -> float | None:
    if precision is None or recall is None:
        return None
    if precision + recall == 0:
        return 0.0
    return 2 * precision * recall / (precision + recall)


@dataclass
class Counts:
    """Raw counts; summing them over articles gives the micro-averaged totals."""

    actors_gold: int = 0  # non-optional gold actors
    actors_found: int = 0  # of those, matched by exactly one (primary) node
    nodes: int = 0  # Actor nodes produced
    nodes_correct: int = 0  # primary nodes of non-optional gold actors
    nodes_optional: int = 0  # primary nodes of optional actors: neither right nor wrong
    duplicate_nodes: int = 0  # second nodes of a gold actor and duplicate_of names
    extra_nodes: int = 0  # nodes matching no gold actor
    relations_required: int = 0
    required_found: int = 0
    relations: int = 0  # event relations produced
    relations_correct: int = 0  # matching a required or optional item
    forbidden_hits: int = 0  # relations matching a forbidden item

    def __add__(self, other: "Counts") -> "Counts":
        return Counts(**{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)})

    @property
    def actor_precision(self) -> float | None:
        return ratio(self.nodes_correct, self.nodes - self.nodes_optional)

    @property
    def actor_recall(self) -> float | None:
        return ratio(self.actors_found, self.actors_gold)

    @property
    def actor_f1(self) -> float | None:
        return f1(self.actor_precision, self.actor_recall)

    @property
    def relation_precision(self) -> float | None:
        return ratio(self.relations_correct, self.relations)

    @property
    def relation_recall(self) -> float | None:
        return ratio(self.required_found, self.relations_required)

    @property
    def relation_f1(self) -> float | None:
        return f1(self.relation_precision, self.relation_recall)

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {f.name: getattr(self, f.name) for f in fields(self)}
        for name in ("actor_precision", "actor_recall", "actor_f1", "relation_precision", "relation_recall", "relation_f1"):
            out[name] = getattr(self, name)
        return out


@dataclass(frozen=True)
class NodeMiss:
    """A gold actor not recalled, with the names of the nodes that matched it (none, or several)."""

    actor: str
    nodes: tuple[str, ...] = ()


class MissCause(enum.StrEnum):
    """Why a required item was not matched: the first of these that holds."""

    NO_NODE = "no node"  # an actor of the item has no node
    OTHER_TYPE = "other type"  # a relation between its actors, of a type the item does not allow
    REVERSED = "reversed"  # a relation of its type from its target to its source
    NOT_EXTRACTED = "not extracted"  # nothing between its actors


@dataclass(frozen=True)
class RelationMiss:
    """A required item no relation matched, why, and a hint for people."""

    item: GoldRelation
    cause: MissCause
    why: str


@dataclass(frozen=True)
class ProducedRelation:
    source: str  # node names
    type: str
    target: str
    sentence: int
    evidence: str
    confidence: float

    def describe(self) -> str:
        return f"{self.source} -{self.type}-> {self.target}"


@dataclass
class ArticleScore:
    article: str
    counts: Counts
    missed_actors: list[NodeMiss] = field(default_factory=list)
    duplicate_nodes: list[tuple[str, str]] = field(default_factory=list)  # (node name, gold actor)
    extra_nodes: list[str] = field(default_factory=list)
    missing_relations: list[RelationMiss] = field(default_factory=list)
    wrong_relations: list[tuple[ProducedRelation, str]] = field(default_factory=list)  # (relation, why)
    forbidden_hits: list[tuple[ProducedRelation, GoldRelation]] = field(default_factory=list)
    relation_allowed: dict[str, bool] = field(default_factory=dict)  # relation id -> matches an allowed item


@dataclass(frozen=True)
class _Node:
    id: str
    name: str
    is_actor: bool
    is_topic: bool


def score_article(graph: Any, gold: Gold, article: str = "") -> ArticleScore:
    """Score ``graph`` (a store or its ``to_networkx()`` graph, holding one article) against ``gold``."""
    if not isinstance(graph, nx.Graph):
        graph = graph.to_networkx()
    nodes = {n: _node(n, data) for n, data in graph.nodes(data=True)}
    score = ArticleScore(article=article or gold.article, counts=Counts())
    node_actors = _score_actors(nodes, gold, score)
    _score_relations(graph, nodes, node_actors, gold, score)
    return score


def _node(node_id: Any, data: dict[str, Any]) -> _Node:
    labels = data.get(LABELS) or ()
    return _Node(str(node_id), str(data.get("name") or node_id), "Actor" in labels, "Topic" in labels)


# -- actors ----------------------------------------------------------------------------------
def _score_actors(nodes: dict[Any, _Node], gold: Gold, score: ArticleScore) -> dict[Any, set[str]]:
    """Fill the actor counts; return, for every node, the keys of the gold actors it stands for."""
    counts = score.counts
    dup_of: dict[str, set[str]] = {}  # name key of a duplicate name -> gold actor keys
    for dup in gold.duplicates:
        actor = next(a for a in gold.actors if name_key(dup.of) in a.strong_keys)
        dup_of.setdefault(name_key(dup.name), set()).add(name_key(actor.name))

    node_actors: dict[Any, set[str]] = {}
    for n, node in nodes.items():
        key = name_key(node.name)
        node_actors[n] = {name_key(a.name) for a in gold.actors if key in a.keys} | dup_of.get(key, set())

    actor_nodes = [n for n, node in nodes.items() if node.is_actor]
    candidates: dict[str, list[Any]] = {name_key(a.name): [] for a in gold.actors}
    for n in actor_nodes:
        for actor_key in node_actors[n]:
            candidates[actor_key].append(n)

    # Primary nodes, best pairs first across all actors, so that a node named like one actor is not
    # taken by another actor it merely mentions ("Ukrainian" names Ukraine, not its president).
    pairs = sorted(
        (_preference(nodes[n], actor, node_actors[n]), i, n)
        for i, actor in enumerate(gold.actors)
        for n in candidates[name_key(actor.name)]
        if name_key(actor.name) not in dup_of.get(name_key(nodes[n].name), ())
    )
    primary: dict[str, Any] = {}
    taken: dict[Any, GoldActor] = {}  # primary node -> its actor
    for _, i, n in pairs:
        actor = gold.actors[i]
        if name_key(actor.name) not in primary and n not in taken:
            primary[name_key(actor.name)] = n
            taken[n] = actor

    # Every other matching node is a second node of the one actor it fits best; an actor's nodes are
    # its primary and those, and it is recalled when that is exactly one node.
    owner: dict[Any, GoldActor] = dict(taken)
    for n in actor_nodes:
        if n not in owner and node_actors[n]:
            matched = [a for a in gold.actors if name_key(a.name) in node_actors[n]]
            owner[n] = min(matched, key=lambda a: _preference(nodes[n], a, node_actors[n]))
    owned: dict[str, list[Any]] = {name_key(a.name): [] for a in gold.actors}
    for n, actor in owner.items():
        owned[name_key(actor.name)].append(n)

    for actor in gold.actors:
        actor_key = name_key(actor.name)
        if actor.optional:
            continue
        counts.actors_gold += 1
        mine = owned[actor_key]
        if len(mine) == 1 and primary.get(actor_key) == mine[0]:
            counts.actors_found += 1
        else:
            score.missed_actors.append(NodeMiss(actor.name, tuple(sorted(nodes[n].name for n in mine))))

    counts.nodes = len(actor_nodes)
    for n in sorted(actor_nodes, key=lambda n: nodes[n].name):
        if n in taken:
            if taken[n].optional:
                counts.nodes_optional += 1
            else:
                counts.nodes_correct += 1
        elif n in owner:
            counts.duplicate_nodes += 1
            score.duplicate_nodes.append((nodes[n].name, owner[n].name))
        else:
            counts.extra_nodes += 1
            score.extra_nodes.append(nodes[n].name)
    return node_actors


def _preference(node: _Node, actor: GoldActor, matched: set[str]) -> tuple[Any, ...]:
    """Order among a gold actor's nodes: canonical name, then accepted spelling, then a mention."""
    key = name_key(node.name)
    return (key != name_key(actor.name), key not in actor.strong_keys, len(matched), node.id)


# -- relations -------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Edge:
    id: str
    source: _Node
    target: _Node
    type: str
    source_keys: frozenset[str]  # what the node may be called in a gold item
    target_keys: frozenset[str]
    produced: ProducedRelation


def _end_matches(name: str, keys: frozenset[str], any_ok: bool) -> bool:
    if name == ANY:
        return any_ok
    return name_key(name) in keys


def _ends_match(item: GoldRelation, edge: _Edge, reverse: bool = False) -> bool:
    """Source and target of ``edge`` (swapped with ``reverse``) fit the item, whatever the type.

    Reversed, a ``"*"`` fits nothing: anything at all acting on the item's source is no sign of a
    relation read the wrong way round.
    """
    if reverse:
        if ANY == item.source:
            return False
        item = GoldRelation(item.source, item.types, tuple(t for t in item.targets if t != ANY))
    s_node, s_keys, t_node, t_keys = (
        (edge.target, edge.target_keys, edge.source, edge.source_keys)
        if reverse
        else (edge.source, edge.source_keys, edge.target, edge.target_keys)
    )
    return _end_matches(item.source, s_keys, s_node.is_actor) and any(
        _end_matches(t, t_keys, t_node.is_actor or t_node.is_topic) for t in item.targets
    )


def _matches(item: GoldRelation, edge: _Edge) -> bool:
    return edge.type in item.types and _ends_match(item, edge)


def _score_relations(
    graph: nx.MultiDiGraph, nodes: dict[Any, _Node], node_actors: dict[Any, set[str]], gold: Gold, score: ArticleScore
) -> None:
    counts = score.counts
    counts.relations_required = len(gold.required)
    edges = []
    for u, v, data in graph.edges(data=True):
        rel_type = data.get(TYPE)
        if rel_type not in _EVENT_NAMES:
            continue  # HOLDS_ROLE, MEMBER_OF, MENTIONED_IN are not scored
        source, target = nodes[u], nodes[v]
        produced = ProducedRelation(
            source=source.name,
            type=rel_type,
            target=target.name,
            sentence=int(data.get("sentence") or 0),
            evidence=str(data.get("evidence") or ""),
            confidence=float(data.get("confidence", 1.0)),
        )
        # What a node may be called in a gold item: the gold actors it matches, and its own name
        # (items may name actors the reading does not list, like a target "Vladimir Putin").
        edges.append(
            _Edge(
                str(data.get("id") or ""),
                source,
                target,
                rel_type,
                frozenset(node_actors[u] | {name_key(source.name)}),
                frozenset(node_actors[v] | {name_key(target.name)}),
                produced,
            )
        )
    counts.relations = len(edges)
    found = [False] * len(gold.required)
    allowed_items = gold.required + gold.optional
    for edge in edges:
        allowed = False
        for i, item in enumerate(gold.required):
            if _matches(item, edge):
                found[i] = allowed = True
        if not allowed:
            allowed = any(_matches(item, edge) for item in gold.optional)
        score.relation_allowed[edge.id] = allowed
        if allowed:
            counts.relations_correct += 1
        else:
            score.wrong_relations.append((edge.produced, _why_wrong(edge, allowed_items)))
        for item in gold.forbidden:
            if _matches(item, edge):
                counts.forbidden_hits += 1
                score.forbidden_hits.append((edge.produced, item))
                break  # one hit per relation, however many forbidden items it breaks
    counts.required_found = sum(found)
    score.missing_relations = [_why_missing(item, edges, nodes, node_actors) for item, hit in zip(gold.required, found) if not hit]
    order = lambda r: (r.sentence, r.source, r.type, r.target)  # noqa: E731
    score.wrong_relations.sort(key=lambda pair: order(pair[0]))
    score.forbidden_hits.sort(key=lambda pair: order(pair[0]))


def _why_wrong(edge: _Edge, items: list[GoldRelation]) -> str:
    """A hint for a relation that matches no required or optional item."""
    other_type = sorted({t for item in items if _ends_match(item, edge) for t in item.types})
    if other_type:
        return "type not in the reading (it has " + "|".join(other_type) + ")"
    if any(edge.type in item.types and _ends_match(item, edge, reverse=True) for item in items):
        return "direction reversed"
    return "no such act between them in the reading"


def _why_missing(
    item: GoldRelation, edges: list[_Edge], nodes: dict[Any, _Node], node_actors: dict[Any, set[str]]
) -> RelationMiss:
    """A hint for a required item no relation matched: absent actors, another type, reversed."""

    def present(name: str) -> bool:
        key = name_key(name)
        return any(key in node_actors[n] or key == name_key(node.name) for n, node in nodes.items())

    if item.source != ANY and not present(item.source):
        return RelationMiss(item, MissCause.NO_NODE, f"no node for {item.source}")
    named = [t for t in item.targets if t != ANY]
    if ANY not in item.targets and not any(present(t) for t in named):
        return RelationMiss(item, MissCause.NO_NODE, "no node for " + " or ".join(named))
    # A "*" target fits nearly any relation of the source: look only near the item's sentence then.
    near = [
        e
        for e in edges
        if ANY not in item.targets or not item.sentence or not e.produced.sentence or abs(e.produced.sentence - item.sentence) <= 1
    ]
    hints = []
    other = sorted({e.type for e in near if _ends_match(item, e)})
    if other:
        hints.append("extracted as " + "|".join(other))
    reversed_ = any(e.type in item.types and _ends_match(item, e, reverse=True) for e in near)
    if reversed_:
        hints.append("extracted in the reverse direction")
    cause = MissCause.OTHER_TYPE if other else MissCause.REVERSED if reversed_ else MissCause.NOT_EXTRACTED
    return RelationMiss(item, cause, "; ".join(hints) or "not extracted")


def summed(scores: Iterable[ArticleScore]) -> Counts:
    """Micro-averaged totals: the counts of every article added up."""
    total = Counts()
    for s in scores:
        total = total + s.counts
    return total
