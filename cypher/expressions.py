"""Expressions compiled to Python closures ``row -> value``, with Cypher's null semantics.

A row is a dict from variable name to value. Aggregate calls are not computed here: the
projection computes them per group and stores each under the key ``("agg", id(node))``.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import regex

from polgraph.cypher import ast as A
from polgraph.cypher.functions import AGGREGATES, FUNCTIONS
from polgraph.cypher.limits import Budget, current_budget
from polgraph.cypher.values import Date, Node, Rel, compare, equals, render, type_name
from polgraph.exceptions import CypherSemanticError, QueryTimeout

__all__ = ["Context", "child_exprs", "compile_expr", "conjuncts", "contains_aggregate", "free_vars", "hash_key", "truth"]

Fn = Callable[[dict[Any, Any]], Any]
_INT_MIN, _INT_MAX = -(2**63), 2**63 - 1


class Context:
    """What compiled expressions need: the graph, the parameters, the pattern matcher and the
    budget of the run (its limits)."""

    def __init__(self, graph: Any, params: dict[str, Any], matcher_factory: Callable[..., Any],
                 subquery_factory: Callable[..., Any] | None = None, budget: Budget | None = None) -> None:
        self.graph = graph
        self.params = params
        self.budget = budget or current_budget()
        self.foldable: dict[int, bool] = {}  # compile_expr's answers by id(node): the tree outlives the run
        self.matcher_factory = matcher_factory  # (patterns, where) -> (row -> iterator of rows)
        self.subquery_factory = subquery_factory  # (clauses) -> (row -> iterator of rows)


def truth(v: Any) -> bool:
    """Does a predicate value keep the row? Only true does; null and false drop it."""
    return v is True


def hash_key(v: Any) -> Any:
    """A hashable key under which equivalent values (for DISTINCT and grouping) coincide."""
    t = type(v)
    if t is bool:
        return ("b", v)
    if t is list:
        return ("l", tuple(hash_key(x) for x in v))
    if t is dict:
        return ("m", tuple(sorted((k, hash_key(x)) for k, x in v.items())))
    if t is float:
        if math.isnan(v):
            return ("nan",)
        return v
    return v


def conjuncts(expr: A.Expr | None) -> list[A.Expr]:
    if expr is None:
        return []
    first, nodes = _left_spine(expr, A.And)
    out: list[A.Expr] = []
    for part in [first] + [n.right for n in nodes]:
        out.extend(conjuncts(part) if isinstance(part, A.And) else [part])
    return out


def contains_aggregate(expr: Any) -> bool:
    found = []

    def visit(e: Any) -> None:
        if isinstance(e, A.CountStar) or (isinstance(e, A.Func) and e.name.lower() in AGGREGATES):
            found.append(e)
            return
        for child in child_exprs(e):
            visit(child)

    visit(expr)
    return bool(found)


def aggregates_in(expr: Any) -> list[Any]:
    found: list[Any] = []

    def visit(e: Any) -> None:
        if isinstance(e, A.CountStar) or (isinstance(e, A.Func) and e.name.lower() in AGGREGATES):
            found.append(e)
            return
        for child in child_exprs(e):
            visit(child)

    visit(expr)
    return found


def child_exprs(e: Any) -> list[Any]:
    if isinstance(e, (A.Lit, A.Param, A.Var, A.CountStar)) or e is None:
        return []
    if isinstance(e, A.MapLit):
        return [x for _, x in e.items]
    if isinstance(e, A.MapProj):
        return [e.subject] + [v[1] for k, v in e.items if k == "item"]
    if isinstance(e, A.Case):
        out = [e.subject] if e.subject is not None else []
        for c, r in e.whens:
            out += [c, r]
        if e.default is not None:
            out.append(e.default)
        return out
    if isinstance(e, (A.PatternPred, A.PatternComp, A.ExistsSubquery)):
        return []
    out = []
    for name in getattr(e, "__dataclass_fields__", {}):
        val = getattr(e, name)
        if isinstance(val, A.Expr):
            out.append(val)
        elif isinstance(val, list):
            out.extend(x for x in val if isinstance(x, A.Expr))
    return out


def _pattern_vars(part: A.PatternPart) -> list[str]:
    out = [part.path_var] if part.path_var else []
    for el in part.elements:
        if el.var:
            out.append(el.var)
    return out


def _pattern_vars_all(parts: list[A.PatternPart]) -> list[str]:
    return [v for part in parts for v in _pattern_vars(part)]


def free_vars(expr: Any) -> set[str]:
    """Variables an expression reads from its row (local comprehension variables excluded)."""
    out: set[str] = set()

    def pattern(part: A.PatternPart, bound: frozenset[str]) -> None:
        # every variable a pattern names counts as read: an outer one must be bound before the
        # pattern is tried (a new local one never is, which only delays the check to the end)
        for name in _pattern_vars(part):
            if name not in bound:
                out.add(name)
        for el in part.elements:
            if el.props is not None:
                visit(el.props, bound)

    def clauses(cl: list[Any], bound: frozenset[str]) -> None:
        for c in cl:
            if isinstance(c, A.Match):
                for part in c.patterns:
                    pattern(part, bound)
                visit(c.where, bound | frozenset(_pattern_vars_all(c.patterns)))
            elif isinstance(c, A.Unwind):
                visit(c.expr, bound)
            else:
                for it in c.items:
                    visit(it.expr, bound)

    def visit(e: Any, bound: frozenset[str]) -> None:
        if e is None:
            return
        if isinstance(e, A.Var):
            if e.name not in bound:
                out.add(e.name)
        elif isinstance(e, (A.ListComp, A.Quantifier)):
            visit(e.source, bound)
            inner = bound | {e.var}
            visit(e.where, inner)
            visit(getattr(e, "projection", None), inner)
        elif isinstance(e, A.Reduce):
            visit(e.init, bound)
            visit(e.source, bound)
            visit(e.body, bound | {e.acc, e.var})
        elif isinstance(e, A.PatternPred):
            pattern(e.pattern, bound)
        elif isinstance(e, A.PatternComp):
            pattern(e.pattern, bound)
            local = bound | set(_pattern_vars(e.pattern))
            visit(e.where, local)
            visit(e.projection, local)
        elif isinstance(e, A.ExistsSubquery):
            clauses(e.clauses, bound)
        elif isinstance(e, A.MapProj):
            visit(e.subject, bound)
            for kind, val in e.items:
                if kind == "var" and val not in bound:
                    out.add(val)
                elif kind == "item":
                    visit(val[1], bound)
        else:
            for child in child_exprs(e):
                visit(child, bound)

    visit(expr, frozenset())
    return out


# -- operators ----------------------------------------------------------------------------------
def _check_int(v: int) -> int:
    if not _INT_MIN <= v <= _INT_MAX:
        raise CypherSemanticError("integer overflow: the result does not fit in 64 bits")
    return v


def add(a: Any, b: Any) -> Any:
    if a is None or b is None:
        return None
    ta, tb = type(a), type(b)
    if ta is list:
        current_budget().check_size(len(a) + (len(b) if tb is list else 1), "a list made by '+'")
        return a + b if tb is list else a + [b]
    if tb is list:
        current_budget().check_size(len(b) + 1, "a list made by '+'")
        return [a] + b
    if ta in (int, float) and tb in (int, float):
        r = a + b
        return _check_int(r) if type(r) is int else r
    if ta is str and tb is str:
        current_budget().check_size(len(a) + len(b), "a string made by '+'")
        return a + b
    if ta is str and tb in (int, float):
        return a + render(b)
    if tb is str and ta in (int, float):
        return render(a) + b
    raise CypherSemanticError(f"type mismatch: cannot add {type_name(a)} and {type_name(b)}")


def arith(op: str, a: Any, b: Any) -> Any:
    if a is None or b is None:
        return None
    ta, tb = type(a), type(b)
    if ta not in (int, float) or tb not in (int, float):
        raise CypherSemanticError(f"type mismatch: cannot apply '{op}' to {type_name(a)} and {type_name(b)}")
    if op == "-":
        r = a - b
    elif op == "*":
        r = a * b
    elif op == "/":
        if ta is int and tb is int:
            if b == 0:
                raise CypherSemanticError("division by zero")
            q = abs(a) // abs(b)
            r = q if (a >= 0) == (b >= 0) else -q
        else:
            if b == 0:
                return math.nan if a == 0 or (type(a) is float and math.isnan(a)) else math.copysign(math.inf, a) * math.copysign(1, b)
            r = a / b
    elif op == "%":
        if ta is int and tb is int:
            if b == 0:
                raise CypherSemanticError("division by zero")
            r = abs(a) % abs(b)
            r = r if a >= 0 else -r
        else:
            if b == 0:
                return math.nan
            r = math.fmod(a, b)
    elif op == "^":
        try:
            return float(a) ** float(b)
        except OverflowError:
            return math.inf
        except ZeroDivisionError:
            return math.inf
    else:  # pragma: no cover - the parser produces no other operator
        raise CypherSemanticError(f"unknown operator {op}")
    return _check_int(r) if type(r) is int else r


def _and(a: Any, b: Any) -> Any:
    if a is False or b is False:
        return False
    if a is None or b is None:
        return None
    return True


def _or(a: Any, b: Any) -> Any:
    if a is True or b is True:
        return True
    if a is None or b is None:
        return None
    return False


def _bool_operand(op: str, v: Any) -> Any:
    if v is not None and type(v) is not bool:
        raise CypherSemanticError(f"type mismatch: {op} expects booleans, got {type_name(v)} {render(v)}")
    return v


def _cmp(op: str, a: Any, b: Any) -> Any:
    if op == "=":
        return equals(a, b)
    if op == "<>":
        r = equals(a, b)
        return None if r is None else not r
    c = compare(a, b)
    if c is None:
        if type(a) in (int, float) and type(b) in (int, float):
            return False  # NaN against a number: every ordering comparison is false
        return None
    if op == "<":
        return c < 0
    if op == ">":
        return c > 0
    if op == "<=":
        return c <= 0
    return c >= 0


def in_list(x: Any, lst: Any) -> Any:
    if lst is None:
        return None
    if type(lst) is not list:
        raise CypherSemanticError(f"type mismatch: IN expects a list, got {type_name(lst)} {render(lst)}")
    unknown = False
    for y in lst:
        r = equals(x, y)
        if r is True:
            return True
        if r is None:
            unknown = True
    return None if unknown else False


_REGEX_CACHE: dict[str, regex.Pattern[str]] = {}
_REGEX_CACHE_SIZE = 256


def _str_op(op: str, a: Any, b: Any) -> Any:
    if type(a) is not str or type(b) is not str:
        return None
    if op == "STARTS WITH":
        return a.startswith(b)
    if op == "ENDS WITH":
        return a.endswith(b)
    if op == "CONTAINS":
        return b in a
    pat = _REGEX_CACHE.get(b)
    if pat is None:
        try:
            pat = regex.compile(b, regex.DOTALL if b.startswith("(?s)") else 0)
        except (regex.error, OverflowError, RecursionError) as exc:
            raise CypherSemanticError(f"invalid regular expression {b!r}: {exc}") from None
        if len(_REGEX_CACHE) >= _REGEX_CACHE_SIZE:
            _REGEX_CACHE.clear()
        _REGEX_CACHE[b] = pat
    budget = current_budget()
    try:  # `regex` gives up at the deadline: a backtracking pattern cannot outlive the query
        return pat.fullmatch(a, timeout=budget.remaining()) is not None
    except TimeoutError:
        raise QueryTimeout(f"the query ran longer than its time limit of {budget.limits.timeout:g} s "
                           f"(matching {b!r})") from None


def get_property(v: Any, key: str) -> Any:
    t = type(v)
    if t is Node or t is Rel:
        return v.get(key)
    if t is dict:
        return v.get(key)
    if v is None:
        return None
    if t is Date:
        d = v.value
        iso = d.isocalendar()
        quarter_start = d.replace(month=(d.month - 1) // 3 * 3 + 1, day=1)
        return {"year": d.year, "month": d.month, "day": d.day, "quarter": (d.month - 1) // 3 + 1,
                "dayOfWeek": d.isoweekday(), "weekDay": d.isoweekday(), "ordinalDay": d.timetuple().tm_yday,
                "week": iso[1], "weekYear": iso[0], "dayOfQuarter": (d - quarter_start).days + 1}.get(key)
    raise CypherSemanticError(f"type mismatch: cannot read property '{key}' of {type_name(v)} {render(v)}")


def _index(v: Any, i: Any) -> Any:
    if v is None or i is None:
        return None
    t = type(v)
    if t is list:
        if type(i) is not int:
            raise CypherSemanticError(f"type mismatch: a list index must be an integer, got {type_name(i)}")
        if -len(v) <= i < len(v):
            return v[i]
        return None
    if t in (dict, Node, Rel):
        if type(i) is not str:
            raise CypherSemanticError(f"type mismatch: a map key must be a string, got {type_name(i)}")
        return get_property(v, i)
    raise CypherSemanticError(f"type mismatch: cannot index {type_name(v)} {render(v)}")


def _slice(v: Any, lo: Any, hi: Any, has_lo: bool, has_hi: bool) -> Any:
    if v is None or (has_lo and lo is None) or (has_hi and hi is None):
        return None
    if type(v) is not list:
        raise CypherSemanticError(f"type mismatch: cannot slice {type_name(v)}")
    for b in (lo, hi):
        if b is not None and type(b) is not int:
            raise CypherSemanticError("type mismatch: slice bounds must be integers")
    return v[lo:hi]


# -- compilation --------------------------------------------------------------------------------
def compile_expr(e: A.Expr, ctx: Context) -> Fn:
    """A closure computing ``e`` on a row. A subexpression that reads no variable (literals and
    parameters only) is computed once, here; the closure then returns that value."""
    method = _COMPILERS.get(type(e))
    if method is None:  # pragma: no cover - every node type has a compiler
        raise CypherSemanticError(f"cannot evaluate {type(e).__name__}")
    fn = method(e, ctx)
    if isinstance(e, (A.Lit, A.Param)) or not _foldable(e, ctx.foldable):
        return fn
    try:
        value = fn({})
    except CypherSemanticError:
        return fn  # raise when (and if) it is evaluated, as Neo4j would
    return _const(value)


def _const(value: Any) -> Fn:
    def const(row: dict[Any, Any]) -> Any:
        return value

    const.constant = True  # type: ignore[attr-defined]
    const.value = value  # type: ignore[attr-defined]
    return const


def _foldable(e: Any, known: dict[int, bool]) -> bool:
    """No variables, aggregates, patterns or randomness: the same value on every row.
    ``known`` keeps the answers by node, so that a deep tree is walked once, not once per level."""
    answer = known.get(id(e))
    if answer is None:
        answer = known[id(e)] = _foldable_node(e, known)
    return answer


def _foldable_node(e: Any, known: dict[int, bool]) -> bool:
    if isinstance(e, (A.Var, A.CountStar, A.PatternPred, A.PatternComp, A.ExistsSubquery, A.MapProj)):
        return False
    if isinstance(e, A.Func) and (e.name.lower() in AGGREGATES or e.name.lower() in ("rand", "date")):
        return False
    if isinstance(e, (A.ListComp, A.Quantifier, A.Reduce)):
        return not free_vars(e) and _foldable(e.source, known)
    return all(_foldable(c, known) for c in child_exprs(e))


def _is_const(fn: Fn) -> bool:
    return getattr(fn, "constant", False)


def _c_lit(e: A.Lit, ctx: Context) -> Fn:
    return _const(e.value)


def _c_param(e: A.Param, ctx: Context) -> Fn:
    if e.name not in ctx.params:
        raise CypherSemanticError(f"expected parameter ${e.name} (pass it with --param {e.name}=...)")
    return _const(ctx.params[e.name])


def _c_var(e: A.Var, ctx: Context) -> Fn:
    name = e.name

    def var(row: dict[Any, Any]) -> Any:
        try:
            return row[name]
        except KeyError:
            raise CypherSemanticError(f"variable `{name}` not defined") from None

    return var


def _c_prop(e: A.Prop, ctx: Context) -> Fn:
    key = e.key
    if isinstance(e.subject, A.Var):
        name = e.subject.name

        def prop_of_var(row: dict[Any, Any]) -> Any:
            v = row[name]
            t = type(v)
            if t is Node:
                return v.graph._node[v.id].get(key) if key != "_labels" else None
            if t is Rel:
                return v.attrs.get(key) if key != "_type" else None
            return get_property(v, key)

        return prop_of_var
    sub = compile_expr(e.subject, ctx)
    return lambda row: get_property(sub(row), key)


def _c_index(e: A.Index, ctx: Context) -> Fn:
    sub, idx = compile_expr(e.subject, ctx), compile_expr(e.index, ctx)
    return lambda row: _index(sub(row), idx(row))


def _c_slice(e: A.Slice, ctx: Context) -> Fn:
    sub = compile_expr(e.subject, ctx)
    lo = compile_expr(e.lo, ctx) if e.lo is not None else (lambda row: None)
    hi = compile_expr(e.hi, ctx) if e.hi is not None else (lambda row: None)
    has_lo, has_hi = e.lo is not None, e.hi is not None
    return lambda row: _slice(sub(row), lo(row), hi(row), has_lo, has_hi)


def _c_list(e: A.ListLit, ctx: Context) -> Fn:
    fns = [compile_expr(x, ctx) for x in e.items]
    return lambda row: [f(row) for f in fns]


def _c_map(e: A.MapLit, ctx: Context) -> Fn:
    fns = [(k, compile_expr(x, ctx)) for k, x in e.items]
    return lambda row: {k: f(row) for k, f in fns}


def _c_mapproj(e: A.MapProj, ctx: Context) -> Fn:
    sub = compile_expr(e.subject, ctx)
    steps: list[tuple[str, Any, Any]] = []
    for kind, val in e.items:
        if kind == "item":
            steps.append((kind, val[0], compile_expr(val[1], ctx)))
        elif kind == "var":
            steps.append((kind, val, compile_expr(A.Var(val), ctx)))
        else:
            steps.append((kind, val, None))

    def mapproj(row: dict[Any, Any]) -> Any:
        v = sub(row)
        if v is None:
            return None
        out: dict[str, Any] = {}
        for kind, key, fn in steps:
            if kind == "all":
                out.update(v.properties() if type(v) in (Node, Rel) else v)
            elif kind == "prop":
                out[key] = get_property(v, key)
            else:
                out[key] = fn(row)
        return out

    return mapproj


def _left_spine(e: Any, kinds: type | tuple[type, ...]) -> tuple[Any, list[Any]]:
    """``((a op b) op c) op d`` as ``a, [node of b, node of c, node of d]``: a flat chain (a sum
    of 500 terms, an AND of 1,000) is compiled and evaluated in a loop, not a recursion per term."""
    nodes = []
    while isinstance(e, kinds):
        nodes.append(e)
        e = e.left
    return e, nodes[::-1]


def _c_binop(e: A.BinOp, ctx: Context) -> Fn:
    first, nodes = _left_spine(e, A.BinOp)
    start = compile_expr(first, ctx)
    steps = [(n.op, compile_expr(n.right, ctx)) for n in nodes]
    if len(steps) == 1:
        (op, right), left = steps[0], start
        if op == "+":
            return lambda row: add(left(row), right(row))
        return lambda row: arith(op, left(row), right(row))

    def chain(row: dict[Any, Any]) -> Any:
        value = start(row)
        for op, fn in steps:
            value = add(value, fn(row)) if op == "+" else arith(op, value, fn(row))
        return value

    return chain


def _short_circuit(e: A.And | A.Or, ctx: Context, op: str, decisive: bool) -> Fn:
    """AND (decisive False) and OR (decisive True) under three-valued logic: a decisive operand
    settles the result, a null one makes it null unless a decisive one follows."""
    first, nodes = _left_spine(e, type(e))
    fns = [compile_expr(x, ctx) for x in [first] + [n.right for n in nodes]]
    # A constant that cannot decide (TRUE in an AND, FALSE in an OR) is dropped, but never the last.
    fns = [f for f in fns[:-1] if not (_is_const(f) and f.value is (not decisive))] + fns[-1:]  # type: ignore[attr-defined]

    def short_circuit(row: dict[Any, Any]) -> Any:
        result: Any = not decisive
        for fn in fns:
            v = _bool_operand(op, fn(row))
            if v is decisive:
                return decisive
            if v is None:
                result = None
        return result

    return short_circuit


def _c_and(e: A.And, ctx: Context) -> Fn:
    return _short_circuit(e, ctx, "AND", decisive=False)


def _c_or(e: A.Or, ctx: Context) -> Fn:
    return _short_circuit(e, ctx, "OR", decisive=True)


def _c_xor(e: A.Xor, ctx: Context) -> Fn:
    first, nodes = _left_spine(e, A.Xor)
    fns = [compile_expr(x, ctx) for x in [first] + [n.right for n in nodes]]

    def xor(row: dict[Any, Any]) -> Any:
        values = [_bool_operand("XOR", fn(row)) for fn in fns]
        if None in values:
            return None
        return sum(values) % 2 == 1

    return xor


def _c_not(e: A.Not, ctx: Context) -> Fn:
    inner = compile_expr(e.operand, ctx)

    def not_(row: dict[Any, Any]) -> Any:
        v = _bool_operand("NOT", inner(row))
        return None if v is None else not v

    return not_


def _c_neg(e: A.Neg, ctx: Context) -> Fn:
    inner = compile_expr(e.operand, ctx)

    def neg(row: dict[Any, Any]) -> Any:
        v = inner(row)
        if v is None:
            return None
        if type(v) not in (int, float):
            raise CypherSemanticError(f"type mismatch: cannot negate {type_name(v)}")
        return _check_int(-v) if type(v) is int else -v

    return neg


def _c_compare(e: A.Compare, ctx: Context) -> Fn:
    fns = [compile_expr(x, ctx) for x in e.operands]
    ops = e.ops
    if len(ops) == 1:
        op, left, right = ops[0], fns[0], fns[1]
        if op == "=":
            return lambda row: equals(left(row), right(row))
        return lambda row: _cmp(op, left(row), right(row))

    def chain(row: dict[Any, Any]) -> Any:
        vals = [f(row) for f in fns]
        result: Any = True
        for op, a, b in zip(ops, vals, vals[1:]):
            result = _and(result, _cmp(op, a, b))
            if result is False:
                return False
        return result

    return chain


def _c_isnull(e: A.IsNull, ctx: Context) -> Fn:
    inner = compile_expr(e.operand, ctx)
    if e.negated:
        return lambda row: inner(row) is not None
    return lambda row: inner(row) is None


def _c_strop(e: A.StrOp, ctx: Context) -> Fn:
    left, right, op = compile_expr(e.left, ctx), compile_expr(e.right, ctx), e.op
    return lambda row: _str_op(op, left(row), right(row))


def _c_in(e: A.In, ctx: Context) -> Fn:
    left, right = compile_expr(e.left, ctx), compile_expr(e.right, ctx)
    if _is_const(right) and type(right.value) is list and right.value \
            and all(type(x) is str for x in right.value):  # type: ignore[attr-defined]
        lst = right.value  # type: ignore[attr-defined]
        members = frozenset(lst)

        def in_strings(row: dict[Any, Any]) -> Any:
            v = left(row)
            if type(v) is str:
                return v in members
            return in_list(v, lst)

        return in_strings
    return lambda row: in_list(left(row), right(row))


def _c_haslabels(e: A.HasLabels, ctx: Context) -> Fn:
    sub, labels = compile_expr(e.subject, ctx), e.labels

    def has(row: dict[Any, Any]) -> Any:
        v = sub(row)
        if v is None:
            return None
        if type(v) is Node:
            have = v.labels
            return all(lab in have for lab in labels)
        if type(v) is Rel:
            return all(lab == v.type for lab in labels)
        raise CypherSemanticError(f"type mismatch: label test on {type_name(v)}")

    return has


def _c_func(e: A.Func, ctx: Context) -> Fn:
    lname = e.name.lower()
    if lname in AGGREGATES:
        slot = ("agg", id(e))
        return lambda row: row[slot]
    if lname == "exists" and len(e.args) == 1 and isinstance(e.args[0], A.PatternPred):
        return compile_expr(e.args[0], ctx)
    if lname == "type" and len(e.args) == 1 and isinstance(e.args[0], A.Var):
        name = e.args[0].name
        slow = FUNCTIONS["type"]

        def rel_type(row: dict[Any, Any]) -> Any:
            v = row[name]
            if type(v) is Rel:
                return v.attrs.get("_type")
            return slow(v)

        return rel_type
    fn = FUNCTIONS.get(lname)
    if fn is None:
        raise CypherSemanticError(f"unknown function '{e.name}' (line {e.line}, column {e.column})")
    args = [compile_expr(a, ctx) for a in e.args]
    if len(args) == 1:
        a0 = args[0]
        return lambda row: fn(a0(row))
    return lambda row: fn(*[a(row) for a in args])


def _c_countstar(e: A.CountStar, ctx: Context) -> Fn:
    slot = ("agg", id(e))
    return lambda row: row[slot]


def _c_case(e: A.Case, ctx: Context) -> Fn:
    whens = [(compile_expr(c, ctx), compile_expr(r, ctx)) for c, r in e.whens]
    default = compile_expr(e.default, ctx) if e.default is not None else (lambda row: None)
    if e.subject is None:
        def generic(row: dict[Any, Any]) -> Any:
            for cond, res in whens:
                if cond(row) is True:
                    return res(row)
            return default(row)
        return generic
    subject = compile_expr(e.subject, ctx)

    def simple(row: dict[Any, Any]) -> Any:
        v = subject(row)
        for cand, res in whens:
            if equals(v, cand(row)) is True:
                return res(row)
        return default(row)

    return simple


def _iter_source(v: Any, what: str) -> Any:
    if v is None:
        return None
    if type(v) is not list:
        raise CypherSemanticError(f"type mismatch: {what} expects a list, got {type_name(v)} {render(v)}")
    return v


_UNSET = object()


def _restore(row: dict[Any, Any], var: str, saved: Any) -> None:
    if saved is _UNSET:
        row.pop(var, None)
    else:
        row[var] = saved


def _c_listcomp(e: A.ListComp, ctx: Context) -> Fn:
    src = compile_expr(e.source, ctx)
    where = compile_expr(e.where, ctx) if e.where is not None else None
    proj = compile_expr(e.projection, ctx) if e.projection is not None else None
    var = e.var
    tick = ctx.budget.tick

    def comp(row: dict[Any, Any]) -> Any:
        items = _iter_source(src(row), "a list comprehension")
        if items is None:
            return None
        out = []
        saved = row.get(var, _UNSET)
        try:  # the row itself carries the local variable (no copy per row), then gets it back
            for x in items:
                tick()
                row[var] = x
                if where is not None and where(row) is not True:
                    continue
                out.append(proj(row) if proj is not None else x)
        finally:
            _restore(row, var, saved)
        return out

    return comp


def _c_quant(e: A.Quantifier, ctx: Context) -> Fn:
    src = compile_expr(e.source, ctx)
    where = compile_expr(e.where, ctx) if e.where is not None else (lambda row: row[e.var])
    var, kind = e.var, e.kind
    tick = ctx.budget.tick

    def quant(row: dict[Any, Any]) -> Any:
        items = _iter_source(src(row), f"{kind}()")
        if items is None:
            return None
        trues = nulls = 0
        saved = row.get(var, _UNSET)
        try:
            for x in items:
                tick()
                row[var] = x
                r = where(row)
                if r is True:
                    trues += 1
                    if kind == "any":
                        return True
                elif r is None:
                    nulls += 1
                elif kind == "all":
                    return False
        finally:
            _restore(row, var, saved)
        falses = len(items) - trues - nulls
        if kind == "all":
            return False if falses else (None if nulls else True)
        if kind == "any":
            return True if trues else (None if nulls else False)
        if kind == "none":
            return False if trues else (None if nulls else True)
        if trues > 1:
            return False
        if nulls:
            return None
        return trues == 1

    return quant


def _c_reduce(e: A.Reduce, ctx: Context) -> Fn:
    init, src, body = compile_expr(e.init, ctx), compile_expr(e.source, ctx), compile_expr(e.body, ctx)
    acc, var = e.acc, e.var
    tick = ctx.budget.tick

    def reduce_(row: dict[Any, Any]) -> Any:
        items = _iter_source(src(row), "reduce()")
        if items is None:
            return None
        inner = dict(row)
        inner[acc] = init(row)
        for x in items:
            tick()
            inner[var] = x
            inner[acc] = body(inner)
        return inner[acc]

    return reduce_


def _c_patternpred(e: A.PatternPred, ctx: Context) -> Fn:
    match = ctx.matcher_factory([e.pattern], None)

    def exists(row: dict[Any, Any]) -> Any:
        for _ in match(row):
            return True
        return False

    if e.pattern.shortest:  # shortestPath(...) as an expression: the path, or null
        var = "  path"
        part = A.PatternPart(var, e.pattern.elements, e.pattern.shortest)
        m2 = ctx.matcher_factory([part], None)

        def path(row: dict[Any, Any]) -> Any:
            found = [r[var] for r in m2(row)]
            if e.pattern.shortest == "allShortestPaths":
                return found
            return found[0] if found else None

        return path
    return exists


def _c_patterncomp(e: A.PatternComp, ctx: Context) -> Fn:
    match = ctx.matcher_factory([e.pattern], e.where)
    proj = compile_expr(e.projection, ctx)
    return lambda row: [proj(r) for r in match(row)]


def _c_exists(e: A.ExistsSubquery, ctx: Context) -> Fn:
    assert ctx.subquery_factory is not None
    run = ctx.subquery_factory(e.clauses)
    if e.count:
        return lambda row: sum(1 for _ in run(row))

    def exists(row: dict[Any, Any]) -> Any:
        for _ in run(row):
            return True
        return False

    return exists


_COMPILERS: dict[type, Callable[[Any, Context], Fn]] = {
    A.Lit: _c_lit, A.Param: _c_param, A.Var: _c_var, A.Prop: _c_prop, A.Index: _c_index,
    A.Slice: _c_slice, A.ListLit: _c_list, A.MapLit: _c_map, A.MapProj: _c_mapproj, A.BinOp: _c_binop,
    A.And: _c_and, A.Or: _c_or, A.Xor: _c_xor, A.Not: _c_not, A.Neg: _c_neg, A.Compare: _c_compare,
    A.IsNull: _c_isnull, A.StrOp: _c_strop, A.In: _c_in, A.HasLabels: _c_haslabels, A.Func: _c_func,
    A.CountStar: _c_countstar, A.Case: _c_case, A.ListComp: _c_listcomp, A.Quantifier: _c_quant,
    A.Reduce: _c_reduce, A.PatternPred: _c_patternpred, A.PatternComp: _c_patterncomp,
    A.ExistsSubquery: _c_exists,
}

