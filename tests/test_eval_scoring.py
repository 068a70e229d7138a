"""The article scorer (polgraph.evaluation.scoring) on hand-built graphs, counted by the README's rules."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from polgraph.evaluation.gold import ANY, Gold, load_gold, name_key, parse_gold
from polgraph.evaluation.scoring import Counts, MissCause, score_article, summed
from polgraph.graph.model import Actor, Article, ArticleGraph, Mention, Relation, Role, Topic, slugify
from polgraph.graph.stores.networkx_store import NetworkXStore

from tests.conftest import SHARED

GOLD_FILES = sorted((SHARED / "eval" / "wikinews").glob("*.gold.yaml")) + sorted((SHARED / "seeds").glob("*.gold.yaml"))

ARTICLE = Article.from_text("date 2024-01-01 A hand-made article.")


def _store(actors: list[Actor], relations: list[tuple[str, str, str, int]], topics: list[Topic] = ()) -> NetworkXStore:
    """A fresh in-memory store holding one article with these nodes and (source, type, target, sentence) relations."""
    graph = ArticleGraph(
        article=ARTICLE,
        actors=list(actors),
        topics=list(topics),
        relations=[
            Relation(source=s, type=t, target=o, article=ARTICLE.id, sentence=n, evidence=f"evidence {n}")
            for s, t, o, n in relations
        ],
        mentions=[Mention(actor=a.id, article=ARTICLE.id) for a in actors],
    )
    store = NetworkXStore(None)
    store.write([graph])
    return store


def _actor(name: str, kind: str = "person", **kw: object) -> Actor:
    return Actor(id=slugify(name), name=name, kind=kind, **kw)


def perfect_export(gold: Gold) -> NetworkXStore:
    """The store a perfect loader would produce: one node per gold actor, one relation per required item."""
    actors = [_actor(a.name, a.kind or "group") for a in gold.actors]
    known = {name_key(a.name): slugify(a.name) for a in gold.actors}
    topic = Topic.named("the matter")
    relations = []
    for item in gold.required:
        source = known[name_key(item.source)]
        targets = [known[name_key(t)] for t in item.targets if name_key(t) in known]
        target = targets[0] if targets else topic.id
        assert targets or ANY in item.targets, item
        relations.append((source, item.types[0], target, item.sentence or 0))
    return _store(actors, relations, [topic])


@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=lambda p: p.name[:40])
def test_perfect_export_scores_one(gold_path: Path) -> None:
    gold = load_gold(gold_path)
    score = score_article(perfect_export(gold), gold)
    c = score.counts
    assert (c.actor_precision, c.actor_recall, c.actor_f1) == (1.0, 1.0, 1.0)
    assert (c.relation_precision, c.relation_recall, c.relation_f1) == (1.0, 1.0, 1.0)
    assert c.forbidden_hits == 0 and c.duplicate_nodes == 0 and c.extra_nodes == 0
    assert c.nodes_optional == sum(a.optional for a in gold.actors)
    assert c.actors_gold == sum(not a.optional for a in gold.actors)
    assert not score.missed_actors and not score.missing_relations and not score.wrong_relations


SMALL_GOLD = """
article: small.txt
published: 2024-01-01
actors:
  - name: Alpha Person
    also: [Alfa Person]
    kind: person
    mentions: ["President Alpha Person", "Alpha", "He"]
  - name: Betaland
    also: [Beta Republic]
    kind: state
    mentions: [Betalandish]
  - name: Gamma Org
    kind: organization
    mentions: [Gamma]
    optional: true
relations:
  required:
    - {source: Alpha Person, type: [SUPPORTS], target: [Betaland], sentence: 1, evidence: "Alpha backs Betaland"}
    - {source: Betaland, type: [REJECTS, COMMENTS_ON], target: ["*"], sentence: 2, evidence: "Betaland rejects the plan"}
    - {source: Betaland, type: [CALLS_FOR], target: [Alpha Person, Someone Else], sentence: 3, evidence: "Betaland urges Alpha"}
  optional:
    - {source: Alpha Person, type: [COMMENTS_ON], target: ["*"]}
  forbidden:
    - {source: Betaland, type: [SUPPORTS], target: [Alpha Person]}
    - {source: "*", type: [ASSAULTS], target: [Alpha Person]}
    - {duplicate_of: Alpha Person, name: "Alpha"}
