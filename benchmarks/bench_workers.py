"""Benchmark: ingestion by ``binational worker`` processes on PostgreSQL, against a
loopback farm of news hosts: pages per second with 1, 2 and 4 workers, requests per
second per host against its limit, and exactly-once processing after a run in which
workers are killed with SIGKILL at random and restarted.

    .venv/bin/python benchmarks/bench_workers.py [--sources 500] [--hosts 20] \\
        [--pages 10] [--workers 1,2,4] [--runs 1] [--rate 10] [--concurrency 8]

The farm (``tests/jobs/farm.py``): ``--hosts`` HTTP servers, one per loopback address
(127.0.0.11, .12, ...), answering for ``--sources`` RSS feeds spread over them, each
listing ``--pages`` article pages, every page a distinct story. Each run gets a fresh
database (from the server at ``$BINATIONAL_TEST_PG_ADMIN_URL``), the sources synced
into it, then the workers are started as processes (``python -m binational worker``)
and the run is timed from their start until every page is stored and the ingest queue
is empty: the whole process, as a user meets it (the workers' start-up included).
Runs of the worker counts are interleaved; the median of ``--runs`` is reported.
Every host's requests are logged by the server on arrival: the most in any one-second
window and the closest two are reported against the limit (``--rate`` per host,
``requests_per_second``).

The last run (4 workers) kills a random worker with SIGKILL every 2 to 5 seconds and
starts a new one, then checks every page has exactly one page document and one
candidate, counts the response records of each page URL across every WARC file of the
run's archive (the pages with more than one archive record), and counts the pages
fetched twice (a worker killed while its request was in flight: nothing archived yet).
The load average is printed before and after.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections import Counter
from pathlib import Path

from sqlalchemy import create_engine, text

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "jobs"))

from farm import (  # noqa: E402
    Farm,
    archive_records,
    closest_spacing,
    kill_hard,
    start_worker,
    stop_gently,
    worker_environment,
)

from binational.store.database import Database  # noqa: E402
from binational.store.ingest_sources import sync_sources  # noqa: E402

ADMIN = os.environ.get(
    "BINATIONAL_TEST_PG_ADMIN_URL", "postgresql+psycopg://postgres:postgres@127.0.0.1:5432/postgres"
)


def fresh_database(admin) -> tuple[str, str]:
    name = f"bench_workers_{uuid.uuid4().hex[:8]}"
    with admin.connect() as connection:
        connection.execute(text(f"CREATE DATABASE {name}"))
    url = admin.url.set(database=name).render_as_string(hide_password=False)
    return name, url


def drop_database(admin, name: str) -> None:
    with admin.connect() as connection:
        connection.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))


def progress(engine) -> tuple[int, int]:
    with engine.connect() as connection:
        pages = connection.scalar(text("SELECT count(*) FROM ingest_documents WHERE kind='page'"))
        busy = connection.scalar(
            text(
                "SELECT count(*) FROM procrastinate_jobs WHERE queue_name = 'ingest' "
                "AND status IN ('todo', 'doing')"
            )
        )
    return pages, busy


def busiest_second(times: list[float]) -> int:
    """The most requests in any one-second window (sliding, half-open)."""
    best, start = 0, 0
    for end, moment in enumerate(times):
        while moment - times[start] >= 1.0:
            start += 1
        best = max(best, end - start + 1)
    return best


def run_once(admin, farm: Farm, workers: int, args, kill: bool = False) -> dict:
    for host in farm.hosts:
        host.log.clear()
    name, url = fresh_database(admin)
    database = Database.open(url)
    sync_sources(database.engine, farm.source_rows())
    total = args.sources * args.pages
    with tempfile.TemporaryDirectory() as tmp:
        env = worker_environment(
            url, Path(tmp), worker_tick=1, worker_heartbeat=2, worker_stalled_after=20,
            requests_per_second=args.rate, job_retry_wait=1, max_concurrency=args.concurrency,
        )  # fmt: skip
        log = Path(tmp) / "workers.log"
        rng = random.Random(workers)
        start = time.monotonic()
        processes = [start_worker(env, args.concurrency, log) for _ in range(workers)]
        kills, next_kill = 0, start + rng.uniform(4, 6)
        try:
            while True:
                pages, busy = progress(database.engine)
                settled = time.monotonic() - start > 30  # the polls have been deferred
                if busy == 0 and (pages >= total or settled):
                    break  # done, or nothing left to do (the missing pages' jobs failed)
                if time.monotonic() - start > args.timeout:
                    raise SystemExit(f"not done in {args.timeout} s: {pages}/{total} pages")
                if kill and time.monotonic() >= next_kill:
                    kill_hard(processes.pop(rng.randrange(len(processes))))
                    processes.append(start_worker(env, args.concurrency, log))
                    kills += 1
                    next_kill = time.monotonic() + rng.uniform(2, 5)
                time.sleep(0.2)
            elapsed = time.monotonic() - start
        finally:
            for process in processes:
                stop_gently(process)
        result = {"workers": workers, "seconds": elapsed, "pages_per_second": pages / elapsed,
                  "missing": total - pages}  # fmt: skip
        requests = farm.requests()
        result["busiest_second"] = max(busiest_second(t) for t in requests.values())
        result["closest"] = min(closest_spacing(times) for times in requests.values())
        result["requests"] = sum(len(t) for t in requests.values())
        if kill:
            records = archive_records(Path(tmp) / "archive")
            result.update(kills=kills, **exactly_once(database.engine, farm, records))
    database.close()
    drop_database(admin, name)
    return result


def exactly_once(engine, farm: Farm, records: Counter) -> dict:
    with engine.connect() as connection:
        rows = connection.execute(
            text("SELECT canonical_url, candidate_id FROM ingest_documents WHERE kind = 'page'")
        ).all()
        candidates = connection.scalar(text("SELECT count(*) FROM ingest_candidates"))
        failed = connection.scalar(
            text("SELECT count(*) FROM procrastinate_jobs WHERE status = 'failed'")
        )
        taken_back = connection.scalar(
            text("SELECT count(*) FROM job_errors WHERE error LIKE 'its worker went silent%'")
        )
    urls = [row.canonical_url for row in rows]
    fetched = farm.fetch_counts()
    return {
        "every_page_once": sorted(urls) == sorted(farm.page_urls()),
        "one_candidate_each": len({row.candidate_id for row in rows}) == len(urls) == candidates,
        "failed_jobs": failed,
        "jobs_taken_back": taken_back,
        "pages_fetched_twice": sum(1 for url in farm.page_urls() if fetched[url] > 1),
        "pages_archived_twice": sum(1 for url in farm.page_urls() if records[url] > 1),
        "pages_not_archived": sum(1 for url in farm.page_urls() if records[url] == 0),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sources", type=int, default=500)
    parser.add_argument("--hosts", type=int, default=20)
    parser.add_argument("--pages", type=int, default=10)
    parser.add_argument("--workers", default="1,2,4")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--rate", type=float, default=10.0, help="requests per second per host")
    parser.add_argument("--concurrency", type=int, default=8, help="jobs per worker")
    parser.add_argument("--timeout", type=float, default=1800.0)
    parser.add_argument("--no-kill", action="store_true", help="skip the run with kills")
    args = parser.parse_args()
    counts = [int(n) for n in args.workers.split(",")]
    admin = create_engine(ADMIN, isolation_level="AUTOCOMMIT")
    farm = Farm.start(hosts=args.hosts, sources=args.sources, pages=args.pages)
    print(f"{platform.python_version()} on {platform.machine()}, {os.cpu_count()} cores; "
          f"load average before {os.getloadavg()}")  # fmt: skip
    print(f"{args.sources} sources on {args.hosts} hosts, {args.pages} pages each "
          f"({args.sources * args.pages} pages), limit {args.rate:g} requests/s per host, "
          f"{args.concurrency} jobs per worker")  # fmt: skip
    results: dict[int, list[dict]] = {n: [] for n in counts}
    try:
        for _ in range(args.runs):
            for n in counts:
                result = run_once(admin, farm, n, args)
                results[n].append(result)
                missing = f", {result['missing']} pages missing" if result["missing"] else ""
                print(f"  run: {n} workers, {result['seconds']:.1f} s{missing}", flush=True)
        if args.runs:
            print(
                "\n| workers | pages/s (median) | seconds | requests | busiest second, any "
                "host | closest two requests, any host |"
            )
            print("|---|---|---|---|---|---|")
        for n in counts if args.runs else ():
            best = statistics.median(r["pages_per_second"] for r in results[n])
            seconds = statistics.median(r["seconds"] for r in results[n])
            busiest = max(r["busiest_second"] for r in results[n])
            closest = min(r["closest"] for r in results[n])
            requests = results[n][0]["requests"]
            print(f"| {n} | {best:.1f} | {seconds:.1f} | {requests} | {busiest} "
                  f"(limit {args.rate:g}) | {closest * 1000:.0f} ms "
                  f"(spacing {1000 / args.rate:.0f} ms) |")  # fmt: skip
        if not args.no_kill:
            killed = run_once(admin, farm, max(counts), args, kill=True)
            print(f"\nwith kills: {killed['workers']} workers, {killed['kills']} killed with "
                  f"SIGKILL and restarted, {killed['seconds']:.1f} s "
                  f"({killed['pages_per_second']:.1f} pages/s); every page once: "
                  f"{killed['every_page_once']}; one candidate each: "
                  f"{killed['one_candidate_each']}; failed jobs: {killed['failed_jobs']}; "
                  f"jobs taken back from killed workers: {killed['jobs_taken_back']}; pages "
                  f"fetched twice: {killed['pages_fetched_twice']}; busiest second "
                  f"{killed['busiest_second']} (limit {args.rate:g})")  # fmt: skip
            print(f"pages with more than one archive record: {killed['pages_archived_twice']}; "
                  f"pages with none: {killed['pages_not_archived']}")  # fmt: skip
    finally:
        farm.stop()
        admin.dispose()
    print(f"load average after {os.getloadavg()}")


if __name__ == "__main__":
    main()
