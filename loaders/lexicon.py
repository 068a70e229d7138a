"""The verb lexicon: which relation type a verb (with its particle and object) expresses.

Two data files: ``data/verbs.yaml`` (curated, wins) and ``data/cameo_verbs.yaml`` (generated from
the PETRARCH2 CAMEO dictionary by :mod:`polgraph.loaders.cameo_dictionary`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import yaml

from polgraph.graph.ontology import for_cameo

__all__ = ["Lexicon", "default_lexicon"]


def _data(name: str) -> dict:
    return yaml.safe_load(resources.files("polgraph.loaders").joinpath(f"data/{name}").read_text(encoding="utf-8"))


@dataclass
class Lexicon:
    verbs: dict[str, str] = field(default_factory=dict)  # lemma -> relation type
    objects: dict[tuple[str, str], str] = field(default_factory=dict)  # (lemma, object lemma) -> type
    naming: frozenset[str] = frozenset()  # "call X a disgrace"
    speech: frozenset[str] = frozenset()
    nominal: dict[str, str] = field(default_factory=dict)  # event noun -> type
    modal: frozenset[str] = frozenset()
    intent: frozenset[str] = frozenset()
    coercive: frozenset[str] = frozenset()
    scorn: frozenset[str] = frozenset()
    ignore: frozenset[str] = frozenset()
    criticism_cues: frozenset[str] = frozenset()
    generic_objects: frozenset[str] = frozenset()
    obligation: frozenset[str] = frozenset()
    conditions: frozenset[str] = frozenset()
    verbal_objects: frozenset[str] = frozenset()
    plover: dict[str, str] = field(default_factory=dict)  # lemma -> PLOVER category, where finer than the type's

    @classmethod
    def load(cls) -> "Lexicon":
        curated = _data("verbs.yaml")
        cameo = _data("cameo_verbs.yaml")
        ignore = frozenset(curated.get("ignore", ()))
        verbs: dict[str, str] = {}
        objects: dict[tuple[str, str], str] = {}
        for lemma, code in cameo["verbs"].items():
            if lemma not in ignore:
                _put(verbs, lemma, _type_of(code))
        for lemma, objs in cameo["objects"].items():
            for obj, code in objs.items():
                _put(objects, (lemma, obj), _type_of(code))
        for rel_type, lemmas in curated["verbs"].items():
            for lemma in lemmas:
                verbs[lemma] = rel_type
        naming: set[str] = set()
        for pattern in curated["objects"]:
            if not pattern["objects"]:
                naming.update(pattern["verbs"])
            for verb in pattern["verbs"]:
                for obj in pattern["objects"]:
                    objects[(verb, obj)] = pattern["type"]
        nominal = {noun: t for t, nouns in curated["nominal"].items() for noun in nouns}
        return cls(
            verbs={k: v for k, v in verbs.items() if v},
            objects={k: v for k, v in objects.items() if v},
            naming=frozenset(naming),
            speech=frozenset(curated["speech"]),
            nominal=nominal,
            modal=frozenset(curated["modal"]),
            intent=frozenset(curated["intent"]),
            coercive=frozenset(curated["coercive"]),
            scorn=frozenset(curated["scorn"]),
            ignore=ignore,
            criticism_cues=frozenset(curated.get("criticism_cues", ())),
            generic_objects=frozenset(curated.get("generic_objects", ())),
            obligation=frozenset(curated.get("obligation", ())),
            conditions=frozenset(curated.get("conditions", ())),
            verbal_objects=frozenset(curated.get("verbal_objects", ())),
            plover={lemma: cat for cat, lemmas in curated.get("plover", {}).items() for lemma in lemmas},
        )

    def verb_type(self, lemma: str, object_lemma: str | None = None) -> str | None:
        if object_lemma is not None:
            found = self.objects.get((lemma, object_lemma))
            if found:
                return found
        return self.verbs.get(lemma)


def _type_of(code: str) -> str | None:
    try:
        return for_cameo(code).name
    except KeyError:
        return None


def _put(table: dict, key: object, value: str | None) -> None:
    if value and key not in table:
        table[key] = value


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    return Lexicon.load()
