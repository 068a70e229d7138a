"""The actor registry: known actors, their names, demonyms, capitals and date-ranged offices.

Loaded from YAML files in the format documented at the top of ``seeds/actors.yaml``; the default
is the registry shipped with polgraph. Lookups are by normalised text (case, accents, punctuation
and a leading "the" ignored).
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from polgraph.exceptions import ConfigError
from polgraph.graph.model import ACTOR_KINDS, Actor, Role, slugify
from polgraph.loaders.language_data import language_data

__all__ = ["Registry", "RoleTitles", "default_registry", "norm", "registry_entries"]

# Aliases may repeat parts of a registry file, not multiply it: a file whose values, counted with
# every alias expanded, outnumber ten times the values written (and 100,000) is refused before
# anything is built from it ("billion laughs": nine aliases of nine aliases of ...).
_ALIAS_GROWTH = 10
_ALIAS_ALLOWANCE = 100_000


def norm(text: str) -> str:
    """Normalised lookup key: ``"The  Belarusian"`` -> ``belarusian``; ``Zelenskyy`` keeps its letters."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    text = text.replace("’", "'")
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    return re.sub(r"^the ", "", text)


@dataclass
class RoleTitles:
    """Office titles and their phrases (``loaders/data/roles.yaml``)."""

    phrases: dict[str, str] = field(default_factory=dict)  # normalised phrase -> canonical title
    leader_words: frozenset[str] = frozenset()
    honorifics: frozenset[str] = frozenset()

    @classmethod
    def load(cls, path: Path | None = None) -> "RoleTitles":
        doc = language_data("roles.yaml") if path is None else yaml.safe_load(Path(path).read_text(encoding="utf-8"))
        phrases = {}
        for title, words in doc["titles"].items():
            phrases[norm(title)] = title
            for word in words:
                phrases[norm(word)] = title
        return cls(phrases, frozenset(norm(w) for w in doc["leader"]), frozenset(norm(w) for w in doc["honorifics"]))

    def title_of(self, phrase: str) -> str | None:
        return self.phrases.get(norm(phrase))


@dataclass
class _Office:
    actor: str
    role: Role
    leader: bool


