"""The verb lexicon: which relation type a verb (with its particle and object) expresses.

Two data files: ``data/verbs.yaml`` (curated, wins: a verb it types takes only its object patterns)
and ``data/cameo_verbs.yaml`` (generated from the PETRARCH2 CAMEO dictionary by
:mod:`polgraph.loaders.cameo_dictionary`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from polgraph.graph.ontology import EventType, by_name, for_cameo
from polgraph.loaders.language_data import language_data

__all__ = ["Lexicon", "default_lexicon"]


@dataclass
class Lexicon:
    verbs: dict[str, EventType] = field(default_factory=dict)  # lemma -> relation type
    objects: dict[tuple[str, str], EventType] = field(default_factory=dict)  # (lemma, object lemma) -> type
    codes: dict[str, str] = field(default_factory=dict)  # lemma -> CAMEO code (the CAMEO dictionary's)
    object_codes: dict[tuple[str, str], str] = field(default_factory=dict)  # (lemma, object lemma) -> CAMEO code
    naming: frozenset[str] = frozenset()  # "call X a disgrace"
    speech: frozenset[str] = frozenset()
    nominal: dict[str, EventType] = field(default_factory=dict)  # event noun -> type (the last listed)
    nominal_senses: dict[str, tuple[EventType, ...]] = field(default_factory=dict)  # nouns of several types: "strike"
    modal: frozenset[str] = frozenset()
    intent: frozenset[str] = frozenset()
    coercive: frozenset[EventType] = frozenset()
    scorn: frozenset[str] = frozenset()
    ignore: frozenset[str] = frozenset()
    criticism_cues: frozenset[str] = frozenset()
    generic_objects: frozenset[str] = frozenset()
    obligation: frozenset[str] = frozenset()
    conditions: frozenset[str] = frozenset()
    verbal_objects: frozenset[str] = frozenset()
    plover: dict[str, str] = field(default_factory=dict)  # lemma -> PLOVER category, where finer than the type's
    people_nouns: frozenset[str] = frozenset()  # "ministers", "officials": people who act for where they come from
    symmetric: frozenset[EventType] = frozenset()  # "X and Y agreed": each with the other
    transitive: dict[str, EventType] = field(default_factory=dict)  # "struck X" (not "workers struck")
    denial: frozenset[str] = frozenset()  # "denied that it attacked": the act is denied
    admission: frozenset[str] = frozenset()  # "admitted that it attacked": the act is asserted
    authorizing: frozenset[str] = frozenset()  # "approved the strike": the subject did the act the object names
    undergoing: frozenset[str] = frozenset()  # "was the target of an attack": the subject is the act's target
    act_nouns: frozenset[str] = frozenset()  # "the move", "the decision": an act not named here
    bare_senses: dict[str, EventType] = field(default_factory=dict)  # "called Erdogan": a demand verb asking nothing

    @classmethod
    def load(cls) -> "Lexicon":
        curated = language_data("verbs.yaml")
        cameo = language_data("cameo_verbs.yaml")
        ignore = frozenset(curated.get("ignore", ()))
        unspecified = frozenset(str(c) for c in curated.get("unspecified_codes", ()))
        verbs: dict[str, str] = {}
        objects: dict[tuple[str, str], str] = {}
        codes = {lemma: str(code) for lemma, code in cameo["verbs"].items()}
        object_codes = {(lemma, obj): str(code) for lemma, objs in cameo["objects"].items() for obj, code in objs.items()}
        for lemma, code in codes.items():
            if lemma not in ignore and code not in unspecified:
                _put(verbs, lemma, _type_of(code))
        # A verb the curated file types changes type only by the curated file's object patterns: the
        # generated ones merge PETRARCH's synonym blocks ("dismiss" + a weapon is aid, "dismiss the
        # claim" a statement, "demand an explanation" an investigation).
        curated_verbs = {lemma for lemmas in curated["verbs"].values() for lemma in lemmas}
        for key, code in object_codes.items():
            if key[0] not in curated_verbs:
                _put(objects, key, _type_of(code))
        for rel_type, lemmas in curated["verbs"].items():
            for lemma in lemmas:
                verbs[lemma] = EventType(rel_type)
        naming: set[str] = set()
        for pattern in curated["objects"]:
            if not pattern["objects"]:
                naming.update(pattern["verbs"])
            for verb in pattern["verbs"]:
                for obj in pattern["objects"]:
                    objects[(verb, obj)] = EventType(pattern["type"])
        for (verb, obj), rel_type in list(objects.items()):
            # The dictionaries write objects as words ("ties", "relations"); the parse gives lemmas.
            _put(objects, (verb, _singular(obj)), rel_type)
        for (verb, obj), code in list(object_codes.items()):
            object_codes.setdefault((verb, _singular(obj)), code)
        senses: dict[str, list[EventType]] = {}
        for t, nouns in curated["nominal"].items():
            for noun in nouns:
                senses.setdefault(noun, []).append(EventType(t))
        nominal = {noun: types[-1] for noun, types in senses.items()}
        return cls(
            verbs={k: v for k, v in verbs.items() if v},
            objects={k: v for k, v in objects.items() if v},
            codes=codes,
            object_codes=object_codes,
            naming=frozenset(naming),
            speech=frozenset(curated["speech"]),
            nominal=nominal,
            nominal_senses={noun: tuple(types) for noun, types in senses.items() if len(types) > 1},
            modal=frozenset(curated["modal"]),
            intent=frozenset(curated["intent"]),
            coercive=frozenset(EventType(t) for t in curated["coercive"]),
            scorn=frozenset(curated["scorn"]),
            ignore=ignore,
            criticism_cues=frozenset(curated.get("criticism_cues", ())),
            generic_objects=frozenset(curated.get("generic_objects", ())),
            obligation=frozenset(curated.get("obligation", ())),
            conditions=frozenset(curated.get("conditions", ())),
            verbal_objects=frozenset(curated.get("verbal_objects", ())),
            plover={lemma: cat for cat, lemmas in curated.get("plover", {}).items() for lemma in lemmas},
            people_nouns=frozenset(curated.get("people_nouns", ())),
            symmetric=frozenset(EventType(t) for t in curated.get("symmetric", ())),
            denial=frozenset(curated.get("denial", ())),
            admission=frozenset(curated.get("admission", ())),
            authorizing=frozenset(curated.get("authorizing", ())),
            undergoing=frozenset(curated.get("undergoing", ())),
            act_nouns=frozenset(curated.get("act_nouns", ())),
            transitive={lemma: EventType(t) for t, lemmas in curated.get("transitive", {}).items() for lemma in lemmas},
            bare_senses={lemma: EventType(t) for t, lemmas in curated.get("bare_senses", {}).items() for lemma in lemmas},
        )

    def verb_type(self, lemma: str, object_lemma: str | None = None) -> EventType | None:
        if object_lemma is not None:
            found = self.objects.get((lemma, object_lemma))
            if found:
                return found
        return self.verbs.get(lemma)

    def cameo(self, rel_type: EventType, lemma: str, object_lemma: str | None = None) -> str:
        """The most specific CAMEO code the trigger justifies for ``rel_type``: the dictionary's code
        of the verb with its object, else of the verb, when it is of that type; else the type's root."""
        for code in (self.object_codes.get((lemma, object_lemma or "")), self.codes.get(lemma)):
            if code and _type_of(code) == rel_type:
                return code
        return by_name(rel_type).cameo[0]


def _type_of(code: str) -> EventType | None:
    try:
        return EventType(for_cameo(code).name)
    except KeyError:
        return None


def _singular(word: str) -> str:
    """The lemma spaCy gives a regular plural noun: "ties" -> "tie", "supplies" -> "supply"."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


def _put(table: dict, key: object, value: str | None) -> None:
    if value and key not in table:
        table[key] = value


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    return Lexicon.load()
