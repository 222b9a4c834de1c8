"""Facts from the event store: how an institution's earlier events frame this one.

For each institution the event concerns: how many events of it the record holds in
the twelve months before, the last one, the gap since then against the institution's
expected cadence ("the first event since September 2021, 19 months later, against an
annual cadence"), the first event of a newly established institution, and, for a
mechanism, how many times it was used before. "Recorded" is said on purpose: the
store knows what the center recorded, not everything that happened.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from types import MappingProxyType

from binational.domain import MONTH_NAMES, PartialDate
from binational.drafting.facts import Evidence, Fact, count_words, institution_ref
from binational.drafting.inputs import PastEvent
from binational.drafting.profiles import InstitutionProfile

WINDOW_MONTHS = 12
LATE = 1.5  # a gap longer than 1.5 cadences is a break in the institution's rhythm
NEW_MONTHS = 12  # an institution established this recently is "newly established"


def months_between(earlier: dt.date, later: dt.date) -> int:
    return (later.year - earlier.year) * 12 + later.month - earlier.month


def earlier_events(
    slug: str, event_id: int | None, day: dt.date, history: Sequence[PastEvent]
) -> list[PastEvent]:
    """The institution's events before ``day`` (same day counts), oldest first."""
    past = [
        event for event in history
        if slug in event.links and event.date <= day and event.id != event_id
    ]  # fmt: skip
    return sorted(past, key=lambda event: (event.date, event.id))


def history_facts(
    profile: InstitutionProfile, event_id: int | None, date: PartialDate,
    history: Sequence[PastEvent],
) -> list[Fact]:  # fmt: skip
    day = date.value
    past = earlier_events(profile.slug, event_id, day, history)
    name = profile.called
    if not past:
        return [_first_event(profile, day)]
    facts = [_activity(profile, day, past), _last_event(profile, past[-1])]
    gap = _gap(profile, day, past[-1])
    if gap is not None:
        facts.append(gap)
    if profile.subtype == "mechanism":
        count = len(past)
        facts.append(Fact(
            "mechanism_use", profile.slug,
            f"{_capital(name)} has been used in {count_words(count)} earlier recorded "
            f"event{'s' if count != 1 else ''}, most recently on {_day(past[-1].date)}.",
            tuple(_event(e) for e in past),
            MappingProxyType({"count": count, "last": _day(past[-1].date)}),
        ))  # fmt: skip
    return [fact for fact in facts if fact is not None]


def _activity(profile: InstitutionProfile, day: dt.date, past: list[PastEvent]) -> Fact | None:
    recent = [e for e in past if months_between(e.date, day) < WINDOW_MONTHS]
    if not recent:
        return None
    count = len(recent)
    text = (
        f"The record holds {count_words(count)} earlier event{'s' if count != 1 else ''} of "
        f"{profile.called} in the {WINDOW_MONTHS} months before this one."
    )
    return Fact("activity", profile.slug, text, tuple(_event(e) for e in recent),
                MappingProxyType({"count": count}))  # fmt: skip


def _last_event(profile: InstitutionProfile, last: PastEvent) -> Fact:
    text = (
        f"The previous recorded event of {profile.called} was “{last.title}” on {_day(last.date)}."
    )
    return Fact("last_event", profile.slug, text, (_event(last),),
                MappingProxyType({"title": last.title, "date": _day(last.date)}))  # fmt: skip


def _gap(profile: InstitutionProfile, day: dt.date, last: PastEvent) -> Fact | None:
    months = months_between(last.date, day)
    since = f"{MONTH_NAMES[last.date.month - 1]} {last.date.year}"
    values = {"since": since, "months": months, "cadence": profile.cadence}
    name = profile.called
    if profile.cadence_months:
        evidence = (_event(last), institution_ref(profile.slug, "cadence"))
        if months > LATE * profile.cadence_months:
            text = (
                f"This is the first recorded event of {name} since {since}, "
                f"{months} months later, against an expected {_cadence(profile)} cadence."
            )
            return Fact("gap", profile.slug, text, evidence, MappingProxyType(values))
        text = (
            f"It comes {months} month{'s' if months != 1 else ''} after the previous one, "
            f"in keeping with the {_cadence(profile)} cadence of {name}."
        )
        return Fact("cadence_kept", profile.slug, text, evidence, MappingProxyType(values))
    if months >= WINDOW_MONTHS:
        text = (
            f"This is the first recorded event of {name} since {since}, "
            f"{months} months after the previous one."
        )
        return Fact("gap", profile.slug, text, (_event(last),), MappingProxyType(values))
    return None


def _first_event(profile: InstitutionProfile, day: dt.date) -> Fact:
    established = profile.established
    if established and 0 <= months_between(dt.date(established.year, established.month or 1,
                                                    1), day) <= NEW_MONTHS:  # fmt: skip
        text = (
            f"This is the first recorded event of {profile.called}, established "
            f"{established.phrase()}."
        )
        return Fact("first_event", profile.slug, text,
                    (institution_ref(profile.slug, "established"),),
                    MappingProxyType({"established": established.display()}))  # fmt: skip
    text = f"The record holds no earlier event of {profile.called}."
    return Fact("no_earlier_event", profile.slug, text, (institution_ref(profile.slug),))


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _cadence(profile: InstitutionProfile) -> str:
    return (profile.cadence or "").replace("_", "-")


def _event(event: PastEvent) -> Evidence:
    return Evidence("event", str(event.id))


def _day(day: dt.date) -> str:
    return f"{MONTH_NAMES[day.month - 1]} {day.day}, {day.year}"
