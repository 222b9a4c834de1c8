"""The report as the data the PDF template reads (``templates/report.typ``).

The template receives the report only as JSON, never as Typst markup, so no text in
any field can run Typst code or change the layout. Everything the template prints is
decided here, as plain strings: the paragraphs (non-empty, each on one line), the date
line, whether an entry's URL is linked and with what text, the fixed labels.

Fields: ``title`` and ``author`` (the PDF's metadata), ``header``, ``organization``,
``language`` and ``region`` (of the text), ``intro`` (paragraphs), ``labels``, and
``months``: each a ``name`` and its ``entries``, each with ``number``, ``title``,
``date``, ``link`` (``null``, or ``url`` and ``text``, a ``null`` text showing the URL
itself), ``context``, ``summary``, ``implications`` (paragraphs) and ``truncated``.

A report longer than a quarter adds ``overview`` (``label``, ``summary``, ``bars``: a
picture's ``svg``, ``alt`` and ``width``, and ``tables``: each ``title``, ``columns``,
``rows``, ``note``, ``empty``) and ``quarters`` (each a ``name`` and its ``months``);
a quarter's report has neither key.

A report with the organization's logo adds ``logo``: its ``bytes`` (a list of byte
values, which Typst turns back into bytes: ``sys.inputs`` holds only text), ``format``
(``png``, ``jpg`` or ``svg``) and ``alt``; a report without one has no such key.
"""

from __future__ import annotations

import json
import re
from typing import Any

from binational.publish.document import MonthSection, ReportDocument, ReportEntry
from binational.publish.links import link_target
from binational.publish.logo import Logo
from binational.publish.overview import Overview
from binational.publish.overview_rows import Table, overview_tables, summary_sentence
from binational.publish.pictures import Picture
from binational.publish.pictures.bars import month_bars
from binational.publish.wording import (
    IMPLICATIONS_LABEL,
    OVERVIEW_LABEL,
    TRUNCATED_NOTE,
    paragraphs,
    single_line,
)

# The 2022 layout's label for an item's background, printed before its summary. The
# other renderers print context in the intake work; the label moves to wording.py
# when they share it.
CONTEXT_LABEL = "Institutional context:"
PAGE_LABEL = "Page"  # "Page 3 of 12"
OF_LABEL = "of"

# A str may hold UTF-16 surrogates that are not part of a character (from a bad
# decode); they cannot be encoded as UTF-8 and so cannot reach the compiler.
_SURROGATE = re.compile("[\ud800-\udfff]")


def text_language(language: str) -> tuple[str, str | None]:
    """A language tag ('es', 'en-US', 'es_MX') as Typst's text language and region;
    English for a tag Typst cannot take (it wants two or three letters)."""
    found = re.fullmatch(r"([A-Za-z]{2,3})(?:[-_]([A-Za-z]{2}))?(?:[-_].*)?", language.strip())
    if not found:
        return "en", None
    region = found.group(2)
    return found.group(1).lower(), region.upper() if region else None


def link_data(entry: ReportEntry) -> dict[str, str | None] | None:
    """The entry's hyperlink: its URL if it may be linked (``links.link_target``) and the
    text to show, ``None`` for "show the URL"."""
    url = link_target(entry)
    if url is None:
        return None
    return {"url": url, "text": entry.link_text or None}


def entry_data(entry: ReportEntry) -> dict[str, Any]:
    return {
        "number": entry.number,
        "title": " ".join(entry.title.split()),
        "date": entry.date_line,
        "link": link_data(entry),
        "context": list(paragraphs(entry.context)),
        "summary": list(paragraphs(entry.summary)),
        "implications": list(paragraphs(entry.implications)),
        "truncated": entry.truncated,
    }


def month_data(section: MonthSection) -> dict[str, Any]:
    return {"name": section.name, "entries": [entry_data(entry) for entry in section.entries]}


def breakable(text: str) -> str:
    """A URL in a narrow table cell may break after its slashes (a zero-width space
    there); other text is left alone."""
    if "://" not in text:
        return text
    return re.sub(r"(?<=[/?&])(?=[^/])", "\u200b", text)


def picture_data(picture: Picture) -> dict[str, Any]:
    return {"svg": picture.svg, "alt": picture.alt, "width": picture.width}


def table_data(table: Table) -> dict[str, Any]:
    return {
        "title": table.title,
        "columns": list(table.columns),
        "rows": [[breakable(single_line(cell)) for cell in row] for row in table.rows],
        "note": table.note,
        "empty": table.empty,
    }


def overview_data(overview: Overview, doc: ReportDocument) -> dict[str, Any]:
    return {
        "label": OVERVIEW_LABEL,
        "summary": summary_sentence(overview, doc.period),
        "bars": picture_data(month_bars(overview.month_rows)),
        "tables": [table_data(table) for table in overview_tables(overview)],
    }


def report_data(doc: ReportDocument) -> dict[str, Any]:
    """The document as the template's data (see the module docstring)."""
    data = report_core(doc)
    if doc.overview is not None:
        data["overview"] = overview_data(doc.overview, doc)
        data["quarters"] = [
            {"name": group.heading, "months": [month_data(s) for s in group.sections]}
            for group in doc.quarter_groups
        ]
    return data


def logo_data(logo: Logo, organization: str) -> dict[str, Any]:
    """The logo as the templates' ``organization-line`` reads it; its text alternative
    is the organization's name (PDF/UA wants one on every image)."""
    return {"bytes": list(logo.data), "format": logo.format, "alt": single_line(organization)}


def with_logo(data: dict[str, Any], logo: Logo | None, organization: str) -> dict[str, Any]:
    """``data`` with a ``logo`` key when there is a logo; unchanged when there is none."""
    return data if logo is None else data | {"logo": logo_data(logo, organization)}


def report_core(doc: ReportDocument) -> dict[str, Any]:
    """What every report has: metadata, header, intro, labels, months, and the logo
    when there is one."""
    return with_logo(report_fields(doc), doc.logo, doc.organization)


def report_fields(doc: ReportDocument) -> dict[str, Any]:
    return {
        "title": f"{doc.header} · {doc.organization}",
        "author": doc.organization,
        "header": doc.header,
        "organization": doc.organization,
        "language": text_language(doc.language)[0],
        "region": text_language(doc.language)[1],
        "intro": list(paragraphs((doc.intro,))),
        "labels": {
            "context": CONTEXT_LABEL,
            "implications": IMPLICATIONS_LABEL,
            "truncated": TRUNCATED_NOTE,
            "page": PAGE_LABEL,
            "of": OF_LABEL,
        },
        "months": [month_data(section) for section in doc.sections],
    }


def typst_json(data: Any) -> str:
    """``data`` as a JSON string that can be passed to the compiler."""
    return _SURROGATE.sub("\ufffd", json.dumps(data, ensure_ascii=False))


def report_json(doc: ReportDocument) -> str:
    """``report_data(doc)`` as a JSON string that can be passed to the compiler."""
    return typst_json(report_data(doc))
