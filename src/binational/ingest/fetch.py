"""Polite, bounded, guarded HTTP fetching (httpx, async).

One ``Fetcher`` per run, around an ``httpx.AsyncClient`` made by ``make_client``
(``ingest/client.py``) and passed in. It keeps at most ``max_concurrency`` requests
in flight, spaces requests to one host by the politeness interval or the host's
robots.txt ``Crawl-delay`` (``ingest/politeness.py``), honors robots.txt, retries
5xx, 429 and network errors with exponential backoff (a ``Retry-After`` is honored
up to ``max_retry_wait``; a longer one ends the retries), follows redirects itself
with loop protection, sends conditional requests with the stored validators, stops
reading a body past ``max_response_bytes``, checks the content type, and archives
every response it receives. Given a ``PageArchive`` (the job queue's workers), a
page's fetch (``fetch(page=...)``) keeps the page's successful response there, once,
and a page whose response is kept already is answered from it without a request.

Every request has a whole deadline (``fetch_deadline``: connecting, headers and body
together), so a server that drips a byte at a time is abandoned; an abandoned
request is not retried in the same run (it is ``retryable`` for a later one). Every
address connected to passes the address policy (``ingest/guard.py``, enforced at
connection time by ``ingest/transport.py``), and only http(s) redirects are
followed.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from urllib.parse import urljoin, urlsplit

import httpx

from binational.ingest.archive import ArchiveLocation, PageArchive, WarcArchive, read_response
from binational.ingest.body import BodyError, read_body
from binational.ingest.client import FetchPolicy, response_headers
from binational.ingest.guard import url_refusal
from binational.ingest.politeness import HostThrottle, Throttle, retry_after_seconds
from binational.ingest.robots import RobotsCache
from binational.ingest.transport import FetchRefused

REDIRECTS = (301, 302, 303, 307, 308)
HTML_TYPES = ("text/html", "application/xhtml+xml")


def is_html(content_type: str) -> bool:
    return content_type.split(";")[0].strip().lower() in HTML_TYPES


def is_xml_or_html(content_type: str) -> bool:
    kind = content_type.split(";")[0].strip().lower()
    return not kind or "xml" in kind or kind in HTML_TYPES


@dataclass(frozen=True)
class Validators:
    etag: str | None = None
    last_modified: str | None = None

    def headers(self) -> dict[str, str]:
        headers = {}
        if self.etag:
            headers["If-None-Match"] = self.etag
        if self.last_modified:
            headers["If-Modified-Since"] = self.last_modified
        return headers


@dataclass(frozen=True)
class FetchResult:
    url: str
    final_url: str
    status: int | None = None
    headers: tuple[tuple[str, str], ...] = ()
    body: bytes = b""
    archived: ArchiveLocation | None = None
    error: str | None = None
    retryable: bool = False  # the failure may go away (a retry, a later run)
    abandoned: bool = False  # past a deadline: not retried in this run
    refused: bool = False  # by the address policy or the scheme check: nothing was sent
    attempts: int = 0
    redirects: tuple[str, ...] = field(default=())

    def header(self, name: str) -> str | None:
        name = name.lower()
        return next((value for key, value in self.headers if key.lower() == name), None)

    @property
    def content_type(self) -> str:
        return self.header("content-type") or ""

    @property
    def ok(self) -> bool:
        return self.error is None and self.status is not None and 200 <= self.status < 300

    @property
    def not_modified(self) -> bool:
        return self.error is None and self.status == 304


def _invalid_url(url: str) -> str | None:
    """Why httpx cannot request ``url`` (e.g. the octal host ``0177.0.0.1``), if so."""
    try:
        httpx.URL(url)
    except httpx.InvalidURL as error:
        return f"{url[:80]!r} is not a valid web address ({error})"
    return None


def kept_result(pages: PageArchive, url: str, location: ArchiveLocation) -> FetchResult:
    """The fetch of ``url`` a page's kept response stands for."""
    kept = read_response(pages.directory, location)
    return FetchResult(url, kept.url, kept.status, kept.headers, kept.body, location)


