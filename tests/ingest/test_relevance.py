"""Relevance on the labeled development set, linked by the real registry linker."""

import random
import re

from binational.ingest.canonical import host_of
from binational.ingest.relevance import (
    ENCOUNTER_TERMS,
    TRILATERAL,
    Linked,
    country_mentions,
    country_spans,
    encounter_terms,
    is_official_host,
    linked_entities,
    named_together,
    score_document,
    trilateral_wording,
)


def score(release, analyzer):
    text = f"{release['title']}\n{release['text']}"
    linked = linked_entities(analyzer.annotator.find_mentions(text), analyzer.parties)
    topics = [hit.slug for hit in analyzer.annotator.tag_topics(text)]
    host = host_of(release["url"])
    return score_document(
        release["title"], release["text"], linked, topics, is_official_host(host), host
    )


def test_every_bilateral_event_outranks_every_non_bilateral_item(releases, analyzer):
    scores = {key: score(release, analyzer) for key, release in releases.items()}
    events = [k for k, r in releases.items() if r["label"].startswith("bilateral")]
    others = [k for k, r in releases.items() if r["label"].startswith("not_bilateral")]
    assert len(events) == 8 and len(others) == 3
    assert min(scores[k].score for k in events) > max(scores[k].score for k in others)
    assert all(0.0 <= s.score <= 1.0 and s.reasons for s in scores.values())


def test_reasons_say_what_was_found(releases, analyzer):
    hled = score(releases["ustr-hled-2023-joint-statement"], analyzer)
    assert any("United States" in r and "Mexico" in r for r in hled.reasons)
    assert any("hled" in r for r in hled.reasons)
    assert any(r.startswith("agencies of both governments") for r in hled.reasons)
    assert "official source (ustr.gov)" in hled.reasons
    nadd = score(releases["ondcp-7th-nadd-2023"], analyzer)
    assert "trilateral (North American) setting" in nadd.reasons
    coalition = score(releases["sg-embassy-global-coalition"], analyzer)
    assert "involves only the United States" in coalition.reasons


def test_features_generalize_beyond_the_development_set():
    """A made-up release with the same kind of evidence scores like the real ones."""
    sre = Linked("sre", "agency", "SRE", frozenset({"MX"}))
    cbp = Linked("cbp", "agency", "CBP", frozenset({"US"}))
    ibwc = Linked("ibwc", "institution", "IBWC", frozenset({"US", "MX"}))
    bilateral = score_document(
        "Mexico and the United States sign a water agreement",
        "Officials of both countries met in El Paso and signed the agreement.",
        [sre, cbp, ibwc], ["water"], official=True,
    )  # fmt: skip
    domestic = score_document(
        "Governor opens a new park", "The governor met residents at the new park.",
        [], [], official=True,
    )  # fmt: skip
    one_side = score_document(
        "CBP announces new hiring", "U.S. Customs and Border Protection will hire officers.",
        [cbp], [], official=True,
    )  # fmt: skip
    assert bilateral.score > 0.7 > 0.3 > one_side.score > domestic.score


def test_country_mentions_and_official_hosts():
    counts = country_mentions("EE.UU. y México; the U.S. and us; Canadá; USA; US")
    assert counts == {"US": 4, "MX": 1, "CA": 1}  # EE.UU., U.S., USA, US; not "us"
    assert is_official_host("www.gob.mx") and is_official_host("www.canada.ca")
    assert is_official_host("mx.usembassy.gov") and not is_official_host("hstoday.us")
    assert is_official_host("news.example.org", {"news.example.org"})


