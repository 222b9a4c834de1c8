"""How much a source sentence says about the event: general signals, one score.

A summary in the center's reports says who met or signed, what was decided, when and
where. The signals below look for exactly that, in English and Spanish, plus the two
classic signals of news summarization: position (releases put the event first) and
centrality (a sentence close to the whole text is about its main subject). The
weights are round numbers set by what each signal means, not fitted to any data set.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from binational.drafting.quantities import find_quantities
from binational.drafting.sentences import Sentence
from binational.drafting.words import bag, cosine_to_rest, coverage

WEIGHTS = MappingProxyType(
    {
        "position": 1.0,  # releases lead with the event
        "title": 1.0,  # shares the words of the event's or the release's title
        "centrality": 1.0,  # close to the text as a whole
        "institutions": 0.5,  # names registry institutions or agencies: who
        "decision": 0.5,  # met, signed, agreed, committed, announced: what
        "actors": 0.3,  # presidents, secretaries, delegations: who
        "date": 0.3,  # when
        "place": 0.2,  # where
    }
)
DECISION = re.compile(
    r"\b(?:sign(?:ed|s)?|agree(?:d|s)?|commit(?:ted|s)?|announc(?:ed|es)|launch(?:ed|es)?"
    r"|met|meet(?:s|ing)?|held|hold(?:s)?|establish(?:ed|es)?|creat(?:ed|es)|approv(?:ed|es)"
    r"|adopt(?:ed|s)|resolv(?:ed|es)|decid(?:ed|es)|pledg(?:ed|es)|endors(?:ed|es)"
    r"|reaffirm(?:ed|s)?|conven(?:ed|es)|welcom(?:ed|es)|discuss(?:ed|es)?|review(?:ed)?"
    r"|firm(?:ó|aron|an)|acord(?:ó|aron|aron)|comprometi(?:ó|eron)|se comprometen"
    r"|anunci(?:ó|aron|a)|lanz(?:ó|aron)|reuni(?:ó|eron)|se reúnen|celebr(?:ó|aron|an)"
    r"|estableci(?:ó|eron)|cre(?:ó|aron)|aprob(?:ó|aron)|adopt(?:ó|aron)|resolvi(?:ó|eron)"
    r"|decidi(?:ó|eron)|sostuv(?:o|ieron)|sostener|se traslad(?:ó|aron)|reafirm(?:ó|aron))\b",
    re.IGNORECASE,
)
ACTORS = re.compile(
    r"\b(?:President|Secretary|Minister|Ambassador|Advis[eo]r|Director|Administrator"
    r"|Governor|Representative|Undersecretary|Chancellor|Commissioner|delegation|co-chairs"
    r"|[Pp]residenta?|[Ss]ecretari[oa]|[Cc]anciller|[Ee]mbajador(?:a)?|[Ss]ubsecretari[oa]"
    r"|[Dd]irector(?:a)?|[Gg]obernador(?:a)?|[Tt]itular|[Dd]elegación)\b"
)
PLACE = re.compile(r"\b(?:in|at|en)\s+(?:the\s+|el\s+|la\s+)?[A-ZÁÉÍÓÚÑ][\w’'-]+", re.UNICODE)
BOILERPLATE = re.compile(
    r"https?://|www\.|@\w|\bemail\b|\bcorreo\b|###|\bfollow us\b|\bsíguenos\b"
    r"|\bfor more information\b|\bpara más información\b|\bcontact:|\bcontacto:"
    r"|\bmedia inquiries\b|\bcopyright\b|\ball rights reserved\b|\bread more\b|\bleer más\b",
    re.IGNORECASE,
)
SHORTEST, LONGEST = 6, 60  # words; outside this a sentence is rarely a summary's


@dataclass(frozen=True)
class ScoredSentence:
    """A source sentence with its score and the signals that made it."""

    source: int  # index of its source among those drafted from
    sentence: Sentence
    words: Counter[str]
    score: float
    signals: Mapping[str, float]


def score_sentences(
    source: int,
    sentences: Sequence[Sentence],
    titles: Sequence[str],
    mention_starts: Sequence[int],
) -> list[ScoredSentence]:
    """Score every sentence of one source.

    ``titles``: the event's title and the source's; ``mention_starts``: where the
    registry linker found institutions or agencies in the source text.
    """
    bags = [bag(sentence.text) for sentence in sentences]
    whole: Counter[str] = Counter()
    for words in bags:
        whole.update(words)
    whole_square = sum(count * count for count in whole.values())
    title_words = set().union(*(bag(title) for title in titles)) if titles else set()
    scored = []
    for sentence, words in zip(sentences, bags, strict=True):
        centrality = cosine_to_rest(words, whole, whole_square)
        signals = sentence_signals(sentence, words, centrality, title_words, mention_starts)
        score = sum(WEIGHTS[name] * value for name, value in signals.items())
        score *= _form_factor(sentence.text)
        scored.append(ScoredSentence(source, sentence, words, score, MappingProxyType(signals)))
    return scored


def sentence_signals(
    sentence: Sentence,
    words: Counter[str],
    centrality: float,
    title_words: set[str],
    mention_starts: Sequence[int],
) -> dict[str, float]:
    """Each signal between 0 and 1; ``centrality`` is the sentence's cosine to the
    rest of its text."""
    text = sentence.text
    mentions = sum(1 for start in mention_starts if sentence.start <= start < sentence.end)
    dates = [q for q in find_quantities(text) if q.kind in ("date", "weekday", "relative")]
    return {
        "position": 1.0 / (1.0 + sentence.index / 2.0),
        "title": coverage(words, title_words),
        "centrality": centrality,
        "institutions": min(1.0, mentions / 2.0),
        "decision": min(1.0, len(DECISION.findall(text)) / 2.0),
        "actors": min(1.0, len(ACTORS.findall(text)) / 2.0),
        "date": 1.0 if dates else 0.0,
        "place": 1.0 if PLACE.search(text) else 0.0,
    }


def _form_factor(text: str) -> float:
    """Below 1 for sentences that cannot stand in a summary as they are."""
    if BOILERPLATE.search(text) or text.endswith("?"):
        return 0.0
    count = len(text.split())
    factor = 1.0
    if count < SHORTEST:
        factor *= 0.3
    elif count > LONGEST:
        factor *= 0.7
    if text.endswith(":"):
        factor *= 0.5  # introduces a list the summary would not carry
    return factor
