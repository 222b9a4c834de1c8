"""The search service: a query and a page in, the total, the page's ids in order,
the facets and the page's cards out. The CLI, the pages and the JSON API all ask
it, so a query has one ranking whoever asks.

With text, every word must match (a "quoted phrase" as a phrase), and events are
ranked by Tantivy's BM25 over title, summary and implications, weighted 10, 3 and
1 (``documents.TEXT_FIELDS``), best first, ties lower id first. Without text,
events come newest first, ties higher id first. Facets count every match.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import msgspec
import tantivy

from binational.errors import UserError
from binational.search.documents import TEXT_FIELDS
from binational.search.engine import SearchEngine, analyzer
from binational.search.facets import (
    aggregations,
    facet_values,
    facets_of,
    newest_months_start,
)
from binational.search.ranking import best_page, field_clause, phrase_within, with_filters
from binational.search.sync import synchronize
from binational.store.data_version import Version

_PHRASE = re.compile(r'"([^"]*)"')
_Must, _Should = tantivy.Occur.Must, tantivy.Occur.Should


@dataclass(frozen=True)
class SearchQuery:
    text: str | None = None  # words ANDed, "quoted phrases" kept
    first_day: dt.date | None = None  # inclusive (a period's start/end)
    last_day: dt.date | None = None
    month: int | None = None  # 1-12, any year
    status: str | None = None
    statuses: tuple[str, ...] | None = None  # what the visitor may see
    institution: str | None = None
    any_institution: tuple[str, ...] | None = None  # a category's slugs
    topic: str | None = None


@dataclass(frozen=True)
class SearchResults:
    total: int
    ids: list[int]  # the requested page, in order
    facets: dict[str, list[dict]]  # facets.facet_values's shape
    cards: list[dict]  # store.records.event_card shape, same order as ids


def text_clauses(text: str | None, words: tantivy.TextAnalyzer) -> list[list[str]] | None:
    """The terms every match must have: one list per quoted phrase (its terms in
    order) and one per other word; ``None`` when there is no text at all, ``[]``
    when there is text but no word in it (nothing matches)."""
    if text is None or not text.strip():
        return None
    clauses = [terms for phrase in _PHRASE.findall(text) if (terms := words.analyze(phrase))]
    clauses += [[term] for term in words.analyze(_PHRASE.sub(" ", text).replace('"', " "))]
    return clauses


def matching_query(
    schema: tantivy.Schema, clauses: list[list[str]], filters: list[tantivy.Query]
) -> tantivy.Query:
    """The same matches as ``ranked_query``, unscored and cheaper to count: a word
    is looked up once, in ``words``, rather than in each field."""
    parts = []
    for terms in clauses:
        if len(terms) == 1:
            parts.append(tantivy.Query.term_query(schema, "words", terms[0]))
        else:
            parts.append(tantivy.Query.boolean_query([
                (_Should, phrase_within(field_clause(schema, field, terms), terms, filters))
                for field, _ in TEXT_FIELDS
            ]))  # fmt: skip
    return with_filters(
        parts[0] if len(parts) == 1 else tantivy.Query.boolean_query([(_Must, p) for p in parts]),
        filters,
    )


def days_between(
    schema: tantivy.Schema, first: dt.date | None, last: dt.date | None
) -> tantivy.Query:
    """Events dated from ``first`` to ``last``, both included (either open)."""
    return tantivy.Query.range_query(
        schema, "day", tantivy.FieldType.Integer,
        first.toordinal() if first else -(2**62), last.toordinal() if last else 2**62,
        use_inverted_index=True,
    )  # fmt: skip


def category_named(slugs: tuple[str, ...], category_of: Mapping[str, str]) -> str | None:
    """The category whose institutions are exactly ``slugs``, if one is."""
    wanted = set(slugs)
    for category in set(category_of.values()):
        if wanted == {slug for slug, c in category_of.items() if c == category}:
            return category
    return None


def filter_queries(
    schema: tantivy.Schema, query: SearchQuery, category_of: Mapping[str, str]
) -> list[tantivy.Query]:
    """The query's filters, each scoring nothing (they decide, they do not rank).
    A category's institutions are looked up as the category: one list of events
    rather than the union of one per institution."""
    term, terms = tantivy.Query.term_query, tantivy.Query.term_set_query
    found: list[tantivy.Query] = []
    if query.first_day is not None or query.last_day is not None:
        found.append(days_between(schema, query.first_day, query.last_day))
    if query.month is not None:
        found.append(term(schema, "month", query.month))
    if query.status is not None:
        found.append(term(schema, "status", query.status))
    if query.statuses is not None:
        found.append(terms(schema, "status", list(query.statuses)))
    if query.institution is not None:
        found.append(term(schema, "institution", query.institution))
    if query.any_institution is not None:
        category = category_named(query.any_institution, category_of)
        if category is not None:
            found.append(term(schema, "category", category))
        else:
            found.append(terms(schema, "institution", list(query.any_institution)))
    if query.topic is not None:
        found.append(term(schema, "topic", query.topic))
    return [tantivy.Query.const_score_query(q, 0.0) for q in found]


def newest_page(
    searcher: tantivy.Searcher, query: tantivy.Query, offset: int, limit: int
) -> list[tuple[int, tantivy.DocAddress]]:
    """(id, address) of matches ``offset`` to ``offset + limit``, newest first
    (``recency`` holds the day and the id)."""
    hits = searcher.search(
        query, limit, count=False, order_by_field="recency", offset=offset,
        order=tantivy.Order.Desc,
    ).hits  # fmt: skip
    return [(int(key) & 0xFFFFFFFF, address) for key, address in hits]


def _card(searcher: tantivy.Searcher, address: tantivy.DocAddress) -> dict[str, Any]:
    # msgspec rather than json: a result page decodes 25 stored cards
    return msgspec.json.decode(searcher.doc(address)["card"][0])


def search(
    engine: SearchEngine,
    query: SearchQuery,
    *,
    offset: int = 0,
    limit: int = 25,
    facets: bool = True,
    version: Version | None = None,
) -> SearchResults:
    """One page of the events matching ``query``, the total, and (with ``facets``)
    the facet counts over every match. The index is brought up to the database's
    data version first (``version``, if the caller has just read it), so an edit
    shows in the next search."""
    if offset < 0 or limit < 0:
        raise UserError(f"a page starts at 0 or later and holds 0 or more events, not "
                        f"offset {offset} and limit {limit}")  # fmt: skip
    synchronize(engine, known=version)
    with engine.lock:  # the index and what it reflects, as one (another thread may sync)
        index, state = engine.index, engine.state
    assert index is not None and state is not None
    schema = index.schema
    clauses = text_clauses(query.text, analyzer())
    if clauses == []:  # text with no word in it
        return SearchResults(0, [], facet_values([], [], [], [], [], []) if facets else {}, [])
    filters = filter_queries(schema, query, engine.category_of)
    matching = matching_query(schema, clauses, filters) if clauses else with_filters(None, filters)
    searcher = index.searcher()
    found: dict[str, list[dict]] = {}
    since = None
    if facets:
        answer = searcher.aggregate(matching, aggregations())
        total, found = facets_of(answer, state.topic_bits, state.institution_codes)
        since = None if clauses else newest_months_start(answer, offset + limit)
    else:
        total = searcher.search(matching, 1, count=True).count
    page: list[tuple[int, tantivy.DocAddress]] = []
    if limit > 0 and offset < total:
        if clauses:
            page = best_page(searcher, schema, clauses, filters, total, offset,
                             min(limit, total - offset))  # fmt: skip
        else:  # only the latest months that hold the page, when the facets told which
            window = [days_between(schema, since, None)] if since is not None else []
            page = newest_page(searcher, with_filters(matching, window), offset, limit)
    return SearchResults(
        total, [event_id for event_id, _ in page], found,
        [_card(searcher, address) for _, address in page],
    )  # fmt: skip