"""


def small_gold() -> Gold:
    return parse_gold(yaml.safe_load(SMALL_GOLD), "small.gold.yaml")


def test_misses_duplicates_and_forbidden_hits_are_counted_by_the_readme() -> None:
    alpha, alpha_dup = _actor("Alpha Person"), _actor("Alpha")
    beta = _actor("Beta Republic", "state")  # an accepted spelling (``also``)
    gamma = _actor("Gamma Org", "organization")  # optional: neither right nor wrong
    delta = _actor("Delta", "group")  # in no reading: extra
    plan = Topic.named("the plan")
    store = _store(
        [alpha, alpha_dup, beta, gamma, delta],
        [
            (alpha.id, "SUPPORTS", beta.id, 1),  # required 1
            (alpha_dup.id, "COMMENTS_ON", plan.id, 2),  # optional item, through the duplicate node's name
            (beta.id, "SUPPORTS", alpha.id, 2),  # forbidden, and matches no allowed item
            (delta.id, "ASSAULTS", alpha.id, 4),  # forbidden too
            (beta.id, "CONSULTS", gamma.id, 4),  # just wrong
        ],
        [plan],
    )
    store.write([ArticleGraph(ARTICLE, actors=[Actor(**{**alpha.__dict__, "roles": (Role("President", of=beta.id),)})])])
    score = score_article(store, small_gold())
    c = score.counts
    # Actors: Alpha Person has two nodes ("Alpha" is a duplicate_of name): not recalled; Betaland is.
    assert (c.actors_gold, c.actors_found) == (2, 1)
    assert (c.nodes, c.nodes_correct, c.nodes_optional, c.duplicate_nodes, c.extra_nodes) == (5, 2, 1, 1, 1)
    assert c.actor_precision == pytest.approx(2 / 4) and c.actor_recall == pytest.approx(1 / 2)
    assert c.actor_f1 == pytest.approx(0.5)
    assert [(m.actor, m.nodes) for m in score.missed_actors] == [("Alpha Person", ("Alpha", "Alpha Person"))]
    assert score.duplicate_nodes == [("Alpha", "Alpha Person")] and score.extra_nodes == ["Delta"]
    # Relations: HOLDS_ROLE and MENTIONED_IN edges are not scored; 5 event relations, 2 allowed.
    assert (c.relations, c.relations_correct, c.relations_required, c.required_found) == (5, 2, 3, 1)
    assert c.forbidden_hits == 2
    assert [(m.item.sentence, m.why) for m in score.missing_relations] == [(2, "extracted as SUPPORTS"), (3, "extracted as SUPPORTS")]
    assert [(r.source, r.type, r.target, r.evidence, why) for r, why in score.wrong_relations] == [
        ("Beta Republic", "SUPPORTS", "Alpha Person", "evidence 2", "type not in the reading (it has CALLS_FOR|COMMENTS_ON|REJECTS)"),
        ("Beta Republic", "CONSULTS", "Gamma Org", "evidence 4", "type not in the reading (it has COMMENTS_ON|REJECTS)"),
        ("Delta", "ASSAULTS", "Alpha Person", "evidence 4", "no such act between them in the reading"),
    ]
    assert sorted(r.type for r, _ in score.forbidden_hits) == ["ASSAULTS", "SUPPORTS"]


def test_a_second_node_for_one_actor_is_wrong_and_the_actor_not_recalled() -> None:
    # No duplicate_of entry names "Betalandish": a second node of Betaland all the same.
    beta, beta_too, alpha = _actor("Betaland", "state"), _actor("Betalandish", "state"), _actor("Alpha Person")
    c = score_article(_store([beta, beta_too, alpha], []), small_gold()).counts
    assert (c.actors_found, c.nodes_correct, c.duplicate_nodes) == (1, 2, 1)
    # The canonical name wins the right node, whichever order the nodes come in.
    score = score_article(_store([beta_too, beta, alpha], []), small_gold())
    assert score.duplicate_nodes == [("Betalandish", "Betaland")]


def test_optional_actors_cost_nothing_either_way() -> None:
    alpha, beta, stray = _actor("Alpha Person"), _actor("Betaland", "state"), _actor("Stray", "group")
    without = score_article(_store([alpha, beta, stray], []), small_gold()).counts
    gamma = _actor("Gamma", "organization")  # a mention of the optional Gamma Org
    with_it = score_article(_store([alpha, beta, stray, gamma], []), small_gold()).counts
    assert without.actor_recall == with_it.actor_recall == 1.0
    # Neither rewarded nor punished: 2 right of 3 counted, with or without it (not 3 of 4).
    assert without.actor_precision == with_it.actor_precision == pytest.approx(2 / 3)
    assert (with_it.nodes, with_it.nodes_optional) == (4, 1)
    # ... but a second node for it is still wrong.
    twice = score_article(_store([alpha, beta, gamma, _actor("Gamma Org", "organization")], []), small_gold()).counts
    assert (twice.nodes_correct, twice.nodes_optional, twice.duplicate_nodes) == (2, 1, 1)
    assert twice.actor_precision == pytest.approx(2 / 3)


def test_names_match_ignoring_case_accents_and_spacing() -> None:
    assert name_key("Recep Tayyip  Erdoğan") == name_key("recep tayyip erdogan") == name_key("RECEP TAYYIPERDOGAN")
    assert name_key("Kyiv’s") == name_key("kyiv's")
    assert name_key("al-Assad") != name_key("al Assad")  # only spacing, case and accents are ignored
    alpha, beta = _actor("  alpha   PÉRSON "), _actor("BETALAND", "state")
    store = _store([alpha, beta], [(alpha.id, "SUPPORTS", beta.id, 1)])
    c = score_article(store.to_networkx(), small_gold()).counts
    assert (c.actor_recall, c.actor_precision, c.relation_precision, c.required_found) == (1.0, 1.0, 1.0, 1)


def test_star_target_takes_topics_and_actors_and_gold_names_outside_the_actor_list() -> None:
    alpha, beta, other = _actor("Alpha Person"), _actor("Betaland", "state"), _actor("Someone Else")
    plan = Topic.named("the plan")
    store = _store(
        [alpha, beta, other],
        [(beta.id, "REJECTS", plan.id, 2), (beta.id, "COMMENTS_ON", alpha.id, 2), (beta.id, "CALLS_FOR", other.id, 3)],
        [plan],
    )
    c = score_article(store, small_gold()).counts
    assert (c.required_found, c.relations_correct, c.relations) == (2, 3, 3)


def test_type_must_be_one_of_the_listed_types_and_direction_counts() -> None:
    alpha, beta = _actor("Alpha Person"), _actor("Betaland", "state")
    store = _store([alpha, beta], [(alpha.id, "COMMENTS_ON", beta.id, 1), (beta.id, "SUPPORTS", alpha.id, 1)])
    score = score_article(store, small_gold())
    # COMMENTS_ON Betaland is the optional item (target "*"); SUPPORTS reversed is forbidden.
    assert (score.counts.required_found, score.counts.relations_correct, score.counts.forbidden_hits) == (0, 1, 1)


def test_totals_are_summed_counts_not_averaged_ratios() -> None:
    gold = small_gold()
    alpha, beta = _actor("Alpha Person"), _actor("Betaland", "state")
    good = score_article(_store([alpha, beta], [(alpha.id, "SUPPORTS", beta.id, 1)]), gold)
    bad = score_article(_store([alpha, beta, _actor("X", "group"), _actor("Y", "group")], []), gold)
    total = summed([good, bad])
    assert isinstance(total, Counts)
    assert total.actor_precision == pytest.approx(4 / 6)  # not the mean of 1.0 and 0.5
    assert (total.relations_required, total.required_found, total.relations, total.relations_correct) == (6, 1, 1, 1)


def test_empty_graph_has_no_precision_rather_than_a_made_up_one() -> None:
    c = score_article(NetworkXStore(None), small_gold()).counts
    assert c.actor_precision is None and c.actor_recall == 0.0 and c.actor_f1 is None
    assert c.relation_precision is None and c.relation_recall == 0.0


def test_hints_say_why_a_relation_is_missing_or_wrong() -> None:
    alpha, beta = _actor("Alpha Person"), _actor("Betaland", "state")
    store = _store([alpha, beta], [(beta.id, "SUPPORTS", alpha.id, 1), (alpha.id, "CALLS_FOR", beta.id, 5)])
    score = score_article(store, small_gold())
    assert [m.why for m in score.missing_relations] == [
        "extracted as CALLS_FOR; extracted in the reverse direction",  # Alpha SUPPORTS Betaland
        "extracted as SUPPORTS",  # Betaland -> "*": only relations near sentence 2 are looked at
        "extracted as SUPPORTS; extracted in the reverse direction",  # Betaland CALLS_FOR Alpha Person
    ]
    assert [why for _, why in score.wrong_relations] == [
        "type not in the reading (it has CALLS_FOR|COMMENTS_ON|REJECTS)",
        "type not in the reading (it has COMMENTS_ON|SUPPORTS)",  # required SUPPORTS, optional COMMENTS_ON "*"
    ]
    far = score_article(_store([alpha, beta], [(beta.id, "SUPPORTS", alpha.id, 9)]), small_gold())
    assert [m.why for m in far.missing_relations][1] == "not extracted"
    assert [m.cause for m in far.missing_relations] == [MissCause.REVERSED, MissCause.NOT_EXTRACTED, MissCause.OTHER_TYPE]
    # Anything acting on Alpha fits "Alpha -> *" reversed: that is no reversed relation.
    delta = _actor("Delta", "group")
    stray = score_article(_store([alpha, beta, delta], [(delta.id, "COMMENTS_ON", alpha.id, 2)]), small_gold())
    assert [why for _, why in stray.wrong_relations] == ["no such act between them in the reading"]
    lonely = score_article(_store([_actor("Alpha Person")], []), small_gold())
    assert [m.why for m in lonely.missing_relations] == ["no node for Betaland"] * 3
    assert {m.cause for m in lonely.missing_relations} == {MissCause.NO_NODE}


def test_a_node_goes_to_the_actor_it_names_not_one_it_only_mentions() -> None:
    # "Betaland" is also listed as a mention of Alpha Person, who comes first in the reading.
    gold = parse_gold(
        yaml.safe_load(
            """
actors:
  - {name: Alpha Person, mentions: [Betaland]}
  - {name: Betaland, kind: state}
"""
        ),
        "x.gold.yaml",
    )
    alpha, beta = _actor("Alpha Person"), _actor("Betaland", "state")
    score = score_article(_store([alpha, beta], []), gold)
    # Betaland's node is Betaland's, not a second node of Alpha Person: both are recalled.
    assert (score.counts.nodes_correct, score.counts.duplicate_nodes, score.counts.actors_found) == (2, 0, 2)
    # A node named like a mention of two actors ("He") is a second node of one of them, not of both.
    both = parse_gold(
        yaml.safe_load("actors:\n  - {name: Alpha Person, mentions: [He]}\n  - {name: Betaland, mentions: [He]}"), "y"
    )
    he = score_article(_store([alpha, beta, _actor("He")], []), both)
    assert (he.counts.actors_found, he.counts.nodes_correct, he.counts.duplicate_nodes) == (1, 2, 1)
    assert [(m.actor, m.nodes) for m in he.missed_actors] == [("Alpha Person", ("Alpha Person", "He"))]
