"""Numbers without loading the report (reports/numbers.py) equal the report's own
order (reports/ordering.py), on random reports and on a database."""

import datetime as dt
import random

import pytest

from binational.domain import PartialDate, Period
from binational.reports.numbers import ReportShape, Target, event_numbers
from binational.reports.ordering import report_numbers
from binational.store.models import Event, Report, ReportItem
from binational.store.report_counts import REPORTABLE_STATUSES, PlacedItem
from binational.store.reports import ReportLine

Q2 = Period.parse("2023Q2")
STATUSES = ("reviewed", "published", "published", "draft", "rejected", "candidate")


def random_report(rng: random.Random):
    """Events of Q2 (a few days, so that days are shared) and a report placing some."""
    days = [Q2.start + dt.timedelta(days=rng.randrange(91)) for _ in range(rng.randint(1, 6))]
    events = [
        (event_id, rng.choice(days), rng.choice(STATUSES))
        for event_id in rng.sample(range(1, 200), rng.randint(1, 40))
    ]
    items = {}
    positions = list(range(1, len(events) + 1))
    rng.shuffle(positions)
    for event_id, day, status in events:
        if rng.random() < 0.5:
            position = positions.pop() if rng.random() < 0.7 else None
            items[event_id] = PlacedItem(event_id, day, status, position, rng.random() < 0.2)
    return events, items


def expected_numbers(events, items):
    """As ``store.reports.load_report_lines`` and ``ordering.report_numbers`` do."""
    lines = []
    for event_id, day, status in events:
        item = items.get(event_id)
        if status not in REPORTABLE_STATUSES and item is None:
            continue
        lines.append(ReportLine(
            event_id, "", PartialDate(day), None, None, "", "", False,
            item.position if item else None, bool(item and item.excluded) or status == "rejected",
        ))  # fmt: skip
    return report_numbers(lines)


@pytest.mark.parametrize("seed", range(300))
def test_counts_give_the_same_numbers_as_ordering_the_report(seed):
    rng = random.Random(seed)
    events, items = random_report(rng)
    day_counts: dict[dt.date, int] = {}
    for _, day, status in events:
        if status in REPORTABLE_STATUSES:
            day_counts[day] = day_counts.get(day, 0) + 1
    shape = ReportShape(Q2, day_counts, list(items.values()))

    def before(day, event_id):
        return sum(1 for i, d, s in events if d == day and i < event_id
                   and s in REPORTABLE_STATUSES)  # fmt: skip

    found = {}
    for event_id, day, status in events:
        number = shape.number(Target(event_id, day, status), lambda d=day, i=event_id: before(d, i))
        if number is not None:
            found[event_id] = number
    assert found == expected_numbers(events, items)


def store_report(database, events, items) -> None:
    with database.transaction() as session:
        report = Report(kind="quarterly", period="2023Q2", period_start=Q2.start,
                        period_end=Q2.end)  # fmt: skip
        session.add(report)
        for event_id, day, status in events:
            session.add(Event(id=event_id, title=f"E{event_id}", date_value=day, status=status))
        session.flush()
        for item in items.values():
            session.add(ReportItem(report_id=report.id, event_id=item.event_id,
                                   position=item.position, excluded=item.excluded))  # fmt: skip
        # an event of another quarter is numbered in its own report
        session.add(Event(id=500, title="July", date_value=dt.date(2023, 7, 4),
                          status="published"))  # fmt: skip


def test_numbers_from_the_database_equal_the_report_order(database):
    rng = random.Random(11)
    events, items = random_report(rng)
    store_report(database, events, items)
    targets = [Target(i, d, s) for i, d, s in events] + [
        Target(500, dt.date(2023, 7, 4), "published")
    ]
    with database.sessions() as session:
        found = event_numbers(session, targets)
    expected = expected_numbers(events, items)
    assert expected and found == {**expected, 500: 1}


@pytest.mark.parametrize("seed", range(12))
def test_a_few_events_numbered_alone_get_their_numbers_in_the_whole_report(database, seed):
    """Counting stops at the latest day the wanted numbers need: a handful of early
    events (the rest of the quarter never counted) still get their report numbers."""
    rng = random.Random(seed)
    events, items = random_report(rng)
    store_report(database, events, items)
    expected = expected_numbers(events, items)
    by_day = sorted(events, key=lambda event: event[1])
    for chosen in (by_day[:1], by_day[: max(1, len(by_day) // 3)],
                   rng.sample(events, min(3, len(events)))):  # fmt: skip
        with database.sessions() as session:
            found = event_numbers(session, [Target(*event) for event in chosen])
        assert found == {i: n for i, n in expected.items() if i in {e[0] for e in chosen}}
