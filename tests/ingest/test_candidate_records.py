"""The queue read as records on a plain connection is what the ORM path gives, on
SQLite and PostgreSQL."""

import datetime as dt

import pytest

from binational.errors import UserError
from binational.ingest.candidate_records import candidate_record, queued_records, record_of
from binational.ingest.clusters import NewDocument, store_document
from binational.ingest.dedup import text_sha256
from binational.ingest.queue import get_candidate, list_candidates, reject_candidate
from binational.store.candidate_reads import representative_of

TEXT = (
    "Senior officials of the United States and Mexico met in Washington for the "
    "High-Level Economic Dialogue (HLED) and agreed on four pillars of work."
)


def document(url, **overrides):
    values = dict(
        kind="page", url=url, canonical_url=url, title="HLED joint statement", text=TEXT,
        text_sha256=text_sha256(TEXT + url), source_name="ustr", official=False,
        published=dt.date(2023, 9, 29), published_stated=True, language="en", score=0.8,
        reasons=("United States and Mexico both named",),
        institutions=({"slug": "hled", "kind": "institution", "mention": "HLED"},),
        topics=("trade-economy",),
    )  # fmt: skip
    values.update(overrides)
    return NewDocument(**values)


@pytest.fixture
def queue(database):
    """Four candidates: one with an official copy and a mirror, two weaker, one
    rejected."""
    with database.transaction() as session:
        first = store_document(session, document("https://news.example.com/a"), None)
        store_document(
            session,
            document("https://ustr.gov/a", official=True, published=None,
                     institutions=({"slug": "usmca", "kind": "institution", "mention": "T-MEC"},),
                     topics=("security",)),
            first.candidate_id,
        )  # fmt: skip
        store_document(session, document("https://mirror.example.org/a"), first.candidate_id)
        ids = [first.candidate_id]
        for name, score in (("b", 0.5), ("c", 0.1), ("d", 0.6)):
            url = f"https://b.example/{name}"
            ids.append(store_document(session, document(url, score=score), None).candidate_id)
        reject_candidate(session, ids[-1], "ana")
    return database, ids


@pytest.mark.parametrize(("min_score", "limit"), [(0.0, None), (0.3, None), (0.0, 2), (0.9, 1)])
def test_queued_records_are_the_orm_records(queue, min_score, limit):
    database, _ = queue
    with database.sessions() as session:
        expected = [candidate_record(c) for c in list_candidates(session, min_score, limit)]
    with database.connect() as connection:
        assert queued_records(connection, min_score, limit) == expected


def test_one_record_is_the_orm_record_whatever_its_status(queue):
    database, ids = queue
    with database.sessions() as session:
        expected = [candidate_record(get_candidate(session, i)) for i in ids]
    with database.connect() as connection:
        records = [record_of(connection, i) for i in ids]
        with pytest.raises(UserError, match="there is no candidate 999999"):
            record_of(connection, 999999)
    assert records == expected
    assert records[0]["official"] and records[0]["cluster_size"] == 3
    assert [i["slug"] for i in records[0]["institutions"]] == ["usmca", "hled"]
    assert records[-1]["status"] == "rejected"


class Member:
    def __init__(self, id):
        self.id = id


@pytest.mark.parametrize(
    ("named", "ids", "expected"),
    [(2, [1, 2, 3], 2), (None, [1, 2], 1), (9, [4, 5], 4), (1, [], None)],
)
def test_representative_is_the_named_member_else_the_first(named, ids, expected):
    found = representative_of(named, [Member(i) for i in ids])
    assert (found.id if found else None) == expected
