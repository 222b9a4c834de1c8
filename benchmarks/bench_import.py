"""Import benchmarks (issues 2 and 13).

1. The bundled sample report (14 items) into a fresh SQLite file, in process (target
   < 0.3 s): first import in a fresh process (registry linker and SQLAlchemy's one-time
   set-up on the clock; interpreter start and imports not counted) and steady (further
   imports in one process, linker built).
2. A 100-page PDF report, as the user meets it: the whole ``binational import FILE``
   process (start, imports, extraction, parsing, linking, writing) into a migrated
   SQLite file (target < 5 s). The PDF is printed once by the current PDF renderer from
   a synthetic report of 135 items (102 pages with the WeasyPrint renderer).
3. A report whose lines are 1 MB long (spaces, repeated marks): the time to parse it
   in process (target < 100 ms per 1 MB line), and the whole import process.

Runs of 2 and 3 are interleaved; each figure is the median of ``--runs`` runs with its
range. The load average is printed before and after.
Run: .venv/bin/python benchmarks/bench_import.py [--runs 9]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from binational.intake.extracted import lines_of_text
from binational.intake.importer import import_reports
from binational.intake.layouts import parse_layout
from binational.intake.parsed import ReportFormatError
from binational.registry.annotate import registry_annotator
from binational.store.database import Database

HERE = Path(__file__).resolve().parent
SAMPLE = HERE.parent / "data" / "samples" / "cbi-report-2023-q2.txt"
BINATIONAL = Path(sys.executable).with_name("binational")
PDF_ITEMS = 135
LONG_LINES = (
    " " * 1_000_000 + "x",
    "Report |" + " " * 1_000_000 + "x",
    "Institutional Implications" + " " * 1_000_000 + "x",
    "On April" + " 13" * 333_333,
    "April 12, 2023 Link " + "<" * 1_000_000,
)


def timed_import(path: Path, annotator=None) -> float:
    db = Database.open(str(path))
    started = time.perf_counter()
    [outcome] = import_reports(db, [SAMPLE], annotator=annotator or registry_annotator())
    elapsed = time.perf_counter() - started
    assert outcome.status == "imported" and outcome.items == 14
    db.close()
    return elapsed


def long_line_report() -> str:
    body = [f"1) Item\nApril 2, 2023 Link\n{line}\nInstitutional Implications:\n{line}"
            for line in LONG_LINES]  # fmt: skip
    return "Report | April-June 2023\n" + "\n".join(LONG_LINES) + "\n" + "\n".join(body) + "\n"


def parse_seconds(text: str) -> float:
    lines = lines_of_text(text)
    started = time.perf_counter()
    with contextlib.suppress(ReportFormatError):
        parse_layout(lines, "long.txt")
    return time.perf_counter() - started


def hundred_page_pdf(path: Path) -> int:
    sys.path.insert(0, str(HERE))
    from bench_render import synthetic_quarter
    from pypdf import PdfReader

    from binational.publish.formats import RENDERERS

    path.write_bytes(RENDERERS["pdf"].render(synthetic_quarter(PDF_ITEMS)))
    return len(PdfReader(path).pages)


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def whole_import(file: Path, template: Path, db: Path, cpu: list[float]) -> float:
    """Wall-clock seconds of one ``binational import`` process; its CPU seconds are
    appended to ``cpu`` (wall above CPU is time spent waiting for a core)."""
    shutil.copyfile(template, db)
    started, started_cpu = time.perf_counter(), children_cpu()
    subprocess.run([str(BINATIONAL), "import", str(file), "--db", str(db)], check=True,
                   capture_output=True)  # fmt: skip
    cpu.append(children_cpu() - started_cpu)
    return time.perf_counter() - started


def line(label: str, times: list[float]) -> str:
    median = statistics.median(times) * 1000
    low, high = min(times) * 1000, max(times) * 1000
    return f"{label}: median {median:.0f} ms (min {low:.0f}, max {high:.0f}, n={len(times)})"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--first-in-process", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.first_in_process:
        print(timed_import(args.first_in_process))
        return
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        first = [
            float(subprocess.run(
                [sys.executable, __file__, "--first-in-process", f"{tmp}/first-{i}.db"],
                check=True, capture_output=True, text=True,
            ).stdout)
            for i in range(args.runs)
        ]  # fmt: skip
        annotator = registry_annotator()
        timed_import(folder / "warm-up.db", annotator)
        steady = [timed_import(folder / f"steady-{i}.db", annotator) for i in range(args.runs)]
        print(line("import sample, first in a fresh process", first))
        print(line("import sample, steady", steady))

        pdf = folder / "report-100-pages.pdf"
        pages = hundred_page_pdf(pdf)
        long_txt = folder / "long-lines.txt"
        text = long_line_report()
        long_txt.write_text(text, encoding="utf-8")
        template = folder / "template.db"
        Database.open(str(template)).close()
        pdf_runs, long_runs, parse_runs = [], [], []
        pdf_cpu: list[float] = []
        long_cpu: list[float] = []
        for run in range(args.runs):  # interleaved
            pdf_runs.append(whole_import(pdf, template, folder / f"pdf-{run}.db", pdf_cpu))
            long_runs.append(whole_import(long_txt, template, folder / f"long-{run}.db", long_cpu))
            parse_runs.append(parse_seconds(text))
        count = len(LONG_LINES) * 3
        print(line(f"binational import, {pages}-page PDF ({PDF_ITEMS} items), whole process",
                   pdf_runs))  # fmt: skip
        print(line("  its CPU time", pdf_cpu))
        print(line(f"binational import, {len(text) / 1e6:.0f} MB text of {count} 1 MB lines, "
                   "whole process", long_runs))  # fmt: skip
        print(line("  its CPU time", long_cpu))
        print(line(f"parse only, {count} lines of 1 MB (per line: divide by {count})",
                   parse_runs))  # fmt: skip
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
