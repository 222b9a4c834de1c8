"""An archived response turned into the text an archived-copy page shows: its title
and paragraphs, nothing that could load from elsewhere (no scripts, styles, images
or frames), so the page is self-contained."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from binational.ingest.archive import ArchiveLocation, read_response
from binational.language import function_word_guess


@dataclass(frozen=True)
class ArchivedText:
    title: str
    paragraphs: tuple[str, ...]
    lang: str


def readable_text(body: bytes, content_type: str, url: str) -> ArchivedText:
    """The main text of an archived body: trafilatura's extraction for HTML (the
    extractor ingestion uses), the body itself for plain text."""
    kind = content_type.split(";")[0].strip().lower()
    title, text = "", ""
    if kind.startswith("text/plain"):
        text = body.decode("utf-8", "replace")
    elif body:
        from trafilatura import bare_extraction

        try:
            result = bare_extraction(body, url=url, include_comments=False, favor_recall=True)
        except (ValueError, TypeError):
            result = None
        if result is not None:
            title = (result.title or "").strip()
            text = (result.text or "").strip()
    paragraphs = tuple(line.strip() for line in text.split("\n") if line.strip())
    if paragraphs and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    lang = function_word_guess(" ".join(paragraphs)[:600]) or "en"
    return ArchivedText(title, paragraphs, lang)


def read_archived_text(
    archive_dir: str | Path, file: str, offset: int, length: int
) -> ArchivedText:
    """The readable text of the WARC record at ``file``/``offset``; empty if the
    record is gone."""
    try:
        response = read_response(archive_dir, ArchiveLocation(file, offset, length))
    except (OSError, ValueError):
        return ArchivedText("", (), "en")
    content_type = next(
        (value for name, value in response.headers if name.lower() == "content-type"), ""
    )
    return readable_text(response.body, content_type, response.url)
