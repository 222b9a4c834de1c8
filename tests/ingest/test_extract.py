"""Extraction of the fixture pages built from the real releases."""

import datetime as dt

import pages
import pytest

from binational.ingest.extract import ExtractionOptions, extract_page
from binational.ingest.summary import first_paragraphs
from binational.language import LanguageDetector


@pytest.fixture(scope="module")
def options():
    return ExtractionOptions.default()


@pytest.mark.parametrize("layout", [0, 1, 2])
def test_text_and_title_without_the_page_furniture(releases, options, layout):
    release = releases["ustr-hled-2023-joint-statement"]
    result = extract_page(
        pages.article_html(release, layout=layout).encode(), "http://x/a", options
    )
    assert result.title == release["title"]
    assert result.text.startswith("September 29, 2023")  # the h1 is not repeated
    assert "workforce development efforts" in result.text
    for furniture in ("Privacy policy", "Share: Facebook", "Press Releases", "Travel advisory"):
        assert furniture not in result.text
    assert result.declared_language == "en"


def test_dates_stated_in_the_page_or_only_guessed(releases, options):
    release = releases["es-xxi-dialogo-consular-2023"]
    stated = extract_page(pages.article_html(release).encode(), "http://x/a", options)
    assert (stated.published, stated.published_stated) == (dt.date(2023, 10, 31), True)
    visible = extract_page(
        pages.article_html(release, date_in="visible").encode(), "http://x/a", options
    )
    assert visible.published == dt.date(2023, 10, 31)
    nadd = releases["ondcp-7th-nadd-2023"]
    guessed = extract_page(pages.article_html(nadd, date_in="none").encode(), "http://x/a", options)
    assert guessed.published_stated is False  # whatever htmldate guessed is only inferred


def test_a_page_without_article_text_gives_nothing(options):
    html = b"<html><body><nav><a href='/'>Home</a></nav><p>Short.</p></body></html>"
    assert extract_page(html, "http://x/a", options) is None
    assert extract_page(b"", "http://x/a", options) is None


def test_language_is_detected_with_the_declared_one_as_fallback(releases):
    detector = LanguageDetector.load()
    assert detector.detect(releases["es-rubio-de-la-fuente-call-a"]["text"]) == "es"
    assert detector.detect(releases["ondcp-7th-nadd-2023"]["text"], "es") == "en"
    assert detector.detect("HLED 2023", "es-MX") == "es"
    assert detector.detect("") is None


def test_summary_is_the_first_paragraphs_without_the_dateline(releases):
    text = releases["canada-7th-nadd-2023"]["text"]
    summary = first_paragraphs(text)
    assert summary.startswith("The following joint statement")
    assert len(summary) <= 900 and summary.count("\n\n") <= 2
    long = "word " * 400 + ". End."
    assert first_paragraphs(long, max_chars=100).endswith("…")


def test_function_words_decide_clear_cases_and_the_model_the_rest(releases):
    from binational.language import function_word_guess

    for release in releases.values():
        assert function_word_guess(release["text"][:600]) == release["language"]
    french = "Le premier ministre a annoncé que les deux pays sont d'accord pour une " * 3
    assert function_word_guess(french) == "fr"
    assert function_word_guess("HLED USMCA T-MEC 2023") is None
    detector = LanguageDetector.load()
    german = "Die Bundesregierung hat heute die neue Strategie vorgestellt, sagte der Sprecher."
    assert detector.detect(german) == "de"  # not one of ours: the model says


def test_function_words_belong_to_one_language_each():
    from binational.language import FUNCTION_WORDS

    languages = list(FUNCTION_WORDS.values())
    for i, words in enumerate(languages):
        for other in languages[i + 1 :]:
            assert not words & other, words & other
