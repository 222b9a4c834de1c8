"""The organization's logo as plain data: read from the ``logo`` setting's file, checked
to be the image its name says, and turned into a data: URI for the HTML."""

from __future__ import annotations

import base64

import pytest
from tests.publish.conftest import logo_file_bytes

from binational.errors import UserError
from binational.publish.logo import MAX_LOGO_BYTES, Logo, content_problem, logo_of, read_logo

PNG = logo_file_bytes(".png")
JPEG = logo_file_bytes(".jpg")
SVG = logo_file_bytes(".svg")


@pytest.mark.parametrize(
    ("data", "name", "media_type", "format_name"),
    [
        (PNG, "logo.png", "image/png", "png"),
        (PNG, "LOGO.PNG", "image/png", "png"),
        (JPEG, "logo.jpg", "image/jpeg", "jpg"),
        (JPEG, "logo.jpeg", "image/jpeg", "jpg"),
        (SVG, "logo.svg", "image/svg+xml", "svg"),
        (b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>', "a.svg",
         "image/svg+xml", "svg"),
    ],
)  # fmt: skip
def test_a_logo_is_its_bytes_and_media_type(data, name, media_type, format_name):
    logo = logo_of(data, name)
    assert logo == Logo(data, media_type)
    assert logo.format == format_name


@pytest.mark.parametrize(
    ("data", "media_type", "problem"),
    [
        (PNG, "image/png", None),
        (JPEG, "image/jpeg", None),
        (SVG, "image/svg+xml", None),
        (b"", "image/png", "it is empty"),
        (JPEG, "image/png", "it is not a PNG image"),
        (PNG, "image/jpeg", "it is not a JPEG image"),
        (b"<html><body>not a picture</body></html>", "image/svg+xml", "it is not an SVG image"),
        (b"<svg" + b"\xff" * 10, "image/svg+xml", "it is not an SVG image"),
        (b"\x89PNG\r\n\x1a\n" + b"\0" * MAX_LOGO_BYTES, "image/png", "it is larger than 2 MB"),
    ],
)  # fmt: skip
def test_content_problem(data, media_type, problem):
    assert content_problem(data, media_type) == problem


def test_the_data_uri_holds_the_bytes():
    uri = Logo(PNG, "image/png").data_uri
    prefix = "data:image/png;base64,"
    assert uri.startswith(prefix)
    assert base64.b64decode(uri[len(prefix) :]) == PNG


def test_no_setting_no_logo():
    assert read_logo("") is None


def test_read_logo_reads_the_file(tmp_path):
    path = tmp_path / "center.svg"
    path.write_bytes(SVG)
    assert read_logo(str(path)) == Logo(SVG, "image/svg+xml")


@pytest.mark.parametrize(
    ("name", "content", "sentence"),
    [
        ("missing.png", None, "cannot be read (no such file or directory)"),
        ("folder.png", "dir", "cannot be read"),
        ("renamed.png", JPEG, "cannot be used: it is not a PNG image"),
        ("logo.gif", b"GIF89a", "is not a .png, .jpg, .jpeg or .svg file"),
    ],
)  # fmt: skip
def test_a_logo_that_cannot_be_used_is_one_sentence(tmp_path, name, content, sentence):
    path = tmp_path / name
    if content == "dir":
        path.mkdir()
    elif content is not None:
        path.write_bytes(content)
    with pytest.raises(UserError) as raised:
        read_logo(str(path))
    message = str(raised.value)
    assert message.startswith(f"the logo {path} ")
    assert sentence in message and message.endswith("fix the logo setting")
    assert "\n" not in message
