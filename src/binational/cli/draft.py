"""``binational draft EVENT_ID``: draft an event's summary and implications."""

from __future__ import annotations

from typing import Annotated

import typer

from binational.cli.options import DbOption, JsonOption, open_database, settings_for
from binational.cli.output import make_console, print_json

LlmOption = Annotated[
    bool | None,
    typer.Option(
        "--llm/--no-llm",
        help="Rewrite with the drafting model (default: when BINATIONAL_LLM_URL is set).",
        show_default=False,
    ),
]


def draft_command(
    event_id: Annotated[int, typer.Argument(help="Event id.")],
    llm: LlmOption = None,
    save: Annotated[
        bool, typer.Option("--save", help="Keep it as the event's draft (a revision).")
    ] = False,
    db: DbOption = None,
    json_output: JsonOption = False,
) -> None:
    """Draft an event's summary (from its sources) and implications (from the facts)."""
    from binational.drafting.keep import Drafter, drafting_model, keep
    from binational.registry.loader import load_registry

    settings = settings_for(db)
    database = open_database(settings)
    with drafting_model(settings, llm) as model:
        drafter = Drafter.for_registry(load_registry(), model, settings.organization)
        outcome = drafter.draft(database, event_id)
    if save:
        outcome = keep(database, outcome)
    if json_output:
        print_json(outcome.record())
        return
    print_draft(outcome)


def print_draft(outcome) -> None:  # outcome: binational.drafting.keep.DraftOutcome
    """The draft for people: the summary sentence by sentence with where each is,
    the implications, the warnings."""
    from rich.markup import escape  # the text is data: "[unverified]" is not a style

    record = outcome.record()
    console = make_console()
    flags = f" ({', '.join(record['summary']['flags'])})" if record["summary"]["flags"] else ""
    console.print(f"[bold]Draft of event {record['event_id']}[/bold], "
                  + escape(f"{record['method']}{flags}"))  # fmt: skip
    console.print("[bold]Summary[/bold]")
    for sentence in record["summary"]["sentences"]:
        where = (f"{sentence['source_url']} [{sentence['start']}:{sentence['end']}]"
                 if sentence["source_url"] else "no supporting passage")  # fmt: skip
        console.print("  " + escape(sentence["text"]), soft_wrap=True)
        console.print(f"    [dim]{escape(where)}[/dim]", soft_wrap=True)
    console.print("[bold]Institutional Implications[/bold]")
    console.print("  " + escape(record["implications"]["text"] or "-"), soft_wrap=True)
    for warning in record["warnings"]:
        console.print("[yellow]warning:[/yellow] " + escape(warning), soft_wrap=True)
    if record["draft_id"] is not None:
        console.print(f"kept as draft {record['draft_id']} of event {record['event_id']}")
