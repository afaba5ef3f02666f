"""Seed articles (read at run time, never copied): the diplomatic interactions come out with the right
dyad and direction, and boilerplate / analyst commentary give nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from multivector.coding import code_text


@pytest.fixture(scope="module")
def seed_events(seeds_dir: Path):
    out = {}
    for path in sorted(seeds_dir.glob("*.txt")):
        out[path.name[:3]] = (
            path.read_text(encoding="utf-8"),
            code_text(path.read_text(encoding="utf-8"), "2016-04-22", article_id=path.stem),
        )
    if "000" not in out or "004" not in out:
        pytest.skip("expected seed files are missing")
    return out


def _has(events, src, tgt, quad=None, root=None):
    return any(
        e.source.country == src
        and (e.target.country if e.target else None) == tgt
        and (quad is None or e.quad_class == quad)
        and (root is None or e.root == root)
        for e in events
    )


def test_turkmen_visit_and_agreement(seed_events):
    _, events = seed_events["000"]
    assert _has(events, "TKM", "BLR", quad=1, root="04")  # the visit
    assert _has(events, "BLR", "TKM", root="05") and _has(events, "TKM", "BLR", root="05")  # signed agreement
    assert not any(
        e.source.country == "BLR" and e.target and e.target.country == "TKM" and e.quad_class >= 3
        for e in events
    )


def test_related_story_after_heading_is_its_own_part(seed_events):
    text, events = seed_events["000"]
    cut = text.index("Similar articles")
    later = [e for e in events if e.span[0] > cut]
    assert all("Similar articles" not in e.sentence for e in events)
    # Ukrainian military observers refusing: conflict by Ukraine, dated by the story's own dateline
    refusal = [e for e in later if e.source.country == "UKR" and e.root == "12"]
    assert refusal and refusal[0].quad_class == 3 and refusal[0].date == "2017-10-02"
    assert _has(later, "UKR", "BLR", quad=3)  # criticism of Belarus by Ukraine's military


def test_lukashenko_criticism_of_the_west_and_no_analyst_events(seed_events):
    text, events = seed_events["004"]
    assert any(
        (e.source.country == "BLR" and e.target and e.target.alignment == "West" and e.quad_class == 3)
        or (e.source.country == "BLR" and e.target and e.target.country == "WST" and e.quad_class == 3)
        for e in events
    )
    assert not any("Porotnikov" in e.sentence for e in events)
    tail = text.index("Show More")
    assert all(e.span[0] < tail for e in events)


def test_seed_trade_facts(seeds_dir: Path):
    from multivector.coding import code_article
    from multivector.records import Article

    text = (seeds_dir / "000_9c4bf4ffa2ec31df.txt").read_text(encoding="utf-8")
    _, _, facts = code_article(Article("seed0", None, "2016-04-22", "day", "en", None, "seed", 0, text))
    trade = [f for f in facts if f.kind == "trade_value"]
    assert trade and trade[0].currency == "USD" and trade[0].period == "2013"
    assert abs(trade[0].value - 318.9e6) < 1 and set(trade[0].actors) >= {"BLR", "TKM"}
    assert any(f.kind == "share" and f.value == 0.4 and set(f.actors) == {"BLR", "TKM"} for f in facts)
    assert any(f.kind == "count" and f.value == 8500 for f in facts)
