from pathlib import Path

import pytest

from binational.config import SETTINGS, Settings, SettingsError, load_settings, settings_markdown

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
        ({"BINATIONAL_PUBLIC_READ": "maybe"},
         "setting public_read (BINATIONAL_PUBLIC_READ in the environment) must be true or "
         "false, not 'maybe'"),
        ({"BINATIONAL_MAX_CONCURRENCY": "many"},
         "setting max_concurrency (BINATIONAL_MAX_CONCURRENCY in the environment) must be a "
         "whole number from 1 to 256, not 'many'"),
        ({"BINATIONAL_MAX_CONCURRENCY": "-1"},
         "setting max_concurrency (BINATIONAL_MAX_CONCURRENCY in the environment) must be a "
         "whole number from 1 to 256, not '-1'"),
        ({"BINATIONAL_MAX_CONCURRENCY": "0"},
         "setting max_concurrency (BINATIONAL_MAX_CONCURRENCY in the environment) must be a "
         "whole number from 1 to 256, not '0'"),
        ({"BINATIONAL_SESSION_HOURS": "2.5"},
         "setting session_hours (BINATIONAL_SESSION_HOURS in the environment) must be a whole "
         "number from 1 to 8760, not '2.5'"),
        ({"BINATIONAL_FETCH_DEADLINE": "nan"},
         "setting fetch_deadline (BINATIONAL_FETCH_DEADLINE in the environment) must be a "
         "number above 0 and at most 86400, not 'nan'"),
        ({"BINATIONAL_NEAR_DUPLICATE_THRESHOLD": "1.5"},
         "setting near_duplicate_threshold (BINATIONAL_NEAR_DUPLICATE_THRESHOLD in the "
         "environment) must be a number above 0 and at most 1, not '1.5'"),
        ({"BINATIONAL_LLM_URL": "ftp://models"},
         "setting llm_url (BINATIONAL_LLM_URL in the environment) must be empty or a web "
         "address starting with http:// or https://, not 'ftp://models' (it does not start "
         "with http:// or https://)"),
        ({"BINATIONAL_SECRET_KEY": "x", "BINATIONAL_LOCK_WAIT": "-1"},
         "setting lock_wait (BINATIONAL_LOCK_WAIT in the environment) must be a number from 0 "
         "to 600, not '-1'"),
        ({"BINATIONAL_TRUSTED_PROXIES": "10.0.0.5, proxy.local"},
         "setting trusted_proxies (BINATIONAL_TRUSTED_PROXIES in the environment) must be a "
         "list of addresses or networks in CIDR notation such as 10.0.0.5 or 10.0.0.0/24, not "
         "['10.0.0.5', 'proxy.local'] ('proxy.local': does not appear to be an IPv4 or IPv6 "
         "network)"),
        ({"BINATIONAL_DATA_LICENSE": "MIT"},
         "setting data_license (BINATIONAL_DATA_LICENSE in the environment) must be one of "
         "CC-BY-4.0, CC-BY-SA-4.0, CC0-1.0, ODC-By-1.0, ODbL-1.0, PDDL-1.0, not 'MIT' (it is "
         "not a licence this program can describe)"),
        ({"BINATIONAL_DB": "foo://bar"},
         "setting db (BINATIONAL_DB in the environment) must be a file path or a database URL "
         "(sqlite:///PATH or postgresql+psycopg://USER:PASSWORD@HOST/NAME), not 'foo://bar' "
         "('foo' is not a database this program opens)"),
    ],
)  # fmt: skip
def test_bad_values_are_one_sentence_naming_the_setting_and_where_it_was_set(environ, message):
    with pytest.raises(SettingsError) as refused:
        load_settings(environ=environ, config_file=Path("/nonexistent.toml"))
    assert str(refused.value) == message


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("session_hours = -5\n",
         "setting session_hours in {path} must be a whole number from 1 to 8760, not -5"),
        ('max_concurrency = "eight"\n',
         "setting max_concurrency in {path} must be a whole number from 1 to 256, not 'eight'"),
        ("organization = 5\n", "setting organization in {path} must be text, not 5"),
        ("public_read = 3\n", "setting public_read in {path} must be true or false, not 3"),
        ("fetch_allow_networks = 5\n",
         "setting fetch_allow_networks in {path} must be a list of networks in CIDR notation "
         "such as 10.0.0.0/8, not 5"),
        ('secret_key = ["a"]\n', "setting secret_key in {path} must be text, not the value given"),
        ('colour = "blue"\n',
         "{path}: 'colour' is not a setting; `binational settings` lists them"),
        ("sesion_hours = 4\n", "{path}: 'sesion_hours' is not a setting; did you mean "
         "'session_hours'?"),
        ("db = \n", "{path} is not valid TOML: Invalid value (at line 1, column 6)"),
    ],
)  # fmt: skip
def test_bad_values_in_the_file_name_the_file(tmp_path, text, message):
    config = tmp_path / "binational.toml"
    config.write_text(text)
    with pytest.raises(SettingsError) as refused:
        load_settings(environ={}, config_file=config)
    assert str(refused.value) == message.format(path=config)


