"""Similar articles: "what else did we store about this?" for one article.

Score (documented in ``analysis/README.md``)::

    score = alpha * cos_tfidf + (1 - alpha) * jaccard          (alpha = 0.6 by default)

* ``cos_tfidf``: cosine similarity of TF-IDF vectors (sublinear tf, word uni- and bigrams, IDF over the
  candidate pool).  Catches articles that tell the same story in similar words.
* ``jaccard``: |A ∩ B| / |A ∪ B| over each article's *coded* features: the actors it mentions
  (``actor:<id or country>``) and the dyad-types of its events (``event:<src>><tgt>:<root>``).  Catches
  the same story told in other words or another language, where TF-IDF sees nothing.

Text vectors use scikit-learn's ``HashingVectorizer`` so texts stream from DuckDB in batches rather
than being loaded at once; when the store holds more than ``max_pool`` articles, the pool is cut to
those sharing the most coded features with the query (then the most recent), which keeps the cost
bounded and loses only candidates with no coded overlap at all.
"""

from __future__ import annotations

from typing import Any

from multivector.analysis._sql import fetch_dicts
from multivector.errors import UsageError

_FEATURES = """
    feats AS (
        SELECT article_id, 'actor:' || coalesce(actor_id, country) AS f FROM mentions
        WHERE coalesce(actor_id, country) IS NOT NULL
        UNION
        SELECT article_id, 'event:' || coalesce(source_actor_id, source_country, '?') || '>' ||
               coalesce(target_actor_id, target_country, '-') || ':' || coalesce(root, substr(cameo, 1, 2))
        FROM events
    )
"""


def similar_articles(
    con: Any,
    article_id: str,
    k: int = 10,
    *,
    alpha: float = 0.6,
    max_pool: int = 20000,
    include_duplicates: bool = False,
    batch: int = 2000,
) -> list[dict[str, Any]]:
    """The ``k`` stored articles most similar to ``article_id`` (see the module docstring for the score).

    Rows, best first: ``article_id``, ``title``, ``date``, ``score``, ``text_similarity``, ``jaccard``,
    ``shared`` (the coded features both articles have, sorted).  Near-duplicate copies of the query
    (``duplicate_of`` either way) are left out unless ``include_duplicates``: they are the same article.
    """
    import numpy as np
    from scipy import sparse
    from sklearn.feature_extraction.text import HashingVectorizer, TfidfTransformer
    from sklearn.preprocessing import normalize

    if not 0.0 <= alpha <= 1.0:
        raise UsageError("alpha must be between 0 and 1")
    found = con.execute("SELECT duplicate_of FROM articles WHERE id = ?", [article_id]).fetchall()
    if not found:
        raise UsageError(f"no article with id {article_id!r}")
    dup_clause = (
        ""
        if include_duplicates
        else (
            "AND a.duplicate_of IS DISTINCT FROM ? AND a.id IS DISTINCT FROM ?::VARCHAR"
            " AND (?::VARCHAR IS NULL OR a.duplicate_of IS DISTINCT FROM ?::VARCHAR)"
        )
    )
    parent = found[0][0]
    dup_params = [] if include_duplicates else [article_id, parent, parent, parent]
    pool_sql = f"""
        WITH {_FEATURES},
        q AS (SELECT f FROM feats WHERE article_id = ?),
        overlap AS (SELECT article_id, count(*) AS n FROM feats WHERE f IN (SELECT f FROM q) GROUP BY 1)
        SELECT a.id FROM articles a LEFT JOIN overlap o ON o.article_id = a.id
        WHERE a.id <> ? {dup_clause}
        ORDER BY coalesce(o.n, 0) DESC, a.date DESC NULLS LAST, a.id LIMIT ?
    """
    params = [article_id, article_id, *dup_params, int(max_pool)]
    pool = [r[0] for r in con.execute(pool_sql, params).fetchall()]
    if not pool:
        return []
    ids = [article_id, *pool]
    vec = HashingVectorizer(
        n_features=2**20, alternate_sign=False, norm=None, ngram_range=(1, 2), lowercase=True
    )
    # the pool travels as a list parameter: nothing is created, so read-only stores work too
    pool_cte = (
        "_pool AS (SELECT unnest(range(len(l))) AS pos, unnest(l) AS id FROM (SELECT ?::VARCHAR[] AS l))"
    )
    cur = con.execute(
        f"WITH {pool_cte} SELECT coalesce(a.title, '') || chr(10) || coalesce(a.text, '')"
        " FROM _pool p JOIN articles a ON a.id = p.id ORDER BY p.pos",
        [ids],
    )
    parts = []
    while rows := cur.fetchmany(batch):
        parts.append(vec.transform([r[0] for r in rows]))
    feats = fetch_dicts(
        con,
        f"""
        WITH {_FEATURES}, {pool_cte}
        SELECT p.pos, list(DISTINCT f.f ORDER BY f.f) AS fs
        FROM _pool p JOIN feats f ON f.article_id = p.id GROUP BY p.pos
    """,
        [ids],
    )
    meta = {
        r[0]: (r[1], r[2])
        for r in con.execute(
            f"WITH {pool_cte} SELECT p.pos, a.title, a.date FROM _pool p JOIN articles a ON a.id = p.id",
            [ids],
        ).fetchall()
    }
    counts = sparse.vstack(parts).tocsr()
    tfidf = normalize(TfidfTransformer(sublinear_tf=True).fit_transform(counts))
    cos = np.asarray((tfidf[1:] @ tfidf[0].T).todense()).ravel()
    sets = {r["pos"]: set(r["fs"]) for r in feats}
    mine = sets.get(0, set())
    out = []
    for i, aid in enumerate(pool, start=1):
        other = sets.get(i, set())
        union = mine | other
        jac = len(mine & other) / len(union) if union else 0.0
        text = float(cos[i - 1])
        out.append(
            {
                "article_id": aid,
                "title": meta[i][0],
                "date": meta[i][1],
                "score": alpha * text + (1 - alpha) * jac,
                "text_similarity": text,
                "jaccard": jac,
                "shared": sorted(mine & other),
            }
        )
    out.sort(key=lambda r: (-r["score"], r["article_id"]))
    return out[: max(0, int(k))]


