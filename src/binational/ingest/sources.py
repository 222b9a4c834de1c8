"""The sources ingestion watches: a TOML file of ``[[source]]`` tables.

Each source has a name, a URL, a kind (``rss``, ``atom`` or ``feed`` for either,
``listing`` for an HTML page whose article links a CSS ``selector`` picks out,
``sitemap``), a language, a country (US, MX, CA), optionally the registry slug of its
agency, and whether it is official (default: decided from its host, .gov, .gob.mx,
canada.ca...), and optionally its own polling ``interval`` in seconds (default: the
``ingest_interval`` setting; used by the workers of the job queue). Reading and
writing the file are here; the rest is pure. Every table is
checked (pydantic-core, strict types): a wrong type or value is one sentence naming
the file, the source and the field, and what the field accepts.
"""

from __future__ import annotations

import functools
import json
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from binational.errors import UserError
from binational.ingest.canonical import host_of
from binational.ingest.relevance import is_official_host

KINDS = ("rss", "atom", "feed", "listing", "sitemap")
COUNTRIES = ("US", "MX", "CA")
FIELDS = (
    "name", "url", "kind", "language", "country", "agency", "selector", "official", "interval",
)  # fmt: skip


@dataclass(frozen=True)
class Source:
    name: str
    url: str
    kind: str
    language: str = "en"
    country: str = "US"
    agency: str = ""
    selector: str = ""
    official: bool | None = None  # None: decided from the host
    interval: float | None = None  # seconds between polls by the workers; None: the setting

    @property
    def is_official(self) -> bool:
        return self.official if self.official is not None else is_official_host(host_of(self.url))

    @property
    def is_feed(self) -> bool:
        return self.kind in ("rss", "atom", "feed")


def check_source(source: Source, where: str) -> Source:
    """The source if it is complete and consistent; else one sentence saying why."""
    if not source.name.strip():
        raise UserError(f"{where}: a source needs a name")
    if not source.url.startswith(("http://", "https://")) or not host_of(source.url):
        raise UserError(f"{where}: {source.url!r} is not a web address (http:// or https://)")
    if source.kind not in KINDS:
        raise UserError(f"{where}: kind {source.kind!r} is not one of {', '.join(KINDS)}")
    if source.country not in COUNTRIES:
        raise UserError(f"{where}: country {source.country!r} is not one of US, MX, CA")
    if source.kind == "listing" and not source.selector.strip():
        raise UserError(f"{where}: a listing source needs a CSS selector for its article links")
    return source


ACCEPTED = {
    "kind": f"one of {', '.join(KINDS)}",
    "country": f"one of {', '.join(COUNTRIES)}",
    "official": "true or false",
    "url": "text (a web address starting with http:// or https://)",
    "interval": "a number of seconds (at least 1)",
}


@functools.cache
def _entry_schema():  # -> pydantic_core.SchemaValidator of one [[source]] table
    """The fields of a ``[[source]]`` table and their types, checked strictly (a TOML
    file has typed values: ``url = 5`` is a number, not an address). pydantic-core's
    validator from a schema, as ``config.py`` does (no model class: no 50 ms set-up)."""
    from pydantic_core import SchemaValidator
    from pydantic_core import core_schema as cs

    def optional(schema, default):
        return cs.typed_dict_field(cs.with_default_schema(schema, default=default))

    text = cs.str_schema(strict=True)
    seconds = cs.float_schema(ge=1, strict=True, allow_inf_nan=False)
    fields = {
        "name": cs.typed_dict_field(text), "url": cs.typed_dict_field(text),
        "kind": cs.typed_dict_field(cs.literal_schema(list(KINDS))),
        "language": optional(text, "en"),
        "country": optional(cs.literal_schema(list(COUNTRIES)), "US"),
        "agency": optional(text, ""), "selector": optional(text, ""),
        "official": optional(cs.nullable_schema(cs.bool_schema(strict=True)), None),
        "interval": optional(cs.nullable_schema(seconds), None),
    }  # fmt: skip
    return SchemaValidator(cs.typed_dict_schema(fields, extra_behavior="forbid"))


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def _entry(raw: object, label: str) -> Source:
    """One ``[[source]]`` table as a ``Source``; one sentence for its first mistake."""
    from pydantic_core import ValidationError

    if not isinstance(raw, dict):
        raise UserError(f"{label}: a source is a [[source]] table, not {_shown(raw)}")
    try:
        entry = _entry_schema().validate_python(raw)
    except ValidationError as error:
        first = error.errors()[0]
        name = str(first["loc"][0]) if first["loc"] else ""
        if first["type"] == "extra_forbidden":
            raise UserError(
                f"{label}: unknown field {name!r}; a source has {', '.join(FIELDS)}"
            ) from None
        if first["type"] == "missing":
            raise UserError(f"{label}: missing {name!r}") from None
        accepted = ACCEPTED.get(name, "text")
        raise UserError(
            f"{label}: {name} must be {accepted}, not {_shown(raw.get(name))}"
        ) from None
    return Source(**entry)


