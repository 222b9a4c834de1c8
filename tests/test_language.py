"""language.py: the language a text of the data is written in."""

import pytest

from binational.language import written_language

ENGLISH = ("The committee met in Washington and the delegations agreed to meet again in "
           "the autumn, with the support of their teams.")  # fmt: skip
SPANISH = ("El comité se reunió en la Ciudad de México y los delegados acordaron que las "
           "reuniones del grupo sean para el bien de los dos países y sus pueblos.")  # fmt: skip


@pytest.mark.parametrize(
    ("text", "default", "language"),
    [
        (ENGLISH, "en", "en"),
        (SPANISH, "en", "es"),
        ("USMCA", "en", "en"),  # too short to tell: the reports' English
        ("USMCA", "es", "es"),
        (f"{ENGLISH} {SPANISH}", "en", "en"),  # neither dominates
        (f"{SPANISH * 5} {ENGLISH * 20}", "en", "es"),  # the opening decides
    ],
)
def test_written_language(text, default, language):
    assert written_language(text, default) == language


def _guess_by_counter(text: str, minimum: int = 8, ratio: float = 3.0) -> str | None:
    """``function_word_guess`` written plainly, with a ``Counter``."""
    import re
    from collections import Counter

    from binational.language import _LANGUAGE_OF, FUNCTION_WORDS

    words = re.findall(r"[^\W\d_]+", text.lower())
    found = Counter(_LANGUAGE_OF.get(word) for word in words)
    ranked = sorted(((lang, found[lang]) for lang in FUNCTION_WORDS), key=lambda item: -item[1])
    (best, top), (_, second) = ranked[0], ranked[1]
    return best if top >= minimum and top >= ratio * max(second, 1) else None


def test_function_word_guess_counts_as_a_counter_does():
    import random

    from binational.language import FUNCTION_WORDS, function_word_guess

    rng = random.Random(2)
    pieces = [w for words in FUNCTION_WORDS.values() for w in sorted(words)]
    pieces += ["THE", "Los", "committee", "comité", "2023", "x1y", "_", ".", " ", "  ", "\n"]
    pieces += ["¿", "¡", "’", "“", "—", "²", "½", "٣", "İ", "ß", "\u0301", "ESTÁ", "Été", "中"]
    guessed = set()
    for _ in range(3000):
        glue = rng.choice([" ", "", "’", "-"])
        text = glue.join(rng.choices(pieces, k=rng.randint(0, 60)))
        minimum, ratio = rng.choice([(8, 3.0), (2, 2.0), (1, 1.0)])
        expected = _guess_by_counter(text, minimum, ratio)
        assert function_word_guess(text, minimum, ratio) == expected, text
        guessed.add(expected)
    assert guessed == {None, "en", "es", "fr"}


def test_words_from_the_bytes_are_the_runs_of_letters():
    import random
    import re

    from binational.language import _words_utf8

    rng = random.Random(3)
    pieces = ["a", "Z", "é", "Ñ", "ß", "İ", "²", "½", "٣", "7", "_", " ", "\n", ".", "’", "¿",
              "—", "\u0301", "中", "😀", "\u00a0", "los", "está"]  # fmt: skip
    for _ in range(5000):
        text = "".join(rng.choices(pieces, k=rng.randint(0, 20)))
        expected = [word.encode("utf-8") for word in re.findall(r"[^\W\d_]+", text)]
        assert _words_utf8(text) == expected, text
