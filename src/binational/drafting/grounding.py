"""Checking a model's answer against what the draft may say, before anyone reads it.

Three checks, on the summary and on the implications:

- every registry institution or agency the answer names (found by the registry
  linker) must be among the event's links or in the facts' evidence;
- every other name that looks like an institution ("... Commission", "Comité de ...",
  an acronym) must be in the registry too: one the linker does not know is flagged,
  unless a fact proposes it as a registry addition (an acronym is let pass when the
  sources or facts use it, since many are not institutions: AIFA, an airport);
- every date and number must be supported by the sources, the facts or the event
  (compared as atoms, see ``quantities.py``, so "13 de abril" supports "April 13").

Each failure is a ``Finding`` with its span; ``mark`` writes "[unverified]" after each
span, so the flag stays with the text wherever it is saved or shown.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from binational.drafting.quantities import find_quantities

Field = Literal["summary", "implications"]
MARK = " [unverified]"
CHECKED_KINDS = ("date", "weekday", "year", "number")

_HEAD = (
    r"Commission|Committee|Council|Dialogue|Agreement|Treaty|Convention|Department"
    r"|Secretariat|Ministry|Agency|Office|Bureau|Board|Group|Program|Programme|Initiative"
    r"|Framework|Mechanism|Bank|Plan|Task Force|Summit|Partnership|Administration|Service"
    r"|Institute|Cent(?:er|re)|Authority|Forum|Alliance|Coalition|Fund"
    r"|Comisión|Comité|Consejo|Diálogo|Acuerdo|Tratado|Secretaría|Agencia|Oficina"
    r"|Dirección|Programa|Iniciativa|Mecanismo|Banco|Grupo|Marco|Cumbre|Instituto|Centro"
    r"|Fondo|Alianza"
)
_CAP = r"(?:U\.S\.|[A-ZÁÉÍÓÚÑ][\w’'-]*)"
_INNER = r"(?:of|for|on|the|de|del|la|las|los|el|para|sobre|contra)"
CAPITALIZED_RUN = re.compile(rf"\b{_CAP}(?:(?:\s+{_INNER})*\s+{_CAP})*")
HEAD = re.compile(rf"\b(?:{_HEAD})\b")
LEADING_ARTICLE = re.compile(r"^(?:The|El|La|Los|Las)\s+")
ACRONYM = re.compile(r"\b[A-Z][A-Z&-]{1,7}\b")
NOT_ACRONYMS = frozenset({"US", "USA", "EU", "UN", "AM", "PM", "II", "III", "IV", "JSON"})


@dataclass(frozen=True)
class Finding:
    field: Field
    start: int
    end: int
    text: str
    warning: str


@dataclass(frozen=True)
class Allowed:
    """What an answer may name: slugs (links and facts' evidence), names proposed as
    additions, the folded text of the sources and facts, and their date/number atoms."""

    slugs: Collection[str]
    proposed: Sequence[str]
    material: str
    atoms: Collection[str]


def check_text(
    field: Field,
    text: str,
    allowed: Allowed,
    find_mentions: Callable[[str], Sequence[Any]],
    registry: Any,
) -> list[Finding]:
    """Every name, date and number of ``text`` that is not supported."""
    findings: list[Finding] = []
    what = f"The model's {field}"
    mentions = find_mentions(text)
    for mention in mentions:
        if mention.slug not in allowed.slugs:
            name = _name(registry, mention.slug)
            findings.append(Finding(field, mention.start, mention.end, mention.text,
                f"{what} names “{mention.text}” ({name}), which is in the registry but "
                "not linked to this event nor in its facts."))  # fmt: skip
    spans = [(m.start, m.end) for m in mentions]
    for start, end, name in institution_names(text):
        if _overlaps(start, end, spans) or _proposed(name, allowed.proposed):
            continue
        spans.append((start, end))
        findings.append(Finding(field, start, end, name,
            f"{what} names “{name}”, which is not in the registry."))  # fmt: skip
    for match in ACRONYM.finditer(text):
        acronym = match.group()
        if acronym in NOT_ACRONYMS or _overlaps(match.start(), match.end(), spans):
            continue
        if re.search(rf"\b{re.escape(acronym)}\b", allowed.material):
            continue
        findings.append(Finding(field, match.start(), match.end(), acronym,
            f"{what} names “{acronym}”, which is neither in the registry nor in the "
            "sources."))  # fmt: skip
    for quantity in find_quantities(text):
        if quantity.kind not in CHECKED_KINDS or quantity.atoms <= set(allowed.atoms):
            continue
        kind = "a number" if quantity.kind == "number" else "a date"
        findings.append(Finding(field, quantity.start, quantity.end, quantity.text,
            f"{what} gives “{quantity.text}”, {kind} found in neither the sources nor "
            "the facts."))  # fmt: skip
    return sorted(findings, key=lambda finding: finding.start)


def institution_names(text: str) -> list[tuple[int, int, str]]:
    """Runs of capitalized words (joined by "of", "de" ...) that name a body: two
    words at least, one of them a noun of institution ("... Water Council")."""
    names = []
    for match in CAPITALIZED_RUN.finditer(text):
        start, name = match.start(), match.group()
        if article := LEADING_ARTICLE.match(name):
            start, name = start + article.end(), name[article.end() :]
        if len(name.split()) >= 2 and HEAD.search(name):
            names.append((start, start + len(name), name))
    return names


def mark(text: str, findings: Sequence[Finding]) -> str:
    """``text`` with "[unverified]" after each finding's span."""
    for finding in sorted(findings, key=lambda f: f.end, reverse=True):
        text = text[: finding.end] + MARK + text[finding.end :]
    return text


def _overlaps(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(start < other_end and other_start < end for other_start, other_end in spans)


def _proposed(name: str, proposed: Sequence[str]) -> bool:
    folded = name.casefold()
    return any(folded in phrase.casefold() or phrase.casefold() in folded for phrase in proposed)


def _name(registry: Any, slug: str) -> str:
    entry = registry.get(slug)
    return entry.name_en if entry is not None else slug
