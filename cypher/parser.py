"""A recursive-descent parser for the read part of Cypher (plus CREATE, for building test graphs).

Precedence, loosest first, as in the openCypher grammar: OR, XOR, AND, NOT, comparison chains,
string/list/null predicates (STARTS WITH, ENDS WITH, CONTAINS, =~, IN, IS [NOT] NULL), + -,
* / %, ^, unary + -, then postfix property access, indexing, slicing and label tests.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from polgraph.cypher import ast as A
from polgraph.cypher.lexer import Token, tokenize
from polgraph.exceptions import CypherSyntaxError, UnsupportedQuery

__all__ = ["parse", "parse_expression", "WRITE_CLAUSES"]

WRITE_CLAUSES = ("MERGE", "SET", "DELETE", "DETACH", "REMOVE", "CALL", "FOREACH", "LOAD")
# Words that can never start or continue an expression as a variable name.
_RESERVED = {
    "MATCH", "OPTIONAL", "WHERE", "WITH", "RETURN", "UNWIND", "ORDER", "SKIP", "LIMIT", "UNION", "AS",
    "AND", "OR", "XOR", "NOT", "IN", "IS", "STARTS", "ENDS", "CONTAINS", "CASE", "WHEN", "THEN", "ELSE",
    "END", "DISTINCT", "CREATE", "MERGE", "SET", "DELETE", "DETACH", "REMOVE", "CALL", "BY",
    "NULL", "TRUE", "FALSE", "YIELD", "FOREACH", "ON", "LOAD",
}
_COMPARE_OPS = ("=", "<>", "!=", "<", ">", "<=", ">=")
# Deepest nesting read (parentheses, lists, maps, function calls, NOT, unary minus): deeper is a
# syntax error, not a stack overflow. Long flat chains (a + b + ..., x AND y AND ...) do not nest.
MAX_NESTING = 2_000


def parse(text: str) -> A.Query:
    """The syntax tree of ``text``; raises CypherSyntaxError (line, column, what was expected)."""
    return _Parser(text).query()


def parse_expression(text: str) -> A.Expr:
    p = _Parser(text)
    expr = p.expr()
    p.expect_eof()
    return expr


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.toks = tokenize(text)
        self.pos = 0
        self.depth = 0
        # expr() by start position: (tree, end position) or the error it raised. A '(' is tried
        # as a pattern first and read again as an expression; without this, nested maps in
        # parentheses are read an exponential number of times.
        self._exprs: dict[int, tuple[A.Expr, int] | CypherSyntaxError] = {}

    # -- token helpers ----------------------------------------------------------------------
    @property
    def tok(self) -> Token:
        return self.toks[self.pos]

    def peek(self, k: int = 1) -> Token:
        return self.toks[min(self.pos + k, len(self.toks) - 1)]

    def next(self) -> Token:
        t = self.toks[self.pos]
        if t.kind != "eof":
            self.pos += 1
        return t

    def error(self, expected: str, tok: Token | None = None) -> CypherSyntaxError:
        tok = tok or self.tok
        return CypherSyntaxError(f"expected {expected}, found {tok.describe()}", tok.line, tok.column)

    def at(self, *puncts: str) -> bool:
        return self.tok.kind == "punct" and self.tok.value in puncts

    def at_kw(self, *words: str) -> bool:
        return self.tok.upper in words

    def accept(self, punct: str) -> bool:
        if self.at(punct):
            self.pos += 1
            return True
        return False

    def accept_kw(self, *words: str) -> bool:
        if self.tok.upper in words:
            self.pos += 1
            return True
        return False

    def expect(self, punct: str) -> Token:
        if not self.at(punct):
            raise self.error(f"'{punct}'")
        return self.next()

    def expect_kw(self, word: str) -> Token:
        if self.tok.upper != word:
            raise self.error(word)
        return self.next()

    def expect_eof(self) -> None:
        if self.tok.kind != "eof":
            raise self.error("end of input")

    def name(self, what: str = "a name") -> str:
        """An identifier or a `quoted name` (labels, types, keys, variables)."""
        t = self.tok
        if t.kind in ("ident", "quoted"):
            self.pos += 1
            return t.value  # type: ignore[return-value]
        raise self.error(what)

    def variable(self, what: str = "a variable name") -> str:
        t = self.tok
        if t.kind == "quoted" or (t.kind == "ident" and t.upper not in _RESERVED):
            self.pos += 1
            return t.value  # type: ignore[return-value]
        raise self.error(what)

    def at_variable(self) -> bool:
        t = self.tok
        return t.kind == "quoted" or (t.kind == "ident" and t.upper not in _RESERVED)

    # -- query structure --------------------------------------------------------------------
    def query(self) -> A.Query:
        parts = [self.single_query()]
        kinds = set()
        while self.accept_kw("UNION"):
            kinds.add(self.accept_kw("ALL"))
            parts.append(self.single_query())
        self.accept(";")
        self.expect_eof()
        if len(kinds) > 1:
            raise CypherSyntaxError("UNION and UNION ALL cannot be mixed in one query", 1, 1)
        return A.Query(parts, union_all=kinds == {True})

    def single_query(self) -> A.SingleQuery:
        clauses: list[A.Clause] = []
        while True:
            t = self.tok
            word = t.upper
            if word in ("MATCH", "OPTIONAL"):
                clauses.append(self.match())
            elif word == "UNWIND":
                self.next()
                expr = self.expr()
                self.expect_kw("AS")
                clauses.append(A.Unwind(expr, self.variable()))
            elif word == "WITH":
                clauses.append(self.projection(A.With))
            elif word == "RETURN":
                clauses.append(self.projection(A.Return))
                break
            elif word == "CREATE":
                self.next()
                clauses.append(A.Create(self.pattern_list()))
            elif word in WRITE_CLAUSES:
                raise UnsupportedQuery(
                    f"{word} (line {t.line}, column {t.column}): the embedded store answers read queries only; "
                    "write through the loaders (polgraph load) or run the query on Neo4j"
                )
            else:
                if not clauses:
                    raise self.error("a clause (MATCH, OPTIONAL MATCH, UNWIND, WITH or RETURN)")
                break
        if not clauses:
            raise self.error("a clause")
        last = clauses[-1]
        if not isinstance(last, (A.Return, A.Create)):
            t = self.tok
            if t.kind == "eof" or t.upper == "UNION" or t.value == ";":
                kind = type(last).__name__.upper()
                raise CypherSyntaxError(
                    f"a query cannot end with {kind}: expected RETURN (or another clause)", t.line, t.column
                )
            raise self.error("a clause (MATCH, OPTIONAL MATCH, UNWIND, WITH or RETURN)")
        return A.SingleQuery(clauses)

    def match(self) -> A.Match:
        optional = self.accept_kw("OPTIONAL")
        self.expect_kw("MATCH")
        patterns = self.pattern_list()
        where = self.expr() if self.accept_kw("WHERE") else None
        return A.Match(optional, patterns, where)

    def projection(self, cls: type) -> A.Projection:
        self.next()  # WITH / RETURN
        distinct = self.accept_kw("DISTINCT")
        star = False
        items: list[A.ReturnItem] = []
        if self.accept("*"):
            star = True
            if self.accept(","):
                items = self.return_items()
        else:
            items = self.return_items()
        order: list[A.SortItem] = []
        if self.at_kw("ORDER"):
            self.next()
            self.expect_kw("BY")
            while True:
                e = self.expr()
                desc = False
                if self.accept_kw("DESC", "DESCENDING"):
                    desc = True
                else:
                    self.accept_kw("ASC", "ASCENDING")
                order.append(A.SortItem(e, desc))
                if not self.accept(","):
                    break
        skip = self.expr() if self.accept_kw("SKIP") else None
        limit = self.expr() if self.accept_kw("LIMIT") else None
        if cls is A.With:
            where = self.expr() if self.accept_kw("WHERE") else None
            return A.With(distinct, star, items, order, skip, limit, where)
        return A.Return(distinct, star, items, order, skip, limit)

    def return_items(self) -> list[A.ReturnItem]:
        items = []
        while True:
            start = self.tok.start
            e = self.expr()
            text = self.text[start:self.toks[self.pos - 1].end]
            alias = self.name("a name after AS") if self.accept_kw("AS") else None
            items.append(A.ReturnItem(e, alias, text))
            if not self.accept(","):
                return items

    # -- patterns ---------------------------------------------------------------------------
    def pattern_list(self) -> list[A.PatternPart]:
        parts = [self.pattern_part()]
        while self.accept(","):
            parts.append(self.pattern_part())
        return parts

    def pattern_part(self) -> A.PatternPart:
        path_var = None
        if self.at_variable() and self.peek().kind == "punct" and self.peek().value == "=":
            path_var = self.variable()
            self.next()
        t = self.tok
        if t.kind == "ident" and t.value.lower() in ("shortestpath", "allshortestpaths") and self.peek().value == "(":
            self.next()
            self.expect("(")
            part = self.chain()
            self.expect(")")
            part.shortest = "shortestPath" if t.value.lower() == "shortestpath" else "allShortestPaths"
            part.path_var = path_var
            return part
        part = self.chain()
        part.path_var = path_var
        return part

    def chain(self) -> A.PatternPart:
        elements: list[object] = [self.node_pattern()]
        while self.at("-", "<"):
            elements.append(self.rel_pattern())
            elements.append(self.node_pattern())
        return A.PatternPart(None, elements)

    def node_pattern(self) -> A.NodePat:
        self.expect("(")
        var = self.variable() if self.at_variable() else None
        labels = []
        while self.accept(":"):
            labels.append(self.name("a label"))
        props = self.pattern_props()
        self.expect(")")
        return A.NodePat(var, labels, props)

    def pattern_props(self) -> A.Expr | None:
        if self.at("{"):
            return self.map_literal()
        if self.tok.kind == "param":
            raise CypherSyntaxError(
                "a parameter cannot be used as a property map in a pattern (InvalidParameterUse); "
                "write {key: $param} instead", self.tok.line, self.tok.column)
        return None

    def rel_pattern(self) -> A.RelPat:
        left = self.accept("<")
        self.expect("-")
        var, types, props, varlen = None, [], None, None
        if self.accept("["):
            var = self.variable() if self.at_variable() else None
            if self.accept(":"):
                types.append(self.name("a relationship type"))
                while self.accept("|"):
                    self.accept(":")
                    types.append(self.name("a relationship type"))
            if self.accept("*"):
                varlen = self.range_spec()
            props = self.pattern_props()
            if not self.at("]"):
                raise self.error("a relationship type ':T', a length '*', properties '{...}' or ']'")
            self.next()
        self.expect("-")
        right = self.accept(">")
        if left and right:
            direction = "both"  # <--> matches either direction, like --
        elif left:
            direction = "in"
        elif right:
            direction = "out"
        else:
            direction = "both"
        return A.RelPat(var, types, props, direction, varlen)

    def range_spec(self) -> tuple[int, int | None]:
        lo = hi = None
        if self.tok.kind == "int":
            lo = self.next().value
        if self.accept(".."):
            if self.tok.kind == "int":
                hi = self.next().value
            return (1 if lo is None else lo, hi)  # type: ignore[return-value]
        if lo is None:
            return (1, None)
        return (lo, lo)  # type: ignore[return-value]

    # -- expressions ------------------------------------------------------------------------
    def expr(self) -> A.Expr:
        start = self.pos
        known = self._exprs.get(start)
        if isinstance(known, CypherSyntaxError):
            raise known
        if known is not None:
            self.pos = known[1]
            return known[0]
        try:
            with self.nested():
                left = self.xor_expr()
                while self.accept_kw("OR"):
                    left = A.Or(left, self.xor_expr())
        except CypherSyntaxError as exc:
            self._exprs[start] = exc
            raise
        self._exprs[start] = (left, self.pos)
        return left

    @contextmanager
    def nested(self) -> Iterator[None]:
        if self.depth >= MAX_NESTING:
            t = self.tok
            raise CypherSyntaxError(f"the query nests deeper than {MAX_NESTING:,} levels", t.line, t.column)
        self.depth += 1
        try:
            yield
        finally:
            self.depth -= 1

    def xor_expr(self) -> A.Expr:
        left = self.and_expr()
        while self.accept_kw("XOR"):
            left = A.Xor(left, self.and_expr())
        return left

    def and_expr(self) -> A.Expr:
        left = self.not_expr()
        while self.accept_kw("AND"):
            left = A.And(left, self.not_expr())
        return left

    def not_expr(self) -> A.Expr:
        if self.accept_kw("NOT"):
            with self.nested():
                return A.Not(self.not_expr())
        return self.comparison()

    def comparison(self) -> A.Expr:
        first = self.predicate_expr()
        ops, operands = [], [first]
        while self.at(*_COMPARE_OPS):
            op = self.next().value
            ops.append("<>" if op == "!=" else op)
            operands.append(self.predicate_expr())
        if not ops:
            return first
        return A.Compare(ops, operands)  # type: ignore[arg-type]

    def predicate_expr(self) -> A.Expr:
        left = self.additive()
        while True:
            if self.at_kw("STARTS"):
                self.next()
                self.expect_kw("WITH")
                left = A.StrOp("STARTS WITH", left, self.additive())
            elif self.at_kw("ENDS"):
                self.next()
                self.expect_kw("WITH")
                left = A.StrOp("ENDS WITH", left, self.additive())
            elif self.at_kw("CONTAINS"):
                self.next()
                left = A.StrOp("CONTAINS", left, self.additive())
            elif self.at("=~"):
                self.next()
                left = A.StrOp("=~", left, self.additive())
            elif self.at_kw("IN"):
                self.next()
                left = A.In(left, self.additive())
            elif self.at_kw("IS"):
                self.next()
                negated = self.accept_kw("NOT")
                self.expect_kw("NULL")
                left = A.IsNull(left, negated)
            else:
                return left

    def additive(self) -> A.Expr:
        left = self.multiplicative()
        while self.at("+", "-"):
            op = self.next().value
            left = A.BinOp(op, left, self.multiplicative())  # type: ignore[arg-type]
        return left

    def multiplicative(self) -> A.Expr:
        left = self.power()
        while self.at("*", "/", "%"):
            op = self.next().value
            left = A.BinOp(op, left, self.power())  # type: ignore[arg-type]
        return left

    def power(self) -> A.Expr:
        left = self.unary()
        while self.accept("^"):
            left = A.BinOp("^", left, self.unary())
        return left

    def unary(self) -> A.Expr:
        if self.at("-"):
            minus = self.next()
            if self.tok.kind == "int" and not (self.peek().kind == "punct" and self.peek().value in (".", "[", "^")):
                t = self.next()
                if t.value > 2**63:
                    raise CypherSyntaxError(f"integer -{t.value} is too small (IntegerOverflow)", minus.line, minus.column)
                return A.Lit(-t.value)
            with self.nested():
                operand = self.unary()
            if isinstance(operand, A.Lit) and type(operand.value) is float:
                return A.Lit(-operand.value if operand.value else 0.0)  # -0.0 prints as 0.0, as in Neo4j
            return A.Neg(operand)
        if self.accept("+"):
            with self.nested():
                return self.unary()
        return self.postfix()

    def postfix(self) -> A.Expr:
        e = self.atom()
        while True:
            if self.at("."):
                self.next()
                e = A.Prop(e, self.name("a property name"))
            elif self.at("["):
                self.next()
                if self.accept(".."):
                    hi = None if self.at("]") else self.expr()
                    self.expect("]")
                    e = A.Slice(e, None, hi)
                    continue
                idx = self.expr()
                if self.accept(".."):
                    hi = None if self.at("]") else self.expr()
                    self.expect("]")
                    e = A.Slice(e, idx, hi)
                    continue
                self.expect("]")
                e = A.Index(e, idx)
            elif self.at(":") and isinstance(e, (A.Var, A.Prop, A.Index)):
                labels = []
                while self.accept(":"):
                    labels.append(self.name("a label"))
                e = A.HasLabels(e, labels)
            elif self.at("{") and isinstance(e, A.Var):
                e = self.map_projection(e)
            else:
                return e

    def map_projection(self, subject: A.Expr) -> A.Expr:
        self.expect("{")
        items: list[tuple[str, object]] = []
        if not self.at("}"):
            while True:
                if self.accept("."):
                    if self.accept("*"):
                        items.append(("all", None))
                    else:
                        items.append(("prop", self.name("a property name")))
                elif self.at_variable() and self.peek().value == ":":
                    key = self.name()
                    self.next()
                    items.append(("item", (key, self.expr())))
                elif self.at_variable():
                    items.append(("var", self.variable()))
                else:
                    raise self.error("a map projection item (.key, .*, key: value or a variable)")
                if not self.accept(","):
                    break
        self.expect("}")
        return A.MapProj(subject, items)

    def map_literal(self) -> A.MapLit:
        self.expect("{")
        items: list[tuple[str, A.Expr]] = []
        if not self.at("}"):
            while True:
                key = self.name("a map key")
                self.expect(":")
                items.append((key, self.expr()))
                if not self.accept(","):
                    break
        self.expect("}")
        return A.MapLit(items)

    def atom(self) -> A.Expr:
        t = self.tok
        if t.kind in ("int", "float", "string"):
            self.next()
            if t.kind == "int" and t.value > 2**63 - 1:
                raise CypherSyntaxError(f"integer {t.value} is too large (IntegerOverflow)", t.line, t.column)
            return A.Lit(t.value)
        if t.kind == "param":
            self.next()
            return A.Param(t.value)  # type: ignore[arg-type]
        if t.kind == "punct":
            if t.value == "[":
                return self.list_or_comprehension()
            if t.value == "{":
                return self.map_literal()
            if t.value == "(":
                saved = self.pos
                try:
                    part = self.chain()
                    if len(part.elements) > 1:
                        return A.PatternPred(part)
                except CypherSyntaxError:
                    pass
                self.pos = saved
                self.next()
                e = self.expr()
                self.expect(")")
                return e
            raise self.error("an expression")
        if t.kind == "quoted":
            self.next()
            return A.Var(t.value, t.line, t.column)  # type: ignore[arg-type]
        if t.kind != "ident":
            raise self.error("an expression")
        word = t.upper
        if word == "NULL":
            self.next()
            return A.Lit(None)
        if word == "TRUE":
            self.next()
            return A.Lit(True)
        if word == "FALSE":
            self.next()
            return A.Lit(False)
        if word == "CASE":
            return self.case()
        nxt = self.peek()
        if word in ("EXISTS", "COUNT") and nxt.value == "{":
            sub = self.exists_subquery()
            sub.count = word == "COUNT"  # type: ignore[attr-defined]
            return sub
        if word in ("ALL", "ANY", "NONE", "SINGLE") and nxt.value == "(":
            saved = self.pos
            self.next()
            self.next()
            if self.at_variable() and self.peek().upper == "IN":
                var = self.variable()
                self.next()
                source = self.expr()
                where = self.expr() if self.accept_kw("WHERE") else None
                self.expect(")")
                return A.Quantifier(word.lower(), var, source, where)
            self.pos = saved
        if word == "REDUCE" and nxt.value == "(":
            self.next()
            self.next()
            acc = self.variable()
            self.expect("=")
            init = self.expr()
            self.expect(",")
            var = self.variable()
            self.expect_kw("IN")
            source = self.expr()
            self.expect("|")
            body = self.expr()
            self.expect(")")
            return A.Reduce(acc, init, var, source, body)
        if word in ("SHORTESTPATH", "ALLSHORTESTPATHS") and nxt.value == "(":
            part = self.pattern_part()
            return A.PatternPred(part)
        # function call, possibly namespaced: date.truncate(...)
        if nxt.value in ("(", "."):
            saved = self.pos
            names = [self.next().value]
            while self.at(".") and self.peek().kind == "ident":
                self.next()
                names.append(self.next().value)
            if self.at("("):
                return self.function_call(".".join(names), t)  # type: ignore[arg-type]
            self.pos = saved
        if word in _RESERVED:
            raise self.error("an expression")
        self.next()
        return A.Var(t.value, t.line, t.column)  # type: ignore[arg-type]

    def function_call(self, name: str, t: Token) -> A.Expr:
        self.expect("(")
        if name.lower() == "count" and self.at("*"):
            self.next()
            self.expect(")")
            return A.CountStar()
        distinct = self.accept_kw("DISTINCT")
        args = []
        if not self.at(")"):
            while True:
                args.append(self.expr())
                if not self.accept(","):
                    break
        self.expect(")")
        return A.Func(name, args, distinct, t.line, t.column)

    def case(self) -> A.Expr:
        self.expect_kw("CASE")
        subject = None if self.at_kw("WHEN") else self.expr()
        whens = []
        while self.accept_kw("WHEN"):
            cond = self.expr()
            self.expect_kw("THEN")
            whens.append((cond, self.expr()))
        if not whens:
            raise self.error("WHEN")
        default = self.expr() if self.accept_kw("ELSE") else None
        self.expect_kw("END")
        return A.Case(subject, whens, default)

    def exists_subquery(self) -> A.Expr:
        self.next()
        self.expect("{")
        if not self.at_kw("MATCH", "OPTIONAL", "WITH", "UNWIND"):
            patterns = self.pattern_list()
            where = self.expr() if self.accept_kw("WHERE") else None
            self.expect("}")
            return A.ExistsSubquery([A.Match(False, patterns, where)])
        clauses: list[A.Clause] = []
        while not self.at("}"):
            if self.at_kw("MATCH", "OPTIONAL"):
                clauses.append(self.match())
            elif self.accept_kw("UNWIND"):
                expr = self.expr()
                self.expect_kw("AS")
                clauses.append(A.Unwind(expr, self.variable()))
            elif self.at_kw("WITH"):
                clauses.append(self.projection(A.With))
            elif self.at_kw("RETURN"):
                clauses.append(self.projection(A.Return))
                break
            else:
                raise self.error("MATCH, WITH, UNWIND or RETURN inside EXISTS { }")
        self.expect("}")
        return A.ExistsSubquery(clauses)

    def list_or_comprehension(self) -> A.Expr:
        self.expect("[")
        # [x IN list WHERE pred | expr]
        if self.at_variable() and self.peek().upper == "IN":
            saved = self.pos
            var = self.variable()
            self.next()
            source = self.expr()
            if self.at_kw("WHERE") or self.at("|", "]"):
                where = self.expr() if self.accept_kw("WHERE") else None
                proj = self.expr() if self.accept("|") else None
                self.expect("]")
                return A.ListComp(var, source, where, proj)
            self.pos = saved
        # [(a)-->(b) WHERE ... | expr]
        if self.at("(") or (self.at_variable() and self.peek().value == "="):
            saved = self.pos
            try:
                part = self.pattern_part()
                if len(part.elements) > 1 and (self.at_kw("WHERE") or self.at("|")):
                    where = self.expr() if self.accept_kw("WHERE") else None
                    self.expect("|")
                    proj = self.expr()
                    self.expect("]")
                    return A.PatternComp(part, where, proj)
            except CypherSyntaxError:
                pass
            self.pos = saved
        items = []
        if not self.at("]"):
            while True:
                items.append(self.expr())
                if not self.accept(","):
                    break
        self.expect("]")
        return A.ListLit(items)
