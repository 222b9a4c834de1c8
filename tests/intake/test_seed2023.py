import json

import pytest
from tests.conftest import SAMPLE_EXPECTED

from binational.domain import DatePrecision, DateSource, Period, Quarter
from binational.intake.formats.text import decode_text as decode_report_bytes
from binational.intake.marks import parse_period
from binational.intake.parsed import ReportFormatError
from binational.intake.seed2023 import parse_report

MINIMAL = """Report | January-March 2024
Intro line.
JANUARY
1) First event
January 5, 2024 Link
Summary one.
Institutional Implications:
Implication one.
"""


def item_record(item):
    return {
        "number": item.number,
        "title": item.title,
        "month_section": item.month_section,
        "date": item.date.iso(),
        "date_precision": item.date.precision.value,
        "date_source": item.date_source.value,
        "truncated": item.truncated,
    }


def test_sample_matches_expected_parse(sample_report_text):
    expected = json.loads(SAMPLE_EXPECTED.read_text(encoding="utf-8"))
    report = parse_report(sample_report_text, "sample.txt")
    assert report.header == expected["header"]
    assert str(report.period) == expected["period"]["quarter"]
    assert report.period.start.isoformat() == expected["period"]["start"]
    assert report.period.end.isoformat() == expected["period"]["end"]
    assert len(report.items) == expected["item_count"]
    assert [item_record(item) for item in report.items] == expected["items"]


def test_sample_paragraphs_are_kept_whole(sample_report_text):
    report = parse_report(sample_report_text)
    second = report.items[1]
    assert len(second.summary) == 3 and len(second.implications) == 2
    assert second.summary[0].startswith("On April 13, U.S. Homeland Security Advisor")
    assert report.items[0].link_text == "Link" and report.items[0].url is None
    assert report.intro.startswith("The Center for Binational Institutions is devoted")
    assert report.items[-1].implications[-1].endswith("explore opportunities for collaboration,")
    assert any("item 14" in warning and "truncated" in warning for warning in report.warnings)


@pytest.mark.parametrize("header", ["Report|January-March 2024", "REPORT | January - March 2024",
                                    "report | Q1 2024", "Report | 2024Q1"])  # fmt: skip
def test_header_variants(header):
    report = parse_report(MINIMAL.replace("Report | January-March 2024", header))
    assert report.period == Period.of_quarter(Quarter(2024, 1))


def test_implications_on_the_same_line():
    text = MINIMAL.replace(
        "Institutional Implications:\nImplication one.",
        "Institutional Implications: Implication one.\nImplication two.",
    )
    item = parse_report(text).items[0]
    assert item.implications == ("Implication one.", "Implication two.")
    assert item.summary == ("Summary one.",)


def test_date_line_with_url_and_month_only_date():
    text = MINIMAL.replace(
        "January 5, 2024 Link", "January 5, 2024 Link <https://example.gov/a?b=1>"
    )
    text += "2) Second event\nFebruary 2024\nBody.\nInstitutional Implications:\nMore.\n"
    first, second = parse_report(text).items
    assert first.url == "https://example.gov/a?b=1" and first.link_text == "Link"
    assert second.date.iso() == "2024-02" and second.date_source is DateSource.STATED
    assert second.date.precision is DatePrecision.MONTH


@pytest.mark.parametrize(
    ("body", "date", "source"),
    [
        ("On January 13, the two governments met.", "2024-01-13", DateSource.INFERRED),
        ("El 9 de enero de 2024 se reunieron.", "2024-01-09", DateSource.INFERRED),
        ("They met, recalling the March 3 agreement.", "2024-01", DateSource.SECTION),
        ("No date at all.", "2024-01", DateSource.SECTION),
    ],
)
def test_items_without_date_line(body, date, source):
    text = MINIMAL.replace("January 5, 2024 Link\nSummary one.", body)
    item = parse_report(text).items[0]
    assert (item.date.iso(), item.date_source) == (date, source)


