"""The token-sequence index must match exactly what spaCy's PhraseMatcher(attr="LOWER") matched."""

from __future__ import annotations

from multivector.actors import ActorResolver
from multivector.actors.phrases import PhraseIndex, simple_form


def _forms(resolver: ActorResolver) -> list[str]:
    out = []
    for key in resolver.data.phrases:
        out += [key, *resolver.data.forms.get(key, ())]
    return out


def test_whitespace_split_equals_the_tokenizer_on_every_packaged_form(resolver: ActorResolver) -> None:
    tok = resolver.nlp.tokenizer
    simple = [f for f in _forms(resolver) if simple_form(f, tok.rules)]
    assert len(simple) > 10_000  # the fast path is the common case
    differ = [
        f for f, doc in zip(simple, tok.pipe(simple), strict=True) if [t.text for t in doc] != f.split()
    ]
    assert differ == []


def test_special_cases_go_through_the_tokenizer(resolver: ActorResolver) -> None:
    tok = resolver.nlp.tokenizer
    assert not simple_form("cannot", tok.rules)
    assert not simple_form("U.S. Army", tok.rules)
    index = PhraseIndex(tok)
    assert index.shapes(["U.S. Army"]) == {tuple(t.lower_ for t in tok("U.S. Army"))}


def test_index_gives_the_phrase_matcher_matches(resolver: ActorResolver) -> None:
    from spacy.matcher import PhraseMatcher

    nlp = resolver.nlp
    keys = ["united states", "the united states", "kremlin", "president", "u.s.", "european union", "eu"]
    pm = PhraseMatcher(nlp.vocab, attr="LOWER")
    index = PhraseIndex(nlp.tokenizer)
    for key in keys:
        forms = {key, key.title(), key.upper()}
        pm.add(key, list(nlp.tokenizer.pipe(sorted(forms))))
        index.add(key, forms)
    doc = nlp.make_doc(
        "The President of the United States met EU leaders; the Kremlin and the U.S. answered. "
        "The European Union said the united states president"
    )
    want = [(nlp.vocab.strings[k], a, b) for k, a, b in pm(doc)]
    assert len(want) >= 8
    assert index(doc) == want
    assert index(nlp.make_doc("")) == []


def test_ner_is_needed_only_for_names_the_dictionaries_lack(resolver: ActorResolver) -> None:
    nlp = resolver.nlp
    known = nlp("On Monday Mr Putin met Alexander Lukashenko in Minsk.", disable=["ner"])
    unknown = nlp("The analyst Zorvan Kelibekov said the talks went well.", disable=["ner"])
    assert not resolver.needs_ner(known)
    assert resolver.needs_ner(unknown)
