"""``binational site build``, ``binational export`` and ``binational archive`` through
the real console script: results, and one-sentence errors that change nothing."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

BINATIONAL = Path(sys.executable).with_name("binational")


def run(*args, env=None):
    return subprocess.run([str(BINATIONAL), *map(str, args)], capture_output=True, text=True,
                          env={**os.environ, **(env or {})})  # fmt: skip


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory, sample_report_path):
    path = tmp_path_factory.mktemp("cli-site") / "site.db"
    assert run("import", sample_report_path, "--db", path).returncode == 0
    return path


def test_site_build_then_nothing_to_rewrite(sample_db, tmp_path):
    out = tmp_path / "site"
    first = run("site", "build", "--out", out, "--db", sample_db, "--no-search", "--json")
    assert first.returncode == 0, first.stderr
    summary = json.loads(first.stdout)
    assert summary["written"] == summary["outputs"] > 200
    again = json.loads(run("site", "build", "--out", out, "--db", sample_db, "--no-search",
                           "--json").stdout)  # fmt: skip
    assert (again["written"], again["unchanged"]) == (0, summary["outputs"])


def test_site_build_in_one_language(sample_db, tmp_path):
    out = tmp_path / "site"
    result = run("site", "build", "--out", out, "--db", sample_db, "--no-search", "--lang", "es")
    assert result.returncode == 0, result.stderr
    assert (out / "es/index.html").is_file() and not (out / "en").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--lang", "fr"], "--lang takes en and es"),
        (["--base-url", "example.org"], "--base-url must be an http(s) address"),
    ],
)
def test_site_build_refuses_bad_options(sample_db, tmp_path, args, message):
    result = run("site", "build", "--out", tmp_path / "site", "--db", sample_db, *args)
    assert result.returncode == 1
    assert result.stderr.startswith(f"error: {message}") and "Traceback" not in result.stderr
    assert not (tmp_path / "site").exists()


def test_export_writes_every_format_and_refuses_unknown_ones(sample_db, tmp_path):
    result = run("export", "--out", tmp_path / "data", "--db", sample_db, "--json")
    assert result.returncode == 0, result.stderr
    names = {Path(path).name for path in json.loads(result.stdout)["files"]}
    assert {"events.csv", "datapackage.json", "sources.ris", "binational.db"} <= names
    bad = run("export", "--out", tmp_path / "other", "--db", sample_db, "--format", "xlsx")
    assert bad.returncode == 1 and bad.stderr.startswith("error: unknown export format 'xlsx'")
    assert not (tmp_path / "other").exists()


def test_archive_check_refuses_a_bad_limit(sample_db):
    result = run("archive", "check", "--limit", "0", "--db", sample_db)
    assert result.returncode == 1 and result.stderr == "error: --limit must be 1 or more\n"
