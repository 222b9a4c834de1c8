"""Benchmark: documents per second through extract → dedup → link → score, against
trafilatura extraction alone on the same pages, in the same run.

    .venv/bin/python benchmarks/bench_ingest.py [--pages 2000] [--runs 3]

The pages are built from the real releases (tests/fixtures/releases.json) wrapped in
the fixture site layouts (tests/fixtures/web/pages.py): each page is a variant of one
release's page with its text replaced by eight sentences drawn from the releases of
its language, about one word in five swapped, so most pages are distinct stories),
and about one in five is a near-verbatim copy of an earlier page, as when a release
is republished. Each page is processed twice in a row, by trafilatura alone and by
the pipeline, and the two are timed separately, so both see the same machine load;
after a warm-up, the median of ``--runs`` passes is reported. The pipeline pass is exactly what an
ingest run does per page after fetching (``ingest.analyze.analyze_page``: extraction
with the same trafilatura options, date fallback, language, canonical URL, hashes,
MinHash, registry linking, topics, scoring) plus the dedup decision (exact hash,
LSH query and insert); it does not include HTTP or database writes.
"""

from __future__ import annotations

import argparse
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


def interleaved_pass(corpus, analyzer) -> tuple[float, float, dict[str, int]]:
    """One pass over the corpus timing, page by page, trafilatura alone and then the
    whole pipeline on the same page: both see the same machine load. Returns
    (bare docs/s, pipeline docs/s, dedup outcome)."""
    from trafilatura import bare_extraction

    from binational.ingest.analyze import Fetched, analyze_page
    from binational.ingest.dedup import NearDuplicateIndex

    extractor = analyzer.extraction.extractor
    index = NearDuplicateIndex(0.5)
    hashes: dict[str, int] = {}
    outcome = {"new": 0, "duplicates": 0, "empty": 0}
    bare_seconds = pipeline_seconds = 0.0
    for number, (url, body) in enumerate(corpus):
        started = time.perf_counter()
        options = copy(extractor)
        options.url = options.source = url
        bare_extraction(body, options=options)
        middle = time.perf_counter()
        document = analyze_page(body, Fetched(url), analyzer)
        if document is None:
            outcome["empty"] += 1
        else:
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
        ended = time.perf_counter()
        bare_seconds += middle - started
        pipeline_seconds += ended - middle
    return len(corpus) / bare_seconds, len(corpus) / pipeline_seconds, outcome


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    from binational.ingest.analyze import Analyzer

    corpus = build_pages(args.pages)
    analyzer = Analyzer.build()
    interleaved_pass(corpus[:50], analyzer)  # warm-up
    bare, piped, outcome = [], [], {}
    for _ in range(args.runs):
        bare_rate, pipe_rate, outcome = interleaved_pass(corpus, analyzer)
        bare.append(bare_rate)
        piped.append(pipe_rate)
    bare_rate, pipe_rate = statistics.median(bare), statistics.median(piped)
    import datasketch
    import trafilatura

    print(f"machine: {platform.machine()}, {platform.processor() or 'cpu'}, "
          f"python {platform.python_version()}, trafilatura {trafilatura.__version__}, "
          f"datasketch {datasketch.__version__}")  # fmt: skip
    print(f"pages: {len(corpus)}; runs: {args.runs} (median)")
    print(f"bare trafilatura extraction: {bare_rate:7.1f} docs/s  runs: "
          + ", ".join(f"{r:.1f}" for r in bare))  # fmt: skip
    print(f"extract→dedup→link→score:    {pipe_rate:7.1f} docs/s  runs: "
          + ", ".join(f"{r:.1f}" for r in piped))  # fmt: skip
    ratios = ", ".join(f"{p / b:.0%}" for p, b in zip(piped, bare, strict=True))
    print(f"pipeline / bare: {pipe_rate / bare_rate:.0%} (target ≥ 70%); per run: {ratios}")
    print(f"last pipeline pass: {outcome}")


if __name__ == "__main__":
    main()
