"""Runs a checked query over a NetworkX graph: clause by clause, each a stream of rows.

Projections (WITH / RETURN) group for aggregation (every non-aggregating item is a grouping
key), then DISTINCT, ORDER BY, SKIP and LIMIT, in that order. CREATE runs only when the caller
allows it: that is how test graphs (the TCK's setup steps) are built; the public entry refuses
every write before anything runs.
"""

from __future__ import annotations

import dataclasses
import itertools
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from polgraph.cypher import ast as A
from polgraph.cypher.expressions import (
    Context, aggregates_in, compile_expr, contains_aggregate, hash_key,
)
from polgraph.cypher.index import invalidate
from polgraph.cypher.limits import current_budget
from polgraph.cypher.matcher import Matcher, pattern_vars
from polgraph.cypher.values import Node, Path, Rel, exact_sum, order_key, type_name
from polgraph.exceptions import CypherSemanticError
from polgraph.graph.codec import LABELS, TYPE

__all__ = ["Result", "execute", "substitute"]

Row = dict[Any, Any]


@dataclass
class Result:
    columns: list[str]
    rows: list[list[Any]]
    path: str = ""  # how the store answered (``polgraph query --explain``); "" when it does not say

    def records(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row)) for row in self.rows]


def execute(query: A.Query, graph: Any, params: dict[str, Any]) -> Result:
    """The result of ``query``, within the limits of the running budget (see cypher/limits.py)."""
    results = [_Run(graph, params).single(part) for part in query.parts]
    columns = results[0].columns
    rows = [row for r in results for row in r.rows]
    current_budget().check_rows(len(rows))
    if len(results) > 1 and not query.union_all:
        seen: set[Any] = set()
        unique = []
        for row in rows:
            key = tuple(hash_key(v) for v in row)
            if key not in seen:
                seen.add(key)
                unique.append(row)
        rows = unique
    return Result(columns, rows)


def substitute(expr: Any, mapping: list[tuple[A.Expr, str]]) -> Any:
    """``expr`` with every subexpression equal to a projected expression replaced by its column."""
    for target, name in mapping:
        if isinstance(expr, A.Expr) and type(expr) is type(target) and expr == target:
            return A.Var(name)
    if not dataclasses.is_dataclass(expr) or not isinstance(expr, A.Expr):
        return expr
    if isinstance(expr, (A.ListComp, A.Quantifier, A.Reduce, A.PatternPred, A.PatternComp, A.ExistsSubquery)):
        return expr
    changes = {}
    for f in dataclasses.fields(expr):
        val = getattr(expr, f.name)
        if isinstance(val, A.Expr):
            new = substitute(val, mapping)
        elif isinstance(val, list):
            new = [substitute(x, mapping) if isinstance(x, A.Expr) else
                   (tuple(substitute(y, mapping) for y in x) if isinstance(x, tuple) else x) for x in val]
        else:
            continue
        changes[f.name] = new
    return dataclasses.replace(expr, **changes)


