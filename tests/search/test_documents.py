"""search/documents.py: events to index documents (pure)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from binational.search.documents import (
    CATEGORY_BITS,
    EMPTY_SLOT,
    categories_of_mask,
    category_mask,
    index_document,
    institution_codes,
    kinds_code,
    period_code,
    recency,
    slots,
    split_kinds,
    split_period,
)
from binational.store.search_rows import EventRow

CATEGORY_OF = {"usmca": "agreement", "ibwc": "organization", "hled": "dialogue_mechanism"}
CODE_OF = institution_codes(["hled", "ibwc", "nadbank", "sre", "usmca"])


@pytest.mark.parametrize(
    ("day", "status"),
    [
        (dt.date(2023, 1, 1), "candidate"),
        (dt.date(2023, 12, 31), "rejected"),
        (dt.date(1889, 3, 1), "published"),
        (dt.date(2999, 6, 15), "draft"),
    ],
)
def test_a_period_code_holds_the_month_and_the_status(day, status):
    assert split_period(period_code(day, status)) == (day.year, day.month, status)


def test_period_codes_sort_by_month():
    december, january = dt.date(2022, 12, 31), dt.date(2023, 1, 1)
    assert period_code(december, "rejected") < period_code(january, "candidate")


@pytest.mark.parametrize(
    ("slugs", "categories"),
    [
        ((), []),
        (("usmca",), ["agreement"]),
        (("usmca", "ibwc", "hled"), ["agreement", "organization", "dialogue_mechanism"]),
        (("sre", "usmca"), ["agreement"]),  # an agency has no category
        (("ibwc", "ibwc"), ["organization"]),
    ],
)
def test_category_masks(slugs, categories):
    assert categories_of_mask(category_mask(slugs, CATEGORY_OF)) == categories


@pytest.mark.parametrize(
    ("categories", "topics", "bits", "expected_topics", "left"),
    [
        (["agreement"], [], ("water",), [], []),
        ([], ["water"], ("water",), ["water"], []),
        (["program", "organization"], ["water", "labor"], ("labor", "water"),
         ["labor", "water"], []),
        ([], ["water", "new-topic"], ("labor", "water"), ["water"], ["new-topic"]),
        ([], ["t59", "t60"], tuple(f"t{n}" for n in range(61)), ["t59"], ["t60"]),
    ],
)  # fmt: skip
def test_kinds_codes(categories, topics, bits, expected_topics, left):
    mask = sum(CATEGORY_BITS[c] for c in categories)
    code, not_coded = kinds_code(mask, topics, bits)
    assert not_coded == left
    found_categories, found_topics = split_kinds(code, bits)
    assert sorted(found_categories) == sorted(categories) and found_topics == expected_topics


@pytest.mark.parametrize(
    ("values", "count", "expected"),
    [
        ([], 2, {"t_1": EMPTY_SLOT, "t_2": EMPTY_SLOT}),
        ([4], 2, {"t_1": 4, "t_2": EMPTY_SLOT}),
        ([4, 7, 9], 2, {"t_1": 4, "t_2": 7}),
    ],
)
def test_slots(values, count, expected):
    assert slots("t", values, count) == expected


def test_institution_codes_start_at_one():
    """0 marks an empty slot."""
    assert institution_codes(["a", "b"]) == {"a": 1, "b": 2}
    assert EMPTY_SLOT == 0


def test_recency_orders_newest_first_then_the_higher_id():
    keys = [recency(dt.date(2023, 5, 1), 7), recency(dt.date(2023, 5, 1), 9),
            recency(dt.date(2023, 5, 2), 1), recency(dt.date(2022, 1, 1), 10**6)]  # fmt: skip
    assert sorted(keys, reverse=True) == [keys[2], keys[1], keys[0], keys[3]]
    assert all(key & 0xFFFFFFFF in (7, 9, 1, 10**6) for key in keys)


def test_an_event_with_more_tags_than_slots():
    row = EventRow(
        5, "Título", "Resumen " * 100, "Implicaciones", dt.date(2023, 5, 1), "reviewed", "month",
        ("usmca", "ibwc", "hled", "sre", "nadbank", "ibwc"), ("water", "security", "trade-economy"),
    )  # fmt: skip
    document = index_document(row, CATEGORY_OF, ("security", "trade-economy"), CODE_OF)
    assert document["institution"] == ["hled", "ibwc", "nadbank", "sre", "usmca"]
    assert [document[f"institution_{n}"] for n in (1, 2, 3)] == [1, 2, 3]
    assert split_kinds(document["kinds"], ("security", "trade-economy")) == (
        ["agreement", "organization", "dialogue_mechanism"], ["security", "trade-economy"])
    assert document["extra_tags"] == ["institution:sre", "institution:usmca", "topic:water"]
    assert document["has_extra"] == 1
    assert document["words"] == ["Título", "Resumen " * 100, "Implicaciones"]
    assert sorted(document["category"]) == ["agreement", "dialogue_mechanism", "organization"]
    assert (document["day"], document["month"]) == (dt.date(2023, 5, 1).toordinal(), 5)
    card = json.loads(document["card"])
    assert card == {"id": 5, "title": "Título", "date": "2023-05", "status": "reviewed",
                    "summary": ("Resumen " * 100)[:240],
                    "institutions": [{"slug": slug} for slug in
                                     ("hled", "ibwc", "nadbank", "sre", "usmca")],
                    "language": "en"}  # no function words to tell by: English  # fmt: skip


@pytest.mark.parametrize(
    ("title", "summary", "language"),
    [
        ("Reunión del comité", "El comité se reunió en la Ciudad de México y los delegados "
         "acordaron que las reuniones del grupo sean para el bien de los dos países.", "es"),
        ("Committee meets", "The committee met in Washington and the delegations agreed to "
         "meet again in the autumn, with the support of their teams.", "en"),
    ],
)  # fmt: skip
def test_a_card_keeps_the_language_its_texts_are_written_in(title, summary, language):
    row = EventRow(1, title, summary, "", dt.date(2023, 5, 1), "published")
    assert json.loads(index_document(row, {}, (), {})["card"])["language"] == language


def test_an_event_without_tags():
    row = EventRow(1, "T", "", "", dt.date(2020, 2, 29), "draft")
    document = index_document(row, {}, (), {})
    assert document["extra_tags"] == [] and document["has_extra"] == 0
    assert document["institution_1"] == EMPTY_SLOT and document["kinds"] == 0


def test_an_institution_without_a_code_is_an_extra_tag_and_leaves_its_slot():
    """Linked after the index was built: counted as an extra tag until the next build."""
    row = EventRow(1, "T", "", "", dt.date(2020, 2, 29), "draft", "day", ("new-one", "usmca"))
    document = index_document(row, CATEGORY_OF, (), CODE_OF)
    assert [document[f"institution_{n}"] for n in (1, 2, 3)] == [CODE_OF["usmca"], 0, 0]
    assert document["extra_tags"] == ["institution:new-one"]
    assert document["has_extra"] == 1
