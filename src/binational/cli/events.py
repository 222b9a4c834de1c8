"""``binational events``: list, search and show events; link and unlink institutions."""

from __future__ import annotations

from typing import Annotated

import typer

from binational.cli.options import (
    DbOption,
    JsonOption,
    PeriodOption,
    open_database,
    parse_period,
    read_connection,
    settings_for,
)
from binational.cli.output import make_console, print_json
from binational.errors import UserError

events_app = typer.Typer(
    help="List and search events; link them to institutions.", invoke_without_command=True
)


def _labels():
    from binational.registry.loader import load_registry
    from binational.registry.records import registry_labels

    return registry_labels(load_registry())


@events_app.callback()
def list_events(
    ctx: typer.Context,
    period: PeriodOption = None,
    search: Annotated[
        str | None,
        typer.Option(help="Words to search for (\"quoted phrases\" kept), best match first."),
    ] = None,
    status: Annotated[str | None, typer.Option(help="Only events with this status.")] = None,
    institution: Annotated[
        str | None, typer.Option(help="Only events linked to this slug.")
    ] = None,
    topic: Annotated[str | None, typer.Option(help="Only events with this topic.")] = None,
    limit: Annotated[
        int | None,
        typer.Option(help=f"At most this many events (with --search: {SEARCH_LIMIT}).", min=1),
    ] = None,
    db: DbOption = None,
    json_output: JsonOption = False,
) -> None:
    """List events (by date, or by relevance with --search, as the web's search)."""
    if ctx.invoked_subcommand is not None:
        return
    chosen = parse_period(period) if period else None
    settings = settings_for(db)
    if search is not None:
        records = _searched(open_database(settings), settings, search, chosen, status,
                            institution, topic, limit or SEARCH_LIMIT)  # fmt: skip
    else:
        records = _listed(settings, chosen, status, institution, topic, limit)
    if json_output:
        print_json(records)
        return
    _print_table(records)


# A search answers best match first; past the first hundred, scripts page with --limit.
SEARCH_LIMIT = 100


def _listed(settings, period, status, institution, topic, limit) -> list[dict]:
    """Events by date, with their numbers in their quarters' reports (read without the
    ORM, and on SQLite without SQLAlchemy: ``read_connection``)."""
    from binational.reports.numbers import Target, event_numbers
    from binational.store.event_query import EventQuery, listed_events
    from binational.store.event_reads import read_events

    query = EventQuery(period=period, status=status, institution=institution, topic=topic,
                       limit=limit)  # fmt: skip
    labels = _labels()
    with read_connection(settings) as connection:
        found = listed_events(connection, query)
        numbers = event_numbers(connection, [Target(*row) for row in found])
        return read_events(connection, [row.id for row in found], labels, numbers)


def _searched(database, settings, text, period, status, institution, topic, limit) -> list[dict]:
    """The search service's best matches (the web's ranking), as records with their
    numbers in their quarters' reports."""
    from binational.domain import PartialDate
    from binational.registry.loader import load_registry
    from binational.registry.records import registry_labels
    from binational.reports.numbers import Target, event_numbers
    from binational.search import SearchQuery, open_engine, search
    from binational.store.event_reads import read_events

    registry = load_registry()
    query = SearchQuery(
        text=text, first_day=period.start if period else None,
        last_day=period.end if period else None, status=status, institution=institution,
        topic=topic,
    )  # fmt: skip
    found = search(open_engine(database, registry, settings), query, limit=limit, facets=False)
    with database.connect() as connection:
        records = read_events(connection, found.ids, registry_labels(registry))
        targets = [Target(r["id"], PartialDate.parse(r["date"]).value, r["status"])
                   for r in records]  # fmt: skip
        numbers = event_numbers(connection, targets)
    return [{**record, "number": numbers.get(record["id"])} for record in records]


def _print_table(records: list[dict]) -> None:
    from binational.cli.table import print_table

    rows = [
        (record["id"], record["number"] or "", record["date"], record["title"],
         ", ".join(link["slug"] for link in record["institutions"]), record["status"])
        for record in records
    ]  # fmt: skip
    print_table(("id", "no.", "date", "title", "institutions", "status"), rows, wrapped=(3, 4))
    typer.echo(f"{len(records)} events")


