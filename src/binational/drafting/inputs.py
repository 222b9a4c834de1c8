"""What a draft is made from, as plain data: the event, its sources, its history.

The store (or a test, or a benchmark) builds these; nothing in ``drafting`` reads a
database. Dates are plain ``datetime.date`` values with the precision the store keeps.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from binational.domain import PartialDate
from binational.language import function_word_guess


@dataclass(frozen=True)
class SourceText:
    """One archived source of the event: its URL and its extracted text.

    ``language`` is an ISO 639-1 code ("en", "es"); when unknown it is guessed from
    the text's function words, and English is assumed when that says nothing.
    ``document_id`` is the archived document's id in the store, when it is one;
    ``stored`` marks the event's own stored text (its summary and context) standing
    in for a source when the event has no archived one.
    """

    url: str
    text: str
    language: str | None = None
    title: str = ""
    document_id: int | None = None
    stored: bool = False

    @property
    def lang(self) -> str:
        declared = (self.language or "").split("-")[0].lower()
        return declared or function_word_guess(self.text[:400]) or "en"


@dataclass(frozen=True)
class EventFields:
    """The event being drafted: ``links`` are the registry slugs (institutions and
    agencies) an analyst or the linker attached to it, ``topics`` its topic slugs."""

    id: int | None
    title: str
    date: PartialDate
    links: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()


@dataclass(frozen=True)
class PastEvent:
    """An event already in the store: for the history facts (``id``, ``date``,
    ``title``, ``links``) and, once published, as an example of the center's voice
    (``summary``, ``implications``)."""

    id: int
    date: dt.date
    title: str
    links: frozenset[str] = frozenset()
    topics: frozenset[str] = frozenset()
    status: str = "published"
    summary: str = ""
    implications: str = ""
