"""From a fetched page or a feed entry to a ``NewDocument`` ready to store: extract,
canonicalize, detect the language, hash, sign (MinHash), link and score.

Pure given an ``Analyzer`` (the loaded models and lookup tables of one run); the
benchmark times exactly this path.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from binational.ingest.canonical import canonical_url, host_of
from binational.ingest.dedup import fingerprint
from binational.ingest.extract import ExtractionOptions, extract_page
from binational.ingest.feeds import Entry
from binational.ingest.relevance import is_official_host, linked_entities, score_document
from binational.language import LanguageDetector
from binational.store.documents import NewDocument


@dataclass(frozen=True)
class Analyzer:
    extraction: ExtractionOptions
    languages: LanguageDetector
    annotator: Any  # binational.registry.annotate.Annotator
    parties: Mapping[str, frozenset[str]]
    official_hosts: frozenset[str] = frozenset()

    @classmethod
    def build(cls, official_hosts: frozenset[str] = frozenset(), registry: Any = None) -> Analyzer:
        from binational.registry.annotate import registry_annotator
        from binational.registry.loader import load_registry

        registry = registry if registry is not None else load_registry()
        return cls(
            ExtractionOptions.default(),
            LanguageDetector.load(),
            registry_annotator(registry),
            parties_by_slug(registry),
            official_hosts,
        )


def parties_by_slug(registry: Any) -> dict[str, frozenset[str]]:
    """The countries of each institution (its parties) and agency (its country)."""
    parties = {item.slug: frozenset(item.parties) for item in registry.institutions}
    parties.update({agency.slug: frozenset([agency.country]) for agency in registry.agencies})
    return parties


@dataclass(frozen=True)
class Fetched:
    """What the fetcher got, as the analysis needs it."""

    url: str
    status: int | None = 200
    content_type: str | None = "text/html"
    etag: str | None = None
    last_modified: str | None = None
    warc_file: str | None = None
    warc_offset: int | None = None
    warc_length: int | None = None


def _assess(analyzer: Analyzer, title: str, text: str, url: str) -> dict[str, Any]:
    host = host_of(url)
    official = is_official_host(host, analyzer.official_hosts)
    combined = f"{title}\n{text}"
    mentions, hits = analyzer.annotator.mentions_and_topics(combined)
    linked = linked_entities(mentions, analyzer.parties)
    topics = sorted({hit.slug for hit in hits})
    relevance = score_document(title, text, linked, topics, official, host)
    sha256, signature = fingerprint(text)
    return {
        "official": official,
        "score": relevance.score,
        "reasons": relevance.reasons,
        "institutions": tuple(
            {"slug": item.slug, "kind": item.kind, "mention": item.mention} for item in linked
        ),
        "topics": tuple(topics),
        "signature": signature,
        "text_sha256": sha256,
    }


def analyze_page(
    body: bytes,
    fetched: Fetched,
    analyzer: Analyzer,
    source_name: str | None = None,
    declared_language: str | None = None,
    entry: Entry | None = None,
) -> NewDocument | None:
    """The document a page makes (None when it has no article text)."""
    feed_date = entry.published if entry is not None else None
    extraction = extract_page(body, fetched.url, analyzer.extraction, feed_date)
    if extraction is None:
        return None
    published, stated = extraction.published, extraction.published_stated
    title = extraction.title or (entry.title if entry else "") or fetched.url
    language = analyzer.languages.detect(
        extraction.text, extraction.declared_language or declared_language
    )
    return NewDocument(
        kind="page",
        url=fetched.url,
        canonical_url=canonical_url(fetched.url),
        title=title,
        text=extraction.text,
        source_name=source_name,
        http_status=fetched.status,
        content_type=fetched.content_type,
        etag=fetched.etag,
        last_modified=fetched.last_modified,
        warc_file=fetched.warc_file,
        warc_offset=fetched.warc_offset,
        warc_length=fetched.warc_length,
        published=published,
        published_stated=stated,
        language=language,
        **_assess(analyzer, title, extraction.text, fetched.url),
    )


def analyze_entry(
    entry: Entry,
    analyzer: Analyzer,
    source_name: str | None = None,
    declared_language: str | None = None,
    feed: Fetched | None = None,
) -> NewDocument | None:
    """The document a feed entry makes by itself (its title and summary)."""
    text = entry.summary.strip() or entry.title.strip()
    if not text:
        return None
    title = entry.title.strip() or entry.url
    archive = {}
    if feed is not None:
        archive = {
            "warc_file": feed.warc_file, "warc_offset": feed.warc_offset,
            "warc_length": feed.warc_length, "content_type": feed.content_type,
        }  # fmt: skip
    return NewDocument(
        kind="feed_entry",
        url=entry.url,
        canonical_url=canonical_url(entry.url),
        title=title,
        text=text,
        source_name=source_name,
        published=entry.published,
        published_stated=entry.published is not None,
        language=analyzer.languages.detect(f"{title}\n{text}", declared_language),
        **archive,
        **_assess(analyzer, title, text, entry.url),
    )
