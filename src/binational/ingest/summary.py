"""The first paragraphs of an extracted text, as a draft summary. Pure."""

from __future__ import annotations

import re

# A paragraph that is only a dateline or a date ("September 29, 2023",
# "Washington, D.C. – November 14, 2023") says nothing a summary needs.
_DATELINE = re.compile(
    r"^[\w .,'’-]{0,40}?[–—-]?\s*(\w+\.? \d{1,2}, \d{4}|\d{1,2} de \w+ de \d{4})\.?$"
)


def paragraphs(text: str) -> list[str]:
    return [part.strip() for part in re.split(r"\n\s*\n|\n", text) if part.strip()]


def first_paragraphs(text: str, max_chars: int = 900, max_paragraphs: int = 3) -> str:
    """Leading paragraphs (datelines skipped) up to about ``max_chars``: whole
    paragraphs only, except a first paragraph longer than the limit, which is cut at
    a sentence end (or a word) and marked with an ellipsis."""
    chosen: list[str] = []
    total = 0
    for paragraph in paragraphs(text):
        if _DATELINE.match(paragraph) and len(paragraph) < 60:
            continue
        if chosen and (total + len(paragraph) > max_chars or len(chosen) >= max_paragraphs):
            break
        if not chosen and len(paragraph) > max_chars:
            return _cut(paragraph, max_chars)
        chosen.append(paragraph)
        total += len(paragraph)
    return "\n\n".join(chosen)


def _cut(paragraph: str, max_chars: int) -> str:
    head = paragraph[:max_chars]
    end = max(head.rfind(". "), head.rfind("? "), head.rfind("! "))
    if end > max_chars // 2:
        return head[: end + 1]
    return head.rsplit(" ", 1)[0].rstrip(",;:") + "…"
