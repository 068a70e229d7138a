"""Read queries over one relationship that aggregate or sort, answered by one SQL statement on the
embedded store's tables instead of by the engine on a graph built first ("pushdown"), with the
engine's answer: the same rows, in the same order.

The shape (anything else is left to the engine, :func:`plan_of` returns None)::

    MATCH (a[:Label] [{k: v}])-[r[:T1|T2]]->(b[:Label] [{k: v}])     one pattern, -> or <-
    [WHERE ...]
    [WITH a, b, r, <expression> AS x, ...]...                          no aggregate, DISTINCT, ORDER BY
    RETURN <expression>, ..., count(*) | count([DISTINCT] x) | sum(x) | avg(x) | min(x) | max(x)
    [ORDER BY ...] [SKIP n] [LIMIT n]                                   aggregating, or ordered

A relationship is one of four kinds of row, each a branch of a ``UNION ALL``: an event to an
actor, an event to a topic, a link (``HOLDS_ROLE``, ``MEMBER_OF``) or a mention; a branch whose
end labels, types or WHERE can never match is left out. Expressions become SQL with Cypher's
meaning: comparisons, ``IN`` a list, ``IS NULL``, ``AND``/``OR``/``NOT`` (SQLite's three-valued
logic is Cypher's), ``coalesce`` and ``CASE`` in SQL, each comparison guarded by ``typeof`` so
that values of different types compare as Cypher compares them (``'1' = 1`` is false, ``'a' < 1``
is null); any other expression (``substring(r.date, 0, 7)``, ``+``, a quantifier over
``a.aliases``) runs as the engine's own compiled closure, called by SQLite as a function of the
columns it reads. Subexpressions without variables (``size($types) = 0``, ``$since IS NULL``) are
computed once, so a parameter switches a condition off instead of being tested on every row;
parameters reach SQL only as bound values.

Aggregates: ``count`` is SQLite's; ``sum`` of integers too (an overflow hands the query back to
the engine); any other ``sum`` and ``avg`` through :func:`polgraph.cypher.values.exact_sum`, the
engine's own rule; ``min``/``max`` of text, or of a numeric column (checked to hold no text).

Order: SQL sorts by each key's Cypher type rank then its value (strings, booleans, numbers, null
last ascending). The engine meets matches in a fixed order (its plan: the start node by label
size or index, then each neighbour in the order of the pair's first edge, then the edges of the
pair) and keeps groups in the order of their first match; rows that tie on every ORDER BY key
come in that order. When the rows fetched hold such a tie (and differ), the statement runs again
with that order spelt out as a text key per match (:class:`_Rank`), so ties come out as the
engine gives them.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import math
import sqlite3
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from polgraph.cypher import ast as A
from polgraph.cypher.executor import Result, substitute
from polgraph.cypher.expressions import Context, compile_expr, conjuncts, contains_aggregate, free_vars
from polgraph.cypher.functions import AGGREGATES
from polgraph.cypher.limits import Budget, QueryLimits, budget_scope
from polgraph.cypher.values import exact_sum, order_key
from polgraph.exceptions import CypherSemanticError, QueryError, QueryLimitExceeded, QueryTimeout
from polgraph.graph.stores.sqlite_rows import EVENT_PROPS, LINK_PROPS, NODE_TABLES

__all__ = ["Plan", "plan_of", "run_plan", "run_pushdown"]

log = logging.getLogger(__name__)

_NODE_RANK = {label: str(i) for i, label in enumerate(NODE_TABLES)}  # the whole graph adds nodes label by label
_NUMERIC_TYPES = "('integer', 'real')"
_TYPE_RANK_SQL = "CASE typeof({v}) WHEN 'text' THEN 6 WHEN 'integer' THEN 8 WHEN 'real' THEN 8 WHEN 'null' THEN 9 ELSE 10 END"
_NOT_FOLDED = frozenset({"rand", "date"})  # not the same value on every row (the engine does not fold them)


class _Unsupported(Exception):
    """The query is outside the shape: the engine answers it."""


class _Fallback(Exception):
    """Raised inside SQLite (by a function or an aggregate): hand the query to the engine, which
    gives the answer or the error."""


# -- compiled values --------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Const:
    """A value known before the statement runs (literals, parameters, what is computed from them)."""

    value: Any


@dataclass(frozen=True)
class _Sql:
    """SQL computing a value per match. ``kind``: "text" (text or null), "int" (integer or null),
    "any" (a number, text or null), "bool" (1, 0 or null standing for true, false, null).
    ``column``: a plain numeric column (its values are numbers unless someone wrote text)."""

    text: str
    params: tuple[Any, ...] = ()
    kind: str = "any"
    column: bool = False


_Value = _Const | _Sql
_NULL = _Sql("NULL")


def _bind(value: Any) -> _Sql:
    """A constant as a bound SQL parameter (never spliced into the text)."""
    t = type(value)
    if value is None:
        return _NULL
    if t is bool:
        return _Sql("?", (int(value),), "bool")
    if t is str:
        return _Sql("?", (value,), "text")
    if t is int and -(2**63) <= value < 2**63:
        return _Sql("?", (value,), "int")
    if t is float and not math.isnan(value):
        return _Sql("?", (value,), "any")
    raise _Unsupported(f"a constant SQLite cannot hold: {type(value).__name__}")


def _sql(v: _Value) -> _Sql:
    return _bind(v.value) if isinstance(v, _Const) else v


def _join_kind(kinds: list[str]) -> str:
    if "bool" in kinds:
        if set(kinds) - {"bool", "null"}:
            raise _Unsupported("booleans mixed with other values")
        return "bool"
    real = [k for k in kinds if k != "null"]
    if real and all(k == "text" for k in real):
        return "text"
    if real and all(k == "int" for k in real):
        return "int"
    return "any"


def _kind_of(v: _Value) -> str:
    if isinstance(v, _Sql):
        return "null" if v is _NULL else v.kind
    return "null" if v.value is None else _bind(v.value).kind


# -- the stored relationships -------------------------------------------------------------------------
@dataclass(frozen=True)
class _Edges:
    """One kind of stored relationship: its rows (alias ``e``), its end nodes' ids and labels, its
    type and properties as SQL, and its rank among all edges (the whole graph adds events by id,
    then links by id, then mentions by key)."""

    name: str
    table: str
    where: str
    source: str
    target: str
    source_label: str
    target_label: str
    type_sql: str | None  # None: every row has the type `fixed_type`
    fixed_type: str | None
    props: dict[str, str]
    edge_id: str
    rank_kind: str


def _edge_kinds() -> list[_Edges]:
    event_props = {p: f'e."{p}"' for p in EVENT_PROPS}
    link_props: dict[str, str] = {}
    for prop in dict.fromkeys(p for props in LINK_PROPS.values() for p in props):
        types = sorted(t for t, props in LINK_PROPS.items() if prop in props)
        link_props[prop] = (f'e."{prop}"' if len(types) == len(LINK_PROPS) else
                            f"""CASE WHEN e.type IN ({", ".join(f"'{t}'" for t in types)}) THEN e."{prop}" END""")
    mention_id = "('mention:' || e.actor || '|' || e.article)"
    return [
        _Edges("event to actor", "event e", "e.to_topic = 0", "e.source", "e.target", "Actor", "Actor",
               "e.type", None, event_props, "e.id", "0"),
        _Edges("event to topic", "event e", "e.to_topic = 1", "e.source", "e.target", "Actor", "Topic",
               "e.type", None, event_props, "e.id", "0"),
        _Edges("link", "link e", "", "e.source", "e.target", "Actor", "Actor", "e.type", None, link_props, "e.id", "1"),
        _Edges("mention", "mention e", "", "e.actor", "e.article", "Actor", "Article", None, "MENTIONED_IN",
               {"id": mention_id, "count": 'e."count"'}, mention_id, "2"),
    ]


def _column_kinds(conn: sqlite3.Connection) -> dict[tuple[str, str], str]:
    """(table, column) -> "text" for the columns declared TEXT (SQLite then stores only text or
    null there), "any" for the others."""
    out = {}
    for table in ("actor", "topic", "article", "event", "link", "mention"):
        for row in conn.execute(f"PRAGMA table_info({table})"):
            out[(table, row[1])] = "text" if row[2].upper() == "TEXT" else "any"
    return out


# -- the query's shape ----------------------------------------------------------------------------------
@dataclass
class _Shape:
    match: A.Match
    withs: list[A.With]
    ret: A.Return
    nodes: list[A.NodePat]  # as written: nodes[0] -[rel]- nodes[1]
    rel: A.RelPat
    conj: list[A.Expr]  # WHERE and the inline property maps, as conjuncts


def _shape(tree: A.Query) -> _Shape:
    if len(tree.parts) != 1:
        raise _Unsupported("UNION")
    clauses = tree.parts[0].clauses
    if len(clauses) < 2 or not isinstance(clauses[0], A.Match) or not isinstance(clauses[-1], A.Return):
        raise _Unsupported("not MATCH ... RETURN")
    match, ret = clauses[0], clauses[-1]
    withs = clauses[1:-1]
    if match.optional or len(match.patterns) != 1:
        raise _Unsupported("OPTIONAL MATCH or several patterns")
    part = match.patterns[0]
    if part.path_var or part.shortest or len(part.rels) != 1:
        raise _Unsupported("not one relationship")
    rel = part.rels[0]
    nodes = part.nodes
    if rel.varlen is not None or rel.direction == "both":
        raise _Unsupported("variable length or undirected")
    names = [v for v in (nodes[0].var, rel.var, nodes[1].var) if v]
    if len(set(names)) != len(names):
        raise _Unsupported("a variable repeated in the pattern")
    conj = list(conjuncts(match.where))
    for pat in (*nodes, rel):
        if pat.props is None:
            continue
        if not isinstance(pat.props, A.MapLit) or not pat.var:
            raise _Unsupported("a property map that is not a literal map of a named element")
        conj.extend(A.Compare(["="], [A.Prop(A.Var(pat.var), k), v]) for k, v in pat.props.items)
    for n in nodes:
        if len(n.labels) > 1:
            raise _Unsupported("several labels")
    for w in withs:
        if not isinstance(w, A.With) or w.distinct or w.star or w.order or w.skip or w.limit or w.where is not None:
            raise _Unsupported("a WITH that is not a plain projection")
        if any(contains_aggregate(it.expr) for it in w.items):
            raise _Unsupported("an aggregating WITH")
    if ret.distinct or ret.star:
        raise _Unsupported("RETURN DISTINCT or *")
    if not ret.order and not any(contains_aggregate(it.expr) for it in ret.items):
        raise _Unsupported("neither aggregating nor ordered: the engine streams it")
    return _Shape(match, withs, ret, nodes, rel, conj)


# -- expressions ----------------------------------------------------------------------------------------
@dataclass
class _Env:
    """What a name means in one branch: a node end ("source"/"target"), the relationship, or a
    value computed by a WITH."""

    ends: dict[str, str]
    rel: str | None
    values: dict[str, _Value]

    def copy(self) -> _Env:
        return _Env(dict(self.ends), self.rel, dict(self.values))


class _Compiler:
    """Cypher expressions to SQL for one branch (one kind of stored relationship)."""

    def __init__(self, edges: _Edges, kinds: Mapping[tuple[str, str], str], ctx: Context, udfs: _Functions) -> None:
        self.edges = edges
        self.kinds = kinds
        self.ctx = ctx
        self.udfs = udfs
        self.joins: set[str] = set()  # "source" / "target": the node tables to join

    # -- leaves -------------------------------------------------------------------------------
    def node_prop(self, end: str, key: str) -> _Value:
        label = self.edges.source_label if end == "source" else self.edges.target_label
        table, columns = NODE_TABLES[label]
        if key not in columns:
            return _Const(None)
        if key == "id":
            return _Sql(self.edges.source if end == "source" else self.edges.target, kind="text")
        if key == "aliases":
            raise _Unsupported("a list property as a value")
        self.joins.add(end)
        kind = self.kinds[(table, key)]
        return _Sql(f'{end[0]}."{key}"', kind=kind, column=kind == "any")

    def rel_prop(self, key: str) -> _Value:
        sql = self.edges.props.get(key)
        if sql is None:
            return _Const(None)
        table = self.edges.table.split()[0]
        kind = self.kinds.get((table, key), "text" if key == "id" else "any")
        return _Sql(sql, kind=kind, column=sql == f'e."{key}"' and kind == "any")

    def rel_type(self) -> _Value:
        if self.edges.type_sql is None:
            return _Const(self.edges.fixed_type)
        return _Sql(self.edges.type_sql, kind="text")

    # -- values -------------------------------------------------------------------------------
    def value(self, e: A.Expr, env: _Env) -> _Value:
        """``e`` as a value (never a boolean in SQL form)."""
        folded = self.fold(e)
        if folded is not None:
            return folded
        if isinstance(e, A.Var) and e.name in env.values:
            v = env.values[e.name]
            if isinstance(v, _Sql) and v.kind == "bool":
                raise _Unsupported("a boolean as a value")
            return v
        if isinstance(e, A.Prop) and isinstance(e.subject, A.Var):
            name = e.subject.name
            if name in env.ends:
                return self.node_prop(env.ends[name], e.key)
            if name == env.rel:
                return self.rel_prop(e.key)
        if _is_type_of(e, env.rel):
            return self.rel_type()
        if isinstance(e, A.Func) and e.name.lower() == "coalesce" and not e.distinct:
            args = [self.value(a, env) for a in e.args]
            while args and isinstance(args[0], _Const) and args[0].value is None:
                args.pop(0)
            if not args:
                return _Const(None)
            if isinstance(args[0], _Const):
                return args[0]
            kind = _join_kind([_kind_of(a) for a in args])
            if len(args) == 1:
                return args[0]
            parts = [_sql(a) for a in args]
            return _Sql(f"coalesce({', '.join(p.text for p in parts)})", _params(parts), kind)
        if isinstance(e, A.Case):
            return self.case(e, env)
        return self.udfs.call(self, e, env, "value")

    def case(self, e: A.Case, env: _Env) -> _Value:
        arms: list[tuple[_Value, _Value]] = []
        subject = self.value(e.subject, env) if e.subject is not None else None
        default: _Value = self.value(e.default, env) if e.default is not None else _Const(None)
        for cond_expr, result_expr in e.whens:
            cond = (self.compare("=", subject, self.value(cond_expr, env)) if subject is not None
                    else self.predicate(cond_expr, env, truthy=True))
            if isinstance(cond, _Const):
                if cond.value is True:
                    default = self.value(result_expr, env)
                    break
                continue
            arms.append((cond, self.value(result_expr, env)))
        if not arms:
            return default
        kind = _join_kind([_kind_of(r) for _, r in arms] + [_kind_of(default)])
        if kind == "bool":
            raise _Unsupported("a CASE giving booleans")
        parts: list[_Sql] = []
        text = "CASE"
        for cond, result in arms:
            c, r = _sql(cond), _sql(result)
            text += f" WHEN {c.text} THEN {r.text}"
            parts += [c, r]
        d = _sql(default)
        parts.append(d)
        return _Sql(text + f" ELSE {d.text} END", _params(parts), kind)

    # -- predicates -----------------------------------------------------------------------------
    def predicate(self, e: A.Expr, env: _Env, truthy: bool = False) -> _Value:
        """``e`` as a boolean: SQL of kind "bool", or a constant. ``truthy``: only whether it is
        true matters (a WHERE conjunct, a CASE condition), so a value that is not a boolean is false."""
        folded = self.fold(e)
        if folded is not None:
            if truthy:
                return _Const(folded.value is True)
            if folded.value is not None and type(folded.value) is not bool:
                raise _Unsupported("a constant that is not a boolean where one is needed")
            return folded
        if isinstance(e, A.Var) and e.name in env.values:
            v = env.values[e.name]
            if isinstance(v, _Sql) and v.kind == "bool":
                return v
            if isinstance(v, _Const) and (v.value is None or type(v.value) is bool):
                return v
            raise _Unsupported("a value where a boolean is needed")
        if isinstance(e, (A.And, A.Or)):
            return self.logic("AND" if isinstance(e, A.And) else "OR", [e.left, e.right], env)
        if isinstance(e, A.Not):
            inner = self.predicate(e.operand, env)
            if isinstance(inner, _Const):
                return _Const(None if inner.value is None else not inner.value)
            return _Sql(f"(NOT {inner.text})", inner.params, "bool")
        if isinstance(e, A.IsNull):
            inner = self.value(e.operand, env) if not _is_predicate(e.operand) else self.predicate(e.operand, env)
            if isinstance(inner, _Const):
                return _Const((inner.value is None) != e.negated)
            return _Sql(f"({inner.text} IS {'NOT ' if e.negated else ''}NULL)", inner.params, "bool")
        if isinstance(e, A.Compare) and len(e.ops) == 1 and not any(_is_predicate(x) for x in e.operands):
            return self.compare(e.ops[0], self.value(e.operands[0], env), self.value(e.operands[1], env))
        if isinstance(e, A.In) and not _is_predicate(e.left):
            right = self.fold(e.right)
            if right is not None and type(right.value) is list:
                return self.in_list(self.value(e.left, env), right.value)
        return self.udfs.call(self, e, env, "truthy" if truthy else "predicate")

    def logic(self, op: str, operands: list[A.Expr], env: _Env) -> _Value:
        flat: list[A.Expr] = []
        kind = A.And if op == "AND" else A.Or
        todo = list(operands)
        while todo:
            x = todo.pop(0)
            if isinstance(x, kind):
                todo[:0] = [x.left, x.right]
            else:
                flat.append(x)
        decisive = op == "OR"  # true decides an OR, false an AND
        parts: list[_Sql] = []
        unknown = False
        for x in flat:
            v = self.predicate(x, env)
            if isinstance(v, _Const):
                if v.value is decisive:
                    return _Const(decisive)
                if v.value is None:
                    unknown = True
                continue
            parts.append(v)
        if not parts:
            return _Const(None if unknown else not decisive)
        if unknown:
            parts.append(_NULL)
        if len(parts) == 1:
            return parts[0]
        return _Sql("(" + f" {op} ".join(p.text for p in parts) + ")", _params(parts), "bool")

    def compare(self, op: str, left: _Value, right: _Value) -> _Value:
        """Cypher's ``=``, ``<>``, ``<``, ... : null with a null side; between values of different
        types false for ``=`` (true for ``<>``) and null for an ordering."""
        if isinstance(left, _Const) and isinstance(right, _Const):
            return _Const(_engine_compare(op, left.value, right.value, self.ctx))
        for side in (left, right):
            if isinstance(side, _Const) and side.value is not None and type(side.value) not in (str, int, float):
                raise _Unsupported("a comparison with a list, map or boolean")
            if isinstance(side, _Const) and type(side.value) is float and math.isnan(side.value):
                raise _Unsupported("a comparison with NaN")
        if any(isinstance(s, _Const) and s.value is None for s in (left, right)):
            return _Const(None)
        a, b = _sql(left), _sql(right)
        if a.kind == "bool" or b.kind == "bool":
            raise _Unsupported("a comparison of booleans")
        sql_op = {"=": "=", "<>": "<>", "<": "<", "<=": "<=", ">": ">", ">=": ">="}[op]
        if a.kind == b.kind == "text":
            return _Sql(f"({a.text} {sql_op} {b.text})", a.params + b.params, "bool")
        # one side's class is known: the other must have it
        known = b if isinstance(right, _Const) else a if isinstance(left, _Const) else None
        other = a if known is b else b
        if op in ("=", "<>") and known is not None and known.kind in ("int", "any") and other.column:
            # a number against a numeric column: SQLite compares numbers as numbers, and text (which
            # such a column holds only when no number could be read from it) as unequal
            return _Sql(f"({a.text} {sql_op} {b.text})", a.params + b.params, "bool")
        if known is not None:
            other = a if known is b else b
            test = "= 'text'" if known.kind == "text" else f"IN {_NUMERIC_TYPES}"
            other_text = other.text
            ordered = f"{a.text} {sql_op} {b.text}"
            mismatch = "0" if op == "=" else "1" if op == "<>" else "NULL"
            return _Sql(f"(CASE WHEN typeof({other_text}) {test} THEN {ordered} WHEN {other_text} IS NULL THEN NULL "
                        f"ELSE {mismatch} END)", other.params + a.params + b.params + other.params, "bool")
        same = (f"(typeof({a.text}) IN {_NUMERIC_TYPES}) = (typeof({b.text}) IN {_NUMERIC_TYPES}) "
                f"AND (typeof({a.text}) = 'text') = (typeof({b.text}) = 'text')")
        mismatch = "0" if op == "=" else "1" if op == "<>" else "NULL"
        params = (a.params + b.params) * 4
        return _Sql(f"(CASE WHEN {a.text} IS NULL OR {b.text} IS NULL THEN NULL WHEN {same} THEN {a.text} {sql_op} {b.text} "
                    f"ELSE {mismatch} END)", params, "bool")

    def in_list(self, left: _Value, items: list[Any]) -> _Value:
        """``x IN [...]`` (a constant list): true when an item equals x; else null when x is null
        (and the list is not empty) or an item is null; else false."""
        if isinstance(left, _Const):
            return _Const(_engine_in(left.value, items, self.ctx))
        x = _sql(left)
        if x.kind == "bool":
            raise _Unsupported("IN over booleans")
        strs = sorted({v for v in items if type(v) is str})
        nums = sorted({v for v in items if type(v) in (int, float) and not (type(v) is float and math.isnan(v))})
        if x.kind == "text" and not nums and None not in items:
            # text against strings: SQL's IN is Cypher's (null IN a non-empty list is null, IN [] false)
            return _Sql(f"({x.text} IN ({', '.join('?' * len(strs))}))", x.params + tuple(strs), "bool")
        if any(type(v) is int and not -(2**63) <= v < 2**63 for v in nums):
            raise _Unsupported("an integer SQLite cannot hold")
        text = f"(CASE WHEN {x.text} IS NULL THEN {'NULL' if items else '0'}"
        params = list(x.params)
        if strs:
            text += f" WHEN typeof({x.text}) = 'text' AND {x.text} IN ({', '.join('?' * len(strs))}) THEN 1"
            params += [*x.params, *x.params, *strs]
        if nums:
            text += f" WHEN typeof({x.text}) IN {_NUMERIC_TYPES} AND {x.text} IN ({', '.join('?' * len(nums))}) THEN 1"
            params += [*x.params, *x.params, *nums]
        text += f" ELSE {'NULL' if any(v is None for v in items) else '0'} END)"
        return _Sql(text, tuple(params), "bool")

    # -- constants ------------------------------------------------------------------------------
    def fold(self, e: A.Expr) -> _Const | None:
        """The value of ``e`` when it reads no variable (as the engine computes it once)."""
        if free_vars(e) or contains_aggregate(e) or _mentions(e, _NOT_FOLDED) or _has_pattern(e):
            return None
        try:
            return _Const(compile_expr(e, self.ctx)({}))
        except Exception as exc:  # an error the engine reports when (and if) it evaluates this
            raise _Unsupported(f"the engine reports it: {exc}") from None


def _params(parts: list[_Sql]) -> tuple[Any, ...]:
    return tuple(p for part in parts for p in part.params)


def _is_type_of(e: A.Expr, rel: str | None) -> bool:
    return (rel is not None and isinstance(e, A.Func) and e.name.lower() == "type" and len(e.args) == 1
            and isinstance(e.args[0], A.Var) and e.args[0].name == rel)


def _is_predicate(e: A.Expr) -> bool:
    return isinstance(e, (A.And, A.Or, A.Xor, A.Not, A.Compare, A.In, A.IsNull, A.StrOp, A.HasLabels, A.Quantifier))


def _walk(e: Any) -> Iterator[Any]:
    yield e
    if isinstance(e, (list, tuple)):
        for x in e:
            yield from _walk(x)
    elif dataclasses.is_dataclass(e) and not isinstance(e, (type, A.Lit)):
        for f in dataclasses.fields(e):
            yield from _walk(getattr(e, f.name))


def _mentions(e: A.Expr, names: frozenset[str]) -> bool:
    return any(isinstance(x, A.Func) and x.name.lower() in names for x in _walk(e))


def _has_pattern(e: A.Expr) -> bool:
    return any(isinstance(x, (A.PatternPred, A.PatternComp, A.ExistsSubquery)) for x in _walk(e))


def _engine_compare(op: str, a: Any, b: Any, ctx: Context) -> Any:
    return compile_expr(A.Compare([op], [A.Lit(a), A.Lit(b)]), ctx)({})


def _engine_in(x: Any, items: list[Any], ctx: Context) -> Any:
    return compile_expr(A.In(A.Lit(x), A.Lit(items)), ctx)({})


# -- the engine's closures as SQLite functions --------------------------------------------------------
class _Functions:
    """Expressions SQL does not spell out, compiled by the engine and called by SQLite with the
    columns they read (each read replaced by a variable of its own)."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.made: list[tuple[str, int, Callable[..., Any]]] = []
        self.stopped: list[QueryLimitExceeded] = []  # a limit the engine's code met inside SQLite

    def call(self, comp: _Compiler, e: A.Expr, env: _Env, mode: str) -> _Sql:
        if _mentions(e, frozenset({"rand"})) or _has_pattern(e) or isinstance(e, A.MapProj):
            raise _Unsupported("randomness or a pattern in an expression")
        if contains_aggregate(e):
            raise _Unsupported("an aggregate inside an expression")
        reads: list[_Sql] = []
        decoders: list[Callable[[Any], Any]] = []

        def leaf(x: A.Expr, shadowed: frozenset[str]) -> A.Expr | None:
            if isinstance(x, A.Prop) and isinstance(x.subject, A.Var) and x.subject.name not in shadowed:
                name = x.subject.name
                if name in env.ends:
                    if x.key == "aliases" and "aliases" in NODE_TABLES[_label(comp.edges, env.ends[name])][1]:
                        comp.joins.add(env.ends[name])
                        return self._read(reads, decoders, _Sql(f'{env.ends[name][0]}."aliases"', kind="text"), json.loads)
                    return self._read(reads, decoders, _sql(comp.node_prop(env.ends[name], x.key)))
                if name == env.rel:
                    return self._read(reads, decoders, _sql(comp.rel_prop(x.key)))
            if _is_type_of(x, env.rel) and env.rel not in shadowed:
                return self._read(reads, decoders, _sql(comp.rel_type()))
            if isinstance(x, A.Var) and x.name not in shadowed:
                if x.name in env.values:
                    v = _sql(env.values[x.name])
                    return self._read(reads, decoders, v, _to_bool if v.kind == "bool" else None)
                raise _Unsupported(f"`{x.name}` as a value")
            return None

        rewritten = _rewrite(e, leaf, frozenset())
        try:
            fn = compile_expr(rewritten, self.ctx)
        except QueryError as exc:
            raise _Unsupported(f"the engine reports it: {exc}") from None
        names = [f" read {i}" for i in range(len(reads))]
        pairs = list(zip(names, decoders))
        encode = _ENCODERS[mode]
        stopped = self.stopped

        def function(*args: Any) -> Any:
            row = {name: (arg if decode is None or arg is None else decode(arg)) for (name, decode), arg in zip(pairs, args)}
            try:
                return encode(fn(row))
            except _Fallback:
                raise
            except QueryLimitExceeded as exc:  # the query's limit: it ends the query
                stopped.append(exc)
                raise
            except Exception as exc:  # the engine's error, or a value SQL cannot hold: the engine decides
                raise _Fallback(str(exc)) from exc

        name = f"polgraph_expr_{len(self.made)}"
        self.made.append((name, len(reads), function))
        call = f"{name}({', '.join(r.text for r in reads)})"
        return _Sql(call, _params(reads), "any" if mode == "value" else "bool")

    @staticmethod
    def _read(reads: list[_Sql], decoders: list[Any], sql: _Sql, decode: Any = None) -> A.Var:
        reads.append(sql)
        decoders.append(decode)
        return A.Var(f" read {len(reads) - 1}")


