"""A report's lines as the document renderers receive (reports/document.py)."""

import pytest
from tests.reports.test_ordering import line

from binational.domain import Period
from binational.reports.document import ReportStyle, build_document, paragraphs


def test_build_document_groups_by_month():
    lines = [line(1, "2023-04-12"), line(2, "2023-06-13"), line(3, "2023-04-20")]
    style = ReportStyle(organization="Org", intro="Intro.")
    document = build_document(lines, Period.parse("2023Q2"), style)
    assert document.header == "Report | April-June 2023"
    assert [s.heading for s in document.sections] == ["APRIL", "JUNE"]
    assert [e.number for e in document.entries] == [1, 2, 3]
    assert [e.title for e in document.sections[1].entries] == ["Event 2"]
    assert document.entries[0].summary == ("One.", "Two.")


@pytest.mark.parametrize(
    ("text", "expected"), [("a\n\nb\n", ("a", "b")), ("", ()), ("  x  ", ("x",))]
)
def test_paragraphs(text, expected):
    assert paragraphs(text) == expected


def test_the_styles_logo_goes_into_the_document():
    from binational.publish.logo import Logo

    logo = Logo(b"<svg/>", "image/svg+xml")
    lines = [line(1, "2023-04-12")]
    period = Period.parse("2023Q2")
    with_logo = build_document(lines, period, ReportStyle("Org", "Intro.", logo=logo))
    assert with_logo.logo == logo
    assert build_document(lines, period, ReportStyle("Org", "Intro.")).logo is None
