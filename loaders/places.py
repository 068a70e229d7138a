"""Places that are not sovereign states: provinces, US states, territories (ISO 3166-2 and the ISO
3166-1 entries the registry does not hold as states, from pycountry), each with the state it
belongs to. A place named here is a ``region`` actor (a ``city`` when ISO files it as one), never
a ``state``: the registry says which polities are states."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache

import pycountry

from polgraph.loaders.registry import Registry, norm

__all__ = ["Place", "subnational_place"]

# ISO 3166-2 subdivision types that are cities ("Tōkyō-to" is a prefecture, "Moskva" a city).
_CITY_TYPES = ("city", "municipality", "metropolitan", "capital", "district of columbia")

# The type a subdivision's ISO name ends with, which news leaves out.
_TYPE_WORDS = frozenset({"sheng", "shi", "oblast", "oblast'", "kray", "krai", "province", "governorate", "region",
                         "prefecture", "state", "respublika", "zizhiqu"})


@dataclass(frozen=True)
class Place:
    name: str
    kind: str  # "region" or "city"
    iso2: str  # ISO 3166-1 alpha-2 of the state it belongs to ("" for a territory of its own)


@lru_cache(maxsize=1)
def _places() -> dict[str, tuple[Place, ...]]:
    """norm(name) -> the places of that name ("Florida": a US state and a department of Uruguay)."""
    found: dict[str, list[Place]] = {}

    def add(name: str, place: Place) -> None:
        key = norm(name)
        if key and place not in found.setdefault(key, []):
            found[key].append(place)

    for sub in sorted(pycountry.subdivisions, key=lambda s: s.code):
        kind = "city" if any(t in sub.type.lower() for t in _CITY_TYPES) else "region"
        name = sub.name.split(" [")[0]  # "Isle of Anglesey [Sir Ynys Môn GB-YNM]"
        add(name, Place(name, kind, sub.country_code))
        words = name.split()
        if len(words) > 1 and words[-1].lower() in _TYPE_WORDS:  # "Hubei Sheng" is "Hubei"
            add(" ".join(words[:-1]), Place(name, kind, sub.country_code))
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        add(country.name, Place(country.name, "region", ""))
    return {key: tuple(places) for key, places in found.items()}


def subnational_place(text: str, registry: Registry, context: Collection[str] = ()) -> tuple[Place, str | None] | None:
    """The province, US state, city or territory ``text`` names, and the registry id of its state
    (None if unknown); None when ``text`` names no such place or names a registry state. Where the
    name is shared by places of several states, the one whose state is in ``context`` (registry
    ids of the states an article names), if exactly one is; else the place with no state."""
    if registry.place(text) is not None:
        return None
    places = _places().get(norm(text))
    if not places:
        return None
    located = [(place, _state_of(place, registry)) for place in places]
    if len(located) == 1:
        return located[0]
    in_context = [(place, state) for place, state in located if state in context]
    if len(in_context) == 1:
        return in_context[0]
    kinds = {place.kind for place in places}
    return Place(places[0].name, kinds.pop() if len(kinds) == 1 else "region", ""), None


def _state_of(place: Place, registry: Registry) -> str | None:
    if not place.iso2:
        return None
    country = pycountry.countries.get(alpha_2=place.iso2)
    known = registry.state_by_code(country.alpha_3) if country else None
    return known.id if known else None
