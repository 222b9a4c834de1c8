"""Settings: one table that feeds the environment, the TOML file, the CLI and the docs.

Every setting is declared once in ``Settings`` with its default, its help text and
what it accepts (type, range, or a check of its own). A ``Settings`` value is built
by ``load_settings()`` at the edge (CLI, web factory, tests) and passed down; nothing
reads the environment at import time. Every value is checked (pydantic-core, loaded
only when a ``Settings`` is made, so that ``binational --help`` stays fast): a wrong
one is refused with one sentence naming the setting, where it came from and what it
accepts.

Precedence, highest first: explicit overrides (e.g. ``--db``), ``BINATIONAL_*``
environment variables, the TOML file (``BINATIONAL_CONFIG`` or ``./binational.toml``),
defaults.
"""

from __future__ import annotations

import functools
import ipaddress
import os
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from binational.errors import UserError

DEFAULT_INTRO = (
    "The Center for Binational Institutions is devoted to promoting a better "
    "understanding of the bilateral institutions between Mexico and the United States. "
    "Our quarterly report presents the relevant events between US-MEXICO bilateral "
    "institutions."
)
DATABASE_SCHEMES = ("sqlite", "postgresql", "postgresql+psycopg", "postgres")
SECRETS = frozenset({"secret_key", "llm_api_key"})
# The licences open data can be offered under (``data_license``): SPDX identifier ->
# (title, the licence's address), as the exports' metadata states them.
DATA_LICENSES = {
    "CC-BY-4.0": ("Creative Commons Attribution 4.0",
                  "https://creativecommons.org/licenses/by/4.0/"),
    "CC-BY-SA-4.0": ("Creative Commons Attribution-ShareAlike 4.0",
                     "https://creativecommons.org/licenses/by-sa/4.0/"),
    "CC0-1.0": ("Creative Commons Zero 1.0 (public domain dedication)",
                "https://creativecommons.org/publicdomain/zero/1.0/"),
    "ODC-By-1.0": ("Open Data Commons Attribution License 1.0",
                   "https://opendatacommons.org/licenses/by/1-0/"),
    "ODbL-1.0": ("Open Data Commons Open Database License 1.0",
                 "https://opendatacommons.org/licenses/odbl/1-0/"),
    "PDDL-1.0": ("Open Data Commons Public Domain Dedication and License 1.0",
                 "https://opendatacommons.org/licenses/pddl/1-0/"),
}  # fmt: skip


class SettingsError(UserError, ValueError):
    """A setting with a wrong type, range or value, in one sentence."""


def _networks(values: tuple[str, ...]) -> str | None:
    """Why a list of CIDR networks is refused, or None."""
    for value in values:
        try:
            ipaddress.ip_network(value)
        except ValueError as error:
            reason = str(error).replace(repr(value), "").replace(value, "").strip(" ':")
            return f"{value!r}: {reason or 'not a network'}"
    return None


def _database(value: str) -> str | None:
    if not value.strip():
        return "it is empty"
    if "://" in value:
        scheme = value.split("://", 1)[0].lower()
        if scheme not in DATABASE_SCHEMES:
            return f"{scheme!r} is not a database this program opens"
    return None


def _data_license(value: str) -> str | None:
    if value not in DATA_LICENSES:
        return "it is not a licence this program can describe"
    return None


def _web_address(value: str) -> str | None:
    if value and not value.startswith(("http://", "https://")):
        return "it does not start with http:// or https://"
    return None


LOGO_TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
              ".svg": "image/svg+xml"}  # fmt: skip


def _logo(value: str) -> str | None:
    if value and Path(value).suffix.lower() not in LOGO_TYPES:
        return "it is not a .png, .jpg, .jpeg or .svg file"
    return None


def _setting(
    default: Any,
    help: str,
    *,
    ge: float | None = None,
    gt: float | None = None,
    le: float | None = None,
    accepted: str | None = None,
    check: Callable[[Any], str | None] | None = None,
) -> Any:
    """A field of the table: its default, its meaning, its range (``ge``, ``gt``,
    ``le``), or ``accepted`` words and a ``check`` that returns why a value is refused."""
    given = (("ge", ge), ("gt", gt), ("le", le))
    bounds = {key: value for key, value in given if value is not None}
    metadata = {"help": help, "bounds": bounds, "accepted": accepted, "check": check}
    return field(default=default, metadata=metadata)


