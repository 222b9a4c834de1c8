"""Web application under load: 100,000 synthetic events in SQLite, a real
``binational serve`` on 127.0.0.1, 20 concurrent clients (wrk, else httpx).

Targets (issue 5): search page p95 < 100 ms, event page p95 < 50 ms.
Run: .venv/bin/python benchmarks/bench_web.py [--events 100000] [--seconds 20]
     [--connections 20] [--workers 2] [--db PATH (reused if it exists)] [--only SCENARIO]
     [--baseline OTHER/.venv/bin/binational --baseline-db PATH --rounds N]
With --baseline, another checkout's server (its own executable, on its own database
built by that checkout's copy of this script) runs the same scenarios, round by round,
the two alternating which goes first; medians of the rounds are printed at the end.
Needs: `apt-get install wrk` for the wrk load generator (an httpx fallback is built in).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import platform
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "samples" / "cbi-report-2023-q2.txt"
BINATIONAL = Path(sys.executable).with_name("binational")
EMAIL, PASSWORD = "bench@example.org", "benchmark password"
QUERIES = [
    "fentanyl", "consular", "labor rights", "USMCA", "migration", "Bicentennial Framework",
    "arms trafficking", "López Obrador", "water", "economic dialogue", "HLED", "border",
    "commission", "Rapid Response", "clean energy", "mexico", "\"consular notification\"",
    "sembrando vida", "security cooperation", "treaty",
]  # fmt: skip
STATUSES = ["published"] * 8 + ["reviewed", "draft"]


def sentences() -> list[str]:
    text = SAMPLE.read_text(encoding="utf-8").replace("\n", " ")
    return [s for s in re.split(r"(?<=[.!?])\s+", text) if 40 < len(s) < 400]


def event_rows(count: int, seed: int = 5, chunk: int = 10_000) -> Iterator[tuple[list, list, list]]:
    """Chunks of (events, links, topics) rows: events over 2014-2023, each linked to
    one to three institutions and tagged with up to two topics."""
    from binational.registry.loader import load_registry
    from binational.registry.topics import load_taxonomy
    from binational.store.models import utcnow

    rng = random.Random(seed)
    pool = sentences()
    words = sorted({w for s in pool for w in re.findall(r"[A-Za-zÁÉÍÓÚáéíóúñ]{4,}", s)})
    slugs = [i.slug for i in load_registry().institutions]
    topics = [t.slug for t in load_taxonomy().topics]
    start = dt.date(2014, 1, 1)
    now = utcnow()
    events: list[dict] = []
    links: list[dict] = []
    tags: list[dict] = []
    for event_id in range(1, count + 1):
        events.append({
            "id": event_id, "title": " ".join(rng.sample(words, 8)).capitalize(),
            "summary": "\n".join(" ".join(rng.sample(pool, 3)) for _ in range(2)),
            "implications": " ".join(rng.sample(pool, 2)),
            "date_value": start + dt.timedelta(days=rng.randrange(3650)),
            "date_precision": "day", "date_source": "stated", "status": rng.choice(STATUSES),
            "truncated": False, "origin": "analyst", "created_at": now, "updated_at": now,
            "url": f"https://www.example.gov/release/{event_id}",
        })  # fmt: skip
        for slug in rng.sample(slugs, rng.randint(1, 3)):
            links.append({"event_id": event_id, "slug": slug, "kind": "institution",
                          "mention": slug.upper(), "field": "summary", "confidence": 0.9,
                          "origin": "linker", "removed": False, "updated_at": now})  # fmt: skip
        for slug in rng.sample(topics, rng.randint(0, 2)):
            tags.append({"event_id": event_id, "slug": slug, "terms": [slug], "origin": "tagger",
                         "removed": False})  # fmt: skip
        if len(events) == chunk:
            yield events, links, tags
            events, links, tags = [], [], []
    if events:
        yield events, links, tags


def build_database(path: Path, count: int) -> float:
    """``count`` events over 2014-2023 with links and topics, and the benchmark's user."""
    from sqlalchemy import insert

    from binational.accounts.passwords import Passwords
    from binational.accounts.users import create_user
    from binational.store.database import Database
    from binational.store.models import Event, EventInstitution, EventTopic

    started = time.perf_counter()
    database = Database.open(str(path))
    with database.transaction() as session:
        for events, links, tags in event_rows(count):
            for table, rows in ((Event, events), (EventInstitution, links), (EventTopic, tags)):
                session.execute(insert(table), rows)
        create_user(session, Passwords(), EMAIL, "viewer", PASSWORD)
    with database.engine.connect() as connection:
        connection.exec_driver_sql("ANALYZE")
    database.close()
    return time.perf_counter() - started


