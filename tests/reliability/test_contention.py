"""The database under contention (issue 12, finding 4), on a real SQLite file with a
real ``binational serve``: web edits during a held write lock answer 503 with
Retry-After and one sentence (not a 500), then go through; an import of a large
report and a stream of web edits at once both complete, every edit recorded; and
``events unlink`` during a held lock is one sentence, not a traceback."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
import time

import httpx
from big_report import big_report
from tests.serving import BINATIONAL
from tests.web.conftest import ACCOUNTS

BUSY = (
    "the database is busy with another change (an import or an ingest run, say) and stayed "
    "locked for {wait} s; nothing was changed, try again in a moment"
)


def hold_write_lock(path, seconds: float) -> threading.Thread:
    """Another writer (a long write transaction) holding SQLite's lock ``seconds``."""
    taken = threading.Event()

    def hold() -> None:
        connection = sqlite3.connect(path, isolation_level=None)
        connection.execute("BEGIN IMMEDIATE")
        connection.execute("UPDATE events SET updated_at = updated_at")
        taken.set()
        time.sleep(seconds)
        connection.execute("COMMIT")
        connection.close()

    thread = threading.Thread(target=hold)
    thread.start()
    taken.wait()
    return thread


def first_event(path) -> tuple[int, str]:
    with sqlite3.connect(path) as connection:
        return connection.execute("SELECT id, title FROM events ORDER BY id").fetchone()


def test_web_edits_during_a_held_lock_answer_503_with_retry_after_then_go_through(serve, tokens):
    server = serve(lock_wait="1")
    event_id, _ = first_event(server.database)
    api = httpx.Client(base_url=server.url, timeout=30,
                       headers={"Authorization": f"Bearer {tokens['editor']}"})  # fmt: skip
    page = server.sign_in(ACCOUNTS["editor"])
    holder = hold_write_lock(server.database, 4.0)
    started = time.monotonic()
    refused = api.patch(f"/api/events/{event_id}", json={"title": "Edited while locked"})
    waited = time.monotonic() - started
    form = page.get(f"/events/{event_id}/edit")
    token = form.text.split('name="csrf_token" value="')[1].split('"')[0]
    refused_form = page.post(f"/events/{event_id}/edit",
                             data={"csrf_token": token, "title": "Edited in the form"})  # fmt: skip
    holder.join()
    assert refused.status_code == 503 and refused.headers["retry-after"] == "1"
    assert refused.json() == {"error": BUSY.format(wait=1)}
    assert 0.8 < waited < 3.5, waited
    assert refused_form.status_code == 503 and "The database is busy" in refused_form.text
    assert refused_form.headers["retry-after"] == "1"
    accepted = api.patch(f"/api/events/{event_id}", json={"title": "Edited after the lock"})
    assert accepted.status_code == 200 and accepted.json()["title"] == "Edited after the lock"
    assert "Traceback" not in server.log()


def test_an_import_and_web_edits_at_once_both_complete(serve, tokens, tmp_path):
    """The import holds the lock for its one transaction (about a second for 999
    items, benchmarks/bench_write_lock.py); edits meanwhile wait (lock_wait 30 s here)
    and then go through, every one recorded."""
    server = serve(lock_wait="30")
    event_id, _ = first_event(server.database)
    report = tmp_path / "big.txt"
    report.write_bytes(big_report(999))
    api = httpx.Client(base_url=server.url, timeout=60,
                       headers={"Authorization": f"Bearer {tokens['editor']}"})  # fmt: skip
    importing = subprocess.Popen(
        [str(BINATIONAL), "import", str(report), "--db", str(server.database), "--json"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    outcomes = []
    number = 0
    while importing.poll() is None or number < 5:
        number += 1
        started = time.monotonic()
        response = api.patch(f"/api/events/{event_id}", json={"title": f"Edit {number}"})
        outcomes.append((response.status_code, time.monotonic() - started, number))
    out, err = importing.communicate(timeout=120)
    assert importing.returncode == 0, err
    assert '"items": 999' in out
    assert {status for status, _, _ in outcomes} == {200}, outcomes
    assert max(latency for _, latency, _ in outcomes) > 0.3  # some edit met the import's lock
    with sqlite3.connect(server.database) as connection:
        q3 = connection.execute(
            "SELECT count(*) FROM events WHERE date_value BETWEEN '2023-07-01' AND '2023-09-30'"
        ).fetchone()[0]  # fmt: skip
        title = connection.execute("SELECT title FROM events WHERE id = ?", (event_id,)).fetchone()
        edits = connection.execute(
            "SELECT count(*) FROM revisions WHERE event_id = ? AND action = 'edit'", (event_id,)
        ).fetchone()[0]  # fmt: skip
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert q3 == 999
    assert title[0] == f"Edit {number}" and edits == len(outcomes)


def test_events_unlink_during_a_held_lock_is_one_sentence(web_copy):
    with sqlite3.connect(web_copy) as connection:
        event_id, slug = connection.execute(
            "SELECT event_id, slug FROM event_institutions WHERE removed = 0 ORDER BY id"
        ).fetchone()  # fmt: skip
    command = [sys.executable, "-m", "binational", "events", "unlink", str(event_id), slug,
               "--db", str(web_copy)]  # fmt: skip
    environment = {**os.environ, "BINATIONAL_LOCK_WAIT": "0.5"}
    holder = hold_write_lock(web_copy, 4.0)
    refused = subprocess.run(command, env=environment, capture_output=True, text=True)
    holder.join()
    assert refused.returncode == 1
    assert refused.stderr == f"error: {BUSY.format(wait=0.5)}\n"
    done = subprocess.run(command, env=environment, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert f"event {event_id} unlinked from {slug}" in done.stdout
