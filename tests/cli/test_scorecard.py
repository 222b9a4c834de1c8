"""``binational scorecard`` end to end: the demo data (the 2023 Q2 report) and the
fixture's meetings in a SQLite file, through the real command."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import html as lxml_html
from tests.scorecard.conftest import add_history
from typer.testing import CliRunner

from binational.cli import app
from binational.registry.loader import load_registry
from binational.store.database import Database

runner = CliRunner()
FIELDS = {
    "slug", "name_en", "name_es", "category", "subtype", "status", "status_step", "cadence",
    "meets", "events_in_period", "events_by_period", "events", "last_activity",
    "last_meeting", "days_since_last", "months_since_last", "median_interval_days",
    "median_interval_months", "occasions", "mark", "reason", "trend", "evidence",
}  # fmt: skip


@pytest.fixture
def demo_db(tmp_path, sample_report_path) -> Path:
    path = tmp_path / "demo.db"
    result = runner.invoke(app, ["import", str(sample_report_path), "--db", str(path)])
    assert result.exit_code == 0, result.output
    database = Database.open(str(path))
    add_history(database)
    database.close()
    return path


def scorecard(*args: str):
    result = runner.invoke(app, ["scorecard", *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


def test_json_lists_every_institution_with_its_fields(demo_db):
    result = scorecard("--period", "2023", "--json", "--db", str(demo_db), "--as-of", "2026-11-30")
    record = json.loads(result.stdout)
    institutions = record["institutions"]
    registry = load_registry()
    assert len(institutions) + len(record["omitted_not_yet_established"]) == len(
        registry.institutions
    )
    assert all(set(row) == FIELDS for row in institutions)
    hled = next(row for row in institutions if row["slug"] == "hled")
    assert hled["last_meeting"]["date"] == "2023-09-29"
    # the report's April item joins the fixture's meetings: 7 meetings, median of 6 gaps
    assert (hled["occasions"], hled["median_interval_days"]) == (7, 391.5)
    assert hled["mark"] == "no_cadence" and hled["events_in_period"] == 2
    assert record["coverage"]["periods_covered"] == [False, False, True, True, True]


def test_files_in_every_format_open_with_the_method_and_the_grid(demo_db, tmp_path):
    out = tmp_path / "out"
    result = scorecard("--period", "2023", "--format", "md,html,pdf,docx", "--out", str(out),
                       "--db", str(demo_db), "--json")  # fmt: skip
    files = json.loads(result.stdout)["files"]
    assert sorted(Path(f).name for f in files) == [
        "scorecard-2023.docx", "scorecard-2023.html", "scorecard-2023.md", "scorecard-2023.pdf",
    ]  # fmt: skip
    page = lxml_html.fromstring((out / "scorecard-2023.html").read_bytes())
    first = page.xpath("//main/section")[:2]
    assert first[0].get("id") == "method" and first[1].xpath(".//figure/svg")
    from pypdf import PdfReader

    reader = PdfReader(out / "scorecard-2023.pdf")
    assert "How to read this scorecard" in reader.pages[0].extract_text()
    assert (out / "scorecard-2023.docx").read_bytes().startswith(b"PK")
    assert not list(out.glob("*.partial"))


def test_a_table_in_spanish_for_one_category(demo_db):
    result = scorecard("--period", "2023", "--category", "dialogue_mechanism", "--language",
                       "es", "--db", str(demo_db))  # fmt: skip
    assert "Tablero de evaluación | 2023" in result.stdout and "hled" in result.stdout
    assert "usmca " not in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--period", "2023Q5"], "quarters run Q1 to Q4"),
        (["--period", "0000"], "is not a period"),
        (["--format", "txt"], "Unknown scorecard format 'txt'"),
        (["--category", "treaties"], "there is no category 'treaties'"),
        (["--language", "fr"], "--language 'fr' is not one of en, es"),
        (["--as-of", "2023-02-30"], "--as-of '2023-02-30' is not a day"),
    ],
)
def test_refusals_are_one_sentence(demo_db, args, message):
    process = subprocess.run(
        [sys.executable, "-m", "binational", "scorecard", *args, "--db", str(demo_db)],
        capture_output=True, text=True,
    )  # fmt: skip
    assert process.returncode == 1
    assert message in process.stderr
    assert process.stderr.count("\n") == 1 and "Traceback" not in process.stderr


def test_an_empty_database_is_refused(tmp_path):
    process = subprocess.run(
        [sys.executable, "-m", "binational", "scorecard", "--db", str(tmp_path / "empty.db")],
        capture_output=True, text=True,
    )  # fmt: skip
    assert process.returncode == 1 and "no reviewed or published events" in process.stderr
