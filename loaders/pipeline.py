"""The loader: article -> parse -> mentions -> relations -> ArticleGraph -> store.

Data flows one way: readers give Articles, :class:`Loader` reads each into an ArticleGraph (the
model), and a store writes it. Nothing here knows any particular article.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from polgraph.exceptions import InputError
from polgraph.graph.curation.overlay import Overlay
from polgraph.graph.model import Actor, Article, ArticleGraph, Mention, Relation, Topic
from polgraph.graph.ontology import by_name, goldstein, quad_class
from polgraph.graph.store import Store, WriteSummary
from polgraph.loaders.lexicon import Lexicon, default_lexicon
from polgraph.loaders.mentions import ArticleActors, find_mentions
from polgraph.loaders.mentions.known import Directory, resolve_known
from polgraph.loaders.mentions.nodes import is_graph_node
from polgraph.loaders.nlp import load_pipeline
from polgraph.loaders.readers import Record, iter_files, read_bytes_located, read_path_located, sniff_suffix
from polgraph.loaders.registry import Registry, default_registry
from polgraph.loaders.relations import Candidate, Scorer, default_scorer, read_candidates, select
from polgraph.loaders.workers import BatchReader, Outcome, ReadFailure

__all__ = ["ArticleReading", "LoadReport", "Loader"]

# spaCy's parser needs memory in proportion to the text, and finding and resolving mentions
# time that grows faster than the text: a longer article is read piece by piece.
CHUNK_CHARS = 100_000
# Longer "articles" are almost always dumps of many; refuse them unless asked (--max-article-mb).
MAX_ARTICLE_CHARS = 1_000_000


@dataclass
class ArticleReading:
    """An article read up to its scored candidates, before the threshold."""

    article: Article
    doc: Doc
    found: ArticleActors
    candidates: list[Candidate]
    topics: dict[str, Topic]


@dataclass
class _Batch:
    """Records taken together: each with where it came from, an article or its error; ``fresh``
    are the positions of the articles not already stored, the ones to read."""

    records: list[tuple[str, Article | InputError]]
    fresh: list[int]


@dataclass
class LoadReport:
    files: int = 0
    articles: int = 0
    errors: list[InputError] = field(default_factory=list)
    written: WriteSummary = field(default_factory=WriteSummary)


class Loader:
    """Reads articles into graphs. Load the spaCy pipeline once, read many articles."""

    def __init__(
        self,
        registry: Registry | None = None,
        nlp: Language | None = None,
        pipeline: str | None = None,
        lexicon: Lexicon | None = None,
        max_chars: int = MAX_ARTICLE_CHARS,
        scorer: Scorer | None = None,
        min_confidence: float | None = None,
        overlay: Overlay | None = None,
    ) -> None:
        """``min_confidence``: the relations kept (default: the scorer's threshold, chosen on the
        reference readings). ``overlay``: the analyst's curation changes, made on every article's
        graph after resolution, before it is written (``load``; ``read`` gives graphs as read)."""
        self.max_chars = max_chars
        self.scorer = scorer or default_scorer()
        self.min_confidence = self.scorer.threshold if min_confidence is None else min_confidence
        self.registry = registry or default_registry()
        self._nlp = nlp
        self._pipeline = pipeline
        self.lexicon = lexicon or default_lexicon()
        self.overlay = overlay

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            self._nlp = load_pipeline(self._pipeline)
        return self._nlp

    # -- reading -------------------------------------------------------------------------------
    def read(self, article: Article) -> ArticleGraph:
        return next(self.read_many([article]))

    def read_many(self, articles: Iterable[Article], batch_size: int = 16) -> Iterator[ArticleGraph]:
        """ArticleGraphs in input order; short articles go through ``nlp.pipe`` together, a long
        one piece by piece. The first article that cannot be read raises its exception."""
        for outcome in self.read_each(articles, batch_size):
            if isinstance(outcome, Exception):
                raise outcome
            yield outcome

    def read_each(self, articles: Iterable[Article], batch_size: int = 16) -> Iterator[ArticleGraph | Exception]:
        """Like :meth:`read_many`, but an article that cannot be read gives its exception in its
        place and the others are still read."""
        articles = list(articles)
        docs = self._docs([a.text for a in articles if len(a.text) <= CHUNK_CHARS], batch_size)
        for article in articles:
            if len(article.text) > CHUNK_CHARS:
                yield self._read_long(article)
                continue
            doc = next(docs)
            if isinstance(doc, Exception):
                yield doc
                continue
            try:
                yield self.graph_of(article, doc)
            except Exception as exc:
                yield exc

    def _docs(self, texts: list[str], batch_size: int) -> Iterator[Doc | Exception]:
        """One parsed Doc per text, streamed; a text spaCy fails on gives its exception."""
        done = 0
        try:
            for doc in self.nlp.pipe(texts, batch_size=batch_size):
                done += 1
                yield doc
        except Exception:
            for text in texts[done:]:  # the failing batch again, one text at a time
                try:
                    yield self.nlp(text)
                except Exception as exc:
                    yield exc

    def _read_long(self, article: Article) -> ArticleGraph | Exception:
        """A long article read piece by piece (paragraphs of up to CHUNK_CHARS): one piece's Doc
        at a time, so that memory stays flat and time linear in the length. Sentences are numbered
        across the pieces; an actor resolved in several pieces is one actor."""
        parts: list[tuple[ArticleGraph, int]] = []
        try:
            for doc in self._docs(_chunks(article.text), batch_size=1):
                if isinstance(doc, Exception):
                    return doc
                parts.append((self.graph_of(article, doc), len(_numbered_sentences(doc))))
        except Exception as exc:
            return exc
        return _joined(article, parts)

    def graph_of(self, article: Article, doc: Doc) -> ArticleGraph:
        return self.graph_from(self.reading_of(article, doc))

    def reading_of(self, article: Article, doc: Doc) -> ArticleReading:
        found = find_mentions(doc, self.registry, article.published)
        sentences = _numbered_sentences(doc)
        candidates, topics = read_candidates(sentences, found, self.lexicon, article.published, self.scorer)
        return ArticleReading(article, doc, found, candidates, topics)

    def graph_from(self, reading: ArticleReading, min_confidence: float | None = None) -> ArticleGraph:
        """The graph of the candidates at or above ``min_confidence`` (default: the loader's)."""
        article, doc, found, topics = reading.article, reading.doc, reading.found, reading.topics
        threshold = self.min_confidence if min_confidence is None else min_confidence
        relations = [
            Relation(
                source=c.source, target=c.target, type=str(c.type), article=article.id, sentence=c.sentence,
                evidence=c.evidence, date=c.date, cameo=c.cameo, plover=c.plover or by_name(c.type).plover,
                confidence=c.confidence, goldstein=goldstein(c.cameo), quad_class=int(quad_class(c.cameo)),
                attribution=c.attribution.value, reported_by=c.reported_by,
            )
            for c in select(reading.candidates, threshold)
        ]
        in_relations = {r.source for r in relations} | {r.target for r in relations}
        counts = Counter(m.actor for m in found.mentions)
        for holder in found.role_tokens.values():
            counts[holder] += 0  # present, even when only named by a role phrase
        actors = [found.actors[actor_id] for actor_id in counts if is_graph_node(found, actor_id, doc, in_relations)]
        kept = {a.id for a in actors}
        relations = [r for r in relations if r.source in kept and (r.target in kept or r.target in topics)]
        used_topics = {r.target for r in relations}
        return ArticleGraph(
            article=article,
            actors=actors,
            topics=[t for t in topics.values() if t.id in used_topics],
            relations=relations,
            mentions=[Mention(actor_id, article.id, max(counts[actor_id], 1)) for actor_id in kept],
        )

    # -- loading into a store ------------------------------------------------------------------
    def load(
        self,
        store: Store,
        paths: Sequence[Path | str],
        *,
        stdin: bytes | None = None,
        batch_size: int = 32,
        workers: int = 1,
        on_file: Callable[[str], None] | None = None,
        on_error: Callable[[InputError], None] | None = None,
        on_article: Callable[[], None] | None = None,
    ) -> LoadReport:
        """Load files (folders are walked; ``-`` reads ``stdin``). A bad file or record is reported
        and skipped; the rest load. Records are taken ``batch_size`` at a time; the articles of a
        batch are one store transaction, and errors are reported in input order.

        ``workers`` > 1 reads the batches in that many processes (started once, here), written in
        input order: the store is the same whatever the number. ``on_file`` is called once a
        file's records are all batched; ``on_article`` once per record when it is done with:
        stored, already there, or refused."""
        report = LoadReport()
        known = Directory(store)  # new names resolve to the store's actors and to those written before

        def error(exc: InputError) -> None:
            report.errors.append(exc)
            if on_error:
                on_error(exc)

        def batches() -> Iterator[tuple[_Batch, list[Article]]]:
            pending: list[tuple[str, Article | InputError]] = []  # (file or file:line, record or its error)

            def batch() -> tuple[_Batch, list[Article]]:
                fresh = [i for i, (_, r) in enumerate(pending) if isinstance(r, Article) and not store.has_article(r.id)]
                taken = _Batch(list(pending), fresh)
                pending.clear()
                return taken, [taken.records[i][1] for i in fresh]

            for name, records in self._records(paths, stdin):
                report.files += 1
                for where, record in records:
                    if not isinstance(record, InputError) and len(record.text) > self.max_chars:
                        record = InputError(
                            where,
                            f"article is {len(record.text) / 1e6:.1f} million characters, over the limit of "
                            f"{self.max_chars / 1e6:.1f} million (raise it with --max-article-mb)",
                        )
                    if not isinstance(record, InputError):
                        report.articles += 1
                    pending.append((where, record))
                    if len(pending) >= batch_size:
                        yield batch()
                if on_file:
                    on_file(name)
            if pending:
                yield batch()

        def write(batch: _Batch, outcomes: list[Outcome]) -> None:
            read = dict(zip(batch.fresh, outcomes))
            graphs = []
            for i, (where, record) in enumerate(batch.records):
                outcome = read.get(i)
                if isinstance(record, InputError):
                    error(record)
                elif isinstance(outcome, ReadFailure):  # this article's error; the others are stored
                    error(InputError(where, f"cannot read the article ({outcome.reason})"))
                elif outcome is not None:
                    graphs.append(resolve_known(outcome, known, self.registry))
            if self.overlay is not None:  # the analyst's changes: after resolution, before the store
                graphs = self.overlay.apply(graphs)
            summary = store.write(graphs) if graphs else WriteSummary()
            articles = sum(isinstance(record, Article) for _, record in batch.records)
            report.written.articles += summary.articles
            report.written.actors += summary.actors
            report.written.relations += summary.relations
            report.written.skipped += summary.skipped + articles - len(batch.fresh)
            if on_article:
                for _ in batch.records:
                    on_article()

        with BatchReader(self, workers) as reader:
            for batch, outcomes in reader.read(batches()):
                write(batch, outcomes)
        return report

    def _records(self, paths: Sequence[Path | str], stdin: bytes | None) -> Iterator[tuple[str, list[tuple[str, Record]]]]:
        """``(file, [(file or file:line, record), ...])`` for every file named or found."""
        files: list[Path] = []
        for raw in paths:
            if str(raw) == "-":
                data = stdin or b""
                yield "<stdin>", list(read_bytes_located(data, "<stdin>", sniff_suffix(data)))
                continue
            path = Path(raw)
            if not path.exists():
                yield str(path), [(str(path), InputError(str(path), "no such file or folder"))]
                continue
            files.extend(iter_files([path]))
        for path in files:
            yield str(path), list(read_path_located(path))


def _chunks(text: str) -> list[str]:
    if len(text) <= CHUNK_CHARS:
        return [text]
    pieces, current, size = [], [], 0
    for paragraph in text.split("\n"):
        while len(paragraph) > CHUNK_CHARS:  # one huge paragraph: cut at a sentence end if we can
            cut = paragraph.rfind(". ", 0, CHUNK_CHARS) + 1 or CHUNK_CHARS
            pieces.append(paragraph[:cut])
            paragraph = paragraph[cut:]
        if size + len(paragraph) > CHUNK_CHARS and current:
            pieces.append("\n".join(current))
            current, size = [], 0
        current.append(paragraph)
        size += len(paragraph) + 1
    if current:
        pieces.append("\n".join(current))
    return [p for p in pieces if p.strip()]


def _joined(article: Article, parts: list[tuple[ArticleGraph, int]]) -> ArticleGraph:
    """One article's graph from the graphs of its pieces (each with its number of sentences)."""
    actors: dict[str, Actor] = {}
    topics: dict[str, Topic] = {}
    counts: Counter[str] = Counter()
    relations: list[Relation] = []
    offset = 0
    for graph, sentences in parts:
        for actor in graph.actors:
            actors.setdefault(actor.id, actor)
        for topic in graph.topics:
            topics.setdefault(topic.id, topic)
        for mention in graph.mentions:
            counts[mention.actor] += mention.count
        relations.extend(replace(r, sentence=r.sentence + offset) for r in graph.relations)
        offset += sentences
    return ArticleGraph(
        article=article,
        actors=list(actors.values()),
        topics=list(topics.values()),
        relations=relations,
        mentions=[Mention(actor_id, article.id, counts[actor_id]) for actor_id in actors],
    )


def _numbered_sentences(doc: Doc) -> list[tuple[int, Span]]:
    """1-based sentence numbers in article order, whitespace-only sentences not counted."""
    numbered = []
    for sent in doc.sents:
        if sent.text.strip():
            numbered.append((len(numbered) + 1, sent))
    return numbered