@events_app.command("show")
def show_event(
    event_id: Annotated[int, typer.Argument(help="Event id.")],
    db: DbOption = None,
    json_output: JsonOption = False,
) -> None:
    """Show one event with its links, topics and revisions."""
    from binational.reports.numbers import Target, event_numbers
    from binational.store.event_reads import read_event_day, read_events, read_revisions

    with read_connection(settings_for(db)) as connection:
        day = read_event_day(connection, event_id)
        if day is None:
            raise UserError(f"there is no event {event_id}")
        numbers = event_numbers(connection, [Target(*day)])
        [record] = read_events(connection, [event_id], _labels(), numbers)
        record["revisions"] = read_revisions(connection, event_id, newest_first=False)
    if json_output:
        print_json(record)
        return
    typer.echo(typer.style(record["title"], bold=True) + f"  ({record['date']}, "
               f"{record['status']})")  # fmt: skip
    if record["url"]:
        typer.echo(record["url"])
    typer.echo(record["summary"])
    typer.echo(typer.style("Institutional Implications:", bold=True))
    typer.echo(record["implications"])
    for link in record["institutions"]:
        typer.echo(f"  → {link['slug']} ({link['name']}) from {link['mention']!r}")
    typer.echo("Topics: " + ", ".join(topic["slug"] for topic in record["topics"]))


def _registry_kind(slug: str) -> str:
    from binational.registry.loader import load_registry

    kind = load_registry().kind_of(slug)
    if kind is None:
        raise UserError(
            f"{slug!r} is not in the registry; see `binational registry list` for the slugs"
        )
    return kind


@events_app.command("link")
def link_event(
    event_id: Annotated[int, typer.Argument(help="Event id.")],
    slug: Annotated[str, typer.Argument(help="Institution or agency slug.")],
    author: Annotated[str, typer.Option(help="Who is making the change.")] = "cli",
    db: DbOption = None,
) -> None:
    """Link an event to an institution or agency (recorded as the analyst's link)."""
    from binational.store.events import get_event
    from binational.store.links import add_link

    kind = _registry_kind(slug)
    database = open_database(settings_for(db))
    with database.transaction() as session:
        changed = add_link(session, get_event(session, event_id), slug, kind, author)
    make_console().print(
        f"event {event_id} linked to {slug}"
        if changed
        else f"event {event_id} was already linked to {slug}"
    )


@events_app.command("unlink")
def unlink_event(
    event_id: Annotated[int, typer.Argument(help="Event id.")],
    slug: Annotated[str, typer.Argument(help="Institution or agency slug.")],
    author: Annotated[str, typer.Option(help="Who is making the change.")] = "cli",
    db: DbOption = None,
) -> None:
    """Remove a link; it stays removed when the linker runs again."""
    from binational.store.events import get_event
    from binational.store.links import remove_link

    database = open_database(settings_for(db))
    with database.transaction() as session:
        if not remove_link(session, get_event(session, event_id), slug, author):
            raise UserError(f"event {event_id} is not linked to {slug}")
    make_console().print(f"event {event_id} unlinked from {slug}")


@events_app.command("relink")
def relink_events(
    period: PeriodOption = None,
    db: DbOption = None,
    json_output: JsonOption = False,
) -> None:
    """Run the linker and topic tagger again (after the registry changed). Links the
    analyst removed stay removed; links the analyst added stay; an event whose links
    or topics change gets a revision by 'linker'."""
    from binational.registry.annotate import registry_annotator
    from binational.store.events import EventQuery, find_events
    from binational.store.links import relink_event

    chosen = parse_period(period) if period else None
    annotator = registry_annotator()
    database = open_database(settings_for(db))
    with database.transaction() as session:
        events = find_events(session, EventQuery(period=chosen))
        added = sum(relink_event(session, event, annotator, "linker") for event in events)
    if json_output:
        print_json({"events": len(events), "new_links": added})
    else:
        make_console().print(f"{len(events)} events relinked, {added} new links")
