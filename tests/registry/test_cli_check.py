"""``binational registry check`` end to end: the demo data (the 2023 Q2 report) plus a
fixture history, in a SQLite file and in PostgreSQL, through the real command."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from binational.cli import app
from binational.registry.loader import BUNDLED_DATA
from binational.store.models import Event, EventInstitution

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "registry"
SAMPLE = Path(__file__).resolve().parents[2] / "data" / "samples" / "cbi-report-2023-q2.txt"
HISTORY = json.loads((FIXTURES / "activity-history.json").read_text(encoding="utf-8"))


def database_url(database) -> str:
    return database.engine.url.render_as_string(hide_password=False)


def add_history(database) -> None:
    with database.transaction() as session:
        for item in HISTORY["events"]:
            event = Event(
                title=item["title"],
                date_value=dt.date.fromisoformat(item["date"]),
                status=item["status"],
                summary="",
                implications="",
            )
            for slug in item["links"]:
                event.institution_links.append(EventInstitution(slug=slug, origin="analyst"))
            for slug in item.get("removed_links", ()):
                event.institution_links.append(EventInstitution(slug=slug, removed=True))
            session.add(event)


def registry_with_a_suspension(directory: Path) -> Path:
    """The bundled registry with the Interparliamentary Meeting suspended since 2024-05."""
    data = directory / "registry"
    shutil.copytree(BUNDLED_DATA, data)
    path = data / "dialogue_mechanisms.yaml"
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    (entry,) = [e for e in document["institutions"] if e["slug"] == "interparliamentary-meeting"]
    entry["status"] = {"value": "suspended", "unconfirmed": True}
    entry["status_history"].append({"date": "2024-05", "status": "suspended", "unconfirmed": True})
    path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    return data


@pytest.fixture
def demo_url(database) -> str:
    url = database_url(database)
    result = CliRunner().invoke(app, ["import", str(SAMPLE), "--db", url])
    assert result.exit_code == 0, result.output
    add_history(database)
    return url


def test_check_flags_the_quiet_active_and_the_suspended_that_met(
    demo_url: str, tmp_path: Path
) -> None:
    registry = registry_with_a_suspension(tmp_path)
    result = CliRunner().invoke(
        app,
        ["registry", "check", "--db", demo_url, "--as-of", HISTORY["as_of"],
         "--registry", str(registry), "--json"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    rows = {row["slug"]: row for row in json.loads(result.stdout)}

    # Active, but its last live link is the report's April 2023 event (the 2026 one
    # was removed by an analyst).
    hled = rows["hled"]
    assert (hled["rule"], hled["status"], hled["suggested_status"]) == (
        "active_without_activity",
        "active",
        "suspended",
    )
    assert [e["date"] for e in hled["evidence"]] == ["2023-04-18"]
    # Active, and only a rejected event and a candidate mention it.
    assert rows["security-implementation-group"]["rule"] == "active_without_activity"
    assert rows["security-implementation-group"]["evidence"] == []
    # Suspended since 2024-05, but it met in March 2026.
    meeting = rows["interparliamentary-meeting"]
    assert (meeting["rule"], meeting["suggested_status"]) == ("suspended_but_met", "active")
    assert [e["title"] for e in meeting["evidence"]] == [HISTORY["events"][0]["title"]]
    # Semiannual, last met in October 2025.
    assert rows["bridges-border-crossings-group"]["rule"] == "overdue_for_cadence"
    # Met in September 2026: nothing to say; agreements are not flagged for quiet.
    assert "nadd" not in rows and "water-treaty-1944" not in rows


def test_check_prints_a_table_for_the_bundled_registry(demo_url: str) -> None:
    result = CliRunner().invoke(
        app, ["registry", "check", "--db", demo_url, "--as-of", "2023-07-01"]
    )
    assert result.exit_code == 0, result.output
    assert "suggested status changes." in result.stdout


def test_check_refuses_a_bad_day(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["registry", "check", "--db", str(tmp_path / "x.db"), "--as-of", "2026-02-30"]
    )
    assert result.exit_code == 1
    assert "is not a day" in result.stderr
