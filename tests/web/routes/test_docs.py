"""The /docs page's own pieces (the page itself: tests/web/routes/test_api_contract.py)."""

import pytest

from binational.web.routes.docs import inline_markup


@pytest.mark.parametrize(
    ("text", "html"),
    [
        ("plain", "plain"),
        ("send `If-None-Match`", "send <code>If-None-Match</code>"),
        ("**Access**: any", "<strong>Access</strong>: any"),
        ("<script>`<b>`", "&lt;script&gt;<code>&lt;b&gt;</code>"),
    ],
)
def test_inline_markup_escapes_all_but_code_and_strong(text, html):
    assert str(inline_markup(text)) == html
