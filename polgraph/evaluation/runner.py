"""Run the loader on evaluation data and score it: the work behind ``polgraph eval``.

Each article is loaded into its own fresh in-memory store, so "the nodes the article produced" are
exactly the store's nodes; one loader (one spaCy pipeline) serves them all.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Protocol

from polgraph.evaluation.gold import Gold, load_gold
from polgraph.evaluation.plover import PloverOutcome, PloverRecord, score_record
from polgraph.evaluation.scoring import ArticleScore, score_article
from polgraph.exceptions import InputError
from polgraph.graph.model import Article, ArticleGraph, relation_id
from polgraph.graph.stores.networkx_store import NetworkXStore
from polgraph.loaders.readers import read_path
from polgraph.loaders.registry import Registry
from polgraph.loaders.relations import Candidate, Scorer

__all__ = [
    "GOLD_SUFFIX",
    "LoaderLike",
    "ReadArticle",
    "evaluate_articles",
    "evaluate_plover",
    "find_articles",
    "gold_path_for",
    "label_candidates",
    "read_articles",
    "read_readings",
    "rescored",
    "score_read",
]

GOLD_SUFFIX = ".gold.yaml"


class LoaderLike(Protocol):
    registry: Registry

    def read(self, article: Article) -> ArticleGraph: ...

    def load(self, store: Any, paths: Sequence[Path]) -> Any: ...


def gold_path_for(article: Path) -> Path:
    """``x.txt`` -> ``x.gold.yaml`` beside it."""
    return article.with_name(article.name[: -len(".txt")] + GOLD_SUFFIX)


def find_articles(paths: Iterable[Path]) -> list[tuple[Path, Path]]:
    """(article .txt, reference reading) pairs named by files and folders (folders: every .txt with a reading)."""
    pairs: list[tuple[Path, Path]] = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            pairs.extend((txt, gold_path_for(txt)) for txt in sorted(path.glob("*.txt")) if gold_path_for(txt).is_file())
        elif path.name.endswith(GOLD_SUFFIX):
            txt = path.with_name(path.name[: -len(GOLD_SUFFIX)] + ".txt")
            if not txt.is_file():
                raise InputError(str(path), f"no article {txt.name} beside the reference reading")
            pairs.append((txt, path))
        elif path.suffix == ".txt":
            if not path.is_file():
                raise InputError(str(path), "no such file")
            gold = gold_path_for(path)
            if not gold.is_file():
                raise InputError(str(path), f"no reference reading beside it (expected {gold.name})")
            pairs.append((path, gold))
        elif not path.exists():
            raise InputError(str(path), "no such file or folder")
        else:
            raise InputError(str(path), "not an article .txt, a .gold.yaml or a folder")
    unique = list(dict.fromkeys(pairs))
    if not unique:
        names = ", ".join(str(p) for p in paths) or "(no paths)"
        raise InputError(names, "no article .txt with a .gold.yaml beside it")
    return unique


def read_readings(pairs: Sequence[tuple[Path, Path]]) -> list[tuple[Path, Gold]]:
    """Every reference reading parsed up front: a broken one should fail before spaCy is even loaded."""
    return [(txt, load_gold(gold_path)) for txt, gold_path in pairs]


@dataclass
class ReadArticle:
    """An evaluation article parsed and read once, up to its scored candidates; scored at any
    threshold, or with another scorer, without parsing it again."""

    path: Path
    gold: Gold
    readings: list[Any]  # loaders.pipeline.ArticleReading, one per record of the file

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def candidates(self) -> list[Candidate]:
        return [c for r in self.readings for c in r.candidates]


def read_articles(readings: Sequence[tuple[Path, Gold]], loader: Any) -> list[ReadArticle]:
    """Parse and read every article once (``loader`` is a ``loaders.pipeline.Loader``)."""
    out = []
    for txt, gold in readings:
        records = list(read_path(txt))
        errors = [r for r in records if isinstance(r, InputError)]
        if errors:  # a half-read article scores nothing true
            raise errors[0]
        if not records:
            raise InputError(str(txt), "the loader stored no article from it")
        docs = list(loader.nlp.pipe(r.text for r in records))
        out.append(ReadArticle(txt, gold, [loader.reading_of(r, doc) for r, doc in zip(records, docs)]))
    return out


def rescored(article: ReadArticle, scorer: Scorer) -> ReadArticle:
    """The article with every candidate's confidence given by ``scorer``."""
    readings = [replace(r, candidates=[c.scored(scorer.confidence(c)) for c in r.candidates]) for r in article.readings]
    return replace(article, readings=readings)


def score_read(article: ReadArticle, loader: Any, min_confidence: float | None = None) -> ArticleScore:
    """The article's score with the candidates at or above ``min_confidence`` (default: the loader's)."""
    store = NetworkXStore(None)
    store.write([loader.graph_from(r, min_confidence) for r in article.readings])
    return score_article(store, article.gold, article=article.name)


def label_candidates(article: ReadArticle, loader: Any) -> list[tuple[Candidate, bool]]:
    """Each candidate that reaches the graph when nothing is cut, and whether the reading allows it
    (it matches a required or optional item): the training data of a learned scorer."""
    store = NetworkXStore(None)
    store.write([loader.graph_from(r, 0.0) for r in article.readings])
    allowed = score_article(store, article.gold, article=article.name).relation_allowed
    out = []
    for reading in article.readings:
        for c in reading.candidates:
            key = relation_id(c.source, str(c.type), c.target, reading.article.id, c.sentence)
            if key in allowed:
                out.append((c, allowed[key]))
    return out


def evaluate_articles(readings: Sequence[tuple[Path, Gold]], loader: Any, min_confidence: float | None = None) -> list[ArticleScore]:
    return [score_read(a, loader, min_confidence) for a in read_articles(readings, loader)]


def evaluate_plover(
    records: Sequence[PloverRecord], loader: LoaderLike, registry: Registry | None = None
) -> list[PloverOutcome]:
    """Each sentence read as an article with no date, then scored."""
    registry = registry or loader.registry
    return [score_record(r, loader.read(Article.from_text(r.text)), registry) for r in records]
