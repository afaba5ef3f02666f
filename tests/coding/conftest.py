"""Helpers for coder tests: hand-made mentions so the coder is tested apart from the actor resolver."""

from __future__ import annotations

import pytest

from multivector.records import Mention


def make_mentions(text: str, *specs: tuple[str, ...]) -> list[Mention]:
    """(surface, country, agent[, actor_id]) → Mention at the first unused occurrence of surface in text.

    Persons get a people-file style id ("putin_vladimir") as the resolver gives them."""
    out: list[Mention] = []
    used: set[int] = set()
    for surface, country, agent, *rest in specs:
        start = text.find(surface)
        while start in used and start >= 0:
            start = text.find(surface, start + 1)
        assert start >= 0, surface
        used.add(start)
        actor = rest[0] if rest else (country if not agent else f"{country}{agent}".lower())
        out.append(Mention(surface, start, start + len(surface), actor, surface, country, agent, None, 0.9))
    return out


@pytest.fixture(scope="session")
def mk():
    return make_mentions
