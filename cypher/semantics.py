"""Checks made before a query runs: unknown variables and functions, wrong argument counts,
misplaced aggregates, clashing variable kinds, unaliased WITH expressions, UNION columns."""

from __future__ import annotations

from typing import Any

from polgraph.cypher import ast as A
from polgraph.cypher.expressions import child_exprs, contains_aggregate
from polgraph.cypher.functions import AGGREGATES, ARITY, FUNCTIONS, UNSUPPORTED_FUNCTIONS
from polgraph.exceptions import CypherSemanticError, UnsupportedQuery

__all__ = ["check", "WRITE_MESSAGE"]

WRITE_MESSAGE = (
    "the embedded store answers read queries only; write through the loaders (polgraph load) "
    "or run the query on Neo4j (--store bolt://...)"
)


def check(query: A.Query, allow_create: bool = False) -> None:
    columns = None
    for part in query.parts:
        cols = _Checker(allow_create).single(part)
        if columns is not None and cols != columns:
            raise CypherSemanticError("all parts of a UNION must return the same columns, in the same order")
        columns = cols


_VALUE_EXPRS = (A.ListLit, A.MapLit, A.ListComp, A.Compare, A.And, A.Or, A.Xor, A.Not, A.BinOp, A.Neg,
                A.IsNull, A.StrOp, A.In, A.Quantifier, A.PatternPred, A.PatternComp, A.HasLabels, A.MapProj)


_TEMPORAL_NAMESPACES = {"date", "datetime", "time", "localtime", "localdatetime", "duration"}
_ARG_KINDS = {"type": ("rel",), "labels": ("node",), "length": ("path",), "size": ("rels",), "nodes": ("path",),
              "relationships": ("path",), "startnode": ("rel",), "endnode": ("rel",)}
_BOOLEAN_EXPRS = (A.Compare, A.And, A.Or, A.Xor, A.Not, A.IsNull, A.StrOp, A.In, A.Quantifier, A.PatternPred,
                  A.HasLabels, A.ExistsSubquery)


def _maybe_boolean(e: A.Expr) -> bool:
    if isinstance(e, A.Lit):
        return e.value is None or type(e.value) is bool
    return isinstance(e, _BOOLEAN_EXPRS) or not isinstance(e, _VALUE_EXPRS)


def _kind_of(e: A.Expr, kinds: dict[str, str]) -> str:
    """node / rel / path when an expression surely is one, value when it surely is none, else any."""
    if isinstance(e, A.Var):
        return kinds.get(e.name, "any")
    if isinstance(e, A.Lit) and e.value is not None:
        return "value"
    if isinstance(e, _VALUE_EXPRS):
        return "value"
    return "any"


def _check_grouping(e: Any, keys: list[Any], local: set[str]) -> None:
    """Outside its aggregates, an aggregating expression may read only grouping keys (variables
    or properties of variables): Neo4j's AmbiguousAggregationExpression."""
    if isinstance(e, A.CountStar) or (isinstance(e, A.Func) and e.name.lower() in AGGREGATES):
        return
    if isinstance(e, (A.Var, A.Prop)) and any(type(k) is type(e) and k == e for k in keys):
        return
    if isinstance(e, A.Var):
        if e.name in local:
            return
        raise CypherSemanticError(
            f"ambiguous aggregation: `{e.name}` is read outside the aggregate but is not a grouping key "
            "(project it on its own, or use it inside the aggregate)")
    if isinstance(e, (A.ListComp, A.Quantifier)):
        _check_grouping(e.source, keys, local)
        for sub in (e.where, getattr(e, "projection", None)):
            if sub is not None:
                _check_grouping(sub, keys, local | {e.var})
        return
    if isinstance(e, A.Reduce):
        for sub in (e.init, e.source):
            _check_grouping(sub, keys, local)
        _check_grouping(e.body, keys, local | {e.acc, e.var})
        return
    for child in child_exprs(e):
        _check_grouping(child, keys, local)


