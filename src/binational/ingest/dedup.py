"""Exact and near-duplicate detection, and the choice of a cluster's representative.

Pure apart from ``NearDuplicateIndex``, an in-memory MinHash LSH index that a run
builds from the signatures already stored and grows as it adds documents.

A text is reduced to word 3-shingles (lower-cased, accents kept, numbers kept), hashed
from the CRC-32 of their words (stable across processes, and fast); two
texts are near duplicates when the Jaccard similarity of their shingle sets, as
estimated by 128-permutation MinHash signatures, reaches the threshold (0.5 by
default: a release republished with a new dateline, a few words changed and a
sentence dropped stays well above it; two reports of the same meeting written
independently fall far below it).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
import zlib
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
SEED = 1
# Pinned so stored signatures stay comparable across datasketch versions.
SCHEME = "affine32"
DTYPE = np.uint32
SHINGLE_WORDS = 3
DEFAULT_THRESHOLD = 0.5


def normalized_text(text: str) -> str:
    """Lower-cased, NFC-normalized, whitespace-collapsed text: what hashes compare."""
    text = unicodedata.normalize("NFC", text).lower()
    return " ".join(text.split())


def text_sha256(text: str, normalized: str | None = None) -> str:
    normalized = normalized if normalized is not None else normalized_text(text)
    return hashlib.sha256(normalized.encode("utf-8")).hexdigest()


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    """The word shingles themselves (what ``shingle_hashes`` hashes), for inspection."""
    words = words_of(normalized_text(text))
    if len(words) < size:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


_MIX = (np.uint64(0x9E3779B1), np.uint64(0x85EBCA77), np.uint64(0xC2B2AE3D))
_MASK = np.uint64(0xFFFFFFFF)


_WORD = re.compile(r"\w+")
# A run of non-ASCII characters that are no word characters (curly quotes, dashes, "¿")...
_NON_ASCII_NON_WORD = re.compile(r"[^\x00-\x7f\w]+")
# Each byte as itself when it is an ASCII word character or belongs to a non-ASCII
# character (0x80 and above, in UTF-8), else as a space.
_WORD_BYTES_ONLY = bytes(
    byte if byte >= 0x80 or chr(byte).isalnum() or byte == ord("_") else ord(" ")
    for byte in range(256)
)


def words_of(normalized: str) -> list[str]:
    return _WORD.findall(normalized)


def _word_bytes(normalized: str, encoded: bytes) -> list[bytes]:
    """The UTF-8 of each word (``\\w+``) of ``normalized``, in order (``encoded`` is
    its UTF-8).

    The non-ASCII characters that are not word characters become spaces, which
    changes no word; then, in the UTF-8, every byte that belongs to no word becomes a
    space (one ``bytes.translate``), and the words are what ``split`` leaves. A
    regular expression finding the words, and a string and an encoding per word,
    cost several times as much."""
    if _NON_ASCII_NON_WORD.search(normalized) is not None:
        encoded = _NON_ASCII_NON_WORD.sub(" ", normalized).encode("utf-8")
    return encoded.translate(_WORD_BYTES_ONLY).split()


def shingle_hashes(text: str, normalized: str | None = None) -> np.ndarray:
    """32-bit hashes of the distinct word 3-shingles of ``text``: each word hashed
    (CRC-32 of its UTF-8, stable across processes), three consecutive ones mixed.
    (The words are hashed by ``map`` over C functions: a loop or a table of the
    distinct words in Python costs several times as much.)"""
    normalized = normalized if normalized is not None else normalized_text(text)
    return np.unique(_shingle_codes(_word_bytes(normalized, normalized.encode())) & _MASK)


def _shingle_codes(words: list[bytes]) -> np.ndarray:
    """The hash of every word 3-shingle of a text's words (their UTF-8), in text order,
    repeats included, in the low 32 bits (the high ones are left as they fall)."""
    if not words:
        return np.empty(0, dtype=np.uint64)
    codes = np.fromiter(map(zlib.crc32, words), dtype=np.uint64, count=len(words))
    if len(codes) < SHINGLE_WORDS:
        codes = np.concatenate([codes, np.zeros(SHINGLE_WORDS - len(codes), dtype=np.uint64)])
    mixed = codes[:-2] * _MIX[0] + codes[1:-1] * _MIX[1] + codes[2:] * _MIX[2]
    mixed ^= mixed >> np.uint64(32)
    return mixed


# MurmurHash3's 32-bit finalizer (shifts and multipliers), which the "affine32" scheme
# applies to each input hash before its permutations.
_FMIX32 = (np.uint32(16), np.uint32(0x85EBCA6B), np.uint32(13), np.uint32(0xC2B2AE35),
           np.uint32(16))  # fmt: skip


def signature(text: str, normalized: str | None = None) -> bytes | None:
    """The MinHash signature of a text as bytes (None for a text with no words).

    Computed as datasketch's ``MinHash`` computes it under the "affine32" scheme (each
    shingle hash mixed by MurmurHash3's finalizer, then ``a * h + b`` modulo 2^32 for
    each of datasketch's permutations, the minimum kept), in a few array operations:
    through a ``MinHash`` object, which converts every hash to a Python integer and
    back, a page cost three times as much. A test holds the two equal."""
    normalized = normalized if normalized is not None else normalized_text(text)
    return _signature_of_words(_word_bytes(normalized, normalized.encode()))


def fingerprint(text: str) -> tuple[str, bytes | None]:
    """``(text_sha256(text), signature(text))``, normalizing and encoding the text once."""
    normalized = normalized_text(text)
    encoded = normalized.encode("utf-8")
    sha = hashlib.sha256(encoded).hexdigest()
    return sha, _signature_of_words(_word_bytes(normalized, encoded))


def _signature_of_words(words: list[bytes]) -> bytes | None:
    # Every shingle's hash, repeats included: a repeat cannot change a minimum, and
    # the few a page has cost less to hash again than sorting them out does.
    hashes = _shingle_codes(words)
    if not len(hashes):
        return None
    a, b = _permutations()
    mixed = hashes.astype(DTYPE)  # the low 32 bits: the shingle hash
    shift1, multiplier1, shift2, multiplier2, shift3 = _FMIX32
    mixed ^= mixed >> shift1
    mixed *= multiplier1
    mixed ^= mixed >> shift2
    mixed *= multiplier2
    mixed ^= mixed >> shift3
    permuted = np.multiply.outer(mixed, a)
    permuted += b
    return permuted.min(axis=0).tobytes()


@cache
def _permutations():
    """The permutation parameters of (NUM_PERM, SEED, SCHEME), computed once: making
    them costs more than hashing a page's shingles."""
    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME).permutations


