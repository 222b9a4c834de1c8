"""search/query.py: the service against the database's own filtering and a plain
reading of the texts, on a SQLite file and on PostgreSQL."""

from __future__ import annotations

import datetime as dt
import random
import re
import unicodedata
from collections import Counter

import pytest
from sqlalchemy import select
from sqlalchemy.orm import selectinload
from tests.search.conftest import add_event

from binational.domain import Period, Quarter
from binational.errors import UserError
from binational.registry.loader import load_registry
from binational.search.engine import analyzer
from binational.search.query import SearchQuery, search, text_clauses
from binational.store.event_reads import read_event_cards
from binational.store.events import EventQuery, filtered_statement
from binational.store.models import Event

REGISTRY = load_registry()
CATEGORY_OF = {i.slug: i.category.value for i in REGISTRY.institutions}
AGREEMENTS = tuple(i.slug for i in REGISTRY.by_category("agreement"))
TEXTS = [None, "fentanyl", "mexico", "security cooperation", '"United States"', "Lopez Obrador"]
QUARTERS = [None, Quarter(2023, 2), Quarter(2022, 4)]
MONTHS = [None, 4, 5, 11]
STATUS = [None, "published", "draft", "reviewed"]
STATUSES = [None, ("published",), ("published", "reviewed"), ()]
INSTITUTIONS = [None, "usmca", "bicentennial-framework", "nadbank", "no-such-slug"]
ANY_INSTITUTION = [None, AGREEMENTS, ()]
TOPICS = [None, "security", "water"]


FILTERS = {
    "quarter": QUARTERS, "month": MONTHS, "status": STATUS, "statuses": STATUSES,
    "institution": INSTITUTIONS, "any_institution": ANY_INSTITUTION, "topic": TOPICS,
}  # fmt: skip


def filter_sets(pairs: int = 12, seed: int = 3) -> list[dict]:
    """For each text (or none): no filter, each value of each filter alone, and
    ``pairs`` random pairs of filters."""
    rng = random.Random(seed)
    nothing = dict.fromkeys(FILTERS)
    singles = [{name: value} for name, values in FILTERS.items() for value in values[1:]]
    sets = []
    for text in TEXTS:
        sets.append({**nothing, "text": text})
        sets += [{**nothing, "text": text, **single} for single in singles]
        for _ in range(pairs):
            first, second = rng.sample(list(FILTERS), 2)
            sets.append({**nothing, "text": text, first: rng.choice(FILTERS[first][1:]),
                         second: rng.choice(FILTERS[second][1:])})  # fmt: skip
    return sets


def all_events(database) -> dict[int, Event]:
    with database.sessions() as session:
        events = session.scalars(
            select(Event).options(selectinload(Event.institution_links),
                                  selectinload(Event.topics))
        ).all()  # fmt: skip
        return {event.id: event for event in events}


def expected_facets(events: list[Event]) -> dict[str, list[dict]]:
    """The listing's facets, counted here from the events themselves."""
    quarters, months, statuses = Counter(), Counter(), Counter()
    institutions, categories, topics = Counter(), Counter(), Counter()
    for event in events:
        quarters[str(Quarter.containing(event.date_value))] += 1
        months[event.date_value.month] += 1
        statuses[event.status] += 1
        slugs = {link.slug for link in event.institution_links if not link.removed}
        institutions.update(slugs)
        categories.update({CATEGORY_OF[slug] for slug in slugs if slug in CATEGORY_OF})
        topics.update({topic.slug for topic in event.topics if not topic.removed})

    def values(pairs):
        return [{"value": str(value), "count": count} for value, count in pairs]

    def by_count(counter):
        return sorted(counter.items(), key=lambda pair: (-pair[1], pair[0]))

    return {
        "quarter": values(sorted(quarters.items(), reverse=True)),
        "month": values(sorted(months.items())),
        "status": values(sorted(statuses.items())),
        "institution": values(by_count(institutions)[:12]),
        "category": values(sorted(categories.items())),
        "topic": values(by_count(topics)),
    }


def words_of(text: str) -> list[str]:
    """Words as a reader takes them: letters and digits, case and accents aside."""
    plain = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return re.findall(r"[^\W_]+", plain)


