"""``binational registry list|show|validate`` and ``binational link``.

The registry lives in validated YAML files (``src/binational/registry/data``);
edit them and run ``binational registry validate`` before committing. The loader
and linker are imported inside the commands so ``binational --help`` stays fast.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import typer

from binational.cli.options import DbOption, JsonOption
from binational.cli.output import fail, make_console, print_json
from binational.errors import UserError

registry_app = typer.Typer(
    help="Browse and check the institutions registry (agreements, organizations, "
    "dialogue mechanisms, programs) and the agencies table.",
    no_args_is_help=True,
)

CATEGORIES = ("agreement", "organization", "dialogue_mechanism", "program")


@registry_app.command("list")
def list_command(
    category: str | None = typer.Option(
        None, "--category", "-c", help=f"Only this category: {', '.join(CATEGORIES)}."
    ),
    json_output: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """List institutions (slug, category, names, status)."""
    registry = _load()
    if category is not None and category not in CATEGORIES:
        fail(f"Unknown category {category!r}; use one of {', '.join(CATEGORIES)}.")
    institutions = registry.by_category(category) if category else registry.institutions
    rows = [_summary(institution) for institution in institutions]
    if json_output:
        print_json(rows)
        return
    from binational.cli.table import print_table

    print_table(
        ("slug", "category", "name (en)", "name (es)", "status", "since"),
        [(row["slug"], row["category"], row["name_en"], row["name_es"], row["status"],
          row["established"] or "") for row in rows],
        wrapped=(2, 3),
    )  # fmt: skip


@registry_app.command("show")
def show_command(
    slug: str = typer.Argument(..., help="Slug of an institution or agency."),
    json_output: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Show every field of one institution or agency."""
    from binational.registry.records import entry_record

    registry = _load()
    entry = registry.get(slug)
    if entry is None:
        fail(f"No institution or agency has slug {slug!r}; see `binational registry list`.")
    data = entry_record(entry)
    if hasattr(entry, "category"):
        data["children"] = [child.slug for child in registry.children(slug)]
    if json_output:
        print_json(data)
        return
    from binational.cli.table import print_table

    print_table(None, [(key, _plain(value)) for key, value in data.items()], wrapped=(1,))


@registry_app.command("validate")
def validate_command(
    path: Path | None = typer.Argument(
        None, help="A registry YAML file or a directory of them (default: the bundled data)."
    ),
    strict: bool = typer.Option(
        False,
        "--strict",
        help="Refuse facts without a source (or an unconfirmed mark) and stale statuses "
        "instead of warning.",
    ),
) -> None:
    """Check registry files: fields, dates, slugs, cross-references and provenance.

    A single file is checked together with the other bundled files, so its
    references to agencies or institutions defined elsewhere must resolve. Facts
    without a source and statuses checked longer ago than registry_stale_after_days
    are warnings; --strict makes them errors.
    """
    import datetime as dt

    from binational.cli.options import settings_for
    from binational.registry.loader import (
        load_registry,
        load_registry_files,
        load_registry_with_file,
    )
    from binational.registry.provenance import audit_provenance, count_provenance

    try:
        settings = settings_for()
        if path is None:
            registry = load_registry_files(sorted(_bundled_dir().glob("*.yaml")))
        elif path.is_dir():
            registry = load_registry(path)
        elif path.is_file():
            registry = load_registry_with_file(path)
        else:
            fail(f"{path} does not exist; give a registry YAML file or directory.")
    except UserError as error:
        fail(str(error))
    issues = audit_provenance(registry, dt.date.today(), settings.registry_stale_after_days)
    label = "error" if strict else "warning"
    for issue in issues:
        typer.echo(f"{label}: {issue}", err=True)
    counts = count_provenance(registry)
    if strict and issues:
        fail(
            f"{len(issues)} registry facts lack a source or were checked too long ago "
            "(see above); give each a source and as_of, or mark it unconfirmed."
        )
    typer.echo(
        f"OK: {len(registry.institutions)} institutions and {len(registry.agencies)} agencies; "
        f"facts: {counts.sourced} sourced, {counts.unconfirmed} unconfirmed, "
        f"{counts.unsourced} without provenance; {len(issues)} warnings."
    )


