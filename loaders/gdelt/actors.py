"""GDELT actor codes -> actor nodes, through the same registry the article loader uses.

In order, the first that applies:

1. ``Actor1Name`` is a person, organisation, group or bloc the registry knows by name or alias
   (case-insensitive: "ALEXANDER LUKASHENKO", "THE EU") and, when the row's country is a
   state, belongs to it (or is a person of no known country): that actor. A one-word name with
   a type code ("OBAMA", USAGOV) is the registry's one person of that state with that surname.
2. A known group (``KnownGroupCode``, or the last group code inside ``Actor1Code``:
   IGOUNODEVWBK is the World Bank), or, without a state, a type code that names one
   organisation (UNO): the registry's organisation, else a node named by ``data/groups.tsv``.
3. A country code that is a state (ISO 3166-1 alpha-3, or ROM/MTN/TMP): the state itself when
   the type is GOV or none ("BLRGOV" -> ``belarus``, as articles read "the Belarusian
   government"); otherwise the state's institution or group for that sector ("BLRMIL" ->
   "Belarus military": kind organization, country belarus, sector MIL), as articles read
   "the Belarusian KGB".
4. Any other country code: the region, territory or bloc of ``data/places.tsv`` (EUR -> Europe,
   WST -> the registry's The West); the type code is not split off there.
   (When GDELT left the country and type columns empty, they are read from the code's 3-letter
   parts: TWN is Taiwan, REL clergy.)
5. An ethnic or religious code alone: a group named by the CAMEO label (KURD -> "Kurd").
6. A type code alone (POLICE, COMPANY): "Police (country unknown)", one node per sector.
7. Anything else: "CAMEO actor <code>".

Ids are slugs of names (``graph.model``), so the same codes always make the same node.
"""

from __future__ import annotations

from polgraph.graph.model import Actor, slugify
from polgraph.loaders.gdelt.cameo import CameoTables, cameo_tables
from polgraph.loaders.gdelt.reader import ActorCodes
from polgraph.loaders.registry import Registry, default_registry

__all__ = ["ActorResolver"]

_NAMED_KINDS = ("person", "organization", "group", "bloc")  # states and places go by their codes


