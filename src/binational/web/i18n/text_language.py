"""The language a text from the data is written in, so that a page marks the texts
that are not in its own language (``lang="en"`` on an English summary in a Spanish
page) and screen readers pronounce them right."""

from __future__ import annotations

from html import escape

from binational.language import function_word_guess


def text_language(text: str, default: str = "en") -> str:
    """The language ``text`` is written in, by its function words; the center's
    reports are written in English, so a text too short to tell is English."""
    return function_word_guess(text) or default


def lang_attribute(text: str, page_language: str) -> str:
    """`` lang="en"`` when ``text`` is not in the page's language, else nothing."""
    language = text_language(text)
    return "" if language == page_language else f' lang="{escape(language)}"'
