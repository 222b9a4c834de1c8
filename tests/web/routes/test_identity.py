"""Every page knows who is signed in and shows only what the visitor may open; the
organization's name and logo head every page; the favicon is there."""

import io
import re
import zipfile

import pytest
from fastapi.testclient import TestClient
from pypdf import PdfReader
from tests.web.conftest import Browser

NAV = re.compile(r'<nav aria-label="Main">(.*?)</nav>', re.S)


def nav_links(html: str) -> list[str]:
    found = NAV.search(html)
    return re.findall(r'<a href="([^"]+)"', found.group(1)) if found else []


@pytest.mark.parametrize("path", ["/docs", "/no-such-page", "/events/999999", "/institutions/x"])
def test_docs_and_error_pages_know_the_signed_in_user(browser, path):
    page = browser("editor").get(path).text
    assert "editor@example.org" in page and "Sign out" in page
    assert ">Sign in<" not in page
    assert "/candidates" in nav_links(page)


def test_an_error_before_any_route_still_knows_the_user(browser):
    page = browser("viewer").get("/events/99999999999999999999")  # out of range: 404
    assert page.status_code == 404 and "viewer@example.org" in page.text


def test_signed_out_visitors_see_no_links_that_bounce_to_sign_in(browser):
    page = browser(None).get("/docs").text
    assert nav_links(page) == [] and ">Sign in<" in page
    assert nav_links(browser(None).get("/login").text) == []


def test_signed_out_visitors_of_a_public_app_see_the_public_pages_only(make_app):
    page = Browser(make_app(public_read=True)).get("/events").text
    assert nav_links(page) == ["/events", "/institutions", "/scorecard"]


def test_the_organization_heads_every_page_with_its_logo(make_app, tmp_path):
    logo = tmp_path / "logo.svg"
    logo.write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>')
    client = TestClient(make_app(organization="Centro de Pruebas", logo=str(logo)))
    page = client.get("/login").text
    assert '<span class="org">Centro de Pruebas</span>' in page
    assert '<img class="logo" src="/logo" alt=""' in page
    assert "<title>Sign in · Centro de Pruebas</title>" in page
    served = client.get("/logo")
    assert served.status_code == 200 and served.headers["content-type"] == "image/svg+xml"
    assert served.content == logo.read_bytes()


def test_without_a_logo_there_is_no_image_and_no_logo(app):
    client = TestClient(app)
    assert "/logo" not in client.get("/login").text
    assert client.get("/logo").status_code == 404


def test_a_logo_setting_that_is_not_an_image_is_refused():
    from binational.config import Settings, SettingsError, check_values

    with pytest.raises(SettingsError, match="logo"):
        check_values({**Settings().__dict__, "logo": "logo.gif"}, {"logo": "the test"})


def test_the_favicon_is_there(app):
    client = TestClient(app)
    assert '<link rel="icon" href="/static/favicon.svg"' in client.get("/login").text
    icon = client.get("/favicon.ico")
    assert icon.status_code == 200 and icon.headers["content-type"] == "image/svg+xml"


@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_the_downloaded_reports_carry_the_logo(make_app, tmp_path, suffix):
    from tests.publish.conftest import logo_file_bytes
    from tests.web.conftest import ACCOUNTS

    from binational.publish.logo import logo_of

    logo = tmp_path / f"logo{suffix}"
    logo.write_bytes(logo_file_bytes(suffix))
    viewer = Browser(make_app(logo=str(logo))).sign_in(ACCOUNTS["viewer"])
    uri = logo_of(logo.read_bytes(), logo.name).data_uri
    assert f'<img class="logo" src="{uri}"' in viewer.get("/api/reports/2023Q2.html").text
    assert f'src="{uri}"' in viewer.get("/reports/2023Q2/preview").text
    word = viewer.get("/api/scorecard.docx?period=2023").content
    assert [n for n in zipfile.ZipFile(io.BytesIO(word)).namelist() if "/media/" in n]
    pdf = PdfReader(io.BytesIO(viewer.get("/api/reports/2023Q2.pdf").content))
    assert len(pdf.pages[0].images) == (0 if suffix == ".svg" else 1)  # an SVG stays vector
    assert "<img" not in viewer.get("/api/reports/2023Q2.md").text


def test_a_logo_file_that_is_gone_is_one_sentence_not_a_crash(make_app, tmp_path):
    from tests.web.conftest import ACCOUNTS

    logo = tmp_path / "logo.png"
    viewer = Browser(make_app(logo=str(logo))).sign_in(ACCOUNTS["viewer"])
    answer = viewer.get("/api/reports/2023Q2.html")
    assert answer.status_code >= 400
    assert answer.json()["error"].startswith(f"the logo {logo} cannot be read")


def test_error_pages_send_signed_out_visitors_to_sign_in(browser, make_app):
    signed_out = browser(None).get("/no-such-page").text
    assert '<a href="/login">Sign in</a>' in signed_out and 'href="/events"' not in signed_out
    assert '<a href="/events">' in browser("viewer").get("/no-such-page").text
    public = Browser(make_app(public_read=True)).get("/no-such-page").text
    assert '<a href="/events">' in public  # the events are open to them
    browser_es = browser("viewer")
    browser_es.cookies.set("lang", "es")
    page = browser_es.get("/no-such-page").text
    assert '<p class="error" role="alert" lang="en">no such page</p>' in page
