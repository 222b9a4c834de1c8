from __future__ import annotations

import pytest

from binational.intake.extracted import TextLine
from binational.intake.formats.text import decode_text, extract_text
from binational.intake.parsed import ReportFormatError


def test_lines_are_stripped_and_any_line_ending_works():
    data = "\ufeffReport | 2023\r\n  1) A\u00a0title  \r2) B\n".encode()
    assert extract_text(data, "a.txt") == [
        TextLine("Report | 2023"), TextLine("1) A title"), TextLine("2) B"), TextLine(""),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "is empty"),
        (b"\xef\xbb\xbf", "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("Report | 2023".encode("utf-16"), "binary"),
        ("Report | 2023\nCafé".encode("latin-1"), r"not UTF-8 text \(byte 0xe9 at offset 17\)"),
        (b"Report" + b" " * 5000 + b"\x00", "holds NUL characters"),
    ],
)
def test_refusals(data, message):
    with pytest.raises(ReportFormatError, match=message):
        decode_text(data, "file.txt")
