"""Plain text: strict UTF-8 (a byte-order mark is allowed), one line per paragraph.

A written-out URL after a date ('Link <https://...>') is read by the layouts, not here.
"""

from __future__ import annotations

from binational.intake.extracted import TextLine, lines_of_text
from binational.intake.parsed import ReportFormatError

BINARY_PROBE = 4096  # bytes looked at for a NUL, the mark of a binary file


def decode_text(data: bytes, name: str) -> str:
    """Strict UTF-8 (a BOM is allowed); anything else is refused in one sentence."""
    if not data.strip() or not data.lstrip(b"\xef\xbb\xbf").strip():
        raise ReportFormatError(f"{name} is empty")
    if b"\x00" in data[:BINARY_PROBE]:
        raise ReportFormatError(f"{name} is a binary file, not a text report")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ReportFormatError(
            f"{name} is not UTF-8 text (byte 0x{data[error.start]:02x} at offset "
            f"{error.start}); save it as UTF-8 and import it again"
        ) from None
    if "\x00" in text:
        raise ReportFormatError(f"{name} holds NUL characters; it is not a text report")
    return text


def extract_text(data: bytes, name: str) -> list[TextLine]:
    return lines_of_text(decode_text(data, name))
