"""Benchmark: the 2023 annual report with 1,000 events in every format, against the
quarterly report's budget per event (issue 11: 200 events' PDF in under 1 s for the
whole process, so 5 ms an event; issue 15: the annual report stays within it).

Usage::

    .venv/bin/python benchmarks/bench_annual.py [--events 1000] [--runs 5]
        [--formats md,txt,html,pdf,docx] [--cpu 0] [--no-cli]
    .venv/bin/python benchmarks/bench_annual.py --one pdf [--events 1000] [--out FILE]

Two measurements, each a whole process pinned to one core (``taskset``), the formats
interleaved run by run, nothing reused between runs:

* **render**: ``--one FORMAT`` builds the year's report in memory (1,000 seeded events
  over 2023, each linked to up to three institutions of the bundled registry), counts
  its overview (``reports/overview.py``: months, categories, most active, the
  registry's changes and the scorecard's lapses) and renders it, as ``bench_render.py``
  does for a quarter; a ``startup`` row runs the same process without the overview or
  the render.
* **quarter**: ``bench_render.py --one FORMAT --entries 200``, the quarterly report the
  budget was set on, run in the same rounds: its time per event, on the machine as it is
  during the run, is the figure to compare with (the target is absolute, but a shared
  machine's load moves both).
* **cli**: ``binational report 2023 --format FORMAT`` over a SQLite file holding the
  same 1,000 events (made once, before the runs): the database read, the overview and
  the render, as a user meets them.

Prints per row the median, minimum and maximum wall time, the median CPU time, the time
per event, the output's size (and the PDF's pages) and the target (5 ms an event: 5 s
for 1,000), with the load average before and after. Exits 1 if a median misses it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from bench_render import WORDS, children_cpu, load_average, paragraph, pdf_pages

STARTUP = "startup"
QUARTER_EVENTS = 200
QUARTER_BUDGET = 1.0 / QUARTER_EVENTS  # seconds per event: 200 events' PDF in under 1 s
DEFAULT_FORMATS = "md,txt,html,pdf,docx"
BINATIONAL = Path(sys.executable).with_name("binational")
QUARTERLY = Path(__file__).with_name("bench_render.py")


def synthetic_year(events: int, seed: int = 2023) -> list[dict]:
    """``events`` events over 2023 (5% known to the month), each with a title, 1-3
    summary and 1-2 implications paragraphs, 80% with a URL, and up to three links."""
    from binational.registry.loader import load_registry

    rng = random.Random(seed)
    slugs = [institution.slug for institution in load_registry().institutions]
    found = []
    for number in range(1, events + 1):
        month = f"2023-{rng.randint(1, 12):02d}"
        day = f"{month}-{rng.randint(1, 28):02d}"
        found.append({
            "id": number,
            "date": day if rng.random() > 0.05 else month,
            "title": " ".join(rng.choices(WORDS, k=rng.randint(6, 16))).title(),
            "url": f"https://www.gob.mx/sre/prensa/comunicado-{number}" if rng.random() > 0.2
            else None,
            "summary": "\n".join(paragraph(rng) for _ in range(rng.choice((1, 1, 2, 3)))),
            "implications": "\n".join(paragraph(rng) for _ in range(rng.choice((1, 1, 2)))),
            "links": rng.sample(slugs, rng.choice((0, 1, 1, 2, 3))),
        })  # fmt: skip
    return found


def annual_document(events: int, overview: bool = True):
    """The year's ``ReportDocument`` built in memory, with its overview."""
    from binational.config import Settings
    from binational.domain import PartialDate, Period
    from binational.registry.loader import load_registry
    from binational.reports.document import build_document
    from binational.reports.ordering import order_lines
    from binational.reports.overview import build_overview
    from binational.reports.service import report_style
    from binational.store.institution_activity import LinkedEvent
    from binational.store.reports import ReportLine

    period = Period.year(2023)
    rows = synthetic_year(events)
    lines = [
        ReportLine(
            event_id=row["id"], title=row["title"], date=PartialDate.parse(row["date"]),
            url=row["url"], link_text="Link", summary=row["summary"],
            implications=row["implications"], truncated=False, position=None, excluded=False,
        )
        for row in rows
    ]  # fmt: skip
    built = None
    if overview:
        linked: dict[str, list[LinkedEvent]] = {}
        for row, line in zip(rows, lines, strict=True):
            for slug in row["links"]:
                linked.setdefault(slug, []).append(
                    LinkedEvent(row["id"], line.date.value, row["title"], "published")
                )
        built = build_overview(
            order_lines(lines), period, load_registry().institutions, linked,
            period.end, dt.date(2023, 1, 1),
        )  # fmt: skip
    return build_document(lines, period, report_style(Settings()), overview=built)


