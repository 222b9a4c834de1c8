"""Fixtures the store's tests share with others: the search tests' corpus (the sample
report's events and a few of their own), for ``test_search_rows.py``."""

from tests.search.conftest import corpus  # noqa: F401  (a fixture, found by pytest by name)
