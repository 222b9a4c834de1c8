"""Ranking a page of text matches: every clause must match, the score sums each
field's BM25 by weight (``documents.TEXT_FIELDS``), best first, ties lower id first.

Scoring every match costs most when a query matches much of the index (a common
word under a broad filter: hundreds of thousands of events), and the engine's own
shortcut (block-max WAND) does not apply to "every word must match" under filters.
But a title hit weighs ten times a summary hit, so the page nearly always holds
events with a word in their title, and those are few (a word is in a title far less
often than in a summary). ``best_page`` therefore ranks those first, and keeps that
page when its last event scores above what any event without a title hit can score
(the BM25 bound of its other fields, below); then it is the full query's page,
event for event. Otherwise every match is scored.

The bound: a word's BM25 in a field is ``weight * idf * (k1 + 1) * tf / (tf + k1 *
(1 - b + b * length / average))``, below ``weight * idf * (k1 + 1)`` whatever the
word's frequency and the field's length; the idf is at most
``ln(1 + (documents + 0.5) / (doc_freq + 0.5))``, counting documents generously.
"""

from __future__ import annotations

import math

import tantivy

from binational.search.documents import STATUSES, TEXT_FIELDS

_Must, _Should = tantivy.Occur.Must, tantivy.Occur.Should
# From this many matches on, events with a title hit are ranked first.
TITLE_FIRST_FROM = 20_000
BM25_K1 = 1.2  # Tantivy's
# Scores are 32-bit floats: the bound is raised far more than their rounding.
ROUNDING = 1e-3

Page = list[tuple[int, tantivy.DocAddress]]


def field_clause(schema: tantivy.Schema, field: str, terms: list[str]) -> tantivy.Query:
    if len(terms) == 1:
        return tantivy.Query.term_query(schema, field, terms[0])
    return tantivy.Query.phrase_query(schema, field, terms)


def ranked_query(
    schema: tantivy.Schema, clauses: list[list[str]], filters: list[tantivy.Query] | None = None
) -> tantivy.Query:
    """Every clause in some text field, and every filter; the score sums each field's
    BM25 by weight (filters score nothing)."""
    filters = filters or []
    return with_filters(tantivy.Query.boolean_query([
        (_Must, tantivy.Query.boolean_query([
            (_Should, tantivy.Query.boost_query(
                phrase_within(field_clause(schema, field, terms), terms, filters), weight))
            for field, weight in TEXT_FIELDS
        ]))
        for terms in clauses
    ]), filters)  # fmt: skip


def phrase_within(
    query: tantivy.Query, terms: list[str], filters: list[tantivy.Query]
) -> tantivy.Query:
    """A phrase's query in one field, intersected with the filters when there are
    any (a word's is left alone). The engine intersects a union of phrases (the
    phrase in any field) with a filter by reading the whole union, but a single
    phrase with a filter from the filter's side, so the filters go inside each
    field's phrase too: the same matches and scores, read in a fraction of the time
    under a narrow filter (see docs/benchmarks.md, "Search")."""
    if len(terms) < 2 or not filters:
        return query
    return tantivy.Query.boolean_query([(_Must, query), *((_Must, f) for f in filters)])


def with_filters(base: tantivy.Query | None, filters: list[tantivy.Query]) -> tantivy.Query:
    parts = ([base] if base is not None else []) + filters
    if not parts:
        return tantivy.Query.all_query()
    return parts[0] if len(parts) == 1 else tantivy.Query.boolean_query([(_Must, p) for p in parts])


def best_page(
    searcher: tantivy.Searcher,
    schema: tantivy.Schema,
    clauses: list[list[str]],
    filters: list[tantivy.Query],
    total: int,
    offset: int,
    limit: int,
    title_first_from: int = TITLE_FIRST_FROM,
) -> Page:
    """(id, address) of the ``total`` matches' ``offset`` to ``offset + limit`` by
    score, ties lower id first: from the events with a title hit when that is
    provably the same page (see the module's docstring), else scoring every match."""
    if total >= title_first_from:
        page = title_first_page(searcher, schema, clauses, filters, offset, limit)
        if page is not None:
            return page
    need = offset + limit
    ranked = ranked_query(schema, clauses, filters)
    return _in_order(searcher, _ranked_hits(searcher, ranked, need))[offset:need]


def title_first_page(
    searcher: tantivy.Searcher,
    schema: tantivy.Schema,
    clauses: list[list[str]],
    filters: list[tantivy.Query],
    offset: int,
    limit: int,
) -> Page | None:
    """The page of the full query (``clauses`` under ``filters``) ranked among the
    events with some clause in their title; None when it cannot be shown to be the
    full query's page (too few such events, or the page's last within the bound)."""
    in_title = tantivy.Query.boolean_query(
        [(_Should, field_clause(schema, "title", terms)) for terms in clauses]
    )
    titled = ranked_query(
        schema, clauses, [*filters, tantivy.Query.const_score_query(in_title, 0.0)]
    )
    need = offset + limit
    hits = _ranked_hits(searcher, titled, need)
    if len(hits) < need or hits[need - 1][0] <= untitled_bound(searcher, clauses):
        return None
    return _in_order(searcher, hits)[offset:need]


def untitled_bound(searcher: tantivy.Searcher, clauses: list[list[str]]) -> float:
    """Above the score of any event that has no clause in its title. (A phrase
    scores as one word whose idf is the sum of its words'.)"""
    # Every document has one status, and a term's postings count deleted documents
    # too: this is the segment's documents, deleted or not, at least what BM25 counts.
    documents = sum(searcher.doc_freq("status", status) for status in STATUSES)
    bound = 0.0
    for terms in clauses:
        for field, weight in TEXT_FIELDS:
            if field != "title":
                idf = sum(
                    math.log(1 + (documents + 0.5) / (searcher.doc_freq(field, term) + 0.5))
                    for term in terms
                )
                bound += weight * idf * (1 + BM25_K1)
    return bound * (1 + ROUNDING)


def _ranked_hits(
    searcher: tantivy.Searcher, query: tantivy.Query, need: int
) -> list[tuple[float, tantivy.DocAddress]]:
    """The best ``need`` hits of ``query`` by score, and every hit tied with the last:
    the engine breaks ties its own way, so hits are fetched until the first one past
    the page scores below the page's last (``_in_order`` then orders the ties)."""
    fetch = need + 16
    while True:
        hits = searcher.search(query, fetch, count=False).hits
        if len(hits) < fetch or hits[-1][0] < hits[need - 1][0]:
            return hits
        fetch *= 4


def _in_order(searcher: tantivy.Searcher, hits: list[tuple[float, tantivy.DocAddress]]) -> Page:
    """(id, address) of ``hits`` by score, ties lower id first."""
    ids = searcher.fast_field_values("id", [address for _, address in hits])
    ordered = sorted(zip(hits, ids, strict=True), key=lambda hit: (-hit[0][0], hit[1]))
    return [(event_id, address) for (_, address), event_id in ordered]