def _label(edges: _Edges, end: str) -> str:
    return edges.source_label if end == "source" else edges.target_label


def _to_bool(v: Any) -> Any:
    return bool(v)


def _encode_value(v: Any) -> Any:
    t = type(v)
    if v is None or t is str or (t is float and not math.isnan(v)) or (t is int and -(2**63) <= v < 2**63):
        return v
    raise _Fallback(f"a value SQL does not hold: {t.__name__}")


def _encode_predicate(v: Any) -> Any:
    if v is None:
        return None
    if type(v) is bool:
        return int(v)
    raise _Fallback("not a boolean")


_ENCODERS: dict[str, Callable[[Any], Any]] = {
    "value": _encode_value,
    "predicate": _encode_predicate,
    "truthy": lambda v: 1 if v is True else 0,
}


def _rewrite(e: Any, leaf: Callable[[A.Expr, frozenset[str]], A.Expr | None], shadowed: frozenset[str]) -> Any:
    """``e`` with each read of the match replaced (``leaf``); names bound inside a list
    comprehension, quantifier or reduce are not the match's."""
    if isinstance(e, A.Expr):
        new = leaf(e, shadowed)
        if new is not None:
            return new
        if isinstance(e, (A.ListComp, A.Quantifier)):
            inner = shadowed | {e.var}
            return dataclasses.replace(e, source=_rewrite(e.source, leaf, shadowed),
                                       **{f: _rewrite(getattr(e, f), leaf, inner) for f in ("where", "projection")
                                          if hasattr(e, f)})
        if isinstance(e, A.Reduce):
            inner = shadowed | {e.acc, e.var}
            return dataclasses.replace(e, init=_rewrite(e.init, leaf, shadowed), source=_rewrite(e.source, leaf, shadowed),
                                       body=_rewrite(e.body, leaf, inner))
        if not dataclasses.is_dataclass(e) or isinstance(e, A.Lit):
            return e
        return dataclasses.replace(e, **{f.name: _rewrite(getattr(e, f.name), leaf, shadowed) for f in dataclasses.fields(e)
                                         if f.init})
    if isinstance(e, list):
        return [_rewrite(x, leaf, shadowed) for x in e]
    if isinstance(e, tuple):
        return tuple(_rewrite(x, leaf, shadowed) for x in e)
    return e


