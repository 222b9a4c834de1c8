"""robots.txt: fetched once per host per run, parsed with Protego.

Following RFC 9309: ``*`` and ``$`` wildcards, the longest matching rule wins (a
longer ``Allow`` beats a shorter ``Disallow``); a robots.txt that is missing (4xx)
allows everything; one that cannot be fetched (5xx, network error) disallows
everything for this run; a ``Crawl-delay`` slows the host down further than the
politeness limit. (``urllib.robotparser`` knows no wildcards and lets the first
matching rule win, so it allowed ``/doc.pdf`` under ``Disallow: /*.pdf$``.)
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from protego import Protego


@dataclass(frozen=True)
class RobotsRules:
    """What one host's robots.txt says to one user agent."""

    parser: Protego | None  # None: everything allowed
    disallow_all: bool = False
    reason: str = ""

    def allows(self, url: str, user_agent: str) -> bool:
        if self.disallow_all:
            return False
        return self.parser is None or self.parser.can_fetch(url, user_agent)

    def crawl_delay(self, user_agent: str) -> float | None:
        if self.parser is None:
            return None
        delay = self.parser.crawl_delay(user_agent)
        return float(delay) if delay is not None else None


def parse_robots(text: str) -> RobotsRules:
    return RobotsRules(Protego.parse(text))


def rules_for_status(status: int | None, body: str) -> RobotsRules:
    """The rules implied by fetching robots.txt: the file, allow-all, or deny-all."""
    if status is not None and 200 <= status < 300:
        return parse_robots(body)
    if status is not None and 400 <= status < 500:
        return RobotsRules(None)
    return RobotsRules(None, disallow_all=True, reason=f"robots.txt unreachable ({status})")


def robots_url(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}/robots.txt"


# Fetches robots.txt: returns (status or None on network error, body text).
RobotsFetch = Callable[[str], Awaitable[tuple[int | None, str]]]


class RobotsCache:
    """Rules per host for one run; each host's robots.txt is fetched at most once,
    even when many requests to that host start together."""

    def __init__(self, fetch: RobotsFetch) -> None:
        self._fetch = fetch
        self._rules: dict[str, RobotsRules] = {}
        self._locks: dict[str, asyncio.Lock] = {}

    async def rules(self, url: str) -> RobotsRules:
        key = urlsplit(url).netloc.lower()
        if key in self._rules:
            return self._rules[key]
        lock = self._locks.setdefault(key, asyncio.Lock())
        async with lock:
            if key not in self._rules:
                status, body = await self._fetch(robots_url(url))
                self._rules[key] = rules_for_status(status, body)
        return self._rules[key]
