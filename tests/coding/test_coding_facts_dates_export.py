from __future__ import annotations

import pytest

from multivector.coding import GDELT_COLUMNS, code_text, explain, to_gdelt_row
from multivector.coding.dates import event_date
from multivector.coding.facts import find_facts
from multivector.records import Article, Mention


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Trade reached its peak in 2013.", "2013"),
        ("The presidents met on Monday.", "2016-04-18"),
        ("They spoke last week.", "2016-04-15"),
        ("They spoke yesterday.", "2016-04-21"),
        ("The deal was signed on 3 March.", "2016-03-03"),
        ("The deal was signed in March 2015.", "2015-03"),
        ("Nothing about time here.", "2016-04-22"),
    ],
)
def test_event_dates(sentence, expected):
    assert event_date(sentence, "2016-04-22") == expected


def test_undated_article_gives_none():
    assert event_date("They met on Monday.", None) is None


def test_a_year_or_month_article_keeps_its_precision():
    # a speech dated only "2024" gives events in 2024, not on an invented 1 January or 1 July
    assert event_date("They met on Monday.", "2024") == "2024"
    assert event_date("Talks ended yesterday.", "2024-09") == "2024-09"
    assert event_date("In 2013 trade rose.", "2024") == "2013"


def test_facts_kinds_units_periods():
    m = [
        Mention("Belarus", 0, 7, "BLR", "Belarus", "BLR", ""),
        Mention("Turkmenistan", 19, 31, "TKM", "x", "TKM", ""),
    ]
    s = "Belarus trade with Turkmenistan came to USD 274.6 million in 2011, just 0.7% of total trade."
    facts = find_facts(s, 100, m, article_date="2016-04-22")
    kinds = {f.kind: f for f in facts}
    assert kinds["trade_value"].value == pytest.approx(274.6e6) and kinds["trade_value"].currency == "USD"
    assert kinds["trade_value"].period == "2011" and kinds["trade_value"].actors == ["BLR", "TKM"]
    assert kinds["share"].value == 0.7 and kinds["share"].unit == "% of total trade"
    assert s[kinds["share"].span[0] - 100 : kinds["share"].span[1] - 100].startswith("0.7")
    money = find_facts("Moscow promised a $1.2bn loan and €500 million in grants.", 0, [])
    assert sorted((f.currency, f.value) for f in money) == [("EUR", 5e8), ("USD", 1.2e9)]
    counts = find_facts("Some 100,000 servicemen and 8,500 students took part.", 0, [])
    assert sorted((f.kind, f.value, f.unit) for f in counts) == [
        ("count", 8500.0, "students"),
        ("count", 100000.0, "servicemen"),
    ]


def _event(mk):
    text = "The United States imposed sanctions on Russia on Monday."
    ms = mk(text, ("The United States", "USA", ""), ("Russia", "RUS", ""))
    return text, code_text(text, "2016-04-22", article_id="a1", mentions=ms)[0]


def test_gdelt_row(mk):
    text, ev = _event(mk)
    art = Article("a1", None, "2016-04-22", "day", "en", "http://x/y", "f.txt", 0, text)
    row = to_gdelt_row(ev, art)
    assert len(GDELT_COLUMNS) == 61 and len(row) == 61 and all(isinstance(c, str) for c in row)
    col = dict(zip(GDELT_COLUMNS, row, strict=True))
    assert col["Day"] == "20160418" and col["EventCode"] == "163" and col["EventRootCode"] == "16"
    assert col["QuadClass"] == "4" and col["Actor1CountryCode"] == "USA" and col["Actor2CountryCode"] == "RUS"
    assert col["SOURCEURL"].startswith("http://x/y#chars=0-")
    assert GDELT_COLUMNS[26:29] == ["EventCode", "EventBaseCode", "EventRootCode"]


def test_explain_paths(mk):
    _, ev = _event(mk)
    info = explain(ev)
    assert info["pattern"]["lemma"] == "impose" and info["pattern"]["code"] == "163"
    assert info["source_path"][0]["text"] == "imposed"
    assert any(t["text"] == "Russia" for t in info["target_path"])
    assert info["sentence"] == ev.sentence


def test_an_asserted_event_is_never_dated_after_its_article_an_intent_may_be():
    from multivector.coding import code_text
    from multivector.coding.dates import not_after

    done = code_text("Russia signed an agreement with Belarus in 2030.", date="2024-03-05")
    plan = code_text("Russia plans to sign an agreement with Belarus in 2030.", date="2024-03-05")
    assert [e.date for e in done] == ["2024-03-05"]
    assert plan and {e.date for e in plan} == {"2030"} and plan[0].modality == "intent"
    assert not_after("2024-03", "2024-03-05") == "2024-03" and not_after("2023", "2024-03") == "2023"
    assert not_after("2024-04-01", "2024-03") == "2024-03" and not_after("2025", None) == "2025"
