"""A farm of news hosts on the loopback network, and worker processes to run against
it: used by the job tests and ``benchmarks/bench_workers.py``.

Each host is a threaded ``http.server`` on its own address (127.0.0.11, .12, ...:
distinct hosts for politeness), serving an RSS feed per source (``/feed/<n>.xml``) and
its article pages (``/news/<n>/<i>.html``), each page a distinct story of words
drawn from the bundled sample report. Every request is logged with its arrival time,
so a test can check the spacing each host saw and how often each page was fetched.
Nothing here reaches beyond the loopback network.
"""

from __future__ import annotations

import html
import os
import random
import re
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data" / "samples" / "cbi-report-2023-q2.txt"


def _words() -> list[str]:
    text = SAMPLE.read_text(encoding="utf-8")
    return sorted({w.lower() for w in re.findall(r"[A-Za-z]{4,}", text)})


def article(title: str, paragraphs: list[str]) -> str:
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{html.escape(title)}</title>
<meta property="article:published_time" content="2026-11-02T10:00:00-05:00"></head>
<body><header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<main><article><h1>{html.escape(title)}</h1><time datetime="2026-11-02">2026-11-02</time>
{body}</article></main><footer><p>Official site of a government office.</p></footer>
</body></html>"""


def rss(title: str, links: list[tuple[str, str]]) -> str:
    items = "".join(
        f"<item><title>{html.escape(t)}</title><link>{html.escape(u)}</link>"
        "<pubDate>Mon, 02 Nov 2026 10:00:00 GMT</pubDate></item>"
        for u, t in links
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{html.escape(title)}</title><link>http://example.invalid/</link>"
        f"<description>news</description>{items}</channel></rss>"
    )


@dataclass
class Host:
    address: str
    server: ThreadingHTTPServer | None = None
    log: list[tuple[float, str]] = field(default_factory=list)  # (time.time(), path)
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def base(self) -> str:
        assert self.server is not None
        return f"http://{self.address}:{self.server.server_address[1]}"


@dataclass
class Farm:
    """``hosts`` hosts; ``sources`` sources spread over them round-robin, each with
    ``pages`` pages; every page answers after ``delay`` seconds."""

    hosts: list[Host]
    sources: int
    pages: int
    delay: float = 0.0
    seed: int = 7
    words: list[str] = field(default_factory=_words)
    # path -> the statuses its first requests get (then it answers normally)
    failing: dict[str, list[int]] = field(default_factory=dict)

    @classmethod
    def start(cls, hosts: int, sources: int, pages: int, delay: float = 0.0) -> Farm:
        farm = cls([Host(f"127.0.0.{11 + i}") for i in range(hosts)], sources, pages, delay)
        for host in farm.hosts:
            host.server = ThreadingHTTPServer((host.address, 0), _handler(farm, host))
            host.server.daemon_threads = True
            threading.Thread(target=host.server.serve_forever, daemon=True).start()
        return farm

    def stop(self) -> None:
        for host in self.hosts:
            if host.server is not None:
                host.server.shutdown()
                host.server.server_close()

    def host_of(self, source: int) -> Host:
        return self.hosts[source % len(self.hosts)]

    def feed_url(self, source: int) -> str:
        return f"{self.host_of(source).base}/feed/{source}.xml"

    def page_url(self, source: int, page: int) -> str:
        return f"{self.host_of(source).base}/news/{source}/{page}.html"

    def page_urls(self) -> set[str]:
        return {self.page_url(s, p) for s in range(self.sources) for p in range(self.pages)}

    def source_rows(self, interval: float = 3600.0) -> list[dict]:
        """The sources as ``sync_sources`` takes them."""
        return [
            {"name": f"source-{s}", "url": self.feed_url(s), "kind": "rss", "language": "en",
             "country": "US", "agency": "", "selector": "", "official": True,
             "interval": interval}
            for s in range(self.sources)
        ]  # fmt: skip

    def story(self, source: int, page: int) -> tuple[str, list[str]]:
        rng = random.Random(f"{self.seed}-{source}-{page}")
        title = " ".join(rng.sample(self.words, 8)).capitalize()
        paragraphs = [" ".join(rng.sample(self.words, 40)).capitalize() + "." for _ in range(5)]
        return title, paragraphs

    def answer(self, path: str) -> tuple[int, str, str]:
        if self.failing.get(path):
            return self.failing[path].pop(0), "text/plain", "failing on purpose"
        if match := re.fullmatch(r"/feed/(\d+)\.xml", path):
            source = int(match[1])
            links = [
                (self.page_url(source, p), self.story(source, p)[0]) for p in range(self.pages)
            ]
            return 200, "application/rss+xml", rss(f"source {source}", links)
        if match := re.fullmatch(r"/news/(\d+)/(\d+)\.html", path):
            time.sleep(self.delay)
            return (
                200,
                "text/html; charset=utf-8",
                article(*self.story(int(match[1]), int(match[2]))),
            )
        return 404, "text/plain", "not found"

    def requests(self) -> dict[str, list[float]]:
        """Arrival times of the requests each host received, in order."""
        return {h.address: sorted(t for t, _ in h.log) for h in self.hosts}

    def fetch_counts(self) -> Counter:
        """How many times each page URL was requested."""
        counts: Counter = Counter()
        for host in self.hosts:
            for _, path in host.log:
                counts[host.base + path] += 1
        return counts


def _handler(farm: Farm, host: Host) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802
            with host.lock:
                host.log.append((time.time(), self.path))
            status, content_type, text = farm.answer(self.path)
            body = text.encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return Handler


def closest_spacing(times: list[float], window: int = 1) -> float:
    """The shortest time between a request and the ``window``-th after it."""
    return min((b - a for a, b in zip(times, times[window:], strict=False)), default=float("inf"))


def archive_records(directory: Path) -> Counter:
    """How many response records each URL has across every WARC file under
    ``directory`` (a worker's own files and the pages' files alike)."""
    counts: Counter = Counter()
    for path in sorted(directory.rglob("*.warc.gz")):
        with open(path, "rb") as handle:
            for record in ArchiveIterator(handle):
                if record.rec_type == "response":
                    counts[record.rec_headers.get_header("WARC-Target-URI")] += 1
    return counts


def worker_environment(db_url: str, tmp: Path, **settings: object) -> dict[str, str]:
    """The environment of a worker process: the database, an archive directory, the
    loopback network allowed, and ``settings`` as BINATIONAL_* variables."""
    env = dict(os.environ)
    env.update({
        "BINATIONAL_DB": db_url, "BINATIONAL_ARCHIVE_DIR": str(tmp / "archive"),
        "BINATIONAL_FETCH_ALLOW_NETWORKS": "127.0.0.0/8",
        "BINATIONAL_CONFIG": str(tmp / "none.toml"),
    })  # fmt: skip
    env.update({f"BINATIONAL_{k.upper()}": str(v) for k, v in settings.items()})
    return env


def start_worker(env: dict[str, str], concurrency: int, log: Path) -> subprocess.Popen:
    with open(log, "ab") as out:
        return subprocess.Popen(
            [sys.executable, "-m", "binational", "worker", "--concurrency", str(concurrency)],
            env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip


def kill_hard(process: subprocess.Popen) -> None:
    """kill -9: no clean-up, no goodbye to the database."""
    process.send_signal(signal.SIGKILL)
    process.wait()


def stop_gently(process: subprocess.Popen, timeout: float = 20.0) -> None:
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout)
    except subprocess.TimeoutExpired:
        kill_hard(process)
