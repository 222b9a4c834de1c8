"""ETags and If-None-Match (RFC 9110's weak comparison)."""

import pytest

from binational.web.http.etags import entity_tag, matches

TAG = entity_tag(b'{"a": 1}')


def test_the_tag_follows_the_bytes():
    assert entity_tag(b'{"a": 1}') == TAG and entity_tag(b'{"a": 2}') != TAG
    assert TAG.startswith('"') and TAG.endswith('"')


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (None, False),
        ("", False),
        (TAG, True),
        (f"W/{TAG}", True),
        (f'"other", {TAG}', True),
        ("*", True),
        ('"other"', False),
        (TAG[:-2] + '"', False),
    ],
)
def test_if_none_match(header, expected):
    assert matches(header, TAG) is expected
