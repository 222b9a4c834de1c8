"""An in-memory index of the events for the web's search page: terms with their
bm25 statistics, and each event's date, status, tags and card as arrays, so that a
new search is matched, ranked, counted by facet and shown in a millisecond or two
(docs/benchmarks.md) where the database took tens.

The pipeline, in files: ``tokens`` (text to terms, as SQLite FTS5 does it), ``build``
(rows to an ``EventIndex``), ``query`` (filters and terms to ranked ids), ``facets``
(counts over the matched ids), ``cards`` (a page of results from the stored fields),
``live`` (the database edge: build in the background, follow the data's version).
The database's own search (``store/search.py``) stays the reference, and answers
whenever the index is not current.
"""
