"""Links between pages, in the body and in the Link header."""

import pytest
from starlette.datastructures import URL

from binational.web.http.pagination import link_header, page_links

BASE = URL("http://h/api/events?q=water&page=2")


@pytest.mark.parametrize(
    ("page", "pages", "prev", "next_"),
    [
        (1, 1, None, None),
        (1, 3, None, 2),
        (2, 3, 1, 3),
        (3, 3, 2, None),
        (9, 3, None, None),  # past the end: no neighbours, first and last still given
    ],
)
def test_neighbours(page, pages, prev, next_):
    links = page_links(BASE, page, pages)
    at = lambda n: f"http://h/api/events?q=water&page={n}"  # noqa: E731
    assert links["prev"] == (at(prev) if prev else None)
    assert links["next"] == (at(next_) if next_ else None)
    assert links["first"] == at(1) and links["last"] == at(pages) and links["self"] == at(page)


def test_link_header_names_the_links_that_exist():
    header = link_header(page_links(BASE, 1, 2))
    assert '<http://h/api/events?q=water&page=2>; rel="next"' in header
    assert 'rel="prev"' not in header and 'rel="first"' in header and 'rel="last"' in header
