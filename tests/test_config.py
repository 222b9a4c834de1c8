from pathlib import Path

import pytest

from binational.config import SETTINGS, Settings, load_settings, settings_markdown

DOCS = Path(__file__).resolve().parent.parent / "docs" / "settings.md"


def test_defaults_come_from_the_one_table():
    settings = load_settings(environ={}, config_file=Path("/nonexistent.toml"))
    assert settings == Settings()
    assert {s.name for s in SETTINGS} == set(Settings.__dataclass_fields__)


def test_precedence_override_env_file(tmp_path):
    config = tmp_path / "binational.toml"
    config.write_text('organization = "From file"\ndb = "file.db"\npublic_read = true\n')
    environ = {"BINATIONAL_DB": "env.db"}
    settings = load_settings(environ=environ, config_file=config, db="flag.db")
    assert settings.db == "flag.db"
    assert settings.organization == "From file"
    assert settings.public_read is True
    assert load_settings(environ=environ, config_file=config).db == "env.db"


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        ({"BINATIONAL_PUBLIC_READ": "maybe"}, "true or false"),
        ({"BINATIONAL_MAX_CONCURRENCY": "many"}, "must be a int"),
    ],
)
def test_bad_values_are_refused(environ, message):
    with pytest.raises(ValueError, match=message):
        load_settings(environ=environ, config_file=Path("/nonexistent.toml"))


def test_unknown_setting_in_file_is_refused(tmp_path):
    config = tmp_path / "binational.toml"
    config.write_text('colour = "blue"\n')
    with pytest.raises(ValueError, match="unknown setting 'colour'"):
        load_settings(environ={}, config_file=config)


def test_docs_settings_page_is_generated_from_the_table():
    assert DOCS.read_text(encoding="utf-8") == settings_markdown(), (
        "docs/settings.md is stale: run `binational settings --markdown > docs/settings.md`"
    )
