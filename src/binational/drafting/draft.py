"""A draft as it is shown, saved and sent: the one JSON shape.

::

    {"event_id": 12,
     "summary": {"text": "...", "language": "en", "flags": [],
                 "sentences": [{"text", "source_url", "start", "end", "verbatim"}]},
     "implications": {"text": "...",
                      "facts": [{"kind", "subject", "text", "evidence": [{"kind", "ref"}]}],
                      "clauses": [{"start", "end", "fact"}]},
     "method": "extractive" | "llm:MODEL",
     "warnings": ["..."]}

A ``verbatim`` sentence is exactly ``source_text[start:end]``; a model's sentence
points at the passage that supports it (or at nothing). ``clauses`` map spans of the
composed implications to the facts they state; a model's paragraph has none, and its
unsupported names, dates and numbers are marked "[unverified]" in the text and
listed in ``warnings``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from binational.drafting.extractive import DraftSentence
from binational.drafting.implications import Implications


@dataclass(frozen=True)
class Summary:
    text: str
    sentences: tuple[DraftSentence, ...]
    language: str
    flags: tuple[str, ...] = ()

    def as_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "language": self.language,
            "flags": list(self.flags),
            "sentences": [sentence.as_json() for sentence in self.sentences],
        }


@dataclass(frozen=True)
class Draft:
    event_id: int | None
    summary: Summary
    implications: Implications
    method: str
    warnings: tuple[str, ...]

    def as_json(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id,
            "summary": self.summary.as_json(),
            "implications": self.implications.as_json(),
            "method": self.method,
            "warnings": list(self.warnings),
        }
