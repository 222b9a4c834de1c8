"""The frame around the items: header after a masthead, items before the header, and
a contents list that numbers the items before the report does."""

from __future__ import annotations

import pytest

from binational.intake.extracted import lines_of_text
from binational.intake.frame import find_frame
from binational.intake.parsed import ReportFormatError
from binational.intake.seed2023 import parse_report


def test_lines_before_the_header_are_a_masthead():
    frame = find_frame(
        lines_of_text("CENTER FOR BINATIONAL INSTITUTIONS\n\nReport | 2023\nIntro.\n"), "a"
    )
    assert frame.header == "Report | 2023" and [line.text for _, line in frame.body] == ["Intro."]


def test_an_item_before_the_header_is_refused():
    with pytest.raises(ReportFormatError, match="line 2: the numbered item comes before"):
        find_frame(lines_of_text("Masthead\n1) Item\nReport | 2023\n"), "a.txt")


def test_a_contents_list_is_skipped():
    text = (
        "Report | April-June 2023\nContents\n1) First\n2) Second\n"
        "1) First\nApril 2, 2023\nBody one.\nInstitutional Implications:\nOne.\n"
        "2) Second\nApril 3, 2023\nBody two.\nInstitutional Implications:\nTwo.\n"
    )
    report = parse_report(text)
    assert [(item.number, item.summary) for item in report.items] == [
        (1, ("Body one.",)), (2, ("Body two.",)),
    ]  # fmt: skip
    assert any("contents list" in warning for warning in report.warnings)
