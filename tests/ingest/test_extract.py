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


def _find_date_on_the_lines(text: str, url: str) -> dt.date | None:
    """What ``_guess_date`` answers, the plain way: htmldate's ``find_date`` on a page
    of the text's first twelve lines as paragraphs."""
    from html import escape

    from htmldate import find_date

    lines = "".join(f"<p>{escape(line)}</p>" for line in text.split("\n")[:12])
    found = find_date(
        f"<html><body>{lines}</body></html>", extensive_search=True, original_date=False, url=url
    )
    return dt.date.fromisoformat(found) if found else None


DATELINES = [
    "WASHINGTON, September 29, 2023 — The delegations met.",
    "Ciudad de México, 31 de octubre de 2023. Los gobiernos acordaron.",
    "Ciudad de México, a 1 de noviembre de 2023\nComunicado No. 412",
    "Sept. 29, 2023\nThe United States and Mexico held the dialogue.",
    "29/09/2023 — Joint statement", "2023-09-29 Joint statement", "30.10.23 Reunión",
    "Posted on 20231102 by the press office", "Updated 2023-11-02T10:00:00Z", "10/2023 report",
    "2023/10 report", "Published: 12 March 2021 | Updated: 14 March 2021",
    "© 2021 Secretaría de Relaciones Exteriores", "Copyright 2019-2022 U.S. Department of State",
    "The 2026 summit follows the 2023 one.", "Meeting on 31/12/2099, far in the future.",
    "Lunes 6 de noviembre de 2023, 10:30 hrs.", "November 6th, 2023 at 10:30 a.m. EST",
    "Reference 4512: item 88231 of the series.\nNo date here at all.", "", "\n\n",
    "<p>Escaped & \"quoted\" 'text' from 2022</p>",
    "A line.\n" * 14 + "July 4, 2023 on the thirteenth line and after",
]  # fmt: skip
DATE_PIECES = [
    "2023", "23", "11", "31", "1", "-", "/", ".", " ", ",", "de", "octubre", "October", "Oct.",
    "the meeting", "©", "\n", "2021-2023", "T10:00:00", "1999", "20231102", "(c)", "updated",
]  # fmt: skip
URLS = ["http://x/a", "https://www.gob.mx/sre/prensa/2023/10/31/comunicado-412",
        "https://www.state.gov/2019/05/", "https://x.example/news/2023-13-45/a"]  # fmt: skip


def benchmark_page_texts(options, count: int) -> list[tuple[str, str]]:
    """The article text and URL of ``count`` pages of ``benchmarks/bench_ingest.py``."""
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "benchmarks" / "bench_ingest.py"
    spec = importlib.util.spec_from_file_location("bench_ingest", path)
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    texts = []
    for url, body in bench.build_pages(count, seed=3):
        extraction = extract_page(body, url, options)
        texts.append((extraction.text, url))
    return texts


@pytest.mark.parametrize("url", URLS)
@pytest.mark.parametrize("text", DATELINES)
def test_date_guess_is_htmldates_find_date_on_the_lines(text, url):
    from binational.ingest.extract import _guess_date

    assert _guess_date(text, url) == _find_date_on_the_lines(text, url)


def test_date_guess_is_htmldates_on_the_releases_and_random_datelines(releases, options):
    import random

    from binational.ingest.extract import _guess_date

    texts = []
    for release in releases.values():
        texts.append(release["text"])
        for layout in range(4):
            html = pages.article_html(release, layout=layout, date_in="none").encode()
            texts.append(extract_page(html, "http://x/a", options).text)
    texts += [text for text, _ in benchmark_page_texts(options, 80)]
    rng = random.Random(8)
    texts += ["".join(rng.choices(DATE_PIECES, k=rng.randint(1, 25))) for _ in range(300)]
    guessed = 0
    for number, text in enumerate(texts):
        url = URLS[number % len(URLS)]
        assert _guess_date(text, url) == _find_date_on_the_lines(text, url), (text, url)
        guessed += _find_date_on_the_lines(text, url) is not None
    assert guessed > len(texts) // 3, guessed


def test_a_pages_extractor_is_a_copy_with_its_url(options):
    from copy import copy

    from binational.ingest.extract import _slot_names

    names = _slot_names(type(options.extractor))
    assert names and "url" in names and "date_params" in names
    page = options.for_page("https://x.example/a")
    expected = copy(options.extractor)
    expected.url = expected.source = "https://x.example/a"
    assert page is not options.extractor and type(page) is type(options.extractor)
    assert [getattr(page, name) for name in names] == [getattr(expected, name) for name in names]
    assert options.extractor.url is None and options.extractor.source is None
