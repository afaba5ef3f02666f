"""Trends: a surge, a fade, a stable dyad and a one-article burst, counted by hand."""

from __future__ import annotations

import pytest

from multivector.analysis.trends import _q_values, trends
from multivector.errors import UsageError


def _history(b):
    """Jan–Jun 2024: 4 BLR–CHN and 5 BLR–USA articles a month; July: 4 CHN, 6 RUS fights, 1 TUR burst."""
    n = 0
    for m in range(1, 8):
        day = f"2024-{m:02d}-10"
        for _ in range(4):
            n += 1
            b.article(f"c{n}", day)
            b.event(f"c{n}", "BLR", "CHN", cameo="040")
        if m < 7:
            for _ in range(5):
                n += 1
                b.article(f"u{n}", day)
                b.event(f"u{n}", "USA", "BLR", cameo="040")
    for i in range(6):
        b.article(f"r{i}", "2024-07-20")
        b.event(f"r{i}", "RUS", "BLR", cameo="190")
        b.event(f"r{i}", "BLR", "RUS", cameo="190")
    b.article("burst", "2024-07-21")
    for _ in range(10):
        b.event("burst", "BLR", "TUR", cameo="173")


def test_trends_rise_fall_and_evidence_threshold(store):
    con, b = store
    _history(b)
    rows = trends(con, by="month", history=6, kinds=("dyad",))
    got = {r["key"]: r for r in rows}
    # exposure: history 6 x 9 = 54 articles, latest 4 + 6 + 1 = 11
    rus = got["BLR-RUS"]
    assert (rus["direction"], rus["latest_articles"], rus["history_articles"]) == ("rising", 6, 0)
    assert rus["p_value"] == pytest.approx((11 / 65) ** 6)
    assert rus["rate_ratio"] == pytest.approx((6 / 11) / (0.5 / 54))
    usa = got["BLR-USA"]
    assert usa["direction"] == "falling" and usa["history_articles"] == 30
    assert usa["expected"] == pytest.approx(30 * 11 / 54) and usa["p_value"] < 0.01
    assert "BLR-CHN" not in got  # 4 vs 4.9 expected: no trend
    assert "BLR-TUR" not in got  # ten events, one article: never tested
    assert all(r["period"] == "2024-07" and r["history_periods"] == 6 for r in rows)


def test_trends_kinds_country_and_options(store):
    con, b = store
    _history(b)
    codes = {r["key"]: r for r in trends(con, history=6, kinds=("code",))}
    assert codes["19"]["direction"] == "rising" and codes["19"]["latest_articles"] == 6
    combo = {r["key"] for r in trends(con, history=6, kinds=("dyad_code",))}
    assert "BLR-RUS:19" in combo
    assert trends(con, history=6, country="CHN") == []
    assert trends(con, history=6, latest="2024-01") == []
    loose = {r["key"] for r in trends(con, history=6, kinds=("dyad",), min_articles=1, alpha=1.0)}
    assert "BLR-TUR" in loose
    per_period = {r["key"]: r for r in trends(con, history=6, kinds=("dyad",), exposure=False)}
    assert per_period["BLR-RUS"]["rate_ratio"] == pytest.approx(6 / (0.5 / 6))
    with pytest.raises(UsageError):
        trends(con, kinds=("mood",))


def test_benjamini_hochberg():
    assert _q_values([0.01, 0.04, 0.03]) == pytest.approx([0.03, 0.04, 0.04])


def test_an_empty_answer_says_why(store):
    con, b = store
    _history(b)
    why: dict = {}
    assert trends(con, history=6, country="CHN", why=why) == []
    assert why["period"] == "2024-07" and "none departs from its history" in why["reason"]
    why = {}
    assert trends(con, history=6, kinds=("dyad",), min_articles=50, why=why) == []
    assert "none with >= 50 articles on the moving side" in why["reason"]
    why = {}
    assert (
        trends(con, history=6, latest="2024-01", why=why) == []
        and "no history before 2024-01" in why["reason"]
    )


def test_default_period_is_the_latest_with_enough_articles(store):
    con, b = store
    _history(b)
    b.article("late", "2024-09-02")  # one article in September: too little to test anything
    b.event("late", "BLR", "CHN", cameo="040")
    rows = trends(con, history=6, kinds=("dyad",))
    assert rows and {r["period"] for r in rows} == {"2024-07"}
