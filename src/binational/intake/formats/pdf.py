"""PDF through pdfminer.six: the text runs of each page with their positions, the
tagged paragraph each belongs to (``pdf_tags``, for a tagged PDF), and the page's link
annotations; ``pdf_layout`` makes paragraphs of them.

pdfminer's own layout analysis builds an object per glyph and groups them by
geometry; for a 100-page report that costs several seconds. Here a small text device
records one run per text operation (its start, end, baseline, font and the end of its
first word), which is all ``pdf_layout`` needs, at a fraction of the cost.

One more saving: producers such as WeasyPrint write every glyph as its own hex string
in a ``TJ`` array, ``[<0044>0<004a>0...] TJ``, with a zero adjustment between them;
joining those strings (``<0044004a...>``) draws exactly the same glyphs and spares the
content-stream parser hundreds of thousands of tokens.
"""

from __future__ import annotations

import io
import re
from typing import Any

from binational.intake.extracted import TextLine
from binational.intake.formats.pdf_layout import LinkArea, Page, Run, paragraphs
from binational.intake.formats.pdf_tags import paragraph_owners
from binational.intake.parsed import ReportFormatError

MAX_PAGES = 2000
# A run of hex strings joined by zero adjustments; each string of whole bytes (an
# even number of hex digits), so that joining them cannot shift a digit.
_ZERO_KERNED = re.compile(rb"<(?:[0-9A-Fa-f]{2})*>(?:0<(?:[0-9A-Fa-f]{2})*>)+")
# A gap in a TJ array wider than this share of the font size separates two words.
WORD_GAP = 0.2


def _join_zero_kerned(match: re.Match[bytes]) -> bytes:
    return match.group(0).replace(b">0<", b"")


def _device_class():
    from pdfminer.pdfdevice import PDFTextDevice
    from pdfminer.pdffont import PDFUnicodeNotDefined
    from pdfminer.utils import mult_matrix

    class RunCollector(PDFTextDevice):
        """Records one ``Run`` per text-showing operation, horizontal text only."""

        def __init__(self, rsrcmgr: Any) -> None:
            super().__init__(rsrcmgr)
            self.runs: list[Run] = []
            self.marks: list[int | None] = []  # MCIDs of the open marked-content sequences
            self.owners: list[int | None] = []  # this page's MCID -> paragraph element

        def begin_tag(self, tag, props=None) -> None:  # noqa: ANN001
            mcid = props.get("MCID") if isinstance(props, dict) else None
            self.marks.append(mcid if isinstance(mcid, int) else None)

        def end_tag(self) -> None:
            if self.marks:
                self.marks.pop()

        def paragraph(self) -> int | None:
            """The tagged paragraph the text being drawn belongs to, if known."""
            mcid = next((mark for mark in reversed(self.marks) if mark is not None), None)
            if mcid is None or not 0 <= mcid < len(self.owners):
                return None
            return self.owners[mcid]

        def render_string(self, textstate, seq, ncs, graphicstate) -> None:  # noqa: ANN001
            font = textstate.font
            if font is None or font.is_vertical() or self.ctm is None:
                return
            a, b, c, d, e, f = mult_matrix(textstate.matrix, self.ctm)
            fontsize = textstate.fontsize
            scaling = textstate.scaling * 0.01
            charspace = textstate.charspace * scaling
            wordspace = 0 if font.is_multibyte() else textstate.wordspace * scaling
            dxscale = 0.001 * fontsize * scaling
            x, y = textstate.linematrix
            size = abs(fontsize * (d if abs(d) >= abs(b) else b))
            chars: list[str] = []
            start = x
            first_word_end = None
            needcharspace = False
            for obj in seq:
                if isinstance(obj, (int, float)):
                    x -= obj * dxscale
                    needcharspace = True
                    if -obj * dxscale > WORD_GAP * fontsize and chars and chars[-1] != " ":
                        if first_word_end is None:
                            first_word_end = x + obj * dxscale
                        chars.append(" ")
                    continue
                if not isinstance(obj, bytes):
                    continue
                for cid in font.decode(obj):
                    if needcharspace:
                        x += charspace
                    try:
                        char = font.to_unichr(cid)
                    except (PDFUnicodeNotDefined, KeyError, IndexError, ValueError):
                        char = "\ufffd"
                    if char == " " and first_word_end is None and chars:
                        first_word_end = x
                    chars.append(char)
                    x += font.char_width(cid) * fontsize * scaling
                    if cid == 32 and wordspace:
                        x += wordspace
                    needcharspace = True
            textstate.linematrix = (x, y)
            if not chars:
                return
            y_device = b * start + d * y + f
            self.runs.append(
                Run(
                    x0=a * start + c * y + e,
                    x1=a * x + c * y + e,
                    y=y_device,
                    size=size,
                    font=getattr(font, "fontname", "") or "",
                    text="".join(chars),
                    first_word_x1=None
                    if first_word_end is None
                    else a * first_word_end + c * y + e,
                    block=self.paragraph(),
                )
            )

    return RunCollector


