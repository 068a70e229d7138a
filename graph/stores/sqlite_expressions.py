"""Cypher expressions as SQL over one kind of stored relationship of the embedded store (for
``sqlite_pushdown``), with Cypher's meaning.

A value compiles to a :class:`Const` (known before the statement runs: literals, parameters and
what the engine computes from them once) or to :class:`Sql` (text with ``?`` placeholders, its
bound values and what kind of value it gives). Comparisons, ``IN`` a constant list, ``IS NULL``,
``AND``/``OR``/``NOT`` (SQLite's three-valued logic is Cypher's), ``coalesce`` and ``CASE`` are
written in SQL, each comparison guarded by ``typeof`` so that values of different types compare
as Cypher compares them (``'1' = 1`` is false, ``'a' < 1`` is null). Any other expression runs as
the engine's own compiled closure, which SQLite calls with the columns the expression reads
(:class:`Functions`). What SQL cannot answer exactly raises :class:`Unsupported` (the engine then
answers the query); what goes wrong inside SQLite raises :class:`HandBack`.
"""

from __future__ import annotations

import dataclasses
import json
import math
import sqlite3
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from polgraph.cypher import ast as A
from polgraph.cypher.expressions import Context, compile_expr, contains_aggregate, free_vars
from polgraph.exceptions import QueryError, QueryLimitExceeded
from polgraph.graph.stores.sqlite_rows import EVENT_PROPS, LINK_PROPS, NODE_TABLES

__all__ = [
    "NULL", "NUMERIC_TYPES", "Compiler", "Const", "EdgeKind", "Env", "Functions", "HandBack", "Sql", "Unsupported", "Value",
    "as_sql", "bind", "column_kinds", "edge_kinds", "encode_value", "end_label", "is_predicate", "is_type_of", "join_kind",
    "kind_of", "params_of",
]

NUMERIC_TYPES = "('integer', 'real')"
_NOT_FOLDED = frozenset({"rand", "date"})  # not the same value on every row (the engine does not fold them)


class Unsupported(Exception):
    """The query is outside the shape: the engine answers it."""


class HandBack(Exception):
    """Raised inside SQLite (by a function or an aggregate): hand the query to the engine, which
    gives the answer or the error."""


# -- compiled values --------------------------------------------------------------------------------
@dataclass(frozen=True)
class Const:
    """A value known before the statement runs (literals, parameters, what is computed from them)."""

    value: Any


@dataclass(frozen=True)
class Sql:
    """SQL computing a value per match. ``kind``: "text" (text or null), "int" (integer or null),
    "any" (a number, text or null), "bool" (1, 0 or null standing for true, false, null).
    ``column``: a plain numeric column (its values are numbers unless someone wrote text)."""

    text: str
    params: tuple[Any, ...] = ()
    kind: str = "any"
    column: bool = False


Value = Const | Sql
NULL = Sql("NULL")


def bind(value: Any) -> Sql:
    """A constant as a bound SQL parameter (never spliced into the text)."""
    t = type(value)
    if value is None:
        return NULL
    if t is bool:
        return Sql("?", (int(value),), "bool")
    if t is str:
        return Sql("?", (value,), "text")
    if t is int and -(2**63) <= value < 2**63:
        return Sql("?", (value,), "int")
    if t is float and not math.isnan(value):
        return Sql("?", (value,), "any")
    raise Unsupported(f"a constant SQLite cannot hold: {type(value).__name__}")


def as_sql(v: Value) -> Sql:
    return bind(v.value) if isinstance(v, Const) else v


def join_kind(kinds: list[str]) -> str:
    if "bool" in kinds:
        if set(kinds) - {"bool", "null"}:
            raise Unsupported("booleans mixed with other values")
        return "bool"
    real = [k for k in kinds if k != "null"]
    if real and all(k == "text" for k in real):
        return "text"
    if real and all(k == "int" for k in real):
        return "int"
    return "any"


def kind_of(v: Value) -> str:
    if isinstance(v, Sql):
        return "null" if v is NULL else v.kind
    return "null" if v.value is None else bind(v.value).kind


# -- the stored relationships -------------------------------------------------------------------------
@dataclass(frozen=True)
class EdgeKind:
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