def similarity(first: bytes, second: bytes) -> float:
    """Estimated Jaccard similarity of the texts behind two signatures."""
    a = np.frombuffer(first, dtype=DTYPE)
    b = np.frombuffer(second, dtype=DTYPE)
    return float(np.count_nonzero(a == b)) / len(a)


@dataclass(frozen=True)
class NearMatch:
    document_id: int
    candidate_id: int
    similarity: float


MAX_INDEXED_PER_CANDIDATE = 8


class NearDuplicateIndex:
    """MinHash LSH over stored documents: which known document a new text copies.

    Signatures are cut into ``b`` bands of ``r`` rows, with the (b, r) that datasketch's
    ``MinHashLSH`` chooses for the threshold; texts sharing a band are compared by
    their estimated Jaccard similarity. (The bands live in plain dictionaries:
    datasketch's storage layer cost more per insert than everything else here.)

    At most ``MAX_INDEXED_PER_CANDIDATE`` members of one candidate are indexed: a copy
    of a much-republished release still matches one of them, and a query's cost stays
    bounded by the number of distinct stories it resembles, not their copies."""

    def __init__(self, threshold: float = DEFAULT_THRESHOLD) -> None:
        self.threshold = threshold
        lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self.bands, self.rows = lsh.b, lsh.r
        width = self.rows * np.dtype(DTYPE).itemsize
        self._band_slices = tuple(slice(i * width, (i + 1) * width) for i in range(self.bands))
        self._tables: list[defaultdict[bytes, list[int]]] = [
            defaultdict(list) for _ in range(self.bands)
        ]
        self._entries: dict[int, tuple[int, bytes]] = {}
        self._per_candidate: dict[int, int] = {}

    def __len__(self) -> int:
        return len(self._entries)

    def _band_keys(self, sig: bytes) -> Iterator[bytes]:
        return map(sig.__getitem__, self._band_slices)

    def add(self, document_id: int, candidate_id: int, sig: bytes) -> None:
        if document_id in self._entries:
            return
        if self._per_candidate.get(candidate_id, 0) >= MAX_INDEXED_PER_CANDIDATE:
            return
        self._per_candidate[candidate_id] = self._per_candidate.get(candidate_id, 0) + 1
        self._entries[document_id] = (candidate_id, sig)
        for table, key in zip(self._tables, self._band_keys(sig), strict=True):
            table[key].append(document_id)

    def add_all(self, rows: Iterable[tuple[int, int, bytes]]) -> None:
        for document_id, candidate_id, sig in rows:
            self.add(document_id, candidate_id, sig)

    def move(self, document_ids: Iterable[int], candidate_id: int) -> None:
        """Record that these documents now belong to another candidate."""
        for document_id in document_ids:
            if document_id in self._entries:
                self._entries[document_id] = (candidate_id, self._entries[document_id][1])

    def _candidates(self, sig: bytes) -> set[int]:
        found: set[int] = set()
        # The bands looked up by ``map`` over ``dict.get``: most texts share no band
        # with any other, and a loop in Python cost more than the rest of the query.
        for documents in filter(None, map(dict.get, self._tables, self._band_keys(sig))):
            found.update(documents)
        return found

    def best_match(self, sig: bytes) -> NearMatch | None:
        """The most similar known document at or above the threshold, if any."""
        best: NearMatch | None = None
        for document_id in self._candidates(sig):
            candidate_id, known = self._entries[document_id]
            score = similarity(sig, known)
            if score < self.threshold:
                continue
            if best is None or (score, -document_id) > (best.similarity, -best.document_id):
                best = NearMatch(document_id, candidate_id, score)
        return best


@dataclass(frozen=True)
class Member:
    """What the choice of a representative looks at."""

    id: int
    official: bool
    kind: str  # page | feed_entry
    published: dt.date | None


def representative_key(member: Member) -> tuple:
    """Official sources first, then full pages over feed entries, then the earliest
    published, then the first stored."""
    return (
        not member.official,
        member.kind != "page",
        member.published or dt.date.max,
        member.id,
    )


def choose_representative(members: Sequence[Member]) -> int:
    """The id of the member that stands for the cluster."""
    if not members:
        raise ValueError("a cluster has at least one member")
    return min(members, key=representative_key).id
