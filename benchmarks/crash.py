"""Crash test: `kill -9` a real `multivector run` at random moments, finish it, compare with a clean run.

Run: ``.venv/bin/python benchmarks/crash.py [--articles 300] [--kills 10] [--seed 0]``. The corpus is the
first ``--articles`` BBC articles of ``../shared/corpora/bbc-news-2225`` (else the bundled sample corpus).
One clean run gives the reference tables. Each trial starts a fresh store, kills the run with SIGKILL at
a random point of the clean run's duration, runs it again to completion and compares every table
(articles, duplicates, mentions, events, facts, coded: row counts and content) with the reference, and
checks that no event id is stored twice. Coding caches are off, so kills land in coding as well as in
ingestion. Prints one row per trial and exits 1 if any trial differs.
"""

from __future__ import annotations

import argparse
import gzip
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BBC = ROOT.parent / "shared" / "corpora" / "bbc-news-2225" / "bbc-news-2225.jsonl.gz"
#: what must be identical; timestamps and insertion order are left out
TABLES = {
    "articles": "SELECT id, title, date, lang, url, source_path, part, text, duplicate_of FROM articles",
    "duplicates": "SELECT article_id, duplicate_of, kind, similarity, source_path, part FROM duplicates",
    "mentions": 'SELECT article_id, "start", "end", actor_id, country, agent FROM mentions',
    "events": "SELECT event_id, article_id, date, cameo, source_actor_id, target_actor_id FROM events",
    "facts": "SELECT article_id, kind, value, unit, currency, period, span_start, span_end FROM facts",
    "coded": "SELECT article_id, coder, events FROM coded",
}


def _corpus(folder: Path, n: int) -> list[str]:
    if BBC.exists():
        path = folder / "bbc.jsonl"
        with gzip.open(BBC, "rt", encoding="utf-8") as src, path.open("w", encoding="utf-8") as out:
            out.writelines(islice(src, n))
        return [str(path)]
    return [str(ROOT / "examples" / "corpus")]


def _run(inputs: list[str], db: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "multivector", "run", *inputs, "--db", str(db), "--no-cache", "-j", "1"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "MULTIVECTOR_STRICT": "0"},
    )


def _tables(db: Path) -> dict[str, list[tuple]]:
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        out = {}
        for name, sql in TABLES.items():
            try:
                out[name] = sorted(con.execute(sql).fetchall(), key=repr)
            except duckdb.Error:  # a column this store's schema lacks: compare whole rows instead
                out[name] = sorted(con.execute(f"SELECT * FROM {name}").fetchall(), key=repr)
        ids = [r[0] for r in con.execute("SELECT event_id FROM events").fetchall()]
        out["_duplicate_event_ids"] = [(len(ids) - len(set(ids)),)]
        return out
    finally:
        con.close()


def _rows(db: Path) -> int:
    """Rows stored at the moment of the kill (before the re-run), 0 when the file is not a store yet."""
    import duckdb

    try:
        con = duckdb.connect(str(db), read_only=True)
    except duckdb.Error:
        return 0
    try:
        return sum(con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("articles", "events"))
    except duckdb.Error:
        return 0
    finally:
        con.close()


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--kills", type=int, default=10)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        inputs = _corpus(folder, args.articles)
        clean = folder / "clean.duckdb"
        t0 = time.monotonic()
        assert _run(inputs, clean).wait() in (0, 1)
        duration = time.monotonic() - t0
        reference = _tables(clean)
        counts = ", ".join(f"{len(v)} {k}" for k, v in reference.items() if not k.startswith("_"))
        print(f"clean run: {duration:.1f} s, {counts}\n")
        print("| trial | killed at s | rows when killed | re-run | identical |")
        print("|---|---|---|---|---|")
        bad = 0
        for trial in range(1, args.kills + 1):
            db = folder / f"t{trial}.duckdb"
            at = rng.uniform(0.5, duration)
            child = _run(inputs, db)
            time.sleep(at)
            if child.poll() is None:
                os.kill(child.pid, signal.SIGKILL)
            child.wait()
            before = _rows(db)
            t1 = time.monotonic()
            code = _run(inputs, db).wait()
            same = _tables(db) == reference
            bad += not same
            print(f"| {trial} | {at:.1f} | {before} | {time.monotonic() - t1:.1f} s, exit {code} | {same} |")
        print(f"\n{args.kills - bad} of {args.kills} killed runs ended identical to the clean run")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
