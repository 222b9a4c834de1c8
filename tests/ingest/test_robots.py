"""robots.txt rules (``ingest/robots.py``, Protego): RFC 9309 wildcards, longest
match, user-agent groups, Crawl-delay, and what a failed fetch of the file means."""

import pytest

from binational.ingest.robots import parse_robots, robots_url, rules_for_status

UA = "binational/0.1 (institutional monitoring)"
HOST = "https://a.example"

RFC_9309 = """
User-agent: *
Disallow: /*.pdf$
Disallow: /docs/
Allow: /docs/public/
Disallow: /search
Allow: /search/about$
Disallow: /tmp*/cache
"""


@pytest.mark.parametrize(
    ("path", "allowed"),
    [
        ("/doc.pdf", False),  # `$` anchors the end: urllib.robotparser allowed this
        ("/a/b/report.pdf", False),
        ("/doc.pdf?download=1", True),  # does not end in .pdf
        ("/doc.pdfx", True),
        ("/docs/private.html", False),
        ("/docs/public/report.html", True),  # the longer Allow beats the shorter Disallow
        ("/search?q=usmca", False),
        ("/search/about", True),
        ("/search/about/more", False),
        ("/tmp1/x/cache", False),  # `*` in the middle
        ("/tmp/cache", False),
        ("/temp/cache", True),
        ("/news/2023", True),
    ],
)
def test_rfc_9309_wildcards_and_longest_match(path, allowed):
    assert parse_robots(RFC_9309).allows(HOST + path, UA) is allowed


def test_our_group_crawl_delay_and_other_agents():
    rules = parse_robots("User-agent: binational\nDisallow: /private/\nCrawl-delay: 3\n")
    assert not rules.allows(f"{HOST}/private/x", UA)
    assert rules.allows(f"{HOST}/public", UA)
    assert rules.allows(f"{HOST}/private/x", "otherbot/1.0")
    assert rules.crawl_delay(UA) == 3.0
    assert parse_robots("User-agent: *\nDisallow:\n").crawl_delay(UA) is None


@pytest.mark.parametrize(
    ("status", "allows"), [(200, True), (404, True), (410, True), (503, False), (None, False)]
)
def test_what_fetching_robots_txt_implies(status, allows):
    assert rules_for_status(status, "").allows(f"{HOST}/any", UA) is allows


def test_robots_url():
    assert robots_url("https://a.example:8443/x/y?z") == "https://a.example:8443/robots.txt"
