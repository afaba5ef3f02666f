"""The packaged word lists: one validated schema, every file loads, and bad files fail clearly."""

from __future__ import annotations

import pytest

from multivector.coding.tables import cameo
from multivector.errors import DataError
from multivector.wordlists import load_lexicon, parse_lexicon

PACKAGES = ("multivector.coding", "multivector.actors", "multivector.nlp")


@pytest.mark.parametrize("package", PACKAGES)
def test_every_packaged_lexicon_loads(package: str) -> None:
    lex = load_lexicon(package)
    assert lex.sets or lex.tables or lex.forms


def test_code_maps_lead_to_cameo_codes() -> None:
    lex = load_lexicon("multivector.coding")
    for name in lex.maps:
        for code in lex.code_map(name).values():
            assert cameo(code) is not None, (name, code)


def test_currencies_are_iso_4217() -> None:
    from multivector.actors.lexicon import currencies

    table = currencies()
    assert table["$"] == "USD" and table["hryvnia"] == "UAH" and table["peso"] == ""


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("sets: {a: {about: x, words: [b, b]}}", "listed twice"),
        ("sets: {a: {about: '', words: [b]}}", "say what"),
        ("sets: {a: {words: [b]}}", "about"),
        ("maps: {m: {about: x, codes: {'1x': '120'}}}", "CAMEO prefix"),
        ("colours: {}", "colours"),
        ("- just a list", "mapping"),
        ("sets: [", "not valid YAML"),
    ],
)
def test_bad_files_are_data_errors_naming_the_file(text: str, message: str) -> None:
    with pytest.raises(DataError, match=message) as info:
        parse_lexicon(text, "pkg/data/lexicon.yaml")
    assert "pkg/data/lexicon.yaml" in str(info.value)


def test_a_missing_entry_is_named() -> None:
    lex = parse_lexicon("sets: {a: {about: x, words: [b]}}", "f.yaml")
    assert lex.words("a") == {"b"}
    with pytest.raises(DataError, match="no set named 'z'"):
        lex.words("z")
