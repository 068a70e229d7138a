"""Pattern matching: the MATCH of one clause, given a row of already bound variables.

The planner picks, for every comma-separated pattern part, the node to start from: an already
bound variable, else a node with an indexed property equality (inline ``{name: $name}`` or a WHERE
conjunct ``a.name = $name``), else the smallest label, else every node; then it expands along the
chain to the right and to the left. WHERE conjuncts run as soon as their variables are bound.
Relationships are unique within one MATCH (Neo4j's relationship isomorphism).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from typing import Any

from polgraph.cypher import ast as A
from polgraph.cypher.expressions import Context, compile_expr, conjuncts, free_vars
from polgraph.cypher.index import index_for
from polgraph.cypher.values import Node, Path, Rel, equals
from polgraph.exceptions import CypherSemanticError
from polgraph.graph.codec import LABELS, TYPE

__all__ = ["Matcher", "pattern_vars"]


def pattern_vars(patterns: list[A.PatternPart]) -> list[str]:
    out: list[str] = []
    for part in patterns:
        for name in ([part.path_var] if part.path_var else []) + [el.var for el in part.elements if el.var]:
            if name not in out:
                out.append(name)
    return out


def _edges(graph: Any, u: Any, direction: str) -> Iterator[tuple[Any, Any, Any, Any, dict[str, Any]]]:
    """(other end, start, end, key, attrs) of every relationship at ``u`` in ``direction``."""
    if direction != "in":
        for v, kd in graph._adj[u].items():
            for k, attrs in kd.items():
                yield v, u, v, k, attrs
    if direction != "out":
        for w, kd in graph._pred[u].items():
            if direction == "both" and w == u:
                continue  # a self-loop was already seen going out
            for k, attrs in kd.items():
                yield w, w, u, k, attrs


def _edges_between(graph: Any, u: Any, t: Any, direction: str) -> Iterator[tuple[Any, Any, Any, Any, dict[str, Any]]]:
    if direction != "in":
        kd = graph._adj[u].get(t)
        if kd:
            for k, attrs in kd.items():
                yield t, u, t, k, attrs
    if direction != "out" and not (direction == "both" and t == u):
        kd = graph._pred[u].get(t)
        if kd:
            for k, attrs in kd.items():
                yield t, t, u, k, attrs


_FLIP = {"out": "in", "in": "out", "both": "both"}


class _NodeCheck:
    """Labels and inline properties of a node pattern."""

    def __init__(self, pat: A.NodePat, ctx: Context) -> None:
        self.var = pat.var
        self.labels = pat.labels
        self.props = [(k, compile_expr(v, ctx)) for k, v in pat.props.items] if isinstance(pat.props, A.MapLit) else []

    def ok(self, attrs: dict[str, Any], bind: dict[Any, Any]) -> bool:
        if self.labels:
            have = attrs.get(LABELS) or ()
            for lab in self.labels:
                if lab not in have:
                    return False
        for k, fn in self.props:
            if equals(attrs.get(k), fn(bind)) is not True:
                return False
        return True


class _RelCheck:
    def __init__(self, pat: A.RelPat, ctx: Context) -> None:
        self.var = pat.var
        self.types = set(pat.types)
        self.props = [(k, compile_expr(v, ctx)) for k, v in pat.props.items] if isinstance(pat.props, A.MapLit) else []
        self.direction = pat.direction
        self.varlen = pat.varlen
        # per-relationship predicates pushed down from WHERE all(r IN relationships(p) WHERE ...)
        # and none(...): (variable, predicate, the value it must have)
        self.filters: list[tuple[str, Any, bool]] = []

    def ok(self, attrs: dict[str, Any], bind: dict[Any, Any], graph: Any = None, ident: Any = None) -> bool:
        if self.types and attrs.get(TYPE) not in self.types:
            return False
        for k, fn in self.props:
            if equals(attrs.get(k), fn(bind)) is not True:
                return False
        if self.filters and ident is not None:
            rel = Rel(graph, *ident, attrs)
            for var, fn, want in self.filters:
                if fn({var: rel}) is not want:
                    return False
        return True


class Matcher:
    """``Matcher(ctx, patterns, where)(row)`` yields every extension of ``row`` matching the patterns."""

    def __init__(self, ctx: Context, patterns: list[A.PatternPart], where: A.Expr | None) -> None:
        self.ctx = ctx
        self.graph = ctx.graph
        self.tick = ctx.budget.tick  # every candidate node or relationship tried is a step
        self.patterns = patterns
        self.conj = [(c, free_vars(c), compile_expr(c, ctx)) for c in conjuncts(where)]
        self.node_checks = [[_NodeCheck(n, ctx) for n in p.nodes] for p in patterns]
        self.rel_checks = [[_RelCheck(r, ctx) for r in p.rels] for p in patterns]
        self.new_vars = pattern_vars(patterns)
        self._plans: dict[frozenset[Any], list[tuple[Any, ...]]] = {}
        self._push_down_relationship_filters()

    def _push_down_relationship_filters(self) -> None:
        """``all(r IN relationships(p) WHERE P(r))`` needs P true on every relationship of p, and
        ``none(...)`` false: check it while expanding (so shortest paths are shortest among the
        paths that qualify, as in Neo4j). The conjunct itself still runs on the result."""
        by_path = {part.path_var: p for p, part in enumerate(self.patterns) if part.path_var}
        by_rel = {r.var: (p, i) for p, part in enumerate(self.patterns) for i, r in enumerate(part.rels)
                  if r.var and r.varlen is not None}
        for c, _, _ in self.conj:
            if not isinstance(c, A.Quantifier) or c.kind not in ("all", "none") or c.where is None:
                continue
            if free_vars(c.where) - {c.var}:
                continue  # depends on other variables: checked on the whole row only
            targets: list[_RelCheck] = []
            src = c.source
            if (isinstance(src, A.Func) and src.name.lower() == "relationships" and len(src.args) == 1
                    and isinstance(src.args[0], A.Var) and src.args[0].name in by_path):
                targets = self.rel_checks[by_path[src.args[0].name]]
            elif isinstance(src, A.Var) and src.name in by_rel:
                p, i = by_rel[src.name]
                targets = [self.rel_checks[p][i]]
            fn = compile_expr(c.where, self.ctx)
            for rc in targets:
                rc.filters.append((c.var, fn, c.kind == "all"))

    # -- planning ---------------------------------------------------------------------------
    def _index_hints(self, p: int, j: int, bound: set[Any]) -> list[tuple[str, Any]]:
        """(property key, value function) pairs usable to look node j of part p up in an index."""
        pat = self.patterns[p].nodes[j]
        hints = []
        if isinstance(pat.props, A.MapLit):
            for k, v in pat.props.items:
                if free_vars(v) <= bound:
                    hints.append((k, compile_expr(v, self.ctx)))
        if pat.var:
            for c, _, _ in self.conj:
                if isinstance(c, A.Compare) and c.ops == ["="]:
                    for lhs, rhs in ((c.operands[0], c.operands[1]), (c.operands[1], c.operands[0])):
                        if (isinstance(lhs, A.Prop) and isinstance(lhs.subject, A.Var)
                                and lhs.subject.name == pat.var and free_vars(rhs) <= bound):
                            hints.append((lhs.key, compile_expr(rhs, self.ctx)))
                            break
        return hints

    def _plan(self, bound_names: frozenset[Any]) -> list[tuple[Any, ...]]:
        bound = set(bound_names)
        ops: list[tuple[Any, ...]] = []
        order = [p for p, part in enumerate(self.patterns) if not part.shortest]
        order += [p for p, part in enumerate(self.patterns) if part.shortest]
        for p in order:
            part = self.patterns[p]
            nodes = part.nodes
            if part.shortest:
                if len(nodes) != 2:
                    raise CypherSemanticError(f"{part.shortest}() needs a pattern with exactly one relationship")
                start = 0 if (nodes[0].var in bound or nodes[1].var not in bound) else 1
                ops.append(("anchor", p, start, self._index_hints(p, start, bound)))
                if nodes[start].var:
                    bound.add(nodes[start].var)
                ops.append(("shortest", p, start))
                bound.update(v for v in (nodes[1 - start].var, part.rels[0].var, part.path_var) if v)
                continue
            best, best_score, best_size = 0, 9, 0
            idx = index_for(self.graph)
            for j, n in enumerate(nodes):
                size = 0
                if n.var and n.var in bound:
                    score = 0
                elif self._index_hints(p, j, bound):
                    score = 1
                elif n.labels:
                    score = 2  # among labelled nodes, start from the rarest label
                    size = min(len(idx.nodes_with_label(lab)) for lab in n.labels)
                else:
                    score = 3
                if score < best_score or (score == best_score == 2 and size < best_size):
                    best, best_score, best_size = j, score, size
            ops.append(("anchor", p, best, self._index_hints(p, best, bound) if best_score == 1 else []))
            if nodes[best].var:
                bound.add(nodes[best].var)
            # other named nodes an index finds: look them up too, then expand *into* them
            for j, n in enumerate(nodes):
                if j != best and n.var and n.var not in bound and not any(r.varlen for r in part.rels):
                    hints = self._index_hints(p, j, bound)
                    if hints:
                        ops.append(("anchor", p, j, hints))
                        bound.add(n.var)
            for j in range(best, len(nodes) - 1):
                ops.append(("expand", p, j, j, j + 1, False))
                bound.update(v for v in (part.rels[j].var, nodes[j + 1].var) if v)
            for j in range(best, 0, -1):
                ops.append(("expand", p, j, j - 1, j - 1, True))
                bound.update(v for v in (part.rels[j - 1].var, nodes[j - 1].var) if v)
            if part.path_var:
                ops.append(("path", p))
                bound.add(part.path_var)
        # attach every WHERE conjunct to the first step after which its variables are all bound
        pending = list(self.conj)
        now = set(bound_names)
        pre = [fn for c, fv, fn in pending if fv <= now]
        pending = [x for x in pending if not x[1] <= now]
        staged: list[tuple[Any, ...]] = []
        for op in ops:
            now |= self._binds(op)
            ready = [fn for c, fv, fn in pending if fv <= now]
            pending = [x for x in pending if not x[1] <= now]
            staged.append((op, ready))
        if staged:
            last_op, last_checks = staged[-1]
            staged[-1] = (last_op, last_checks + [fn for _, _, fn in pending])
        return [(("pre",), pre)] + staged

    def _binds(self, op: tuple[Any, ...]) -> set[str]:
        kind, p = op[0], op[1]
        part = self.patterns[p]
        if kind == "anchor":
            v = part.nodes[op[2]].var
            return {v} if v else set()
        if kind == "expand":
            return {v for v in (part.rels[op[3]].var, part.nodes[op[4]].var) if v}
        if kind == "shortest":
            return {v for v in (part.nodes[1 - op[2]].var, part.rels[0].var, part.path_var) if v}
        return {part.path_var}

    # -- execution --------------------------------------------------------------------------
    def __call__(self, row: dict[Any, Any]) -> Iterator[dict[Any, Any]]:
        key = frozenset(row)
        plan = self._plans.get(key)
        if plan is None:
            plan = self._plans[key] = self._plan(key)
        bind = dict(row)
        for fn in plan[0][1]:
            if fn(bind) is not True:
                return
        if len(plan) == 1:
            yield bind
            return
        state = [([None] * len(p.nodes), [None] * len(p.rels)) for p in self.patterns]
        yield from self._run(plan, 1, bind, set(), state)

    def _run(self, plan: list[tuple[Any, ...]], i: int, bind: dict[Any, Any], used: set[Any],
             state: list[tuple[list[Any], list[Any]]]) -> Iterator[dict[Any, Any]]:
        op, checks = plan[i]
        last = i == len(plan) - 1
        step = getattr(self, "_op_" + op[0])
        for _ in step(op, bind, used, state):
            ok = True
            for fn in checks:
                if fn(bind) is not True:
                    ok = False
                    break
            if not ok:
                continue
            if last:
                yield dict(bind)
            else:
                yield from self._run(plan, i + 1, bind, used, state)

    def _op_anchor(self, op: tuple[Any, ...], bind: dict[Any, Any], used: set[Any], state: Any) -> Iterator[None]:
        _, p, j, hints = op
        check = self.node_checks[p][j]
        nodes_state = state[p][0]
        g = self.graph
        var = check.var
        if var is not None and var in bind:
            v = bind[var]
            if v is None:
                return
            if type(v) is not Node:
                raise CypherSemanticError(f"type mismatch: variable `{var}` is not a node")
            if v.id in g._node and check.ok(g._node[v.id], bind):
                nodes_state[j] = v.id
                yield
            return
        candidates: Any = None
        idx = index_for(g)
        label = min(check.labels, key=lambda lab: len(idx.nodes_with_label(lab))) if check.labels else None
        for key, fn in hints:
            value = fn(bind)
            if value is None:
                return  # x.key = null is never true
            found = idx.nodes_with_property(label, key, value)
            if found is not None:
                candidates = found
                break
        if candidates is None:
            candidates = idx.nodes_with_label(label) if label is not None else list(g._node)
        nodes = g._node
        tick = self.tick
        for nid in candidates:
            tick()
            attrs = nodes.get(nid)
            if attrs is None or not check.ok(attrs, bind):
                continue
            nodes_state[j] = nid
            if var is not None:
                bind[var] = Node(g, nid)
                yield
                del bind[var]
            else:
                yield

    def _target_ok(self, check: _NodeCheck, nid: Any, bind: dict[Any, Any]) -> int:
        """0: no; 1: yes and bind it; 2: yes, already bound."""
        var = check.var
        if var is not None and var in bind:
            v = bind[var]
            if type(v) is not Node or v.id != nid:
                return 0
            return 2 if check.ok(self.graph._node[nid], bind) else 0
        return 1 if check.ok(self.graph._node[nid], bind) else 0

    def _op_expand(self, op: tuple[Any, ...], bind: dict[Any, Any], used: set[Any], state: Any) -> Iterator[None]:
        _, p, j, r, k, backwards = op
        rc = self.rel_checks[p][r]
        tc = self.node_checks[p][k]
        nodes_state, rels_state = state[p]
        g = self.graph
        u = nodes_state[j]
        direction = _FLIP[rc.direction] if backwards else rc.direction
        if rc.varlen is not None:
            yield from self._varlen(rc, tc, u, direction, backwards, bind, used, nodes_state, rels_state, k, r)
            return
        rvar, tvar = rc.var, tc.var
        bound_rel = bind.get(rvar) if rvar is not None and rvar in bind else None
        if rvar is not None and rvar in bind and type(bound_rel) is not Rel:
            if bound_rel is None:
                return
            raise CypherSemanticError(f"type mismatch: variable `{rvar}` is not a relationship")
        target = bind.get(tvar) if tvar is not None else None
        if type(target) is Node:  # both ends known: look only at the edges between them
            edges = _edges_between(g, u, target.id, direction)
        elif bound_rel is not None:
            edges = _edges_between(g, u, bound_rel.end if bound_rel.start == u else bound_rel.start, direction)
        else:
            edges = _edges(g, u, direction)
        tick = self.tick
        for other, start, end, key, attrs in edges:
            tick()
            ident = (start, end, key)
            if ident in used or not rc.ok(attrs, bind, g, ident):
                continue
            if bound_rel is not None and (bound_rel.start, bound_rel.end, bound_rel.key) != ident:
                continue
            t = self._target_ok(tc, other, bind)
            if not t:
                continue
            rel = Rel(g, start, end, key, attrs)
            used.add(ident)
            nodes_state[k] = other
            rels_state[r] = rel
            if rvar is not None and bound_rel is None:
                bind[rvar] = rel
            if t == 1 and tvar is not None:
                bind[tvar] = Node(g, other)
            yield
            if t == 1 and tvar is not None:
                del bind[tvar]
            if rvar is not None and bound_rel is None:
                del bind[rvar]
            used.discard(ident)

    def _varlen(self, rc: _RelCheck, tc: _NodeCheck, u: Any, direction: str, backwards: bool,
                bind: dict[Any, Any], used: set[Any], nodes_state: list[Any], rels_state: list[Any],
                k: int, r: int) -> Iterator[None]:
        lo, hi = rc.varlen  # type: ignore[misc]
        g = self.graph
        rvar, tvar = rc.var, tc.var
        if rvar is not None and rvar in bind:
            yield from self._bound_varlen(rc, tc, u, direction, backwards, bind, used, nodes_state, rels_state, k, r)
            return
        path_rels: list[Rel] = []
        path_nodes: list[Any] = [u]

        def emit(end: Any) -> Iterator[None]:
            t = self._target_ok(tc, end, bind)
            if not t:
                return
            rels = path_rels[::-1] if backwards else list(path_rels)
            ids = path_nodes[::-1] if backwards else list(path_nodes)
            nodes_state[k] = end
            rels_state[r] = (rels, ids)
            if rvar is not None:
                bind[rvar] = rels
            if t == 1 and tvar is not None:
                bind[tvar] = Node(g, end)
            yield
            if t == 1 and tvar is not None:
                del bind[tvar]
            if rvar is not None:
                del bind[rvar]

        tick = self.tick

        def dfs(node: Any, depth: int) -> Iterator[None]:
            if depth >= lo:
                yield from emit(node)
            if hi is not None and depth >= hi:
                return
            for other, start, end, key, attrs in _edges(g, node, direction):
                tick()
                ident = (start, end, key)
                if ident in used or not rc.ok(attrs, bind, g, ident):
                    continue
                used.add(ident)
                path_rels.append(Rel(g, start, end, key, attrs))
                path_nodes.append(other)
                yield from dfs(other, depth + 1)
                path_nodes.pop()
                path_rels.pop()
                used.discard(ident)

        yield from dfs(u, 0)

    def _bound_varlen(self, rc: _RelCheck, tc: _NodeCheck, u: Any, direction: str, backwards: bool,
                      bind: dict[Any, Any], used: set[Any], nodes_state: list[Any], rels_state: list[Any],
                      k: int, r: int) -> Iterator[None]:
        """A variable-length relationship whose variable already holds a list: follow that list."""
        lst = bind[rc.var]
        if lst is None:
            return
        if type(lst) is not list or any(type(x) is not Rel for x in lst):
            raise CypherSemanticError(f"type mismatch: `{rc.var}` is not a list of relationships")
        lo, hi = rc.varlen  # type: ignore[misc]
        if len(lst) < lo or (hi is not None and len(lst) > hi):
            return
        seq = lst[::-1] if backwards else lst
        node, ids, idents = u, [u], []
        for rel in seq:
            ident = (rel.start, rel.end, rel.key)
            if ident in used or ident in idents or not rc.ok(rel.attrs, bind, self.graph, ident):
                return
            if direction != "in" and rel.start == node:
                node = rel.end
            elif direction != "out" and rel.end == node:
                node = rel.start
            else:
                return
            ids.append(node)
            idents.append(ident)
        t = self._target_ok(tc, node, bind)
        if not t:
            return
        used.update(idents)
        nodes_state[k] = node
        rels_state[r] = (list(lst), ids[::-1] if backwards else ids)
        if t == 1 and tc.var is not None:
            bind[tc.var] = Node(self.graph, node)
        yield
        if t == 1 and tc.var is not None:
            del bind[tc.var]
        used.difference_update(idents)

    def _op_path(self, op: tuple[Any, ...], bind: dict[Any, Any], used: set[Any], state: Any) -> Iterator[None]:
        p = op[1]
        part = self.patterns[p]
        nodes_state, rels_state = state[p]
        g = self.graph
        nodes = [Node(g, nodes_state[0])]
        rels: list[Rel] = []
        for r, seg in enumerate(rels_state):
            if type(seg) is Rel:
                rels.append(seg)
                nodes.append(Node(g, nodes_state[r + 1]))
            else:
                seg_rels, seg_ids = seg
                rels.extend(seg_rels)
                nodes.extend(Node(g, x) for x in seg_ids[1:])
        bind[part.path_var] = Path(nodes, rels)
        yield
        del bind[part.path_var]

    def _op_shortest(self, op: tuple[Any, ...], bind: dict[Any, Any], used: set[Any], state: Any) -> Iterator[None]:
        _, p, start = op
        part = self.patterns[p]
        rc = self.rel_checks[p][0]
        tc = self.node_checks[p][1 - start]
        nodes_state, _ = state[p]
        g = self.graph
        source = nodes_state[start]
        direction = _FLIP[rc.direction] if start == 1 else rc.direction
        lo, hi = rc.varlen if rc.varlen is not None else (1, 1)
        every = part.shortest == "allShortestPaths"
        target_fixed = None
        if tc.var is not None and tc.var in bind:
            v = bind[tc.var]
            if type(v) is not Node:
                return
            target_fixed = v.id
        # breadth-first search recording every parent on a shortest route
        parents: dict[Any, list[tuple[Any, Rel]]] = {source: []}
        depth = {source: 0}
        frontier = deque([source])
        found_at: int | None = None
        while frontier:
            node = frontier.popleft()
            d = depth[node]
            if hi is not None and d >= hi:
                continue
            if found_at is not None and d >= found_at:
                break
            for other, s, e, key, attrs in _edges(g, node, direction):
                self.tick()
                if (s, e, key) in used or not rc.ok(attrs, bind, g, (s, e, key)):
                    continue
                if other not in depth:
                    depth[other] = d + 1
                    parents[other] = [(node, Rel(g, s, e, key, attrs))]
                    frontier.append(other)
                    if other == target_fixed:
                        found_at = d + 1
                elif depth[other] == d + 1 and every:
                    parents[other].append((node, Rel(g, s, e, key, attrs)))
        targets = [target_fixed] if target_fixed is not None else [n for n in depth if n != source]
        if lo == 0 and (target_fixed is None or target_fixed == source):
            targets = [source] + [t for t in targets if t != source]
        for t in targets:
            if t not in depth or (t == source and lo != 0):
                continue
            if not self._target_ok(tc, t, bind):
                continue
            for rels, ids in self._routes(t, source, parents, every):
                if len(rels) < lo:
                    continue
                if start == 1:
                    rels, ids = rels[::-1], ids[::-1]
                added = []
                for var, val in ((tc.var, Node(g, t)), (rc.var, rels),
                                 (part.path_var, Path([Node(g, x) for x in ids], rels))):
                    if var is not None and var not in bind:
                        bind[var] = val
                        added.append(var)
                nodes_state[1 - start] = t
                yield
                for var in added:
                    del bind[var]
                if not every:
                    break

    def _routes(self, node: Any, source: Any, parents: dict[Any, list[tuple[Any, Rel]]],
                every: bool) -> Iterator[tuple[list[Rel], list[Any]]]:
        if node == source:
            yield [], [source]
            return
        for prev, rel in parents[node] if every else parents[node][:1]:
            for rels, ids in self._routes(prev, source, parents, every):
                yield rels + [rel], ids + [node]
