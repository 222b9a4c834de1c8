"""The source passage behind each sentence a model wrote.

A model's sentence is not in any source, but it retells one; the analyst checks it
against that passage. The passage is the source sentence sharing most with it: its
words, the registry institutions and agencies both name (which carries across
languages: "SRE" and "Secretaría de Relaciones Exteriores" are one slug), and its
dates and numbers. Below ``MIN_SUPPORT`` no passage is given rather than a wrong one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from binational.drafting.extractive import DraftSentence
from binational.drafting.inputs import SourceText
from binational.drafting.quantities import find_quantities
from binational.drafting.sentences import split_sentences
from binational.drafting.words import bag, cosine

MIN_SUPPORT = 0.25
SHARED_SLUG, SHARED_ATOM = 0.2, 0.1


@dataclass(frozen=True)
class _Passage:
    url: str
    start: int
    end: int
    words: Counter[str]
    slugs: frozenset[str]
    atoms: frozenset[str]


def supporting_passages(
    sentences: Sequence[str],
    sources: Sequence[SourceText],
    find_mentions: Callable[[str], Sequence[object]],
) -> list[DraftSentence]:
    """Each of ``sentences`` with its best source passage (or none)."""
    passages = []
    for source in sources:
        mentions = find_mentions(source.text)
        for sentence in split_sentences(source.text, source.lang):
            slugs = frozenset(
                getattr(m, "slug", "")
                for m in mentions
                if sentence.start <= getattr(m, "start", -1) < sentence.end
            )
            passages.append(_Passage(source.url, sentence.start, sentence.end,
                                     bag(sentence.text), slugs, _atoms(sentence.text)))  # fmt: skip
    drafted = []
    for text in sentences:
        words, atoms = bag(text), _atoms(text)
        slugs = frozenset(getattr(m, "slug", "") for m in find_mentions(text))
        best, support = None, 0.0
        for passage in passages:
            value = (
                cosine(words, passage.words)
                + SHARED_SLUG * len(slugs & passage.slugs)
                + SHARED_ATOM * len(atoms & passage.atoms)
            )
            if value > support:
                best, support = passage, value
        if best is not None and support >= MIN_SUPPORT:
            drafted.append(DraftSentence(text, best.url, best.start, best.end, verbatim=False))
        else:
            drafted.append(DraftSentence(text, None, None, None, verbatim=False))
    return drafted


def _atoms(text: str) -> frozenset[str]:
    return frozenset(atom for quantity in find_quantities(text) for atom in quantity.atoms)
