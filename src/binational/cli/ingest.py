"""``binational sources`` (what to watch), ``binational ingest`` (watch it) and
``binational candidates`` (review what it found)."""

from __future__ import annotations

import getpass
from pathlib import Path
from typing import Annotated

import typer

from binational.cli.options import (
    DbOption,
    JsonOption,
    open_database,
    read_connection,
    settings_for,
)
from binational.cli.output import make_console, print_json
from binational.cli.worker import QueueFlag, hand_to_queue, libpq_url
from binational.errors import UserError

SourcesOption = Annotated[
    Path | None,
    typer.Option(
        "--sources",
        help="Sources file (default: the sources_file setting, ./sources.toml; the bundled "
        "list while it does not exist).",
        show_default=False,
    ),
]
AuthorOption = Annotated[
    str | None, typer.Option("--author", help="Who decides (default: your user name).")
]

sources_app = typer.Typer(
    help="List, add and remove the sources ingestion watches.", no_args_is_help=True
)
candidates_app = typer.Typer(
    help="Review the candidate queue: list, show, accept into a draft event, reject.",
    invoke_without_command=True,
)


def _sources_path(sources: Path | None, settings) -> Path:
    return sources if sources is not None else Path(settings.sources_file)


def _existing_sources_path(sources: Path | None, settings) -> Path:
    """The sources file to read; a file named with --sources must exist (only the
    default file may be missing, meaning the bundled list)."""
    if sources is not None and not sources.is_file():
        raise UserError(f"the sources file {sources} does not exist")
    return _sources_path(sources, settings)


def _author(author: str | None) -> str:
    if author:
        return author
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "cli"


@sources_app.command("list")
def list_sources(sources: SourcesOption = None, json_output: JsonOption = False) -> None:
    """List the watched sources."""
    from dataclasses import asdict

    from binational.ingest.sources import load_sources

    path = _existing_sources_path(sources, settings_for())
    listed = load_sources(path)
    if json_output:
        print_json([{**asdict(s), "official": s.is_official} for s in listed])
        return
    from binational.cli.table import print_table

    print_table(
        ("name", "kind", "lang", "country", "official", "url"),
        [(s.name, s.kind, s.language, s.country, "yes" if s.is_official else "no", s.url)
         for s in listed],
        wrapped=(5,),
    )  # fmt: skip
    where = path if path.exists() else "the bundled list (no sources file yet)"
    typer.echo(f"{len(listed)} sources from {where}")


@sources_app.command("add")
def add_source(
    name: Annotated[str, typer.Argument(help="A unique name for the source.")],
    url: Annotated[str, typer.Argument(help="Feed, listing page or sitemap URL.")],
    kind: Annotated[str, typer.Option(help="rss, atom, feed, listing or sitemap.")] = "feed",
    language: Annotated[str, typer.Option(help="Language of the source (en, es, fr).")] = "en",
    country: Annotated[str, typer.Option(help="US, MX or CA.")] = "US",
    agency: Annotated[str, typer.Option(help="Registry slug of its agency.")] = "",
    selector: Annotated[str, typer.Option(help="CSS selector of article links (listing).")] = "",
    official: Annotated[
        bool | None,
        typer.Option("--official/--unofficial", help="Override the official-host guess."),
    ] = None,
    interval: Annotated[
        float | None,
        typer.Option(
            help="Seconds between the workers' polls (default: ingest_interval).",
            min=1,
            show_default=False,
        ),
    ] = None,
    sources: SourcesOption = None,
) -> None:
    """Add a source (the sources file is created from the bundled list if needed)."""
    from binational.ingest.sources import Source, load_sources, save_sources, with_source

    settings = settings_for()
    path = _sources_path(sources, settings)
    new = Source(name, url, kind, language, country, agency, selector, official, interval)
    save_sources(path, with_source(load_sources(path), new))
    make_console().print(f"added {name!r} to {path}")
    _sync_for_workers(settings, path)


