"""In how many articles each actor-reading mechanism of issue 11 fires (docs/reading.md).

    python benchmarks/actor_mechanisms.py ../shared/eval/wikinews ../shared/seeds

Each mechanism's function is wrapped to note the article when it changes what is read (a label
voted, a name refused, a prefix cut, a place made a region, a body given its state, ...); the
articles are read as ``polgraph eval`` reads them (each alone, no store).
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

from polgraph.loaders.mentions import coreference, describe, entities
from polgraph.loaders.pipeline import Loader
from polgraph.loaders.readers import read_path_located

FIRED: dict[str, set[str]] = defaultdict(set)
CURRENT = [""]


def watch(module, name: str, label: str, fired) -> None:
    original = getattr(module, name)
    FIRED[label] = set()

    def wrapper(*args, **kwargs):
        result = original(*args, **kwargs)
        if fired(result, *args):
            FIRED[label].add(CURRENT[0])
        return result

    setattr(module, name, wrapper)


def main(paths: list[str]) -> None:
    watch(entities, "_voted_label", "entity label voted by the article", lambda r, ent, *_: r != ent.label_)
    watch(entities, "_is_a_name", "new name refused: no proper noun, a digit, a lower-case word", lambda r, *_: not r)
    watch(entities, "_place_actor", "place made a region or city", lambda r, *_: r.kind in ("region", "city"))
    watch(entities, "surname_holder", "surname resolved to its person whatever its label", lambda r, *_: r is not None)
    watch(entities, "_prefix_word", "word glued before a person's name cut", lambda r, *_: r)
    watch(entities, "_known_person_within", "longer name ending with a known person", lambda r, *_: r is not None)
    watch(entities, "shared_surname", "surname shared by several people: no actor", lambda r, *_: r)
    watch(entities, "_listing_name", "comma inside a name kept", lambda r, *_: r)
    watch(entities, "_looks_like_person", "organisation read as a person", lambda r, *_: r)
    watch(coreference, "_registry_body", "body without its state: the registry's", lambda r, *_: r is not None)
    watch(coreference, "_named", "body or people without their state: the main state's", lambda r, *_: True)
    watch(coreference, "_placed_in", "people placed by their clause", lambda r, *_: r is not None)
    watch(describe, "_office_sector", "sector of a registry person's office", lambda r, *_: r is not None)
    watch(describe, "_state_in", "new person's state from their description", lambda r, *_: r is not None)
    watch(describe, "sector_of_name", "sector of an organisation's head noun", lambda r, *_: r is not None)

    loader = Loader()
    files = sorted((f for p in paths for f in (Path(p).glob("*.txt") if Path(p).is_dir() else [Path(p)])
                    if f.with_name(f.name[:-4] + ".gold.yaml").exists()), key=lambda f: f.name)
    for path in files:
        CURRENT[0] = path.name
        for _, record in read_path_located(path):
            loader.read(record)
    print(f"{'mechanism':<66} articles (of {len(files)})")
    for label, articles in sorted(FIRED.items(), key=lambda item: (-len(item[1]), item[0])):
        print(f"{label:<66} {len(articles)}")


if __name__ == "__main__":
    main(sys.argv[1:])
