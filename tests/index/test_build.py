"""index/build.py: rows to arrays."""

import dataclasses
import datetime as dt

import numpy as np
import pytest

from binational.index import build
from binational.index.build import EventText, build_index
from binational.index.live import STATUSES


def test_postings_hold_each_event_once_per_term_with_weighted_counts(small_index):
    events, weights = small_index.postings("water")
    assert events.tolist() == [1, 2, 3]
    assert weights.tolist() == [10 + 3, 3 + 1, 3]  # title 10, summary 3, implications 1
    assert small_index.postings("nowhere")[0].size == 0
    assert small_index.event_count == 4
    assert small_index.lengths[[1, 2, 4]].tolist() == [2 + 6, 2 + 6 + 1, 0]


def test_batches_give_the_same_index(monkeypatch, small_corpus, small_index):
    monkeypatch.setattr(build._PostingsBuilder, "BATCH_TOKENS", 3)
    batched = build_index(*small_corpus, STATUSES)
    for field in dataclasses.fields(small_index):
        mine, theirs = getattr(batched, field.name), getattr(small_index, field.name)
        if isinstance(mine, np.ndarray):
            assert np.array_equal(mine, theirs), field.name
    assert batched.term_rows == small_index.term_rows


def test_events_out_of_order_are_refused():
    day = dt.date(2023, 1, 1)
    with pytest.raises(ValueError, match="ascending id order"):
        build_index([EventText(2, "b", "", "", day, "draft"), EventText(1, "a", "", "", day,
                     "draft")], [], [], {}, STATUSES)  # fmt: skip


def test_an_empty_database_gives_an_empty_index():
    index = build_index([], [], [], {}, STATUSES)
    assert index.event_count == 0 and index.postings("water")[0].size == 0
