"""Revisions: who changed an event, when, and the fields before and after."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from binational.store.models import Event, Revision


def record_revision(
    session: Session,
    event: Event,
    author: str,
    action: str,
    before: Mapping[str, Any],
    after: Mapping[str, Any],
) -> Revision:
    revision = Revision(
        event=event, author=author, action=action, before=dict(before), after=dict(after)
    )
    session.add(revision)
    return revision
