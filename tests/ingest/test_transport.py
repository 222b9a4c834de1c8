"""The guarded connections of ``ingest/transport.py`` against real servers on
127.0.0.0/8: what is refused never reaches a server, what is allowed reaches exactly
the address that was checked, and TLS and the Host header keep the name.

Tests that name addresses beyond the loopback network put ``LoopbackOnlyBackend``
under the guard, so that nothing could leave the machine even if the guard failed.
"""

import ipaddress
import ssl
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from loopback_only import LoopbackOnlyBackend

from binational.ingest.client import FetchPolicy, make_client
from binational.ingest.fetch import Fetcher
from binational.ingest.transport import GuardedBackend

PAGE = b"<html><body><p>Hello</p></body></html>"


def policy_of(settings, *allowed: str) -> FetchPolicy:
    return FetchPolicy.from_settings(settings.with_overrides(fetch_allow_networks=allowed))


async def fetch(policy, url, backend=None, ssl_context=None):
    async with make_client(policy, backend, ssl_context) as client:
        return await Fetcher(client, policy, None).fetch(url)


def resolver_of(answers: dict[str, list[str]], calls: list[str]):
    async def resolve(host: str, port: int):
        calls.append(host)
        return [ipaddress.ip_address(a) for a in answers[host]]

    return resolve


async def test_loopback_is_refused_unless_allowed(settings, site):
    url = site.add("/a", PAGE)
    refused = await fetch(policy_of(settings), url)
    assert refused.error == "refused to connect to 127.0.0.1: 127.0.0.1 is a loopback address"
    assert not refused.retryable and site.log == []  # not even robots.txt was asked
    allowed = await fetch(policy_of(settings, "127.0.0.0/8"), url)
    assert allowed.ok and allowed.body == PAGE


@pytest.mark.parametrize("host", ["0x7f.1", "2130706433", "127.1", "0x7f000001", "localhost"])
async def test_every_spelling_of_loopback_is_refused_and_reaches_the_checked_address(
    settings, site, host
):
    url = site.add("/a", PAGE).replace("127.0.0.1", host)
    refused = await fetch(policy_of(settings), url)
    assert refused.error.startswith(f"refused to connect to {host}: 127.0.0.1 is a loopback")
    assert site.log == []
    safety = LoopbackOnlyBackend()
    backend = GuardedBackend(policy_of(settings, "127.0.0.0/8").addresses, inner=safety)
    allowed = await fetch(policy_of(settings, "127.0.0.0/8"), url, backend)
    assert allowed.ok and allowed.body == PAGE
    assert set(safety.connected) == {"127.0.0.1"}
    assert site.log[-1][1]["host"] == f"{host}:{site.port}"


async def test_an_octal_host_is_refused_or_said_invalid_but_never_sent(settings, site):
    url = site.add("/a", PAGE).replace("127.0.0.1", "0177.0.0.1")
    refused = await fetch(policy_of(settings), url)
    assert refused.error.startswith("refused to connect to 0177.0.0.1: 127.0.0.1 is a loopback")
    invalid = await fetch(policy_of(settings, "127.0.0.0/8"), url)  # httpx cannot send it
    assert "is not a valid web address (Invalid IPv4 address" in invalid.error
    assert site.log == []


async def test_a_name_is_resolved_once_and_its_checked_address_is_the_one_connected(settings, site):
    """The system resolver does not know ``rebind.test``: had the connection looked
    the name up again, it would have failed."""
    url = site.add("/a", PAGE).replace("127.0.0.1", "rebind.test")
    calls: list[str] = []
    policy = policy_of(settings, "127.0.0.0/8")
    safety = LoopbackOnlyBackend()
    backend = GuardedBackend(
        policy.addresses, resolver_of({"rebind.test": ["127.0.0.1"]}, calls), safety
    )
    result = await fetch(policy, url, backend)
    assert result.ok and result.body == PAGE
    assert len(calls) == len(safety.connected) >= 1 and set(safety.connected) == {"127.0.0.1"}
    assert site.log[-1][1]["host"] == f"rebind.test:{site.port}"


@pytest.mark.parametrize(
    ("answers", "reason"),
    [
        (["169.254.169.254"], "rebind.test: 169.254.169.254 is a cloud metadata address"),
        (["127.0.0.1", "10.1.2.3"], "rebind.test: 10.1.2.3 is a private address"),
        (["::ffff:a9fe:a9fe"], "rebind.test: ::ffff:a9fe:a9fe carries 169.254.169.254"),
        (["fd00:ec2::254"], "rebind.test: fd00:ec2::254 is a cloud metadata address"),
    ],
)
async def test_a_name_that_resolves_to_an_internal_address_is_refused(settings, answers, reason):
    policy = policy_of(settings, "127.0.0.0/8")
    safety = LoopbackOnlyBackend()
    backend = GuardedBackend(policy.addresses, resolver_of({"rebind.test": answers}, []), safety)
    result = await fetch(policy, "http://rebind.test:8080/", backend)
    assert result.error.startswith(f"refused to connect to {reason}")
    assert safety.connected == [] and not result.retryable


async def test_a_redirect_to_a_refused_address_is_not_followed(settings, sites):
    public, internal, _ = sites
    internal.add("/secret", b"<html><body><p>internal</p></body></html>")
    public.add("/go", b"", status=302, Location=internal.url("/secret"))
    result = await fetch(policy_of(settings, "127.0.0.1/32"), public.url("/go"))
    assert result.error == "refused to connect to 127.0.0.2: 127.0.0.2 is a loopback address"
    assert result.redirects == (public.url("/go"),) and internal.log == []


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802
        body = b"<html><body><p>over tls</p></body></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


async def test_tls_keeps_the_name_for_sni_and_the_certificate(settings):
    trustme = pytest.importorskip("trustme")
    ca = trustme.CA()
    server_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("secure.test").configure_cert(server_context)
    names: list[str | None] = []
    server_context.sni_callback = lambda sock, name, context: names.append(name)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.socket = server_context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        client_context = ssl.create_default_context()
        ca.configure_trust(client_context)
        policy = policy_of(settings, "127.0.0.0/8")
        calls: list[str] = []
        backend = GuardedBackend(
            policy.addresses, resolver_of({"secure.test": ["127.0.0.1"]}, calls),
            LoopbackOnlyBackend(),
        )  # fmt: skip
        url = f"https://secure.test:{server.server_address[1]}/page"
        result = await fetch(policy, url, backend, client_context)
    finally:
        server.shutdown()
        server.server_close()
    assert result.ok and b"over tls" in result.body
    assert names and set(names) == {"secure.test"} and calls
