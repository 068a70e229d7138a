"""Every Cypher statement the Neo4j store sends, loaded from ``cypher/store/*.cypher`` and
``cypher/schema.cypher``; no statement text lives in Python code.

A relationship type or a label cannot be a Cypher parameter, so a few templates carry placeholders
(``__TYPE__``, ``__LABEL__``, ``__SOURCE__``, ``__TARGET__``, ``__PROPERTY__``) that are replaced
only by names from fixed whitelists (the ontology's relation types, the layout's labels and
indexed properties): user text never reaches a statement's text. The placeholders are valid
identifiers, so the template files themselves pass Neo4j's parser too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from polgraph.graph.ontology import EVENT_TYPES, STRUCTURAL_TYPES

__all__ = [
    "EVENT_TYPE_NAMES",
    "FALKORDB_INDEXES",
    "IMPORT_SHAPES",
    "LABELS",
    "PENDING_LABEL",
    "REL_TYPES",
    "SchemaStatement",
    "all_sent_statements",
    "falkordb_statements",
    "render",
    "schema_statements",
    "statement",
]

LABELS: tuple[str, ...] = ("Actor", "Article", "Topic")
PENDING_LABEL = "PendingLink"  # structural edges waiting for their far end (graph/upsert.py), not in the layout
EVENT_TYPE_NAMES: tuple[str, ...] = tuple(t.name for t in EVENT_TYPES)
REL_TYPES: tuple[str, ...] = EVENT_TYPE_NAMES + STRUCTURAL_TYPES
# Node indexes polgraph creates on FalkorDB (which has neither constraints nor IF NOT EXISTS).
FALKORDB_INDEXES: tuple[tuple[str, str], ...] = (
    ("Actor", "id"),
    ("Article", "id"),
    ("Topic", "id"),
    ("Actor", "name"),
    ("Actor", "kind"),
    (PENDING_LABEL, "id"),
    (PENDING_LABEL, "target"),
)
# (source label, type, target label) of every relationship the layout has (push copies these).
IMPORT_SHAPES: tuple[tuple[str, str, str], ...] = (
    tuple(("Actor", t, "Actor") for t in EVENT_TYPE_NAMES)
    + tuple(("Actor", t, "Topic") for t in EVENT_TYPE_NAMES)
    + (("Actor", "HOLDS_ROLE", "Actor"), ("Actor", "MEMBER_OF", "Actor"), ("Actor", "MENTIONED_IN", "Article"))
)
_PROPERTIES = frozenset(prop for _, prop in FALKORDB_INDEXES)
_WHITELISTS: dict[str, frozenset[str]] = {
    "TYPE": frozenset(REL_TYPES),
    "LABEL": frozenset(LABELS) | {PENDING_LABEL},
    "SOURCE": frozenset(LABELS),
    "TARGET": frozenset(LABELS),
    "PROPERTY": _PROPERTIES,
}
_PLACEHOLDER = re.compile(r"__([A-Z]+)__")


def _strip_comments(text: str) -> str:
    """Whole-line ``//`` comments are for readers; the server (and FalkorDB's small message
    limit) need only the statement."""
    lines = [line.rstrip() for line in text.splitlines() if not line.lstrip().startswith("//")]
    return "\n".join(line for line in lines if line).strip()


@cache
def _read(relative: str) -> str:
    source = resources.files("polgraph.cypher").joinpath(relative)
    return source.read_text(encoding="utf-8")


@cache
def statement(name: str) -> str:
    """The statement in ``cypher/store/<name>.cypher`` (``falkordb/indexes`` for a subfolder)."""
    if not re.fullmatch(r"[a-z_]+(/[a-z_]+)?", name):
        raise ValueError(f"bad statement name {name!r}")
    return _strip_comments(_read(f"store/{name}.cypher"))


@cache
def render(name: str, **names: str) -> str:
    """A template with its placeholders replaced; every name must be on its whitelist."""
    text = statement(name)
    needed = set(_PLACEHOLDER.findall(text))
    if needed != set(names):
        raise ValueError(f"{name}: placeholders {sorted(needed)}, got {sorted(names)}")
    for key, value in names.items():
        if value not in _WHITELISTS[key]:
            raise ValueError(f"{name}: {value!r} is not an allowed {key.lower()}")
        text = text.replace(f"__{key}__", value)
    return text


@dataclass(frozen=True)
class SchemaStatement:
    name: str  # the index or constraint name
    kind: str  # "constraint", "index", "fulltext" or "relationship index"
    text: str


@cache
def schema_statements() -> tuple[SchemaStatement, ...]:
    """The statements of ``cypher/schema.cypher``, in file order."""
    found = []
    for chunk in re.split(r";\s*$", _read("schema.cypher"), flags=re.MULTILINE):
        text = _strip_comments(chunk)
        if not text:
            continue
        match = re.match(r"CREATE (CONSTRAINT|FULLTEXT INDEX|INDEX) (\w+) IF NOT EXISTS FOR (\(\))?", text)
        if not match:
            raise ValueError(f"cypher/schema.cypher: unexpected statement {text[:60]!r}")
        kind = {"CONSTRAINT": "constraint", "FULLTEXT INDEX": "fulltext", "INDEX": "index"}[match.group(1)]
        if kind == "index" and match.group(3):
            kind = "relationship index"
        found.append(SchemaStatement(match.group(2), kind, text))
    return tuple(found)


def all_sent_statements() -> list[tuple[str, str]]:
    """(name, text) of every statement the store can send, templates rendered for every allowed
    name; the test suite checks each with Neo4j's Cypher front end."""
    sent: list[tuple[str, str]] = [(f"schema:{s.name}", s.text) for s in schema_statements()]
    folder = resources.files("polgraph.cypher").joinpath("store")
    names = sorted(p.name[: -len(".cypher")] for p in folder.iterdir() if p.name.endswith(".cypher"))
    for name in names:
        text = statement(name)
        if "__" not in text:
            sent.append((name, text))
    for rel_type in EVENT_TYPE_NAMES:
        for name in ("merge_relations_to_actor", "merge_relations_to_topic"):
            sent.append((f"{name}:{rel_type}", render(name, TYPE=rel_type)))
    for label in LABELS:
        for name in ("import_nodes", "node_props", "upsert_nodes"):
            sent.append((f"{name}:{label}", render(name, LABEL=label)))
    for rel_type in REL_TYPES:
        sent.append((f"edge_props:{rel_type}", render("edge_props", TYPE=rel_type)))
        sent.append((f"delete_relationships:{rel_type}", render("delete_relationships", TYPE=rel_type)))
    for source, rel_type, target in IMPORT_SHAPES:
        sent.append(
            (f"import_relationships:{rel_type}", render("import_relationships", SOURCE=source, TYPE=rel_type, TARGET=target))
        )
    return sent


def falkordb_statements() -> list[tuple[str, str]]:
    """(name, text) of the FalkorDB-only statements (schema on that server)."""
    sent = [("falkordb/indexes", statement("falkordb/indexes"))]
    for label, prop in FALKORDB_INDEXES:
        sent.append((f"falkordb/node_index:{label}.{prop}", render("falkordb/node_index", LABEL=label, PROPERTY=prop)))
    for rel_type in REL_TYPES:
        sent.append((f"falkordb/relationship_index:{rel_type}", render("falkordb/relationship_index", TYPE=rel_type)))
    return sent


