"""Settings: one table that feeds the environment, the TOML file, the CLI and the docs.

Every setting is declared once in ``SETTINGS`` with its default and help text. A
``Settings`` value is built by ``load_settings()`` at the edge (CLI, web factory,
tests) and passed down; nothing reads the environment at import time.

Precedence, highest first: explicit overrides (e.g. ``--db``), ``BINATIONAL_*``
environment variables, the TOML file (``BINATIONAL_CONFIG`` or ``./binational.toml``),
defaults.
"""

from __future__ import annotations

import ipaddress
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

DEFAULT_INTRO = (
    "The Center for Binational Institutions is devoted to promoting a better "
    "understanding of the bilateral institutions between Mexico and the United States. "
    "Our quarterly report presents the relevant events between US-MEXICO bilateral "
    "institutions."
)


def _setting(default: Any, help: str) -> Any:
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True)
class Settings:
    """Every setting, its default and its meaning: the one table of settings."""

    db: str = _setting(
        "binational.db",
        "Database: a file path (SQLite) or a SQLAlchemy URL such as "
        "postgresql+psycopg://user:pass@host/dbname.",
    )
    organization: str = _setting(
        "Center for Binational Institutions", "Name of the organization that publishes reports."
    )
    report_title: str = _setting(
        "Report", "Word that heads a report, as in 'Report | April-June 2023'."
    )
    report_intro: str = _setting(DEFAULT_INTRO, "Paragraph printed under a report's header.")
    archive_dir: str = _setting(
        "archive", "Directory where fetched pages are archived as WARC files."
    )
    user_agent: str = _setting(
        "binational/0.1 (institutional monitoring; +https://example.org/binational)",
        "User-Agent sent when fetching sources.",
    )
    requests_per_second: float = _setting(1.0, "Politeness limit per host when fetching.")
    max_concurrency: int = _setting(8, "Most requests in flight at once when fetching.")
    sources_file: str = _setting(
        "sources.toml",
        "TOML file listing the sources `binational ingest` watches; while it does not "
        "exist, the bundled list of official sources is used.",
    )
    connect_timeout: float = _setting(10.0, "Seconds to wait for a connection when fetching.")
    fetch_timeout: float = _setting(
        20.0, "Seconds to wait for each read of a response when fetching."
    )
    max_response_bytes: int = _setting(
        10_000_000, "Largest response body read when fetching; longer ones are cut off."
    )
    fetch_retries: int = _setting(
        3, "Retries of a request that failed with a 5xx, a 429 or a network error."
    )
    retry_backoff: float = _setting(
        1.0, "Seconds before the first retry; doubled for each further retry."
    )
    max_retry_wait: float = _setting(
        60.0, "Longest wait honored from a Retry-After header; a longer one ends the retries."
    )
    max_redirects: int = _setting(5, "Most redirects followed for one request.")
    fetch_deadline: float = _setting(
        30.0,
        "Seconds one request may take in all (connecting, headers and body); a slower "
        "one is abandoned and tried again by a later run.",
    )
    fetch_allow_networks: tuple[str, ...] = _setting(
        (),
        "Networks (CIDR, comma-separated in the environment) the fetcher may connect to "
        "although they are loopback, private, link-local or otherwise internal, e.g. "
        "10.20.0.0/16 for an intranet source; by default none is.",
    )
    page_retry_backoff: float = _setting(
        1800.0,
        "Seconds before a page that failed in a way that may pass (timeout, deadline, "
        "5xx, network error) is fetched again by a later run; doubled after each "
        "further failure, up to a day.",
    )
    ingest_interval: float = _setting(
        3600.0, "Seconds between runs of `binational ingest` without --once."
    )
    ingest_run_budget: float = _setting(
        900.0,
        "Seconds one ingest run may take; requests still going then are abandoned, "
        "recorded, and tried again by the next run.",
    )
    near_duplicate_threshold: float = _setting(
        0.5, "Estimated Jaccard similarity (word 3-shingles) at which two texts are one story."
    )
    secret_key: str = _setting(
        "",
        "Key that signs web sessions; set one in production (empty: a random key per "
        "process, so sessions end when the server restarts).",
    )
    public_read: bool = _setting(
        False, "Let anonymous visitors read published events and the registry."
    )
    secure_cookies: bool = _setting(
        False,
        "Mark web session cookies Secure (sent over https only); they are marked Secure "
        "anyway when a request arrives over https.",
    )
    search_dir: str = _setting(
        "",
        "Directory of the search index of a PostgreSQL database, one per machine, kept in "
        "step with the database (empty: $XDG_CACHE_HOME/binational/search/<hash of the URL>). "
        "A SQLite file's index lives beside it, in <file>.search/.",
    )
    session_hours: int = _setting(12, "How long a web session lasts after signing in, in hours.")
    llm_url: str = _setting(
        "",
        "Base URL of an OpenAI-compatible chat-completions API for drafting (e.g. "
        "http://127.0.0.1:8080/v1; a URL ending in /chat/completions is used as it is); "
        "empty means extractive drafts only.",
    )
    llm_model: str = _setting(
        "", "Model the drafting endpoint is asked for (the `model` of the request)."
    )
    llm_api_key: str = _setting("", "Bearer token sent to the drafting endpoint; empty sends none.")
    llm_timeout: float = _setting(
        30.0,
        "Seconds the drafting endpoint has to answer in full; past them the extractive "
        "draft is kept, with a warning.",
    )

    registry_stale_after_days: int = _setting(
        730,
        "Days after which a registry status checked against a source (its as_of) counts "
        "as stale: `binational registry validate` warns, and --strict refuses it.",
    )

    def __post_init__(self) -> None:
        networks = self.fetch_allow_networks
        if isinstance(networks, str):
            networks = _split_list(networks)
        object.__setattr__(self, "fetch_allow_networks", tuple(str(n) for n in networks))
        for network in self.fetch_allow_networks:
            try:
                ipaddress.ip_network(network)
            except ValueError as error:
                raise ValueError(
                    f"setting fetch_allow_networks: {network!r} is not a network in CIDR "
                    f"notation such as 10.0.0.0/8 ({_reason(error, network)})"
                ) from None
        for name in ("fetch_deadline", "ingest_run_budget"):
            if not getattr(self, name) > 0:
                raise ValueError(f"setting {name} must be a number of seconds above 0")
        if not self.page_retry_backoff >= 0:
            raise ValueError("setting page_retry_backoff must be a number of seconds, 0 or more")

    def with_overrides(self, **overrides: Any) -> Settings:
        """A copy with the given values; ``None`` means 'not given'."""
        return replace(self, **{k: v for k, v in overrides.items() if v is not None})


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str

    @property
    def env(self) -> str:
        return "BINATIONAL_" + self.name.upper()


