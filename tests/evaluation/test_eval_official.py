"""The coder on official text: the scorer's matching rules and the aggregate validity of the war's
press releases (what an analyst would see first)."""

from __future__ import annotations

from pathlib import Path

import pytest

from multivector.evaluation.official import aggregate_validity, evaluate_official, matches
from multivector.records import Event, Mention


def _m(country: str, actor: str | None = None) -> Mention:
    return Mention(country, 0, 3, actor or country, country, country, "GOV", None, 0.9)


def _event(src: str, tgt: str | None, quad: int) -> Event:
    target = _m(tgt) if tgt else None
    return Event(
        "e",
        "a",
        None,
        _m(src),
        target,
        "040",
        "04",
        quad,
        1.0,
        "CONSULT",
        False,
        "asserted",
        "text",
        (0, 4),
        "met",
    )


def test_matching_rules():
    gold = {"source": "RUS", "target": "BLR", "polarity": "coop", "mutual": True}
    assert matches(_event("RUS", "BLR", 1), gold)
    assert matches(_event("BLR", "RUS", 1), gold)  # a mutual act matches either way
    assert not matches(_event("BLR", "RUS", 1), {**gold, "mutual": False})
    assert not matches(_event("RUS", "BLR", 4), gold)  # wrong polarity
    assert matches(_event("RUS", "UKR", 4), {"source": "RUS", "target": None, "polarity": "conflict"})
    eu = Event(
        "e",
        "a",
        None,
        _m("EUR", "EU"),
        _m("RUS"),
        "163",
        "16",
        4,
        -4.0,
        "SANCTION",
        False,
        "asserted",
        "text",
        (0, 4),
        "imposed",
    )
    assert matches(eu, {"source": "EU", "target": "RUS", "polarity": "conflict"})


@pytest.fixture(scope="module")
def after(corpora_dir: Path) -> dict:
    return aggregate_validity(corpora_dir, "after")


def test_war_months_after_the_reserved_span_read_as_conflict(after):
    # the 154 releases dated after 2022-06-03 (open for labelling; the coder was checked on them)
    assert after["documents"] == 154
    assert after["rus_ukr_events"] >= 90
    assert after["conflict_share"] >= 0.78  # measured 0.789 (0.38 before speaker attribution)
    # measured -5.0 (-0.66 before; -5.36 before the speaker's accusations, CAMEO 112 at -2, were coded)
    assert after["mean_goldstein"] <= -4.8
    assert after["stale_surnames"] == []


def test_reserved_war_months_held_out(corpora_dir: Path):
    # held out: every 4th release of 2022-02-24 .. 2022-06-03, never read while writing rules
    r = aggregate_validity(corpora_dir, "reserved-war", every=4)
    assert r["documents"] == 219
    assert r["mean_goldstein"] < 0
    assert r["conflict_share"] >= 0.56  # measured 0.567: short of the 0.6 target on held-out months
    assert r["stale_surnames"] == []


@pytest.fixture(scope="module")
def official(corpora_dir: Path) -> dict:
    return evaluate_official(corpora_dir)


def test_official_dev_set_gate(official):
    # the test half was never read while writing rules; the dev half was (in-sample)
    test, dev = official["test"], official["dev"]
    assert test["sentences"] >= 250 and test["gold_events"] >= 60
    assert test["recall"] >= 0.38  # measured 0.392 (0.21 before speakers and dialogue); target 0.65
    assert test["precision"] >= 0.55  # measured 0.559 (0.21 before); target 0.75
    assert test["spurious_per_empty_sentence"] <= 0.10  # measured 0.088; target 0.1
    # what analyses use by default (confidence >= 0.5): fewer events, most of them right
    assert test["precision_shown"] >= 0.76 and test["recall_shown"] >= 0.38  # measured 0.776 / 0.392
    assert dev["recall"] >= 0.53 and dev["precision"] >= 0.65  # in-sample: 0.549 / 0.679


def test_confidence_is_calibrated_on_the_held_out_half(official):
    test = official["test"]
    assert test["n_at_0.8"] >= 18
    assert test["right_at_0.8"] >= 0.80  # measured 0.818 (n 22), on few events
    rel = {b["bin"]: b for b in test["reliability"]}
    # confidence orders events: the lowest bin is right less often than the highest
    assert rel["0.0-0.2"]["right"] < rel["0.8-1.0"]["right"]
