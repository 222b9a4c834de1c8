"""Text, title and publication date of an HTML page (trafilatura, htmldate). Pure:
bytes in, a frozen ``Extraction`` out.

The trafilatura settings live in one ``ExtractionOptions`` value made once per run.
A date found in the page's own markup (meta tags, ``<time>``, the URL's date path) is
*stated*; a date htmldate only guesses from the page's text is *inferred*.
"""

from __future__ import annotations

import datetime as dt
from copy import copy
from dataclasses import dataclass
from typing import Any

MIN_TEXT_CHARS = 80


@dataclass(frozen=True)
class ExtractionOptions:
    """The trafilatura ``Extractor`` and the limits of an extraction."""

    extractor: Any
    min_text_chars: int = MIN_TEXT_CHARS

    @classmethod
    def default(cls, today: dt.date | None = None) -> ExtractionOptions:
        from trafilatura.settings import Extractor

        latest = (today or dt.date.today()) + dt.timedelta(days=2)
        extractor = Extractor(
            output_format="python",
            comments=False,
            tables=True,
            with_metadata=True,
            date_params={
                "extensive_search": False,
                "original_date": True,
                "max_date": latest.isoformat(),
            },
        )
        return cls(extractor)


@dataclass(frozen=True)
class Extraction:
    title: str
    text: str
    published: dt.date | None
    published_stated: bool
    declared_language: str | None
    description: str


def _parse_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _declared_language(tree: Any) -> str | None:
    lang = tree.get("lang") if tree is not None else None
    if not lang:
        for meta in tree.iterfind(".//meta[@http-equiv]") if tree is not None else ():
            if meta.get("http-equiv", "").lower() == "content-language":
                lang = meta.get("content")
                break
    return lang.strip() or None if lang else None


def parse_html(html: bytes | str) -> Any:
    """An lxml tree of a page (None when it cannot be parsed)."""
    from trafilatura.utils import load_html

    return load_html(html)


def extract_page(html: bytes | str, url: str, options: ExtractionOptions) -> Extraction | None:
    """What an article page says; None when it has too little text to be one."""
    from trafilatura import bare_extraction

    tree = parse_html(html)
    if tree is None:
        return None
    declared = _declared_language(tree)
    extractor = copy(options.extractor)  # the shared options stay untouched
    extractor.url = extractor.source = url
    result = bare_extraction(tree, options=extractor)
    if result is None:
        return None
    title = (result.title or "").strip()
    text = _without_heading(title, (result.text or "").strip())
    if len(text) < options.min_text_chars:
        return None
    published = _parse_date(result.date)
    stated = published is not None
    if published is None:
        published = _guess_date(tree, url)
    return Extraction(
        title=title,
        text=text,
        published=published,
        published_stated=stated,
        declared_language=declared,
        description=(result.description or "").strip(),
    )


def _without_heading(title: str, text: str) -> str:
    """The text without a first line that only repeats the title (the page's h1)."""
    first, _, rest = text.partition("\n")
    if title and first.strip() == title:
        return rest.strip()
    return text


def _guess_date(tree: Any, url: str) -> dt.date | None:
    """htmldate's guess from the page's text: the latest plausible date it mentions
    (a news page's own date is usually its latest)."""
    from htmldate import find_date

    try:
        return _parse_date(find_date(tree, extensive_search=True, original_date=False, url=url))
    except (ValueError, TypeError):
        return None