SETTINGS: tuple[Setting, ...] = tuple(
    Setting(f.name, f.default, f.metadata["help"]) for f in fields(Settings)
)
_BY_NAME = {setting.name: setting for setting in SETTINGS}


def _split_list(text: str) -> list[str]:
    return [item.strip() for item in text.replace(",", " ").split() if item.strip()]


def _reason(error: ValueError, value: str) -> str:
    return str(error).replace(repr(value), "").replace(value, "").strip(" ':") or "not valid"


def _coerce(name: str, raw: Any) -> Any:
    kind = type(_BY_NAME[name].default)
    if kind is tuple:
        if isinstance(raw, str):
            return tuple(_split_list(raw))
        if isinstance(raw, list | tuple) and all(isinstance(item, str) for item in raw):
            return tuple(raw)
        raise ValueError(f"setting {name} must be a list of strings, not {raw!r}")
    if kind is bool and isinstance(raw, str):
        lowered = raw.strip().lower()
        if lowered in {"1", "true", "yes", "on"}:
            return True
        if lowered in {"0", "false", "no", "off", ""}:
            return False
        raise ValueError(f"setting {name} must be true or false, not {raw!r}")
    try:
        return kind(raw)
    except (TypeError, ValueError):
        raise ValueError(f"setting {name} must be a {kind.__name__}, not {raw!r}") from None


def load_settings(
    environ: Mapping[str, str] | None = None,
    config_file: Path | None = None,
    **overrides: Any,
) -> Settings:
    environ = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    path = config_file or Path(environ.get("BINATIONAL_CONFIG", "binational.toml"))
    if path.is_file():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
            raise ValueError(f"{path} is not valid TOML: {error}") from None
        for key, raw in data.items():
            if key not in _BY_NAME:
                raise ValueError(f"{path}: unknown setting {key!r}")
            values[key] = _coerce(key, raw)
    for setting in SETTINGS:
        if setting.env in environ:
            values[setting.name] = _coerce(setting.name, environ[setting.env])
    values.update({k: v for k, v in overrides.items() if v is not None})
    unknown = set(values) - set(_BY_NAME)
    if unknown:
        raise ValueError(f"unknown setting {sorted(unknown)[0]!r}")
    return Settings(**values)


def settings_markdown() -> str:
    """The settings table for docs/settings.md (kept in sync by a test)."""
    lines = [
        "# Settings",
        "",
        "Set in `binational.toml`, or as environment variables; generated from",
        "`binational.config.SETTINGS`.",
        "",
        "| Setting | Environment | Default | Meaning |",
        "|---|---|---|---|",
    ]
    for s in SETTINGS:
        default = s.default if s.default not in ("", ()) else "(empty)"
        if s.name == "report_intro":
            default = "(the Center's intro)"
        lines.append(f"| `{s.name}` | `{s.env}` | `{default}` | {s.help} |")
    return "\n".join(lines) + "\n"
