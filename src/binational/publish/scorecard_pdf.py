"""The scorecard as PDF: ``templates/scorecard.typ`` laid out by Typst, with the
report's page, headings, pictures and tables (``report.typ``), tagged PDF/UA-1 like the
report (see ``pdf.py``).

The template receives the scorecard as JSON data, never as markup. Fields: ``title``,
``author``, ``header``, ``organization``, ``language``, ``region``, ``as_of``,
``labels`` (fixed words), ``summary`` (each mark's ``word``, ``colour``, ``count``),
``method`` and ``coverage`` (paragraphs), ``meanings`` (``word``, ``colour``,
``text``), ``columns``, ``parts`` (``heading``, ``grid``: a picture's ``svg``, ``alt``,
``width``; ``rows``: ``cells``, ``anchor``, ``colour``) and ``evidence`` (``anchor``,
``heading``, ``reason``, ``rests_on`` and ``events``: items of ``text`` and ``url``),
and ``logo`` when the organization has one (as the report's: ``pdf_data.logo_data``).
"""

from __future__ import annotations

import logging
from typing import Any, cast

from binational.publish.links import linkable_url
from binational.publish.pdf import PDF_STANDARDS, TEMPLATES
from binational.publish.pdf_data import (
    OF_LABEL,
    PAGE_LABEL,
    picture_data,
    text_language,
    typst_json,
    with_logo,
)
from binational.publish.scorecard_document import (
    MARK_COLOURS,
    MARK_ORDER,
    EventLink,
    ScorecardDocument,
    StatusStep,
)
from binational.publish.scorecard_method import (
    coverage_paragraphs,
    mark_meanings,
    method_paragraphs,
)
from binational.publish.scorecard_rows import (
    anchor,
    as_of_line,
    category_parts,
    columns,
    event_text,
    evidence,
    step_text,
    table_row,
    title,
)
from binational.publish.scorecard_words import mark_word, period_label, word

TEMPLATE = TEMPLATES / "scorecard.typ"
PAGE_LABELS = {"en": (PAGE_LABEL, OF_LABEL), "es": ("Página", "de")}

log = logging.getLogger(__name__)


def item(text: str, url: str | None) -> dict[str, Any]:
    return {"text": " ".join(text.split()), "url": linkable_url(url)}


def event_item(event: EventLink, language: str) -> dict[str, Any]:
    return item(event_text(event, language), event.url)


def step_item(step: StatusStep, language: str) -> dict[str, Any]:
    return item(step_text(step, language), step.source)


def scorecard_data(document: ScorecardDocument) -> dict[str, Any]:
    return with_logo(scorecard_fields(document), document.logo, document.organization)


def scorecard_fields(document: ScorecardDocument) -> dict[str, Any]:
    language = document.language
    page, of = PAGE_LABELS.get(language, PAGE_LABELS["en"])
    header = title(document)
    return {
        "title": f"{header} · {document.organization}",
        "author": document.organization,
        "header": header,
        "organization": document.organization,
        "language": text_language(language)[0],
        "region": text_language(language)[1],
        "as_of": as_of_line(document),
        "labels": {
            key: word(key, language)
            for key in (
                "summary",
                "method",
                "marks_heading",
                "coverage",
                "evidence",
                "mark_rests_on",
            )
        }
        | {
            "events_in": word(
                "events_in", language, period=period_label(document.period, language)
            ),
            "page": page,
            "of": of,
        },  # fmt: skip
        "summary": [
            {
                "word": mark_word(mark, language),
                "colour": MARK_COLOURS[mark],
                "count": document.count(mark),
            }
            for mark in MARK_ORDER
        ],  # fmt: skip
        "method": method_paragraphs(document),
        "meanings": [
            {"word": name, "colour": MARK_COLOURS[mark], "text": meaning}
            for mark, name, meaning in mark_meanings(document)
        ],
        "coverage": coverage_paragraphs(document),
        "columns": list(columns(document)),
        "parts": [
            {
                "heading": part.heading,
                "grid": picture_data(part.grid),
                "rows": [
                    {
                        "cells": list(table_row(row, document)),
                        "anchor": anchor(row),
                        "colour": MARK_COLOURS[row.mark],
                    }
                    for row in part.rows
                ],  # fmt: skip
            }
            for part in category_parts(document)
        ],
        "evidence": [
            {
                "anchor": anchor(found.row),
                "heading": found.heading,
                "reason": found.reason,
                "rests_on": [event_item(e, language) for e in found.rests_on_events]
                + [step_item(s, language) for s in found.rests_on_steps],
                "events": [event_item(e, language) for e in found.period_events],
            }
            for found in evidence(document)
        ],
    }


def render_scorecard_pdf(document: ScorecardDocument) -> bytes:
    """The scorecard as PDF bytes (the same document gives the same bytes)."""
    import typst

    data = typst_json(scorecard_data(document))
    pdf, warnings = typst.compile_with_warnings(
        TEMPLATE, root=TEMPLATES, sys_inputs={"scorecard": data},
        pdf_standards=list(PDF_STANDARDS),
    )  # fmt: skip
    for message in dict.fromkeys(warning.message for warning in warnings):
        log.warning("PDF layout: %s", message)
    return cast(bytes, pdf)
