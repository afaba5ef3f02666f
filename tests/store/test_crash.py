"""Crash safety and locking, with real child processes: SIGKILL mid-ingest, and a second writer."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from itertools import islice
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from store_synth import synthetic_articles

from multivector.errors import StoreError
from multivector.store import Store

CHILD = Path(__file__).with_name("_ingest_child.py")
N = 4000
BATCH = 500

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")


def _child(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(CHILD), *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _wait_for(child: subprocess.Popen[str], text: str) -> None:
    """Read the child's progress lines until ``text``; fail with its stderr if it ends first."""
    while (line := child.stdout.readline()) and line.strip() != text:
        pass
    assert line, f"child ended before {text!r}: {child.stderr.read()}"


def _kill(child: subprocess.Popen[str]) -> None:
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL


def _snapshot(db: Path) -> tuple[dict[str, int], set[tuple], set[tuple]]:
    with Store(db, read_only=True) as store:
        counts = store.counts()
        links = set(store.con.execute("SELECT id, duplicate_of, seq FROM articles").fetchall())
        dups = set(
            store.con.execute(
                "SELECT article_id, duplicate_of, kind, similarity, source_path, part FROM duplicates"
            ).fetchall()
        )
    return counts, links, dups


def _assert_consistent(db: Path) -> None:
    with Store(db, read_only=True) as store:
        orphans = store.con.execute(
            """SELECT count(*) FROM duplicates d
               WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = d.article_id)
                  OR NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = d.duplicate_of)"""
        ).fetchall()[0][0]
        dangling = store.con.execute(
            """SELECT count(*) FROM articles a WHERE a.duplicate_of IS NOT NULL
               AND NOT EXISTS (SELECT 1 FROM articles b WHERE b.id = a.duplicate_of)"""
        ).fetchall()[0][0]
        unlinked = store.con.execute(
            """SELECT count(*) FROM articles a WHERE a.duplicate_of IS NOT NULL AND NOT EXISTS
               (SELECT 1 FROM duplicates d WHERE d.article_id = a.id AND d.kind = 'near')"""
        ).fetchall()[0][0]
    assert (orphans, dangling, unlinked) == (0, 0, 0)


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[int], tuple]:
    """An uninterrupted in-process run: article count after each batch, and the final state."""
    db = tmp_path_factory.mktemp("ref") / "ref.duckdb"
    after_batch = [0]
    with Store(db) as store:
        arts = synthetic_articles(N)
        while batch := list(islice(arts, BATCH)):
            store.add_articles(batch)
            after_batch.append(store.count("articles"))
    return after_batch, _snapshot(db)


def test_sigkill_mid_ingest_leaves_whole_batches_and_rerun_completes(
    tmp_path: Path, reference: tuple[list[int], tuple]
) -> None:
    after_batch, final = reference
    assert final[0]["duplicates"] > 0 and any(dup for _, dup, _ in final[1])  # the input has both kinds
    db = tmp_path / "crash.duckdb"

    # 1. killed at whatever point the child has reached just after its first commit
    child = _child("ingest", str(db), str(N))
    _wait_for(child, "committed 1")
    _kill(child)
    counts = _snapshot(db)[0]
    assert counts["articles"] in after_batch, (counts, after_batch)  # never half a batch
    assert counts["articles"] >= after_batch[1]
    _assert_consistent(db)

    # 2. killed inside batch 5's transaction, after its articles were inserted: it must vanish whole
    child = _child("ingest", str(db), str(N), "5")
    _wait_for(child, "mid-batch")
    _kill(child)
    assert _snapshot(db)[0]["articles"] == after_batch[4]
    _assert_consistent(db)

    rerun = _child("ingest", str(db), str(N))
    _out, err = rerun.communicate(timeout=120)
    assert rerun.returncode == 0, err
    _assert_consistent(db)
    assert _snapshot(db) == final


def test_second_writer_gets_clear_store_error(tmp_path: Path) -> None:
    db = tmp_path / "locked.duckdb"
    holder = _child("hold", str(db))
    try:
        _wait_for(holder, "ready")
        with pytest.raises(StoreError, match=r"locked\.duckdb: database is locked by process \d+"):
            Store(db)
        with pytest.raises(StoreError, match="locked"):
            Store(db, read_only=True)
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    with Store(db) as store:  # the lock is released with the other process
        assert store.count() == 0
