"""Casing and context evidence used by the linker for risky surfaces."""

from __future__ import annotations

import pytest

from binational.registry.evidence import acronym_case_ok, countries, in_caps_text, relations
from binational.registry.loader import load_registry


@pytest.mark.parametrize(
    ("found", "acronym", "strict", "ok"),
    [
        ("DEAN", "DEAN", True, True),
        ("Dean", "DEAN", True, False),
        ("dean", "DEAN", False, False),
        ("Sedena", "SEDENA", False, True),
        ("SEDENA", "SEDENA", False, True),
        ("sedena", "SEDENA", False, False),
        ("T-MEC", "T-MEC", False, True),
        ("T-Mec", "T-MEC", False, False),
        ("NADBank", "NADBank", False, True),
        ("NADBANK", "NADBank", False, True),
        ("Nadbank", "NADBank", False, False),
        ("se", "SE", True, False),
        ("Se", "SE", False, False),
    ],
)
def test_acronym_case(found: str, acronym: str, strict: bool, ok: bool) -> None:
    assert acronym_case_ok(found, acronym, strict) is ok


@pytest.mark.parametrize(
    ("text", "span", "caps"),
    [
        ("MÉXICO SE REÚNE CON EEUU", (7, 9), True),
        ("La SE informó", (3, 5), False),
        ("DEAN", (0, 4), False),
        ("THE DEAN met", (4, 8), False),
    ],
)
def test_caps_context(text: str, span: tuple[int, int], caps: bool) -> None:
    assert in_caps_text(text, *span) is caps


def test_relations_join_family_and_lead_agencies_both_ways() -> None:
    registry = load_registry()
    related = relations(registry)
    assert {"usmca", "ustr", "dol"} <= related["rapid-response-labor-mechanism"]
    assert "rapid-response-labor-mechanism" in related["usmca"]
    assert "hled" in related["se"]
    assert "sre" in related["amexcid"]  # agency parent
    assert countries(registry)["sspc"] == {"MX"}
    assert countries(registry)["nals"] == {"US", "MX", "CA"}
