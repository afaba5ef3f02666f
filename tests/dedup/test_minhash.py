"""Near-duplicate detection on hand-written texts: edited copies match, rival stories do not."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).parent))

from dedup_texts import EDITED, OTHER, REPUBLISHED, RIVAL, STORY, TRUNCATED

from multivector.dedup import (
    NearDuplicateIndex,
    jaccard,
    normalise,
    shingles,
    signature,
    signature_from_bytes,
    signature_to_bytes,
    story_groups,
)


def test_normalise_ignores_case_punctuation_and_spacing() -> None:
    messy = "Kazakhstan's  FOREIGN\nMinister, said:"
    assert normalise(messy) == normalise("kazakhstan s foreign minister said")


def test_short_text_is_one_shingle_and_empty_text_has_no_signature() -> None:
    assert shingles("Astana and Beijing") == {"astana and beijing"}
    assert signature("  ... \n") is None


@pytest.mark.parametrize("copy", [REPUBLISHED, EDITED, TRUNCATED], ids=["republished", "edited", "truncated"])
def test_edited_copies_match_the_original(copy: str) -> None:
    index = NearDuplicateIndex()
    assert index.add("story", STORY) is None
    assert index.add("copy", copy) == "story"


@pytest.mark.parametrize("text", [RIVAL, OTHER], ids=["rival", "other"])
def test_different_stories_on_the_same_topic_do_not_match(text: str) -> None:
    index = NearDuplicateIndex()
    index.add("story", STORY)
    assert index.add("other", text) is None
    sim = jaccard(signature(STORY), signature(text))
    assert sim < 0.35, sim


def test_first_earlier_copy_wins_when_several_match() -> None:
    index = NearDuplicateIndex()
    index.add("first", STORY)
    assert index.add("second", EDITED) == "first"
    assert index.add("third", REPUBLISHED) == "first"


def test_empty_texts_are_never_duplicates_of_each_other() -> None:
    index = NearDuplicateIndex()
    assert index.add("a", "") is None
    assert index.add("b", "   ") is None
    assert len(index) == 0


def test_signatures_survive_bytes_and_rebuild_the_same_index() -> None:
    sigs = {k: signature(t) for k, t in [("story", STORY), ("rival", RIVAL)]}
    blobs = {k: signature_to_bytes(s) for k, s in sigs.items()}
    assert all(len(b) == 128 * 4 for b in blobs.values())
    restored = {k: signature_from_bytes(b) for k, b in blobs.items()}
    assert all(np.array_equal(sigs[k], restored[k]) for k in sigs)

    rebuilt = NearDuplicateIndex()
    rebuilt.insert_many(restored.items())
    match = rebuilt.query(signature(EDITED))
    assert match is not None and match.article_id == "story"
    assert 0.7 <= match.similarity <= 1.0


def test_signature_length_mismatch_is_rejected() -> None:
    with pytest.raises(ValueError, match="slots"):
        NearDuplicateIndex().insert("x", signature(STORY, num_perm=64))


def test_story_groups_follow_chains_and_name_the_first_article() -> None:
    links = [("a", None), ("b", "a"), ("c", "b"), ("d", None), ("e", "d"), ("f", None)]
    groups = story_groups(links)
    assert groups == {"a": "a", "b": "a", "c": "a", "d": "d", "e": "d", "f": "f"}


def test_story_groups_include_link_targets_seen_only_as_targets() -> None:
    assert story_groups([("b", "a")]) == {"b": "b", "a": "b"}
    assert story_groups([("x", "x")]) == {"x": "x"}
