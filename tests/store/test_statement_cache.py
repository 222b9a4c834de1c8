"""The compiled statements' cache file: read back as written, under its key only,
never from a file others can write, and keyed by the store's code."""

import os

from binational.store import statement_cache
from binational.store.compiled import compile_all
from binational.store.statement_cache import (
    PREFIX,
    cache_key,
    read_cached,
    write_cached,
)


def test_written_and_read_back(tmp_path):
    statements = compile_all()
    path = write_cached(tmp_path, "k1", statements)
    assert path == tmp_path / f"{PREFIX}k1.json"
    assert read_cached(tmp_path, "k1") == statements
    assert read_cached(tmp_path, "k2") is None


def test_a_new_key_replaces_the_old_file(tmp_path):
    write_cached(tmp_path, "k1", compile_all())
    write_cached(tmp_path, "k2", compile_all())
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"{PREFIX}k2.json"]


def test_a_file_others_can_write_or_of_the_wrong_shape_is_not_read(tmp_path):
    path = write_cached(tmp_path, "k1", compile_all())
    os.chmod(path, 0o666)
    assert read_cached(tmp_path, "k1") is None
    path.write_text('{"key": "k1", "statements": {"x": 1}}')
    os.chmod(path, 0o600)
    assert read_cached(tmp_path, "k1") is None


def test_an_unwritable_directory_means_no_cache(tmp_path):
    (tmp_path / "file").write_text("")
    assert write_cached(tmp_path / "file", "k1", compile_all()) is None


def test_the_key_follows_the_store_code(tmp_path, monkeypatch):
    (tmp_path / "one.py").write_text("A = 1\n")
    monkeypatch.setattr(statement_cache, "STORE", tmp_path)
    first = cache_key()
    assert cache_key() == first
    (tmp_path / "one.py").write_text("A = 2\n")
    assert cache_key() != first
