"""The listing cache (web/result_cache.py)."""

from binational.web.result_cache import ResultCache


class Clock:
    now = 0.0

    def __call__(self) -> float:
        return self.now


def test_entries_are_valid_for_their_version_until_they_expire():
    clock = Clock()
    cache = ResultCache(max_entries=2, ttl_seconds=10, clock=clock)
    cache.put("a", (1, 1), "A")
    assert cache.get("a", (1, 1)) == "A"
    assert cache.get("a", (1, 2)) is None  # a revision was written since
    assert cache.get("a", (2, 1)) is None  # an event was added since
    clock.now = 11
    assert cache.get("a", (1, 1)) is None
    assert (cache.hits, cache.misses) == (1, 3)


def test_least_recently_used_entries_go_first():
    cache = ResultCache(max_entries=2)
    cache.put("a", (1, 1), "A")
    cache.put("b", (1, 1), "B")
    cache.get("a", (1, 1))
    cache.put("c", (1, 1), "C")
    assert cache.get("b", (1, 1)) is None
    assert cache.get("a", (1, 1)) == "A" and cache.get("c", (1, 1)) == "C"


def test_remember_computes_once_per_version():
    cache = ResultCache()
    calls = []

    def compute():
        calls.append(1)
        return f"value {len(calls)}"

    assert cache.remember("k", (1, 1), compute) == "value 1"
    assert cache.remember("k", (1, 1), compute) == "value 1"
    assert cache.remember("k", (1, 2), compute) == "value 2"
    assert len(calls) == 2
