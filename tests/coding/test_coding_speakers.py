"""Speaker attribution: first person belongs to whoever speaks there, never to the nearest name."""

from __future__ import annotations

from multivector.coding import code_article, code_text
from multivector.coding.speakers import site_code, speaker_map, speaker_table, title_voice
from multivector.records import Article


def _article(text: str, *, url: str | None = None, title: str | None = None, extra=None) -> Article:
    return Article(
        "t" + str(abs(hash((text, url, title))))[:8],
        title,
        "2021-06-01",
        "day",
        "en",
        url,
        "mem",
        0,
        text,
        extra=extra or {},
    )


def _dyads(events) -> set[tuple[str, str | None]]:
    return {(e.source.country, e.target.country if e.target else None) for e in events}


def test_official_site_speaks_for_its_state():
    art = _article("We strongly condemn Lithuania for its new sanctions.", url="http://en.kremlin.ru/news/1")
    events, _, _ = code_article(art)
    assert ("RUS", "LTU") in _dyads(events)


def test_without_any_speaker_first_person_is_left_unresolved():
    events = code_text(
        "Japan was mentioned earlier. We strongly condemn Lithuania for its new sanctions.", "2021"
    )
    assert all(e.source.country not in ("JPN", "LTU") for e in events)
    assert not any(e.source.text.lower() == "we" for e in events)


def test_title_names_the_speaker():
    art = _article(
        "We thank Poland for its generous help.", title="Address by the President of Ukraine to the nation"
    )
    events, _, _ = code_article(art)
    assert any(e.source.country == "UKR" and e.target and e.target.country == "POL" for e in events)


def test_turn_tags_switch_the_speaker():
    text = (
        "Vladimir Putin: Mr President, we are ready to widen our cooperation with Belarus. "
        "Alexander Lukashenko: Thank you. We fully support Russia on this question."
    )
    events, _, _ = code_article(_article(text))
    pairs = _dyads(events)
    assert ("RUS", "BLR") in pairs and ("BLR", "RUS") in pairs
    assert ("BLR", "BLR") not in pairs and ("RUS", "RUS") not in pairs


def test_unknown_tag_is_an_unknown_speaker_not_the_previous_one():
    text = (
        "Vladimir Putin: We have good relations with Armenia. "
        "Ivan Zorbekov: We demand that NATO withdraw its troops."
    )
    events, _, _ = code_article(_article(text, url="https://en.kremlin.ru/x"))
    assert not any(e.source.country == "RUS" and e.target and e.target.country == "IGO" for e in events)


def test_quotation_belongs_to_its_attributed_speaker():
    text = "\u201cWe will impose sanctions on Iran,\u201d the French foreign minister said on Monday."
    events, _, _ = code_article(_article(text, url="https://en.kremlin.ru/x"))
    assert ("FRA", "IRN") in _dyads(events)
    assert not any(e.source.country == "RUS" for e in events)


def test_speaker_map_layers():
    text = 'Intro. Question: Is it so? Vladimir Putin: Yes. "We agree," the Turkish minister said.'
    from multivector.coding.api import default_resolver
    from multivector.coding.speakers import country_voice

    res = default_resolver()
    house = country_voice("RUS", res, "site")
    voices = speaker_map(text, "2021-06-01", res, house)
    assert voices.at(0) is house  # before any tag: the document's voice
    assert voices.at(text.index("Is it")) is None  # a journalist's question: nobody we can code
    assert voices.at(text.index("Yes")).actor_id == "putin_vladimir"
    assert voices.at(text.index("We agree")).country == "TUR"


def test_site_table_and_titles():
    assert site_code("https://www.president.gov.ua/en/news/abc") == "UKR"
    assert site_code(None, "en.kremlin.ru (President of Russia, news)") == "RUS"
    assert site_code("https://example.org/kremlin.ru") is None
    assert "kremlin.ru" in speaker_table().sites
    assert title_voice("Meeting with students", None, None) is None
