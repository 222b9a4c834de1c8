"""Search without a server: Pagefind indexes the built pages (their
``data-pagefind-body``, one index per language from ``<html lang>``, with the
``category`` and ``year`` filters the pages declare). The binary comes from the
``pagefind`` package (``pagefind[bin]``). Result addresses are the pages' paths from
the site's root; the search page adds the site's base path (``baseUrl``).

The index is split in bundles so that a rebuild re-indexes only what changed: the
institutions' pages in the main bundle (``pagefind/``, which also holds the search
interface) and the event pages by year (``pagefind-years/YEAR/``), or, for a year of
more than ``SHARD_EVENTS`` events, by equal runs of months (``pagefind-years/2010-07/``
holds July to December): Pagefind's time grows with the pages it reads, about a
millisecond each, and a rebuild after one edit re-indexes one bundle. The search page
merges them (Pagefind's ``mergeIndex``), so one search covers them all, filters
included.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterable, Sequence
from pathlib import Path

from binational.errors import UserError

MAIN_BUNDLE = "pagefind"
YEARS_DIR = "pagefind-years"
INSTITUTIONS = "institutions"
STAGE = ".search-stage"


# Events a year's bundle holds before the year is split into runs of months: a
# rebuild after one edit re-indexes at most this many events' pages (in both
# languages); the search page merges one more bundle for each run (its entry and
# index metadata are fetched on the first search; the WASM is the main bundle's).
SHARD_EVENTS = 200
SPLITS = (1, 2, 3, 4, 6, 12)  # runs of months that divide the year evenly


def year_splits(events: int, most: int = SHARD_EVENTS) -> int:
    """Into how many runs of months a year of ``events`` events is indexed, each
    holding about ``most`` events at most."""
    return next((parts for parts in SPLITS if events <= most * parts), SPLITS[-1])


def event_shard(year: int, month: int, splits: int) -> str:
    """The bundle of an event of ``year`` and ``month`` when its year is indexed in
    ``splits`` runs of months: '2010', or '2010-07' for the run starting in July."""
    if splits == 1:
        return str(year)
    months = 12 // splits
    return f"{year}-{(month - 1) // months * months + 1:02d}"


def year_bundle(shard: str) -> str:
    return f"{YEARS_DIR}/{shard}/"


def bundle_dir(shard: str) -> str:
    return MAIN_BUNDLE if shard == INSTITUTIONS else year_bundle(shard).rstrip("/")


def shard_of(path: str) -> str | None:
    """Which bundles may index the page at ``path``: 'institutions', the event's year
    ('2023': its year's bundle or one of its runs of months), or None for pages that
    are not searched."""
    parts = path.split("/")
    if len(parts) == 4 and parts[1] == INSTITUTIONS and parts[3] == "index.html":
        return INSTITUTIONS
    if len(parts) == 4 and parts[1] == "events" and parts[3] != "index.html":
        return parts[2]
    return None


def touched(shard: str, removed: set[str]) -> bool:
    """Whether a page removed from the site was in ``shard`` (``removed``: the
    ``shard_of`` of the removed pages; a year's removed page may have been in any of
    its runs)."""
    return shard in removed or shard.split("-")[0] in removed


def pagefind_executable() -> Path:
    try:
        from pagefind_bin import get_executable
    except ImportError:
        raise UserError("the search index needs Pagefind: pip install 'pagefind[bin]'") from None
    return get_executable()


def index_shard(out: Path, shard: str, paths: Sequence[str]) -> None:
    """Index one bundle: its pages are linked (hard links, no copies) into a staging
    directory laid out like the site, so Pagefind reads only them, not every file of
    the site, and gives each result the page's own address."""
    stage = out / f"{STAGE}-{shard}"
    if stage.exists():
        shutil.rmtree(stage)
    made: set[str] = set()
    for path in paths:
        parent = os.path.dirname(path)
        if parent not in made:
            os.makedirs(os.path.join(stage, parent), exist_ok=True)
            made.add(parent)
        os.link(os.path.join(out, path), os.path.join(stage, path))
    bundle = out / bundle_dir(shard)
    fresh = bundle.with_name(bundle.name + ".new")
    if fresh.exists():
        shutil.rmtree(fresh)
    command = [str(pagefind_executable()), "--site", str(stage), "--output-path", str(fresh),
               "--quiet"]  # fmt: skip
    try:
        result = subprocess.run(command, capture_output=True, text=True, check=False)
    finally:
        shutil.rmtree(stage)
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()
        raise UserError(f"Pagefind could not index {out}: {detail[-1] if detail else 'no output'}")
    replace_bundle(bundle, fresh)


def replace_bundle(bundle: Path, fresh: Path) -> None:
    """Put the bundle just written in place of the old one, and only then delete the
    old one: on ext4 a file made right after many were deleted costs several times
    more (the allocator steps over inodes freed moments ago), so Pagefind writes its
    files before the old bundle's are freed."""
    old = bundle.with_name(bundle.name + ".old")
    if old.exists():
        shutil.rmtree(old)
    if bundle.is_dir():
        bundle.rename(old)
    fresh.rename(bundle)
    if old.exists():
        shutil.rmtree(old)


def needs_indexing(out: Path, shard: str, changed: bool) -> bool:
    """A bundle is indexed again when one of its pages changed or it is missing."""
    return changed or not (out / bundle_dir(shard)).is_dir()


def remove_stale_bundles(out: Path, current: Iterable[str]) -> None:
    """Remove the bundles of years that have no events any more."""
    years_dir, keep = out / YEARS_DIR, set(current)
    if years_dir.is_dir():
        for stale in years_dir.iterdir():
            if stale.name not in keep:
                shutil.rmtree(stale)
