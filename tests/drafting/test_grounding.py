"""A model's answer is held to the sources, the facts and the event's links."""

from __future__ import annotations

import pytest

from binational.drafting.grounding import (
    MARK,
    Allowed,
    Finding,
    check_text,
    institution_names,
    mark,
)
from binational.drafting.quantities import atoms_in

MATERIAL = (
    "On Wednesday, President Lopez Obrador and Secretary Buttigieg met at Felipe Angeles "
    "International Airport (AIFA) under the 2015 U.S.-Mexico Air Transport Agreement. "
    "El 7 de junio de 2023 la SICT anunció 100,000 vuelos. The Plan Aéreo del Sur was launched."
)
ALLOWED = Allowed(
    slugs=frozenset({"air-transport-agreement-2015", "dot", "sict"}),
    proposed=["Plan Aéreo del Sur"],
    material=MATERIAL,
    atoms=frozenset(atoms_in(MATERIAL) | {"y:2023", "mon:06"}),
)


def findings(text, registry, linker):
    return check_text("summary", text, ALLOWED, linker.find, registry)


@pytest.mark.parametrize(
    "text",
    [
        "Secretary Buttigieg met President Lopez Obrador on Wednesday at AIFA.",
        "The U.S. Department of Transportation and the SICT discussed the Air Transport Agreement.",
        "On June 7, 2023 they announced 100,000 flights under the 2015 agreement.",
        "They launched the Plan Aéreo del Sur in June 2023.",
        "The meeting took place today.",
    ],
)
def test_supported_answers_pass(registry, linker, text):
    assert findings(text, registry, linker) == []


@pytest.mark.parametrize(
    ("text", "flagged", "reason"),
    [
        ("The Binational Water Council met.", "Binational Water Council",
         "names “Binational Water Council”, which is not in the registry."),
        ("The HLED will review it.", "HLED",
         "is in the registry but not linked to this event nor in its facts."),
        ("They met with the ZQXB.", "ZQXB", "which is neither in the registry nor in the sources."),
        ("They met on March 3, 2021.", "March 3, 2021",
         "gives “March 3, 2021”, a date found in neither the sources nor the facts."),
        ("They met on June 8.", "June 8", "a date found in neither"),
        ("Some 250,000 flights were announced.", "250,000", "a number found in neither"),
        ("It was signed in 2019.", "2019", "a date found in neither"),
        ("They met on Friday.", "Friday", "a date found in neither"),
    ],
)  # fmt: skip
def test_unsupported_names_dates_and_numbers_are_found(registry, linker, text, flagged, reason):
    [finding] = findings(text, registry, linker)
    assert finding.text == flagged
    assert text[finding.start : finding.end] == flagged
    assert finding.warning.startswith("The model's summary ")
    assert reason in finding.warning


def test_spanish_source_dates_support_english_ones(registry, linker):
    assert findings("The SICT announced it on June 7.", registry, linker) == []


def test_mark_puts_the_flag_after_each_span():
    text = "The Water Council met on May 3."
    marked = mark(text, [
        Finding("summary", 4, 17, "Water Council", "w"), Finding("summary", 25, 30, "May 3", "w"),
    ])  # fmt: skip
    assert marked == f"The Water Council{MARK} met on May 3{MARK}."


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("The Binational Water Council met.", ["Binational Water Council"]),
        ("the Comisión Nacional del Agua and the Secretariat of Foreign Affairs",
         ["Comisión Nacional del Agua", "Secretariat of Foreign Affairs"]),
        ("The Commission met.", []),  # one word: a reference, not a name
        ("President López Obrador met Secretary Buttigieg in Mexico City.", []),
    ],
)  # fmt: skip
def test_institution_names(text, names):
    assert [name for _, _, name in institution_names(text)] == names
