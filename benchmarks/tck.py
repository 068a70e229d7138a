"""Run the openCypher TCK's read-only scenarios against the embedded Cypher engine.

    python benchmarks/tck.py [--features DIR] [--only clauses/match,expressions/list] [-v]

A scenario counts when the query it executes is read-only (its setup may CREATE: the engine's
own CREATE interpreter builds that graph in the shared NetworkX layout). Each is *passed*,
*failed*, or *unsupported* (the setup needs a write other than CREATE, a named TCK graph, or a
procedure; or the engine refuses the query as unsupported). Prints the counts per folder and in
total.
"""

from __future__ import annotations

import argparse
import math
import re
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx

from polgraph.cypher import build_graph, prepare
from polgraph.cypher.executor import execute
from polgraph.cypher.lexer import tokenize
from polgraph.cypher.values import Date, Node, Path as CPath, Rel
from polgraph.exceptions import QueryError, UnsupportedQuery

__all__ = ["Scenario", "load_scenarios", "run_scenario", "main"]

DEFAULT_FEATURES = Path(__file__).resolve().parents[2] / "shared" / "data" / "opencypher-tck" / "features"
WRITE_WORDS = {"CREATE", "MERGE", "SET", "DELETE", "DETACH", "REMOVE", "CALL", "FOREACH", "LOAD"}


@dataclass
class Scenario:
    folder: str
    feature: str
    name: str
    setup: list[str] = field(default_factory=list)
    params: dict[str, Any] = field(default_factory=dict)
    query: str = ""
    expect: str = ""  # "rows", "empty", "error"
    ordered: bool = False
    unordered_lists: bool = False
    columns: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    error: str = ""  # e.g. "SyntaxError compile time"
    unsupported_setup: str = ""
    control: bool = False


# -- Gherkin ----------------------------------------------------------------------------------
def _table(lines: list[str], i: int) -> tuple[list[list[str]], int]:
    rows = []
    while i < len(lines) and lines[i].strip().startswith("|"):
        rows.append(_cells(lines[i].strip()))
        i += 1
    return rows, i


def _cells(line: str) -> list[str]:
    """Cells of a Gherkin table row: ``\\|`` is a bar and ``\\\\`` a backslash inside a cell."""
    cells, buf = [], []
    body = line.strip()[1:]
    i = 0
    while i < len(body):
        c = body[i]
        if c == "\\" and i + 1 < len(body) and body[i + 1] in "\\|":
            buf.append(body[i + 1])
            i += 2
            continue
        if c == "|":
            cells.append("".join(buf).strip())
            buf = []
        else:
            buf.append(c)
        i += 1
    return cells


def _docstring(lines: list[str], i: int) -> tuple[str, int]:
    indent = len(lines[i]) - len(lines[i].lstrip())
    i += 1
    out = []
    while not lines[i].strip().startswith('"""'):
        out.append(lines[i][indent:] if len(lines[i]) >= indent else lines[i].strip())
        i += 1
    return "\n".join(out), i + 1


def load_scenarios(root: Path) -> list[Scenario]:
    found = []
    for path in sorted(root.rglob("*.feature")):
        folder = str(path.parent.relative_to(root))
        found.extend(_parse_feature(path, folder))
    return found


def _parse_feature(path: Path, folder: str) -> list[Scenario]:
    lines = path.read_text(encoding="utf-8").splitlines()
    scenarios: list[Scenario] = []
    background: list[str] = []
    i = 0
    while i < len(lines):
        s = lines[i].strip()
        if s.startswith("Background:"):
            j = i + 1
            while j < len(lines) and not lines[j].strip().startswith("Scenario"):
                j += 1
            background = lines[i + 1:j]
            i = j
            continue
        if s.startswith("Scenario Outline:") or s.startswith("Scenario:"):
            outline = s.startswith("Scenario Outline:")
            name = s.split(":", 1)[1].strip()
            j = i + 1
            while j < len(lines) and not lines[j].strip().startswith(("Scenario", "Examples:")):
                j += 1
            body = background + lines[i + 1:j]
            if outline:
                k = j
                examples: list[list[str]] = []
                while k < len(lines) and lines[k].strip().startswith("Examples:"):
                    tbl, k = _table(lines, k + 1)
                    examples.extend(tbl[1:] if not examples else tbl[1:])
                    header = tbl[0]
                    while k < len(lines) and not lines[k].strip():
                        k += 1
                for n, ex in enumerate(examples):
                    sub = [_subst(line, header, ex) for line in body]
                    scenarios.append(_parse_body(sub, folder, path.stem, f"{name} #{n + 1}"))
                i = k
            else:
                scenarios.append(_parse_body(body, folder, path.stem, name))
                i = j
        else:
            i += 1
    return scenarios


