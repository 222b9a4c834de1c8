"""Result cards from the index's stored fields: pure.

The same cards as ``store.event_reads.read_event_cards`` reads from the database
(a test holds them equal), without a query: the index was built at the data's
current version, so what it stored is what the database holds.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from binational.index.build import EventIndex
from binational.store.records import event_card


def index_cards(index: EventIndex, ids: Sequence[int]) -> list[dict[str, Any]]:
    """Cards of the events ``ids``, in that order (ids of no event skipped)."""
    cards = []
    tags = index.tags
    for event_id in ids:
        stored = index.stored.get(event_id)
        if stored is None:
            continue
        codes = tags.codes[tags.starts[event_id] : tags.starts[event_id + 1]]
        slugs = [value for facet, value in map(tags.values.__getitem__, codes)
                 if facet == "institution"]  # fmt: skip
        cards.append(event_card(event_id, *stored, slugs))
    return cards
