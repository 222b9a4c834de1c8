"""Facet counts (web/facets.py)."""

from binational.web.views.facets import count_facets


def test_count_facets_orders_and_buckets():
    facets = count_facets(
        periods=[(2023, 4, "published", 2), (2023, 5, "draft", 1), (2022, 12, "published", 3)],
        institutions=[("usmca", 2), ("ibwc", 5), ("hled", 2)],
        categories=[("program", 1), ("agreement", 4), ("organization", 0)],
        topics=[("security", 1), ("migration", 3)],
    )
    assert facets["quarter"] == [{"value": "2023Q2", "count": 3}, {"value": "2022Q4", "count": 3}]
    assert [f["value"] for f in facets["month"]] == ["4", "5", "12"]
    assert facets["status"] == [{"value": "draft", "count": 1}, {"value": "published", "count": 5}]
    assert [f["value"] for f in facets["institution"]] == ["ibwc", "hled", "usmca"]
    assert [f["value"] for f in facets["category"]] == ["agreement", "program"]
    assert [f["value"] for f in facets["topic"]] == ["migration", "security"]
