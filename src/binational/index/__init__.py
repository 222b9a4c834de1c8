"""An in-memory index of the events for the web's search page: terms with their
bm25 statistics, and each event's date, status, institutions and topics as arrays,
so that a search is matched, ranked and counted by facet in about a millisecond
whatever the number of matches.

The pipeline, in files: ``tokens`` (text to terms, as SQLite FTS5 does it),
``build`` (rows to an ``EventIndex``), ``query`` (filters and terms to ranked ids),
``facets`` (counts over the matched ids), ``live`` (the database edge: build in the
background, follow the data's version). The database's own search
(``store/search.py``) stays the reference and answers whenever the index is not
current.
"""
