"""Sentence boundaries in English and Spanish, with offsets into the original text.

pysbd (rule-based, "Golden Rules" of sentence boundaries, no model to download)
finds the boundaries. Each line of the text is segmented on its own, so a headline or
a list item without a final stop stays one sentence and no sentence spans a line
break. Offsets are checked here rather than trusted: pysbd recovers a sentence's span
by searching the text for it, so whatever span does not hold its sentence, and any
text no span covers, is rebuilt from the line itself. The promise kept is
``text[s.start:s.end] == s.text`` for every sentence, with no surrounding whitespace.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pysbd
from pysbd.languages import LANGUAGE_CODES

LINE = re.compile(r"[^\r\n]+")
# Titles before a name that pysbd's Spanish rules split after ("El Sr. | López"): a
# sentence ending in one of them goes on into the next.
TITLE_BEFORE_NAME = re.compile(
    r"(?:^|\s)(?:Sr|Sra|Srta|Dr|Dra|Lic|Ing|Mtro|Mtra|Gral|Mr|Mrs|Ms|Gen|Sen|Rep)\.$"
)


@dataclass(frozen=True)
class Sentence:
    """``text`` is exactly ``original[start:end]``; ``index`` counts sentences in the
    text and ``line`` counts its non-blank lines (paragraphs, in extracted pages)."""

    text: str
    start: int
    end: int
    index: int
    line: int


def segmenter_language(language: str | None) -> str:
    """The pysbd language for an ISO 639-1 code ("es-MX" → "es"); English otherwise."""
    code = (language or "en").split("-")[0].split("_")[0].lower()
    return code if code in LANGUAGE_CODES else "en"


def split_sentences(text: str, language: str | None = "en") -> list[Sentence]:
    """The sentences of ``text`` in order, each with its exact span."""
    # A segmenter keeps the text it is working on, so each call makes its own (cheap).
    segmenter = pysbd.Segmenter(language=segmenter_language(language), clean=False, char_span=True)
    sentences: list[Sentence] = []
    for line_number, line in enumerate(
        match for match in LINE.finditer(text) if match.group().strip()
    ):
        for start, end in _line_spans(segmenter, line.group()):
            absolute = line.start() + start, line.start() + end
            sentences.append(
                Sentence(text[absolute[0] : absolute[1]], *absolute, len(sentences), line_number)
            )
    return sentences


def _line_spans(segmenter: pysbd.Segmenter, line: str) -> list[tuple[int, int]]:
    """Stripped, ordered, non-overlapping spans covering every non-blank part of ``line``."""
    spans: list[tuple[int, int]] = []
    cursor = 0
    for piece in segmenter.segment(line):
        start, end = piece.start, piece.end
        if start < cursor or line[start:end] != piece.sent:
            continue  # a span pysbd misplaced: its text is recovered as a gap below
        if line[cursor:start].strip():
            spans.append(_strip(line, cursor, start))
        spans.append(_strip(line, start, end))
        cursor = end
    if line[cursor:].strip():
        spans.append(_strip(line, cursor, len(line)))
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if end <= start:
            continue
        if merged and TITLE_BEFORE_NAME.search(line[merged[-1][0] : merged[-1][1]]):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _strip(line: str, start: int, end: int) -> tuple[int, int]:
    while start < end and line[start].isspace():
        start += 1
    while end > start and line[end - 1].isspace():
        end -= 1
    return start, end
