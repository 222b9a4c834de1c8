"""The scorecard as a Word file: the grids as pictures with alt text, tables whose
marks are links to bookmarks on the evidence headings, the same bytes twice."""

from __future__ import annotations

import io
import zipfile

import docx

from binational.publish.scorecard_docx import render_scorecard_docx


def test_grids_tables_and_internal_links(scorecard_document):
    data = render_scorecard_docx(scorecard_document)
    word = docx.Document(io.BytesIO(data))
    assert word.paragraphs[0].text == "Scorecard | 2023"
    assert len(word.inline_shapes) == 2
    assert word.inline_shapes[0]._inline.docPr.get("descr").startswith("Continuity grid of")
    assert len(word.tables) == 2
    assert len(word.tables[1].rows) == 1 + sum(
        1 for row in scorecard_document.rows if row.category == "dialogue_mechanism"
    )
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")
    anchors = set(__import__("re").findall(r'w:anchor="([^"]+)"', xml))
    bookmarks = set(__import__("re").findall(r'w:bookmarkStart w:id="\d+" w:name="([^"]+)"', xml))
    assert len(anchors) == len(scorecard_document.rows) and anchors <= bookmarks
    assert "javascript:" not in xml


def test_same_bytes_twice(scorecard_document):
    assert render_scorecard_docx(scorecard_document) == render_scorecard_docx(scorecard_document)


def test_the_logo_is_a_picture_before_the_organization(scorecard_document, any_logo):
    from dataclasses import replace

    word = docx.Document(io.BytesIO(render_scorecard_docx(replace(scorecard_document,
                                                                  logo=any_logo))))  # fmt: skip
    subtitle = word.paragraphs[1]
    assert subtitle.style.name == "Subtitle"
    assert subtitle.text.strip().startswith(scorecard_document.organization)
    assert subtitle._p.xpath("./w:r[1]/w:drawing")
    assert len(word.inline_shapes) == 3  # the logo and the two grids
    assert word.inline_shapes[0]._inline.docPr.get("descr") == scorecard_document.organization