def _interpreter_class():
    from pdfminer.pdfinterp import PDFPageInterpreter
    from pdfminer.pdftypes import PDFStream, stream_value

    class JoiningInterpreter(PDFPageInterpreter):
        """Joins zero-kerned hex strings before the content stream is parsed."""

        def execute(self, streams) -> None:  # noqa: ANN001
            resolved = [stream_value(stream) for stream in streams]
            if not resolved:
                return
            data = b"".join(stream.get_data() or b"" for stream in resolved)
            joined = PDFStream({}, _ZERO_KERNED.sub(_join_zero_kerned, data))
            joined.objid = resolved[0].objid
            super().execute([joined])

    return JoiningInterpreter


def _link_areas(page: Any, origin: tuple[float, float]) -> tuple[LinkArea, ...]:
    """The page's links to URLs, in the device space of the runs (mediabox origin)."""
    from pdfminer.pdftypes import resolve1

    areas = []
    for annotation in resolve1(page.annots) or []:
        annotation = resolve1(annotation)
        if not isinstance(annotation, dict):
            continue
        subtype = resolve1(annotation.get("Subtype"))
        action = resolve1(annotation.get("A"))
        rect = resolve1(annotation.get("Rect"))
        if getattr(subtype, "name", None) != "Link" or not isinstance(action, dict):
            continue
        uri = resolve1(action.get("URI"))
        if not isinstance(uri, bytes | str) or not isinstance(rect, list) or len(rect) != 4:
            continue
        url = uri.decode("utf-8", "replace") if isinstance(uri, bytes) else uri
        x0, y0, x1, y1 = (float(resolve1(value)) for value in rect)
        dx, dy = origin
        areas.append(
            LinkArea(min(x0, x1) - dx, min(y0, y1) - dy, max(x0, x1) - dx, max(y0, y1) - dy,
                     url.strip())
        )  # fmt: skip
    return tuple(areas)


def read_pages(data: bytes, name: str) -> list[Page]:
    """Each page's text runs and link areas."""
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfinterp import PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    if not data.lstrip()[:5] == b"%PDF-":
        raise ReportFormatError(f"{name} is not a PDF file (it does not start with %PDF-)")
    manager = PDFResourceManager(caching=True)
    device = _device_class()(manager)
    interpreter = _interpreter_class()(manager, device)
    pages: list[Page] = []
    document = PDFDocument(PDFParser(io.BytesIO(data)))
    owners = paragraph_owners(document)
    for number, page in enumerate(PDFPage.create_pages(document), start=1):
        if number > MAX_PAGES:
            raise ReportFormatError(f"{name} has more than {MAX_PAGES} pages; it is not a report")
        device.runs, device.marks = [], []
        key = page.attrs.get("StructParents")
        device.owners = owners.get(key, []) if isinstance(key, int) else []
        interpreter.process_page(page)
        x0, y0, x1, y1 = (float(value) for value in page.mediabox)
        links = _link_areas(page, (min(x0, x1), min(y0, y1)))
        pages.append(Page(abs(x1 - x0), abs(y1 - y0), tuple(device.runs), links))
    return pages


def extract_pdf(data: bytes, name: str) -> list[TextLine]:
    pages = read_pages(data, name)
    if not any(page.runs for page in pages):
        raise ReportFormatError(
            f"{name} has no text layer (a scanned PDF?); binational reads PDFs with text"
        )
    return paragraphs(pages)
