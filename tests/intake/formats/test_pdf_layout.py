"""Paragraphs from line geometry: built by hand, so every rule is seen on its own."""

from __future__ import annotations

import pytest

from binational.intake.extracted import TextLine
from binational.intake.formats.pdf_layout import LinkArea, Page, Run, paragraphs

SIZE = 10.0
PITCH = 14.0
LEFT, RIGHT = 72.0, 540.0


def run(text: str, y: float, x0: float = LEFT, width: float | None = None, size: float = SIZE):
    """A run whose glyphs are 5 units wide (so a line's end follows from its text)."""
    x1 = x0 + (width if width is not None else 5.0 * len(text))
    space = text.find(" ")
    return Run(x0, x1, y, size, "Serif", text, None if space < 0 else x0 + 5.0 * space)


def full(text: str, y: float) -> Run:
    return run(text, y, width=RIGHT - LEFT)


def page(*runs: Run, links: tuple[LinkArea, ...] = ()) -> Page:
    return Page(612, 792, runs, links)


# A paragraph of two lines at the top of a page: it shows where full lines end.
def intro(y: float = 710) -> tuple[Run, Run]:
    return full("An introduction whose first line is full", y), run("and ends.", y - PITCH)


def texts(pages) -> list[str]:
    return [line.text for line in paragraphs(pages)]


def test_wrapped_lines_join_and_a_short_line_ends_the_paragraph():
    first = page(
        full("A paragraph that fills the", 700),
        run("whole line ends here.", 700 - PITCH),
        run("Next paragraph.", 700 - 2 * PITCH),
    )
    assert texts([first]) == ["A paragraph that fills the whole line ends here.", "Next paragraph."]


def test_a_wider_gap_ends_a_paragraph_even_after_a_full_line():
    lines = page(
        full("One", 700), full("two", 700 - PITCH), run("three.", 700 - 2 * PITCH),
        full("Four", 700 - 3 * PITCH - 10), run("five.", 700 - 4 * PITCH - 10),
    )  # fmt: skip
    assert texts([lines]) == ["One two three.", "Four five."]


def test_another_size_is_another_paragraph():
    lines = page(
        full(
            "1) A long title",
            700,
        ),
        run("April 12, 2023 Link", 700 - PITCH, size=8),
    )
    assert texts([lines]) == ["1) A long title", "April 12, 2023 Link"]


@pytest.mark.parametrize(
    ("last_line", "next_page_line", "expected"),
    [
        # A full line at the foot of the page: the paragraph goes on.
        (full("continues over the", 80), run("page.", 720), ["continues over the page."]),
        # Room left at the foot after a sentence: the paragraph ended there.
        (full("ends a sentence.", 200), run("New one.", 720), ["ends a sentence.", "New one."]),
        # Room left but no sentence end (the next lines were kept together): goes on.
        (full("goes on and", 200), run("on.", 720), ["goes on and on."]),
    ],
)
def test_page_breaks(last_line, next_page_line, expected):
    filler = page(run("Filler at the foot.", 72))  # where the foot of a page is
    assert texts([filler, page(last_line), page(next_page_line)])[1:] == expected


def test_page_numbers_and_running_headers_are_dropped():
    pages = [
        page(run("Center for Binational Institutions", 770), *intro(500), run(f"Body {n}.", 400),
             run(f"Page {n} of 3", 30))
        for n in (1, 2, 3)
    ]  # fmt: skip
    assert [text for text in texts(pages) if text.startswith("Body")] == [
        "Body 1.", "Body 2.", "Body 3.",
    ]  # fmt: skip
    assert not any("Page" in text or "Center" in text for text in texts(pages))


def test_hyphens_soft_hyphens_and_slashes_join_without_a_space():
    lines = page(
        full("the U.S.-", 700), full("Mexico and/", 700 - PITCH),
        full("or a govern\u00ad", 700 - 2 * PITCH), run("ment.", 700 - 3 * PITCH),
    )  # fmt: skip
    assert texts([lines]) == ["the U.S.-Mexico and/or a government."]


def test_runs_on_one_baseline_make_a_line_and_markers_go():
    lines = page(
        *intro(), run("April 12, 2023", 700), run("Link", 700, x0=LEFT + 80),
        run("Text.", 650), run("•", 650, x0=60),
    )  # fmt: skip
    assert texts([lines])[1:] == ["April 12, 2023 Link", "Text."]


def test_links_attach_to_the_lines_under_them():
    area = LinkArea(LEFT + 75, 697, LEFT + 100, 710, "https://www.state.gov/x")
    lines = page(*intro(), run("April 12, 2023", 700), run("Link", 700, x0=LEFT + 80),
                 run("Body.", 700 - 2 * PITCH), links=(area,))  # fmt: skip
    assert paragraphs([lines])[1:] == [
        TextLine("April 12, 2023 Link", ("https://www.state.gov/x",)), TextLine("Body."),
    ]  # fmt: skip


def test_hyphenation_is_undone_by_the_documents_own_words():
    lines = page(
        full("Its imple-", 700), full("mentation of the high\u00ad", 700 - PITCH),
        run("level plan.", 700 - 2 * PITCH),
        full("Implementation of the high-level plan is", 600), run("agreed.", 600 - PITCH),
    )  # fmt: skip
    assert texts([lines])[0] == "Its implementation of the high-level plan."


def tagged(text: str, y: float, block: int, width: float | None = None) -> Run:
    line = run(text, y, width=width)
    return Run(line.x0, line.x1, line.y, line.size, line.font, line.text, line.first_word_x1, block)


def test_a_tagged_pdf_decides_where_paragraphs_end():
    # A full line at the foot of a page that ends a paragraph: geometry cannot tell,
    # the tags can.
    filler = page(tagged("Filler at the foot.", 72, 1))
    ended = page(tagged("ends its paragraph.", 80, 2, width=RIGHT - LEFT))
    went_on = page(tagged("goes on over", 80, 3, width=RIGHT - LEFT))
    assert texts([filler, ended, page(tagged("New one.", 720, 4))])[1:] == [
        "ends its paragraph.", "New one.",
    ]  # fmt: skip
    assert texts([filler, went_on, page(tagged("the page.", 720, 3))])[1:] == [
        "goes on over the page.",
    ]  # fmt: skip
