"""Low-level Word pieces python-docx has no API for: hyperlinks, the Hyperlink
character style, clean core properties, and reproducible zip packaging.

Kept apart from ``docx.py`` (the report's layout) because it speaks WordprocessingML.
Callers import python-docx lazily; so does this module.
"""

from __future__ import annotations

import io
import zipfile
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from docx.document import Document
    from docx.text.paragraph import Paragraph

HYPERLINK_STYLE = "Hyperlink"  # Word's built-in name, so Word treats it as its own
HYPERLINK_COLOR = "0563C1"  # Word's default hyperlink blue
# The earliest time a zip entry can carry: a fixed stamp makes equal reports equal files.
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


def ensure_hyperlink_style(document: Document) -> None:
    """Add the 'Hyperlink' character style (blue, underlined) if the template lacks it
    (python-docx's default template does)."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_UNDERLINE
    from docx.shared import RGBColor

    if any(style.name == HYPERLINK_STYLE for style in document.styles):
        return
    style = document.styles.add_style(HYPERLINK_STYLE, WD_STYLE_TYPE.CHARACTER)
    style.font.color.rgb = RGBColor.from_string(HYPERLINK_COLOR)
    style.font.underline = WD_UNDERLINE.SINGLE
    style.priority = 99
    style.unhide_when_used = True


def add_hyperlink(paragraph: Paragraph, url: str, text: str) -> None:
    """Append a real ``w:hyperlink`` to ``paragraph``: an external relationship to
    ``url`` and one run in the Hyperlink style showing ``text``."""
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    relationship_id = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    hyperlink = OxmlElement("w:hyperlink")
    hyperlink.set(qn("r:id"), relationship_id)
    run = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), HYPERLINK_STYLE)
    properties.append(style)
    run.append(properties)
    text_element = OxmlElement("w:t")
    text_element.text = text
    text_element.set(qn("xml:space"), "preserve")
    run.append(text_element)
    hyperlink.append(run)
    paragraph._p.append(hyperlink)


def set_core_properties(document: Document, *, title: str, author: str, language: str) -> None:
    """Title, author and language of the file; drop the template's creation and
    modification dates (2013, from python-docx's template), which would be false."""
    from docx.oxml.ns import qn

    properties = document.core_properties
    properties.title = title
    properties.author = author
    properties.last_modified_by = author
    properties.language = language
    properties.revision = 1
    element = properties._element
    for tag in ("dcterms:created", "dcterms:modified", "cp:lastPrinted"):
        for child in element.findall(qn(tag)):
            element.remove(child)


def save_reproducibly(document: Document) -> bytes:
    """The .docx bytes with every zip entry stamped ``ZIP_EPOCH``.

    python-docx stamps entries with the current time, so the same report would give
    different bytes on every run; repacking makes the renderer a pure function.
    """
    buffer = io.BytesIO()
    document.save(buffer)
    repacked = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as source,
        zipfile.ZipFile(repacked, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_EPOCH)
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, source.read(info.filename))
    return repacked.getvalue()
