"""web/page_labels.py: the names a page shows, per language, as text and as HTML."""

import pytest

from binational.registry.loader import load_registry
from binational.web.i18n.page_labels import PageLabels
from binational.web.i18n.translator import Translator

EVIL = "<b>\"&'</b>"
TOPICS = {"security": ("Security", "Seguridad"), "evil": (EVIL, "")}


@pytest.fixture(scope="module")
def registry():
    return load_registry()


@pytest.fixture(params=["en", "es"])
def labels(request, registry):
    return PageLabels(Translator(request.param), registry, TOPICS)


@pytest.mark.parametrize(
    ("facet", "value", "english", "spanish"),
    [
        ("month", "5", "May", "mayo"),
        ("status", "published", "published", "publicado"),
        ("category", "agreement", None, None),  # whatever the labels table says
        ("institution", "treaty-guadalupe-hidalgo", "Treaty of Guadalupe Hidalgo",
         "Tratado de Guadalupe Hidalgo"),
        ("institution", "state", "U.S. Department of State", None),  # an agency
        ("institution", "no-such-slug", "no-such-slug", "no-such-slug"),
        ("topic", "security", "Security", "Seguridad"),
        ("topic", "evil", EVIL, EVIL),  # no Spanish name: the English one
        ("topic", "unknown", "unknown", "unknown"),
        ("quarter", "2023Q2", "2023Q2", "2023Q2"),
    ],
)  # fmt: skip
def test_facet_names(labels, facet, value, english, spanish):
    t = labels.t
    expected = {
        "en": english,
        "es": spanish,
    }[t.language]
    if facet == "category":
        expected = t(f"category_{value}")
    if expected is None:  # an agency's Spanish name, as the registry has it
        entry = labels.registry.get(value)
        expected = t.pick(entry.name_en, entry.name_es)
    assert labels.facet(facet, value) == expected
    assert labels.facet(facet, value) == expected  # kept: the same answer again


def test_html_names_are_escaped(labels):
    assert labels.facet_html("topic", "evil") == "&lt;b&gt;&quot;&amp;&#x27;&lt;/b&gt;"
    assert labels.institution_link(EVIL) == (
        '<a href="/institutions/&lt;b&gt;&quot;&amp;&#x27;&lt;/b&gt;">'
        "&lt;b&gt;&quot;&amp;&#x27;&lt;/b&gt;</a>"
    )
    assert labels.status_badge("draft") == (
        f'<span class="badge status-draft">{labels.t("status_draft")}</span>'
    )


def test_institution_link_names_in_the_language(labels):
    link = labels.institution_link("treaty-guadalupe-hidalgo")
    name = {"en": "Treaty of Guadalupe Hidalgo", "es": "Tratado de Guadalupe Hidalgo"}
    assert link == f'<a href="/institutions/treaty-guadalupe-hidalgo">{name[labels.t.language]}</a>'


def test_memory_is_bounded(registry):
    labels = PageLabels(Translator("en"), registry, TOPICS, keep_at_most=5)
    names = [labels.facet("quarter", f"odd-{n}") for n in range(50)]
    assert names == [f"odd-{n}" for n in range(50)]  # every one still named
    assert labels.kept == 5


@pytest.mark.parametrize(
    ("field", "value", "english", "spanish"),
    [
        ("status", "published", "published", "publicado"),
        ("topics", ["security"], ["Security"], ["Seguridad"]),
        ("institution", "treaty-guadalupe-hidalgo", "Treaty of Guadalupe Hidalgo",
         "Tratado de Guadalupe Hidalgo"),
        ("summary", "as written", "as written", "as written"),
        ("number", 3, 3, 3),
    ],
)  # fmt: skip
def test_revision_values(labels, field, value, english, spanish):
    expected = english if labels.t.language == "en" else spanish
    assert labels.revision_value(field, value) == expected
