"""The 2022 newsletter layout: the sample as its expected parse says, in every format,
and the layout's variations (written for the layout, not the sample)."""

from __future__ import annotations

import pytest
from tests.intake.conftest import FORMATS, NEWSLETTER, NEWSLETTER_URLS, newsletter_bytes

from binational.domain import DateSource, Period
from binational.intake.extracted import lines_of_text
from binational.intake.importer import read_report_bytes
from binational.intake.newsletter2022 import parse_lines, repeated_title, split_item_line
from binational.intake.parsed import ReportFormatError


def parse(text: str):
    return parse_lines(lines_of_text(text), "news.txt")


def item_record(item) -> dict:
    return {
        "number": item.number,
        "title": item.title,
        "date": item.date.iso() if item.date else None,
        "date_precision": item.date.precision.value if item.date else None,
        "date_source": item.date_source.value if item.date_source else None,
        "context_starts": item.context[0][:100] if item.context else None,
        "summary_starts": item.summary[0][:100] if item.summary else None,
        "truncated": item.truncated,
    }


def expected_record(item: dict) -> dict:
    record = dict(item)
    for key in ("context_starts", "summary_starts"):
        record[key] = record[key][:100] if record[key] else None
    return record


def check_expected(report, expected: dict) -> None:
    period = expected["period"]
    assert report.period == Period.parse(f"{period['start']}..{period['end']}")
    assert report.period.label == "October-December 2022"
    got = [item_record(item) for item in report.items]
    assert len(got) == len(expected["items"])
    for item, want in zip(got, expected["items"], strict=True):
        for key in ("context_starts", "summary_starts"):
            if want[key] is None:
                assert item[key] is None
            else:
                assert item[key].startswith(want[key])
        assert {k: v for k, v in item.items() if not k.endswith("_starts")} == {
            k: v for k, v in want.items() if not k.endswith("_starts")
        }


def test_sample_matches_expected_parse(newsletter_expected):
    report = parse(NEWSLETTER.read_text(encoding="utf-8"))
    check_expected(report, newsletter_expected)
    assert report.layout == "newsletter2022"
    assert report.header == "REPORT | October - December 2022"
    assert report.intro.startswith("The Center for Binational Institutions is devoted")
    first, second, third = report.items
    assert first.link_text == "Learn more" and first.url is None
    # The paragraph that repeats the title loses exactly 'Title - '.
    assert second.summary[0].startswith("On October 28th, the 10th edition")
    assert second.context[0].startswith("The U.S. - Mexico Consular Dialogue was established")
    assert first.summary[-1].endswith("revenue collection.")
    assert first.implications == () and third.summary == () and third.context == ()
    assert any("item 3" in warning and "cut off" in warning for warning in report.warnings)


@pytest.mark.parametrize("fmt", FORMATS)
def test_sample_in_every_format(fmt, newsletter_expected):
    report = read_report_bytes(newsletter_bytes(fmt), f"news.{fmt}", f".{fmt}")
    assert report.layout == "newsletter2022"
    check_expected(report, newsletter_expected)
    urls = [item.url for item in report.items]
    if fmt == "txt":
        assert urls == [None, None, None]
    else:
        assert urls == [NEWSLETTER_URLS[1], NEWSLETTER_URLS[2], None]
    first = report.items[0]
    assert first.context[0].endswith("projected to provide an economic boost.")


VARIANT = """Report| June - October 2022
Our newsletter.
1) Water Treaty Minute 330 (06.15.22) Learn more <https://ibwc.gov/m330>
Institutional context: The 1944 Water Treaty allocates the waters of the Colorado.
It has been amended by minutes since 1945.
Water Treaty Minute 330 – The commissioners signed Minute 330 on June 15.
A second paragraph of the summary.
Institutional Implications: The IBWC keeps adapting the treaty.
2) Consular meeting (7/2/2022)
• Consular meeting - Both foreign ministries met.
3) High-Level Economic Dialogue
• Institutional context - The HLED was relaunched in 2021.
• The dialogue met on October 3 in Mexico City.
"""


def test_layout_variations():
    report = parse(VARIANT)
    assert str(report.period) == "2022-06..2022-10"
    first, second, third = report.items
    assert first.url == "https://ibwc.gov/m330" and first.link_text == "Learn more"
    assert first.date.iso() == "2022-06-15" and first.date_source is DateSource.STATED
    # The context runs until the paragraph that repeats the title (an en dash here).
    assert first.context == (
        "The 1944 Water Treaty allocates the waters of the Colorado.",
        "It has been amended by minutes since 1945.",
    )
    assert first.summary == (
        "The commissioners signed Minute 330 on June 15.",
        "A second paragraph of the summary.",
    )
    assert first.implications == ("The IBWC keeps adapting the treaty.",)
    assert second.date.iso() == "2022-07-02" and second.link_text is None
    assert second.summary == ("Both foreign ministries met.",) and second.context == ()
    # No paragraph repeats the title: the context is its first paragraph, and the day
    # is read from the body.
    assert third.context == ("The HLED was relaunched in 2021.",)
    assert third.summary == ("The dialogue met on October 3 in Mexico City.",)
    assert third.date.iso() == "2022-10-03" and third.date_source is DateSource.INFERRED


def test_month_sections_are_read():
    text = "REPORT | 2022\nMARCH\n1) A (03.02.22)\n• Text.\nNOVEMBER\n2) B\n• More text.\n"
    first, second = parse(text).items
    assert first.month_section == "MARCH" and first.section == (2022, 3)
    assert second.date.iso() == "2022-11" and second.date_source is DateSource.SECTION


@pytest.mark.parametrize(
    ("line", "title", "date", "link"),
    [
        ("Otay II (10.24.22) Learn more", "Otay II", "2022-10-24", "Learn more"),
        ("Otay II (10/24/2022)", "Otay II", "2022-10-24", None),
        ("Otay II Learn more", "Otay II", None, "Learn more"),
        ("Meeting (IMLEB) under the USMCA", "Meeting (IMLEB) under the USMCA", None, None),
        ("Relearn more", "Relearn more", None, None),
    ],
)
def test_split_item_line(line, title, date, link):
    got_title, got_date, got_link, _ = split_item_line(line, ())
    assert (got_title, got_date.iso() if got_date else None, got_link) == (title, date, link)


def test_impossible_title_date_is_one_sentence():
    with pytest.raises(ReportFormatError, match="line 2: '\\(02.30.22\\)' is not a real date"):
        parse("REPORT | 2022\n1) A (02.30.22)\n")


@pytest.mark.parametrize(
    ("title", "paragraph", "rest"),
    [
        ("U.S. - Mexico Dialogue", "U.S. - Mexico Dialogue - On May 2, ...", "On May 2, ..."),
        ("U.S. - Mexico Dialogue", "U.S. - Mexico dialogue — On May 2", "On May 2"),
        ("Otay II", "Otay III - text", None),
        ("Otay II", "The Otay II crossing - text", None),
    ],
)
def test_repeated_title(title, paragraph, rest):
    assert repeated_title(title, paragraph) == rest
