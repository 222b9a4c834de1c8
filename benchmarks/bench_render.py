"""Benchmark: render a synthetic quarter of 200 events to every report format.

Usage::

    .venv/bin/python benchmarks/bench_render.py [--entries 200] [--runs 5] [--formats md,pdf]

Prints, per format, the median wall-clock time of ``--runs`` timed renders and their
range (after one untimed warm-up render, which also pays the lazy imports of Jinja2,
WeasyPrint and python-docx), the median CPU time (this process plus the worker
processes that print a long PDF in parts; when the machine is shared, wall time above
CPU time / cores is time spent waiting for a core), the output size (and pages), the
target from issue 2, and the load average before and after. Exits 1 if a median misses
its target. The document is built in memory (no database), so only rendering is timed.

``pdf-1pass`` (not in the default list) prints the PDF in one pass as before the
parallel renderer, for reference; it does not count as a missed target.

``--pdf-breakdown`` also times the parallel PDF's steps one after the other in this
process (CPU seconds of each part, and of joining and stamping): on an idle machine
with a core per part, the wall-clock time is about the slowest part plus the joining.
"""

from __future__ import annotations

import argparse
import io
import os
import platform
import random
import resource
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from itertools import groupby

from binational.domain import PartialDate, Period
from binational.publish.document import MonthSection, ReportDocument, ReportEntry
from binational.publish.formats import RENDERERS
from binational.publish.pdf import MAX_PARTS, render_pdf_single, usable_cpus

TARGET_SECONDS = {"md": 1.0, "txt": 1.0, "html": 1.0, "docx": 1.0, "pdf": 8.0, "pdf-1pass": 8.0}
REFERENCE = {"pdf-1pass": render_pdf_single}  # measured, but not held to a target
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


def cpu_seconds() -> float:
    """CPU time of this process and of its finished child processes (the PDF workers
    are waited for before ``render_pdf`` returns, so each render's are counted)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def renderer(name: str) -> Callable[[ReportDocument], bytes]:
    return REFERENCE[name] if name in REFERENCE else RENDERERS[name].render


def pages(output: bytes) -> str:
    """' (149 pages)' for a PDF, else ''."""
    if not output.startswith(b"%PDF-"):
        return ""
    from pypdf import PdfReader

    return f" ({len(PdfReader(io.BytesIO(output)).pages)} pages)"


def time_renders(
    name: str, document: ReportDocument, runs: int
) -> tuple[list[float], list[float], bytes]:
    """Wall-clock and CPU seconds of each run, and the output."""
    render = renderer(name)
    output = render(document)  # warm-up: lazy imports, template compilation
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), cpu_seconds()
        render(document)
        wall.append(time.perf_counter() - start)
        cpu.append(cpu_seconds() - start_cpu)
    return wall, cpu, output


def pdf_breakdown(document: ReportDocument, parts: int) -> None:
    """CPU seconds of each step of the parallel PDF, run one after the other here
    (after a warm-up: WeasyPrint's import and first use are not counted)."""
    from binational.publish.html import render_part_html_text
    from binational.publish.pdf_merge import merge_parts
    from binational.publish.pdf_print import print_html
    from binational.publish.pdf_split import split_document
    from binational.publish.pdf_stamp import stamp_page_numbers

    def cpu(step: Callable[[], object]) -> tuple[object, float]:
        start = time.process_time()
        result = step()
        return result, time.process_time() - start

    warm_up = split_document(synthetic_quarter(3), 1)[0]
    print_html(render_part_html_text(warm_up), page_footer=False)
    report_parts = split_document(document, parts)
    html_pages, split = cpu(lambda: [render_part_html_text(part) for part in report_parts])
    printed = [cpu(lambda page=page: print_html(page, page_footer=False)) for page in html_pages]
    writer, merge = cpu(lambda: merge_parts([pdf for pdf, _ in printed], report_parts))
    _, stamp = cpu(lambda: stamp_page_numbers(writer))
    _, write = cpu(lambda: writer.write(io.BytesIO()))
    slowest = max(seconds for _, seconds in printed)
    print(
        f"# pdf in {len(report_parts)} parts, CPU s: split+HTML {split:.2f}; parts "
        + ", ".join(f"{seconds:.2f}" for _, seconds in printed)
        + f"; merge {merge:.2f}, stamp {stamp:.3f}, write {write:.2f}; "
        f"slowest part + rest = {split + slowest + merge + stamp + write:.2f}"
    )


def load_average() -> str:
    return " ".join(f"{load:.2f}" for load in os.getloadavg())


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=200)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--formats", default=",".join(RENDERERS))
    parser.add_argument("--pdf-breakdown", action="store_true")
    args = parser.parse_args(argv)

    document = synthetic_quarter(args.entries)
    print(
        f"# {args.entries} entries, {args.runs} runs each; {platform.python_implementation()} "
        f"{platform.python_version()}, {platform.machine()}, "
        f"{usable_cpus()} usable CPUs; load average {load_average()}"
    )
    print("| format | median s | min s | max s | median CPU s | size KiB | target s |")
    print("|---|---|---|---|---|---|---|")
    missed = []
    for name in args.formats.split(","):
        timings, cpu, output = time_renders(name, document, args.runs)
        median = statistics.median(timings)
        target = TARGET_SECONDS[name]
        if median >= target and name not in REFERENCE:
            missed.append(name)
        print(
            f"| {name}{pages(output)} | {median:.3f} | {min(timings):.3f} | {max(timings):.3f} "
            f"| {statistics.median(cpu):.3f} | {len(output) / 1024:.0f} | < {target:g} |",
            flush=True,
        )
    if args.pdf_breakdown:
        pdf_breakdown(document, min(usable_cpus(), MAX_PARTS))
    print(f"# load average after: {load_average()}")
    if missed:
        print(f"missed target: {', '.join(missed)}", file=sys.stderr)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