def test_the_command_line_is_named_as_the_origin():
    with pytest.raises(SettingsError) as refused:
        load_settings(environ={}, config_file=Path("/nonexistent.toml"), db="foo://bar")
    assert str(refused.value).startswith("setting db (--db) must be a file path")


def test_a_settings_error_is_a_user_error_and_a_value_error():
    from binational.errors import UserError

    with pytest.raises(UserError) as refused:
        Settings(max_concurrency=0)
    assert isinstance(refused.value, ValueError)
    assert str(refused.value) == (
        "setting max_concurrency must be a whole number from 1 to 256, not 0"
    )


def test_values_from_the_environment_are_converted():
    environ = {"BINATIONAL_MAX_CONCURRENCY": " 16 ", "BINATIONAL_PUBLIC_READ": "yes",
               "BINATIONAL_LOCK_WAIT": "2.5", "BINATIONAL_SECURE_COOKIES": ""}  # fmt: skip
    settings = load_settings(environ=environ, config_file=Path("/nonexistent.toml"))
    assert (settings.max_concurrency, settings.public_read, settings.lock_wait) == (16, True, 2.5)
    assert settings.secure_cookies is False


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
         "setting fetch_allow_networks (BINATIONAL_FETCH_ALLOW_NETWORKS in the environment) "
         "must be a list of networks in CIDR notation such as 10.0.0.0/8, not ['10.1.2.3/8'] "
         "('10.1.2.3/8': has host bits set)"),
        ({"BINATIONAL_FETCH_ALLOW_NETWORKS": "127.0.0.0/8,intranet"},
         "setting fetch_allow_networks (BINATIONAL_FETCH_ALLOW_NETWORKS in the environment) "
         "must be a list of networks in CIDR notation such as 10.0.0.0/8, not ['127.0.0.0/8', "
         "'intranet'] ('intranet': does not appear to be an IPv4 or IPv6 network)"),
        ({"BINATIONAL_FETCH_DEADLINE": "0"},
         "setting fetch_deadline (BINATIONAL_FETCH_DEADLINE in the environment) must be a "
         "number above 0 and at most 86400, not '0'"),
        ({"BINATIONAL_INGEST_RUN_BUDGET": "-5"},
         "setting ingest_run_budget (BINATIONAL_INGEST_RUN_BUDGET in the environment) must be "
         "a number above 0 and at most 86400, not '-5'"),
        ({"BINATIONAL_PAGE_RETRY_BACKOFF": "-1"},
         "setting page_retry_backoff (BINATIONAL_PAGE_RETRY_BACKOFF in the environment) must "
         "be a number from 0 to 86400, not '-1'"),
    ],
)  # fmt: skip
def test_bad_fetch_settings_are_one_sentence_naming_the_setting(environ, message):
    with pytest.raises(ValueError) as refused:
        load_settings(environ=environ, config_file=Path("/nonexistent.toml"))
    assert str(refused.value) == message