# -- aggregates -------------------------------------------------------------------------------------------
class _Sum:
    """``sum()`` and the numerator of ``avg()`` as the engine adds (``exact_sum``)."""

    def __init__(self) -> None:
        self.total = 0
        self.floats: list[float] = []

    def step(self, v: Any) -> None:
        if v is None:
            return
        if type(v) is float:
            self.floats.append(v)
        elif type(v) is int:
            self.total += v
        else:
            raise _Fallback("sum() of a value that is not a number")

    def finalize(self) -> Any:
        return _encode_value(exact_sum(self.total, self.floats))


@dataclass
class _Column:
    """A column of the result: where its value is in the fetched row, and how to make it."""

    kind: str  # "key", "count", "sum", "avg", "minmax", "plain"
    at: int
    count_at: int = -1
    value_kind: str = "any"

    def value(self, row: tuple[Any, ...]) -> Any:
        v = row[self.at]
        if self.kind == "avg":
            n = row[self.count_at]
            return v / n if n else None
        if self.kind == "sum" and v is None:  # SQLite gives a custom aggregate over no row null
            return 0
        if self.value_kind == "bool" and v is not None:
            return bool(v)
        return v

    def order_sql(self, name: Callable[[int], str]) -> tuple[str, str]:
        """(SQL of the value to sort on, its kind)."""
        if self.kind == "avg":
            return f"(CASE WHEN {name(self.count_at)} > 0 THEN {name(self.at)} * 1.0 / {name(self.count_at)} END)", "any"
        if self.kind == "count":
            return name(self.at), "count"
        return name(self.at), self.value_kind


