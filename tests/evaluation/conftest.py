"""Fixtures of the evaluation tests."""

from __future__ import annotations

import pytest

from multivector.actors import ActorResolver


@pytest.fixture(scope="session")
def resolver() -> ActorResolver:
    return ActorResolver()
