"""Bodies a source announces that the registry lacks, proposed for an analyst."""

from __future__ import annotations

import pytest
from devset import pair_source

from binational.drafting.announcements import announcement_facts, find_announcements
from binational.drafting.inputs import SourceText

URL = "https://example.org/release"


@pytest.mark.parametrize(
    ("text", "phrases"),
    [
        ("The leaders agreed to the creation of a Trilateral Committee on Water Security, "
         "which will meet yearly.", ["Trilateral Committee on Water Security"]),
        ("Mexico launched the Plan Sonora de Energía Sostenible.",
         ["Plan Sonora de Energía Sostenible"]),
        ("Se acordó la creación de un Grupo de Trabajo Binacional sobre Armas que sesionará "
         "cada mes.", ["Grupo de Trabajo Binacional sobre Armas"]),
        ("A decree permits the creation of a presidential commission to fight the trafficking "
         "of illicit synthetic drugs, firearms, and ammunition.",
         ["presidential commission to fight the trafficking of illicit synthetic drugs, "
          "firearms, and ammunition"]),
        ("They established a working group, comprising experts.", []),  # no name, no purpose
        ("This committee was established during the summit. They created this committee.", []),
        ("The ministers met and discussed trade.", []),
    ],
)  # fmt: skip
def test_find_announcements(text, phrases):
    found = find_announcements(SourceText(URL, text, "en"))
    assert [item.phrase for item in found] == phrases
    for item in found:
        assert text[item.start : item.end] == item.phrase


def test_a_new_body_is_proposed_with_its_passage(registry, linker):
    text = "Mexico launched the Plan Sonora de Energía Sostenible on Monday."
    [fact] = announcement_facts([SourceText(URL, text, "en")], linker.find, registry, [])
    assert fact.kind == "proposed_addition" and fact.subject is None
    assert fact.text == (
        "The source announces “Plan Sonora de Energía Sostenible”, which the registry does "
        "not hold; proposed as a registry addition."
    )
    [evidence] = fact.evidence
    assert (evidence.kind, evidence.ref) == ("source", f"{URL}#char=20,53")


def test_a_body_the_linker_knows_is_not_new(registry, linker):
    text = "The leaders launched the High-Level Economic Dialogue in 2013."
    assert announcement_facts([SourceText(URL, text, "en")], linker.find, registry, []) == []


def test_a_body_that_looks_like_an_unlinked_registry_entry_is_pointed_out(pairs, registry, linker):
    source = pair_source(next(p for p in pairs if p["item"] == 2))
    [fact] = announcement_facts([source], linker.find, registry, ["bicentennial-framework"])
    assert fact.kind == "announced_known" and fact.subject == "mx-arms-drugs-commission"
    assert [e.kind for e in fact.evidence] == ["source", "institution"]
    assert announcement_facts([source], linker.find, registry, ["mx-arms-drugs-commission"]) == []


def test_a_name_said_twice_is_proposed_once(registry, linker):
    text = (
        "They launched the Global Coalition to Address Synthetic Drug Threats. "
        "Members of the coalition, created as the Global Coalition, meet in July."
    )
    facts = announcement_facts([SourceText(URL, text, "en")], linker.find, registry, [])
    assert [fact.values["phrase"] for fact in facts] == [
        "Global Coalition to Address Synthetic Drug Threats"
    ]
