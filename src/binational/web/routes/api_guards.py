"""What the API checks before it asks a service to change something, so that a
request the OpenAPI document calls valid gets the status that says why it is
refused: 404 for something that is not there, 409 for a state that refuses the
change (the services' own refusals are one ``UserError`` for all of these)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy.orm import Session

from binational.accounts.users import find_user, get_user, normalize_email
from binational.domain import MIN_YEAR, Period
from binational.drafting.llm import model_settings
from binational.errors import UserError
from binational.ingest.queue import QUEUED, REJECTED
from binational.scorecard.activity import PERIODS_BEFORE
from binational.store.account_models import User
from binational.store.candidates import find_candidate
from binational.web.http.errors import Conflict, NotFound


def queued_candidate(session: Session, candidate_id: int) -> None:
    candidate = find_candidate(session, candidate_id)
    if candidate is None or not candidate.documents:
        raise NotFound(f"there is no candidate {candidate_id}")
    if candidate.status != QUEUED:
        raise Conflict(f"candidate {candidate_id} was already {candidate.status}")


def rejected_candidate(session: Session, candidate_id: int) -> None:
    candidate = find_candidate(session, candidate_id)
    if candidate is None or not candidate.documents:
        raise NotFound(f"there is no candidate {candidate_id}")
    if candidate.status != REJECTED:
        raise Conflict(f"candidate {candidate_id} is {candidate.status}, not rejected; "
                       "nothing to restore")  # fmt: skip


def linked_to_remove(record: dict[str, Any], remove: Iterable[str], add: Iterable[str]) -> None:
    """409 for a slug to unlink that the event is not linked to (nor linked to by
    the same change)."""
    linked = {link["slug"] for link in record.get("institutions", ())} | set(add)
    for slug in remove:
        if slug not in linked:
            raise Conflict(f"event {record['id']} is not linked to {slug}")


def drafting_model_ready(settings: Any, wanted: bool | None) -> None:
    if wanted and model_settings(settings) is None:
        raise Conflict("no drafting model is configured on this server; draft with llm=false")


def report_has_items(view: dict[str, Any]) -> None:
    """404 for a report with nothing in it (no file is made for it)."""
    if not view["items"]:
        raise NotFound(f"there are no reviewed or published events in {view['period']}")


def comparable(period: Period, what: str) -> None:
    """404 for a period whose four earlier periods (which a scorecard, and a long
    report's overview, compare it with) would begin before the first year a period
    may name: the services cannot build those."""
    try:
        period.shifted(-PERIODS_BEFORE)
    except ValueError:
        raise NotFound(
            f"there is no {what} for {period}: it compares the {PERIODS_BEFORE} periods "
            f"before it, and those begin before {MIN_YEAR}"
        ) from None


def report_item(view: dict[str, Any], event_id: int, action: str) -> None:
    """404 for an event that is not an item of the report; 409 for a move the
    builder refuses (an excluded item, or the edge of its month)."""
    included = {item["event_id"]: item for item in view["items"]}
    excluded = {item["event_id"] for item in view["excluded"]}
    if event_id not in included and event_id not in excluded:
        raise NotFound(f"event {event_id} is not an item of the report for {view['period']}")
    if action in ("up", "down"):
        item = included.get(event_id)
        if item is None:
            raise Conflict(f"event {event_id} is excluded; include it before moving it")
        if not item["can_move_up" if action == "up" else "can_move_down"]:
            place = "first" if action == "up" else "last"
            raise Conflict(f"event {event_id} is already {place} in its month")


def existing_user(session: Session, user_id: int) -> User:
    try:
        return get_user(session, user_id)
    except UserError:
        raise NotFound(f"there is no user {user_id}") from None


def new_email(session: Session, email: str) -> None:
    if find_user(session, normalize_email(email)) is not None:
        raise Conflict(f"there is already a user {email.strip().lower()}")
