"""Reference readings (``*.gold.yaml``, format in ``shared/eval/README.md``) as dataclasses.

A malformed file raises ``InputError`` naming the file and the entry: a typo in a relation type
would otherwise never match anything and silently lower every score.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from polgraph.exceptions import InputError
from polgraph.graph.model import ACTOR_KINDS
from polgraph.graph.ontology import EVENT_TYPES

__all__ = ["ANY", "Duplicate", "Gold", "GoldActor", "GoldRelation", "load_gold", "name_key", "parse_gold"]

ANY = "*"  # a relation target: any actor or topic node (or, as source, any actor)
_EVENT_NAMES = frozenset(t.name for t in EVENT_TYPES)


def name_key(text: str) -> str:
    """The form names are compared in: case, accents and spacing ignored (README, "Scoring")."""
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'"))
    no_accents = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"\s+", "", no_accents.casefold())


@dataclass(frozen=True)
class GoldActor:
    name: str
    kind: str = ""
    also: tuple[str, ...] = ()
    mentions: tuple[str, ...] = ()
    optional: bool = False

    @property
    def strong_keys(self) -> frozenset[str]:
        """Keys of the canonical name and its accepted spellings."""
        return frozenset(name_key(n) for n in (self.name, *self.also))

    @property
    def keys(self) -> frozenset[str]:
        """Every key a node name may have to match this actor (name, ``also``, ``mentions``)."""
        return self.strong_keys | frozenset(name_key(m) for m in self.mentions)


@dataclass(frozen=True)
class GoldRelation:
    source: str  # canonical actor name or ANY
    types: tuple[str, ...]
    targets: tuple[str, ...]  # canonical actor names and/or ANY
    sentence: int | None = None
    date: date | None = None
    evidence: str = ""

    def describe(self) -> str:
        types = "|".join(self.types)
        targets = "|".join(self.targets)
        return f"{self.source} -{types}-> {targets}"


@dataclass(frozen=True)
class Duplicate:
    """A node name that must not exist because it would split actor ``of`` in two."""

    of: str
    name: str


@dataclass
class Gold:
    article: str
    published: date | None
    actors: list[GoldActor] = field(default_factory=list)
    required: list[GoldRelation] = field(default_factory=list)
    optional: list[GoldRelation] = field(default_factory=list)
    forbidden: list[GoldRelation] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)
    path: str = ""


def load_gold(path: Path) -> Gold:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(str(path), f"cannot read the reference reading ({exc.strerror or exc})") from exc
    try:
        doc = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise InputError(str(path), f"not valid YAML ({_first_line(exc)})") from exc
    except ValueError as exc:  # PyYAML builds dates itself: "2024-13-01" fails there
        raise InputError(str(path), f"bad value ({exc})") from exc
    return parse_gold(doc, str(path))


def parse_gold(doc: Any, origin: str = "<gold>") -> Gold:
    """A ``Gold`` from the parsed YAML document; ``origin`` names it in errors."""
    if not isinstance(doc, dict):
        raise InputError(origin, "a reference reading must be a mapping with 'article' and 'actors'")
    actors = [_actor(entry, i, origin) for i, entry in enumerate(_list(doc, "actors", origin), 1)]
    relations = doc.get("relations") or {}
    if not isinstance(relations, dict):
        raise InputError(origin, "'relations' must be a mapping of required/optional/forbidden lists")
    unknown = set(relations) - {"required", "optional", "forbidden"}
    if unknown:
        raise InputError(origin, f"unknown relations section {sorted(unknown)[0]!r}")
    gold = Gold(article=str(doc.get("article") or ""), published=_as_date(doc.get("published"), origin), path=origin)
    gold.actors = actors
    for section in ("required", "optional"):
        for i, entry in enumerate(_list(relations, section, origin), 1):
            getattr(gold, section).append(_relation(entry, f"relations.{section}[{i}]", origin))
    for i, entry in enumerate(_list(relations, "forbidden", origin), 1):
        where = f"relations.forbidden[{i}]"
        if isinstance(entry, dict) and "duplicate_of" in entry:
            if not entry.get("name"):
                raise InputError(origin, f"{where}: a duplicate_of entry needs a 'name'")
            gold.duplicates.append(Duplicate(of=str(entry["duplicate_of"]), name=str(entry["name"])))
        else:
            gold.forbidden.append(_relation(entry, where, origin))
    known = {name_key(k) for a in actors for k in (a.name, *a.also)}
    for dup in gold.duplicates:
        if name_key(dup.of) not in known:
            raise InputError(origin, f"duplicate_of {dup.of!r} names no actor of the reading")
    return gold


def _list(doc: dict[str, Any], key: str, origin: str) -> list[Any]:
    value = doc.get(key) or []
    if not isinstance(value, list):
        raise InputError(origin, f"'{key}' must be a list")
    return value


def _strings(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, (list, tuple)):
        return tuple(str(v) for v in value)
    return (str(value),)


def _actor(entry: Any, index: int, origin: str) -> GoldActor:
    if not isinstance(entry, dict) or not entry.get("name"):
        raise InputError(origin, f"actors[{index}]: an actor needs a 'name'")
    kind = str(entry.get("kind") or "")
    if kind and kind not in ACTOR_KINDS:
        raise InputError(origin, f"actors[{index}] ({entry['name']}): unknown kind {kind!r}")
    return GoldActor(
        name=str(entry["name"]),
        kind=kind,
        also=_strings(entry.get("also")),
        mentions=_strings(entry.get("mentions")),
        optional=bool(entry.get("optional", False)),
    )


def _relation(entry: Any, where: str, origin: str) -> GoldRelation:
    if not isinstance(entry, dict):
        raise InputError(origin, f"{where}: a relation must be a mapping with source, type and target")
    missing = [k for k in ("source", "type", "target") if not entry.get(k)]
    if missing:
        raise InputError(origin, f"{where}: missing {missing[0]!r}")
    types = _strings(entry["type"])
    bad = [t for t in types if t not in _EVENT_NAMES]
    if bad:
        raise InputError(origin, f"{where}: unknown relation type {bad[0]!r}")
    sentence = entry.get("sentence")
    if sentence is not None and not isinstance(sentence, int):
        raise InputError(origin, f"{where}: 'sentence' must be a number")
    return GoldRelation(
        source=str(entry["source"]),
        types=types,
        targets=_strings(entry["target"]),
        sentence=sentence,
        date=_as_date(entry.get("date"), origin),
        evidence=str(entry.get("evidence") or ""),
    )


def _as_date(value: Any, origin: str) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise InputError(origin, f"bad date {value!r} (expected YYYY-MM-DD)") from None


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
