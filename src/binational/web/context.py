"""Everything a request handler needs, made once by ``create_app`` and passed along
(no module globals): settings, database, registry, taxonomy, templates, password
hasher, sign-in throttle, search index, the names pages show."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from jinja2 import Environment

from binational.accounts.passwords import Passwords
from binational.accounts.throttle import LoginThrottle
from binational.config import Settings
from binational.domain import InstitutionLabel
from binational.registry.annotate import Annotator, registry_annotator
from binational.registry.loader import Registry
from binational.registry.records import registry_labels
from binational.registry.schema import Agency, Institution
from binational.registry.topics import Taxonomy
from binational.search import SearchEngine
from binational.store.database import Database
from binational.web.i18n.page_labels import PageLabels
from binational.web.i18n.translator import LANGUAGES, Translator
from binational.web.result_cache import ResultCache


@dataclass(frozen=True)
class WebContext:
    settings: Settings
    database: Database
    registry: Registry
    taxonomy: Taxonomy
    templates: Environment
    passwords: Passwords
    throttle: LoginThrottle
    search: SearchEngine  # the one search (binational.search), over an index on disk
    results: ResultCache = field(default_factory=ResultCache)
    # Each quarter's report shape (its items and daily counts), for numbering an event
    # on its page.
    report_shapes: ResultCache = field(default_factory=lambda: ResultCache(max_entries=64))
    labels: Mapping[str, InstitutionLabel] = field(init=False)
    annotator: Annotator = field(init=False)  # links and topics for edited text
    topic_names: Mapping[str, tuple[str, str]] = field(init=False)
    page_labels: Mapping[str, PageLabels] = field(init=False)  # by language

    def __post_init__(self) -> None:
        object.__setattr__(self, "labels", registry_labels(self.registry))
        object.__setattr__(self, "annotator", registry_annotator(self.registry))
        names = {t.slug: (t.name_en, t.name_es) for t in self.taxonomy.topics}
        object.__setattr__(self, "topic_names", names)
        labels = {lang: PageLabels(Translator(lang), self.registry, names) for lang in LANGUAGES}
        object.__setattr__(self, "page_labels", labels)

    def entry(self, slug: str) -> Institution | Agency | None:
        return self.registry.get(slug)

    def entry_kind(self, slug: str) -> str | None:
        """'institution' or 'agency' for a registry slug, None if unknown."""
        return self.registry.kind_of(slug)
