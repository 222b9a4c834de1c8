"""Benchmark: a synthetic quarter of 200 events rendered to each report format, each
render a whole process pinned to one core.

Usage::

    .venv/bin/python benchmarks/bench_render.py [--entries 200] [--runs 5]
        [--formats md,txt,html,pdf,docx] [--cpu 0]
    .venv/bin/python benchmarks/bench_render.py --one pdf [--entries 200] [--out FILE]

Each run starts ``taskset -c CPU python bench_render.py --one FORMAT``: a new
interpreter that imports the package, builds the document in memory (no database) and
renders it to a file, as ``binational report`` does after reading the database. Nothing
is reused between runs (no warm-up, no cached import or template); the formats are
interleaved run by run, so a change in the machine's load falls on all of them. A
``startup`` row runs the same process without rendering (interpreter, imports, the
document), to show what the render itself adds.

Prints per format the median, minimum and maximum wall time of the whole process, its
median CPU time (user + system, from the kernel's accounting of the child), the median
time of the render call measured inside the process (its first and only call, so lazy
imports and template compilation are included), the output's size (and pages for the
PDF), the target, and the load average before and after. Exits 1 if a median misses
its target (issue 11: a 200-event PDF in under 1 s for the whole process on one core).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from itertools import groupby
from pathlib import Path

from binational.domain import PartialDate, Period
from binational.publish.document import MonthSection, ReportDocument, ReportEntry

STARTUP = "startup"  # the process without a render
TARGET_SECONDS = {"md": 1.0, "txt": 1.0, "html": 1.0, "docx": 1.0, "pdf": 1.0}
DEFAULT_FORMATS = "md,txt,html,pdf,docx"
VOCABULARY = (
    "the commission bilateral Mexico United States agreement cooperation border security "
    "migration trade labor USMCA dialogue implementation institutions ministers meeting "
    "joint statement framework officials reaffirmed commitment public health fentanyl "
    "arms trafficking consular protection economic high-level Secretaría Relaciones "
    "Exteriores Querétaro Juárez año señaló información cooperación mecanismo will "
    "strengthen coordination between agencies governments development investment energy"
)
WORDS = tuple(VOCABULARY.split())


def sentence(rng: random.Random) -> str:
    words = rng.choices(WORDS, k=rng.randint(10, 22))
    return " ".join(words).capitalize() + "."


def paragraph(rng: random.Random) -> str:
    """About 250-1100 characters (median near 600), like the paragraphs of the center's
    reports (2023 Q2: 37 paragraphs, median 564 characters, 248 to 1114)."""
    return " ".join(sentence(rng) for _ in range(rng.randint(2, 6)))


def synthetic_quarter(entries: int, seed: int = 2023) -> ReportDocument:
    rng = random.Random(seed)
    days = sorted(
        PartialDate.day(2023, month, rng.randint(1, 28))
        if rng.random() > 0.05
        else PartialDate.month(2023, month)
        for month in rng.choices((4, 5, 6), k=entries)
    )
    items = [
        ReportEntry(
            number=number,
            title=" ".join(rng.choices(WORDS, k=rng.randint(6, 16))).title(),
            date=date,
            url=f"https://www.gob.mx/sre/prensa/comunicado-{number}"
            if rng.random() > 0.2
            else None,
            summary=tuple(paragraph(rng) for _ in range(rng.choice((1, 1, 2, 3)))),
            implications=tuple(paragraph(rng) for _ in range(rng.choice((1, 1, 2)))),
        )
        for number, date in enumerate(days, start=1)
    ]
    sections = tuple(
        MonthSection(month=month, year=2023, entries=tuple(group))
        for month, group in groupby(items, key=lambda item: item.date.value.month)
    )
    return ReportDocument(
        organization="Center for Binational Institutions",
        period=Period.parse("2023Q2"),
        intro=paragraph(rng),
        sections=sections,
    )


def run_one(name: str, entries: int, out: Path | None) -> dict[str, float]:
    """The child's work: build the document, render it (unless ``name`` is
    ``startup``), write the file. Returns the in-process timings."""
    start = time.perf_counter()
    document = synthetic_quarter(entries)
    built = time.perf_counter()
    if name == STARTUP:
        return {"build": built - start, "render": 0.0, "bytes": 0}
    from binational.publish.formats import get_renderer

    output = get_renderer(name).render(document)
    rendered = time.perf_counter()
    if out is not None:
        out.write_bytes(output)
    return {"build": built - start, "render": rendered - built, "bytes": len(output)}


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def time_process(name: str, entries: int, cpu: int, out: Path) -> tuple[float, float, dict]:
    """Wall and CPU seconds of one whole ``--one`` process pinned to ``cpu``, and the
    timings it reported."""
    command = [
        "taskset", "-c", str(cpu), sys.executable, __file__,
        "--one", name, "--entries", str(entries), "--out", str(out),
    ]  # fmt: skip
    cpu_before = children_cpu()
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    wall = time.perf_counter() - start
    return wall, children_cpu() - cpu_before, json.loads(result.stdout)


def pdf_pages(path: Path) -> str:
    """' (141 pages)' when pypdf (the test extra) is installed, else ''."""
    try:
        from pypdf import PdfReader
    except ImportError:
        return ""
    return f" ({len(PdfReader(path).pages)} pages)"


def load_average() -> str:
    return " ".join(f"{load:.2f}" for load in os.getloadavg())


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=200)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--formats", default=DEFAULT_FORMATS)
    parser.add_argument("--cpu", type=int, default=0, help="the core the processes run on")
    parser.add_argument("--one", metavar="FORMAT", help="render once in this process")
    parser.add_argument("--out", type=Path, help="with --one: where to write the file")
    args = parser.parse_args(argv)

    if args.one:
        print(json.dumps(run_one(args.one, args.entries, args.out)))
        return 0
    if shutil.which("taskset") is None:
        print("taskset (util-linux) is needed to pin the processes to one core", file=sys.stderr)
        return 2

    names = [STARTUP, *args.formats.split(",")]
    walls: dict[str, list[float]] = {name: [] for name in names}
    cpus: dict[str, list[float]] = {name: [] for name in names}
    renders: dict[str, list[float]] = {name: [] for name in names}
    print(
        f"# {args.entries} entries, {args.runs} runs of each (interleaved), each a new "
        f"process on core {args.cpu} (taskset -c {args.cpu}); "
        f"{platform.python_implementation()} {platform.python_version()}, "
        f"{platform.machine()}, {os.cpu_count()} CPUs; load average {load_average()}"
    )
    with tempfile.TemporaryDirectory() as folder:
        outputs = {name: Path(folder) / f"report-{name}" for name in names}
        for _ in range(args.runs):
            for name in names:
                wall, cpu, inside = time_process(name, args.entries, args.cpu, outputs[name])
                walls[name].append(wall)
                cpus[name].append(cpu)
                renders[name].append(inside["render"])
        print("| format | median s | min s | max s | median CPU s | render s | KiB | target s |")
        print("|---|---|---|---|---|---|---|---|")
        missed = []
        for name in names:
            median = statistics.median(walls[name])
            target = TARGET_SECONDS.get(name)
            if target is not None and median >= target:
                missed.append(name)
            output = outputs[name]
            size = f"{output.stat().st_size / 1024:.0f}" if output.exists() else "-"
            pages = pdf_pages(output) if name == "pdf" else ""
            print(
                f"| {name}{pages} | {median:.3f} | {min(walls[name]):.3f} "
                f"| {max(walls[name]):.3f} | {statistics.median(cpus[name]):.3f} "
                f"| {statistics.median(renders[name]):.3f} | {size} "
                f"| {f'< {target:g}' if target else '-'} |"
            )
    print(f"# load average after: {load_average()}")
    if missed:
        print(f"missed target: {', '.join(missed)}", file=sys.stderr)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
