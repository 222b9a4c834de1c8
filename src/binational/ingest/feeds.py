"""What a watched source lists: entries of an RSS 2.0 / RSS 1.0 / Atom feed, the URLs
of a sitemap, or the article links a CSS selector picks out of a listing page. Pure:
bytes in, ``Entry`` values out; ``FeedError`` (with the reason) when nothing can be
read.

XML is parsed without network access or entity expansion; a feed with a small defect
(an unescaped ``&``, a truncated tail) is read as far as it goes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

from lxml import etree
from lxml import html as lxml_html

from binational.ingest.canonical import without_tracking


class FeedError(ValueError):
    """A source's body could not be read as the kind of source it is declared to be."""


@dataclass(frozen=True)
class Entry:
    url: str
    title: str = ""
    published: dt.date | None = None
    summary: str = ""


def _local(element: etree._Element) -> str:
    tag = element.tag
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _child(element: etree._Element, *names: str) -> etree._Element | None:
    for child in element:
        if _local(child) in names:
            return child
    return None


def _text(element: etree._Element | None) -> str:
    if element is None:
        return ""
    return " ".join("".join(element.itertext()).split())


def _plain(markup: str) -> str:
    """Text of a description that may hold escaped HTML."""
    if "<" not in markup:
        return markup.strip()
    try:
        return " ".join(
            lxml_html.fragment_fromstring(markup, create_parent="div").text_content().split()
        )
    except (etree.ParserError, ValueError):
        return markup.strip()


def parse_date(value: str) -> dt.date | None:
    value = value.strip()
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        return None


def _xml_root(body: bytes) -> etree._Element:
    strict = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        return etree.fromstring(body, strict)
    except etree.XMLSyntaxError as error:
        lenient = etree.XMLParser(
            resolve_entities=False, no_network=True, huge_tree=False, recover=True
        )
        try:
            root = etree.fromstring(body, lenient)
        except etree.XMLSyntaxError:
            root = None
        if root is None:
            raise FeedError(f"not well-formed XML ({error})") from None
        return root


def _safe_url(url: str, base: str) -> str | None:
    absolute = without_tracking(urljoin(base, url.strip()))
    return absolute if urlsplit(absolute).scheme in ("http", "https") else None


def parse_feed(body: bytes, base_url: str) -> list[Entry]:
    """Entries of an RSS or Atom feed, in document order."""
    root = _xml_root(body)
    kind = _local(root)
    if kind == "feed":
        items = [e for e in root.iter() if _local(e) == "entry"]
    elif kind in ("rss", "RDF"):
        items = [e for e in root.iter() if _local(e) == "item"]
    else:
        raise FeedError(f"not an RSS or Atom feed (the document is <{kind}>)")
    entries = []
    for item in items:
        entry = _atom_entry(item, base_url) if kind == "feed" else _rss_item(item, base_url)
        if entry is not None:
            entries.append(entry)
    if items and not entries:
        raise FeedError("the feed's entries have no links")
    return entries


def _rss_item(item: etree._Element, base: str) -> Entry | None:
    link = _text(_child(item, "link"))
    guid = _child(item, "guid")
    if not link and guid is not None and guid.get("isPermaLink", "true") != "false":
        link = _text(guid)
    url = _safe_url(link, base) if link else None
    if url is None:
        return None
    summary = _text(_child(item, "encoded")) or _text(_child(item, "description"))
    date = _text(_child(item, "pubDate", "date"))
    return Entry(url, _text(_child(item, "title")), parse_date(date), _plain(summary))


def _atom_entry(entry: etree._Element, base: str) -> Entry | None:
    href = None
    for link in entry:
        if _local(link) == "link" and link.get("rel", "alternate") == "alternate":
            href = link.get("href")
            break
    url = _safe_url(href, base) if href else None
    if url is None:
        return None
    summary = _text(_child(entry, "content")) or _text(_child(entry, "summary"))
    date = _text(_child(entry, "published")) or _text(_child(entry, "updated"))
    return Entry(url, _text(_child(entry, "title")), parse_date(date), _plain(summary))


def parse_sitemap(body: bytes, base_url: str) -> list[Entry]:
    """Page URLs of a sitemap (``<urlset>``), with their ``lastmod`` dates."""
    root = _xml_root(body)
    if _local(root) == "sitemapindex":
        raise FeedError("a sitemap index, not a sitemap; list one of its sitemaps instead")
    if _local(root) != "urlset":
        raise FeedError(f"not a sitemap (the document is <{_local(root)}>)")
    entries = []
    for node in root:
        if _local(node) != "url":
            continue
        url = _safe_url(_text(_child(node, "loc")), base_url)
        if url:
            entries.append(Entry(url, "", parse_date(_text(_child(node, "lastmod")))))
    return entries


def parse_listing(body: bytes, base_url: str, selector: str) -> list[Entry]:
    """Links picked by ``selector`` (an ``a`` element or any element containing one)."""
    from lxml.cssselect import CSSSelector, SelectorError

    try:
        select = CSSSelector(selector)
    except SelectorError as error:
        raise FeedError(f"the CSS selector {selector!r} is not valid ({error})") from None
    try:
        document = lxml_html.fromstring(body)
    except (etree.ParserError, ValueError) as error:
        raise FeedError(f"not an HTML page ({error})") from None
    seen: dict[str, Entry] = {}
    for element in select(document):
        anchors = [element] if element.tag == "a" else element.iterfind(".//a[@href]")
        for anchor in anchors:
            href = anchor.get("href")
            url = _safe_url(href, base_url) if href else None
            if url and url not in seen:
                seen[url] = Entry(url, " ".join(anchor.text_content().split()))
    return list(seen.values())
