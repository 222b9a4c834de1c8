"""The Word renderer, reopened with python-docx: styles, text, hyperlinks, properties."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE

from binational.publish.docx import render_docx


@pytest.fixture(scope="module")
def word(varied_document):
    return docx.Document(io.BytesIO(render_docx(varied_document)))


def styled(word, style: str) -> list[str]:
    return [p.text for p in word.paragraphs if p.style.name == style]


def test_title_months_and_items_use_real_heading_styles(word, varied_document):
    assert styled(word, "Title") == ["Report | April-June 2023"]
    assert styled(word, "Subtitle") == [varied_document.organization]
    assert styled(word, "Heading 1") == ["April", "May", "June"]
    assert styled(word, "Heading 2") == [
        f"{entry.number}) {entry.title}" for entry in varied_document.entries
    ]


def test_heading_styles_are_outline_levels_for_the_navigation_pane(word):
    """Word's navigation pane lists paragraphs whose style has an outline level."""
    for name, level in (("Heading 1", "0"), ("Heading 2", "1")):
        outline = word.styles[name].element.xpath("./w:pPr/w:outlineLvl/@w:val")
        assert outline == [level]


def test_paragraphs_in_report_order(word, varied_document):
    first = varied_document.entries[0]
    texts = [p.text for p in word.paragraphs]
    start = texts.index(f"1) {first.title}")

    assert texts[2] == varied_document.intro
    assert texts[start : start + 6] == [
        f"1) {first.title}",
        "April 18, 2023 Link",
        *first.summary,
        "Institutional Implications:",
        *first.implications,
    ]
    label = word.paragraphs[start + 4]
    assert [run.bold for run in label.runs] == [True]


def test_source_links_are_real_hyperlinks(word):
    links = [(p.text, h.address, h.text) for p in word.paragraphs for h in p.hyperlinks]

    assert links == [
        ("April 18, 2023 Link", "https://www.state.gov/joint-statement/?id=7&lang=en", "Link"),
        ("May 2023 Fuente", "https://example.org/a_(b)%20c", "Fuente"),
    ]
    hyperlink = next(h for p in word.paragraphs for h in p.hyperlinks)
    relationship = word.part.rels[hyperlink._hyperlink.rId]
    assert relationship.reltype == RELATIONSHIP_TYPE.HYPERLINK
    assert relationship.is_external
    assert relationship.target_ref == "https://www.state.gov/joint-statement/?id=7&lang=en"
    assert [run.style.name for run in hyperlink.runs] == ["Hyperlink"]


def test_hyperlink_style_is_blue_and_underlined(word):
    style = word.styles["Hyperlink"]

    assert str(style.font.color.rgb) == "0563C1"
    assert style.font.underline


def test_entries_without_a_linkable_url_have_no_hyperlink(make_entry, make_document):
    entries = [make_entry(1), make_entry(2, url="javascript:alert(1)")]
    word = docx.Document(io.BytesIO(render_docx(make_document(entries))))

    assert [h for p in word.paragraphs for h in p.hyperlinks] == []
    assert [p.text for p in word.paragraphs if p.text.startswith("April")] == [
        "April",
        "April 2, 2023",
        "April 3, 2023",
    ]


def test_month_precision_date_line(word):
    assert "May 2023 Fuente" in [p.text for p in word.paragraphs]


def test_special_characters_and_accents_are_kept_verbatim(word):
    texts = [p.text for p in word.paragraphs]

    assert "2) Fees & <script>alert('x')</script> for *USMCA* under_score [a](b) #1" in texts
    assert any("¿quién ganó, según el público?" in text for text in texts)


def test_a_truncated_item_says_so(word, varied_document):
    texts = [p.text for p in word.paragraphs]

    assert texts[-2:] == [
        varied_document.entries[-1].implications[-1],
        "This item is incomplete: its source text ends here.",
    ]


def test_control_characters_do_not_break_the_file(make_entry, make_document):
    entry = make_entry(title="Bell\x07 and form feed\x0c", summary=("tab\tkept",))
    word = docx.Document(io.BytesIO(render_docx(make_document([entry]))))

    assert "1) Bell and form feed" in [p.text for p in word.paragraphs]
    assert "tab\tkept" in [p.text for p in word.paragraphs]


