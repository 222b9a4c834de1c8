"""web/rendering.py: what every page is rendered with."""

import pytest
from starlette.requests import Request

from binational.web.rendering import page_path


@pytest.mark.parametrize("path", ["/events", "/events/12", "/a?b#c\\d", "/institutions/café"])
def test_page_path_is_starlettes_url_path(path):
    scope = {"type": "http", "path": path, "query_string": b"q=1", "headers": [(b"host", b"x")],
             "scheme": "http", "server": ("x", 80)}  # fmt: skip
    assert page_path(scope) == Request(scope).url.path
