"""Bodies a source announces that the registry lacks: proposed registry additions.

A release that creates a committee or launches a plan names something new. The
pattern is the same in English and Spanish: a verb or noun of creation ("created",
"the creation of", "launched", "establishes"; "creación de", "instaló", "puso en
marcha") followed, within a few words, by a noun of institution ("commission",
"working group", "plan"; "comisión", "grupo de trabajo", "programa") and what
qualifies it, up to the next clause. What the registry linker already finds in that
phrase is not new. A phrase whose words mostly match a registry entry's name is
reported as that entry (it may only need linking), not as an addition. Nothing is
added to the registry: these are proposals for an analyst.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from binational.drafting.facts import Fact, institution_ref, source_ref
from binational.drafting.inputs import SourceText
from binational.drafting.words import content_words

SAME_ENTRY = 0.6  # share of a registry name's distinctive words that makes it that entry
SAME_ENTRY_WORDS = 2  # and how many of them, at least
GENERIC = frozenset(
    content_words(
        "commission committee council working group task force board dialogue mechanism "
        "program programme initiative plan framework fund center centre office unit "
        "partnership alliance coalition network forum roundtable strategy comision comite "
        "consejo grupo trabajo mecanismo programa iniciativa marco fondo centro oficina "
        "unidad alianza coalicion red foro mesa estrategia dialogo trilateral bilateral "
        "binational binacional national nacional international internacional presidential "
        "presidencial joint conjunto high level alto nivel north american norteamerica "
        "mexico mexican mexicano mexicana united states unidos estados us canada new nuevo "
        "nueva senior"
    )
)

CREATION = (
    r"creat(?:es|ed|ing|ion\s+of)|establish(?:es|ed|ing|ment\s+of)?|launch(?:es|ed|ing)?"
    r"|set(?:s|ting)?\s+up|form(?:ed|ation\s+of)|inaugurat(?:es|ed|ion\s+of)"
    r"|cre(?:a|ó|aron|ar|ación\s+de)|establec(?:e|ió|ieron|er)|lanz(?:a|ó|aron|amiento\s+de)"
    r"|constitu(?:ye|yó|yeron|ción\s+de)|instal(?:a|ó|aron|ación\s+de)"
    r"|puesta\s+en\s+marcha\s+de|pus(?:o|ieron)\s+en\s+marcha"
)
HEADS = (
    r"commission|committee|council|working\s+group|task\s+force|group|board|dialogue"
    r"|mechanism|program(?:me)?|initiative|plan|framework|fund|cent(?:er|re)|office|unit"
    r"|partnership|alliance|coalition|network|forum|roundtable|strategy"
    r"|comisión|comité|consejo|grupo\s+de\s+trabajo|grupo|mecanismo|programa|iniciativa"
    r"|plan|marco|fondo|centro|oficina|unidad|alianza|coalición|red|foro|mesa|estrategia"
    r"|diálogo"
)
ANNOUNCEMENT = re.compile(
    rf"\b(?:{CREATION})\b(?:\s+(?:of|de|a|an|the|un|una|el|la|new|nuevo|nueva))*"
    rf"(?P<phrase>(?:\s+[\w’'-]+){{0,5}}?\s+(?:{HEADS}))\b",
    re.IGNORECASE,
)
REFERS_BACK = frozenset(
    ("this", "that", "these", "those", "its", "their", "our", "his", "her", "este", "esta",
     "estos", "estas", "dicho", "dicha", "su", "sus")
)  # fmt: skip
QUALIFIER = re.compile(
    r"\s+(?:to|on|for|of|against|in|para|sobre|de|del|contra|en)\s[^.;:()\n]*", re.IGNORECASE
)
CALENDAR = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March"
    r"|April|May|June|July|August|September|October|November|December)\b"
)
NAME_CONTINUES = re.compile(
    r"(?:\s+(?:(?:de|del|la|las|los|el|y|sobre|para|contra|en|on|for|of|and|the|against|in)"
    rf"\s+)*(?!{CALENDAR})[A-ZÁÉÍÓÚÑ][\w’'-]*)+"
)
CLAUSE_END = re.compile(
    r",\s+(?:which|that|who|whose|and\s+(?:will|to)|to\s+be|que|el\s+cual|la\s+cual|\w+ing)\b"
    r"|\s+(?:will|would|to\s+be|that|which|was|is|has|que|será|fue|ha)\s",
    re.IGNORECASE,
)
MAX_PHRASE_WORDS = 18


@dataclass(frozen=True)
class Announcement:
    source: SourceText
    start: int
    end: int
    phrase: str


def find_announcements(source: SourceText) -> list[Announcement]:
    """Phrases of ``source`` that announce a new body, with their spans."""
    text = source.text
    found = []
    for match in ANNOUNCEMENT.finditer(text):
        start, end = match.span("phrase")
        while start < end and text[start].isspace():
            start += 1
        if text[start:end].split()[0].lower() in REFERS_BACK:
            continue  # "this committee": one already named
        phrase_end = _extent(text, end)
        if phrase_end == end and not any(c.isupper() for c in text[start + 1 : end]):
            continue  # "a working group": no name and nothing said of it
        found.append(Announcement(source, start, phrase_end, text[start:phrase_end]))
    return found


def _extent(text: str, head_end: int) -> int:
    """Where the phrase that ends in a head noun at ``head_end`` ends: a proper name
    goes on while its words are capitalized ("Plan Sonora de Energía Sostenible"),
    a qualifier ("to fight the trafficking of drugs, firearms, and ammunition") up to
    the next clause; at most ``MAX_PHRASE_WORDS`` words."""
    end = head_end
    name = NAME_CONTINUES.match(text, end)
    qualifier = QUALIFIER.match(text, end)
    if name:
        end = name.end()
    elif qualifier:
        end = qualifier.end()
        clause = CLAUSE_END.search(text, head_end, end)
        if clause:
            end = clause.start()
    words = list(re.finditer(r"\S+", text[head_end:end]))
    if len(words) > MAX_PHRASE_WORDS:
        end = head_end + words[MAX_PHRASE_WORDS - 1].end()
    while end > head_end and (text[end - 1].isspace() or text[end - 1] in ",-–"):
        end -= 1
    return end


def announcement_facts(
    sources: Sequence[SourceText],
    find_mentions: Callable[[str], Sequence[Any]],
    registry: Any,
    linked: Sequence[str],
) -> list[Fact]:
    """Proposed additions, and announced bodies that look like unlinked registry entries."""
    facts: list[Fact] = []
    seen: list[set[str]] = []
    for source in sources:
        mentions = find_mentions(source.text)
        for item in find_announcements(source):
            if any(item.start < m.end and m.start < item.end for m in mentions):
                continue  # the linker knows it: not new
            key = set(content_words(item.phrase))
            if not key or any(key <= earlier for earlier in seen):
                continue  # said already, perhaps at greater length
            seen.append(key)
            evidence = source_ref(source.url, item.start, item.end)
            said = _article(item.phrase)
            entry = _closest_entry(item.phrase, registry)
            if entry is None:
                facts.append(Fact(
                    "proposed_addition", None,
                    f"The source announces {said}, which the registry does not hold; "
                    "proposed as a registry addition.",
                    (evidence,), MappingProxyType({"phrase": item.phrase, "said": said}),
                ))  # fmt: skip
            elif entry.slug not in linked:
                facts.append(Fact(
                    "announced_known", entry.slug,
                    f"The source announces {said}, which appears to be the registry's "
                    f"{entry.name_en}, not linked to this event.",
                    (evidence, institution_ref(entry.slug)),
                    MappingProxyType({"phrase": item.phrase, "said": said,
                                      "name": entry.name_en}),
                ))  # fmt: skip
    return facts


def _closest_entry(phrase: str, registry: Any) -> Any:
    """The registry institution whose name the phrase mostly repeats, if any."""
    words = set(content_words(phrase))
    best, best_share = None, 0.0
    for entry in registry.institutions:
        for name in (entry.name_en, entry.name_es, *entry.aliases_en, *entry.aliases_es):
            name_words = set(content_words(name)) - GENERIC
            if not name_words:
                continue
            shared = len(words & name_words)
            share = shared / len(name_words)
            if shared >= SAME_ENTRY_WORDS and share > best_share:
                best, best_share = entry, share
    return best if best_share >= SAME_ENTRY else None


def _article(phrase: str) -> str:
    first = phrase.split()[0].lower() if phrase.split() else ""
    if first in ("a", "an", "the", "un", "una", "el", "la"):
        return phrase
    return f"“{phrase}”" if phrase[:1].isupper() else f"a {phrase}"
