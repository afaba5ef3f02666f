"""Roles around a required object: the thing done is never the other side, nor is the city it is in."""

from __future__ import annotations

import pytest

from multivector.coding import code_text


@pytest.mark.parametrize(
    "sentence",
    [
        "Latvia signed a trade agreement with Estonia in Riga.",
        "Latvia signed a trade agreement in Riga with Estonia.",
        "In Riga, Latvia signed a trade agreement with Estonia.",
    ],
)
def test_the_partner_not_the_venue_is_the_target(sentence: str) -> None:
    events = code_text(sentence, "2022-05-03")
    assert [(e.cameo, e.source.country, e.target and e.target.country) for e in events] == [
        ("057", "LVA", "EST")
    ]


def test_a_document_named_after_a_city_names_no_target() -> None:
    events = code_text("Russia signed the Minsk agreement.", "2022-05-03")
    assert all(e.target is None for e in events)


@pytest.mark.parametrize(
    "sentence",
    [
        "Canada provided financial aid to Moldova.",  # the parser labels this "to" a dative
        "Canada gave assistance to Moldova.",
        "Canada provided aid to Moldova.",
    ],
)
def test_a_dative_to_phrase_is_the_receiver(sentence: str) -> None:
    events = code_text(sentence, "2022-05-03")
    assert [(e.cameo[:2], e.source.country, e.target and e.target.country) for e in events] == [
        ("07", "CAN", "MDA")
    ]


def test_the_of_phrase_of_sanctions_is_who_imposed_them() -> None:
    events = code_text("Belarus condemned the sanctions of the European Union.", "2022-05-03")
    assert [(e.cameo[:2], e.source.country, e.target and e.target.actor_id) for e in events] == [
        ("11", "BLR", "EU")
    ]


def test_an_object_pronoun_is_not_its_clauses_subject() -> None:
    events = code_text("Lithuania values the European Union and fully supports it.", "2022-05-03")
    support = [(e.source.country, e.target and e.target.country) for e in events if e.root == "05"]
    assert support and all(target in ("EU", "EUR") for _, target in support)
    assert all(src == "LTU" for src, _ in support)


def test_drafting_a_plan_is_not_a_mobilisation() -> None:
    drafted = code_text("Estonia drafted a new plan for its energy market.", "2022-05-03")
    called_up = code_text("Estonia drafted thousands of reservists.", "2022-05-03")
    assert not any(e.cameo == "154" for e in drafted)
    assert any(e.cameo == "154" for e in called_up)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the subject of a demanded that-clause is the one asked
        ("Armenia demanded that Azerbaijan release the prisoners.", ("ARM", "AZE")),
        # a stance noun's "over" names what it is about
        ("Sweden expressed concern over the actions of Belarus.", ("SWE", "BLR")),
        # the infinitive that met the object constraint carries the target
        ("Norway promised to help Moldova.", ("NOR", "MDA")),
        # support "for" someone is aimed at them (thanks "for" something is not)
        ("Sweden expressed support for the Finnish position.", ("SWE", "FIN")),
    ],
)
def test_targets_below_the_trigger(sentence: str, expected: tuple[str, str]) -> None:
    pairs = {(e.source.country, e.target and e.target.country) for e in code_text(sentence, "2022-05-03")}
    assert expected in pairs


def test_warning_a_state_against_a_step_is_a_threat() -> None:
    events = code_text("Russia warned Sweden against joining NATO.", "2022-05-03")
    assert [(e.root, e.source.country, e.target and e.target.country) for e in events] == [
        ("13", "RUS", "SWE")
    ]


def _spoken(sentence: str, speaker: str = "NOR") -> list[tuple[str, str, str | None]]:
    return [
        (e.root, e.source.country, e.target and e.target.country)
        for e in code_text(sentence, "2022-05-03", speaker=speaker)
    ]


def test_it_is_important_for_x_is_the_speakers_appeal_to_x() -> None:
    assert ("02", "NOR", "SWE") in _spoken("It is important for Sweden to ratify the treaty.")
    assert not any(r == "02" for r, _, _ in _spoken("It is important for us to ratify the treaty."))
    assert not any(r == "02" for r, _, _ in _spoken("Ratifying the treaty is important for Sweden."))


def test_our_reliable_partner_is_praise_of_the_copulas_subject() -> None:
    assert _spoken("Sweden is our reliable partner.") == [("05", "NOR", "SWE")]
    assert _spoken("Sweden has been a reliable partner of the Council of Europe.") == []


def test_welcoming_a_mediation_is_support_not_hosting() -> None:
    events = code_text("Armenia welcomed the mediation of France.", "2022-05-03")
    assert [(e.root, e.source.country, e.target and e.target.country) for e in events] == [
        ("05", "ARM", "FRA")
    ]


def test_closing_airspace_to_a_side_is_aimed_at_it() -> None:
    events = code_text("Lithuania closed its airspace to Belarusian aircraft.", "2022-05-03")
    assert [(e.cameo, e.source.country, e.target and e.target.country) for e in events] == [
        ("172", "LTU", "BLR")
    ]


@pytest.mark.parametrize("verb", ["put", "stepped up", "increased"])
def test_pressure_put_on_a_side_is_coercion_of_it(verb: str) -> None:
    events = code_text(f"Sweden {verb} pressure on Belarus.", "2022-05-03")
    coded = [(e.root, e.source.country, e.target and e.target.country) for e in events]
    assert coded == [("17", "SWE", "BLR")]


def test_who_is_thanked_or_condemned_for_an_act_did_it() -> None:
    """ "condemned Y for shelling Z", "thanked Y for sending …": Y is the one who shelled or sent."""
    events = code_text("Georgia thanked Estonia for sending weapons.", "2022-05-03")
    assert [(e.cameo[:2], e.source.country) for e in events if e.trigger == "sending"] == [("07", "EST")]
    events = code_text("Georgia condemned Armenia for shelling Azerbaijan.", "2022-05-03")
    acts = [(e.source.country, e.target and e.target.country) for e in events if e.trigger == "shelling"]
    assert acts == [("ARM", "AZE")]
