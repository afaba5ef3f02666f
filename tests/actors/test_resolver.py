"""Behaviour of English actor resolution on short phrases and small invented articles."""

from __future__ import annotations

import subprocess
import sys

import pytest

import multivector.actors as actors_pkg
from multivector.records import Mention


def code(m: Mention) -> tuple[str, str]:
    return (m.country, m.agent)


@pytest.mark.parametrize(
    ("phrase", "country", "agent"),
    [
        ("the Kremlin", "RUS", "GOV"),
        ("Minsk", "BLR", "GOV"),
        ("Kiev", "UKR", "GOV"),
        ("Ashkhabad", "TKM", "GOV"),
        ("Downing Street", "GBR", "GOV"),
        ("Brussels", "EUR", ""),
        ("observers from Ukraine", "UKR", ""),
        ("military observers from Ukraine", "UKR", "MIL"),
        ("Belarusian Defence Ministry", "BLR", "MIL"),
        ("the Ukrainian military leadership", "UKR", "MIL"),
        ("Belarus' authorities", "BLR", "GOV"),
        ("Belarus’ authorities", "BLR", "GOV"),
        ("Turkmenistan's President", "TKM", "GOV"),
        ("the Belarusian opposition", "BLR", "OPP"),
        ("Belarusian parliament", "BLR", "LEG"),
        ("Minsk police", "BLR", "COP"),
        ("a Belarusian court", "BLR", "JUD"),
        ("Ukrainian journalists", "UKR", "MED"),
        ("Belarusian students", "BLR", "EDU"),
        ("Belaruskali", "BLR", "BUS"),
        ("Gazprom", "RUS", "BUS"),
        ("Uralkali", "RUS", "BUS"),
        ("the Belarusian Potash Company", "BLR", "BUS"),
        ("EAEU", "IGO", ""),
        ("the Eurasian Economic Union", "IGO", ""),
        ("the European Parliament", "EUR", "LEG"),
        ("UN Security Council", "UNO", ""),
        ("the West", "WST", ""),
        ("a former CIA official", "USA", "ELI"),
    ],
)
def test_phrases(resolver, phrase: str, country: str, agent: str) -> None:
    assert code(resolver.resolve_phrase(phrase)) == (country, agent)


def test_title_and_name_make_one_person_mention(resolver) -> None:
    m = resolver.resolve_phrase("Turkmen President Gurbanguly Berdimuhamedov", "2016-04-22")
    assert m.text == "Turkmen President Gurbanguly Berdimuhamedov"
    assert (m.country, m.agent) == ("TKM", "GOV") and "gurbanguly" in (m.name or "").lower()


def test_dated_offices(resolver) -> None:
    assert "kuchma" in resolver.resolve_phrase("the president of Ukraine", "1996-05-01").actor_id
    assert "zelensky" in resolver.resolve_phrase("the president of Ukraine", "2021-06-01").actor_id
    assert "poroshenko" in resolver.resolve_phrase("Ukrainian President", "2016-01-01").actor_id
    spy = resolver.resolve_phrase("Vladimir Putin", "1999-01-01")
    assert (spy.country, spy.agent) == ("RUS", "SPY")


def test_person_outside_office_keeps_country_with_lower_confidence(resolver) -> None:
    now = resolver.resolve_phrase("Angela Merkel", "2017-04-01")
    later = resolver.resolve_phrase("Angela Merkel", "2023-04-01")
    assert code(now) == ("DEU", "GOV")
    assert later.country == "DEU" and later.agent == "ELI" and later.confidence < now.confidence


def test_unknown_is_never_a_guess(resolver) -> None:
    for phrase in ("puppies", "who", "us", "the weather"):
        m = resolver.resolve_phrase(phrase)
        assert (m.actor_id, m.country) == (None, ""), phrase
    assert code(resolver.resolve_phrase("Turkey")) == ("TUR", "")
    assert resolver.resolve_phrase("turkey").country == ""


def test_compounds_and_coordination(resolver) -> None:
    ms = resolver.find_mentions("The Belarusian-Turkmen talks followed the Russo-Ukrainian war.")
    assert [m.country for m in ms] == ["BLR", "TKM", "RUS", "UKR"]
    ms = resolver.find_mentions("The Latvian and Ukrainian Defence Ministries disagreed.")
    assert [code(m) for m in ms] == [("LVA", "MIL"), ("UKR", "MIL")]
    ms = resolver.find_mentions("Belarus and Turkmenistan signed a deal.")
    assert [m.actor_id for m in ms] == ["BLR", "TKM"]


