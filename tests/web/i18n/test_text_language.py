"""web/i18n/text_language.py: which texts a page marks with their own language."""

import pytest

from binational.web.i18n.text_language import lang_attribute


@pytest.mark.parametrize(
    ("text", "page", "attribute"),
    [
        ("The committee met in Washington and the delegations agreed to meet again in "
         "the autumn, with the support of their teams.", "es", ' lang="en"'),
        ("The committee met in Washington and the delegations agreed to meet again in "
         "the autumn, with the support of their teams.", "en", ""),
        ("El comité se reunió en la Ciudad de México y los delegados acordaron que las "
         "reuniones del grupo sean para el bien de los dos países y sus pueblos.", "en",
         ' lang="es"'),
        ("USMCA", "es", ' lang="en"'),  # too short to tell: the reports' English
    ],
)  # fmt: skip
def test_lang_attribute(text, page, attribute):
    assert lang_attribute(text, page) == attribute
