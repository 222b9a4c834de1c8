"""Dates and numbers written in English or Spanish text, as comparable atoms.

``find_quantities`` reads each date ("April 13, 2023", "13 de abril de 2023", "May
2023", "2023-04-13", "Wednesday") and each number ("100,000", "60-day", "7th") with
its span, and turns it into *atoms* that can be compared across languages and
wordings: ``md:04-13`` (a day of a month), ``mon:04``, ``y:2023``, ``wd:3`` (Wednesday),
``n:100000``. A date or number is supported by a text when all its atoms occur in it;
``atoms_in`` collects a text's atoms, counting number words ("seven", "siete") too,
so a source that spells a number out still supports the digits.

Written here, not taken from a date parser: parsers (dateparser, dateutil) turn one
string into one date, while grounding needs every date-like span of a free text with
what it does and does not say (a day without a year must not invent a year).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from binational.domain import month_number

Kind = Literal["date", "weekday", "relative", "year", "number"]

_EN_MONTHS = (
    r"January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\."
)
_ES_MONTHS = (
    r"[Ee]nero|[Ff]ebrero|[Mm]arzo|[Aa]bril|[Mm]ayo|[Jj]unio|[Jj]ulio|[Aa]gosto|"
    r"[Ss]eptiembre|[Ss]etiembre|[Oo]ctubre|[Nn]oviembre|[Dd]iciembre"
)
WEEKDAYS = {
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
    "sunday": 7, "lunes": 1, "martes": 2, "miercoles": 3, "miércoles": 3, "jueves": 4,
    "viernes": 5, "sabado": 6, "sábado": 6, "domingo": 7,
}  # fmt: skip
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20, "hundred": 100,
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
    "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7,
    "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12, "veinte": 20, "cien": 100,
    "primer": 1, "primera": 1, "primero": 1, "segunda": 2, "segundo": 2, "tercera": 3,
    "tercer": 3, "tercero": 3, "cuarta": 4, "cuarto": 4, "quinta": 5, "quinto": 5,
    "sexta": 6, "sexto": 6, "séptima": 7, "séptimo": 7, "octava": 8, "octavo": 8,
}  # fmt: skip
_DAY = r"(?P<{0}>[0-3]?\d)(?:st|nd|rd|th|º|°)?"
PATTERN = re.compile(
    "|".join(
        (
            r"(?P<iso>\b(?P<iy>\d{4})-(?P<im>[01]\d)-(?P<id>[0-3]\d)\b)",
            # April 13, 2023 / April 13 / January 9-10
            rf"(?P<en>\b(?P<em>{_EN_MONTHS})\s+{_DAY.format('ed')}"
            r"(?:\s*[-–]\s*(?P<ed2>[0-3]?\d))?(?:,?\s+(?P<ey>\d{4}))?(?!\d))",
            # 13 de abril de 2023 / 9 y 10 de enero
            rf"(?P<es>\b{_DAY.format('sd')}(?:\s*(?:y|al|-|–)\s*(?P<sd2>[0-3]?\d))?"
            rf"\s+de\s+(?P<sm>{_ES_MONTHS})(?:\s+(?:de|del)\s+(?P<sy>\d{{4}}))?\b)",
            # 13 April 2023
            rf"(?P<dm>\b{_DAY.format('dd')}\s+(?P<dmm>{_EN_MONTHS})(?:,?\s+(?P<dmy>\d{{4}}))?\b)",
            # May 2023 / mayo de 2023 / May / mayo
            rf"(?P<my>\b(?P<mm>{_EN_MONTHS}|{_ES_MONTHS})(?:\s+(?:de\s+|of\s+)?(?P<myy>\d{{4}}))?\b)",
            r"(?P<wd>\b(?:" + "|".join(WEEKDAYS) + r")\b)",
            r"(?P<rel>\b(?:[Tt]oday|[Yy]esterday|[Tt]omorrow|[Hh]oy|[Aa]yer|[Mm]añana)\b)",
            r"(?P<num>(?<![\w.,])\d{1,3}(?:[,.]\d{3})+(?![\d])|(?<![\w.,])\d+(?:[.,]\d+)?(?![\d]))",
        )
    ),
    re.IGNORECASE,
)
_CASED_EN_MONTH = re.compile(rf"^(?:{_EN_MONTHS})$")  # "May" the month, not "may" the verb


@dataclass(frozen=True)
class Quantity:
    """A date or number in a text: its span, what it is, and the atoms it asserts."""

    start: int
    end: int
    text: str
    kind: Kind
    atoms: frozenset[str]


def find_quantities(text: str) -> list[Quantity]:
    """Every date and number in ``text``, in order, without overlaps."""
    found = []
    for match in PATTERN.finditer(text):
        quantity = _quantity(match)
        if quantity is not None:
            found.append(quantity)
    return found


def atoms_in(text: str) -> set[str]:
    """The atoms of every date and number of ``text``, and of its number words."""
    atoms: set[str] = set()
    for quantity in find_quantities(text):
        atoms |= quantity.atoms
        if quantity.kind == "date" and any(a.startswith("md:") for a in quantity.atoms):
            atoms |= {f"mon:{a[3:5]}" for a in quantity.atoms if a.startswith("md:")}
    for word in re.findall(r"[^\W\d_]+", text.lower()):
        if word in NUMBER_WORDS:
            atoms.add(f"n:{NUMBER_WORDS[word]}")
    return atoms


def _quantity(match: re.Match[str]) -> Quantity | None:
    group = match.lastgroup
    start, end, surface = match.start(), match.end(), match.group()
    if group == "iso":
        y, m, d = match.group("iy"), match.group("im"), match.group("id")
        return Quantity(start, end, surface, "date", frozenset({f"md:{m}-{d}", f"y:{y}"}))
    if group in ("en", "es", "dm"):
        month_text, days, year = {
            "en": (match.group("em"), (match.group("ed"), match.group("ed2")), match.group("ey")),
            "es": (match.group("sm"), (match.group("sd"), match.group("sd2")), match.group("sy")),
            "dm": (match.group("dmm"), (match.group("dd"),), match.group("dmy")),
        }[group]
        if group in ("en", "dm") and not _CASED_EN_MONTH.match(month_text):
            return None
        month = month_number(month_text)
        valid = [int(day) for day in days if day and 1 <= int(day) <= 31]
        if month is None or not valid:
            return None
        atoms = {f"md:{month:02d}-{day:02d}" for day in valid}
        if year:
            atoms.add(f"y:{year}")
        return Quantity(start, end, surface, "date", frozenset(atoms))
    if group == "my":
        month_text, year = match.group("mm"), match.group("myy")
        english = re.fullmatch(_EN_MONTHS, month_text, re.IGNORECASE)
        month = month_number(month_text)
        if month is None or (english and not _CASED_EN_MONTH.match(month_text)):
            return None  # "may" and "march" are words; "May" and "March" are months
        atoms = {f"mon:{month:02d}"} | ({f"y:{year}"} if year else set())
        return Quantity(start, end, surface, "date", frozenset(atoms))
    if group == "wd":
        return Quantity(
            start, end, surface, "weekday", frozenset({f"wd:{WEEKDAYS[surface.lower()]}"})
        )
    if group == "rel":
        return Quantity(start, end, surface, "relative", frozenset())
    return _number(start, end, surface)


def _number(start: int, end: int, surface: str) -> Quantity:
    if re.fullmatch(r"(?:1[89]|20)\d\d", surface):
        return Quantity(start, end, surface, "year", frozenset({f"y:{surface}"}))
    return Quantity(start, end, surface, "number", frozenset(_number_atoms(surface)))


def _number_atoms(surface: str) -> set[str]:
    """``100,000`` and ``100.000`` (a Spanish thousands point) are both 100000; a lone
    separator before one or two digits is a decimal point or comma (``1.5``, ``1,5``)."""
    if re.fullmatch(r"\d{1,3}(?:[,.]\d{3})+", surface):
        return {f"n:{int(re.sub(r'[,.]', '', surface))}"}
    if re.fullmatch(r"\d+[.,]\d+", surface):
        return {f"n:{float(surface.replace(',', '.')):g}"}
    return {f"n:{int(surface)}"}