@sources_app.command("remove")
def remove_source(
    name: Annotated[str, typer.Argument(help="Name of the source to remove.")],
    sources: SourcesOption = None,
) -> None:
    """Remove a source (the sources file is created from the bundled list if needed)."""
    from binational.ingest.sources import load_sources, save_sources, without_source

    settings = settings_for()
    path = _sources_path(sources, settings)
    save_sources(path, without_source(load_sources(path), name))
    make_console().print(f"removed {name!r} from {path}")
    _sync_for_workers(settings, path)


def _sync_for_workers(settings, path: Path) -> None:
    """With a PostgreSQL database, the workers' sources follow the file at once."""
    if not settings.db.startswith(("postgresql", "postgres:")):
        return
    from binational.jobs.sources import sync_from_file

    database = open_database(settings)
    try:
        counts = sync_from_file(database, path)
    finally:
        database.close()
    make_console().print(f"the workers' sources: {counts.added} added, {counts.removed} removed")


def ingest_command(
    sources: SourcesOption = None,
    once: Annotated[bool, typer.Option("--once", help="Run once and exit.")] = False,
    interval: Annotated[
        float | None,
        typer.Option(help="Seconds between runs without --once (default: ingest_interval).", min=1),
    ] = None,
    db: DbOption = None,
    json_output: JsonOption = False,
) -> None:
    """Fetch the sources, archive and extract new pages, and queue candidates."""
    import asyncio
    import time

    from binational.ingest.analyze import Analyzer
    from binational.ingest.pipeline import run_ingest
    from binational.ingest.sources import load_sources, official_hosts

    settings = settings_for(db)
    listed = load_sources(_existing_sources_path(sources, settings))
    database = open_database(settings)
    analyzer = Analyzer.build(official_hosts(listed))
    console = make_console()
    show_progress = console.is_terminal and not json_output
    try:
        while True:
            summary = asyncio.run(
                _run(run_ingest, database, settings, listed, analyzer, show_progress)
            )
            if json_output:
                print_json(summary.record())
            else:
                _print_summary(summary)
            if once:
                if summary.failed and all(v == "failed" for v in summary.sources.values()):
                    raise typer.Exit(1)
                return
            time.sleep(interval or settings.ingest_interval)
    except KeyboardInterrupt:
        # Ctrl-C between or during runs: what a run committed stays, the rest of
        # that run is rolled back by its transactions.
        make_console(stderr=True).print("stopped")


async def _run(run_ingest, database, settings, listed, analyzer, show_progress: bool):
    if not show_progress:
        return await run_ingest(database, settings, listed, analyzer)
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, transient=True, console=make_console(stderr=True)) as progress:
        sources_task = progress.add_task("sources", total=len(listed))
        pages_task = progress.add_task("pages", total=0)

        def on_event(kind: str, source: str, detail: str) -> None:
            if kind == "entries":
                total = progress.tasks[pages_task].total or 0
                progress.update(pages_task, total=total + int(detail))
            elif kind == "page":
                progress.advance(pages_task)
            elif kind == "done":
                progress.advance(sources_task)
                progress.update(sources_task, description=f"sources ({source}: {detail})")

        return await run_ingest(database, settings, listed, analyzer, on_event=on_event)


def _print_summary(summary) -> None:
    console = make_console()
    deferred = f", deferred {summary.deferred}" if summary.deferred else ""
    console.print(
        f"fetched {summary.fetched}, unchanged {summary.unchanged}, failed {summary.failed}, "
        f"new {summary.new}, duplicates {summary.duplicates}{deferred}"
    )
    errors = make_console(stderr=True)
    for failure in summary.failures:
        errors.print(f"failed: {failure.source}: {failure.url}: {failure.reason}", soft_wrap=True)


