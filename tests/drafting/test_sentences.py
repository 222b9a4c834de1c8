"""Sentence boundaries in English and Spanish keep exact offsets into the original."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from devset import load_pairs

from binational.drafting.sentences import segmenter_language, split_sentences

RELEASES = Path(__file__).resolve().parents[1] / "fixtures" / "releases.json"


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("He met Dr. Smith in Washington, D.C. on Jan. 5. Then he left.", "en",
         ["He met Dr. Smith in Washington, D.C. on Jan. 5.", "Then he left."]),
        ("The U.S. and Mexico agreed.  The U.S. will act.", "en",
         ["The U.S. and Mexico agreed.", "The U.S. will act."]),
        ("A headline without a stop\nThe body follows. It ends here.", "en",
         ["A headline without a stop", "The body follows.", "It ends here."]),
        ("The same. The same. The same.", "en", ["The same.", "The same.", "The same."]),
        ("  Leading and trailing space.  \r\n\r\n  Another line.  ", "en",
         ["Leading and trailing space.", "Another line."]),
        ("El Sr. López llegó a las 10 a.m. a la SRE. Después habló.", "es",
         ["El Sr. López llegó a las 10 a.m. a la SRE.", "Después habló."]),
        ("La Dra. Pérez y el Lic. Gómez llegaron. Bien.", "es",
         ["La Dra. Pérez y el Lic. Gómez llegaron.", "Bien."]),
        ("Los mensajes se enfocan en:\n\nNo dejarse engañar.", "es",
         ["Los mensajes se enfocan en:", "No dejarse engañar."]),
        ("", "en", []),
        ("   \n\n  ", "es", []),
    ],
)  # fmt: skip
def test_splits_and_keeps_offsets(text, language, expected):
    sentences = split_sentences(text, language)
    assert [s.text for s in sentences] == expected
    for number, sentence in enumerate(sentences):
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.index == number


def test_lines_are_numbered_and_never_crossed():
    text = "First line one. First line two.\n\nSecond line.\nThird line."
    sentences = split_sentences(text, "en")
    assert [(s.text, s.line) for s in sentences] == [
        ("First line one.", 0), ("First line two.", 0), ("Second line.", 1), ("Third line.", 2),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("code", "language"),
    [("es", "es"), ("es-MX", "es"), ("EN_us", "en"), ("fr", "fr"), ("xx", "en"), (None, "en")],
)
def test_segmenter_language(code, language):
    assert segmenter_language(code) == language


def real_texts() -> list[tuple[str, str]]:
    releases = json.loads(RELEASES.read_text(encoding="utf-8"))
    texts = [(release["text"], release["language"]) for release in releases]
    texts += [(pair["source"]["text"], pair["source"]["language"]) for pair in load_pairs()]
    return texts


@pytest.mark.parametrize(("text", "language"), real_texts())
def test_real_releases_are_covered_exactly(text, language):
    """Every sentence reproduces its span, spans are in order without overlap, and
    together they hold every non-blank character of the release."""
    sentences = split_sentences(text, language)
    assert sentences
    cursor = 0
    covered = []
    for sentence in sentences:
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip()
        assert sentence.start >= cursor
        assert not text[cursor : sentence.start].strip()
        covered.append(sentence.text)
        cursor = sentence.end
    assert not text[cursor:].strip()
    assert "".join("".join(covered).split()) == "".join(text.split())
