"""One pass for the linker and the topic tagger finds what the two find each alone."""

from __future__ import annotations

import importlib.util
import json
import random
from pathlib import Path

import pytest

from binational.registry.linker import MATCH_WINDOW, Linker
from binational.registry.loader import load_registry
from binational.registry.onepass import LinkerTagger
from binational.registry.topics import bundled_tagger

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def reader() -> LinkerTagger:
    return LinkerTagger.build(Linker.build(load_registry()), bundled_tagger())


def _release_texts() -> list[str]:
    releases = json.loads((ROOT / "tests" / "fixtures" / "releases.json").read_text("utf-8"))
    return [f"{r.get('title', '')}\n{r['text']}" for r in releases]


def _benchmark_texts(count: int) -> list[str]:
    """Title and text of ``count`` pages of ``benchmarks/bench_ingest.py``, as
    trafilatura extracts them."""
    from trafilatura import bare_extraction

    path = ROOT / "benchmarks" / "bench_ingest.py"
    spec = importlib.util.spec_from_file_location("bench_ingest", path)
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    texts = []
    for url, body in bench.build_pages(count, seed=5):
        result = bare_extraction(body, url=url, with_metadata=True)
        texts.append(f"{result.title or ''}\n{result.text or ''}")
    return texts


def _random_texts(reader: LinkerTagger, count: int) -> list[str]:
    """Texts of registry and taxonomy keys, in any case, among ordinary words."""
    rng = random.Random(9)
    keys = [p.decode().strip() for p in (*reader.linker.patterns, *reader.tagger.patterns)]
    filler = ["the", "and", "US", "SE", "(", ")", "México", "U.S.", "—", "\n", "de", "la"]
    texts = []
    for _ in range(count):
        words = rng.choices(keys, k=rng.randint(0, 12)) + rng.choices(filler, k=8)
        rng.shuffle(words)
        texts.append(" ".join(w.upper() if rng.random() < 0.2 else w for w in words))
    return texts


def test_one_pass_reads_as_the_linker_and_the_tagger_each_alone(reader):
    texts = [*_release_texts(), *_benchmark_texts(150), *_random_texts(reader, 400), "", " "]
    found = 0
    for text in texts:
        mentions, topics = reader.read(text)
        assert mentions == reader.linker.find(text), text
        assert topics == reader.tagger.tag(text), text
        found += bool(mentions) + bool(topics)
    assert found > len(texts), found  # most texts have mentions and topics


def test_a_text_longer_than_a_window_reads_the_same(reader):
    text = (ROOT / "data" / "samples" / "cbi-report-2023-q2.txt").read_text("utf-8")
    while len(text) <= MATCH_WINDOW:
        text += "\n" + text
    assert reader.read(text) == (reader.linker.find(text), reader.tagger.tag(text))
    assert reader.read(text)[0] and reader.read(text)[1]
