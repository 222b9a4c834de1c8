"""Benchmark the registry loader, the linker and the topic tagger.

Run:  .venv/bin/python benchmarks/bench_linker.py [--mb 5] [--runs 5]

The corpus is realistic mixed English/Spanish text: the paragraphs of the sample
report, of the real releases in tests/fixtures/releases.json and of the Spanish
press fixture, shuffled (fixed seed) and repeated until it reaches --mb megabytes.
Each figure is the median of --runs runs. Targets: linker >= 2 MB/s with the full
registry; registry load < 0.2 s.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

import yaml

from binational.registry.linker import Linker
from binational.registry.loader import BUNDLED_DATA, load_registry, load_registry_files
from binational.registry.topics import bundled_tagger

ROOT = Path(__file__).resolve().parent.parent


def corpus_paragraphs() -> list[str]:
    report = (ROOT / "data" / "samples" / "cbi-report-2023-q2.txt").read_text(encoding="utf-8")
    paragraphs = [line for line in report.splitlines() if line.strip()]
    releases = json.loads((ROOT / "tests" / "fixtures" / "releases.json").read_text("utf-8"))
    for release in releases:
        paragraphs.append(release["title"])
        paragraphs.extend(part for part in release["text"].split("\n\n") if part.strip())
    spanish = yaml.safe_load((ROOT / "tests" / "fixtures" / "linker" / "es_press.yaml").read_text())
    paragraphs.extend(item["text"] for item in spanish["paragraphs"])
    return paragraphs


def build_corpus(megabytes: float, seed: int = 2023) -> str:
    paragraphs = corpus_paragraphs()
    rng = random.Random(seed)
    target = int(megabytes * 1_000_000)
    chunks: list[str] = []
    size = 0
    while size < target:
        batch = paragraphs[:]
        rng.shuffle(batch)
        for paragraph in batch:
            chunks.append(paragraph)
            size += len(paragraph.encode("utf-8")) + 2
    return "\n\n".join(chunks)


def median_seconds(action, runs: int, clock=time.perf_counter) -> float:
    timings = []
    for _ in range(runs):
        start = clock()
        action()
        timings.append(clock() - start)
    return statistics.median(timings)


def cold_start_seconds(runs: int) -> float:
    """A new interpreter importing the loader and loading the bundled registry."""
    code = "from binational.registry.loader import load_registry; load_registry()"
    return median_seconds(lambda: subprocess.run([sys.executable, "-c", code], check=True), runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=5.0, help="corpus size in MB (UTF-8)")
    parser.add_argument("--runs", type=int, default=5, help="runs per measurement (median)")
    args = parser.parse_args()

    files = sorted(BUNDLED_DATA.glob("*.yaml"))
    load_s = median_seconds(lambda: load_registry_files(files), max(args.runs, 7))
    registry = load_registry()
    build_s = median_seconds(lambda: Linker.build(registry), args.runs)
    linker = Linker.build(registry)
    tagger = bundled_tagger()

    text = build_corpus(args.mb)
    megabytes = len(text.encode("utf-8")) / 1_000_000
    mentions = len(linker.find(text))
    find_s = median_seconds(lambda: linker.find(text), args.runs)
    find_cpu_s = median_seconds(lambda: linker.find(text), args.runs, time.process_time)
    topics_s = median_seconds(lambda: tagger.tag(text), args.runs)
    cold_s = cold_start_seconds(args.runs)
    load_average = ", ".join(f"{value:.1f}" for value in os.getloadavg())

    print(
        f"machine: {os.cpu_count()} CPUs, {platform.machine()}, Python "
        f"{platform.python_version()}; load average during the run: {load_average}"
    )
    print(f"registry: {len(registry.institutions)} institutions, {len(registry.agencies)} agencies")
    print(f"registry load (parse + validate, in process): {load_s * 1000:.1f} ms median")
    print(f"registry load (new interpreter, imports included): {cold_s * 1000:.0f} ms median")
    print(f"linker build (automaton): {build_s * 1000:.1f} ms median")
    print(f"corpus: {megabytes:.2f} MB, {mentions} mentions")
    print(f"linker find: {find_s:.2f} s median -> {megabytes / find_s:.2f} MB/s (wall clock)")
    print(
        f"linker find: {find_cpu_s:.2f} s CPU median -> "
        f"{megabytes / find_cpu_s:.2f} MB/s (CPU time)"
    )
    print(f"topic tagging: {topics_s:.2f} s median -> {megabytes / topics_s:.2f} MB/s")


if __name__ == "__main__":
    main()