SECONDS = {"gt": 0, "le": 86_400}
TICKS = (1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30, 60)  # seconds that divide a minute


@dataclass(frozen=True)
class Settings:
    """Every setting, its default and its meaning: the one table of settings."""

    db: str = _setting(
        "binational.db",
        "Database: a file path (SQLite) or a SQLAlchemy URL such as "
        "postgresql+psycopg://user:pass@host/dbname.",
        accepted="a file path or a database URL (sqlite:///PATH or "
        "postgresql+psycopg://USER:PASSWORD@HOST/NAME)",
        check=_database,
    )
    organization: str = _setting(
        "Center for Binational Institutions", "Name of the organization that publishes reports."
    )
    logo: str = _setting(
        "",
        "Image file (PNG, JPEG or SVG) of the organization's logo, shown beside its name "
        "in the web app's header and at the top of the html, pdf and docx reports and "
        "scorecards; empty for none.",
        accepted="a path to a .png, .jpg, .jpeg or .svg file, or nothing",
        check=_logo,
    )
    report_title: str = _setting(
        "Report", "Word that heads a report, as in 'Report | April-June 2023'."
    )
    report_intro: str = _setting(DEFAULT_INTRO, "Paragraph printed under a report's header.")
    data_license: str = _setting(
        "CC-BY-4.0",
        "Licence of the open data (`binational export`, the site's open-data page), as an "
        "SPDX identifier; the exports' metadata names it with its title and address.",
        accepted="one of " + ", ".join(DATA_LICENSES),
        check=_data_license,
    )
    archive_dir: str = _setting(
        "archive", "Directory where fetched pages are archived as WARC files."
    )
    user_agent: str = _setting(
        "binational/0.1 (institutional monitoring; +https://example.org/binational)",
        "User-Agent sent when fetching sources.",
    )
    requests_per_second: float = _setting(
        1.0, "Politeness limit per host when fetching.", gt=0, le=1000
    )
    max_concurrency: int = _setting(
        8, "Most requests in flight at once when fetching.", ge=1, le=256
    )
    sources_file: str = _setting(
        "sources.toml",
        "TOML file listing the sources `binational ingest` watches; while it does not "
        "exist, the bundled list of official sources is used.",
    )
    connect_timeout: float = _setting(
        10.0, "Seconds to wait for a connection when fetching.", **SECONDS
    )
    fetch_timeout: float = _setting(
        20.0, "Seconds to wait for each read of a response when fetching.", **SECONDS
    )
    max_response_bytes: int = _setting(
        10_000_000,
        "Largest response body read when fetching; longer ones are cut off.",
        ge=1024, le=2**31,
    )  # fmt: skip
    fetch_retries: int = _setting(
        3, "Retries of a request that failed with a 5xx, a 429 or a network error.", ge=0, le=10
    )
    retry_backoff: float = _setting(
        1.0, "Seconds before the first retry; doubled for each further retry.", ge=0, le=3600
    )
    max_retry_wait: float = _setting(
        60.0,
        "Longest wait honored from a Retry-After header; a longer one ends the retries.",
        ge=0, le=86_400,
    )  # fmt: skip
    max_redirects: int = _setting(5, "Most redirects followed for one request.", ge=0, le=30)
    fetch_deadline: float = _setting(
        30.0,
        "Seconds one request may take in all (connecting, headers and body); a slower "
        "one is abandoned and tried again by a later run.",
        **SECONDS,
    )
    fetch_allow_networks: tuple[str, ...] = _setting(
        (),
        "Networks (CIDR, comma-separated in the environment) the fetcher may connect to "
        "although they are loopback, private, link-local or otherwise internal, e.g. "
        "10.20.0.0/16 for an intranet source; by default none is.",
        accepted="a list of networks in CIDR notation such as 10.0.0.0/8",
        check=_networks,
    )
    page_retry_backoff: float = _setting(
        1800.0,
        "Seconds before a page that failed in a way that may pass (timeout, deadline, "
        "5xx, network error) is fetched again by a later run; doubled after each "
        "further failure, up to a day.",
        ge=0, le=86_400,
    )  # fmt: skip
    ingest_interval: float = _setting(
        3600.0, "Seconds between runs of `binational ingest` without --once.", gt=0, le=604_800
    )
    ingest_run_budget: float = _setting(
        900.0,
        "Seconds one ingest run may take; requests still going then are abandoned, "
        "recorded, and tried again by the next run.",
        **SECONDS,
    )
    near_duplicate_threshold: float = _setting(
        0.5,
        "Estimated Jaccard similarity (word 3-shingles) at which two texts are one story.",
        gt=0, le=1,
    )  # fmt: skip
    lock_wait: float = _setting(
        5.0,
        "Seconds a change waits for another one to finish writing (SQLite writes one at "
        "a time), retrying with backoff; past them the web answers 503 with Retry-After "
        "and a command says the database is busy.",
        ge=0, le=600,
    )  # fmt: skip
    secret_key: str = _setting(
        "",
        "Key that signs web session cookies; set one in production (empty: a random key "
        "per process, so signed-in browsers sign in again after a restart). Sessions "
        "themselves are kept in the database.",
    )
    public_read: bool = _setting(
        False, "Let anonymous visitors read published events and the registry."
    )
    secure_cookies: bool = _setting(
        False,
        "Mark web session cookies Secure (sent over https only); they are marked Secure "
        "anyway when a request arrives over https.",
    )
    trusted_proxies: tuple[str, ...] = _setting(
        (),
        "Addresses or networks (CIDR, comma-separated in the environment) of the reverse "
        "proxies whose X-Forwarded-For and X-Forwarded-Proto headers the web app believes "
        "(the client's address for the sign-in limit; https for HSTS and Secure cookies); "
        "by default none: the address is the connection's.",
        accepted="a list of addresses or networks in CIDR notation such as 10.0.0.5 or 10.0.0.0/24",
        check=_networks,
    )
    max_body_bytes: int = _setting(
        1_000_000,
        "Largest request body the web app accepts (JSON and forms alike); a larger one "
        "is refused with 413 before it is read.",
        ge=1024, le=2**30,
    )  # fmt: skip
    search_dir: str = _setting(
        "",
        "Directory of the search index of a PostgreSQL database, one per machine, kept in "
        "step with the database (empty: $XDG_CACHE_HOME/binational/search/<hash of the URL>). "
        "A SQLite file's index lives beside it, in <file>.search/.",
    )
    session_hours: int = _setting(
        12, "How long a web session lasts after signing in, in hours.", ge=1, le=8760
    )
    llm_url: str = _setting(
        "",
        "Base URL of an OpenAI-compatible chat-completions API for drafting (e.g. "
        "http://127.0.0.1:8080/v1; a URL ending in /chat/completions is used as it is); "
        "empty means extractive drafts only.",
        accepted="empty or a web address starting with http:// or https://",
        check=_web_address,
    )
    llm_model: str = _setting(
        "", "Model the drafting endpoint is asked for (the `model` of the request)."
    )
    llm_api_key: str = _setting("", "Bearer token sent to the drafting endpoint; empty sends none.")
    llm_timeout: float = _setting(
        30.0,
        "Seconds the drafting endpoint has to answer in full; past them the extractive "
        "draft is kept, with a warning.",
        **SECONDS,
    )

    job_queue: bool = _setting(
        False,
        "The web app hands report downloads to the job queue in the PostgreSQL database, "
        "built by `binational worker` processes; ignored with SQLite.",
    )
    worker_concurrency: int = _setting(
        4, "Jobs one `binational worker` process runs at once (--concurrency).", ge=1, le=256
    )
    worker_tick: int = _setting(
        10,
        "Seconds between a worker's checks for sources due to be polled and for jobs "
        "left running by a worker that stopped answering (a divisor of 60).",
        accepted="one of 1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30, 60",
        check=lambda value: None if value in TICKS else "it does not divide a minute",
    )
    worker_heartbeat: float = _setting(
        10.0, "Seconds between a worker's signs of life in the database.", gt=0, le=3600
    )
    worker_stalled_after: float = _setting(
        60.0,
        "Seconds without a sign of life after which a worker counts as gone and its "
        "running jobs are given to another (more than worker_heartbeat).",
        gt=0, le=86_400,
    )  # fmt: skip
    job_attempts: int = _setting(
        5,
        "Times a job that fails in a way that may pass (a server error, a timeout, a "
        "busy database) is tried before it stays failed.",
        ge=1, le=100,
    )  # fmt: skip
    job_retry_wait: float = _setting(
        30.0,
        "Seconds before a failed job is tried again; doubled after each further failure.",
        ge=0, le=86_400,
    )  # fmt: skip
    builds_dir: str = _setting(
        "builds", "Directory where the report builds of the job queue write their files."
    )
    build_time_limit: float = _setting(
        120.0,
        "Seconds the web app waits for a report it builds itself (no job queue); past "
        "them it answers 503 and the build is abandoned.",
        **SECONDS,
    )

    registry_stale_after_days: int = _setting(
        730,
        "Days after which a registry status checked against a source (its as_of) counts "
        "as stale: `binational registry validate` warns, and --strict refuses it.",
        ge=1, le=36_500,
    )  # fmt: skip

    def __post_init__(self) -> None:
        values = {name: getattr(self, name) for name in _BY_NAME}
        for name, value in values.items():  # a list written as text, as in the environment
            if isinstance(value, str) and _BY_NAME[name].kind == "tuple[str, ...]":
                values[name] = _split_list(value)
        for name, value in check_values(values, {}).items():
            object.__setattr__(self, name, value)

    def with_overrides(self, **overrides: Any) -> Settings:
        """A copy with the given values; ``None`` means 'not given'."""
        return replace(self, **{k: v for k, v in overrides.items() if v is not None})