def test_article_context_resolves_bare_titles(resolver) -> None:
    text = (
        "Alexander Lukashenko met envoys in Minsk. Later the president said the Belarusian leader "
        "would not bow to pressure, and the head of state left."
    )
    ms = resolver.find_mentions(text)
    people = [m for m in ms if m.actor_id and "lukashenko" in m.actor_id]
    assert [m.text for m in people] == [
        "Alexander Lukashenko",
        "president",
        "Belarusian leader",
        "head of state",
    ]
    assert all(code(m) == ("BLR", "GOV") for m in people)
    assert text[ms[0].start : ms[0].end] == ms[0].text


def test_analyst_is_flagged_not_government(resolver) -> None:
    text = "Minsk waits, said the analyst of the Belarus Watch project Ivan Karpovich. Ivan Karpovich left."
    ms = [m for m in resolver.find_mentions(text) if "Karpovich" in m.text]
    assert ms and all(m.actor_id == "analyst:ivan-karpovich" and m.agent == "EDU" for m in ms)


def test_unknown_named_entities_are_reported_without_an_actor(resolver) -> None:
    ms = resolver.find_mentions("Officials of Zorbex Holdings met Piotr Wozniakowski in Minsk on Monday.")
    assert any(m.actor_id is None and m.agent == "" and "Wozniakowski" in m.text for m in ms)
    assert any(m.actor_id == "BLR" for m in ms)


def test_doc_input_and_offsets(resolver) -> None:
    doc = resolver.nlp("NATO and the CSTO met; the CIS and the EEU did not.")
    ms = resolver.find_mentions(doc)
    assert [m.actor_id for m in ms] == ["NATO", "CSTO", "CIS", "EAEU"]
    assert all(doc.text[m.start : m.end] == m.text for m in ms)


