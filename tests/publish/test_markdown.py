"""The Markdown renderer: the report's structure, and text that reads as text.

Escaping is checked by rendering our Markdown with a real CommonMark implementation
(markdown-it-py) and comparing the text a reader would see with the original.
"""

from __future__ import annotations

import html

import pytest
from markdown_it import MarkdownIt

from binational.domain import PartialDate
from binational.publish.markdown import date_line, escape_markdown, render_markdown


def commonmark(source: str) -> str:
    return MarkdownIt("commonmark").render(source)


def blocks_of(document) -> list[str]:
    return render_markdown(document).decode("utf-8").rstrip("\n").split("\n\n")


def test_structure_of_a_small_report(make_entry, make_document):
    entries = [
        make_entry(1, title="First", date=PartialDate.day(2023, 4, 12), url="https://a.example/1"),
        make_entry(2, title="Second", date=PartialDate.month(2023, 5), implications=()),
    ]

    assert render_markdown(make_document(entries, intro="Intro.")).decode("utf-8") == (
        "# Report | April-June 2023\n\n"
        "Intro.\n\n"
        "## April\n\n"
        "### 1) First\n\n"
        "April 12, 2023 [Link](https://a.example/1)\n\n"
        "Summary of event 1.\n\n"
        "**Institutional Implications:**\n\n"
        "Implications of event 1.\n\n"
        "## May\n\n"
        "### 2) Second\n\n"
        "May 2023\n\n"
        "Summary of event 2.\n"
    )


def test_headings_render_as_h1_h2_h3(varied_document):
    rendered = commonmark(render_markdown(varied_document).decode("utf-8"))

    assert rendered.count("<h1>") == 1
    assert "<h2>April</h2>" in rendered and "<h2>May</h2>" in rendered
    assert rendered.count("<h3>") == len(varied_document.entries)
    assert "<p><strong>Institutional Implications:</strong></p>" in rendered


@pytest.mark.parametrize(
    "text",
    [
        "Fees & costs",
        "Ley *Federal* de _Trabajo_",
        "snake_case_name and 2*3*4",
        "<script>alert('x')</script>",
        "[not a link](https://evil.example)",
        "![not an image](x.png)",
        "`not code`",
        "&amp; stays literal, &#169; too",
        "a \\ backslash",
        "~~not struck~~",
        "# not a heading",
        "Ends with hashes ##",
        "5) not a list item",
        "2023. A year, not a list",
        "- not a bullet",
        "+ not a bullet",
        "* not a bullet",
        "> not a quote",
        "===",
        "---",
        "Reunión en Querétaro: año de señales, ¿quién ganó?",
        "U.S.-Mexico | USMCA (T-MEC) 100% [sic]",
    ],
)
def test_escaped_text_renders_to_exactly_the_original(text):
    assert commonmark(escape_markdown(text)) == f"<p>{html.escape(text, quote=False)}</p>\n"


def test_title_with_special_characters_is_a_heading_with_the_same_text(make_entry, make_document):
    title = "Fees & <script>alert('x')</script> for *USMCA* under_score [a](b) #1"
    markdown = render_markdown(make_document([make_entry(title=title)])).decode("utf-8")

    assert f"<h3>1) {html.escape(title, quote=False)}</h3>" in commonmark(markdown)


def test_plain_text_is_left_readable(make_entry, make_document):
    entry = make_entry(summary=("The U.S.-Mexico High-Level Economic Dialogue (HLED) met.",))

    assert "The U.S.-Mexico High-Level Economic Dialogue (HLED) met." in blocks_of(
        make_document([entry])
    )


