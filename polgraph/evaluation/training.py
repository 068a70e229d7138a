"""Learning the candidate scorer from the reference readings (``polgraph train``), and
cross-validating it against the hand weights by article folds (``polgraph eval --folds K``).

A candidate is a positive example when the reading allows the relation it becomes (it matches a
required or optional item), a negative one otherwise. The learner is scikit-learn's logistic
regression (the ``train`` extra); what it learns is written as plain weights
(:class:`~polgraph.loaders.relations.LogisticScorer`) that polgraph reads without scikit-learn.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from polgraph.evaluation.runner import ReadArticle, label_candidates, rescored, score_read
from polgraph.evaluation.scoring import Counts, summed
from polgraph.evaluation.thresholds import best_threshold
from polgraph.exceptions import ConfigError
from polgraph.graph.model import Article
from polgraph.loaders.relations import HandScorer, LogisticScorer, Scorer

__all__ = [
    "C",
    "Calibration",
    "FoldResult",
    "calibration",
    "check_folds",
    "cross_validate",
    "fit_hand",
    "fit_logistic",
    "folds_of",
    "quiet_rows",
    "read_quiet",
    "train_scorer",
    "training_rows",
]

C = 0.5  # inverse L2 strength: a few hundred examples, features that co-occur


def training_rows(articles: Sequence[ReadArticle], loader: Any) -> list[tuple[tuple[str, ...], bool]]:
    return [(c.features, label) for a in articles for c, label in label_candidates(a, loader)]


def quiet_rows(readings: Sequence[Any], loader: Any) -> list[tuple[tuple[str, ...], bool]]:
    """Every candidate of articles that report no political act (each reaching the graph when
    nothing is cut) is a wrong reading: negative examples for what dev articles cannot teach."""
    rows = []
    for reading in readings:
        graph = loader.graph_from(reading, 0.0)
        kept = {(r.source, r.type, r.target, r.sentence) for r in graph.relations}
        rows += [(c.features, False) for c in reading.candidates if c.key in kept]
    return rows


def read_quiet(corpus: Path, ids: Path, loader: Any) -> list[Any]:
    """The articles of a JSON Lines corpus whose ids a file lists (one a line, a tab then anything;
    # comments), read up to their candidates."""
    wanted = {line.split("\t", 1)[0].strip() for line in ids.read_text(encoding="utf-8").splitlines()
              if line.strip() and not line.startswith("#")}
    records = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    articles = [Article.from_text(r["text"]) for r in records if r.get("id") in wanted]
    if not articles:
        raise ConfigError(f"{ids}: none of its ids is in {corpus}")
    return [loader.reading_of(a, doc) for a, doc in zip(articles, loader.nlp.pipe((a.text for a in articles), batch_size=16))]


def _rescored_quiet(quiet: Sequence[Any], scorer: Scorer) -> list[Any]:
    return [replace(r, candidates=[c.scored(scorer.confidence(c)) for c in r.candidates]) for r in quiet]


def _threshold_note(budget: float | None, quiet: int) -> str:
    if budget is None or not quiet:
        return "best F1 on these articles"
    return f"best F1 on these articles leaving at most {budget} event relations an article in {quiet} quiet articles"


def train_scorer(articles: Sequence[ReadArticle], loader: Any, c: float = C, quiet: Sequence[Any] = (),
                 budget: float | None = None) -> LogisticScorer:
    """A logistic-regression scorer fitted on the articles' candidates (and the candidates of
    ``quiet`` articles, all wrong), its threshold the best on the articles."""
    try:
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression
    except ImportError as exc:
        raise ConfigError("training the scorer needs scikit-learn: pip install 'polgraph[train]'") from exc
    rows = training_rows(articles, loader) + quiet_rows(quiet, loader)
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
                                   "quiet articles": len(quiet), "candidates": len(rows), "right": sum(labels)})
    threshold = best_threshold([rescored(a, scorer) for a in articles], loader, quiet=_rescored_quiet(quiet, scorer),
                               budget=budget)
    return LogisticScorer(scorer.weights, scorer.bias, threshold, {**scorer.about, "threshold": _threshold_note(budget, len(quiet))})


