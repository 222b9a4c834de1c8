"""Rendering a page: the template plus what every page needs (the visitor, their
language, the CSRF token for forms)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup
from starlette.types import Scope

from binational.accounts.roles import ANONYMOUS, Role
from binational.domain import Period
from binational.language import written_language
from binational.publish.scorecard_words import period_label
from binational.web.i18n.translator import COOKIE, LANGUAGES, Translator, choose_language

TEMPLATES = Path(__file__).parent / "templates"


class RecordEnvironment(Environment):
    """Jinja2 reading ``record.name`` of a plain dict (the pages' records are dicts)
    as its key at once. Jinja tries the attribute first and takes the key after
    the ``AttributeError``: the same answer, since a dict's only attributes are its
    methods, which are still looked up as attributes; raising and catching that error
    for every field a page shows was a tenth of rendering an event page."""

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict and attribute not in _DICT_ATTRIBUTES:
            try:
                return obj[attribute]
            except KeyError:
                pass
        return super().getattr(obj, attribute)


_DICT_ATTRIBUTES = frozenset(dir(dict))


def template_environment(auto_reload: bool = False) -> Environment:
    """Jinja2 with autoescape on for every template (they are all HTML). A template
    is compiled when first used (``compile_templates`` compiles them all at once)."""
    environment = RecordEnvironment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        auto_reload=auto_reload,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["web_url"] = web_url
    environment.filters["text_language"] = written_language
    environment.filters["period_label"] = period_words
    return environment


def compile_templates(environment: Environment) -> None:
    """Compile every page template now, as a serving process does before its first
    request, so no visitor waits for one. (Not in ``template_environment``: every app
    built by a test or a command would pay for all of them; docs/benchmarks.md,
    "Tests".)"""
    for name in environment.list_templates(extensions=["html"]):
        environment.get_template(name)


def period_words(period: str, language: str) -> str:
    """'2023Q2' in words in the page's language: 'April-June 2023', 'abril-junio de 2023'."""
    return period_label(Period.parse(period), language)


def web_url(url: str | None) -> str:
    """An address from the data as a link target only if it is http(s); anything
    else (``javascript:``, ``data:``) becomes an inert '#'."""
    if url and url.strip().lower().startswith(("https://", "http://")):
        return url.strip()
    return "#"


def request_language(request: Request) -> str:
    return choose_language(request.cookies.get(COOKIE), request.headers.get("accept-language"))


def render_fragment(templates: Environment, name: str, language: str, **context: Any) -> Markup:
    """A part of a page that depends on no visitor (no actor, no CSRF token), only
    on ``context`` and the language: safe to cache and to share between visitors."""
    html = templates.get_template(name).render(t=Translator(language), lang=language, **context)
    return Markup(html)


def page_path(scope: Scope) -> str:
    """``request.url.path``, read from the scope as Starlette reads it, without
    building the whole URL (host, scheme, parsing), which a page does not need."""
    return scope["path"].replace("?", "%3F").replace("#", "%23").replace("\\", "%5C")


def render(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    web = request.app.state.web
    actor = getattr(request.state, "actor", None) or ANONYMOUS
    language = request_language(request)
    template = web.templates.get_template(name)
    html = template.render(
        request=request,
        path=page_path(request.scope),
        query=request.scope["query_string"].decode(),
        actor=actor,
        Role=Role,
        lang=language,
        languages=LANGUAGES,
        t=Translator(language),
        names=web.page_labels[language],  # registry and taxonomy names (web/page_labels)
        csrf_token=request.state.session.csrf_token,
        settings=web.settings,
        **context,
    )
    return HTMLResponse(html, status_code=status, headers={"Vary": "Cookie, Accept-Language"})
