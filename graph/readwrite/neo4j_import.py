"""The graph as CSV files for Neo4j's offline bulk loader, ``neo4j-admin database import full``,
and those files read back (``write_neo4j_import`` / ``read_neo4j_import``).

The files hold the layout every store shares (``graph.store``), so a database built by the import
answers the same Cypher as one filled by ``polgraph sync --push``:

- ``nodes-<Label>.csv``: ``id:ID(<Label>)`` (kept as the property ``id``; one ID space a label),
  the node's properties, ``:LABEL``;
- ``relationships-<group>-<Start>-<End>.csv``: ``:START_ID(<Start>)``, ``:END_ID(<End>)``,
  ``:TYPE``, the relationship's properties. Event relations of every type share one group
  (``events``); MENTIONED_IN, HOLDS_ROLE and MEMBER_OF have one each.

Headers carry each property's type (``:int``, ``:float``, ``:boolean``, ``:string[]``, strings
bare), found from the values. A missing value is an empty unquoted field (no property, as a null
in ``SET n += row``), an empty string is ``""``; every string is quoted, and may span lines (the
import needs ``--multiline-fields=true``). List items are separated by U+001F
(``--array-delimiter=U+001F``), a character no name or alias holds. Files, columns and rows are
in sorted order: the same graph gives the same bytes.

``write_neo4j_import_rows`` writes from a store's ``GraphRows`` (``store.graph_rows()``): the
embedded store streams them from its tables, two passes per file (the columns and their types,
then the rows), so memory stays flat in the number of relations; ``write_neo4j_import`` writes a
NetworkX graph (a part) through the same code.
"""

from __future__ import annotations

import csv
import os
import shutil
import tempfile
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx

from polgraph.exceptions import OutputError
from polgraph.graph.codec import LABELS, TYPE
from polgraph.graph.store import GraphRows
from polgraph.graph.stores.networkx_rows import NetworkXGraphRows

__all__ = ["ARRAY_DELIMITER", "ImportFiles", "import_command", "read_neo4j_import", "write_neo4j_import",
           "write_neo4j_import_rows"]

ARRAY_DELIMITER = "\x1f"
_ARRAY_OPTION = "U+001F"
_ARTICLE = "Article"


@dataclass(frozen=True)
class ImportFiles:
    """What ``write_neo4j_import_rows`` wrote."""

    files: list[Path]
    nodes: int
    relationships: int


def write_neo4j_import(graph: nx.MultiDiGraph, folder: Path, *, with_text: bool = False) -> list[Path]:
    """Write the graph's node and relationship files into ``folder`` (as ``write_neo4j_import_rows``).
    Returns the files written."""
    return write_neo4j_import_rows(NetworkXGraphRows(graph), folder, with_text=with_text).files


def write_neo4j_import_rows(rows: GraphRows, folder: Path, *, with_text: bool = False,
                            actors_only: bool = False) -> ImportFiles:
    """Write the node and relationship files of ``rows`` into ``folder`` (created; it must not
    exist or be empty), all at once: they are written beside it and moved in place when complete.
    Article text is left out unless ``with_text``; articles and mentions with ``actors_only``."""
    folder = Path(folder)
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise OutputError(f"{folder}: exists and is not an empty folder (the CSV files go into a new one)")
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=folder.parent))
    try:
        names, nodes, relationships = _write_files(rows, staging, with_text, actors_only)
        if folder.exists():
            folder.rmdir()
        os.replace(staging, folder)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return ImportFiles([folder / name for name in names], nodes, relationships)


def import_command(files: Iterable[Path], database: str = "neo4j") -> list[str]:
    """The ``neo4j-admin`` command that loads these files into a new database (Neo4j 5)."""
    files = sorted(files)
    return [
        "neo4j-admin", "database", "import", "full", database,
        *(f"--nodes={f}" for f in files if f.name.startswith("nodes-")),
        *(f"--relationships={f}" for f in files if f.name.startswith("relationships-")),
        f"--array-delimiter={_ARRAY_OPTION}", "--multiline-fields=true",
    ]  # fmt: skip


