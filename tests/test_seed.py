"""The seed article satisfies its hand-made reading (../shared/seeds/*.gold.yaml), read from the YAML."""

from __future__ import annotations

from collections import Counter

import pytest
import yaml

from polgraph.graph.stores.networkx_store import NetworkXStore
from polgraph.loaders.pipeline import Loader
from polgraph.loaders.registry import norm
from tests.conftest import SEED, SEED_GOLD


@pytest.fixture(scope="module")
def seed_store():
    store = NetworkXStore(None)
    report = Loader().load(store, [SEED])
    assert not report.errors
    return store


@pytest.fixture(scope="module")
def gold():
    return yaml.safe_load(SEED_GOLD.read_text(encoding="utf-8"))


def _names(store):
    return {a.id: a.name for a in store.actors()}


def test_every_gold_actor_is_exactly_one_node(seed_store, gold):
    actors = seed_store.actors()
    for entry in gold["actors"]:
        accepted = {norm(n) for n in [entry["name"], *entry.get("also", []), *entry.get("mentions", [])]}
        matching = [a for a in actors if norm(a.name) in accepted]
        assert len(matching) == 1, f"{entry['name']}: {[a.name for a in matching]}"
        assert matching[0].kind == entry["kind"], entry["name"]


def test_no_two_nodes_for_one_name(seed_store):
    counts = Counter(norm(a.name) for a in seed_store.actors())
    assert all(c == 1 for c in counts.values()), counts


def _matches(rel, names, item) -> bool:
    source = names.get(rel.source, rel.source)
    target = names.get(rel.target)
    if item.get("source", "*") != "*" and source != item["source"]:
        return False
    if rel.type not in item["type"]:
        return False
    targets = item.get("target", ["*"])
    return "*" in targets or target in targets


def test_every_required_relation_is_found(seed_store, gold):
    names = _names(seed_store)
    relations = seed_store.relations()
    missing = [item for item in gold["relations"]["required"] if not any(_matches(r, names, item) for r in relations)]
    assert not missing, missing


def test_no_forbidden_relation_or_node(seed_store, gold):
    names = _names(seed_store)
    relations = seed_store.relations()
    for item in gold["relations"]["forbidden"]:
        if "duplicate_of" in item:
            assert norm(item["name"]) not in {norm(n) for n in names.values()}
            continue
        hits = [r for r in relations if _matches(r, names, item)]
        assert not hits, (item, hits)


def test_required_relations_keep_provenance_and_dates(seed_store, gold):
    names = _names(seed_store)
    relations = seed_store.relations()
    for item in gold["relations"]["required"]:
        found = [r for r in relations if _matches(r, names, item)]
        assert any(r.sentence == item["sentence"] for r in found), item
        assert all(r.evidence and r.article for r in found)
        if "date" in item:
            assert any(r.date == item["date"] for r in found), item