def edge_kinds() -> list[EdgeKind]:
    event_props = {p: f'e."{p}"' for p in EVENT_PROPS}
    link_props: dict[str, str] = {}
    for prop in dict.fromkeys(p for props in LINK_PROPS.values() for p in props):
        types = sorted(t for t, props in LINK_PROPS.items() if prop in props)
        link_props[prop] = (f'e."{prop}"' if len(types) == len(LINK_PROPS) else
                            f"""CASE WHEN e.type IN ({", ".join(f"'{t}'" for t in types)}) THEN e."{prop}" END""")
    mention_id = "('mention:' || e.actor || '|' || e.article)"
    return [
        EdgeKind("event to actor", "event e", "e.to_topic = 0", "e.source", "e.target", "Actor", "Actor",
               "e.type", None, event_props, "e.id", "0"),
        EdgeKind("event to topic", "event e", "e.to_topic = 1", "e.source", "e.target", "Actor", "Topic",
               "e.type", None, event_props, "e.id", "0"),
        EdgeKind("link", "link e", "", "e.source", "e.target", "Actor", "Actor", "e.type", None, link_props, "e.id", "1"),
        EdgeKind("mention", "mention e", "", "e.actor", "e.article", "Actor", "Article", None, "MENTIONED_IN",
               {"id": mention_id, "count": 'e."count"'}, mention_id, "2"),
    ]


def column_kinds(conn: sqlite3.Connection) -> dict[tuple[str, str], str]:
    """(table, column) -> "text" for the columns declared TEXT (SQLite then stores only text or
    null there), "any" for the others."""
    out = {}
    for table in ("actor", "topic", "article", "event", "link", "mention"):
        for row in conn.execute(f"PRAGMA table_info({table})"):
            out[(table, row[1])] = "text" if row[2].upper() == "TEXT" else "any"
    return out


# -- expressions ----------------------------------------------------------------------------------------
@dataclass
class Env:
    """What a name means in one branch: a node end ("source"/"target"), the relationship, or a
    value computed by a WITH."""

    ends: dict[str, str]
    rel: str | None
    values: dict[str, Value]

    def copy(self) -> Env:
        return Env(dict(self.ends), self.rel, dict(self.values))


