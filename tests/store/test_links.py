import datetime as dt

import pytest

from binational.domain import LinkProposal, TopicProposal
from binational.store.events import get_event
from binational.store.links import (
    add_link,
    apply_link_proposals,
    apply_topic_proposals,
    remove_link,
    set_topics,
)
from binational.store.models import Event


def proposal(slug, confidence=0.9):
    return LinkProposal(slug, "institution", slug.upper(), "summary", 0, 4, confidence)


@pytest.fixture
def event_id(database):
    with database.transaction() as session:
        event = Event(title="T", summary="S", implications="I", date_value=dt.date(2023, 4, 1))
        session.add(event)
        apply_link_proposals(event, [proposal("hled"), proposal("usmca")])
        apply_topic_proposals(event, [TopicProposal("trade-economy", ("trade", "economic"))])
        session.flush()
        return event.id


def live(event):
    return sorted(link.slug for link in event.institution_links if not link.removed)


def test_removed_link_stays_removed_when_the_linker_runs_again(database, event_id):
    with database.transaction() as session:
        assert remove_link(session, get_event(session, event_id), "hled", "ana")
    with database.transaction() as session:
        event = get_event(session, event_id)
        assert apply_link_proposals(event, [proposal("hled"), proposal("usmca")]) == 0
    with database.sessions() as session:
        event = get_event(session, event_id)
        assert live(event) == ["usmca"]
        assert [r.action for r in event.revisions] == ["unlink"]


def test_analyst_link_and_relink(database, event_id):
    with database.transaction() as session:
        event = get_event(session, event_id)
        assert add_link(session, event, "sre", "agency", "ana")
        assert not add_link(session, event, "sre", "agency", "ana")
        assert remove_link(session, event, "usmca", "ana")
        assert not remove_link(session, event, "usmca", "ana")
        assert not remove_link(session, event, "never-linked", "ana")
        assert add_link(session, event, "usmca", "institution", "ana")
    with database.sessions() as session:
        event = get_event(session, event_id)
        assert live(event) == ["hled", "sre", "usmca"]
        assert [r.action for r in event.revisions] == ["link", "unlink", "link"]


def test_set_topics_records_before_and_after(database, event_id):
    with database.transaction() as session:
        set_topics(session, get_event(session, event_id), ["labor", "security"], "ana")
    with database.transaction() as session:
        event = get_event(session, event_id)
        apply_topic_proposals(event, [TopicProposal("trade-economy", ("trade",))])
    with database.sessions() as session:
        event = get_event(session, event_id)
        assert sorted(t.slug for t in event.topics if not t.removed) == ["labor", "security"]
        [revision] = event.revisions
        assert revision.before == {"topics": ["trade-economy"]}
        assert revision.after == {"topics": ["labor", "security"]}


def test_relink_records_a_revision_only_when_something_changed(database, event_id):
    from binational.registry.annotate import registry_annotator
    from binational.store.links import relink_event

    annotator = registry_annotator()
    with database.transaction() as session:
        event = get_event(session, event_id)
        event.summary = "The International Boundary and Water Commission met in El Paso."
        assert relink_event(session, event, annotator, "linker") == 1
    with database.transaction() as session:
        event = get_event(session, event_id)
        assert relink_event(session, event, annotator, "linker") == 0  # nothing new
    with database.sessions() as session:
        event = get_event(session, event_id)
        [revision] = event.revisions
        assert (revision.action, revision.author) == ("relink", "linker")
        assert revision.before["institutions"] == ["hled", "usmca"]
        assert revision.after["institutions"] == live(event) == ["hled", "ibwc", "usmca"]
        assert revision.before["topics"] == ["trade-economy"]
