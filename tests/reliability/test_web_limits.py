"""The web app's limits against a real ``binational serve`` on 127.0.0.1 (issue 12,
findings 5-8): bodies refused before they are read, ids out of range, the 500 of
last resort that keeps the connection, forwarded headers believed only from
configured proxies, HSTS over https, sessions that end when signed out, and the
sign-in lockout shared by every worker and lifted by ``binational users unlock``."""

from __future__ import annotations

import http.client
import json
import re
import socket
import sqlite3
import subprocess
import threading
import time

import httpx
from served import PASSWORD
from tests.serving import BINATIONAL
from tests.web.conftest import ACCOUNTS

MB = 1 << 20


def raw_request(port: int, head: bytes, body_bytes: int, chunked: bool) -> tuple[bytes, int]:
    """Send ``head`` and then up to ``body_bytes`` of body in 64 KiB pieces from a
    second thread while reading the answer; returns the answer (its head and as much of
    its body as its Content-Length announces) and how much of the body went out before
    the server answered."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=20)
    sock.sendall(head)
    sent = 0
    answered = threading.Event()

    def send_body() -> None:
        nonlocal sent
        piece = b"x" * 65536
        try:
            while sent < body_bytes and not answered.is_set():
                data = b"10000\r\n" + piece + b"\r\n" if chunked else piece
                sock.sendall(data)
                sent += len(piece)
        except OSError:  # the server closed the connection: it read no further
            pass

    writer = threading.Thread(target=send_body)
    writer.start()
    answer = sock.recv(4096)
    answered.set()
    answer += _rest_of_answer(sock, answer)
    writer.join(timeout=20)
    sock.close()
    return answer, sent


def _rest_of_answer(sock: socket.socket, start: bytes) -> bytes:
    """What is left of an answer whose first bytes are ``start``: the head and the body
    can come in separate segments when the machine is busy."""
    rest = b""
    while b"\r\n\r\n" not in start + rest:
        if not (more := sock.recv(4096)):
            return rest
        rest += more
    head, _, body = (start + rest).partition(b"\r\n\r\n")
    length = re.search(rb"(?im)^content-length:\s*(\d+)", head)
    missing = int(length.group(1)) - len(body) if length else 0
    while missing > 0 and (more := sock.recv(min(missing, 65536))):
        rest += more
        missing -= len(more)
    return rest


def test_a_100_mb_anonymous_patch_is_refused_before_it_is_read(serve):
    server = serve()
    before = server.rss_kib()
    head = (f"PATCH /api/events/1 HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            f"Content-Length: {100 * MB}\r\n\r\n").encode()  # fmt: skip
    answer, sent = raw_request(server.port, head, 100 * MB, chunked=False)
    assert answer.startswith(b"HTTP/1.1 413 "), answer[:200]
    assert b'"error":"the request is larger than the 1,000,000 bytes this server accepts"' in answer
    chunked_head = (b"PATCH /api/events/1 HTTP/1.1\r\nHost: x\r\nContent-Type: application/json"
                    b"\r\nTransfer-Encoding: chunked\r\n\r\n")  # fmt: skip
    answer, sent_chunked = raw_request(server.port, chunked_head, 100 * MB, chunked=True)
    assert answer.startswith(b"HTTP/1.1 413 "), answer[:200]
    grown = server.rss_kib() - before
    assert grown < 20 * 1024, f"the server grew by {grown} KiB"
    assert sent_chunked < 30 * MB  # cut off near the limit (plus what the sockets buffer)


def test_ids_and_fields_out_of_range(serve, tokens):
    server = serve()
    api = httpx.Client(base_url=server.url,
                       headers={"Authorization": f"Bearer {tokens['editor']}"})  # fmt: skip
    assert api.get("/api/events/99999999999999999999999").status_code == 404
    too_long = api.patch("/api/events/1", json={"implications": "w" * 20_001})
    # refused by the documented schema (422, the API's one error shape), nothing stored
    assert too_long.status_code == 422
    assert too_long.json() == {
        "error": "implications: 20,001 characters long; it takes at most 20,000",
        "field": "body.implications",
    }
    assert "w" * 20_001 not in api.get("/api/events/1").text


def test_an_unexpected_error_is_logged_with_its_id_and_the_connection_goes_on(serve, tokens):
    server = serve()
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=20)
    headers = {"Authorization": f"Bearer {tokens['viewer']}"}
    connection.request("GET", "/api/me", headers=headers)
    assert connection.getresponse().read() and connection.sock is not None
    local = connection.sock.getsockname()
    with sqlite3.connect(server.database) as broken:  # a real fault under the server
        broken.execute("ALTER TABLE events RENAME TO events_gone")
    connection.request("GET", "/api/events/1", headers=headers)
    response = connection.getresponse()
    body = json.loads(response.read())
    assert response.status == 500 and not response.will_close
    assert re.fullmatch(r"[0-9a-f]{12}", body["error_id"])
    connection.request("GET", "/api/me", headers=headers)  # on the same connection
    again = connection.getresponse()
    assert again.status == 200 and json.loads(again.read())["role"] == "viewer"
    assert connection.sock.getsockname() == local
    connection.close()
    time.sleep(0.2)
    log = server.log()
    assert f"error {body['error_id']} on GET /api/events/1" in log
    assert "no such table: events" in log and "Traceback" in log


def failed_sign_in(client: httpx.Client, email: str, **headers: str) -> int:
    page = client.get("/login")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
    return client.post("/login", headers=headers,
                       data={"email": email, "password": "wrong password!", "csrf_token": token}
                       ).status_code  # fmt: skip


def forwarded_for(n: int) -> dict[str, str]:
    return {"X-Forwarded-For": f"10.0.0.{n}"}


def test_forwarded_addresses_are_not_believed_by_default(serve):
    server = serve()
    client = httpx.Client(base_url=server.url, timeout=30)
    statuses = [failed_sign_in(client, f"guess{n}@example.org", **forwarded_for(n))
                for n in range(21)]  # fmt: skip
    assert statuses[:20] == [401] * 20 and statuses[20] == 429  # one address: 127.0.0.1
    plain = client.get("/login", headers={"X-Forwarded-Proto": "https"})
    assert "strict-transport-security" not in plain.headers


def test_a_configured_proxy_is_believed(serve):
    server = serve(trusted_proxies="127.0.0.1")
    client = httpx.Client(base_url=server.url, timeout=30)
    statuses = [failed_sign_in(client, f"guess{n}@example.org", **forwarded_for(n))
                for n in range(21)]  # fmt: skip
    assert statuses == [401] * 21  # 21 addresses, one failure each
    secure = httpx.get(server.url + "/login", headers={"X-Forwarded-Proto": "https"})
    assert secure.headers["strict-transport-security"] == "max-age=31536000"
    assert "Secure" in secure.headers["set-cookie"]


def test_the_lockout_holds_across_workers_and_users_unlock_lifts_it(serve, web_copy):
    server = serve(workers=2)
    admin = ACCOUNTS["admin"]
    statuses = [failed_sign_in(httpx.Client(base_url=server.url, timeout=30), admin)
                for _ in range(6)]  # fmt: skip
    assert statuses[:5] == [401] * 5 and statuses[5] == 429  # new connections, both workers
    unlocked = subprocess.run([str(BINATIONAL), "users", "unlock", admin, "--db", str(web_copy)],
                              capture_output=True, text=True)  # fmt: skip
    assert unlocked.returncode == 0, unlocked.stderr
    client = server.sign_in(admin, PASSWORD)
    assert client.get("/users").status_code == 200


def test_signing_out_ends_the_session_and_signed_in_pages_are_not_cached(serve):
    server = serve()
    client = server.sign_in(ACCOUNTS["viewer"])
    page = client.get("/events")
    assert page.status_code == 200 and page.headers["cache-control"] == "no-store"
    cookie = client.cookies.get("binational_session")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
    assert client.post("/logout", data={"csrf_token": token}).status_code == 303
    replayed = httpx.get(server.url + "/events", cookies={"binational_session": cookie})
    assert replayed.status_code == 303 and replayed.headers["location"].startswith("/login")