class _Run:
    def __init__(self, graph: Any, params: dict[str, Any]) -> None:
        self.graph = graph
        self.ctx = Context(graph, params, self._matcher, self._subquery)
        self.scope: list[str] = []

    def _matcher(self, patterns: list[A.PatternPart], where: A.Expr | None) -> Matcher:
        return Matcher(self.ctx, patterns, where)

    def _subquery(self, clauses: list[A.Clause]) -> Any:
        """EXISTS { ... }: the clauses run from the outer row, compiled once."""
        def run(row: Row) -> Iterator[Row]:
            inner = _Run(self.graph, self.ctx.params)
            inner.scope = [k for k in row if isinstance(k, str)]
            _, rows = inner._clauses(clauses, [row])
            return iter(rows)
        return run

    def single(self, q: A.SingleQuery) -> Result:
        columns, rows = self._clauses(q.clauses, [{}])
        if not q.clauses or not isinstance(q.clauses[-1], A.Return):
            for _ in rows:  # a query ending in CREATE: run it for its effect
                pass
            return Result([], [])
        out = []
        check_rows = self.ctx.budget.check_rows
        for r in rows:
            out.append([r[c] for c in columns])
            check_rows(len(out))
        return Result(columns, out)

    def _clauses(self, clauses: list[A.Clause], rows: Iterable[Row]) -> tuple[list[str], Iterable[Row]]:
        columns: list[str] = []
        for clause in clauses:
            if isinstance(clause, A.Match):
                rows = self._match(clause, rows)
            elif isinstance(clause, A.Unwind):
                rows = self._unwind(clause, rows)
            elif isinstance(clause, A.With):
                columns, rows = self._project(clause, rows)
                self.scope = columns
            elif isinstance(clause, A.Return):
                columns, rows = self._project(clause, rows)
            elif isinstance(clause, A.Create):
                rows = self._create(clause, list(rows))
        return columns, rows

    # -- reading clauses ----------------------------------------------------------------------
    def _match(self, clause: A.Match, rows: Iterable[Row]) -> Iterator[Row]:
        matcher = Matcher(self.ctx, clause.patterns, clause.where)
        new = [v for v in pattern_vars(clause.patterns) if v not in self.scope]
        self.scope = self.scope + new  # now, not when the stream is first read
        return self._match_rows(clause, matcher, new, rows)

    def _match_rows(self, clause: A.Match, matcher: Matcher, new: list[str], rows: Iterable[Row]) -> Iterator[Row]:
        if not clause.optional:
            for row in rows:
                yield from matcher(row)
            return
        for row in rows:
            found = False
            for out in matcher(row):
                found = True
                yield out
            if not found:
                out = dict(row)
                for v in new:
                    out.setdefault(v, None)
                yield out

    def _unwind(self, clause: A.Unwind, rows: Iterable[Row]) -> Iterator[Row]:
        fn = compile_expr(clause.expr, self.ctx)
        self.scope = self.scope + [clause.var]
        return self._unwind_rows(fn, clause.var, rows)

    def _unwind_rows(self, fn: Any, var: str, rows: Iterable[Row]) -> Iterator[Row]:
        tick = self.ctx.budget.tick
        for row in rows:
            v = fn(row)
            if v is None:
                continue
            items = v if type(v) is list else [v]
            for x in items:
                tick()
                out = dict(row)
                out[var] = x
                yield out

    # -- projection ---------------------------------------------------------------------------
    def _project(self, clause: A.Projection, rows: Iterable[Row]) -> tuple[list[str], Iterable[Row]]:
        items = list(clause.items)
        if clause.star:
            explicit = {it.name for it in items}
            star = [A.ReturnItem(A.Var(v), None, v) for v in sorted(self.scope) if v not in explicit
                    and not v.startswith(" ")]
            items = star + items
        columns = [it.name for it in items]
        fns = [compile_expr(it.expr, self.ctx) for it in items]
        aggregating = any(contains_aggregate(it.expr) for it in items)
        mapping = [(it.expr, it.name) for it in items]
        order_exprs = [substitute(s.expr, mapping) for s in clause.order]
        where = getattr(clause, "where", None)
        # ORDER BY and WITH ... WHERE also see the variables from before a plain projection
        keep_source = not aggregating and not clause.distinct and (bool(clause.order) or where is not None)
        if aggregating:
            out_rows = self._aggregate(items, fns, order_exprs, rows)
        else:
            out_rows = self._plain(items, fns, rows, keep_source)
        if clause.distinct:
            out_rows = _distinct(out_rows, columns)
        if clause.order:
            sort_fns = [compile_expr(e, self.ctx) for e in order_exprs]
            materialised = list(out_rows)
            keyed = [(r, [order_key(f(r)) for f in sort_fns]) for r in materialised]
            for i in range(len(sort_fns) - 1, -1, -1):
                keyed.sort(key=lambda pair: pair[1][i], reverse=clause.order[i].descending)
            out_rows = [r for r, _ in keyed]
        skip = self._count(clause.skip, "SKIP")
        limit = self._count(clause.limit, "LIMIT")
        if skip or limit is not None:
            out_rows = itertools.islice(out_rows, skip or 0, None if limit is None else (skip or 0) + limit)
        if where is not None:
            out_rows = _filter(out_rows, compile_expr(substitute(where, mapping), self.ctx))
        if keep_source:
            # the source variables were kept only for ORDER BY and WHERE: drop them again
            out_rows = ({c: r[c] for c in columns} for r in out_rows)
        return columns, out_rows

    def _count(self, expr: A.Expr | None, what: str) -> int | None:
        if expr is None:
            return None
        from polgraph.cypher.expressions import free_vars

        if free_vars(expr):
            raise CypherSemanticError(f"{what} must not depend on variables")
        v = compile_expr(expr, self.ctx)({})
        if type(v) is not int:
            raise CypherSemanticError(f"{what} expects a non-negative integer, got {type_name(v)}")
        if v < 0:
            raise CypherSemanticError(f"{what} expects a non-negative integer, got {v}")
        return v

    def _plain(self, items: list[A.ReturnItem], fns: list[Any], rows: Iterable[Row],
               keep_source: bool) -> Iterator[Row]:
        names = [it.name for it in items]
        pairs = list(zip(names, fns))
        tick = self.ctx.budget.tick
        for row in rows:
            tick()
            out = dict(row) if keep_source else {}
            for name, fn in pairs:
                out[name] = fn(row)
            yield out

    def _aggregate(self, items: list[A.ReturnItem], fns: list[Any], order_exprs: list[A.Expr],
                   rows: Iterable[Row]) -> list[Row]:
        key_idx = [i for i, it in enumerate(items) if not contains_aggregate(it.expr)]
        aggs = [a for it in items for a in aggregates_in(it.expr)]
        for e in order_exprs:
            aggs.extend(aggregates_in(e))
        agg_fns = []
        for a in aggs:
            if isinstance(a, A.CountStar):
                agg_fns.append((a, None, None))
            else:
                agg_fns.append((a, [compile_expr(x, self.ctx) for x in a.args], a.name.lower()))
        # one pass, accumulating each group's aggregates as rows stream by (no row lists kept)
        groups: dict[Any, tuple[list[Any], Row, list[_Acc]]] = {}
        key_fns = [fns[i] for i in key_idx]
        tick = self.ctx.budget.tick
        for row in rows:
            tick()
            keyvals = [f(row) for f in key_fns]
            k = tuple(hash_key(v) for v in keyvals)
            g = groups.get(k)
            if g is None:
                g = groups[k] = (keyvals, row, [_Acc(a, arg_fns, name, row) for a, arg_fns, name in agg_fns])
            for acc in g[2]:
                acc.add(row)
        if not groups and not key_idx:
            groups[()] = ([], {}, [_Acc(a, arg_fns, name, None) for a, arg_fns, name in agg_fns])
        out_rows = []
        for keyvals, first, accs in groups.values():
            env: Row = dict(first)
            for acc in accs:
                env[("agg", id(acc.node))] = acc.result()
            out: Row = {}
            kv = iter(keyvals)
            for i, (it, fn) in enumerate(zip(items, fns)):
                out[it.name] = next(kv) if i in key_idx else fn(env)
            for acc in accs:
                out[("agg", id(acc.node))] = env[("agg", id(acc.node))]
            out_rows.append(out)
        return out_rows

    # -- CREATE (test graphs only) --------------------------------------------------------
    def _create(self, clause: A.Create, rows: list[Row]) -> Iterator[Row]:
        new = [v for v in pattern_vars(clause.patterns) if v not in self.scope]
        self.scope = self.scope + new
        return iter(list(self._create_rows(clause, rows)))  # writes happen now, in order

    def _create_rows(self, clause: A.Create, rows: list[Row]) -> Iterator[Row]:
        g = self.graph
        for row in rows:
            bind = dict(row)
            for part in clause.patterns:
                ids: list[Any] = []
                rels: list[Rel] = []
                for node in part.nodes:
                    if node.var and node.var in bind:
                        v = bind[node.var]
                        if type(v) is not Node:
                            raise CypherSemanticError(f"variable `{node.var}` is not a node")
                        ids.append(v.id)
                        continue
                    props = self._props(node.props, bind)
                    nid = _next_id(g)
                    g.add_node(nid, **{LABELS: list(node.labels)}, **props)
                    ids.append(nid)
                    if node.var:
                        bind[node.var] = Node(g, nid)
                for i, rel in enumerate(part.rels):
                    if len(rel.types) != 1 or rel.varlen is not None:
                        raise CypherSemanticError("CREATE needs exactly one type per relationship")
                    u, v = ids[i], ids[i + 1]
                    if rel.direction == "in":
                        u, v = v, u
                    key = _next_id(g)
                    g.add_edge(u, v, key=key, **{TYPE: rel.types[0]}, **self._props(rel.props, bind))
                    r = Rel(g, u, v, key)
                    rels.append(r)
                    if rel.var:
                        bind[rel.var] = r
                if part.path_var:
                    bind[part.path_var] = Path([Node(g, x) for x in ids], rels)
            invalidate(g)
            yield bind

    def _props(self, expr: A.Expr | None, bind: Row) -> dict[str, Any]:
        if expr is None:
            return {}
        value = compile_expr(expr, self.ctx)(bind)
        return {k: v for k, v in value.items() if v is not None}


