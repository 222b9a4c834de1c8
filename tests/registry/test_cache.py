"""The registry's cache: used only for the very files and code it was made from,
never trusted when corrupt or writable by others, and never needed (an unwritable
cache directory just means validating)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from binational.errors import UserError
from binational.registry.cache import PREFIX, cache_key, read_cached
from binational.registry.loader import BUNDLED_DATA, load_cached_registry, load_registry_files


@pytest.fixture
def data(tmp_path: Path) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(BUNDLED_DATA, copy)
    return copy


def cache_files(directory: Path) -> list[Path]:
    return sorted(directory.glob(f"{PREFIX}*.json"))


def test_the_cached_registry_equals_the_validated_one(data: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    validated = load_registry_files(sorted(data.glob("*.yaml")))
    first = load_cached_registry(data, cache)  # validates and writes the cache
    (written,) = cache_files(cache)
    second = load_cached_registry(data, cache)  # reads it
    assert first.institutions == validated.institutions == second.institutions
    assert first.agencies == validated.agencies == second.agencies
    assert second.get("hled").provenance_of("status") == validated.get("hled").provenance_of(
        "status"
    )
    assert oct(written.stat().st_mode & 0o777) == "0o600"
    assert oct(cache.stat().st_mode & 0o777) == "0o700"


def test_a_cache_with_the_current_key_is_what_loads(data: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    load_cached_registry(data, cache)
    (written,) = cache_files(cache)
    document = json.loads(written.read_bytes())
    document["institutions"][0]["name_en"] = "Changed in the cache"
    written.write_text(json.dumps(document), encoding="utf-8")
    assert load_cached_registry(data, cache).institutions[0].name_en == "Changed in the cache"


def test_an_edited_file_is_validated_again(data: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    load_cached_registry(data, cache)
    programs = data / "programs.yaml"
    programs.write_text(
        programs.read_text(encoding="utf-8").replace('{date: "1995"', '{date: "95"', 1)
    )
    with pytest.raises(UserError, match="'95' is not a date"):
        load_cached_registry(data, cache)
    programs.write_text(
        programs.read_text(encoding="utf-8").replace(
            "Programa Sembrando Vida", "Sembrando Vida (MX)"
        )
    )
    programs.write_text(
        programs.read_text(encoding="utf-8").replace('{date: "95"', '{date: "1995"')
    )
    assert load_cached_registry(data, cache).get("sembrando-vida").name_es == "Sembrando Vida (MX)"
    assert len(cache_files(cache)) == 1  # the old key's file is gone


@pytest.mark.parametrize(
    ("files", "code"),
    [
        ([("a.yaml", b"x: 2\n")], [b"code"]),  # content
        ([("b.yaml", b"x: 1\n")], [b"code"]),  # file name
        ([("a.yaml", b"x: 1\n"), ("c.yaml", b"")], [b"code"]),  # one more file
        ([("a.yaml", b"x: 1\n")], [b"code 2"]),  # the code that reads them
    ],
)
def test_the_key_changes_with_files_and_code(files, code) -> None:
    base = cache_key([("a.yaml", b"x: 1\n")], [b"code"])
    assert cache_key(files, code) != base
    assert cache_key([("a.yaml", b"x: 1\n")], [b"code"]) == base


def test_an_unwritable_cache_directory_means_validating(data: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("a file where the cache directory would be")
    registry = load_cached_registry(data, blocker / "binational")
    assert registry.get("hled") is not None


@pytest.mark.parametrize("damage", ["corrupt", "wrong shape", "group writable", "other key"])
def test_an_untrustworthy_cache_file_is_ignored(data: Path, tmp_path: Path, damage: str) -> None:
    cache = tmp_path / "cache"
    expected = load_cached_registry(data, cache).institutions
    (written,) = cache_files(cache)
    key = written.stem.removeprefix(PREFIX)
    if damage == "corrupt":
        written.write_bytes(written.read_bytes()[:1000])
    elif damage == "wrong shape":
        written.write_text(json.dumps({"key": key, "institutions": [{"slug": 1}], "agencies": []}))
    elif damage == "group writable":
        written.chmod(0o664)
    else:
        document = json.loads(written.read_bytes())
        written.write_text(json.dumps({**document, "key": "0" * 64}))
    assert read_cached(cache, key) is None
    assert load_cached_registry(data, cache).institutions == expected


@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() != 0, reason="needs root to chown")
def test_a_cache_file_of_another_user_is_ignored(data: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    load_cached_registry(data, cache)
    (written,) = cache_files(cache)
    os.chown(written, 4242, -1)
    assert read_cached(cache, written.stem.removeprefix(PREFIX)) is None


def test_a_new_process_loads_from_the_cache_without_pydantic(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from binational.registry.loader import load_registry\n"
        "registry = load_registry()\n"
        "print(len(registry.institutions), 'pydantic' in sys.modules, 'yaml' in sys.modules)\n"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "xdg")}

    def run() -> str:
        command = [sys.executable, "-c", script]
        return subprocess.run(command, env=env, capture_output=True, text=True, check=True).stdout

    count = len(load_registry_files(sorted(BUNDLED_DATA.glob("*.yaml"))).institutions)
    assert run().split() == [str(count), "True", "True"]  # validated, then cached
    assert run().split() == [str(count), "False", "False"]  # from the cache
