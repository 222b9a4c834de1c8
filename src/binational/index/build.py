"""Rows to an ``EventIndex``: pure, no database.

Postings are kept the way a search engine keeps them, as a few flat arrays rather
than a dict of lists: every (term, event) pair in one array of event ids grouped by
term, ascending within a term, with the pair's weighted term frequency beside it.
At 100,000 events that is 13 million pairs in about 100 MB, built in seconds.
"""

from __future__ import annotations

import datetime as dt
import itertools
from array import array
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np

from binational.domain import DatePrecision, PartialDate
from binational.index.tokens import fold, words
from binational.store.records import CARD_SUMMARY

# Field weights of the database's bm25 (store/search.py): title, summary, implications.
FIELD_WEIGHTS = (10.0, 3.0, 1.0)


@dataclass(frozen=True)
class EventText:
    """What the index needs of one event."""

    id: int
    title: str
    summary: str
    implications: str
    day: dt.date
    status: str
    date_precision: str = DatePrecision.DAY.value


Tag = tuple[str, str]  # (facet, value): ("institution", "usmca"), ("topic", "water")
TAG_FACETS = ("institution", "category", "topic")


@dataclass(frozen=True)
class Membership:
    """Which events have which tags, both ways: by event as compressed rows
    (``starts`` into ``codes``), by tag as a sorted array of event ids. One
    structure for every facet, so that a search counts them all in one pass."""

    values: tuple[Tag, ...]  # sorted: each facet's tags are a run of codes
    code_of: Mapping[Tag, int]
    starts: np.ndarray  # int64, one more than the largest event id + 1
    codes: np.ndarray  # int32, tag codes grouped by event, ascending within one
    events_of: tuple[np.ndarray, ...]  # per tag code, sorted event ids


@dataclass(frozen=True)
class EventIndex:
    """Everything a search reads, as arrays indexed by event id (0 where no event)."""

    term_rows: Mapping[str, int]  # term → row of ``term_starts``
    term_starts: np.ndarray  # int64: postings of row r are [starts[r], starts[r + 1])
    posting_events: np.ndarray  # int32
    posting_weights: np.ndarray  # float32: Σ field weight × occurrences in that field
    lengths: np.ndarray  # float32: terms in all fields, by event id
    average_length: float
    event_count: int
    days: np.ndarray  # int32 proleptic ordinal, by event id
    months: np.ndarray  # int32 year × 12 + month − 1, by event id
    statuses: tuple[str, ...]
    status_codes: np.ndarray  # int8, by event id (−1 where no event)
    tags: Membership  # institutions, their categories, topics
    # What a result's card shows, by event id: title, date (ISO, to its precision),
    # status, the summary's first CARD_SUMMARY characters. A search engine's "stored
    # fields": a page of results needs no database read.
    stored: Mapping[int, tuple[str, str, str, str]]

    @property
    def size(self) -> int:
        """One more than the largest event id: the length of every by-id array."""
        return len(self.lengths)

    def postings(self, term: str) -> tuple[np.ndarray, np.ndarray]:
        row = self.term_rows.get(term)
        if row is None:
            empty = np.empty(0, dtype=np.int32)
            return empty, np.empty(0, dtype=np.float32)
        start, end = self.term_starts[row], self.term_starts[row + 1]
        return self.posting_events[start:end], self.posting_weights[start:end]


def build_membership(pairs: Iterable[tuple[int, Tag]], size: int) -> Membership:
    """From (event id, tag) pairs, repeats ignored; ``size`` = largest id + 1."""
    unique = sorted({(event, tag) for event, tag in pairs if 0 <= event < size})
    values = tuple(sorted({tag for _, tag in unique}))
    code_of = {tag: code for code, tag in enumerate(values)}
    events = np.fromiter((event for event, _ in unique), dtype=np.int64, count=len(unique))
    codes = np.fromiter((code_of[t] for _, t in unique), dtype=np.int32, count=len(unique))
    starts = np.zeros(size + 1, dtype=np.int64)
    np.add.at(starts, events + 1, 1)
    np.cumsum(starts, out=starts)
    order = np.argsort(codes, kind="stable")  # events stay ascending within a tag
    split = np.searchsorted(codes[order], np.arange(1, len(values)))
    events_of = tuple(part.astype(np.int32) for part in np.split(events[order], split))
    return Membership(values, code_of, starts, codes, events_of if values else ())


