"""The scorecard in Markdown: method first, a table per category whose marks link to
the evidence, the evidence with source links; text from the data escaped."""

from __future__ import annotations

from html import escape

from markdown_it import MarkdownIt
from tests.publish.conftest import SPECIAL_TITLE, STATE_URL

from binational.publish.scorecard_markdown import render_scorecard_markdown


def rendered(document) -> str:
    return render_scorecard_markdown(document).decode("utf-8")


def test_method_before_the_tables_and_evidence_last(scorecard_document):
    text = rendered(scorecard_document)
    order = [text.index(part) for part in (
        "# Scorecard | 2023", "## How to read this scorecard", "### What each mark means",
        "### The data's coverage", "## Organizations", "## Dialogue mechanisms", "## Evidence",
    )]  # fmt: skip
    assert order == sorted(order)


def test_marks_link_to_their_evidence(scorecard_document):
    html = MarkdownIt("commonmark").enable("table").render(rendered(scorecard_document))
    assert '<a href="#evidence-hled">no cadence</a>' in html
    assert '<a id="evidence-hled"></a>' in html
    assert html.count("<table>") == 2


def test_data_is_escaped_and_bad_urls_are_not_links(scorecard_document):
    text = rendered(scorecard_document)
    html = MarkdownIt("commonmark").render(text)
    assert "<script>" not in html and "javascript:" not in text
    # the title reads back exactly: no emphasis, no link, no raw HTML
    assert f"2023-01-10 — {escape(SPECIAL_TITLE, quote=False)} (event 20)" in html
    assert f"[source]({STATE_URL})" in text


def test_in_spanish(scorecard_document_es):
    text = rendered(scorecard_document_es)
    assert text.startswith("# Tablero de evaluación | 2023")
    assert "## Cómo leer este tablero" in text and "## Evidencia" in text