def reads_as(event: Event, text: str) -> bool:
    """Whether an event's title, summary or implications hold every word of
    ``text``, and each "quoted phrase" as consecutive words of one of them."""
    fields = [words_of(event.title), words_of(event.summary), words_of(event.implications)]
    phrases = [words_of(p) for p in re.findall(r'"([^"]*)"', text)]
    loose = words_of(re.sub(r'"[^"]*"', " ", text))
    every = {word for field in fields for word in field}

    def in_a_field(phrase: list[str]) -> bool:
        n = len(phrase)
        return any(field[i : i + n] == phrase for field in fields for i in range(len(field)))

    return all(w in every for w in loose) and all(in_a_field(p) for p in phrases if p)


def database_matches(database, filters: dict, events: dict[int, Event]) -> list[int]:
    """The database's own filtering, then the texts read here: ids, newest first."""
    quarter = filters["quarter"]
    query = EventQuery(
        period=Period.of_quarter(quarter) if quarter else None, month=filters["month"],
        status=filters["status"], institution=filters["institution"],
        any_institution=filters["any_institution"], topic=filters["topic"],
        statuses=filters["statuses"],
    )  # fmt: skip
    statement = filtered_statement(query)
    with database.connect() as connection:
        ids = list(connection.scalars(
            statement.with_only_columns(Event.id).order_by(None)
            .order_by(Event.date_value.desc(), Event.id.desc())
        ))  # fmt: skip
    if filters["text"] is None:
        return ids
    return [event_id for event_id in ids if reads_as(events[event_id], filters["text"])]


def search_query(filters: dict) -> SearchQuery:
    quarter = filters["quarter"]
    return SearchQuery(
        text=filters["text"], first_day=quarter.start if quarter else None,
        last_day=quarter.end if quarter else None, month=filters["month"],
        status=filters["status"], statuses=filters["statuses"],
        institution=filters["institution"], any_institution=filters["any_institution"],
        topic=filters["topic"],
    )  # fmt: skip


def test_the_same_answers_as_the_database_for_many_filter_sets(engine, database):
    events = all_events(database)
    tried = with_matches = 0
    for filters in filter_sets():
        expected = database_matches(database, filters, events)
        found = search(engine, search_query(filters), limit=1000)
        where = f"for {filters}"
        assert found.total == len(expected), where
        if filters["text"] is None:
            assert found.ids == expected, where  # newest first, then the higher id
        else:
            assert sorted(found.ids) == sorted(expected), where
        assert found.facets == expected_facets([events[i] for i in expected]), where
        tried += 1
        with_matches += bool(expected)
    assert tried > 150 and with_matches > 80  # most sets match something


def test_listing_pages_are_the_newest_first_order_at_every_offset(engine, database):
    """A listing's page is read from its latest months only: it must be the same
    slice of the newest-first order as the whole listing's."""
    events = all_events(database)
    checked = 0
    for filters in filter_sets():
        if filters["text"] is not None:
            continue
        expected = database_matches(database, filters, events)
        for offset, limit in ((0, 1), (0, 5), (3, 4), (10, 7), (len(expected) - 2, 5)):
            if offset >= 0:
                found = search(engine, search_query(filters), offset=offset, limit=limit)
                assert found.ids == expected[offset : offset + limit], (filters, offset, limit)
                checked += 1
    assert checked > 100


def test_pages_and_cards(engine, database):
    everything = search(engine, SearchQuery(text="mexico"), limit=1000)
    assert everything.total > 10
    pages = [search(engine, SearchQuery(text="mexico"), offset=o, limit=4, facets=False)
             for o in range(0, everything.total, 4)]  # fmt: skip
    assert [i for page in pages for i in page.ids] == everything.ids
    assert all(page.total == everything.total and page.facets == {} for page in pages)
    with database.connect() as connection:
        assert everything.cards == read_event_cards(connection, everything.ids)
    listing = search(engine, SearchQuery(), offset=5, limit=5)
    assert listing.ids == search(engine, SearchQuery(), limit=10).ids[5:]
    assert search(engine, SearchQuery(), offset=500).ids == []


