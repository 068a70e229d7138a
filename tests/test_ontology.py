"""The CAMEO scales on every event: Goldstein values and QuadClass, held to GDELT's own rows."""

from __future__ import annotations

import csv

import pytest

from polgraph.graph.ontology import EVENT_TYPES, QuadClass, for_cameo, goldstein, quad_class

from tests.conftest import SHARED

GDELT = SHARED / "data" / "gdelt"


def _gdelt_rows():
    for path in sorted(GDELT.glob("v*/*.CSV")):
        with path.open(encoding="utf-8", errors="replace", newline="") as fh:
            yield from csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)


def test_goldstein_and_quad_class_agree_with_every_shared_gdelt_row() -> None:
    checked = 0
    for row in _gdelt_rows():
        # EventCode, QuadClass and GoldsteinScale are columns 27, 30 and 31 in 1.0 and 2.0 alike
        code, quad, scale = row[26], row[29], row[30]
        assert goldstein(code) == float(scale), code
        assert quad_class(code) == int(quad), code
        checked += 1
    assert checked > 3000


def test_every_relation_type_has_a_goldstein_value_and_a_quad_class() -> None:
    for rel_type in EVENT_TYPES:
        for root in rel_type.cameo:
            assert -10 <= goldstein(root) <= 10
            assert isinstance(quad_class(root), QuadClass)
    assert goldstein("0811i") == goldstein("0811")  # a variant code takes its parent's value
    assert for_cameo("1823").name == "ASSAULTS" and quad_class("1823") is QuadClass.MATERIAL_CONFLICT


@pytest.mark.parametrize("code", ["", "xx", "21", "00"])
def test_codes_that_are_not_cameo_are_refused(code: str) -> None:
    with pytest.raises(KeyError):
        quad_class(code)
