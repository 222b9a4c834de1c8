"""Screenshots of every page of the web app at desktop and phone width, for people
to look at (``make screenshots``; the PNGs go to ``screenshots/``, which git ignores).

It builds a demo database from the bundled sample report (with an admin account and
a few ingested candidates, one rejected), runs ``binational serve`` on 127.0.0.1,
and drives Debian's Chromium (``BINATIONAL_CHROMIUM``, default /usr/bin/chromium)
through Playwright: each page signed in as the admin in English and in Spanish, and
what a signed-out visitor sees. It also names any page that scrolls sideways on a
360-pixel phone.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "samples" / "cbi-report-2023-q2.txt"
CHROMIUM = os.environ.get("BINATIONAL_CHROMIUM", "/usr/bin/chromium")
EMAIL, PASSWORD = "admin@example.org", "correct horse battery"
WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}
NARROWEST = 360  # each page is also checked for sideways scrolling at this width

SIGNED_IN = {
    "events": "/events", "search": "/events?q=fentanyl", "event": "/events/3",
    "event-edit": "/events/3/edit", "institutions": "/institutions",
    "institution": "/institutions/usmca", "scorecard": "/scorecard?period=2023",
    "candidates": "/candidates", "candidates-rejected": "/candidates?view=rejected",
    "candidate": "/candidates/1", "reports": "/reports", "report-builder": "/reports/2023Q2",
    "users": "/users", "account": "/account", "jobs": "/jobs", "docs": "/docs",
    "not-found": "/no-such-page",
}  # fmt: skip
SPANISH = tuple(SIGNED_IN)  # every page has its Spanish words
SIGNED_OUT = {"login": "/login", "docs-signed-out": "/docs", "not-found-signed-out": "/nothing"}


def build_database(path: Path) -> None:
    """The sample report's events, an admin, and three candidates (one rejected)."""
    from binational.accounts.passwords import Passwords
    from binational.accounts.users import create_user
    from binational.ingest.clusters import NewDocument, store_document
    from binational.ingest.queue import reject_candidate
    from binational.intake.importer import import_reports
    from binational.registry.annotate import registry_annotator
    from binational.store.database import Database

    database = Database.open(str(path))
    import_reports(database, [SAMPLE], annotator=registry_annotator())
    with database.transaction() as session:
        create_user(session, Passwords(), EMAIL, "admin", PASSWORD)
        stories = [
            ("Joint Statement on the U.S.-Mexico High-Level Security Dialogue", 0.92),
            ("United States and Mexico Renew Water Delivery Commitments under the 1944 Treaty",
             0.81),
            ("Secretary meets counterpart on border infrastructure", 0.44),
        ]  # fmt: skip
        candidates = []
        for number, (title, score) in enumerate(stories, start=1):
            url = f"https://www.state.gov/demo-release-{number}"
            text = (f"{title}.\n\nSenior officials of the United States and Mexico met in "
                    "Mexico City to review the work of the bilateral institutions, including "
                    "the International Boundary and Water Commission and the USMCA's Free "
                    "Trade Commission.\n\nBoth delegations agreed to meet again next quarter.")
            document = store_document(session, NewDocument(
                kind="page", url=url, canonical_url=url, title=title, text=text,
                text_sha256=f"{number + 7000:064d}", source_name="state.gov", official=True,
                published=dt.date(2023, 10, number), published_stated=True, language="en",
                score=score, reasons=("names the United States (3×) and Mexico (4×)",
                                      "names both countries in the same sentence"),
                institutions=({"slug": "ibwc", "kind": "institution", "mention": "IBWC"},),
            ), None)  # fmt: skip
            candidates.append(document.candidate_id)
        session.flush()
        reject_candidate(session, candidates[-1], EMAIL)
    database.close()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve(database: Path, log: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    command = [str(Path(sys.executable).with_name("binational")), "serve", "--host",
               "127.0.0.1", "--port", str(port), "--db", str(database)]  # fmt: skip
    env = {**os.environ, "BINATIONAL_SECRET_KEY": "screenshots"}
    process = subprocess.Popen(command, env=env, stdout=log.open("wb"), stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(url + "/login", timeout=1).status_code == 200:
                return process, url
        except httpx.HTTPError:
            time.sleep(0.2)
    process.terminate()
    raise SystemExit(f"the server did not start: {log.read_text(errors='replace')}")


def sign_in(page) -> None:
    page.goto("/login")
    page.fill("#email", EMAIL)
    page.fill("#password", PASSWORD)
    page.locator("form[action='/login'] button[type=submit]").click()
    page.wait_for_url("**/events")


def edit_an_event(browser, url: str) -> None:
    """Append a sentence to event 3's implications, so its history shows a diff."""
    context = browser.new_context(base_url=url)
    page = context.new_page()
    sign_in(page)
    page.goto("/events/3/edit")
    field = page.locator("#implications")
    field.fill(field.input_value() + " Watch the next meeting of the dialogue in the autumn.")
    page.locator("form.edit-form > .actions button[type=submit]").click()
    page.wait_for_load_state("load")
    if "saved=1" not in page.url:
        raise SystemExit(f"the edit was not saved: {page.url}: {page.locator('main').inner_text()}")
    context.close()


def show_frames(page) -> None:
    """Scroll each iframe (the report's preview) into view and wait for its page: a
    full-page screenshot paints a frame below the fold blank otherwise."""
    for frame in page.locator("iframe").all():
        frame.scroll_into_view_if_needed()
        frame.content_frame.locator("body").wait_for()
        page.wait_for_timeout(500)


def scrolls_sideways(page, width: int) -> bool:
    """Whether the page is wider than a ``width``-pixel screen."""
    height = page.viewport_size["height"]
    page.set_viewport_size({"width": width, "height": height})
    wider = page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
    page.set_viewport_size({"width": WIDTHS["phone"][0], "height": height})
    return bool(wider)


def shoot(browser, url: str, out: Path, language: str, signed_in: bool,
          pages: dict[str, str], sideways: list[str]) -> int:  # fmt: skip
    taken = 0
    for width_name, (width, height) in WIDTHS.items():
        phone = width_name == "phone"
        context = browser.new_context(
            base_url=url, viewport={"width": width, "height": height},
            locale="es-MX" if language == "es" else "en-US", is_mobile=phone, has_touch=phone,
            device_scale_factor=1,
        )  # fmt: skip
        page = context.new_page()
        if signed_in:
            sign_in(page)
        for name, path in pages.items():
            page.goto(path)
            page.wait_for_load_state("networkidle")
            show_frames(page)
            if phone and scrolls_sideways(page, NARROWEST):
                sideways.append(f"{path} ({language})")
            target = out / f"{name}-{language}-{width_name}.png"
            page.screenshot(path=str(target), full_page=True)
            taken += 1
        context.close()
    return taken


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots")
    arguments = parser.parse_args()
    arguments.out.mkdir(parents=True, exist_ok=True)
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as scratch:
        database = Path(scratch) / "screenshots.db"
        build_database(database)
        process, url = serve(database, Path(scratch) / "server.log")
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"]
                )
                edit_an_event(browser, url)
                sideways: list[str] = []
                taken = shoot(browser, url, arguments.out, "en", True, SIGNED_IN, sideways)
                spanish = {name: SIGNED_IN[name] for name in SPANISH}
                taken += shoot(browser, url, arguments.out, "es", True, spanish, sideways)
                taken += shoot(browser, url, arguments.out, "en", False, SIGNED_OUT, sideways)
                browser.close()
        finally:
            process.terminate()
            process.wait(timeout=10)
    print(f"{taken} screenshots in {arguments.out}")
    if sideways:
        print(f"Scrolls sideways at {NARROWEST} px: " + ", ".join(sideways))
    else:
        print(f"No page scrolls sideways at {NARROWEST} px.")


if __name__ == "__main__":
    main()
