"""Values bound and read without SQLAlchemy are what SQLAlchemy's SQLite types' own
processors make of them."""

import datetime as dt

import pytest
from sqlalchemy import JSON, Boolean, Date, DateTime, Float, Integer, String
from sqlalchemy.dialects import sqlite

from binational.store.compiled import kind_of
from binational.store.sqlite_values import BIND, READ, bound

DIALECT = sqlite.dialect()

BINDS = [
    (Date(), dt.date(2023, 4, 12)), (Date(), dt.date(999, 1, 2)),
    (DateTime(), dt.datetime(2023, 4, 12, 9, 5, 7, 123)), (DateTime(), dt.datetime(2023, 1, 1)),
    (DateTime(), dt.date(2023, 4, 12)),
    (Boolean(), True), (Boolean(), False),
    (Float(), 0.25), (Float(), 3),
    (Integer(), 7), (String(), "hled"),
]  # fmt: skip
READS = [
    (Date(), "2023-04-12"),
    (DateTime(), "2023-04-12 09:05:07.000123"), (DateTime(), "2023-04-12 09:05:07"),
    (Boolean(), 1), (Boolean(), 0),
    (JSON(), '{"a": [1, "b"]}'), (JSON(), "[]"), (JSON(), "null"), (JSON(), 5),
    (Float(), 0.25), (Integer(), 7), (String(), "hled"),
]  # fmt: skip


def processed(processor, value):
    return value if processor is None else processor(value)


@pytest.mark.parametrize(("type_", "value"), BINDS, ids=repr)
def test_bound_as_sqlalchemy_binds(type_, value):
    expected = processed(type_.dialect_impl(DIALECT).bind_processor(DIALECT), value)
    found = bound(kind_of(type_), value)
    assert (type(found), found) == (type(expected), expected)


@pytest.mark.parametrize(("type_", "value"), READS, ids=repr)
def test_read_as_sqlalchemy_reads(type_, value):
    expected = processed(type_.dialect_impl(DIALECT).result_processor(DIALECT, None), value)
    found = READ[kind_of(type_)](value)
    assert (type(found), found) == (type(expected), expected)


def test_none_stays_none():
    assert {bound(kind, None) for kind in BIND} == {None}