class _Checker:
    def __init__(self, allow_create: bool) -> None:
        self.allow_create = allow_create
        self.kinds: dict[str, str] = {}  # variable -> node | rel | path | any

    def single(self, q: A.SingleQuery) -> list[str]:
        columns: list[str] = []
        for clause in q.clauses:
            if isinstance(clause, A.Match):
                self.patterns(clause.patterns, create=False)
                self.expr(clause.where, "WHERE")
                if isinstance(clause.where, A.Var) and self.kinds.get(clause.where.name) in ("node", "rel", "path"):
                    raise CypherSemanticError(
                        f"type mismatch: WHERE expects a boolean, `{clause.where.name}` is a {self.kinds[clause.where.name]}")
            elif isinstance(clause, A.Unwind):
                self.expr(clause.expr, "UNWIND")
                self.kinds[clause.var] = "any"
                if isinstance(clause.expr, A.ListLit) and clause.expr.items:
                    kinds = {_kind_of(x, self.kinds) for x in clause.expr.items}
                    if len(kinds) == 1:
                        self.kinds[clause.var] = kinds.pop()
            elif isinstance(clause, (A.With, A.Return)):
                columns = self.projection(clause)
            elif isinstance(clause, A.Create):
                if not self.allow_create:
                    raise UnsupportedQuery("CREATE: " + WRITE_MESSAGE)
                self.patterns(clause.patterns, create=True)
        return columns

    # -- patterns ---------------------------------------------------------------------------
    def patterns(self, parts: list[A.PatternPart], create: bool) -> None:
        seen_rels: set[str] = set()
        new: dict[str, str] = {}
        for part in parts:
            for el in part.elements:
                kind = "node" if isinstance(el, A.NodePat) else ("rels" if el.varlen is not None else "rel")
                if el.var:
                    self._declare(el.var, kind, new)
                    if kind != "node":
                        if el.var in seen_rels:
                            raise CypherSemanticError(
                                f"cannot use the same relationship variable `{el.var}` for several relationships")
                        seen_rels.add(el.var)
                if el.props is not None:
                    self.expr(el.props, "a pattern", extra=set(new))
                if create and kind != "node" and (len(el.types) != 1 or el.direction == "both" or el.varlen):
                    raise CypherSemanticError("CREATE needs exactly one type and a direction for each relationship")
            if part.path_var:
                if part.path_var in self.kinds or part.path_var in new:
                    raise CypherSemanticError(f"variable `{part.path_var}` already declared")
                new[part.path_var] = "path"
        self.kinds.update(new)

    def _declare(self, var: str, kind: str, new: dict[str, str]) -> None:
        have = new.get(var) or self.kinds.get(var)
        if kind == "rels" and have in ("value", "rels"):  # a list of relationships from before
            return
        if have is not None and have not in (kind, "any"):
            if have == "value":
                have = "value that is not a graph element"
            raise CypherSemanticError(f"type mismatch: `{var}` is a {have}, used here as a {kind}")
        if var not in self.kinds:
            new[var] = kind

    # -- projections ------------------------------------------------------------------------
    def projection(self, clause: A.Projection) -> list[str]:
        is_with = isinstance(clause, A.With)
        if clause.star and not [v for v in self.kinds if not v.startswith(" ")]:
            raise CypherSemanticError("RETURN * / WITH * is not allowed when there are no variables in scope")
        names: list[str] = []
        new_kinds: dict[str, str] = dict(self.kinds) if clause.star else {}
        aggregating = False
        for it in clause.items:
            self.expr(it.expr, "WITH" if is_with else "RETURN", allow_agg=True)
            if is_with and it.alias is None and not isinstance(it.expr, A.Var):
                raise CypherSemanticError(f"expression in WITH must be aliased (use AS): {it.text}")
            if it.name in names:
                raise CypherSemanticError(f"multiple result columns with the same name `{it.name}`")
            names.append(it.name)
            aggregating = aggregating or contains_aggregate(it.expr)
            new_kinds[it.name] = _kind_of(it.expr, self.kinds)
        if clause.star:
            names = sorted(v for v in self.kinds if not v.startswith(" ")) + [n for n in names if n not in self.kinds]
        from polgraph.cypher.executor import substitute

        mapping = [(it.expr, it.name) for it in clause.items]
        if aggregating:
            keys = [it.expr for it in clause.items if not contains_aggregate(it.expr)]
            for it in clause.items:
                if contains_aggregate(it.expr):
                    _check_grouping(it.expr, keys, set())
            order_keys = keys + [A.Var(n) for n in names]
            for s in clause.order:
                _check_grouping(s.expr, order_keys, set())
        order_scope = set(new_kinds) if (aggregating or clause.distinct) else set(new_kinds) | set(self.kinds)
        for s in clause.order:
            e = substitute(s.expr, mapping)
            self.expr(e, "ORDER BY", allow_agg=aggregating, scope=order_scope)
        for e, what in ((clause.skip, "SKIP"), (clause.limit, "LIMIT")):
            if e is not None:
                self.expr(e, what, scope=set())
        if is_with and clause.where is not None:  # type: ignore[attr-defined]
            self.expr(substitute(clause.where, mapping), "WHERE", scope=order_scope)  # type: ignore[attr-defined]
        self.kinds = new_kinds
        return names

    # -- expressions ------------------------------------------------------------------------
    def expr(self, e: Any, where: str, allow_agg: bool = False, extra: set[str] | None = None,
             scope: set[str] | None = None) -> None:
        if e is None:
            return
        bound = (set(self.kinds) if scope is None else set(scope)) | (extra or set())
        self._visit(e, bound, where, allow_agg, in_agg=False)

    def _visit(self, e: Any, bound: set[str], where: str, allow_agg: bool, in_agg: bool) -> None:
        if isinstance(e, A.Var):
            if e.name not in bound:
                at = f" (line {e.line}, column {e.column})" if e.line else ""
                raise CypherSemanticError(f"variable `{e.name}` not defined{at}")
            return
        if isinstance(e, A.Prop) and isinstance(e.subject, A.Var) and self.kinds.get(e.subject.name) == "path":
            raise CypherSemanticError(f"type mismatch: `{e.subject.name}` is a path, which has no properties")
        if isinstance(e, (A.And, A.Or, A.Xor, A.Not)):
            for operand in ([e.operand] if isinstance(e, A.Not) else [e.left, e.right]):
                if _kind_of(operand, self.kinds) != "any" and not _maybe_boolean(operand):
                    raise CypherSemanticError(
                        f"type mismatch: {type(e).__name__.upper()} expects booleans (InvalidArgumentType)")
        if isinstance(e, A.Func) and e.args and isinstance(e.args[0], A.Var):
            need = _ARG_KINDS.get(e.name.lower())
            have = self.kinds.get(e.args[0].name)
            if need is not None and have in ("node", "rel", "path", "rels") and have not in need:
                raise CypherSemanticError(
                    f"type mismatch: {e.name}() cannot take `{e.args[0].name}`, a {have} (InvalidArgumentType)")
        if isinstance(e, A.Func) and e.name.lower() == "size" and e.args and isinstance(e.args[0], A.PatternPred):
            raise CypherSemanticError("size() of a pattern is not allowed: use COUNT { pattern } or size([pattern | 1])")
        if isinstance(e, A.PatternPred) and where in ("RETURN", "WITH") and not e.pattern.shortest:
            raise CypherSemanticError("a pattern cannot be projected: use exists(pattern) or a pattern comprehension")
        if isinstance(e, A.Func) and e.name.lower() == "exists" and e.args and isinstance(e.args[0], A.PatternPred):
            self._visit(e.args[0], bound, "WHERE", allow_agg, in_agg)
            return
        if isinstance(e, A.CountStar):
            if not allow_agg or in_agg:
                raise CypherSemanticError(f"invalid use of aggregating function count(*) in {where}")
            return
        if isinstance(e, A.Func):
            lname = e.name.lower()
            if lname in UNSUPPORTED_FUNCTIONS or ("." in lname and lname.split(".")[0] in _TEMPORAL_NAMESPACES):
                raise UnsupportedQuery(f"function {e.name}() is not provided by the embedded engine (run the query on Neo4j)")
            if lname not in FUNCTIONS and lname not in AGGREGATES:
                raise CypherSemanticError(f"unknown function '{e.name}' (line {e.line}, column {e.column})")
            lo, hi = ARITY.get(lname, (1, 1))
            if len(e.args) < lo or (hi is not None and len(e.args) > hi):
                raise CypherSemanticError(f"wrong number of arguments for {e.name}(): {len(e.args)}")
            if lname in AGGREGATES:
                if any(isinstance(x, A.Func) and x.name.lower() == "rand" for x in e.args):
                    raise CypherSemanticError(f"{e.name}(rand()): an aggregate needs a deterministic argument")
                if not allow_agg or in_agg:
                    raise CypherSemanticError(f"invalid use of aggregating function {e.name}(...) in {where}")
                for a in e.args:
                    self._visit(a, bound, where, allow_agg, True)
                return
            if lname == "exists" and e.args and not isinstance(e.args[0], (A.Prop, A.PatternPred, A.Index)):
                raise CypherSemanticError("exists() expects a property (n.prop) or a pattern")
        if isinstance(e, (A.ListComp, A.Quantifier)):
            self._visit(e.source, bound, where, allow_agg, in_agg)
            inner = bound | {e.var}
            for sub in (e.where, getattr(e, "projection", None)):
                if sub is not None:
                    self._visit(sub, inner, where, False, in_agg)
            return
        if isinstance(e, A.Reduce):
            self._visit(e.init, bound, where, allow_agg, in_agg)
            self._visit(e.source, bound, where, allow_agg, in_agg)
            self._visit(e.body, bound | {e.acc, e.var}, where, False, in_agg)
            return
        if isinstance(e, A.ExistsSubquery):
            inner = _Checker(False)
            inner.kinds = {v: self.kinds.get(v, "any") for v in bound}
            inner.single(A.SingleQuery(e.clauses))
            return
        if isinstance(e, (A.PatternPred, A.PatternComp)):
            local = set(bound)
            for el in e.pattern.elements:
                if isinstance(e, A.PatternPred) and el.var and el.var not in bound:
                    raise CypherSemanticError(
                        f"variable `{el.var}` not defined: a pattern predicate cannot introduce new variables")
                if el.var:
                    local.add(el.var)
                if el.props is not None:
                    self._visit(el.props, bound, where, False, in_agg)
            if e.pattern.path_var:
                local.add(e.pattern.path_var)
            if isinstance(e, A.PatternComp):
                if e.where is not None:
                    self._visit(e.where, local, where, False, in_agg)
                self._visit(e.projection, local, where, False, in_agg)
            return
        if isinstance(e, A.MapProj):
            self._visit(e.subject, bound, where, allow_agg, in_agg)
            for kind, val in e.items:
                if kind == "var" and val not in bound:
                    raise CypherSemanticError(f"variable `{val}` not defined")
                if kind == "item":
                    self._visit(val[1], bound, where, allow_agg, in_agg)
            return
        for child in child_exprs(e):
            self._visit(child, bound, where, allow_agg, in_agg)
