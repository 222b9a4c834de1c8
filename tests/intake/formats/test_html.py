from __future__ import annotations

import pytest

from binational.intake.extracted import TextLine
from binational.intake.formats.html import extract_html
from binational.intake.parsed import ReportFormatError


def test_blocks_links_and_skipped_parts():
    page = (
        "<html><head><title>Not text</title><style>p {}</style></head><body>"
        "<nav><ol><li><a href='#item-1'>1) In the contents</a></li></ol></nav>"
        "<h1>Report | April-June   2023</h1>"
        "<h3><span>1)</span> Reunión en <em>Querétaro</em></h3>"
        "<p><time>April 12, 2023</time> <a href='https://sre.gob.mx/a?x=1&amp;y=2'>Link</a></p>"
        "<p>First line<br>second line &amp; more</p><script>var x = '1) no';</script>"
        "<ul><li>• Institutional context - Background.</li></ul>"
        "</body></html>"
    )
    assert extract_html(page.encode(), "a.html") == [
        TextLine("Report | April-June 2023"),
        TextLine("1) Reunión en Querétaro"),
        TextLine("April 12, 2023 Link", ("https://sre.gob.mx/a?x=1&y=2",)),
        TextLine("First line"),
        TextLine("second line & more"),
        TextLine("• Institutional context - Background."),
    ]


def test_encoding_from_meta_and_windows_1252_fallback():
    declared = '<meta charset="iso-8859-1"><p>Café</p>'.encode("latin-1")
    undeclared = "<p>Café “quoted”</p>".encode("cp1252")
    assert extract_html(declared, "a.html") == [TextLine("Café")]
    assert extract_html(undeclared, "b.html") == [TextLine("Café “quoted”")]


def test_deep_nesting_does_not_exhaust_the_stack():
    nested = "<span>" * 200 + "Report | 2023" + "</span>" * 200
    assert extract_html(nested.encode(), "a.html") == [TextLine("Report | 2023")]
    # Past libxml2's depth limit the rest of the page is dropped, without an error.
    deep = "<div>" * 5000 + "Report | 2023" + "</div>" * 5000
    assert isinstance(extract_html(deep.encode(), "deep.html"), list)


def test_binary_is_refused():
    with pytest.raises(ReportFormatError, match="binary"):
        extract_html(b"<p>\x00\x01</p>", "a.html")
