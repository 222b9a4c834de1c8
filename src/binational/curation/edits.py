"""Applying an editor's changes to one event, all or nothing."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from binational.errors import UserError
from binational.store.events import update_event
from binational.store.links import Annotator, add_link, remove_link, set_topics
from binational.store.models import Event


@dataclass(frozen=True)
class EventChanges:
    """What an editor asked to change; empty parts change nothing. ``note`` says what
    the field changes came from (a draft's id and method), kept in their revision."""

    fields: Mapping[str, Any] = field(default_factory=dict)
    topics: tuple[str, ...] | None = None
    add_links: tuple[str, ...] = ()
    remove_links: tuple[str, ...] = ()
    note: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Vocabulary:
    """What changes may name: registry slugs (``kind_of`` gives 'institution' or
    'agency', None for an unknown slug) and the taxonomy's topics."""

    kind_of: Callable[[str], str | None]
    topics: Collection[str]


def check_changes(changes: EventChanges, vocabulary: Vocabulary) -> None:
    """One sentence for the first slug or topic that does not exist."""
    for slug in (*changes.add_links, *changes.remove_links):
        if vocabulary.kind_of(slug) is None:
            raise UserError(f"{slug!r} is not an institution or agency of the registry")
    for slug in changes.topics or ():
        if slug not in vocabulary.topics:
            raise UserError(f"{slug!r} is not a topic of the taxonomy")


def apply_changes(
    session: Session,
    event: Event,
    changes: EventChanges,
    author: str,
    vocabulary: Vocabulary,
    annotator: Annotator | None = None,
) -> int:
    """Apply every part of ``changes`` in the caller's transaction; returns how many
    revisions were written. Refused as a whole (UserError) if any part is wrong."""
    check_changes(changes, vocabulary)
    before = len(event.revisions)
    if changes.fields:
        update_event(session, event, changes.fields, author, annotator=annotator,
                     note=changes.note)  # fmt: skip
    if changes.topics is not None:
        set_topics(session, event, changes.topics, author)
    for slug in changes.add_links:
        add_link(session, event, slug, vocabulary.kind_of(slug) or "institution", author)
    for slug in changes.remove_links:
        if not remove_link(session, event, slug, author):
            raise UserError(f"event {event.id} is not linked to {slug}")
    session.flush()
    return len(event.revisions) - before
