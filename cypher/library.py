"""The query library: ``cypher/queries/NAME.cypher``, one named, commented query per file.

A file starts with ``//`` comments: the first line names and describes the query; lines
``// @param NAME = JSON  description`` declare each ``$parameter`` with its default value.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from polgraph.exceptions import ConfigError

__all__ = ["QUERY_DIR", "LibraryQuery", "library", "load_query", "looks_like_name", "parse_param"]

QUERY_DIR = Path(__file__).resolve().parent / "queries"
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")
_PARAM = re.compile(r"^//\s*@param\s+(\w+)\s*=\s*(.*?)(?:\s{2,}(.*))?$")


@dataclass(frozen=True)
class LibraryQuery:
    name: str
    description: str
    text: str
    defaults: dict[str, Any] = field(default_factory=dict)
    param_help: dict[str, str] = field(default_factory=dict)


def looks_like_name(arg: str) -> bool:
    return bool(_NAME.match(arg.strip()))


def parse_param(value: str) -> Any:
    """``--param k=v`` values: JSON when they parse (numbers, lists, null, quoted strings), else text."""
    try:
        return json.loads(value)
    except ValueError:
        return value


def _read(path: Path) -> LibraryQuery:
    text = path.read_text(encoding="utf-8")
    described: list[str] = []
    defaults: dict[str, Any] = {}
    helps: dict[str, str] = {}
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped.startswith("//"):
            break  # the header ends where the query starts
        m = _PARAM.match(stripped)
        if m:
            name, raw, helptext = m.group(1), m.group(2), m.group(3) or ""
            try:
                defaults[name] = json.loads(raw)
            except ValueError as exc:
                raise ConfigError(f"{path}: default of ${name} is not JSON: {raw!r}") from exc
            helps[name] = helptext.strip()
        elif not defaults:
            described.append(stripped.lstrip("/ ").strip())
    description = " ".join(described)
    if description.startswith(path.stem + ":"):
        description = description.split(":", 1)[1].strip()
    return LibraryQuery(path.stem, description, text, defaults, helps)


def library(directory: Path = QUERY_DIR) -> list[LibraryQuery]:
    """Every library query, by name."""
    return [_read(p) for p in sorted(directory.glob("*.cypher"))]


def load_query(name: str, directory: Path = QUERY_DIR) -> LibraryQuery:
    path = directory / f"{name}.cypher"
    if not looks_like_name(name) or not path.is_file():
        known = ", ".join(q.name for q in library(directory))
        raise ConfigError(f"no library query named {name!r} (known: {known})")
    return _read(path)
