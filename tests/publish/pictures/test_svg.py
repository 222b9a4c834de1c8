"""The SVG writer: escaped text and attributes, short numbers, an accessible name and
description, no ``style`` attribute (the web app's CSP forbids inline styles)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from binational.publish.pictures.svg import Svg, attributes, number, shortened

NS = "{http://www.w3.org/2000/svg}"


@pytest.mark.parametrize(
    ("value", "text"), [(12, "12"), (12.5, "12.5"), (12.499999, "12.5"), (-0.001, "0"), (0.0, "0")]
)
def test_numbers_are_short(value, text):
    assert number(value) == text


def test_attribute_names_and_values():
    assert attributes({"font_size": 10, "text_anchor": "middle", "x": None}) == (
        ' font-size="10" text-anchor="middle"'
    )
    quoted = attributes({"fill": 'a"b<c'})
    assert ET.fromstring(f"<r{quoted}/>").get("fill") == 'a"b<c'


def test_text_from_the_data_cannot_become_markup():
    svg = Svg(100, 20, "Title <&>", "Desc </desc><script>x</script>", ident="p1")
    svg.text(1, 10, "</text><script>alert(1)</script>")
    root = ET.fromstring(svg.render())
    assert root.find(f"{NS}script") is None
    assert root.find(f"{NS}title").text == "Title <&>"
    assert root.find(f"{NS}desc").text == "Desc </desc><script>x</script>"
    assert root.find(f"{NS}text").text == "</text><script>alert(1)</script>"
    assert root.get("role") == "img" and root.get("aria-labelledby") == "p1-title p1-desc"
    assert "style=" not in svg.render()


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("Short", 10, "Short"),
        ("A  long   name here", 9, "A long n…"),
        ("Exactly10!", 10, "Exactly10!"),
    ],
)
def test_shortened_names(text, limit, expected):
    assert shortened(text, limit) == expected
