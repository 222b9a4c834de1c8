"""Pictures as PNG, for Word (a .docx cannot hold SVG that every Word reads): Typst
draws each SVG on a page of its own size and exports the pages as PNG.

Typst is already the PDF's engine (no new dependency, no system library); one
compile draws every picture of a document, in a few milliseconds each.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from binational.publish.pictures import Picture

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
TEMPLATE = TEMPLATES / "pictures.typ"
# Two pixels per CSS pixel: sharp on a high-resolution screen and in print.
PPI = 192


def pictures_png(pictures: Sequence[Picture], ppi: int = PPI) -> list[bytes]:
    """Each picture as PNG bytes, in order."""
    if not pictures:
        return []
    import typst

    data = json.dumps([{"svg": p.svg, "alt": p.alt} for p in pictures], ensure_ascii=False)
    pages = typst.compile(
        TEMPLATE, root=TEMPLATES, format="png", ppi=ppi, sys_inputs={"pictures": data}
    )
    pages = pages if isinstance(pages, list) else [pages]
    if len(pages) != len(pictures):
        raise RuntimeError(f"{len(pictures)} pictures gave {len(pages)} PNG pages")
    return [bytes(page) for page in pages]
