"""Exact and near-duplicate detection, and the choice of a cluster's representative.

Pure apart from ``NearDuplicateIndex``, an in-memory MinHash LSH index that a run
builds from the signatures already stored and grows as it adds documents.

A text is reduced to word 3-shingles (lower-cased, accents kept, numbers kept); two
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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
SEED = 1
# Pinned so stored signatures stay comparable across datasketch versions.
SCHEME = "affine32"
DTYPE = np.uint32
SHINGLE_WORDS = 3
DEFAULT_THRESHOLD = 0.5
_WORD = re.compile(r"\w+", re.UNICODE)


def normalized_text(text: str) -> str:
    """Lower-cased, NFC-normalized, whitespace-collapsed text: what hashes compare."""
    text = unicodedata.normalize("NFC", text).lower()
    return " ".join(text.split())


def text_sha256(text: str) -> str:
    return hashlib.sha256(normalized_text(text).encode("utf-8")).hexdigest()


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    words = _WORD.findall(normalized_text(text))
    if len(words) < size:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


def signature(text: str) -> bytes | None:
    """The MinHash signature of a text as bytes (None for a text with no words)."""
    grams = shingles(text)
    if not grams:
        return None
    minhash = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)
    minhash.update_batch(list(grams))
    return minhash.hashvalues.astype(DTYPE).tobytes()


def _minhash(sig: bytes) -> MinHash:
    values = np.frombuffer(sig, dtype=DTYPE)
    return MinHash(num_perm=NUM_PERM, seed=SEED, hashvalues=values, scheme=SCHEME)


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


class NearDuplicateIndex:
    """MinHash LSH over stored documents: which known document a new text copies."""

    def __init__(self, threshold: float = DEFAULT_THRESHOLD) -> None:
        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._entries: dict[int, tuple[int, bytes]] = {}

    def __len__(self) -> int:
        return len(self._entries)

    def add(self, document_id: int, candidate_id: int, sig: bytes) -> None:
        if document_id in self._entries:
            return
        self._entries[document_id] = (candidate_id, sig)
        self._lsh.insert(document_id, _minhash(sig))

    def add_all(self, rows: Iterable[tuple[int, int, bytes]]) -> None:
        for document_id, candidate_id, sig in rows:
            self.add(document_id, candidate_id, sig)

    def move(self, document_ids: Iterable[int], candidate_id: int) -> None:
        """Record that these documents now belong to another candidate."""
        for document_id in document_ids:
            if document_id in self._entries:
                self._entries[document_id] = (candidate_id, self._entries[document_id][1])

    def best_match(self, sig: bytes) -> NearMatch | None:
        """The most similar known document at or above the threshold, if any."""
        best: NearMatch | None = None
        for document_id in self._lsh.query(_minhash(sig)):
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
