"""Actors reached through clause structure: relative pronouns, named members of a group, the
perpetrator of an act named in a relative clause, the main clause leading a sentence."""

from __future__ import annotations

from multivector.coding import code_text
from multivector.coding.coder import _depth
from multivector.nlp.pipeline import get_nlp


def _triples(events) -> set[tuple[str | None, str, str | None]]:
    return {(e.source.country, e.root, e.target.country if e.target else None) for e in events}


def test_relative_pronoun_stands_for_its_antecedent():
    got = _triples(code_text("Brazil praised Japan, which had sent food aid to Haiti.", "2024"))
    assert ("JPN", "07", "HTI") in got
    got = _triples(code_text("Norway, with whom Chile signed a fisheries treaty, hosted the forum.", "2024"))
    assert ("CHL", "05", "NOR") in got


def test_relative_pronoun_after_a_document_is_no_actor():
    # "a UN resolution that aims to …": the resolution is not the UN acting
    events = code_text("Peru backed a UN Security Council resolution that would impose an embargo on Mali.")
    assert all(e.source.country != "UNO" for e in events)


def test_named_members_of_a_group_are_the_targets():
    got = _triples(code_text("Kenya thanked its donors, including Sweden and Japan, for the grants.", "2024"))
    assert {("KEN", "05", "SWE"), ("KEN", "05", "JPN")} <= got
    got = _triples(code_text("Canada sanctioned states such as Belarus and Iran.", "2024"))
    assert {("CAN", "16", "BLR"), ("CAN", "16", "IRN")} <= got


def test_perpetrator_named_in_a_relative_clause_is_the_target_of_a_stance():
    got = _triples(code_text("Chile condemned the massacres that Myanmar's army committed.", "2024"))
    assert ("CHL", "11", "MMR") in got


def test_mediation_between_two_parties_targets_both():
    got = _triples(code_text("Qatar mediated between Ethiopia and Eritrea.", "2024"))
    assert {("QAT", "04", "ETH"), ("QAT", "04", "ERI")} <= got


def test_depth_counts_steps_to_the_root():
    doc = get_nlp()("Ghana said that Togo had closed the border.")
    root = next(t for t in doc if t.dep_ == "ROOT")
    assert _depth(root) == 0
    assert _depth(doc[-2]) >= 2  # "border" hangs below "closed", below "said"


def test_a_possessive_ahead_of_its_subject_points_forward_only_to_that_subject():
    # "Despite its pledges, Belarus …": the clause's subject
    got = _triples(code_text("Despite its pledges, Belarus expelled the Lithuanian envoy.", "2024"))
    assert ("BLR", "16", "LTU") in got
    # "… to its proxies, some of whom occupy Chad's embassy": the proxies are not Chad's
    text = "Chad criticised France. It offers shelter to its proxies, some of whom occupy Chad's embassy."
    got = _triples(code_text(text, "2024"))
    assert ("TCD", "11", "FRA") in got and ("FRA", "03", "TCD") not in got
