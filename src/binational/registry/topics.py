"""Tag a text with topics from the center's small bilingual taxonomy.

The taxonomy (``data/topics.yaml``) gives each topic "strong" terms, enough on
their own ("fentanyl", "narcotráfico"), and ordinary terms, of which two different
ones must appear ("security" + "weapons"). Matching uses the linker's normalization
and one Aho–Corasick pass, so it ignores case and accents and only sees whole words.
Each ``TopicHit`` lists the terms that fired, so an analyst sees why.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import ahocorasick_rs
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from binational.errors import UserError
from binational.registry.normalize import normalize_text, term_keys

BUNDLED_TOPICS = Path(__file__).parent / "data" / "topics.yaml"
MIN_ORDINARY_TERMS = 2

Terms = tuple[str, ...]


class Topic(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    slug: str = Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
    name_en: str = Field(min_length=1)
    name_es: str = Field(min_length=1)
    strong_en: Terms = ()
    strong_es: Terms = ()
    terms_en: Terms = ()
    terms_es: Terms = ()


class Taxonomy(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    topics: tuple[Topic, ...] = Field(min_length=1)


@dataclass(frozen=True)
class TopicHit:
    slug: str
    name_en: str
    name_es: str
    terms: tuple[str, ...]


@dataclass(frozen=True)
class _TermRef:
    topic: int  # index into the taxonomy
    term: str
    strong: bool


@dataclass(frozen=True)
class TopicTagger:
    """A compiled taxonomy: ``tagger.tag(text)`` for any number of texts."""

    taxonomy: Taxonomy
    # Every key padded as " key ", over the folded bytes the linker reads too
    # (``NormalizedText.ascii``): ahocorasick-rs returns all matches in one call.
    automaton: ahocorasick_rs.BytesAhoCorasick
    patterns: tuple[bytes, ...]  # the padded keys the automaton was built from
    refs: tuple[tuple[_TermRef, ...], ...]  # what each key stands for, in key order

    @classmethod
    def build(cls, taxonomy: Taxonomy) -> TopicTagger:
        refs_by_key: dict[str, dict[int, _TermRef]] = {}
        for index, topic in enumerate(taxonomy.topics):
            for strong, terms in (
                (True, topic.strong_en + topic.strong_es),
                (False, topic.terms_en + topic.terms_es),
            ):
                for term in terms:
                    for key in term_keys(term, inflect=True):
                        # the first term wins a key within a topic ("cartel" = "cártel")
                        refs_by_key.setdefault(key, {}).setdefault(
                            index, _TermRef(index, term, strong)
                        )
        patterns = tuple(f" {key} ".encode("ascii") for key in refs_by_key)
        automaton = ahocorasick_rs.BytesAhoCorasick(list(patterns))
        refs = tuple(tuple(by_topic.values()) for by_topic in refs_by_key.values())
        return cls(taxonomy, automaton, patterns, refs)

    def tag(self, text: str) -> list[TopicHit]:
        """Topics with enough evidence in ``text``, in taxonomy order."""
        found = self.automaton.find_matches_as_indexes(normalize_text(text).ascii, overlapping=True)
        return self.hits_of(index for index, _, _ in found)

    def hits_of(self, indexes: Iterable[int]) -> list[TopicHit]:
        """``tag``'s topics from the keys found in a text (by index, in the order the
        automaton reports them: by end, the longest first at one end)."""
        fired: dict[int, dict[str, bool]] = {}
        for index in indexes:
            for ref in self.refs[index]:
                terms = fired.setdefault(ref.topic, {})
                terms[ref.term] = terms.get(ref.term, False) or ref.strong
        return [
            _hit(self.taxonomy.topics[index], terms)
            for index, terms in sorted(fired.items())
            if any(terms.values()) or len(terms) >= MIN_ORDINARY_TERMS
        ]


def _hit(topic: Topic, terms: dict[str, bool]) -> TopicHit:
    return TopicHit(topic.slug, topic.name_en, topic.name_es, tuple(terms))


def load_taxonomy(path: Path = BUNDLED_TOPICS) -> Taxonomy:
    """Read and validate a taxonomy file; a bad file raises ``UserError``."""
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        return Taxonomy.model_validate(raw)
    except (OSError, yaml.YAMLError) as error:
        raise UserError(f"Cannot read topic taxonomy {path}: {error}.") from None
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise UserError(f"{path.name}, field {where}: {first['msg']}.") from None


@functools.lru_cache(maxsize=1)
def bundled_tagger() -> TopicTagger:
    """The tagger for the bundled taxonomy, compiled once per process."""
    return TopicTagger.build(load_taxonomy())


def tag_topics(text: str, tagger: TopicTagger | None = None) -> list[TopicHit]:
    """Topics of ``text`` with the terms that fired (bundled taxonomy by default)."""
    return (tagger or bundled_tagger()).tag(text)


def topic_slugs(hits: Iterable[TopicHit]) -> tuple[str, ...]:
    return tuple(hit.slug for hit in hits)
