"""Candidate duplicate actors: pairs of nodes that may be one actor, found by rule from their names.

Names are compared as *words*, in the form ``graph.names.name_form`` gives them: the name in
ASCII (accents and other scripts transliterated), lower case, "'s" dropped, every run of other
characters a word break, single letters in a row one word, a leading "the" dropped (``"The U.S.
Supreme Court's"`` -> ``us supreme court``). Two actors, of different ids, are a
suspect pair by the first of these rules that holds:

1. ``same-form``: their words joined without spaces are equal (``U.S.`` and ``US``; ``al-Assad``
   and ``Al Assad``), whatever their kinds.
2. ``surname``: both are persons, and one name is the other's surname alone (one word, equal to
   the other's last word, the other having two words or more: ``Sanders`` and ``Bernie
   Sanders``) or a title-prefixed form of it (the other's words are all of its last words, the
   other having two words or more: ``Democrat Chuck Schumer`` and ``Chuck Schumer``). Two full
   names that only share a surname (``Barack Obama``, ``Michelle Obama``) are no pair.
3. ``contained``: one name's words are a run of the other's words (the shorter name has three
   letters or more), and either

   a. the longer name is a person's, whatever the shorter one's kind (``Trump`` the organisation
      and ``Donald Trump`` the person; ``Biden`` the state and ``Joe Biden``); or
   b. both are of one kind, and the shorter name is one word (``Court`` and ``Supreme Court``,
      ``workers`` and ``US workers``) or every other word of the longer one, "of" and "the"
      aside, names a place (``is_place``: ``Supreme Court`` and ``US Supreme Court``, ``House of
      Representatives`` and ``Libyan House of Representatives``).

   So a place inside an organisation's name (``Iran``, ``Iran Air``: other kinds) is no pair,
   and neither is a body and a part of it named after it (``White House`` and ``White House
   Coronavirus Task Force``).

Each pair is reported once, its two ids in code-point order, pairs sorted by rule then ids.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import combinations

from polgraph.graph.model import Actor
from polgraph.graph.names import name_form

__all__ = ["SuspectPair", "RULES", "name_words", "suspect_duplicates"]

RULES = ("same-form", "surname", "contained")


@dataclass(frozen=True)
class SuspectPair:
    rule: str
    first: Actor
    second: Actor


def name_words(name: str) -> tuple[str, ...]:
    return tuple(name_form(name).split())


def suspect_duplicates(actors: Iterable[Actor], is_place: Callable[[str], bool] = lambda text: False) -> list[SuspectPair]:
    """Every suspect pair among ``actors`` (see the module docstring for the rules); ``is_place``
    says whether a word or phrase names a place (a state, its demonym, a province)."""
    people = sorted({a.id: a for a in actors}.values(), key=lambda a: a.id)
    words = {a.id: name_words(a.name) for a in people}
    found: dict[tuple[str, str], str] = {}

    def add(rule: str, a: Actor, b: Actor) -> None:  # same-form pairs come first and stay so
        found.setdefault((a.id, b.id) if a.id < b.id else (b.id, a.id), rule)

    # Candidates share a word: index by word, compare within each word's actors only.
    by_word: dict[str, list[Actor]] = defaultdict(list)
    by_form: dict[str, list[Actor]] = defaultdict(list)
    for actor in people:
        if words[actor.id]:
            by_form["".join(words[actor.id])].append(actor)
        for word in sorted(set(words[actor.id])):
            by_word[word].append(actor)
    for group in by_form.values():
        for a, b in combinations(group, 2):
            add("same-form", a, b)
    seen: set[tuple[str, str]] = set()
    for group in by_word.values():
        for a, b in combinations(group, 2):
            if (a.id, b.id) in seen:
                continue
            seen.add((a.id, b.id))
            rule = _rule(a, words[a.id], b, words[b.id], is_place)
            if rule:
                add(rule, a, b)
    by_id = {a.id: a for a in people}
    ordered = sorted(found.items(), key=lambda item: (RULES.index(item[1]), item[0]))
    return [SuspectPair(rule, by_id[x], by_id[y]) for (x, y), rule in ordered]


def _rule(a: Actor, wa: tuple[str, ...], b: Actor, wb: tuple[str, ...], is_place: Callable[[str], bool]) -> str | None:
    short, long_, s, l = (a, b, wa, wb) if len(wa) <= len(wb) else (b, a, wb, wa)
    if len(s) == len(l):
        return None  # equal length: only the same form (rule 1) makes them a pair
    if short.kind == long_.kind == "person" and len(l) >= 2 and l[-len(s):] == s:
        return "surname"
    at = _run_at(s, l)
    if len("".join(s)) < 3 or at is None:
        return None
    if long_.kind == "person":
        return "contained"
    if short.kind == long_.kind:
        rest = [w for w in (*l[:at], *l[at + len(s):]) if w not in ("of", "the")]
        if len(s) == 1 or (rest and is_place(" ".join(rest))):
            return "contained"
    return None


def _run_at(part: tuple[str, ...], whole: tuple[str, ...]) -> int | None:
    n = len(part)
    return next((i for i in range(len(whole) - n + 1) if whole[i : i + n] == part), None)