@registry_app.command("check")
def check_command(
    db: DbOption = None,
    as_of: str | None = typer.Option(
        None, "--as-of", help="Check as of this day, YYYY-MM-DD (default: today)."
    ),
    registry_dir: Path | None = typer.Option(
        None,
        "--registry",
        help="A directory of registry YAML files to check instead of the bundled one "
        "(e.g. an edited copy).",
    ),
    json_output: JsonOption = False,
) -> None:
    """Compare each institution's status with its linked events; suggest changes.

    Flags an active institution with no linked event in three years (agreements
    aside), a suspended one with recent events, and one whose last event is older
    than its cadence allows. Each suggestion lists the events it rests on, for an
    analyst to decide; nothing is changed.
    """
    import datetime as dt

    from binational.cli.options import open_database, settings_for
    from binational.registry.loader import load_registry

    try:
        today = dt.date.fromisoformat(as_of) if as_of else dt.date.today()
    except ValueError:
        fail(f"--as-of {as_of!r} is not a day; write YYYY-MM-DD.")
    try:
        registry = load_registry(registry_dir)
        database = open_database(settings_for(db))
    except UserError as error:
        fail(str(error))
    try:
        rows = status_suggestions(database, registry, today)
    finally:
        database.close()
    if json_output:
        print_json(rows)
        return
    from rich.table import Table

    table = Table("slug", "status", "suggested", "why", "evidence (event id: date)")
    for row in rows:
        evidence = ", ".join(f"{e['event_id']}: {e['date']}" for e in row["evidence"])
        table.add_row(row["slug"], row["status"], row["suggested_status"], row["reason"], evidence)
    console = make_console()
    console.print(table)
    console.print(f"{len(rows)} suggested status changes.")


def status_suggestions(database: Any, registry: Any, today: Any) -> list[dict[str, Any]]:
    """``registry check``'s rows: each suggestion as a JSON-ready record with its name."""
    from binational.registry.check import check_statuses, suggestion_record
    from binational.store.institution_activity import institution_activity

    with database.connect() as connection:
        activity = institution_activity(connection)
    suggestions = check_statuses(registry.institutions, activity, today)
    return [
        {**suggestion_record(s), "name_en": registry.get(s.slug).name_en} for s in suggestions
    ]


def link_command(
    file: str = typer.Argument("-", help="Text file to read, or - for standard input."),
    json_output: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Find the institutions and agencies a text mentions (English or Spanish)."""
    from binational.registry.linker import Linker

    text = _read_text(file)
    registry = _load()
    mentions = Linker.build(registry).find(text)
    rows = []
    for mention in mentions:
        entry = registry.get(mention.slug)
        rows.append(
            {
                "start": mention.start,
                "end": mention.end,
                "text": mention.text,
                "slug": mention.slug,
                "kind": mention.kind,
                "name": entry.name_en if entry else mention.slug,
                "category": getattr(entry, "category", None) and str(entry.category),
                "confidence": round(mention.confidence, 2),
                "reason": mention.reason,
            }
        )
    if json_output:
        print_json(rows)
        return
    from rich.table import Table

    table = Table("span", "text", "slug", "kind", "confidence", "reason")
    for row in rows:
        table.add_row(
            f"{row['start']}-{row['end']}",
            row["text"],
            row["slug"],
            row["category"] or row["kind"],
            f"{row['confidence']:.2f}",
            row["reason"],
        )
    console = make_console()
    console.print(table)
    console.print(f"{len(rows)} mentions of {len({row['slug'] for row in rows})} entries.")


def _load():  # -> Registry
    from binational.registry.loader import load_registry

    try:
        return load_registry()
    except UserError as error:
        fail(str(error))


def _bundled_dir() -> Path:
    from binational.registry.loader import BUNDLED_DATA

    return BUNDLED_DATA


def _read_text(file: str) -> str:
    if file == "-":
        return sys.stdin.read()
    try:
        return Path(file).read_text(encoding="utf-8")
    except FileNotFoundError:
        fail(f"{file} does not exist; give a text file or - for standard input.")
    except UnicodeDecodeError:
        fail(f"{file} is not UTF-8 text.")
    except OSError as error:
        fail(f"Cannot read {file}: {error.strerror}.")


def _summary(institution: Any) -> dict[str, Any]:
    return {
        "slug": institution.slug,
        "category": str(institution.category),
        "subtype": institution.subtype,
        "name_en": institution.name_en,
        "name_es": institution.name_es,
        "acronyms": list(institution.acronyms),
        "parties": list(institution.parties),
        "status": institution.status,
        "established": institution.established.text if institution.established else None,
        "parent": institution.parent,
    }


def _plain(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(_plain(item) for item in value)
    if isinstance(value, dict):
        return "; ".join(f"{key}: {_plain(item)}" for key, item in value.items() if item)
    return "" if value is None else str(value)
