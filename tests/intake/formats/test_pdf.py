"""PDF files: printed by binational's renderer and by WeasyPrint from other HTML."""

from __future__ import annotations

import re

import pytest
from tests.publish.conftest import build_document, varied_entries

from binational.intake.formats.pdf import _ZERO_KERNED, _join_zero_kerned, extract_pdf
from binational.intake.parsed import ReportFormatError
from binational.publish.formats import RENDERERS


@pytest.mark.parametrize(
    ("stream", "joined"),
    [
        (b"[<0044>0<004a>0<0055>] TJ", b"[<0044004a0055>] TJ"),
        (b"[<0044>-250<004a>] TJ", b"[<0044>-250<004a>] TJ"),  # a real adjustment stays
        (b"[<004>0<4a>] TJ", b"[<004>0<4a>] TJ"),  # odd digits: joining would shift them
        (b"(a>0<b) Tj", b"(a>0<b) Tj"),
    ],
)
def test_zero_kerned_hex_strings_are_joined(stream, joined):
    assert _ZERO_KERNED.sub(_join_zero_kerned, stream) == joined


def test_a_report_printed_by_binational():
    document = build_document(varied_entries())
    lines = extract_pdf(RENDERERS["pdf"].render(document), "report.pdf")
    texts = [line.text for line in lines]
    first = document.entries[0]
    assert "Report | April-June 2023" in texts
    assert f"1) {first.title}" in texts
    assert first.summary[0] in texts and "Institutional Implications:" in texts
    dated = next(line for line in lines if line.text == "April 18, 2023 Link")
    assert dated.links == (first.url,)
    assert not any(re.fullmatch(r"Page \d+ of \d+", text) for text in texts)


def test_a_pdf_without_text_is_refused():
    from weasyprint import HTML

    blank = HTML(string="<html><body><div style='height: 5cm'></div></body></html>").write_pdf()
    with pytest.raises(ReportFormatError, match="has no text layer"):
        extract_pdf(blank, "scan.pdf")