KINDS = {"str": "text", "bool": "true or false", "int": "a whole number", "float": "a number",
         "tuple[str, ...]": "a list of text"}  # fmt: skip


def _number(value: float) -> str:
    return f"{value:,g}".replace(",", "") if value < 10**6 else f"{value:,.0f}"


def accepted_values(kind: str, bounds: Mapping[str, float]) -> str:
    """What a setting accepts, in words: 'a whole number from 1 to 256'."""
    words = KINDS[kind]
    ge, gt, le = bounds.get("ge"), bounds.get("gt"), bounds.get("le")
    if ge is not None and le is not None:
        return f"{words} from {_number(ge)} to {_number(le)}"
    if gt is not None and le is not None:
        return f"{words} above {_number(gt)} and at most {_number(le)}"
    if ge is not None:
        return f"{words} of at least {_number(ge)}"
    if gt is not None:
        return f"{words} above {_number(gt)}"
    return words


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str
    kind: str  # the type as written in the table: 'int', 'tuple[str, ...]', ...
    accepted: str  # what it accepts, in words
    bounds: Mapping[str, float]
    check: Callable[[Any], str | None] | None

    @property
    def env(self) -> str:
        return "BINATIONAL_" + self.name.upper()


SETTINGS: tuple[Setting, ...] = tuple(
    Setting(
        f.name,
        f.default,
        f.metadata["help"],
        str(f.type),
        f.metadata["accepted"] or accepted_values(str(f.type), f.metadata["bounds"]),
        f.metadata["bounds"],
        f.metadata["check"],
    )  # fmt: skip
    for f in fields(Settings)
)
_BY_NAME = {setting.name: setting for setting in SETTINGS}


