"""Which source URLs become clickable links in the published report.

Only web and mail addresses do: a stored ``javascript:`` or ``file:`` URL (a bad import,
a pasted mistake) must not become a live link in a page the center publishes. Such an
entry is rendered like one whose URL is unknown.
"""

from __future__ import annotations

from urllib.parse import quote, urlsplit

from binational.publish.document import ReportEntry

LINKABLE_SCHEMES = frozenset({"http", "https", "mailto"})
# Characters a URI may carry as they are (RFC 3986 reserved and unreserved, plus '%'
# so existing escapes are kept); anything else (spaces, quotes, '<', non-ASCII
# letters) is percent-encoded as UTF-8.
URI_SAFE = "/:?#[]@!$&'()*+,;=%-._~"


def link_target(entry: ReportEntry) -> str | None:
    """The entry's URL, percent-encoded where needed, if it may be linked; else None."""
    return linkable_url(entry.url)


def linkable_url(url: str | None) -> str | None:
    """A URL from the data (an event's source, a registry source), percent-encoded
    where needed, if it may be linked; else None."""
    if not url:
        return None
    url = url.strip()
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:  # e.g. an unbalanced '[' in the host part
        return None
    if scheme not in LINKABLE_SCHEMES:
        return None
    return quote(url, safe=URI_SAFE)
