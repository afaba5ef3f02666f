"""Russian mentions: inflected names resolve through lemmas; a missing natasha gives an install hint."""

from __future__ import annotations

import sys

import pytest

from multivector.actors import ActorResolver
from multivector.errors import MultivectorError

pytest.importorskip("natasha")
pytest.importorskip("pymorphy3")


def test_inflected_forms(resolver) -> None:
    text = (
        "Лукашенко обсудил с Кремлём отношения Беларуси с Россией. В Кремле напомнили про НАТО, ЕАЭС и ОДКБ. "
        "Министерство обороны Белоруссии ответило, а президент Украины промолчал."
    )
    ms = resolver.find_mentions(text, date="2020-06-01", lang="ru")
    got = {(m.text, m.actor_id, m.country, m.agent) for m in ms}
    ids = {m.text: m.actor_id for m in ms}
    assert "lukashenko" in (ids["Лукашенко"] or "")
    assert ids["Кремлём"] == "RUS" and ids["Кремле"] == "RUS"
    assert ids["Беларуси"] == "BLR" and ids["Россией"] == "RUS"
    assert ids["НАТО"] == "NATO" and ids["ЕАЭС"] == "EAEU" and ids["ОДКБ"] == "CSTO"
    assert ("Министерство обороны Белоруссии", "BLR", "BLR", "MIL") in got
    assert "zelensk" in (ids["президент Украины"] or "")
    assert all(text[m.start : m.end] == m.text for m in ms)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Переговоры с Токаевым продлились два часа.", "Токаевым"),
        ("Глава МИД передал Токаеву послание.", "Токаеву"),
        ("В Ташкенте ждут Мирзиёева.", "Мирзиёева"),
        ("О Мирзиёеве писали все газеты.", "Мирзиёеве"),
    ],
)
def test_inflected_surnames_the_lemmatizer_misreads(resolver, text: str, word: str) -> None:
    """pymorphy3 reads the nominative "Токаев" as a case of another word; every case form still resolves."""
    ids = {m.text: m.actor_id for m in resolver.find_mentions(text, date="2022-03-01", lang="ru")}
    assert ids.get(word) in ("tokayev_kassym_jomart", "mirziyoyev_shavkat")


def test_unknown_names_get_base_forms(resolver) -> None:
    ms = resolver.find_mentions("Встреча с Эдуардом Пшеничниковым прошла в Гродно.", lang="ru")
    unknown = [m for m in ms if m.actor_id is None]
    assert unknown and unknown[0].name.startswith("Эдуард")


def test_missing_natasha_is_a_clear_error(resolver, monkeypatch) -> None:
    fresh = ActorResolver(nlp=resolver.nlp)
    monkeypatch.setitem(sys.modules, "natasha", None)
    with pytest.raises(MultivectorError, match="pip install"):
        fresh.find_mentions("Кремль", lang="ru")


def test_sector_adjective_of_a_noun_is_no_mention(resolver) -> None:
    """ "военные учения" are drills, not "the military"; "военные заявили" and "военные Китая" are people."""
    text = "Военные Китая провели военные учения, а военные заявили о готовности."
    ms = resolver.find_mentions(text, lang="ru")
    mil = sorted(m.text for m in ms if m.agent == "MIL")
    assert mil == ["Военные Китая", "военные"]
    assert not any(m.start == text.index("военные учения") for m in ms)


def test_russian_city_names_give_their_country(resolver) -> None:
    text = "Ракеты упали на Херсон и Львов, а утром обстреляли Гомель и Гюмри."
    ms = resolver.find_mentions(text, lang="ru")
    got = {m.text: (m.country, m.agent) for m in ms}
    assert (
        got["Херсон"] == ("UKR", "CVL") and got["Гомель"] == ("BLR", "CVL") and got["Гюмри"] == ("ARM", "CVL")
    )


def test_a_place_in_an_oblique_case_does_not_own_the_next_title(resolver) -> None:
    """ "принял в Кремле президента Казахстана": the president is Kazakhstan's, not "the Kremlin's"."""
    ms = resolver.find_mentions("Путин принял в Кремле президента Казахстана.", date="2022-03-01", lang="ru")
    assert [(m.text, m.country) for m in ms] == [
        ("Путин", "RUS"),
        ("Кремле", "RUS"),
        ("президента Казахстана", "KAZ"),
    ]
    # a genitive still belongs to the title before it, and a name to the title and country before it
    ms = resolver.find_mentions("Президент Казахстана Токаев прибыл в Москву.", date="2022-03-01", lang="ru")
    assert ms[0].text == "Президент Казахстана Токаев" and ms[0].actor_id == "tokayev_kassym_jomart"
