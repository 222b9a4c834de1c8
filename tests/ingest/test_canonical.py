import random

import pytest

from binational.ingest.canonical import canonical_url, host_of, without_tracking


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        (
            "HTTPS://WWW.State.GOV:443/a/b/?utm_source=x&b=2&a=1#frag",
            "https://www.state.gov/a/b?a=1&b=2",
        ),
        ("http://example.gob.mx", "http://example.gob.mx/"),
        ("http://example.gob.mx:80/", "http://example.gob.mx/"),
        ("https://x.example/a//b/../c/", "https://x.example/a/c"),
        ("https://x.example/%7euser/%2f", "https://x.example/~user/%2F"),
        ("https://x.example:8443/A?q=", "https://x.example:8443/A?q="),
        ("https://x.example/p?fbclid=1&gclid=2&mc_cid=3&id=7", "https://x.example/p?id=7"),
        ("https://x.example/p?UTM_Campaign=a&pk_kwd=b&page=2", "https://x.example/p?page=2"),
        ("https://user:pw@x.example/p", "https://x.example/p"),
        ("mailto:someone@example.org", "mailto:someone@example.org"),
    ],
)
def test_canonical_url(url, canonical):
    assert canonical_url(url) == canonical


def test_variants_of_one_page_agree():
    variants = [
        "https://www.gob.mx/sre/prensa/comunicado-123",
        "https://WWW.GOB.MX/sre/prensa/comunicado-123/",
        "https://www.gob.mx:443/sre/prensa/comunicado-123?utm_medium=rss#top",
        "https://www.gob.mx/sre/./prensa/comunicado-123",
    ]
    assert len({canonical_url(v) for v in variants}) == 1


def test_without_tracking_changes_nothing_else():
    assert (
        without_tracking("https://X.example/A/?b=1&utm_source=rss#c") == "https://X.example/A/?b=1"
    )
    assert without_tracking("https://x.example/a?z=1&a=2") == "https://x.example/a?z=1&a=2"
    assert host_of("https://WWW.State.Gov./x") == "www.state.gov"


URL_PIECES = [
    "http://", "https://", "HTTPS://", "ftp://", "", "www", ".", "..", "/", "//", "example",
    "gob.mx", "-", "_", "~", "a", "B", "7", ":443", ":80", ":8080", "user@", "%7e", "%2F",
    "?", "&", "=", "utm_source=x", "id=3", "#", "frag", " ", "\t", "é", "[::1]", ";", "+",
]  # fmt: skip


PLAIN_PIECES = ["/", "/", "a", "B", "7", "-", "_", "~", ".", "..", "example", "x.html"]


def test_urls_left_as_they_are_are_those_the_rules_leave():
    """The shortcut for URLs already canonical agrees with the rules on every URL."""
    from binational.ingest.canonical import _ALREADY_CANONICAL, _canonical_by_parts

    rng = random.Random(3)
    shortcut = 0
    for _ in range(30000):
        url = rng.choice(["http://", "https://"]) + rng.choice(["a", "x.example", "gob.mx"])
        pieces = URL_PIECES if rng.random() < 0.5 else PLAIN_PIECES
        url += "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        assert canonical_url(url) == _canonical_by_parts(url), url
        shortcut += bool(_ALREADY_CANONICAL.fullmatch(url))
    assert shortcut > 2000, shortcut


def test_host_of_agrees_with_urlsplit():
    """The host read off a URL already canonical is urlsplit's, on every URL."""
    from urllib.parse import urlsplit

    rng = random.Random(4)
    for _ in range(20000):
        url = rng.choice(["http://", "https://", "HTTP://", ""]) + rng.choice(
            ["a", "x.example", "gob.mx", "X.Example", "a.", "user@a", "[::1]"]
        )
        pieces = URL_PIECES if rng.random() < 0.5 else PLAIN_PIECES
        url += "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        assert host_of(url) == (urlsplit(url).hostname or "").lower().rstrip("."), url
