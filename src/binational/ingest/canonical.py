"""Canonical URLs: one spelling per page, so the same page reached through a feed, a
listing, a tracking link or a redirect is recognized. Pure.

Rules: lower-case scheme and host; drop default ports, userinfo and the fragment;
remove tracking parameters (``utm_*``, ``fbclid``, ``gclid`` and the like); sort the
remaining query parameters; resolve ``.``/``..`` segments and duplicate slashes;
upper-case percent escapes and decode the unreserved ones; drop a trailing slash
(the root path stays ``/``).
"""

from __future__ import annotations

import posixpath
import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

TRACKING_PARAMETERS = frozenset(
    {
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid",
        "ttclid", "igshid", "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi",
        "mkt_tok", "li_fat_id", "vero_id", "oly_anon_id", "oly_enc_id", "wt_mc",
        "cmpid", "s_cid", "ref_src", "ref_url", "spm", "__twitter_impression",
    }
)  # fmt: skip
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "hsa_")
DEFAULT_PORTS = {"http": 80, "https": 443}
_UNRESERVED = re.compile(r"%([0-9A-Fa-f]{2})")


def is_tracking_parameter(name: str) -> bool:
    lowered = name.lower()
    return lowered in TRACKING_PARAMETERS or lowered.startswith(TRACKING_PREFIXES)


def _normalize_escapes(part: str) -> str:
    def fix(match: re.Match[str]) -> str:
        char = chr(int(match.group(1), 16))
        if char.isascii() and (char.isalnum() or char in "-._~"):
            return char
        return "%" + match.group(1).upper()

    return _UNRESERVED.sub(fix, part)


def _normalize_path(path: str) -> str:
    if not path:
        return "/"
    path = posixpath.normpath(re.sub(r"/{2,}", "/", path))
    if not path.startswith("/"):
        path = "/" + path
    return _normalize_escapes(path.rstrip("/") or "/")


# A URL these rules leave as it is: http(s), a lower-case host without port, userinfo
# or trailing dot, and a path of plain segments (unreserved characters, no "." or ".."
# segment, no trailing slash) or the root, no query and no fragment. Most article
# URLs are written so, and matching this costs a fraction of taking them apart.
_ALREADY_CANONICAL = re.compile(
    r"https?://[a-z0-9-]+(?:\.[a-z0-9-]+)*"
    r"(?:/|(?:/(?!\.\.?(?:/|$))[A-Za-z0-9._~-]+)+)"
)


def canonical_url(url: str) -> str:
    """The canonical form of an absolute http(s) URL (other URLs come back trimmed)."""
    if _ALREADY_CANONICAL.fullmatch(url):
        return url
    return _canonical_by_parts(url)


def _canonical_by_parts(url: str) -> str:
    url = url.strip()
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS or not parts.hostname:
        return url
    host = parts.hostname.lower().rstrip(".")
    try:
        port = parts.port
    except ValueError:
        port = None
    netloc = host if port in (None, DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    query = sorted(
        (name, value)
        for name, value in parse_qsl(parts.query, keep_blank_values=True)
        if not is_tracking_parameter(name)
    )
    return urlunsplit((scheme, netloc, _normalize_path(parts.path), urlencode(query), ""))


def without_tracking(url: str) -> str:
    """``url`` with its tracking parameters and fragment removed, nothing else changed:
    the address fetched and shown to analysts."""
    parts = urlsplit(url.strip())
    if not parts.query and not parts.fragment:
        return url.strip()
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    kept = [(name, value) for name, value in pairs if not is_tracking_parameter(name)]
    query = parts.query if len(kept) == len(pairs) else urlencode(kept)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query, ""))


def host_of(url: str) -> str:
    """The lower-cased host of a URL ('' when it has none)."""
    if _ALREADY_CANONICAL.fullmatch(url):  # "scheme://host/...", the host as it stays
        return url.split("/", 3)[2]
    return (urlsplit(url).hostname or "").lower().rstrip(".")
