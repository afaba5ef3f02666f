"""A known speaker (JSONL ``speaker_country``) makes "we", "our", "my country" … its government."""

from __future__ import annotations

import io
import json
from pathlib import Path

from multivector.clean import clean_document
from multivector.coding import code_article, code_text
from multivector.nlp import ResultCache
from multivector.records import Article, RawDocument
from multivector.sources.readers import read_jsonl


def _dyads(events) -> set[tuple[str, str, str | None]]:
    return {(e.source.country, e.source.agent, e.target.country if e.target else None) for e in events}


def test_we_resolves_to_the_speaker():
    events = code_text("We strongly condemn the aggression of Russia.", "2024", speaker="UKR")
    assert ("UKR", "GOV", "RUS") in _dyads(events)
    assert all(e.source.country != "RUS" for e in events if e.target is not None)


def test_my_country_resolves_to_the_speaker():
    events = code_text("My country signed an agreement with France.", "2024", speaker="KAZ")
    src = [e.source for e in events if e.target is not None and e.target.country == "FRA"]
    assert src and src[0].country == "KAZ" and src[0].agent == "GOV" and src[0].text == "My country"


def test_without_speaker_first_person_is_not_the_speaker():
    events = code_text("We strongly condemn the aggression of Russia.", "2024")
    assert all(e.source.country != "UKR" for e in events)


def test_named_country_beats_first_person_words():
    # "US" is tagged like the pronoun "us" but the resolver's United States wins
    events = code_text("The US imposed sanctions on Iran.", "2024", speaker="FRA")
    assert ("USA", "", "IRN") in _dyads(events)
    assert all(e.source.country != "FRA" for e in events)


def test_speaker_country_survives_jsonl_to_article_and_coding(tmp_path: Path):
    text = "We support Ukraine. Our government signed an agreement with Germany on trade."
    line = json.dumps({"id": "s1", "date": "2024", "speaker_country": "POL", "text": text}).encode() + b"\n"
    docs = [
        d for d in read_jsonl("mem.jsonl", io.BytesIO(line), max_bytes=10**6) if isinstance(d, RawDocument)
    ]
    (article,) = clean_document(docs[0])
    assert article.extra["speaker_country"] == "POL"
    cache = ResultCache(tmp_path)
    events, mentions, _ = code_article(article, cache=cache)
    assert ("POL", "GOV", "DEU") in _dyads(events)
    assert any(m.text == "Our government" and m.country == "POL" for m in mentions)
    # the speaker is part of the cache key: the same text without a speaker is coded afresh
    plain = Article(article.id, None, article.date, None, article.lang, None, "mem", 0, article.text)
    events_plain, _, _ = code_article(plain, cache=cache)
    assert ("POL", "GOV", "DEU") not in _dyads(events_plain)
    assert code_article(article, cache=cache)[0] == events and cache.hits >= 1


def test_a_bare_state_form_is_the_speaker():
    events = code_text("The Kingdom strongly condemns the Iranian missile strikes.", "2024", speaker="BHR")
    assert ("BHR", "GOV", "IRN") in _dyads(events)
    # not "the Republic of Korea", and not without a speaker
    named = code_text("The Republic of Korea thanked Canada.", "2024", speaker="BHR")
    assert all(e.source.country != "BHR" for e in named)
    assert all(e.source.country != "BHR" for e in code_text("The Kingdom condemned Iran.", "2024"))


def _accusations(events) -> set[tuple[str, str | None]]:
    return {(e.source.country, e.target.country if e.target else None) for e in events if e.root == "11"}


def test_a_misdeed_the_speaker_describes_is_the_speakers_accusation():
    # the doer meddles; the one saying so accuses it (no event runs from Washington)
    events = code_text(
        "Washington keeps interfering in the internal affairs of our region.", "2024", speaker="RUS"
    )
    assert _accusations(events) == {("RUS", "USA")}
    assert all(e.source.country != "USA" for e in events)


def test_a_misdeed_reported_under_a_belief_verb_and_a_noun_form():
    said = code_text(
        "We are convinced that the Alliance is destabilising the Baltic region.", "2024", speaker="BLR"
    )
    noun = code_text("The provocations of Vilnius on the border continue.", "2024", speaker="BLR")
    assert ("BLR", "IGO") in _accusations(said)
    assert _accusations(noun) == {("BLR", "LTU")}


def test_no_accusation_without_a_speaker_or_against_oneself():
    assert not _accusations(code_text("Washington keeps interfering in the affairs of Cuba.", "2024"))
    assert not _accusations(
        code_text("Russia never interferes in the affairs of others.", "2024", speaker="RUS")
    )
    assert not _accusations(
        code_text("Moscow does not meddle in the elections of its neighbours.", "2024", speaker="UKR")
    )


def test_what_another_side_must_do_is_the_speakers_demand_not_its_act():
    events = code_text("Russia must withdraw its troops from our territory.", "2024", speaker="UKR")
    assert {(e.source.country, e.target.country if e.target else None, e.root) for e in events} == {
        ("UKR", "RUS", "10")
    }
    # the speaker's own duty stays what it was: its act toward the partner
    own = code_text("We must strengthen our cooperation with Poland.", "2024", speaker="UKR")
    assert ("UKR", "POL") in {(e.source.country, e.target.country if e.target else None) for e in own}
    assert all(e.root != "10" for e in own)


def test_escalation_and_militarisation_by_another_side_are_charged_by_the_speaker():
    text = "The Alliance keeps escalating tensions and militarising the region."
    assert ("RUS", "IGO") in _accusations(code_text(text, "2024", speaker="RUS"))
    assert not _accusations(code_text(text, "2024"))


def test_explain_says_the_accuser_is_the_voice_of_the_passage():
    from multivector.coding.explain import describe_via

    text = "Washington keeps interfering in the internal affairs of our region."
    (event,) = [e for e in code_text(text, "2024", speaker="RUS") if e.root == "11"]
    assert describe_via(event.source.via).startswith("whoever speaks in the passage")
