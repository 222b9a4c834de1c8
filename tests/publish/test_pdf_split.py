"""Cutting a report into parts of consecutive entries and about equal text length."""

from __future__ import annotations

from dataclasses import replace

import pytest

from binational.domain import PartialDate
from binational.publish.document import MonthSection
from binational.publish.html import render_part_html_text
from binational.publish.pdf_split import entry_weight, split_document, split_points

MONTHS = (4, 4, 4, 4, 4, 5, 5, 5, 5, 6, 6, 6)


@pytest.fixture(scope="module")
def twelve(make_entry, make_document):
    """Twelve items over three months, of different lengths."""
    return make_document(
        [
            make_entry(
                number,
                date=PartialDate.day(2023, month, number + 1),
                summary=("word " * (40 + 25 * (number % 5)),),
            )
            for number, month in enumerate(MONTHS, start=1)
        ]
    )


def shown_headings(parts) -> list[tuple[int, int]]:
    return [
        (section.year, section.month)
        for part in parts
        for index, section in enumerate(part.sections)
        if part.shows_heading(index)
    ]


@pytest.mark.parametrize("count", [1, 2, 3, 4, 12])
def test_parts_hold_every_entry_once_in_order(twelve, count):
    parts = split_document(twelve, count)

    assert len(parts) == count
    assert all(part.entries for part in parts)
    assert [entry for part in parts for entry in part.entries] == list(twelve.entries)


@pytest.mark.parametrize("count", [1, 2, 3, 4, 12])
def test_only_the_first_part_has_the_front_matter_and_each_month_is_headed_once(twelve, count):
    parts = split_document(twelve, count)

    assert [part.front_matter for part in parts] == [True] + [False] * (count - 1)
    assert shown_headings(parts) == [(2023, 4), (2023, 5), (2023, 6)]


def test_a_part_starting_mid_month_continues_it_without_its_heading(twelve):
    parts = split_document(twelve, 12)

    assert [part.continues_month for part in parts] == [
        index not in (0, 5, 9) for index in range(12)
    ]
    page = render_part_html_text(parts[1])
    assert "<h2" not in page and "<h1" not in page
    assert "Event number 2" in page and "Event number 1<" not in page
    assert '<main id="content">' not in page


def test_a_part_starting_a_month_prints_its_heading(twelve):
    part = split_document(twelve, 12)[5]
    page = render_part_html_text(part)

    assert not part.continues_month
    assert '<h2 id="month-2023-05">May</h2>' in page
    assert "organization" not in page.split("<body>")[1]
    assert 'class="toc"' not in page


def test_the_first_part_has_header_and_intro_but_no_contents_list(twelve):
    page = render_part_html_text(split_document(twelve, 3)[0])

    assert page.count("<h1>") == 1 and twelve.intro in page
    assert 'class="toc"' not in page
    assert '<main id="content">' in page


def test_parts_have_about_equal_text_length(twelve):
    head = len(twelve.intro) + 200
    weights = [entry_weight(entry) for entry in twelve.entries]
    for count in (2, 3, 4):
        parts = split_document(twelve, count)
        sums = [sum(entry_weight(entry) for entry in part.entries) for part in parts]
        sums[0] += head
        ideal = (sum(weights) + head) / count
        assert all(abs(total - ideal) <= max(weights) for total in sums), (count, sums)


def test_split_points_balance_equal_weights():
    assert split_points([10] * 12, 3) == [4, 8]
    assert split_points([10] * 12, 4) == [3, 6, 9]
    assert split_points([10] * 12, 2, head=20) == [5]


def test_split_points_never_make_an_empty_part():
    assert split_points([1000, 1, 1, 1], 3) == [1, 2]
    assert split_points([1, 1, 1, 1000], 3) == [2, 3]
    assert split_points([5, 5], 4) == [1]
    assert split_points([5], 3) == []


def test_a_month_without_entries_keeps_its_heading(twelve):
    april, _, june = twelve.sections
    doc = replace(twelve, sections=(april, MonthSection(month=5, year=2023, entries=()), june))

    for count in (1, 2, 3):
        parts = split_document(doc, count)
        assert shown_headings(parts) == [(2023, 4), (2023, 5), (2023, 6)], count
        assert [entry for part in parts for entry in part.entries] == list(doc.entries)