class Registry:
    """Known actors with lookup by name, demonym, capital and office."""

    def __init__(self, titles: RoleTitles | None = None) -> None:
        self.titles = titles or RoleTitles.load()
        self.actors: dict[str, Actor] = {}
        self._names: dict[str, str] = {}  # norm(name or alias) -> actor id
        self._demonyms: dict[str, str] = {}  # norm(demonym) -> state id
        self._capitals: dict[str, str] = {}  # norm(capital) -> state id
        self._offices: dict[tuple[str, str], list[_Office]] = defaultdict(list)  # (title, of) -> holders
        self._surnames: dict[str, set[str]] = defaultdict(set)  # norm(last name) -> person ids
        self._codes: dict[str, str] = {}  # ISO 3166-1 alpha-3 (= CAMEO country code) -> state id
        self._adjectives: dict[str, str] = {}  # state id -> its first demonym ("Serbian")

    # -- building ----------------------------------------------------------------------------
    @classmethod
    def from_files(cls, paths: Iterable[Path]) -> "Registry":
        registry = cls()
        for path in paths:
            registry.add_file(Path(path))
        return registry

    def add_file(self, path: Path) -> None:
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            raise ConfigError(f"{path}: cannot read the registry (not UTF-8 text at byte {exc.start})") from None
        except OSError as exc:
            raise ConfigError(f"{path}: cannot read the registry ({exc.strerror or exc})") from None
        self.add_text(text, str(path))

    def add_text(self, text: str, origin: str) -> None:
        """Add the actors of a registry file's text (see :func:`registry_entries`)."""
        self.add_entries(registry_entries(text, origin), origin)

    def add_entries(self, entries: list[dict[str, Any]], origin: str = "registry") -> None:
        pending_roles = []
        for i, entry in enumerate(entries):
            try:
                _check_entry(entry)
                name = str(entry["name"])
                kind = entry.get("kind", "person")
                if kind not in ACTOR_KINDS:
                    raise ValueError(f"unknown kind {kind!r}")
            except (KeyError, TypeError, ValueError) as exc:
                raise ConfigError(f"{origin}: entry {i + 1}: {_reason(exc)}") from None
            actor_id = slugify(name)
            existing = self.actors.get(actor_id)
            aliases = tuple(dict.fromkeys([*(existing.aliases if existing else ()), *map(str, entry.get("aliases") or [])]))
            self.actors[actor_id] = Actor(
                id=actor_id,
                name=name,
                kind=kind,
                aliases=aliases,
                country=slugify(entry["country"]) if entry.get("country") else (existing.country if existing else None),
                member_of=tuple(slugify(m) for m in entry.get("member_of") or ()) or (existing.member_of if existing else ()),
                roles=existing.roles if existing else (),
            )
            for alias in (name, *aliases):
                self._names.setdefault(norm(alias), actor_id)
            for demonym in entry.get("demonyms") or ():
                self._demonyms.setdefault(norm(demonym), actor_id)
                self._adjectives.setdefault(actor_id, str(demonym))
            for capital in entry.get("capitals") or ():
                self._capitals.setdefault(norm(capital), actor_id)
            if entry.get("iso3"):
                self._codes.setdefault(str(entry["iso3"]).upper(), actor_id)
            if kind == "person":
                for full in (name, *aliases):
                    parts = norm(full).split()
                    if len(parts) > 1:
                        self._surnames[parts[-1]].add(actor_id)
            for role in entry.get("roles") or ():
                pending_roles.append((actor_id, role, origin))
        for actor_id, spec, origin in pending_roles:
            self._add_role(actor_id, spec, origin)

    def _add_role(self, actor_id: str, spec: dict[str, Any], origin: str) -> None:
        if not isinstance(spec, dict):
            raise ConfigError(f"{origin}: {self.actors[actor_id].name}: a role must be a mapping, not {_kind(spec)}")
        title = self.titles.title_of(str(spec.get("title", ""))) or str(spec.get("title", ""))
        try:
            start = _as_date(spec.get("start"))
            end = _as_date(spec.get("end"))
        except ValueError as exc:
            raise ConfigError(f"{origin}: {self.actors[actor_id].name}: bad role date ({exc})") from exc
        of = slugify(str(spec["of"])) if spec.get("of") else None
        role = Role(title=title, of=of, start=start, end=end)
        actor = self.actors[actor_id]
        if role not in actor.roles:
            self.actors[actor_id] = Actor(**{**actor.__dict__, "roles": (*actor.roles, role)})
        self._offices[(title, of or "")].append(_Office(actor_id, role, bool(spec.get("leader"))))

    # -- lookups -----------------------------------------------------------------------------
    def by_name(self, text: str) -> Actor | None:
        actor_id = self._names.get(norm(text))
        return self.actors.get(actor_id) if actor_id else None

    def by_surname(self, text: str) -> list[Actor]:
        return [self.actors[i] for i in sorted(self._surnames.get(norm(text), ()))]

    def state_by_demonym(self, text: str) -> Actor | None:
        actor_id = self._demonyms.get(norm(text))
        return self.actors.get(actor_id) if actor_id else None

    def adjective(self, state_id: str) -> str | None:
        """The first demonym the registry lists for a state, its adjective ("Serbian")."""
        return self._adjectives.get(state_id)

    def state_by_capital(self, text: str) -> Actor | None:
        actor_id = self._capitals.get(norm(text))
        return self.actors.get(actor_id) if actor_id else None

    def place(self, text: str) -> Actor | None:
        """A state or organisation named by name, demonym or capital."""
        return self.by_name(text) or self.state_by_demonym(text) or self.state_by_capital(text)

    def office_holder(self, title: str, of: str, day: date | None) -> Actor | None:
        """Who held ``title`` (canonical) of actor ``of`` (id) on ``day``; None if unknown or ambiguous."""
        holders = {o.actor for o in self._offices.get((title, of), ()) if o.role.active_on(day)}
        return self.actors[holders.pop()] if len(holders) == 1 else None

    def leader(self, of: str, day: date | None) -> Actor | None:
        """The leader of ``of`` on ``day``: the role marked ``leader``, else President, else Prime Minister."""
        flagged = {
            o.actor
            for (title, holder_of), offices in self._offices.items()
            if holder_of == of
            for o in offices
            if o.leader and o.role.active_on(day)
        }
        if len(flagged) == 1:
            return self.actors[flagged.pop()]
        for title in ("President", "Prime Minister", "Chancellor", "Secretary General"):
            holder = self.office_holder(title, of, day)
            if holder:
                return holder
        return None

    def code_of(self, state_id: str) -> str | None:
        """The ISO 3166-1 alpha-3 code of a state (``belarus`` -> ``BLR``), None if none is known."""
        return next((code for code, actor_id in sorted(self._codes.items()) if actor_id == state_id), None)

    def state_by_code(self, code: str) -> Actor | None:
        """The state with ISO 3166-1 alpha-3 (and CAMEO) code ``code``: ``BLR`` -> Belarus."""
        actor_id = self._codes.get(code.strip().upper())
        return self.actors.get(actor_id) if actor_id else None

    def holders(self, of: str, day: date | None) -> list[tuple[str, Actor, bool]]:
        """Every office of ``of`` (id) held on ``day``: ``(title, holder, is_leader_role)``, by title."""
        found = {
            (title, o.actor, o.leader)
            for (title, holder_of), offices in self._offices.items()
            if holder_of == of
            for o in offices
            if o.role.active_on(day)
        }
        return [(title, self.actors[a], lead) for title, a, lead in sorted(found)]

    def office_titles(self, of: str) -> set[str]:
        """The titles of ``of`` (id) whose holders the registry knows, at any date."""
        return {title for (title, holder_of), offices in self._offices.items() if holder_of == of and offices}

    def role_phrase(self, text: str, day: date | None) -> tuple[str, Actor, Actor | None] | None:
        """Resolve a role phrase such as ``the Belarusian leader``, ``US secretary of state`` or
        ``president of Russia``: ``(canonical title or "leader", the place, the holder on day)``.

        The place may be named by name, demonym or capital; the holder is None when unknown or
        ambiguous on that day. None when the text is not a role phrase of a known place.
        """
        words = norm(text).split()
        splits = []  # (place words, title words)
        for i in range(1, len(words)):
            splits.append((words[:i], words[i:]))  # "belarusian leader", "us secretary of state"
            if words[i] == "of" and i + 1 < len(words):
                splits.append((words[i + 1 :], words[:i]))  # "president of russia"
        for place_words, title_words in splits:
            place = self.place(" ".join(place_words))
            if place is not None:
                phrase = " ".join(title_words)
                if phrase in self.titles.leader_words:
                    return "leader", place, self.leader(place.id, day)
                title = self.titles.title_of(phrase)
                if title:
                    return title, place, self.office_holder(title, place.id, day)
        return None

    def copy(self) -> "Registry":
        """An independent copy, to add files to without changing the shared default."""
        import copy

        clone = copy.copy(self)
        clone.actors = dict(self.actors)
        clone._names = dict(self._names)
        clone._demonyms = dict(self._demonyms)
        clone._capitals = dict(self._capitals)
        clone._offices = defaultdict(list, {k: list(v) for k, v in self._offices.items()})
        clone._surnames = defaultdict(set, {k: set(v) for k, v in self._surnames.items()})
        clone._codes = dict(self._codes)
        clone._adjectives = dict(self._adjectives)
        clone.__dict__.pop("_matchers", None)
        return clone

    def __len__(self) -> int:
        return len(self.actors)


