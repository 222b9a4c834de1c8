"""A period's scorecard from the database: each institution's linked events (one
query, ``store/institution_activity.py``) and the months that hold events (the
data's coverage), read once and handed to the pure ``build``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from binational.domain import Category, Period
from binational.errors import UserError
from binational.publish.logo import Logo
from binational.publish.scorecard_document import ScorecardDocument
from binational.registry.loader import Registry
from binational.scorecard.activity import REPORTABLE
from binational.scorecard.build import build_scorecard
from binational.store.institution_activity import institution_activity
from binational.store.reports import reportable_months

CATEGORIES = tuple(category.value for category in Category)


def default_period(today: dt.date) -> Period:
    """The twelve months up to and including ``today``'s."""
    first = today.year * 12 + today.month - 1 - 11
    return Period((first // 12, first % 12 + 1), (today.year, today.month))


def scored_day(period: Period, today: dt.date) -> dt.date:
    """The day a period is scored as of: its last day, or today while it runs."""
    return min(period.end, today)


def check_category(category: str | None) -> str | None:
    if category is not None and category not in CATEGORIES:
        raise UserError(f"there is no category {category!r}; choose one of {', '.join(CATEGORIES)}")
    return category


def scorecard_document(
    connection: Connection | Session,
    registry: Registry,
    period: Period,
    today: dt.date,
    *,
    organization: str,
    statuses: Sequence[str] = REPORTABLE,
    category: str | None = None,
    language: str = "en",
    logo: Logo | None = None,
) -> ScorecardDocument:
    """The period's scorecard as of its last day (today while it runs), with the
    organization's ``logo`` for the files' header; one sentence when the database holds
    no events to score with."""
    category = check_category(category)
    months = reportable_months(connection, statuses)
    if not months:
        raise UserError(
            "there are no reviewed or published events in the database to score the "
            "institutions with; import a report or review events first"
        )
    linked = institution_activity(connection)
    return build_scorecard(
        registry.institutions, linked, period, scored_day(period, today), months,
        organization=organization, statuses=statuses, category=category, language=language,
        logo=logo,
    )  # fmt: skip
