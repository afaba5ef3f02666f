"""Balance index and dyad series on hand-countable synthetic stores."""

from __future__ import annotations

import pytest

from multivector.analysis.alignment import alignment_of
from multivector.analysis.balance import balance, balance_value, diversification, herfindahl, partners
from multivector.analysis.dyads import dyad_matrix, dyad_series, dyad_table
from multivector.errors import UsageError


def _blr(b):
    """Belarus in two quarters.  Q1: W = -2 + 3 = 1, E = 3 + 7 + 3 = 13; Q2: W = 7, E = -9."""
    b.article("A1", "2024-01-10")
    b.event("A1", "BLR", "RUS", cameo="040", quad=1, goldstein=3)
    b.event("A1", "RUS", "BLR", cameo="061", quad=2, goldstein=7)
    b.event("A1", "BLR", "IGO", tgt_actor="CSTO", cameo="040", quad=1, goldstein=3)
    b.article("A2", "2024-02-01")
    b.event("A2", "BLR", "USA", cameo="111", quad=3, goldstein=-2)
    b.event("A2", "EUR", "BLR", src_actor="EU", cameo="040", quad=1, goldstein=3)
    b.article("A5", "2024-03-03")
    b.event("A5", "BLR", "CHN", cameo="040", quad=1, goldstein=3)  # China: not a pole
    b.event("A5", "BLR", "BLR", cameo="040", quad=1, goldstein=3)  # domestic: ignored
    b.event("A5", "BLR", None, cameo="010", quad=1, goldstein=0)  # no partner: ignored
    b.event("A5", "BLR", "RUS", cameo="190", quad=4, goldstein=-10, negated=True)  # not an event
    b.article("D1", "2024-03-04", duplicate_of="A1")  # reprint: ignored
    b.event("D1", "BLR", "RUS", cameo="040", quad=1, goldstein=3)
    b.article("A3", "2024-04-02")
    b.event("A3", "BLR", "USA", cameo="061", quad=2, goldstein=7)
    b.article("A4", "2024-05-02")
    b.event("A4", "RUS", "BLR", cameo="190", quad=4, goldstein=-9)
    b.article("Y", "2024")  # year-only: no quarter
    b.event("Y", "BLR", "USA", cameo="040", quad=1, goldstein=3)


def test_alignment_lookup_uses_actor_data():
    assert alignment_of("USA") == "West"
    assert alignment_of("RUS") == "East"
    assert alignment_of("IGO", "CSTO") == "East"
    assert alignment_of("IGO", "NATO") == "West"
    assert alignment_of("EUR", "EU") == "West"
    assert alignment_of("BLR") is None
    assert alignment_of("BRA") == "neutral"


def test_alignment_table_is_read_from_the_actor_files():
    from multivector.actors import blocs

    by_country, by_actor = blocs.alignment_table()
    assert by_country["DEU"] == "West" and by_country["RUS"] == "East" and by_country["UKR"] is None
    assert by_actor["EAEU"] == "East" and by_actor["NATO"] == "West"


def test_a_missing_bloc_block_is_a_data_error(monkeypatch):
    from multivector.actors import blocs
    from multivector.errors import DataError

    monkeypatch.setattr(blocs, "_doc", lambda name: {"countries": {}})
    blocs.alignment_table.cache_clear()
    try:
        with pytest.raises(DataError, match="alignment"):
            blocs.alignment_table()
    finally:
        blocs.alignment_table.cache_clear()


def test_balance_formula_bounds_and_direction():
    assert balance_value(10, 0) == 1.0  # cooperation with the West only
    assert balance_value(0, -10) == 1.0  # conflict with the East only
    assert balance_value(0, 10) == -1.0
    assert balance_value(5, 5) == 0.0
    assert balance_value(-5, -5) == 0.0
    assert balance_value(0, 0) is None
    assert balance_value(1, 13) == pytest.approx(-12 / 14)


