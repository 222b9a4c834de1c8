"""Pages to HTML with the site's own Jinja2 templates (``templates/``)."""

from __future__ import annotations

import hashlib
from functools import cached_property
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

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


class SiteEnvironment(Environment):
    """Jinja2's environment, reading ``page.title`` as the dict's key first: the
    pages' contexts are plain dicts, and Jinja's own order (the attribute first, the
    key on failure) raised and caught an AttributeError for nearly every lookup of
    30,000 pages. A key that is not there still falls back to the attribute."""

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict:
            try:
                return obj[attribute]
            except KeyError:
                pass
        return super().getattr(obj, attribute)


class Renderer:
    """One Jinja2 environment for a build; ``version`` changes whenever a template,
    a static file, the interface text or the code that words and draws the pages
    changes, so every page is written again."""

    def __init__(self) -> None:
        self.environment = SiteEnvironment(
            loader=FileSystemLoader(TEMPLATES),
            autoescape=select_autoescape(("html",)),
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            auto_reload=False,  # templates do not change during a build: no stat a page
        )
        self._translators = {lang: translator(lang) for lang in labels.LABELS}
        self._chrome: dict[tuple[str, str, str], dict[str, Markup]] = {}

    @cached_property
    def version(self) -> str:
        digest = hashlib.sha256()
        for path in sorted([*TEMPLATES.glob("*.html"), *STATIC.iterdir(), *drawing_code()]):
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
        return digest.hexdigest()

    def chrome(self, lang: str, prefix: str, organization: str) -> dict[str, Markup]:
        """The header and footer every page of ``lang`` shares (``chrome.html``),
        rendered once."""
        key = (lang, prefix, organization)
        found = self._chrome.get(key)
        if found is None:
            macros = self.environment.get_template("chrome.html").module
            t = self._translators[lang]
            found = self._chrome[key] = {
                "header": macros.header(t, prefix, lang),  # type: ignore[attr-defined]
                "footer": macros.footer(t, prefix, lang, organization),  # type: ignore[attr-defined]
            }
        return found

    def render(self, page: Page, **extra: Any) -> bytes:
        template = self.environment.get_template(page.template)
        frame = page.frame
        html = template.render(
            page=page.context, t=self._translators[page.lang], tr=self._translators,
            chrome=self.chrome(page.lang, frame.prefix, frame.organization), **extra,
        )  # fmt: skip
        return html.encode("utf-8")
