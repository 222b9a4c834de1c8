"""The site's Jinja2 environment: page contexts are read as dict keys first, and
the header and footer are rendered once per language."""

import pytest

from binational.site.render import Renderer, SiteEnvironment


@pytest.mark.parametrize(
    ("source", "context", "text"),
    [
        ("{{ row.items }}", {"row": {"items": 14}}, "14"),  # the key, not dict.items
        ("{{ row.title }}", {"row": {"title": "Diálogo"}}, "Diálogo"),
        ("{{ row.get('x', 'none') }}", {"row": {}}, "none"),  # no such key: the method
        ("{{ 'abc'.upper() }}", {}, "ABC"),  # not a dict: attributes as Jinja reads them
        ("{% for k, v in row.items() %}{{ k }}={{ v }}{% endfor %}", {"row": {"a": 1}}, "a=1"),
    ],
)
def test_dict_keys_come_before_attributes(source, context, text):
    assert SiteEnvironment().from_string(source).render(**context) == text


def test_the_chrome_is_rendered_once_per_language_and_base_path():
    renderer = Renderer()
    english = renderer.chrome("en", "/repo/", "Center")
    assert renderer.chrome("en", "/repo/", "Center") is english
    spanish = renderer.chrome("es", "/repo/", "Center")
    assert 'href="/repo/en/events/"' in english["header"]
    assert 'href="/repo/es/events/"' in spanish["header"] and "Center" in spanish["footer"]