class ActorResolver:
    """Resolves :class:`ActorCodes` to actors; remembers the answers (the same codes recur)."""

    def __init__(self, registry: Registry | None = None, tables: CameoTables | None = None,
                 cache_limit: int = 100_000) -> None:
        self.registry = registry or default_registry()
        self.tables = tables or cameo_tables()
        self._cache: dict[ActorCodes, Actor] = {}
        self._cache_limit = cache_limit

    def resolve(self, codes: ActorCodes) -> Actor:
        actor = self._cache.get(codes)
        if actor is None:
            actor = self._resolve(codes)
            if len(self._cache) >= self._cache_limit:
                self._cache.clear()
            self._cache[codes] = actor
        return actor

    def _resolve(self, codes: ActorCodes) -> Actor:
        country, type_code = codes.country.strip(), codes.type.strip()
        if not country and not type_code:  # GDELT left the columns empty: read the code itself
            country, type_code = self._split_code(codes.code.strip())
        state = self.state(country) if country else None
        named = self._named(codes.name.strip(), state, type_code)
        if named is not None:
            return named
        group = self._group_code(codes, type_code if state is None else "")
        if group:
            return self.group(group)
        if state is not None:
            return self._sector_of(state, type_code)
        if country:
            return self.place(country)
        if codes.ethnic.strip():
            return self._labelled(codes.ethnic.strip(), self.tables.ethnic, "ethnic group")
        if codes.religion.strip():
            return self._labelled(codes.religion.strip(), self.tables.religions, "religious group")
        sector = self.tables.sectors.get(type_code)
        if sector is not None:
            name = f"{sector.noun[:1].upper()}{sector.noun[1:]} (country unknown)"
            kind = "organization" if sector.kind == "state" else sector.kind
            return Actor(slugify(name), name, kind, sector=sector.code)
        return _new(f"CAMEO actor {codes.code.strip()}", "group")

    # -- the parts ---------------------------------------------------------------------------
    def state(self, code: str) -> Actor | None:
        """The state a CAMEO country code names (``BLR``, ``ROM``), or None for regions and blocs."""
        found = self.registry.state_by_code(code)
        if found is not None:
            return found
        place = self.tables.places.get(code)
        if place is not None:
            return self._place_actor(place.name, place.kind, place.country) if place.kind == "state" else None
        label = self.tables.countries.get(code)
        return _new(label, "state") if label else None  # a state a smaller registry lacks

    def place(self, code: str) -> Actor:
        """The node of a CAMEO country code that is not a state: a bloc, territory or city."""
        place = self.tables.places.get(code)
        if place is None:
            return _new(f"CAMEO country code {code}", "region")
        return self._place_actor(place.name, place.kind, place.country)

    def group(self, code: str) -> Actor:
        """The node of a CAMEO known-group code (``NAT`` -> NATO)."""
        group = self.tables.groups.get(code)
        if group is None:
            return _new(f"CAMEO group {code}", "group")
        return self.registry.by_name(group.name) or _new(group.name, group.kind)

    def _named(self, name: str, state: Actor | None, type_code: str) -> Actor | None:
        if not name:
            return None
        actor = self.registry.by_name(name)
        if actor is not None:
            if actor.kind not in _NAMED_KINDS:
                return None
            if state is None or actor.country == state.id:
                return actor
            # A person of no known country is still that person; an organisation of none, named
            # with a state's code, is the state's ("BRUSSELS", BEL: Belgium, not the EU).
            return actor if actor.kind == "person" and actor.country is None else None
        if state is not None and type_code and " " not in name:
            people = [a for a in self.registry.by_surname(name) if a.kind == "person" and a.country == state.id]
            if len(people) == 1:
                return people[0]
        return None

    def _split_code(self, code: str) -> tuple[str, str]:
        """``(country, type)`` read from an actor code's 3-letter parts (``TWN``, ``REL``)."""
        parts = [code[i : i + 3] for i in range(0, len(code) - len(code) % 3, 3)]
        country = next((p for p in parts[:1] if p in self.tables.countries or p in self.tables.places
                        or self.registry.state_by_code(p) is not None), "")
        type_code = next((p for p in parts if p in self.tables.sectors), "")
        return country, type_code

    def _group_code(self, codes: ActorCodes, type_code: str) -> str:
        known = codes.known_group.strip()
        if known:
            raw = codes.code.strip()
            for end in range(len(raw) - len(raw) % 3, 0, -3):  # the most specific group named in the code
                if raw[end - 3 : end] in self.tables.groups:
                    return raw[end - 3 : end]
            return known
        sector = self.tables.sectors.get(type_code)  # UNO, AMN, IRC, GRP name one organisation each
        return sector.group if sector is not None else ""

    def _sector_of(self, state: Actor, type_code: str) -> Actor:
        sector = self.tables.sectors.get(type_code)
        if sector is None or sector.kind == "state" or sector.group:  # USAUNO: the US at the UN
            return state
        name = f"{state.name} {sector.noun}"
        known = self.registry.by_name(name)
        return known or Actor(slugify(name), name, sector.kind, country=state.id, sector=sector.code)

    def _place_actor(self, name: str, kind: str, country: str) -> Actor:
        known = self.registry.by_name(name)
        if known is not None:
            return known
        state = self.registry.by_name(country) if country else None
        return Actor(slugify(name), name, kind, country=state.id if state is not None else None)

    def _labelled(self, code: str, labels: dict[str, str], what: str) -> Actor:
        label = labels.get(code)
        if label is None:
            return _new(f"CAMEO {what} {code}", "group")
        known = self.registry.by_name(label)
        return known if known is not None and known.kind in ("organization", "group", "bloc") else _new(label, "group")


def _new(name: str, kind: str) -> Actor:
    return Actor(slugify(name), name, kind)
