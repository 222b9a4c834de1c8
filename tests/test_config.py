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


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, ()),
        ({"BINATIONAL_FETCH_ALLOW_NETWORKS": "127.0.0.0/8"}, ("127.0.0.0/8",)),
        ({"BINATIONAL_FETCH_ALLOW_NETWORKS": "10.0.0.0/8, fd00::/8"}, ("10.0.0.0/8", "fd00::/8")),
        ({"BINATIONAL_FETCH_ALLOW_NETWORKS": ""}, ()),
    ],
)
def test_allowed_networks_are_a_comma_separated_list(environ, expected):
    settings = load_settings(environ=environ, config_file=Path("/nonexistent.toml"))
    assert settings.fetch_allow_networks == expected


def test_allowed_networks_are_a_list_in_the_file(tmp_path):
    config = tmp_path / "binational.toml"
    config.write_text('fetch_allow_networks = ["10.20.0.0/16", "192.168.5.0/24"]\n')
    settings = load_settings(environ={}, config_file=config)
    assert settings.fetch_allow_networks == ("10.20.0.0/16", "192.168.5.0/24")


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        ({"BINATIONAL_FETCH_ALLOW_NETWORKS": "10.1.2.3/8"},
         "setting fetch_allow_networks: '10.1.2.3/8' is not a network in CIDR notation such as "
         "10.0.0.0/8 (has host bits set)"),
        ({"BINATIONAL_FETCH_ALLOW_NETWORKS": "127.0.0.0/8,intranet"},
         "setting fetch_allow_networks: 'intranet' is not a network in CIDR notation"),
        ({"BINATIONAL_FETCH_ALLOW_NETWORKS": "10.0.0.0/33"},
         "setting fetch_allow_networks: '10.0.0.0/33' is not a network in CIDR notation"),
        ({"BINATIONAL_FETCH_DEADLINE": "0"}, "setting fetch_deadline must be a number of seconds"),
        ({"BINATIONAL_INGEST_RUN_BUDGET": "-5"}, "setting ingest_run_budget must be a number"),
        ({"BINATIONAL_PAGE_RETRY_BACKOFF": "-1"}, "setting page_retry_backoff must be a number"),
    ],
)  # fmt: skip
def test_bad_fetch_settings_are_one_sentence_naming_the_setting(environ, message):
    with pytest.raises(ValueError) as refused:
        load_settings(environ=environ, config_file=Path("/nonexistent.toml"))
    assert str(refused.value).startswith(message) and "\n" not in str(refused.value)


def test_a_non_list_of_networks_in_the_file_is_refused(tmp_path):
    config = tmp_path / "binational.toml"
    config.write_text("fetch_allow_networks = 5\n")
    with pytest.raises(ValueError, match="setting fetch_allow_networks must be a list of strings"):
        load_settings(environ={}, config_file=config)
