"""``binational import`` and ``binational report`` end to end through the CLI."""

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from binational.cli import app
from binational.intake.seed2023 import parse_report

runner = CliRunner()


def invoke(*args):
    return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "cli.db"


def test_import_json_and_idempotence(db_path, sample_report_path):
    first = invoke("import", sample_report_path, "--db", db_path, "--json")
    assert first.exit_code == 0, first.output
    [record] = json.loads(first.stdout)
    assert (record["status"], record["items"], record["quarter"]) == ("imported", 14, "2023Q2")
    assert any("truncated" in warning for warning in record["warnings"])
    again = invoke("import", sample_report_path, "--db", db_path, "--json")
    assert json.loads(again.stdout)[0]["status"] == "unchanged"


def test_dry_run_leaves_no_events(db_path, sample_report_path):
    result = invoke("import", sample_report_path, "--db", db_path, "--dry-run")
    assert result.exit_code == 0 and "would import" in result.stdout
    listed = invoke("events", "--db", db_path, "--json")
    assert json.loads(listed.stdout) == []


def test_txt_export_reproduces_every_paragraph(db_path, sample_report_path, tmp_path):
    invoke("import", sample_report_path, "--db", db_path)
    out = tmp_path / "out"
    result = invoke("report", "2023Q2", "--format", "txt", "--out", out, "--db", db_path)
    assert result.exit_code == 0, result.output
    exported = (out / "report-2023Q2.txt").read_text(encoding="utf-8")
    original = parse_report(sample_report_path.read_text(encoding="utf-8"))
    again = parse_report(exported)
    assert exported.splitlines()[0] == "Report | April-June 2023"
    for before, after in zip(original.items, again.items, strict=True):
        assert (after.number, after.title) == (before.number, before.title)
        assert after.summary == before.summary
        assert after.implications == before.implications
        assert after.date == before.date
    # every paragraph of the sample appears verbatim as a line of the export
    lines = set(exported.splitlines())
    for item in original.items:
        for paragraph in (item.title, *item.summary, *item.implications):
            assert paragraph in lines or f"{item.number}) {paragraph}" in lines


def test_report_in_every_format(db_path, sample_report_path, tmp_path):
    invoke("import", sample_report_path, "--db", db_path)
    out = tmp_path / "out"
    result = invoke("report", "2023Q2", "--out", out, "--db", db_path, "--json")
    assert result.exit_code == 0, result.output
    files = json.loads(result.stdout)["files"]
    assert sorted(p.rsplit(".", 1)[1] for p in files) == ["docx", "html", "md", "pdf", "txt"]
    assert (out / "report-2023Q2.pdf").read_bytes().startswith(b"%PDF")
    assert not list(out.glob("*.partial"))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["report", "2023Q9"], "quarters run Q1 to Q4"),
        (["report", "2023Q2", "--format", "pdf,rtf"], "rtf"),
        (["report", "2024Q1"], "no reviewed or published events in 2024Q1"),
    ],
)
def test_report_refusals(db_path, sample_report_path, args, message):
    invoke("import", sample_report_path, "--db", db_path)
    process = subprocess.run(
        [sys.executable, "-m", "binational", *args, "--db", str(db_path)],
        capture_output=True, text=True,
    )  # fmt: skip
    assert process.returncode == 1
    assert message in process.stderr
    assert process.stderr.count("\n") == 1 and "Traceback" not in process.stderr


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"\xff\xfe\x00\x00binary", "binary"),
        (b"Hello\nWorld\n", "not a quarterly report"),
    ],
)
def test_import_refuses_bad_files_with_one_sentence(
    db_path, sample_report_path, tmp_path, content, message
):
    bad = tmp_path / "notes.txt"
    bad.write_bytes(content)
    process = subprocess.run(
        [sys.executable, "-m", "binational", "import", str(sample_report_path), str(bad),
         "--db", str(db_path)],
        capture_output=True, text=True,
    )  # fmt: skip
    assert process.returncode != 0
    assert "notes.txt" in process.stderr and message in process.stderr
    assert "Traceback" not in process.stderr
    listed = invoke("events", "--db", db_path, "--json")
    assert json.loads(listed.stdout) == []


