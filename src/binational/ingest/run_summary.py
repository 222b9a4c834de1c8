"""What one ingest run did: counts, each failure with its reason, each source's
outcome (``fetched``, ``unchanged`` or ``failed``); ``record()`` is the JSON of
``binational ingest --json``."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Failure:
    source: str
    url: str
    reason: str


@dataclass
class IngestSummary:
    fetched: int = 0
    unchanged: int = 0
    failed: int = 0
    new: int = 0
    duplicates: int = 0
    deferred: int = 0  # pages left for a later run (retry time not reached)
    requests: int = 0
    failures: list[Failure] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)  # name -> fetched/unchanged/failed

    def fail(self, source: str, url: str, reason: str) -> None:
        self.failed += 1
        self.failures.append(Failure(source, url, reason))

    def record(self) -> dict[str, Any]:
        return {
            "fetched": self.fetched, "unchanged": self.unchanged, "failed": self.failed,
            "new": self.new, "duplicates": self.duplicates, "deferred": self.deferred,
            "requests": self.requests,
            "sources": dict(self.sources),
            "failures": [
                {"source": f.source, "url": f.url, "reason": f.reason} for f in self.failures
            ],
        }  # fmt: skip