def _filter(rows: Iterable[Row], pred: Any) -> Iterator[Row]:
    # a function, not a generator expression: `pred` must not be looked up late
    for r in rows:
        if pred(r) is True:
            yield r


def _next_id(graph: Any) -> int:
    n = graph.graph.get("_next_id", 0)
    graph.graph["_next_id"] = n + 1
    return n


def _distinct(rows: Iterable[Row], columns: list[str]) -> Iterator[Row]:
    seen: set[Any] = set()
    for r in rows:
        k = tuple(hash_key(r[c]) for c in columns)
        if k not in seen:
            seen.add(k)
            yield r


class _Acc:
    """One aggregate of one group, fed row by row."""

    __slots__ = ("node", "arg", "name", "distinct", "seen", "n", "total", "floats", "values", "best", "first_row")

    def __init__(self, node: Any, arg_fns: list[Any] | None, name: str | None, first_row: Row | None) -> None:
        self.node = node
        self.arg = arg_fns[0] if arg_fns else None
        self.name = name or "count*"
        self.distinct = bool(getattr(node, "distinct", False))
        self.seen: set[Any] | None = set() if self.distinct else None
        self.n = 0
        self.total = 0  # sum and avg: the integers, added exactly, and the floats, summed at the end
        self.floats: list[float] = []
        self.values: list[Any] = []
        self.best: Any = None
        self.first_row = first_row
        if name in ("percentilecont", "percentiledisc"):
            self.best = arg_fns[1] if arg_fns else None  # type: ignore[index]

    def add(self, row: Row) -> None:
        if self.arg is None:
            self.n += 1
            return
        v = self.arg(row)
        if v is None:
            return
        if self.seen is not None:
            k = hash_key(v)
            if k in self.seen:
                return
            self.seen.add(k)
        name = self.name
        self.n += 1
        if name == "count":
            return
        if name == "collect":
            current_budget().check_size(len(self.values) + 1, "collect()")
            self.values.append(v)
            return
        if name in ("min", "max"):
            if self.n == 1:
                self.values = [v]
            else:
                cur = self.values[0]
                if (order_key(v) < order_key(cur)) if name == "min" else (order_key(v) > order_key(cur)):
                    self.values = [v]
            return
        if type(v) not in (int, float):
            raise CypherSemanticError(f"type mismatch: {self.node.name}() expects numbers, got {type_name(v)}")
        if name in ("sum", "avg"):
            if type(v) is float:
                self.floats.append(v)
            else:
                self.total += v
            return
        self.values.append(v)

    def result(self) -> Any:
        name = self.name
        if name in ("count*", "count"):
            return self.n
        if name == "collect":
            return self.values
        if name == "sum":
            return exact_sum(self.total, self.floats)
        if name == "avg":
            return exact_sum(self.total, self.floats) / self.n if self.n else None
        if name in ("min", "max"):
            return self.values[0] if self.values else None
        values = self.values
        if name in ("stdev", "stdevp"):
            n = len(values)
            if n < 2:
                return 0.0
            mean = sum(values) / n
            return math.sqrt(sum((v - mean) ** 2 for v in values) / (n - 1 if name == "stdev" else n))
        p = self.best(self.first_row) if self.best is not None and self.first_row is not None else None
        if p is None or type(p) not in (int, float) or not 0 <= p <= 1:
            raise CypherSemanticError(f"{self.node.name}(): the percentile must be a number between 0.0 and 1.0")
        if not values:
            return None
        s = sorted(values)
        if name == "percentiledisc":
            return s[max(0, math.ceil(p * len(s)) - 1) if p > 0 else 0]
        pos = p * (len(s) - 1)
        lo = math.floor(pos)
        hi = min(lo + 1, len(s) - 1)
        return float(s[lo] + (s[hi] - s[lo]) * (pos - lo))
