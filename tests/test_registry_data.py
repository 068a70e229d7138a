"""The shipped registry data (seeds/actors.yaml, seeds/actors/*.yaml): well-formed and unambiguous."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

import pycountry
import pytest
import yaml

from polgraph.graph.model import ACTOR_KINDS, slugify
from polgraph.loaders.registry import RoleTitles, _seed_texts, default_registry, norm


@pytest.fixture(scope="module")
def entries() -> list[tuple[str, dict]]:
    found = []
    for origin, text in _seed_texts():
        for entry in yaml.safe_load(text).get("actors") or []:
            found.append((origin, entry))
    return found


def test_every_file_ends_its_lists() -> None:
    for origin, text in _seed_texts():
        if origin != "seeds/actors.yaml":
            assert "# end of" in text, f"{origin} does not say where its lists end"


def test_each_actor_is_defined_once(entries) -> None:
    seen: dict[str, str] = {}
    for origin, entry in entries:
        actor_id = slugify(entry["name"])
        assert actor_id not in seen, f"{entry['name']} is defined in {seen[actor_id]} and {origin}"
        seen[actor_id] = origin


def test_kinds_titles_dates_and_references(entries) -> None:
    ids = {slugify(e["name"]) for _, e in entries}
    canonical = set(RoleTitles.load().phrases.values())
    for origin, entry in entries:
        where = f"{origin}: {entry['name']}"
        assert entry.get("kind", "person") in ACTOR_KINDS, where
        for ref in [entry.get("country"), *(entry.get("member_of") or [])]:
            assert ref is None or slugify(ref) in ids, f"{where}: unknown actor {ref!r}"
        for role in entry.get("roles") or []:
            assert role["title"] in canonical, f"{where}: {role['title']!r} is not a title of roles.yaml"
            assert slugify(role["of"]) in ids, f"{where}: role of unknown actor {role['of']!r}"
            assert set(role) <= {"title", "of", "start", "end", "leader"}, where
            start, end = role.get("start"), role.get("end")
            assert isinstance(start, date), f"{where}: role without a start date"
            assert end is None or (isinstance(end, date) and start <= end), f"{where}: bad dates {start}..{end}"
        if entry.get("kind", "person") == "person":
            assert entry.get("country") or entry.get("roles"), f"{where}: a person without country or role"


def test_state_codes_are_iso_and_unique(entries) -> None:
    codes: dict[str, str] = {}
    for _, entry in entries:
        if entry.get("kind") != "state":
            continue
        code = entry.get("iso3")
        assert code, f"{entry['name']} has no iso3"
        assert code not in codes, f"{code}: {codes[code]} and {entry['name']}"
        codes[code] = entry["name"]
        if code != "XKX":  # Kosovo has a user-assigned code, not in ISO 3166
            assert pycountry.countries.get(alpha_3=code) is not None, f"{entry['name']}: {code} is not ISO 3166"
    assert len(codes) >= 193


def test_names_demonyms_and_capitals_name_one_actor_each(entries) -> None:
    """A normalised name or alias naming two actors would make ``by_name`` silently pick one."""
    owners: dict[str, dict[str, set[str]]] = {k: defaultdict(set) for k in ("name", "demonym", "capital")}
    for _, entry in entries:
        actor_id = slugify(entry["name"])
        for text in [entry["name"], *(entry.get("aliases") or [])]:
            owners["name"][norm(text)].add(actor_id)
        for text in entry.get("demonyms") or []:
            owners["demonym"][norm(text)].add(actor_id)
        for text in entry.get("capitals") or []:
            owners["capital"][norm(text)].add(actor_id)
    clashes = [f"{kind} {key!r}: {sorted(ids)}" for kind, table in owners.items() for key, ids in table.items() if len(ids) > 1]
    # across tables too: place() tries names first, so a capital that is another actor's name is lost
    for kind in ("demonym", "capital"):
        for key, ids in owners[kind].items():
            other = owners["name"].get(key, set()) - ids
            if other:
                clashes.append(f"{kind} {key!r} of {sorted(ids)} is also the name of {sorted(other)}")
    assert not clashes, "\n".join(clashes)


def test_each_office_has_one_holder_a_day(entries) -> None:
    """Terms of one office must not overlap, else ``office_holder`` answers None on those days."""
    terms = defaultdict(list)
    leaders = defaultdict(list)
    for _, entry in entries:
        for role in entry.get("roles") or []:
            span = (role["start"], role.get("end") or date.max, entry["name"])
            terms[(role["title"], slugify(role["of"]))].append(span)
            if role.get("leader"):
                leaders[slugify(role["of"])].append(span)
    overlaps = []
    for office, spans in [*terms.items(), *((("leader", of), s) for of, s in leaders.items())]:
        spans.sort()
        for (s1, e1, n1), (s2, e2, n2) in zip(spans, spans[1:]):
            if s2 <= e1 and n1 != n2:
                overlaps.append(f"{office}: {n1} until {e1}, {n2} from {s2}")
    assert not overlaps, "\n".join(overlaps)


def test_the_registry_loads_with_states_organisations_and_people() -> None:
    registry = default_registry()
    kinds = defaultdict(int)
    for actor in registry.actors.values():
        kinds[actor.kind] += 1
    assert kinds["state"] >= 197
    assert kinds["organization"] + kinds["bloc"] + kinds["group"] >= 40
    assert registry.state_by_code("USA").name == "United States"
