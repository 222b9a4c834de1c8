"""index/query.py: matching, filters and bm25 ranking on an EventIndex."""

import dataclasses
import datetime as dt

import numpy as np
import pytest
from sqlalchemy import text

from binational.index.live import read_index
from binational.index.query import (
    IndexFilter,
    Ranking,
    intersection,
    query_terms,
    ranked_ids,
    scores,
)
from binational.intake.importer import import_reports
from binational.registry.annotate import registry_annotator
from binational.registry.loader import load_registry
from binational.store.search import fts5_query


@pytest.mark.parametrize(
    ("words", "where", "expected"),
    [
        (["water"], IndexFilter(), [1, 2, 3]),  # title ×10; then two hits beat one
        (["water", "security"], IndexFilter(), [2, 3]),
        (["water"], IndexFilter(statuses=("published",)), [1, 3]),
        (["water"], IndexFilter(status="draft"), [2]),
        (["water"], IndexFilter(month=7), [3]),
        (["water"], IndexFilter(first_day=dt.date(2023, 4, 1).toordinal(),
                                last_day=dt.date(2023, 6, 30).toordinal()), [1, 2]),
        (["water"], IndexFilter(institution="ibwc"), [1, 2]),
        (["water"], IndexFilter(any_institution=("hlsd", "usmca")), [2, 3]),
        (["water"], IndexFilter(topic="drugs"), [3]),
        (["water"], IndexFilter(topic="no-such-topic"), []),
        (["usmca"], IndexFilter(), [5]),
        (["nowhere"], IndexFilter(), []),
    ],
)  # fmt: skip
def test_ranked_ids(small_index, words, where, expected):
    assert ranked_ids(small_index, words, where).tolist() == expected


@pytest.mark.parametrize(
    ("user_text", "expected"),
    [
        ("Fentanyl trafficking", ["fentanyl", "trafficking"]),
        ("López-Obrador", ["lopez", "obrador"]),
        ("   ", None),
        ('"consular notification"', None),  # a phrase: the database answers
        ("snake_case", None),  # one word to the database's search, two terms to FTS5
    ],
)
def test_query_terms(user_text, expected):
    assert query_terms(user_text) == expected


QUERIES = ["fentanyl", "mexico", "border security", "lopez obrador", "united states border",
           "commission", "the"]  # fmt: skip


@pytest.mark.parametrize("query", QUERIES)
def test_scores_are_fts5_bm25(sqlite_database, sample_report_path, query):
    """The same matches and, to float precision, the same scores as the database's
    bm25 (title 10, summary 3, implications 1)."""
    import_reports(sqlite_database, [sample_report_path], annotator=registry_annotator())
    category_of = {i.slug: i.category.value for i in load_registry().institutions}
    with sqlite_database.connect() as connection:
        _, index = read_index(connection, category_of)
        expected = dict(
            connection.execute(
                text(
                    "SELECT rowid, -bm25(events_fts, 10.0, 3.0, 1.0) FROM events_fts"
                    " WHERE events_fts MATCH :query"
                ),
                {"query": fts5_query(query)},
            ).all()
        )
    words = query_terms(query)
    ids = ranked_ids(index, words, IndexFilter())
    assert expected and sorted(ids.tolist()) == sorted(expected)
    found = scores(index, [index.postings(word) for word in words], ids)
    assert found.tolist() == pytest.approx([expected[i] for i in ids.tolist()], rel=1e-6)
    assert list(found) == sorted(found, reverse=True)


@pytest.mark.parametrize(
    "lists",
    [
        [[1, 2, 3], [2, 3, 4]],  # similar lengths: marked in a mask
        [[3], list(range(0, 200, 3))],  # one candidate, a long list: searched
        [list(range(0, 200, 2)), list(range(0, 200, 3)), [6, 12, 13, 198]],
        [[], [1, 2]],
        [[5, 7], [1, 2]],
    ],
)
def test_intersection(small_index, lists):
    arrays = [np.array(ids, dtype=np.int32) for ids in lists]
    expected = sorted(set.intersection(*(set(ids) for ids in lists)))
    index = dataclasses.replace(small_index, lengths=np.zeros(200, dtype=np.float32))
    assert intersection(index, arrays).tolist() == expected


@pytest.mark.parametrize("top", [1, 5, 40, 1000])
@pytest.mark.parametrize(
    "cut", [slice(0, 5), slice(3, 8), slice(0, 40), slice(35, 45), slice(100, 125), slice(0, None)]
)
def test_a_ranking_read_in_part_is_the_full_order(top, cut):
    """Many equal scores: the partition must keep 'lower id first' at its edge."""
    rng = np.random.default_rng(top)
    ids = np.sort(rng.choice(10_000, size=300, replace=False)).astype(np.int32)
    scores = rng.integers(0, 12, size=300).astype(np.float64) / 4  # ties everywhere
    expected = ids[np.lexsort((ids, -scores))]  # best score first, then lower id
    part = Ranking(ids, scores, top=top)[cut]  # top=1000: no partition
    assert part.tolist() == expected[cut].tolist()
    assert len(Ranking(ids, scores, top=top)) == 300
