"""Evaluation gate: language identification on real news with gold language labels.

Measured: BSNLP ru/uk 858 of 862 correct (0.995; three short Russian texts fall to "other", one
Ukrainian text is read as Russian); BBC News English 2,225 of 2,225.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from multivector.evaluation import corpora
from multivector.evaluation.language import evaluate_language


def _accuracy(path: Path) -> tuple[float, int]:
    if not path.exists():
        pytest.skip(f"{path.name} missing")
    got = evaluate_language(path)
    return got["accuracy"], got["documents"]


def test_russian_ukrainian_gate(corpora_dir: Path) -> None:
    acc, n = _accuracy(corpora_dir / corpora.BSNLP)
    assert n == 862
    assert acc >= 0.99


def test_english_gate(corpora_dir: Path) -> None:
    acc, n = _accuracy(corpora_dir / corpora.BBC)
    assert n == 2225
    assert acc >= 0.998
