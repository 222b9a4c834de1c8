"""cache_files.py: where the cache lives, which files are trusted, how one is written."""

import os
from pathlib import Path

import msgspec
import pytest

from binational.cache_files import (
    default_cache_dir,
    read_keyed,
    read_trusted,
    write_replacing,
)


class Record(msgspec.Struct):
    key: str
    value: int


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"XDG_CACHE_HOME": "/c", "HOME": "/h"}, Path("/c/binational")),
        ({"HOME": "/h"}, Path("/h/.cache/binational")),
        ({"XDG_CACHE_HOME": "", "HOME": "/h"}, Path("/h/.cache/binational")),
        ({}, None),
    ],
)
def test_default_cache_dir(environ: dict, expected: Path | None) -> None:
    assert default_cache_dir(environ) == expected


def test_a_file_written_replaces_the_older_keys_and_reads_back(tmp_path: Path) -> None:
    directory = tmp_path / "cache"
    first = write_replacing(directory, "x-", "k1", b"one")
    (directory / "other.json").write_bytes(b"kept")
    second = write_replacing(directory, "x-", "k2", b"two")
    assert second == directory / "x-k2.json" and not first.exists()
    assert sorted(p.name for p in directory.iterdir()) == ["other.json", "x-k2.json"]
    assert read_trusted(second) == b"two"
    assert directory.stat().st_mode & 0o777 == 0o700


def test_a_file_others_may_write_or_a_missing_one_is_not_read(tmp_path: Path) -> None:
    path = write_replacing(tmp_path, "x-", "k", b"data")
    os.chmod(path, 0o666)
    assert read_trusted(path) is None
    assert read_trusted(tmp_path / "missing.json") is None


def test_an_unwritable_directory_gives_none(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    assert write_replacing(blocker / "cache", "x-", "k", b"data") is None


@pytest.mark.parametrize(
    ("payload", "expected"),
    [
        (b'{"key": "k1", "value": 3}', Record("k1", 3)),
        (b'{"key": "k0", "value": 3}', None),  # made for another key
        (b'{"key": "k1", "value": "three"}', None),  # not a Record
        (b"not json", None),
    ],
)
def test_a_keyed_record_is_read_only_when_it_decodes_for_its_key(
    tmp_path: Path, payload: bytes, expected: Record | None
) -> None:
    assert write_replacing(tmp_path, "r-", "k1", payload) is not None
    assert read_keyed(tmp_path, "r-", "k1", Record) == expected
    assert read_keyed(tmp_path, "r-", "k2", Record) is None  # no file for that key
