"""Interface labels in English and Spanish, and choosing the visitor's language.

The choice comes from the ``lang`` cookie (set by the language links in the page
footer), else the browser's Accept-Language, else English. Only the interface is
translated; events are shown as they were written, institutions and topics by their
English or Spanish registry name.
"""

from __future__ import annotations

from binational.domain import MONTH_NAMES, MONTH_NAMES_ES
from binational.web.i18n.labels import LABELS

LANGUAGES = ("en", "es")
DEFAULT = "en"
COOKIE = "lang"


def parse_accept_language(header: str | None) -> list[str]:
    """Primary language tags of an Accept-Language header, most preferred first."""
    if not header:
        return []
    weighted: list[tuple[float, int, str]] = []
    for index, part in enumerate(header.split(",")):
        tag, _, params = part.strip().partition(";")
        tag = tag.strip().lower()
        if not tag:
            continue
        quality = 1.0
        params = params.strip()
        if params.startswith("q="):
            try:
                quality = float(params[2:])
            except ValueError:
                quality = 0.0
        if quality > 0:
            weighted.append((-quality, index, tag.split("-")[0]))
    return [tag for _, _, tag in sorted(weighted)]


def choose_language(cookie: str | None, accept_language: str | None) -> str:
    if cookie in LANGUAGES:
        return cookie
    for tag in parse_accept_language(accept_language):
        if tag in LANGUAGES:
            return tag
    return DEFAULT


class Translator:
    """``t("search")`` → the label in the chosen language; ``{name}`` placeholders
    are filled from keyword arguments. An unknown key is a bug and raises."""

    def __init__(self, language: str) -> None:
        self.language = language if language in LANGUAGES else DEFAULT
        self._index = LANGUAGES.index(self.language)

    def __call__(self, key: str, **values: object) -> str:
        """The label; a count ``n`` of 1 takes the ``KEY_one`` label when there is one
        ("1 event", "1 evento"), as both languages put the singular only there."""
        if values.get("n") == 1 and f"{key}_one" in LABELS:
            key = f"{key}_one"
        text = LABELS[key][self._index]
        return text.format(**values) if values else text

    def month(self, number: int) -> str:
        names = MONTH_NAMES if self.language == "en" else MONTH_NAMES_ES
        return names[number - 1]

    def maybe(self, key: str, default: str) -> str:
        """The label for ``key`` if there is one, else ``default`` (for values from
        the data that may have no label yet, such as a new revision action)."""
        return self(key) if key in LABELS else default

    def language_name(self, code: str | None) -> str:
        """'English', 'español'… for a language code; an unknown code as it is."""
        key = f"language_{code}"
        return self(key) if key in LABELS else (code or "")

    def pick(self, english: str, spanish: str) -> str:
        """A registry name in the visitor's language."""
        return spanish if self.language == "es" and spanish else english
