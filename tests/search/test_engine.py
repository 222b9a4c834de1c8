"""search/engine.py: where an index lives, what a word is, when it is rebuilt."""

from __future__ import annotations

from pathlib import Path

import pytest

from binational.search.engine import analyzer, index_directory, open_index, registry_fingerprint

PG = "postgresql+psycopg://user:secret@db.example.org/binational"


def test_a_sqlite_index_lives_beside_its_file(tmp_path):
    assert index_directory(f"sqlite:///{tmp_path}/x.db", "/elsewhere") == tmp_path / "x.db.search"


def test_a_postgresql_index_lives_in_search_dir(tmp_path):
    assert index_directory(PG, str(tmp_path / "s")) == tmp_path / "s"


def test_by_default_one_directory_per_url_under_the_cache(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    first = index_directory(PG)
    assert first.parent == tmp_path / "binational" / "search"
    assert index_directory(PG.replace("secret", "other")) == first  # the password is not part
    assert index_directory(PG.replace("/binational", "/another")) != first


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("López Obrador", ["lopez", "obrador"]),
        ("PEÑA-Nieto's año", ["pena", "nieto", "s", "ano"]),
        ("T-MEC, USMCA; 2023", ["t", "mec", "usmca", "2023"]),
        ("Querétaro\nCiudad de México", ["queretaro", "ciudad", "de", "mexico"]),
        ("!!! --", []),
    ],
)
def test_words_fold_case_and_accents(text, terms):
    assert analyzer().analyze(text) == terms


def test_the_fingerprint_follows_the_categories():
    base = {"usmca": "agreement", "ibwc": "organization"}
    assert registry_fingerprint(base) == registry_fingerprint(dict(reversed(base.items())))
    assert registry_fingerprint(base) != registry_fingerprint({**base, "ibwc": "program"})


def test_opening_a_missing_index_fails(tmp_path: Path):
    with pytest.raises(ValueError):
        open_index(tmp_path / "nothing")
    open_index(tmp_path / "new", create=True)
    open_index(tmp_path / "new")
