"""Topics fire on enough evidence, in either language, and say which terms fired."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from binational.errors import UserError
from binational.registry.topics import (
    TopicTagger,
    bundled_tagger,
    load_taxonomy,
    tag_topics,
    topic_slugs,
)

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_REPORT = ROOT / "data" / "samples" / "cbi-report-2023-q2.txt"
EXPECTED_TOPICS = {
    "security", "migration", "trade-economy", "labor", "energy-environment", "water",
    "consular-affairs", "health", "infrastructure-transport", "education-culture",
    "development-cooperation", "border-management",
}  # fmt: skip


def test_bundled_taxonomy_has_the_twelve_bilingual_topics() -> None:
    taxonomy = load_taxonomy()
    assert {topic.slug for topic in taxonomy.topics} == EXPECTED_TOPICS
    for topic in taxonomy.topics:
        assert topic.name_en and topic.name_es
        assert topic.strong_en and topic.strong_es and topic.terms_en and topic.terms_es


@pytest.mark.parametrize(
    ("text", "topic", "term"),
    [
        ("Officials discussed fentanyl.", "security", "fentanyl"),
        ("Se habló del combate al narcotráfico.", "security", "narcotráfico"),
        ("Las FENTANILO incautaciones", "security", "fentanilo"),
        ("The Colorado River shortage", "water", "colorado river"),
        ("entregas de agua del Río Bravo", "water", "río bravo"),
        ("protección consular a connacionales", "consular-affairs", "protección consular"),
        ("labor rights at the plant", "labor", "labor rights"),
        ("new ports of entry", "infrastructure-transport", "ports of entry"),
        ("becas para estudiantes", "education-culture", "becas"),
        ("the opioid overdoses", "health", "overdose"),
        (
            "cooperación para el desarrollo en Centroamérica",
            "development-cooperation",
            "cooperación para el desarrollo",
        ),
        ("seguridad fronteriza", "border-management", "seguridad fronteriza"),
        ("asylum seekers", "migration", "asylum"),
        ("energías limpias", "energy-environment", "energías limpias"),
        ("nuevos aranceles", "trade-economy", "aranceles"),
    ],
)
def test_a_strong_term_fires_its_topic(text: str, topic: str, term: str) -> None:
    hits = {hit.slug: hit for hit in tag_topics(text)}
    assert topic in hits, hits
    assert term in hits[topic].terms


@pytest.mark.parametrize(
    "text",
    [
        "The border.",  # one ordinary term is not enough
        "Security matters.",
        "La frontera.",
        "The parties met in a hotel.",
        "",
    ],
)
def test_one_ordinary_term_is_not_enough(text: str) -> None:
    assert tag_topics(text) == []


def test_two_ordinary_terms_fire_and_are_reported() -> None:
    hits = tag_topics("Customs officers at the border checked cargo.")
    assert topic_slugs(hits) == ("border-management",)
    assert hits[0].terms == ("customs", "border", "cargo")
    assert (hits[0].name_en, hits[0].name_es) == ("Border management", "Gestión fronteriza")


def test_terms_are_whole_words_only() -> None:
    assert tag_topics("Seaport? No: the word is 'gassy' and 'trademark'.") == []


def test_spelling_variants_are_one_term() -> None:
    hits = tag_topics("El cártel y el cartel; los cárteles.")
    assert hits[0].terms == ("cartel",)  # the English term comes first in the taxonomy


@pytest.mark.parametrize(
    ("item", "must", "must_not"),
    [
        (1, {"security"}, {"trade-economy", "water"}),
        (3, {"security", "health"}, {"labor"}),
        (6, {"labor"}, {"security", "water"}),
        (7, {"consular-affairs", "labor"}, {"security"}),
        (8, {"labor"}, {"water", "health"}),
        (9, {"migration", "border-management"}, {"water"}),
        (11, {"development-cooperation"}, {"security"}),
        (12, {"consular-affairs", "migration"}, {"water"}),
        (13, {"infrastructure-transport"}, {"security", "health"}),
        (14, {"trade-economy"}, {"security", "migration"}),
    ],
)
def test_sample_report_items_get_the_topics_an_analyst_expects(
    item: int, must: set[str], must_not: set[str]
) -> None:
    text = SAMPLE_REPORT.read_text(encoding="utf-8")
    parts = re.split(r"(?m)^(?=\d+\) )", text)
    item_text = next(part for part in parts if part.startswith(f"{item}) "))
    found = set(topic_slugs(tag_topics(item_text)))
    assert must <= found, found
    assert not (must_not & found), found


def test_a_custom_taxonomy_file_is_validated(tmp_path: Path) -> None:
    good = tmp_path / "topics.yaml"
    good.write_text(
        "topics:\n  - {slug: rivers, name_en: Rivers, name_es: Ríos, strong_en: [river]}\n"
    )
    tagger = TopicTagger.build(load_taxonomy(good))
    assert topic_slugs(tag_topics("A river runs", tagger)) == ("rivers",)
    bad = tmp_path / "bad.yaml"
    bad.write_text("topics:\n  - {slug: Rivers, name_en: Rivers, name_es: Ríos, colour: blue}\n")
    with pytest.raises(UserError, match="bad.yaml, field topics.0"):
        load_taxonomy(bad)


def test_bundled_tagger_is_built_once() -> None:
    assert bundled_tagger() is bundled_tagger()
