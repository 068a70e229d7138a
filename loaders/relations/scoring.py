"""Scoring: each candidate's confidence, the probability that it is a right reading.

Two scorers read the same features: :class:`HandScorer` (fixed weights by mechanism, polgraph's
first rules) and :class:`LogisticScorer` (weights learned from the reference readings by
``polgraph train``, shipped as ``loaders/data/scorer.json``: plain numbers, no scikit-learn at run
time). The shipped file also holds the threshold chosen on the reference readings.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Protocol

from polgraph.exceptions import ConfigError
from polgraph.loaders.relations.records import Candidate

__all__ = ["HandScorer", "LogisticScorer", "Scorer", "default_scorer", "SCORER_FILE"]

SCORER_FILE = "scorer.json"


class Scorer(Protocol):
    threshold: float

    def confidence(self, candidate: Candidate) -> float: ...


@dataclass(frozen=True)
class HandScorer:
    """Confidence by the mechanism that read the act: a verb's own act 1.0, an act only possible or
    intended 0.6, the purpose of another act 0.5, an act a speaker denies 0.3; a statement on who
    it is about 0.8 (0.7 in a running quotation), on another actor it names 0.45, on a topic 0.4;
    a nominal event 0.7."""

    threshold: float = 0.0

    def confidence(self, candidate: Candidate) -> float:
        features = set(candidate.features)
        found = [0.0]
        if "mechanism=verb" in features:
            found.append(min(0.6 if "modal" in features else 1.0, 0.5 if "purpose" in features else 1.0,
                             0.3 if "denied" in features else 1.0, 0.45 if "mechanism=any-topic" in features else 1.0))
        said = "mechanism=speech" in features or "mechanism=according-to" in features
        if said or "mechanism=quote-continued" in features:
            if "target_slot=mentioned" in features:
                found.append(0.45)
            elif "target_slot=said" in features:
                found.append(0.4)
            else:
                found.append(0.8 if said else 0.7)
        if "mechanism=noun-event" in features:
            found.append(0.7)
        return max(found)


@dataclass(frozen=True)
class LogisticScorer:
    """``1 / (1 + exp(-(bias + sum of the weights of the candidate's features))))``."""

    weights: Mapping[str, float] = field(default_factory=dict)
    bias: float = 0.0
    threshold: float = 0.5
    about: Mapping[str, Any] = field(default_factory=dict)  # how it was trained (for people reading the file)

    def confidence(self, candidate: Candidate) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in candidate.features)
        return round(1.0 / (1.0 + math.exp(-z)), 4)

    @classmethod
    def read(cls, path: Path | str | None = None) -> "LogisticScorer":
        try:
            if path is None:
                text = resources.files("polgraph.loaders").joinpath(f"data/{SCORER_FILE}").read_text(encoding="utf-8")
            else:
                text = Path(path).read_text(encoding="utf-8")
            doc = json.loads(text)
            return cls(weights=dict(doc["weights"]), bias=float(doc["bias"]), threshold=float(doc["threshold"]),
                       about=doc.get("about", {}))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise ConfigError(f"{path or SCORER_FILE}: not a candidate scorer ({exc})") from exc

    def write(self, path: Path | str) -> None:
        doc = {"about": dict(self.about), "threshold": self.threshold, "bias": self.bias,
               "weights": {k: self.weights[k] for k in sorted(self.weights)}}
        Path(path).write_text(json.dumps(doc, indent=1, sort_keys=False) + "\n", encoding="utf-8")


@lru_cache(maxsize=1)
def default_scorer() -> Scorer:
    """The shipped learned scorer when there is one, else the hand weights."""
    if resources.files("polgraph.loaders").joinpath(f"data/{SCORER_FILE}").is_file():
        return LogisticScorer.read()
    return HandScorer()
