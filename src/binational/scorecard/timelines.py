"""An institution's timeline picture (``publish/pictures/timeline.py``) from its
events' days and its status history: the same strip on the web app's institution page
and on the public site's. Pure."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from binational.publish.pictures.timeline import timeline
from binational.registry.entries import Institution

# How far back a strip reaches at most: one from 1889 (the boundary commission) to now
# would squeeze a decade of events into a few pixels.
TIMELINE_YEARS = 25


def timeline_span(days: Sequence[dt.date], step_days: Sequence[dt.date], today: dt.date) -> tuple[
    int, int
]:  # fmt: skip
    """(first year, last year) of an institution's timeline: from its first event or
    status step, whichever is earlier (at most ``TIMELINE_YEARS`` back), to this year,
    and always the year before its first event, so no event sits on the strip's edge."""
    last = max(today.year, *(day.year for day in days))
    earliest = min([*days, *step_days]).year
    return min(max(earliest, last - TIMELINE_YEARS), min(days).year - 1), last


def timeline_picture(
    institution: Institution, days: Sequence[dt.date], today: dt.date, language: str
) -> dict[str, str] | None:
    """The timeline as SVG and its text alternative; None for an institution with no
    events to show."""
    if not days:
        return None
    steps = [(s.date.first_day, s.status, s.date.text) for s in institution.status_history]
    first, last = timeline_span(days, [day for day, _, _ in steps], today)
    name = institution.name_es if language == "es" and institution.name_es else institution.name_en
    picture = timeline(
        name, days, steps, first, last, language, ident=f"timeline-{institution.slug}"
    )
    return {"svg": picture.svg, "alt": picture.alt}
