"""Synthetic events for benchmarks: realistic vocabulary from the bundled sample
report, shuffled into new titles and paragraphs with a fixed seed."""

from __future__ import annotations

import datetime as dt
import random
import re
from pathlib import Path

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "samples" / "cbi-report-2023-q2.txt"


def sample_sentences() -> list[str]:
    text = SAMPLE.read_text(encoding="utf-8")
    sentences = re.split(r"(?<=[.!?])\s+", text.replace("\n", " "))
    return [s for s in sentences if 40 < len(s) < 400]


def synthetic_events(count: int, seed: int = 7, year: int = 2023) -> list[dict]:
    """``count`` events spread over ``year``, each with a title, 2 summary and 2
    implications paragraphs of 2-3 sample sentences."""
    rng = random.Random(seed)
    sentences = sample_sentences()
    words = sorted({w for s in sentences for w in re.findall(r"[A-Za-zÁÉÍÓÚáéíóúñ]{4,}", s)})
    start = dt.date(year, 1, 1)
    events = []
    for index in range(count):
        title = " ".join(rng.sample(words, 7)).capitalize()
        summary = "\n".join(" ".join(rng.sample(sentences, 3)) for _ in range(2))
        implications = "\n".join(" ".join(rng.sample(sentences, 2)) for _ in range(2))
        events.append(
            {
                "title": title,
                "summary": summary,
                "implications": implications,
                "date_value": start + dt.timedelta(days=index % 365),
            }
        )
    return events
