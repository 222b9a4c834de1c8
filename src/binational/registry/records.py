"""Registry entries as plain JSON records: the one shape shared by
``binational registry show --json`` and the web API."""

from __future__ import annotations

import dataclasses
import datetime as dt
from enum import Enum
from typing import Any

from binational.domain import InstitutionLabel
from binational.registry.entries import Agency, Institution


def dates_as_text(value: Any) -> Any:
    """Registry dates dump as ``{'text', 'precision'}``; records show the text
    ("2013-05"), which already says its precision."""
    if isinstance(value, dict):
        if set(value) == {"text", "precision"}:
            return value["text"]
        return {key: dates_as_text(item) for key, item in value.items()}
    if isinstance(value, list):
        return [dates_as_text(item) for item in value]
    return value


def registry_labels(registry: Any) -> dict[str, InstitutionLabel]:
    """slug -> name and category, for every institution and agency of ``registry``."""
    labels = {i.slug: InstitutionLabel(i.name_en, i.category) for i in registry.institutions}
    labels.update({a.slug: InstitutionLabel(a.name_en, "agency") for a in registry.agencies})
    return labels


def entry_record(entry: Institution | Agency) -> dict[str, Any]:
    """Every field of an institution or agency, and which of the two it is.

    An institution's ``provenance`` is a mapping from field name to ``{source,
    as_of, unconfirmed, note}``; each status history step carries its own.
    """
    record = dates_as_text(_json_ready(dataclasses.asdict(entry)))
    if isinstance(entry, Institution):
        record["provenance"] = {name: value for name, value in record["provenance"]}
    record["kind"] = "institution" if isinstance(entry, Institution) else "agency"
    return record


def _json_ready(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _json_ready(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_json_ready(item) for item in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    return value