def registry_entries(text: str, origin: str) -> list[dict[str, Any]]:
    """The ``actors`` list of a registry file's YAML text. A ConfigError of one line, naming
    ``origin``, when it is not YAML, not of the registry's shape, or multiplies itself by aliases."""
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is not None:
            _refuse_alias_bombs(node, origin)
        doc = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        raise ConfigError(f"{origin}: cannot read the registry ({_yaml_reason(exc)})") from None
    finally:
        loader.dispose()
    if doc is None:
        return []
    if not isinstance(doc, dict):
        raise ConfigError(f"{origin}: a registry file is a mapping with an \"actors\" list, not {_kind(doc)}")
    actors = doc.get("actors") or []
    if not isinstance(actors, list):
        raise ConfigError(f"{origin}: \"actors\" must be a list of actors, not {_kind(actors)}")
    return actors


def _refuse_alias_bombs(root: yaml.Node, origin: str) -> None:
    """Count the values of the node graph as if every alias were expanded, without expanding it."""
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        key = id(node)
        if isinstance(node, yaml.MappingNode):
            children = [part for pair in node.value for part in pair]
        elif isinstance(node, yaml.SequenceNode):
            children = list(node.value)
        else:
            children = []
        if children_done:
            open_nodes.discard(key)
            sizes[key] = 1 + sum(sizes[id(c)] for c in children)
            continue
        if key in sizes:
            continue
        open_nodes.add(key)
        stack.append((node, True))
        for child in children:
            if id(child) in open_nodes:
                raise ConfigError(f"{origin}: cannot read the registry (a YAML alias refers to itself, "
                                  f"line {child.start_mark.line + 1})")
            if id(child) not in sizes:
                stack.append((child, False))
    written = len(sizes)
    expanded = sizes[id(root)]
    if expanded > _ALIAS_GROWTH * written + _ALIAS_ALLOWANCE:
        raise ConfigError(f"{origin}: refused: its YAML aliases expand {written:,} values to {expanded:,} "
                          f"(a registry file may not grow more than {_ALIAS_GROWTH}-fold through aliases)")