# -- the plan ------------------------------------------------------------------------------------------------
@dataclass
class Plan:
    """One SQL statement answering a query, and how to read its rows."""

    columns: list[str]
    sql: str
    params: tuple[Any, ...]
    ranked_sql: str  # the same with the engine's order of matches as the last sort key
    ranked_params: tuple[Any, ...]
    out: list[_Column]
    order: list[tuple[_Column, bool]]  # ORDER BY: column, descending
    checks: list[int]  # positions of counts that must be 0 (a numeric column holding text)
    skip: int
    limit: int | None
    functions: list[tuple[str, int, Callable[..., Any]]] = field(default_factory=list)
    branches: list[str] = field(default_factory=list)
    stopped: list[QueryLimitExceeded] = field(default_factory=list)

    def describe(self) -> str:
        return f"one SQL statement over {', '.join(self.branches) or 'no stored relationship (none can match)'}:\n{self.sql}"


def plan_of(conn: sqlite3.Connection, tree: A.Query, params: Mapping[str, Any]) -> Plan | None:
    """The SQL answering ``tree`` (parsed and checked) with ``params``; None: the engine answers."""
    try:
        return _Planner(conn, tree, params).plan()
    except _Unsupported as why:
        log.debug("Cypher not pushed down to SQL: %s", why)
        return None


