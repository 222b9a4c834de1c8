"""The 2022 newsletter sample, its expected parse, and the same newsletter written as
Markdown, HTML, Word and PDF files (with the source links behind "Learn more" that the
plain-text copy lost), so that every extractor is tried on a layout binational does
not write itself."""

from __future__ import annotations

import html
import json
from pathlib import Path

import pytest
from tests.conftest import ROOT

NEWSLETTER = ROOT / "data" / "samples" / "cbi-newsletter-2022-q4-excerpt.txt"
NEWSLETTER_EXPECTED = ROOT / "data" / "samples" / "cbi-newsletter-2022-q4-excerpt.expected.json"
# Where "Learn more" points in the formats that keep hyperlinks (made up for the test).
NEWSLETTER_URLS = {
    1: "https://www.gob.mx/sre/prensa/otay-ii-border-crossing",
    2: "https://travel.state.gov/consular-dialogue-2022?lang=en&x=1",
}
FORMATS = ("txt", "md", "html", "docx", "pdf")


def newsletter_paragraphs() -> list[str]:
    """The sample's non-blank lines, stripped (bullets kept)."""
    text = NEWSLETTER.read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip()]


def _item_number(paragraph: str) -> int | None:
    head = paragraph.split(")", 1)[0]
    return int(head) if head.isdigit() else None


def _linked(paragraph: str) -> tuple[str, str | None]:
    """('1) Title (10.24.22) ', url) for an item line ending in 'Learn more'."""
    number = _item_number(paragraph)
    if number in NEWSLETTER_URLS and paragraph.endswith("Learn more"):
        return paragraph[: -len("Learn more")], NEWSLETTER_URLS[number]
    return paragraph, None


def newsletter_markdown() -> bytes:
    blocks = []
    for paragraph in newsletter_paragraphs():
        before, url = _linked(paragraph)
        if paragraph.startswith("REPORT"):
            blocks.append(f"# {paragraph}")
        elif url:
            blocks.append(f"{before}[Learn more]({url})")
        else:
            blocks.append(paragraph)
    return ("\n\n".join(blocks) + "\n").encode("utf-8")


def newsletter_html() -> bytes:
    body = []
    for paragraph in newsletter_paragraphs():
        before, url = _linked(paragraph)
        if paragraph.startswith("REPORT"):
            body.append(f"<h1>{html.escape(paragraph)}</h1>")
        elif url:
            body.append(
                f'<p><strong>{html.escape(before)}</strong><a href="{html.escape(url)}">'
                "Learn more</a></p>"
            )
        elif paragraph.startswith("•"):
            body.append(f"<ul><li>{html.escape(paragraph.lstrip('• '))}</li></ul>")
        else:
            body.append(f"<p>{html.escape(paragraph)}</p>")
    page = (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Newsletter</title>'
        "<style>body { font-family: serif; margin: 2cm; } li { margin: 0.5em 0; }</style>"
        "</head><body><nav><a href='#'>Home</a></nav><main>"
        + "\n".join(body)
        + "</main></body></html>"
    )
    return page.encode("utf-8")


def newsletter_docx() -> bytes:
    from docx import Document

    from binational.publish.docx_parts import add_hyperlink, add_run, save_reproducibly

    document = Document()
    for paragraph in newsletter_paragraphs():
        before, url = _linked(paragraph)
        if paragraph.startswith("•"):
            document.add_paragraph(paragraph.lstrip("• "), style="List Bullet")
            continue
        element = document.add_paragraph()._p
        add_run(element, before)
        if url:
            add_hyperlink(element, document.part, url, "Learn more")
    return save_reproducibly(document)


def newsletter_pdf() -> bytes:
    from weasyprint import HTML

    return HTML(string=newsletter_html().decode("utf-8")).write_pdf()


def newsletter_bytes(fmt: str) -> bytes:
    if fmt == "txt":
        return NEWSLETTER.read_bytes()
    return {
        "md": newsletter_markdown,
        "html": newsletter_html,
        "docx": newsletter_docx,
        "pdf": newsletter_pdf,
    }[fmt]()


@pytest.fixture(scope="session")
def newsletter_expected() -> dict:
    return json.loads(NEWSLETTER_EXPECTED.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def newsletter_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The newsletter in each of the five formats, written once per session."""
    folder = tmp_path_factory.mktemp("newsletter")
    files = {}
    for fmt in FORMATS:
        path = folder / f"cbi-newsletter-2022-q4.{fmt}"
        path.write_bytes(newsletter_bytes(fmt))
        files[fmt] = path
    return files
