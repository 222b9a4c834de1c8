"""web/i18n/text_language.py: which texts a page marks with their own language."""

import pytest

from binational.web.i18n.text_language import lang_attribute


@pytest.mark.parametrize(
    ("language", "page", "attribute"),
    [("en", "es", ' lang="en"'), ("en", "en", ""), ("es", "en", ' lang="es"'), ("es", "es", "")],
)
def test_lang_attribute(language, page, attribute):
    assert lang_attribute(language, page) == attribute
