"""Scoring the coder against public gold data (shared by the tests and ``multivector evaluate``).

Gold sets (read at run time from ``../shared/corpora``; nothing is copied into the project):

* PLOVER-GSR (322 CAMEO-manual sentences, PLOVER 0.5 category + source/target country): a sentence is a hit
  when we emit an event of the gold category (0.5 names mapped to the 2021 ones we carry) whose source
  country is one of the gold sources. Spurious = emitted events that are not such a hit, per sentence.
* ConfliBERT CAMEO test split (451 sentences, 5 classes: 0 statement/appeal = roots 01–02, 1 verbal
  cooperation 03–05, 2 material cooperation 06–09, 3 verbal conflict 10–14, 4 material conflict 15–20).
  The sentence's class is that of its first non-statement event; **a sentence with no event scores as
  class 0** (a plain statement) — the closest meaning of "nothing codable happened".
* UniversalPetrarch English validation (78 sentences, 92 expected codings): share of expected codings
  whose CAMEO root we emit anywhere in the sentence, and with the right source country too.
"""

from __future__ import annotations

import csv
import json
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from multivector.evaluation.corpora import CONFLIBERT_CLASS, PLOVER_GSR, UNIVERSALPETRARCH
from multivector.records import Event

GSR_ALIASES = {
    "DEMAND": {"REQUEST"},
    "DISAPPROVE": {"ACCUSE"},
    "FIGHT": {"ASSAULT"},
    "INVESTIGATE": {"INVESTIGATE", "ACCUSE"},
    "CONCEDE": {"CONCEDE", "RETREAT"},
    "RETREAT": {"RETREAT", "CONCEDE"},
    "SANCTION": {"SANCTION", "COERCE"},
    "COERCE": {"COERCE", "SANCTION"},
}
CODE_ALIASES = {
    "JAP": "JPN",
    "UK": "GBR",
    "GER": "DEU",
    "ROM": "ROU",
    "SER": "SRB",
    "BOS": "BIH",
    "UAE": "ARE",
}

Coder = Callable[[str, str | None], list[Event]]


def _default_coder(unknown_actors: bool = False) -> Coder:
    from multivector.coding.api import code_text

    return lambda text, date: code_text(text, date, unknown_actors=unknown_actors)


def _iso(code: str | None) -> str:
    code = (code or "")[:3].upper()
    return CODE_ALIASES.get(code, code)


def penta_class(root: str) -> int:
    r = int(root)
    return 0 if r <= 2 else 1 if r <= 5 else 2 if r <= 9 else 3 if r <= 14 else 4


def macro_f1(gold: Sequence[int], pred: Sequence[int], labels: Sequence[int]) -> float:
    """Unweighted mean of the per-class F1 over ``labels`` (a class never predicted nor gold scores 0)."""
    from sklearn.metrics import f1_score

    return float(f1_score(gold, pred, labels=list(labels), average="macro", zero_division=0))


def evaluate_plover_gsr(
    corpora: Path, coder: Coder | None = None, limit: int | None = None
) -> dict[str, Any]:
    """Hit rate (gold category + gold source country) and spurious events per sentence on PLOVER-GSR."""
    coder = coder or _default_coder()
    records = json.loads((corpora / PLOVER_GSR).read_text(encoding="utf-8"))
    records = [r for r in records if r.get("text") and r.get("event")][:limit]
    hits = strict = spurious = 0
    misses: Counter[str] = Counter()
    t0 = time.perf_counter()
    for rec in records:
        accepted = GSR_ALIASES.get(rec["event"], {rec["event"]})
        sources = {_iso(a.get("code")) for a in rec.get("source") or []}
        if "IGO" in sources:  # the GSR codes every international body IGO; we keep UNO/EUR apart
            sources |= {"UNO", "EUR"}
        events = coder(rec["text"], None)
        good = [e for e in events if (e.plover or "") in accepted and e.source.country in sources]
        hits += bool(good)
        strict += any(e.plover == rec["event"] for e in good)  # without the alias leniency
        spurious += len(events) - len(good)
        if not good:
            misses[rec["event"]] += 1
    n = len(records)
    return {
        "n": n,
        "hit_rate": hits / n if n else 0.0,
        "strict_hit_rate": strict / n if n else 0.0,
        "spurious_per_sentence": spurious / n if n else 0.0,
        "misses_by_category": dict(misses.most_common()),
        "sentences_per_second": n / (time.perf_counter() - t0),
    }


def primary_class(events: Sequence[Event]) -> int:
    """The sentence class: first non-statement event, else class 0 (see module docstring)."""
    for e in events:
        if e.root not in ("01",):
            return penta_class(e.root)
    return 0


def evaluate_conflibert(
    corpora: Path,
    coder: Coder | None = None,
    split: str = "test",
    limit: int | None = None,
    unknown_actors: bool = True,
) -> dict[str, Any]:
    """5-class accuracy and macro-F1 on the ConfliBERT CAMEO classification split.

    The class depends on the event type only, so actors the resolver cannot place (militias, "gunmen")
    are allowed by default here (``unknown_actors``)."""
    coder = coder or _default_coder(unknown_actors)
    path = corpora / CONFLIBERT_CLASS / f"{split}.tsv"
    with path.open(encoding="utf-8") as fh:
        rows = [r for r in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE) if len(r) >= 2]
    rows = rows[:limit]
    gold = [int(r[1]) for r in rows]
    pred = [primary_class(coder(r[0], None)) for r in rows]
    acc = sum(g == p for g, p in zip(gold, pred, strict=True)) / len(rows) if rows else 0.0
    quad = [min(max(x, 1), 4) for x in gold]  # statement (0) folds into verbal cooperation for QuadClass
    quad_pred = [min(max(x, 1), 4) for x in pred]
    qacc = sum(g == p for g, p in zip(quad, quad_pred, strict=True)) / len(rows) if rows else 0.0
    confusion = Counter(zip(gold, pred, strict=True))
    return {
        "n": len(rows),
        "accuracy": acc,
        "macro_f1": macro_f1(gold, pred, range(5)),
        "quad_accuracy": qacc,
        "quad_macro_f1": macro_f1(quad, quad_pred, range(1, 5)),
        "confusion": {f"{g}->{p}": c for (g, p), c in sorted(confusion.items())},
    }


def evaluate_universalpetrarch(corpora: Path, coder: Coder | None = None) -> dict[str, Any]:
    """CAMEO root agreement on the UniversalPetrarch English validation records."""
    coder = coder or _default_coder()
    path = corpora / UNIVERSALPETRARCH
    total = root_hits = dyad_hits = 0
    emitted = 0
    sentences = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        date = rec.get("date")
        date = f"{date[:4]}-{date[4:6]}-{date[6:8]}" if date and len(date) == 8 else None
        events = coder(rec["text"], date)
        sentences += 1
        emitted += len(events)
        for exp in rec.get("expected") or []:
            code = str(exp.get("eventcode") or "")
            if not code[:2].isdigit():
                continue
            total += 1
            same_root = [e for e in events if e.root == code[:2]]
            root_hits += bool(same_root)
            dyad_hits += any(e.source.country == _iso(exp.get("sourcecode")) for e in same_root)
    return {
        "n_codings": total,
        "n_sentences": sentences,
        "root_agreement": root_hits / total if total else 0.0,
        "root_and_source_agreement": dyad_hits / total if total else 0.0,
        "events_per_sentence": emitted / sentences if sentences else 0.0,
    }
