"""A small hand-made corpus whose rankings and counts can be worked out by hand."""

import datetime as dt

import pytest

from binational.index.build import EventText, build_index
from binational.index.live import STATUSES

EVENTS = [
    EventText(1, "Water treaty", "The IBWC met on water deliveries.", "", dt.date(2023, 4, 3),
              "published"),
    EventText(2, "Border security", "Water and security at the border.", "Water.",
              dt.date(2023, 5, 9), "draft"),
    EventText(3, "Fentanyl", "Security dialogue on fentanyl; water not discussed.", "",
              dt.date(2023, 7, 1), "published"),
    EventText(5, "Labor", "A USMCA rapid response case.", "", dt.date(2022, 12, 31), "reviewed"),
]  # fmt: skip
LINKS = [(1, "ibwc"), (2, "ibwc"), (2, "hlsd"), (3, "hlsd"), (5, "usmca")]
TOPICS = [(2, "security"), (3, "security"), (3, "drugs")]
CATEGORY_OF = {"ibwc": "commission", "hlsd": "dialogue", "usmca": "agreement"}


@pytest.fixture(scope="session")
def small_index():
    return build_index(EVENTS, LINKS, TOPICS, CATEGORY_OF, STATUSES)


@pytest.fixture
def small_corpus():
    """(events, links, topics, category of each institution)."""
    return EVENTS, LINKS, TOPICS, CATEGORY_OF
