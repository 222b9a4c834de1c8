"""What an index reflects, kept in ``state.json`` beside it: which generation is
current, the data version it was brought to, and the ids it is still waiting for.

Waiting: on PostgreSQL, ids come from sequences when a row is inserted, and
transactions commit in any order, so an edit's revision 41 can become visible
after revision 42 was read. An id below the version that was not there when the
index was brought up to date is a *gap*; every later update looks for it again,
until it appears or ``GAP_PATIENCE`` seconds have passed (the transaction that took
it was rolled back). The file is written after the index commits, by renaming a
complete temporary file over it: it can lag the index (the next update then does
some work twice, which is harmless) but never run ahead of it.
"""

from __future__ import annotations

import json
import os
from collections.abc import Collection, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path

STATE_FILE = "state.json"
GAP_PATIENCE = 600.0


@dataclass(frozen=True)
class IndexState:
    format: int
    generation: str
    fingerprint: str  # the registry's categories the index was built with
    events: int  # the data version reflected: largest event id …
    revisions: int  # … and largest revision id
    event_gaps: Mapping[int, float] = field(default_factory=dict)  # id → first missed at
    revision_gaps: Mapping[int, float] = field(default_factory=dict)
    topic_bits: tuple[str, ...] = ()  # the topic of each bit of the ``kinds`` column
    institution_codes: tuple[str, ...] = ()  # the institution of each code, from 1

    @property
    def version(self) -> tuple[int, int]:
        return (self.events, self.revisions)

    @property
    def waiting(self) -> bool:
        return bool(self.event_gaps or self.revision_gaps)


def gaps_after(
    previous: Mapping[int, float],
    low: int,
    high: int,
    found: Collection[int],
    now: float,
    patience: float = GAP_PATIENCE,
) -> dict[int, float]:
    """The ids still awaited once ids in (``low``, ``high``] and the ``previous``
    gaps were looked for and ``found`` ones seen: the ids of that range not found,
    and the previous gaps not found and not older than ``patience`` seconds."""
    seen = set(found)
    gaps = {number: now for number in range(low + 1, high + 1) if number not in seen}
    for number, since in previous.items():
        if number not in seen and now - since < patience:
            gaps[number] = since
    return gaps


def read_state(directory: Path) -> IndexState | None:
    """The state in ``directory``, or ``None`` when it is missing or unreadable."""
    try:
        data = json.loads((directory / STATE_FILE).read_text(encoding="utf-8"))
        return IndexState(
            format=int(data["format"]),
            generation=str(data["generation"]),
            fingerprint=str(data["fingerprint"]),
            events=int(data["events"]),
            revisions=int(data["revisions"]),
            event_gaps={int(k): float(v) for k, v in data.get("event_gaps", {}).items()},
            revision_gaps={int(k): float(v) for k, v in data.get("revision_gaps", {}).items()},
            topic_bits=tuple(str(slug) for slug in data.get("topic_bits", ())),
            institution_codes=tuple(str(slug) for slug in data.get("institution_codes", ())),
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def write_state(directory: Path, state: IndexState) -> None:
    """Replace the state file in one step (a complete file renamed over it)."""
    temporary = directory / f".{STATE_FILE}.{os.getpid()}"
    data = asdict(state)
    temporary.write_text(json.dumps(data, sort_keys=True), encoding="utf-8")
    os.replace(temporary, directory / STATE_FILE)
