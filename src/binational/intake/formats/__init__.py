"""Text out of a report file, by format: .txt, .md, .html, .docx, .pdf.

``extract_lines`` picks the extractor by the file's extension, checks that the bytes
are of that kind, and returns the ``TextLine`` values the layout parsers read. Any
failure inside a third-party reader (a broken zip, a damaged PDF) becomes one
sentence naming the file: a report file is untrusted input.
"""

from __future__ import annotations

from collections.abc import Callable

from binational.errors import UserError
from binational.intake.extracted import TextLine
from binational.intake.parsed import ReportFormatError

Extractor = Callable[[bytes, str], list[TextLine]]


def _text(data: bytes, name: str) -> list[TextLine]:
    from binational.intake.formats.text import extract_text

    return extract_text(data, name)


def _markdown(data: bytes, name: str) -> list[TextLine]:
    from binational.intake.formats.markdown import extract_markdown

    return extract_markdown(data, name)


def _html(data: bytes, name: str) -> list[TextLine]:
    from binational.intake.formats.html import extract_html

    return extract_html(data, name)


def _docx(data: bytes, name: str) -> list[TextLine]:
    from binational.intake.formats.docx import extract_docx

    return extract_docx(data, name)


def _pdf(data: bytes, name: str) -> list[TextLine]:
    from binational.intake.formats.pdf import extract_pdf

    return extract_pdf(data, name)


EXTRACTORS: dict[str, tuple[str, Extractor]] = {
    ".txt": ("txt", _text),
    ".text": ("txt", _text),
    ".md": ("md", _markdown),
    ".markdown": ("md", _markdown),
    ".html": ("html", _html),
    ".htm": ("html", _html),
    ".docx": ("docx", _docx),
    ".pdf": ("pdf", _pdf),
}


# Formats whose reader does Python work for every markup character get a lower bound
# than the importer's: on adversarial input markdown-it-py's time per character grows
# (a megabyte of '[' takes seconds), and the HTML walk costs per element. The center's
# reports are tens of kilobytes in these formats.
MAX_BYTES = {"md": 1024 * 1024, "html": 8 * 1024 * 1024}


def format_of(suffix: str, name: str) -> str:
    """'txt', 'md', 'html', 'docx' or 'pdf' for a file extension."""
    try:
        return EXTRACTORS[suffix.lower()][0]
    except KeyError:
        raise UserError(
            f"{name} is a {suffix or 'extensionless'} file; binational imports reports in "
            ".txt, .md, .html, .docx and .pdf files"
        ) from None


def extract_lines(data: bytes, name: str, suffix: str) -> list[TextLine]:
    """The text of a report file as lines; one sentence naming the file when the file
    cannot be read as its extension says."""
    kind = format_of(suffix, name)
    if not data.strip():
        raise ReportFormatError(f"{name} is empty")
    if len(data) > MAX_BYTES.get(kind, len(data)):
        raise ReportFormatError(
            f"{name} is {len(data) / 2**20:.1f} MB; binational reads {kind} reports of up to "
            f"{MAX_BYTES[kind] / 2**20:.0f} MB"
        )
    extractor = EXTRACTORS[suffix.lower()][1]
    try:
        return extractor(data, name)
    except UserError:
        raise
    except RecursionError:
        raise ReportFormatError(f"{name} is nested too deeply to be read") from None
    except MemoryError:
        raise ReportFormatError(f"{name} is too large to be read") from None
    except Exception as error:  # noqa: BLE001 - a damaged file breaks readers in many ways
        raise ReportFormatError(
            f"{name} cannot be read as a {kind.upper()} file ({type(error).__name__}); check "
            "that it opens, and save it again"
        ) from None
