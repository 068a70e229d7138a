"""Cross-document resolution: a name an article leaves new is the actor other articles already
gave the store (or gave earlier in the same load) when exactly one fits."""

from __future__ import annotations

from pathlib import Path


from polgraph.graph.store import Store
from polgraph.graph.stores.sqlite_store import SQLiteStore

FULL = "date 2020-03-02\nOpposition leader Tomas Vasquezov criticized the government of Ruritania on Monday.\n"
SURNAME = "date 2020-03-03\nVasquezov criticized the government of Ruritania again on Tuesday.\n"
MISSPELT = "date 2020-03-04\nTomas Vasquesov criticized the ministers of Ruritania on Wednesday.\n"
OTHER = "date 2020-03-05\nMarta Vasquezov criticized the ministers of Ruritania on Thursday.\n"


def write(folder: Path, **texts: str) -> list[Path]:
    folder.mkdir(exist_ok=True)
    paths = []
    for name, text in texts.items():
        path = folder / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def people(store: Store) -> set[str]:
    return {a.id for a in store.actors("person")}


def test_a_surname_is_the_person_the_store_knows(loader, tmp_path):
    store = SQLiteStore(tmp_path / "graph.db", create=True)
    loader.load(store, write(tmp_path / "a", full=FULL))
    loader.load(store, write(tmp_path / "b", surname=SURNAME))
    assert people(store) == {"tomas-vasquezov"}
    assert {r.source for r in store.relations()} == {"tomas-vasquezov"}


def test_a_surname_is_the_person_an_earlier_article_of_the_same_load_named(loader, tmp_path):
    store = SQLiteStore(tmp_path / "graph.db", create=True)
    loader.load(store, write(tmp_path / "a", a_full=FULL, b_surname=SURNAME))
    assert people(store) == {"tomas-vasquezov"}


def test_worker_processes_resolve_the_same(loader, tmp_path):
    store = SQLiteStore(tmp_path / "graph.db", create=True)
    loader.load(store, write(tmp_path / "a", a_full=FULL, b_surname=SURNAME, c_misspelt=MISSPELT), batch_size=1, workers=2)
    assert people(store) == {"tomas-vasquezov"}


def test_a_misspelt_name_is_the_known_person(loader, tmp_path):
    store = SQLiteStore(tmp_path / "graph.db", create=True)
    loader.load(store, write(tmp_path / "a", full=FULL))
    loader.load(store, write(tmp_path / "b", misspelt=MISSPELT))
    assert people(store) == {"tomas-vasquezov"}


def test_another_given_name_is_another_person_and_then_the_surname_is_no_ones(loader, tmp_path):
    store = SQLiteStore(tmp_path / "graph.db", create=True)
    loader.load(store, write(tmp_path / "a", full=FULL, other=OTHER))
    assert people(store) == {"tomas-vasquezov", "marta-vasquezov"}
    loader.load(store, write(tmp_path / "b", surname=SURNAME))
    assert people(store) == {"tomas-vasquezov", "marta-vasquezov", "vasquezov"}  # the surname stays its own


def test_reading_without_a_store_knows_no_other_article(loader, tmp_path):
    from polgraph.graph.model import Article

    graph = loader.read(Article.from_text(SURNAME.split("\n", 1)[1]))
    assert "tomas-vasquezov" not in {a.id for a in graph.actors}
