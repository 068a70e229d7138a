"""Run the loader on evaluation data and score it: the work behind ``polgraph eval``.

Each article is loaded into its own fresh in-memory store, so "the nodes the article produced" are
exactly the store's nodes; one loader (one spaCy pipeline) serves them all.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Protocol

from polgraph.evaluation.gold import Gold, load_gold
from polgraph.evaluation.plover import PloverOutcome, PloverRecord, score_record
from polgraph.evaluation.scoring import ArticleScore, score_article
from polgraph.exceptions import InputError
from polgraph.graph.model import Article, ArticleGraph
from polgraph.graph.stores.networkx_store import NetworkXStore
from polgraph.loaders.registry import Registry, default_registry

__all__ = ["GOLD_SUFFIX", "LoaderLike", "evaluate_articles", "evaluate_plover", "find_articles", "gold_path_for", "read_readings"]

GOLD_SUFFIX = ".gold.yaml"


class LoaderLike(Protocol):
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


def evaluate_articles(readings: Sequence[tuple[Path, Gold]], loader: LoaderLike) -> list[ArticleScore]:
    scores = []
    for txt, gold in readings:
        store = NetworkXStore(None)
        report = loader.load(store, [txt])
        errors = getattr(report, "errors", None) or []
        if errors:  # the loader reports bad files instead of raising; a half-read article scores nothing true
            raise errors[0]
        if not store.articles():
            raise InputError(str(txt), "the loader stored no article from it")
        scores.append(score_article(store, gold, article=txt.name))
    return scores


def evaluate_plover(
    records: Sequence[PloverRecord], loader: LoaderLike, registry: Registry | None = None
) -> list[PloverOutcome]:
    """Each sentence read as an article with no date, then scored."""
    registry = registry or getattr(loader, "registry", None) or default_registry()
    return [score_record(r, loader.read(Article.from_text(r.text)), registry) for r in records]