def test_balance_per_quarter_goldstein(store):
    con, b = store
    _blr(b)
    rows = balance(con, "BLR", by="quarter", n_boot=200, min_articles=1)
    assert [r["period"] for r in rows] == ["2024Q1", "2024Q2"]
    q1, q2 = rows
    assert q1["west"] == 1 and q1["east"] == 13
    assert q1["balance"] == pytest.approx(-12 / 14)
    assert (q1["west_events"], q1["east_events"], q1["articles"]) == (2, 3, 2)
    # partners in Q1: RUS 2, CSTO, USA, EUR, CHN 1 each -> HHI = (4 + 1 + 1 + 1 + 1) / 36
    assert q1["events"] == 6 and q1["partners"] == 5
    assert q1["hhi"] == pytest.approx(8 / 36)
    # two articles resampled: {A1,A1} -> -1, {A2,A2} -> +1, mixed -> -6/7; both extremes are likely
    assert q1["ci_low"] == -1.0 and q1["ci_high"] == 1.0
    assert q2["balance"] == pytest.approx((7 + 9) / 16)


def test_balance_count_weighting(store):
    con, b = store
    _blr(b)
    q1 = balance(con, "BLR", weighting="count", n_boot=0, min_articles=1)[0]
    assert (q1["west"], q1["east"]) == (0, 3)
    assert q1["balance"] == -1.0 and q1["ci_low"] is None


def test_bootstrap_resamples_articles_not_events(store):
    con, b = store
    b.article("S", "2024-01-05")
    b.event("S", "BLR", "USA", goldstein=3, quad=1)
    b.event("S", "BLR", "RUS", goldstein=7, quad=2)
    b.event("S", "RUS", "BLR", goldstein=7, quad=2)
    (row,) = balance(con, "BLR", n_boot=300, min_articles=1)
    # one article: every resample is that article, so the interval collapses onto the estimate
    assert row["balance"] == pytest.approx((3 - 14) / 17)
    assert row["ci_low"] == pytest.approx(row["balance"]) and row["ci_high"] == pytest.approx(row["balance"])


def test_bootstrap_is_seeded_and_brackets_estimate(store):
    con, b = store
    for i in range(12):
        b.article(f"a{i}", f"2024-01-{i + 1:02d}")
        b.event(f"a{i}", "BLR", "USA" if i % 3 else "RUS", goldstein=float(1 + i % 5), quad=1)
    r1 = balance(con, "BLR", n_boot=500, seed=7, min_articles=1)[0]
    r2 = balance(con, "BLR", n_boot=500, seed=7, min_articles=1)[0]
    r3 = balance(con, "BLR", n_boot=500, seed=8, min_articles=1)[0]
    assert r1 == r2
    assert r1 != r3
    assert -1 <= r1["ci_low"] <= r1["balance"] <= r1["ci_high"] <= 1


def test_balance_since_and_stored_alignment(store):
    con, b = store
    _blr(b)
    rows = balance(con, "BLR", since="2024-04-01", n_boot=0, min_articles=1)
    assert [r["period"] for r in rows] == ["2024Q2"]
    # a stored alignment from the coder wins over the country table
    b.article("Z", "2024-05-09")
    b.event("Z", "BLR", "TUR", goldstein=5, quad=2, target_alignment="East")
    q2 = balance(con, "BLR", since="2024-04-01", n_boot=0, min_articles=1)[0]
    assert q2["east"] == -9 + 5


def test_partners_and_diversification(store):
    con, b = store
    _blr(b)
    rows = partners(con, "BLR", until="2024-03-31")
    assert rows[0]["partner"] == "RUS" and rows[0]["events"] == 2
    assert rows[0]["alignment"] == "East"
    by = {r["partner"]: r for r in rows}
    assert by["CSTO"]["alignment"] == "East" and by["EUR"]["alignment"] == "West"
    assert by["CHN"]["alignment"] == "China"
    assert sum(r["share"] for r in rows) == pytest.approx(1.0)
    div = diversification(con, "BLR", until="2024-03-31")
    # without a period grid the year-only "2024" event counts too: USA 2, RUS 2, three others 1
    assert div["hhi"] == pytest.approx(11 / 49) and div["effective_partners"] == pytest.approx(49 / 11)
    assert herfindahl([1, 1, 1, 1]) == 0.25 and herfindahl([]) is None


