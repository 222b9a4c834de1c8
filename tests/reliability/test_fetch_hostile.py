"""The fetcher against the hostile server (issue 12, findings 1-3, at the fetcher):
slow drips, endless bodies, compression bombs, redirects to internal addresses in
any spelling and to other schemes. Every refusal is one reason; nothing is sent to
an internal address; no response holds the fetcher past its deadline."""

import time
import tracemalloc

import pytest
from hostile_web import (
    DEADLINE,
    compressed_zeros,
    double_gzip,
    drip_body,
    drip_headers,
    endless_body,
    send,
)

from binational.ingest.archive import WarcArchive, read_response
from binational.ingest.client import FetchPolicy, make_client
from binational.ingest.fetch import Fetcher

BOMB_SIZE = 200_000_000


async def fetch(settings, url, archive=None):
    policy = FetchPolicy.from_settings(settings)
    async with make_client(policy) as client:
        return await Fetcher(client, policy, archive).fetch(url)


@pytest.fixture(scope="module")
def bombs() -> dict[str, bytes]:
    return {
        "gzip": compressed_zeros(BOMB_SIZE, "gzip"),
        "br": compressed_zeros(BOMB_SIZE, "br"),
        "gzip, gzip": double_gzip(BOMB_SIZE),
    }


@pytest.mark.parametrize("respond", [drip_headers, drip_body], ids=["headers", "body"])
async def test_a_drip_is_abandoned_at_the_deadline(settings, hostile, respond):
    url = hostile.route("/drip", respond)
    started = time.monotonic()
    result = await fetch(settings, url)
    elapsed = time.monotonic() - started
    assert elapsed < DEADLINE + 3.0, f"the fetch took {elapsed:.1f} s"  # the drip lasts 20 s
    assert result.error == f"abandoned: no complete response within {DEADLINE:g} s (fetch_deadline)"
    assert result.retryable and result.abandoned and result.attempts == 1  # not retried now


async def test_an_endless_body_is_cut_at_the_size_limit(settings, hostile, tmp_path):
    url = hostile.route("/endless", endless_body)
    with WarcArchive.open(tmp_path / "warc") as archive:
        result = await fetch(settings, url, archive)
    assert result.error == "response larger than 2000000 bytes; not read further"
    assert len(result.body) == 2_000_000
    assert read_response(tmp_path / "warc", result.archived).truncated
    time.sleep(0.3)
    assert hostile.sent["/endless"] < 20_000_000  # the server was stopped long before


async def test_a_gzip_bomb_is_decoded_no_further_than_the_limit(settings, hostile, bombs):
    url = hostile.page("/bomb.html", bombs["gzip"], Content_Encoding="gzip")
    tracemalloc.start()
    try:
        result = await fetch(settings, url)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert result.error == "response larger than 2000000 bytes; not read further"
    assert len(result.body) == 2_000_000
    assert peak < 16_000_000, f"decoding took {peak / 1e6:.0f} MB at its peak"


@pytest.mark.parametrize("coding", ["br", "gzip, gzip"])
async def test_bombs_in_codings_not_asked_for_are_refused_unread(settings, hostile, bombs, coding):
    """httpx would decode a whole read of these at once: 200 MB from 304 bytes of
    brotli, or from 1.7 KB gzipped twice."""
    url = hostile.page("/bomb.html", bombs[coding], Content_Encoding=coding)
    tracemalloc.start()
    try:
        result = await fetch(settings, url)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert result.error == f"unsupported content encoding ({coding})"
    assert peak < 16_000_000, f"the bomb took {peak / 1e6:.0f} MB"
    assert hostile.hits("/bomb.html") == 1


async def test_we_ask_only_for_codings_we_decode_within_bounds(settings, hostile):
    seen = {}

    def record(handler, server):
        seen["accept-encoding"] = handler.headers.get("Accept-Encoding")
        send(handler, 200, b"<html><body><p>hi</p></body></html>", "text/html")

    result = await fetch(settings, hostile.route("/ae", record))
    assert result.ok and seen["accept-encoding"] == "gzip, deflate"


async def test_a_corrupt_gzip_body_is_a_failure_with_its_reason(settings, hostile):
    url = hostile.page("/corrupt", b"\x1f\x8b\x08\x00" + b"not gzip at all" * 10,
                       Content_Encoding="gzip")  # fmt: skip
    result = await fetch(settings, url)
    assert result.error.startswith("cannot decode the gzip body")


def internal_spellings(internal) -> list[str]:
    """The internal server's address as a redirect may spell it."""
    port = internal.port
    return [
        f"http://127.0.0.2:{port}/secret",
        f"http://0x7f.0.0.2:{port}/secret",
        f"http://2130706434:{port}/secret",
        f"http://127.2:{port}/secret",
        f"http://[::ffff:127.0.0.2]:{port}/secret",
        f"http://0177.0.0.2:{port}/secret",
    ]


@pytest.mark.parametrize("index", range(6))
async def test_a_redirect_to_an_internal_address_is_refused_in_any_spelling(
    settings, hostile, internal, index
):
    target = internal_spellings(internal)[index]
    url = hostile.page("/go", b"", status=302, Location=target)
    result = await fetch(settings, url)
    assert result.error.startswith("refused to connect to "), result.error
    assert "127.0.0.2, a loopback address" in result.error or (
        "127.0.0.2 is a loopback address" in result.error
    )
    assert not result.ok and result.final_url == target
    assert internal.log == []


async def test_a_redirect_chain_ending_inside_is_refused_at_its_last_hop(
    settings, hostile, internal
):
    hostile.page("/chain/1", b"", status=301, Location="/chain/2")
    hostile.page("/chain/2", b"", status=302, Location="/chain/3")
    hostile.page("/chain/3", b"", status=307, Location=internal.url("/secret"))
    result = await fetch(settings, hostile.url("/chain/1"))
    assert result.error == "refused to connect to 127.0.0.2: 127.0.0.2 is a loopback address"
    assert result.redirects == tuple(hostile.url(f"/chain/{n}") for n in (1, 2, 3))
    assert internal.log == []


@pytest.mark.parametrize(
    ("location", "scheme"),
    [
        ("data:text/html,<script>alert(1)</script>", "data"),
        ("data:text/html;base64,PGgxPmhpPC9oMT4=", "data"),
        ("javascript:alert(document.cookie)", "javascript"),
        ("file:///etc/passwd", "file"),
        ("ftp://127.0.0.1/pub/x", "ftp"),
    ],
)
async def test_a_redirect_to_another_scheme_is_refused_with_its_own_reason(
    settings, hostile, location, scheme
):
    url = hostile.page("/odd", b"", status=302, Location=location)
    result = await fetch(settings, url)
    assert result.error == f"redirect to {scheme}: refused (only http and https are followed)"
    assert not result.retryable and result.redirects == (url,)