@functools.cache
def _validator():  # -> pydantic_core.SchemaValidator
    """The table as a pydantic schema, compiled once per process on first use.

    Built with pydantic-core, the engine of pydantic's models, from a schema rather
    than as a model class: a process's first model class costs about 50 ms of
    pydantic's one-time set-up, which every command would pay; this costs under 1."""
    from pydantic_core import SchemaValidator
    from pydantic_core import core_schema as cs

    def schema(setting: Setting):
        if setting.kind == "tuple[str, ...]":
            return cs.tuple_schema([cs.str_schema()], variadic_item_index=0)
        if setting.kind == "float":
            return cs.float_schema(allow_inf_nan=False, **setting.bounds)
        make = {"str": cs.str_schema, "bool": cs.bool_schema, "int": cs.int_schema}
        return make[setting.kind](**setting.bounds)

    fields = {s.name: cs.typed_dict_field(schema(s), required=False) for s in SETTINGS}
    return SchemaValidator(cs.typed_dict_schema(fields, extra_behavior="forbid"))


def _shown(name: str, value: Any) -> str:
    if name in SECRETS:
        return "the value given"
    if isinstance(value, tuple):
        value = list(value)
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def refusal(name: str, value: Any, origin: str | None, reason: str | None = None) -> str:
    """The sentence for a refused value: which setting, from where, what it accepts."""
    setting = _BY_NAME[name]
    where = f" {origin}" if origin else ""
    because = f" ({reason})" if reason else ""
    return f"setting {name}{where} must be {setting.accepted}, not {_shown(name, value)}{because}"


