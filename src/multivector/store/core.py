"""The embedded DuckDB store: articles with their duplicates, and the mentions/events/facts coded from them.

Design choices and why:

* **One transaction per batch, written through Arrow.** A batch of records becomes one typed Arrow
  table, registered with DuckDB and inserted with ``INSERT … SELECT`` (``ON CONFLICT DO NOTHING`` on the
  keys). That is much faster than row-at-a-time inserts and makes a batch atomic: a crash or kill leaves
  whole batches or nothing, and a re-run skips what is already there.
* **Exact duplicates** (same article id) are stored once; each further provenance (source file and
  part) is recorded in ``duplicates`` with ``kind='exact'``. **Near-duplicates** are stored in full with
  ``duplicate_of`` pointing at the first earlier copy and a ``kind='near'`` row carrying the similarity.
* **The near-duplicate index is rebuilt from stored MinHash signatures** the first time a writer adds
  articles, so linking works across runs and a re-run after a crash links exactly as an uninterrupted
  run would. Read-only stores never pay for it.
* **Clear errors.** Every DuckDB failure that reaches the caller is a :class:`StoreError` naming the
  database path, in particular the common "another process has the database open" case.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import islice
from pathlib import Path
from typing import Any, TypeVar

import duckdb
import pyarrow as pa

from multivector.dedup import NearDuplicateIndex, signature_from_bytes, signature_to_bytes, story_groups
from multivector.errors import StoreError
from multivector.records import Article, Event, Fact, Mention
from multivector.store import rows as R
from multivector.store.schema import LATEST, current_version, migrate

DEFAULT_DB = "multivector.duckdb"
ENV_VAR = "MULTIVECTOR_DB"
BATCH_SIZE = 500
TABLES = ("articles", "duplicates", "mentions", "events", "facts", "coded")
CODED_TABLES = ("mentions", "events", "facts")

T = TypeVar("T")


def resolve_db_path(db: str | os.PathLike[str] | None) -> Path:
    """Database file: the explicit ``--db`` value, else ``$MULTIVECTOR_DB``, else ``./multivector.duckdb``."""
    if db:
        return Path(db)
    env = os.environ.get(ENV_VAR)
    return Path(env) if env else Path(DEFAULT_DB)


@dataclass
class AddResult:
    """What :meth:`Store.add_articles` did. ``added + exact_duplicates`` equals the number of input
    articles; ``near_duplicates`` counts the added articles that were linked to an earlier copy."""

    added: int = 0
    exact_duplicates: int = 0
    near_duplicates: int = 0

    def __iadd__(self, other: AddResult) -> AddResult:
        self.added += other.added
        self.exact_duplicates += other.exact_duplicates
        self.near_duplicates += other.near_duplicates
        return self


def arrow_batches(
    con: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None, size: int = 10_000
) -> Iterator[pa.RecordBatch]:
    """Stream a query as Arrow record batches, so a corpus never has to fit in memory.

    The reader holds ``con`` until drained: callers that may stop early read through a cursor.
    """
    rel = con.sql(sql, params=params or None)
    if hasattr(rel, "to_arrow_reader"):  # DuckDB >= 1.4
        yield from rel.to_arrow_reader(size)
    else:
        yield from rel.fetch_arrow_reader(size)


def _batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def _explain_open_error(path: Path, exc: duckdb.Error) -> StoreError:
    msg = str(exc)
    if "lock" in msg.lower() or "different configuration" in msg.lower():
        pid = re.search(r"PID (\d+)", msg)
        holder = f"process {pid.group(1)}" if pid else "another process or connection"
        return StoreError(
            f"{path}: database is locked by {holder} (another ingest still running?); "
            "wait for it to finish or use another --db"
        )
    if "not a valid duckdb" in msg.lower() or "unable to open" in msg.lower():
        return StoreError(f"{path}: not a DuckDB database or unreadable ({msg.splitlines()[0]})")
    return StoreError(f"{path}: cannot open database: {msg.splitlines()[0] if msg else exc!r}")


def _check_article(art: Article) -> None:
    """Reject malformed records with a message naming their origin, before anything is written."""
    problem = None
    if not isinstance(art.id, str) or not art.id:
        problem = "has no id"
    elif not isinstance(art.source_path, str) or not isinstance(art.part, int):
        problem = "has no valid source_path/part"
    elif art.text is not None and not isinstance(art.text, str):
        problem = f"text is {type(art.text).__name__}, not str"
    if problem:
        raise StoreError(
            f"{art.source_path}: article {art.id!r} (part {art.part!r}) {problem}; batch not written"
        )


# Source of an article for stats: the url host without "www.", else its path below the input the user
# named ("tass/2021/a.html" for `run /data/corpus`, "bbc.jsonl" for a file); stores written before that
# path was kept fall back to the first component of the source path as given.
_HOST_SQL = r"lower(regexp_extract(url, '^[A-Za-z][A-Za-z0-9+.\-]*://(?:[^/?#@]*@)?([^/?#:]+)', 1))"
_SOURCE_SQL = rf"""
CASE
  WHEN url IS NOT NULL AND {_HOST_SQL} <> '' THEN regexp_replace({_HOST_SQL}, '^www\.', '')
  WHEN extra->>'_relpath' IS NOT NULL AND extra->>'_relpath' <> '' THEN extra->>'_relpath'
  ELSE coalesce(nullif(regexp_extract(replace(source_path, '\', '/'), '^(?:\./|/)*([^/]+)', 1), ''),
                source_path)
END
"""


def _owner_only(path: Path) -> None:
    """Make a new database readable by its owner alone: it holds whatever text users fed it."""
    with suppress(OSError):  # a file system without modes (some mounts) must not stop the run
        os.chmod(path, 0o600)


_umask_lock = threading.Lock()
_umask_users: list[int] = []  # one entry per write in progress: the umask it asked for
_umask_saved = 0


@contextmanager
def _wal_like(path: Path) -> Iterator[None]:
    """Create files (DuckDB's ``.wal``, recreated after every checkpoint) with the database's own mode.

    DuckDB creates the write-ahead log with the process umask, so a private (0600) database would have a
    world-readable log of its latest writes; the umask is process-wide, hence counted across threads.
    """
    global _umask_saved
    try:
        mask = 0o777 & ~(path.stat().st_mode & 0o666)
    except OSError:
        mask = 0o077
    with _umask_lock:
        if not _umask_users:
            _umask_saved = os.umask(mask)
        else:
            os.umask(mask | os.umask(mask))
        _umask_users.append(mask)
    try:
        yield
    finally:
        with _umask_lock:
            _umask_users.pop()
            if not _umask_users:
                os.umask(_umask_saved)


class Store:
    """A multivector database file. Use as a context manager; writers hold DuckDB's exclusive file lock.

    ``Store(path=None, read_only=False)``: ``path`` goes through :func:`resolve_db_path`. Opening
    creates the file and applies migrations when writable; read-only opening requires an up-to-date
    database and never changes it.
    """

    def __init__(
        self,
        path: str | os.PathLike[str] | None = None,
        read_only: bool = False,
        *,
        batch_size: int = BATCH_SIZE,
    ) -> None:
        self.path = resolve_db_path(path)
        self.read_only = read_only
        self.batch_size = batch_size
        self._index: NearDuplicateIndex | None = None
        self._next_seq: int | None = None
        self._tx_depth = 0
        self._con = self._connect()

    # -- lifecycle -----------------------------------------------------------------------------

    def _connect(self) -> duckdb.DuckDBPyConnection:
        if self.read_only and not self.path.exists():
            raise StoreError(f"{self.path}: no database here (run `multivector ingest` first)")
        if self.path.exists() and self.path.is_dir():
            raise StoreError(f"{self.path}: is a directory, expected a database file")
        if not self.read_only:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"{self.path}: cannot create folder: {exc.strerror}") from exc
        fresh = not self.read_only and not self.path.exists()
        try:
            con = duckdb.connect(str(self.path), read_only=self.read_only)
        except duckdb.Error as exc:
            raise _explain_open_error(self.path, exc) from exc
        if fresh:
            _owner_only(self.path)
        try:
            if self.read_only:
                version = current_version(con)
                if version is None:
                    raise StoreError(f"{self.path}: not a multivector database")
                if version != LATEST:
                    raise StoreError(
                        f"{self.path}: schema version {version}, this multivector expects {LATEST}; "
                        "open it once for writing (e.g. `multivector ingest`) to migrate"
                    )
            else:
                with _wal_like(self.path):
                    migrate(con)
        except StoreError as exc:
            con.close()
            if str(exc).startswith(str(self.path)):
                raise
            raise StoreError(f"{self.path}: {exc}") from exc
        except duckdb.Error as exc:
            con.close()
            raise StoreError(f"{self.path}: cannot read schema: {exc}") from exc
        return con

    def close(self) -> None:
        """Close the connection (idempotent); DuckDB checkpoints the WAL on a clean close."""
        if self._con is not None:
            self._con.close()
            self._con = None  # type: ignore[assignment]  # closed: .con reopens or raises

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        """The raw connection, for read queries by later stages (analysis, web)."""
        if self._con is None:
            raise StoreError(f"{self.path}: store is closed")
        return self._con

    # -- transactions --------------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Group several writes (e.g. ``delete_for_articles`` then ``add_events``) into one atomic unit.

        Nested use joins the outer transaction, so the ``add_*`` helpers, which open one per batch,
        become part of the caller's transaction.
        """
        self._check_writable()
        con = self.con
        if self._tx_depth:
            self._tx_depth += 1
            try:
                yield
            finally:
                self._tx_depth -= 1
            return
        try:
            con.execute("BEGIN TRANSACTION")
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: cannot start transaction: {exc}") from exc
        self._tx_depth = 1
        try:
            with _wal_like(self.path):
                yield
                con.execute("COMMIT")
        except BaseException as exc:
            with suppress(duckdb.Error):
                con.execute("ROLLBACK")
            self._index = None  # the in-memory index may hold rolled-back articles
            self._next_seq = None
            if isinstance(exc, duckdb.Error):
                raise StoreError(f"{self.path}: write failed and was rolled back: {exc}") from exc
            raise
        finally:
            self._tx_depth = 0

    def _check_writable(self) -> None:
        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only")

    def _insert(self, table: str, data: pa.Table, *, on_conflict: str = "") -> int:
        """``INSERT … SELECT`` a registered Arrow table by column name; returns rows inserted."""
        if data.num_rows == 0:
            return 0
        cols = ", ".join(f'"{n}"' for n in data.column_names)
        name = f"_batch_{table}"
        self.con.register(name, data)
        try:
            res = self.con.execute(
                f"INSERT INTO {table} ({cols}) SELECT {cols} FROM {name} {on_conflict}"
            ).fetchall()[0]
        finally:
            self.con.unregister(name)
        return int(res[0]) if res else 0

    # -- articles ------------------------------------------------------------------------------

    def _ensure_index(self) -> NearDuplicateIndex:
        """Load stored signatures in insertion order into a fresh LSH index (once per writer)."""
        if self._index is None:
            index = NearDuplicateIndex()
            try:
                sql = "SELECT id, minhash FROM articles WHERE minhash IS NOT NULL ORDER BY seq"
                for rb in arrow_batches(self.con, sql):
                    ids = rb.column(0).to_pylist()
                    blobs = rb.column(1).to_pylist()
                    index.insert_many((i, signature_from_bytes(b)) for i, b in zip(ids, blobs, strict=True))
            except duckdb.Error as exc:
                raise StoreError(f"{self.path}: cannot load duplicate signatures: {exc}") from exc
            self._index = index
        return self._index

    def _seq(self) -> int:
        if self._next_seq is None:
            sql = "SELECT coalesce(max(seq), 0) + 1 FROM articles"
            self._next_seq = self.con.execute(sql).fetchall()[0][0]
        return self._next_seq

    def add_articles(self, articles: Iterable[Article]) -> AddResult:
        """Store articles in atomic batches; see the module docstring for duplicate handling.

        Re-adding stored articles changes nothing (a copy with a new provenance adds one
        ``duplicates`` row, once).
        """
        self._check_writable()
        total = AddResult()
        for batch in _batched(articles, self.batch_size):
            total += self._add_batch(batch)
        return total

    def _existing_ids(self, ids: Sequence[str]) -> set[str]:
        self.con.register("_batch_ids", pa.table({"id": pa.array(ids, pa.string())}))
        try:
            found = self.con.execute(
                "SELECT a.id FROM articles a SEMI JOIN _batch_ids b ON a.id = b.id"
            ).fetchall()
        finally:
            self.con.unregister("_batch_ids")
        return {r[0] for r in found}

    def _add_batch(self, batch: list[Article]) -> AddResult:
        """One atomic batch: look up known ids, link near-duplicates, insert articles and provenance."""
        result = AddResult()
        with self.transaction():
            # upstream links (Article.duplicate_of) are looked up too: only links to stored
            # articles are kept, so the table never points at nothing
            wanted = {a.id for a in batch} | {a.duplicate_of for a in batch if a.duplicate_of}
            existing = self._existing_ids(sorted(wanted))
            # the LSH index (and its import) is only needed once a new article arrives: a re-run of
            # a stored corpus never loads it
            index = None if all(a.id in existing for a in batch) else self._ensure_index()
            now = datetime.now(UTC).replace(tzinfo=None)
            seq = self._seq()
            art_rows: list[dict[str, Any]] = []
            dup_rows: list[dict[str, Any]] = []
            seen: set[str] = set()
            for art in batch:
                _check_article(art)
                if art.id in existing or art.id in seen:
                    result.exact_duplicates += 1
                    dup_rows.append(
                        {
                            "article_id": art.id,
                            "duplicate_of": art.id,
                            "kind": "exact",
                            "similarity": 1.0,
                            "source_path": art.source_path,
                            "part": art.part,
                        }
                    )
                    continue
                seen.add(art.id)
                assert index is not None  # a batch with a new article loaded it
                sig = index.signature(art.text or "")
                match = index.add_signature(art.id, sig)
                # An upstream link is kept when the text itself matches nothing earlier.
                known = art.duplicate_of in existing or art.duplicate_of in seen
                upstream = art.duplicate_of if known else None
                dup_of = match.article_id if match else upstream
                similarity = match.similarity if match else None
                if dup_of == art.id:
                    dup_of = None
                if dup_of is not None:
                    result.near_duplicates += 1
                    dup_rows.append(
                        {
                            "article_id": art.id,
                            "duplicate_of": dup_of,
                            "kind": "near",
                            "similarity": similarity,
                            "source_path": art.source_path,
                            "part": art.part,
                        }
                    )
                art_rows.append(
                    R.article_row(
                        art,
                        seq=seq,
                        duplicate_of=dup_of,
                        ingested_at=now,
                        minhash=None if sig is None else signature_to_bytes(sig),
                    )
                )
                seq += 1
            result.added = self._insert(
                "articles", R.articles_table(art_rows), on_conflict="ON CONFLICT DO NOTHING"
            )
            self._write_duplicates(dup_rows)
            self._next_seq = seq
        return result

    def _write_duplicates(self, dup_rows: list[dict[str, Any]]) -> None:
        """Record provenance rows, skipping an exact copy that *is* the stored article's own provenance
        and any (article, kind, source, part) already recorded — which makes re-runs add nothing."""
        if not dup_rows:
            return
        data = R.duplicates_table(dup_rows)
        self.con.register("_batch_dups", data)
        try:
            self.con.execute(
                """
                INSERT INTO duplicates (article_id, duplicate_of, kind, similarity, source_path, part)
                SELECT DISTINCT ON (d.article_id, d.kind, d.source_path, d.part)
                       d.article_id, d.duplicate_of, d.kind, d.similarity, d.source_path, d.part
                FROM _batch_dups d
                ANTI JOIN articles a
                  ON d.kind = 'exact' AND a.id = d.article_id
                 AND a.source_path = d.source_path AND a.part = d.part
                ON CONFLICT DO NOTHING
                """
            ).fetchall()
        finally:
            self.con.unregister("_batch_dups")

    def has_article(self, article_id: str) -> bool:
        sql = "SELECT count(*) FROM articles WHERE id = ?"
        return self.con.execute(sql, [article_id]).fetchall()[0][0] > 0

    def get_article(self, article_id: str) -> Article | None:
        found = list(self.iter_articles(ids=[article_id]))
        return found[0] if found else None

    def iter_articles(
        self,
        ids: Iterable[str] | None = None,
        *,
        originals_only: bool = False,
        lang: str | None = None,
        chunk_size: int = 1000,
    ) -> Iterator[Article]:
        """Stored articles in insertion order, streamed in chunks (a corpus never sits in memory).

        Reads through a separate cursor so the caller may write (e.g. events) while iterating.
        """
        where, params = [], []
        if originals_only:
            where.append("duplicate_of IS NULL")
        if lang is not None:
            where.append("lang = ?")
            params.append(lang)
        cur = self.con.cursor()
        try:
            if ids is not None:
                cur.register("_wanted", pa.table({"id": pa.array(list(ids), pa.string())}))
                where.append("id IN (SELECT id FROM _wanted)")
            sql = "SELECT * EXCLUDE (minhash) FROM articles"
            if where:
                sql += " WHERE " + " AND ".join(where)
            for rb in arrow_batches(cur, sql + " ORDER BY seq", params, chunk_size):
                for row in rb.to_pylist():
                    yield R.article_from_row(row)
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: cannot read articles: {exc}") from exc
        finally:
            cur.close()

    def story_groups(self) -> dict[str, str]:
        """Story id (its first article) for every stored article; see :func:`dedup.story_groups`."""
        return story_groups(self.duplicate_links())

    def duplicate_links(self) -> Iterator[tuple[str, str | None]]:
        """``(article_id, duplicate_of)`` for every stored article, oldest first (for story grouping)."""
        cur = self.con.cursor()
        try:
            for rb in arrow_batches(cur, "SELECT id, duplicate_of FROM articles ORDER BY seq"):
                yield from zip(rb.column(0).to_pylist(), rb.column(1).to_pylist(), strict=True)
        finally:
            cur.close()

    # -- coded records -------------------------------------------------------------------------

    def _add_records(self, table: str, records: Iterable[T], to_arrow, on_conflict: str = "") -> int:
        self._check_writable()
        added = 0
        for batch in _batched(records, self.batch_size):
            with self.transaction():
                added += self._insert(table, to_arrow(batch), on_conflict=on_conflict)
        return added

    def add_mentions(self, mentions: Iterable[Mention]) -> int:
        """Append actor mentions (one transaction per batch); returns rows written."""
        return self._add_records("mentions", mentions, R.mentions_table)

    def add_events(self, events: Iterable[Event]) -> int:
        """Append events; an ``event_id`` already stored is skipped, so re-coding runs are idempotent."""
        return self._add_records("events", events, R.events_table, "ON CONFLICT DO NOTHING")

    def add_facts(self, facts: Iterable[Fact]) -> int:
        """Append quantitative facts (one transaction per batch); returns rows written."""
        return self._add_records("facts", facts, R.facts_table)

    def delete_for_articles(self, ids: Iterable[str], tables: Sequence[str] = CODED_TABLES) -> dict[str, int]:
        """Delete coded rows of these articles before re-coding them; returns rows deleted per table.

        Wrap it with the following ``add_*`` calls in :meth:`transaction` so readers never see an
        article with its old events gone and its new ones not yet written.
        """
        self._check_writable()
        bad = set(tables) - set(CODED_TABLES)
        if bad:
            raise StoreError(f"{self.path}: cannot delete from {sorted(bad)}; only {list(CODED_TABLES)}")
        wanted = pa.table({"id": pa.array(list(ids), pa.string())})
        deleted: dict[str, int] = {}
        with self.transaction():
            self.con.register("_del_ids", wanted)
            try:
                for table in tables:
                    res = self.con.execute(
                        f"DELETE FROM {table} WHERE article_id IN (SELECT id FROM _del_ids)"
                    ).fetchall()[0]
                    deleted[table] = int(res[0]) if res else 0
            finally:
                self.con.unregister("_del_ids")
        return deleted

    def uncoded(self, ids: Iterable[str], coder: str) -> set[str]:
        """Those of ``ids`` that are stored but not yet coded by this ``coder`` version."""
        wanted = pa.table({"id": pa.array(list(dict.fromkeys(ids)), pa.string())})
        cur = self.con.cursor()
        try:
            cur.register("_want_coded", wanted)
            rows = cur.execute(
                "SELECT w.id FROM _want_coded w JOIN articles a ON a.id = w.id "
                "LEFT JOIN coded c ON c.article_id = w.id AND c.coder = ? WHERE c.article_id IS NULL",
                [coder],
            ).fetchall()
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: cannot read coding state: {exc}") from exc
        finally:
            cur.close()
        return {r[0] for r in rows}

    def replace_coded(
        self,
        article_ids: Sequence[str],
        coder: str,
        mentions: Iterable[Mention],
        events: Iterable[Event],
        facts: Iterable[Fact],
    ) -> int:
        """Swap in the coded rows of these articles and mark them coded, all in one transaction.

        A crash before the commit leaves the articles uncoded (the next run codes them again); after
        it, they are complete. Returns the number of events written.
        """
        ids = list(article_ids)
        events = list(events)
        counts: dict[str, int] = {i: 0 for i in ids}
        for e in events:
            if e.article_id in counts:
                counts[e.article_id] += 1
        with self.transaction():
            self.delete_for_articles(ids)
            self.con.register("_coded_ids", pa.table({"id": pa.array(ids, pa.string())}))
            try:
                self.con.execute("DELETE FROM coded WHERE article_id IN (SELECT id FROM _coded_ids)")
            finally:
                self.con.unregister("_coded_ids")
            self.add_mentions(mentions)
            written = self.add_events(events)
            self.add_facts(facts)
            marks = pa.table(
                {
                    "article_id": pa.array(ids, pa.string()),
                    "coder": pa.array([coder] * len(ids), pa.string()),
                    "events": pa.array([counts[i] for i in ids], pa.int32()),
                }
            )
            self._insert("coded", marks)
        return written

    def iter_mentions(self, article_id: str | None = None) -> Iterator[Mention]:
        """Stored mentions (of one article, or all) in text order."""
        for row in self._rows("mentions", article_id, 'article_id, "start", "end"'):
            yield R.mention_from_row(row)

    def iter_events(self, article_id: str | None = None) -> Iterator[Event]:
        """Stored events rebuilt as :class:`Event` records, in text order."""
        for row in self._rows("events", article_id, "article_id, span_start, event_id"):
            yield R.event_from_row(row)

    def iter_facts(self, article_id: str | None = None) -> Iterator[Fact]:
        """Stored facts rebuilt as :class:`Fact` records, in text order."""
        for row in self._rows("facts", article_id, "article_id, span_start, kind"):
            yield R.fact_from_row(row)

    def _rows(self, table: str, article_id: str | None, order: str) -> Iterator[dict[str, Any]]:
        cur = self.con.cursor()
        try:
            where, params = ("WHERE article_id = ?", [article_id]) if article_id is not None else ("", [])
            sql = f"SELECT * FROM {table} {where} ORDER BY {order}"
            for rb in arrow_batches(cur, sql, params):
                yield from rb.to_pylist()
        finally:
            cur.close()

    # -- summaries -----------------------------------------------------------------------------

    def count(self, table: str = "articles") -> int:
        if table not in TABLES:
            raise StoreError(f"{self.path}: unknown table {table!r}; one of {', '.join(TABLES)}")
        return self.con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]

    def counts(self) -> dict[str, int]:
        return {t: self.count(t) for t in TABLES}

    def stats(self) -> list[dict[str, Any]]:
        """Stored article counts per source, per language and per year (undated last), as records.

        Every stored article row counts, near-duplicates included (they are separate publications).
        """
        rows: list[dict[str, Any]] = []
        queries = [
            (
                "source",
                f"SELECT {_SOURCE_SQL} AS v, count(*) AS n FROM articles GROUP BY v ORDER BY n DESC, v",
            ),
            (
                "lang",
                "SELECT coalesce(lang, 'unknown') AS v, count(*) AS n FROM articles"
                " GROUP BY v ORDER BY n DESC, v",
            ),
            ("year", "SELECT year AS v, count(*) AS n FROM articles GROUP BY v ORDER BY v NULLS LAST"),
        ]
        try:
            for dimension, sql in queries:
                for value, n in self.con.execute(sql).fetchall():
                    rows.append(
                        {
                            "dimension": dimension,
                            "value": "undated" if value is None else str(value),
                            "articles": n,
                        }
                    )
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: cannot compute stats: {exc}") from exc
        return rows
