"""Pictures made from the data, as SVG: the overview's events-per-month bars
(``bars``), the scorecard's continuity grid (``grid``) and an institution's timeline
(``timeline``); ``png`` turns them into PNG for Word. Each comes with its text
alternative. ``svg`` is the small writer they share (why hand-built: see there)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Picture:
    """An SVG picture, its text alternative, and its size in CSS pixels (1/96 inch;
    Typst and Word read the same size)."""

    svg: str
    alt: str
    width: float
    height: float
