"""Scoring the resolver against shared gold data (NGEC actor-resolution cases, BSNLP Russian entities).

Lives in the package so tests and benchmarks compute the same numbers; the data is read at run time from
``../shared/corpora`` and never copied.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from multivector.actors.resolver import ActorResolver
from multivector.clean.dates import ENGLISH_MONTHS

_MONTHS = {m: i for i, m in enumerate(ENGLISH_MONTHS, start=1)}


def parse_case_date(value: str | None, today: dt.date | None = None) -> dt.date | None:
    """NGEC test dates: "", "today", ISO, "10 May 2015", "October 1, 2021"."""
    if not value:
        return None
    v = value.strip().lower().replace(",", "")
    if v == "today":
        return today or dt.date.today()
    try:
        return dt.date.fromisoformat(v)
    except ValueError:
        pass
    parts = v.split()
    if len(parts) == 3:
        if parts[0] in _MONTHS:
            parts = [parts[1], parts[0], parts[2]]
        if parts[1] in _MONTHS and parts[0].isdigit() and parts[2].isdigit():
            return dt.date(int(parts[2]), _MONTHS[parts[1]], int(parts[0]))
    return None


@dataclass
class NgecScore:
    country_total: int = 0
    country_ok: int = 0
    sector_total: int = 0
    sector_ok: int = 0
    failures: list[dict[str, Any]] = field(default_factory=list)

    @property
    def country_acc(self) -> float:
        return self.country_ok / self.country_total if self.country_total else 0.0

    @property
    def sector_acc(self) -> float:
        return self.sector_ok / self.sector_total if self.sector_total else 0.0


def _check(op: str, want: Any, got: str) -> bool:
    if op == "Eq":
        return got == (want or "")
    if op == "NotEq":
        return got != want
    if op == "In":
        return got in want
    return True


def score_ngec(resolver: ActorResolver, path: Path) -> NgecScore:
    """Country and sector (``code_1``) accuracy of resolve_phrase on the ``agent_to_code`` cases.

    Country is scored on every case with a ``country`` expectation; sector on every case with ``code_1``.
    The actor text alone is given (NGEC's second argument, extra context, is not used); the date comes from
    the third argument or ``query_date``.
    """
    score = NgecScore()
    for line in path.read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        if case.get("method") != "agent_to_code":
            continue
        args = case.get("args") or []
        text = args[0]
        raw_date = case.get("kwargs", {}).get("query_date") or (args[2] if len(args) > 2 else "")
        day = parse_case_date(raw_date)
        m = resolver.resolve_phrase(text.strip(), day)
        exp = case["expect"]
        if "country" in exp:
            score.country_total += 1
            ok = _check(exp["country"]["op"], exp["country"]["value"], m.country)
            score.country_ok += ok
            if not ok:
                score.failures.append(
                    {
                        "text": text,
                        "field": "country",
                        "want": exp["country"]["value"],
                        "got": m.country,
                        "date": str(day),
                    }
                )
        if "code_1" in exp:
            score.sector_total += 1
            ok = _check(exp["code_1"]["op"], exp["code_1"]["value"], m.agent)
            score.sector_ok += ok
            if not ok:
                score.failures.append(
                    {
                        "text": text,
                        "field": "sector",
                        "want": exp["code_1"]["value"],
                        "got": m.agent,
                        "date": str(day),
                    }
                )
    return score


def bsnlp_documents(path: Path, lang: str = "ru") -> list[dict[str, Any]]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return [d for d in map(json.loads, fh) if d.get("lang") == lang]


@dataclass
class BsnlpScore:
    country_total: int = 0
    country_ok: int = 0
    named_total: int = 0
    named_resolved: int = 0
    named_detected: int = 0
    docs: int = 0

    @property
    def country_recall(self) -> float:
        return self.country_ok / self.country_total if self.country_total else 0.0

    @property
    def named_recall(self) -> float:
        return self.named_resolved / self.named_total if self.named_total else 0.0

    @property
    def detected_recall(self) -> float:
        return self.named_detected / self.named_total if self.named_total else 0.0


def _gold_country(resolver: ActorResolver, xid: str) -> str | None:
    """ISO3 for a BSNLP ``GPE-<English-Name>`` id when the name is a country name in our dictionaries."""
    if not xid.startswith("GPE-"):
        return None
    name = xid[4:].replace("-", " ").lower()
    for atom in resolver.data.phrases.get(name, ()):
        actor = resolver.data.actors.get(atom.ref)
        if atom.kind == "actor" and atom.priority >= 2 and actor is not None and actor.kind == "country":
            return actor.country
    return None


def score_bsnlp(resolver: ActorResolver, docs: list[dict[str, Any]]) -> BsnlpScore:
    """Share of gold BSNLP mentions that find_mentions(lang="ru") covers.

    Countries (LOC entities whose cross-lingual id names a country): resolved to the right ISO3.
    Persons and organisations: ``named_resolved`` counts spans resolved to a known actor, ``named_detected``
    also counts spans only found by NER (actor_id None). Every occurrence of a gold surface form is checked.
    """
    score = BsnlpScore()
    for d in docs:
        text = d["text"]
        mentions = resolver.find_mentions(text, date=(d.get("date") or None), lang="ru")
        score.docs += 1
        for ent in d["entities"]:
            surface = ent["mention"]
            spans = [(i, i + len(surface)) for i in _occurrences(text, surface)]
            if not spans:
                continue
            over = [m for m in mentions if any(m.start < e and s < m.end for s, e in spans)]
            if ent["type"] == "LOC":
                iso = _gold_country(resolver, ent.get("xid", ""))
                if iso is None:
                    continue
                score.country_total += 1
                score.country_ok += any(m.country == iso or m.actor_id == iso for m in over)
            elif ent["type"] in ("PER", "ORG"):
                score.named_total += 1
                score.named_resolved += any(m.actor_id is not None for m in over)
                score.named_detected += bool(over)
    return score


def _occurrences(text: str, needle: str) -> list[int]:
    out, i = [], text.find(needle)
    while i >= 0 and needle:
        out.append(i)
        i = text.find(needle, i + 1)
    return out
