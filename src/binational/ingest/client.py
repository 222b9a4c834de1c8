"""The HTTP client of a run and the policy it follows (``FetchPolicy``, from the
settings): every connection through the guarded transport (``ingest/transport.py``),
no proxies from the environment, only the content codings ``ingest/body.py``
decodes within bounds, and redirects left to the fetcher (``ingest/fetch.py``).
"""

from __future__ import annotations

import ssl
from dataclasses import dataclass

import httpx

from binational.ingest.body import ACCEPT_ENCODING
from binational.ingest.guard import AddressPolicy
from binational.ingest.transport import GuardedBackend, GuardedTransport

HELD_LOCATION = "X-Binational-Held-Location"


@dataclass(frozen=True)
class FetchPolicy:
    user_agent: str
    requests_per_second: float = 1.0
    max_concurrency: int = 8
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    max_bytes: int = 10_000_000
    retries: int = 3
    backoff: float = 1.0
    max_retry_wait: float = 60.0
    max_redirects: int = 5
    deadline: float = 30.0
    allow_networks: tuple[str, ...] = ()

    @classmethod
    def from_settings(cls, settings) -> FetchPolicy:  # settings: binational.config.Settings
        return cls(
            user_agent=settings.user_agent,
            requests_per_second=settings.requests_per_second,
            max_concurrency=settings.max_concurrency,
            connect_timeout=settings.connect_timeout,
            read_timeout=settings.fetch_timeout,
            max_bytes=settings.max_response_bytes,
            retries=settings.fetch_retries,
            backoff=settings.retry_backoff,
            max_retry_wait=settings.max_retry_wait,
            max_redirects=settings.max_redirects,
            deadline=settings.fetch_deadline,
            allow_networks=tuple(settings.fetch_allow_networks),
        )

    @property
    def addresses(self) -> AddressPolicy:
        return AddressPolicy.from_cidrs(self.allow_networks)


def make_client(
    policy: FetchPolicy,
    backend: GuardedBackend | None = None,
    ssl_context: ssl.SSLContext | None = None,
) -> httpx.AsyncClient:
    """The HTTP client of a run: every connection guarded by the address policy (a
    ``GuardedBackend`` with the system resolver unless one is given), no proxies from
    the environment, only gzip and deflate asked for (``ingest/body.py``)."""
    limits = httpx.Limits(max_connections=policy.max_concurrency)
    backend = backend or GuardedBackend(policy.addresses)
    return httpx.AsyncClient(
        transport=GuardedTransport(backend, limits, ssl_context),
        event_hooks={"response": [hold_location]},
        timeout=httpx.Timeout(policy.read_timeout, connect=policy.connect_timeout),
        headers={"User-Agent": policy.user_agent, "Accept-Encoding": ACCEPT_ENCODING},
        follow_redirects=False,
        trust_env=False,
    )


async def hold_location(response: httpx.Response) -> None:
    """Move a response's ``Location`` out of httpx's sight. httpx parses it into the
    next request even when it does not follow redirects, and raises on a Location
    it cannot parse (``data:``, ``javascript:``, an octal host), losing the response;
    the fetcher follows redirects itself and judges each Location (``guard.py``)."""
    if "location" in response.headers:
        response.headers[HELD_LOCATION] = response.headers.pop("location")


def response_headers(response: httpx.Response) -> tuple[tuple[str, str], ...]:
    """The headers as the server sent them (a held Location under its own name)."""
    held = HELD_LOCATION.lower()
    return tuple(
        ("Location" if key.lower() == held else key, value)
        for key, value in response.headers.multi_items()
    )
