"""Benchmark: render a synthetic quarter of 200 events to every report format.

Usage::

    .venv/bin/python benchmarks/bench_render.py [--entries 200] [--runs 5] [--formats md,pdf]

Prints, per format, the median wall-clock time of ``--runs`` timed renders and their
range (after one untimed warm-up render, which also pays the lazy imports of Jinja2,
WeasyPrint and python-docx), the median CPU time of this process (when the machine is
shared, wall time above CPU time is time spent waiting for a core), the output size and
the target from issue 2. Exits 1 if a median misses its target. The document is built
in memory (no database), so only rendering is timed.
"""

from __future__ import annotations

import argparse
import platform
import random
import statistics
import sys
import time
from collections.abc import Sequence
from itertools import groupby

from binational.domain import PartialDate, Quarter
from binational.publish.document import MonthSection, ReportDocument, ReportEntry
from binational.publish.formats import RENDERERS

TARGET_SECONDS = {"md": 1.0, "txt": 1.0, "html": 1.0, "docx": 1.0, "pdf": 8.0}
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
        quarter=Quarter(2023, 2),
        intro=paragraph(rng),
        sections=sections,
    )


def time_renders(
    name: str, document: ReportDocument, runs: int
) -> tuple[list[float], list[float], int]:
    """Wall-clock and CPU seconds of each run, and the output's size in bytes."""
    render = RENDERERS[name].render
    size = len(render(document))  # warm-up: lazy imports, template compilation
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        render(document)
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return wall, cpu, size


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=200)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--formats", default=",".join(RENDERERS))
    args = parser.parse_args(argv)

    document = synthetic_quarter(args.entries)
    print(
        f"# {args.entries} entries, {args.runs} runs each; {platform.python_implementation()} "
        f"{platform.python_version()}, {platform.machine()}"
    )
    print("| format | median s | min s | max s | median CPU s | size KiB | target s |")
    print("|---|---|---|---|---|---|---|")
    missed = []
    for name in args.formats.split(","):
        timings, cpu, size = time_renders(name, document, args.runs)
        median = statistics.median(timings)
        target = TARGET_SECONDS[name]
        if median >= target:
            missed.append(name)
        print(
            f"| {name} | {median:.3f} | {min(timings):.3f} | {max(timings):.3f} "
            f"| {statistics.median(cpu):.3f} | {size / 1024:.0f} | < {target:g} |",
            flush=True,
        )
    if missed:
        print(f"missed target: {', '.join(missed)}", file=sys.stderr)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
