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
