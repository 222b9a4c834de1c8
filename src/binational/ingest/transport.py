"""The fetcher's connections: resolve, check, and connect to the checked address.

``GuardedBackend`` is an ``httpcore`` network backend whose ``connect_tcp`` resolves
the host once, refuses the connection if any of its addresses is refused by the
``AddressPolicy`` (``ingest/guard.py``), and otherwise connects to one of the very
addresses it checked, so a second DNS answer (rebinding) can never slip in between
the check and the connection. Only the TCP connection uses the address: TLS (SNI and
certificate checks) and the ``Host`` header keep the name.

Every connection of a run goes through here: sources, pages, robots.txt and each
redirect hop (they all use the client ``make_guarded_client`` returns).
"""

from __future__ import annotations

import ipaddress
import socket
import ssl
from collections.abc import Awaitable, Callable, Iterable, Sequence

import anyio
import httpcore
import httpx

from binational.ingest.guard import AddressPolicy, IPAddress, literal_address

# Resolves (host, port) to the addresses a connection may use, in preference order.
Resolver = Callable[[str, int], Awaitable[Sequence[IPAddress]]]


class FetchRefused(Exception):
    """A connection the address policy refuses; its message is the reason."""


async def system_resolver(host: str, port: int) -> list[IPAddress]:
    """The system resolver's addresses for ``host`` (numeric spellings included)."""
    try:
        infos = await anyio.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as error:
        raise httpcore.ConnectError(f"cannot resolve {host}: {error}") from None
    addresses: list[IPAddress] = []
    for _family, _type, _proto, _name, sockaddr in infos:
        address = ipaddress.ip_address(str(sockaddr[0]).split("%")[0])
        if address not in addresses:
            addresses.append(address)
    return addresses


class GuardedBackend(httpcore.AsyncNetworkBackend):
    def __init__(
        self,
        policy: AddressPolicy,
        resolver: Resolver = system_resolver,
        inner: httpcore.AsyncNetworkBackend | None = None,
    ) -> None:
        self.policy = policy
        self.resolver = resolver
        self.inner = inner or httpcore.AnyIOBackend()

    async def addresses(self, host: str, port: int) -> Sequence[IPAddress]:
        """The checked addresses of ``host``; ``FetchRefused`` if any is refused (a
        name that resolves to one public and one private address is refused)."""
        literal = literal_address(host)
        found = [literal] if literal is not None else await self.resolver(host, port)
        if not found:
            raise httpcore.ConnectError(f"{host} has no address")
        for address in found:
            reason = self.policy.refusal(address)
            if reason is not None:
                said = "" if literal is not None and host == str(literal) else f"{host}: "
                raise FetchRefused(f"refused to connect to {said}{reason}")
        return found

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        try:
            with anyio.fail_after(timeout):
                addresses = await self.addresses(host, port)
        except TimeoutError:
            raise httpcore.ConnectTimeout(f"resolving {host} took too long") from None
        error: Exception | None = None
        for address in addresses:
            try:
                return await self.inner.connect_tcp(
                    str(address), port, timeout, local_address, socket_options
                )
            except httpcore.ConnectError as failed:
                error = failed
        assert error is not None
        raise error

    async def connect_unix_socket(self, path: str, timeout=None, socket_options=None):
        raise FetchRefused("unix sockets are never fetched")

    async def sleep(self, seconds: float) -> None:
        await self.inner.sleep(seconds)


class GuardedTransport(httpx.AsyncHTTPTransport):
    """httpx's transport with the connection pool built on ``GuardedBackend``.

    httpx's transport takes no network backend, so its pool (``_pool``, an
    ``httpcore.AsyncConnectionPool``, the same in httpx 0.27 and 0.28) is replaced
    by one that has the backend; requests and errors are then handled by httpx as
    usual. No proxy is ever used.
    """

    def __init__(
        self,
        backend: GuardedBackend,
        limits: httpx.Limits,
        ssl_context: ssl.SSLContext | None = None,
    ) -> None:
        super().__init__(limits=limits, trust_env=False)
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=ssl_context or httpx.create_ssl_context(trust_env=False),
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            http1=True,
            http2=False,
            network_backend=backend,
        )
