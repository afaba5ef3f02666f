"""Declared metadata is normalised, never trusted blindly: languages, impossible dates, odd JSON types."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from multivector.clean.dates import parse_date
from multivector.clean.lang import normalise_lang
from multivector.pipeline import extract_articles

BODY = "Georgia and Armenia agreed on Friday to reopen a border crossing closed since the spring floods."


@pytest.mark.parametrize(
    ("declared", "want"),
    [
        ("en-US", "en"),
        ("ru_RU", "ru"),
        ("UA", "uk"),
        ("uk-UA", "uk"),
        ("de", "other"),
        ("", None),
        (None, None),
    ],
)
def test_declared_languages_collapse_to_the_four_values(declared, want):
    assert normalise_lang(declared) == want


@pytest.mark.parametrize("broken", ["2016-13-01", "2016-02-30", "2016-00-10T12:00"])
def test_impossible_iso_dates_are_not_reread(broken):
    assert parse_date(broken) == (None, None)


def test_valid_iso_dates_still_parse():
    assert parse_date("2016-01-13") == ("2016-01-13", "day")
    assert parse_date("2016-04") == ("2016-04", "month")


def test_jsonl_fields_of_the_wrong_type_are_kept_as_given(tmp_path: Path):
    path = tmp_path / "odd.jsonl"
    rows = [
        {
            "text": BODY,
            "lang": "en-GB",
            "url": ["https://a.example/1", "https://b.example/1"],
            "date": "2016-13-01",
        },
        {"text": BODY.replace("Friday", "Monday"), "lang": {"code": "ru"}, "id": 17},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    first, second = list(extract_articles([str(path)]))
    assert first.lang == "en" and first.url is None and first.extra["url"] == rows[0]["url"]
    assert first.date is None
    assert second.lang == "en" and second.extra["lang"] == {"code": "ru"}
    assert second.extra["source_id"] == "17"


@pytest.mark.parametrize(
    "record",
    [
        "{Armenia and Georgia agreed on Friday to reopen the crossing closed since the floods.}",
        "Armenia and Georgia agreed on Friday to reopen the crossing closed since the floods\n\n",
        "Armenia and Georgia agreed on Friday to reopen the crossing closed since the floods",
    ],
)
def test_a_record_that_is_one_sentence_is_kept(record):
    from multivector.clean import clean_document
    from multivector.records import RawDocument

    (art,) = clean_document(RawDocument("one.txt", record))
    assert "reopen the crossing" in art.text and art.title is None
