"""Benchmark the linker against bare pyahocorasick, the topic tagger and the registry
loader.

Run:  .venv/bin/python benchmarks/bench_linker.py [--mb 5] [--runs 7]

The corpus is realistic mixed English/Spanish text: the paragraphs of the sample
report, of the real releases in tests/fixtures/releases.json and of the Spanish
press fixture, shuffled and repeated until it reaches --mb megabytes. Every
repetition gets a text of its own (the same paragraphs shuffled with another seed),
so nothing computed from one text (``normalize_text`` keeps the last few it folded)
can serve another.

Linker against bare pyahocorasick (issue 11, item 5: at least 50%): each repetition
times, on its fresh text, pyahocorasick alone over the raw text with the same names
(every name, alias and acronym of the registry, as written), counting its matches,
and ``Linker.find`` on the same text, the two in alternating order; the figure is the
median of the per-repetition ratios of their speeds, in wall and CPU time. The linker
matches with ahocorasick-rs; the same names through bare ahocorasick-rs on the raw text
are timed too, for the speed of the library itself.
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

import ahocorasick
import ahocorasick_rs
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


def timed(action) -> tuple[float, float]:
    """Wall and CPU seconds of one call of ``action``."""
    wall, cpu = time.perf_counter(), time.process_time()
    action()
    return time.perf_counter() - wall, time.process_time() - cpu


def bare_automaton(registry) -> ahocorasick.Automaton:
    """pyahocorasick over the names the linker looks for, as the registry writes them:
    every name, alias and acronym of every institution and agency."""
    automaton = ahocorasick.Automaton()
    for entry in (*registry.institutions, *registry.agencies):
        for term in (entry.name_en, entry.name_es, *entry.aliases_en, *entry.aliases_es,
                     *entry.acronyms):  # fmt: skip
            automaton.add_word(term, term)
    automaton.make_automaton()
    return automaton


def bare_rs(registry) -> ahocorasick_rs.AhoCorasick:
    """ahocorasick-rs over the same names as ``bare_automaton``."""
    terms = {
        term
        for entry in (*registry.institutions, *registry.agencies)
        for term in (entry.name_en, entry.name_es, *entry.aliases_en, *entry.aliases_es,
                     *entry.acronyms)  # fmt: skip
    }
    return ahocorasick_rs.AhoCorasick(sorted(terms))


def bare_scan(automaton: ahocorasick.Automaton, text: str) -> int:
    """What pyahocorasick alone does: every match of the names in the raw text."""
    count = 0
    for _ in automaton.iter(text):
        count += 1
    return count


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
    parser.add_argument("--runs", type=int, default=7, help="repetitions (median)")
    args = parser.parse_args()
    load_before = ", ".join(f"{value:.1f}" for value in os.getloadavg())

    files = sorted(BUNDLED_DATA.glob("*.yaml"))
    load_s = median_seconds(lambda: load_registry_files(files), max(args.runs, 7))
    registry = load_registry()
    build_s = median_seconds(lambda: Linker.build(registry), args.runs)
    linker = Linker.build(registry)
    bare = bare_automaton(registry)
    rs = bare_rs(registry)
    tagger = bundled_tagger()

    megabytes = []
    bare_wall, bare_cpu, find_wall, find_cpu, ratios_wall, ratios_cpu = [], [], [], [], [], []
    topics_wall, mentions, bare_matches, rs_cpu = [], [], [], []
    for run in range(args.runs):
        text = build_corpus(args.mb, seed=2023 + run)  # a text no cache has seen
        size = len(text.encode("utf-8")) / 1_000_000
        megabytes.append(size)
        steps = [("bare", lambda t=text: bare_matches.append(bare_scan(bare, t))),
                 ("find", lambda t=text: mentions.append(len(linker.find(t))))]  # fmt: skip
        timings = dict((name, timed(action)) for name, action in steps[:: 1 if run % 2 else -1])
        (bw, bc), (fw, fc) = timings["bare"], timings["find"]
        bare_wall.append(size / bw), bare_cpu.append(size / bc)
        find_wall.append(size / fw), find_cpu.append(size / fc)
        ratios_wall.append(bw / fw), ratios_cpu.append(bc / fc)
        rs_cpu.append(size / timed(lambda t=text: rs.find_matches_as_indexes(t, True))[1])
        other = build_corpus(args.mb, seed=4046 + run)  # the tagger's own fresh text
        topics_wall.append(size / timed(lambda t=other: tagger.tag(t))[0])
    cold_s = cold_start_seconds(args.runs)
    load_after = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    median = statistics.median

    print(
        f"machine: {os.cpu_count()} CPUs, {platform.machine()}, Python "
        f"{platform.python_version()}; load average (1, 5, 15 min) before: {load_before}, "
        f"after: {load_after}"
    )
    print(f"registry: {len(registry.institutions)} institutions, {len(registry.agencies)} agencies")
    print(f"registry load (parse + validate, in process): {load_s * 1000:.1f} ms median")
    print(f"registry load (new interpreter, imports included): {cold_s * 1000:.0f} ms median")
    print(f"linker build (automaton): {build_s * 1000:.1f} ms median")
    print(
        f"corpus: {median(megabytes):.2f} MB a repetition, a new text each of {args.runs}; "
        f"{median(mentions):.0f} mentions, {median(bare_matches):.0f} bare matches (median)"
    )
    print(
        f"bare pyahocorasick (the same names, raw text): {median(bare_wall):.2f} MB/s wall, "
        f"{median(bare_cpu):.2f} MB/s CPU"
    )
    print(
        "bare ahocorasick-rs (the same names, raw text, overlapping): "
        f"{median(rs_cpu):.2f} MB/s CPU"
    )
    print(
        f"Linker.find: {median(find_wall):.2f} MB/s wall, {median(find_cpu):.2f} MB/s CPU; "
        "runs: " + ", ".join(f"{v:.2f}" for v in find_wall)
    )
    print(
        f"Linker.find / bare: {median(ratios_wall):.0%} wall, {median(ratios_cpu):.0%} CPU "
        "(target ≥ 50%); per run: " + ", ".join(f"{r:.0%}" for r in ratios_wall)
    )
    print(f"topic tagging: {median(topics_wall):.2f} MB/s wall")

if __name__ == "__main__":
    main()
