"""``binational archive fetch|check``: archived copies of what published events cite,
and re-checks of the original addresses."""

from __future__ import annotations

import asyncio
from typing import Annotated

import typer

from binational.cli.options import DbOption, JsonOption, open_database, settings_for
from binational.cli.output import make_console, print_json
from binational.cli.worker import QueueFlag, hand_to_queue
from binational.errors import UserError

CHECK_ARCHIVE = "archive.check"  # binational.jobs.build_tasks.CHECK_ARCHIVE (not imported:
# the command's start stays light)

archive_app = typer.Typer(
    help="Archived copies of cited sources, and checks of the originals.", no_args_is_help=True
)
LimitOption = Annotated[
    int | None,
    typer.Option("--limit", help="At most this many addresses in this run.", show_default=False),
]


def _limit(limit: int | None) -> int | None:
    if limit is not None and limit < 1:
        raise UserError("--limit must be 1 or more")
    return limit


@archive_app.command("fetch")
def fetch_command(
    limit: LimitOption = None, db: DbOption = None, json_output: JsonOption = False
) -> None:
    """Archive every cited address that has no archived copy yet (run it after an
    import or an edit that adds a source)."""
    from binational.site.citations import archive_missing

    settings = settings_for(db)
    database = open_database(settings)
    outcomes = asyncio.run(archive_missing(database, settings, _limit(limit)))
    if json_output:
        print_json([{"url": o.url, "archived": o.archived, "reason": o.reason} for o in outcomes])
        return
    console = make_console()
    done = sum(outcome.archived for outcome in outcomes)
    console.print(f"{done} of {len(outcomes)} cited addresses archived")
    for outcome in outcomes:
        if not outcome.archived:
            console.print(f"  not archived: {outcome.url} ({outcome.reason})")


@archive_app.command("check")
def check_command(
    limit: LimitOption = None, db: DbOption = None, json_output: JsonOption = False,
    queue: QueueFlag = False,
) -> None:  # fmt: skip
    """Re-fetch the cited addresses politely and record which moved or died."""
    from binational.site.citations import check_citations

    settings = settings_for(db)
    if queue:
        hand_to_queue(settings, CHECK_ARCHIVE, CHECK_ARCHIVE, limit=_limit(limit))
        return
    database = open_database(settings)
    checks = asyncio.run(check_citations(database, settings, _limit(limit)))
    if json_output:
        print_json([
            {"url": c.url, "state": c.state, "status": c.status, "final_url": c.final_url,
             "note": c.note, "checked_at": c.checked_at.isoformat(timespec="seconds")}
            for c in checks
        ])  # fmt: skip
        return
    console = make_console()
    counts = {
        state: sum(c.state == state for c in checks) for state in ("ok", "moved", "dead", "error")
    }
    console.print(f"{len(checks)} checked: " + ", ".join(f"{n} {s}" for s, n in counts.items()))
    for check in checks:
        if check.state != "ok":
            console.print(f"  {check.state}: {check.url} ({check.note})")
