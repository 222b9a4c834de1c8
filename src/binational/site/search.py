"""Search without a server: Pagefind indexes the built pages (their
``data-pagefind-body``, one index per language from ``<html lang>``, with the
``category`` and ``year`` filters the pages declare) and writes its bundle and
interface into ``pagefind/`` beside them. The binary comes from the ``pagefind``
package (``pagefind[bin]``)."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from binational.errors import UserError


@dataclass(frozen=True)
class SearchIndex:
    pages: int
    seconds: float


def pagefind_executable() -> Path:
    try:
        from pagefind_bin import get_executable
    except ImportError:
        raise UserError(
            "the search index needs the pagefind binary: pip install 'pagefind[bin]'"
        ) from None
    return get_executable()


def index_site(out: Path) -> str:
    """Index the site in ``out``; Pagefind's summary line(s). One sentence if it fails."""
    command = [str(pagefind_executable()), "--site", str(out), "--quiet"]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()
        raise UserError(f"Pagefind could not index {out}: {detail[-1] if detail else 'no output'}")
    return result.stdout.strip()
