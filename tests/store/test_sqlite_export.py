"""The standalone SQLite file: written whole, or brought up to date from an earlier
one, with the same rows and the same full-text search either way."""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import dataclass

import pytest

from binational.store.sqlite_export import update_sqlite, write_sqlite


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    required: bool = False


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[tuple[str, str, str], ...] = ()


EVENTS = Table("events", (Column("id", "integer", True), Column("title", "string"),
                          Column("summary", "string")), ("id",))  # fmt: skip
LINKS = Table("links", (Column("event_id", "integer", True), Column("slug", "string", True)),
              ("event_id", "slug"), (("event_id", "events", "id"),))  # fmt: skip
TABLES = (EVENTS, LINKS)
FTS = ("events", ("title", "summary"))


def rows(events: dict[int, tuple[str, str]], links: list[tuple[int, str]]) -> dict:
    return {
        "events": [{"id": i, "title": t, "summary": s} for i, (t, s) in events.items()],
        "links": [{"event_id": e, "slug": slug} for e, slug in links],
    }


BEFORE = rows(
    {1: ("Fentanyl committee meets", "Precursors."), 2: ("Water treaty", "Deliveries."),
     3: ("Border bridges", "A new crossing.")},
    [(1, "tfc"), (2, "ibwc"), (3, "ibwc")],
)  # fmt: skip
AFTER = rows(
    {1: ("Fentanyl committee meets", "Precursors and pill presses."),
     3: ("Border bridges", "A new crossing."), 4: ("Diálogo económico", "Agenda.")},
    [(1, "tfc"), (3, "ibwc"), (3, "cila"), (4, "hled")],
)  # fmt: skip


def contents(path) -> dict:
    """Every row of every table, and what a few searches find."""
    with sqlite3.connect(path) as connection:
        found = {
            table.name: sorted(connection.execute(f"SELECT * FROM {table.name}").fetchall())
            for table in TABLES
        }
        for word in ("pill", "precursors", "deliveries", "económico", "crossing"):
            found[word] = sorted(
                connection.execute(
                    "SELECT rowid FROM events_fts WHERE events_fts MATCH ?", (word,)
                ).fetchall()
            )
        found["integrity"] = connection.execute(
            "INSERT INTO events_fts(events_fts, rank) VALUES ('integrity-check', 1)"
        ).fetchall()
    return found


def test_an_update_gives_what_a_whole_write_gives(tmp_path):
    write_sqlite(tmp_path / "before.db", TABLES, BEFORE, FTS)
    write_sqlite(tmp_path / "whole.db", TABLES, AFTER, FTS)
    assert update_sqlite(tmp_path / "before.db", tmp_path / "updated.db", TABLES, AFTER, FTS)
    assert contents(tmp_path / "updated.db") == contents(tmp_path / "whole.db")
    assert contents(tmp_path / "updated.db")["pill"] == [(1,)]
    assert contents(tmp_path / "updated.db")["deliveries"] == []
    # The earlier file is left as it was.
    assert contents(tmp_path / "before.db")["deliveries"] == [(2,)]


def test_no_earlier_file_or_another_schema_is_refused(tmp_path):
    target = tmp_path / "new.db"
    assert not update_sqlite(tmp_path / "missing.db", target, TABLES, AFTER, FTS)
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE events (id INTEGER PRIMARY KEY, title TEXT)")
    assert not update_sqlite(other, target, TABLES, AFTER, FTS)
    (tmp_path / "junk.db").write_bytes(b"not a database at all" * 100)
    assert not update_sqlite(tmp_path / "junk.db", target, TABLES, AFTER, FTS)
    assert not target.exists()


def test_rows_that_break_a_foreign_key_are_refused(tmp_path):
    write_sqlite(tmp_path / "before.db", TABLES, BEFORE, FTS)
    broken = {**AFTER, "links": [*AFTER["links"], {"event_id": 99, "slug": "x"}]}
    with pytest.raises(ValueError, match="1 foreign keys"):
        update_sqlite(tmp_path / "before.db", tmp_path / "updated.db", TABLES, broken, FTS)


def test_an_update_with_nothing_changed_is_the_same_file_content(tmp_path):
    write_sqlite(tmp_path / "before.db", TABLES, BEFORE, FTS)
    shutil.copyfile(tmp_path / "before.db", tmp_path / "copy.db")
    assert update_sqlite(tmp_path / "copy.db", tmp_path / "same.db", TABLES, BEFORE, FTS)
    assert contents(tmp_path / "same.db") == contents(tmp_path / "before.db")