class _Planner:
    def __init__(self, conn: sqlite3.Connection, tree: A.Query, params: Mapping[str, Any]) -> None:
        self.conn = conn
        self.shape = _shape(tree)
        self.ctx = Context(None, dict(params), None)
        self.udfs = _Functions(self.ctx)
        self.kinds = _column_kinds(conn)

    def plan(self) -> Plan:
        shape = self.shape
        ret = shape.ret
        aggregating = any(contains_aggregate(it.expr) for it in ret.items)
        columns = [it.name for it in ret.items]
        if len(set(columns)) != len(columns):
            raise _Unsupported("two columns of one name")
        skip = max(0, self._count(ret.skip))
        limit = self._count(ret.limit)
        anchor, into = self._engine_plan()
        branches = []
        for edges in _edge_kinds():
            built = self._branch(edges, aggregating, anchor, into)
            if built is not None:
                branches.append(built)
        return self._assemble(branches, columns, aggregating, skip, limit)

    def _count(self, expr: A.Expr | None) -> int:
        if expr is None:
            return -1
        if free_vars(expr):
            raise _Unsupported("SKIP/LIMIT reading a variable")
        try:
            v = compile_expr(expr, self.ctx)({})
        except QueryError as exc:
            raise _Unsupported(str(exc)) from None
        if type(v) is not int or v < 0:
            raise _Unsupported("SKIP/LIMIT not a non-negative integer: the engine's error")
        return v

    # -- the engine's plan: where matching starts --------------------------------------------------
    def _hinted(self, j: int, bound: set[str]) -> bool:
        """Whether the engine would look node j up through its property index (matcher._index_hints)."""
        pat = self.shape.nodes[j]
        if isinstance(pat.props, A.MapLit) and any(free_vars(v) <= bound for _, v in pat.props.items):
            return True
        if not pat.var:
            return False
        for c in conjuncts(self.shape.match.where):
            if isinstance(c, A.Compare) and c.ops == ["="]:
                for lhs, rhs in ((c.operands[0], c.operands[1]), (c.operands[1], c.operands[0])):
                    if (isinstance(lhs, A.Prop) and isinstance(lhs.subject, A.Var) and lhs.subject.name == pat.var
                            and free_vars(rhs) <= bound):
                        return True
        return False

    def _label_size(self, label: str) -> int:
        if label not in NODE_TABLES:
            return 0
        return self.conn.execute(f"SELECT count(*) FROM {NODE_TABLES[label][0]}").fetchone()[0]

    def _engine_plan(self) -> tuple[int, bool]:
        """(the pattern node the engine starts from, whether it then looks the other up by index
        and reads only the edges between the two)."""
        nodes = self.shape.nodes
        best, best_score, best_size = 0, 9, 0
        for j, n in enumerate(nodes):
            size = 0
            if self._hinted(j, set()):
                score = 1
            elif n.labels:
                score, size = 2, self._label_size(n.labels[0])
            else:
                score = 3
            if score < best_score or (score == best_score == 2 and size < best_size):
                best, best_score, best_size = j, score, size
        other = nodes[1 - best]
        bound = {nodes[best].var} if nodes[best].var else set()
        into = bool(other.var) and self._hinted(1 - best, bound)
        return best, into

    # -- one branch ----------------------------------------------------------------------------------
    def _branch(self, edges: _Edges, aggregating: bool, anchor: int, into: bool) -> _Branch | None:
        shape = self.shape
        rel = shape.rel
        ends = ("source", "target") if rel.direction == "out" else ("target", "source")
        for n, end in zip(shape.nodes, ends):
            if n.labels and n.labels[0] != _label(edges, end):
                return None
        comp = _Compiler(edges, self.kinds, self.ctx, self.udfs)
        env = _Env({n.var: end for n, end in zip(shape.nodes, ends) if n.var}, rel.var, {})
        where: list[_Sql] = []
        if rel.types:
            if edges.type_sql is None:
                if edges.fixed_type not in rel.types:
                    return None
            else:
                types = sorted(set(rel.types))
                where.append(_Sql(f"{edges.type_sql} IN ({', '.join('?' * len(types))})", tuple(types), "bool"))
        for c in shape.conj:
            v = comp.predicate(c, env, truthy=True)
            if isinstance(v, _Const):
                if v.value is not True:
                    return None
                continue
            where.append(v)
        for w in shape.withs:
            new = _Env({}, None, {})
            for it in w.items:
                if isinstance(it.expr, A.Var) and (it.expr.name in env.ends or it.expr.name == env.rel):
                    if it.expr.name in env.ends:
                        new.ends[it.name] = env.ends[it.expr.name]
                    elif new.rel is None:
                        new.rel = it.name
                    else:
                        raise _Unsupported("the relationship under two names")
                elif _is_predicate(it.expr):
                    new.values[it.name] = comp.predicate(it.expr, env)
                else:
                    new.values[it.name] = comp.value(it.expr, env)
            if new.rel is not None and (new.rel in new.ends or new.rel in new.values):
                raise _Unsupported("a name given twice")
            env = new
        return _Branch(self, edges, comp, env, where, ends, anchor, into, aggregating)

    # -- the statement ----------------------------------------------------------------------------
    def _assemble(self, branches: list[_Branch], columns: list[str], aggregating: bool, skip: int, limit: int) -> Plan:
        ret = self.shape.ret
        inner_cols: list[list[_Sql]] = [[] for _ in branches]  # per branch, the inner select's values
        kinds: list[list[str]] = []  # per inner column, the kinds across branches
        plain_columns: list[bool] = []  # per inner column: in every branch a plain column (or null)

        def inner(make: Callable[[_Branch], _Value]) -> int:
            vals = [_sql(make(b)) for b in branches]
            for k in range(len(kinds)):
                if branches and all(cols[k] == v for cols, v in zip(inner_cols, vals)):
                    return k  # the same values as a column already selected
            for cols, v in zip(inner_cols, vals):
                cols.append(v)
            kinds.append([_kind_of(v) for v in vals])
            plain_columns.append(all(v.column or v is _NULL for v in vals))
            return len(kinds) - 1

        outer: list[str] = []  # aggregating: the outer select's expressions over inner columns i0, i1, ...
        out: list[_Column] = []
        checks: list[int] = []
        group_by: list[str] = []
        for it in ret.items:
            expr = it.expr
            if not aggregating:
                i = inner(lambda b, e=expr: b.value(e))
                out.append(_Column("plain", i, value_kind=_join_kind(kinds[i])))
                continue
            if not contains_aggregate(expr):
                i = inner(lambda b, e=expr: b.value(e))
                kind = _join_kind(kinds[i])
                if kind == "any":  # 1 and 1.0 are one group: which one the engine shows depends on the order
                    checks.append(len(outer) + 1)
                    outer.append(f"i{i}")
                    outer.append(f"count(DISTINCT typeof(i{i})) > 1 AND min(typeof(i{i})) IN {_NUMERIC_TYPES}")
                    out.append(_Column("key", len(outer) - 2, value_kind=kind))
                else:
                    outer.append(f"i{i}")
                    out.append(_Column("key", len(outer) - 1, value_kind=kind))
                group_by.append(f"i{i}")
                continue
            out.append(self._aggregate(expr, branches, inner, kinds, plain_columns, outer, checks))
        order: list[tuple[_Column, bool]] = []
        mapping = [(it.expr, it.name) for it in ret.items]
        for s in ret.order:
            e = substitute(s.expr, mapping)
            if isinstance(e, A.Var) and e.name in columns:
                order.append((out[columns.index(e.name)], s.descending))
            elif not aggregating:
                i = inner(lambda b, e=e: b.order_value(e, columns, ret.items))
                order.append((_Column("plain", i, value_kind=_join_kind(kinds[i])), s.descending))
            else:
                raise _Unsupported("ORDER BY an expression that is not a column")
        if not aggregating:
            outer = [f"i{i}" for i in range(len(kinds))]
        # the engine's order of matches, for ties
        rank_inner = len(kinds)
        union = [(b, cols) for b, cols in zip(branches, inner_cols)]
        plain_sql, plain_params = self._statement(union, rank_inner, outer, group_by, order, aggregating, rank=None)
        ranked_sql, ranked_params = self._statement(union, rank_inner, outer, group_by, order, aggregating, rank=rank_inner)
        fetch = None if limit < 0 else skip + limit + 1
        if fetch is not None:
            plain_sql += f" LIMIT {fetch}"
            ranked_sql += f" LIMIT {fetch}"
        return Plan(columns, plain_sql, plain_params, ranked_sql, ranked_params, out, order, checks, skip,
                    None if limit < 0 else limit, self.udfs.made, [b.edges.name for b in branches], self.udfs.stopped)

    def _aggregate(self, expr: A.Expr, branches: list[_Branch], inner: Callable[..., int], kinds: list[list[str]],
                   plain_columns: list[bool], outer: list[str], checks: list[int]) -> _Column:
        if isinstance(expr, A.CountStar):
            return _Column("count", _add(outer, "count(*)"))
        if not (isinstance(expr, A.Func) and expr.name.lower() in AGGREGATES and len(expr.args) == 1
                and not contains_aggregate(expr.args[0])):
            raise _Unsupported("an aggregate inside an expression, or not count/sum/avg/min/max")
        name, arg = expr.name.lower(), expr.args[0]
        shape = self.shape
        if name == "count" and isinstance(arg, A.Var) and arg.name in _match_vars(shape, branches):
            if not expr.distinct or arg.name == _rel_name(branches):
                # a node or the relationship of a match is never null, each match a new relationship
                return _Column("count", _add(outer, "count(*)"))
            i = inner(lambda b: b.node_id(arg.name))
            return _Column("count", _add(outer, f"count(DISTINCT i{i})"))
        if name == "count":
            i = inner(lambda b: b.value(arg))
            return _Column("count", _add(outer, f"count({'DISTINCT ' if expr.distinct else ''}i{i})"))
        if expr.distinct:
            raise _Unsupported(f"{name}(DISTINCT ...)")
        i = inner(lambda b: b.value(arg))
        kind = _join_kind(kinds[i])
        if name in ("sum", "avg"):
            if kind == "text":
                raise _Unsupported("sum() of text: the engine's error")
            total = _add(outer, f"coalesce(sum(i{i}), 0)" if kind == "int" else f"polgraph_sum(i{i})")
            if name == "sum":
                return _Column("sum", total, value_kind=kind)
            return _Column("avg", total, count_at=_add(outer, f"count(i{i})"))
        if name in ("min", "max"):
            if not (kind == "text" or plain_columns[i]):
                raise _Unsupported(f"{name}() of an expression that may mix types")
            at = _add(outer, f"{name}(i{i})")
            if kind != "text":
                checks.append(_add(outer, f"count(CASE WHEN typeof(i{i}) NOT IN ('integer', 'real', 'null') THEN 1 END)"))
            return _Column("minmax", at, value_kind=kind)
        raise _Unsupported(f"{name}()")

    def _statement(self, union: list[tuple[_Branch, list[_Sql]]], n_inner: int, outer: list[str], group_by: list[str],
                   order: list[tuple[_Column, bool]], aggregating: bool, rank: int | None) -> tuple[str, tuple[Any, ...]]:
        selects: list[str] = []
        params: list[Any] = []
        ctes: list[str] = []
        for b, cols in union:
            items = [f"{c.text} AS i{k}" for k, c in enumerate(cols)]
            item_params = [p for c in cols for p in c.params]
            from_sql = b.from_sql()
            if rank is not None:
                rank_sql, rank_from, needs = b.rank()
                items.append(f"{rank_sql} AS i{rank}")
                from_sql += rank_from
                ctes.extend(x for x in needs if x not in ctes)
            where = b.where_sql()
            selects.append(f"SELECT {', '.join(items) or '1'} FROM {from_sql}{where.text}")
            params += item_params + list(where.params)
        if not selects:  # nothing can match: an empty input of the same columns
            names = [f"NULL AS i{k}" for k in range(n_inner + (1 if rank is not None else 0))] or ["NULL AS i0"]
            selects.append(f"SELECT {', '.join(names)} WHERE 0")
        source = " UNION ALL ".join(selects)
        with_sql = ("WITH " + ", ".join(_CTES[c] for c in ctes) + " ") if ctes else ""
        if aggregating:
            cols = list(outer)
            if rank is not None:
                cols.append(f"min(i{rank})")
            select = ", ".join(f"{c} AS c{k}" for k, c in enumerate(cols))
            group = f" GROUP BY {', '.join(group_by)}" if group_by else ""
            body = f"SELECT {select} FROM ({source}){group}"
            rank_name = f"c{len(cols) - 1}" if rank is not None else None
        else:
            cols = [f"i{k}" for k in range(n_inner)] + ([f"i{rank}"] if rank is not None else [])
            body = f"SELECT {', '.join(f'{c} AS c{k}' for k, c in enumerate(cols))} FROM ({source})"
            rank_name = f"c{len(cols) - 1}" if rank is not None else None
        terms = []
        for column, descending in order:
            value, kind = column.order_sql(lambda k: f"c{k}")
            direction = " DESC" if descending else ""
            if kind == "count":
                terms.append(f"{value}{direction}")
            elif kind in ("text", "bool"):
                terms += [f"({value} IS NULL){direction}", f"{value}{direction}"]
            else:
                terms += [_TYPE_RANK_SQL.format(v=value) + direction, f"{value}{direction}"]
        if rank_name is not None:
            terms.append(rank_name)
        order_sql = f" ORDER BY {', '.join(terms)}" if terms else ""
        return f"{with_sql}SELECT * FROM ({body}){order_sql}", tuple(params)


