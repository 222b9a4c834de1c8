"""search/ranking.py: a page ranked among the events with a title hit is the full
ranking's page, and the bound that decides it is above every event without one."""

from __future__ import annotations

import tantivy

from binational.search.engine import analyzer
from binational.search.query import SearchQuery, filter_queries, search, text_clauses
from binational.search.ranking import (
    best_page,
    field_clause,
    ranked_query,
    title_first_page,
    untitled_bound,
)

TEXTS = ["mexico", "security cooperation", "united states", "border", "water", "agreement",
         "lopez obrador", "mexico united", '"United States"', "zapotec quinoa"]  # fmt: skip
STATUSES = [None, "published", "draft"]
PAGES = [(0, 1), (0, 3), (1, 2), (0, 10), (3, 10), (0, 100)]


def opened(engine):
    search(engine, SearchQuery(text="mexico"))  # builds the index
    return engine.index.searcher(), engine.index.schema


def test_a_title_first_page_is_the_full_rankings_page(engine):
    searcher, schema = opened(engine)
    shown = refused = 0
    for text in TEXTS:
        clauses = text_clauses(text, analyzer())
        for status in STATUSES:
            filters = filter_queries(schema, SearchQuery(text, status=status), engine.category_of)
            ranked = ranked_query(schema, clauses, filters)
            total = searcher.search(ranked, 1, count=True).count
            for offset, limit in PAGES:
                if offset >= total:
                    continue
                limit = min(limit, total - offset)
                full = best_page(searcher, schema, clauses, filters, total, offset, limit,
                                 title_first_from=total + 1)  # fmt: skip
                assert len(full) == limit
                page = title_first_page(searcher, schema, clauses, filters, offset, limit)
                if page is None:
                    refused += 1
                else:
                    assert [i for i, _ in page] == [i for i, _ in full], (text, status, offset)
                    shown += 1
                always = best_page(searcher, schema, clauses, filters, total, offset, limit,
                                   title_first_from=0)  # fmt: skip
                assert [i for i, _ in always] == [i for i, _ in full]
    assert shown >= 10 and refused >= 10  # both ways were taken


def test_the_bound_is_above_every_event_without_a_title_hit(engine):
    searcher, schema = opened(engine)
    scored = 0
    for text in TEXTS:
        clauses = text_clauses(text, analyzer())
        in_title = tantivy.Query.boolean_query(
            [(tantivy.Occur.Should, field_clause(schema, "title", terms)) for terms in clauses]
        )
        untitled = tantivy.Query.boolean_query(
            [(tantivy.Occur.Must, ranked_query(schema, clauses)),
             (tantivy.Occur.MustNot, in_title)]
        )  # fmt: skip
        hits = searcher.search(untitled, 1000, count=False).hits
        bound = untitled_bound(searcher, clauses)
        assert all(score < bound for score, _ in hits), text
        scored += len(hits)
    assert scored > 5
