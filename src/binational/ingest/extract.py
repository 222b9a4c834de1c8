"""Text, title and publication date of an HTML page (trafilatura, htmldate). Pure:
bytes in, a frozen ``Extraction`` out.

The trafilatura settings live in one ``ExtractionOptions`` value made once per run.
A date found in the page's own markup (meta tags, ``<time>``, the URL's date path) is
*stated*; a date htmldate only guesses from the page's text is *inferred*.
"""

from __future__ import annotations

import datetime as dt
import re
from copy import copy
from dataclasses import dataclass
from functools import cache
from operator import attrgetter
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

    def for_page(self, url: str) -> Any:
        """A copy of the extractor for the page at ``url``: the shared one stays as it
        is. Its slots are copied directly (``copy.copy`` takes a class with
        ``__slots__`` through ``__reduce_ex__``, at several times the cost)."""
        extractor = self.extractor
        names = _slot_names(type(extractor))
        if names is None:
            page = copy(extractor)
        else:
            page = object.__new__(type(extractor))
            try:
                values = attrgetter(*names)(extractor)
            except AttributeError:  # a slot left unset: copy.copy leaves it so too
                page = copy(extractor)
            else:
                for name, value in zip(names, values, strict=True):
                    setattr(page, name, value)
        page.url = page.source = url
        return page


@cache
def _slot_names(kind: type) -> tuple[str, ...] | None:
    """The slots of a class with no instance ``__dict__`` (None when it has one)."""
    if "__dict__" in dir(kind) or not hasattr(kind, "__slots__"):
        return None
    names = [name for klass in kind.__mro__ for name in getattr(klass, "__slots__", ())]
    return tuple(dict.fromkeys(names)) or None


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


_HTML_LANG = re.compile(
    rb"<html[^>]*?\slang\s*=\s*[\"']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)?)", re.I
)
_META_LANG = re.compile(
    rb"<meta[^>]+http-equiv\s*=\s*[\"']?content-language[\"']?[^>]+content\s*=\s*[\"']?"
    rb"([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)?)",
    re.I,
)


def declared_language(html: bytes) -> str | None:
    """The language the page declares (``<html lang>`` or a Content-Language meta),
    read from its head without parsing the page a second time."""
    head = html[:20_000]
    match = _HTML_LANG.search(head) or _META_LANG.search(head)
    return match.group(1).decode("ascii") if match else None


def extract_page(
    html: bytes | str, url: str, options: ExtractionOptions, known_date: dt.date | None = None
) -> Extraction | None:
    """What an article page says; None when it has too little text to be one.

    A date stated elsewhere (``known_date``, e.g. the feed entry's) is used when the
    page states none, before any guess from the text."""
    from trafilatura import bare_extraction

    if not html:
        return None
    raw = html.encode("utf-8") if isinstance(html, str) else html
    extractor = options.for_page(url)
    try:
        result = bare_extraction(raw, options=extractor)
    except ValueError:
        return None
    if result is None:
        return None
    title = (result.title or "").strip()
    text = _without_heading(title, (result.text or "").strip())
    if len(text) < options.min_text_chars:
        return None
    published = _parse_date(result.date) or known_date
    stated = published is not None
    if published is None:
        published = _guess_date(text, url)
    return Extraction(
        title=title,
        text=text,
        published=published,
        published_stated=stated,
        declared_language=declared_language(raw),
        description=(result.description or "").strip(),
    )


def _without_heading(title: str, text: str) -> str:
    """The text without a first line that only repeats the title (the page's h1)."""
    first, _, rest = text.partition("\n")
    if title and first.strip() == title:
        return rest.strip()
    return text


def _guess_date(text: str, url: str) -> dt.date | None:
    """htmldate's guess from the article's text (a dateline, a date in the first
    lines): the latest plausible date it mentions, a news item's own date being
    usually its latest. Only the extracted text is searched, not the page's
    furniture, which is both faster and less misleading.

    The answer of ``htmldate.find_date(page, extensive_search=True,
    original_date=False, url=url)`` on a page of the first twelve lines as
    paragraphs, reached by calling its stages that can fire on such a page, in its
    order: the URL's date, the timestamp and idiosyncratic patterns of the markup,
    the text segments, then its extensive search. The stages that read meta, script,
    abbr, time, title, h1 or img elements, or the attributes of elements, are skipped:
    this page has none (a test holds the two equal)."""
    from html import escape

    from htmldate.core import (
        MAX_SEGMENT_LEN,
        MIN_SEGMENT_LEN,
        TIMESTAMP_PATTERN,
        compare_reference,
        search_page,
        serialize,
    )
    from htmldate.extractors import (
        FREE_TEXT_EXPRESSIONS,
        extract_url_date,
        idiosyncrasies_search,
        pattern_search,
    )
    from htmldate.utils import Extractor, load_html
    from htmldate.validators import check_extracted_reference, get_max_date, get_min_date

    lines = "".join(f"<p>{escape(line)}</p>" for line in text.split("\n")[:12])
    try:
        tree = load_html(f"<html><body>{lines}</body></html>")
        if tree is None:
            return None
        options = Extractor(True, get_max_date(None), get_min_date(None), False, "%Y-%m-%d")
        found = extract_url_date(url, options)
        if found is None:
            markup = serialize(tree)
            found = pattern_search(markup, TIMESTAMP_PATTERN, options) or idiosyncrasies_search(
                markup, options
            )
        if found is None:
            reference = None
            for segment in FREE_TEXT_EXPRESSIONS(tree):
                segment = segment.strip()
                if MIN_SEGMENT_LEN < len(segment) < MAX_SEGMENT_LEN:
                    reference = compare_reference(reference, segment, options)
            found = check_extracted_reference(reference, options) or search_page(markup, options)
        return _parse_date(found)
    except (ValueError, TypeError):
        return None
