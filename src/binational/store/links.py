"""An event's links to institutions and agencies, and its topics, in the database.

The linker proposes; the analyst decides. A link the analyst removed is kept as a
tombstone (``removed``) so re-running the linker, or importing the same report
again, does not bring it back; a link the analyst added is never dropped by the
linker.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Protocol

from sqlalchemy.orm import Session

from binational.domain import LinkProposal, TopicProposal
from binational.store.models import Event, EventInstitution, EventTopic
from binational.store.revisions import record_revision


class Annotator(Protocol):
    """What proposes an event's links and topics from its text fields (the registry's
    ``registry.annotate.Annotator``); the store only keeps what it proposes."""

    def annotate(
        self, fields: Mapping[str, str]
    ) -> tuple[list[LinkProposal], list[TopicProposal]]: ...


def _links_by_slug(event: Event) -> dict[str, EventInstitution]:
    return {link.slug: link for link in event.institution_links}


def apply_link_proposals(event: Event, proposals: Iterable[LinkProposal]) -> int:
    """Add or refresh the linker's links; returns how many links are new."""
    existing = _links_by_slug(event)
    added = 0
    for proposal in proposals:
        link = existing.get(proposal.slug)
        if link is None:
            event.institution_links.append(
                EventInstitution(
                    slug=proposal.slug,
                    kind=proposal.kind,
                    mention=proposal.mention,
                    field=proposal.field,
                    start=proposal.start,
                    end=proposal.end,
                    confidence=proposal.confidence,
                    origin="linker",
                    removed=False,
                )  # fmt: skip
            )
            added += 1
        elif link.origin == "linker" and not link.removed:
            link.mention, link.field = proposal.mention, proposal.field
            link.start, link.end = proposal.start, proposal.end
            link.confidence = proposal.confidence
    return added


def apply_topic_proposals(event: Event, proposals: Iterable[TopicProposal]) -> None:
    existing = {topic.slug: topic for topic in event.topics}
    for proposal in proposals:
        topic = existing.get(proposal.slug)
        if topic is None:
            event.topics.append(
                EventTopic(slug=proposal.slug, terms=list(proposal.terms), origin="tagger")
            )
        elif topic.origin == "tagger" and not topic.removed:
            topic.terms = list(proposal.terms)


def annotate_event(event: Event, annotator: Annotator) -> int:
    """Run the linker and the topic tagger over an event's text and keep what they
    propose (never undoing the analyst's choices); returns how many links are new."""
    links, topics = annotator.annotate(
        {"title": event.title, "summary": event.summary, "implications": event.implications}
    )
    apply_topic_proposals(event, topics)
    return apply_link_proposals(event, links)


def _live_slugs(event: Event) -> tuple[list[str], list[str]]:
    links = sorted(link.slug for link in event.institution_links if not link.removed)
    topics = sorted(topic.slug for topic in event.topics if not topic.removed)
    return links, topics


def relink_event(session: Session, event: Event, annotator: Annotator, author: str) -> int:
    """``annotate_event`` again (after the registry or the taxonomy changed), with a
    revision when the event's links or topics changed: the history shows it, and
    the web's cached listings, keyed on the latest revision, follow."""
    before = _live_slugs(event)
    added = annotate_event(event, annotator)
    after = _live_slugs(event)
    if after != before:
        record_revision(
            session, event, author, "relink",
            {"institutions": before[0], "topics": before[1]},
            {"institutions": after[0], "topics": after[1]},
        )  # fmt: skip
    return added


def add_link(session: Session, event: Event, slug: str, kind: str, author: str) -> bool:
    """The analyst links an event to ``slug``; False if it was already linked."""
    link = _links_by_slug(event).get(slug)
    if link is not None and not link.removed:
        return False
    if link is None:
        event.institution_links.append(
            EventInstitution(slug=slug, kind=kind, origin="analyst", removed=False, confidence=1.0)
        )
    else:
        link.removed, link.origin, link.confidence = False, "analyst", 1.0
    record_revision(session, event, author, "link", {}, {"institution": slug})
    return True


def remove_link(session: Session, event: Event, slug: str, author: str) -> bool:
    """The analyst removes a link; the tombstone keeps the linker from re-adding it.
    False (and nothing changed) if the event was not linked to ``slug``."""
    link = _links_by_slug(event).get(slug)
    if link is None or link.removed:
        return False
    link.removed, link.origin = True, "analyst"
    record_revision(session, event, author, "unlink", {"institution": slug}, {})
    return True


def set_topics(session: Session, event: Event, slugs: Iterable[str], author: str) -> None:
    """The analyst sets the event's topics to exactly ``slugs``."""
    wanted = set(slugs)
    existing = {topic.slug: topic for topic in event.topics}
    before = sorted(slug for slug, topic in existing.items() if not topic.removed)
    for slug, topic in existing.items():
        if slug not in wanted and not topic.removed:
            topic.removed, topic.origin = True, "analyst"
        elif slug in wanted and topic.removed:
            topic.removed, topic.origin = False, "analyst"
    for slug in wanted - set(existing):
        event.topics.append(EventTopic(slug=slug, terms=[], origin="analyst"))
    after = sorted(wanted)
    if before != after:
        record_revision(session, event, author, "topics", {"topics": before}, {"topics": after})
