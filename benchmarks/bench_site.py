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
   synthetic years hold 770 events each, indexed in quarters).

Runs are interleaved; each figure is the median of ``--runs`` runs (at least 3) with
its range; the load average is printed before and after. ``--baseline SRC`` (a ``src``
directory of another commit, e.g. from ``git archive``) times that code too, each of
its runs interleaved with the current code's, on the same database.

Each run builds into a directory of its own, and the sites are deleted only after the
last run: on ext4 a file made moments after many were deleted costs several times
more (the inode allocator steps over the inodes freed in the last seconds), so a
build started right after deleting the previous run's 50,000 files measured the
deletion, not the build.
Run: .venv/bin/python benchmarks/bench_site.py [--runs 3] [--events 10000] [--baseline SRC]
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
from dataclasses import dataclass, field
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
    """Edit the summary of the 501st synthetic event (or the last one of fewer)."""
    database = Database.open(str(path))
    with database.engine.begin() as connection:
        edited = connection.execute(text("SELECT MIN(MAX(id), 1000500) FROM events")).scalar()
        connection.execute(
            text("UPDATE events SET summary = :summary, updated_at = :now WHERE id = :id"),
            {"summary": f"An analyst's corrected summary, edit {run}.",
             "now": dt.datetime(2026, 12, 1, 9, run), "id": edited},
        )  # fmt: skip
    database.close()


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def build(db: Path, out: Path, cpu: list[float], source: Path | None = None) -> tuple[float, dict]:
    """Wall-clock seconds of one ``binational site build`` process and its summary;
    its CPU seconds (with Pagefind's) are appended to ``cpu``: on a busy machine,
    wall above CPU is time spent waiting for a core. ``source``: the ``src``
    directory of the code to run (None: the installed package)."""
    environment = dict(os.environ)
    if source is not None:
        environment["PYTHONPATH"] = str(source)
    started, started_cpu = time.perf_counter(), children_cpu()
    result = subprocess.run(
        [str(BINATIONAL), "site", "build", "--out", str(out), "--db", str(db), "--json",
         "--base-url", "https://repository.example.org/"],
        check=True, capture_output=True, text=True, env=environment,
    )  # fmt: skip
    cpu.append(children_cpu() - started_cpu)
    return time.perf_counter() - started, json.loads(result.stdout)


@dataclass
class Timings:
    full: list[float] = field(default_factory=list)
    full_cpu: list[float] = field(default_factory=list)
    rebuild: list[float] = field(default_factory=list)
    rebuild_cpu: list[float] = field(default_factory=list)


def run_once(db: Path, out: Path, run: int, timings: Timings, source: Path | None) -> dict:
    """A full build into ``out``, an edit, and a rebuild; the full build's summary."""
    seconds, summary = build(db, out, timings.full_cpu, source)
    timings.full.append(seconds)
    edit_one_event(db, run)
    seconds, again = build(db, out, timings.rebuild_cpu, source)
    timings.rebuild.append(seconds)
    which = " (baseline)" if source else ""
    print(f"  run {len(timings.full)}{which}: full {timings.full[-1]:.2f} s "
          f"({summary['written']} files), rebuild {seconds:.2f} s ({again['written']} files "
          f"written, {again['unchanged']} unchanged)")  # fmt: skip
    return summary


def report(label: str, timings: Timings, events: int, pages: int) -> None:
    print(line(f"{label}site build, {events} events, {pages} pages, whole process",
               timings.full))  # fmt: skip
    print(line("  its CPU time (with Pagefind's)", timings.full_cpu))
    print(line(f"{label}rebuild after one event's edit, whole process", timings.rebuild))
    print(line("  its CPU time (with Pagefind's)", timings.rebuild_cpu))


def line(label: str, times: list[float]) -> str:
    median = statistics.median(times)
    spread = f"min {min(times):.2f}, max {max(times):.2f}, n={len(times)}"
    return f"{label}: median {median:.2f} s ({spread})"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--baseline", type=Path, default=None,
                        help="a src directory of other code to time, interleaved")  # fmt: skip
    args = parser.parse_args()
    runs = max(args.runs, 3)
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = folder / "bench.db"
        populate(db, args.events)
        current, baseline = Timings(), Timings()
        for run in range(runs):  # interleaved: a full build, then a rebuild after an edit
            summary = run_once(db, folder / f"site-{run}", run, current, None)
            if args.baseline is not None:
                run_once(db, folder / f"baseline-{run}", run + runs, baseline, args.baseline)
        report("", current, args.events, summary["pages"])
        if args.baseline is not None:
            report("baseline: ", baseline, args.events, summary["pages"])
        print(f"load average after the runs: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        for site in folder.glob("*-*"):  # the sites go only now (see the docstring)
            shutil.rmtree(site)


if __name__ == "__main__":
    main()
