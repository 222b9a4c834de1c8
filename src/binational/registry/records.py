"""Registry entries as plain JSON records: the one shape shared by
``binational registry show --json`` and the web API."""

from __future__ import annotations

from typing import Any

from binational.domain import InstitutionLabel
from binational.registry.schema import Agency, Institution


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
    """Every field of an institution or agency, and which of the two it is."""
    record = dates_as_text(entry.model_dump(mode="json"))
    record["kind"] = "institution" if isinstance(entry, Institution) else "agency"
    return record
