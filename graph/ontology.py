"""Relation types and their CAMEO / PLOVER counterparts (documented in docs/ontology.md)."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["EVENT_TYPES", "STRUCTURAL_TYPES", "RelationType", "by_name", "for_cameo"]


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
