"""The candidate queue service, on SQLite and PostgreSQL."""

import dataclasses
import datetime as dt
import re

import pytest
from sqlalchemy import select

from binational.errors import UserError
from binational.ingest.clusters import NewDocument, store_document
from binational.ingest.dedup import text_sha256
from binational.ingest.queue import (
    accept_candidate,
    candidate_record,
    get_candidate,
    list_candidates,
    list_rejected,
    reject_candidate,
    restore_candidate,
)
from binational.registry.annotate import Annotator
from binational.registry.linker import Mention
from binational.store.ingest_models import Candidate
from binational.store.models import Event


@dataclasses.dataclass(frozen=True)
class Topic:
    slug: str
    terms: tuple[str, ...]


def find_hled(text):
    return [Mention(m.start(), m.end(), m.group(), "hled", "institution", 0.95, "acronym")
            for m in re.finditer(r"HLED", text)]  # fmt: skip


def tag_trade(text):
    return [Topic("trade-economy", ("trade",))] if "trade" in text.lower() else []


ANNOTATOR = Annotator(find_mentions=find_hled, tag_topics=tag_trade)

HLED_TEXT = (
    "September 29, 2023\n\n"
    "Senior government officials from the United States and Mexico met today in "
    "Washington for the third meeting of the High-Level Economic Dialogue (HLED).\n\n"
    "U.S.-Mexico total trade in goods and services surpassed $864 billion in 2022.\n\n"
    "The HLED has continued its work over the past year under four pillars."
)


def document(url, text=HLED_TEXT, **overrides):
    values = dict(
        kind="page", url=url, canonical_url=url, title="HLED joint statement", text=text,
        text_sha256=text_sha256(text + url), source_name="ustr", official=False,
        published=dt.date(2023, 9, 29), published_stated=True, language="en", score=0.8,
        reasons=("United States and Mexico both named",),
        institutions=({"slug": "hled", "kind": "institution", "mention": "HLED"},),
        topics=("trade-economy",),
    )  # fmt: skip
    values.update(overrides)
    return NewDocument(**values)


@pytest.fixture
def queue(database):
    """Three candidates: an HLED release with two copies, a weaker one, a weak one."""
    with database.transaction() as session:
        hled = store_document(session, document("https://news.example.com/hled"), None)
        store_document(
            session,
            document("https://ustr.gov/hled", official=True, published=dt.date(2023, 9, 30)),
            hled.candidate_id,
        )
        store_document(session, document("https://mirror.example.org/hled"), hled.candidate_id)
        mid = store_document(session, document("https://a.example/mid", score=0.5), None)
        low = store_document(session, document("https://a.example/low", score=0.1), None)
        ids = (hled.candidate_id, mid.candidate_id, low.candidate_id)
    return database, ids


def test_list_is_ranked_filtered_and_limited(queue):
    database, (hled, mid, low) = queue
    with database.sessions() as session:
        assert [c.id for c in list_candidates(session)] == [hled, mid, low]
        assert [c.id for c in list_candidates(session, min_score=0.3)] == [hled, mid]
        assert [c.id for c in list_candidates(session, limit=1)] == [hled]


def test_record_names_the_official_copy_and_its_duplicates(queue):
    database, (hled, _, _) = queue
    with database.sessions() as session:
        record = candidate_record(get_candidate(session, hled))
    assert record["url"] == "https://ustr.gov/hled"  # official beats earlier unofficial
    assert record["cluster_size"] == 3
    assert record["duplicate_urls"] == [
        "https://news.example.com/hled", "https://mirror.example.org/hled"
    ]  # fmt: skip
    assert record["published"] == "2023-09-30"
    assert record["score"] == 0.8 and record["reasons"] == ["United States and Mexico both named"]
    assert [i["slug"] for i in record["institutions"]] == ["hled"]
    assert record["status"] == "queued" and record["language"] == "en"
    assert record["summary"].startswith("Senior government officials")


def test_accept_makes_a_draft_event_with_provenance_links_and_sources(queue):
    database, (hled, _, _) = queue
    with database.transaction() as session:
        event_id = accept_candidate(session, hled, "ana@example.org", annotator=ANNOTATOR).id
    with database.sessions() as session:
        event = session.get(Event, event_id)
        assert event.status == "draft"
        assert (event.origin, event.origin_ref) == ("document", "https://ustr.gov/hled")
        assert event.url == "https://ustr.gov/hled"
        assert event.date.iso() == "2023-09-30" and event.date_source == "stated"
        assert event.title == "HLED joint statement"
        assert event.summary.startswith("Senior government officials")  # dateline skipped
        assert "four pillars" in event.summary
        assert [link.slug for link in event.institution_links] == ["hled"]
        assert event.institution_links[0].field == "title"
        assert [topic.slug for topic in event.topics] == ["trade-economy"]
        assert [(s.role, s.url) for s in event.sources] == [
            ("primary", "https://ustr.gov/hled"),
            ("duplicate", "https://news.example.com/hled"),
            ("duplicate", "https://mirror.example.org/hled"),
        ]
        assert all(s.document_id for s in event.sources)
        [revision] = event.revisions
        assert (revision.action, revision.author) == ("accept", "ana@example.org")
        assert revision.after["candidate"] == hled
        candidate = session.get(Candidate, hled)
        assert (candidate.status, candidate.event_id) == ("accepted", event_id)
        assert hled not in [c.id for c in list_candidates(session)]


