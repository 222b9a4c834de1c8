"""``intake.formats.extract_lines``: the extractor by extension, and a damaged file
of any kind as one sentence."""

from __future__ import annotations

import pytest

from binational.errors import UserError
from binational.intake.formats import extract_lines, format_of


@pytest.mark.parametrize(
    ("suffix", "fmt"),
    [(".txt", "txt"), (".TXT", "txt"), (".md", "md"), (".markdown", "md"), (".htm", "html"),
     (".html", "html"), (".docx", "docx"), (".pdf", "pdf")],
)  # fmt: skip
def test_format_of(suffix, fmt):
    assert format_of(suffix, "x") == fmt


@pytest.mark.parametrize("suffix", [".doc", ".rtf", ""])
def test_other_extensions_are_refused(suffix):
    with pytest.raises(UserError, match="binational imports reports in .txt, .md, .html"):
        format_of(suffix, "report" + suffix)


@pytest.mark.parametrize(
    ("suffix", "data", "message"),
    [
        (".docx", b"PK\x03\x04" + bytes(100), "is not a Word"),
        (".pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\n%%EOF", "cannot be read as a PDF"),
        (".pdf", b"%PDF-1.4\n" + bytes(200), "report.pdf"),
    ],
)
def test_damaged_files_are_one_sentence(suffix, data, message):
    with pytest.raises(UserError, match=message) as info:
        extract_lines(data, f"report{suffix}", suffix)
    assert "\n" not in str(info.value)


@pytest.mark.parametrize(("suffix", "limit"), [(".md", "1 MB"), (".html", "8 MB")])
def test_markup_formats_have_a_lower_size_bound(suffix, limit):
    data = b"[" * (9 * 1024 * 1024)
    with pytest.raises(UserError, match=f"is 9.0 MB; binational reads .* reports of up to {limit}"):
        extract_lines(data, f"big{suffix}", suffix)
