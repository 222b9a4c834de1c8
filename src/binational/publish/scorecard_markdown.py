"""The scorecard in Markdown: title, marks, method and coverage, one table per
category (each mark links to the institution's evidence), then the evidence. The
grids are pictures: they are in the HTML, PDF and Word files; here the tables carry
the same numbers. Text from the data is escaped as in the report (``markdown.py``)."""

from __future__ import annotations

from collections.abc import Iterator

from binational.publish.links import linkable_url
from binational.publish.markdown import escape_markdown, link_destination, table_cell
from binational.publish.scorecard_document import EventLink, ScorecardDocument, StatusStep
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
    summary_line,
    table_row,
    title,
)
from binational.publish.scorecard_words import period_label, word


def safe_url(url: str | None) -> str | None:
    """A source URL that may be linked, made safe inside Markdown's ``( )``; else None."""
    linked = linkable_url(url)
    return link_destination(linked) if linked else None


def event_item(event: EventLink, language: str) -> str:
    line = f"- {escape_markdown(event_text(event, language))}"
    url = safe_url(event.url)
    return line + (f" [{word('source', language)}]({url})" if url else "")


def step_item(step: StatusStep, language: str) -> str:
    line = f"- {escape_markdown(step_text(step, language))}"
    url = safe_url(step.source)
    return line + (f" [{word('source', language)}]({url})" if url else "")


def scorecard_blocks(document: ScorecardDocument) -> Iterator[str]:
    language = document.language
    yield f"# {escape_markdown(title(document))}"
    yield f"{escape_markdown(document.organization)} · {escape_markdown(as_of_line(document))}"
    yield f"**{word('summary', language)}:** {escape_markdown(summary_line(document))}"
    yield f"## {word('method', language)}"
    yield from (escape_markdown(text) for text in method_paragraphs(document))
    yield f"### {word('marks_heading', language)}"
    yield "\n".join(
        f"- **{escape_markdown(name)}**: {escape_markdown(meaning)}"
        for _, name, meaning in mark_meanings(document)
    )
    yield f"### {word('coverage', language)}"
    yield from (escape_markdown(text) for text in coverage_paragraphs(document))
    for part in category_parts(document):
        yield f"## {escape_markdown(part.heading)}"
        lines = ["| " + " | ".join(columns(document)) + " |", "|---" * 7 + "|"]
        for row in part.rows:
            cells = [table_cell(cell) for cell in table_row(row, document)]
            cells[5] = f"[{cells[5]}](#{anchor(row)})"
            lines.append("| " + " | ".join(cells) + " |")
        yield "\n".join(lines)
    yield f"## {word('evidence', language)}"
    for found in evidence(document):
        yield f'### <a id="{anchor(found.row)}"></a>{escape_markdown(found.heading)}'
        yield escape_markdown(found.reason)
        if found.rests_on_events or found.rests_on_steps:
            items = [event_item(event, language) for event in found.rests_on_events]
            items += [step_item(step, language) for step in found.rests_on_steps]
            yield f"*{word('mark_rests_on', language)}:*\n" + "\n".join(items)
        if found.period_events:
            heading = word("events_in", language, period=period_label(document.period, language))
            events = "\n".join(event_item(event, language) for event in found.period_events)
            yield f"*{escape_markdown(heading)}:*\n{events}"


def render_scorecard_markdown(document: ScorecardDocument) -> bytes:
    return ("\n\n".join(scorecard_blocks(document)) + "\n").encode("utf-8")
