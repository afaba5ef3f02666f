"""The seed articles' actors resolve as the project needs them to (texts are read at run time, not copied)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from multivector.evaluation.actors import parse_case_date

# surface form -> what a mention covering it must be: (country, agent or None for any, actor-id test)
EXPECT: list[tuple[str, str, str | None, str | None]] = [
    # a country name followed by a capitalised word is part of a longer name ("Belarus Free Theatre")
    (r"\bBelarus\b(?![’'-])(?! [A-Z])", "BLR", None, "BLR"),
    (r"\bTurkmenistan\b(?![’'])", "TKM", None, "TKM"),
    (r"\bRussia\b(?![’'])", "RUS", None, "RUS"),
    (r"\bKremlin\b", "RUS", "GOV", "RUS"),
    (r"\bUkraine\b(?![’'])", "UKR", None, "UKR"),
    (r"\bthe West\b", "WST", None, "WEST"),
    (r"Belarusian Defence Ministry", "BLR", "MIL", "BLR"),
    (r"Ukrainian Defence Ministries", "UKR", "MIL", "UKR"),
    (r"\bLukashenk[oa]\b", "BLR", "GOV", "lukashenko"),
    (r"\bBerdimuhamedov\b", "TKM", "GOV", "berdimuhamedo"),
    (r"\bNATO\b", "IGO", None, "NATO"),
    (r"\bEAEU\b|\bEEU\b|Eurasian Economic Union", "IGO", None, "EAEU"),
    (r"\bCSTO\b", "IGO", None, "CSTO"),
    (r"\bCIS\b", "IGO", None, "CIS"),
    (r"\bMoscow\b", "RUS", "GOV", "RUS"),
    (r"\bMinsk\b", "BLR", "GOV", "BLR"),
    (r"\bKyiv\b", "UKR", "GOV", "UKR"),
    (r"\bKiev\b", "UKR", "GOV", "UKR"),
]


def _date(text: str) -> str | None:
    m = re.search(
        r"(January|February|March|April|May|June|July|August|September|October|November|December) "
        r"(\d{1,2}), (\d{4})",
        text,
    )
    day = parse_case_date(f"{m[2]} {m[1]} {m[3]}") if m else None
    return day.isoformat() if day else None


@pytest.fixture(scope="module")
def seeds(seeds_dir: Path, resolver):
    files = sorted(seeds_dir.glob("*.txt"))
    if not files:
        pytest.skip("no seed texts")
    out = []
    for f in files:
        text = f.read_text(encoding="utf-8")
        out.append((f.name, text, resolver.find_mentions(text, date=_date(text))))
    return out, set(resolver.data.people)


def test_seed_actors(seeds) -> None:
    checked = 0
    seeds, people = seeds
    for name, text, mentions in seeds:
        for pattern, country, agent, actor in EXPECT:
            for hit in re.finditer(pattern, text):
                cover = [m for m in mentions if m.start <= hit.start() and hit.end() <= m.end]
                assert cover, f"{name}: nothing covers {hit.group()!r} at {hit.start()}"
                m = cover[0]
                assert m.country == country, (name, hit.group(), m)
                checked += 1
                if m.actor_id in people and actor.upper() == actor:
                    continue  # "President of Turkmenistan Berdimuhamedov": the person carries the country
                if agent is not None and not (m.actor_id or "").startswith(("lukashenko", "berdimuhamedo")):
                    assert m.agent == agent, (name, hit.group(), m)
                assert actor.lower() in (m.actor_id or "").lower(), (name, hit.group(), m)
    assert checked >= 20


def test_seed_person_titles_and_analyst(seeds) -> None:
    for name, text, mentions in seeds[0]:
        for m in mentions:
            if "Porotnikov" in m.text:
                assert (m.actor_id or "").startswith("analyst:"), (name, m)
                assert m.agent != "GOV"
            if re.search(r"Turkmen President|President of Turkmenistan", m.text):
                assert (m.country, m.agent) == ("TKM", "GOV") and "berdimuhamedo" in (m.actor_id or ""), m
        assert all(text[m.start : m.end] == m.text for m in mentions), name
