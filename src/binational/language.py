"""Language of an extracted text, with the source's declared language as the fallback
when the text is too short or ambiguous to say.

A text plainly written in one of the sources' languages (English, Spanish, French)
is recognized by its function words (over the same sample the model would read),
which costs a few microseconds; anything less clear-cut goes to py3langid's model,
about a millisecond.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

MIN_CONFIDENCE = 0.8
MIN_CHARS = 40
SAMPLE_CHARS = 600  # plenty to tell languages apart; the model's cost grows with length
# Function words that belong to one of the three languages only.
FUNCTION_WORDS = {
    "en": frozenset((
        "the", "and", "of", "to", "is", "for", "on", "with", "that", "by", "this", "from",
        "will", "are", "was", "have", "has", "it", "be", "at", "as", "an", "their", "which",
        "our", "were", "been", "would",
    )),
    "es": frozenset((
        "el", "los", "las", "del", "y", "por", "con", "para", "una", "se", "su", "sus", "es",
        "al", "lo", "como", "más", "entre", "ha", "fue", "sobre", "también", "este", "esta",
        "mientras", "pero", "muy", "hasta", "desde", "donde", "cuando", "ya", "han",
        "fueron", "será", "está", "están", "según", "hacia", "tras", "estos", "estas",
        "otros", "otras", "todos", "todas", "nuestro", "nuestra", "ambos", "ambas", "así",
        "durante", "tiene", "tienen", "puede", "sido", "cada", "mismo", "misma",
    )),
    "fr": frozenset((
        "le", "les", "des", "du", "et", "pour", "avec", "une", "est", "dans", "sur", "au",
        "aux", "qui", "ce", "cette", "ont", "été", "nous", "sont",
    )),
}  # fmt: skip
_LANGUAGE_OF = {word: lang for lang, words in FUNCTION_WORDS.items() for word in words}
# The same, by the UTF-8 of the word.
_LANGUAGE_OF_UTF8 = {word.encode("utf-8"): lang for word, lang in _LANGUAGE_OF.items()}
# A word is a run of letters (``[^\W\d_]``). The non-ASCII characters that are no
# letters: a run of non-word ones (curly quotes, dashes, "¿"), and a digit (one class
# each: an alternation of the two, or a look-ahead, costs several times as much).
_NON_ASCII_NON_WORD = re.compile(r"[^\x00-\x7f\w]+")
_NON_ASCII_DIGIT = re.compile(r"[^\x00-\x7f\D]")
# Each byte as itself when it is an ASCII letter or belongs to a non-ASCII character
# (0x80 and above, in UTF-8), else as a space.
_LETTER_BYTES_ONLY = bytes(
    byte if byte >= 0x80 or chr(byte).isalpha() else ord(" ") for byte in range(256)
)


def _words_utf8(text: str) -> list[bytes]:
    r"""The UTF-8 of each word of ``text`` (its runs of ``[^\W\d_]``), in order.

    The non-ASCII characters that are no letters become spaces, which changes no
    word; then, in the UTF-8, every byte of no word becomes a space (one
    ``bytes.translate``), and the words are what ``split`` leaves: a regular
    expression finding the words costs several times as much."""
    if not text.isascii():
        text = _NON_ASCII_NON_WORD.sub(" ", text)
        if _NON_ASCII_DIGIT.search(text):
            text = _NON_ASCII_DIGIT.sub(" ", text)
    return text.encode("utf-8").translate(_LETTER_BYTES_ONLY).split()


def function_word_guess(text: str, minimum: int = 8, ratio: float = 3.0) -> str | None:
    """The language whose function words clearly dominate ``text``, if one does."""
    # Each word's language (None for most), counted by ``list.count``: a ``Counter``
    # costs more than the counting itself on a sample this short.
    languages = list(map(_LANGUAGE_OF_UTF8.get, _words_utf8(text.lower())))
    ranked = sorted(((lang, languages.count(lang)) for lang in FUNCTION_WORDS),
                    key=lambda item: -item[1])  # fmt: skip
    (best, top), (_, second) = ranked[0], ranked[1]
    return best if top >= minimum and top >= ratio * max(second, 1) else None


def written_language(text: str, default: str = "en") -> str:
    """The language a text of the data is written in, by its function words, for
    marking it on a page (``lang``); the center writes in English, so a text too short
    or too mixed to tell is ``default``. Its first ``SAMPLE_CHARS`` decide, as they
    do for ``LanguageDetector.detect``: a page shows the guess on every view."""
    return function_word_guess(text[:SAMPLE_CHARS]) or default


@dataclass(frozen=True)
class LanguageDetector:
    """A loaded py3langid model (about a second to load: build one per run)."""

    identifier: Any

    @classmethod
    def load(cls) -> LanguageDetector:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier

        return cls(LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True))

    def detect(self, text: str, declared: str | None = None) -> str | None:
        """ISO 639-1 code of ``text``; ``declared`` (e.g. ``es-MX`` from the page or
        the source list) wins when the text is short or the model unsure."""
        hint = declared.split("-")[0].split("_")[0].lower() if declared else None
        sample = text[:SAMPLE_CHARS]
        if len(sample.strip()) < MIN_CHARS:
            return hint
        guess = function_word_guess(sample)
        if guess is not None:
            return guess
        code, confidence = self.identifier.classify(sample)
        if confidence < MIN_CONFIDENCE and hint:
            return hint
        return str(code)