def test_a_title_hit_ranks_above_an_implications_hit(engine, corpus):
    found = search(engine, SearchQuery(text="zapotec quinoa"))
    assert found.ids == [corpus["title"], corpus["implications"]]


def test_ranked_by_score_ties_lower_id_first(engine, database, corpus):
    """Two events alike in every searched field score the same: lower id first."""
    twins = [add_event(database, title="Tamarind accord", summary="Same words.",
                       date_value=dt.date(2021, 1, day)) for day in (1, 2, 3)]  # fmt: skip
    assert search(engine, SearchQuery(text="tamarind")).ids == twins
    assert search(engine, SearchQuery(text="tamarind"), offset=1, limit=1).ids == [twins[1]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("López Obrador", "Lopez Obrador"),  # accents folded both ways
        ("LOPEZ obrador", "lópez OBRADOR"),
        ("Rodríguez", "rodriguez"),
        ("QUERETARO", "Querétaro"),
    ],
)
def test_accents_and_case_fold(engine, text, expected):
    found = search(engine, SearchQuery(text=text)).ids
    assert found and found == search(engine, SearchQuery(text=expected)).ids


def test_spanish_words_without_accents_find_accented_text(engine, database):
    event_id = add_event(database, title="Reunión de la Comisión Binacional",
                         summary="Se habló de la cooperación en seguridad.")  # fmt: skip
    for text in ("reunion comision", "cooperacion", "Reunión", "COMISION binacional"):
        assert event_id in search(engine, SearchQuery(text=text)).ids, text


def test_a_quoted_phrase_keeps_its_words_together(engine, database):
    together = add_event(database, title="Water treaty minute", summary="")
    apart = add_event(database, title="Treaty on water", summary="A minute of silence.")
    words = search(engine, SearchQuery(text="water treaty")).ids
    assert together in words and apart in words
    phrase = search(engine, SearchQuery(text='"water treaty"')).ids
    assert together in phrase and apart not in phrase
    assert together in search(engine, SearchQuery(text='"Water Treaty" minute')).ids


def test_a_quoted_phrase_does_not_run_from_one_text_into_the_next(engine, database):
    """A phrase's words at the end of the title and the start of the summary (or
    of the implications, the summary empty) are not together."""
    across = add_event(database, title="Talks on water", summary="Treaty minutes followed.")
    skipping = add_event(database, title="Talks on water", summary="",
                         implications="Treaty minutes may follow.")  # fmt: skip
    inside = add_event(database, title="Talks", summary="", implications="A water treaty.")
    words = search(engine, SearchQuery(text="water treaty")).ids
    assert {across, skipping, inside} <= set(words)
    phrase = search(engine, SearchQuery(text='"water treaty"')).ids
    assert inside in phrase and across not in phrase and skipping not in phrase


@pytest.mark.parametrize(
    ("text", "clauses"),
    [
        (None, None),
        ("   ", None),
        ("--", []),
        ("fentanyl", [["fentanyl"]]),
        ("Fentanyl  ARMS", [["fentanyl"], ["arms"]]),
        ('"water treaty" minute', [["water", "treaty"], ["minute"]]),
        ('López-Obrador', [["lopez"], ["obrador"]]),
        ('"unclosed phrase', [["unclosed"], ["phrase"]]),
        ('NEAR(a b) AND x:y', [["near"], ["a"], ["b"], ["and"], ["x"], ["y"]]),
    ],
)
def test_text_clauses(text, clauses):
    assert text_clauses(text, analyzer()) == clauses


def test_text_without_words_matches_nothing(engine):
    found = search(engine, SearchQuery(text="!!!"))
    assert (found.total, found.ids, found.facets["status"]) == (0, [], [])


@pytest.mark.parametrize(("offset", "limit"), [(-1, 25), (0, -5)])
def test_a_negative_page_is_refused_in_one_sentence(engine, offset, limit):
    with pytest.raises(UserError, match="a page starts at 0"):
        search(engine, SearchQuery(), offset=offset, limit=limit)


def test_no_page_only_counts(engine):
    found = search(engine, SearchQuery(text="mexico"), limit=0)
    assert found.ids == [] and found.cards == [] and found.total > 10
