"""Read the registry YAML files into a validated, frozen ``Registry``.

Every file holds one top-level key: ``institutions`` or ``agencies`` (a list of
entries); ``topics.yaml`` (``topics``) is the topic taxonomy and is read by
``topics.py``, not here. Any bad entry stops the load with a ``UserError`` whose one
sentence names the file, the entry, the field and the reason.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from binational.errors import UserError
from binational.registry.entries import Agency, Institution

BUNDLED_DATA = Path(__file__).parent / "data"
NOT_REGISTRY_KEYS = frozenset({"topics"})


@dataclass(frozen=True)
class Registry:
    """All institutions and agencies, with lookups by slug, category and parent."""

    institutions: tuple[Institution, ...]
    agencies: tuple[Agency, ...]
    _by_slug: Mapping[str, Institution | Agency] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        entries = {entry.slug: entry for entry in (*self.institutions, *self.agencies)}
        object.__setattr__(self, "_by_slug", MappingProxyType(entries))

    def get(self, slug: str) -> Institution | Agency | None:
        return self._by_slug.get(slug)

    def institution(self, slug: str) -> Institution | None:
        entry = self._by_slug.get(slug)
        return entry if isinstance(entry, Institution) else None

    def agency(self, slug: str) -> Agency | None:
        entry = self._by_slug.get(slug)
        return entry if isinstance(entry, Agency) else None

    def kind_of(self, slug: str) -> str | None:
        """'institution' or 'agency' for a slug of the registry, None if unknown."""
        if self.institution(slug) is not None:
            return "institution"
        if self.agency(slug) is not None:
            return "agency"
        return None

    def by_category(self, category: str) -> tuple[Institution, ...]:
        return tuple(entry for entry in self.institutions if entry.category == category)

    def children(self, parent_slug: str) -> tuple[Institution, ...]:
        return tuple(entry for entry in self.institutions if entry.parent == parent_slug)

    def __len__(self) -> int:
        return len(self._by_slug)


@dataclass(frozen=True)
class _SourcedEntry:
    """An entry with the file it came from, for error messages."""

    file: str
    entry: Institution | Agency


def load_registry(directory: Path | None = None) -> Registry:
    """The registry in ``directory`` (the bundled data when None)."""
    if directory is None:
        return load_bundled_registry()
    return load_registry_files(_registry_files(directory))


@functools.lru_cache(maxsize=1)
def load_bundled_registry() -> Registry:
    """The bundled registry, loaded once per process (it never changes at run time),
    from the validated cache when the files and code are the ones it was made from
    (``cache.py``; ``$XDG_CACHE_HOME/binational``), validated otherwise."""
    from binational.cache_files import default_cache_dir

    return load_cached_registry(BUNDLED_DATA, default_cache_dir())


def load_cached_registry(directory: Path, cache_dir: Path | None) -> Registry:
    """The registry in ``directory``, read from ``cache_dir`` when it holds the
    validated result for these very files and code; otherwise validated and, when
    ``cache_dir`` is writable, cached there. ``cache_dir`` None: always validate."""
    if cache_dir is None:
        return load_registry_files(_registry_files(directory))
    from binational.registry.cache import cache_key, code_sources, read_cached, write_cached

    files = _registry_files(directory)
    try:
        contents = [(path.name, path.read_bytes()) for path in files]
    except OSError as error:
        raise UserError(f"Cannot read registry file {error.filename}: {error.strerror}.") from None
    key = cache_key(contents, code_sources())
    cached = read_cached(cache_dir, key)
    if cached is not None:
        return Registry(institutions=cached.institutions, agencies=cached.agencies)
    registry = load_registry_files(files)
    write_cached(cache_dir, key, registry.institutions, registry.agencies)
    return registry


def load_registry_with_file(path: Path) -> Registry:
    """The bundled registry with one file replaced by (or added as) ``path``.

    This is how ``registry validate FILE`` checks an edited file: its references to
    agencies or institutions in the other bundled files must still resolve.
    """
    others = [file for file in _registry_files(BUNDLED_DATA) if file.name != path.name]
    return load_registry_files([*others, path])


def load_registry_files(paths: Iterable[Path]) -> Registry:
    """Parse, validate and cross-check the given YAML files."""
    sourced: list[_SourcedEntry] = []
    for path in paths:
        sourced.extend(_read_file(path))
    _check_unique_slugs(sourced)
    registry = Registry(
        institutions=tuple(s.entry for s in sourced if isinstance(s.entry, Institution)),
        agencies=tuple(s.entry for s in sourced if isinstance(s.entry, Agency)),
    )
    for item in sourced:
        _check_references(item, registry)
    return registry


def _registry_files(directory: Path) -> list[Path]:
    if not directory.is_dir():
        raise UserError(f"{directory} is not a directory of registry YAML files.")
    return sorted(directory.glob("*.yaml"))


def _read_file(path: Path) -> list[_SourcedEntry]:
    import yaml

    try:
        document = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    except OSError as error:
        raise UserError(f"Cannot read registry file {path}: {error.strerror}.") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark else ""
        raise UserError(f"{path.name}{where} is not valid YAML; fix the syntax there.") from None
    if not isinstance(document, dict) or len(document) != 1:
        raise UserError(
            f"{path.name} must have exactly one top-level key: institutions or agencies."
        )
    ((key, entries),) = document.items()
    if key in NOT_REGISTRY_KEYS:
        return []
    from binational.registry.schema import AgencyInput, InstitutionInput

    model = {"institutions": InstitutionInput, "agencies": AgencyInput}.get(key)
    if model is None:
        raise UserError(f"{path.name} has top-level key {key!r}; use institutions or agencies.")
    if not isinstance(entries, list):
        raise UserError(f"{path.name}: {key} must be a list of entries.")
    return [_validate_entry(path.name, index, raw, model) for index, raw in enumerate(entries)]


def _validate_entry(file: str, index: int, raw: object, model: Any) -> _SourcedEntry:
    label = _entry_label(index, raw)
    if not isinstance(raw, dict):
        raise UserError(f"{file}, {label}: an entry must be a mapping of fields.")
    from pydantic import ValidationError

    try:
        return _SourcedEntry(file, model.model_validate(raw).to_entry())
    except ValidationError as error:
        first = error.errors()[0]
        field_path = ".".join(str(part) for part in first["loc"])
        where = f", field {field_path}" if field_path else ""  # model checks name theirs
        reason = first["msg"].removeprefix("Value error, ").rstrip(".")
        if first["type"] == "extra_forbidden":
            reason = "unknown field (check the spelling against the README)"
        elif first["type"] == "missing":
            reason = "required field is missing"
        raise UserError(f"{file}, {label}{where}: {reason}.") from None


def _entry_label(index: int, raw: object) -> str:
    slug = raw.get("slug") if isinstance(raw, dict) else None
    return f"entry {slug!r}" if slug else f"entry #{index + 1}"


def _check_unique_slugs(sourced: list[_SourcedEntry]) -> None:
    seen: dict[str, str] = {}
    for item in sourced:
        slug = item.entry.slug
        if slug in seen:
            raise UserError(
                f"{item.file}, entry {slug!r}, field slug: already used in {seen[slug]}; "
                "slugs must be unique across institutions and agencies."
            )
        seen[slug] = item.file


def _check_references(item: _SourcedEntry, registry: Registry) -> None:
    entry = item.entry
    where = f"{item.file}, entry {entry.slug!r}"
    if isinstance(entry, Agency):
        if entry.parent and registry.agency(entry.parent) is None:
            raise UserError(f"{where}, field parent: {entry.parent!r} is not a known agency.")
        return
    for field_name in ("parent", "superseded_by"):
        target = getattr(entry, field_name)
        if target and registry.institution(target) is None:
            raise UserError(f"{where}, field {field_name}: {target!r} is not a known institution.")
    for country in ("US", "MX", "CA"):
        for slug in getattr(entry.lead_agencies, country):
            agency = registry.agency(slug)
            if agency is None:
                raise UserError(
                    f"{where}, field lead_agencies.{country}: {slug!r} is not a known agency."
                )
            if agency.country != country:
                raise UserError(
                    f"{where}, field lead_agencies.{country}: {slug!r} is an agency of "
                    f"{agency.country}, not {country}."
                )
    _check_no_parent_cycle(where, entry, registry)


def _check_no_parent_cycle(where: str, entry: Institution, registry: Registry) -> None:
    seen = {entry.slug}
    current = entry.parent
    while current:
        if current in seen:
            raise UserError(f"{where}, field parent: the parent chain loops back to {current!r}.")
        seen.add(current)
        parent = registry.institution(current)
        current = parent.parent if parent else None
