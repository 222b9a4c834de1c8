"""Layout detection, forcing, and the refusal that names the layouts."""

from __future__ import annotations

import pytest
from tests.conftest import SAMPLE_REPORT
from tests.intake.conftest import NEWSLETTER

from binational.errors import UserError
from binational.intake.extracted import lines_of_text
from binational.intake.layouts import detect_layout, layout_scores, parse_layout
from binational.intake.parsed import ReportFormatError


@pytest.mark.parametrize(
    ("path", "layout"), [(SAMPLE_REPORT, "seed2023"), (NEWSLETTER, "newsletter2022")]
)
def test_samples_are_recognized(path, layout):
    lines = lines_of_text(path.read_text(encoding="utf-8"))
    assert detect_layout(lines, path.name) == layout
    scores = layout_scores(lines)
    assert scores[layout] > 0 and all(v == 0 for k, v in scores.items() if k != layout)


@pytest.mark.parametrize(
    ("text", "layout"),
    [
        ("Report | 2023\n1) A (03.02.23) Learn more\nText.\n", "newsletter2022"),
        ("Report | 2023\n1) A\n• A - What happened.\n", "newsletter2022"),
        ("Report | 2023\n1) A\nMarch 2, 2023 Link\nText.\n", "seed2023"),
        ("Report | 2023\n1) A\nText without any mark.\n", "seed2023"),
    ],
)
def test_marks_decide(text, layout):
    assert detect_layout(lines_of_text(text), "x.txt") == layout


def test_forcing_a_layout():
    lines = lines_of_text(NEWSLETTER.read_text(encoding="utf-8"))
    report = parse_layout(lines, "news.txt", "seed2023")
    assert report.layout == "seed2023"
    # Read as the 2023 layout, the title keeps its date and link words.
    assert report.items[0].title == "Otay II Border Crossing MoU (10.24.22) Learn more"


@pytest.mark.parametrize(
    "text",
    ["Minutes of the meeting\nNothing here.\n", "Dear colleagues,\nplease find attached..."],
)
def test_a_text_in_no_layout_is_refused_naming_the_layouts(text):
    with pytest.raises(ReportFormatError) as info:
        parse_layout(lines_of_text(text), "notes.txt")
    message = str(info.value)
    assert message.startswith("notes.txt is not a quarterly report in a layout binational knows")
    assert "seed2023" in message and "newsletter2022" in message and "\n" not in message


def test_unknown_layout_name():
    with pytest.raises(UserError, match="there is no layout 'x'; the layouts are"):
        parse_layout(lines_of_text("Report | 2023\n1) A\n"), "a.txt", "x")
