"""The txt renderer writes the center's own layout, line for line."""

from __future__ import annotations

from pathlib import Path

import pytest

from binational.domain import PartialDate
from binational.publish.txt import date_line, render_txt

SAMPLE_EXCERPT = Path(__file__).parent / "data" / "cbi-report-2023-q2-items-1-3.txt"


def lines_of(document) -> list[str]:
    return render_txt(document).decode("utf-8").split("\n")


def test_items_1_to_3_of_the_sample_come_out_as_the_report_prints_them(sample_document):
    report = SAMPLE_EXCERPT.read_text(encoding="utf-8").splitlines()
    # Item 2 has no date line in the report (its day is inferred from "On April 13");
    # an exported report states every item's date, so exactly that line is added.
    item_2_title = report.index(next(line for line in report if line.startswith("2) ")))
    expected = [*report[: item_2_title + 1], "April 13, 2023", *report[item_2_title + 1 :]]

    assert lines_of(sample_document) == [*expected, ""]


def test_output_is_utf8_one_element_per_line_without_blank_lines(varied_document):
    data = render_txt(varied_document)

    text = data.decode("utf-8")
    assert text.endswith("\n") and not text.endswith("\n\n")
    assert "" not in text[:-1].split("\n")
    assert "\r" not in text
    assert not data.startswith(b"\xef\xbb\xbf")  # no byte-order mark


def test_whole_layout_of_a_varied_document(varied_document):
    first, second, third, fourth = varied_document.entries

    assert lines_of(varied_document) == [
        "Report | April-June 2023",
        varied_document.intro,
        "APRIL",
        f"1) {first.title}",
        "April 18, 2023 Link <https://www.state.gov/joint-statement/?id=7&lang=en>",
        *first.summary,
        "Institutional Implications:",
        *first.implications,
        f"2) {second.title}",
        "April 24, 2023 Link",
        *second.summary,
        "Institutional Implications:",
        *second.implications,
        "MAY",
        f"3) {third.title}",
        "May 2023 Fuente <https://example.org/a_(b) c>",
        *third.summary,
        "Institutional Implications:",
        *third.implications,
        "JUNE",
        f"4) {fourth.title}",
        "June 13, 2023",
        *fourth.summary,
        "Institutional Implications:",
        *fourth.implications,
        "",
    ]


def test_text_is_written_verbatim_with_accents_and_special_characters(varied_document):
    text = render_txt(varied_document).decode("utf-8")

    assert "2) Fees & <script>alert('x')</script> for *USMCA* under_score [a](b) #1\n" in text
    assert "Reunión del Diálogo Económico de Alto Nivel en Querétaro: año de señales" in text
    assert "¿quién ganó, según el público?" in text


def test_a_truncated_item_ends_where_its_text_ends(varied_document):
    truncated = varied_document.entries[-1]

    assert truncated.truncated
    assert (
        render_txt(varied_document)
        .decode("utf-8")
        .endswith(f"Institutional Implications:\n{truncated.implications[-1]}\n")
    )


@pytest.mark.parametrize(
    ("date", "link_text", "url", "expected"),
    [
        (PartialDate.day(2023, 4, 12), "Link", None, "April 12, 2023 Link"),
        (
            PartialDate.day(2023, 4, 12),
            "Link",
            "https://www.gob.mx/sre/prensa/x",
            "April 12, 2023 Link <https://www.gob.mx/sre/prensa/x>",
        ),
        (PartialDate.day(2023, 4, 12), None, None, "April 12, 2023"),
        (
            PartialDate.day(2023, 4, 12),
            None,
            "https://a.example/",
            "April 12, 2023 <https://a.example/>",
        ),
        (PartialDate.month(2023, 5), None, None, "May 2023"),
        (PartialDate.month(2023, 5), "Link", None, "May 2023 Link"),
        (PartialDate.parse("2023Q2"), None, None, "Q2 2023"),
    ],
)
def test_date_line(make_entry, date, link_text, url, expected):
    entry = make_entry(date=date, link_text=link_text, url=url)

    assert date_line(entry) == expected


def test_line_breaks_inside_a_paragraph_do_not_split_it(make_entry, make_document):
    entry = make_entry(
        title="A title\nwith a break",
        summary=("First line\r\nsecond line", "", "   "),
        implications=("One\nparagraph",),
    )

    lines = lines_of(make_document([entry]))

    assert lines[3:] == [
        "1) A title with a break",
        "April 2, 2023 Link",
        "First line second line",
        "Institutional Implications:",
        "One paragraph",
        "",
    ]


def test_an_item_without_implications_has_no_implications_label(make_entry, make_document):
    lines = lines_of(make_document([make_entry(implications=())]))

    assert "Institutional Implications:" not in lines
    assert lines[-2] == "Summary of event 1."


def test_header_and_intro_come_from_the_document(make_entry, make_document):
    document = make_document(
        [make_entry()], title_prefix="Informe", intro="Otro centro, otra introducción."
    )

    assert lines_of(document)[:3] == [
        "Informe | April-June 2023",
        "Otro centro, otra introducción.",
        "APRIL",
    ]


def test_context_comes_between_summary_and_implications(make_entry, make_document):
    entry = make_entry(1, context=("Background «one».", "Background two."))
    lines = render_txt(make_document([entry])).decode("utf-8").splitlines()
    start = lines.index("Institutional context:")
    assert lines[start - 1] == entry.summary[-1]
    assert lines[start + 1 : start + 4] == [
        "Background «one».", "Background two.", "Institutional Implications:",
    ]  # fmt: skip


def test_no_context_label_without_context(varied_document):
    assert "Institutional context:" not in render_txt(varied_document).decode("utf-8")


# A report longer than a quarter: the overview after the introduction, one line per row.


def test_an_annual_report_opens_with_its_overview_line_by_line(annual_document):
    lines = lines_of(annual_document)
    start = lines.index("Overview")
    assert lines[:start] == ["Report | 2023", annual_document.intro]
    assert lines[start + 1 : start + 4] == [
        "5 events in 2023.", "Events by month", "January 2023: 1",
    ]  # fmt: skip
    assert "USMCA | T-MEC <Agreement>: 1" in lines
    assert (
        "2023-01-10, Established: Trilateral Fentanyl Committee (created at the Mexico City "
        "summit; https://www.whitehouse.gov/)"
    ) in lines
    # the months follow, without quarter headings (a line after an item is its text)
    assert lines[lines.index("JANUARY") + 1].startswith("1) ")
    assert "January-March 2023" not in lines


def test_an_annual_report_imports_back_with_its_items_unchanged(annual_document):
    from binational.intake.importer import read_report_bytes

    parsed = read_report_bytes(render_txt(annual_document), "report-2023.txt", ".txt")
    assert str(parsed.period) == "2023"
    assert [(i.number, i.title, i.date, i.summary, i.implications) for i in parsed.items] == [
        (e.number, e.title, e.date, e.summary, e.implications) for e in annual_document.entries
    ]
    # the overview (computed again from the events) is read past, not kept as text
    assert "Events by month" not in parsed.intro
    assert parsed.intro.startswith("The Center for Binational Institutions")


def test_a_logo_changes_nothing_in_txt(sample_document, png_logo):
    from dataclasses import replace

    assert render_txt(replace(sample_document, logo=png_logo)) == render_txt(sample_document)