def parse_sources(text: str, where: str) -> tuple[Source, ...]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise UserError(f"{where} is not valid TOML: {error}") from None
    unknown = set(data) - {"source"}
    if unknown:
        raise UserError(f"{where}: unknown table {sorted(unknown)[0]!r}; write [[source]] tables")
    tables = data.get("source", [])
    if not isinstance(tables, list):
        raise UserError(
            f"{where}: source must be a list of [[source]] tables, not {_shown(tables)}"
        )
    sources: list[Source] = []
    for number, raw in enumerate(tables, start=1):
        name = raw.get("name") if isinstance(raw, dict) else None
        label = f"{where}, source {number} ({name if isinstance(name, str) else 'unnamed'})"
        sources.append(check_source(_entry(raw, label), label))
    names = [source.name for source in sources]
    for name in names:
        if names.count(name) > 1:
            raise UserError(f"{where}: two sources are named {name!r}; names must be unique")
    return tuple(sources)


def bundled_sources_text() -> str:
    return resources.files("binational.ingest").joinpath("data/sources.toml").read_text("utf-8")


def load_sources(path: Path | None) -> tuple[Source, ...]:
    """The sources in ``path``; the bundled list when no path is given or it does not
    exist yet."""
    if path is None or not path.exists():
        return parse_sources(bundled_sources_text(), "the bundled sources list")
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise UserError(f"cannot read the sources file {path}: {error}") from None
    return parse_sources(text, str(path))


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return json.dumps(value, ensure_ascii=False)


def sources_toml(sources: Iterable[Source]) -> str:
    """The TOML text of a sources list (what ``parse_sources`` reads back)."""
    blocks = ["# Sources watched by `binational ingest` (see docs/ingest.md).\n"]
    for source in sources:
        lines = ["[[source]]"]
        for name in FIELDS:
            value = getattr(source, name)
            if value in (None, "") and name not in ("name", "url", "kind"):
                continue
            lines.append(f"{name} = {_toml_value(value)}")
        blocks.append("\n".join(lines) + "\n")
    return "\n".join(blocks)


def save_sources(path: Path, sources: Sequence[Source]) -> None:
    """Write the list atomically (a temporary file renamed over the old one)."""
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(sources_toml(sources), encoding="utf-8")
    temporary.replace(path)


def with_source(sources: Sequence[Source], new: Source) -> tuple[Source, ...]:
    check_source(new, f"source {new.name!r}")
    if any(source.name == new.name for source in sources):
        raise UserError(f"there is already a source named {new.name!r}; remove it first")
    return (*sources, new)


def without_source(sources: Sequence[Source], name: str) -> tuple[Source, ...]:
    kept = tuple(source for source in sources if source.name != name)
    if len(kept) == len(sources):
        raise UserError(f"there is no source named {name!r}; see `binational sources list`")
    return kept


def official_hosts(sources: Iterable[Source]) -> frozenset[str]:
    """Hosts of the sources marked (or recognized as) official."""
    return frozenset(host_of(source.url) for source in sources if source.is_official)
