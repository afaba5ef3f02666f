"""Accuracy gates on public gold data; each floor sits just under the value measured when it was set."""

from __future__ import annotations

from pathlib import Path

import pytest

from multivector.evaluation.coding import evaluate_conflibert, evaluate_plover_gsr, evaluate_universalpetrarch


@pytest.fixture(scope="module")
def corpora(corpora_dir: Path) -> Path:
    if not (corpora_dir / "plover-gsr").is_dir():
        pytest.skip("plover-gsr corpus missing")
    return corpora_dir


def test_plover_gsr(corpora):
    r = evaluate_plover_gsr(corpora)
    assert r["n"] == 322
    # measured 0.739 (0.745 before bare surnames needed evidence and first person needed a speaker)
    assert r["hit_rate"] >= 0.733  # measured 0.736 (0.739 before a meeting needed someone to meet)
    assert r["spurious_per_sentence"] < 0.305  # measured 0.298
    # without the category aliases (CONCEDE~RETREAT, SANCTION~COERCE, DEMAND~REQUEST …)
    assert r["strict_hit_rate"] >= 0.565  # measured 0.568


def test_conflibert_test_split(corpora):
    r = evaluate_conflibert(corpora)
    assert r["n"] == 451
    # measured 0.737 / 0.741 since the main clause's event leads a sentence again (_depth fix)
    assert r["macro_f1"] >= 0.735
    assert r["accuracy"] >= 0.738


def test_conflibert_train_split_held_out(corpora):
    # the train split was never used for tuning: the fairer estimate of the 5-class scores
    r = evaluate_conflibert(corpora, split="train")
    assert r["n"] == 1349
    assert r["macro_f1"] >= 0.69 and r["accuracy"] >= 0.688  # measured 0.692 / 0.690


def test_universalpetrarch_root_agreement(corpora):
    r = evaluate_universalpetrarch(corpora)
    assert r["root_agreement"] >= 0.545