class Fetcher:
    def __init__(
        self, client: httpx.AsyncClient, policy: FetchPolicy, archive: WarcArchive | None,
        throttle: Throttle | None = None, pages: PageArchive | None = None,
    ) -> None:  # fmt: skip
        """``throttle`` spaces the requests to each host: this process's own by
        default; the job queue's workers pass one shared through the database, and
        ``pages``, where each page's response is kept once."""
        self.client = client
        self.policy = policy
        self.archive = archive
        self.pages = pages
        self.requests = 0
        self._semaphore = asyncio.Semaphore(policy.max_concurrency)
        self._throttle = throttle or HostThrottle(policy.requests_per_second)
        self._robots = RobotsCache(self._fetch_robots)
        self._addresses = policy.addresses

    async def fetch(
        self,
        url: str,
        validators: Validators | None = None,
        accept: Callable[[str], bool] = is_html,
        check_robots: bool = True,
        page: str | None = None,
    ) -> FetchResult:
        """GET ``url`` following redirects; the result carries the reason of any
        failure (robots, HTTP status, timeout, size, content type, redirects).
        ``page``: the canonical URL of the page fetched, whose successful response is
        kept in ``pages`` (if given), or read from there if kept already."""
        if page is not None and self.pages is not None:
            kept = self.pages.find(page)
            if kept is not None:  # an earlier attempt of the page's job fetched it
                return kept_result(self.pages, url, kept)
        chain: list[str] = []
        current, attempts = url, 0
        for _hop in range(self.policy.max_redirects + 1):
            if current in chain:
                loop = " → ".join([*chain[chain.index(current) :], current])
                return FetchResult(url, current, error=f"redirect loop: {loop}", attempts=attempts)
            chain.append(current)
            refused = url_refusal(current, self._addresses, redirected=len(chain) > 1)
            if refused is None:
                refused = _invalid_url(current)
            if refused is not None:
                return FetchResult(
                    url, current, error=refused, attempts=attempts,
                    redirects=tuple(chain[:-1]), refused=True,
                )  # fmt: skip
            delay = None
            if check_robots:
                try:
                    rules = await self._robots.rules(current)
                except FetchRefused as error:  # the host's name resolves to a refused address
                    return FetchResult(
                        url, current, error=str(error), attempts=attempts,
                        redirects=tuple(chain[:-1]), refused=True,
                    )  # fmt: skip
                if not rules.allows(current, self.policy.user_agent):
                    reason = rules.reason or "disallowed by robots.txt"
                    return FetchResult(url, current, error=reason, attempts=attempts)
                delay = rules.crawl_delay(self.policy.user_agent)
            headers = (validators or Validators()).headers() if len(chain) == 1 else {}
            result = await self._with_retries(url, current, headers, accept, delay, page)
            attempts += result.attempts
            location = result.header("location")
            if result.status in REDIRECTS and location and result.error is None:
                current = urljoin(current, location)
                continue
            return replace(result, attempts=attempts, redirects=tuple(chain[:-1]))
        return FetchResult(
            url, current, error=f"more than {self.policy.max_redirects} redirects",
            attempts=attempts, redirects=tuple(chain),
        )  # fmt: skip

    async def _with_retries(
        self, url: str, current: str, headers: dict, accept: Callable[[str], bool], delay,
        page: str | None,
    ) -> FetchResult:  # fmt: skip
        host = urlsplit(current).netloc.lower()
        result = FetchResult(url, current)
        for attempt in range(1, self.policy.retries + 2):
            async with self._throttle.slot(host, delay), self._semaphore:
                result = replace(
                    await self._get_once(url, current, headers, accept, page), attempts=attempt
                )
            if not result.retryable or result.abandoned:
                return result
            if attempt > self.policy.retries:
                break
            wait = self.policy.backoff * 2 ** (attempt - 1)
            asked = retry_after_seconds(result.header("retry-after"))
            if asked is not None:
                if asked > self.policy.max_retry_wait:
                    return replace(
                        result,
                        error=f"{result.error}; the server asks to retry after {asked:.0f} s, "
                        f"more than max_retry_wait ({self.policy.max_retry_wait:.0f} s)",
                    )
                wait = max(wait, asked)
            await asyncio.sleep(min(wait, self.policy.max_retry_wait))
        return replace(result, error=f"{result.error} (after {result.attempts} attempts)")

    async def _get_once(
        self, url: str, current: str, headers: dict, accept: Callable[[str], bool],
        page: str | None = None,
    ) -> FetchResult:  # fmt: skip
        self.requests += 1
        try:
            async with asyncio.timeout(self.policy.deadline):
                response, body, truncated = await self._request(current, headers)
        except TimeoutError:
            deadline = f"{self.policy.deadline:g} s"
            return FetchResult(
                url, current, error=f"abandoned: no complete response within {deadline} "
                "(fetch_deadline)", retryable=True, abandoned=True,
            )  # fmt: skip
        except FetchRefused as error:
            return FetchResult(url, current, error=str(error), refused=True)
        except BodyError as error:
            return FetchResult(url, current, error=str(error))
        except httpx.TimeoutException as error:
            kind = type(error).__name__.removesuffix("Timeout").lower() or "request"
            return FetchResult(url, current, error=f"timed out ({kind})", retryable=True)
        except httpx.TransportError as error:
            detail = str(error) or type(error).__name__
            return FetchResult(url, current, error=f"connection failed: {detail}", retryable=True)
        except (httpx.HTTPError, httpx.InvalidURL) as error:
            detail = str(error) or type(error).__name__
            return FetchResult(url, current, error=f"request failed: {detail}")
        result = self._judged(
            FetchResult(url, current, response.status_code, response_headers(response), body),
            truncated, accept,
        )  # fmt: skip
        return self._archived(result, response.reason_phrase, truncated, page)

    def _judged(
        self, result: FetchResult, truncated: bool, accept: Callable[[str], bool]
    ) -> FetchResult:
        """The response's failure, if it is one."""
        status = result.status or 0
        if truncated:
            limit = self.policy.max_bytes
            return replace(result, error=f"response larger than {limit} bytes; not read further")
        if status == 429 or status >= 500:
            return replace(result, error=f"HTTP {status}", retryable=True)
        if status >= 400:
            return replace(result, error=f"HTTP {status}")
        if 200 <= status < 300 and not accept(result.content_type):
            kind = result.content_type or "none"
            return replace(result, error=f"unsupported content type ({kind})")
        return result

    def _archived(
        self, result: FetchResult, reason: str, truncated: bool, page: str | None
    ) -> FetchResult:
        """``result`` archived: a page's successful response in ``pages`` (the one
        kept there already, if an earlier attempt of the page got there first), any
        other in the run's archive."""
        status = result.status or 0
        if page is not None and self.pages is not None and result.ok:
            location, created = self.pages.keep(
                page, result.final_url, status, reason, result.headers, result.body
            )
            return replace(result, archived=location) if created else (
                kept_result(self.pages, result.url, location)
            )  # fmt: skip
        if self.archive is None:
            return result
        location = self.archive.write_response(
            result.final_url, status, reason, result.headers, result.body, truncated
        )
        return replace(result, archived=location)

    async def _request(self, current: str, headers: dict) -> tuple[httpx.Response, bytes, bool]:
        async with self.client.stream("GET", current, headers=headers) as response:
            body, truncated = await read_body(response, self.policy.max_bytes)
        return response, body, truncated

    async def _fetch_robots(self, url: str) -> tuple[int | None, str]:
        result = await self.fetch(url, accept=lambda _type: True, check_robots=False)
        if result.refused:
            raise FetchRefused(result.error)
        if result.status is None:
            return None, ""
        return result.status, result.body.decode("utf-8", "replace")