def test_package_import_does_no_work() -> None:
    code = (
        "import sys, multivector.actors as a; "
        "print(a.resolver._default is None, 'spacy' in sys.modules, 'natasha' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["True", "False", "False"]


def test_module_level_resolve(resolver, monkeypatch) -> None:
    from multivector.actors import resolver as mod

    monkeypatch.setattr(mod, "_default", resolver)
    assert code(actors_pkg.resolve("Lukashenko")) == ("BLR", "GOV")


def test_names_inside_other_names_and_common_words(resolver) -> None:
    assert [m.actor_id for m in resolver.find_mentions("In May 2019 the talks resumed.")] == []
    ms = resolver.find_mentions("Will Lukashenko go?", date="2019-05-10")
    assert [m.actor_id for m in ms if m.actor_id] and "lukashenk" in ms[0].actor_id
    ms = resolver.find_mentions("Omar Farid Khan spoke to reporters.")
    assert all(m.actor_id is None for m in ms if "Khan" in m.text)
    assert all(m.actor_id != "EU" for m in resolver.find_mentions("The Union of Journalists met."))


def test_title_gives_unknown_people_a_sector(resolver) -> None:
    m = resolver.resolve_phrase("Deputy Defence Minister Oleg Zarubin")
    assert m.text == "Deputy Defence Minister Oleg Zarubin" and m.actor_id is None and m.agent == "GOV"
    m = resolver.resolve_phrase("Lt. Gen. Oleg Zarubin")
    assert m.agent == "MIL"


def test_pronoun_phrase_and_name_running_into_another_name(resolver) -> None:
    he = resolver.resolve_phrase("He")
    assert (he.actor_id, he.country, he.agent) == (None, "", "UNK")
    m = resolver.resolve_phrase("Minister Juan Carlos Jobet", "2021-04-01")
    assert m.actor_id != "juan_carlos_i" and m.country == "CHL"


def test_bare_surname_that_is_an_ordinary_word_is_not_a_person(resolver) -> None:
    """Sentence-initial common words must not become politicians ("Wine exports" is not Bobi Wine)."""
    for text in ("Wine exports from Moldova to Russia resumed.", "Brown coal deliveries to Germany stopped."):
        assert not [m for m in resolver.find_mentions(text, "2019-01-01") if m.actor_id and "_" in m.actor_id]
    named = resolver.find_mentions("Rice met Lavrov in Moscow.", "2006-01-01")
    assert [m.actor_id for m in named][:2] == ["rice_condoleezza", "lavrov_sergey"]


def test_a_capital_naming_a_document_is_not_an_actor(resolver):
    found = {
        m.text: m.country for m in resolver.find_mentions("Nepal keeps to the Paris Agreement; Paris agreed.")
    }
    assert found.get("Nepal") == "NPL" and found.get("Paris") == "FRA"  # the second Paris, the government
    assert [m.start for m in resolver.find_mentions("We keep the Paris Agreement.") if m.country] == []
    assert [
        m.country for m in resolver.find_mentions("We respect the Helsinki Final Act.") if m.country
    ] == []


def test_a_title_points_back_only_when_definite(resolver) -> None:
    text = "Putin spoke on Monday. Later an Asian head of state replied, and Mr President closed the sitting."
    ms = resolver.find_mentions(text, "2024-09-24")
    titles = [m for m in ms if m.text in ("head of state", "President")]
    assert titles and all(m.actor_id != "putin_vladimir" for m in titles)
    back = resolver.find_mentions("Putin spoke on Monday. Later the president replied.", "2024-09-24")
    assert [m.actor_id for m in back].count("putin_vladimir") == 2


def test_country_before_a_currency_is_money(resolver) -> None:
    ms = resolver.find_mentions("Chile lent 40 million US dollars and 9 billion Chinese yuan to Peru.")
    assert [m.country for m in ms if m.country] == ["CHL", "PER"]


def test_bare_surname_needs_evidence():
    from multivector.actors import ActorResolver

    res = ActorResolver()
    # a surname alone, in a year its only bearer in the dictionaries held no office: nobody
    alone = res.find_mentions("Kravchuk spoke about paintings at the museum.", date="2015-05-01")
    assert not any(m.actor_id and "kravchuk" in m.actor_id for m in alone)
    # the same surname after the full name in the same article resolves to the person
    named = res.find_mentions(
        "Leonid Kravchuk arrived in Kyiv. Kravchuk spoke about paintings at the museum.", date="2015-05-01"
    )
    assert sum(1 for m in named if m.actor_id and "kravchuk" in m.actor_id) == 2
    # in office on the article's day: the bare surname is that office holder
    serving = res.find_mentions("Kravchuk signed the decree.", date="1993-05-01")
    assert any(m.actor_id and "kravchuk" in m.actor_id and m.country == "UKR" for m in serving)


def test_ambiguous_surname_of_one_state_names_the_state():
    from multivector.actors import ActorResolver

    res = ActorResolver()
    # "Алиева": the president's genitive or the first vice-president's nominative; both serve AZE
    ms = res.find_mentions("Лукашенко пригласил Алиева в Минск.", date="2022-03-01", lang="ru")
    hit = next(m for m in ms if m.text == "Алиева")
    assert hit.country == "AZE" and hit.agent == "GOV" and hit.actor_id == "AZE"
    # before the first vice-president took office the surname is one person again
    early = res.find_mentions("Лукашенко пригласил Алиева в Минск.", date="2010-03-01", lang="ru")
    assert next(m for m in early if m.text == "Алиева").actor_id == "aliyev_ilham"
    # nobody of that name in office: still nobody
    assert not any(m.country for m in res.find_mentions("Kravchuk spoke.", date="2015-05-01"))


def test_role_agent_comes_from_the_dated_role():
    from multivector.actors import resolve

    exiled = resolve("Sviatlana Tsikhanouskaya", date="2022-03-01")
    assert exiled.country == "BLR" and exiled.agent == "OPP"
    separatist = resolve("Denis Pushilin", date="2022-03-01")
    assert separatist.country == "UKR" and separatist.agent == "REB"


def test_another_countrys_institution_inside_an_unknown_name_is_part_of_it(resolver) -> None:
    ms = resolver.find_mentions("The minister met a delegation of the Latvian World Congress.")
    assert {m.country for m in ms if m.country} == {"LVA"}
    assert [m.country for m in resolver.find_mentions("The American Congress approved the aid.")] == ["USA"]
