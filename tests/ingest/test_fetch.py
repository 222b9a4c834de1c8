"""The fetcher against a real HTTP server on 127.0.0.1."""

import time

import pytest
from warcio.archiveiterator import ArchiveIterator
from webserver import endless_body, failing_then_ok, slow

from binational.ingest.archive import PageArchive, WarcArchive, read_response
from binational.ingest.client import FetchPolicy, make_client
from binational.ingest.fetch import Fetcher, Validators, is_xml_or_html

PAGE = b"<html><body><p>Hello</p></body></html>"


@pytest.fixture
def archive(tmp_path):
    with WarcArchive.open(tmp_path / "warc") as archive:
        yield archive


async def fetch(settings, archive, url, **kwargs):
    policy = FetchPolicy.from_settings(settings)
    async with make_client(policy) as client:
        fetcher = Fetcher(client, policy, archive)
        result = await fetcher.fetch(url, **kwargs)
        return result, fetcher


async def test_a_page_is_fetched_with_our_user_agent_and_archived(settings, archive, site):
    url = site.add("/a", PAGE)
    result, _ = await fetch(settings, archive, url)
    assert result.ok and result.body == PAGE and result.status == 200
    assert site.log[-1][1]["user-agent"] == settings.user_agent
    stored = read_response(archive.directory, result.archived)
    assert (stored.url, stored.status, stored.body) == (url, 200, PAGE)
    assert {k.lower(): v for k, v in stored.headers}["etag"] == result.header("etag")


async def test_conditional_get_gets_a_304_and_nothing_else(settings, archive, site):
    url = site.add("/cond", PAGE)
    first, _ = await fetch(settings, archive, url)
    again, fetcher = await fetch(
        settings, archive, url, validators=Validators(first.header("etag"), None)
    )
    assert again.not_modified and again.body == b"" and fetcher.requests == 2  # robots + page
    assert site.log[-1][1]["if-none-match"] == first.header("etag")


async def test_5xx_is_retried_with_backoff_then_succeeds(settings, archive, site):
    url = site.dynamic("/flaky", failing_then_ok(2, 503, PAGE))
    started = time.monotonic()
    result, _ = await fetch(settings, archive, url)
    assert result.ok and result.attempts == 3 and site.hits("/flaky") == 3
    assert time.monotonic() - started >= 0.05 + 0.1  # backoff 0.05 s, then 0.1 s


async def test_persistent_5xx_fails_with_the_reason(settings, archive, site):
    url = site.add("/down", b"oops", "text/plain", status=500)
    result, _ = await fetch(settings, archive, url)
    assert not result.ok and result.error == "HTTP 500 (after 3 attempts)"
    assert site.hits("/down") == 3


async def test_429_honors_retry_after(settings, archive, site):
    url = site.dynamic("/busy", failing_then_ok(1, 429, PAGE, Retry_After="1"))
    started = time.monotonic()
    result, _ = await fetch(settings, archive, url)
    assert result.ok and result.attempts == 2
    assert time.monotonic() - started >= 1.0


async def test_a_retry_after_beyond_the_cap_ends_the_retries(settings, archive, site):
    url = site.add("/later", b"", "text/plain", status=429, Retry_After="3600")
    started = time.monotonic()
    result, _ = await fetch(settings, archive, url)
    assert "retry after 3600 s" in result.error and site.hits("/later") == 1
    assert time.monotonic() - started < 1.0


async def test_a_response_slower_than_the_timeout_fails(settings, archive, site):
    url = site.dynamic("/slow", slow(1.5))
    result, _ = await fetch(settings, archive, url)
    assert result.error.startswith("timed out (read)") and result.retryable
    assert site.hits("/slow") == settings.fetch_retries + 1


async def test_a_redirect_loop_is_detected(settings, archive, site):
    site.add("/loop-a", b"", status=302, Location="/loop-b")
    site.add("/loop-b", b"", status=302, Location="/loop-a")
    result, _ = await fetch(settings, archive, site.url("/loop-a"))
    assert result.error.startswith("redirect loop: ")
    assert site.hits("/loop-a") == 1 and site.hits("/loop-b") == 1


async def test_redirects_are_followed_within_the_limit(settings, archive, site):
    site.add("/old", b"", status=301, Location="/new")
    site.add("/new", PAGE)
    result, _ = await fetch(settings, archive, site.url("/old"))
    assert result.ok and result.final_url == site.url("/new")
    assert result.redirects == (site.url("/old"),)
    for n in range(7):
        site.add(f"/hop{n}", b"", status=302, Location=f"/hop{n + 1}")
    result, _ = await fetch(settings, archive, site.url("/hop0"))
    assert result.error == "more than 5 redirects"


