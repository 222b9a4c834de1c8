"""Plain values for the scorecard's pure tests: institutions made from a bundled
registry entry with the facts a test sets, and linked events."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from binational.registry.entries import Cadence, Institution, StatusChange
from binational.registry.loader import load_registry
from binational.registry.schema import parse_registry_date
from binational.store.institution_activity import LinkedEvent


def step(date: str, status: str, note: str = "") -> StatusChange:
    return StatusChange(date=parse_registry_date(date), status=status, note=note)


def institution(
    cadence: str | None = "annual",
    history: tuple[tuple[str, str], ...] = (("2013-05", "active"),),
    established: str | None = "2013-05",
    slug: str = "hled",
    **fields: Any,
) -> Institution:
    """The High-Level Economic Dialogue's entry with the cadence, status history and
    established date given (status: the last step's, relaunched being active)."""
    base = load_registry().institution(slug)
    assert base is not None
    steps = tuple(step(date, status) for date, status in history)
    status = steps[-1].status if steps else base.status
    return dataclasses.replace(
        base,
        cadence=Cadence(cadence) if cadence else None,
        status_history=steps,
        status="active" if status == "relaunched" else status,
        established=parse_registry_date(established) if established else None,
        **fields,
    )


def linked(*dates: str, status: str = "published") -> tuple[LinkedEvent, ...]:
    return tuple(
        LinkedEvent(index, dt.date.fromisoformat(day), f"Meeting {index}", status)
        for index, day in enumerate(dates, start=1)
    )


@pytest.fixture
def make_institution():
    return institution


@pytest.fixture
def make_linked():
    return linked


HISTORY = Path(__file__).resolve().parent.parent / "fixtures" / "scorecard" / "history.json"


def history_events() -> list[dict[str, Any]]:
    return json.loads(HISTORY.read_text(encoding="utf-8"))["events"]


def add_history(database: Any, events: list[dict[str, Any]] | None = None) -> dict[str, int]:
    """The fixture's events (published, linked by an analyst) in ``database``;
    title -> event id."""
    from binational.domain import PartialDate
    from binational.store.models import Event, EventInstitution

    ids = {}
    with database.transaction() as session:
        for item in history_events() if events is None else events:
            event = Event(
                title=item["title"], status=item.get("status", "published"), summary="",
                implications="", url=item.get("url"),
            )  # fmt: skip
            event.date = PartialDate.parse(item["date"])
            for slug in item["links"]:
                event.institution_links.append(EventInstitution(slug=slug, origin="analyst"))
            session.add(event)
            session.flush()
            ids[item["title"]] = event.id
    return ids


def registry_copy(directory: Path, slug: str, **changes: Any) -> Path:
    """The bundled registry copied into ``directory`` with one institution's YAML fields
    changed (a value of None removes the field)."""
    import shutil

    import yaml

    from binational.registry.loader import BUNDLED_DATA

    data = directory / "registry"
    if not data.exists():
        shutil.copytree(BUNDLED_DATA, data)
    for path in data.glob("*.yaml"):
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        for entry in document.get("institutions", []):
            if entry["slug"] == slug:
                for field, value in changes.items():
                    if value is None:
                        entry.pop(field, None)
                    else:
                        entry[field] = value
                path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    return data