def run_one(name: str, events: int, out: Path | None) -> dict[str, float]:
    """The child's work: build the document (and overview), render it, write it."""
    start = time.perf_counter()
    document = annual_document(events, overview=name != STARTUP)
    built = time.perf_counter()
    if name == STARTUP:
        return {"build": built - start, "render": 0.0}
    from binational.publish.formats import get_renderer

    output = get_renderer(name).render(document)
    rendered = time.perf_counter()
    if out is not None:
        out.write_bytes(output)
    return {"build": built - start, "render": rendered - built}


def make_database(path: Path, events: int) -> None:
    """A SQLite file holding the synthetic year, published and linked."""
    from binational.domain import PartialDate
    from binational.store.database import Database
    from binational.store.models import Event, EventInstitution

    database = Database.open(str(path))
    with database.transaction() as session:
        for row in synthetic_year(events):
            event = Event(
                title=row["title"], summary=row["summary"], implications=row["implications"],
                url=row["url"], link_text="Link", status="published",
            )  # fmt: skip
            event.date = PartialDate.parse(row["date"])
            for slug in row["links"]:
                event.institution_links.append(EventInstitution(slug=slug, origin="analyst"))
            session.add(event)
    database.close()


def timed(command: list[str]) -> tuple[float, float, str]:
    cpu_before = children_cpu()
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    return time.perf_counter() - start, children_cpu() - cpu_before, result.stdout


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--formats", default=DEFAULT_FORMATS)
    parser.add_argument("--cpu", type=int, default=0, help="the core the processes run on")
    parser.add_argument("--no-cli", action="store_true", help="skip the `binational report` rows")
    parser.add_argument("--no-quarter", action="store_true", help="skip the quarterly rows")
    parser.add_argument("--one", metavar="FORMAT", help="render once in this process")
    parser.add_argument("--out", type=Path, help="with --one: where to write the file")
    args = parser.parse_args(argv)

    if args.one:
        print(json.dumps(run_one(args.one, args.events, args.out)))
        return 0
    if shutil.which("taskset") is None:
        print("taskset (util-linux) is needed to pin the processes to one core", file=sys.stderr)
        return 2
    formats = args.formats.split(",")
    target = QUARTER_BUDGET * args.events
    pin = ["taskset", "-c", str(args.cpu)]
    rows = [("render", name) for name in [STARTUP, *formats]]
    if not args.no_quarter:
        rows += [("quarter", name) for name in formats]
    if not args.no_cli:
        rows += [("cli", name) for name in formats]
    walls: dict[tuple[str, str], list[float]] = {row: [] for row in rows}
    cpus: dict[tuple[str, str], list[float]] = {row: [] for row in rows}
    print(
        f"# annual report 2023, {args.events} events, {args.runs} runs of each (interleaved), "
        f"each a new process on core {args.cpu}; {platform.python_implementation()} "
        f"{platform.python_version()}, {platform.machine()}, {os.cpu_count()} CPUs; "
        f"load average {load_average()}"
    )
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        database = base / "annual.db"
        if not args.no_cli:
            make_database(database, args.events)
        outputs = {row: base / f"{row[0]}-{row[1]}" for row in rows}
        for _ in range(args.runs):
            for row in rows:
                kind, name = row
                if kind == "render":
                    command = [*pin, sys.executable, __file__, "--one", name, "--events",
                               str(args.events), "--out", str(outputs[row])]  # fmt: skip
                elif kind == "quarter":
                    command = [*pin, sys.executable, str(QUARTERLY), "--one", name, "--entries",
                               str(QUARTER_EVENTS), "--out", str(outputs[row])]  # fmt: skip
                else:
                    outputs[row].mkdir(exist_ok=True)
                    command = [*pin, str(BINATIONAL), "report", "2023", "--format", name,
                               "--out", str(outputs[row]), "--db", str(database)]  # fmt: skip
                wall, cpu, _ = timed(command)
                walls[row].append(wall)
                cpus[row].append(cpu)
        print("| measurement | format | median s | min s | max s | median CPU s | ms / event "
              "| KiB | budget s |")  # fmt: skip
        print("|---|---|---|---|---|---|---|---|---|")
        missed = []
        for row in rows:
            kind, name = row
            events = QUARTER_EVENTS if kind == "quarter" else args.events
            median = statistics.median(walls[row])
            output = outputs[row]
            if output.is_dir():
                found = list(output.glob("report-2023.*"))
                output = found[0] if found else output
            size = f"{output.stat().st_size / 1024:.0f}" if output.is_file() else "-"
            pages = pdf_pages(output) if name == "pdf" and output.is_file() else ""
            limit = f"< {QUARTER_BUDGET * events:g}" if name != STARTUP else "-"
            if name != STARTUP and kind != "quarter" and median >= target:
                missed.append(f"{kind} {name}")
            print(
                f"| {kind} | {name}{pages} | {median:.3f} | {min(walls[row]):.3f} "
                f"| {max(walls[row]):.3f} | {statistics.median(cpus[row]):.3f} "
                f"| {1000 * median / events:.2f} | {size} | {limit} |"
            )
    print(f"# load average after: {load_average()}")
    if missed:
        print(f"missed target: {', '.join(missed)}", file=sys.stderr)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
