"""The institution page's plain data: its implications in the reader's language."""

import dataclasses

import pytest

from binational.registry.loader import load_registry
from binational.web.views.institutions import implications_view


@pytest.fixture(scope="module")
def hled():
    return load_registry().institution("hled")


@pytest.mark.parametrize(
    ("english", "spanish", "language", "expected"),
    [
        ("", "", "en", None),
        ("", "", "es", None),
        ("It matters.\n\nA second point.", "", "en",
         {"lang": "en", "paragraphs": ["It matters.", "A second point."]}),
        ("It matters.", "", "es", {"lang": "en", "paragraphs": ["It matters."]}),
        ("It matters.", "Importa.", "es", {"lang": "es", "paragraphs": ["Importa."]}),
        ("It matters.", "Importa.", "en", {"lang": "en", "paragraphs": ["It matters."]}),
    ],
)  # fmt: skip
def test_implications_in_the_readers_language(hled, english, spanish, language, expected):
    entry = dataclasses.replace(hled, implications_en=english, implications_es=spanish)
    assert implications_view(entry, language) == expected
