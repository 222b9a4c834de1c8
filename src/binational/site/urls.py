"""Where each page of the site lives: paths relative to the output directory, and
the links pages make to each other (under the site's base path). Pure."""

from __future__ import annotations

import hashlib
from urllib.parse import urlsplit

LANGUAGES = ("en", "es")


def base_path(base_url: str | None) -> str:
    """The path the site is served under, with slashes at both ends: '/' for
    'https://example.org', '/repo/' for 'https://example.org/repo'."""
    path = urlsplit(base_url).path if base_url else "/"
    return "/" + path.strip("/") + "/" if path.strip("/") else "/"


def archive_key(url: str) -> str:
    """A short, stable name for the archived copy of ``url``."""
    return hashlib.sha256(url.encode("utf-8")).hexdigest()[:16]


def home(lang: str) -> str:
    return f"{lang}/index.html"


def category(lang: str, name: str) -> str:
    return f"{lang}/categories/{name}/index.html"


def institution(lang: str, slug: str) -> str:
    return f"{lang}/institutions/{slug}/index.html"


def event(lang: str, year_of_event: int, event_id: int) -> str:
    """A file under its year: the search index is rebuilt one year at a time, and a
    file of its own per event (no directory each) keeps 20,000 pages cheap to write
    and to index."""
    return f"{lang}/events/{year_of_event}/{event_id}.html"


def year(lang: str, value: int) -> str:
    return f"{lang}/events/{value}/index.html"


def events_index(lang: str) -> str:
    return f"{lang}/events/index.html"


def report(lang: str, period: str) -> str:
    return f"{lang}/reports/{period}/index.html"


def report_file(period: str, filename: str) -> str:
    return f"reports/{period}/{filename}"


def archived(url: str) -> str:
    """One page per archived copy, in both languages (it shows the source's text)."""
    return f"archive/{archive_key(url)}.html"


def scorecard(lang: str) -> str:
    return f"{lang}/scorecard/index.html"


def search(lang: str) -> str:
    return f"{lang}/search/index.html"


def data_page(lang: str) -> str:
    return f"{lang}/data/index.html"


def data_file(name: str) -> str:
    return f"data/{name}"


def feed(lang: str) -> str:
    return f"{lang}/feed.xml"


def link(prefix: str, path: str) -> str:
    """The link to a page at ``path``: 'en/events/3/index.html' → '/en/events/3/'."""
    if path.endswith("index.html"):
        path = path.removesuffix("index.html")
    return prefix + path


def origin(base_url: str | None) -> str:
    """'https://example.org' of 'https://example.org/repo/'; '' when unknown."""
    if not base_url:
        return ""
    parts = urlsplit(base_url)
    return f"{parts.scheme}://{parts.netloc}"


def absolute(base_url: str | None, prefix: str, path: str) -> str:
    """The page's full URL when the base URL is known, else its root-relative link."""
    return origin(base_url) + link(prefix, path)
