"""Similar articles: text similarity, coded-feature Jaccard, and their documented mix."""

from __future__ import annotations

import pytest

from multivector.analysis.similar import similar_articles
from multivector.errors import UsageError

GAS = "Belarus and Russia signed a long gas supply agreement in Minsk on Tuesday, officials said."


def _articles(b):
    b.article("q", "2024-01-01", title="Gas deal", text=GAS)
    b.article("s1", "2024-01-02", title="Gas deal signed", text=GAS.replace("Tuesday", "Wednesday"))
    b.article("s2", "2024-01-02", title="Газ", text="Минск и Москва подписали соглашение о поставках газа.")
    b.article("s3", "2024-01-03", title="Football", text="The local team won the cup final after penalties.")
    b.article("dup", "2024-01-01", title="Gas deal", text=GAS, duplicate_of="q")
    for aid in ("q", "s2", "dup"):
        b.mention(aid, "BLR")
        b.mention(aid, "RUS")
        b.event(aid, "BLR", "RUS", cameo="061")
    b.mention("s1", "BLR")


def test_similar_ranks_text_and_coded_overlap(store):
    con, b = store
    _articles(b)
    rows = similar_articles(con, "q", k=5)
    assert [r["article_id"] for r in rows] == ["s1", "s2", "s3"]  # the duplicate is left out
    s1, s2, s3 = rows
    assert s1["text_similarity"] > 0.7 and s3["text_similarity"] == 0.0
    # q has {actor:BLR, actor:RUS, event:BLR>RUS:06}; s1 only {actor:BLR}
    assert s1["jaccard"] == pytest.approx(1 / 3)
    assert s2["jaccard"] == 1.0 and s2["shared"] == ["actor:BLR", "actor:RUS", "event:BLR>RUS:06"]
    assert s2["score"] == pytest.approx(0.6 * s2["text_similarity"] + 0.4)
    only_codes = similar_articles(con, "q", k=1, alpha=0.0)
    assert only_codes[0]["article_id"] == "s2"
    with_dups = similar_articles(con, "q", k=1, include_duplicates=True)
    assert with_dups[0]["article_id"] == "dup" and with_dups[0]["score"] == pytest.approx(1.0)


def test_similar_pool_limit_and_errors(store):
    con, b = store
    _articles(b)
    # a pool of one keeps the candidate with the most shared coded features
    assert [r["article_id"] for r in similar_articles(con, "q", max_pool=1)] == ["s2"]
    with pytest.raises(UsageError):
        similar_articles(con, "nope")
    with pytest.raises(UsageError):
        similar_articles(con, "q", alpha=2)


def test_index_gives_the_same_rows_as_the_pool_search(store):
    from multivector.analysis.similar import SimilarIndex

    con, b = store
    _articles(b)
    index = SimilarIndex(con)
    assert len(index) == 5
    for aid in ("q", "s1", "s2", "dup"):
        for kw in ({}, {"alpha": 0.0}, {"include_duplicates": True}):
            got, want = index.query(aid, k=5, **kw), similar_articles(con, aid, k=5, **kw)
            assert [r["article_id"] for r in got] == [r["article_id"] for r in want]
            # IDF is fitted over the whole store, the pool search's over its pool: equal when the
            # pool is the whole store (duplicates kept), close otherwise
            tol = 1e-6 if kw.get("include_duplicates") else 0.05
            for g, w in zip(got, want, strict=True):
                assert g["score"] == pytest.approx(w["score"], abs=tol)
                assert g["jaccard"] == pytest.approx(w["jaccard"])
                assert g["shared"] == w["shared"]
    with pytest.raises(UsageError):
        index.query("nope")


def test_index_leaves_out_siblings_and_parents_as_the_pool_search_does(store):
    """Two copies of one article, and two copies of an article the store no longer has."""
    from multivector.analysis.similar import SimilarIndex

    con, b = store
    _articles(b)
    b.article("dup2", "2024-01-01", title="Gas deal", text=GAS + " Updated.", duplicate_of="q")
    for aid in ("orph1", "orph2"):
        b.article(aid, "2024-01-04", title="Gas deal", text=GAS, duplicate_of="gone")
    index = SimilarIndex(con)
    for aid in ("q", "dup", "dup2", "orph1", "s1"):
        got = [r["article_id"] for r in index.query(aid, k=8)]
        assert got == [r["article_id"] for r in similar_articles(con, aid, k=8)]
    assert not {"q", "dup2"} & {r["article_id"] for r in index.query("dup", k=8)}
    assert "orph2" not in {r["article_id"] for r in index.query("orph1", k=8)}
    assert "orph2" in {r["article_id"] for r in index.query("orph1", k=8, include_duplicates=True)}


def test_index_keeps_only_the_heaviest_terms(store):
    from multivector.analysis.similar import SimilarIndex

    con, b = store
    _articles(b)
    small = SimilarIndex(con, terms=3)
    assert max(small.text.getnnz(axis=1)) == 3
    # the text that shares most words still ranks first on the few terms kept
    assert small.query("q", k=1, alpha=1.0)[0]["article_id"] == "s1"
