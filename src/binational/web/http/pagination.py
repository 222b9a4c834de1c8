"""Links between the pages of a list: ``first``, ``prev``, ``next``, ``last`` and
``self`` as URLs a script can follow (``next`` is null on the last page), and the
same in an RFC 8288 ``Link`` header, so no client does page arithmetic."""

from __future__ import annotations

from starlette.datastructures import URL


def page_links(url: URL, page: int, pages: int) -> dict[str, str | None]:
    """The request's own URL with ``page`` set for each neighbour (other query
    parameters kept as they were); a neighbour that does not exist is None."""

    def at(number: int) -> str:
        return str(url.include_query_params(page=number))

    return {
        "self": at(page),
        "first": at(1),
        "prev": at(page - 1) if 1 < page <= pages + 1 else None,
        "next": at(page + 1) if page < pages else None,
        "last": at(pages),
    }


def link_header(links: dict[str, str | None]) -> str:
    """``<url>; rel="next", …`` for the links that exist."""
    return ", ".join(f'<{url}>; rel="{rel}"' for rel, url in links.items() if url is not None)