def test_dyad_series_directions_and_sets(store):
    con, b = store
    b.article("M1", "2024-01-03")
    b.event("M1", "BLR", "RUS", quad=1, goldstein=3)
    b.event("M1", "RUS", "BLR", quad=2, goldstein=7, cameo="061")
    b.article("M2", "2024-01-20")
    b.event("M2", "RUS", "BLR", quad=4, goldstein=-9, cameo="190")
    b.event("M2", "BLR", "IGO", tgt_actor="CSTO", quad=1, goldstein=3)
    b.article("M3", "2024-02-11")
    b.event("M3", "BLR", "RUS", quad=3, goldstein=-2, cameo="111")
    b.event("M3", "BLR", "USA", quad=3, goldstein=-2, cameo="111")

    both = dyad_series(con, "BLR", "RUS", by="month")
    assert [(r["period"], r["events"], r["articles"]) for r in both] == [("2024-01", 3, 2), ("2024-02", 1, 1)]
    jan = both[0]
    assert jan["q1_share"] == pytest.approx(1 / 3) and jan["q3"] == 0 and jan["q4"] == 1
    assert jan["goldstein_sum"] == 1 and jan["goldstein_mean"] == pytest.approx(1 / 3)

    each = dyad_series(con, "BLR", "RUS", by="month", direction="each")
    assert [(r["period"], r["direction"], r["events"]) for r in each] == [
        ("2024-01", "a->b", 1),
        ("2024-01", "b->a", 2),
        ("2024-02", "a->b", 1),
    ]
    ab = dyad_series(con, "BLR", "RUS", by="year", direction="a->b")
    assert [(r["period"], r["events"], r["goldstein_sum"]) for r in ab] == [("2024", 2, 1.0)]
    ba = dyad_series(con, "BLR", "RUS", by="quarter", direction="b->a")
    assert [(r["period"], r["events"]) for r in ba] == [("2024Q1", 2)]

    bloc = dyad_series(con, "BLR", {"RUS", "CSTO"}, by="year")
    assert bloc[0]["events"] == 5
    day = dyad_series(con, ["BLR"], ["RUS"], by="day")
    assert [r["period"] for r in day] == ["2024-01-03", "2024-01-20", "2024-02-11"]


def test_dyad_table_gives_each_pairs_series(store):
    """One scan for every pair gives, pair by pair, what dyad_series gives (countries and actor ids)."""
    con, b = store
    b.article("M1", "2024-01-03")
    b.event("M1", "BLR", "RUS", quad=1, goldstein=3)
    b.event("M1", "RUS", "BLR", quad=2, goldstein=7, cameo="061")
    b.article("M2", "2024-01-20")
    b.event("M2", "BLR", "IGO", tgt_actor="CSTO", quad=1, goldstein=3)
    b.event("M2", "BLR", "USA", quad=3, goldstein=-2, cameo="111", confidence=0.1)  # under the default floor
    b.article("M3", "2024-03-11")
    b.event("M3", "BLR", "RUS", quad=4, goldstein=-9, cameo="190")
    for by in ("month", "quarter", "year"):
        table = dyad_table(con, by)
        assert table is not None
        for a, c in [("BLR", "RUS"), ("RUS", "BLR"), ("BLR", "CSTO"), ("BLR", "USA"), ("RUS", "USA")]:
            assert table.get((a, c), []) == [
                {k: v for k, v in r.items() if k != "direction"}
                for r in dyad_series(con, a, c, by=by, direction="a->b")
            ], (by, a, c)
    assert ("BLR", "USA") not in dyad_table(con, "month")
    assert dyad_table(con, "month", max_rows=2) is None  # too many rows: the caller goes pair by pair
    with pytest.raises(UsageError):
        dyad_table(con, "week")


