"""Where pages live and how they link (pure)."""

import pytest

from binational.site import urls


@pytest.mark.parametrize(
    ("base_url", "prefix", "origin"),
    [
        (None, "/", ""),
        ("https://example.org", "/", "https://example.org"),
        ("https://example.org/", "/", "https://example.org"),
        ("https://example.org/repo", "/repo/", "https://example.org"),
        ("http://127.0.0.1:8000/a/b/", "/a/b/", "http://127.0.0.1:8000"),
    ],
)
def test_base_path_and_origin(base_url, prefix, origin):
    assert urls.base_path(base_url) == prefix
    assert urls.origin(base_url) == origin


@pytest.mark.parametrize(
    ("path", "link"),
    [
        ("en/events/2023/3.html", "/repo/en/events/2023/3.html"),
        ("en/institutions/hled/index.html", "/repo/en/institutions/hled/"),
        ("index.html", "/repo/"),
        ("en/feed.xml", "/repo/en/feed.xml"),
    ],
)
def test_link(path, link):
    assert urls.link("/repo/", path) == link


def test_archive_keys_are_stable_and_distinct():
    assert urls.archive_key("https://a.example/x") == urls.archive_key("https://a.example/x")
    assert urls.archive_key("https://a.example/x") != urls.archive_key("https://a.example/y")
    assert len(urls.archive_key("https://a.example/x")) == 16
