"""``ingest/body.py``: content codings decoded within the size limit. Pure."""

import gzip
import zlib

import pytest

from binational.ingest.body import BodyError, BoundedDecoder

TEXT = b"<html><body>" + b"<p>binational</p>" * 500 + b"</body></html>"


def decode(coding: str, data: bytes, limit: int, chunk: int = 1000) -> bytes:
    decoder = BoundedDecoder(coding, limit)
    out = b"".join(decoder.feed(data[i : i + chunk]) for i in range(0, len(data), chunk))
    return out + decoder.flush()


def raw_deflate(data: bytes) -> bytes:
    compressor = zlib.compressobj(wbits=-zlib.MAX_WBITS)
    return compressor.compress(data) + compressor.flush()


@pytest.mark.parametrize(
    ("coding", "encoded"),
    [
        ("", TEXT),
        ("identity", TEXT),
        ("gzip", gzip.compress(TEXT)),
        ("x-gzip", gzip.compress(TEXT)),
        ("GZIP", gzip.compress(TEXT)),
        ("deflate", zlib.compress(TEXT)),
        ("deflate", raw_deflate(TEXT)),  # sent by some servers under "deflate"
    ],
)
def test_codings_are_decoded_whole_within_the_limit(coding, encoded):
    assert decode(coding, encoded, limit=len(TEXT)) == TEXT


@pytest.mark.parametrize("coding", ["", "gzip", "deflate"])
def test_no_more_than_the_limit_and_one_byte_is_ever_produced(coding):
    zeros = b"\0" * 50_000_000
    encoded = {"": zeros, "gzip": gzip.compress(zeros), "deflate": zlib.compress(zeros)}[coding]
    decoder = BoundedDecoder(coding, 10_000)
    produced = [decoder.feed(encoded[i : i + 65_536]) for i in range(0, len(encoded), 65_536)]
    assert max(len(part) for part in produced) <= 10_001
    assert sum(len(part) for part in produced) + len(decoder.flush()) == 10_001


@pytest.mark.parametrize(
    ("coding", "reason"),
    [
        ("br", "unsupported content encoding (br)"),
        ("zstd", "unsupported content encoding (zstd)"),
        ("gzip, gzip", "unsupported content encoding (gzip, gzip)"),
        ("compress", "unsupported content encoding (compress)"),
    ],
)
def test_codings_not_asked_for_are_refused(coding, reason):
    with pytest.raises(BodyError, match=reason.replace("(", r"\(").replace(")", r"\)")):
        BoundedDecoder(coding, 1000)


def test_a_corrupt_gzip_body_is_an_error_with_its_reason():
    with pytest.raises(BodyError, match="cannot decode the gzip body"):
        decode("gzip", b"\x1f\x8b\x08\x00garbage-garbage-garbage", limit=1000)