# The patterns as plainly written, with the word boundary first: what the fast ones,
# written letter first, must find.
PLAIN_COUNTRY_PATTERNS = {
    "US": re.compile(
        r"\b(?:estados unidos|ee\.\s?uu\.|eeuu\b|estadounidenses?\b|washington\b)"
        r"|\bunited states\b"
    ),
    "MX": re.compile(r"\b(?:m[eé]xic(?:o|an|ans|ana|anas|ano|anos)\b|mexican[oa]s?\b)"),
    "CA": re.compile(r"\b(?:canad(?:a|á|ian|ians)\b|canadienses?\b|ottawa\b)"),
}
PLAIN_US_CAPITALS = re.compile(r"\b(?:U\.\s?S\.(?:\s?A\.)?|USA\b|US\b)")
PIECES = [
    *"abcdeilmnorstuwxyzéáó.!? \n\t-'_0", "estados unidos", "ee. uu.", "ee.uu.", "eeuu",
    "estadounidense", "estadounidenses", "washington", "united states", "méxico", "mexico",
    "mexicanos", "mexicana", "mexicans", "canadá", "canadians", "canadiense", "ottawa", "U.S.",
    "U. S. A.", "USA", "US", "USB", "MEXICO", "Canada", "xmexico", "_mexico", "ñcanada",
]  # fmt: skip


def test_country_patterns_find_what_the_plain_patterns_find():
    rng = random.Random(11)
    texts = ["".join(rng.choice(PIECES) for _ in range(rng.randint(0, 60))) for _ in range(5000)]
    for text in texts:
        lowered = text.lower()
        spans = country_spans(text)
        for country, plain in PLAIN_COUNTRY_PATTERNS.items():
            expected = [m.start() for m in plain.finditer(lowered)]
            if country == "US":
                expected += [m.start() for m in PLAIN_US_CAPITALS.finditer(text)]
            assert spans[country] == sorted(expected), (country, text)
    found = {c: sum(len(country_spans(text)[c]) for text in texts) for c in ("US", "MX", "CA")}
    assert min(found.values()) > 300, found  # the comparison saw every pattern at work


# What the encounter terms, the sentence test and the trilateral test are, as plainly
# written: the fast versions must decide the same.
PLAIN_ENCOUNTER = re.compile(r"\b(?:" + "|".join(map(re.escape, ENCOUNTER_TERMS)) + r")\b")
PLAIN_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
ENCOUNTER_PIECES = [
    *"abcdeilmnostwxyzéáóñ_0.!? \n-", *ENCOUNTER_TERMS, "phone call with", "met within",
    "reunión", "reuniones", "xbilateral", "bilateralx", "signed_", "Met With", "MEETING",
    "Trilateral", "TRILATERAL", "North America", "américa del norte", "trılateral",
    "İ", "ı", "united states", "Mexico", "U.S.", "EE.UU.", "méxico",
]  # fmt: skip


def plainly_named_together(text: str) -> bool:
    spans = country_spans(text)
    ends = [m.start() for m in PLAIN_SENTENCE_END.finditer(text)]
    sentence = {c: {sum(1 for e in ends if e <= s) for s in spans[c]} for c in ("US", "MX")}
    return bool(sentence["US"] & sentence["MX"])


def test_encounter_terms_and_trilateral_wording_decide_as_the_plain_patterns():
    rng = random.Random(5)
    seen = {"terms": 0, "trilateral": 0}
    for _ in range(20000):
        text = "".join(rng.choice(ENCOUNTER_PIECES) for _ in range(rng.randint(0, 40)))
        lowered = text.lower()
        expected = tuple(sorted({m.group() for m in PLAIN_ENCOUNTER.finditer(lowered)}))
        assert encounter_terms(text) == expected, text
        trilateral = trilateral_wording(text, lowered)
        assert trilateral == bool(TRILATERAL.search(text)), text
        seen["terms"] += bool(expected)
        seen["trilateral"] += trilateral
    assert min(seen.values()) > 300, seen  # the comparison saw each test at work


def test_named_together_decides_as_sentence_by_sentence():
    rng = random.Random(7)
    seen = {True: 0, False: 0}
    for _ in range(20000):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 60)))
        spans = country_spans(text)
        if not (spans["US"] and spans["MX"]):
            assert not named_together(text)
            continue
        together = named_together(text)
        assert together == plainly_named_together(text), text
        seen[together] += 1
    assert min(seen.values()) > 300, seen