async def test_a_50_mb_body_is_cut_off_early(settings, archive, site):
    url = site.dynamic("/huge", endless_body(50_000_000))
    started = time.monotonic()
    result, _ = await fetch(settings, archive, url)
    assert result.error == "response larger than 2000000 bytes; not read further"
    assert len(result.body) == 2_000_000
    assert time.monotonic() - started < 5
    time.sleep(0.2)
    assert site.counters["huge_sent"] < 20_000_000  # the server was stopped well before 50 MB
    stored = read_response(archive.directory, result.archived)
    assert stored.truncated and len(stored.body) == 2_000_000


async def test_a_declared_oversize_body_is_not_read_at_all(settings, archive, site):
    url = site.add("/big", b"x" * 2_500_000)
    result, _ = await fetch(settings, archive, url)
    assert result.error.startswith("response larger than") and result.body == b""


async def test_a_non_html_body_is_refused_but_archived(settings, archive, site):
    url = site.add("/release.pdf", b"%PDF-1.7 fake", "application/pdf")
    result, _ = await fetch(settings, archive, url)
    assert result.error == "unsupported content type (application/pdf)"
    assert read_response(archive.directory, result.archived).body == b"%PDF-1.7 fake"
    feed, _ = await fetch(settings, archive, url, accept=is_xml_or_html)
    assert not feed.ok


async def test_robots_txt_is_honored_and_fetched_once_per_host(settings, archive, site):
    site.add("/robots.txt", "User-agent: *\nDisallow: /private/\n", "text/plain")
    site.add("/private/a", PAGE)
    site.add("/public", PAGE)
    policy = FetchPolicy.from_settings(settings)
    async with make_client(policy) as client:
        fetcher = Fetcher(client, policy, archive)
        blocked = await fetcher.fetch(site.url("/private/a"))
        allowed = await fetcher.fetch(site.url("/public"))
    assert blocked.error == "disallowed by robots.txt" and allowed.ok
    assert site.hits("/private/a") == 0 and site.hits("/robots.txt") == 1


async def test_an_unreachable_robots_txt_disallows_the_host(settings, archive, site):
    site.add("/robots.txt", b"", "text/plain", status=503)
    site.add("/p", PAGE)
    result, _ = await fetch(settings, archive, site.url("/p"))
    assert result.error.startswith("robots.txt unreachable") and site.hits("/p") == 0


async def test_requests_to_one_host_are_spaced_by_the_rate_limit(settings, archive, site):
    for n in range(4):
        site.add(f"/r{n}", PAGE)
    policy = FetchPolicy.from_settings(settings.with_overrides(requests_per_second=10.0))
    import asyncio

    async with make_client(policy) as client:
        fetcher = Fetcher(client, policy, archive)
        started = time.monotonic()
        results = await asyncio.gather(*(fetcher.fetch(site.url(f"/r{n}")) for n in range(4)))
    assert all(r.ok for r in results)
    assert time.monotonic() - started >= 0.4  # robots.txt + 4 pages, 0.1 s apart


async def test_a_pages_response_is_kept_once_and_reused_without_a_request(
    settings, archive, site
):
    """The workers' path: a page's successful response goes to its own file in the
    page archive (its redirect to the run's archive); fetched again, the page is
    answered from that file without a request."""
    pages = PageArchive(archive.directory)
    site.add("/moved", b"", status=301, Location="/story")
    site.add("/story", PAGE)
    url = site.url("/moved")
    policy = FetchPolicy.from_settings(settings)
    async with make_client(policy) as client:
        fetcher = Fetcher(client, policy, archive, pages=pages)
        first = await fetcher.fetch(url, page=url)
        again = await fetcher.fetch(url, page=url)
    assert first.ok and first.archived == pages.find(url) and first.archived.offset == 0
    assert (site.hits("/moved"), site.hits("/story"), fetcher.requests) == (1, 1, 3)
    assert (again.ok, again.final_url, again.body, again.archived) == (
        True, site.url("/story"), PAGE, first.archived,
    )  # fmt: skip
    with open(archive.directory / archive.name, "rb") as handle:  # robots.txt, the 301
        run = [record.http_headers.get_statuscode() for record in ArchiveIterator(handle)]
    assert run == ["404", "301"]


async def test_a_failed_page_response_is_not_kept_as_the_pages_record(settings, archive, site):
    pages = PageArchive(archive.directory)
    url = site.add("/gone", b"gone", "text/plain", status=404)
    policy = FetchPolicy.from_settings(settings)
    async with make_client(policy) as client:
        result = await Fetcher(client, policy, archive, pages=pages).fetch(url, page=url)
    assert result.error == "HTTP 404" and pages.find(url) is None
    assert result.archived.file == archive.name  # archived all the same, in the run's file
