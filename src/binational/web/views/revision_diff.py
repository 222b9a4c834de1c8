"""A revision as its page shows it: for each field it touched, the whole before and
after merged into one word-level diff (unchanged words, deleted words, inserted
words), and for long fields a folded version that keeps only the words around each
change.

The diff is ``difflib.SequenceMatcher`` (the standard library's) over tokens that
are words, spaces and punctuation, so a changed word is marked whole and the text
between changes reads as it was written. Pure: plain values in, plain tuples out.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

TOKENS = re.compile(r"\s+|\w+|[^\w\s]")
SAME, DELETED, INSERTED = "same", "del", "ins"
FOLD_AT = 400  # characters: a field longer than this shows only the words around changes
CONTEXT = 16  # tokens (words, spaces, punctuation) kept on each side of a change when folded
GAP = "…"


@dataclass(frozen=True)
class FieldChange:
    """One field of a revision: its name, the merged diff, and a folded diff for long
    fields (None when the field is short enough to show whole)."""

    field: str
    parts: tuple[tuple[str, str], ...]
    folded: tuple[tuple[str, str], ...] | None

    @property
    def changed(self) -> bool:
        return any(kind != SAME for kind, _ in self.parts)


def as_text(value: Any) -> str:
    """A revision's value as the page writes it: text as it is, lists joined with
    commas, true/false and numbers as written, other structures as compact JSON."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return ", ".join(as_text(item) for item in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def word_diff(before: str, after: str) -> tuple[tuple[str, str], ...]:
    """``before`` and ``after`` merged: (kind, text) runs, kind one of same/del/ins,
    adjacent runs of one kind joined."""
    old, new = TOKENS.findall(before), TOKENS.findall(after)
    parts: list[tuple[str, str]] = []

    def add(kind: str, tokens: list[str]) -> None:
        text = "".join(tokens)
        if not text:
            return
        if parts and parts[-1][0] == kind:
            parts[-1] = (kind, parts[-1][1] + text)
        else:
            parts.append((kind, text))

    matcher = SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            add(SAME, old[i1:i2])
        else:
            add(DELETED, old[i1:i2])
            add(INSERTED, new[j1:j2])
    return tuple(parts)


def fold(parts: tuple[tuple[str, str], ...], context: int = CONTEXT) -> tuple[tuple[str, str], ...]:
    """The diff with each long unchanged run cut to ``context`` tokens after the change
    before it and before the change after it, the cut marked with '…'. A diff with
    no change is left whole."""
    if len(parts) <= 1:
        return parts
    folded: list[tuple[str, str]] = []
    last = len(parts) - 1
    for index, (kind, text) in enumerate(parts):
        tokens = TOKENS.findall(text)
        keep_head = context if index > 0 else 0
        keep_tail = context if index < last else 0
        if kind != SAME or len(tokens) <= keep_head + keep_tail + 1:
            folded.append((kind, text))
            continue
        head = "".join(tokens[:keep_head])
        tail = "".join(tokens[len(tokens) - keep_tail :]) if keep_tail else ""
        folded.append((SAME, f"{head}{GAP}{tail}"))
    return tuple(folded)


# How a page names one value of a field (a status, a topic's slug) in its language.
ValueNamer = Callable[[str, Any], Any]


def keep_value(field: str, value: Any) -> Any:
    return value


def field_changes(
    before: dict[str, Any], after: dict[str, Any], name_value: ValueNamer = keep_value
) -> list[FieldChange]:
    """Every field named in a revision's before or after, in the order first named;
    ``name_value`` turns stored values into the words a page shows."""
    changes = []
    for name in dict.fromkeys([*before, *after]):
        old = as_text(name_value(name, before.get(name)))
        new = as_text(name_value(name, after.get(name)))
        parts = word_diff(old, new)
        long = max(len(old), len(new)) > FOLD_AT
        changes.append(FieldChange(name, parts, fold(parts) if long else None))
    return changes


def with_changes(
    revisions: list[dict[str, Any]] | None, name_value: ValueNamer = keep_value
) -> list[dict[str, Any]]:
    """Revision records (``store.records.revision_record``) with their ``changes``,
    for the event page (the API gives the records as they are)."""
    return [
        {**revision,
         "changes": field_changes(revision["before"], revision["after"], name_value)}
        for revision in revisions or []
    ]  # fmt: skip