#: terms kept per article in a :class:`SimilarIndex` (its largest TF-IDF weights); bounds its memory
INDEX_TERMS = 256


class SimilarIndex:
    """Every stored article's TF-IDF vector and coded-feature set, built once, queried in milliseconds.

    Why: :func:`similar_articles` vectorises its whole candidate pool for each query, hundreds of
    milliseconds on a large store, which a dashboard serving many article pages cannot afford. The
    index scores every article against the query with two sparse products, with the same score as
    :func:`similar_articles` except that IDF is fitted over the whole store and each vector keeps only
    its ``terms`` heaviest terms (re-normalised), so memory is at most articles x ``terms`` weights.
    The index describes the store at build time: build a new one after the store changes.
    """

    def __init__(self, con: Any, *, terms: int = INDEX_TERMS, batch: int = 2000) -> None:
        import numpy as np
        from scipy import sparse
        from sklearn.feature_extraction.text import HashingVectorizer, TfidfTransformer
        from sklearn.preprocessing import normalize

        meta = con.execute("SELECT id, title, date, duplicate_of FROM articles ORDER BY id").fetchall()
        self.ids = [r[0] for r in meta]
        self.meta = {r[0]: (r[1], r[2], r[3]) for r in meta}
        self.pos = {aid: i for i, aid in enumerate(self.ids)}
        # each article's duplicate parent as a number (its row; a parent not in the store gets a code of
        # its own below -1; -1 is none): the per-query sibling filter then compares integers, not strings
        missing: dict[str, int] = {}
        parents = []
        for r in meta:
            if not r[3]:
                parents.append(-1)
            elif r[3] in self.pos:
                parents.append(self.pos[r[3]])
            else:
                parents.append(missing.setdefault(r[3], -2 - len(missing)))
        self.parent = np.array(parents, dtype=np.int64)
        vec = HashingVectorizer(
            n_features=2**20, alternate_sign=False, norm=None, ngram_range=(1, 2), lowercase=True
        )
        cur = con.execute(
            "SELECT coalesce(title, '') || chr(10) || coalesce(text, '') FROM articles ORDER BY id"
        )
        parts = []
        while rows := cur.fetchmany(batch):
            parts.append(vec.transform([r[0] for r in rows]))
        n = len(self.ids)
        counts = sparse.vstack(parts).tocsr() if parts else sparse.csr_matrix((0, 2**20))
        tfidf = normalize(TfidfTransformer(sublinear_tf=True).fit_transform(counts)).tocsr()
        self.text = normalize(_top_terms(tfidf, terms)).astype(np.float32).tocsr()
        self.text_t = self.text.T.tocsr()  # term-major: one query row times it scores every article
        names: dict[str, int] = {}
        rows_i, cols_i = [], []
        for aid, f in con.execute(f"WITH {_FEATURES} SELECT article_id, f FROM feats").fetchall():
            if aid in self.pos:
                rows_i.append(self.pos[aid])
                cols_i.append(names.setdefault(f, len(names)))
        self.feature_names = np.array(sorted(names, key=names.__getitem__), dtype=object)
        ones = np.ones(len(rows_i), dtype=np.float32)
        feats = sparse.csr_matrix((ones, (rows_i, cols_i)), shape=(n, max(1, len(names))))
        feats.data[:] = 1.0  # a feature listed twice for one article still counts once
        self.feats, self.feats_t = feats, feats.T.tocsr()
        self.sizes = np.asarray(feats.sum(axis=1)).ravel()

    def __len__(self) -> int:
        return len(self.ids)

    def query(
        self, article_id: str, k: int = 10, *, alpha: float = 0.6, include_duplicates: bool = False
    ) -> list[dict[str, Any]]:
        """The ``k`` most similar articles, in the rows and order of :func:`similar_articles`."""
        import numpy as np

        if not 0.0 <= alpha <= 1.0:
            raise UsageError("alpha must be between 0 and 1")
        i = self.pos.get(article_id)
        if i is None:
            raise UsageError(f"no article with id {article_id!r}")
        text = (self.text[i] @ self.text_t).toarray().ravel()
        inter = (self.feats[i] @ self.feats_t).toarray().ravel()
        union = self.sizes[i] + self.sizes - inter
        jac = np.divide(inter, union, out=np.zeros_like(inter), where=union > 0)
        score = alpha * text + (1 - alpha) * jac
        keep = np.ones(len(self.ids), dtype=bool)
        keep[i] = False
        if not include_duplicates:
            parent = self.parent[i]
            keep &= self.parent != i
            if parent != -1:
                keep &= self.parent != parent
                if parent >= 0:
                    keep[parent] = False
        cand = np.flatnonzero(keep)
        if not len(cand) or k <= 0:
            return []
        # a generous head by score, then the exact (score, id) order of similar_articles within it
        head = min(len(cand), max(k * 4, k + 16))
        top = cand[np.argpartition(-score[cand], head - 1)[:head]]
        out = []
        for j in top:
            aid = self.ids[j]
            title, date, _ = self.meta[aid]
            out.append(
                {
                    "article_id": aid,
                    "title": title,
                    "date": date,
                    "score": float(score[j]),
                    "text_similarity": float(text[j]),
                    "jaccard": float(jac[j]),
                    "row": j,
                }
            )
        out.sort(key=lambda r: (-r["score"], r["article_id"]))
        out = out[:k]
        mine = set(_row_of(self.feats, i).tolist())
        for r in out:  # only for the rows shown: the feature names both articles have
            both = mine.intersection(_row_of(self.feats, r.pop("row")).tolist())
            r["shared"] = sorted(self.feature_names[list(both)].tolist())
        return out


def _row_of(m: Any, i: int) -> Any:
    """Column indices of row ``i`` of CSR ``m``, read from its arrays (scipy's row slicing costs
    more than a whole sparse product)."""
    return m.indices[m.indptr[i] : m.indptr[i + 1]]


def _top_terms(m: Any, terms: int) -> Any:
    """``m`` (CSR) with only each row's ``terms`` largest entries."""
    import numpy as np
    from scipy import sparse

    if terms <= 0 or not m.nnz or np.diff(m.indptr).max() <= terms:
        return m
    data, indices, indptr = [], [], [0]
    for r in range(m.shape[0]):
        lo, hi = m.indptr[r], m.indptr[r + 1]
        d, ix = m.data[lo:hi], m.indices[lo:hi]
        if hi - lo > terms:
            pick = np.argpartition(-d, terms - 1)[:terms]
            d, ix = d[pick], ix[pick]
        data.append(d)
        indices.append(ix)
        indptr.append(indptr[-1] + len(d))
    return sparse.csr_matrix((np.concatenate(data), np.concatenate(indices), indptr), shape=m.shape)
