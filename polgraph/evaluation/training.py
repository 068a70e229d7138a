"""Learning the candidate scorer from the reference readings (``polgraph train``), and
cross-validating it against the hand weights by article folds (``polgraph eval --folds K``).

A candidate is a positive example when the reading allows the relation it becomes (it matches a
required or optional item), a negative one otherwise. The learner is scikit-learn's logistic
regression (the ``train`` extra); what it learns is written as plain weights
(:class:`~polgraph.loaders.relations.LogisticScorer`) that polgraph reads without scikit-learn.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from polgraph.evaluation.runner import ReadArticle, label_candidates, rescored, score_read
from polgraph.evaluation.scoring import Counts, summed
from polgraph.evaluation.thresholds import best_threshold
from polgraph.exceptions import ConfigError
from polgraph.loaders.relations import HandScorer, LogisticScorer, Scorer

__all__ = ["C", "FoldResult", "cross_validate", "folds_of", "train_scorer", "training_rows"]

C = 0.5  # inverse L2 strength: a few hundred examples, features that co-occur


def training_rows(articles: Sequence[ReadArticle], loader: Any) -> list[tuple[tuple[str, ...], bool]]:
    return [(c.features, label) for a in articles for c, label in label_candidates(a, loader)]


def train_scorer(articles: Sequence[ReadArticle], loader: Any, c: float = C) -> LogisticScorer:
    """A logistic-regression scorer fitted on the articles' candidates, its threshold the best on them."""
    try:
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression
    except ImportError as exc:
        raise ConfigError("training the scorer needs scikit-learn: pip install 'polgraph[train]'") from exc
    rows = training_rows(articles, loader)
    labels = [label for _, label in rows]
    if len(set(labels)) < 2:
        raise ConfigError("training the scorer needs right and wrong candidates; these readings give one kind only")
    vectorizer = DictVectorizer(sparse=True)
    x = vectorizer.fit_transform([{f: 1.0 for f in features} for features, _ in rows])
    model = LogisticRegression(C=c, max_iter=2000, solver="lbfgs")
    model.fit(x, labels)
    weights = {name: round(float(w), 4) for name, w in zip(vectorizer.get_feature_names_out(), model.coef_[0]) if abs(w) >= 1e-4}
    scorer = LogisticScorer(weights=weights, bias=round(float(model.intercept_[0]), 4), threshold=0.5,
                            about={"learner": f"scikit-learn LogisticRegression(C={c})", "articles": len(articles),
                                   "candidates": len(rows), "right": sum(labels)})
    threshold = best_threshold([rescored(a, scorer) for a in articles], loader)
    return LogisticScorer(scorer.weights, scorer.bias, threshold, {**scorer.about, "threshold": "best F1 on these articles"})


def folds_of(articles: Sequence[ReadArticle], k: int) -> list[list[ReadArticle]]:
    """Article-level folds: by file name, article i in fold i mod k (the same split every run)."""
    if k < 2 or k > len(articles):
        raise ConfigError(f"--folds needs 2 to {len(articles)} folds for {len(articles)} articles, not {k}")
    ordered = sorted(articles, key=lambda a: a.name)
    return [[a for i, a in enumerate(ordered) if i % k == fold] for fold in range(k)]


@dataclass
class FoldResult:
    fold: int
    articles: list[str]
    threshold: float
    counts: Counts  # on the fold, with the scorer and threshold fitted on the other folds
    shipped: Counts = field(default_factory=Counts)  # on the fold, as polgraph reads it (the shipped scorer)


def cross_validate(articles: Sequence[ReadArticle], loader: Any, k: int,
                   fit: Callable[[Sequence[ReadArticle]], Scorer]) -> list[FoldResult]:
    """For each fold: ``fit`` on the other folds' articles (a scorer with its threshold), then score the fold."""
    results = []
    for index, held in enumerate(folds_of(articles, k)):
        names = {a.name for a in held}
        scorer = fit([a for a in articles if a.name not in names])
        counts = summed(score_read(rescored(a, scorer), loader, scorer.threshold) for a in held)
        shipped = summed(score_read(a, loader) for a in held)
        results.append(FoldResult(index, sorted(names), scorer.threshold, counts, shipped))
    return results


def fit_hand(loader: Any) -> Callable[[Sequence[ReadArticle]], Scorer]:
    """The hand weights, with the threshold chosen on the training folds."""

    def fit(train: Sequence[ReadArticle]) -> Scorer:
        hand = HandScorer()
        return HandScorer(best_threshold([rescored(a, hand) for a in train], loader))

    return fit


def fit_logistic(loader: Any, c: float = C) -> Callable[[Sequence[ReadArticle]], Scorer]:
    def fit(train: Sequence[ReadArticle]) -> Scorer:
        return train_scorer(train, loader, c)

    return fit


__all__ += ["fit_hand", "fit_logistic"]