def test_dyad_matrix_and_bad_options(store):
    con, b = store
    b.article("M1", "2024-01-03")
    b.event("M1", "BLR", "RUS", quad=1, goldstein=3)
    b.event("M1", "BLR", "RUS", quad=1, goldstein=5)
    b.event("M1", "USA", "BLR", quad=3, goldstein=-2)
    cells = {(r["source"], r["target"]): r for r in dyad_matrix(con, ["BLR", "RUS", "USA"])}
    assert cells[("BLR", "RUS")]["events"] == 2 and cells[("BLR", "RUS")]["goldstein_mean"] == 4
    assert ("RUS", "BLR") not in cells
    with pytest.raises(UsageError):
        dyad_series(con, "BLR", "RUS", by="week")
    with pytest.raises(UsageError):
        dyad_series(con, "BLR", "RUS", direction="sideways")
    with pytest.raises(UsageError):
        balance(con, "BLR", weighting="vibes")
    with pytest.raises(UsageError):
        dyad_series(con, [], "RUS")


def test_quad_mix_counts_foreign_interactions(store):
    from multivector.analysis.dyads import quad_mix

    con, b = store
    _blr(b)
    rows = quad_mix(con, "BLR", "quarter")
    assert [(r["period"], r["events"], r["q1"], r["q2"], r["q3"], r["q4"]) for r in rows] == [
        ("2024Q1", 6, 4, 1, 1, 0),
        ("2024Q2", 2, 0, 1, 0, 1),
    ]


def test_balance_rejects_unknown_period(store):
    con, _ = store
    with pytest.raises(UsageError):
        balance(con, "BLR", by="decade")


def test_thin_evidence_gives_no_value_and_no_interval(store):
    con, b = store
    b.article("one", "2024-02-01")
    b.event("one", "BLR", "RUS", cameo="112", quad=3, goldstein=-2.0)  # one weak East conflict
    (row,) = balance(con, "BLR", n_boot=200)
    assert row["balance"] is None and row["ci_low"] is None and row["ci_high"] is None
    assert row["balance_raw"] == pytest.approx(1.0) and row["evidence"] == "thin (1 < 3 articles)"
    assert row["articles"] == 1 and row["events"] == 1
    b.article("more0", "2024-02-10")
    b.event("more0", "BLR", "USA", cameo="042", quad=1, goldstein=1.9)
    b.article("more1", "2024-02-11")
    b.event("more1", "BLR", "RUS", cameo="042", quad=1, goldstein=1.9)
    (row,) = balance(con, "BLR", n_boot=200)
    assert row["evidence"] == "ok" and row["balance"] is not None and row["ci_low"] < row["ci_high"]


def test_a_separatist_authority_is_its_own_partner_not_ukraine(store):
    con, b = store
    b.article("s1", "2022-03-01")
    b.event("s1", "RUS", "UKR", tgt_actor="DPR", quad=1, goldstein=6.0)  # support for the DPR
    b.article("s2", "2022-03-02")
    b.event("s2", "RUS", "UKR", quad=4, goldstein=-10.0)  # an attack on Ukraine
    by = {r["partner"]: r for r in partners(con, "RUS")}
    assert by["UKR"]["alignment"] is None and by["UKR"]["events"] == 1
    assert by["DPR"]["alignment"] == "East" and by["DPR"]["events"] == 1


def test_a_recollection_far_before_its_article_does_not_stretch_the_series():
    from mv_synth import Builder, new_store

    from multivector.analysis.dyads import dyad_series

    con = new_store()
    b = Builder(con)
    b.article("a1", "2024-03-05")
    b.event("a1", "BLR", "RUS", cameo="057", date="2024-03-05")
    b.event("a1", "BLR", "RUS", cameo="057", date="1997")  # "in 1997 the two signed …"
    b.event("a1", "BLR", "RUS", cameo="057", date="2022-06")  # two years back: still the article's time
    years = [r["period"] for r in dyad_series(con, "BLR", "RUS", by="year")]
    assert years[0] == "2022" and "1997" not in years
    assert sum(r["events"] for r in dyad_series(con, "BLR", "RUS", by="year")) == 2
