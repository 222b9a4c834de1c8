"""The scorecard as one HTML page: it opens with the method and the grid, the grids are
inline SVG with their text alternative, marks link to evidence, data is escaped."""

from __future__ import annotations

from lxml import html as lxml_html

from binational.publish.scorecard_html import render_scorecard_html


def tree_of(document):
    return lxml_html.fromstring(render_scorecard_html(document))


def test_opens_with_the_method_then_the_grids(scorecard_document):
    tree = tree_of(scorecard_document)
    sections = [s.get("id") for s in tree.xpath("//main/section")]
    assert sections == ["method", "category-organization", "category-dialogue_mechanism",
                        "evidence"]  # fmt: skip
    first_part = tree.xpath("//main/section[2]")[0]
    assert first_part.xpath("./*")[1].tag == "figure"  # the grid before the table
    svg = first_part.xpath(".//figure/svg")[0]
    title_id, desc_id = svg.get("aria-labelledby").split()
    assert tree.xpath(f"//*[@id='{desc_id}']")[0].text.startswith("Continuity grid of")


def test_every_mark_links_to_an_existing_evidence_section(scorecard_document):
    tree = tree_of(scorecard_document)
    links = tree.xpath("//table[@class='scorecard-table']//a[contains(@class, 'mark')]")
    assert len(links) == len(scorecard_document.rows)
    ids = set(tree.xpath("//@id"))
    assert all(link.get("href")[1:] in ids for link in links)
    assert len(tree.xpath("//@id")) == len(ids)


def test_data_is_escaped_and_only_web_links(scorecard_document):
    page = render_scorecard_html(scorecard_document).decode("utf-8")
    assert "<script>alert" not in page and "javascript:" not in page
    assert "Fees &amp; &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page
    tree = lxml_html.fromstring(page)
    hrefs = [a.get("href") for a in tree.xpath("//a")]
    assert all(h.startswith(("#", "https://", "http://")) for h in hrefs)


def test_in_spanish(scorecard_document_es):
    tree = tree_of(scorecard_document_es)
    assert tree.get("lang") == "es"
    assert tree.xpath("//h1")[0].text == "Tablero de evaluación | 2023"


def test_the_logo_is_inline_beside_the_organization(scorecard_document, png_logo):
    from dataclasses import replace

    tree = tree_of(replace(scorecard_document, logo=png_logo))
    logo = tree.xpath("//header/p[@class='organization']/img[@class='logo']")
    assert len(logo) == 1 and logo[0].get("src") == png_logo.data_uri
    assert not tree_of(scorecard_document).xpath("//img")
