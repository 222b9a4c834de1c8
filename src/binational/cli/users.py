"""``binational users``: accounts (viewer, editor, admin), API tokens, sign-in
lockouts and web sessions."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from binational.cli.options import DbOption, JsonOption, open_database, settings_for
from binational.cli.output import make_console, print_json
from binational.errors import UserError

users_app = typer.Typer(
    help="Manage the web application's users (viewer, editor, admin) and API tokens.",
    no_args_is_help=True,
)


def _read_password(password_stdin: bool) -> str:
    if password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    return typer.prompt("Password", hide_input=True, confirmation_prompt=True)


@users_app.command("add")
def add_user(
    email: Annotated[str, typer.Argument(help="The user's email (their sign-in name).")],
    role: Annotated[str, typer.Option(help="viewer, editor or admin.")] = "viewer",
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="Read the password from standard input.")
    ] = False,
    db: DbOption = None,
) -> None:
    """Create a user; the password is prompted for (or read with --password-stdin)."""
    from binational.accounts.passwords import Passwords
    from binational.accounts.roles import parse_role
    from binational.accounts.users import create_user

    parse_role(role)
    password = _read_password(password_stdin)
    database = open_database(settings_for(db))
    with database.transaction() as session:
        user = create_user(session, Passwords(), email, role, password)
        email, role = user.email, user.role
    make_console().print(f"user {email} created ({role})")


@users_app.command("password")
def password_command(
    email: Annotated[str, typer.Argument(help="Whose password to set.")],
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="Read the password from standard input.")
    ] = False,
    db: DbOption = None,
) -> None:
    """Set a user's password (a forgotten one, say); their open sessions end."""
    from binational.accounts.passwords import Passwords
    from binational.accounts.users import find_user, set_password

    database = open_database(settings_for(db))
    with database.sessions() as session:
        if find_user(session, email) is None:
            raise UserError(f"there is no user {email}; create one with `binational users add`")
    password = _read_password(password_stdin)
    with database.transaction() as session:
        user = find_user(session, email)
        set_password(session, Passwords(), user, password)
        email = user.email
    make_console().print(f"password of {email} changed; their open sessions are ended")


@users_app.command("list")
def list_users_command(db: DbOption = None, json_output: JsonOption = False) -> None:
    """List users with their role and whether they are active."""
    from binational.accounts.users import list_users, user_record

    database = open_database(settings_for(db))
    with database.sessions() as session:
        records = [user_record(user) for user in list_users(session)]
    if json_output:
        print_json(records)
        return
    from rich.table import Table

    table = Table("email", "role", "active", "tokens", "created")
    for record in records:
        table.add_row(
            record["email"], record["role"], "yes" if record["active"] else "no",
            str(record["tokens"]), record["created_at"],
        )  # fmt: skip
    console = make_console()
    console.print(table)
    console.print(f"{len(records)} users")


@users_app.command("token")
def token_command(
    email: Annotated[str, typer.Argument(help="Whose token: the scripts act as this user.")],
    label: Annotated[str, typer.Option(help="A note to recognize the token by.")] = "",
    db: DbOption = None,
) -> None:
    """Create an API token (printed once; send it as 'Authorization: Bearer TOKEN')."""
    from binational.accounts.users import find_user, issue_token

    database = open_database(settings_for(db))
    with database.transaction() as session:
        user = find_user(session, email)
        if user is None:
            raise UserError(f"there is no user {email}; create one with `binational users add`")
        token = issue_token(session, user, label)
    typer.echo(token)


@users_app.command("unlock")
def unlock_command(
    email: Annotated[str, typer.Argument(help="Whose sign-in lockout to end.")],
    db: DbOption = None,
) -> None:
    """End an account's lockout after too many wrong passwords; every server process
    sees it at once (the failures are kept in the database)."""
    from binational.accounts.throttle import LoginThrottle
    from binational.accounts.users import find_user

    database = open_database(settings_for(db))
    with database.transaction() as session:
        user = find_user(session, email)
        if user is None:
            raise UserError(f"there is no user {email}; see `binational users list`")
        forgotten = LoginThrottle().unlock(session, user.email)
        email = user.email
    make_console().print(
        f"{email} may sign in again ({forgotten} failed attempts forgotten)"
        if forgotten
        else f"{email} was not locked out"
    )


@users_app.command("sign-out")
def sign_out_command(
    email: Annotated[str, typer.Argument(help="Whose sessions to end.")],
    db: DbOption = None,
) -> None:
    """End every web session of a user at once (a lost laptop, a departure); their
    API tokens stay."""
    from binational.accounts.sessions import end_user_sessions
    from binational.accounts.users import find_user

    database = open_database(settings_for(db))
    with database.transaction() as session:
        user = find_user(session, email)
        if user is None:
            raise UserError(f"there is no user {email}; see `binational users list`")
        ended, email = end_user_sessions(session, user), user.email
    make_console().print(f"{ended} sessions of {email} ended")