@pytest.mark.parametrize(
    ("url", "link_text", "expected_line", "expected_href"),
    [
        (
            "https://www.state.gov/joint-statement/?id=7&lang=en",
            "Link",
            "April 2, 2023 [Link](https://www.state.gov/joint-statement/?id=7&lang=en)",
            "https://www.state.gov/joint-statement/?id=7&amp;lang=en",
        ),
        (
            "https://example.org/a_(b) c",
            "Fuente",
            "April 2, 2023 [Fuente](https://example.org/a_%28b%29%20c)",
            "https://example.org/a_%28b%29%20c",
        ),
        (
            "https://www.gob.mx/sre/prensa/reunión",
            None,
            "April 2, 2023 [https://www.gob.mx/sre/prensa/reuni%C3%B3n]"
            "(https://www.gob.mx/sre/prensa/reuni%C3%B3n)",
            "https://www.gob.mx/sre/prensa/reuni%C3%B3n",
        ),
    ],
)
def test_date_line_links_to_the_source(make_entry, url, link_text, expected_line, expected_href):
    line = date_line(make_entry(url=url, link_text=link_text))

    assert line == expected_line
    assert f'<a href="{expected_href}">' in commonmark(line)


@pytest.mark.parametrize(
    ("date", "url", "expected"),
    [
        (PartialDate.day(2023, 4, 12), None, "April 12, 2023"),
        (PartialDate.month(2023, 5), None, "May 2023"),
        (PartialDate.day(2023, 4, 12), "javascript:alert(1)", "April 12, 2023"),
        (PartialDate.day(2023, 4, 12), "file:///etc/passwd", "April 12, 2023"),
    ],
)
def test_date_line_without_a_linkable_url_is_just_the_date(make_entry, date, url, expected):
    assert date_line(make_entry(date=date, url=url)) == expected


def test_a_truncated_item_says_so(varied_document):
    blocks = blocks_of(varied_document)

    assert blocks[-1] == "*This item is incomplete: its source text ends here.*"
    assert blocks[-2] == varied_document.entries[-1].implications[-1]


def test_rendering_is_deterministic(varied_document):
    assert render_markdown(varied_document) == render_markdown(varied_document)


def test_context_is_labelled_between_summary_and_implications(make_entry, make_document):
    entry = make_entry(1, context=("Background *one* [x](y).",))
    blocks = blocks_of(make_document([entry]))
    start = blocks.index("**Institutional context:**")
    assert blocks[start - 1] == entry.summary[-1]
    assert blocks[start + 1] == escape_markdown("Background *one* [x](y).")
    assert blocks[start + 2] == "**Institutional Implications:**"
    assert "Background *one* [x](y)." in html.unescape(commonmark(blocks[start + 1]))


# A report longer than a quarter: overview tables, then quarters (##), months (###),
# items (####).


def test_an_annual_report_has_its_overview_tables_and_quarters(annual_document):
    text = render_markdown(annual_document).decode("utf-8")
    assert text.index("## Overview") < text.index("## January-March 2023")
    assert "| Month | Events |\n|---|---:|\n| January 2023 | 1 |" in text
    assert "| USMCA \\| T-MEC \\<Agreement\\> | 1 |" in text  # '|' and '<' escaped in a cell
    assert "### Institutions established, relaunched, suspended or lapsed" in text
    headings = [line for line in text.splitlines() if line.startswith("#")]
    assert headings[headings.index("## January-March 2023") + 1] == "### January"
    assert "#### 1) North American Leaders' Summit in Mexico City" in headings
    assert "## October-December 2023" in headings and "## July-September 2023" not in headings


def test_annual_tables_render_as_tables(annual_document):
    from markdown_it import MarkdownIt

    html = MarkdownIt("commonmark").enable("table").render(
        render_markdown(annual_document).decode("utf-8")
    )
    assert html.count("<table>") == 4
    assert "<td>USMCA | T-MEC &lt;Agreement&gt;</td>" in html


def test_a_logo_changes_nothing_in_markdown(sample_document, png_logo):
    from dataclasses import replace

    assert render_markdown(replace(sample_document, logo=png_logo)) == render_markdown(
        sample_document
    )
