"""Event confidence: a validated model, scores in (0, 1), stored, filterable, and used by the analyses."""

from __future__ import annotations

import duckdb
import pytest

from multivector.analysis._sql import event_filter
from multivector.coding import code_text
from multivector.coding.confidence import FEATURES, features, model, parse_model, reliability
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


def test_named_actors_score_above_guessed_ones():
    named = Mention("Poland", 0, 6, "POL", "Poland", "POL", "", "West", 0.9)
    pronoun = Mention("Poland", 0, 6, "POL", "Poland", "POL", "", "West", 0.9, via="anaphor:they")
    unknown = Mention("the group", 0, 9, None, None, "", "", None, 0.2)
    target = Mention("Lithuania", 20, 29, "LTU", "Lithuania", "LTU", "", "West", 0.9)
    kw = {"pattern_id": "057:V:sign", "modality": "asserted", "root": "05", "n_events": 1, "n_tokens": 10}
    m = model()
    scores = [m.score(features(src, target, **kw)) for src in (named, pronoun, unknown)]
    assert scores[0] > scores[1] > scores[2]


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