def _subst(line: str, header: list[str], values: list[str]) -> str:
    for h, v in zip(header, values):
        line = line.replace(f"<{h}>", v)
    return line


def _parse_body(lines: list[str], folder: str, feature: str, name: str) -> Scenario:
    sc = Scenario(folder, feature, name)
    i = 0
    while i < len(lines):
        s = lines[i].strip()
        words = s.split(" ", 1)
        step = words[1] if len(words) > 1 and words[0] in ("Given", "And", "When", "Then", "But") else s
        i += 1
        if step.startswith("the ") and step.endswith(" graph"):
            sc.unsupported_setup = "named TCK graph " + step
        elif step.startswith("having executed:"):
            text, i = _docstring(lines, i)
            sc.setup.append(text)
        elif step.startswith("parameters are:"):
            tbl, i = _table(lines, i)
            for row in tbl:
                sc.params[row[0]] = parse_value(row[1], as_param=True)
        elif step.startswith("there exists a procedure"):
            sc.unsupported_setup = "procedure"
            if i < len(lines) and lines[i].strip().startswith("|"):
                _, i = _table(lines, i)
        elif step.startswith("executing query:"):
            sc.query, i = _docstring(lines, i)
        elif step.startswith("executing control query:"):
            sc.control = True
            _, i = _docstring(lines, i)
        elif step.startswith("the result should be empty"):
            sc.expect = "empty"
        elif step.startswith("the result should be"):
            sc.expect = "rows"
            sc.ordered = "in order" in step
            sc.unordered_lists = "ignoring element order for lists" in step
            tbl, i = _table(lines, i)
            sc.columns, sc.rows = tbl[0], tbl[1:]
        elif re.match(r"an? \w+ should be raised", step):
            sc.expect = "error"
            sc.error = step
        elif step.startswith("the side effects should be:"):
            _, i = _table(lines, i)
    return sc


