"""A large report in the center's text layout, for the contention and kill tests:
``items`` events of a quarter with paragraphs of the sample report's sentences,
printed by the txt renderer (which the importer reads back item for item)."""

from __future__ import annotations

import random
import re
from pathlib import Path

from binational.domain import PartialDate, Period
from binational.publish.document import MonthSection, ReportDocument, ReportEntry
from binational.publish.formats import RENDERERS

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "samples" / "cbi-report-2023-q2.txt"
NUMBERED = re.compile(r"^\s*\d+\)")


def big_report(items: int, quarter: str = "2023Q3", seed: int = 12) -> bytes:
    rng = random.Random(seed)
    text = SAMPLE.read_text(encoding="utf-8").replace("\n", " ")
    sentences = [sentence for sentence in re.split(r"(?<=[.!?])\s+", text)
                 if 40 < len(sentence) < 300 and not NUMBERED.match(sentence)]  # fmt: skip
    period = Period.parse(quarter)
    months = list(range(period.start.month, period.end.month + 1))
    sections, number = [], 0
    for index, month in enumerate(months):
        count = items * (index + 1) // len(months) - items * index // len(months)
        entries = []
        for day in sorted(rng.randint(1, 28) for _ in range(count)):
            number += 1
            entries.append(ReportEntry(
                number=number,
                title=f"Item {number}: " + rng.choice(sentences)[:80].rstrip(" ,.;"),
                date=PartialDate.day(period.start.year, month, day),
                url=f"https://www.gob.mx/sre/prensa/comunicado-{number}",
                summary=(" ".join(rng.sample(sentences, 3)),),
                implications=(" ".join(rng.sample(sentences, 2)),),
            ))  # fmt: skip
        sections.append(MonthSection(month, period.start.year, tuple(entries)))
    document = ReportDocument("Center for Binational Institutions", period,
                              "An introduction.", tuple(sections))  # fmt: skip
    return RENDERERS["txt"].render(document)