def test_an_undated_document_gets_an_inferred_date(database):
    with database.transaction() as session:
        doc = store_document(
            session, document("https://x.example/a", published=None, published_stated=False), None
        )
        event = accept_candidate(session, doc.candidate_id, "ana", annotator=ANNOTATOR)
        assert event.date_source == "inferred"
        assert event.date.value == doc.fetched_at.date()


def test_reject_is_remembered_and_later_copies_stay_out(queue):
    database, (hled, mid, _) = queue
    with database.transaction() as session:
        reject_candidate(session, mid, "ana")
    with database.transaction() as session:
        # A near-duplicate found later joins the rejected cluster: still not queued.
        store_document(session, document("https://late.example/copy", score=0.9), mid)
    with database.sessions() as session:
        assert mid not in [c.id for c in list_candidates(session)]
        candidate = session.get(Candidate, mid)
        assert candidate.status == "rejected" and candidate.decided_by == "ana"
        assert len(candidate.documents) == 2


def test_a_rejected_candidate_is_restored_to_the_queue_once(queue):
    database, (hled, mid, low) = queue
    with database.transaction() as session:
        reject_candidate(session, low, "ana")
        reject_candidate(session, mid, "ana")
    with database.sessions() as session:
        assert [c.id for c in list_rejected(session)] == [mid, low]  # latest first
    with database.transaction() as session:
        restore_candidate(session, mid)
    with database.transaction() as session:
        with pytest.raises(UserError, match=f"candidate {mid} is queued, not rejected"):
            restore_candidate(session, mid)
        with pytest.raises(UserError, match=f"candidate {hled} is queued, not rejected"):
            restore_candidate(session, hled)
        with pytest.raises(UserError, match="there is no candidate 999"):
            restore_candidate(session, 999)
    with database.sessions() as session:
        assert [c.id for c in list_candidates(session)] == [hled, mid]
        assert [c.id for c in list_rejected(session)] == [low]
        candidate = session.get(Candidate, mid)
        assert (candidate.status, candidate.decided_by, candidate.decided_at) == (
            "queued", None, None
        )  # fmt: skip
    with database.transaction() as session:
        reject_candidate(session, mid, "bo")  # and it can be decided again


def test_a_copy_found_after_acceptance_becomes_a_source_of_the_event(queue):
    database, (hled, _, _) = queue
    with database.transaction() as session:
        event_id = accept_candidate(session, hled, "ana", annotator=ANNOTATOR).id
    with database.transaction() as session:
        store_document(session, document("https://late.example/hled"), hled)
    with database.sessions() as session:
        urls = [s.url for s in session.get(Event, event_id).sources]
        assert urls[-1] == "https://late.example/hled"


def test_unknown_or_decided_candidates_are_refused(queue):
    database, (hled, mid, _) = queue
    with database.transaction() as session:
        with pytest.raises(UserError, match="there is no candidate 999"):
            accept_candidate(session, 999, "ana", annotator=ANNOTATOR)
        with pytest.raises(UserError, match="there is no candidate 999"):
            reject_candidate(session, 999, "ana")
        reject_candidate(session, mid, "ana")
        accept_candidate(session, hled, "ana", annotator=ANNOTATOR)
    with database.transaction() as session:
        with pytest.raises(UserError, match=f"candidate {mid} was already rejected"):
            accept_candidate(session, mid, "bo", annotator=ANNOTATOR)
        with pytest.raises(UserError, match=f"candidate {hled} was already accepted"):
            reject_candidate(session, hled, "bo")
    with database.sessions() as session:
        assert len(session.scalars(select(Event)).all()) == 1


def test_accept_and_draft_keeps_the_new_events_draft(queue):
    from binational.drafting.keep import Drafter
    from binational.ingest.queue import accept_and_draft
    from binational.registry.loader import load_registry
    from binational.store.drafts import latest_draft

    database, (hled, mid, _) = queue
    drafter = Drafter.for_registry(load_registry())
    accepted = accept_and_draft(database, hled, "ana", drafter)
    plain = accept_and_draft(database, mid, "ana", None)
    assert accepted.event["status"] == "draft" and plain.draft is None
    draft = accepted.draft.draft
    assert draft.event_id == accepted.event["id"] and draft.method == "extractive"
    assert "High-Level Economic Dialogue" in draft.implications.text  # linked from the title
    assert draft.summary.sentences[0].source_url == "https://ustr.gov/hled"  # the primary
    with database.connect() as connection:
        assert latest_draft(connection, accepted.event["id"]).id == accepted.draft.draft_id
        assert latest_draft(connection, plain.event["id"]) is None
    with pytest.raises(UserError, match=f"candidate {hled} was already accepted"):
        accept_and_draft(database, hled, "bo", drafter)
    with database.sessions() as session:
        assert len(session.scalars(select(Event)).all()) == 2
