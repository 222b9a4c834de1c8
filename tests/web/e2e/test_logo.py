"""The organization's identity in real Chromium: with the ``organization`` and ``logo``
settings, every page's header carries the name and the logo (an image the browser
decodes), and so does the report the app previews, inline, with no request for it."""

from __future__ import annotations

import shutil
import struct
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.serving import ServedApp
from tests.web.e2e.conftest import sign_in

pytestmark = pytest.mark.browser

ORGANIZATION = "Centro de Estudios Binacionales"


def png_file(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    """A plain PNG of one colour (the stdlib's zlib; no image library needed)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))  # fmt: skip

    rows = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows))
            + chunk(b"IEND", b""))  # fmt: skip


@pytest.fixture(scope="module")
def branded(
    sample_db_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ServedApp]:
    directory = tmp_path_factory.mktemp("branded")
    database = directory / "e2e.db"
    shutil.copyfile(sample_db_template, database)
    logo = directory / "logo.png"
    logo.write_bytes(png_file(32, 32, (180, 140, 20)))
    running = ServedApp(database, directory / "server.log", secret_key="e2e-secret",
                        organization=ORGANIZATION, logo=str(logo))  # fmt: skip
    yield running
    running.stop()


@pytest.fixture
def branded_page(chromium, branded: ServedApp):
    context = chromium.new_context(base_url=branded.url, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()


def decoded_width(image) -> int:
    return image.evaluate("img => img.complete ? img.naturalWidth : 0")


@pytest.mark.parametrize("path", ["/events", "/institutions", "/reports", "/docs"])
def test_every_page_is_headed_by_the_organization_and_its_logo(branded_page, path):
    sign_in(branded_page, "viewer@example.org")
    branded_page.goto(path)
    brand = branded_page.locator("header .brand")
    assert ORGANIZATION in brand.inner_text()
    assert decoded_width(brand.locator("img.logo")) == 32


def test_the_report_preview_carries_the_logo_inline(branded_page):
    sign_in(branded_page, "viewer@example.org")
    requests: list[str] = []
    branded_page.on("request", lambda request: requests.append(request.url))
    report = branded_page.goto("/reports/2023Q2/preview")
    assert report is not None and report.ok
    logo = branded_page.locator("img[src^='data:image/png;base64,']").first
    assert decoded_width(logo) == 32
    assert ORGANIZATION in branded_page.content()
    assert [url for url in requests if url.endswith("/logo")] == []  # inline: no request
