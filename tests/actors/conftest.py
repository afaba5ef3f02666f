"""One resolver (and so one spaCy model load and one matcher build) for all actor tests."""

from __future__ import annotations

import pytest

from multivector.actors import ActorResolver


@pytest.fixture(scope="session")
def resolver() -> ActorResolver:
    r = ActorResolver()
    assert r.matcher is not None  # compile once, outside any single test's timing
    return r
