"""The Jinja2 environment for the report templates in ``publish/templates``.

Built once per process by a cached factory rather than at import time: importing
Jinja2 is a visible share of a command's start, and ``binational --help`` (or a txt
export) should not pay it.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jinja2 import Environment


@lru_cache(maxsize=1)
def template_environment() -> Environment:
    """The shared, read-only environment: autoescape on for HTML templates, strict
    about undefined names (a typo in a template fails loudly instead of printing
    nothing)."""
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    return Environment(
        loader=PackageLoader("binational.publish", "templates"),
        autoescape=select_autoescape(enabled_extensions=("html", "html.j2")),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
