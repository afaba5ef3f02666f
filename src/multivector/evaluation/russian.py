"""The Russian coder measured: our RuSentRel sentence set, RuSentRel dyadic polarity, cross-lingual pairs.

* ``data/russian_rusentrel.jsonl``: sentences of RuSentRel **train** articles, as references (article,
  offsets) plus our labels, split once by a hash of the article id into dev (tuned on) and test (held out);
  scored exactly like the official English set (:func:`multivector.evaluation.official.score`).
* RuSentRel **test** articles (never read for tuning): for each hand-labelled attitude pair whose two
  entities our events connect, does the sign of coded cooperation minus conflict agree with the gold
  pos/neg? The attitudes' own human agreement is only about F1 0.55, so this is a weak, noisy check.
* ``data/crosslingual_ru_en.tsv``: our own English sentences and our own Russian translations of
  them; the same (source, target, PLOVER) set must come out of both.
"""

from __future__ import annotations

import csv
import hashlib
import re
from collections import Counter, defaultdict
from importlib import resources
from pathlib import Path
from typing import Any

from multivector.evaluation.corpora import RUSENTREL
from multivector.evaluation.official import CodedDoc, counted, load_gold, score
from multivector.records import Article, Event

_MARK = re.compile(r"\{Author, Unknown\}")


def rusentrel_text(corpora: Path, doc: str) -> str:
    """An article's text with the corpus layout markers blanked (offsets kept)."""
    raw = (corpora / RUSENTREL / f"{doc}.txt").read_text("utf-8")
    return _MARK.sub(lambda m: " " * len(m.group()), raw)


def _article(doc: str, text: str) -> Article:
    return Article(doc, None, None, None, "ru", None, doc, 0, text)


def code_rusentrel(corpora: Path, docs: set[str]) -> dict[str, CodedDoc]:
    from multivector.coding.api import code_article

    out = {}
    for doc in sorted(docs):
        text = rusentrel_text(corpora, doc)
        out[doc] = CodedDoc(text, [(text, code_article(_article(doc, text))[0])])
    return out


def evaluate_russian(corpora: Path) -> dict[str, dict[str, Any]]:
    """Recall, precision and spurious output of the dev and test halves of our RuSentRel set."""
    gold = load_gold(prefix="russian_")
    coded = code_rusentrel(corpora, {g.doc for g in gold})
    return {split: s.metrics() for split, s in score(gold, coded).items()}


# ---------------------------------------------------------------------------------------------- polarity
def _attitudes(corpora: Path, doc: str) -> list[tuple[str, str, str]]:
    path = corpora / RUSENTREL / "etalon" / f"{Path(doc).name}.opin.txt"
    out = []
    for line in path.read_text("utf-8").splitlines():
        parts = [p.strip() for p in line.split(",")]
        if len(parts) >= 3 and parts[2] in ("pos", "neg"):
            out.append((parts[0], parts[1], parts[2]))
    return out


def _side(resolver: Any, name: str, cache: dict[str, str | None]) -> str | None:
    """The actor an attitude's entity name stands for (country, or IGO id), through our resolver."""
    if name not in cache:
        ms = [m for m in resolver.find_mentions(re.sub(r"\s*\(.*?\)", "", name), lang="ru") if m.country]
        m = ms[0] if ms else None
        cache[name] = None if m is None else m.actor_id if m.country == "IGO" else m.country
    return cache[name]


def _key(e: Event, side: str) -> str:
    m = e.source if side == "source" else e.target
    if m is None:
        return ""
    return (m.actor_id or "") if m.country == "IGO" else m.country


def polarity_agreement(corpora: Path, resolver: Any = None) -> dict[str, Any]:
    """Sign of coded cooperation minus conflict from subject to object against RuSentRel's test attitudes."""
    from multivector.coding.api import code_article, default_resolver

    res = resolver or default_resolver()
    names: dict[str, str | None] = {}
    pairs = agree = ties = resolved = negative = 0
    for path in sorted((corpora / RUSENTREL / "test").glob("art*.txt")):
        if not path.stem[3:].isdigit():
            continue
        doc = f"test/{path.stem}"
        events = [e for e in code_article(_article(doc, rusentrel_text(corpora, doc)))[0] if counted(e)]
        net: Counter = Counter()
        for e in events:
            net[_key(e, "source"), _key(e, "target")] += 1 if e.quad_class in (1, 2) else -1
        seen: set[tuple[str, str]] = set()
        for subj, obj, label in _attitudes(corpora, doc):
            a, b = _side(res, subj, names), _side(res, obj, names)
            if not a or not b or a == b or (a, b) in seen:
                continue
            seen.add((a, b))
            resolved += 1
            if (a, b) not in net:
                continue
            pairs += 1
            negative += label == "neg"
            if net[a, b] == 0:
                ties += 1
            elif (net[a, b] > 0) == (label == "pos"):
                agree += 1
    return {
        "attitude_pairs": resolved,
        "covered": pairs,
        "coverage": round(pairs / resolved, 3) if resolved else 0.0,
        "agreement": round(agree / pairs, 3) if pairs else 0.0,
        # always answering the commoner gold label on the same pairs, for comparison
        "majority_baseline": round(max(negative, pairs - negative) / pairs, 3) if pairs else 0.0,
        "ties": ties,
    }


# ---------------------------------------------------------------------------------------------- pairs
def crosslingual_pairs() -> list[dict[str, str]]:
    """Our own English sentences with our own Russian translations (id, split, en, ru)."""
    base = resources.files("multivector.evaluation").joinpath("data", "crosslingual_ru_en.tsv")
    rows = [r for r in csv.DictReader(base.read_text("utf-8").splitlines(), delimiter="\t") if r.get("id")]
    for r in rows:
        r["split"] = "test" if hashlib.sha256(r["id"].encode()).digest()[0] % 2 else "dev"
    return rows


def _signature(events: list[Event]) -> frozenset[tuple[str, str, str]]:
    """The dyads and categories of a sentence's events (target-less acts are not a dyad)."""
    return frozenset(
        (e.source.country, e.target.country, e.plover or "") for e in events if counted(e) and e.target
    )


def crosslingual_agreement(date: str = "2022-03-01") -> dict[str, dict[str, Any]]:
    """Per split: the share of pairs whose English and Russian sides give the same (source, target,
    PLOVER) set, and the pairs that differ (for the dev half's error list)."""
    from multivector.coding.api import code_text

    out: dict[str, dict[str, Any]] = defaultdict(lambda: {"n": 0, "agree": 0, "differ": []})
    for r in crosslingual_pairs():
        en = _signature(code_text(r["en"], date))
        ru = _signature(code_text(r["ru"], date))
        s = out[r["split"]]
        s["n"] += 1
        if en == ru:
            s["agree"] += 1
        else:
            s["differ"].append((r["id"], sorted(en), sorted(ru)))
    for s in out.values():
        s["agreement"] = round(s["agree"] / s["n"], 3) if s["n"] else 0.0
    return dict(out)
