"""The site's build: read the published data, plan the pages, produce and write
only the outputs whose content key changed, then index the pages for search."""

from __future__ import annotations

import dataclasses
import datetime as dt
import gc
import time
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

from binational.config import Settings
from binational.export.metadata import DataDescription
from binational.export.parts import export_parts
from binational.export.service import FORMATS
from binational.export.tables import open_data
from binational.publish.formats import RENDERERS
from binational.registry.loader import Registry
from binational.reports.service import report_stem
from binational.site import urls
from binational.site.archived import ArchivedText, archived_text
from binational.site.data import SiteData
from binational.site.feeds import atom_feed, sitemap
from binational.site.labels import translator
from binational.site.load import load_site_data
from binational.site.page import Page
from binational.site.pages import plan_pages
from binational.site.render import STATIC, Renderer
from binational.site.search import (
    SHARD_EVENTS,
    index_shard,
    needs_indexing,
    remove_stale_bundles,
    shard_of,
    touched,
)
from binational.site.write import Output, SiteWriter, WriteSummary, content_key
from binational.store.archived_texts import archived_texts
from binational.store.database import Database


@dataclass(frozen=True)
class BuildSummary:
    pages: int
    outputs: int
    written: tuple[str, ...]
    unchanged: int
    removed: tuple[str, ...]
    search: list[str] | None  # the search bundles indexed again
    seconds: float


def page_outputs(
    pages: Sequence[Page], renderer: Renderer, text_of: Callable[[str, int], ArchivedText]
) -> list[Output]:
    """Each page's output; an archived copy's page reads the copy's text (``text_of``
    its table and row) only when it must be written (``archived_locations``)."""
    outputs = []
    frame = [pages[0].frame.prefix, pages[0].frame.origin, pages[0].frame.organization]
    for page in pages:
        key = content_key(renderer.version, frame, page.template, page.lang, page.title,
                          page.path, page.twins, page.key)  # fmt: skip
        if page.template == "archived.html":
            where = page.context["location"]

            def produce(page=page, where=where) -> bytes:
                return renderer.render(page, copy=text_of(where["table"], where["row"]))
        else:

            def produce(page=page) -> bytes:
                return renderer.render(page)

        outputs.append(Output(page.path, key, produce, page.shard))
    return outputs


def archived_locations(
    pages: Sequence[Page], outputs: Sequence[Output], writer: SiteWriter
) -> list[tuple[str, int]]:
    """Where the text of each archived copy whose page must be written is stored
    (read in one go: a query per copy cost more than rendering its page)."""
    where = {page.path: page.key["location"] for page in pages if page.template == "archived.html"}
    return [
        (where[output.path]["table"], where[output.path]["row"])
        for output in outputs
        if output.path in where and writer.must_write(output)
    ]


def static_outputs() -> list[Output]:
    return [
        Output(
            f"static/{path.name}",
            content_key(path.read_bytes().hex()),
            lambda path=path: path.read_bytes(),
        )  # fmt: skip
        for path in sorted(STATIC.iterdir())
        if path.is_file()
    ]


def feed_outputs(data: SiteData, pages: Sequence[Page]) -> list[Output]:
    prefix = urls.base_path(data.base_url)
    entries = [(page.path, page.twins) for page in pages]
    entries.append(prefix + urls.origin(data.base_url))
    outputs = [Output("sitemap.xml", content_key(entries), lambda: sitemap(pages))]
    stamps = [(e.id, e.title, e.summary[:600], e.updated_at) for e in data.events]
    for lang in data.languages:
        title = translator(lang)("site_title")
        outputs.append(Output(
            urls.feed(lang), content_key(lang, data.base_url, title, stamps),
            lambda lang=lang, title=title: atom_feed(
                data.events, lang, data.base_url, prefix, title
            ),
        ))  # fmt: skip
    return outputs