class Compiler:
    """Cypher expressions to SQL for one branch (one kind of stored relationship)."""

    def __init__(self, edges: EdgeKind, kinds: Mapping[tuple[str, str], str], ctx: Context, udfs: Functions) -> None:
        self.edges = edges
        self.kinds = kinds
        self.ctx = ctx
        self.udfs = udfs
        self.joins: set[str] = set()  # "source" / "target": the node tables to join

    # -- leaves -------------------------------------------------------------------------------
    def node_prop(self, end: str, key: str) -> Value:
        label = self.edges.source_label if end == "source" else self.edges.target_label
        table, columns = NODE_TABLES[label]
        if key not in columns:
            return Const(None)
        if key == "id":
            return Sql(self.edges.source if end == "source" else self.edges.target, kind="text")
        if key == "aliases":
            raise Unsupported("a list property as a value")
        self.joins.add(end)
        kind = self.kinds[(table, key)]
        return Sql(f'{end[0]}."{key}"', kind=kind, column=kind == "any")

    def rel_prop(self, key: str) -> Value:
        sql = self.edges.props.get(key)
        if sql is None:
            return Const(None)
        table = self.edges.table.split()[0]
        kind = self.kinds.get((table, key), "text" if key == "id" else "any")
        return Sql(sql, kind=kind, column=sql == f'e."{key}"' and kind == "any")

    def rel_type(self) -> Value:
        if self.edges.type_sql is None:
            return Const(self.edges.fixed_type)
        return Sql(self.edges.type_sql, kind="text")

    # -- values -------------------------------------------------------------------------------
    def value(self, e: A.Expr, env: Env) -> Value:
        """``e`` as a value (never a boolean in SQL form)."""
        folded = self.fold(e)
        if folded is not None:
            return folded
        if isinstance(e, A.Var) and e.name in env.values:
            v = env.values[e.name]
            if isinstance(v, Sql) and v.kind == "bool":
                raise Unsupported("a boolean as a value")
            return v
        if isinstance(e, A.Prop) and isinstance(e.subject, A.Var):
            name = e.subject.name
            if name in env.ends:
                return self.node_prop(env.ends[name], e.key)
            if name == env.rel:
                return self.rel_prop(e.key)
        if is_type_of(e, env.rel):
            return self.rel_type()
        if isinstance(e, A.Func) and e.name.lower() == "coalesce" and not e.distinct:
            args = [self.value(a, env) for a in e.args]
            while args and isinstance(args[0], Const) and args[0].value is None:
                args.pop(0)
            if not args:
                return Const(None)
            if isinstance(args[0], Const):
                return args[0]
            kind = join_kind([kind_of(a) for a in args])
            if len(args) == 1:
                return args[0]
            parts = [as_sql(a) for a in args]
            return Sql(f"coalesce({', '.join(p.text for p in parts)})", params_of(parts), kind)
        if isinstance(e, A.Case):
            return self.case(e, env)
        return self.udfs.call(self, e, env, "value")

    def case(self, e: A.Case, env: Env) -> Value:
        arms: list[tuple[Value, Value]] = []
        subject = self.value(e.subject, env) if e.subject is not None else None
        default: Value = self.value(e.default, env) if e.default is not None else Const(None)
        for cond_expr, result_expr in e.whens:
            cond = (self.compare("=", subject, self.value(cond_expr, env)) if subject is not None
                    else self.predicate(cond_expr, env, truthy=True))
            if isinstance(cond, Const):
                if cond.value is True:
                    default = self.value(result_expr, env)
                    break
                continue
            arms.append((cond, self.value(result_expr, env)))
        if not arms:
            return default
        kind = join_kind([kind_of(r) for _, r in arms] + [kind_of(default)])
        if kind == "bool":
            raise Unsupported("a CASE giving booleans")
        parts: list[Sql] = []
        text = "CASE"
        for cond, result in arms:
            c, r = as_sql(cond), as_sql(result)
            text += f" WHEN {c.text} THEN {r.text}"
            parts += [c, r]
        d = as_sql(default)
        parts.append(d)
        return Sql(text + f" ELSE {d.text} END", params_of(parts), kind)

    # -- predicates -----------------------------------------------------------------------------
    def predicate(self, e: A.Expr, env: Env, truthy: bool = False) -> Value:
        """``e`` as a boolean: SQL of kind "bool", or a constant. ``truthy``: only whether it is
        true matters (a WHERE conjunct, a CASE condition), so a value that is not a boolean is false."""
        folded = self.fold(e)
        if folded is not None:
            if truthy:
                return Const(folded.value is True)
            if folded.value is not None and type(folded.value) is not bool:
                raise Unsupported("a constant that is not a boolean where one is needed")
            return folded
        if isinstance(e, A.Var) and e.name in env.values:
            v = env.values[e.name]
            if isinstance(v, Sql) and v.kind == "bool":
                return v
            if isinstance(v, Const) and (v.value is None or type(v.value) is bool):
                return v
            raise Unsupported("a value where a boolean is needed")
        if isinstance(e, (A.And, A.Or)):
            return self.logic("AND" if isinstance(e, A.And) else "OR", [e.left, e.right], env)
        if isinstance(e, A.Not):
            inner = self.predicate(e.operand, env)
            if isinstance(inner, Const):
                return Const(None if inner.value is None else not inner.value)
            return Sql(f"(NOT {inner.text})", inner.params, "bool")
        if isinstance(e, A.IsNull):
            inner = self.value(e.operand, env) if not is_predicate(e.operand) else self.predicate(e.operand, env)
            if isinstance(inner, Const):
                return Const((inner.value is None) != e.negated)
            return Sql(f"({inner.text} IS {'NOT ' if e.negated else ''}NULL)", inner.params, "bool")
        if isinstance(e, A.Compare) and len(e.ops) == 1 and not any(is_predicate(x) for x in e.operands):
            return self.compare(e.ops[0], self.value(e.operands[0], env), self.value(e.operands[1], env))
        if isinstance(e, A.In) and not is_predicate(e.left):
            right = self.fold(e.right)
            if right is not None and type(right.value) is list:
                return self.in_list(self.value(e.left, env), right.value)
        return self.udfs.call(self, e, env, "truthy" if truthy else "predicate")

    def logic(self, op: str, operands: list[A.Expr], env: Env) -> Value:
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
        parts: list[Sql] = []
        unknown = False
        for x in flat:
            v = self.predicate(x, env)
            if isinstance(v, Const):
                if v.value is decisive:
                    return Const(decisive)
                if v.value is None:
                    unknown = True
                continue
            parts.append(v)
        if not parts:
            return Const(None if unknown else not decisive)
        if unknown:
            parts.append(NULL)
        if len(parts) == 1:
            return parts[0]
        return Sql("(" + f" {op} ".join(p.text for p in parts) + ")", params_of(parts), "bool")

    def compare(self, op: str, left: Value, right: Value) -> Value:
        """Cypher's ``=``, ``<>``, ``<``, ... : null with a null side; between values of different
        types false for ``=`` (true for ``<>``) and null for an ordering."""
        if isinstance(left, Const) and isinstance(right, Const):
            return Const(_engine_compare(op, left.value, right.value, self.ctx))
        for side in (left, right):
            if isinstance(side, Const) and side.value is not None and type(side.value) not in (str, int, float):
                raise Unsupported("a comparison with a list, map or boolean")
            if isinstance(side, Const) and type(side.value) is float and math.isnan(side.value):
                raise Unsupported("a comparison with NaN")
        if any(isinstance(s, Const) and s.value is None for s in (left, right)):
            return Const(None)
        a, b = as_sql(left), as_sql(right)
        if a.kind == "bool" or b.kind == "bool":
            raise Unsupported("a comparison of booleans")
        sql_op = {"=": "=", "<>": "<>", "<": "<", "<=": "<=", ">": ">", ">=": ">="}[op]
        if a.kind == b.kind == "text":
            return Sql(f"({a.text} {sql_op} {b.text})", a.params + b.params, "bool")
        # one side's class is known: the other must have it
        known = b if isinstance(right, Const) else a if isinstance(left, Const) else None
        other = a if known is b else b
        if op in ("=", "<>") and known is not None and known.kind in ("int", "any") and other.column:
            # a number against a numeric column: SQLite compares numbers as numbers, and text (which
            # such a column holds only when no number could be read from it) as unequal
            return Sql(f"({a.text} {sql_op} {b.text})", a.params + b.params, "bool")
        mismatch = "0" if op == "=" else "1" if op == "<>" else "NULL"
        if known is not None:
            test = "= 'text'" if known.kind == "text" else f"IN {NUMERIC_TYPES}"
            return Sql(f"(CASE WHEN typeof({other.text}) {test} THEN {a.text} {sql_op} {b.text} WHEN {other.text} IS NULL "
                       f"THEN NULL ELSE {mismatch} END)", other.params + a.params + b.params + other.params, "bool")
        same = (f"(typeof({a.text}) IN {NUMERIC_TYPES}) = (typeof({b.text}) IN {NUMERIC_TYPES}) "
                f"AND (typeof({a.text}) = 'text') = (typeof({b.text}) = 'text')")
        params = (a.params + b.params) * 4
        return Sql(f"(CASE WHEN {a.text} IS NULL OR {b.text} IS NULL THEN NULL WHEN {same} THEN {a.text} {sql_op} {b.text} "
                    f"ELSE {mismatch} END)", params, "bool")

    def in_list(self, left: Value, items: list[Any]) -> Value:
        """``x IN [...]`` (a constant list): true when an item equals x; else null when x is null
        (and the list is not empty) or an item is null; else false."""
        if isinstance(left, Const):
            return Const(_engine_in(left.value, items, self.ctx))
        x = as_sql(left)
        if x.kind == "bool":
            raise Unsupported("IN over booleans")
        strs = sorted({v for v in items if type(v) is str})
        nums = sorted({v for v in items if type(v) in (int, float) and not (type(v) is float and math.isnan(v))})
        if x.kind == "text" and all(type(v) is str for v in items):
            # text against strings: SQL's IN is Cypher's (null IN a non-empty list is null, IN [] false)
            return Sql(f"({x.text} IN ({', '.join('?' * len(strs))}))", x.params + tuple(strs), "bool")
        if any(type(v) is int and not -(2**63) <= v < 2**63 for v in nums):
            raise Unsupported("an integer SQLite cannot hold")
        text = f"(CASE WHEN {x.text} IS NULL THEN {'NULL' if items else '0'}"
        params = list(x.params)
        if strs:
            text += f" WHEN typeof({x.text}) = 'text' AND {x.text} IN ({', '.join('?' * len(strs))}) THEN 1"
            params += [*x.params, *x.params, *strs]
        if nums:
            text += f" WHEN typeof({x.text}) IN {NUMERIC_TYPES} AND {x.text} IN ({', '.join('?' * len(nums))}) THEN 1"
            params += [*x.params, *x.params, *nums]
        text += f" ELSE {'NULL' if any(v is None for v in items) else '0'} END)"
        return Sql(text, tuple(params), "bool")

    # -- constants ------------------------------------------------------------------------------
    def fold(self, e: A.Expr) -> Const | None:
        """The value of ``e`` when it reads no variable (as the engine computes it once)."""
        if free_vars(e) or contains_aggregate(e) or _mentions(e, _NOT_FOLDED) or _has_pattern(e):
            return None
        try:
            return Const(compile_expr(e, self.ctx)({}))
        except Exception as exc:  # an error the engine reports when (and if) it evaluates this
            raise Unsupported(f"the engine reports it: {exc}") from None


