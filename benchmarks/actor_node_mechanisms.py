"""In how many articles each actor-node mechanism of issue 10's actor round changes the reading
(docs/reading.md): every article is read with all mechanisms, then once with each switched off,
and the articles whose actor nodes or relations differ are counted and named.

    python benchmarks/actor_node_mechanisms.py ../shared/eval/wikinews ../shared/seeds

Articles are read as ``polgraph eval`` reads them (each alone, no store).
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from polgraph.loaders.mentions import base
from polgraph.loaders.pipeline import Loader
from polgraph.loaders.readers import read_path_located


def _language_data_without(key: str) -> Callable[[], dict[str, Any]]:
    data = dict(base.language_data())
    data[key] = []
    return lambda: data


# label -> (module, function, what it is replaced with to switch the mechanism off)
SWITCHES: dict[str, tuple[str, str, Callable[..., Any]]] = {
    "place acts through its office ('attorneys general from X')": (
        "polgraph.loaders.mentions.nodes", "_office_of", lambda root: None),
    "counterpart of a known state, bloc or organisation ('the EU and X')": (
        "polgraph.loaders.mentions.nodes", "_paired_with_known", lambda root, found: False),
    "passive 'by' phrase hung on a noun is the agent": (
        "polgraph.loaders.mentions.nodes", "_passive_agent", lambda node: False),
    "member of a group that acts ('which include X')": (
        "polgraph.loaders.mentions.nodes", "_group_included_in", lambda node: None),
    "state's name inside a province's ('New Mexico')": (
        "polgraph.loaders.mentions.registry_names", "_inside_place_name", lambda *args: False),
    "time zones are no actors ('UTC')": (
        "polgraph.loaders.mentions", "language_data", _language_data_without("time_zones")),
    "event or document word after an actor's name ('G7 Summit')": (
        "polgraph.loaders.mentions.entities", "_thing_of_an_actor", lambda *args: False),
    "bare armed people noun: no main-state group ('fighters')": (
        "polgraph.loaders.mentions", "language_data", _language_data_without("armed_people")),
    "organisation's name before a title ('X Bank president Y')": (
        "polgraph.loaders.mentions.roles", "_organisation_word", lambda token: False),
    "place a person is of or from ('Senator X of Vermont')": (
        "polgraph.loaders.mentions.nodes", "_place_of_person", lambda root, found: False),
    "state named only as a home left or taken ('moved to X', 'in Y, X')": (
        "polgraph.loaders.mentions.nodes", "_home", lambda root: False),
    "place where the subject is does not act ('a judge in Texas ruled')": (
        "polgraph.loaders.mentions.nodes", "_located", lambda node: False),
    "province listed beside a state is no counterpart ('Alabama, Georgia')": (
        "polgraph.loaders.mentions.nodes", "_may_be_counterpart", lambda kind: True),
    "place modifying a thing does not act ('The Nevada caucuses were')": (
        "polgraph.loaders.mentions.nodes", "_modifier_of_a_thing", lambda root, found: False),
    "news medium with no relation ('The Jakarta Post reports')": (
        "polgraph.loaders.mentions.nodes", "_reports_only", lambda *args: False),
    "state named only by its adjective of a thing ('Italian artwork')": (
        "polgraph.loaders.mentions.nodes", "_adjective_of_a_thing", lambda span, found: False),
    "place or building by a word of its kind ('Chippewa Falls')": (
        "polgraph.loaders.mentions.nodes", "_a_site", lambda name: False),
    "name in another script than Latin": (
        "polgraph.loaders.mentions.nodes", "_latin", lambda name: True),
    "picture caption names no actor ('X Image: Y.')": (
        "polgraph.loaders.mentions", "caption_tokens", lambda doc: frozenset()),
    "organisation entity opening with a title before a person ('Representative X Y')": (
        "polgraph.loaders.mentions.entities", "_titled_person", lambda span, found: None),
    "registry name joined by a hyphen inside an organisation's name ('Agence France-Presse')": (
        "polgraph.loaders.mentions.entities", "_hyphen_joined", lambda span, found: False),
    "organisation named by the end of another's name ('Court of Justice')": (
        "polgraph.loaders.mentions.coreference", "_tail_of_a_name", lambda actor, other, found: False),
    # round 7
    "organisation presented by a noun before it ('the rights group X')": (
        "polgraph.loaders.mentions.entities", "introduced_as_body", lambda span: False),
    "name whose relative clause acts ('X, which issued a stay')": (
        "polgraph.loaders.mentions.nodes", "_subject_of_relative_clause", lambda root: False),
    "name beside an office read as an organisation is a person ('X Y Z, the governor')": (
        "polgraph.loaders.mentions.entities", "_titled_name", lambda span: False),
    "'of' word of a title is no actor ('Secretary of Justice')": (
        "polgraph.loaders.mentions.entities", "_title_complement", lambda span: False),
    "lower-case body of the main state ('the police', 'the electoral commission')": (
        "polgraph.loaders.mentions", "language_data", _language_data_without("bare_institutions")),
    "party's members in a body are its plural ('Republican Representatives')": (
        "polgraph.loaders.mentions.base", "language_data", _language_data_without("member_nouns")),
    "person named only by a trade outside politics ('drummer X')": (
        "polgraph.loaders.mentions.nodes", "_only_named_by_a_trade", lambda found, actor_id, doc: False),
    "document is no actor, even in a relation ('the X Constitution')": (
        "polgraph.loaders.mentions.nodes", "_a_document", lambda name: False),
    "state named only in a war's name ('the Vietnam War')": (
        "polgraph.loaders.mentions.nodes", "_names_a_war", lambda root: False),
    "body's name cut before 'for' read whole ('Center' + 'for Investigative Journalism')": (
        "polgraph.loaders.mentions.entities", "_with_for_name", lambda span, found: span),
    # round 8
    "people narrowed by words in lower case named by them ('poll workers')": (
        "polgraph.loaders.mentions.collectives", "_qualifier_start", lambda noun, found: None),
    "group named only by a noun of people: a node only in a relation ('civilians')": (
        "polgraph.loaders.mentions.nodes", "_only_people_named", lambda found, actor_id, doc: False),
    "political body by a name of its own, a node wherever named ('the X Party's')": (
        "polgraph.loaders.mentions.nodes", "_political_body", lambda found, actor_id, doc: False),
    "name after an office's 'from' and a place ('Senator from Vermont X')": (
        "polgraph.loaders.mentions.entities", "_after_title_from", lambda span: False),
    "person named only before a thing ('the Lewinsky affair')": (
        "polgraph.loaders.mentions.nodes", "_only_a_modifier", lambda found, actor_id, doc: False),
    "people of the territory an article is about ('Puerto Rico protesters')": (
        "polgraph.loaders.mentions.coreference", "_main_region", lambda found, main: None),
    "registry body by its common name in another state's article ('House of Commons')": (
        "polgraph.loaders.mentions.coreference", "_rehome_registry_bodies", lambda found, main, doc: None),
    "name after a title's 'of <place>' holds the title ('Vice President of the US Joe Biden')": (
        "polgraph.loaders.mentions.roles", "_name_after", lambda place, found: None),
    "person's people named by the person ('Trump and his supporters')": (
        "polgraph.loaders.mentions.collectives", "_person_possessing", lambda noun, found: None),
    "place's name inside a titled name ('Thomas Rivera Schatz')": (
        "polgraph.loaders.mentions.roles", "_name_goes_on_left", lambda word, head, found: False),
    "untagged names after an honorific or a person's 'of' ('Cardinal X Y', 'Y of Z Coalition')": (
        "polgraph.loaders.mentions", "find_untagged_names", lambda doc, settled: settled.draft().proposals(settled)),
}


def main(paths: list[str]) -> None:
    files = sorted((f for p in paths for f in (Path(p).glob("*.txt") if Path(p).is_dir() else [Path(p)])
                    if f.with_name(f.name[:-4] + ".gold.yaml").exists()), key=lambda f: f.name)
    loader = Loader()

    def readings() -> dict[str, tuple[set[str], set[tuple[str, str, str]]]]:
        out = {}
        for path in files:
            for _, record in read_path_located(path):
                graph = loader.read(record)
                out[path.name] = ({a.name for a in graph.actors}, {(r.source, r.type, r.target) for r in graph.relations})
        return out

    with_all = readings()
    print(f"{'mechanism':<64} articles (of {len(files)})")
    for label, (module_name, name, off) in SWITCHES.items():
        module = importlib.import_module(module_name)
        original = getattr(module, name)
        setattr(module, name, off)
        try:
            without = readings()
        finally:
            setattr(module, name, original)
        changed = sorted(a for a in with_all if with_all[a] != without[a])
        print(f"{label:<64} {len(changed)}  {' '.join(changed)}")


if __name__ == "__main__":
    main(sys.argv[1:])
