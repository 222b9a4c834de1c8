"""Importing reports into real databases (SQLite file and PostgreSQL)."""

from pathlib import Path

import pytest
from sqlalchemy import func, select

from binational.errors import UserError
from binational.intake.importer import import_reports
from binational.store.models import Event, EventInstitution, Report, ReportItem, Revision


def counts(db):
    with db.sessions() as session:
        return tuple(
            session.scalar(select(func.count()).select_from(model))
            for model in (Report, ReportItem, Event, EventInstitution, Revision)
        )


def test_import_sample(database, sample_report_path):
    [outcome] = import_reports(database, [sample_report_path])
    assert outcome.status == "imported" and outcome.items == 14 and outcome.quarter == "2023Q2"
    assert len(outcome.event_ids) == 14
    with database.sessions() as session:
        events = session.scalars(select(Event).order_by(Event.id)).all()
        assert [e.status for e in events] == ["published"] * 14
        assert events[1].date.iso() == "2023-04-13" and events[1].date_source == "inferred"
        assert events[10].date.iso() == "2023-05" and events[10].date_source == "section"
        assert events[13].truncated and not events[12].truncated
        assert events[0].origin == "report"
        assert events[0].origin_ref == "cbi-report-2023-q2.txt#1"
        report = session.scalars(select(Report)).one()
        assert [item.printed_number for item in report.items] == list(range(1, 15))


def test_importing_again_changes_nothing(database, sample_report_path):
    import_reports(database, [sample_report_path])
    before = counts(database)
    [outcome] = import_reports(database, [sample_report_path])
    assert outcome.status == "unchanged"
    assert counts(database) == before


def test_dry_run_writes_nothing(database, sample_report_path):
    [outcome] = import_reports(database, [sample_report_path], dry_run=True)
    assert outcome.status == "dry-run" and outcome.items == 14
    assert counts(database) == (0, 0, 0, 0, 0)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"\x00\x01\x02binary", "binary"),
        (b"Minutes of the meeting\nNothing here.\n", "is not a quarterly report"),
        ("Report | April-June 2023\n1) Café".encode("cp1252"), "not UTF-8"),
    ],
)
def test_bad_file_refuses_everything(database, sample_report_path, tmp_path, content, message):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    with pytest.raises(UserError, match=message) as info:
        import_reports(database, [sample_report_path, bad])
    assert "bad.txt" in str(info.value)
    assert counts(database) == (0, 0, 0, 0, 0)


def test_missing_file_and_directory_are_refused(database, tmp_path):
    with pytest.raises(UserError, match="does not exist"):
        import_reports(database, [tmp_path / "nope.txt"])
    with pytest.raises(UserError, match="is a directory"):
        import_reports(database, [tmp_path])


def test_other_content_for_an_imported_quarter_is_refused(database, sample_report_path, tmp_path):
    import_reports(database, [sample_report_path])
    before = counts(database)
    edited = tmp_path / "edited.txt"
    edited.write_text(sample_report_path.read_text(encoding="utf-8").replace("Link", "Enlace", 1))
    with pytest.raises(UserError, match="already in the database"):
        import_reports(database, [edited])
    assert counts(database) == before


def test_two_files_for_one_quarter_are_refused(database, sample_report_path, tmp_path):
    copy = tmp_path / "copy.txt"
    copy.write_bytes(sample_report_path.read_bytes())
    with pytest.raises(UserError, match="both reports for 2023Q2"):
        import_reports(database, [sample_report_path, Path(copy)])
    assert counts(database) == (0, 0, 0, 0, 0)
