"""Marking the texts of the data that are not in the page's language (``lang="en"``
on an English summary in a Spanish page), so screen readers pronounce them right.
Which language a text is written in is ``language.written_language``."""

from __future__ import annotations

from html import escape


def lang_attribute(language: str, page_language: str) -> str:
    """`` lang="en"`` when ``language`` is not the page's, else nothing."""
    return "" if language == page_language else f' lang="{escape(language)}"'
