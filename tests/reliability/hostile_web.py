"""The hostile web, on the loopback network only (servers started by conftest.py).

- ``hostile`` (127.0.0.1, the "public web" the fetcher is allowed to reach): pages
  that drip their headers or body a byte at a time, an endless body, compression
  bombs, redirect chains to internal addresses (in odd spellings too) and to other
  schemes, malformed feeds (truncated XML, a wrong encoding, billion laughs).
- ``internal`` (127.0.0.2, an "internal service" the fetcher must never reach): it
  counts every request it gets.

Settings allow 127.0.0.1/32 only, so 127.0.0.2 stands for every internal address;
tests that name addresses beyond 127.0.0.0/8 put ``LoopbackOnlyBackend`` under the
guard, so nothing leaves the machine even if the guard were broken.
"""

from __future__ import annotations

import gzip
import threading
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

DRIP_INTERVAL = 0.2  # seconds between bytes: less than any read timeout below
DRIP_SECONDS = 20.0  # how long a drip goes on before the response completes
DEADLINE = 1.5  # fetch_deadline of these tests
PAGE = (
    b"<html><head><title>Joint statement</title></head><body><article><p>"
    + b"The United States and Mexico held the High-Level Economic Dialogue. " * 20
    + b"</p></article></body></html>"
)
BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>&lol9;</title>
<item><title>&lol9;</title><link>http://127.0.0.1/laughs</link></item>
</channel></rss>"""

Respond = Callable[[BaseHTTPRequestHandler, "Server"], None]


@dataclass
class Server:
    host: str
    port: int = 0
    routes: dict[str, Respond] = field(default_factory=dict)
    log: list[str] = field(default_factory=list)
    sent: dict[str, int] = field(default_factory=dict)  # bytes written per path

    def url(self, path: str) -> str:
        return f"http://{self.host}:{self.port}{path}"

    def route(self, path: str, respond: Respond) -> str:
        self.routes[path] = respond
        return self.url(path)

    def page(self, path: str, body: str | bytes, content_type: str = "text/html",
             status: int = 200, **headers: str) -> str:  # fmt: skip
        data = body.encode("utf-8") if isinstance(body, str) else body
        return self.route(path, lambda h, s: send(h, status, data, content_type, **headers))

    def hits(self, path: str) -> int:
        return self.log.count(path)


def send(handler, status: int, body: bytes, content_type: str | None, **headers: str) -> None:
    handler.send_response(status)
    if content_type:
        handler.send_header("Content-Type", content_type)
    for name, value in headers.items():
        handler.send_header(name.replace("_", "-"), value)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


def handler_for(server: Server) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802
            server.log.append(self.path)
            respond = server.routes.get(self.path)
            if respond is None:
                send(self, 404, b"not found", "text/plain")
                return
            try:
                respond(self, server)
            except OSError:  # the client hung up: what a hostile server wants to see
                self.close_connection = True

    return Handler


# Hostile responses.


def drip_headers(handler, server) -> None:
    """A status line and headers sent one byte every DRIP_INTERVAL, for DRIP_SECONDS."""
    handler.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Drip: ")
    started = time.monotonic()
    while time.monotonic() - started < DRIP_SECONDS:
        handler.wfile.write(b"a")
        server.sent[handler.path] = server.sent.get(handler.path, 0) + 1
        time.sleep(DRIP_INTERVAL)
    handler.wfile.write(b"\r\nContent-Length: %d\r\n\r\n" % len(PAGE) + PAGE)


def drip_body(handler, server) -> None:
    """Headers at once, then the body one byte every DRIP_INTERVAL, for DRIP_SECONDS."""
    body = PAGE[: int(DRIP_SECONDS / DRIP_INTERVAL)]
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    for index in range(len(body)):
        handler.wfile.write(body[index : index + 1])
        server.sent[handler.path] = index + 1
        time.sleep(DRIP_INTERVAL)


def endless_body(handler, server) -> None:
    """A body that never ends (no length, no chunk end): 64 KB after 64 KB."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.send_header("Connection", "close")
    handler.end_headers()
    chunk = b"<p>" + b"x" * 65_530 + b"</p>"
    sent = 0
    while sent < 10_000_000_000:
        handler.wfile.write(chunk)
        sent += len(chunk)
        server.sent[handler.path] = sent


def compressed_zeros(size: int, coding: str) -> bytes:
    """``size`` zero bytes compressed with ``coding`` (gzip, deflate, br), made a
    megabyte at a time so the test never holds ``size`` bytes."""
    if coding == "br":
        import brotli

        compressor = brotli.Compressor(quality=5)
        block = b"\0" * 1_000_000
        parts = [compressor.process(block) for _ in range(size // len(block))]
        return b"".join(parts) + compressor.finish()
    wbits = 16 + zlib.MAX_WBITS if coding == "gzip" else zlib.MAX_WBITS
    compressor = zlib.compressobj(9, zlib.DEFLATED, wbits)
    block = b"\0" * 1_000_000
    parts = [compressor.compress(block) for _ in range(size // len(block))]
    return b"".join(parts) + compressor.flush()


def double_gzip(size: int) -> bytes:
    return gzip.compress(compressed_zeros(size, "gzip"), 9)


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        pass


def start(host: str) -> tuple[Server, QuietServer]:
    server = Server(host)
    http = QuietServer((host, 0), handler_for(server))
    server.port = http.server_address[1]
    threading.Thread(target=http.serve_forever, daemon=True).start()
    return server, http
