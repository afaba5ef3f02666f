"""Ceremony is not a political act: courtesy thanks and greetings code nothing, thanks for an act do."""

from __future__ import annotations

import pytest

from multivector.coding import code_text


def _roots(sentence: str) -> list[tuple[str, str, str | None]]:
    return [
        (e.root, e.source.country, e.target and e.target.country) for e in code_text(sentence, "2021-10-10")
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Norway thanked Sweden for the question about fisheries.",
        "Norway thanked Sweden for its attention.",
        "The Prime Minister of Norway conveyed his greetings to the people of Sweden.",
    ],
)
def test_courtesy_codes_nothing(sentence: str) -> None:
    assert _roots(sentence) == []


def test_thanks_for_an_act_is_support() -> None:
    assert _roots("Norway thanked Sweden for the humanitarian aid.") == [("05", "NOR", "SWE")]


def test_the_owner_of_the_gratitude_is_not_its_target() -> None:
    assert _roots("Norway expressed its gratitude to Sweden for the humanitarian aid.") == [
        ("05", "NOR", "SWE")
    ]


def test_co_hosts_greet_a_crowd_not_each_other() -> None:
    pairs = _roots(
        "The Prime Minister of Norway and the President of Finland greeted the crowd gathered on the square."
    )
    assert ("04", "NOR", "FIN") not in pairs and ("04", "FIN", "NOR") not in pairs


@pytest.mark.parametrize(
    "sentence",
    [
        "Trade between Norway and Sweden reached $40 million last year.",
        "Our trade with Sweden is already 3 billion euros.",
    ],
)
def test_a_trade_figure_is_a_fact_not_an_act(sentence: str) -> None:
    assert _roots(sentence) == []
