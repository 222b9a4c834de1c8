"""The scorecard as one self-contained HTML page (inline CSS, inline SVG grids with
their text alternative): title and marks, the method and the coverage first, then per
category the continuity grid and the table, each mark linking to the institution's
evidence. Text from the data is escaped by the template's autoescape; an event's
title links to its source when that is a web address."""

from __future__ import annotations

from markupsafe import Markup, escape

from binational.publish.links import linkable_url
from binational.publish.scorecard_document import EventLink, ScorecardDocument
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
    evidence,
    step_text,
    table_row,
    title,
)
from binational.publish.scorecard_words import period_label, word
from binational.publish.templating import template_environment

TEMPLATE_NAME = "scorecard.html.j2"


def event_item(event: EventLink, language: str) -> Markup:
    """'2023-09-29 — <a href=source>Title</a> (event 12)', escaped."""
    text = escape(" ".join(event.title.split()))
    url = linkable_url(event.url)
    if url:
        text = Markup('<a href="{}" rel="noopener">{}</a>').format(url, text)
    return Markup("{} — {} ({})").format(event.date, text, word("event_n", language, id=event.id))


def render_scorecard_html_text(document: ScorecardDocument) -> str:
    language = document.language
    template = template_environment().get_template(TEMPLATE_NAME)
    return template.render(
        doc=document,
        title=title(document),
        as_of=as_of_line(document),
        method=method_paragraphs(document),
        meanings=mark_meanings(document),
        coverage=coverage_paragraphs(document),
        parts=list(category_parts(document)),
        columns=columns(document),
        evidence=list(evidence(document)),
        events_heading=word("events_in", language, period=period_label(document.period, language)),
        w=lambda key, **values: word(key, language, **values),
        table_row=table_row,
        anchor=anchor,
        step_text=step_text,
        web_url=linkable_url,
        event_item=lambda event: event_item(event, language),
    )


def render_scorecard_html(document: ScorecardDocument) -> bytes:
    return render_scorecard_html_text(document).encode("utf-8")
