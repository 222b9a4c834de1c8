"""The names a page shows for facet values and registry slugs, in one language,
looked up once and kept, as text and as HTML.

A search page names about 80 facet values and 60 institutions. Each name is a
registry or translation lookup and an escape, a microsecond or two apiece, a few
percent of a new search's time together. Their vocabulary is small and fixed while
the process runs (statuses, quarters, months, categories, the registry's
institutions, the taxonomy's topics), so each name is made once per language.
Values that come from the visitor (a chip's filter) are kept too, up to
``KEEP_AT_MOST`` names in all; past that a name is made each time it is needed, so
a stream of odd links cannot grow the memory.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from html import escape
from typing import Any

from binational.registry.loader import Registry
from binational.web.i18n.translator import Translator

KEEP_AT_MOST = 20_000


class PageLabels:
    def __init__(
        self,
        t: Translator,
        registry: Registry,
        topic_names: Mapping[str, tuple[str, str]],
        keep_at_most: int = KEEP_AT_MOST,
    ) -> None:
        self.t, self.registry, self.topic_names = t, registry, topic_names
        self.keep_at_most = keep_at_most
        self._kept: dict[tuple[str, str, bool], str] = {}
        self._lock = threading.Lock()

    # Each name is kept under (kind, value, is HTML); a kind is a facet's name, or
    # "entry", "link", "badge". The lookups read the dict first: no closure, no
    # key built from strings, on the path taken a hundred times a page.

    def entry(self, slug: str) -> str:
        """A registry institution's or agency's name; an unknown slug as it is."""
        key = ("entry", slug, False)
        return self._kept.get(key) or self._keep(key, self._entry_name(slug))

    def facet(self, facet: str, value: str) -> str:
        """What a facet's value is called: 'May', 'Published', 'USMCA'…"""
        key = (facet, value, False)
        return self._kept.get(key) or self._keep(key, self._facet_name(facet, value))

    def facet_html(self, facet: str, value: str) -> str:
        key = (facet, value, True)
        return self._kept.get(key) or self._keep(key, escape(self.facet(facet, value)))

    def institution_link(self, slug: str) -> str:
        """``<a href="/institutions/slug">Name</a>``."""
        key = ("link", slug, True)
        return self._kept.get(key) or self._keep(key, self._link(slug))

    def status_badge(self, status: str) -> str:
        """``<span class="badge status-published">Published</span>``."""
        key = ("badge", status, True)
        return self._kept.get(key) or self._keep(key, self._badge(status))

    def revision_value(self, field: str, value: Any) -> Any:
        """A value of a revision's field as the page names it: a status, a topic, an
        institution or a precision in words; anything else as it is."""
        if field == "status" and isinstance(value, str):
            return self.facet("status", value)
        if field == "topics" and isinstance(value, list):
            return [self.facet("topic", str(slug)) for slug in value]
        if field in ("institutions", "institution") and isinstance(value, list | str):
            slugs = value if isinstance(value, list) else [value]
            named = [self.entry(str(slug)) for slug in slugs]
            return named if isinstance(value, list) else named[0]
        if field == "date_source" and isinstance(value, str):
            return self.t.maybe(f"date_source_{value}", value)
        return value

    @property
    def kept(self) -> int:
        """How many names are kept."""
        return len(self._kept)

    def _keep(self, key: tuple[str, str, bool], name: str) -> str:
        with self._lock:
            if len(self._kept) < self.keep_at_most:
                self._kept[key] = name
        return name

    def _entry_name(self, slug: str) -> str:
        entry = self.registry.get(slug)
        return self.t.pick(entry.name_en, entry.name_es) if entry else slug

    def _facet_name(self, facet: str, value: str) -> str:
        if facet == "month":
            return self.t.month(int(value))
        if facet in ("status", "category"):
            return self.t(f"{facet}_{value}")
        if facet == "institution":
            return self.entry(value)
        if facet == "topic":
            names = self.topic_names.get(value)
            return self.t.pick(*names) if names else value
        return value

    def _link(self, slug: str) -> str:
        return f'<a href="/institutions/{escape(slug)}">{escape(self.entry(slug))}</a>'

    def _badge(self, status: str) -> str:
        label = self.facet("status", status)
        return f'<span class="badge status-{escape(status)}">{escape(label)}</span>'
