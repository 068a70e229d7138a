"""The syntax tree of a Cypher query. Expressions compare structurally (``==``), which lets
ORDER BY find a projected expression again (``RETURN count(*) ... ORDER BY count(*)``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "And", "BinOp", "Case", "Clause", "Compare", "CountStar", "Create", "ExistsSubquery", "Expr", "Func",
    "HasLabels", "Index", "IsNull", "ListComp", "ListLit", "Lit", "MapLit", "MapProj", "Match", "Neg",
    "NodePat", "Not", "Or", "Param", "PatternComp", "PatternPart", "PatternPred", "Projection", "Prop",
    "Quantifier", "Query", "Reduce", "RelPat", "Return", "ReturnItem", "SingleQuery", "Slice", "SortItem",
    "StrOp", "Unwind", "Var", "With", "Xor", "In",
]


class Expr:
    """Base of every expression node."""


@dataclass(eq=True)
class Lit(Expr):
    value: Any


@dataclass(eq=True)
class Param(Expr):
    name: str


@dataclass(eq=True)
class Var(Expr):
    name: str
    line: int = field(default=0, compare=False)
    column: int = field(default=0, compare=False)


@dataclass(eq=True)
class Prop(Expr):
    subject: Expr
    key: str


@dataclass(eq=True)
class Index(Expr):
    subject: Expr
    index: Expr


@dataclass(eq=True)
class Slice(Expr):
    subject: Expr
    lo: Expr | None
    hi: Expr | None


@dataclass(eq=True)
class ListLit(Expr):
    items: list[Expr]


@dataclass(eq=True)
class MapLit(Expr):
    items: list[tuple[str, Expr]]


@dataclass(eq=True)
class MapProj(Expr):
    subject: Expr
    # ("prop", key) | ("all", None) | ("var", name) | ("item", (key, expr))
    items: list[tuple[str, Any]]


@dataclass(eq=True)
class BinOp(Expr):
    op: str  # + - * / % ^
    left: Expr
    right: Expr


@dataclass(eq=True)
class And(Expr):
    left: Expr
    right: Expr


@dataclass(eq=True)
class Or(Expr):
    left: Expr
    right: Expr


@dataclass(eq=True)
class Xor(Expr):
    left: Expr
    right: Expr


@dataclass(eq=True)
class Not(Expr):
    operand: Expr


@dataclass(eq=True)
class Neg(Expr):
    operand: Expr


@dataclass(eq=True)
class Compare(Expr):
    """``a < b <= c``: a chain, true when every link is."""

    ops: list[str]
    operands: list[Expr]


@dataclass(eq=True)
class IsNull(Expr):
    operand: Expr
    negated: bool


@dataclass(eq=True)
class StrOp(Expr):
    op: str  # STARTS WITH, ENDS WITH, CONTAINS, =~
    left: Expr
    right: Expr


@dataclass(eq=True)
class In(Expr):
    left: Expr
    right: Expr


@dataclass(eq=True)
class HasLabels(Expr):
    subject: Expr
    labels: list[str]


@dataclass(eq=True)
class Func(Expr):
    name: str  # as written
    args: list[Expr]
    distinct: bool = False
    line: int = field(default=0, compare=False)
    column: int = field(default=0, compare=False)


@dataclass(eq=True)
class CountStar(Expr):
    pass


@dataclass(eq=True)
class Case(Expr):
    subject: Expr | None
    whens: list[tuple[Expr, Expr]]
    default: Expr | None


@dataclass(eq=True)
class ListComp(Expr):
    var: str
    source: Expr
    where: Expr | None
    projection: Expr | None


@dataclass(eq=True)
class Quantifier(Expr):
    kind: str  # all, any, none, single
    var: str
    source: Expr
    where: Expr | None


@dataclass(eq=True)
class Reduce(Expr):
    acc: str
    init: Expr
    var: str
    source: Expr
    body: Expr


@dataclass(eq=True)
class NodePat:
    var: str | None
    labels: list[str]
    props: Expr | None


@dataclass(eq=True)
class RelPat:
    var: str | None
    types: list[str]
    props: Expr | None
    direction: str  # "out" (-->), "in" (<--), "both" (--)
    varlen: tuple[int, int | None] | None = None  # (min, max); None: a single hop


@dataclass(eq=True)
class PatternPart:
    path_var: str | None
    elements: list[Any]  # NodePat, RelPat, NodePat, ...
    shortest: str | None = None  # None, "shortestPath", "allShortestPaths"

    @property
    def nodes(self) -> list[NodePat]:
        return self.elements[0::2]

    @property
    def rels(self) -> list[RelPat]:
        return self.elements[1::2]


@dataclass(eq=True)
class PatternPred(Expr):
    pattern: PatternPart


@dataclass(eq=True)
class PatternComp(Expr):
    pattern: PatternPart
    where: Expr | None
    projection: Expr


@dataclass(eq=True)
class ExistsSubquery(Expr):
    """``EXISTS { MATCH ... [WHERE ...] [RETURN ...] }`` or the short form ``EXISTS { (a)-->(b) WHERE ... }``."""

    clauses: list[Any]
    count: bool = False  # COUNT { ... }: the number of rows instead of whether there is one


# -- clauses ------------------------------------------------------------------------------------
class Clause:
    pass


@dataclass
class Match(Clause):
    optional: bool
    patterns: list[PatternPart]
    where: Expr | None


@dataclass
class Unwind(Clause):
    expr: Expr
    var: str


@dataclass
class ReturnItem:
    expr: Expr
    alias: str | None
    text: str  # the expression as written: the column name when there is no alias

    @property
    def name(self) -> str:
        return self.alias if self.alias is not None else self.text


@dataclass
class SortItem:
    expr: Expr
    descending: bool


@dataclass
class Projection(Clause):
    distinct: bool
    star: bool
    items: list[ReturnItem]
    order: list[SortItem]
    skip: Expr | None
    limit: Expr | None


@dataclass
class With(Projection):
    where: Expr | None = None


@dataclass
class Return(Projection):
    pass


@dataclass
class Create(Clause):
    patterns: list[PatternPart]


@dataclass
class SingleQuery:
    clauses: list[Clause]


@dataclass
class Query:
    parts: list[SingleQuery]
    union_all: bool = False
