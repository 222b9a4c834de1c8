"""``binational site build``: the public static site of published data."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from binational.cli.options import DbOption, JsonOption, open_database, settings_for
from binational.cli.output import make_console, print_json
from binational.cli.worker import QueueFlag, hand_to_queue
from binational.errors import UserError

site_app = typer.Typer(help="The public static site of published data.", no_args_is_help=True)


def parse_languages(text: str) -> tuple[str, ...]:
    from binational.site.urls import LANGUAGES

    chosen = tuple(dict.fromkeys(part.strip().lower() for part in text.split(",") if part.strip()))
    unknown = [lang for lang in chosen if lang not in LANGUAGES]
    if unknown or not chosen:
        raise UserError(f"--lang takes {' and '.join(LANGUAGES)}, comma-separated (got {text!r})")
    return chosen


def check_base_url(base_url: str | None) -> str | None:
    from urllib.parse import urlsplit

    if base_url is None:
        return None
    parts = urlsplit(base_url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise UserError(
            f"--base-url must be an http(s) address like https://example.org/, not {base_url!r}"
        )
    return base_url


@site_app.command("build")
def build_command(
    out: Annotated[Path, typer.Option("--out", "-o", help="Directory to write the site into.")],
    lang: Annotated[
        str, typer.Option("--lang", help="Languages, comma-separated: en,es.")
    ] = "en,es",
    base_url: Annotated[
        str | None,
        typer.Option(
            "--base-url",
            help="Where the site will be served (for the sitemap, feeds "
            "and canonical links), e.g. https://example.org/repository/.",
            show_default=False,
        ),
    ] = None,
    no_search: Annotated[
        bool, typer.Option("--no-search", help="Skip the search index (Pagefind).")
    ] = False,
    db: DbOption = None,
    json_output: JsonOption = False,
    queue: QueueFlag = False,
) -> None:
    """Build (or bring up to date) the static site: only pages whose content changed
    are written again."""
    from binational.registry.loader import load_registry
    from binational.site.build import build_site

    languages = parse_languages(lang)
    base = check_base_url(base_url)
    if out.exists() and not out.is_dir():
        raise UserError(f"{out} exists and is not a directory")
    settings = settings_for(db)
    if queue:
        hand_to_queue(  # the task jobs.build_tasks.BUILD_SITE
            settings, "site.build", f"site:{out.resolve()}", out=str(out.resolve()),
            languages=list(languages), base_url=base, search=not no_search,
        )  # fmt: skip
        return
    database = open_database(settings)
    summary = build_site(database, settings, load_registry(), out, languages, base, not no_search)
    if json_output:
        print_json({
            "out": str(out), "pages": summary.pages, "outputs": summary.outputs,
            "written": len(summary.written), "unchanged": summary.unchanged,
            "removed": len(summary.removed), "seconds": round(summary.seconds, 3),
        })  # fmt: skip
        return
    console = make_console()
    console.print(
        f"Site in {out}: {summary.pages} pages; {len(summary.written)} files written, "
        f"{summary.unchanged} unchanged, {len(summary.removed)} removed "
        f"({summary.seconds:.1f} s)"
    )
    if base is None:
        console.print("Note: without --base-url the sitemap and feeds use root-relative links.")
