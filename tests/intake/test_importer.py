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


# --- any period, any layout, any format ------------------------------------------------

from tests.intake.conftest import FORMATS, NEWSLETTER, NEWSLETTER_URLS  # noqa: E402

from binational.store.models import Event as EventModel  # noqa: E402


def test_newsletter_sample_stores_period_and_context(database):
    [outcome] = import_reports(database, [NEWSLETTER])
    assert (outcome.period, outcome.quarter, outcome.layout) == (
        "2022Q4", "2022Q4", "newsletter2022",
    )  # fmt: skip
    with database.sessions() as session:
        report = session.scalars(select(Report)).one()
        assert (report.period, report.period_start.isoformat(), report.period_end.isoformat()) == (
            "2022Q4", "2022-10-01", "2022-12-31",
        )  # fmt: skip
        events = [item.event for item in report.items]
        assert [e.title for e in events] == [
            "Otay II Border Crossing MoU",
            "U.S. - Mexico 2022 Consular Dialogue",
            "U.S. Deputy Secretary of State visit",
        ]
        assert events[0].context.startswith("In June 2021, Mexico and the United States")
        assert events[0].summary.startswith("The signing ceremony of the Collection")
        assert (events[0].date.iso(), events[0].date_source) == ("2022-10-24", "stated")
        assert events[0].link_text == "Learn more"
        # Item 3 gives no date: it keeps the quarter of the report's period, inferred.
        assert (events[2].date.iso(), events[2].date_source) == ("2022Q4", "inferred")
        assert events[2].truncated and not events[1].truncated


def test_period_that_is_not_a_quarter(database, tmp_path):
    path = tmp_path / "summer.txt"
    path.write_text(
        "REPORT | June - October 2022\n1) Water Minute (06.15.22) Learn more\n"
        "• Institutional context - The 1944 treaty.\n• Water Minute - Signed in June.\n",
        encoding="utf-8",
    )
    [outcome] = import_reports(database, [path])
    assert (outcome.period, outcome.quarter) == ("2022-06..2022-10", None)
    with database.sessions() as session:
        report = session.scalars(select(Report)).one()
        assert (report.period, str(report.period_end)) == ("2022-06..2022-10", "2022-10-31")


@pytest.mark.parametrize("fmt", FORMATS)
def test_newsletter_imports_from_every_format(sqlite_database, newsletter_files, fmt):
    [outcome] = import_reports(sqlite_database, [newsletter_files[fmt]])
    assert (outcome.status, outcome.items, outcome.layout, outcome.format) == (
        "imported", 3, "newsletter2022", fmt,
    )  # fmt: skip
    with sqlite_database.sessions() as session:
        events = session.scalars(select(EventModel).order_by(EventModel.id)).all()
        urls = [event.url for event in events]
        assert [e.date.iso() for e in events] == ["2022-10-24", "2022-10-28", "2022Q4"]
        assert all(e.context for e in events[:2])
    expected = [None] * 3 if fmt == "txt" else [NEWSLETTER_URLS[1], NEWSLETTER_URLS[2], None]
    assert urls == expected


def test_layout_can_be_forced(sqlite_database, sample_report_path):
    [outcome] = import_reports(sqlite_database, [NEWSLETTER], layout="seed2023", dry_run=True)
    assert outcome.layout == "seed2023"
    with pytest.raises(UserError, match="there is no layout 'memo'; the layouts are seed2023 and"):
        import_reports(sqlite_database, [sample_report_path], layout="memo")


def test_unknown_extension_is_refused(sqlite_database, tmp_path):
    path = tmp_path / "report.rtf"
    path.write_text("{\\rtf1 Report | 2023}", encoding="utf-8")
    with pytest.raises(UserError, match=r"report.rtf is a .rtf file; binational imports"):
        import_reports(sqlite_database, [path])


def snapshot(db) -> tuple:
    """Every row of the tables an import writes."""
    from sqlalchemy import text

    with db.sessions() as session:
        return tuple(
            tuple(map(tuple, session.execute(text(f"SELECT * FROM {table} ORDER BY id"))))
            for table in ("reports", "report_items", "events", "event_institutions")
        )


def _big_file(path):
    with path.open("wb") as handle:
        handle.truncate(100 * 1024 * 1024)  # sparse: 100 MB without writing them


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "empty.txt is empty"),
        ("bom.txt", b"\xef\xbb\xbf", "bom.txt is empty"),
        ("bom.md", b"\xef\xbb\xbf  \n", "bom.md is empty"),
        ("nul.txt", b"Report | 2023\n1) A\x00B\n", "nul.txt is a binary file"),
        ("nul.html", b"<p>Report | 2023</p>\x00", "nul.html is a binary file"),
        ("binary.txt", bytes(range(256)) * 4, "binary.txt is a binary file"),
        ("binary.pdf", b"\x89PNG\r\n\x1a\n" + bytes(500), "binary.pdf is not a PDF file"),
        ("binary.docx", b"PK\x03\x04garbage", "binary.docx is not a Word"),
        ("year0.txt", b"Report | April-June 0000\n1) A\nApril 2, 0000\n", "names the year 0"),
        ("year9999.txt", b"Report | 9999\n1) A\n", "names the year 9999"),
        ("q0.txt", b"Report | Q2 0000\n1) A\n", "names the year 0"),
        ("no-items.txt", b"Report | April-June 2023\nJust an intro.\n", "no numbered items"),
        ("no-header.txt", b"1) A title\nApril 2, 2023 Link\nText.\n", "comes before any report"),
        ("no-header.md", b"Some notes\n\nMore notes\n", "is not a quarterly report"),
        ("bad-date.txt", b"Report | 2023\n1) A\nFebruary 30, 2023 Link\n", "not a real date"),
        ("empty.pdf", b"%PDF-1.4\n%%EOF\n", "empty.pdf"),
        ("cp1252.md", "Report | 2023\n1) Café".encode("cp1252"), "not UTF-8"),
    ],
)
def test_malformed_input_is_one_sentence_and_changes_nothing(
    sqlite_database, sample_report_path, tmp_path, name, content, message
):
    import_reports(sqlite_database, [sample_report_path])
    before = snapshot(sqlite_database)
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(UserError, match=message) as info:
        import_reports(sqlite_database, [path])
    assert "\n" not in str(info.value) and name in str(info.value)
    assert snapshot(sqlite_database) == before


def test_a_100_mb_file_is_refused_before_it_is_read(sqlite_database, tmp_path):
    path = tmp_path / "huge.txt"
    _big_file(path)
    with pytest.raises(UserError, match=r"huge.txt is 100 MB; binational imports report files"):
        import_reports(sqlite_database, [path])
    assert counts(sqlite_database) == (0, 0, 0, 0, 0)
