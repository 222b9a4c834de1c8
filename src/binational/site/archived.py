"""An archived response turned into the text an archived-copy page shows: its title
and paragraphs, nothing that could load from elsewhere (no scripts, styles, images
or frames), so the page is self-contained.

The text is extracted once, when the copy is archived (ingestion stores its
extraction with the document; ``binational archive fetch`` with the citation), so a
build never parses archived HTML again.
"""

from __future__ import annotations

from dataclasses import dataclass

from binational.language import function_word_guess


@dataclass(frozen=True)
class ArchivedText:
    title: str
    paragraphs: tuple[str, ...]
    lang: str


def archived_text(title: str, text: str) -> ArchivedText:
    """The page's view of a stored extraction: paragraphs, and the language its words say."""
    paragraphs = tuple(line.strip() for line in text.split("\n") if line.strip())
    if paragraphs and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    lang = function_word_guess(" ".join(paragraphs)[:600]) or "en"
    return ArchivedText(title, paragraphs, lang)


def readable_text(body: bytes, content_type: str, url: str) -> tuple[str, str]:
    """(title, text) of an archived body: trafilatura's extraction for HTML (the
    extractor ingestion uses), the body itself for plain text, nothing for other
    types (a PDF's copy is kept in the archive but has no text page)."""
    kind = content_type.split(";")[0].strip().lower()
    if kind == "text/plain":
        return "", body.decode("utf-8", "replace")
    if kind not in ("text/html", "application/xhtml+xml", "") or not body:
        return "", ""
    from trafilatura import bare_extraction

    try:
        result = bare_extraction(body, url=url, include_comments=False, favor_recall=True)
    except (ValueError, TypeError):
        return "", ""
    if result is None:
        return "", ""
    return (result.title or "").strip(), (result.text or "").strip()
