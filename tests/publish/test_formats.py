"""The registry of report formats."""

from __future__ import annotations

import dataclasses

import pytest
from tests.publish.conftest import modules_loaded_by_import

from binational.errors import UserError
from binational.publish.formats import RENDERERS, Renderer, get_renderer


@pytest.mark.parametrize(
    ("name", "extension", "media_type", "magic"),
    [
        ("md", ".md", "text/markdown; charset=utf-8", b"# Report | April-June 2023\n"),
        ("txt", ".txt", "text/plain; charset=utf-8", b"Report | April-June 2023\n"),
        ("html", ".html", "text/html; charset=utf-8", b"<!DOCTYPE html>\n"),
        ("pdf", ".pdf", "application/pdf", b"%PDF-"),
        (
            "docx",
            ".docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            b"PK\x03\x04",
        ),
    ],
)
def test_each_format_renders_its_kind_of_file(varied_document, name, extension, media_type, magic):
    renderer = get_renderer(name)

    assert (renderer.name, renderer.extension, renderer.media_type) == (
        name,
        extension,
        media_type,
    )
    assert renderer.render(varied_document).startswith(magic)
    assert renderer.filename("cbi-report-2023Q2") == f"cbi-report-2023Q2{extension}"


def test_registry_lists_the_five_formats_in_order():
    assert list(RENDERERS) == ["md", "txt", "html", "pdf", "docx"]
    assert all(RENDERERS[name].name == name for name in RENDERERS)


def test_registry_and_renderers_cannot_be_changed():
    with pytest.raises(TypeError):
        RENDERERS["rtf"] = RENDERERS["txt"]  # type: ignore[index]
    with pytest.raises(dataclasses.FrozenInstanceError):
        RENDERERS["txt"].extension = ".text"  # type: ignore[misc]


@pytest.mark.parametrize("name", ["HTML", " pdf ", "Docx"])
def test_names_ignore_case_and_spaces(name):
    assert isinstance(get_renderer(name), Renderer)
    assert get_renderer(name) is RENDERERS[name.strip().lower()]


@pytest.mark.parametrize("name", ["rtf", "", "markdown", "pdf,docx"])
def test_unknown_format_is_refused_in_one_sentence_listing_the_valid_ones(name):
    with pytest.raises(UserError) as refused:
        get_renderer(name)

    message = str(refused.value)
    assert message == f"Unknown report format {name!r}; choose one of md, txt, html, pdf, docx."
    assert message.count(". ") == 0 and "\n" not in message


def test_importing_the_registry_does_not_load_heavy_libraries():
    """`binational --help` must stay fast: Jinja2, Typst and python-docx load on
    first render, not on import."""
    heavy = ("typst", "docx", "jinja2")
    assert modules_loaded_by_import("binational.publish.formats", heavy) == []


# One registry, found by (document kind, format).


def test_the_scorecard_has_its_own_formats_in_the_same_registry(scorecard_document):
    from binational.publish.formats import FORMATS, DocumentKind, formats_of

    assert formats_of(DocumentKind.SCORECARD) == ["md", "html", "pdf", "docx"]
    renderer = get_renderer("PDF", DocumentKind.SCORECARD)
    assert renderer is FORMATS[(DocumentKind.SCORECARD, "pdf")] and renderer.kind == "scorecard"
    assert renderer is not RENDERERS["pdf"] and renderer.media_type == RENDERERS["pdf"].media_type
    assert get_renderer("html", DocumentKind.SCORECARD).render(scorecard_document).startswith(
        b"<!DOCTYPE html>"
    )
    with pytest.raises(UserError) as refused:
        get_renderer("txt", DocumentKind.SCORECARD)
    assert str(refused.value) == (
        "Unknown scorecard format 'txt'; choose one of md, html, pdf, docx."
    )