def test_organization_and_intro_come_from_settings(db_path, sample_report_path, tmp_path):
    invoke("import", sample_report_path, "--db", db_path)
    out = tmp_path / "out"
    environment = {
        "BINATIONAL_ORGANIZATION": "Instituto de Estudios Fronterizos",
        "BINATIONAL_REPORT_INTRO": "Nuestro informe trimestral, con acentos: información.",
        "BINATIONAL_REPORT_TITLE": "Informe",
    }
    result = runner.invoke(
        app,
        ["report", "2023Q2", "--format", "txt,html", "--out", str(out), "--db", str(db_path)],
        env=environment,
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    text = (out / "report-2023Q2.txt").read_text(encoding="utf-8").splitlines()
    assert text[:2] == ["Informe | April-June 2023", environment["BINATIONAL_REPORT_INTRO"]]
    html = (out / "report-2023Q2.html").read_text(encoding="utf-8")
    assert "Instituto de Estudios Fronterizos" in html
    assert "Center for Binational Institutions" not in html


# Reports longer than a quarter, on the demo data plus the scorecard fixture's meetings:
# each format carries the overview and its picture (the PNG in Word, the SVG in HTML and
# drawn by Typst into the PDF).


@pytest.fixture
def demo_with_meetings(db_path, sample_report_path):
    from tests.scorecard.conftest import add_history

    from binational.store.database import Database

    invoke("import", sample_report_path, "--db", db_path)
    database = Database.open(str(db_path))
    add_history(database)
    database.close()
    return db_path


@pytest.mark.parametrize(("period", "items"), [("2023", 20), ("2022-06..2022-10", 3)])
def test_reports_longer_than_a_quarter_in_every_format(demo_with_meetings, tmp_path, period, items):
    import io
    import zipfile

    import pypdfium2
    from pypdf import PdfReader

    out = tmp_path / "out"
    result = invoke("report", period, "--format", "md,html,pdf,docx", "--out", out,
                    "--db", demo_with_meetings, "--json")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["items"] == items
    def file(extension):  # the period may hold dots ("2022-06..2022-10")
        return out / f"report-{period}{extension}"

    markdown = file(".md").read_text(encoding="utf-8")
    assert "## Overview" in markdown and "### Events by month" in markdown
    page = file(".html").read_text(encoding="utf-8")
    assert page.count("<svg") == 1 and "<desc id=\"overview-bars-desc\">Events per month:" in page
    pdf = file(".pdf").read_bytes()
    assert "Overview" in PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    first_page = pypdfium2.PdfDocument(pdf)[0]
    assert any(obj.type == pypdfium2.raw.FPDF_PAGEOBJ_PATH for obj in first_page.get_objects())
    with zipfile.ZipFile(file(".docx")) as word:
        media = [name for name in word.namelist() if name.startswith("word/media/")]
        assert len(media) == 1 and word.read(media[0]).startswith(b"\x89PNG")


def test_the_logo_setting_heads_the_published_files(db_path, sample_report_path, tmp_path):
    import os
    import zipfile

    from tests.publish.conftest import logo_file_bytes

    assert invoke("import", sample_report_path, "--db", db_path).exit_code == 0
    logo = tmp_path / "center.png"
    logo.write_bytes(logo_file_bytes(".png"))
    env = {**os.environ, "BINATIONAL_LOGO": str(logo)}
    out = tmp_path / "out"
    process = subprocess.run(
        [sys.executable, "-m", "binational", "report", "2023Q2", "--format", "html,docx,md",
         "--out", str(out), "--db", str(db_path)], capture_output=True, text=True, env=env,
    )  # fmt: skip
    assert process.returncode == 0, process.stderr
    assert 'class="logo" src="data:image/png;base64,' in (out / "report-2023Q2.html").read_text()
    assert "word/media/image1.png" in zipfile.ZipFile(out / "report-2023Q2.docx").namelist()
    assert "data:image" not in (out / "report-2023Q2.md").read_text()
    logo.write_bytes(b"GIF89a not a png")  # the wrong file: one sentence, no file written
    process = subprocess.run(
        [sys.executable, "-m", "binational", "report", "2023Q2", "--format", "html",
         "--out", str(tmp_path / "again"), "--db", str(db_path)],
        capture_output=True, text=True, env=env,
    )  # fmt: skip
    assert process.returncode == 1
    assert process.stderr.strip().endswith("it is not a PNG image; fix the logo setting")
    assert process.stderr.count("\n") == 1 and "Traceback" not in process.stderr
    assert not (tmp_path / "again").exists()
