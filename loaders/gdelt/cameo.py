"""The CAMEO actor code tables, as data: GDELT's lookups (``data/lookups/``) and polgraph's reading
of the codes that are not a state's ISO code (``data/places.tsv``, ``data/groups.tsv``,
``data/sectors.tsv``)."""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from importlib import resources

__all__ = ["CameoTables", "KnownGroup", "Place", "Sector", "cameo_tables"]


@dataclass(frozen=True)
class Place:
    """A CAMEO country code that is not a state's ISO code: a world region, a territory, a city."""

    code: str
    kind: str  # state | bloc | region | city
    name: str
    country: str  # registry name of the state it belongs to, or ""


@dataclass(frozen=True)
class KnownGroup:
    code: str
    kind: str  # organization | group | bloc | state
    name: str  # the registry's name where it knows the group


@dataclass(frozen=True)
class Sector:
    """A CAMEO actor type code (GOV, MIL, OPP, ...)."""

    code: str
    kind: str  # kind of the "<State> <noun>" node; "state" folds the actor onto the state
    noun: str
    group: str  # the known group the type names (UNO: the United Nations), or ""


@dataclass(frozen=True)
class CameoTables:
    countries: dict[str, str]  # CAMEO country code -> label (cameoCountry.txt)
    ethnic: dict[str, str]  # ethnic code -> label (cameoEthnic.txt)
    religions: dict[str, str]  # religion code -> label (cameoReligion.txt)
    types: dict[str, str]  # type code -> label (cameoType.txt)
    events: dict[str, str]  # event code -> label (cameoEvent.txt)
    group_labels: dict[str, str]  # known group code -> label (cameoGroup.txt)
    places: dict[str, Place]
    groups: dict[str, KnownGroup]
    sectors: dict[str, Sector]


def _rows(name: str) -> list[list[str]]:
    """The rows of a tab-separated data file, without comment lines and the header; the first
    row of a code listed twice wins."""
    text = resources.files("polgraph.loaders.gdelt").joinpath("data", name).read_text(encoding="utf-8")
    rows = list(csv.reader((ln for ln in text.splitlines() if ln and not ln.startswith("#")),
                           delimiter="\t", quoting=csv.QUOTE_NONE))
    return rows[1:]


def _labels(name: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for code, label in _rows(f"lookups/{name}"):
        found.setdefault(code, label)
    return found


@functools.cache
def cameo_tables() -> CameoTables:
    """The tables shipped with polgraph, read once per process."""
    places = {row[0]: Place(*row) for row in _rows("places.tsv")}
    groups: dict[str, KnownGroup] = {}
    for row in _rows("groups.tsv"):
        groups.setdefault(row[0], KnownGroup(*row))
    sectors: dict[str, Sector] = {}
    for row in _rows("sectors.tsv"):
        sectors.setdefault(row[0], Sector(*row))
    return CameoTables(
        countries=_labels("cameoCountry.txt"),
        ethnic=_labels("cameoEthnic.txt"),
        religions=_labels("cameoReligion.txt"),
        types=_labels("cameoType.txt"),
        events=_labels("cameoEvent.txt"),
        group_labels=_labels("cameoGroup.txt"),
        places=places,
        groups=groups,
        sectors=sectors,
    )
