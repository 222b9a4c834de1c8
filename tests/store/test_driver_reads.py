"""Reads on the driver's cursor give what SQLAlchemy's execute gives, on both engines."""

import pytest
from sqlalchemy import bindparam, select

from binational.accounts.passwords import Passwords
from binational.accounts.users import create_user
from binational.store.account_models import User
from binational.store.driver_reads import compiled_sql, first_row

users = User.__table__
# Two parameters, used in the opposite order of their names, and a boolean literal:
# what a driver taking parameters by position gets wrong if the order is lost.
BY_ID_AND_ROLE = select(users.c.email, users.c.role).where(
    users.c.role == bindparam("role"),
    users.c.id == bindparam("user_id"),
    users.c.active.is_(True),
)


@pytest.fixture
def accounts(database):
    with database.transaction() as session:
        made = [create_user(session, Passwords(), f"u{n}@example.org", role, "a long password")
                for n, role in enumerate(("viewer", "editor", "admin"))]  # fmt: skip
        made[2].active = False
        session.flush()
        return [(user.id, user.role) for user in made]


@pytest.mark.parametrize(
    "which, role, expected",
    [
        (0, None, ("u0@example.org", "viewer")),
        (1, None, ("u1@example.org", "editor")),
        (1, "admin", None),  # another role
        (2, None, None),  # deactivated
    ],
)
def test_first_row_matches_execute(database, accounts, which, role, expected):
    user_id, current = accounts[which]
    params = {"user_id": user_id, "role": current if role is None else role}
    with database.connect() as connection:
        through_sqlalchemy = connection.execute(BY_ID_AND_ROLE, params).first()
        assert first_row(connection, BY_ID_AND_ROLE, **params) == (
            tuple(through_sqlalchemy) if through_sqlalchemy else None
        )
    assert (tuple(through_sqlalchemy) if through_sqlalchemy else None) == expected


def test_missing_row_is_none(database):
    with database.connect() as connection:
        assert first_row(connection, BY_ID_AND_ROLE, user_id=999, role="viewer") is None


def test_compiled_parameters_follow_the_sql_not_the_call(database):
    with database.connect() as connection:
        sql, order = compiled_sql(BY_ID_AND_ROLE, connection.dialect)
    if database.dialect == "sqlite":
        assert order == ("role", "user_id")  # the SQL's order, not the call's
    else:
        assert order is None and "%(user_id)s" in sql