def test_file_ending_mid_item_is_kept_and_flagged():
    text = MINIMAL + "2) Cut event\nJanuary 20, 2024 Link\nThe text stops in the midd"
    report = parse_report(text)
    assert len(report.items) == 2
    assert report.items[1].truncated and not report.items[0].truncated
    assert report.items[1].summary == ("The text stops in the midd",)


def test_windows_line_endings_and_bom():
    report = parse_report("\ufeff" + MINIMAL.replace("\n", "\r\n"))
    assert report.items[0].title == "First event"
    assert report.items[0].implications == ("Implication one.",)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "is empty"),
        ("   \n\n", "is empty"),
        ("Dear colleagues,\nplease find attached...", "is not a quarterly report"),
        ("Report | April-June 0000\n1) x\n", "names the year 0"),
        ("Report | 9999\n1) x\n", "names the year 9999"),
        ("Report | some day\n1) x\n", "should read like"),
        ("Report | April-June 2023\nJust an intro.\n", "no numbered items"),
        ("Report | April-June 2023\nAPRIL\n1) X\nApril 31, 2023 Link\n", "not a real date"),
    ],
)
def test_refusals_are_one_sentence(text, message):
    with pytest.raises(ReportFormatError, match=message) as info:
        parse_report(text, "draft.txt")
    assert "\n" not in str(info.value)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("Report | April-June 2023\nCaf\u00e9".encode("latin-1"), "not UTF-8 text"),
        ("Report | April-June 2023".encode("utf-16"), "binary"),
    ],
)
def test_decode_refusals(data, message):
    with pytest.raises(ReportFormatError, match=message):
        decode_report_bytes(data, "file.txt")


def test_parse_period_spanish_months():
    assert parse_period("abril-junio 2023") == Period.of_quarter(Quarter(2023, 2))


def test_context_block_alone_or_inline():
    text = MINIMAL.replace(
        "Summary one.\n",
        "Summary one.\nInstitutional context:\nBackground one.\nBackground two.\n",
    )
    item = parse_report(text).items[0]
    assert item.summary == ("Summary one.",)
    assert item.context == ("Background one.", "Background two.")
    assert item.implications == ("Implication one.",)
    inline = MINIMAL.replace("Summary one.\n", "Summary one.\nInstitutional context: Inline.\n")
    assert parse_report(inline).items[0].context == ("Inline.",)


def test_quarter_date_line_and_the_truncation_note():
    text = MINIMAL.replace("January 5, 2024 Link", "Q1 2024") + (
        "2) Cut\nJanuary 20, 2024\nText\nThis item is incomplete: its source text ends here.\n"
        "3) Last\nJanuary 21, 2024\nDone.\nInstitutional Implications:\nAll.\n"
    )
    first, second, third = parse_report(text).items
    assert first.date.iso() == "2024Q1" and first.date.precision is DatePrecision.QUARTER
    assert second.truncated and second.summary == ("Text",) and not third.truncated


def test_a_numbered_paragraph_is_text_unless_it_starts_the_next_item():
    text = MINIMAL.replace("Summary one.", "Summary one.\n5) not an item, a list in the text.")
    report = parse_report(text + "2) Second\nJanuary 9, 2024\nBody.\n")
    first, second = report.items
    assert first.summary == ("Summary one.", "5) not an item, a list in the text.")
    assert second.number == 2
    assert any("does not follow item 1" in warning for warning in report.warnings)


def test_the_renderers_truncation_note_is_the_one_the_parser_knows():
    from binational.intake.marks import TRUNCATED_NOTE as READ
    from binational.publish.wording import CONTEXT_LABEL, IMPLICATIONS_LABEL, TRUNCATED_NOTE

    assert READ == TRUNCATED_NOTE
    for label in (CONTEXT_LABEL, IMPLICATIONS_LABEL):
        assert parse_report(MINIMAL.replace("Summary one.", f"Summary one.\n{label}")).items