def _add(outer: list[str], sql: str) -> int:
    """The position of aggregate ``sql`` in the outer select, added once."""
    if sql not in outer:
        outer.append(sql)
    return outer.index(sql)


def _match_vars(shape: _Shape, branches: list[_Branch]) -> set[str]:
    if branches:
        env = branches[0].env
        return set(env.ends) | ({env.rel} if env.rel else set())
    names = {n.var for n in shape.nodes if n.var} | ({shape.rel.var} if shape.rel.var else set())
    for w in shape.withs:  # no branch: the names as the last WITH leaves them
        names = {it.name for it in w.items if isinstance(it.expr, A.Var) and it.expr.name in names}
    return names


def _rel_name(branches: list[_Branch]) -> str | None:
    return branches[0].env.rel if branches else None


_CTES = {
    "event_pair": "event_pair AS MATERIALIZED (SELECT source, target, min(id) AS first FROM event GROUP BY source, target)",
    "link_pair": "link_pair AS MATERIALIZED (SELECT source, target, min(id) AS first FROM link GROUP BY source, target)",
}


class _Branch:
    """One kind of stored relationship, compiled: its rows, WHERE and names."""

    def __init__(self, planner: _Planner, edges: _Edges, comp: _Compiler, env: _Env, where: list[_Sql],
                 ends: tuple[str, str], anchor: int, into: bool, aggregating: bool) -> None:
        self.planner = planner
        self.edges = edges
        self.comp = comp
        self.env = env
        self.where = where
        self.anchor_end = ends[anchor]
        self.into = into

    def value(self, e: A.Expr) -> _Value:
        return self.comp.predicate(e, self.env) if _is_predicate(e) else self.comp.value(e, self.env)

    def node_id(self, name: str) -> _Value:
        end = self.env.ends[name]
        return _Sql(self.edges.source if end == "source" else self.edges.target, kind="text")

    def order_value(self, e: A.Expr, columns: list[str], items: list[A.ReturnItem]) -> _Value:
        """An ORDER BY expression of a plain projection: the columns shadow the match's names."""
        env = self.env.copy()
        for name, it in zip(columns, items):
            env.ends.pop(name, None)
            if env.rel == name:
                env.rel = None
            env.values[name] = (self.comp.predicate(it.expr, self.env) if _is_predicate(it.expr)
                                else self.comp.value(it.expr, self.env))
        return self.comp.predicate(e, env) if _is_predicate(e) else self.comp.value(e, env)

    def from_sql(self) -> str:
        sql = self.edges.table
        for end in sorted(self.comp.joins):
            table = NODE_TABLES[_label(self.edges, end)][0]
            sql += f" JOIN {table} {end[0]} ON {end[0]}.id = {self.edges.source if end == 'source' else self.edges.target}"
        return sql

    def where_sql(self) -> _Sql:
        conds = ([self.edges.where] if self.edges.where else []) + [w.text for w in self.where]
        return _Sql(f" WHERE {' AND '.join(conds)}" if conds else "", _params(self.where), "bool")

    def rank(self) -> tuple[str, str, list[str]]:
        """The engine's order of this branch's matches as text (SQL), the joins it needs, the
        CTEs: start node (label, id), then the other node (into) or the pair's first edge
        (expand), then the edge; ids as hex, so that text order is tuple order."""
        e = self.edges
        anchor_id = e.source if self.anchor_end == "source" else e.target
        other_end = "target" if self.anchor_end == "source" else "source"
        other_id = e.source if other_end == "source" else e.target
        start = f"'{_NODE_RANK[_label(e, self.anchor_end)]}' || hex({anchor_id})"
        joins = ""
        ctes: list[str] = []
        if self.into:
            second = f"'{_NODE_RANK[_label(e, other_end)]}' || hex({other_id})"
        elif e.rank_kind == "0":
            second = "'0' || hex(ep.first)"
            joins = " JOIN event_pair ep ON ep.source = e.source AND ep.target = e.target"
            ctes = ["event_pair"]
        elif e.rank_kind == "1":
            second = "(CASE WHEN ep.first IS NULL THEN '1' || hex(lp.first) ELSE '0' || hex(ep.first) END)"
            joins = (" LEFT JOIN event_pair ep ON ep.source = e.source AND ep.target = e.target"
                     " JOIN link_pair lp ON lp.source = e.source AND lp.target = e.target")
            ctes = ["event_pair", "link_pair"]
        else:
            second = f"'2' || hex({e.edge_id})"
        edge = f"'{e.rank_kind}' || hex({e.edge_id})"
        return f"({start} || ' ' || {second} || ' ' || {edge})", joins, ctes


