"""Text normalization shared by the linker and the topic tagger.

Matching happens on a *normalized* copy of the text: letters casefolded and
stripped of accents, every other character a space, runs of spaces collapsed, and
one space of padding at each end. Terms are normalized the same way and searched
as `` term `` (with the spaces), so an Aho–Corasick pass only ever reports
whole-word matches: "SE" is never found inside "case", "ATF" never inside "ATFX".

The fold keeps one character per character, so the only shifts between the
normalized and the original text come from collapsed spaces; ``NormalizedText``
keeps the folded text with the removed spaces marked, to map a match back to its
span in the original. Folding works
on Latin-1 (all Spanish and English letters); letters of other scripts act as
separators, which is harmless for an English/Spanish registry.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import starmap

# Two spaces, then any more: written with a literal prefix, which lets the regular
# expression engine jump from one run to the next (" {2,}" is three times slower).
SPACE_RUN = re.compile(rb"  +")
_TABS = re.compile(rb"\t*")
# From this many spans on, ``NormalizedText.original_bounds`` maps them with numpy.
VECTOR_SPANS = 48
ARTICLES = ("the ", "el ", "la ", "los ", "las ")
COUNTRY_PAIRS = (
    "us mexico", "u s mexico", "mexico us", "mexico u s", "united states mexico",
    "mexico united states", "mexico estados unidos", "estados unidos mexico",
    "mexico eeuu", "eeuu mexico", "mexico eua", "eua mexico",
)  # fmt: skip


@functools.lru_cache(maxsize=1)
def fold_table() -> bytes:
    """Byte table folding Latin-1: letters and digits to lowercase ASCII, the rest to space.

    Built once per process from Unicode data. Text is encoded to Latin-1 first (one
    byte per character; characters beyond Latin-1, such as curly quotes and dashes,
    become "?" and then spaces), so folding is one C-level pass that keeps positions.
    """
    table = bytearray(b" " * 256)
    for code in range(256):
        base = "".join(
            c for c in unicodedata.normalize("NFKD", chr(code)) if not unicodedata.combining(c)
        ).casefold()
        if base and base[0].isascii() and base[0].isalnum():
            table[code] = ord(base[0])
    return bytes(table)


def fold(text: str) -> bytes:
    """One folded ASCII byte per character of ``text`` (see ``fold_table``)."""
    return text.encode("latin-1", "replace").translate(fold_table())


@dataclass(frozen=True)
class NormalizedText:
    """The padded normalized text, and the folded text it was collapsed from.

    ``filled`` is the padded folded text with the spaces that collapsing removes
    written as tabs: one byte per character of the original text (and one per padding
    space), the tabs left out of ``text``. A position in ``text`` maps back by counting
    the tabs before it in ``filled``, which ``locator`` does. ``ascii`` is ``text``
    as bytes (one byte a character), for matchers that read bytes.
    """

    text: str
    filled: bytes
    ascii: bytes

    def locator(self) -> Callable[[int, int], tuple[int, int]]:
        """A function from a span of ``text`` to its ``(start, end)`` in the original.

        It counts tabs from the last position it mapped, forward or back, so spans
        asked for in text order cost only the distance between them. A space of
        ``text`` maps to the last space of the run it stands for. (One function with
        its loops written out: the linker maps tens of thousands of spans a megabyte.)
        """
        filled = self.filled
        count = filled.count
        anchor = [0, 0]  # a position in ``text``, and the same character's in ``filled``

        def span(start: int, end: int) -> tuple[int, int]:
            at, index = anchor
            first = index + start - at
            if start >= at:  # the tabs from the anchor to here push the start on
                tabs = count(b"\t", index + 1, first + 1)
                while tabs:
                    passed, first = first, first + tabs
                    tabs = count(b"\t", passed + 1, first + 1)
            else:  # or back
                tabs = count(b"\t", first, index)
                while tabs:
                    passed, first = first, first - tabs
                    tabs = count(b"\t", first, passed)
            last = first + end - 1 - start  # then on to the span's last character
            tabs = count(b"\t", first + 1, last + 1)
            while tabs:
                passed, last = last, last + tabs
                tabs = count(b"\t", passed + 1, last + 1)
            anchor[0], anchor[1] = end - 1, last
            if filled[first] == 32:  # a space: the last of the run it stands for
                first = _TABS.match(filled, first + 1).end() - 1
            if filled[last] == 32:
                last = _TABS.match(filled, last + 1).end() - 1
            return first - 1, last  # - 1: the leading padding space

        return span

    def original_index(self, index: int) -> int:
        """Position in the original text of the character at ``text[index]``."""
        return self.locator()(index, index + 1)[0]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Original ``(start, end)`` of the normalized span ``text[start:end]``."""
        return self.locator()(start, end)

    def original_spans(self, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
        """``original_span`` of each of many spans, best given in text order."""
        return list(starmap(self.locator(), spans))

    def original_bounds(
        self, starts: Sequence[int], ends: Sequence[int]
    ) -> tuple[list[int], list[int]]:
        """The original starts and ends of many non-empty spans of ``text`` at once.

        The same positions as ``original_span`` gives, span by span. For many spans
        (a text of megabytes has tens of thousands of matches) they are computed with
        numpy from the positions of the tabs, where mapping each span in Python would
        cost more than finding them; a few spans go through ``locator``.
        """
        if len(starts) < VECTOR_SPANS:
            spans = self.original_spans(zip(starts, ends, strict=True))
            return [start for start, _ in spans], [end for _, end in spans]
        import numpy as np  # here, not at import: most commands never map many spans

        filled = np.frombuffer(self.filled, dtype=np.uint8)
        tabs = np.flatnonzero(filled == 9)
        # Each tab stands before the character of ``text`` at this position.
        tabs_before = tabs - np.arange(len(tabs))

        def in_filled(positions: np.ndarray) -> np.ndarray:
            index = positions + np.searchsorted(tabs_before, positions, side="right")
            spaces = np.flatnonzero(filled[index] == 32)
            if len(spaces):  # a space stands for its run: the run's last character
                following = positions[spaces] + 1
                index[spaces] = following + np.searchsorted(tabs_before, following, "right") - 1
            return index

        first = in_filled(np.asarray(starts, dtype=np.int64))
        last = in_filled(np.asarray(ends, dtype=np.int64) - 1)
        return (first - 1).tolist(), last.tolist()  # - 1: the leading padding space


@functools.lru_cache(maxsize=8)
def normalize_text(text: str) -> NormalizedText:
    """Fold ``text`` for matching and remember how to map positions back.

    Memoized: the linker and the topic tagger read the same text one after the
    other (import, ingestion), and folding is a third of their work."""
    # Every space of a run but the first becomes a tab, in two passes of bytes.replace:
    # "  " -> " \t" leaves runs as " \t \t ...", then "\t " -> "\t\t" fills them.
    filled = fold(text).replace(b"  ", b" \t").replace(b"\t ", b"\t\t")
    collapsed = b" ".join((b"", filled.replace(b"\t", b""), b""))  # padded, one copy
    return NormalizedText(collapsed.decode("ascii"), b" ".join((b"", filled, b"")), collapsed)


def normalize_term(term: str) -> str:
    """A registry or taxonomy term in normalized form, without padding."""
    return SPACE_RUN.sub(b" ", fold(term)).decode("ascii").strip()


def term_keys(term: str, inflect: bool) -> Iterator[str]:
    """Normalized keys under which ``term`` is searched (spelling and light inflection).

    Covers "U.S." written "US", a leading article ("the", "la"), a leading or
    trailing country pair ("U.S.-Mexico", "México-Estados Unidos") and, when
    ``inflect``, plural or singular forms of the last word.
    """
    base = normalize_term(term)
    seen: set[str] = set()
    for key in _country_and_article_variants(base):
        for spelled in _us_spellings(key):
            forms = _inflections(spelled) if inflect else (spelled,)
            for form in forms:
                if form and form not in seen:
                    seen.add(form)
                    yield form


def _country_and_article_variants(key: str) -> tuple[str, ...]:
    variants = [key]
    for article in ARTICLES:
        if key.startswith(article) and len(key.split()) > 2:
            variants.append(key[len(article) :])
    for pair in COUNTRY_PAIRS:
        for variant in list(variants):
            if variant.startswith(pair + " "):
                stripped = variant[len(pair) + 1 :]
            elif variant.endswith(" " + pair):
                stripped = variant[: -len(pair) - 1]
            else:
                continue
            if len(stripped.split()) >= 2:
                variants.append(stripped)
    return tuple(variants)


def _us_spellings(key: str) -> tuple[str, ...]:
    padded = f" {key} "
    if " u s " in padded:
        return key, padded.replace(" u s ", " us ").strip()
    if " us " in padded:
        return key, padded.replace(" us ", " u s ").strip()
    return (key,)


def _inflections(key: str) -> tuple[str, ...]:
    last = key.rsplit(" ", 1)[-1]
    if last[-1:].isdigit() or len(last) < 3:
        return (key,)
    if last.endswith("s") and len(last) > 4:
        return key, key[:-1]
    return key, key + "s", key + "es"
