"""Search without a server: Pagefind indexes the built pages (their
``data-pagefind-body``, one index per language from ``<html lang>``, with the
``category`` and ``year`` filters the pages declare). The binary comes from the
``pagefind`` package (``pagefind[bin]``).

The index is split in bundles so that a rebuild re-indexes only what changed: the
institutions' pages in the main bundle (``pagefind/``, which also holds the search
interface) and each year's event pages in a bundle of their own
(``pagefind-years/YEAR/``); the search page merges them (Pagefind's ``mergeIndex``),
so one search covers them all, filters included.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterable, Sequence
from pathlib import Path

from binational.errors import UserError

MAIN_BUNDLE = "pagefind/"
YEARS_DIR = "pagefind-years"
INSTITUTIONS = "institutions"


def year_bundle(year: int) -> str:
    return f"{YEARS_DIR}/{year}/"


def shard_of(path: str) -> str | None:
    """Which bundle indexes the page at ``path``: 'institutions', a year ('2023'), or
    None for pages that are not searched."""
    parts = path.split("/")
    if len(parts) == 4 and parts[1] == INSTITUTIONS and parts[3] == "index.html":
        return INSTITUTIONS
    if len(parts) == 5 and parts[1] == "events" and parts[4] == "index.html":
        return parts[2]
    return None


def pagefind_executable() -> Path:
    try:
        from pagefind_bin import get_executable
    except ImportError:
        raise UserError(
            "the search index needs the pagefind binary: pip install 'pagefind[bin]'"
        ) from None
    return get_executable()


def _run_pagefind(out: Path, glob: str, bundle: str) -> None:
    command = [str(pagefind_executable()), "--site", str(out), "--glob", glob,
               "--output-subdir", bundle, "--quiet"]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()
        raise UserError(f"Pagefind could not index {out}: {detail[-1] if detail else 'no output'}")


def index_site(
    out: Path, languages: Sequence[str], years: Iterable[int], changed: Iterable[str] | None
) -> list[str]:
    """Index the bundles whose pages ``changed`` (paths; None: every bundle) or whose
    bundle is missing; remove the bundles of years that have no events any more.
    Returns the bundles indexed."""
    wanted = {INSTITUTIONS, *(str(year) for year in years)}
    dirty = set(wanted) if changed is None else {shard_of(path) for path in changed} & wanted
    dirty |= {shard for shard in wanted if not (out / _bundle(shard)).is_dir()}
    languages_glob = "{" + ",".join(languages) + "}" if len(languages) > 1 else languages[0]
    for shard in sorted(dirty):
        pages = f"{INSTITUTIONS}/*" if shard == INSTITUTIONS else f"events/{shard}/*"
        _run_pagefind(out, f"{languages_glob}/{pages}/index.html", _bundle(shard))
    years_dir = out / YEARS_DIR
    if years_dir.is_dir():
        for stale in years_dir.iterdir():
            if stale.name not in wanted:
                shutil.rmtree(stale)
    return sorted(dirty)


def _bundle(shard: str) -> str:
    return MAIN_BUNDLE.rstrip("/") if shard == INSTITUTIONS else year_bundle(int(shard)).rstrip("/")
