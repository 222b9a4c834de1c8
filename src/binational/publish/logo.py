"""The organization's logo in a published document, as plain data: the image's bytes
and media type, carried by ``ReportDocument`` and ``ScorecardDocument`` beside the
organization's name.

``read_logo`` reads the ``logo`` setting's file once, where a document is built
(``reports/service.py``, the scorecard's callers), and checks that it holds the image
its name says: a PNG, a JPEG or an SVG, of a size that fits in a report. Renderers
never read the file themselves: the HTML carries it as a data: URI (the file stays
self-contained), the PDF receives it as data through Typst's ``sys.inputs``, Word as
a picture (an SVG drawn as PNG first, as Word does not read SVG everywhere).
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass
from pathlib import Path

from binational.config import LOGO_TYPES
from binational.errors import UserError

SVG = "image/svg+xml"
# A logo is a small picture; a larger file is almost surely the wrong one, and every
# HTML report would carry it.
MAX_LOGO_BYTES = 2_000_000
# How high the logo is printed beside the organization's name, in CSS pixels.
LOGO_HEIGHT = 48
_SVG_ROOT = re.compile(rb"<svg[\s>]")


@dataclass(frozen=True)
class Logo:
    """An image file's bytes and its media type (``image/png``, ``image/jpeg`` or
    ``image/svg+xml``)."""

    data: bytes
    media_type: str

    @property
    def data_uri(self) -> str:
        """The image as a ``data:`` URI, for an ``<img>`` of a self-contained page."""
        return f"data:{self.media_type};base64,{base64.b64encode(self.data).decode('ascii')}"

    @property
    def format(self) -> str:
        """Typst's name of the image's format: 'png', 'jpg' or 'svg'."""
        return {"image/png": "png", "image/jpeg": "jpg", SVG: "svg"}[self.media_type]


def content_problem(data: bytes, media_type: str) -> str | None:
    """Why ``data`` is not an image of ``media_type``, or None."""
    if not data:
        return "it is empty"
    if len(data) > MAX_LOGO_BYTES:
        return f"it is larger than {MAX_LOGO_BYTES // 1_000_000} MB"
    if media_type == "image/png" and not data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "it is not a PNG image"
    if media_type == "image/jpeg" and not data.startswith(b"\xff\xd8\xff"):
        return "it is not a JPEG image"
    if media_type == SVG and not (_SVG_ROOT.search(data[:4096]) and is_utf8(data)):
        return "it is not an SVG image"
    return None


def is_utf8(data: bytes) -> bool:
    """Whether ``data`` is UTF-8 text (an SVG is read as text: Typst and Word's PNG)."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def logo_of(data: bytes, name: str) -> Logo:
    """The logo in ``data``, read from the file called ``name``; one sentence when the
    bytes are not the image the name says."""
    media_type = LOGO_TYPES.get(Path(name).suffix.lower())
    if media_type is None:
        raise UserError(f"the logo {name} is not a .png, .jpg, .jpeg or .svg file; "
                        "fix the logo setting")  # fmt: skip
    problem = content_problem(data, media_type)
    if problem is not None:
        raise UserError(f"the logo {name} cannot be used: {problem}; fix the logo setting")
    return Logo(data, media_type)


def read_logo(path: str) -> Logo | None:
    """The logo in the file at ``path`` (the ``logo`` setting), None when it is empty;
    one sentence when the file cannot be read or is not the image its name says."""
    if not path:
        return None
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        reason = error.strerror or "it cannot be read"
        raise UserError(f"the logo {path} cannot be read ({reason.lower()}); "
                        "fix the logo setting") from None  # fmt: skip
    return logo_of(data, path)
