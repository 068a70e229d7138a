"""Scores as table rows, detail lines and JSON documents (the CLI prints them)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from polgraph.evaluation.gold import GoldRelation
from polgraph.evaluation.plover import PloverOutcome, PloverSummary
from polgraph.evaluation.scoring import ArticleScore, Counts, ProducedRelation

__all__ = [
    "SCORE_HEADERS",
    "PLOVER_FOLD_HEADERS",
    "PLOVER_HEADERS",
    "detail_lines",
    "fmt",
    "plover_fold_rows",
    "plover_json",
    "plover_outcome_line",
    "plover_rows",
    "plover_total_line",
    "score_rows",
    "scores_json",
]

THRESHOLD_HEADERS = ("min confidence", "relations", "rel P", "rel R", "rel F1", "actor F1", "")
FOLD_HEADERS = ("fold", "articles", "shipped rel F1", "hand threshold", "hand P / R / F1", "learned threshold",
                "learned P / R / F1")
SCORE_HEADERS = ("article", "actor P", "actor R", "actor F1", "rel P", "rel R", "rel F1", "forbidden", "dup nodes")
PLOVER_FOLD_HEADERS = ("fold", "sentences", "found", "right", "event+dyad right", "coverage", "accuracy", "event+dyad")
PLOVER_HEADERS = ("gold category", "sentences", "found", "right", "coverage", "accuracy", "event+dyad", "polgraph said")


def fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def _row(label: str, c: Counts) -> list[str]:
    return [
        label,
        fmt(c.actor_precision),
        fmt(c.actor_recall),
        fmt(c.actor_f1),
        fmt(c.relation_precision),
        fmt(c.relation_recall),
        fmt(c.relation_f1),
        str(c.forbidden_hits),
        str(c.duplicate_nodes),
    ]


def threshold_rows(rows: Sequence[tuple[float, Counts]], chosen: float) -> list[list[str]]:
    return [
        [f"{t:.2f}", str(c.relations), fmt(c.relation_precision), fmt(c.relation_recall), fmt(c.relation_f1),
         fmt(c.actor_f1), "<- threshold" if abs(t - chosen) < 1e-9 else ""]
        for t, c in rows
    ]


def _prf(c: Counts) -> str:
    return f"{fmt(c.relation_precision)} / {fmt(c.relation_recall)} / {fmt(c.relation_f1)}"


def fold_rows(hand: Sequence[Any], learned: Sequence[Any]) -> list[list[str]]:
    """One row per fold: the shipped reading's F1 there, and each scorer fitted on the other folds."""

    rows = []
    for h, lr in zip(hand, learned):
        rows.append([str(h.fold), ", ".join(a.split("-", 3)[-1][:18] for a in h.articles), fmt(h.shipped.relation_f1),
                     f"{h.threshold:.2f}", _prf(h.counts), f"{lr.threshold:.2f}", _prf(lr.counts)])
    shipped = sum((h.shipped for h in hand), Counts())
    rows.append(["TOTAL", f"{sum(len(h.articles) for h in hand)} articles", fmt(shipped.relation_f1), "",
                 _prf(sum((h.counts for h in hand), Counts())), "", _prf(sum((r.counts for r in learned), Counts()))])
    return rows


def folds_json(hand: Sequence[Any], learned: Sequence[Any]) -> dict[str, Any]:

    def side(results: Sequence[Any]) -> dict[str, Any]:
        return {
            "folds": [{"fold": r.fold, "articles": r.articles, "threshold": r.threshold, **r.counts.as_dict()} for r in results],
            "total": sum((r.counts for r in results), Counts()).as_dict(),
        }

    return {
        "shipped": [{"fold": h.fold, "articles": h.articles, **h.shipped.as_dict()} for h in hand],
        "hand": side(hand),
        "learned": side(learned),
    }


def score_rows(scores: Sequence[ArticleScore], total: Counts) -> list[list[str]]:
    """One row per article, then the micro-averaged total."""
    return [_row(s.article, s.counts) for s in scores] + [_row(f"TOTAL ({len(scores)} articles)", total)]


def _one_line(text: str, limit: int = 160) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def detail_lines(score: ArticleScore) -> list[str]:
    c = score.counts
    lines = [
        f"== {score.article}",
        f"   actors: {c.actors_found}/{c.actors_gold} recalled; {c.nodes_correct}/{c.nodes - c.nodes_optional} nodes right"
        f" ({c.duplicate_nodes} duplicate, {c.extra_nodes} extra; {c.nodes_optional} of optional actors not counted)",
        f"   relations: {c.required_found}/{c.relations_required} required found; {c.relations_correct}/{c.relations}"
        f" produced right; {c.forbidden_hits} forbidden",
    ]
    for miss in score.missed_actors:
        why = "no node" if not miss.nodes else f"{len(miss.nodes)} nodes: " + ", ".join(miss.nodes)
        lines.append(f"   missed actor: {miss.actor} ({why})")
    for miss in score.missing_relations:
        item = miss.item
        where = f"sentence {item.sentence}" if item.sentence else "no sentence given"
        lines.append(f"   missing relation: {item.describe()} ({where}) [{miss.why}]: {_one_line(item.evidence)!r}")
    forbidden = {id(rel) for rel, _ in score.forbidden_hits}
    for rel, why in score.wrong_relations:
        mark = "FORBIDDEN; " if id(rel) in forbidden else ""
        lines.append(f"   wrong relation: {_produced(rel, f'{mark}{why}')}")
    wrong = {id(rel) for rel, _ in score.wrong_relations}
    for rel, item in score.forbidden_hits:
        if id(rel) not in wrong:  # a forbidden reading that also matched an allowed item
            lines.append(f"   forbidden hit: {_produced(rel)} breaks {item.describe()}")
    for node, actor in score.duplicate_nodes:
        lines.append(f"   duplicate node: {node!r} (of {actor})")
    for node in score.extra_nodes:
        lines.append(f"   extra node: {node!r}")
    return lines


