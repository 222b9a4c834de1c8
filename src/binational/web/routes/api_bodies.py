"""The request bodies of the JSON API, with the bounds the services enforce, so the
OpenAPI document calls valid only what the server takes. Registry slugs and topics
are marked ``x-vocabulary``: ``web/http/openapi.py`` lists the app's own as enums."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, WithJsonSchema

from binational.curation.edits import EventChanges
from binational.domain import DateSource, EventStatus
from binational.store.events import FIELD_LIMITS

# ISO forms PartialDate reads: a day, a month or a quarter, in the years a period may
# name (domain.MIN_YEAR..MAX_YEAR).
YEAR = r"(1[89]|2[0-9])[0-9]{2}"
DATE_PATTERN = rf"^{YEAR}-(0[1-9]|1[0-2])(-[0-9]{{2}})?$|^{YEAR}Q[1-4]$"
# Not empty, not only spaces: a title or password must have something in it.
SOMETHING = r"\S"
EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"  # accounts.users.EMAIL, lower case after trim
PASSWORD_PATTERN = r"^\S(.*\S)?$"  # no spaces at either end (accounts.passwords)

# Checked with DATE_PATTERN; documented as a real calendar day (a day that matches the
# pattern but is not in the calendar, like 2023-02-30, is refused with 400).
PartialDateText = Annotated[
    str,
    Field(pattern=DATE_PATTERN),
    WithJsonSchema({
        "anyOf": [{"type": "string", "format": "date", "pattern": rf"^{YEAR}-"},
                  {"type": "string", "pattern": rf"^{YEAR}-(0[1-9]|1[0-2])$"},
                  {"type": "string", "pattern": rf"^{YEAR}Q[1-4]$"}],
        "description": "A day (2023-05-12), a month (2023-05) or a quarter (2023Q2), "
        "years 1800 to 2999.",
        "examples": ["2023-05-12"],
    }),
]  # fmt: skip
RegistrySlug = Annotated[str, Field(json_schema_extra={"x-vocabulary": "registry"})]
TopicSlug = Annotated[str, Field(json_schema_extra={"x-vocabulary": "topics"})]


def text(name: str, description: str = "", **more: Any) -> Any:
    return Field(None, max_length=FIELD_LIMITS[name], description=description, **more)


class EventUpdate(BaseModel):
    """Fields to change (any subset), the topics to set, links to add or remove.
    All or nothing: one wrong part refuses the whole change."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [
            {"implications": "Signals closer coordination on fentanyl precursors.",
             "topics": ["security"], "add_institutions": ["hled"]},
        ]},
    )  # fmt: skip

    title: str = text("title", "Not empty.", pattern=SOMETHING)
    date: PartialDateText = None  # type: ignore[assignment]
    date_source: DateSource = Field(None, description="Where the date came from.")
    summary: str | None = text("summary", "null or empty clears it.")
    implications: str | None = text("implications", "null or empty clears it.")
    url: str | None = text("url", "An http(s) address; null clears it.", pattern=r"^https?://")
    status: EventStatus = Field(None)
    topics: list[TopicSlug] | None = Field(None, description="The complete set of topic slugs.")
    add_institutions: list[RegistrySlug] = Field([], description="Registry slugs to link.")
    remove_institutions: list[RegistrySlug] = Field(
        [], description="Linked registry slugs to unlink (409 if one is not linked)."
    )

    def changes(self) -> EventChanges:
        scalar = {"topics", "add_institutions", "remove_institutions"}
        fields = {k: v for k, v in self.model_dump(exclude_unset=True).items() if k not in scalar}
        return EventChanges(  # a slug named twice is named once
            fields=fields,
            topics=tuple(dict.fromkeys(self.topics)) if self.topics is not None else None,
            add_links=tuple(dict.fromkeys(self.add_institutions)),
            remove_links=tuple(dict.fromkeys(self.remove_institutions)),
        )


class ItemAction(BaseModel):
    """Move an included item up or down within its month (409 at the month's edge or
    for an excluded item), or exclude or include it."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"action": "up"}]})

    action: Literal["up", "down", "exclude", "include"]


Role = Literal["viewer", "editor", "admin"]


class NewUser(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={"examples": [
            {"email": "analyst@example.org", "role": "editor", "password": "a long passphrase"}
        ]},
    )  # fmt: skip

    email: str = Field(pattern=EMAIL_PATTERN, max_length=254, description="Unique (409 if not).")
    role: Role
    password: str = Field(
        min_length=10, pattern=PASSWORD_PATTERN,
        description="At least 10 characters, no spaces at either end.",
    )  # fmt: skip


class UserChange(BaseModel):
    """A new role, or (de)activation; 409 if no active admin would be left."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"role": "viewer"}]})

    role: Role | None = None
    active: bool | None = None
