"""Inputs of a draft: a source's language, declared or guessed."""

from __future__ import annotations

import pytest

from binational.drafting.inputs import SourceText

SPANISH = (
    "La Secretaría de Relaciones Exteriores, a través de los consulados, seguirá tomando las "
    "medidas necesarias para asistir y proteger a las personas mexicanas con sus familias, "
    "como se ha hecho para el bienestar de la comunidad, sobre todo en la frontera."
)
ENGLISH = "The Department of State and the consulates of Mexico on the border will meet " * 3


@pytest.mark.parametrize(
    ("language", "text", "lang"),
    [("es-MX", ENGLISH, "es"), ("EN", SPANISH, "en"), (None, SPANISH, "es"),
     (None, ENGLISH, "en"), (None, "Short.", "en"), ("", SPANISH, "es")],
)  # fmt: skip
def test_language_declared_else_guessed(language, text, lang):
    assert SourceText("https://example.org/", text, language).lang == lang
