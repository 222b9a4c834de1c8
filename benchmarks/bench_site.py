"""Static site benchmark (issue 16): ``binational site build`` for 10,000 published
events and every registry institution, as the user meets it (the whole process:
start, imports, reading the database, planning, rendering, writing, Pagefind).

The database holds the bundled sample report (14 items and its saved 2023Q2 report,
so the report's five downloads are built too) and 10,000 synthetic published events
over 2010-2022, each linked to one to three registry institutions and citing one
address whose archived copy (a document with its extracted text, as ingestion stores
it) the site turns into a page. That is, per language, 10,000 event pages and 10,000
archived-copy pages besides the registry's and the indexes.

1. A full build into an empty directory (target < 60 s).
2. A rebuild after one event's summary is edited (target < 5 s): only the pages that
   show it, the feeds and the open-data files made from the events' rows are written
   (the SQLite file brought up to date from the last one), and Pagefind indexes again
   the one search bundle that holds the event (a run of months of its year: the
   synthetic years hold 770 events each, indexed in halves).

Runs are interleaved; each figure is the median of ``--runs`` runs (at least 3) with
its range; the load average is printed before and after.
Run: .venv/bin/python benchmarks/bench_site.py [--runs 3] [--events 10000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import insert, text
from synthetic import synthetic_events

from binational.intake.importer import import_reports
from binational.registry.loader import load_registry
from binational.store.database import Database
from binational.store.ingest_models import Document
from binational.store.models import Event, EventInstitution

HERE = Path(__file__).resolve().parent
SAMPLE = HERE.parent / "data" / "samples" / "cbi-report-2023-q2.txt"
BINATIONAL = Path(sys.executable).with_name("binational")
YEARS = range(2010, 2023)


def populate(path: Path, count: int) -> None:
    """The sample report and ``count`` synthetic published events with links and an
    archived, extracted source each."""
    database = Database.open(str(path))
    import_reports(database, [SAMPLE])
    slugs = [institution.slug for institution in load_registry().institutions]
    rng = random.Random(16)
    events, links, documents = [], [], []
    per_year = -(-count // len(YEARS))
    synthetic = [
        event for year in YEARS for event in synthetic_events(per_year, seed=year, year=year)
    ][:count]
    first_id = 1_000_000
    now = dt.datetime(2026, 11, 30, 12, 0)
    for index, event in enumerate(synthetic):
        event_id = first_id + index
        url = f"https://www.gob.mx/sre/prensa/comunicado-{event_id}"
        events.append({**event, "id": event_id, "status": "published", "url": url,
                       "link_text": "Link", "origin": "document", "date_precision": "day",
                       "date_source": "stated", "context": "", "truncated": False,
                       "created_at": now, "updated_at": now})  # fmt: skip
        for slug in rng.sample(slugs, rng.randint(1, 3)):
            links.append({"event_id": event_id, "slug": slug, "kind": "institution",
                          "mention": slug.upper(), "field": "summary", "confidence": 1.0,
                          "origin": "linker", "removed": False, "updated_at": now})  # fmt: skip
        documents.append({
            "kind": "page", "url": url, "canonical_url": url, "official": True,
            "http_status": 200, "content_type": "text/html", "fetched_at": now,
            "warc_file": "bench.warc.gz", "warc_offset": index * 4096, "warc_length": 4096,
            "title": event["title"], "text": event["summary"] + "\n" + event["implications"],
            "text_sha256": f"{event_id:064d}", "score": 1.0, "reasons": [], "institutions": [],
            "topics": [],
        })  # fmt: skip
    with database.transaction() as session:
        session.execute(insert(Event), events)
        session.execute(insert(EventInstitution), links)
        session.execute(insert(Document), documents)
    database.close()


def edit_one_event(path: Path, run: int) -> None:
    database = Database.open(str(path))
    with database.engine.begin() as connection:
        connection.execute(
            text("UPDATE events SET summary = :summary, updated_at = :now WHERE id = 1000500"),
            {"summary": f"An analyst's corrected summary, edit {run}.",
             "now": dt.datetime(2026, 12, 1, 9, run)},
        )  # fmt: skip
    database.close()


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def build(db: Path, out: Path, cpu: list[float]) -> tuple[float, dict]:
    """Wall-clock seconds of one ``binational site build`` process and its summary;
    its CPU seconds (with Pagefind's) are appended to ``cpu``: on a busy machine,
    wall above CPU is time spent waiting for a core."""
    started, started_cpu = time.perf_counter(), children_cpu()
    result = subprocess.run(
        [str(BINATIONAL), "site", "build", "--out", str(out), "--db", str(db), "--json",
         "--base-url", "https://repository.example.org/"],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    cpu.append(children_cpu() - started_cpu)
    return time.perf_counter() - started, json.loads(result.stdout)


def line(label: str, times: list[float]) -> str:
    median = statistics.median(times)
    spread = f"min {min(times):.2f}, max {max(times):.2f}, n={len(times)}"
    return f"{label}: median {median:.2f} s ({spread})"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--events", type=int, default=10_000)
    args = parser.parse_args()
    runs = max(args.runs, 3)
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = folder / "bench.db"
        populate(db, args.events)
        full, rebuild, full_cpu, rebuild_cpu = [], [], [], []
        for run in range(runs):  # interleaved: a full build, then a rebuild after an edit
            out = folder / f"site-{run}"
            seconds, summary = build(db, out, full_cpu)
            full.append(seconds)
            edit_one_event(db, run)
            seconds, again = build(db, out, rebuild_cpu)
            rebuild.append(seconds)
            print(f"  run {run + 1}: full {full[-1]:.2f} s ({summary['written']} files), "
                  f"rebuild {seconds:.2f} s ({again['written']} files written, "
                  f"{again['unchanged']} unchanged)")  # fmt: skip
            shutil.rmtree(out)
        pages = summary["pages"]
        print(line(f"site build, {args.events} events, {pages} pages, whole process", full))
        print(line("  its CPU time (with Pagefind's)", full_cpu))
        print(line("rebuild after one event's edit, whole process", rebuild))
        print(line("  its CPU time (with Pagefind's)", rebuild_cpu))
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