def check_values(values: Mapping[str, Any], origins: Mapping[str, str]) -> dict[str, Any]:
    """The values converted to their types and checked against the table; a
    ``SettingsError`` names the first wrong one and where it came from."""
    from pydantic_core import ValidationError

    try:
        checked = _validator().validate_python(dict(values))
    except ValidationError as error:
        first = error.errors()[0]
        name = str(first["loc"][0]) if first["loc"] else ""
        if name not in _BY_NAME:
            raise SettingsError(f"{name!r} is not a setting") from None
        raise SettingsError(refusal(name, values.get(name), origins.get(name))) from None
    result = {name: checked[name] for name in values}
    for name, value in result.items():
        check = _BY_NAME[name].check
        reason = check(value) if check else None
        if reason:
            raise SettingsError(refusal(name, value, origins.get(name), reason))
    return result


def _split_list(text: str) -> tuple[str, ...]:
    return tuple(item.strip() for item in text.replace(",", " ").split() if item.strip())


def _from_environment(setting: Setting, raw: str) -> Any:
    """An environment variable's text, as the table's type expects it."""
    if setting.kind == "tuple[str, ...]":
        return _split_list(raw)
    if setting.kind == "bool" and not raw.strip():
        return False
    return raw.strip() if setting.kind in ("int", "float", "bool") else raw


def unknown_setting(name: str, where: str) -> str:
    """The sentence for a name that is not in the table, with the closest one."""
    import difflib

    close = difflib.get_close_matches(name, list(_BY_NAME), n=1)
    hint = f"; did you mean {close[0]!r}?" if close else "; `binational settings` lists them"
    return f"{where}: {name!r} is not a setting{hint}"


def read_settings_file(path: Path) -> dict[str, Any]:
    """The settings of a TOML file, by name (unknown names refused)."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise SettingsError(f"{path} is not valid TOML: {error}") from None
    except OSError as error:
        raise SettingsError(f"cannot read the settings file {path}: {error.strerror}") from None
    for key in data:
        if key not in _BY_NAME:
            raise SettingsError(unknown_setting(key, str(path)))
    return data


def load_settings(
    environ: Mapping[str, str] | None = None,
    config_file: Path | None = None,
    **overrides: Any,
) -> Settings:
    environ = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    origins: dict[str, str] = {}
    path = config_file or Path(environ.get("BINATIONAL_CONFIG", "binational.toml"))
    if path.is_file():
        for key, raw in read_settings_file(path).items():
            values[key], origins[key] = raw, f"in {path}"
    for setting in SETTINGS:
        if setting.env in environ:
            values[setting.name] = _from_environment(setting, environ[setting.env])
            origins[setting.name] = f"({setting.env} in the environment)"
    for key, value in overrides.items():
        if value is None:
            continue
        if key not in _BY_NAME:
            raise SettingsError(unknown_setting(key, "the command line"))
        values[key], origins[key] = value, f"(--{key.replace('_', '-')})"
    return Settings(**check_values(values, origins))


def settings_markdown() -> str:
    """The settings table for docs/settings.md (kept in sync by a test)."""
    lines = [
        "# Settings",
        "",
        "Set in `binational.toml`, or as environment variables; generated from",
        "`binational.config.SETTINGS`. A value outside what a setting accepts is refused",
        "with one sentence naming the setting and where it was set.",
        "",
        "| Setting | Environment | Default | Accepts | Meaning |",
        "|---|---|---|---|---|",
    ]
    for s in SETTINGS:
        default = s.default if s.default not in ("", ()) else "(empty)"
        if s.name == "report_intro":
            default = "(the Center's intro)"
        lines.append(f"| `{s.name}` | `{s.env}` | `{default}` | {s.accepted} | {s.help} |")
    return "\n".join(lines) + "\n"