def read_neo4j_import(folder: Path) -> nx.MultiDiGraph:
    """The graph held by files in the layout above (any files in neo4j-admin's header format with
    string ids, typed columns and this module's array delimiter). Empty fields are read as missing."""
    graph = nx.MultiDiGraph()
    folder = Path(folder)
    for path in sorted(folder.glob("nodes-*.csv")):
        for fields in _rows(path):
            props, labels = {}, []
            for (name, kind), value in fields:
                if kind == "LABEL":
                    labels = value.split(ARRAY_DELIMITER)
                elif kind.startswith("ID"):
                    node = value
                    if name:
                        props[name] = value
                elif value != "" or kind == "string[]":
                    props[name] = _parse(value, kind)
            graph.add_node(node, **{LABELS: labels}, **props)
    for path in sorted(folder.glob("relationships-*.csv")):
        for fields in _rows(path):
            props = {}
            for (name, kind), value in fields:
                if kind.startswith("START_ID"):
                    source = value
                elif kind.startswith("END_ID"):
                    target = value
                elif kind == "TYPE":
                    rel_type = value
                elif value != "":
                    props[name] = _parse(value, kind)
            graph.add_edge(source, target, key=props.get("id"), **{TYPE: rel_type}, **props)
    return graph


def _write_files(rows: GraphRows, folder: Path, with_text: bool, actors_only: bool) -> tuple[list[str], int, int]:
    """Each file in two passes over its rows: its columns and their types, then its lines."""
    def node_props(props: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in props.items() if k != "id" and (with_text or k != "text")}

    names, nodes, relationships = [], 0, 0
    for label in rows.labels():
        if actors_only and label == _ARTICLE:
            continue
        columns = _columns(node_props(props) for _, _, props in rows.nodes(label))
        header = [f"id:ID({label})", *(_header(c, t) for c, t in columns), ":LABEL"]
        body = ([node, *(props.get(c) for c, _ in columns), ARRAY_DELIMITER.join(labels)]
                for node, labels, props in rows.nodes(label))
        name, count = _write(folder / f"nodes-{label}.csv", header, body)
        names.append(name)
        nodes += count
    for group in rows.edge_groups():
        if actors_only and _ARTICLE in (group.start, group.end):
            continue
        columns = _columns(props for *_, props in rows.edges(group))
        header = [f":START_ID({group.start})", f":END_ID({group.end})", ":TYPE", *(_header(c, t) for c, t in columns)]
        body = ([s, t, rel_type, *(props.get(c) for c, _ in columns)] for s, t, rel_type, props in rows.edges(group))
        name, count = _write(folder / f"relationships-{group.kind}-{group.start}-{group.end}.csv", header, body)
        names.append(name)
        relationships += count
    return names, nodes, relationships


def _columns(all_props: Iterable[dict[str, Any]]) -> list[tuple[str, str]]:
    """Every property some row has, with the one neo4j-admin type of its values (ints among floats: float)."""
    kinds: dict[str, set[str]] = defaultdict(set)
    for props in all_props:
        for name, value in props.items():
            if value is not None:
                kinds[name].add(_kind(value))
    columns = []
    for name in sorted(kinds, key=lambda n: (n != "id", n)):  # a property no row has gets no column
        found = kinds[name]
        if found == {"int", "float"}:
            found = {"float"}
        if len(found) > 1:
            raise ValueError(f"property {name!r} holds values of several types ({', '.join(sorted(found))})")
        columns.append((name, found.pop()))
    return columns


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "float"
    if isinstance(value, (list, tuple)):
        return "string[]"
    return "string"


def _header(name: str, kind: str) -> str:
    return name if kind == "string" else f"{name}:{kind}"


def _write(path: Path, header: list[str], rows: Iterable[list[Any]]) -> tuple[str, int]:
    count = 0
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write(",".join(header) + "\n")
        for row in rows:
            fh.write(",".join(_field(value) for value in row) + "\n")
            count += 1
    return path.name, count


def _field(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, (list, tuple)):
        items = [str(item) for item in value]
        if any(ARRAY_DELIMITER in item for item in items):
            raise ValueError(f"a list item holds U+001F, the array delimiter: {items!r}")
        value = ARRAY_DELIMITER.join(items)
    return '"' + str(value).replace('"', '""') + '"'


def _rows(path: Path):
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        columns = [_column(cell) for cell in next(reader)]
        for row in reader:
            yield list(zip(columns, row))


def _column(cell: str) -> tuple[str, str]:
    name, _, kind = cell.partition(":")
    return name, kind or "string"


def _parse(value: str, kind: str) -> Any:
    if kind == "int":
        return int(value)
    if kind == "float":
        return float(value)
    if kind == "boolean":
        return value == "true"
    if kind == "string[]":
        return value.split(ARRAY_DELIMITER) if value else []
    return value
