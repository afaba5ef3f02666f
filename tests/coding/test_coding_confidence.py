"""Event confidence: a validated model, scores in (0, 1), stored, filterable, and used by the analyses."""

from __future__ import annotations

import duckdb
import pytest

from multivector.analysis._sql import event_filter
from multivector.coding import code_text
from multivector.coding.confidence import FEATURES, features, fit, model, parse_model, reliability
from multivector.errors import DataError
from multivector.records import Mention


def test_packaged_model_is_valid_and_bad_models_are_refused():
    assert set(model().weights) <= set(FEATURES)
    with pytest.raises(DataError):
        parse_model({"weights": {"no_such_feature": 1.0}}, "x.yaml")
    with pytest.raises(DataError):
        parse_model({"weights": {"bias": "high"}}, "x.yaml")


def test_every_event_has_a_probability():
    events = code_text("Poland signed a defence agreement with Lithuania.", "2021-03-01")
    assert events and all(0.0 < e.confidence < 1.0 for e in events)


def test_known_actors_score_above_unknown_ones_and_a_target_counts():
    """Whatever the fitted weights say about names versus pronouns, an actor we could not resolve and
    an event without a target must cost confidence."""
    named = Mention("Poland", 0, 6, "POL", "Poland", "POL", "", "West", 0.9)
    pronoun = Mention("Poland", 0, 6, "POL", "Poland", "POL", "", "West", 0.9, via="anaphor:they")
    unknown = Mention("the group", 0, 9, None, None, "", "", None, 0.2)
    target = Mention("Lithuania", 20, 29, "LTU", "Lithuania", "LTU", "", "West", 0.9)
    kw = {"pattern_id": "057:V:sign", "modality": "asserted", "root": "05", "n_events": 1, "n_tokens": 10}
    m = model()
    named_s, pronoun_s, unknown_s = (m.score(features(s, target, **kw)) for s in (named, pronoun, unknown))
    assert unknown_s < min(named_s, pronoun_s)
    assert m.score(features(named, None, **kw)) < named_s
    assert 0.0 < unknown_s < 1.0


def test_reliability_table_bins():
    rows = reliability([0.1, 0.15, 0.85, 0.9, 1.0], [False, True, True, True, False])
    assert rows[0] == {"bin": "0.0-0.2", "n": 2, "right": 0.5}
    assert rows[-1] == {"bin": "0.8-1.0", "n": 3, "right": 0.667}
    assert rows[2]["n"] == 0 and rows[2]["right"] is None


def test_analyses_leave_out_unsure_events_by_default():
    con = duckdb.connect()
    con.execute("CREATE TABLE events (event_id VARCHAR, negated BOOLEAN, confidence DOUBLE)")
    con.execute("INSERT INTO events VALUES ('sure', FALSE, 0.9), ('unsure', FALSE, 0.2)")
    con.execute("INSERT INTO events VALUES ('old', FALSE, NULL)")
    frm, where = event_filter(con)
    kept = {r[0] for r in con.execute(f"SELECT e.event_id FROM {frm} WHERE {where}").fetchall()}
    assert kept == {"sure", "old"}
    frm, where = event_filter(con, min_confidence=0.0)
    assert len(con.execute(f"SELECT 1 FROM {frm} WHERE {where}").fetchall()) == 3


def test_fit_keeps_the_prior_for_features_the_data_never_shows():
    pytest.importorskip("sklearn")
    base = {k: 0.0 for k in FEATURES}
    rows = [dict(base, bias=1.0, src_named=1.0), dict(base, bias=1.0, src_named=1.0, crowded=1.0)] * 5
    labels = [True, False] * 5
    weights = fit(rows, labels, prior={"src_unknown": -2.0})
    assert weights["src_unknown"] == -2.0
    assert weights["same_country"] == 0.0
    assert weights["crowded"] < 0.0
