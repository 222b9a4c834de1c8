"""Drafting a stored event and keeping the draft: what ``binational draft``, the
accept of a candidate and the web's "Draft now" share.

The inputs are read on one short connection, the draft is made with no database
open (a model may take seconds), and a kept draft is written in its own short
transaction: the draft itself (``store/drafts.py``) and a revision by "binational"
with action ``draft`` and the method.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from binational.drafting.draft import Draft
from binational.drafting.gather import gather_inputs, source_records
from binational.drafting.inputs import SourceText
from binational.drafting.llm import make_client, model_settings
from binational.drafting.service import DEFAULT_ORGANIZATION, DraftingModel, draft_event
from binational.errors import UserError
from binational.store.database import Database
from binational.store.drafts import save_draft

AUTHOR = "binational"


@dataclass(frozen=True)
class DraftOutcome:
    """A draft, the sources it was made from and, once kept, its id."""

    draft: Draft
    sources: tuple[SourceText, ...]
    draft_id: int | None = None

    def record(self) -> dict[str, Any]:
        """The draft's JSON (``draft.py``), with its sources and its id once kept."""
        return {
            **self.draft.as_json(),
            "sources": [
                {key: value for key, value in source.items() if key != "text"}
                for source in source_records(self.sources)
            ],
            "draft_id": self.draft_id,
        }


@dataclass(frozen=True)
class Drafter:
    """The registry and its linker's ``find``, built once, and a model (or None)."""

    registry: Any
    find_mentions: Callable[[str], Sequence[Any]]
    model: DraftingModel | None = None
    organization: str = DEFAULT_ORGANIZATION

    @classmethod
    def for_registry(
        cls, registry: Any, model: DraftingModel | None = None,
        organization: str = DEFAULT_ORGANIZATION,
    ) -> Drafter:  # fmt: skip
        from binational.registry.linker import Linker

        return cls(registry, Linker.build(registry).find, model, organization)

    def annotator(self) -> Any:
        """The registry annotator on this drafter's linker (``registry.annotate``), so
        that accepting and drafting a candidate build the linker once."""
        from binational.registry.annotate import Annotator
        from binational.registry.topics import tag_topics

        return Annotator(find_mentions=self.find_mentions, tag_topics=tag_topics)

    def draft(self, database: Database, event_id: int) -> DraftOutcome:
        with database.connect() as connection:
            inputs = gather_inputs(connection, event_id)
        draft = draft_event(
            inputs.event, inputs.sources, self.registry, inputs.history,
            find_mentions=self.find_mentions, model=self.model, organization=self.organization,
        )  # fmt: skip
        return DraftOutcome(draft, inputs.sources)

    def draft_and_keep(self, database: Database, event_id: int) -> DraftOutcome:
        outcome = self.draft(database, event_id)
        return keep(database, outcome)


def keep(database: Database, outcome: DraftOutcome, author: str = AUTHOR) -> DraftOutcome:
    """Keep ``outcome`` as its event's latest draft; the outcome with its id."""
    draft = outcome.draft
    if draft.event_id is None:
        raise UserError("only a stored event's draft can be kept")
    with database.transaction() as session:
        draft_id = save_draft(session, draft.event_id, draft.method, draft.as_json(),
                              source_records(outcome.sources), author)  # fmt: skip
    return DraftOutcome(draft, outcome.sources, draft_id)


@contextmanager
def drafting_model(settings: Any, wanted: bool | None = None) -> Iterator[DraftingModel | None]:
    """The model endpoint of ``settings`` with its HTTP client, closed afterwards.
    ``wanted`` None: the model when one is configured; False: none; True: the model,
    and one clear sentence when none is configured."""
    chosen = model_settings(settings) if wanted is not False else None
    if wanted and chosen is None:
        raise UserError(
            "no drafting model is configured; set BINATIONAL_LLM_URL (and "
            "BINATIONAL_LLM_MODEL), or draft without --llm"
        )
    if chosen is None:
        yield None
        return
    with make_client(chosen) as client:
        yield DraftingModel(chosen, client)
