"""Words of a sentence for comparing sentences: folded, without function words.

Comparison is on folded words (lowercase, no accents, as the linker folds them), with
the function words of English and Spanish removed and a final plural "s" dropped, so
"Commissions" in one sentence meets "comisión" nowhere but "commission" everywhere.
The lists are written out here because the libraries that ship stop-word lists either
download them at run time (NLTK) or bring a whole NLP pipeline (spaCy); these are the
commonest function words, which is all overlap and centrality need.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable

from binational.registry.normalize import fold

WORD = re.compile(rb"[a-z0-9]+")

FUNCTION_WORDS = frozenset(
    (
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an",
        "and", "any", "are", "as", "at", "be", "because", "been", "before", "being",
        "below", "between", "both", "but", "by", "can", "could", "did", "do", "does",
        "doing", "down", "during", "each", "few", "for", "from", "further", "had", "has",
        "have", "having", "he", "her", "here", "hers", "him", "his", "how", "i", "if", "in",
        "into", "is", "it", "its", "itself", "just", "me", "more", "most", "my", "no",
        "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other", "our",
        "ours", "out", "over", "own", "same", "she", "should", "so", "some", "such", "than",
        "that", "the", "their", "theirs", "them", "then", "there", "these", "they", "this",
        "those", "through", "to", "too", "under", "until", "up", "very", "was", "we",
        "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will",
        "with", "would", "you", "your", "s", "t",
        "al", "algo", "algunas", "algunos", "ante", "antes", "asi", "aun", "como", "con",
        "contra", "cual", "cuando", "de", "del", "desde", "donde", "dos", "durante", "e",
        "el", "ella", "ellas", "ellos", "en", "entre", "era", "eran", "es", "esa", "esas",
        "ese", "eso", "esos", "esta", "estaba", "estan", "estar", "estas", "este", "esto",
        "estos", "fue", "fueron", "ha", "han", "hasta", "hay", "la", "las", "le", "les",
        "lo", "los", "mas", "me", "mi", "mientras", "muy", "ni", "no", "nos", "nuestra",
        "nuestro", "nuestras", "nuestros", "o", "otra", "otras", "otro", "otros", "para",
        "pero", "por", "porque", "que", "quien", "se", "sea", "segun", "ser", "si", "sin",
        "sobre", "su", "sus", "tambien", "tan", "te", "tiene", "tienen", "todo", "todos",
        "tras", "un", "una", "unas", "uno", "unos", "y", "ya",
    )
)  # fmt: skip


def words(text: str) -> list[str]:
    """Every folded word of ``text``, in order."""
    return [word.decode() for word in WORD.findall(fold(text))]


def content_words(text: str) -> list[str]:
    """Folded words that carry content: no function words, no single letters, no plural s."""
    kept = []
    for word in words(text):
        if len(word) < 2 or word in FUNCTION_WORDS:
            continue
        kept.append(word[:-1] if len(word) > 3 and word.endswith("s") else word)
    return kept


def bag(text: str) -> Counter[str]:
    return Counter(content_words(text))


def cosine(a: Counter[str], b: Counter[str]) -> float:
    """Cosine similarity of two bags of words (0 when either is empty)."""
    if not a or not b:
        return 0.0
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    dot = sum(count * large.get(word, 0) for word, count in small.items())
    norm = math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values()))
    return dot / norm if norm else 0.0


def cosine_to_rest(part: Counter[str], whole: Counter[str], whole_square: int) -> float:
    """``cosine(part, whole - part)`` without building ``whole - part`` (``part`` is
    contained in ``whole``; ``whole_square`` is the sum of its squared counts)."""
    if not part:
        return 0.0
    dot = sum(count * (whole[word] - count) for word, count in part.items())
    rest_square = whole_square - sum(
        whole[word] ** 2 - (whole[word] - count) ** 2 for word, count in part.items()
    )
    part_square = sum(count * count for count in part.values())
    if dot <= 0 or rest_square <= 0:
        return 0.0
    return dot / math.sqrt(part_square * rest_square)


def coverage(words_of: Iterable[str], reference: set[str]) -> float:
    """Share of ``reference`` that ``words_of`` contains (0 for an empty reference)."""
    if not reference:
        return 0.0
    return len(reference.intersection(words_of)) / len(reference)
