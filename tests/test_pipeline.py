"""The loader as a whole: long articles in pieces, mentions, idempotent loads."""

from __future__ import annotations

from datetime import date

from polgraph.graph.model import Article
from polgraph.graph.stores.sqlite_store import SQLiteStore
from polgraph.loaders import pipeline
from polgraph.loaders.pipeline import Loader


def test_long_article_is_read_in_pieces_with_continuous_sentence_numbers(monkeypatch):
    monkeypatch.setattr(pipeline, "CHUNK_CHARS", 200)
    paragraphs = [f"Paragraph {i} is filler text of no particular subject." for i in range(12)]
    paragraphs.insert(7, "Germany banned Mahan Air.")
    article = Article.from_text("\n".join(paragraphs), published=date(2019, 1, 23))
    assert len(pipeline._chunks(article.text)) > 1
    graph = Loader().read(article)
    [ban] = [r for r in graph.relations if r.type == "SANCTIONS"]
    assert ban.sentence == 8 and ban.evidence == "Germany banned Mahan Air."


def test_mentioned_in_counts_every_mention():
    article = Article.from_text("Germany banned Mahan Air. Germany said Mahan Air was a danger.", published=date(2019, 1, 23))
    graph = Loader().read(article)
    counts = {m.actor: m.count for m in graph.mentions}
    assert counts["germany"] == 2


def test_load_skips_articles_already_stored(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("date 2019-01-23\nGermany banned Mahan Air.", encoding="utf-8")
    loader = Loader()
    with SQLiteStore(tmp_path / "g.db", create=True) as store:
        first = loader.load(store, [path])
        second = loader.load(store, [path, path])
    assert first.written.articles == 1 and second.written.articles == 0 and second.written.skipped == 2
