"""Near-duplicate detection: MinHash signatures over word shingles, candidates from MinHashLSH.

Why these settings:

* **5-word shingles of the normalised text** (NFKC, case-folded, ``\\w+`` tokens, so punctuation,
  whitespace and markup leftovers do not matter). Single words or 2–3-word shingles make two different
  stories on the same topic look alike (same names, same stock phrases: "the Ministry of Foreign
  Affairs said"); 5-word windows are specific to the wording of one text, yet one edited word only
  disturbs 5 shingles, so a re-published copy with a changed headline, dateline or a corrected sentence
  still shares most of them.
* **Jaccard threshold 0.7** with **128 permutations**: a wire story re-run with a few edits, a
  different boilerplate footer or a dropped paragraph scores 0.75–0.95; distinct stories about the same
  event score below 0.3 on 5-word shingles (see ``tests/dedup``). 0.7 leaves room for the ~±0.04
  standard error of a 128-permutation estimate on either side.
* **LSH tuned for recall** (false-negative weight 0.9 → 20 bands of 6 rows): a pair at Jaccard 0.7
  becomes a candidate with probability ~0.92, at 0.8 ~0.998 (datasketch's balanced default, 14×9,
  gives only 0.44 and 0.87). The extra false candidates cost one vector comparison each, because
  every candidate is checked against the estimated Jaccard: the threshold, not the banding, decides.
* Signatures are plain ``uint32`` arrays (512 bytes at 128 permutations) so the store can persist them
  and rebuild the index on the next run without re-reading article texts. The datasketch permutation
  scheme is pinned (``affine32``, datasketch ≥ 2.0) because stored signatures are only comparable with
  new ones computed the same way.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np

NUM_PERM = 128
SHINGLE_SIZE = 5
THRESHOLD = 0.7
SEED = 1
SCHEME = "affine32"
LSH_WEIGHTS = (0.1, 0.9)  # (false positive, false negative): favour recall, candidates are verified
_DTYPE = np.dtype("<u4")

_WORD = re.compile(r"\w+")


def normalise(text: str) -> list[str]:
    """Word tokens that survive re-formatting: NFKC, case-folded, punctuation and spacing dropped."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def shingles(text: str, size: int = SHINGLE_SIZE) -> set[str]:
    """The set of ``size``-word windows; a text shorter than one window is a single shingle."""
    words = normalise(text)
    if not words:
        return set()
    if len(words) <= size:
        return {" ".join(words)}
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


@lru_cache(maxsize=4)
def _permutations(num_perm: int) -> tuple[np.ndarray, np.ndarray]:
    """Permutation parameters, generated once: datasketch would redo it for every MinHash (~0.2 ms)."""
    from datasketch import MinHash  # imported on use: it pulls in scipy (~0.7 s) for every CLI start

    return MinHash(num_perm=num_perm, seed=SEED, scheme=SCHEME).permutations


def signature(text: str, num_perm: int = NUM_PERM, shingle_size: int = SHINGLE_SIZE) -> np.ndarray | None:
    """MinHash signature of ``text`` as a ``uint32`` array, or None when the text has no words.

    Empty texts get no signature because all empty MinHashes are identical and would otherwise be
    linked to each other as duplicates.
    """
    from datasketch import MinHash

    sh = shingles(text, shingle_size)
    if not sh:
        return None
    m = MinHash(num_perm=num_perm, seed=SEED, scheme=SCHEME, permutations=_permutations(num_perm))
    m.update_batch([s.encode("utf-8") for s in sh])
    return m.hashvalues.astype(np.uint32, copy=True)


def signature_to_bytes(sig: np.ndarray) -> bytes:
    """Little-endian bytes for a BLOB column (platform independent)."""
    return np.asarray(sig, dtype=_DTYPE).tobytes()


