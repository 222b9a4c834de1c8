"""The sitemap (with ``hreflang`` alternates) and the Atom feed of new events, as
bytes, from the site's pages and events. Pure."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from xml.sax.saxutils import escape, quoteattr

from binational.site import urls
from binational.site.labels import translator
from binational.site.page import Page
from binational.store.public_reads import PublicEvent

FEED_ENTRIES = 50
# Ids that stay valid whatever the site's address (RFC 4151 tag URIs).
TAG = "tag:binational.site,2024:"


def sitemap(pages: Sequence[Page]) -> bytes:
    """Every HTML page, with its language alternates (``xhtml:link``)."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ]
    for page in pages:
        lines.append(f"<url><loc>{escape(page.canonical)}</loc>")
        for alternate in page.alternates:
            lines.append(
                f'<xhtml:link rel="alternate" hreflang={quoteattr(alternate["lang"])} '
                f"href={quoteattr(alternate['absolute'])}/>"
            )
        lines.append("</url>")
    lines.append("</urlset>")
    return ("\n".join(lines) + "\n").encode("utf-8")


def _stamp(value: dt.datetime) -> str:
    return value.replace(microsecond=0).isoformat() + "Z"


def atom_feed(
    events: Sequence[PublicEvent], lang: str, base_url: str | None, prefix: str, title: str
) -> bytes:
    """The newest published events (by when they were last changed) as Atom 1.0."""
    newest = sorted(events, key=lambda e: (e.updated_at, e.id), reverse=True)[:FEED_ENTRIES]
    updated = _stamp(newest[0].updated_at) if newest else "1970-01-01T00:00:00Z"
    self_url = urls.absolute(base_url, prefix, urls.feed(lang))
    home = urls.absolute(base_url, prefix, urls.home(lang))
    t = translator(lang)
    parts = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{lang}">',
        f"<title>{escape(title)} · {escape(t('nav_events'))}</title>",
        f"<id>{TAG}feed-{lang}</id>",
        f'<link rel="self" type="application/atom+xml" href={quoteattr(self_url)}/>',
        f'<link rel="alternate" type="text/html" href={quoteattr(home)}/>',
        f"<updated>{updated}</updated>",
        f"<author><name>{escape(title)}</name></author>",
    ]
    for event in newest:
        url = urls.absolute(base_url, prefix, urls.event(lang, event.year, event.id))
        parts += [
            "<entry>",
            f"<title>{escape(event.title)}</title>",
            f"<id>{TAG}event-{event.id}-{lang}</id>",
            f'<link rel="alternate" type="text/html" href={quoteattr(url)}/>',
            f"<updated>{_stamp(event.updated_at)}</updated>",
            f"<summary>{escape(event.summary[:600])}</summary>",
            "</entry>",
        ]
    parts.append("</feed>")
    return ("\n".join(parts) + "\n").encode("utf-8")
