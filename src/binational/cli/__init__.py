"""The ``binational`` command line: a thin shell over the service functions.

Each group of commands lives in its own module and is registered here. Modules
import their heavy libraries (SQLAlchemy, Typst, trafilatura, ...) inside the
command functions so that ``binational --help`` stays fast.
"""

from __future__ import annotations

import os
import sys

import typer

from binational.cli import (
    archive,
    backup,
    draft,
    events,
    export,
    ingest,
    registry,
    reports,
    scorecard,
    search_index,
    serve,
    settings,
    site,
    users,
    worker,
)
from binational.errors import Busy, UserError

app = typer.Typer(
    name="binational",
    help="Watch, curate and publish the institutions between the United States and Mexico.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    # Plain Click help: Typer's Rich help imports rich.markdown and markdown-it
    # (~70 ms), a fifth of the start-up budget of `binational --help`.
    rich_markup_mode=None,
)

app.command("import")(reports.import_command)
app.command("report")(reports.report_command)
app.command("scorecard")(scorecard.scorecard_command)
app.add_typer(events.events_app, name="events")
app.add_typer(registry.registry_app, name="registry")
app.command("link")(registry.link_command)
app.command("index")(search_index.index_command)
app.command("serve")(serve.serve_command)
app.add_typer(users.users_app, name="users")
app.command("settings")(settings.settings_command)
app.add_typer(ingest.sources_app, name="sources")
app.add_typer(ingest.candidates_app, name="candidates")
app.command("ingest")(ingest.ingest_command)
app.command("draft")(draft.draft_command)
app.command("backup")(backup.backup_command)
app.command("restore")(backup.restore_command)
app.add_typer(site.site_app, name="site")
app.add_typer(archive.archive_app, name="archive")
app.command("export")(export.export_command)
app.command("worker")(worker.worker_command)
app.command("jobs")(worker.jobs_command)
ingest.sources_app.command("sync")(worker.sync_sources_command)


def main() -> None:
    """Entry point: run the app; turn a ``UserError`` (or ``Busy``) into one line on
    stderr.

    ``--debug`` anywhere on the command line (or BINATIONAL_DEBUG=1) shows the
    traceback instead.
    """
    debug = "--debug" in sys.argv or os.environ.get("BINATIONAL_DEBUG") == "1"
    if "--debug" in sys.argv:
        sys.argv.remove("--debug")
    try:
        app(standalone_mode=True)
    except (UserError, Busy) as error:
        if debug:
            raise
        typer.echo(f"error: {error}", err=True)
        sys.exit(1)
