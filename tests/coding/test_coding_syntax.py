"""The role helpers of coding.syntax on parses of sentences written for these tests."""

from __future__ import annotations

import pytest

from multivector.coding.syntax import asked_of, clause_roles, givers_of, object_targets, targets_of_object
from multivector.coding.tables import load_patterns


@pytest.fixture(scope="module")
def nlp():
    from multivector.nlp import get_nlp

    return get_nlp()


def _pattern(lemma: str):
    return min((p for p in load_patterns() if p.lemma == lemma and p.pos == "V"), key=lambda p: len(p.obj))


def _tok(doc, word: str):
    return next(t for t in doc if t.lower_ == word)


def test_subject_and_by_phrase_are_sources(nlp) -> None:
    doc = nlp("The treaty was signed by Latvia.")
    src, _ = clause_roles(_tok(doc, "signed"), _pattern("sign"), passive=True)
    assert [t.text for t in src] == ["Latvia"]
    doc = nlp("Latvia signed the treaty.")
    src, _ = clause_roles(_tok(doc, "signed"), _pattern("sign"), passive=False)
    assert [t.text for t in src] == ["Latvia"]


def test_appeal_is_addressed_to_its_object_or_on_phrase(nlp) -> None:
    assert [t.text for t in asked_of(_tok(nlp("Estonia urged Latvia to act."), "urged"))] == ["Latvia"]
    assert [t.text for t in asked_of(_tok(nlp("Estonia called on Latvia to act."), "called"))] == ["Latvia"]


def test_giver_of_a_receiving_verb(nlp) -> None:
    doc = nlp("Armenia received weapons from Iran.")
    assert [t.text for t in givers_of(_tok(doc, "received"))] == ["Iran"]


def test_targets_on_the_verb_and_on_its_object(nlp) -> None:
    doc = nlp("Latvia imposed sanctions on Belarus.")
    tok = _tok(doc, "imposed")
    pat = _pattern("impose")
    assert "Belarus" in [t.text for t in object_targets(tok, pat) + targets_of_object(tok, pat)]
