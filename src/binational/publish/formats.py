"""The one registry of report formats: name → how to render, which extension, which
media type. The CLI (``--format``), the web app (downloads) and the benchmark all
look formats up here.

Importing this module is cheap: Typst, python-docx and Jinja2 are imported by
the render functions on first use, not here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from binational.errors import UserError
from binational.publish.document import ReportDocument
from binational.publish.docx import render_docx
from binational.publish.html import render_html
from binational.publish.markdown import render_markdown
from binational.publish.pdf import render_pdf
from binational.publish.txt import render_txt


@dataclass(frozen=True)
class Renderer:
    """A report format: ``render`` turns a report into the file's bytes."""

    name: str
    extension: str  # with its dot: ".md"
    media_type: str
    render: Callable[[ReportDocument], bytes]

    def filename(self, stem: str) -> str:
        """'cbi-report-2023Q2' → 'cbi-report-2023Q2.md'."""
        return stem + self.extension


RENDERERS: Mapping[str, Renderer] = MappingProxyType(
    {
        renderer.name: renderer
        for renderer in (
            Renderer("md", ".md", "text/markdown; charset=utf-8", render_markdown),
            Renderer("txt", ".txt", "text/plain; charset=utf-8", render_txt),
            Renderer("html", ".html", "text/html; charset=utf-8", render_html),
            Renderer("pdf", ".pdf", "application/pdf", render_pdf),
            Renderer(
                "docx",
                ".docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                render_docx,
            ),
        )
    }
)


def get_renderer(name: str) -> Renderer:
    """The renderer for a format name (case and surrounding spaces ignored)."""
    key = name.strip().lower()
    try:
        return RENDERERS[key]
    except KeyError:
        valid = ", ".join(RENDERERS)
        raise UserError(f"Unknown report format {name!r}; choose one of {valid}.") from None
