"""One search service for the CLI, the pages and the JSON API, on a Tantivy index
kept beside the database and brought up to date by deltas.

The pipeline, in files: ``documents`` (events to index documents: pure),
``engine`` (where the index lives, its schema, the engine object), ``reads`` (the
database's events and what changed), ``state`` (what an index reflects),
``sync`` (full build or deltas, one writer at a time), ``facets`` (aggregations to
facet counts: pure), ``ranking`` (a page of text matches by score, events with a
title hit first when that provably gives the same page), ``query`` (the service:
``search``).
"""

from binational.search.engine import SearchEngine, open_engine
from binational.search.query import SearchQuery, SearchResults, search
from binational.search.sync import SyncOutcome, index_status, is_current, synchronize

__all__ = [
    "SearchEngine", "SearchQuery", "SearchResults", "SyncOutcome", "index_status",
    "is_current", "open_engine", "search", "synchronize",
]  # fmt: skip
