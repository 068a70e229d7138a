"""Lookups in the shipped registry: names, demonyms, capitals, offices at a date, role phrases."""

from __future__ import annotations

from datetime import date

import pytest

from polgraph.loaders.registry import default_registry


@pytest.fixture(scope="module")
def registry():
    return default_registry()


def name(actor) -> str | None:
    return actor.name if actor else None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("US", "United States"),
        ("U.S.", "United States"),
        ("the United States of America", "United States"),
        ("America", "United States"),
        ("UK", "United Kingdom"),
        ("Britain", "United Kingdom"),
        ("Great Britain", "United Kingdom"),
        ("Byelorussia", "Belarus"),
        ("Türkiye", "Turkey"),
        ("DPRK", "North Korea"),
        ("Côte d'Ivoire", "Ivory Coast"),
        ("NATO", "North Atlantic Treaty Organization"),
        ("the EU", "European Union"),
        ("CSTO", "Collective Security Treaty Organization"),
    ],
)
def test_names_and_aliases(registry, text, expected) -> None:
    assert name(registry.by_name(text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [("American", "United States"), ("Americans", "United States"), ("British", "United Kingdom"),
     ("Belarusian", "Belarus"), ("Ukrainians", "Ukraine"), ("Chinese", "China"), ("Kazakh", "Kazakhstan")],
)
def test_demonyms(registry, text, expected) -> None:
    assert name(registry.state_by_demonym(text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [("Washington", "United States"), ("the White House", "United States"), ("Beijing", "China"),
     ("Moscow", "Russia"), ("the Kremlin", "Russia"), ("Kyiv", "Ukraine"), ("Kiev", "Ukraine"),
     ("Downing Street", "United Kingdom"), ("Minsk", "Belarus"), ("Tbilisi", "Georgia")],
)
def test_capitals_as_metonymy(registry, text, expected) -> None:
    assert name(registry.state_by_capital(text)) == expected
    assert name(registry.place(text)) == expected


def test_unknown_names_resolve_to_nothing(registry) -> None:
    assert registry.by_name("Atlantis") is None
    assert registry.state_by_code("ZZZ") is None


def test_codes(registry) -> None:
    assert name(registry.state_by_code("blr")) == "Belarus"
    assert name(registry.state_by_code("GBR")) == "United Kingdom"