@candidates_app.callback()
def list_candidates_command(
    ctx: typer.Context,
    min_score: Annotated[float, typer.Option("--min-score", help="Lowest score shown.")] = 0.0,
    limit: Annotated[int | None, typer.Option(help="At most this many.", min=1)] = None,
    db: DbOption = None,
    json_output: JsonOption = False,
) -> None:
    """List queued candidates, highest score first."""
    if ctx.invoked_subcommand is not None:
        return
    from binational.ingest.candidate_records import queued_records

    with read_connection(settings_for(db)) as connection:
        records = queued_records(connection, min_score, limit)
    if json_output:
        print_json(records)
        return
    from binational.cli.table import print_table

    print_table(
        ("id", "score", "published", "lang", "title", "copies", "institutions"),
        [(r["id"], f"{r['score']:.2f}", r["published"] or "", r["language"] or "", r["title"],
          r["cluster_size"], ", ".join(i["slug"] for i in r["institutions"])) for r in records],
        wrapped=(4, 6),
    )  # fmt: skip
    typer.echo(f"{len(records)} candidates")


@candidates_app.command("show")
def show_candidate(
    candidate_id: Annotated[int, typer.Argument(help="Candidate id.")],
    db: DbOption = None,
    json_output: JsonOption = False,
) -> None:
    """Show one candidate: its score and reasons, summary, and every copy."""
    from binational.ingest.candidate_records import record_of

    with read_connection(settings_for(db)) as connection:
        record = record_of(connection, candidate_id)
    if json_output:
        print_json(record)
        return
    typer.echo(typer.style(record["title"], bold=True)
               + f"  ({record['published']}, {record['status']})")  # fmt: skip
    typer.echo(record["url"])
    typer.echo(f"score {record['score']:.2f}: " + "; ".join(record["reasons"]))
    typer.echo(record["summary"])
    for url in record["duplicate_urls"]:
        typer.echo(f"  also at {url}")


@candidates_app.command("accept")
def accept_command(
    candidate_id: Annotated[int, typer.Argument(help="Candidate id.")],
    author: AuthorOption = None,
    no_draft: Annotated[
        bool, typer.Option("--no-draft", help="Do not draft the new event's summary.")
    ] = False,
    db: DbOption = None,
    json_output: JsonOption = False,
    queue: QueueFlag = False,
) -> None:
    """Accept a candidate: it becomes a draft event with its sources and links, and
    its summary and implications are drafted (with the model when one is set; with
    --queue, by a worker of the job queue)."""
    from binational.ingest.queue import accept_and_draft

    settings = settings_for(db)
    if queue and not no_draft:
        libpq_url(settings.db)  # one sentence for SQLite, before anything changes
    database = open_database(settings)
    if queue and not no_draft:
        from binational.drafting.keep import Drafter
        from binational.registry.loader import load_registry

        drafter = Drafter.for_registry(load_registry(), None, settings.organization)
        accepted = accept_and_draft(database, candidate_id, _author(author), drafter, False)
        event_id = accepted.event["id"]
        hand_to_queue(settings, "drafting.draft", f"draft:{event_id}", event_id=event_id)
    elif no_draft:
        accepted = accept_and_draft(database, candidate_id, _author(author), None)
    else:
        from binational.drafting.keep import Drafter, drafting_model
        from binational.registry.loader import load_registry

        with drafting_model(settings) as model:
            drafter = Drafter.for_registry(load_registry(), model, settings.organization)
            accepted = accept_and_draft(database, candidate_id, _author(author), drafter)
    record = accepted.event
    if json_output:
        print_json({**record, "draft": accepted.draft.record() if accepted.draft else None})
        return
    console = make_console()
    console.print(f"candidate {candidate_id} is now draft event {record['id']}")
    if accepted.draft is not None:
        draft = accepted.draft.draft
        warned = f", {len(draft.warnings)} warning(s)" if draft.warnings else ""
        console.print(f"drafted ({draft.method}{warned}): binational draft {record['id']}",
                      markup=False)  # fmt: skip


@candidates_app.command("reject")
def reject_command(
    candidate_id: Annotated[int, typer.Argument(help="Candidate id.")],
    author: AuthorOption = None,
    db: DbOption = None,
) -> None:
    """Reject a candidate; it and its copies are never queued again."""
    from binational.ingest.queue import reject_candidate

    database = open_database(settings_for(db))
    with database.transaction() as session:
        reject_candidate(session, candidate_id, _author(author))
    make_console().print(f"candidate {candidate_id} rejected")
