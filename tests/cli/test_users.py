"""``binational users add|list|token|password|unlock|sign-out`` and ``binational serve
--help``."""

import json

from typer.testing import CliRunner

from binational.accounts.users import actor_for_token
from binational.cli import app
from binational.store.database import Database


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(app, list(args), input=input)


def test_users_add_list_and_token(tmp_path):
    db = str(tmp_path / "cli.db")
    result = run("users", "add", "Boss@Example.org", "--role", "admin", "--password-stdin",
                 "--db", db, input="a long password\n")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "user boss@example.org created (admin)" in result.output
    listed = json.loads(run("users", "list", "--json", "--db", db).output)
    assert [(u["email"], u["role"], u["active"]) for u in listed] == [
        ("boss@example.org", "admin", True)
    ]  # fmt: skip
    token = run("users", "token", "boss@example.org", "--db", db).output.strip()
    database = Database.open(db)
    with database.connect() as connection:
        actor = actor_for_token(connection, token)
    database.close()
    assert actor is not None and actor.email == "boss@example.org"
    assert json.loads(run("users", "list", "--json", "--db", db).output)[0]["tokens"] == 1


def test_users_add_prompts_twice_for_the_password(tmp_path):
    db = str(tmp_path / "cli.db")
    result = run("users", "add", "ed@example.org", "--role", "editor", "--db", db,
                 input="a long password\na long password\n")  # fmt: skip
    assert result.exit_code == 0, result.output


def test_users_password_sets_a_new_one(tmp_path):
    from binational.accounts.passwords import Passwords
    from binational.accounts.users import authenticate

    db = str(tmp_path / "cli.db")
    run("users", "add", "ana@example.org", "--password-stdin", "--db", db,
        input="a long password\n")  # fmt: skip
    result = run("users", "password", "ana@example.org", "--password-stdin", "--db", db,
                 input="another long password\n")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "password of ana@example.org changed" in result.output
    database = Database.open(db)
    with database.transaction() as session:
        passwords = Passwords()
        assert authenticate(session, passwords, "ana@example.org", "a long password") is None
        assert authenticate(session, passwords, "ana@example.org", "another long password")
    database.close()
    short = run("users", "password", "ana@example.org", "--password-stdin", "--db", db,
                input="short\n")  # fmt: skip
    assert short.exit_code != 0 and "at least" in str(short.exception)
    nobody = run("users", "password", "nobody@example.org", "--password-stdin", "--db", db,
                 input="another long password\n")  # fmt: skip
    assert nobody.exit_code != 0 and "there is no user" in str(nobody.exception)


def test_refusals_are_one_sentence(tmp_path):
    db = str(tmp_path / "cli.db")
    bad_role = run("users", "add", "x@example.org", "--role", "owner", "--password-stdin",
                   "--db", db, input="a long password\n")  # fmt: skip
    assert bad_role.exit_code != 0 and "'owner' is not a role" in str(bad_role.exception)
    nobody = run("users", "token", "nobody@example.org", "--db", db)
    assert nobody.exit_code != 0 and "there is no user" in str(nobody.exception)


def test_serve_help():
    result = run("serve", "--help")
    assert result.exit_code == 0
    assert "--host" in result.output and "--port" in result.output and "--db" in result.output


def test_unlock_ends_a_lockout_and_sign_out_ends_sessions(tmp_path):
    import time

    from binational.accounts.sessions import actor_for_session, start_session
    from binational.accounts.throttle import LoginThrottle
    from binational.accounts.users import find_user

    db = str(tmp_path / "cli.db")
    run("users", "add", "boss@example.org", "--role", "admin", "--password-stdin", "--db", db,
        input="a long password\n")  # fmt: skip
    database = Database.open(db)
    throttle = LoginThrottle()
    with database.transaction() as session:
        for _ in range(6):
            throttle.failed(session, "boss@example.org", "203.0.113.9")
        token = start_session(session, find_user(session, "boss@example.org"), 12, time.time())
    with database.sessions() as session:
        assert throttle.retry_after(session, "boss@example.org", "198.51.100.1") is not None

    unlocked = run("users", "unlock", "Boss@Example.org", "--db", db)
    assert unlocked.exit_code == 0, unlocked.output
    assert "boss@example.org may sign in again (6 failed attempts forgotten)" in unlocked.output
    with database.sessions() as session:
        assert throttle.retry_after(session, "boss@example.org", "198.51.100.1") is None
    again = run("users", "unlock", "boss@example.org", "--db", db)
    assert "boss@example.org was not locked out" in again.output

    with database.connect() as connection:
        assert actor_for_session(connection, token, time.time()) is not None
    signed_out = run("users", "sign-out", "boss@example.org", "--db", db)
    assert signed_out.exit_code == 0 and "1 sessions of boss@example.org ended" in signed_out.output
    with database.connect() as connection:
        assert actor_for_session(connection, token, time.time()) is None
    database.close()
    nobody = run("users", "unlock", "nobody@example.org", "--db", db)
    assert nobody.exit_code != 0 and "there is no user nobody@example.org" in str(nobody.exception)