def new_queries(count: int, rng: random.Random) -> list[str]:
    """Queries of two words of the corpus each: the 'search, new' scenario's."""
    words = sorted({w.lower() for s in sentences() for w in re.findall(r"[A-Za-z]{5,}", s)})
    return [f"{rng.choice(words)} {rng.choice(words)}" for _ in range(count)]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(
    db: Path, workers: int, binational: Path = BINATIONAL
) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = {**os.environ, "BINATIONAL_SECRET_KEY": "bench-secret"}
    process = subprocess.Popen(
        [str(binational), "serve", "--host", "127.0.0.1", "--port", str(port), "--db", str(db),
         "--workers", str(workers)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            if httpx.get(url + "/login", timeout=1).status_code == 200:
                return process, url
        except httpx.HTTPError:
            time.sleep(0.1)
    process.terminate()
    raise SystemExit("the server did not start")


def wait_for_search_index(url: str, timeout: float = 300.0) -> float:
    """Seconds until every worker's search index is built: ten answers in a row
    say 'ready' (each worker answers some of them)."""
    started = time.perf_counter()
    in_a_row = 0
    while in_a_row < 10:
        if time.perf_counter() - started > timeout:
            raise SystemExit("the search index was not ready in time")
        state = httpx.get(url + "/api/health", timeout=5).json()["search_index"]
        in_a_row = in_a_row + 1 if state in ("ready", "off") else 0
        time.sleep(0.05 if in_a_row else 0.5)
    return time.perf_counter() - started


def tree_cpu_seconds(root: int) -> float:
    """CPU time (user + system) of a process and all its descendants, from /proc."""
    parents: dict[int, int] = {}
    times: dict[int, float] = {}
    tick = os.sysconf("SC_CLK_TCK")
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(entry.name)] = int(fields[1])
        times[int(entry.name)] = (int(fields[11]) + int(fields[12])) / tick
    total, frontier = 0.0, [root]
    while frontier:
        pid = frontier.pop()
        total += times.get(pid, 0.0)
        frontier.extend(child for child, parent in parents.items() if parent == pid)
    return total


def session_cookie(url: str) -> str:
    with httpx.Client(base_url=url) as client:
        page = client.get("/login").text
        token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        response = client.post("/login", data={"email": EMAIL, "password": PASSWORD,
                                               "csrf_token": token})  # fmt: skip
        if response.status_code != 303:
            raise SystemExit(f"signing in failed ({response.status_code})")
        return f"binational_session={client.cookies['binational_session']}"


WRK_SCRIPT = """
local paths = {%s}
local cookie = "%s"
local counter = 0
local errors = 0
request = function()
  counter = counter + 1
  local path = paths[(counter %% #paths) + 1]
  return wrk.format("GET", path, {["Cookie"] = cookie})
end
response = function(status, headers, body)
  if status ~= 200 then errors = errors + 1 end
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT %%d %%d %%.3f %%.3f %%.3f %%.3f\\n", summary.requests,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end
"""


def run_wrk(url: str, paths: list[str], cookie: str, connections: int, seconds: int) -> dict:
    script = Path(tempfile.mkdtemp()) / "paths.lua"
    quoted = ", ".join('"' + p.replace('"', '\\"') + '"' for p in paths)
    script.write_text(WRK_SCRIPT % (quoted, cookie), encoding="utf-8")
    threads = min(2, connections)
    output = subprocess.run(
        ["wrk", "-t", str(threads), "-c", str(connections), "-d", f"{seconds}s", "--timeout", "5s",
         "-s", str(script), url],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    line = next(line for line in output.splitlines() if line.startswith("RESULT"))
    requests, errors, p50, p95, p99, worst = line.split()[1:]
    return {"requests": int(requests), "errors": int(errors), "p50": float(p50),
            "p95": float(p95), "p99": float(p99), "max": float(worst),
            "rps": int(requests) / seconds}  # fmt: skip


async def _httpx_load(url: str, paths: list[str], cookie: str, connections: int,
                      seconds: int) -> dict:  # fmt: skip
    latencies: list[float] = []
    errors = 0
    deadline = time.perf_counter() + seconds
    counter = iter(range(10**9))

    async def client_loop(client: httpx.AsyncClient) -> None:
        nonlocal errors
        while time.perf_counter() < deadline:
            path = paths[next(counter) % len(paths)]
            started = time.perf_counter()
            response = await client.get(path)
            latencies.append((time.perf_counter() - started) * 1000)
            errors += response.status_code != 200

    limits = httpx.Limits(max_connections=connections)
    async with httpx.AsyncClient(base_url=url, headers={"Cookie": cookie}, limits=limits) as client:
        await asyncio.gather(*(client_loop(client) for _ in range(connections)))
    cuts = statistics.quantiles(latencies, n=100)
    return {"requests": len(latencies), "errors": errors, "p50": cuts[49], "p95": cuts[94],
            "p99": cuts[98], "max": max(latencies), "rps": len(latencies) / seconds}  # fmt: skip


def run_load(url: str, paths: list[str], cookie: str, connections: int, seconds: int) -> dict:
    if shutil.which("wrk"):
        return {"tool": "wrk", **run_wrk(url, paths, cookie, connections, seconds)}
    return {"tool": "httpx", **asyncio.run(_httpx_load(url, paths, cookie, connections, seconds))}


SCENARIOS = (  # name, target p95 in ms
    ("search page", 100.0),  # 20 queries again and again
    ("search, new", 100.0),  # every query new: no cached listing
    ("event page", 50.0),
)


def scenario_paths(events: int) -> dict[str, list[str]]:
    """Each scenario's request paths, the same for every server and round."""
    rng = random.Random(11)
    fresh = new_queries(20_000, rng)
    return {
        "search page": ["/events?" + str(httpx.QueryParams({"q": q})) for q in QUERIES],
        "search, new": ["/events?" + str(httpx.QueryParams({"q": q})) for q in fresh],
        "event page": [f"/events/{rng.randint(1, events)}" for _ in range(500)],
    }


def run_scenarios(
    binational: Path, db: Path, paths: dict[str, list[str]], args: argparse.Namespace
) -> dict[str, dict]:
    """A new server on ``db``: every scenario, each after 5 s of warm-up, with the
    server's CPU (all its processes) a request."""
    process, url = start_server(db, args.workers, binational)
    results: dict[str, dict] = {}
    try:
        print(f"  {binational}: search index ready in {wait_for_search_index(url):.1f} s")
        cookie = session_cookie(url)
        with httpx.Client(base_url=url, headers={"Cookie": cookie}) as client:
            for path in paths["search page"][:3] + paths["event page"][:3]:  # they work
                assert client.get(path).status_code == 200, path
        for name, target in SCENARIOS:
            if args.only and name not in args.only:
                continue
            run_load(url, paths[name], cookie, args.connections, 5)  # warm-up, not counted
            cpu_before = tree_cpu_seconds(process.pid)
            result = run_load(url, paths[name][::-1], cookie, args.connections, args.seconds)
            result["cpu_ms"] = (
                1000 * (tree_cpu_seconds(process.pid) - cpu_before) / max(1, result["requests"])
            )
            results[name] = result
            verdict = "OK" if result["p95"] < target and result["errors"] == 0 else "MISSED"
            print(f"  {name:12s} {result['tool']}: {result['requests']:6d} requests "
                  f"({result['rps']:.0f}/s), errors {result['errors']}, "
                  f"p50 {result['p50']:.1f} ms, p95 {result['p95']:.1f} ms, "
                  f"p99 {result['p99']:.1f} ms, max {result['max']:.1f} ms, "
                  f"server CPU {result['cpu_ms']:.2f} ms/request "
                  f"[target p95 < {target:.0f} ms: {verdict}]")  # fmt: skip
    finally:
        process.terminate()
        process.wait(timeout=20)
    return results


def print_medians(runs: dict[str, list[dict[str, dict]]]) -> None:
    """Per scenario and server: medians (ranges) of CPU a request, req/s and p95."""
    print("medians of the rounds (range):")
    for name, _ in SCENARIOS:
        for label, rounds in runs.items():
            values = [r[name] for r in rounds if name in r]
            if not values:
                continue
            cells = []
            for key, unit in (("cpu_ms", "ms CPU"), ("rps", "req/s"), ("p95", "ms p95")):
                column = [v[key] for v in values]
                cells.append(f"{statistics.median(column):.2f} {unit} "
                             f"({min(column):.2f}-{max(column):.2f})")  # fmt: skip
            print(f"  {name:12s} {label:8s} " + ", ".join(cells))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--connections", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--only", choices=[name for name, _ in SCENARIOS],
                        action="append", help="run only this scenario (repeatable)")  # fmt: skip
    parser.add_argument("--baseline", type=Path, help="another checkout's binational executable")
    parser.add_argument("--baseline-db", type=Path, help="its database (built by its checkout)")
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args()
    if args.baseline and not (args.baseline_db and args.baseline_db.exists()):
        parser.error("--baseline needs --baseline-db, an existing database built by that checkout")

    directory = Path(tempfile.mkdtemp(prefix="bench-web-"))
    db = args.db or directory / "bench.db"
    if db.exists():
        print(f"reusing {db}")
    else:
        print(f"building {args.events:,} events in {db} … ", end="", flush=True)
        print(f"{build_database(db, args.events):.1f} s")
    print(f"load average before: {os.getloadavg()[0]:.1f}")
    servers = [("current", BINATIONAL, db)]
    if args.baseline:
        servers.append(("baseline", args.baseline, args.baseline_db))
    runs: dict[str, list[dict[str, dict]]] = {label: [] for label, _, _ in servers}
    paths = scenario_paths(args.events)
    for number in range(args.rounds):
        order = servers if number % 2 == 0 else servers[::-1]
        for label, binational, database in order:
            print(f"round {number + 1}, {label}:")
            runs[label].append(run_scenarios(binational, database, paths, args))
    if args.rounds > 1 or args.baseline:
        print_medians(runs)
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text()
                .splitlines() if line.startswith("model name")), platform.processor())  # fmt: skip
    print(
        f"machine: {os.cpu_count()} cores ({cpu}), Python {platform.python_version()}, "
        f"{args.workers} uvicorn workers, {args.connections} connections, {args.seconds} s each "
        f"after 5 s of warm-up; load average at the end {os.getloadavg()[0]:.1f}"
    )
    if args.db is None:
        shutil.rmtree(directory, ignore_errors=True)


if __name__ == "__main__":
    main()
