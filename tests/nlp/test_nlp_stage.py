from pathlib import Path

from multivector.nlp import Prefilter, ResultCache, content_key, get_nlp, split_sentences


def test_split_keeps_offsets_and_abbreviations():
    text = "Mr. Smith met the U.S. envoy in Minsk. Then he left!\n\nSimilar articles"
    sents = split_sentences(text)
    assert [s.text for s in sents] == [
        "Mr. Smith met the U.S. envoy in Minsk.",
        "Then he left!",
        "Similar articles",
    ]
    for s in sents:
        assert text[s.start : s.end] == s.text


def test_prefilter_needs_trigger_and_actor():
    pre = Prefilter(["visit", "meet", "sign"])
    assert pre.keep("Lukashenko visited Ashgabat.")
    assert pre.keep("The presidents met on Monday.")  # irregular form
    assert not pre.keep("the weather was fine in the morning.")
    assert not pre.keep("Prices rose sharply.")


def test_pipeline_is_shared():
    assert get_nlp() is get_nlp()


def test_cache_roundtrip_and_corruption(tmp_path: Path):
    cache = ResultCache(tmp_path)
    key = content_key("a", "b")
    assert key != content_key("ab", "")
    assert cache.get(key) is None
    cache.put(key, {"x": [1, 2]})
    assert cache.get(key) == {"x": [1, 2]}
    path = next(tmp_path.rglob("*.pkl"))
    path.write_bytes(b"garbage")
    assert cache.get(key) is None


def test_a_text_without_punctuation_is_cut_into_parseable_pieces():
    from multivector.coding import code_text
    from multivector.nlp.sentences import MAX_SENTENCE, split_sentences

    words = "Poland signed an energy agreement with Lithuania and the talks went well "
    text = words * 30_000  # ~2.2 MB in one "sentence": spaCy alone refuses over 1,000,000 characters
    pieces = split_sentences(text)
    assert len(pieces) > 1000 and max(len(p.text) for p in pieces) <= MAX_SENTENCE
    assert all(text[p.start : p.end] == p.text for p in pieces)  # offsets still point into the text
    assert "".join(p.text for p in pieces).replace(" ", "") == text.replace(" ", "")  # nothing lost
    events = code_text(text[:60_000])
    assert events and all(e.source.country == "POL" for e in events)
