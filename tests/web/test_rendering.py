"""web/rendering.py: what every page is rendered with."""

import pytest
from starlette.requests import Request

from binational.web.rendering import page_path


@pytest.mark.parametrize("path", ["/events", "/events/12", "/a?b#c\\d", "/institutions/café"])
def test_page_path_is_starlettes_url_path(path):
    scope = {"type": "http", "path": path, "query_string": b"q=1", "headers": [(b"host", b"x")],
             "scheme": "http", "server": ("x", 80)}  # fmt: skip
    assert page_path(scope) == Request(scope).url.path


class _Attributes:
    title = "from an attribute"


@pytest.mark.parametrize(
    ("source", "context"),
    [
        ("{{ event.title }}", {"event": {"title": "from a key"}}),
        ("{{ event.items | list }}", {"event": {"items": [1, 2]}}),  # a method first
        ("{% for k, v in mapping.items() %}{{ k }}={{ v }};{% endfor %}",
         {"mapping": {"items": "a key named items", "b": 2}}),  # fmt: skip
        ("{{ mapping.get('b') }}", {"mapping": {"get": "a key named get", "b": 2}}),
        ("{{ event.missing is defined }}", {"event": {"title": "x"}}),
        ("{{ event.title }}", {"event": _Attributes()}),
        ("{{ event.__class__.__name__ }}", {"event": {}}),
        ("{{ event.title }}", {"event": type("Record", (dict,), {})(title="a subclass")}),
    ],
)
def test_record_environment_reads_what_jinja_reads(source, context):
    """Dict fields are looked up directly, with the answer Jinja's own lookup gives."""
    from jinja2 import Environment

    from binational.web.rendering import RecordEnvironment

    def rendered(kind: type[Environment]) -> str:
        try:
            return kind().from_string(source).render(**context)
        except TypeError as error:  # the same failure both ways counts as the same answer
            return f"TypeError: {error}"

    assert rendered(RecordEnvironment) == rendered(Environment)
