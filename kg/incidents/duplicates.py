"""Near-duplicate documents: MinHash signatures over word shingles, found through LSH bands.

A syndicated copy or a republication (a new headline, a line added or cut) shares most
of its word 4-grams with the original, while two outlets telling one story in their own
words share almost none. Each document's MinHash signature is cut into ``bands``; two
documents are candidates when one band is equal, and near-duplicates when their
estimated Jaccard similarity of shingles reaches :data:`NEAR_DUPLICATE_THRESHOLD`.
The bands are looked up in an index (:mod:`kg.incidents.index`), so finding the
candidates of a new document costs the same at 100 or 100,000 stored documents.

>>> a = signature("A car bomb exploded at a market in Baidoa on Friday, killing 12 people, police said.")
>>> b = signature("A car bomb exploded at a market in Baidoa on Friday, killing 12 people, police said. "
...               "Traders said security was weak.")
>>> c = signature("Twelve people died when a bomb hidden in a car went off in a market in Baidoa.")
>>> similarity(a, b) >= NEAR_DUPLICATE_THRESHOLD, similarity(a, c) < NEAR_DUPLICATE_THRESHOLD
(True, True)
>>> len(band_keys(a)) == BANDS
True
"""

from __future__ import annotations

import re
import unicodedata

import numpy as np
from datasketch import MinHash, MinHashLSH

# Word n-grams: 4 words keep formulaic news sentences ("... killing four people, police said")
# of two different stories apart, and a copy with a line added still shares most of them.
SHINGLE_WORDS = 4
PERMUTATIONS = 128
# Estimated Jaccard similarity of shingles from which a document counts as a copy. Measured
# (benchmarks/README.md, "Near-duplicate threshold"): copies with a word changed or a line
# added or cut scored 0.45-1.0 on the test reports and their edited variants; different
# reports of one story, and formulaic reports of different stories, at most 0.19.
NEAR_DUPLICATE_THRESHOLD = 0.4
SEED = 1

# datasketch chooses the bands (b) and rows (r) that minimise false negatives and positives
# around the threshold; only its band layout is used, the buckets live in the index.
_LAYOUT = MinHashLSH(threshold=NEAR_DUPLICATE_THRESHOLD, num_perm=PERMUTATIONS)
BANDS = _LAYOUT.b
HASH_RANGES = _LAYOUT.hashranges


def words(text: str) -> list[str]:
    """Lower-cased words of ``text`` (NFKC, punctuation dropped)."""
    return re.findall(r"\w+", unicodedata.normalize("NFKC", text).casefold())


def shingles(text: str) -> set[bytes]:
    """The word ``SHINGLE_WORDS``-grams of ``text`` (the whole text when it is shorter)."""
    tokens = words(text)
    n = min(SHINGLE_WORDS, len(tokens)) or 1
    return {" ".join(tokens[i : i + n]).encode("utf-8") for i in range(max(len(tokens) - n + 1, 1))}


_EMPTY = MinHash(num_perm=PERMUTATIONS, seed=SEED)


def signature(text: str) -> np.ndarray:
    """The MinHash signature of ``text`` (``PERMUTATIONS`` unsigned 64-bit values)."""
    minhash = _EMPTY.copy()  # a new MinHash would draw its permutations again
    minhash.update_batch(sorted(shingles(text)))
    return minhash.hashvalues.astype(np.uint64)


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures' shingle sets."""
    return float(np.count_nonzero(a == b)) / len(a)


def band_keys(sig: np.ndarray) -> list[bytes]:
    """One key per band: two documents sharing any key are candidate near-duplicates."""
    return [sig[start:end].tobytes() for start, end in HASH_RANGES]


def to_bytes(sig: np.ndarray) -> bytes:
    return sig.astype(np.uint64).tobytes()


def from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype=np.uint64)
