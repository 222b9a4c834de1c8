"""Pages to HTML with the site's own Jinja2 templates (``templates/``)."""

from __future__ import annotations

import hashlib
from functools import cached_property
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from binational.site import labels
from binational.site.labels import translator
from binational.site.page import Page

TEMPLATES = Path(__file__).parent / "templates"
STATIC = Path(__file__).parent / "static"
PUBLISH = Path(__file__).parent.parent / "publish"


def drawing_code() -> list[Path]:
    """The code that words and draws what pages show besides their templates: the
    site's own modules, the pictures and the scorecard's words and rows."""
    site = Path(__file__).parent
    return [*site.glob("*.py"), *(PUBLISH / "pictures").glob("*.py"),
            *PUBLISH.glob("scorecard_*.py")]  # fmt: skip


class Renderer:
    """One Jinja2 environment for a build; ``version`` changes whenever a template,
    a static file, the interface text or the code that words and draws the pages
    changes, so every page is written again."""

    def __init__(self) -> None:
        self.environment = Environment(
            loader=FileSystemLoader(TEMPLATES),
            autoescape=select_autoescape(("html",)),
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self._translators = {lang: translator(lang) for lang in labels.LABELS}

    @cached_property
    def version(self) -> str:
        digest = hashlib.sha256()
        for path in sorted([*TEMPLATES.glob("*.html"), *STATIC.iterdir(), *drawing_code()]):
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
        return digest.hexdigest()

    def render(self, page: Page, **extra: Any) -> bytes:
        template = self.environment.get_template(page.template)
        html = template.render(
            page=page.context, t=self._translators[page.lang], tr=self._translators, **extra
        )
        return html.encode("utf-8")
