"""The modality rules, one construction each, on sentences written for these tests."""

from __future__ import annotations

import pytest

from multivector.coding import code_text
from multivector.coding.modality import (
    RULES,
    cessation,
    conditional_threat,
    denial,
    future_intent,
    governing_head,
    negation,
)


def _coded(sentence: str) -> list[tuple[str, str, str, str | None]]:
    return [
        (e.cameo, e.modality, e.source.country, e.target and e.target.country)
        for e in code_text(sentence, "2020-05-05")
    ]


def test_rules_run_in_the_documented_order() -> None:
    assert RULES[:6] == (denial, negation, cessation, governing_head, future_intent, conditional_threat)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # negation: a refused signature is a rejection, a negated attack is no event
        ("Poland did not sign the treaty with Lithuania.", [("127", "asserted", "POL", "LTU")]),
        ("Poland did not attack Lithuania.", []),
        # "not only" limits, it does not deny
        (
            "Poland not only signed the treaty with Lithuania but ratified it.",
            [("057", "asserted", "POL", "LTU")] * 2,
        ),
        # governing head: refusal, appeal, threat, intent
        ("Georgia refused to meet Armenia.", [("125", "asserted", "GEO", "ARM")]),
        ("Estonia urged Latvia to sign the agreement.", [("027", "appeal", "EST", "LVA")]),
        ("Serbia threatened to impose sanctions on Kosovo.", [("1312", "intent", "SRB", "XKX")]),
        ("Poland plans to send aid to Ukraine.", [("033", "intent", "POL", "UKR")]),
        # a verb that goes on is no negation ("did not stop supporting")
        ("Georgia did not stop supporting Ukraine.", [("051", "asserted", "GEO", "UKR")]),
        # "going to" is an intent; "not going to" attack is no attack and no refusal either
        ("Serbia is going to attack Kosovo.", [("138", "intent", "SRB", "XKX")]),
        ("Serbia is not going to attack anyone.", []),
        ("Serbia is not going to sign the agreement with Kosovo.", [("127", "asserted", "SRB", "XKX")]),
        # future tense without a governing verb: an intent
        ("Finland will send aid to Estonia.", [("033", "intent", "FIN", "EST")]),
        # a promise on a condition is a threat
        (
            "Armenia will withdraw its troops from the border unless Azerbaijan stops the shelling.",
            [("130", "intent", "ARM", None)],
        ),
        # denial: what the speaker denies is no event; the deed itself, and a rejected offer, still are
        ("Kazakhstan denied that it had supplied weapons to Iran.", []),
        ("Kazakhstan denied supplying weapons to Iran.", []),
        ("Minsk rejected allegations that Belarus had shelled Lithuania.", []),
        (
            "Armenia dismissed reports that its troops had attacked Azerbaijan.",
            [("110", "asserted", "ARM", None)],
        ),
        ("Kazakhstan supplied weapons to Iran.", [("072", "asserted", "KAZ", "IRN")]),
        ("Georgia rejected the offer of talks with Armenia.", [("125", "asserted", "GEO", None)]),
        # an act alleged of another is the accusation only; one refrained from, or unlikely, is none
        ("Latvia accused Belarus of shelling Lithuania.", [("112", "asserted", "LVA", "BLR")]),
        ("Hungary refrained from condemning Serbia.", []),
        ("Hungary avoided criticising Serbia.", []),
        ("Poland warned Belarus against attacking Lithuania.", [("130", "asserted", "POL", "BLR")]),
        # what one side fears or expects of another is no act of that other; its own hope is its intent
        ("Latvia fears that Belarus will attack Lithuania.", []),
        ("Georgia expects Armenia to sign the agreement.", []),
        # a warning of another side's act is no act of that side; of one's own, its threat
        ("Latvia warned that Belarus would attack Lithuania.", [("130", "asserted", "LVA", None)]),
        (
            "Latvia warned that it would close the border with Belarus.",
            [("130", "asserted", "LVA", None), ("132", "intent", "LVA", "BLR")],
        ),
        ("Latvia hopes that it will sign the treaty with Estonia.", [("037", "intent", "LVA", "EST")]),
        ("Armenia is unlikely to sign the agreement with Turkey.", []),
        # stopping a cooperative act reduces relations; a stopped attack is no attack
        ("Moldova stopped buying Romanian wheat.", [("160", "asserted", "MDA", "ROU")]),
        ("Georgia stopped cooperating with Armenia.", [("160", "asserted", "GEO", "ARM")]),
        ("Azerbaijan stopped shelling Armenia.", []),
        # a common verb that is an act by itself still reaches the parser ("received", "went to")
        ("Tokayev received Aliyev in Astana.", [("043", "asserted", "KAZ", "AZE")]),
        ("The Georgian minister was received in Baku by Aliyev.", [("043", "asserted", "AZE", "GEO")]),
        ("Lukashenko went to Beijing.", [("042", "asserted", "BLR", "CHN")]),
        (
            "Estonia and Latvia exchanged prisoners.",
            [("0841", "asserted", "EST", "LVA"), ("0841", "asserted", "LVA", "EST")],
        ),
        # asked to stop, the act goes on: it stays the act of the one asked (and its possessive is theirs)
        (
            "Estonia urged Hungary to stop supplying weapons to Serbia.",
            [("020", "appeal", "EST", "HUN"), ("072", "asserted", "HUN", "SRB")],
        ),
        (
            "Latvia called on Belarus to end its attacks on Lithuania.",
            [("020", "asserted", "LVA", "BLR"), ("180", "asserted", "BLR", "LTU")],
        ),
        ("Armenia must end its blockade of Georgia.", [("191", "asserted", "ARM", "GEO")]),
        # a clause that stops its subject's own act: "its" is that subject's, however the clause is asked
        (
            "Poland demanded that Belarus stop its attacks on Lithuania.",
            [("100", "asserted", "POL", "BLR"), ("180", "asserted", "BLR", "LTU")],
        ),
        # with someone warned, "against" names the act warned against, not a second target
        (
            "Minsk warned Vilnius against closing Belarusian media outlets.",
            [("130", "asserted", "BLR", "LTU")],
        ),
        # an obligation in reported speech is a demand on the one obliged
        ("Latvia said Estonia must cooperate with Lithuania.", [("102", "appeal", "LVA", "EST")]),
    ],
)
def test_construction(sentence: str, expected: list[tuple[str, str, str, str | None]]) -> None:
    assert _coded(sentence) == expected