def _produced(rel: ProducedRelation, why: str = "") -> str:
    hint = f" [{why}]" if why else ""
    return f"{rel.describe()} (sentence {rel.sentence}, confidence {rel.confidence:.2f}){hint}: {_one_line(rel.evidence)!r}"


def _produced_json(rel: ProducedRelation) -> dict[str, Any]:
    return {
        "source": rel.source,
        "type": rel.type,
        "target": rel.target,
        "sentence": rel.sentence,
        "evidence": rel.evidence,
        "confidence": rel.confidence,
    }


def _gold_json(item: GoldRelation) -> dict[str, Any]:
    return {
        "source": item.source,
        "type": list(item.types),
        "target": list(item.targets),
        "sentence": item.sentence,
        "evidence": item.evidence,
    }


def scores_json(scores: Sequence[ArticleScore], total: Counts, detail: bool = False) -> dict[str, Any]:
    articles = []
    for s in scores:
        doc: dict[str, Any] = {"article": s.article, **s.counts.as_dict()}
        if detail:  # under its own key: "duplicate_nodes" and "extra_nodes" are counts above
            doc["detail"] = {
                "missed_actors": [{"actor": m.actor, "nodes": list(m.nodes)} for m in s.missed_actors],
                "missing_relations": [{**_gold_json(m.item), "why": m.why, "cause": str(m.cause)} for m in s.missing_relations],
                "wrong_relations": [{**_produced_json(r), "why": why} for r, why in s.wrong_relations],
                "forbidden": [{"relation": _produced_json(r), "item": _gold_json(i)} for r, i in s.forbidden_hits],
                "duplicate_nodes": [{"node": n, "of": a} for n, a in s.duplicate_nodes],
                "extra_nodes": list(s.extra_nodes),
            }
        articles.append(doc)
    return {"articles": articles, "total": {"articles": len(scores), **total.as_dict()}}


def plover_rows(summary: PloverSummary) -> list[list[str]]:
    rows = []
    for c in [*summary.categories, summary.total]:
        said = ", ".join(f"{cat or '?'} {n}" for cat, n in c.predicted.most_common())
        rows.append([c.category, str(c.sentences), str(c.found), str(c.right), fmt(c.coverage), fmt(c.accuracy),
                     fmt(c.dyad_accuracy), said])
    return rows


def plover_fold_rows(folds: Sequence[PloverSummary]) -> list[list[str]]:
    rows = []
    for i, summary in enumerate(folds):
        t = summary.total
        rows.append([str(i), str(t.sentences), str(t.found), str(t.right), str(t.dyad_right), fmt(t.coverage),
                     fmt(t.accuracy), fmt(t.dyad_accuracy)])
    return rows


def plover_total_line(summary: PloverSummary) -> str:
    t = summary.total
    how = ", ".join(f"{n} {k}" for k, n in sorted(summary.how.items())) or "none"
    overall = fmt(t.right / t.sentences if t.sentences else None)
    return (
        f"coverage {fmt(t.coverage)} ({t.found}/{t.sentences}), accuracy {fmt(t.accuracy)} ({t.right}/{t.found}),"
        f" event+dyad accuracy {fmt(t.dyad_accuracy)} ({t.dyad_right}/{t.found}),"
        f" right over all sentences {overall}; relation chosen by: {how}"
    )


def plover_outcome_line(outcome: PloverOutcome) -> str:
    r = outcome.record
    if outcome.relation is None:
        got = "nothing extracted"
    else:
        rel = outcome.relation
        got = f"{outcome.predicted} ({rel.type} {rel.source} -> {rel.target}, by {outcome.how})"
    mark = "ok " if outcome.dyad_correct else "ok~" if outcome.correct else "-- "
    return f"{mark}{r.id}: gold {r.category}, got {got}: {_one_line(r.text, 120)!r}"


def plover_json(summary: PloverSummary, outcomes: Sequence[PloverOutcome], detail: bool = False) -> dict[str, Any]:
    doc = summary.as_dict()
    if detail:
        doc["records"] = [
            {
                "id": o.record.id,
                "gold": o.record.event,
                "gold_category": o.record.category,
                "predicted": o.predicted or None,
                "chosen_by": o.how or None,
                "relation": None
                if o.relation is None
                else {"source": o.relation.source, "type": o.relation.type, "target": o.relation.target},
                "correct": o.correct,
                "dyad_correct": o.dyad_correct,
            }
            for o in outcomes
        ]
    return doc
