"""The ``sources``, ``ingest`` and ``candidates`` commands, end to end."""

import json

import newsroom
import pytest
from typer.testing import CliRunner

from binational.cli import app
from binational.ingest.sources import load_sources, save_sources


def fast_fetch_env(tmp_path) -> dict[str, str]:
    """Settings for fetching the loopback newsroom quickly, into files under tmp_path."""
    return {
        "BINATIONAL_DB": str(tmp_path / "cli.db"),
        "BINATIONAL_ARCHIVE_DIR": str(tmp_path / "archive"),
        "BINATIONAL_REQUESTS_PER_SECOND": "1000",
        "BINATIONAL_FETCH_TIMEOUT": "0.5",
        "BINATIONAL_RETRY_BACKOFF": "0.05",
        "BINATIONAL_FETCH_RETRIES": "1",
        "BINATIONAL_FETCH_ALLOW_NETWORKS": "127.0.0.0/8",
        "BINATIONAL_PAGE_RETRY_BACKOFF": "0",
    }


@pytest.fixture
def cli(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no binational.toml, sources.toml or db from elsewhere
    env = fast_fetch_env(tmp_path)
    runner = CliRunner()

    def run(*args: str, ok: bool = True):
        result = runner.invoke(app, list(args), env=env)
        if ok:
            assert result.exit_code == 0, result.output
        return result

    return run


def test_sources_list_add_remove(cli, tmp_path):
    bundled = json.loads(cli("sources", "list", "--json").stdout)
    names = {s["name"] for s in bundled}
    assert {"White House", "SRE: prensa", "Prime Minister of Canada: news"} <= names
    assert {s["country"] for s in bundled} == {"US", "MX", "CA"}
    assert {s["language"] for s in bundled} == {"en", "es"}
    cli("sources", "add", "Local", "https://news.example.org/feed", "--kind", "rss",
        "--language", "es", "--country", "MX")  # fmt: skip
    written = load_sources(tmp_path / "sources.toml")
    assert len(written) == len(bundled) + 1 and written[-1].name == "Local"
    assert not written[-1].is_official
    refused = cli("sources", "add", "Local", "https://x.example/f", ok=False)
    assert refused.exit_code == 1 and "already a source named 'Local'" in str(refused.exception)
    cli("sources", "remove", "White House")
    assert "White House" not in {s.name for s in load_sources(tmp_path / "sources.toml")}
    bad = cli("sources", "add", "L", "https://x.example/l", "--kind", "listing", ok=False)
    assert "needs a CSS selector" in str(bad.exception)


def test_ingest_then_review_the_queue(cli, tmp_path, sites, releases):
    path = tmp_path / "watch.toml"
    save_sources(path, newsroom.build(sites, releases))
    first = json.loads(cli("ingest", "--sources", str(path), "--once", "--json").stdout)
    assert (first["new"], first["duplicates"], first["failed"]) == (12, 2, 0)
    again = json.loads(cli("ingest", "--sources", str(path), "--once", "--json").stdout)
    assert (again["fetched"], again["unchanged"], again["new"]) == (0, 3, 0)

    queue = json.loads(cli("candidates", "--json").stdout)
    assert len(queue) == 12 and queue == sorted(queue, key=lambda r: -r["score"])
    fields = {"id", "url", "title", "published", "language", "score", "reasons",
              "institutions", "cluster_size", "duplicate_urls", "status"}  # fmt: skip
    assert fields <= set(queue[0])
    strong = json.loads(cli("candidates", "--min-score", "0.5", "--json").stdout)
    assert 0 < len(strong) < len(queue) and all(r["score"] >= 0.5 for r in strong)

    top = queue[0]
    event = json.loads(cli("candidates", "accept", str(top["id"]), "--author", "ana",
                           "--json").stdout)  # fmt: skip
    assert event["status"] == "draft" and event["origin"] == "document"
    assert event["url"] == top["url"] and event["institutions"]
    last = queue[-1]
    cli("candidates", "reject", str(last["id"]), "--author", "ana")
    remaining = {r["id"] for r in json.loads(cli("candidates", "--json").stdout)}
    assert top["id"] not in remaining and last["id"] not in remaining
    again = cli("candidates", "reject", str(last["id"]), ok=False)
    assert again.exit_code == 1 and "already rejected" in str(again.exception)
    shown = cli("candidates", "show", str(queue[1]["id"])).stdout
    assert queue[1]["title"] in shown


def test_a_run_where_every_source_fails_exits_non_zero(cli, tmp_path, site):
    site.add("/down.xml", b"", "text/plain", status=500)
    path = tmp_path / "down.toml"
    path.write_text(f'[[source]]\nname = "Down"\nurl = "{site.url("/down.xml")}"\nkind = "rss"\n')
    result = cli("ingest", "--sources", str(path), "--once", ok=False)
    assert result.exit_code == 1
    assert "failed 1" in result.stdout
    assert "Down" in result.stderr and "HTTP 500 (after 2 attempts)" in result.stderr


@pytest.mark.parametrize("command", [["ingest", "--once"], ["sources", "list"]])
def test_a_named_sources_file_must_exist(tmp_path, command):
    from binational.errors import UserError

    missing = tmp_path / "nope.toml"
    result = CliRunner().invoke(app, [*command, "--sources", str(missing)])
    assert isinstance(result.exception, UserError)
    assert "nope.toml does not exist" in str(result.exception)
    assert not missing.exists()


def test_ingest_loop_runs_again_and_stops_cleanly_on_ctrl_c(tmp_path, sites, releases):
    """Without --once, ingest runs every --interval seconds until interrupted."""
    import os
    import signal
    import subprocess
    import sys
    import time

    path = tmp_path / "watch.toml"
    save_sources(path, newsroom.build(sites, releases))
    env = {**os.environ, **fast_fetch_env(tmp_path)}
    process = subprocess.Popen(
        [sys.executable, "-m", "binational", "ingest", "--sources", str(path), "--interval", "1"],
        cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        # As a terminal starts it: an ignored SIGINT is inherited across exec (a test
        # run started in the background, or a library that set it, would pass it on),
        # and a command that ignores Ctrl-C is not what this test is about.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )  # fmt: skip
    summaries = []
    deadline = time.monotonic() + 120
    try:
        while len(summaries) < 2 and time.monotonic() < deadline:
            line = process.stdout.readline()
            if line.startswith("fetched "):
                summaries.append(line)
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=30)
    finally:  # a loop that outlived the test would keep polling the shared test sites
        process.kill()
    assert len(summaries) == 2, summaries
    assert "new 12" in summaries[0] and "unchanged 3" in summaries[1] and "new 0" in summaries[1]
    assert process.returncode == 0
    assert "Traceback" not in stderr and "stopped" in stderr
