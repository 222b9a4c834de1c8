"""language.py: the language a text of the data is written in."""

import pytest

from binational.language import written_language

ENGLISH = ("The committee met in Washington and the delegations agreed to meet again in "
           "the autumn, with the support of their teams.")  # fmt: skip
SPANISH = ("El comité se reunió en la Ciudad de México y los delegados acordaron que las "
           "reuniones del grupo sean para el bien de los dos países y sus pueblos.")  # fmt: skip


@pytest.mark.parametrize(
    ("text", "default", "language"),
    [
        (ENGLISH, "en", "en"),
        (SPANISH, "en", "es"),
        ("USMCA", "en", "en"),  # too short to tell: the reports' English
        ("USMCA", "es", "es"),
        (f"{ENGLISH} {SPANISH}", "en", "en"),  # neither dominates
    ],
)
def test_written_language(text, default, language):
    assert written_language(text, default) == language