def report_outputs(data: SiteData) -> list[Output]:
    outputs = []
    for report in data.reports:
        key = content_key(version("binational"), repr(report.document))
        stem = report_stem(report.document.period)
        for renderer in RENDERERS.values():
            outputs.append(Output(
                urls.report_file(report.period, renderer.filename(stem)), key + renderer.name,
                lambda r=renderer, d=report.document: r.render(d),
            ))  # fmt: skip
    return outputs


def data_outputs(data: SiteData, out: Path) -> list[Output]:
    """The open-data files, each made again only when what it is made from changed
    (the SQLite file from the one the last build wrote, changing only what changed)."""
    rows = open_data(data.events, data.registry, data.archived)
    description = DataDescription(data.organization, license=data.data_license)
    package = version("binational")
    return [
        Output(urls.data_file(part.name), content_key(package, part.name, part.inputs), part.make)
        for part in export_parts(rows, set(FORMATS), description, out / "data")
    ]


def write_and_index(writer: SiteWriter, outputs: Sequence[Output], out: Path,
                    search: bool) -> list[str] | None:  # fmt: skip
    """Write the outputs, each search bundle's pages first: while the next pages are
    made, Pagefind (another process, on the other core) indexes the bundle just
    written. Returns the bundles indexed (None without search)."""
    by_shard: dict[str, list[Output]] = defaultdict(list)
    rest = []
    for output in outputs:
        (by_shard[output.shard] if output.shard is not None else rest).append(output)
    removed = {shard for path in writer.removed if (shard := shard_of(path)) is not None}
    indexing: dict[str, Future] = {}
    with ThreadPoolExecutor(max_workers=1) as pool:
        for shard, group in sorted(by_shard.items()):
            written = writer.write(group)
            if search and needs_indexing(out, shard, bool(written) or touched(shard, removed)):
                paths = [output.path for output in group]
                indexing[shard] = pool.submit(index_shard, out, shard, paths)
        writer.write(rest)
        for future in indexing.values():
            future.result()  # a failure is raised here, in the build's thread
    indexed = sorted(indexing)
    if search:
        remove_stale_bundles(out, by_shard)
    return indexed if search else None


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for a build: planning 30,000 pages
    makes hundreds of thousands of small dicts and tuples, none in cycles that need
    collecting, and the collector's full passes over them took half the planning time."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def build_site(
    database: Database,
    settings: Settings,
    registry: Registry,
    out: Path,
    languages: Sequence[str] = urls.LANGUAGES,
    base_url: str | None = None,
    search: bool = True,
    today: dt.date | None = None,
    shard_events: int = SHARD_EVENTS,
) -> BuildSummary:
    """``today``: the day the scorecard and the timelines run to (None: today);
    ``shard_events``: the events a search bundle holds (``search.py``)."""
    with collector_paused():
        return _build(database, settings, registry, out, languages, base_url, search, today,
                      shard_events)  # fmt: skip


def _build(
    database: Database, settings: Settings, registry: Registry, out: Path,
    languages: Sequence[str], base_url: str | None, search: bool, today: dt.date | None,
    shard_events: int,
) -> BuildSummary:  # fmt: skip
    started = time.perf_counter()
    data = load_site_data(database, settings, registry, languages, base_url, today)
    data = dataclasses.replace(data, shard_events=shard_events)
    pages = plan_pages(data)
    renderer = Renderer()
    texts: dict[tuple[str, int], tuple[str, str]] = {}

    def text_of(table: str, row: int) -> ArchivedText:
        return archived_text(*texts.get((table, row), ("", "")))

    outputs = [
        *page_outputs(pages, renderer, text_of), *static_outputs(),
        *feed_outputs(data, pages), *report_outputs(data), *data_outputs(data, out),
    ]  # fmt: skip
    writer = SiteWriter(out, outputs)
    with database.connect() as connection:
        texts.update(archived_texts(connection, archived_locations(pages, outputs, writer)))
    indexed = write_and_index(writer, outputs, out, search)
    summary: WriteSummary = writer.finish()
    return BuildSummary(
        pages=len(pages), outputs=len(outputs), written=summary.written,
        unchanged=summary.unchanged, removed=summary.removed, search=indexed,
        seconds=time.perf_counter() - started,
    )  # fmt: skip
