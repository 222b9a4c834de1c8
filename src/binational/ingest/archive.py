"""Raw responses archived as WARC (warcio): every response a run receives is written
as a ``response`` record (status line, headers, body as received) to one gzip WARC
file per run under ``archive_dir``, and can be read back by file and offset, so
extraction can be re-run later and a cited source survives link rot.

The body is stored as the client decoded it (after any gzip or chunked transfer);
the headers that described the wire form are kept as ``X-Archive-Orig-*`` so the
record stays self-consistent. A body cut at the size limit is archived as far as it
was read, marked with ``WARC-Truncated: length``.
"""

from __future__ import annotations

import datetime as dt
import os
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
        http_headers = StatusAndHeaders(
            f"{status} {reason}".strip(), archived_headers(headers, len(body)), protocol="HTTP/1.1"
        )
        warc_headers = {"WARC-Truncated": "length"} if truncated else None
        record = self._writer.create_warc_record(
            url, "response", payload=BytesIO(body), http_headers=http_headers,
            warc_headers_dict=warc_headers,
        )  # fmt: skip
        offset = self._file.tell()
        self._writer.write_record(record)
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