def signature_from_bytes(data: bytes) -> np.ndarray:
    """Inverse of :func:`signature_to_bytes`."""
    return np.frombuffer(data, dtype=_DTYPE).astype(np.uint32)


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures: the share of equal MinHash slots."""
    return float(np.count_nonzero(a == b)) / len(a)


@dataclass(frozen=True, slots=True)
class Match:
    """An earlier indexed article that a new one duplicates, with the estimated similarity."""

    article_id: str
    similarity: float


class NearDuplicateIndex:
    """In-memory LSH index of article signatures that answers "which earlier article is this a copy of?".

    Insertion order is remembered so that, when several earlier articles match, the *first* one wins:
    the result then does not depend on LSH bucket order and is the same whether the index was built
    in one run or rebuilt from the store across several runs.
    """

    def __init__(
        self, threshold: float = THRESHOLD, num_perm: int = NUM_PERM, shingle_size: int = SHINGLE_SIZE
    ) -> None:
        self.threshold = threshold
        self.num_perm = num_perm
        self.shingle_size = shingle_size
        from datasketch import MinHashLSH

        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm, weights=LSH_WEIGHTS)
        self._sigs: dict[str, np.ndarray] = {}
        self._seq: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self._sigs)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._sigs

    @staticmethod
    def _minhash(sig: np.ndarray) -> Any:
        # LeanMinHash carries only hash values: all LSH needs, without re-creating permutations.
        from datasketch import LeanMinHash

        return LeanMinHash(seed=SEED, hashvalues=sig, scheme=SCHEME)

    def signature(self, text: str) -> np.ndarray | None:
        """Signature with this index's settings (see :func:`signature`)."""
        return signature(text, self.num_perm, self.shingle_size)

    def query(self, sig: np.ndarray | None) -> Match | None:
        """The earliest indexed article whose estimated Jaccard with ``sig`` reaches the threshold."""
        if sig is None or not self._sigs:
            return None
        best: tuple[int, str, float] | None = None
        for key in self._lsh.query(self._minhash(sig)):
            sim = jaccard(sig, self._sigs[key])
            if sim >= self.threshold and (best is None or self._seq[key] < best[0]):
                best = (self._seq[key], key, sim)
        return None if best is None else Match(best[1], best[2])

    def insert(self, article_id: str, sig: np.ndarray | None) -> None:
        """Index ``sig`` under ``article_id``; ids without a signature or already present are skipped."""
        if sig is None or article_id in self._sigs:
            return
        if len(sig) != self.num_perm:
            raise ValueError(f"signature of {article_id} has {len(sig)} slots, expected {self.num_perm}")
        self._lsh.insert(article_id, self._minhash(sig))
        self._sigs[article_id] = sig
        self._seq[article_id] = len(self._seq)

    def insert_many(self, items: Iterable[tuple[str, np.ndarray | None]]) -> None:
        """Bulk :meth:`insert` in the given order (used to rebuild from stored signatures)."""
        for article_id, sig in items:
            self.insert(article_id, sig)

    def add_signature(self, article_id: str, sig: np.ndarray | None) -> Match | None:
        """Query, then insert: the match among *earlier* articles, if any."""
        match = self.query(sig)
        self.insert(article_id, sig)
        return match

    def add(self, article_id: str, text: str) -> str | None:
        """Index ``text``; return the id of the first earlier article it near-duplicates, else None."""
        match = self.add_signature(article_id, self.signature(text))
        return None if match is None else match.article_id


def story_groups(links: Iterable[tuple[str, str | None]]) -> dict[str, str]:
    """Group id for every article: connected components over duplicate links, named by their first article.

    ``links`` are ``(article_id, duplicate_of)`` pairs, oldest article first. Links are followed in both
    directions, so chains of edits (B copies A, C copies B) and copies of copies end up in one story
    even when C is no longer similar enough to A to be linked directly.
    """
    parent: dict[str, str] = {}
    order: dict[str, int] = {}

    def find(x: str) -> str:
        root = x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    def add(x: str) -> None:
        if x not in parent:
            parent[x] = x
            order[x] = len(order)

    pairs = list(links)
    for article_id, _ in pairs:
        add(article_id)
    for article_id, dup in pairs:
        if dup is None or dup == article_id:
            continue
        add(dup)
        ra, rb = find(article_id), find(dup)
        if ra != rb:
            if order[rb] < order[ra]:
                ra, rb = rb, ra
            parent[rb] = ra
    return {x: find(x) for x in parent}
