"""Analyses only read: they must run on a store opened read-only (the web and CLI open it that way)."""

from __future__ import annotations

import duckdb
from mv_synth import Builder

from multivector.analysis.balance import balance, partners
from multivector.analysis.dyads import dyad_series
from multivector.analysis.similar import similar_articles
from multivector.analysis.stories import stories
from multivector.analysis.trends import trends
from multivector.store import Store, migrate


def test_all_analyses_on_read_only_store(tmp_path):
    path = tmp_path / "ro.duckdb"
    con = duckdb.connect(str(path))
    migrate(con)
    b = Builder(con)
    for i in range(4):
        b.article(f"a{i}", f"2024-0{i + 1}-10", text=f"Belarus and Russia talk {i}")
        b.event(f"a{i}", "BLR", "RUS", cameo="040")
        b.event(f"a{i}", "USA", "BLR", cameo="111")
    con.close()
    with Store(path, read_only=True) as store:
        ro = store.con
        assert [r["events"] for r in dyad_series(ro, "BLR", "RUS", by="quarter")] == [3, 1]
        assert balance(ro, "BLR", n_boot=20)[0]["articles"] == 3
        assert {r["partner"] for r in partners(ro, "BLR")} == {"RUS", "USA"}
        assert len(stories(ro)) == 8
        assert isinstance(trends(ro, history=3), list)
        assert len(similar_articles(ro, "a0", k=2)) == 2
