"""Draft an event: one function from plain inputs to the draft.

``draft_event`` takes the event's fields, its archived source texts, the registry, the
store's history of linked events and, optionally, a model endpoint with its HTTP
client. It always drafts extractively first (summary from the sources, implications
from the facts); a model, when given, rewrites both, and its answer is kept only
after grounding, with whatever it could not support marked and warned about. When
the model fails, the extractive draft stands, with one warning that says why.

Whoever drafts (a command, the web) calls this one function and differs only in where
the inputs come from.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from binational.drafting.draft import Draft, Summary
from binational.drafting.extractive import REPORT_LANGUAGE, MentionFinder, extractive_summary
from binational.drafting.facts import Fact, linked_institutions
from binational.drafting.grounding import Allowed, check_text, mark
from binational.drafting.implications import Implications, draft_implications
from binational.drafting.inputs import EventFields, PastEvent, SourceText
from binational.drafting.llm import ModelFailure, ModelSettings, ask_model
from binational.drafting.passages import supporting_passages
from binational.drafting.prompt import build_messages, choose_examples
from binational.drafting.quantities import atoms_in
from binational.drafting.sentences import split_sentences

if TYPE_CHECKING:
    import httpx

LANGUAGE_NAMES = MappingProxyType({"es": "Spanish", "fr": "French", "en": "English"})
STORED_FLAG = "source: the event's stored text"
STORED_WARNING = (
    "The event has no archived source, so the summary is drawn from its own stored "
    "summary and context, not from an official release."
)
DEFAULT_ORGANIZATION = "Center for Binational Institutions"  # config.Settings.organization


@dataclass(frozen=True)
class DraftingModel:
    """A model endpoint and the HTTP client to reach it (``llm.make_client``)."""

    settings: ModelSettings
    client: httpx.Client


def draft_event(
    event: EventFields,
    sources: Sequence[SourceText],
    registry: Any,
    history: Sequence[PastEvent] = (),
    *,
    find_mentions: MentionFinder | None = None,
    model: DraftingModel | None = None,
    organization: str = DEFAULT_ORGANIZATION,
) -> Draft:
    """The draft of ``event``. ``find_mentions`` is the registry linker's ``find``
    (a ``Linker`` is built here from ``registry`` when it is not given; pass one to
    draft many events)."""
    if find_mentions is None:
        from binational.registry.linker import Linker

        find_mentions = Linker.build(registry).find
    find = find_mentions
    warnings: list[str] = []
    if not linked_institutions(event.links, registry):
        event, named = _institutions_named(event, sources, registry, find)
        if named:
            warnings.append(
                "The event is linked to no registry institution, so the implications are "
                f"drafted about those its sources name ({named}); link them if they are right."
            )
    extractive = extractive_summary(sources, event.title, find)
    implications = draft_implications(event, sources, registry, history, find)
    flags: tuple[str, ...] = ()
    language_warning = None
    if not extractive.sentences:
        warnings.append("The event has no source text, so there is no summary to draft.")
    elif {s.source_url for s in extractive.sentences} & {s.url for s in sources if s.stored}:
        flags = (STORED_FLAG,)
        warnings.append(STORED_WARNING)
    if extractive.sentences and extractive.language != REPORT_LANGUAGE:
        language = LANGUAGE_NAMES.get(extractive.language, extractive.language)
        flags = (*flags, f"source in {language}")
        language_warning = (
            f"Source in {language}: the summary is drawn from it in {language}, and the "
            "report is written in English."
        )
    if not any(fact.kind == "profile" for fact in implications.facts):
        warnings.append(
            "No registry institution is linked to this event, so the implications draft "
            "has no institutional facts to state."
        )
    summary = Summary(extractive.text, extractive.sentences, extractive.language, flags)
    if model is not None:
        rewritten = _rewrite(event, sources, registry, history, find, model, organization,
                             summary, implications)  # fmt: skip
        if isinstance(rewritten, Draft):
            stored = tuple(flag for flag in flags if flag == STORED_FLAG)
            summary = replace(rewritten.summary, flags=(*stored, *rewritten.summary.flags))
            return replace(rewritten, summary=summary,
                           warnings=(*warnings, *rewritten.warnings))  # fmt: skip
        warnings.append(rewritten)  # why the model gave no draft
    if language_warning:
        warnings.insert(0, language_warning)
    return Draft(event.id, summary, implications, "extractive", tuple(warnings))


def _institutions_named(
    event: EventFields, sources: Sequence[SourceText], registry: Any, find: MentionFinder
) -> tuple[EventFields, str]:
    """The event with what its title and sources name added to its links (all of it
    when it has no links, its institutions when it has agencies only), and the names
    of the institutions added."""
    found = [mention.slug for text in (event.title, *(s.text for s in sources))
             for mention in find(text)]  # fmt: skip
    added = found if not event.links else linked_institutions(found, registry)
    links = tuple(dict.fromkeys((*event.links, *added)))
    named = [registry.get(slug).name_en for slug in linked_institutions(added, registry)]
    return replace(event, links=links), "; ".join(named)


def _rewrite(
    event: EventFields,
    sources: Sequence[SourceText],
    registry: Any,
    history: Sequence[PastEvent],
    find: Any,
    model: DraftingModel,
    organization: str,
    extractive: Summary,
    implications: Implications,
) -> Draft | str:
    """The model's draft, grounded and marked; or the one sentence saying why none."""
    facts = implications.facts
    messages = build_messages(event, sources, facts, choose_examples(event, history), organization)
    try:
        answer = ask_model(model.client, model.settings, messages)
    except ModelFailure as failure:
        return str(failure)
    allowed = _allowed(event, sources, facts)
    summary_findings = check_text("summary", answer.summary, allowed, find, registry)
    implications_findings = check_text("implications", answer.implications, allowed, find,
                                       registry)  # fmt: skip
    summary_text = mark(answer.summary, summary_findings)
    sentences = supporting_passages(
        [s.text for s in split_sentences(summary_text, REPORT_LANGUAGE)], sources, find
    )
    translated = extractive.language != REPORT_LANGUAGE and bool(extractive.sentences)
    language = LANGUAGE_NAMES.get(extractive.language, extractive.language)
    flags = (f"translated from {language}",) if translated else ()
    summary = Summary(summary_text, tuple(sentences), REPORT_LANGUAGE, flags)
    rewritten = Implications(mark(answer.implications, implications_findings), facts, ())
    found = tuple(f"{f.warning} It is marked [unverified]." for f in
                  (*summary_findings, *implications_findings))  # fmt: skip
    return Draft(event.id, summary, rewritten, f"llm:{answer.model}", found)


def _allowed(event: EventFields, sources: Sequence[SourceText], facts: Sequence[Fact]) -> Allowed:
    """What a model's answer may name and cite (see ``grounding.py``)."""
    slugs = set(event.links)
    for fact in facts:
        slugs.update(e.ref.partition("#")[0] for e in fact.evidence if e.kind == "institution")
    material = "\n".join(
        [event.title, *(s.text for s in sources), *(s.title for s in sources),
         *(f.text for f in facts)]
    )  # fmt: skip
    day = event.date.value
    atoms = atoms_in(material) | {f"y:{day.year}", f"mon:{day.month:02d}"}
    if event.date.precision.value == "day":
        atoms.add(f"md:{day.month:02d}-{day.day:02d}")
    proposed = [str(f.values["phrase"]) for f in facts if f.kind == "proposed_addition"]
    return Allowed(frozenset(slugs), proposed, material, frozenset(atoms))
