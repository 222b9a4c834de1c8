"""End-to-end fixtures: a real ``binational serve`` process on 127.0.0.1 over a
fresh copy of the sample database, and real headless Chromium (Debian's package)
driven by Playwright.

Without /usr/bin/chromium these tests are skipped, unless BINATIONAL_REQUIRE_BROWSER=1
(set by CI), which turns the skip into a failure.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.serving import ServedApp

CHROMIUM = os.environ.get("BINATIONAL_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


class Server(ServedApp):
    """``binational serve`` for the browser tests; public reading on when asked."""

    def __init__(self, database: Path, log: Path, public_read: bool = False) -> None:
        super().__init__(database, log, secret_key="e2e-secret",
                         public_read="true" if public_read else "false")  # fmt: skip


@pytest.fixture(scope="module")
def server(sample_db_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    directory = tmp_path_factory.mktemp("e2e")
    database = directory / "e2e.db"
    shutil.copyfile(sample_db_template, database)
    running = Server(database, directory / "server.log")
    yield running
    running.stop()


# Per module, not per session: Playwright's sync API keeps an event loop running in
# the main thread until it stops, and a test run after these (tests/site builds a site,
# which runs a loop of its own) must not find one. (No package scope: tests/ holds no
# packages.)
@pytest.fixture(scope="module")
def chromium() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        if os.environ.get("BINATIONAL_REQUIRE_BROWSER") == "1":
            pytest.fail(f"BINATIONAL_REQUIRE_BROWSER=1 but {CHROMIUM} does not exist")
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium, server: Server, tmp_path: Path):
    """A fresh browser context (no cookies) at desktop size."""
    context = chromium.new_context(
        base_url=server.url, viewport={"width": 1280, "height": 900}, accept_downloads=True,
        locale="en-US",
    )  # fmt: skip
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()


def sign_in(page, email: str, password: str = "correct horse battery") -> None:
    page.goto("/login")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/events")
