"""A model's sentence points at the source passage that supports it."""

from __future__ import annotations

from binational.drafting.inputs import SourceText
from binational.drafting.passages import supporting_passages

ENGLISH = SourceText(
    "https://example.org/en",
    "The HLED co-chairs met virtually on April 18. They planned the fall ministerial meeting.",
    "en",
)
SPANISH = SourceText(
    "https://example.org/es",
    "La Secretaría de Relaciones Exteriores abrió 12 consulados. El clima fue templado.",
    "es",
)


def test_each_sentence_gets_its_best_passage(linker):
    drafted = supporting_passages(
        ["The co-chairs planned the fall ministerial meeting.", "They met on April 18."],
        [ENGLISH],
        linker.find,
    )
    assert [ENGLISH.text[d.start : d.end] for d in drafted] == [
        "They planned the fall ministerial meeting.",
        "The HLED co-chairs met virtually on April 18.",
    ]
    assert all(d.source_url == ENGLISH.url and not d.verbatim for d in drafted)


def test_institutions_and_numbers_carry_across_languages(linker):
    [drafted] = supporting_passages(
        ["Mexico's Foreign Ministry (SRE) opened 12 consulates."], [SPANISH], linker.find
    )
    assert SPANISH.text[drafted.start : drafted.end] == (
        "La Secretaría de Relaciones Exteriores abrió 12 consulados."
    )


def test_no_passage_rather_than_a_wrong_one(linker):
    [drafted] = supporting_passages(["Fishing quotas rose sharply."], [ENGLISH], linker.find)
    assert (drafted.source_url, drafted.start, drafted.end) == (None, None, None)