# -- running ----------------------------------------------------------------------------------------------
def run_plan(conn: sqlite3.Connection, plan: Plan, limits: QueryLimits | None = None) -> Result | None:
    """The result of ``plan`` on ``conn`` (in a read transaction) within ``limits``; None when
    SQLite handed the query back (an engine error to report, an integer overflow, a tie SQL cannot
    order): the engine then answers."""
    budget = Budget(limits or QueryLimits())
    timeout = budget.limits.timeout
    deadline = None if timeout is None else time.monotonic() + timeout
    names = [name for name, _, _ in plan.functions] + ["polgraph_sum"]
    for name, n_args, fn in plan.functions:
        conn.create_function(name, n_args, fn, deterministic=True)
    conn.create_aggregate("polgraph_sum", 1, _Sum)  # type: ignore[arg-type]
    if deadline is not None:
        conn.set_progress_handler(lambda: int(time.monotonic() > deadline), 10_000)
    try:
        with budget_scope(budget):
            rows = _fetch(conn, plan, plan.sql, plan.params, timeout)
            if rows is None:
                return None
            if _ties(plan, rows):
                rows = _fetch(conn, plan, plan.ranked_sql, plan.ranked_params, timeout)
                if rows is None:
                    return None
    finally:
        if deadline is not None:
            conn.set_progress_handler(None, 0)
        for name in names:
            conn.create_function(name, -1, None)
    for row in rows:
        if any(row[i] for i in plan.checks):
            log.debug("Cypher pushdown handed back: a column holds values of several types")
            return None
    end = None if plan.limit is None else plan.skip + plan.limit
    out = [[c.value(row) for c in plan.out] for row in rows[plan.skip:end]]
    budget.check_rows(len(out))
    return Result(plan.columns, out, plan.describe())