def build_index(
    events: Iterable[EventText],
    links: Iterable[tuple[int, str]],
    topics: Iterable[tuple[int, str]],
    category_of: Mapping[str, str],
    statuses: tuple[str, ...],
) -> EventIndex:
    """The index of ``events`` (in ascending id order) with their live institution
    links and topics as (event id, slug) pairs; ``category_of`` maps an institution
    to its category."""
    postings = _PostingsBuilder()
    rows: list[tuple[int, int, int, int]] = []  # id, length, day, status code
    stored: dict[int, tuple[str, str, str, str]] = {}
    status_code = {status: code for code, status in enumerate(statuses)}
    for event in events:
        if rows and event.id <= rows[-1][0]:
            raise ValueError("events must come in ascending id order")
        length = postings.add(event.id, (event.title, event.summary, event.implications))
        rows.append((event.id, length, event.day.toordinal(), status_code[event.status]))
        date = PartialDate(event.day, DatePrecision(event.date_precision)).iso()
        stored[event.id] = (event.title, date, event.status, (event.summary or "")[:CARD_SUMMARY])
    term_rows, term_starts, posting_events, posting_weights = postings.finish()

    size = max((row[0] for row in rows), default=0) + 1
    ids = np.array([row[0] for row in rows], dtype=np.int64)
    lengths = np.zeros(size, dtype=np.float32)
    lengths[ids] = [row[1] for row in rows]
    days = np.zeros(size, dtype=np.int32)
    days[ids] = [row[2] for row in rows]
    status_codes = np.full(size, -1, dtype=np.int8)
    status_codes[ids] = [row[3] for row in rows]
    months = np.zeros(size, dtype=np.int32)
    if len(ids):
        since_1970 = days[ids].astype(np.int64) - dt.date(1970, 1, 1).toordinal()
        month_numbers = since_1970.astype("datetime64[D]").astype("datetime64[M]").astype(np.int64)
        months[ids] = month_numbers + 1970 * 12  # months since year 0
    links = list(links)
    return EventIndex(
        term_rows=term_rows,
        term_starts=term_starts,
        posting_events=posting_events,
        posting_weights=posting_weights,
        lengths=lengths,
        average_length=float(lengths.sum() / len(rows)) if rows else 0.0,
        event_count=len(rows),
        days=days,
        months=months,
        statuses=statuses,
        status_codes=status_codes,
        tags=build_membership(
            itertools.chain(
                ((event, ("institution", slug)) for event, slug in links),
                (
                    (event, ("category", category_of[slug]))
                    for event, slug in links
                    if slug in category_of
                ),
                ((event, ("topic", slug)) for event, slug in topics),
            ),
            size,
        ),  # fmt: skip
        stored=stored,
    )


class _TermIds(dict):
    """Lower-cased word → term id; words that fold to the same term share it."""

    def __init__(self) -> None:
        super().__init__()
        self.terms: dict[str, int] = {}

    def __missing__(self, word: str) -> int:
        term = fold(word)
        self[word] = code = self.terms.setdefault(term, len(self.terms))
        return code


class _PostingsBuilder:
    """Collects (term, event, weighted frequency) in numpy, a batch of events at a
    time: Python only splits the text into words and looks each up in a dict (about
    5 s for 100,000 events); counting and grouping are numpy's."""

    BATCH_TOKENS = 500_000

    def __init__(self) -> None:
        self.term_ids = _TermIds()
        self.tokens = array("i")  # term id of each word, batch so far
        self.runs: list[tuple[int, float, int]] = []  # event, field weight, words
        self.keys: list[np.ndarray] = []  # per batch, (term << 32 | event), sorted
        self.weights: list[np.ndarray] = []

    def add(self, event_id: int, fields: tuple[str, ...]) -> int:
        """Add one event's fields; its length in words."""
        length = 0
        for text, weight in zip(fields, FIELD_WEIGHTS, strict=True):
            found = words(text or "")
            self.tokens.extend(map(self.term_ids.__getitem__, found))
            self.runs.append((event_id, weight, len(found)))
            length += len(found)
        if len(self.tokens) >= self.BATCH_TOKENS:
            self._flush()
        return length

    def _flush(self) -> None:
        if not self.runs:
            return
        events, weights, counts = (np.array(column) for column in zip(*self.runs, strict=True))
        keys = (np.frombuffer(self.tokens, dtype=np.int32).astype(np.int64) << 32) | np.repeat(
            events.astype(np.int64), counts
        )
        unique, inverse = np.unique(keys, return_inverse=True)
        self.keys.append(unique)
        self.weights.append(np.bincount(inverse, np.repeat(weights, counts)).astype(np.float32))
        self.tokens, self.runs = array("i"), []

    def finish(self) -> tuple[dict[str, int], np.ndarray, np.ndarray, np.ndarray]:
        """(term → row, row starts, posting events, posting weights).

        Each batch is sorted by (term, event) and the batches come in event order,
        so every batch's run of a term goes right after the previous batch's run of
        it: a counting sort that writes each batch in place and frees it, rather
        than one argsort of everything (which took twice the memory)."""
        self._flush()
        term_count = len(self.term_ids.terms)
        counts = np.zeros(term_count, dtype=np.int64)
        for keys in self.keys:
            counts += np.bincount(keys >> 32, minlength=term_count)
        starts = np.zeros(term_count + 1, dtype=np.int64)
        np.cumsum(counts, out=starts[1:])
        events = np.empty(int(starts[-1]), dtype=np.int32)
        weights = np.empty(int(starts[-1]), dtype=np.float32)
        cursor = starts[:-1].copy()
        while self.keys:
            keys, batch_weights = self.keys.pop(0), self.weights.pop(0)
            terms = keys >> 32
            batch_counts = np.bincount(terms, minlength=term_count)
            run_starts = np.cumsum(batch_counts) - batch_counts
            positions = cursor[terms] + np.arange(len(keys)) - run_starts[terms]
            events[positions] = keys & 0xFFFFFFFF
            weights[positions] = batch_weights
            cursor += batch_counts
        return self.term_ids.terms, starts, events, weights
