"""Arrow batch insert vs row-at-a-time INSERT for ~10k articles (the store's insert path)."""

import os
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "store"))
import duckdb
from store_synth import synthetic_articles

from multivector.dedup import signature, signature_to_bytes
from multivector.store import Store, migrate
from multivector.store import rows as R

N = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
arts = list({a.id: a for a in synthetic_articles(N, words=300)}.values())
now = datetime.utcnow()
t = time.perf_counter()
rows = [
    R.article_row(a, seq=i, duplicate_of=None, minhash=signature_to_bytes(signature(a.text)), ingested_at=now)
    for i, a in enumerate(arts)
]
t_sig = time.perf_counter() - t
cols = [f.name for f in R.ARTICLE_SCHEMA]
d = tempfile.mkdtemp()


def fresh(name):
    con = duckdb.connect(os.path.join(d, name))
    migrate(con)
    return con


def arrow(con, size=500):
    for i in range(0, len(rows), size):
        con.execute("BEGIN")
        con.register("b", R.articles_table(rows[i : i + size]))
        con.execute(
            f"INSERT INTO articles ({','.join(cols)}) SELECT {','.join(cols)} FROM b ON CONFLICT DO NOTHING"
        ).fetchall()
        con.unregister("b")
        con.execute("COMMIT")


sql = f"INSERT INTO articles ({','.join(cols)}) VALUES ({','.join('?' * len(cols))}) ON CONFLICT DO NOTHING"


def row_autocommit(con):
    for r in rows:
        con.execute(sql, [r[c] for c in cols])


def row_in_tx(con, size=500):
    for i in range(0, len(rows), size):
        con.execute("BEGIN")
        for r in rows[i : i + size]:
            con.execute(sql, [r[c] for c in cols])
        con.execute("COMMIT")


def executemany(con, size=500):
    for i in range(0, len(rows), size):
        con.execute("BEGIN")
        con.executemany(sql, [[r[c] for c in cols] for r in rows[i : i + size]])
        con.execute("COMMIT")


print(f"{len(rows)} articles (~300 words), signatures computed in {t_sig:.2f}s")
for name, fn in [
    ("arrow batch 500/tx", arrow),
    ("row INSERT, 500/tx", row_in_tx),
    ("executemany, 500/tx", executemany),
    ("row INSERT autocommit", row_autocommit),
]:
    con = fresh(name.replace(" ", "_").replace("/", "_") + ".duckdb")
    t = time.perf_counter()
    fn(con)
    con.execute("CHECKPOINT")
    el = time.perf_counter() - t
    n = con.execute("select count(*) from articles").fetchall()[0][0]
    con.close()
    print(f"{name:24s} {el:7.2f}s  {n / el:9.0f} rows/s  (n={n})")

db = os.path.join(d, "store.duckdb")
t = time.perf_counter()
with Store(db) as s:
    s.add_articles(arts)
el = time.perf_counter() - t
print(f"Store.add_articles end-to-end (MinHash+LSH+Arrow) {el:.2f}s {len(arts) / el:.0f} articles/s")
t = time.perf_counter()
with Store(db) as s:
    res = s.add_articles(arts)
el = time.perf_counter() - t
print(f"re-run (index rebuild from stored signatures + all exact dups) {el:.2f}s {res}")
t = time.perf_counter()
with Store(db) as s:
    s._ensure_index()
print(f"index rebuild alone {time.perf_counter() - t:.2f}s")
