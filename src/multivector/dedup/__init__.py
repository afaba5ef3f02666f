"""dedup stage: MinHash/LSH near-duplicate detection and story grouping."""

from multivector.dedup.minhash import (
    NUM_PERM,
    SHINGLE_SIZE,
    THRESHOLD,
    Match,
    NearDuplicateIndex,
    jaccard,
    normalise,
    shingles,
    signature,
    signature_from_bytes,
    signature_to_bytes,
    story_groups,
)

__all__ = [
    "NUM_PERM",
    "SHINGLE_SIZE",
    "THRESHOLD",
    "Match",
    "NearDuplicateIndex",
    "jaccard",
    "normalise",
    "shingles",
    "signature",
    "signature_from_bytes",
    "signature_to_bytes",
    "story_groups",
]