def test_core_properties_name_the_report_and_organization(word, varied_document):
    properties = word.core_properties

    assert properties.title == "Report | April-June 2023"
    assert properties.author == varied_document.organization
    assert properties.language == "en"
    assert properties.created is None  # python-docx's template says 2013; not ours


def test_same_document_gives_the_same_bytes(varied_document):
    first, second = render_docx(varied_document), render_docx(varied_document)

    assert first == second
    assert zipfile.ZipFile(io.BytesIO(first)).testzip() is None


def test_context_is_labelled_between_summary_and_implications(make_entry, make_document):
    entry = make_entry(1, context=("Antecedentes: la CILA, 1944.",))
    document = docx.Document(io.BytesIO(render_docx(make_document([entry]))))
    texts = [p.text for p in document.paragraphs]
    start = texts.index("Institutional context:")
    assert texts[start - 1] == entry.summary[-1]
    assert texts[start + 1 : start + 3] == [
        "Antecedentes: la CILA, 1944.",
        "Institutional Implications:",
    ]
    assert document.paragraphs[start].runs[0].bold


# A report longer than a quarter: the overview (Heading 1, tables under Heading 2, the
# bars as a PNG with alt text), then quarters (Heading 1), months (2), items (3).


@pytest.fixture(scope="module")
def annual_word(annual_document):
    return docx.Document(io.BytesIO(render_docx(annual_document)))


def test_an_annual_report_has_its_overview_picture_and_tables(annual_word, annual_document):
    assert styled(annual_word, "Heading 1")[:3] == [
        "Overview", "January-March 2023", "April-June 2023",
    ]  # fmt: skip
    assert styled(annual_word, "Heading 2")[:4] == [
        "Events by month", "Events by category", "Most active institutions",
        "Institutions established, relaunched, suspended or lapsed",
    ]  # fmt: skip
    (shape,) = annual_word.inline_shapes
    description = shape._inline.docPr.get("descr")
    assert description.startswith("Events per month: January 2023: 1, February 2023: 0")
    assert shape.width > 5_000_000  # about the text's width (EMU)
    tables = annual_word.tables
    assert len(tables) == 4
    assert [cell.text for cell in tables[0].rows[1].cells] == ["January 2023", "1"]
    assert [cell.text for cell in tables[2].rows[2].cells] == ["USMCA | T-MEC <Agreement>", "1"]
    header = tables[0].rows[0]._tr.trPr
    assert header is not None and header.find(docx.oxml.ns.qn("w:tblHeader")) is not None


def test_an_annual_report_nests_items_under_months_and_quarters(annual_word):
    headings = [(p.style.name, p.text) for p in annual_word.paragraphs
                if p.style.name.startswith("Heading")]  # fmt: skip
    start = headings.index(("Heading 1", "January-March 2023"))
    assert headings[start + 1 : start + 3] == [
        ("Heading 2", "January"),
        ("Heading 3", "1) North American Leaders' Summit in Mexico City"),
    ]


def test_an_annual_report_gives_the_same_bytes_twice(annual_document):
    assert render_docx(annual_document) == render_docx(annual_document)


def test_the_logo_is_a_picture_before_the_organization(sample_document, any_logo):
    from dataclasses import replace

    data = render_docx(replace(sample_document, logo=any_logo))
    word = docx.Document(io.BytesIO(data))
    subtitle = next(p for p in word.paragraphs if p.style.name == "Subtitle")
    assert subtitle.text.strip() == sample_document.organization
    assert subtitle._p.xpath("./w:r[1]/w:drawing")  # the picture comes first
    assert len(word.inline_shapes) == 1
    shape = word.inline_shapes[0]
    assert shape._inline.docPr.get("descr") == sample_document.organization  # alt text
    assert shape.height == 48 * 9525  # 48 pixels high, the width in proportion
    media = [n for n in zipfile.ZipFile(io.BytesIO(data)).namelist() if "/media/" in n]
    expected = "jpg" if any_logo.format == "jpg" else "png"  # an SVG is drawn as PNG
    assert len(media) == 1 and media[0].endswith(f".{expected}")


def test_without_a_logo_there_is_no_picture(sample_document):
    data = render_docx(sample_document)
    assert not [n for n in zipfile.ZipFile(io.BytesIO(data)).namelist() if "/media/" in n]
