"""An institution's timeline: a strip of years with a mark for each linked event, its
status changes as diamonds above the strip, and the spans the registry records it
suspended shaded, so that gaps in its activity show at a glance."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from binational.publish.pictures import Picture
from binational.publish.pictures.svg import Svg

WIDTH = 620.0
HEIGHT = 92.0
LEFT, RIGHT = 12.0, 12.0
AXIS_Y = 50.0
EVENT = "#0b4f6c"
SUSPENDED = "#f6d8dd"
STEP_COLOURS = {"active": "#1a7f37", "relaunched": "#1a7f37", "suspended": "#a40e26",
                "ended": "#424a53", "superseded": "#424a53"}  # fmt: skip
WORDS = {
    "en": {
        "title": "Timeline of {name}",
        "events": "{n} linked events from {first} to {last}",
        "one": "one linked event, on {first}",
        "none": "no linked events",
        "gap": "the longest gap between them is {gap} ({start} to {end})",
        "steps": "status changes: {steps}",
        "legend": ("linked event", "status change", "suspended"),
        "years": "{n} years", "months": "{n} months", "and": " and ",
    },
    "es": {
        "title": "Cronología de {name}",
        "events": "{n} eventos vinculados de {first} a {last}",
        "one": "un evento vinculado, el {first}",
        "none": "ningún evento vinculado",
        "gap": "el mayor intervalo entre ellos es de {gap} ({start} a {end})",
        "steps": "cambios de estado: {steps}",
        "legend": ("evento vinculado", "cambio de estado", "suspendida"),
        "years": "{n} años", "months": "{n} meses", "and": " y ",
    },
}  # fmt: skip
STATUS_ES = {"active": "activa", "relaunched": "relanzada", "suspended": "suspendida",
             "ended": "concluida", "superseded": "sustituida"}  # fmt: skip


def status_word(status: str, language: str) -> str:
    """A registry status in the picture's language."""
    return STATUS_ES.get(status, status) if language == "es" else status


def span_text(start: dt.date, end: dt.date, words: dict[str, Any]) -> str:
    """'5 years and 7 months' between two days (whole months, rounded down)."""
    months = (end.year - start.year) * 12 + end.month - start.month - (end.day < start.day)
    years, months = divmod(max(months, 0), 12)
    parts = [words["years"].format(n=years)] if years else []
    if months or not parts:
        parts.append(words["months"].format(n=months))
    return words["and"].join(parts)


def timeline_alt(
    name: str, days: Sequence[dt.date], steps: Sequence[tuple[dt.date, str, str]],
    language: str = "en",
) -> str:  # fmt: skip
    """The timeline as sentences: how many events, the longest gap, the status changes."""
    words = WORDS["es" if language == "es" else "en"]
    days = sorted(days)
    if not days:
        sentence = words["none"]
    elif len(days) == 1:
        sentence = words["one"].format(first=days[0].isoformat())
    else:
        sentence = words["events"].format(
            n=len(days), first=days[0].isoformat(), last=days[-1].isoformat()
        )
        start, end = max(zip(days, days[1:], strict=False), key=lambda pair: pair[1] - pair[0])
        gap = span_text(start, end, words)
        sentence += "; " + words["gap"].format(gap=gap, start=start, end=end)
    if steps:
        listed = ", ".join(f"{status_word(status, language)} {text}" for _, status, text in steps)
        sentence += "; " + words["steps"].format(steps=listed)
    return f"{words['title'].format(name=name)}: {sentence}."


def timeline(
    name: str,
    days: Sequence[dt.date],
    steps: Sequence[tuple[dt.date, str, str]],
    first_year: int,
    last_year: int,
    language: str = "en",
    ident: str = "timeline",
) -> Picture:
    """``days``: the linked events' days; ``steps``: (first day, status, date as the
    registry writes it) of each status change; the strip runs from 1 January of
    ``first_year`` to 31 December of ``last_year``."""
    words = WORDS["es" if language == "es" else "en"]
    alt = timeline_alt(name, days, steps, language)
    svg = Svg(WIDTH, HEIGHT, words["title"].format(name=name), alt, ident)
    start, end = dt.date(first_year, 1, 1), dt.date(last_year + 1, 1, 1)
    scale = (WIDTH - LEFT - RIGHT) / max((end - start).days, 1)

    def x(day: dt.date) -> float:
        clamped = min(max(day, start), end)
        return LEFT + (clamped - start).days * scale

    ordered = sorted(steps)
    for index, (day, status, _) in enumerate(ordered):
        if status == "suspended":
            until = next((d for d, s, _ in ordered[index + 1 :] if s != "suspended"), end)
            svg.rect(x(day), AXIS_Y - 26, x(until) - x(day), 30, fill=SUSPENDED)
    years = last_year - first_year + 1
    every = 1 if years <= 14 else 2 if years <= 28 else 5 if years <= 70 else 10
    for year in range(first_year, last_year + 2):
        tick = x(dt.date(year, 1, 1))
        svg.line(tick, AXIS_Y, tick, AXIS_Y + 4, stroke="#8c959f", stroke_width=1)
        if year <= last_year and year % every == 0:
            middle = (tick + x(dt.date(year + 1, 1, 1))) / 2 if every == 1 else tick
            svg.text(middle, AXIS_Y + 16, str(year), 9.5, text_anchor="middle", fill="#595959")
    svg.line(LEFT, AXIS_Y, WIDTH - RIGHT, AXIS_Y, stroke="#8c959f", stroke_width=1)
    for day in days:
        svg.rect(x(day) - 1, AXIS_Y - 20, 2.5, 20, fill=EVENT)
    for day, status, _ in ordered:
        if not start <= day < end:  # drawn only within the strip (its span still shades)
            continue
        centre = x(day)
        colour = STEP_COLOURS.get(status, "#424a53")
        svg.add("path", d=f"M{centre:.1f} 6 l5 5 l-5 5 l-5 -5 z", fill=colour)
    legend(svg, words["legend"])
    return Picture(svg.render(), alt, WIDTH, HEIGHT)


def legend(svg: Svg, labels: Sequence[str]) -> None:
    """Each sign drawn as in the strip, then its label (about 5.6 px a character)."""
    event, step, suspended = labels
    y, left = HEIGHT - 14, LEFT
    svg.rect(left, y, 2.5, 10, fill=EVENT)
    svg.text(left + 7, y + 9, event, 9.5, fill="#595959")
    left += 7 + 5.6 * len(event) + 18
    svg.add("path", d=f"M{left + 5:.1f} {y} l5 5 l-5 5 l-5 -5 z", fill=STEP_COLOURS["suspended"])
    svg.text(left + 14, y + 9, step, 9.5, fill="#595959")
    left += 14 + 5.6 * len(step) + 18
    svg.rect(left, y, 16, 10, fill=SUSPENDED)
    svg.text(left + 21, y + 9, suspended, 9.5, fill="#595959")
