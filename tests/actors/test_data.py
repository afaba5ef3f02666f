"""The actor dictionaries load, cover what they must, and reject bad user files with clear messages."""

from __future__ import annotations

from pathlib import Path

import pytest

from multivector.actors import ActorResolver
from multivector.actors.data import load_actor_data
from multivector.errors import DataError


@pytest.fixture(scope="module")
def data():
    return load_actor_data()


def test_every_un_member_and_the_disputed_entities_are_actors(data) -> None:
    import pycountry

    countries = {a.id for a in data.actors.values() if a.kind == "country"}
    assert len(countries) >= 193
    for code in ("XKX", "TWN", "PSE", "VAT", "ESH", "ABH", "SOS", "PMR", "ART", "NCY", "DPR", "LPR", "XCR"):
        assert code in countries, code
    for c in pycountry.countries:
        if c.alpha_3 not in {"ATA", "BVT", "HMD", "ATF", "SGS", "UMI", "IOT"}:
            assert c.alpha_3 in countries, c.alpha_3
    assert "ATA" not in countries


def test_igo_country_codes_follow_the_plover_convention(data) -> None:
    assert data.actors["EU"].country == "EUR"
    assert data.actors["EP"].country == "EUR"
    assert data.actors["UN"].country == "UNO"
    assert data.actors["WHO"].country == "UNO"
    for igo in (
        "NATO",
        "OSCE",
        "CIS",
        "EAEU",
        "CSTO",
        "SCO",
        "BRICS",
        "GUAM",
        "UNSTATE",
        "CU",
        "EURASEC",
        "COE",
        "IMF",
        "WB",
        "EAP",
    ):
        assert igo in data.actors, igo
    assert all(data.actors[i].country == "IGO" for i in ("NATO", "CSTO", "EAEU", "IMF"))


def test_alignments(data) -> None:
    a = data.actors
    assert {a[x].alignment for x in ("NATO", "EU", "USA", "GBR", "WEST")} == {"West"}
    assert {a[x].alignment for x in ("RUS", "CSTO", "EAEU", "CIS", "UNSTATE")} == {"East"}
    assert a["CHN"].alignment == "China"
    assert a["BLR"].alignment is None and a["TKM"].alignment is None  # the states whose balance is measured
    assert all(x.alignment in {"West", "East", "China", "neutral", None} for x in a.values())


def test_phrase_tables_hold_demonyms_metonyms_and_sectors(data) -> None:
    for word in ("belarusian", "belarussian", "byelorussian", "turkmen", "ukrainian"):
        assert any(x.kind == "adj" for x in data.phrases[word]), word
    for word, code in (
        ("kremlin", "RUS"),
        ("white house", "USA"),
        ("élysée", "FRA"),
        ("downing street", "GBR"),
        ("zhongnanhai", "CHN"),
        ("bankova", "UKR"),
        ("akorda", "KAZ"),
        ("ashkhabad", "TKM"),
        ("kiev", "UKR"),
        ("brussels", "EU"),
    ):
        assert any(x.ref == code and x.kind == "actor" for x in data.phrases[word]), word
    assert {x.agent for x in data.phrases["defence ministry"]} == {"MIL"}
    assert data.sector_words() > 500
    assert any(x.ref == "RUS" for x in data.ru_phrases["кремль"])


def _write(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "mine.yaml"
    p.write_text(text, encoding="utf-8")
    return p


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("countries: [", "not valid YAML"),
        ("countries:\n  belarus: {adj: [x]}\n", "three-letter"),
        ("countries:\n  QQQ: {adj: [Qish]}\n", "needs a 'name'"),
        ("orgs:\n  - {name: Acme, country: RUS, agent: money}\n", "sector code"),
        ("people:\n  - {id: x, name: X, roles: [{country: BLR, role: king}]}\n", "role 'king'"),
        (
            "people:\n  - {id: x, name: X, roles: [{country: BLR, role: other, start: 2020-13-01}]}\n",
            "YYYY-MM-DD",
        ),
        (
            "people:\n  - {id: x, name: X, roles: [{country: BLR, role: other, start: 2020-01-01,"
            " end: 2019-01-01}]}\n",
            "before it starts",
        ),
        ("actors: []\n", "unknown top-level"),
    ],
)
def test_bad_user_files_name_file_and_entry(tmp_path: Path, text: str, needle: str) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(DataError) as err:
        load_actor_data([path])
    assert str(path) in str(err.value) and needle in str(err.value)


def test_missing_user_file_is_a_data_error(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="cannot read"):
        load_actor_data([tmp_path / "absent.yaml"])


def test_user_file_adds_and_overrides(tmp_path: Path, resolver) -> None:
    path = _write(
        tmp_path,
        (
            "orgs:\n  - {name: Grodno Think Tank, country: BLR, agent: EDU, names: [Grodno Think Tank]}\n"
            "people:\n  - {id: ivanov_test, name: Pyotr Zakrevsky, aliases: [], ru: [],\n"
            "     roles: [{country: BLR, role: foreign_minister, title: Minister, start: 2030-01-01,"
            " end: null}]}\n"
            "countries:\n  TKM: {adj: [Turkmen], alignment: East}\n"
        ),
    )
    mine = ActorResolver(extra_files=[path], nlp=resolver.nlp)
    m = mine.resolve_phrase("the Grodno Think Tank")
    assert (m.country, m.agent) == ("BLR", "EDU")
    assert mine.resolve_phrase("Pyotr Zakrevsky", "2031-01-01").actor_id == "ivanov_test"
    assert mine.resolve_phrase("the foreign minister of Belarus", "2031-01-01").actor_id == "ivanov_test"
    assert mine.data.actors["TKM"].alignment == "East"
    assert resolver.data.actors["TKM"].alignment is None  # other resolvers are untouched


def test_a_broken_packaged_people_file_is_a_load_error(monkeypatch) -> None:
    from multivector.actors import data as mod

    real = mod._packaged

    def broken(name: str):
        if name == "people.yaml":
            return "actors/data/people.yaml", "- {id: ok_one, name: Oleg Okay}\n- {id: broken, name: [\n"
        return real(name)

    monkeypatch.setattr(mod, "_packaged", broken)
    with pytest.raises(DataError, match=r"people\.yaml"):
        mod.load_actor_data()

    def partial(name: str):
        if name == "people.yaml":
            return "actors/data/people.yaml", "- {id: ok_one, name: Oleg Okay, roles: []}\n- {name: no id}\n"
        return real(name)

    monkeypatch.setattr(mod, "_packaged", partial)
    with pytest.raises(DataError, match=r"'no id'.*id"):
        mod.load_actor_data()
