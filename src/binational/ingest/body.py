"""Reading a response body within a size limit, decoding its content coding.

httpx decodes gzip, deflate and brotli one network read at a time with no bound on
what a read expands to, so a single 64 KB read of a compression bomb can become
gigabytes before any size check sees it (200 MB of zeros is 316 bytes of brotli; a
body gzipped twice multiplies the ratios). So the fetcher asks for gzip and deflate
only, reads the raw bytes, and decodes them here with zlib's ``max_length``: never
more than the limit plus one byte is produced, whatever comes in. Other codings (br,
zstd, stacked codings such as ``gzip, gzip``) are refused with their name.
"""

from __future__ import annotations

import zlib

import httpx

ACCEPT_ENCODING = "gzip, deflate"
_IDENTITY = ("", "identity")
_GZIP = ("gzip", "x-gzip")


class BodyError(ValueError):
    """A body that cannot be decoded; the message says why."""


class BoundedDecoder:
    """Decodes one body's content coding, producing at most ``limit + 1`` bytes."""

    def __init__(self, coding: str, limit: int) -> None:
        self.coding = coding.strip().lower()
        self.room = limit + 1
        self._zlib = None
        if self.coding in _GZIP:
            self._zlib = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif self.coding == "deflate":
            self._zlib = zlib.decompressobj()  # zlib-wrapped; raw deflate detected below
        elif self.coding not in _IDENTITY:
            raise BodyError(f"unsupported content encoding ({self.coding})")
        self._started = False

    def feed(self, data: bytes) -> bytes:
        if self.room <= 0 or not data:
            return b""
        out = data[: self.room] if self._zlib is None else self._inflate(data)
        self.room -= len(out)
        return out

    def _inflate(self, data: bytes) -> bytes:
        try:
            out = self._zlib.decompress(data, self.room)
        except zlib.error as error:
            if self.coding == "deflate" and not self._started:
                # Some servers send raw deflate under "deflate" (as httpx also allows).
                self._zlib = zlib.decompressobj(-zlib.MAX_WBITS)
                self._started = True
                return self._inflate(data)
            raise BodyError(f"cannot decode the {self.coding} body ({error})") from None
        self._started = True
        return out

    def flush(self) -> bytes:
        if self._zlib is None or self.room <= 0:
            return b""
        try:
            out = self._zlib.decompress(self._zlib.unconsumed_tail, self.room)
        except zlib.error as error:
            raise BodyError(f"cannot decode the {self.coding} body ({error})") from None
        self.room -= len(out)
        return out


async def read_body(response: httpx.Response, limit: int) -> tuple[bytes, bool]:
    """The decoded body, at most ``limit`` bytes, and whether it was cut there."""
    declared = response.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        return b"", True
    decoder = BoundedDecoder(response.headers.get("content-encoding", ""), limit)
    chunks: list[bytes] = []
    size = 0
    async for raw in response.aiter_raw():
        decoded = decoder.feed(raw)
        size += len(decoded)
        chunks.append(decoded)
        if size > limit:
            return b"".join(chunks)[:limit], True
    chunks.append(decoder.flush())
    body = b"".join(chunks)
    return body[:limit], len(body) > limit
