"""search/facets.py: the engine's buckets to a listing's facets (pure)."""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter

import pytest

from binational.domain import Quarter
from binational.search.documents import (
    CATEGORY_BITS,
    EMPTY_SLOT,
    kinds_code,
    period_code,
    split_kinds,
)
from binational.search.facets import (
    FACET_LIMIT,
    _column,
    aggregations,
    facets_of,
    kinds_counts,
    newest_months_start,
)

BITS = ("labor", "security", "water")
CODES = ("ibwc", "sre", "usmca")  # the codes 1, 2 and 3
IBWC, SRE, USMCA = 1, 2, 3
EXTRA = next(name for name, part in aggregations().items() if "filter" in part)


def answer_of(columns: dict[str, list[tuple]]) -> dict:
    """The engine's answer to ``aggregations`` holding these (key, count) pairs per
    column; ``extra_tags`` nested in the filter's entry, as the engine nests it."""
    answer = {
        name: {"buckets": [{"key": key, "doc_count": count} for key, count in pairs]}
        for name, pairs in columns.items()
    }
    if "extra_tags" in answer:
        answer[EXTRA] = {"doc_count": 1, "extra_tags": answer.pop("extra_tags")}
    return answer


def test_answer_to_total_and_facets():
    answer = answer_of({
        "period": [(period_code(dt.date(2023, 5, 1), "draft"), 2),
                   (period_code(dt.date(2023, 6, 1), "published"), 3),
                   (period_code(dt.date(2022, 5, 1), "published"), 1)],
        "kinds": [(kinds_code(CATEGORY_BITS["agreement"] | CATEGORY_BITS["program"],
                              ["water"], BITS)[0], 2),
                  (kinds_code(CATEGORY_BITS["agreement"], ["security"], BITS)[0], 1), (0, 3)],
        "institution_1": [(USMCA, 3), (IBWC, 1), (EMPTY_SLOT, 2)],
        "institution_2": [(SRE, 1), (EMPTY_SLOT, 5)],
        "institution_3": [(EMPTY_SLOT, 6)],
        "extra_tags": [("institution:usmca", 1), ("topic:water", 1)],
    })  # fmt: skip
    assert facets_of(answer, BITS, CODES) == (6, {
        "quarter": [{"value": "2023Q2", "count": 5}, {"value": "2022Q2", "count": 1}],
        "month": [{"value": "5", "count": 3}, {"value": "6", "count": 3}],
        "status": [{"value": "draft", "count": 2}, {"value": "published", "count": 4}],
        "institution": [{"value": "usmca", "count": 4}, {"value": "ibwc", "count": 1},
                        {"value": "sre", "count": 1}],
        "category": [{"value": "agreement", "count": 3}, {"value": "program", "count": 2}],
        "topic": [{"value": "water", "count": 3}, {"value": "security", "count": 1}],
    })  # fmt: skip


def test_the_filtered_extra_tags_are_read_from_the_filters_entry():
    """The engine answers ``aggregations`` with one entry per column and the
    filtered ``extra_tags`` nested in its filter's entry."""
    answer = {
        "period": {"buckets": [{"key": period_code(dt.date(2023, 5, 1), "draft"), "doc_count": 2}]},
        "institution_1": {"buckets": [{"key": USMCA, "doc_count": 2}]},
        EXTRA: {"doc_count": 1, "extra_tags": {"buckets": [
            {"key": "topic:water", "doc_count": 1}, {"key": "institution:ibwc", "doc_count": 1}]}},
    }  # fmt: skip
    total, found = facets_of(answer, BITS, CODES)
    assert total == 2
    assert found["topic"] == [{"value": "water", "count": 1}]
    assert found["institution"] == [{"value": "usmca", "count": 2}, {"value": "ibwc", "count": 1}]


def test_only_the_most_linked_institutions_are_listed():
    codes = tuple(f"i{n:02d}" for n in range(1, 30))
    answer = answer_of({"institution_1": [(n, n) for n in range(1, 30)]})
    listed = facets_of(answer, BITS, codes)[1]["institution"]
    assert len(listed) == FACET_LIMIT and listed[0] == {"value": "i29", "count": 29}


def test_a_code_the_index_does_not_name_is_left_out():
    answer = answer_of({"institution_1": [(USMCA, 2), (len(CODES) + 1, 5)]})
    assert facets_of(answer, BITS, CODES)[1]["institution"] == [{"value": "usmca", "count": 2}]


def test_no_buckets_no_facets():
    assert facets_of({}, BITS, CODES) == (0, {name: [] for name in
                             ("quarter", "month", "status", "institution", "category", "topic")})


def test_kinds_counts_add_each_codes_count_to_its_categories_and_topics():
    bits = ("border-management", "health", "labor", "security", "water")
    rng = random.Random(5)
    pairs = [(rng.getrandbits(4 + len(bits)), rng.randint(1, 50)) for _ in range(300)]
    categories, topics = Counter(), Counter()
    for code, count in pairs:  # one code at a time, as split_kinds reads them
        in_categories, in_topics = split_kinds(code, bits)
        categories.update(dict.fromkeys(in_categories, count))
        topics.update(dict.fromkeys(in_topics, count))
    column = _column(answer_of({"kinds": pairs})["kinds"]["buckets"])
    assert tuple(Counter(tally) for tally in kinds_counts(*column, bits)) == (categories, topics)
    zero = kinds_counts(*_column(answer_of({"kinds": [(0, 7)]})["kinds"]["buckets"]), bits)
    assert not any(count for tally in zero for count in tally.values())


def test_kinds_counts_are_exact_for_every_bit_and_large_counts():
    """Codes use all 64 bits, and counts reach millions: both survive the product."""
    bits = tuple(f"topic-{n}" for n in range(60))
    pairs = [((1 << 64) - 1, 3_000_001), (1 << 63, 2), (1, 5)]
    column = _column(answer_of({"kinds": pairs})["kinds"]["buckets"])
    categories, topics = kinds_counts(*column, bits)
    assert topics["topic-59"] == 3_000_003 and topics["topic-0"] == 3_000_001
    assert categories[next(iter(CATEGORY_BITS))] == 3_000_006


@pytest.mark.parametrize("year", [1, 999, 1000, 2023])
def test_quarters_are_labelled_as_a_quarter_writes_itself(year):
    """A facet's quarter is a link's filter value: it must read back as a quarter."""
    code = period_code(dt.date(year, 5, 1), "published")
    answer = answer_of({"period": [(code, 1)], "kinds": []})
    (label,) = [value["value"] for value in facets_of(answer, BITS, CODES)[1]["quarter"]]
    assert label == str(Quarter(year, 2)) and Quarter.parse(label) == Quarter(year, 2)


@pytest.mark.parametrize(
    ("count", "start"),
    [(1, dt.date(2023, 5, 1)), (3, dt.date(2023, 5, 1)), (4, dt.date(2023, 2, 1)),
     (9, dt.date(2023, 2, 1)), (10, dt.date(2019, 12, 1)), (12, dt.date(2019, 12, 1)),
     (13, None)],
)  # fmt: skip
def test_the_newest_months_that_hold_a_page(count, start):
    """May 2023 holds 3 matches (two statuses), February 2023 six, December 2019 three."""
    periods = [(period_code(dt.date(2023, 5, 9), "published"), 2),
               (period_code(dt.date(2023, 5, 1), "draft"), 1),
               (period_code(dt.date(2019, 12, 31), "published"), 3),
               (period_code(dt.date(2023, 2, 28), "reviewed"), 6)]  # fmt: skip
    assert newest_months_start(answer_of({"period": periods}), count) == start
