"""Stances toward acts named by a noun: aimed at the act's perpetrator, never at its victim."""

from __future__ import annotations

import pytest

from multivector.coding import code_text


def _dyads(text: str, speaker: str = "MEX") -> set[tuple[str, str | None, str]]:
    events = code_text(text, "2024", speaker=speaker)
    return {(e.source.country, e.target.country if e.target else None, e.root) for e in events}


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        # the victim of the condemned act is not condemned
        ("We condemn the aggression against Ukraine.", ("MEX", None, "11"), ("MEX", "UKR", "11")),
        ("We condemn Russia's aggression against Ukraine.", ("MEX", "RUS", "11"), ("MEX", "UKR", "11")),
        ("We reject the sanctions against Venezuela.", ("MEX", None, "12"), ("MEX", "VEN", "12")),
        # the perpetrator: "by" on the noun, on a participle, or misattached to the verb
        (
            "We condemn the occupation of Palestinian territories by Israel.",
            ("MEX", "ISR", "11"),
            ("MEX", "PSE", "11"),
        ),
        (
            "We call for the lifting of the illegal blockade imposed on Cuba by the United States.",
            ("MEX", "USA", "02"),
            ("MEX", "CUB", "02"),
        ),
        # a cooperative stance taken against an act is not support for its perpetrator
        ("We support Ukraine against Russian aggression.", ("MEX", "UKR", "05"), ("MEX", "RUS", "05")),
        ("We support the sanctions against Russia.", ("MEX", None, "05"), ("MEX", "RUS", "05")),
    ],
)
def test_stance_toward_a_hostile_act(text, expected, absent):
    got = _dyads(text)
    assert expected in got and absent not in got, got


def test_the_act_noun_keeps_its_own_roles():
    # the nominal event itself: participle target, "of" as source when the victim has its own preposition
    assert ("USA", "CUB", "19") in _dyads(
        "We call for the lifting of the blockade imposed on Cuba by the United States."
    )
    # material acts whose object is the act itself keep the plain reading
    assert ("EUR", "RUS", "16") in _dyads("The European Union imposed sanctions on Russia.")
    assert ("SRB", "ALB", "11") in _dyads("Serbia lodged a formal protest with Albania on Friday.")


def test_speech_style_support_and_solidarity():
    assert ("MEX", "PSE", "01") in _dyads("Our solidarity with the people of Palestine is unwavering.")
    assert ("MEX", "UKR", "05") in _dyads("My country stands with Ukraine.")
    assert ("MEX", "USA", "05") in _dyads("We are grateful to the United States for its support.")


def test_victim_of_a_second_act_noun_is_the_target():
    from multivector.coding import code_text

    events = code_text(
        "It is the third year of Russia's full-scale war of aggression against Ukraine.", "2024"
    )
    assert [(e.source.country, e.root, e.target and e.target.country) for e in events] == [
        ("RUS", "19", "UKR")
    ]
    # "of" with an ordinary noun keeps its old reading: the victim of criticism
    crit = code_text("Criticism of Belarus by the EU grew.", "2024")
    assert [(e.source.country, e.target and e.target.country) for e in crit] == [("EUR", "BLR")]
