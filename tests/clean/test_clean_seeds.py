"""The two real seed scrapes: split, dates and boilerplate exactly as the ingestion issue requires."""

from __future__ import annotations

from pathlib import Path

import pytest

from multivector.clean import clean_document
from multivector.records import RawDocument

BOILERPLATE = [
    "Similar articles",
    "Related Articles",
    "Recent trends",
    "Leave a Reply",
    "Back to top",
    "Show More",
    "Your email address",
    "Required fields",
    "Фото:",
    "Category status",
]


def _clean(path: Path):
    return clean_document(RawDocument(source_path=str(path), content=path.read_text(encoding="utf-8")))


def _seed(seeds_dir: Path, prefix: str) -> Path:
    matches = sorted(seeds_dir.glob(f"{prefix}_*.txt"))
    if not matches:
        pytest.skip(f"seed {prefix} missing")
    return matches[0]


def test_glued_page_gives_two_dated_articles(seeds_dir: Path) -> None:
    arts = _clean(_seed(seeds_dir, "000"))
    assert [a.date for a in arts] == ["2016-04-22", "2017-10-02"]
    assert [a.date_precision for a in arts] == ["day", "day"]
    assert arts[0].title.startswith("Lukashenko attempts")
    assert arts[1].title.startswith("Belarusian and Ukrainian Defence Ministries")
    assert [a.part for a in arts] == [0, 1]
    assert len({a.id for a in arts}) == 2
    # the second article's body is not glued onto the first
    assert "Defence Ministries" not in arts[0].text


def test_undated_page_stays_undated(seeds_dir: Path) -> None:
    arts = _clean(_seed(seeds_dir, "004"))
    assert len(arts) == 1
    assert arts[0].date is None and arts[0].date_precision is None
    assert arts[0].title.startswith("Between NATO and the Kremlin")
    assert arts[0].lang == "en"


def test_no_boilerplate_survives(seeds_dir: Path) -> None:
    for path in sorted(seeds_dir.glob("*.txt")):
        for art in _clean(path):
            for junk in BOILERPLATE:
                assert junk.lower() not in art.text.lower(), (path.name, junk)
                assert junk.lower() not in (art.title or "").lower(), (path.name, junk)
