"""The HTML renderer: one self-contained, accessible, printable, escaped page."""

from __future__ import annotations

import re

import pytest
from lxml import html as lxml_html

from binational.domain import PartialDate
from binational.publish.html import machine_date, render_html


def page_of(document) -> lxml_html.HtmlElement:
    return lxml_html.document_fromstring(render_html(document))


def texts(elements) -> list[str]:
    return [" ".join(element.text_content().split()) for element in elements]


def test_page_is_in_the_documents_language_with_landmarks(varied_document, make_document):
    page = page_of(varied_document)

    assert page.get("lang") == "en"
    assert page_of(make_document(varied_document.entries, language="es")).get("lang") == "es"
    assert len(page.xpath("//main")) == 1
    assert page.xpath("/html/body/header//h1")
    assert len(page.xpath("//nav[@aria-label='Table of contents']")) == 1
    assert page.xpath("//meta[@charset]")[0].get("charset") == "utf-8"


def test_heading_hierarchy_is_h1_months_h2_items_h3(varied_document):
    page = page_of(varied_document)

    assert texts(page.xpath("//h1")) == ["Report | April-June 2023"]
    assert texts(page.xpath("//main//h2")) == ["April", "May", "June"]
    assert texts(page.xpath("//main//h3")) == [
        f"{entry.number}) {entry.title}" for entry in varied_document.entries
    ]
    levels = [int(h.tag[1]) for h in page.xpath("//h1|//h2|//h3|//h4|//h5|//h6")]
    assert levels[0] == 1
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:], strict=False)), levels


def test_table_of_contents_links_to_every_month_and_item(varied_document):
    page = page_of(varied_document)
    targets = [a.get("href") for a in page.xpath("//nav//a")]

    assert targets == [
        "#month-2023-04",
        "#item-1",
        "#item-2",
        "#month-2023-05",
        "#item-3",
        "#month-2023-06",
        "#item-4",
    ]
    for target in targets:
        assert len(page.xpath(f"//*[@id='{target[1:]}']")) == 1, target


def test_ids_are_unique(varied_document):
    ids = page_of(varied_document).xpath("//@id")

    assert len(ids) == len(set(ids))


@pytest.mark.parametrize(
    ("date", "datetime", "shown"),
    [
        (PartialDate.day(2023, 4, 12), "2023-04-12", "April 12, 2023"),
        (PartialDate.month(2023, 5), "2023-05", "May 2023"),
        (PartialDate.parse("2023Q2"), "2023", "Q2 2023"),
    ],
)
def test_dates_are_machine_readable(make_entry, make_document, date, datetime, shown):
    page = page_of(make_document([make_entry(date=date)]))
    (time,) = page.xpath("//article//time")

    assert (time.get("datetime"), time.text) == (datetime, shown)
    assert machine_date(date) == datetime


def test_source_links_are_clickable_and_open_safely(varied_document):
    links = page_of(varied_document).xpath("//article//a")

    assert [(a.get("href"), a.text, a.get("rel")) for a in links] == [
        ("https://www.state.gov/joint-statement/?id=7&lang=en", "Link", "noopener"),
        ("https://example.org/a_(b)%20c", "Fuente", "noopener"),
    ]


@pytest.mark.parametrize("url", [None, "javascript:alert(1)", "data:text/html,<b>x</b>"])
def test_no_link_without_a_linkable_url(make_entry, make_document, url):
    page = page_of(make_document([make_entry(url=url)]))

    assert page.xpath("//article//a") == []
    assert texts(page.xpath("//article//p[@class='entry-date']")) == ["April 2, 2023"]


def test_everything_from_the_database_is_escaped(make_entry, make_document):
    title = "<script>alert('x')</script> & <b>bold</b>"
    entry = make_entry(title=title, summary=('"quoted" <img src=x onerror=alert(1)>',))
    document = make_document([entry], organization="A & B <i>Center</i>", intro="<hr>")
    source = render_html(document).decode("utf-8")
    page = lxml_html.document_fromstring(source)

    assert "<script>" not in source and "<img" not in source and "<hr>" not in source
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;" in source
    assert page.xpath("//script|//img|//b|//i|//hr") == []
    assert texts(page.xpath("//main//h3")) == [f"1) {title}"]
    assert texts(page.xpath("//title")) == ["Report | April-June 2023 · A & B <i>Center</i>"]


def test_page_is_self_contained(varied_document):
    page = page_of(varied_document)

    assert page.xpath("//link|//script|//img|//iframe|//object|//@src") == []
    assert len(page.xpath("//head/style")) == 1
    style = page.xpath("//head/style")[0].text
    assert "url(" not in style and "@import" not in style
    internal_or_source = [a.get("href") for a in page.xpath("//a")]
    assert all(href.startswith(("#", "https://")) for href in internal_or_source)


def test_print_rules_keep_item_headers_with_their_text(varied_document):
    style = page_of(varied_document).xpath("//head/style")[0].text
    print_rules = style[style.index("@media print") :]

    assert re.search(r"\.entry-header\s*\{[^}]*break-inside:\s*avoid", print_rules)
    assert re.search(r"h3[^{]*\.entry-header\s*\{[^}]*break-after:\s*avoid", print_rules)
    assert 'counter(page) " of " counter(pages)' in style


