"""What event and institution pages show (pure builders)."""

import pytest

from binational.domain import PartialDate
from binational.site.archived import archived_text
from binational.site.contexts import date_text, paragraphs, title_language


@pytest.mark.parametrize(
    ("date", "lang", "text"),
    [
        (PartialDate.day(2023, 4, 14), "en", "April 14, 2023"),
        (PartialDate.day(2023, 4, 14), "es", "14 de abril de 2023"),
        (PartialDate.month(2023, 5), "en", "May 2023"),
        (PartialDate.month(2023, 5), "es", "mayo de 2023"),
    ],
)
def test_date_text(date, lang, text):
    assert date_text(date, lang) == text


@pytest.mark.parametrize(
    ("title", "lang"),
    [
        ("Se reúne el Diálogo Económico de Alto Nivel", "es"),
        ("North American Leaders Unite to Combat Fentanyl Crisis", "en"),
        ("Trilateral Fentanyl Committee meets in Mexico City", "en"),
        ("La SRE y el Departamento de Estado firman una carta de intención", "es"),
    ],
)
def test_title_language(title, lang):
    assert title_language(title) == lang


def test_paragraphs_drop_blank_lines():
    assert paragraphs("One.\n\n  Two.  \n") == ["One.", "Two."]


def test_archived_text_drops_a_repeated_title_and_tells_the_language():
    text = archived_text(
        "Comunicado",
        "Comunicado\nLos gobiernos de México y de los Estados Unidos acordaron una nueva "
        "agenda para la frontera y para el comercio entre los dos países con el apoyo de "
        "las secretarías.",
    )
    assert text.paragraphs[0].startswith("Los gobiernos") and text.lang == "es"


@pytest.mark.parametrize(
    ("english", "spanish", "lang", "paragraphs_shown", "shown_in"),
    [
        ("", "", "es", [], "en"),
        ("It matters.\n\nSecond.", "", "en", ["It matters.", "Second."], "en"),
        ("It matters.", "", "es", ["It matters."], "en"),
        ("It matters.", "Importa.", "es", ["Importa."], "es"),
        ("It matters.", "Importa.", "en", ["It matters."], "en"),
    ],
)  # fmt: skip
def test_institution_implications_in_the_pages_language(
    english, spanish, lang, paragraphs_shown, shown_in
):
    import dataclasses

    from binational.registry.loader import load_registry
    from binational.site.contexts import institution_context

    registry = load_registry()
    entry = dataclasses.replace(
        registry.institution("hled"), implications_en=english, implications_es=spanish
    )
    context = institution_context(entry, registry, [], lang, "/")
    assert (context["implications"], context["implications_lang"]) == (paragraphs_shown, shown_in)
