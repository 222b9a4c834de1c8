"""Printing for the CLI: JSON for machines, Rich for people, one line for errors."""

from __future__ import annotations

import json
import sys
from typing import Any, NoReturn

import typer


def print_json(data: Any) -> None:
    """Stable, UTF-8, indented JSON on stdout."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def fail(message: str, code: int = 1) -> NoReturn:
    """Print one sentence to stderr and exit with a non-zero status."""
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


def make_console(stderr: bool = False):  # -> rich.console.Console
    from rich.console import Console

    return Console(stderr=stderr, highlight=False)