def test_organization_and_intro_come_from_the_document(make_entry, make_document):
    document = make_document(
        [make_entry()],
        organization="Centro de Estudios Fronterizos",
        intro="Este informe trimestral reúne los eventos institucionales.",
    )
    page = page_of(document)

    assert texts(page.xpath("//header/p[@class='organization']")) == [
        "Centro de Estudios Fronterizos"
    ]
    assert page.xpath("//meta[@name='author']")[0].get("content") == (
        "Centro de Estudios Fronterizos"
    )
    assert texts(page.xpath("//header/p[@class='intro']")) == [document.intro]


def test_item_body_paragraphs_and_implications_in_order(varied_document):
    page = page_of(varied_document)
    first = varied_document.entries[0]
    (article,) = page.xpath("//article[@id='item-1']")

    assert texts(article.xpath("./p")) == [*first.summary, *first.implications]
    assert texts(article.xpath("./h4")) == ["Institutional Implications:"]
    assert page.get_element_by_id("item-1").get("aria-labelledby") == "item-1-title"


def test_a_truncated_item_says_so(varied_document):
    page = page_of(varied_document)

    assert texts(page.xpath("//article[@id='item-4']/p[@role='note']")) == [
        "This item is incomplete: its source text ends here."
    ]
    assert page.xpath("//article[@id='item-1']/p[@role='note']") == []


def test_accented_text_is_utf8(varied_document):
    data = render_html(varied_document)

    assert "Reunión del Diálogo Económico de Alto Nivel en Querétaro".encode() in data


def test_rendering_is_deterministic(varied_document):
    assert render_html(varied_document) == render_html(varied_document)


def test_context_is_labelled_between_summary_and_implications(make_entry, make_document):
    entry = make_entry(1, context=("Background <one> & “two”.", "More background."))
    page = page_of(make_document([entry]))
    (article,) = page.xpath("//article[@id='item-1']")
    assert texts(article.xpath("./h4")) == ["Institutional context:", "Institutional Implications:"]
    assert texts(article.xpath("./p")) == [
        *entry.summary, "Background <one> & “two”.", "More background.", *entry.implications,
    ]  # fmt: skip
    assert article.xpath("./h4[1]/@class") == ["context-heading"]


# A report longer than a quarter: the overview (inline SVG with its text alternative,
# tables), then quarters (h2), months (h3), items (h4).


def test_an_annual_report_shows_the_bars_as_inline_svg_with_alt_text(annual_document):
    page = render_html(annual_document).decode("utf-8")
    tree = lxml_html.fromstring(page)
    (svg,) = tree.xpath("//section[@id='overview']//figure/svg")
    assert svg.get("role") == "img"
    labelled = svg.get("aria-labelledby").split()
    assert tree.xpath(f"//*[@id='{labelled[0]}']")[0].text == "Events per month"
    assert tree.xpath(f"//*[@id='{labelled[1]}']")[0].text.startswith(
        "Events per month: January 2023: 1, February 2023: 0"
    )
    assert len(tree.xpath("//section[@id='overview']//table")) == 4
    assert tree.xpath("//section[@id='overview']//table[1]//tbody/tr[1]/th")[0].text == (
        "January 2023"
    )
    assert "USMCA | T-MEC &lt;Agreement&gt;" in page


def test_an_annual_report_nests_quarters_months_and_items(annual_document):
    tree = lxml_html.fromstring(render_html(annual_document))
    headings = [(h.tag, h.text_content()) for h in tree.xpath("//main//h2|//main//h3|//main//h4")]
    start = headings.index(("h2", "January-March 2023"))
    assert headings[start + 1 : start + 3] == [
        ("h3", "January"), ("h4", "1) North American Leaders' Summit in Mexico City"),
    ]  # fmt: skip
    assert ("h5", "Institutional Implications:") in [
        (h.tag, h.text_content()) for h in tree.xpath("//article//h5")
    ]
    toc = [a.get("href") for a in tree.xpath("//nav[@class='toc']//a")]
    assert toc[:3] == ["#overview", "#quarter-2023Q1", "#month-2023-01"]
    ids = tree.xpath("//@id")
    assert len(ids) == len(set(ids))


def test_the_logo_is_inline_beside_the_organization(sample_document, any_logo):
    from dataclasses import replace

    page = page_of(replace(sample_document, logo=any_logo))
    images = page.xpath("//img")
    assert len(images) == 1  # the logo, and nothing else
    organization = page.xpath("//header[@class='report-header']/p[@class='organization']")[0]
    assert images[0].getparent() is organization
    assert images[0].get("src") == any_logo.data_uri  # the file stays self-contained
    assert images[0].get("alt") == ""  # the name beside it says who it is
    assert " ".join(organization.text_content().split()) == sample_document.organization


def test_without_a_logo_there_is_no_image(sample_document):
    page = render_html(sample_document).decode("utf-8")
    assert "<img" not in page and "data:image" not in page and ".logo" not in page