def _check_entry(entry: Any) -> None:
    if not isinstance(entry, dict):
        raise TypeError(f"an actor must be a mapping with a name, not {_kind(entry)}")
    if "name" not in entry:
        raise KeyError("name")
    if not isinstance(entry["name"], (str, int, float)) or not str(entry["name"]).strip():
        raise ValueError(f"\"name\" must be a text, not {_kind(entry['name'])}")
    for key in ("aliases", "demonyms", "capitals", "member_of", "roles"):
        value = entry.get(key)
        if value is not None and not isinstance(value, list):
            raise ValueError(f"\"{key}\" must be a list, not {_kind(value)}")
        for item in value or ():
            if key != "roles" and not isinstance(item, (str, int, float)):
                raise ValueError(f"\"{key}\" must list texts, not {_kind(item)}")


def _kind(value: Any) -> str:
    return {dict: "a mapping", list: "a list", str: "a text", bool: "a boolean", int: "a number",
            float: "a number", type(None): "empty"}.get(type(value), type(value).__name__)


def _reason(exc: Exception) -> str:
    return f"missing {exc}" if isinstance(exc, KeyError) else str(exc)


def _yaml_reason(exc: yaml.YAMLError) -> str:
    if isinstance(exc, yaml.MarkedYAMLError) and exc.problem_mark is not None:
        mark = exc.problem_mark
        return f"{exc.problem} at line {mark.line + 1}, column {mark.column + 1}"
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


def _as_date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


_DEFAULT: Registry | None = None


def default_registry() -> Registry:
    """The registry shipped with polgraph (``seeds/actors.yaml`` and ``seeds/actors/*.yaml``), loaded once per process."""
    global _DEFAULT
    if _DEFAULT is None:
        registry = Registry()
        for origin, text in _seed_texts():
            registry.add_text(text, origin)
        _DEFAULT = registry
    return _DEFAULT


def _seed_texts() -> list[tuple[str, str]]:
    """``(origin, YAML text)`` of every shipped registry file: ``actors.yaml`` first, then ``actors/*.yaml`` by name."""
    seeds = resources.files("polgraph.seeds")
    found = [("seeds/actors.yaml", seeds.joinpath("actors.yaml").read_text(encoding="utf-8"))]
    folder = seeds.joinpath("actors")
    if folder.is_dir():
        for item in sorted(folder.iterdir(), key=lambda f: f.name):
            if item.name.endswith(".yaml"):
                found.append((f"seeds/actors/{item.name}", item.read_text(encoding="utf-8")))
    return found
