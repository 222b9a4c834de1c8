"""Benchmark: documents per second through extract → dedup → link → score, against
trafilatura extraction alone on the same pages, in the same run.

    .venv/bin/python benchmarks/bench_ingest.py [--pages 2000] [--runs 3] [--steps]

The pages are built from the real releases (tests/fixtures/releases.json) wrapped in
the fixture site layouts (tests/fixtures/web/pages.py): each page is a variant of one
release's page with its text replaced by eight sentences drawn from the releases of
its language, about one word in five swapped, so most pages are distinct stories),
and about one in five is a near-verbatim copy of an earlier page, as when a release
is republished. Every run gets pages of its own (another seed), so nothing a library
or the pipeline keeps from one run (trafilatura's and htmldate's caches, the
linker's last folded texts) serves the next.

Each page is processed twice in a row, by trafilatura alone and by the pipeline, and
the two are timed separately (wall and CPU time), so both see the same machine load.
The second of the two runs with the caches the first warmed, so the order alternates
page by page: half the pages go to trafilatura first, half to the pipeline first, and
each side's rate is over all pages, both orders together (the rate of each order is
printed too).
After a warm-up on pages of their own, the median of ``--runs`` runs is reported. The
pipeline pass is exactly what an ingest run does per page after fetching
(``ingest.analyze.analyze_page``: extraction with the same trafilatura options, date
fallback, language, canonical URL, hashes, MinHash, registry linking, topics,
scoring) plus the dedup decision (exact hash, LSH query and insert); it does not
include HTTP or database writes.

With ``--steps``, a further pass over new pages times the steps of that path one by
one, in its order, each page first extracted by trafilatura alone as in the runs:
where the pipeline's own time goes between extractions.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import re
import statistics
import sys
import time
from copy import copy
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "fixtures" / "web"))

import pages  # noqa: E402


def build_pages(count: int, seed: int = 7) -> list[tuple[str, bytes]]:
    rng = random.Random(seed)
    releases = pages.load_releases()
    sentences: dict[str, list[str]] = {}
    for release in releases:
        for sentence in re.split(r"(?<=[.!?])\s+", release["text"].replace("\n", " ")):
            if len(sentence) > 40:
                sentences.setdefault(release["language"], []).append(sentence.strip())
    words = sorted({w for r in releases for w in r["text"].split() if w.isalpha()})
    built: list[tuple[str, bytes]] = []
    for number in range(count):
        if built and rng.random() < 0.2:  # a republished copy of an earlier page
            url, body = built[rng.randrange(len(built))]
            copy_body = body.replace(b"<p>", b"<p>", 1).replace(b"Site ", b"Mirror ", 1)
            built.append((f"https://mirror{number % 3}.example/{number}", copy_body))
            continue
        release = releases[number % len(releases)]
        pool = sentences[release["language"]]
        picked = [_vary(s, rng, words) for s in rng.sample(pool, k=min(len(pool), 8))]
        reference = f"Reference {number}: item {rng.randrange(10**6)} of the series."
        paragraphs = [" ".join(picked[i : i + 2]) for i in range(0, len(picked), 2)]
        text = "\n".join([reference, *paragraphs])
        date_in = rng.choices(["meta", "visible", "none"], weights=[6, 3, 1])[0]
        html = pages.article_html(release, layout=number, date_in=date_in, text=text)
        built.append((f"https://site{number % 5}.example/news/{number}", html.encode("utf-8")))
    return built


def _vary(sentence: str, rng: random.Random, words: list[str]) -> str:
    """The sentence with about one word in five replaced: another story on the same
    subject, in the same language and register."""
    return " ".join(rng.choice(words) if rng.random() < 0.2 else word for word in sentence.split())


def interleaved_pass(corpus, analyzer) -> dict[str, float | dict[str, int]]:
    """One pass over the corpus timing, page by page, trafilatura alone and the whole
    pipeline on the same page, in alternating order. Returns each side's docs/s over
    all pages and over the pages where it ran first and second, and the dedup
    outcome."""
    from trafilatura import bare_extraction

    from binational.ingest.analyze import Fetched, analyze_page
    from binational.ingest.dedup import NearDuplicateIndex

    extractor = analyzer.extraction.extractor
    index = NearDuplicateIndex(0.5)
    hashes: dict[str, int] = {}
    outcome = {"new": 0, "duplicates": 0, "empty": 0}
    seconds = {
        ("bare", True): 0.0,
        ("bare", False): 0.0,
        ("pipeline", True): 0.0,
        ("pipeline", False): 0.0,
    }  # (side, ran first)
    cpu = {"bare": 0.0, "pipeline": 0.0}
    pages = {True: 0, False: 0}  # pages where bare ran first, and where it ran second

    def bare(url: str, body: bytes) -> None:
        options = copy(extractor)
        options.url = options.source = url
        bare_extraction(body, options=options)

    def pipeline(number: int, url: str, body: bytes) -> None:
        document = analyze_page(body, Fetched(url), analyzer)
        if document is None:
            outcome["empty"] += 1
            return
        cluster = hashes.get(document.text_sha256)
        if cluster is None and document.signature:
            match = index.best_match(document.signature)
            cluster = match.candidate_id if match else None
        if cluster is None:
            cluster = number
            outcome["new"] += 1
        else:
            outcome["duplicates"] += 1
        hashes.setdefault(document.text_sha256, cluster)
        if document.signature:
            index.add(number, cluster, document.signature)

    for number, (url, body) in enumerate(corpus):
        bare_first = number % 2 == 0
        pages[bare_first] += 1
        steps = [("bare", lambda u=url, b=body: bare(u, b)),
                 ("pipeline", lambda n=number, u=url, b=body: pipeline(n, u, b))]  # fmt: skip
        for position, (side, step) in enumerate(steps if bare_first else steps[::-1]):
            started, started_cpu = time.perf_counter(), time.process_time()
            step()
            seconds[(side, position == 0)] += time.perf_counter() - started
            cpu[side] += time.process_time() - started_cpu
    result: dict[str, float | dict[str, int]] = {"outcome": outcome}
    for side in ("bare", "pipeline"):
        result[side] = len(corpus) / (seconds[(side, True)] + seconds[(side, False)])
        first = pages[True] if side == "bare" else pages[False]
        result[f"{side} first"] = first / seconds[(side, True)]
        result[f"{side} second"] = (len(corpus) - first) / seconds[(side, False)]
        result[f"{side} cpu"] = len(corpus) / cpu[side]
    return result


def step_costs(corpus, analyzer) -> dict[str, float]:
    """Seconds a page of each step of ``analyze_page`` and of the dedup decision, in
    the pipeline's order, each page first extracted by trafilatura alone (timed as
    "bare extraction"), as in the interleaved pass: where the pipeline's own time
    goes between extractions. (The steps are called one by one, as ``analyze_page``
    calls them, private helpers included.)"""
    from trafilatura import bare_extraction

    from binational.ingest import extract
    from binational.ingest.canonical import canonical_url, host_of
    from binational.ingest.dedup import NearDuplicateIndex, fingerprint
    from binational.ingest.relevance import is_official_host, linked_entities, score_document

    index, hashes = NearDuplicateIndex(0.5), {}
    seconds: dict[str, float] = {}
    clock = [0.0]  # when the step being timed started

    def lap(step: str) -> None:
        now = time.perf_counter()
        seconds[step] = seconds.get(step, 0.0) + now - clock[0]
        clock[0] = now

    for number, (url, body) in enumerate(corpus):
        clock[0] = time.perf_counter()
        options = copy(analyzer.extraction.extractor)
        options.url = options.source = url
        bare_extraction(body, options=options)
        lap("bare extraction (the other side)")
        result = bare_extraction(body, options=analyzer.extraction.for_page(url))
        lap("extraction")
        title = (result.title or "").strip()
        text = extract._without_heading(title, (result.text or "").strip())
        if extract._parse_date(result.date) is None:
            extract._guess_date(text, url)
        lap("date guess (pages stating none)")
        analyzer.languages.detect(text, extract.declared_language(body))
        lap("language")
        canonical_url(url)
        host = host_of(url)
        official = is_official_host(host, analyzer.official_hosts)
        lap("canonical URL, host")
        combined = f"{title}\n{text}"
        mentions, hits = analyzer.annotator.mentions_and_topics(combined)
        linked = linked_entities(mentions, analyzer.parties)
        topics = sorted({hit.slug for hit in hits})
        lap("linker and topics (one pass)")
        score_document(title, text, linked, topics, official, host)
        lap("relevance")
        sha256, signature = fingerprint(text)
        lap("hash, MinHash")
        cluster = hashes.get(sha256)
        if cluster is None and signature:
            match = index.best_match(signature)
            cluster = match.candidate_id if match else None
        cluster = number if cluster is None else cluster
        hashes.setdefault(sha256, cluster)
        if signature:
            index.add(number, cluster, signature)
        lap("dedup decision")
    return {step: total / len(corpus) for step, total in seconds.items()}


def print_step_costs(costs: dict[str, float]) -> None:
    bare = costs.pop("bare extraction (the other side)")
    own = sum(cost for step, cost in costs.items() if step != "extraction")
    print(
        f"per page, µs: bare extraction {bare * 1e6:.0f}; the pipeline's extraction "
        f"{costs['extraction'] * 1e6:.0f}, its own steps {own * 1e6:.0f} ({own / bare:.0%} "
        f"of bare; ≥ 80% allows about a quarter, {bare / 4 * 1e6:.0f}):"
    )
    for step, cost in sorted(costs.items(), key=lambda item: -item[1]):
        if step != "extraction":
            print(f"  {step:32} {cost * 1e6:6.0f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--steps", action="store_true", help="also time each step between extractions"
    )
    args = parser.parse_args()
    load_before = ", ".join(f"{value:.1f}" for value in os.getloadavg())

    from binational.ingest.analyze import Analyzer

    analyzer = Analyzer.build()
    interleaved_pass(build_pages(50, seed=1), analyzer)  # warm-up, on pages of its own
    results = []
    for run in range(args.runs):
        results.append(interleaved_pass(build_pages(args.pages, seed=7 + run), analyzer))
    load_after = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    median = statistics.median
    import datasketch
    import trafilatura

    print(f"machine: {os.cpu_count()} CPUs, {platform.machine()}, python "
          f"{platform.python_version()}, trafilatura {trafilatura.__version__}, "
          f"datasketch {datasketch.__version__}; load average (1, 5, 15 min) before: "
          f"{load_before}, after: {load_after}")  # fmt: skip
    print(f"pages: {args.pages} a run, new pages each of {args.runs} runs (median)")
    for side, label in (("bare", "bare trafilatura extraction:"),
                        ("pipeline", "extract→dedup→link→score:  ")):  # fmt: skip
        rates = [r[side] for r in results]
        print(
            f"{label} {median(rates):7.1f} docs/s  runs: "
            + ", ".join(f"{rate:.1f}" for rate in rates)
            + f"; ran first {median(r[f'{side} first'] for r in results):.1f}, "
            f"second {median(r[f'{side} second'] for r in results):.1f}"
        )
    ratios = [r["pipeline"] / r["bare"] for r in results]
    cpu_ratios = [r["pipeline cpu"] / r["bare cpu"] for r in results]
    print(
        f"pipeline / bare: {median(ratios):.0%} wall (target ≥ 80%), "
        f"{median(cpu_ratios):.0%} CPU; per run: "
        + ", ".join(f"{ratio:.0%}" for ratio in ratios)
        + " wall, "
        + ", ".join(f"{ratio:.0%}" for ratio in cpu_ratios)
        + " CPU"
    )
    print(f"last pipeline pass: {results[-1]['outcome']}")
    if args.steps:  # on new pages of their own, after the runs
        print_step_costs(step_costs(build_pages(args.pages, seed=7 + args.runs), analyzer))


if __name__ == "__main__":
    main()
