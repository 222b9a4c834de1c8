"""The continuity rules: an institution's mark as of a day, with its reason and the
registry step or events it rests on. Pure.

In order, the first rule that applies gives the mark:

1. **ended**: the registry's status on the day (the last status-history step dated on
   or before it) is ended or superseded;
2. **lapsed**: that status is suspended (the registry says so);
3. **new**: established less than ``new_within_months`` (12) months before the day:
   its cadence is not judged yet;
4. **no cadence**: the registry gives no cadence, or an ad hoc one;
5. **lapsed**: the gap since the reference day exceeds ``lapsed_factor`` (3) times
   the cadence;
6. **overdue**: it exceeds ``overdue_factor`` (1.5) times the cadence;
7. **on cadence** otherwise.

The gap runs from the *reference day* to the scorecard's day: the later of the last
meeting (or occasion of activity) and the last (re)launch the registry records
(established, active or relaunched). With no linked event at all, the start of the
data's coverage counts too, so the gap is the shortest the data allows. A cadence
times a factor is rounded up to whole months, as ``registry check`` does: quarterly
5 and 9 months, semiannual 9 and 18, annual 18 and 36, biennial 36 and 72. The gap
exceeds N months when the day is after the reference day N calendar months later
(the month's last day when it is shorter): exactly N months is within.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
from dataclasses import dataclass

from binational.publish.scorecard_document import Mark, Reason, ScorecardRules
from binational.registry.check import months_before
from binational.registry.entries import Cadence, Institution, StatusChange
from binational.scorecard.activity import Activity, Occasion

STARTS = ("active", "relaunched")


@dataclass(frozen=True)
class Continuity:
    mark: Mark
    reason: Reason
    reference: dt.date | None = None  # the day the gap is measured from
    step: StatusChange | None = None  # the registry step the mark rests on
    occasion: Occasion | None = None  # the meeting the gap is measured from
    lapses_on: dt.date | None = None  # the first day the gap counts as lapsed


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` months later (the month's last day when it is shorter)."""
    year, index = divmod(day.year * 12 + day.month - 1 + months, 12)
    return dt.date(year, index + 1, min(day.day, calendar.monthrange(year, index + 1)[1]))


def months_between(start: dt.date, end: dt.date) -> int:
    """Whole months from ``start`` to ``end`` (rounded down)."""
    return (end.year - start.year) * 12 + end.month - start.month - (end.day < start.day)


def history(institution: Institution) -> list[StatusChange]:
    return sorted(institution.status_history, key=lambda step: step.date.first_day)


def status_on(institution: Institution, day: dt.date) -> tuple[str, StatusChange | None]:
    """The registry's status on ``day`` and the step it rests on; the entry's undated
    status when its history has no step by then."""
    steps = [step for step in history(institution) if step.date.first_day <= day]
    if steps:
        return steps[-1].status, steps[-1]
    return institution.status, None


def established_on(institution: Institution) -> dt.date | None:
    """The first day of its establishment: ``established``, else its first step."""
    if institution.established is not None:
        return institution.established.first_day
    steps = history(institution)
    return steps[0].date.first_day if steps else None


def last_start(institution: Institution, day: dt.date) -> tuple[dt.date, StatusChange | None]:
    """The last (re)launch on or before ``day``: a step to active or relaunched, else
    the established date (no step)."""
    starts = [s for s in history(institution) if s.status in STARTS and s.date.first_day <= day]
    if starts:
        return starts[-1].date.first_day, starts[-1]
    established = established_on(institution)
    if established is not None and established <= day:
        return established, None
    return dt.date.min, None


def limit_months(cadence: Cadence, factor: float) -> int:
    months = cadence.months
    assert months is not None
    return math.ceil(months * factor)


def continuity(
    institution: Institution,
    activity: Activity,
    as_of: dt.date,
    coverage_start: dt.date,
    rules: ScorecardRules = ScorecardRules(),
) -> Continuity:
    """The institution's mark as of ``as_of`` (see the module docstring)."""
    status, step = status_on(institution, as_of)
    if status in ("ended", "superseded"):
        when = step.date.text if step else ""
        return Continuity(Mark.ENDED, Reason("ended", (("status", status), ("date", when))),
                          step=step)  # fmt: skip
    if status == "suspended":
        when = step.date.text if step else ""
        return Continuity(Mark.LAPSED, Reason("suspended", (("date", when),)), step=step)
    established = established_on(institution)
    if (
        established is not None
        and months_before(as_of, rules.new_within_months) < established <= as_of
    ):
        text = institution.established.text if institution.established else str(established)
        first = history(institution)[:1]
        return Continuity(Mark.NEW, Reason("new", (("date", text),)),
                          step=first[0] if first else None)  # fmt: skip
    cadence = institution.cadence
    if cadence is None or cadence.months is None:
        key = "ad_hoc" if cadence is Cadence.AD_HOC else "no_cadence"
        return Continuity(Mark.NO_CADENCE, Reason(key))
    return cadence_continuity(institution, activity, as_of, coverage_start, cadence, rules)


def cadence_continuity(
    institution: Institution, activity: Activity, as_of: dt.date, coverage_start: dt.date,
    cadence: Cadence, rules: ScorecardRules,
) -> Continuity:  # fmt: skip
    """Rules 5 to 7: the gap from the reference day against the cadence."""
    occasion = activity.last_occasion
    start, start_step = last_start(institution, as_of)
    # On a tie the meeting is the reference (listed first: max keeps the first).
    if occasion is not None:
        candidates = [(occasion.day, "meeting" if activity.meets else "activity")]
    else:
        candidates = [(coverage_start, "coverage")]
    relaunched = start_step is not None and start_step.status == "relaunched"
    candidates.append((start, "relaunch" if relaunched else "establishment"))
    reference, since = max(candidates, key=lambda pair: pair[0])
    overdue = limit_months(cadence, rules.overdue_factor)
    lapsed = limit_months(cadence, rules.lapsed_factor)
    if as_of > add_months(reference, lapsed):
        mark, limit = Mark.LAPSED, lapsed
    elif as_of > add_months(reference, overdue):
        mark, limit = Mark.OVERDUE, overdue
    else:
        mark, limit = Mark.ON_CADENCE, overdue
    reason = Reason(
        "gap_" + mark.value,
        (("since", since), ("date", reference.isoformat()),
         ("months", str(months_between(reference, as_of))), ("cadence", cadence.value),
         ("limit", str(limit))),
    )  # fmt: skip
    return Continuity(
        mark, reason, reference=reference,
        step=start_step if since == "relaunch" or since == "establishment" else None,
        occasion=occasion if since in ("meeting", "activity") else None,
        lapses_on=add_months(reference, lapsed) + dt.timedelta(days=1),
    )  # fmt: skip
