"""The part of the graph a read query can reach: where it starts and how far it walks from there.

A query whose every pattern part is anchored (on a node named by a label and a property equal to
a literal or a parameter, ``(a:Actor {name: $name})`` or ``WHERE a.name = $name``, or on a node
bound by an earlier anchored pattern) and whose relationships all have a bounded length can only
match nodes and relationships within those hops of its starts. :func:`reach_of` describes that
part as a :class:`Reach`: walks, each a :class:`Start` and one :class:`Hop` per relationship it
may follow. A store fetches only that part (``SQLiteStore`` does it in SQL) and the engine runs
on it. ``None``: the query cannot be bounded (a pattern part without a named start, an unbounded
``*``, a pattern inside an expression, a write) and needs the whole graph.

Why the part gives the whole graph's answer, rows in the same order:

- every match in the whole graph lies in the part: each relationship of a match is followed by
  the walk from the anchor of its pattern part (a walk fetches every relationship its hop allows
  at every node it reaches);
- every match in the part is a match in the whole graph: the part holds whole nodes (every
  property) and whole relationships;
- the engine plans the same: in a bounded query every pattern part has a bound or index-named
  node to start from, so no plan depends on label sizes; and the part keeps the whole graph's
  order of nodes and relationships, so each candidate list is the whole graph's with some
  entries left out, and rows come in the same order.

A hop narrows itself to the relationship types the query allows (``[:A|B]``, a WHERE conjunct
``type(r) = 'A'`` / ``NOT type(r) IN [...]``, or ``all``/``none`` over ``relationships(p)``): rows
whose relationship fails such a conjunct are dropped anyway. A shortest path between two nodes
bound by named starts needs only the edges its search crosses up to the distance between them
(the store searches from both ends until they meet), when the hop's filter is exactly the one
the engine's breadth-first search applies.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from polgraph.cypher import ast as A
from polgraph.cypher.expressions import conjuncts, free_vars

__all__ = ["Hop", "Reach", "Start", "Walk", "reach_of"]

Direction = Literal["out", "in", "both"]
_FLIP: dict[str, Direction] = {"out": "in", "in": "out", "both": "both"}
_MISSING = object()


@dataclass(frozen=True)
class Start:
    """The nodes with ``label`` whose property ``key`` equals ``value`` (Cypher equality)."""

    label: str
    key: str
    value: Any


@dataclass(frozen=True)
class Hop:
    """One relationship a walk may follow: its direction away from the walk's start, and the
    types allowed (``only``: these alone, None: any; ``excluded``: never these)."""

    direction: Direction
    only: frozenset[str] | None = None
    excluded: frozenset[str] = frozenset()

    def allows(self, rel_type: str) -> bool:
        return (self.only is None or rel_type in self.only) and rel_type not in self.excluded


@dataclass(frozen=True)
class Walk:
    """The nodes of ``start``, then, hop by hop, every relationship ``hops[i]`` allows at every
    node reached so far. With ``until``: a search for the shortest paths (all hops alike) from
    each node of ``start`` to each node of ``until``, which needs only the edges it crosses up
    to the distance between them."""

    start: Start
    hops: tuple[Hop, ...] = ()
    until: Start | None = None


@dataclass(frozen=True)
class Reach:
    """The part of the graph a query can reach: the union of its walks."""

    walks: tuple[Walk, ...]

    @property
    def depth(self) -> int:
        return max((len(w.hops) for w in self.walks), default=0)


def reach_of(query: A.Query, params: Mapping[str, Any]) -> Reach | None:
    """What of the graph ``query`` (parsed and checked) can reach with ``params``; None: all of it."""
    if _has_subpattern(query):
        return None  # pattern predicates, comprehensions, EXISTS {...} walk from anywhere
    walks: list[Walk] = []
    for part in query.parts:
        found = _Analysis(params).single(part)
        if found is None:
            return None
        walks.extend(found)
    return Reach(tuple(walks))


def _has_subpattern(node: Any) -> bool:
    if isinstance(node, (A.PatternPred, A.PatternComp, A.ExistsSubquery)):
        return True
    if isinstance(node, (list, tuple)):
        return any(_has_subpattern(x) for x in node)
    if dataclasses.is_dataclass(node) and not isinstance(node, type) and not isinstance(node, A.Lit):
        return any(_has_subpattern(getattr(node, f.name)) for f in dataclasses.fields(node))
    return False


# -- relationship types a predicate allows --------------------------------------------------------
@dataclass(frozen=True)
class _Types:
    only: frozenset[str] | None = None
    excluded: frozenset[str] = frozenset()

    def negated(self) -> _Types | None:
        if self.only is not None and not self.excluded:
            return _Types(excluded=self.only)
        if self.only is None and self.excluded:
            return _Types(only=self.excluded)
        return None

    def __and__(self, other: _Types) -> _Types:
        if self.only is None or other.only is None:
            only = self.only if other.only is None else other.only
        else:
            only = self.only & other.only
        return _Types(only, self.excluded | other.excluded)


def _is_type_of(e: A.Expr, var: str) -> bool:
    return (isinstance(e, A.Func) and e.name.lower() == "type" and len(e.args) == 1
            and isinstance(e.args[0], A.Var) and e.args[0].name == var)


def _strings(e: A.Expr) -> frozenset[str] | None:
    if isinstance(e, A.Lit) and type(e.value) is str:
        return frozenset([e.value])
    if isinstance(e, A.ListLit) and all(isinstance(x, A.Lit) and type(x.value) is str for x in e.items):
        return frozenset(x.value for x in e.items)  # type: ignore[union-attr]
    return None


def _types_of(pred: A.Expr, var: str) -> _Types | None:
    """The types ``pred`` (about relationship ``var`` alone) lets through, when it only reads the
    type: ``type(r) = 'A'``, ``type(r) <> 'A'``, ``type(r) IN [...]`` and their negations."""
    if isinstance(pred, A.Not):
        inner = _types_of(pred.operand, var)
        return None if inner is None else inner.negated()
    if isinstance(pred, A.Compare) and len(pred.ops) == 1 and pred.ops[0] in ("=", "<>"):
        left, right = pred.operands
        if _is_type_of(right, var):
            left, right = right, left
        names = _strings(right) if isinstance(right, A.Lit) else None
        if _is_type_of(left, var) and names is not None:
            return _Types(only=names) if pred.ops[0] == "=" else _Types(excluded=names)
    if isinstance(pred, A.In) and _is_type_of(pred.left, var):
        names = _strings(pred.right)
        if names is not None and isinstance(pred.right, A.ListLit):
            return _Types(only=names)
    return None


# -- the analysis -----------------------------------------------------------------------------
class _Analysis:
    """Clause by clause: which walk reaches each node variable (its route), and the walks made."""

    def __init__(self, params: Mapping[str, Any]) -> None:
        self.params = params
        self.routes: dict[str, Walk] = {}
        self.walks: list[Walk] = []

    def single(self, query: A.SingleQuery) -> list[Walk] | None:
        try:
            return self._clauses(query.clauses)
        except _Unbounded:
            return None

    def _clauses(self, clauses: list[A.Clause]) -> list[Walk] | None:
        for clause in clauses:
            if isinstance(clause, A.Match):
                if not self._match(clause):
                    return None
            elif isinstance(clause, A.With):
                kept = dict(self.routes) if clause.star else {}
                for item in clause.items:
                    kept.pop(item.name, None)
                    if isinstance(item.expr, A.Var) and item.expr.name in self.routes:
                        kept[item.name] = self.routes[item.expr.name]
                self.routes = kept
            elif isinstance(clause, A.Unwind):
                self.routes.pop(clause.var, None)
            elif not isinstance(clause, A.Return):
                return None  # CREATE: not a read
        return self.walks

    # -- one MATCH ----------------------------------------------------------------------------
    def _match(self, clause: A.Match) -> bool:
        conj = conjuncts(clause.where)
        self._where_starts = self._starts_in_where(conj)
        self._rel_types = self._types_in_where(clause, conj)
        pending = list(range(len(clause.patterns)))
        while pending:  # a part may be anchored on a variable another part of this MATCH binds
            left = [p for p in pending if not self._part(clause, p)]
            if len(left) == len(pending):
                return False
            pending = left
        return True

    def _starts_in_where(self, conj: list[A.Expr]) -> dict[str, list[tuple[str, A.Expr]]]:
        found: dict[str, list[tuple[str, A.Expr]]] = {}
        for c in conj:
            if isinstance(c, A.Compare) and c.ops == ["="]:
                for lhs, rhs in ((c.operands[0], c.operands[1]), (c.operands[1], c.operands[0])):
                    if isinstance(lhs, A.Prop) and isinstance(lhs.subject, A.Var) and isinstance(rhs, (A.Lit, A.Param)):
                        found.setdefault(lhs.subject.name, []).append((lhs.key, rhs))
                        break
        return found

    def _types_in_where(self, clause: A.Match, conj: list[A.Expr]) -> dict[tuple[int, int], tuple[_Types, bool]]:
        """Per relationship (part, index): the types WHERE lets through, and whether that is
        exactly the filter the engine applies while searching a shortest path (which checks
        ``all``/``none`` over the path's relationships as it goes, and nothing else of WHERE)."""
        single = {r.var: (p, i) for p, part in enumerate(clause.patterns) for i, r in enumerate(part.rels)
                  if r.var and r.varlen is None}
        varlen = {r.var: (p, i) for p, part in enumerate(clause.patterns) for i, r in enumerate(part.rels)
                  if r.var and r.varlen is not None}
        paths = {part.path_var: p for p, part in enumerate(clause.patterns) if part.path_var}
        out: dict[tuple[int, int], tuple[_Types, bool]] = {
            (p, i): (_Types(only=frozenset(r.types) if r.types else None), r.props is None)
            for p, part in enumerate(clause.patterns) for i, r in enumerate(part.rels)
        }

        def narrow(key: tuple[int, int], types: _Types | None, pushed: bool) -> None:
            have, exact = out[key]
            if types is None:
                out[key] = (have, exact and not pushed)  # the engine checks it while searching: not a type filter
            else:
                out[key] = (have & types, exact)

        for c in conj:
            if free_vars(c) <= set(single) and len(free_vars(c)) == 1:
                var = next(iter(free_vars(c)))
                types = _types_of(c, var)
                if types is not None:
                    out[single[var]] = (out[single[var]][0] & types, out[single[var]][1])
                continue
            if not (isinstance(c, A.Quantifier) and c.kind in ("all", "none") and c.where is not None):
                continue
            if free_vars(c.where) - {c.var}:
                continue  # not pushed into the search by the engine
            src = c.source
            if (isinstance(src, A.Func) and src.name.lower() == "relationships" and len(src.args) == 1
                    and isinstance(src.args[0], A.Var) and src.args[0].name in paths):
                keys = [(paths[src.args[0].name], i) for i in range(len(clause.patterns[paths[src.args[0].name]].rels))]
            elif isinstance(src, A.Var) and src.name in varlen:
                keys = [varlen[src.name]]
            else:
                continue
            types = _types_of(c.where, c.var)
            if types is not None and c.kind == "none":
                types = types.negated()
            for key in keys:
                narrow(key, types, pushed=True)
        return out

    def _start(self, node: A.NodePat) -> Start | None:
        """The named start a node pattern gives: a label and a property equal to a literal or a parameter."""
        if not node.labels:
            return None
        pairs: list[tuple[str, A.Expr]] = []
        if isinstance(node.props, A.MapLit):
            pairs += [(k, v) for k, v in node.props.items if isinstance(v, (A.Lit, A.Param))]
        if node.var:
            pairs += self._where_starts.get(node.var, [])
        if not pairs:
            return None
        key, expr = min(pairs, key=lambda kv: kv[0] != "id")  # the primary key first, else as written
        if isinstance(expr, A.Lit):
            value = expr.value
        else:
            value = self.params.get(expr.name, _MISSING)  # type: ignore[attr-defined]
            if value is _MISSING:
                value = None  # no node; the engine reports the missing parameter itself
        return Start(node.labels[0], key, value)

    def _anchor(self, node: A.NodePat, bound: set[str]) -> Walk | None:
        if node.var and node.var in bound:
            return self.routes[node.var]
        start = self._start(node)
        return None if start is None else Walk(start)

    def _hops(self, p: int, i: int, rel: A.RelPat, backwards: bool) -> tuple[Hop, ...] | None:
        types, _ = self._rel_types[(p, i)]
        hop = Hop(_FLIP[rel.direction] if backwards else rel.direction, types.only, types.excluded)
        if rel.varlen is None:
            return (hop,)
        hi = rel.varlen[1]
        return None if hi is None else (hop,) * hi

    def _part(self, clause: A.Match, p: int) -> bool:
        """Walk pattern part ``p`` from its anchors; False when it has none yet (or is unbounded)."""
        part = clause.patterns[p]
        nodes, rels = part.nodes, part.rels
        bound = set(self.routes)
        if part.shortest:
            return self._shortest(clause, p, bound)
        anchors = {j: w for j, n in enumerate(nodes) if (w := self._anchor(n, bound)) is not None}
        if not anchors:
            return False
        if any(r.varlen is not None and r.varlen[1] is None for r in rels):
            raise _Unbounded
        positions = sorted(anchors)
        routes: dict[int, Walk] = dict(anchors)
        # Every relationship is walked from the nearest anchor: leftwards from the first one to
        # the part's start, rightwards from the last one to its end, and between two anchors
        # from each to the middle.
        bounds = [(positions[0], 0)]
        bounds += [(a, a + (b - a + 1) // 2) for a, b in itertools.pairwise(positions)]
        bounds += [(b, a + (b - a + 1) // 2) for a, b in itertools.pairwise(positions)]
        bounds.append((positions[-1], len(nodes) - 1))
        walked: set[int] = set()
        for pos, end in bounds:
            walk = anchors[pos]
            backwards = end < pos
            for i in (range(pos - 1, end - 1, -1) if backwards else range(pos, end)):
                walk = dataclasses.replace(walk, hops=walk.hops + self._hops(p, i, rels[i], backwards), until=None)  # type: ignore[operator]
                routes.setdefault(i if backwards else i + 1, walk)
            if walk != anchors[pos]:
                self.walks.append(walk)
                walked.add(pos)
        self.walks.extend(anchors[pos] for pos in positions if pos not in walked)  # its nodes, no hop
        for j, n in enumerate(nodes):
            if n.var and n.var not in self.routes:
                self.routes[n.var] = routes[j]
        return True

    def _shortest(self, clause: A.Match, p: int, bound: set[str]) -> bool:
        """``shortestPath((x)-[*..k]-(y))``: the engine searches breadth-first from x (from y when
        only y is bound) up to k hops. The search may stop where it finds y when y was bound
        before (a named start's nodes) and the hop's filter is exactly the engine's."""
        part = clause.patterns[p]
        # the engine plans shortest paths after every other part of the MATCH
        others = [q for q, other in enumerate(clause.patterns) if q != p and not other.shortest]
        if any(v not in bound for q in others for v in (n.var for n in clause.patterns[q].nodes) if v):
            return False
        nodes, rel = part.nodes, part.rels[0]
        if rel.varlen is not None and rel.varlen[1] is None:
            raise _Unbounded
        source = 0 if (nodes[0].var in bound or nodes[1].var not in bound) else 1
        walk = self._anchor(nodes[source], bound)
        if walk is None:
            return False
        hops = self._hops(p, 0, rel, source == 1)
        assert hops is not None
        _, exact = self._rel_types[(p, 0)]
        target = nodes[1 - source].var
        until = None
        if (exact and len(clause.patterns) == 1 and not walk.hops and target in bound
                and not self.routes[target].hops):
            until = self.routes[target].start
        walk = Walk(walk.start, walk.hops + hops, until)
        self.walks.append(walk)
        for n in nodes:
            if n.var and n.var not in self.routes:
                self.routes[n.var] = dataclasses.replace(walk, until=None)
        return True


class _Unbounded(Exception):
    """A relationship of unbounded length (``*``, ``*2..``)."""
