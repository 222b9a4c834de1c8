"""The linker finds institutions and agencies in English and Spanish, with exact spans,
leaves ordinary words alone, resolves ambiguity by context, and meets the quality bar
on the hand-labelled fixtures."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from binational.registry.linker import Linker, Mention, collapse_mentions, windowed_matches
from binational.registry.loader import load_registry
from binational.registry.normalize import normalize_text

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_REPORT = ROOT / "data" / "samples" / "cbi-report-2023-q2.txt"
FIXTURES = ROOT / "tests" / "fixtures" / "linker"
ITEM_START = re.compile(r"^(\d+)\) ", re.MULTILINE)


@pytest.fixture(scope="module")
def linker() -> Linker:
    return Linker.build(load_registry())


def slugs(linker: Linker, text: str) -> set[str]:
    return {mention.slug for mention in linker.find(text)}


@pytest.mark.parametrize(
    ("text", "slug", "surface"),
    [
        ("the HLED met in Washington", "hled", "HLED"),
        ("the Diálogo Económico de Alto Nivel", "hled", "Diálogo Económico de Alto Nivel"),
        ("El Dialogo Economico de Alto Nivel", "hled", "Dialogo Economico de Alto Nivel"),
        ("US Mexico High Level Economic Dialogue", "hled", None),
        ("Mexico-U.S. High-Level Economic Dialogue", "hled", None),
        ("las reglas del T-MEC", "usmca", "T-MEC"),
        ("under CUSMA rules", "usmca", "CUSMA"),
        ("el Entendimiento Bicentenario", "bicentennial-framework", "Entendimiento Bicentenario"),
        ("Comisión Internacional de Límites y Aguas", "ibwc", None),
        ("COMISIÓN INTERNACIONAL DE LÍMITES Y AGUAS", "ibwc", None),
        ("la CILA informó", "ibwc", "CILA"),
        ("el BDAN aprobó", "nadbank", "BDAN"),
        ("NADBank financing", "nadbank", "NADBank"),
        ("Interparliamentary Meetings", "interparliamentary-meeting", None),
        ("Reuniones Interparlamentarias", "interparliamentary-meeting", None),
        ("North American Leaders’ Summit", "nals", "North American Leaders’ Summit"),
        ("North American Leaders Summit", "nals", "North American Leaders Summit"),
        ("the IMLEB's report", "imleb", "IMLEB"),
        ("la Sedena informó", "sedena", "Sedena"),
        ("Minute 323 expires", "minute-323", "Minute 323"),
        ("el Acta 319", "minute-319", "Acta 319"),
        ("the 1944 Water Treaty", "water-treaty-1944", "1944 Water Treaty"),
        ("Remain in Mexico", "migrant-protection-protocols", "Remain in Mexico"),
    ],
)  # fmt: skip
def test_finds_names_acronyms_and_aliases(
    linker: Linker, text: str, slug: str, surface: str | None
) -> None:
    surface = surface or text
    mentions = [m for m in linker.find(text) if m.slug == slug]
    assert mentions, linker.find(text)
    assert mentions[0].text == surface
    assert text[mentions[0].start : mentions[0].end] == surface


@pytest.mark.parametrize(
    "text",
    [
        "Mexico and the United States",  # a country is not an institution
        "México y Estados Unidos acordaron que se reunirán",  # Spanish "se"
        "Se acordó que el caso se resolverá pronto.",
        "Dean Acheson visited Mexico City.",  # DEAN as a first name
        "DEAN ACHESON VISITS MEXICO",  # ... even in a headline
        "ATFX shares rose; the ATFs file",  # acronym inside another word
        "the ice was thin and the sat phone rang",  # lowercase words, not ICE or SAT
        "He scored well on the SAT in Texas.",  # SAT needs Mexican context
        "la SE",  # too short to trust without context
        "the National Guard deployed in Texas",  # not Mexico's Guardia Nacional
        "USMCAX and TMECA are not acronyms",
        "the dialogue between the two presidents",
        "",
    ],
)
def test_leaves_ordinary_text_unlinked(linker: Linker, text: str) -> None:
    assert linker.find(text) == []


@pytest.mark.parametrize(
    ("text", "slug", "reason_part"),
    [
        ("El DEAN se reunió con la Secretaría de Economía", "hled", "related se"),
        ("La SE y el T-MEC", "se", "related usmca"),
        ("el Diálogo Económico de Alto Nivel (DEAN)", "hled", "long form"),
        ("Las exportaciones mexicanas, según la SE, crecieron", "se", "MX cue"),
        ("la Secretaría de Economía (SE) informó", "se", "long form"),
    ],
)
def test_risky_acronyms_resolve_by_context(
    linker: Linker, text: str, slug: str, reason_part: str
) -> None:
    acronyms = [m for m in linker.find(text) if m.slug == slug and m.text.isupper()]
    assert acronyms, linker.find(text)
    assert reason_part in acronyms[0].reason
    assert 0.5 < acronyms[0].confidence <= 0.9


@pytest.mark.parametrize(
    ("text", "linked"),
    [
        # SRE is linked in the first round; PDI, which needs context, only by it, in a second
        ("The office (SRE) wrote to PDI yesterday.", {"sre", "comprehensive-development-plan"}),
        ("The office wrote to PDI yesterday.", set()),
    ],
)  # fmt: skip
def test_a_link_made_by_context_supports_related_ones(linker: Linker, text: str, linked) -> None:
    assert slugs(linker, text) == linked
    reasons = {mention.slug: mention.reason for mention in linker.find(text)}
    if linked:
        assert reasons["comprehensive-development-plan"].endswith("related sre appears")


def test_longest_match_wins_on_overlap(linker: Linker) -> None:
    mentions = linker.find(
        "the U.S.-Mexico Bicentennial Framework for Security, Public Health, and Safe Communities"
    )
    assert [m.slug for m in mentions] == ["bicentennial-framework"]
    assert mentions[0].text.startswith("U.S.-Mexico Bicentennial")
    assert mentions[0].text.endswith("Safe Communities")


def test_confidence_orders_names_aliases_and_acronyms(linker: Linker) -> None:
    name, alias, acronym = (
        linker.find(text)[0]
        for text in ("Independent Mexico Labor Expert Board", "Mexico Labor Expert Board", "IMLEB")
    )
    assert name.confidence > alias.confidence > acronym.confidence
    both = linker.find("the Independent Mexico Labor Expert Board (IMLEB)")
    assert both[1].text == "IMLEB" and both[1].confidence > acronym.confidence


def test_mentions_are_frozen_and_in_text_order(linker: Linker) -> None:
    mentions = linker.find("La SRE, la SSPC y la Sedena; later the DHS and the CBP.")
    assert [m.slug for m in mentions] == ["sre", "sspc", "sedena", "dhs", "cbp"]
    assert all(isinstance(m, Mention) for m in mentions)
    with pytest.raises(AttributeError):
        mentions[0].slug = "x"  # type: ignore[misc]


def test_link_collapses_to_one_result_per_slug_with_first_mention(linker: Linker) -> None:
    text = "The HLED met. The High-Level Economic Dialogue will meet again; HLED co-chairs agreed."
    links = linker.link(text)
    assert [link.slug for link in links] == ["hled"]
    assert links[0].mentions == 3
    assert links[0].first.text == "HLED" and links[0].first.start == 4
    assert links[0].confidence == 0.95  # the best of its mentions
    assert collapse_mentions([]) == []


def test_shared_acronym_resolves_by_context_or_stays_unlinked(tmp_path: Path) -> None:
    entry = """\
  - slug: {slug}
    category: organization
    subtype: commission
    name_en: {name}
    name_es: {name}
    acronyms_en: [JBC]
    parties: [{party}]
    status: active
    lead_agencies: {{{party}: [{agency}]}}
    description: For tests.
    sources: [https://www.state.gov/]
"""
    (tmp_path / "agencies.yaml").write_text(
        "agencies:\n"
        "  - {slug: water-office, country: US, name_en: Water Office, name_es: Agua}\n"
        "  - {slug: health-office, country: MX, name_en: Health Office, name_es: Salud}\n"
    )
    basin = entry.format(
        slug="joint-basin-commission",
        name="Joint Basin Commission",
        party="US",
        agency="water-office",
    )
    clinic = entry.format(
        slug="joint-border-clinic", name="Joint Border Clinic", party="MX", agency="health-office"
    )
    (tmp_path / "organizations.yaml").write_text("institutions:\n" + basin + clinic)
    linker = Linker.build(load_registry(tmp_path))
    assert linker.find("The JBC met today.") == []
    by_related = linker.find("The Water Office said the JBC met today.")
    assert [m.slug for m in by_related] == ["water-office", "joint-basin-commission"]
    by_long_form = linker.find("The Joint Border Clinic (JBC) opened; the JBC hired nurses.")
    assert {m.slug for m in by_long_form} == {"joint-border-clinic"}
    assert len(by_long_form) == 3


def test_offsets_survive_newlines_accents_and_odd_spacing(linker: Linker) -> None:
    text = "Ayer,\n\n   la   Comisión  Internacional\nde Límites y Aguas (CILA) — y  el T‑MEC."
    for mention in linker.find(text):
        assert text[mention.start : mention.end] == mention.text
    assert [m.text for m in linker.find(text)][:2] == [
        "Comisión  Internacional\nde Límites y Aguas",
        "CILA",
    ]


# --- quality on hand-labelled fixtures ------------------------------------------------


def precision_recall(pairs: list[tuple[set[str], set[str]]]) -> tuple[float, float]:
    """Micro precision and recall over (expected, found) slug sets."""
    true_positives = sum(len(expected & found) for expected, found in pairs)
    found_total = sum(len(found) for _, found in pairs)
    expected_total = sum(len(expected) for expected, _ in pairs)
    precision = true_positives / found_total if found_total else 1.0
    recall = true_positives / expected_total if expected_total else 1.0
    return precision, recall


def split_report_items(text: str) -> dict[int, str]:
    starts = list(ITEM_START.finditer(text))
    return {
        int(match.group(1)): text[match.start() : following.start() if following else len(text)]
        for match, following in zip(starts, [*starts[1:], None], strict=True)
    }


def test_sample_report_items_are_split_as_labelled() -> None:
    items = split_report_items(SAMPLE_REPORT.read_text(encoding="utf-8"))
    labels = yaml.safe_load((FIXTURES / "sample_report_links.yaml").read_text())["items"]
    assert sorted(items) == sorted(labels) == list(range(1, 15))


def test_linker_quality_on_the_sample_report(linker: Linker) -> None:
    items = split_report_items(SAMPLE_REPORT.read_text(encoding="utf-8"))
    labels = yaml.safe_load((FIXTURES / "sample_report_links.yaml").read_text())["items"]
    pairs = [
        (set(label["institutions"]) | set(label["agencies"]), slugs(linker, items[number]))
        for number, label in labels.items()
    ]
    precision, recall = precision_recall(pairs)
    assert precision >= 0.9, pairs
    assert recall >= 0.9, pairs


def test_linker_quality_on_spanish_press_paragraphs(linker: Linker) -> None:
    paragraphs = yaml.safe_load((FIXTURES / "es_press.yaml").read_text())["paragraphs"]
    assert len(paragraphs) >= 12
    pairs = [(set(p["expected"]), slugs(linker, p["text"])) for p in paragraphs]
    precision, recall = precision_recall(pairs)
    assert precision >= 0.9, pairs
    assert recall >= 0.9, pairs


def test_precision_recall_arithmetic() -> None:
    assert precision_recall([({"a", "b"}, {"a", "c"}), (set(), set())]) == (0.5, 0.5)
    assert precision_recall([(set(), set())]) == (1.0, 1.0)


@pytest.mark.parametrize(
    ("release_id", "expected"),
    [
        ("ondcp-7th-nadd-2023", {"nadd", "nals"}),
        ("ustr-hled-2023-joint-statement", {"hled", "state", "commerce", "ustr", "sre", "se"}),
        (
            "hstoday-2nd-fentanyl-committee",
            {"trilateral-fentanyl-committee", "nals", "sspc", "dhs"},
        ),
        ("miami-beach-youth-safety", set()),
        ("es-xxi-dialogo-consular-2023", {"consular-dialogue", "sre", "sre-consular-protection"}),
        ("es-rubio-de-la-fuente-call-b", {"sre", "state"}),
    ],
)
def test_real_releases_link_as_an_analyst_would(
    linker: Linker, release_id: str, expected: set[str]
) -> None:
    releases = json.loads((ROOT / "tests" / "fixtures" / "releases.json").read_text("utf-8"))
    release = next(r for r in releases if r["id"] == release_id)
    assert slugs(linker, release["title"] + "\n" + release["text"]) == expected


@pytest.mark.parametrize("window", [1, 7, 64, 1000, 1 << 16])
def test_matches_read_window_by_window_are_every_match_once(linker: Linker, window: int) -> None:
    text = SAMPLE_REPORT.read_text(encoding="utf-8")
    data = normalize_text(text).ascii
    whole = linker.automaton.find_matches_as_indexes(data, overlapping=True)
    expected = sorted((index, start + 1, end - 1) for index, start, end in whole)
    assert len(expected) > 100
    found = windowed_matches(linker.automaton, data, linker.longest_key, window)
    assert sorted(zip(*found, strict=True)) == expected
