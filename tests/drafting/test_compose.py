"""The implications paragraph says only what the facts say, clause by clause."""

from __future__ import annotations

import datetime as dt

from binational.domain import PartialDate
from binational.drafting.compose import compose
from binational.drafting.implications import event_facts
from binational.drafting.inputs import EventFields, PastEvent, SourceText
from binational.drafting.quantities import atoms_in, find_quantities

HISTORY = [
    PastEvent(1, dt.date(2022, 9, 12), "HLED ministerial meeting", frozenset({"hled"})),
    PastEvent(2, dt.date(2023, 1, 20), "USMCA review", frozenset({"usmca"})),
]
SOURCE = SourceText(
    "https://example.org/hled",
    "The co-chairs of the HLED met on April 18 and launched the Plan Sonora de Energía Sostenible.",
    "en",
)


def facts_for(registry, linker, links):
    event = EventFields(9, "HLED midterm review", PartialDate.day(2023, 4, 18), links)
    return event_facts(event, [SOURCE], registry, HISTORY, linker.find)


def test_every_clause_is_a_fact_and_the_rest_is_connecting_words(registry, linker):
    facts, subjects = facts_for(registry, linker, ("hled", "sre", "usmca"))
    paragraph = compose(facts, subjects)
    assert paragraph.clauses
    cursor, connectors = 0, []
    for clause in paragraph.clauses:
        connectors.append(paragraph.text[cursor : clause.start])
        assert 0 <= clause.fact < len(facts)
        cursor = clause.end
    connectors.append(paragraph.text[cursor:])
    assert set(connectors) <= {"", " ", ".", ". ", "; it was ", ": ", ", the latest "}


def test_every_date_and_number_comes_from_a_fact(registry, linker):
    facts, subjects = facts_for(registry, linker, ("hled", "usmca"))
    paragraph = compose(facts, subjects)
    for clause in paragraph.clauses:
        said = paragraph.text[clause.start : clause.end]
        supported = atoms_in(facts[clause.fact].text)
        for quantity in find_quantities(said):
            assert quantity.atoms <= supported, (quantity.text, facts[clause.fact].text)


def test_the_paragraph_reads_like_the_centers(registry, linker):
    facts, subjects = facts_for(registry, linker, ("hled", "usmca"))
    text = compose(facts, subjects).text
    assert text.startswith(
        "The event concerns the U.S.-Mexico High-Level Economic Dialogue (HLED), a dialogue "
        "established in May 2013, 9 years earlier; it was suspended in 2017 (not convened from "
        "2017 to 2020) and relaunched on September 9, 2021. It is led for the United States by "
        "the U.S. Department of State,"
    )
    assert (
        "The record holds one earlier event of it in the preceding twelve months: “HLED "
        "ministerial meeting” on September 12, 2022."
    ) in text
    assert "It also concerns the United States-Mexico-Canada Agreement (USMCA)" in text
    assert text.endswith(
        "The release also announces “Plan Sonora de Energía Sostenible”, which the registry "
        "does not yet hold."
    )
    assert text.count("It is led") == 1  # lead agencies of the first institution only


def test_no_institution_no_paragraph(registry, linker):
    facts, subjects = facts_for(registry, linker, ("sre",))
    assert subjects == []
    paragraph = compose([f for f in facts if f.kind != "proposed_addition"], subjects)
    assert paragraph.text == "" and paragraph.clauses == ()
