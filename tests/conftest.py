"""Shared fixtures: where the evaluation corpora and seeds live, and skipping when they are absent."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The `../shared` folder beside the project; tests needing it skip when it is missing."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture(scope="session")
def corpora_dir(shared_dir: Path) -> Path:
    path = shared_dir / "corpora"
    if not path.is_dir():
        pytest.skip("../shared/corpora is not present")
    return path


@pytest.fixture(scope="session")
def seeds_dir(shared_dir: Path) -> Path:
    path = shared_dir / "seeds"
    if not path.is_dir():
        pytest.skip("../shared/seeds is not present")
    return path


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The bundled sample corpus written for this project."""
    return ROOT / "examples" / "corpus"
