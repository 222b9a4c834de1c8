import datetime as dt
import random

from datasketch import MinHash

from binational.ingest.dedup import (
    _NON_ASCII_NON_WORD,
    DTYPE,
    NUM_PERM,
    SCHEME,
    SEED,
    Member,
    NearDuplicateIndex,
    choose_representative,
    shingle_hashes,
    shingles,
    signature,
    similarity,
    text_sha256,
)


def test_exact_hash_ignores_case_and_spacing_only():
    assert text_sha256("The  HLED met.\n") == text_sha256("the hled met.")
    assert text_sha256("The HLED met.") != text_sha256("The HLED met!")


def test_shingles_are_word_trigrams():
    assert shingles("A b c d") == {b"a b c", b"b c d"}
    assert shingles("two words") == {b"two words"}
    assert shingles("") == set() and signature("") is None


def test_republished_release_is_near_duplicate_and_retellings_are_not(releases):
    nadd = signature(releases["ondcp-7th-nadd-2023"]["text"])
    canada = signature(releases["canada-7th-nadd-2023"]["text"])
    call_a = signature(releases["es-rubio-de-la-fuente-call-a"]["text"])
    call_b = signature(releases["es-rubio-de-la-fuente-call-b"]["text"])
    hled_2023 = signature(releases["ustr-hled-2023-joint-statement"]["text"])
    hled_2022 = signature(releases["embassy-hled-2022"]["text"])
    assert similarity(nadd, canada) > 0.7
    assert similarity(call_a, call_b) < 0.3  # same event, different text
    assert similarity(hled_2023, hled_2022) < 0.3  # same institution, other meeting


def test_index_finds_the_best_match_above_the_threshold(releases):
    index = NearDuplicateIndex(0.5)
    for number, key in enumerate(releases):
        if key != "canada-7th-nadd-2023":
            index.add(number, 100 + number, signature(releases[key]["text"]))
    match = index.best_match(signature(releases["canada-7th-nadd-2023"]["text"]))
    assert match is not None and match.candidate_id == 100  # the ONDCP statement
    assert index.best_match(signature("An unrelated text about municipal parks " * 3)) is None
    index.move([0], 7)
    assert index.best_match(signature(releases["ondcp-7th-nadd-2023"]["text"])).candidate_id == 7


def test_representative_is_official_then_page_then_earliest():
    day = dt.date(2023, 11, 11)
    members = [
        Member(1, False, "page", day - dt.timedelta(days=3)),
        Member(2, True, "feed_entry", day),
        Member(3, True, "page", day + dt.timedelta(days=3)),
        Member(4, True, "page", day),
    ]
    assert choose_representative(members) == 4
    assert choose_representative(members[:3]) == 3
    assert choose_representative(members[:1]) == 1
    assert (
        choose_representative([Member(5, False, "page", None), Member(6, False, "page", day)]) == 6
    )


def test_signature_is_datasketchs_affine32_minhash(releases):
    rng = random.Random(5)
    words = sorted({w for r in releases.values() for w in r["text"].split()})
    texts = [r["text"] for r in releases.values()]
    texts += [" ".join(rng.choices(words, k=rng.randint(1, 400))) for _ in range(200)]
    for text in texts:
        expected = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME, hashfunc=int)
        expected.update_batch(shingle_hashes(text))
        assert signature(text) == expected.hashvalues.astype(DTYPE).tobytes()


WORD_PIECES = [
    "a", "B", "7", "_", " ", "  ", "\n", ".", ",", "-", "é", "Ñ", "ü", "¿", "¡", "“", "”",
    "—", "–", "«", "»", "ß", "İ", "\u0301", "e\u0301", "ﬁ", "²", "½", "٣", "中", "😀", "\u00a0",
    "México", "año", "U.S.", "(SRE)", "'s",
]  # fmt: skip


def test_words_split_from_bytes_are_the_words_of_the_text():
    """``_word_bytes`` finds the UTF-8 of the text's words, with or without non-ASCII
    characters that are not word characters (which it turns into spaces first)."""
    from binational.ingest.dedup import _word_bytes, normalized_text, words_of

    rng = random.Random(6)
    plain = 0
    for _ in range(5000):
        text = "".join(rng.choice(WORD_PIECES) for _ in range(rng.randint(0, 30)))
        if rng.random() < 0.5:
            text = "".join(c for c in text if c.isascii() or c.isalnum())
        normalized = normalized_text(text)
        expected = [word.encode("utf-8") for word in words_of(normalized)]
        assert _word_bytes(normalized, normalized.encode("utf-8")) == expected, text
        plain += _NON_ASCII_NON_WORD.search(normalized) is None
    assert 1000 < plain < 4000, plain


def test_fingerprint_is_the_hash_and_the_signature(releases):
    from binational.ingest.dedup import fingerprint

    for text in [*(r["text"] for r in releases.values()), "", "¿Qué? «Sí» — 2023", "a b"]:
        assert fingerprint(text) == (text_sha256(text), signature(text))
