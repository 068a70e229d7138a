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
meaning (``sqlite_expressions``); subexpressions without variables (``size($types) = 0``,
``$since IS NULL``) are computed once, so a parameter switches a condition off instead of being
tested on every row; parameters reach SQL only as bound values.

Aggregates: ``count`` is SQLite's; ``sum`` of integers too (an overflow hands the query back to
the engine); any other ``sum`` and ``avg`` through :func:`polgraph.cypher.values.exact_sum`, the
engine's own rule; ``min``/``max`` of text, or of a numeric column (checked to hold no text).

Order: SQL sorts by each key's Cypher type rank then its value (strings, booleans, numbers, null
last ascending). The engine meets matches in a fixed order (its plan: the start node by label
size or index, then each neighbour in the order of the pair's first edge, then the edges of the
pair) and keeps groups in the order of their first match; rows that tie on every ORDER BY key
come in that order. When the rows fetched hold such a tie (and differ), the statement runs again
with that order spelt out as a text key per match (``_Branch.rank``), so ties come out as the
engine gives them.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from polgraph.cypher import ast as A
from polgraph.cypher.executor import Result, substitute
from polgraph.cypher.expressions import Context, compile_expr, conjuncts, contains_aggregate, free_vars
from polgraph.cypher.functions import AGGREGATES
from polgraph.cypher.limits import Budget, QueryLimits, budget_scope
from polgraph.cypher.values import exact_sum, order_key
from polgraph.exceptions import QueryError, QueryLimitExceeded, QueryTimeout
from polgraph.graph.stores.sqlite_expressions import (
    NULL,
    NUMERIC_TYPES,
    Compiler,
    Const,
    EdgeKind,
    Env,
    Functions,
    HandBack,
    Sql,
    Unsupported,
    Value,
    as_sql,
    column_kinds,
    edge_kinds,
    encode_value,
    end_label,
    is_predicate,
    join_kind,
    kind_of,
    params_of,
)
from polgraph.graph.stores.sqlite_rows import NODE_TABLES

__all__ = ["Plan", "plan_of", "run_plan", "run_pushdown"]

log = logging.getLogger(__name__)

_NODE_RANK = {label: str(i) for i, label in enumerate(NODE_TABLES)}  # the whole graph adds nodes label by label
_TYPE_RANK_SQL = "CASE typeof({v}) WHEN 'text' THEN 6 WHEN 'integer' THEN 8 WHEN 'real' THEN 8 WHEN 'null' THEN 9 ELSE 10 END"


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
        raise Unsupported("UNION")
    clauses = tree.parts[0].clauses
    if len(clauses) < 2 or not isinstance(clauses[0], A.Match) or not isinstance(clauses[-1], A.Return):
        raise Unsupported("not MATCH ... RETURN")
    match, ret = clauses[0], clauses[-1]
    withs = clauses[1:-1]
    if match.optional or len(match.patterns) != 1:
        raise Unsupported("OPTIONAL MATCH or several patterns")
    part = match.patterns[0]
    if part.path_var or part.shortest or len(part.rels) != 1:
        raise Unsupported("not one relationship")
    rel = part.rels[0]
    nodes = part.nodes
    if rel.varlen is not None or rel.direction == "both":
        raise Unsupported("variable length or undirected")
    names = [v for v in (nodes[0].var, rel.var, nodes[1].var) if v]
    if len(set(names)) != len(names):
        raise Unsupported("a variable repeated in the pattern")
    conj = list(conjuncts(match.where))
    for pat in (*nodes, rel):
        if pat.props is None:
            continue
        if not isinstance(pat.props, A.MapLit) or not pat.var:
            raise Unsupported("a property map that is not a literal map of a named element")
        conj.extend(A.Compare(["="], [A.Prop(A.Var(pat.var), k), v]) for k, v in pat.props.items)
    for n in nodes:
        if len(n.labels) > 1:
            raise Unsupported("several labels")
    for w in withs:
        if not isinstance(w, A.With) or w.distinct or w.star or w.order or w.skip or w.limit or w.where is not None:
            raise Unsupported("a WITH that is not a plain projection")
        if any(contains_aggregate(it.expr) for it in w.items):
            raise Unsupported("an aggregating WITH")
    if ret.distinct or ret.star:
        raise Unsupported("RETURN DISTINCT or *")
    if not ret.order and not any(contains_aggregate(it.expr) for it in ret.items):
        raise Unsupported("neither aggregating nor ordered: the engine streams it")
    return _Shape(match, withs, ret, nodes, rel, conj)


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
            raise HandBack("sum() of a value that is not a number")

    def finalize(self) -> Any:
        return encode_value(exact_sum(self.total, self.floats))


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
    except Unsupported as why:
        log.debug("Cypher not pushed down to SQL: %s", why)
        return None


