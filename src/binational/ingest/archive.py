"""Raw responses archived as WARC (warcio), read back by file and offset, so
extraction can be re-run later and a cited source survives link rot. Two archives:

- ``WarcArchive``: one gzip WARC file per run (``binational ingest``) or per worker
  process, every response the run receives appended to it as a ``response`` record
  (status line, headers, body as received) and fsynced before its location is used.
- ``PageArchive`` (the job queue's workers): the response a page's document is made of
  (the page's successful fetch; its redirects and failed attempts go to the worker's
  ``WarcArchive``) in a small gzip WARC file of its own, named from the page's
  canonical URL: ``pages/<h[:2]>/<h>.warc.gz`` with ``h`` its sha256.

A page's record exists exactly once by construction, however workers are killed and
jobs retried: the file is written in full under a temporary name, fsynced, then
hard-linked to its name, which fails if the name exists, so the first complete record
wins and no second one is ever made; a write torn by a kill stays a ``.part`` file
that is never a record (and is removed once stale). A retried page job looks for the
page's file before fetching (``Fetcher.fetch(page=...)``) and, if it is there,
reuses its record: no second request. The record's location is the file (offset 0,
its size), so the readers (``ArchiveLocation``, ``read_response``, the site's archived
copies, ``archive check``) see a page's record as any other.

The body is stored as the client decoded it (after any gzip or chunked transfer);
the headers that described the wire form are kept as ``X-Archive-Orig-*`` so the
record stays self-consistent. A body cut at the size limit is archived as far as it
was read, marked with ``WARC-Truncated: length``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from types import TracebackType

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter


@dataclass(frozen=True)
class ArchiveLocation:
    file: str  # relative to the archive directory
    offset: int
    length: int


@dataclass(frozen=True)
class ArchivedResponse:
    url: str
    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes
    truncated: bool


class WarcArchive:
    """One WARC file, opened for a run and closed at its end."""

    def __init__(self, directory: Path, name: str) -> None:
        self.directory = directory
        self.name = name
        directory.mkdir(parents=True, exist_ok=True)
        self._file = open(directory / name, "ab")  # noqa: SIM115 - closed by close()
        self._writer = WARCWriter(self._file, gzip=True)

    @classmethod
    def open(cls, directory: str | Path, now: dt.datetime | None = None) -> WarcArchive:
        stamp = (now or dt.datetime.now(dt.UTC)).strftime("%Y%m%dT%H%M%S")
        return cls(Path(directory), f"binational-{stamp}-{os.getpid()}.warc.gz")

    def write_response(
        self,
        url: str,
        status: int,
        reason: str,
        headers: Sequence[tuple[str, str]],
        body: bytes,
        truncated: bool = False,
    ) -> ArchiveLocation:
        """Append one response record; flushed to disk before returning."""
        offset = self._file.tell()
        _write_record(self._writer, url, status, reason, headers, body, truncated)
        self._file.flush()
        os.fsync(self._file.fileno())
        return ArchiveLocation(self.name, offset, self._file.tell() - offset)

    def close(self) -> None:
        if not self._file.closed:
            self._file.close()

    def __enter__(self) -> WarcArchive:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()


def _write_record(
    writer: WARCWriter, url: str, status: int, reason: str,
    headers: Sequence[tuple[str, str]], body: bytes, truncated: bool,
) -> None:  # fmt: skip
    http_headers = StatusAndHeaders(
        f"{status} {reason}".strip(), archived_headers(headers, len(body)), protocol="HTTP/1.1"
    )
    warc_headers = {"WARC-Truncated": "length"} if truncated else None
    record = writer.create_warc_record(
        url, "response", payload=BytesIO(body), http_headers=http_headers,
        warc_headers_dict=warc_headers,
    )  # fmt: skip
    writer.write_record(record)


PAGES = "pages"
PARTIAL = ".partial"  # under PAGES: files being written, never records
STALE_PARTIAL = 3600.0  # seconds: a partial file this old was left by a killed writer


class PageArchive:
    """The job queue's archive of pages: one WARC file per page, its one record
    written once (see the module docstring). ``page`` is the page's canonical URL."""

    def __init__(self, directory: str | Path) -> None:
        self.directory = Path(directory)
        self._partial = self.directory / PAGES / PARTIAL
        self._partial.mkdir(parents=True, exist_ok=True)
        self._remove_stale_partials()

    @staticmethod
    def name_of(page: str) -> str:
        """The page's file, relative to the archive directory."""
        digest = hashlib.sha256(page.encode("utf-8")).hexdigest()
        return f"{PAGES}/{digest[:2]}/{digest}.warc.gz"

    def find(self, page: str) -> ArchiveLocation | None:
        """The page's record, if it was written."""
        name = self.name_of(page)
        try:
            size = (self.directory / name).stat().st_size
        except FileNotFoundError:
            return None
        return ArchiveLocation(name, 0, size)

    def keep(
        self, page: str, url: str, status: int, reason: str,
        headers: Sequence[tuple[str, str]], body: bytes,
    ) -> tuple[ArchiveLocation, bool]:  # fmt: skip
        """Write the page's record unless it exists: its location, and whether this
        call wrote it (False: an earlier attempt of the page did, and that one stays)."""
        name = self.name_of(page)
        final = self.directory / name
        final.parent.mkdir(exist_ok=True)
        partial = self._partial / f"{final.name}.{os.getpid()}-{uuid.uuid4().hex}.part"
        try:
            with open(partial, "wb") as out:
                _write_record(WARCWriter(out, gzip=True), url, status, reason, headers, body,
                              truncated=False)  # fmt: skip
                out.flush()
                os.fsync(out.fileno())
            try:
                os.link(partial, final)  # atomic, and never over an existing record
                created = True
            except FileExistsError:
                created = False
        finally:
            partial.unlink(missing_ok=True)
        if created:
            _fsync_directory(final.parent)
        return ArchiveLocation(name, 0, final.stat().st_size), created

    def _remove_stale_partials(self) -> None:
        limit = time.time() - STALE_PARTIAL
        for path in self._partial.glob("*.part"):
            try:
                if path.stat().st_mtime < limit:
                    path.unlink()
            except FileNotFoundError:  # removed meanwhile by another worker
                continue


def _fsync_directory(directory: Path) -> None:
    """Make a new name in ``directory`` survive a power loss, not only a kill."""
    handle = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


WIRE_HEADERS = ("content-encoding", "transfer-encoding", "content-length")


def archived_headers(headers: Sequence[tuple[str, str]], length: int) -> list[tuple[str, str]]:
    """Headers for a decoded body: wire-form headers renamed ``X-Archive-Orig-*``."""
    kept = []
    for name, value in headers:
        if name.lower() in WIRE_HEADERS:
            kept.append((f"X-Archive-Orig-{name}", value))
        else:
            kept.append((name, value))
    kept.append(("Content-Length", str(length)))
    return kept


def read_response(directory: str | Path, location: ArchiveLocation) -> ArchivedResponse:
    """The archived response at ``location``."""
    with open(Path(directory) / location.file, "rb") as handle:
        handle.seek(location.offset)
        for record in ArchiveIterator(handle):
            http = record.http_headers
            return ArchivedResponse(
                url=record.rec_headers.get_header("WARC-Target-URI"),
                status=int(http.get_statuscode()),
                headers=tuple(http.headers),
                body=record.content_stream().read(),
                truncated=record.rec_headers.get_header("WARC-Truncated") is not None,
            )
    raise ValueError(f"no WARC record at {location.file}:{location.offset}")
