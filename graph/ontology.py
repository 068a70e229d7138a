"""Relation types and their CAMEO / PLOVER counterparts (documented in docs/ontology.md), and
the cooperation/conflict scales of a CAMEO code: its Goldstein value and its QuadClass."""

from __future__ import annotations

import csv
import enum
import functools
from dataclasses import dataclass
from importlib import resources

__all__ = [
    "EVENT_TYPES",
    "EventType",
    "STRUCTURAL_TYPES",
    "Attribution",
    "QuadClass",
    "RelationType",
    "by_name",
    "for_cameo",
    "goldstein",
    "quad_class",
]


@dataclass(frozen=True)
class RelationType:
    name: str
    cameo: tuple[str, ...]  # CAMEO root codes
    plover: str
    description: str


EVENT_TYPES: tuple[RelationType, ...] = (
    RelationType("COMMENTS_ON", ("01",), "", "public statement about the target (no PLOVER event)"),
    RelationType("CALLS_FOR", ("02",), "DEMAND", "appeal or demand addressed to the target"),
    RelationType("PROPOSES", ("03",), "AGREE", "intent, offer or proposal (target: actor or topic)"),
    RelationType("AGREES", ("03",), "AGREE", "agreement, settlement, accord with the target"),
    RelationType("CONSULTS", ("04",), "CONSULT", "meeting, talks, negotiation, visit"),
    RelationType("SUPPORTS", ("05",), "SUPPORT", "praise, endorsement, signing, diplomatic support"),
    RelationType("COOPERATES", ("06",), "COOPERATE", "material cooperation"),
    RelationType("AIDS", ("07",), "AID", "economic, military, humanitarian aid"),
    RelationType("YIELDS", ("08",), "CONCEDE", "concession, retreat, withdrawal, release (RETREAT for withdrawals)"),
    RelationType("INVESTIGATES", ("09",), "INVESTIGATE", "investigation of the target"),
    RelationType("CRITICIZES", ("11",), "DISAPPROVE", "disapproval, accusation, condemnation"),
    RelationType("REJECTS", ("12",), "REJECT", "rejection, refusal, veto"),
    RelationType("THREATENS", ("13",), "THREATEN", "threat, ultimatum (also: sanctions only contemplated)"),
    RelationType("PROTESTS", ("14",), "PROTEST", "demonstration, strike, boycott against the target"),
    RelationType("MOBILIZES", ("15",), "MOBILIZE", "show of force, alert, mobilisation"),
    RelationType("SANCTIONS", ("16",), "SANCTION", "sanctions, embargo, ban, breaking relations"),
    RelationType("COERCES", ("17",), "COERCE", "arrest, expulsion, seizure, repression"),
    RelationType("ASSAULTS", ("18", "19", "20"), "ASSAULT", "attack, mass violence (FIGHT for military combat)"),
)



class EventType(enum.StrEnum):
    """The event relation types by name, for code that emits or tests them (``EventType.CRITICIZES``
    is the string ``"CRITICIZES"``); their CAMEO and PLOVER counterparts are in EVENT_TYPES."""

    COMMENTS_ON = "COMMENTS_ON"
    CALLS_FOR = "CALLS_FOR"
    PROPOSES = "PROPOSES"
    AGREES = "AGREES"
    CONSULTS = "CONSULTS"
    SUPPORTS = "SUPPORTS"
    COOPERATES = "COOPERATES"
    AIDS = "AIDS"
    YIELDS = "YIELDS"
    INVESTIGATES = "INVESTIGATES"
    CRITICIZES = "CRITICIZES"
    REJECTS = "REJECTS"
    THREATENS = "THREATENS"
    PROTESTS = "PROTESTS"
    MOBILIZES = "MOBILIZES"
    SANCTIONS = "SANCTIONS"
    COERCES = "COERCES"
    ASSAULTS = "ASSAULTS"


# CAMEO 02 (appeal) and 10 (demand) are both a request in PLOVER.
_EXTRA_CAMEO = {"10": "CALLS_FOR"}

STRUCTURAL_TYPES: tuple[str, ...] = ("HOLDS_ROLE", "MEMBER_OF", "MENTIONED_IN")

_BY_NAME = {t.name: t for t in EVENT_TYPES}


def by_name(name: str) -> RelationType:
    try:
        return _BY_NAME[name]
    except KeyError:
        raise KeyError(f"unknown relation type {name!r}") from None


def for_cameo(code: str) -> RelationType:
    """The relation type of a CAMEO event code (``"111"`` -> CRITICIZES)."""
    root = code[:2]
    if root in _EXTRA_CAMEO:
        return _BY_NAME[_EXTRA_CAMEO[root]]
    for t in EVENT_TYPES:
        if root in t.cameo and t.name != "AGREES":
            return t
    raise KeyError(f"no relation type for CAMEO code {code!r}")


class QuadClass(enum.IntEnum):
    """GDELT's four-way split of CAMEO root codes (the values are GDELT's ``QuadClass`` column)."""

    VERBAL_COOPERATION = 1  # 01-05
    MATERIAL_COOPERATION = 2  # 06-09
    VERBAL_CONFLICT = 3  # 10-14
    MATERIAL_CONFLICT = 4  # 15-20


class Attribution(str, enum.Enum):
    """How the text presents an act: as fact, as someone's claim, as expected, or as denied."""

    ASSERTED = "asserted"
    ALLEGED = "alleged"
    PREDICTED = "predicted"
    DENIED = "denied"


def quad_class(code: str) -> QuadClass:
    """The QuadClass of a CAMEO code (``"111"`` -> VERBAL_CONFLICT)."""
    try:
        root = int(code[:2])
    except ValueError:
        raise KeyError(f"not a CAMEO event code: {code!r}") from None
    if 1 <= root <= 5:
        return QuadClass.VERBAL_COOPERATION
    if 6 <= root <= 9:
        return QuadClass.MATERIAL_COOPERATION
    if 10 <= root <= 14:
        return QuadClass.VERBAL_CONFLICT
    if 15 <= root <= 20:
        return QuadClass.MATERIAL_CONFLICT
    raise KeyError(f"not a CAMEO event code: {code!r}")


@functools.cache
def _goldstein_table() -> dict[str, float]:
    text = resources.files("polgraph.graph").joinpath("data/cameo_goldstein.tsv").read_text(encoding="utf-8")
    rows = csv.reader((line for line in text.splitlines() if line and not line.startswith("#")), delimiter="\t")
    next(rows)  # header
    return {code: float(value) for code, value in rows}


def goldstein(code: str) -> float:
    """The Goldstein value (-10 conflict .. +10 cooperation) of a CAMEO code; a code the table
    lacks takes its nearest listed parent's (``"0811i"`` -> ``"0811"``)."""
    table = _goldstein_table()
    key = code
    while key:
        if key in table:
            return table[key]
        key = key[:-1]
    raise KeyError(f"no Goldstein value for CAMEO code {code!r}")