class _Planner:
    def __init__(self, conn: sqlite3.Connection, tree: A.Query, params: Mapping[str, Any]) -> None:
        self.conn = conn
        self.shape = _shape(tree)
        self.ctx = Context(None, dict(params), None)
        self.udfs = Functions(self.ctx)
        self.kinds = column_kinds(conn)

    def plan(self) -> Plan:
        shape = self.shape
        ret = shape.ret
        aggregating = any(contains_aggregate(it.expr) for it in ret.items)
        columns = [it.name for it in ret.items]
        if len(set(columns)) != len(columns):
            raise Unsupported("two columns of one name")
        skip = max(0, self._count(ret.skip))
        limit = self._count(ret.limit)
        anchor, into = self._engine_plan()
        branches = []
        for edges in edge_kinds():
            built = self._branch(edges, anchor, into)
            if built is not None:
                branches.append(built)
        return self._assemble(branches, columns, aggregating, skip, limit)

    def _count(self, expr: A.Expr | None) -> int:
        if expr is None:
            return -1
        if free_vars(expr):
            raise Unsupported("SKIP/LIMIT reading a variable")
        try:
            v = compile_expr(expr, self.ctx)({})
        except QueryError as exc:
            raise Unsupported(str(exc)) from None
        if type(v) is not int or v < 0:
            raise Unsupported("SKIP/LIMIT not a non-negative integer: the engine's error")
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
    def _branch(self, edges: EdgeKind, anchor: int, into: bool) -> _Branch | None:
        shape = self.shape
        rel = shape.rel
        ends = ("source", "target") if rel.direction == "out" else ("target", "source")
        for n, end in zip(shape.nodes, ends):
            if n.labels and n.labels[0] != end_label(edges, end):
                return None
        comp = Compiler(edges, self.kinds, self.ctx, self.udfs)
        env = Env({n.var: end for n, end in zip(shape.nodes, ends) if n.var}, rel.var, {})
        where: list[Sql] = []
        if rel.types:
            if edges.type_sql is None:
                if edges.fixed_type not in rel.types:
                    return None
            else:
                types = sorted(set(rel.types))
                where.append(Sql(f"{edges.type_sql} IN ({', '.join('?' * len(types))})", tuple(types), "bool"))
        for c in shape.conj:
            v = comp.predicate(c, env, truthy=True)
            if isinstance(v, Const):
                if v.value is not True:
                    return None
                continue
            where.append(v)
        for w in shape.withs:
            new = Env({}, None, {})
            for it in w.items:
                if isinstance(it.expr, A.Var) and (it.expr.name in env.ends or it.expr.name == env.rel):
                    if it.expr.name in env.ends:
                        new.ends[it.name] = env.ends[it.expr.name]
                    elif new.rel is None:
                        new.rel = it.name
                    else:
                        raise Unsupported("the relationship under two names")
                elif is_predicate(it.expr):
                    new.values[it.name] = comp.predicate(it.expr, env)
                else:
                    new.values[it.name] = comp.value(it.expr, env)
            if new.rel is not None and (new.rel in new.ends or new.rel in new.values):
                raise Unsupported("a name given twice")
            env = new
        return _Branch(edges, comp, env, where, ends, anchor, into)

    # -- the statement ----------------------------------------------------------------------------
    def _assemble(self, branches: list[_Branch], columns: list[str], aggregating: bool, skip: int, limit: int) -> Plan:
        ret = self.shape.ret
        inner_cols: list[list[Sql]] = [[] for _ in branches]  # per branch, the inner select's values
        kinds: list[list[str]] = []  # per inner column, the kinds across branches
        plain_columns: list[bool] = []  # per inner column: in every branch a plain column (or null)

        def inner(make: Callable[[_Branch], Value]) -> int:
            vals = [as_sql(make(b)) for b in branches]
            for k in range(len(kinds)):
                if branches and all(cols[k] == v for cols, v in zip(inner_cols, vals)):
                    return k  # the same values as a column already selected
            for cols, v in zip(inner_cols, vals):
                cols.append(v)
            kinds.append([kind_of(v) for v in vals])
            plain_columns.append(all(v.column or v is NULL for v in vals))
            return len(kinds) - 1

        outer: list[str] = []  # aggregating: the outer select's expressions over inner columns i0, i1, ...
        out: list[_Column] = []
        checks: list[int] = []
        group_by: list[str] = []
        for it in ret.items:
            expr = it.expr
            if not aggregating:
                i = inner(lambda b, e=expr: b.value(e))
                out.append(_Column("plain", i, value_kind=join_kind(kinds[i])))
                continue
            if not contains_aggregate(expr):
                i = inner(lambda b, e=expr: b.value(e))
                kind = join_kind(kinds[i])
                if kind == "any":  # 1 and 1.0 are one group: which one the engine shows depends on the order
                    checks.append(len(outer) + 1)
                    outer.append(f"i{i}")
                    outer.append(f"count(DISTINCT typeof(i{i})) > 1 AND min(typeof(i{i})) IN {NUMERIC_TYPES}")
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
                order.append((_Column("plain", i, value_kind=join_kind(kinds[i])), s.descending))
            else:
                raise Unsupported("ORDER BY an expression that is not a column")
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
            raise Unsupported("an aggregate inside an expression, or not count/sum/avg/min/max")
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
            raise Unsupported(f"{name}(DISTINCT ...)")
        i = inner(lambda b: b.value(arg))
        kind = join_kind(kinds[i])
        if name in ("sum", "avg"):
            if kind == "text":
                raise Unsupported("sum() of text: the engine's error")
            total = _add(outer, f"coalesce(sum(i{i}), 0)" if kind == "int" else f"polgraph_sum(i{i})")
            if name == "sum":
                return _Column("sum", total, value_kind=kind)
            return _Column("avg", total, count_at=_add(outer, f"count(i{i})"))
        if name in ("min", "max"):
            if not (kind == "text" or plain_columns[i]):
                raise Unsupported(f"{name}() of an expression that may mix types")
            at = _add(outer, f"{name}(i{i})")
            if kind != "text":
                checks.append(_add(outer, f"count(CASE WHEN typeof(i{i}) NOT IN ('integer', 'real', 'null') THEN 1 END)"))
            return _Column("minmax", at, value_kind=kind)
        raise Unsupported(f"{name}()")

    def _statement(self, union: list[tuple[_Branch, list[Sql]]], n_inner: int, outer: list[str], group_by: list[str],
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

    def __init__(self, edges: EdgeKind, comp: Compiler, env: Env, where: list[Sql], ends: tuple[str, str],
                 anchor: int, into: bool) -> None:
        self.edges = edges
        self.comp = comp
        self.env = env
        self.where = where
        self.anchor_end = ends[anchor]
        self.into = into

    def value(self, e: A.Expr) -> Value:
        return self.comp.predicate(e, self.env) if is_predicate(e) else self.comp.value(e, self.env)

    def node_id(self, name: str) -> Value:
        end = self.env.ends[name]
        return Sql(self.edges.source if end == "source" else self.edges.target, kind="text")

    def order_value(self, e: A.Expr, columns: list[str], items: list[A.ReturnItem]) -> Value:
        """An ORDER BY expression of a plain projection: the columns shadow the match's names."""
        env = self.env.copy()
        for name, it in zip(columns, items):
            env.ends.pop(name, None)
            if env.rel == name:
                env.rel = None
            env.values[name] = (self.comp.predicate(it.expr, self.env) if is_predicate(it.expr)
                                else self.comp.value(it.expr, self.env))
        return self.comp.predicate(e, env) if is_predicate(e) else self.comp.value(e, env)

    def from_sql(self) -> str:
        sql = self.edges.table
        for end in sorted(self.comp.joins):
            table = NODE_TABLES[end_label(self.edges, end)][0]
            sql += f" JOIN {table} {end[0]} ON {end[0]}.id = {self.edges.source if end == 'source' else self.edges.target}"
        return sql

    def where_sql(self) -> Sql:
        conds = ([self.edges.where] if self.edges.where else []) + [w.text for w in self.where]
        return Sql(f" WHERE {' AND '.join(conds)}" if conds else "", params_of(self.where), "bool")

    def rank(self) -> tuple[str, str, list[str]]:
        """The engine's order of this branch's matches as text (SQL), the joins it needs, the
        CTEs: start node (label, id), then the other node (into) or the pair's first edge
        (expand), then the edge; ids as hex, so that text order is tuple order."""
        e = self.edges
        anchor_id = e.source if self.anchor_end == "source" else e.target
        other_end = "target" if self.anchor_end == "source" else "source"
        other_id = e.source if other_end == "source" else e.target
        start = f"'{_NODE_RANK[end_label(e, self.anchor_end)]}' || hex({anchor_id})"
        joins = ""
        ctes: list[str] = []
        if self.into:
            second = f"'{_NODE_RANK[end_label(e, other_end)]}' || hex({other_id})"
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
    SQLite handed the query back (an engine error to report, an integer overflow, a group key or a
    min/max mixing types, where the engine's order of matches decides): the engine then answers."""
    budget = Budget(limits or QueryLimits())
    timeout = budget.limits.timeout
    deadline = None if timeout is None else time.monotonic() + timeout
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
        for name, n_args, _ in plan.functions:  # the connection is the store's: let go of this query's closures
            conn.create_function(name, n_args, None)
        conn.create_aggregate("polgraph_sum", 1, None)  # type: ignore[arg-type]
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
    except (HandBack, OverflowError) as exc:
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
    return None if plan is None else run_plan(conn, plan, limits)