# -- expected values ------------------------------------------------------------------------
class _ValueParser:
    def __init__(self, text: str) -> None:
        self.t = text
        self.i = 0

    def ws(self) -> None:
        while self.i < len(self.t) and self.t[self.i].isspace():
            self.i += 1

    def peek(self, s: str) -> bool:
        self.ws()
        return self.t.startswith(s, self.i)

    def eat(self, s: str) -> None:
        self.ws()
        if not self.t.startswith(s, self.i):
            raise ValueError(f"expected {s!r} at {self.i} in {self.t!r}")
        self.i += len(s)

    def name(self) -> str:
        self.ws()
        if self.t[self.i] == "`":
            j = self.t.index("`", self.i + 1)
            out = self.t[self.i + 1:j]
            self.i = j + 1
            return out
        m = re.compile(r"[A-Za-z_][A-Za-z0-9_]*").match(self.t, self.i)
        if not m:
            raise ValueError(f"expected a name at {self.i} in {self.t!r}")
        self.i = m.end()
        return m.group(0)

    def props(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if not self.peek("{"):
            return out
        self.eat("{")
        if self.peek("}"):
            self.eat("}")
            return out
        while True:
            k = self.name()
            self.eat(":")
            out[k] = self.value()
            if self.peek(","):
                self.eat(",")
                continue
            self.eat("}")
            return out

    def node(self) -> Any:
        self.eat("(")
        labels = []
        while self.peek(":"):
            self.eat(":")
            labels.append(self.name())
        props = self.props()
        self.eat(")")
        return ("node", tuple(sorted(labels)), _norm_map(props))

    def rel(self) -> Any:
        self.eat("[")
        self.eat(":")
        typ = self.name()
        props = self.props()
        self.eat("]")
        return ("rel", typ, _norm_map(props))

    def value(self) -> Any:
        self.ws()
        t, i = self.t, self.i
        if t.startswith("null", i):
            self.i += 4
            return ("null",)
        if t.startswith("true", i):
            self.i += 4
            return ("bool", True)
        if t.startswith("false", i):
            self.i += 5
            return ("bool", False)
        if t.startswith("NaN", i):
            self.i += 3
            return ("float", "nan")
        for word, val in (("Infinity", math.inf), ("-Infinity", -math.inf)):
            if t.startswith(word, i):
                self.i += len(word)
                return ("float", val)
        c = t[i]
        if c in "'\"":
            j = i + 1
            buf = []
            while t[j] != c:
                if t[j] == "\\":
                    buf.append({"n": "\n", "t": "\t", "\\": "\\", "'": "'", '"': '"'}.get(t[j + 1], t[j + 1]))
                    j += 2
                    continue
                buf.append(t[j])
                j += 1
            self.i = j + 1
            return ("str", "".join(buf))
        if c == "[":
            if t.startswith("[:", i):
                return self.rel()
            self.eat("[")
            items = []
            if not self.peek("]"):
                while True:
                    items.append(self.value())
                    if self.peek(","):
                        self.eat(",")
                        continue
                    break
            self.eat("]")
            return ("list", tuple(items))
        if c == "{":
            return ("map", _norm_map(self.props()))
        if c == "(":
            return self.node()
        if c == "<":
            self.eat("<")
            out: list[Any] = [self.node()]
            while not self.peek(">"):
                if self.peek("<-"):
                    self.eat("<-")
                    r = self.rel()
                    self.eat("-")
                    out.append(("<-", r))
                else:
                    self.eat("-")
                    r = self.rel()
                    self.eat("->")
                    out.append(("->", r))
                out.append(self.node())
            self.eat(">")
            return ("path", tuple(out))
        m = re.compile(r"-?(\d+\.\d*([eE][-+]?\d+)?|\d+[eE][-+]?\d+|\.\d+)").match(t, i)
        if m:
            self.i = m.end()
            return ("float", _fkey(float(m.group(0))))
        m = re.compile(r"-?(0x[0-9a-fA-F]+|0o[0-7]+|\d+)").match(t, i)
        if m:
            self.i = m.end()
            return ("int", int(m.group(0), 0))
        raise ValueError(f"cannot read value at {i} in {t!r}")


def _fkey(v: float) -> Any:
    if math.isnan(v):
        return "nan"
    if math.isinf(v):
        return v
    return float(f"{v:.12g}")


def _norm_map(props: dict[str, Any]) -> Any:
    return tuple(sorted((k, v) for k, v in props.items() if v != ("null",)))


def parse_value(text: str, as_param: bool = False) -> Any:
    p = _ValueParser(text)
    v = p.value()
    p.ws()
    if p.i != len(text):
        raise ValueError(f"trailing text in {text!r}")
    return _to_python(v) if as_param else v


def _to_python(v: Any) -> Any:
    kind = v[0]
    if kind == "null":
        return None
    if kind in ("bool", "int", "str"):
        return v[1]
    if kind == "float":
        return math.nan if v[1] == "nan" else v[1]
    if kind == "list":
        return [_to_python(x) for x in v[1]]
    if kind == "map":
        return {k: _to_python(x) for k, x in v[1]}
    raise ValueError("parameters cannot be graph elements")


def normalise(v: Any, unordered_lists: bool = False) -> Any:
    """Our value in the form parse_value gives expected values."""
    t = type(v)
    if v is None:
        return ("null",)
    if t is bool:
        return ("bool", v)
    if t is int:
        return ("int", v)
    if t is float:
        return ("float", _fkey(v))
    if t is str:
        return ("str", v)
    if t is list:
        items = tuple(normalise(x, unordered_lists) for x in v)
        return ("list", tuple(sorted(items, key=repr)) if unordered_lists else items)
    if t is dict:
        return ("map", tuple(sorted((k, normalise(x, unordered_lists)) for k, x in v.items()
                                    if x is not None)))
    if t is Node:
        return ("node", tuple(sorted(v.labels)), tuple(sorted((k, normalise(x)) for k, x in v.properties().items())))
    if t is Rel:
        return ("rel", v.type, tuple(sorted((k, normalise(x)) for k, x in v.properties().items())))
    if t is CPath:
        out: list[Any] = [normalise(v.nodes[0])]
        for rel, node in zip(v.rels, v.nodes[1:]):
            out.append(("->" if rel.end == node.id else "<-", normalise(rel)))
            out.append(normalise(node))
        return ("path", tuple(out))
    if t is Date:
        return ("str", str(v))
    return ("other", repr(v))


def _sort_lists(v: Any) -> Any:
    if v[0] == "list":
        return ("list", tuple(sorted((_sort_lists(x) for x in v[1]), key=repr)))
    return v


# -- running ----------------------------------------------------------------------------------
def is_read_only(query: str) -> bool:
    try:
        toks = tokenize(query)
    except QueryError:
        return True
    return not any(t.kind == "ident" and t.upper in WRITE_WORDS for t in toks)


def run_scenario(sc: Scenario) -> tuple[str, str]:
    """("passed" | "failed" | "unsupported", detail)."""
    if sc.unsupported_setup:
        return "unsupported", sc.unsupported_setup
    graph = nx.MultiDiGraph()
    for text in sc.setup:
        try:
            build_graph(graph, text, sc.params)
        except UnsupportedQuery as exc:
            return "unsupported", f"setup: {exc}"
        except QueryError as exc:
            return "failed", f"setup failed: {exc}"
    try:
        tree = prepare(sc.query)
    except UnsupportedQuery as exc:
        return "unsupported", str(exc)
    except QueryError as exc:
        if sc.expect == "error" and "compile time" in sc.error or "any time" in sc.error:
            return "passed", ""
        if sc.expect == "error":
            return "passed", f"(raised at compile time; expected {sc.error})"
        return "failed", f"compile error: {exc}"
    try:
        result = execute(tree, graph, sc.params)
    except UnsupportedQuery as exc:
        return "unsupported", str(exc)
    except QueryError as exc:
        if sc.expect == "error":
            return "passed", ""
        return "failed", f"runtime error: {exc}"
    except Exception as exc:  # noqa: BLE001 - a crash is a failed scenario, reported as such
        return "failed", f"CRASH {type(exc).__name__}: {exc}"
    if sc.expect == "error":
        return "failed", f"expected {sc.error}, got {len(result.rows)} rows"
    if sc.expect == "empty":
        return ("passed", "") if not result.rows else ("failed", f"expected no rows, got {result.rows[:3]}")
    if result.columns != sc.columns:
        return "failed", f"columns {result.columns} != {sc.columns}"
    try:
        expected = [tuple(parse_value(c) for c in row) for row in sc.rows]
    except (ValueError, IndexError) as exc:
        return "unsupported", f"cannot read expected value: {exc}"
    got = [tuple(normalise(v) for v in row) for row in result.rows]
    if sc.unordered_lists:
        expected = [tuple(_sort_lists(v) for v in row) for row in expected]
        got = [tuple(_sort_lists(v) for v in row) for row in got]
    same = got == expected if sc.ordered else Counter(map(repr, got)) == Counter(map(repr, expected))
    if same:
        return "passed", ""
    return "failed", f"got {got[:4]} expected {expected[:4]}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--features", type=Path, default=DEFAULT_FEATURES)
    ap.add_argument("--only", default="", help="comma-separated folders (e.g. clauses/match)")
    ap.add_argument("-v", "--verbose", action="store_true", help="print every failure")
    args = ap.parse_args(argv)
    if not args.features.exists():
        print(f"{args.features}: no TCK features there", file=sys.stderr)
        return 1
    only = [x for x in args.only.split(",") if x]
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    started = time.perf_counter()
    for sc in load_scenarios(args.features):
        if only and sc.folder not in only:
            continue
        if sc.control or not sc.query or not is_read_only(sc.query):
            continue
        status, detail = run_scenario(sc)
        counts[sc.folder][status] += 1
        if args.verbose and status != "passed":
            print(f"{status.upper()}: {sc.folder}/{sc.feature} {sc.name}: {detail}\n    {sc.query!r}")
    total: Counter[str] = Counter()
    print(f"{'folder':32} {'passed':>7} {'failed':>7} {'unsupp.':>7}")
    for folder in sorted(counts):
        c = counts[folder]
        total.update(c)
        print(f"{folder:32} {c['passed']:7} {c['failed']:7} {c['unsupported']:7}")
    n = sum(total.values())
    print(f"{'TOTAL':32} {total['passed']:7} {total['failed']:7} {total['unsupported']:7}"
          f"   ({total['passed']}/{n} = {100 * total['passed'] / max(n, 1):.1f}% passed,"
          f" {time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
