"""A page of the site: where it is written, its template and title, its twins in the
other languages, what it is made from (``key``, whose hash is its content key), how
to make its context (``make``), and the search bundle that indexes it."""

from __future__ import annotations

import zlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from binational.site import urls
from binational.store.public_reads import PublicEvent


@dataclass(frozen=True, slots=True)
class Frame:
    """What every page shares: where the site is served and who publishes it."""

    prefix: str  # the site's base path: '/' or '/repository/'
    origin: str  # 'https://example.org', or '' when the base URL is not known
    organization: str


@dataclass(frozen=True, slots=True, eq=False)
class Page:
    path: str  # relative to the output directory
    template: str
    lang: str
    title: str
    twins: tuple[tuple[str, str], ...]  # (language, path) of the page in each language
    key: Any  # what the page is made from, JSON-ready
    make: Callable[[], dict[str, Any]]  # the page's own context
    frame: Frame
    shard: str | None = None  # the search bundle that indexes it (``search.py``)

    @property
    def canonical(self) -> str:
        return self.frame.origin + urls.link(self.frame.prefix, self.path)

    @property
    def alternates(self) -> list[dict[str, str]]:
        links = [(lang, urls.link(self.frame.prefix, path)) for lang, path in self.twins]
        return [{"lang": lang, "href": href, "absolute": self.frame.origin + href}
                for lang, href in links]  # fmt: skip

    @property
    def context(self) -> dict[str, Any]:
        """Everything the template sees: the page's frame and its own context."""
        common = {
            "lang": self.lang, "title": self.title, "prefix": self.frame.prefix,
            "alternates": self.alternates, "canonical": self.canonical,
            "organization": self.frame.organization, "jsonld": None,
        }  # fmt: skip
        return {**common, **self.make()}


def fingerprint(event: PublicEvent) -> tuple:
    """What an event's own page shows of it, cheaply: its text as a checksum, and
    its date, links and sources as they are."""
    text = "\x1f".join((event.title, event.summary, event.context, event.implications))
    return (
        event.id, zlib.crc32(text.encode("utf-8")), event.date.iso(),
        [(link.slug, link.mention, link.field) for link in event.links],
        [(source.url, source.title, source.role) for source in event.sources],
    )  # fmt: skip