def params_of(parts: list[Sql]) -> tuple[Any, ...]:
    return tuple(p for part in parts for p in part.params)


def is_type_of(e: A.Expr, rel: str | None) -> bool:
    return (rel is not None and isinstance(e, A.Func) and e.name.lower() == "type" and len(e.args) == 1
            and isinstance(e.args[0], A.Var) and e.args[0].name == rel)


def is_predicate(e: A.Expr) -> bool:
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
class Functions:
    """Expressions SQL does not spell out, compiled by the engine and called by SQLite with the
    columns they read (each read replaced by a variable of its own)."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.made: list[tuple[str, int, Callable[..., Any]]] = []
        self.stopped: list[QueryLimitExceeded] = []  # a limit the engine's code met inside SQLite

    def call(self, comp: Compiler, e: A.Expr, env: Env, mode: str) -> Sql:
        if _mentions(e, frozenset({"rand"})) or _has_pattern(e) or isinstance(e, A.MapProj):
            raise Unsupported("randomness or a pattern in an expression")
        if contains_aggregate(e):
            raise Unsupported("an aggregate inside an expression")
        reads: list[Sql] = []
        decoders: list[Callable[[Any], Any]] = []

        def leaf(x: A.Expr, shadowed: frozenset[str]) -> A.Expr | None:
            if isinstance(x, A.Prop) and isinstance(x.subject, A.Var) and x.subject.name not in shadowed:
                name = x.subject.name
                if name in env.ends:
                    if x.key == "aliases" and "aliases" in NODE_TABLES[end_label(comp.edges, env.ends[name])][1]:
                        comp.joins.add(env.ends[name])
                        return self._read(reads, decoders, Sql(f'{env.ends[name][0]}."aliases"', kind="text"), json.loads)
                    return self._read(reads, decoders, as_sql(comp.node_prop(env.ends[name], x.key)))
                if name == env.rel:
                    return self._read(reads, decoders, as_sql(comp.rel_prop(x.key)))
            if is_type_of(x, env.rel) and env.rel not in shadowed:
                return self._read(reads, decoders, as_sql(comp.rel_type()))
            if isinstance(x, A.Var) and x.name not in shadowed:
                if x.name in env.values:
                    v = as_sql(env.values[x.name])
                    return self._read(reads, decoders, v, _to_bool if v.kind == "bool" else None)
                raise Unsupported(f"`{x.name}` as a value")
            return None

        rewritten = _rewrite(e, leaf, frozenset())
        try:
            fn = compile_expr(rewritten, self.ctx)
        except QueryError as exc:
            raise Unsupported(f"the engine reports it: {exc}") from None
        names = [f" read {i}" for i in range(len(reads))]
        pairs = list(zip(names, decoders))
        encode = _ENCODERS[mode]
        stopped = self.stopped

        def function(*args: Any) -> Any:
            row = {name: (arg if decode is None or arg is None else decode(arg)) for (name, decode), arg in zip(pairs, args)}
            try:
                return encode(fn(row))
            except HandBack:
                raise
            except QueryLimitExceeded as exc:  # the query's limit: it ends the query
                stopped.append(exc)
                raise
            except Exception as exc:  # the engine's error, or a value SQL cannot hold: the engine decides
                raise HandBack(str(exc)) from exc

        name = f"polgraph_expr_{len(self.made)}"
        self.made.append((name, len(reads), function))
        call = f"{name}({', '.join(r.text for r in reads)})"
        return Sql(call, params_of(reads), "any" if mode == "value" else "bool")

    @staticmethod
    def _read(reads: list[Sql], decoders: list[Any], sql: Sql, decode: Any = None) -> A.Var:
        reads.append(sql)
        decoders.append(decode)
        return A.Var(f" read {len(reads) - 1}")


def end_label(edges: EdgeKind, end: str) -> str:
    return edges.source_label if end == "source" else edges.target_label


def _to_bool(v: Any) -> Any:
    return bool(v)


def encode_value(v: Any) -> Any:
    t = type(v)
    if v is None or t is str or (t is float and not math.isnan(v)) or (t is int and -(2**63) <= v < 2**63):
        return v
    raise HandBack(f"a value SQL does not hold: {t.__name__}")


def _encode_predicate(v: Any) -> Any:
    if v is None:
        return None
    if type(v) is bool:
        return int(v)
    raise HandBack("not a boolean")


_ENCODERS: dict[str, Callable[[Any], Any]] = {
    "value": encode_value,
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