def check_folds(k: int, articles: int) -> None:
    if articles < 2:
        raise ConfigError(f"cross-validation needs 2 articles at least ({articles} given)")
    if not 2 <= k <= articles:
        raise ConfigError(f"cross-validation needs 2 to {articles} folds for {articles} articles, not {k}")


def folds_of(articles: Sequence[ReadArticle], k: int) -> list[list[ReadArticle]]:
    """Article-level folds: by file name, article i in fold i mod k (the same split every run)."""
    check_folds(k, len(articles))
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


def fit_hand(loader: Any, quiet: Sequence[Any] = (), budget: float | None = None) -> Callable[[Sequence[ReadArticle]], Scorer]:
    """The hand weights, with the threshold chosen on the training folds."""

    def fit(train: Sequence[ReadArticle]) -> Scorer:
        hand = HandScorer()
        return HandScorer(best_threshold([rescored(a, hand) for a in train], loader, quiet=_rescored_quiet(quiet, hand),
                                         budget=budget))

    return fit


def fit_logistic(loader: Any, c: float = C, quiet: Sequence[Any] = (), budget: float | None = None) -> Callable[[Sequence[ReadArticle]], Scorer]:
    def fit(train: Sequence[ReadArticle]) -> Scorer:
        return train_scorer(train, loader, c, quiet, budget)

    return fit



@dataclass(frozen=True)
class Calibration:
    """How well each scorer's confidence predicts that a candidate is right, on held-out folds:
    the Brier score (mean squared error of the confidence against 1 right / 0 wrong; lower is
    better) of the hand weights as they are, of the hand weights calibrated by isotonic regression
    and by Platt scaling fitted on the other folds, of the learned scorer, and of the other folds'
    base rate given to every candidate (the score of knowing nothing about a candidate)."""

    candidates: int
    right: int
    hand: float
    hand_isotonic: float
    hand_platt: float
    learned: float
    base_rate: float

    def rows(self) -> list[list[str]]:
        return [[name, f"{value:.4f}"] for name, value in (
            ("hand weights", self.hand), ("hand weights, isotonic calibration", self.hand_isotonic),
            ("hand weights, Platt scaling", self.hand_platt), ("learned scorer (logistic)", self.learned),
            ("base rate of the other folds", self.base_rate))]


def calibration(articles: Sequence[ReadArticle], loader: Any, k: int, c: float = C) -> Calibration:
    """Brier scores of the scorers' confidences on each fold, fitted on the other folds (``train`` extra)."""
    try:
        from sklearn.isotonic import IsotonicRegression
        from sklearn.linear_model import LogisticRegression
    except ImportError as exc:
        raise ConfigError("calibrating the scorer needs scikit-learn: pip install 'polgraph[train]'") from exc
    hand = HandScorer()
    errors: dict[str, list[float]] = {name: [] for name in ("hand", "isotonic", "platt", "learned", "base")}
    labelled = 0
    right = 0
    for held in folds_of(articles, k):
        names = {a.name for a in held}
        train = [a for a in articles if a.name not in names]
        rows = [(hand.confidence(cand), label) for a in train for cand, label in label_candidates(a, loader)]
        test = [(cand, label) for a in held for cand, label in label_candidates(a, loader)]
        if not test or len({label for _, label in rows}) < 2:
            continue
        x = [[score] for score, _ in rows]
        y = [label for _, label in rows]
        isotonic = IsotonicRegression(y_min=0.0, y_max=1.0, out_of_bounds="clip").fit([v[0] for v in x], y)
        platt = LogisticRegression().fit(x, y)
        learned = train_scorer(train, loader, c)
        base = sum(y) / len(y)
        scores = [hand.confidence(cand) for cand, _ in test]
        truth = [float(label) for _, label in test]
        predictions = {
            "hand": scores,
            "isotonic": list(isotonic.predict(scores)),
            "platt": list(platt.predict_proba([[v] for v in scores])[:, 1]),
            "learned": [learned.confidence(cand) for cand, _ in test],
            "base": [base] * len(test),
        }
        for name, values in predictions.items():
            errors[name] += [(float(p) - t) ** 2 for p, t in zip(values, truth)]
        labelled += len(test)
        right += int(sum(truth))
    mean = {name: sum(v) / len(v) if v else float("nan") for name, v in errors.items()}
    return Calibration(labelled, right, mean["hand"], mean["isotonic"], mean["platt"], mean["learned"], mean["base"])
