"""Compiling the named statements for SQLite: the kind of every type, the refusal of
what the reader cannot mirror, and every named statement compiled."""

import pytest
from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Enum,
    Float,
    Integer,
    Interval,
    Numeric,
    String,
    Text,
)
from sqlalchemy.types import NullType

from binational.store.compiled import NotCompilable, compile_all, kind_of, named_statements
from binational.store.event_query import command_line_listings


@pytest.mark.parametrize(
    ("type_", "kind"),
    [
        (Integer(), "plain"), (String(20), "plain"), (Text(), "plain"), (NullType(), "plain"),
        (Float(), "float"), (Boolean(), "bool"), (Date(), "date"), (DateTime(), "datetime"),
        (JSON(), "json"),
    ],
)  # fmt: skip
def test_kind_of(type_, kind):
    assert kind_of(type_) == kind


@pytest.mark.parametrize("type_", [Numeric(), Interval(), Enum("a", "b", name="ab")], ids=repr)
def test_types_the_reader_cannot_mirror_are_refused(type_):
    with pytest.raises(NotCompilable):
        kind_of(type_)


def test_every_named_statement_is_compiled():
    compiled = compile_all()
    assert set(compiled) == {statement.key for statement in named_statements()}
    assert len(command_line_listings()) == 32
    assert {s.key for s in command_line_listings()} <= set(compiled)
    for statement in compiled.values():
        assert statement.sql.startswith("SELECT")
        assert statement.sql.count("?") + statement.sql.count("__[POSTCOMPILE_") == len(
            statement.parameters
        )
