"""The one registry of output formats: (document kind, format name) → how to render,
which extension, which media type. The CLI (``--format``), the web app (downloads)
and the benchmarks all look formats up here.

The rule: a renderer is found by the kind of document it renders and the format's
name. ``report`` (a ``ReportDocument``: any period, with its overview when longer
than a quarter) comes in md, txt, html, pdf and docx; ``scorecard`` (a
``ScorecardDocument``) in md, html, pdf and docx. ``RENDERERS`` is the report's
formats by name, as most callers want them.

Importing this module is cheap: Typst, python-docx and Jinja2 are imported by
the render functions on first use, not here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType
from typing import Any

from binational.errors import UserError
from binational.publish.docx import render_docx
from binational.publish.html import render_html
from binational.publish.markdown import render_markdown
from binational.publish.pdf import render_pdf
from binational.publish.scorecard_docx import render_scorecard_docx
from binational.publish.scorecard_html import render_scorecard_html
from binational.publish.scorecard_markdown import render_scorecard_markdown
from binational.publish.scorecard_pdf import render_scorecard_pdf
from binational.publish.txt import render_txt


class DocumentKind(StrEnum):
    REPORT = "report"
    SCORECARD = "scorecard"


MEDIA_TYPES = {
    "md": "text/markdown; charset=utf-8",
    "txt": "text/plain; charset=utf-8",
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


@dataclass(frozen=True)
class Renderer:
    """A format of a kind of document: ``render`` turns the document into the file's
    bytes."""

    name: str
    extension: str  # with its dot: ".md"
    media_type: str
    render: Callable[[Any], bytes]
    kind: DocumentKind = DocumentKind.REPORT

    def filename(self, stem: str) -> str:
        """'cbi-report-2023Q2' → 'cbi-report-2023Q2.md'."""
        return stem + self.extension


def _renderer(kind: DocumentKind, name: str, render: Callable[[Any], bytes]) -> Renderer:
    return Renderer(name, f".{name}", MEDIA_TYPES[name], render, kind)


FORMATS: Mapping[tuple[DocumentKind, str], Renderer] = MappingProxyType(
    {
        (renderer.kind, renderer.name): renderer
        for renderer in (
            _renderer(DocumentKind.REPORT, "md", render_markdown),
            _renderer(DocumentKind.REPORT, "txt", render_txt),
            _renderer(DocumentKind.REPORT, "html", render_html),
            _renderer(DocumentKind.REPORT, "pdf", render_pdf),
            _renderer(DocumentKind.REPORT, "docx", render_docx),
            _renderer(DocumentKind.SCORECARD, "md", render_scorecard_markdown),
            _renderer(DocumentKind.SCORECARD, "html", render_scorecard_html),
            _renderer(DocumentKind.SCORECARD, "pdf", render_scorecard_pdf),
            _renderer(DocumentKind.SCORECARD, "docx", render_scorecard_docx),
        )
    }
)

RENDERERS: Mapping[str, Renderer] = MappingProxyType(
    {name: renderer for (kind, name), renderer in FORMATS.items() if kind is DocumentKind.REPORT}
)


def formats_of(kind: DocumentKind) -> list[str]:
    """The format names of a kind of document, in the registry's order."""
    return [name for (found, name) in FORMATS if found is kind]


def get_renderer(name: str, kind: DocumentKind = DocumentKind.REPORT) -> Renderer:
    """The renderer for a format name of a kind of document (case and surrounding
    spaces ignored)."""
    key = name.strip().lower()
    try:
        return FORMATS[(kind, key)]
    except KeyError:
        valid = ", ".join(formats_of(kind))
        noun = "report" if kind is DocumentKind.REPORT else kind.value
        raise UserError(f"Unknown {noun} format {name!r}; choose one of {valid}.") from None
