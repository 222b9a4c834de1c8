import datetime as dt
import re

import pages
import pytest

from binational.ingest.feeds import FeedError, parse_feed, parse_listing, parse_sitemap

ENTRIES = [
    {"title": "Uno", "link": "/nota/1?utm_source=rss", "published": "2023-10-31",
     "description": "<p>Texto <b>con</b> marcas</p>"},
    {"title": "Two", "link": "https://other.example/b", "published": "2023-11-01"},
]  # fmt: skip


def test_rss_2():
    entries = parse_feed(pages.rss_feed("F", ENTRIES).encode(), "https://site.example/feed")
    assert [e.url for e in entries] == ["https://site.example/nota/1", "https://other.example/b"]
    assert entries[0].published == dt.date(2023, 10, 31)
    assert entries[0].summary == "Texto con marcas" and entries[0].title == "Uno"


def test_atom():
    entries = parse_feed(pages.atom_feed("F", ENTRIES).encode(), "https://site.example/atom")
    assert [e.url for e in entries] == ["https://site.example/nota/1", "https://other.example/b"]
    assert entries[1].published == dt.date(2023, 11, 1)


def test_malformed_xml_is_read_as_far_as_it_goes():
    broken = pages.rss_feed("F & G", ENTRIES).replace("</channel></rss>", "")
    entries = parse_feed(broken.encode(), "https://site.example/feed")
    assert len(entries) == 2


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"<<<not xml", "not well-formed XML"),
        (b"<html><body>hi</body></html>", "not an RSS or Atom feed (the document is <html>)"),
        (b'<!DOCTYPE x [<!ENTITY a "aaaa">]><rss><channel><item><title>&a;</title></item>'
         b"</channel></rss>", "the feed's entries have no links"),
    ],
)  # fmt: skip
def test_unreadable_feeds_say_why(body, reason):
    with pytest.raises(FeedError, match=re.escape(reason)):
        parse_feed(body, "https://site.example/feed")


def test_listing_picks_links_by_selector_only():
    html = pages.listing_html([("/a", "A"), ("https://x.example/b", "B"), ("javascript:x()", "J")])
    entries = parse_listing(html.encode(), "https://site.example/prensa", "ul.news-list a.headline")
    assert [(e.url, e.title) for e in entries] == [
        ("https://site.example/a", "A"), ("https://x.example/b", "B")
    ]  # fmt: skip
    containers = parse_listing(html.encode(), "https://site.example/", "li.item")
    assert [e.url for e in containers] == ["https://site.example/a", "https://x.example/b"]
    with pytest.raises(FeedError, match="not valid"):
        parse_listing(html.encode(), "https://site.example/", "ul[[")


def test_sitemap():
    body = (
        b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        b"<url><loc>https://site.example/a</loc><lastmod>2024-01-02</lastmod></url>"
        b"<url><loc>https://site.example/b</loc></url></urlset>"
    )
    entries = parse_sitemap(body, "https://site.example/sitemap.xml")
    assert [(e.url, e.published) for e in entries] == [
        ("https://site.example/a", dt.date(2024, 1, 2)), ("https://site.example/b", None)
    ]  # fmt: skip
    with pytest.raises(FeedError, match="sitemap index"):
        parse_sitemap(b"<sitemapindex/>", "https://site.example/")