def _fetch(conn: sqlite3.Connection, plan: Plan, sql: str, params: tuple[Any, ...],
           timeout: float | None) -> list[tuple[Any, ...]] | None:
    try:
        return conn.execute(sql, params).fetchall()
    except sqlite3.OperationalError as exc:
        if plan.stopped:
            raise plan.stopped[0] from None
        if "interrupted" in str(exc):
            raise QueryTimeout(f"the query ran longer than its time limit of {timeout:g} s") from None
        log.debug("Cypher pushdown handed back: %s", exc)
        return None
    except (_Fallback, OverflowError) as exc:
        log.debug("Cypher pushdown handed back: %s", exc)
        return None


def _ties(plan: Plan, rows: list[tuple[Any, ...]]) -> bool:
    """Whether two neighbouring rows fetched sort alike and differ: their order is the engine's
    order of matches, which only the ranked statement knows."""
    keys = [tuple(order_key(c.value(row)) for c, _ in plan.order) for row in rows]
    shown = [tuple((type(v), v) for v in (c.value(row) for c in plan.out)) for row in rows]
    return any(keys[i] == keys[i + 1] and shown[i] != shown[i + 1] for i in range(len(rows) - 1))


def run_pushdown(conn: sqlite3.Connection, tree: A.Query, params: Mapping[str, Any],
                 limits: QueryLimits | None = None) -> Result | None:
    """``tree`` answered in SQL, or None when the engine must answer it."""
    plan = plan_of(conn, tree, params)
    if plan is None:
        return None
    try:
        return run_plan(conn, plan, limits)
    except CypherSemanticError:
        return None
