"""The method stated in the scorecard: the rules' numbers, each mark's meaning, the
data's coverage and what was left out, in both languages."""

from __future__ import annotations

import dataclasses

from binational.domain import Period
from binational.publish.scorecard_document import MARK_ORDER, ScorecardRules
from binational.publish.scorecard_method import (
    coverage_paragraphs,
    mark_meanings,
    method_paragraphs,
)


def test_the_method_says_what_the_data_is_and_the_rules_numbers(scorecard_document):
    text = " ".join(method_paragraphs(scorecard_document))
    assert "reviewed or published events" in text and "status history" in text
    assert "less than 14 days apart as one meeting" in text
    meanings = dict((mark, meaning) for mark, _, meaning in mark_meanings(scorecard_document))
    assert [m for m, _, _ in mark_meanings(scorecard_document)] == list(MARK_ORDER)
    assert "(quarterly 5, semiannual 9, annual 18, biennial 36 months)" in " ".join(
        meanings.values()
    )
    changed = dataclasses.replace(scorecard_document, rules=ScorecardRules(same_meeting_days=7))
    assert "less than 7 days apart" in " ".join(method_paragraphs(changed))


def test_coverage_names_the_spans_and_the_left_out(scorecard_document):
    coverage = coverage_paragraphs(scorecard_document)
    assert coverage[0].startswith("The database holds 42 reviewed or published events, in ")
    assert "February 2013" in coverage[0] and "September 2023" in coverage[0]
    assert "U.S.-Mexico Security Implementation Group" in coverage[1]
    gaps = dataclasses.replace(scorecard_document, omitted=(),
                               coverage=(Period.parse("2023Q2"),))  # fmt: skip
    assert coverage_paragraphs(gaps) == [
        "The database holds 42 reviewed or published events, in April-June 2023. A period "
        "outside these holds no events at all: in the grid it is hatched, and a blank there "
        "says nothing about an institution."
    ]


def test_in_spanish(scorecard_document_es):
    assert method_paragraphs(scorecard_document_es)[0].startswith(
        "Cada institución del registro establecida al 31 de diciembre de 2023"
    )
    assert mark_meanings(scorecard_document_es)[0][1] == "interrumpida"
    assert coverage_paragraphs(scorecard_document_es)[1].startswith("Aún no establecidas")


def test_a_scorecard_of_published_events_says_so(scorecard_document, scorecard_document_es):
    public = dataclasses.replace(scorecard_document, statuses=("published",))
    text = " ".join(method_paragraphs(public) + coverage_paragraphs(public))
    assert "(published events;" in text and "holds 42 published events" in text
    assert "reviewed" not in text
    publico = dataclasses.replace(scorecard_document_es, statuses=("published",))
    texto = " ".join(method_paragraphs(publico) + coverage_paragraphs(publico))
    assert "(eventos publicados;" in texto and "revisados" not in texto
    assert "eventos revisados o publicados" in " ".join(method_paragraphs(scorecard_document_es))
