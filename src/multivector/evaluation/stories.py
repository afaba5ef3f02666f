"""Evaluate story dedup on the BBN ACCENT gold event clusters (``../shared/corpora/bbn-accent-dedup``).

The corpus is ICEWS-style coder output for 9,505 Gigaword documents (March–April 2009) plus a human
grouping of 1,999 event mentions into 384 real-world events.  We load every coded event into a
throw-away store with the real schema (so the evaluation runs the exact SQL the product runs), cluster
with :mod:`multivector.analysis.stories`, and score the gold mentions not flagged ``wrong`` with
B-cubed precision/recall/F1 (per-mention averages: robust to many singleton clusters) and the
adjusted Rand index.  The corpus is read at run time and never copied into the project.
"""

from __future__ import annotations

import csv
import json
from collections import Counter, defaultdict
from collections.abc import Hashable, Sequence
from pathlib import Path
from typing import Any

from multivector.errors import InputError

EVENTS_FILE = "accent_gigaword_events.jsonl"
GOLD_FILE = "ground_truth.csv"


def bcubed(gold: Sequence[Hashable], pred: Sequence[Hashable]) -> tuple[float, float, float]:
    """B-cubed (precision, recall, F1) of ``pred`` against ``gold`` labels of the same items."""
    if len(gold) != len(pred):
        raise ValueError("gold and pred must label the same items")
    if not gold:
        return 0.0, 0.0, 0.0
    pair = Counter(zip(gold, pred, strict=True))
    g, p = Counter(gold), Counter(pred)
    prec = sum(pair[(gi, pi)] / p[pi] for gi, pi in zip(gold, pred, strict=True)) / len(gold)
    rec = sum(pair[(gi, pi)] / g[gi] for gi, pi in zip(gold, pred, strict=True)) / len(gold)
    f1 = 0.0 if prec + rec == 0 else 2 * prec * rec / (prec + rec)
    return prec, rec, f1


def _read(corpus: Path) -> tuple[list[dict[str, Any]], dict[str, str]]:
    events_path, gold_path = corpus / EVENTS_FILE, corpus / GOLD_FILE
    for path in (events_path, gold_path):
        if not path.is_file():
            raise InputError(str(path), "missing BBN ACCENT file")
    docs = []
    with events_path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            try:
                docs.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise InputError(f"{events_path}:{n}", f"bad JSON: {exc.msg}") from None
    gold: dict[str, str] = {}
    with gold_path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if (row.get("wrong") or "").strip().lower() != "yes":
                gold[row["key"]] = (row.get("gid") or "").strip()
    return docs, gold


def load_bbn(corpus: str | Path) -> tuple[Any, dict[str, str]]:
    """A fresh in-memory store holding the BBN events, and gold ``{event_id: gid}`` (``wrong`` excluded).

    Event ids are the gold keys (``<file>_<code>_<event id>``); the date is the document date from the
    Gigaword id (``AFP_ENG_20090301.0017`` → 2009-03-01); ICEWS actor ids stand in for both actor id and
    country (the corpus has no ISO codes) and the ICEWS agent id for the sector.
    """
    import duckdb
    import pyarrow as pa

    from multivector.store import migrate

    docs, gold = _read(Path(corpus))
    arts: dict[str, list[Any]] = defaultdict(list)
    evs: dict[str, list[Any]] = defaultdict(list)
    for seq, doc in enumerate(docs, 1):
        stamp = doc["doc_id"].split("_")[-1].split(".")[0]
        date = f"{stamp[:4]}-{stamp[4:6]}-{stamp[6:8]}"
        for k, v in (
            ("id", doc["doc_id"]),
            ("seq", seq),
            ("date", date),
            ("source_path", doc["file"]),
            ("part", 0),
        ):
            arts[k].append(v)
        for ev in doc.get("events", []):
            roles: dict[str, dict[str, Any]] = {}
            for p in ev.get("participants", []):
                roles.setdefault(p.get("role", ""), p)
            row = {
                "event_id": f"{doc['file']}_{ev['type']}_{ev['id']}",
                "article_id": doc["doc_id"],
                "date": date,
                "cameo": ev["type"],
                "root": ev["type"][:2],
                "sentence": f"[sentence {ev.get('sentence_id')} of {doc['doc_id']}; text withheld]",
            }
            for side, role in (("source", "Source"), ("target", "Target")):
                p = roles.get(role, {})
                row[f"{side}_actor_id"] = p.get("actor_id")
                row[f"{side}_country"] = p.get("actor_id")
                row[f"{side}_name"] = p.get("actor_name")
                row[f"{side}_agent"] = p.get("agent_id")
            for k, v in row.items():
                evs[k].append(v)
    con = duckdb.connect()
    migrate(con)
    for table, cols in (("articles", arts), ("events", evs)):
        data = pa.table({k: pa.array(v) for k, v in cols.items()})
        con.register("_bbn", data)
        con.execute(f"INSERT INTO {table} ({', '.join(cols)}) SELECT {', '.join(cols)} FROM _bbn")
        con.unregister("_bbn")
    return con, gold


def evaluate_stories(
    con: Any, gold: dict[str, str], ungrouped: str = "exclude", **opts: Any
) -> dict[str, Any]:
    """Cluster with :func:`story_assignments` (``opts`` pass through) and score the gold mentions.

    631 of the 1,761 correct mentions carry no ``gid``: the annotators put them in no group.
    ``ungrouped="exclude"`` scores only the 1,130 grouped mentions (383 events); ``"singleton"``
    counts each ungrouped mention as an event of its own.
    """
    from sklearn.metrics import adjusted_rand_score

    from multivector.analysis.stories import story_assignments

    table = story_assignments(con, **opts)
    assigned = dict(
        zip(table.column("event_id").to_pylist(), table.column("story_id").to_pylist(), strict=True)
    )
    if ungrouped not in ("exclude", "singleton"):
        raise ValueError("ungrouped must be 'exclude' or 'singleton'")
    keys = sorted(k for k in gold if k in assigned and (gold[k] or ungrouped == "singleton"))
    g = [gold[k] or f"single:{k}" for k in keys]
    p = [assigned[k] for k in keys]
    prec, rec, f1 = bcubed(g, p)
    return {
        "bcubed_precision": prec,
        "bcubed_recall": rec,
        "bcubed_f1": f1,
        "ari": float(adjusted_rand_score(g, p)),
        "mentions": len(keys),
        "gold_clusters": len(set(g)),
        "predicted_clusters": len(set(p)),
        "missing": sum(1 for k in gold if k not in assigned),
    }


def evaluate_bbn(corpus: str | Path, ungrouped: str = "exclude", **opts: Any) -> dict[str, Any]:
    """Load the corpus and score one story-dedup setting; see :func:`evaluate_stories`."""
    con, gold = load_bbn(corpus)
    try:
        return evaluate_stories(con, gold, ungrouped, **opts)
    finally:
        con.close()
